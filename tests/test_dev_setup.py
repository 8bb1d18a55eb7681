"""dev.py's system-library check for the Qt platform plugins, against the plugin PySide6 really ships.

`python3 dev.py start` once failed on a minimal Debian: the xcb plugin links libxcb-icccm4 and
libxcb-keysyms1, which dev.py did not know, and Qt's abort message blamed libxcb-cursor0. dev.py now asks
`ldd` what the plugin lacks and maps each soname to its package; these tests hold that map to the plugin,
so a PySide6 that links a new library fails here instead of at a shop's start-up.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import dev

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF/ldd: Linux only")

SHT_DYNAMIC = 6
DT_NEEDED = 1


def needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file: the sonames it links directly."""
    data = path.read_bytes()
    assert data[:6] == b"\x7fELF\x02\x01", f"{path} is not a 64-bit little-endian ELF file"
    shoff, shentsize, shnum = struct.unpack_from("<Q", data, 0x28)[0], *struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if kind != SHT_DYNAMIC:
            continue
        strtab = sections[link][4]
        for tag, value in struct.iter_unpack("<qQ", data[offset : offset + size]):
            if tag == DT_NEEDED:
                names.append(data[strtab + value : data.index(b"\0", strtab + value)].decode())
    return names


def qt_dir() -> Path:
    import PySide6  # only to find where the wheel is

    return Path(PySide6.__file__).parent / "Qt"


def plugin(platform: str) -> Path:
    return qt_dir() / "plugins" / "platforms" / f"libq{platform}.so"


def modules() -> list[Path]:
    return [p for p in sorted(qt_dir().parent.glob("Qt*.so")) if p.name.split(".")[0] in dev.QT_MODULES]


def system_libraries(*platforms: str) -> set[str]:
    """Every soname the binding's modules the program imports, the platform plugins and the wheel's
    libraries they pull in (Qt, shiboken, pyside) link from the system."""
    wheels = qt_dir().parent.parent
    bundled = {
        p.name: p for d in (qt_dir() / "lib", wheels / "shiboken6", wheels / "PySide6") for p in d.iterdir()
    }
    todo, seen, system = [*modules(), *(plugin(p) for p in platforms)], set(), set()
    while todo:
        for soname in needed(todo.pop()):
            if soname in bundled and soname not in seen:
                seen.add(soname)
                todo.append(bundled[soname])
            elif soname not in bundled:
                system.add(soname)
    return system


def test_the_modules_checked_are_the_ones_the_program_imports():
    imported = re.findall(r"^from PySide6\.(\w+) import", (ROOT / "ui" / "qt.py").read_text(), re.MULTILINE)
    assert sorted(imported) == sorted(dev.QT_MODULES)
    assert len(modules()) == len(dev.QT_MODULES)


def test_the_table_names_every_system_library_qt_and_the_xcb_and_offscreen_plugins_link():
    libraries = system_libraries("xcb", "offscreen")
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libglib-2.0.so.0"} <= libraries  # sanity
    unknown = sorted(s for s in libraries if s not in dev.QT_PLATFORM_LIBS and not s.startswith("ld-linux"))
    assert not unknown, f"add these to dev.QT_PLATFORM_LIBS with their Debian package: {unknown}"


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian/Ubuntu system")
def test_each_package_named_is_the_one_that_ships_the_library_on_this_system():
    checked = 0
    for soname in sorted(system_libraries("xcb", "offscreen")):
        out = subprocess.run(["dpkg-query", "-S", f"*/{soname}"], capture_output=True, text=True, check=False)
        owners = {line.split(":")[0] for line in out.stdout.splitlines() if ": /" in line}
        if not owners:
            continue  # not installed here: nothing to compare with
        checked += 1
        want = dev.package_for(soname)
        # Ubuntu 24.04 and Debian 13 renamed some libraries for 64-bit time (libglib2.0-0t64); the new
        # package provides the old name, which apt-get installs.
        assert want in owners or f"{want}t64" in owners, f"{soname}: dev.py says {want}, dpkg says {owners}"
    assert checked >= 10, "dpkg knew too few of the libraries to compare"


@pytest.mark.skipif(shutil.which("ldd") is None, reason="no ldd")
def test_ldd_reports_every_library_the_modules_and_the_plugin_link(monkeypatch):
    monkeypatch.setattr(dev, "VENV", Path(sys.prefix))
    binaries = dev.qt_binaries("xcb")
    assert [b.resolve() for b in binaries] == [b.resolve() for b in (*modules(), plugin("xcb"))]
    libraries = dev.ldd_libraries(binaries)
    assert libraries is not None
    linked = {soname for b in binaries for soname in needed(b)}
    assert {s for s in linked if not s.startswith("ld-linux")} <= set(libraries)
    for soname, path in libraries.items():
        assert path is None or Path(path).name == soname or Path(path).exists(), (soname, path)


def test_unlisted_libraries_get_the_debian_policy_name():
    assert dev.package_for("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert dev.package_for("libz.so.1") == "zlib1g"  # listed: named unlike its soname
    assert dev.package_for("libxcb-ewmh.so.2") == "libxcb-ewmh2"
    assert dev.package_for("libxcb-dri3.so.0") == "libxcb-dri3-0"  # a name ending in a digit: hyphen
    assert dev.package_for("libwayland-client.so.0") == "libwayland-client0"
    assert dev.package_for("ld-linux-aarch64.so.1") == "libc6"


@pytest.mark.parametrize(
    ("what", "env", "platform"),
    [
        ("start", None, "xcb"),
        ("test", None, "offscreen"),
        ("start", "wayland;xcb", "wayland"),
        ("start", "offscreen:fontengine=freetype", "offscreen"),
    ],
)
def test_the_platform_checked_is_the_one_qt_will_load(monkeypatch, what, env, platform):
    if env is None:
        monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    else:
        monkeypatch.setenv("QT_QPA_PLATFORM", env)
    assert dev.qt_platform(what) == platform


MINIMAL_DEBIAN = {  # what ldd said of libqxcb.so on a minimal Debian bookworm, in part
    "libxcb-cursor.so.0": "/lib/x86_64-linux-gnu/libxcb-cursor.so.0",
    "libxcb-icccm.so.4": None,
    "libxcb-keysyms.so.1": None,
    "libxcb.so.1": "/lib/x86_64-linux-gnu/libxcb.so.1",
}


class FakeSystem:
    """ldd answers and the commands dev.py runs, for the install paths without touching this machine."""

    def __init__(self, monkeypatch, *, root: bool, answers: list, apt_rc: int = 0):
        self.answers, self.apt_rc, self.commands = list(answers), apt_rc, []
        monkeypatch.setattr(sys, "platform", "linux")
        monkeypatch.setattr(dev, "qt_binaries", lambda platform: [Path(f"/fake/libq{platform}.so")])
        monkeypatch.setattr(dev, "ldd_libraries", lambda binaries: self.answers.pop(0))
        monkeypatch.setattr(dev.os, "geteuid", lambda: 0 if root else 1000)
        monkeypatch.setattr(dev.shutil, "which", lambda name: f"/usr/bin/{name}")
        monkeypatch.setattr(dev.subprocess, "run", self.run)

    def run(self, cmd, **kwargs):
        self.commands.append(cmd)
        return subprocess.CompletedProcess(cmd, self.apt_rc if "install" in cmd else 0)


def test_as_root_the_missing_packages_are_installed(monkeypatch):
    fake = FakeSystem(monkeypatch, root=True, answers=[MINIMAL_DEBIAN, {}])
    assert dev.ensure_platform_libraries("xcb") is True
    assert fake.commands[-1] == [
        "apt-get", "install", "-y", "--no-install-recommends", "libxcb-icccm4", "libxcb-keysyms1"
    ]  # fmt: skip
    assert fake.answers == []  # checked again after the install


def test_as_root_a_library_still_missing_after_the_install_stops_the_start(monkeypatch, capsys):
    FakeSystem(monkeypatch, root=True, answers=[MINIMAL_DEBIAN, {"libxcb-keysyms.so.1": None}])
    assert dev.ensure_platform_libraries("xcb") is False
    assert "still missing after the install: libxcb-keysyms.so.1" in capsys.readouterr().out


def test_as_root_a_failed_install_names_the_command(monkeypatch, capsys):
    FakeSystem(monkeypatch, root=True, answers=[MINIMAL_DEBIAN], apt_rc=100)
    assert dev.ensure_platform_libraries("xcb") is False
    out = capsys.readouterr().out
    assert "Try: sudo apt-get install -y --no-install-recommends libxcb-icccm4 libxcb-keysyms1" in out


def test_otherwise_the_exact_command_is_printed_and_the_till_is_not_started(monkeypatch, capsys):
    fake = FakeSystem(monkeypatch, root=False, answers=[MINIMAL_DEBIAN])
    monkeypatch.setattr(dev, "ensure_system_libraries", lambda: None)
    monkeypatch.setattr(dev, "ensure_venv", lambda extras: None)
    started = []
    monkeypatch.setattr(dev.subprocess, "call", lambda *a, **k: started.append(a) or 0)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)

    assert dev.main(["start"]) == 1
    assert started == [] and fake.commands == []
    out = capsys.readouterr().out
    assert "libxcb-icccm.so.4 libxcb-keysyms.so.1" in out
    assert (
        "sudo apt-get update && sudo apt-get install -y --no-install-recommends libxcb-icccm4 libxcb-keysyms1"
        in out
    )
    assert "not starting" in out


def test_nothing_missing_starts_without_installing(monkeypatch):
    fake = FakeSystem(monkeypatch, root=True, answers=[{"libxcb.so.1": "/lib/libxcb.so.1"}])
    assert dev.ensure_platform_libraries("xcb") is True
    assert fake.commands == []


def test_without_ldd_the_check_is_skipped_with_a_note(monkeypatch, capsys):
    monkeypatch.setattr(dev.shutil, "which", lambda name: None)
    assert dev.ldd_libraries([Path("/any")]) is None
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(dev, "qt_binaries", lambda platform: [Path("/fake/libqxcb.so")])
    assert dev.ensure_platform_libraries("xcb") is True
    assert "no ldd here" in capsys.readouterr().out


def test_no_such_plugin_is_left_to_qt_and_no_pyside6_or_not_linux_is_not_checked(monkeypatch, tmp_path):
    monkeypatch.setattr(dev, "VENV", Path(sys.prefix))
    assert dev.qt_binaries("no-such-platform") == modules()  # Qt names the platforms it has
    monkeypatch.setattr(dev, "VENV", tmp_path)
    assert dev.qt_binaries("xcb") == []
    monkeypatch.setattr(dev, "ldd_libraries", lambda binaries: pytest.fail("ldd must not run"))
    monkeypatch.setattr(sys, "platform", "darwin")
    assert dev.ensure_platform_libraries("xcb") is True


def test_on_a_system_without_apt_the_packages_are_named(monkeypatch, capsys):
    FakeSystem(monkeypatch, root=False, answers=[MINIMAL_DEBIAN])
    monkeypatch.setattr(dev.shutil, "which", lambda name: None if name == "apt-get" else f"/usr/bin/{name}")
    assert dev.ensure_platform_libraries("xcb") is False
    assert (
        "on Debian or Ubuntu these packages ship them: libxcb-icccm4 libxcb-keysyms1"
        in capsys.readouterr().out
    )
