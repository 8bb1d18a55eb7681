"""What pyinstaller.spec leaves out of the bundle after PyInstaller's analysis (issue 20: the 500 MB budget).

PyInstaller's hooks collect every Qt plugin and translation of the modules the program imports, and with
each plugin the system libraries it links to. `slim(binaries, datas, ...)` takes the analysis' TOC lists
(`(dest, source, typecode)`) and returns them without:

- Qt's translations other than `qtbase_<lang>.qm` for the program's own languages (ui/i18n.py installs
  only that one; the 70-odd others, Qt Help's and Qt Designer's included, are never loaded);
- Qt plugins the till never loads (`UNUSED_QT_PLUGINS`): the GTK 3 platform theme (it links GTK, which the
  bundle does not carry, so it never loaded anyway, but it dragged in cairo, pango and glib), the VNC and
  Vulkan display platforms, and image formats the program never reads (it draws PNG and SVG; JPEG and ICO
  stay for a logo);
- then every shared library that nothing left in the bundle links to (`prune`): the libraries those
  plugins, and the extension modules excluded in the spec, brought in.

Kept on purpose: the xcb, Wayland, EGLFS, linuxfb and offscreen platforms (a till may run under X, Wayland
or full-screen without a desktop; `--self-test` runs offscreen), CUPS print support (receipts on a system
printer), and everything OpenCV, numpy, Babel and Qt itself link to.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePosixPath

Entry = tuple[str, str, str]  # PyInstaller's TOC entry: (name in the bundle, source path, typecode)
Imports = Callable[[str], Iterable[tuple[str, str | None]]]  # a library's needed libraries, transitively

QT = "PySide6/Qt/"
UNUSED_QT_PLUGINS = re.compile(
    r"^PySide6/Qt/plugins/("
    r"platformthemes/libqgtk3\.so"
    r"|platforms/lib(qvnc|qvkkhrdisplay|qminimalegl)\.so"
    r"|imageformats/lib(qtiff|qwebp|qtga|qwbmp|qicns|qgif)\.so"
    r")$"
)


def _posix(name: str) -> str:
    return name.replace("\\", "/")


def qt_translation_wanted(dest: str, languages: Sequence[str]) -> bool:
    """Whether a file of Qt's translations directory is one ui/i18n.py loads (`qtbase_<lang>.qm`)."""
    name = PurePosixPath(_posix(dest)).name
    return any(name == f"qtbase_{lang}.qm" for lang in languages)


def _is_qt_translation(dest: str) -> bool:
    return _posix(dest).startswith(QT + "translations/")


def prunable(dest: str) -> bool:
    """A shared library that is in the bundle only because something links to it: a library at the top of
    the bundle or one of Qt's own, or one a wheel vendors (`<name>.libs/`). Never Python itself, nor
    libzbar (pyzbar loads it by name through ctypes: nothing links to it)."""
    path = PurePosixPath(_posix(dest))
    if not path.name.startswith("lib") or ".so" not in path.name:
        return False  # extension modules (`*.cpython-*.so`, `*.abi3.so`), plugins' own files, Windows/macOS
    if path.name.startswith(("libpython", "libzbar")):
        return False
    parent = str(path.parent)
    return parent == "." or parent == QT + "lib" or parent.endswith(".libs")


def prune(binaries: Sequence[Entry], imports: Imports) -> list[Entry]:
    """`binaries` without the prunable libraries that no other binary in it needs (directly or not)."""
    needed: set[str] = set()
    for dest, source, kind in binaries:
        if kind != "SYMLINK" and not prunable(dest):
            needed |= {name for name, _path in imports(source)}
    kept = [e for e in binaries if not prunable(e[0]) or PurePosixPath(_posix(e[0])).name in needed]
    kept_names = {e[0] for e in kept}
    # a symbolic link PyInstaller made to a library goes with it (typecode SYMLINK, source: the target)
    return [e for e in kept if e[2] != "SYMLINK" or _target(e) in kept_names]


def _target(entry: Entry) -> str:
    """Where a SYMLINK entry points, as a name in the bundle (its source is relative to its folder)."""
    dest, source, _kind = entry
    return posixpath.normpath(posixpath.join(posixpath.dirname(_posix(dest)), _posix(source)))


def slim(
    binaries: Sequence[Entry], datas: Sequence[Entry], *, languages: Sequence[str], imports: Imports
) -> tuple[list[Entry], list[Entry]]:
    """The analysis' binaries and datas without what the till never loads (see the module's notes)."""
    datas = [e for e in datas if not _is_qt_translation(e[0]) or qt_translation_wanted(e[0], languages)]
    binaries = [
        e
        for e in binaries
        if not UNUSED_QT_PLUGINS.match(_posix(e[0]))
        and (not _is_qt_translation(e[0]) or qt_translation_wanted(e[0], languages))
    ]
    return prune(binaries, imports), datas


__all__ = ["UNUSED_QT_PLUGINS", "prunable", "prune", "qt_translation_wanted", "slim"]
