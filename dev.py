#!/usr/bin/env python3
"""Set up OMO POS in a local virtual environment, then start it or test it.

    python3 dev.py start [omo-pos arguments...]   # set up, then start the demo shop
    python3 dev.py test  [pytest arguments...]    # set up, then run the whole test suite

Needs only Python 3.11+. Creates `.venv/` next to this file, installs the pinned versions from
`constraints.txt`, installs the few system libraries Qt and zbar need (with apt-get when run as root,
otherwise it prints the exact command), and re-installs only when pyproject.toml or constraints.txt
changed. Then it asks the dynamic loader (`ldd`) what the installed Qt and its platform plugin (xcb for
`start`, offscreen for `test`) still lack, and installs or names the Debian/Ubuntu packages that ship it,
instead of letting Qt abort with a message that blames the wrong library.
Standard library only: this runs before anything else is installed.
"""

from __future__ import annotations

import ctypes.util
import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("OMO_POS_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")

# Shared libraries the program loads at run time, and the Debian package that ships each one.
# Qt's xcb/offscreen platforms need the GL/EGL/xkb/fontconfig/dbus ones; pyzbar needs libzbar (optional:
# zxing-cpp leads the QR pipeline, so the program still works without it).
SYSTEM_LIBS = {
    "GL": "libgl1",
    "EGL": "libegl1",
    "xkbcommon": "libxkbcommon0",
    "fontconfig": "libfontconfig1",
    "dbus-1": "libdbus-1-3",
    "zbar": "libzbar0",
}


# What the binding's modules the program imports, the xcb and offscreen platform plugins and the Qt
# libraries they load from the wheel link outside PySide6, by soname, and the Debian/Ubuntu package that
# ships each one. Checked against the installed PySide6 by tests/test_dev_setup.py, so a PySide6 that
# needs a new library fails that test. A soname not listed gets the name Debian policy gives its package.
QT_PLATFORM_LIBS = {
    # the xcb platform: the X11 client libraries
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    # drawing, fonts, desktop bus
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    # Qt's core dependencies (named unlike their sonames)
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    # the C and C++ runtimes
    "libc.so.6": "libc6",
    "libm.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6",
    "librt.so.1": "libc6",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
}


def say(msg: str) -> None:
    print(f"[dev.py] {msg}", flush=True)


def apt_install(packages: list[str], what: str) -> bool:
    """Install `packages` with apt-get when root, else print the exact command. True when installed."""
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"installing {what}: " + " ".join(packages))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        if subprocess.run(cmd, check=False, env=env).returncode == 0:
            return True
        say(f"could not install the {what}. Try: sudo " + " ".join(cmd))
    elif shutil.which("apt-get"):
        say(f"missing {what}. Please run:\n    sudo apt-get update && sudo " + " ".join(cmd))
    else:
        say(f"missing {what}; on Debian or Ubuntu these packages ship them: " + " ".join(packages))
    return False


# A font with kanji and kana, for the Japanese screens, receipts and Z reports on a bare Linux (Qt and the
# PDF writer fall back to it through fontconfig / by path). IPA Font License: free to redistribute.
JAPANESE_FONT = "fonts-ipafont-gothic"


def ensure_system_libraries() -> None:
    if not sys.platform.startswith("linux"):
        return
    missing = sorted({pkg for lib, pkg in SYSTEM_LIBS.items() if ctypes.util.find_library(lib) is None})
    if missing and not apt_install(missing, "system libraries"):
        say("the program may not start without them.")
    fc_list = shutil.which("fc-list")
    if fc_list and not subprocess.run([fc_list, ":lang=ja"], capture_output=True, text=True).stdout.strip():
        if not apt_install([JAPANESE_FONT], "a Japanese font"):
            say("Japanese text will show as boxes without it.")


def package_for(soname: str) -> str:
    """The Debian/Ubuntu package that ships the shared library `soname`.

    From QT_PLATFORM_LIBS, else the name Debian policy (8.1) gives a library package: the soname's name
    and version, a hyphen between them when the name ends in a digit (libX11-xcb.so.1 -> libx11-xcb1,
    libxkbcommon-x11.so.0 -> libxkbcommon-x11-0).
    """
    if soname in QT_PLATFORM_LIBS:
        return QT_PLATFORM_LIBS[soname]
    if soname.startswith("ld-linux"):
        return "libc6"
    name, _, version = soname.partition(".so.")
    if not version:
        return name.lower()
    sep = "-" if name[-1:].isdigit() else ""
    return f"{name}{sep}{version}".lower().replace("_", "-")


def ldd_libraries(binaries: list[Path]) -> dict[str, str | None] | None:
    """What the dynamic loader resolves for `binaries`, soname -> path (None: "not found"), with the
    libraries those need in turn. None when there is no `ldd` to ask or it can read none of the files."""
    ldd = shutil.which("ldd")
    if ldd is None or not binaries:
        return None
    out = subprocess.run([ldd, *map(str, binaries)], capture_output=True, text=True, check=False)
    found: dict[str, str | None] = {}
    for line in out.stdout.splitlines():
        m = re.match(r"\s*(\S+)\s+=>\s+(not found|\S+)", line)
        if m:
            found[m[1]] = None if m[2] == "not found" else m[2]
    return found if found or out.returncode == 0 else None


# The binding's modules the program imports (ui/qt.py; a test keeps the two in step).
QT_MODULES = ("QtCore", "QtGui", "QtPrintSupport", "QtWidgets")


def qt_platform(what: str) -> str:
    """The Qt platform plugin the command will load: QT_QPA_PLATFORM's first choice, else xcb (start) or
    offscreen (test, which runs without a display)."""
    chosen = os.environ.get("QT_QPA_PLATFORM") or ("offscreen" if what == "test" else "xcb")
    return chosen.split(";")[0].split(":")[0].strip()


def qt_binaries(platform: str) -> list[Path]:
    """The installed PySide6's files the program loads: the binding's modules it imports and the plugin
    of `platform` (libqxcb.so for xcb). Empty when PySide6 is not installed."""
    found = sorted(VENV.glob("lib/python3*/site-packages/PySide6"))
    if not found:
        return []
    pyside = found[-1]
    modules = [f for f in sorted(pyside.glob("Qt*.so")) if f.name.split(".")[0] in QT_MODULES]
    plugin = pyside / "Qt" / "plugins" / "platforms" / f"libq{platform}.so"
    return modules + ([plugin] if plugin.exists() else [])  # no such plugin: Qt names the ones it has


def ensure_platform_libraries(platform: str) -> bool:
    """Install (root) or name the packages whose libraries Qt and its `platform` plugin lack, asking `ldd`.

    False when libraries are still missing: the import of Qt would fail, or Qt would abort at start-up
    blaming libxcb-cursor0 whatever is missing, so the caller does not start it. True when nothing is
    missing or it cannot be checked (not Linux, no PySide6 installed, no ldd).
    """
    if not sys.platform.startswith("linux"):
        return True
    binaries = qt_binaries(platform)

    def lacking() -> list[str] | None:
        libraries = ldd_libraries(binaries)
        return None if libraries is None else sorted(s for s, path in libraries.items() if path is None)

    missing = lacking()
    if missing is None:
        if binaries:
            say(f"note: no ldd here to check the libraries the Qt {platform} platform needs; skipped.")
        return True
    if not missing:
        return True
    say(f"Qt and its {platform} platform need libraries this system lacks: " + " ".join(missing))
    packages = sorted({package_for(soname) for soname in missing})
    if apt_install(packages, f"libraries of Qt's {platform} platform"):
        missing = lacking()
        if not missing:
            return True
        say("still missing after the install: " + " ".join(missing))
    say(f"Qt's {platform} platform cannot load until these are installed; not starting.")
    return False


def fingerprint(extras: str) -> str:
    h = hashlib.sha256(extras.encode())
    for name in ("pyproject.toml", "constraints.txt"):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def ensure_venv(extras: str) -> None:
    if not PY.exists():
        say(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".omo-pos-installed"
    want = fingerprint(extras)
    if stamp.exists() and stamp.read_text().strip() == want:
        return
    say("installing OMO POS and its pinned dependencies (first run takes a few minutes)")
    target = f".[{extras}]" if extras else "."
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check", "install", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-c", str(ROOT / "constraints.txt"), "-e", target], check=True, cwd=ROOT)
    stamp.write_text(want)


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs before the venv exists
        say(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
        return 2
    if not argv or argv[0] not in {"start", "test"}:
        print(__doc__)
        return 2
    what, rest = argv[0], argv[1:]
    ensure_system_libraries()
    # The test environment is a superset of the run environment: one venv serves both.
    ensure_venv("dev")
    if not ensure_platform_libraries(qt_platform(what)):
        return 1
    # the window's translations: i18n/*.ts compiled to .qm (not committed), lenient so a string added a
    # minute ago and not yet translated does not stop the till (tools/i18n.py check is strict)
    subprocess.call([str(PY), str(ROOT / "tools" / "i18n.py"), "build", "--lenient"], cwd=ROOT)
    env = dict(os.environ)
    if what == "start":
        return subprocess.call([str(BIN / "omo-pos"), *rest], cwd=ROOT, env=env)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONFAULTHANDLER"] = "1"
    return subprocess.call([str(PY), "-m", "pytest", *parallel(rest), *rest], cwd=ROOT, env=env)


def parallel(args: list[str]) -> list[str]:
    """pytest-xdist's options: one worker per core, each taking the next test as it finishes one (the
    suite mixes millisecond tests with minute-long ones). `-n 0` (or any -n/--dist given) chooses
    otherwise, e.g. to see a test's prints with -s."""
    chosen = any(a.startswith(("-n", "--numprocesses", "--dist")) or a == "no:xdist" for a in args)
    return [] if chosen else ["--numprocesses", "auto", "--dist", "worksteal"]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
