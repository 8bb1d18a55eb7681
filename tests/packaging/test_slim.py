"""packaging/slim.py: what the spec leaves out of the bundle (fast: on TOC lists, no build)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("omo_slim", ROOT / "packaging" / "slim.py")
slim = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(slim)

LINKS = {  # what each file links to, transitively (what PyInstaller's get_imports answers)
    "/src/_ssl.so": {"libssl.so.3", "libcrypto.so.3"},
    "/src/QtGui.abi3.so": {"libQt6Gui.so.6", "libQt6Core.so.6", "libicuuc.so.73"},
    "/src/libqxcb.so": {"libQt6XcbQpa.so.6", "libQt6Gui.so.6", "libxcb.so.1"},
    "/src/libqgtk3.so": {"libQt6Gui.so.6", "libcairo.so.2", "libpango-1.0.so.0"},
    "/src/cv2.abi3.so": {"libavcodec-c42.so.62", "libz.so.1"},
}


def imports(source: str):
    return [(name, f"/lib/{name}") for name in LINKS.get(source, ())]


BINARIES = [
    ("python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", "/src/_ssl.so", "EXTENSION"),
    ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
    ("cv2/cv2.abi3.so", "/src/cv2.abi3.so", "EXTENSION"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", "/src/libqtiff.so", "BINARY"),
    ("libssl.so.3", "/lib/libssl.so.3", "BINARY"),
    ("libcrypto.so.3", "/lib/libcrypto.so.3", "BINARY"),
    ("libcairo.so.2", "/lib/libcairo.so.2", "BINARY"),
    ("libpango-1.0.so.0", "/lib/libpango-1.0.so.0", "BINARY"),
    ("libxcb.so.1", "/lib/libxcb.so.1", "BINARY"),
    ("libzbar.so.0", "/lib/libzbar.so.0", "BINARY"),  # pyzbar loads it by name: nothing links to it
    ("libpython3.11.so.1.0", "/lib/libpython3.11.so.1.0", "BINARY"),
    ("PySide6/Qt/lib/libQt6Gui.so.6", "/qt/libQt6Gui.so.6", "BINARY"),
    ("PySide6/Qt/lib/libQt6Core.so.6", "/qt/libQt6Core.so.6", "BINARY"),
    ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/qt/libQt6XcbQpa.so.6", "BINARY"),
    ("PySide6/Qt/lib/libicuuc.so.73", "/qt/libicuuc.so.73", "BINARY"),
    ("PySide6/Qt/lib/libQt6Network.so.6", "/qt/libQt6Network.so.6", "BINARY"),  # nobody links to it
    ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
    ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
    ("opencv_python_headless.libs/libavcodec-c42.so.62", "/w/libavcodec-c42.so.62", "BINARY"),
    ("opencv_python_headless.libs/libaom-a0d.so.3", "/w/libaom-a0d.so.3", "BINARY"),  # PIL._avif's, gone
]
DATAS = [
    ("PySide6/Qt/translations/qtbase_it.qm", "/qt/qtbase_it.qm", "DATA"),
    ("PySide6/Qt/translations/qtbase_ja.qm", "/qt/qtbase_ja.qm", "DATA"),
    ("PySide6/Qt/translations/qtbase_de.qm", "/qt/qtbase_de.qm", "DATA"),
    ("PySide6/Qt/translations/qt_help_it.qm", "/qt/qt_help_it.qm", "DATA"),
    ("PySide6/Qt/translations/qt_it.qm", "/qt/qt_it.qm", "DATA"),
    ("i18n/omo_it.qm", "/src/omo_it.qm", "DATA"),
    ("babel/locale-data/de.dat", "/b/de.dat", "DATA"),
]


def test_the_slim_bundle_keeps_what_is_loaded_and_drops_what_nothing_loads():
    binaries, datas = slim.slim(BINARIES, DATAS, languages=["en", "it", "ja"], imports=imports)
    kept = {dest for dest, _source, _kind in binaries}
    assert kept == {
        "python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
        "PySide6/QtGui.abi3.so",
        "cv2/cv2.abi3.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libssl.so.3",
        "libcrypto.so.3",
        "libxcb.so.1",
        "libzbar.so.0",
        "libpython3.11.so.1.0",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libicuuc.so.73",
        "libQt6Gui.so.6",
        "opencv_python_headless.libs/libavcodec-c42.so.62",
    }
    assert [d for d, _s, _k in datas] == [
        "PySide6/Qt/translations/qtbase_it.qm",
        "PySide6/Qt/translations/qtbase_ja.qm",
        "i18n/omo_it.qm",
        "babel/locale-data/de.dat",
    ]


def test_only_libraries_something_links_to_can_be_pruned():
    assert slim.prunable("libcairo.so.2") and slim.prunable("PySide6/Qt/lib/libQt6Svg.so.6")
    assert slim.prunable("numpy.libs/libscipy_openblas64_-32a4b2a6.so")
    assert not slim.prunable("libzbar.so.0") and not slim.prunable("libpython3.11.so.1.0")
    assert not slim.prunable("PySide6/Qt/plugins/platforms/libqxcb.so")  # Qt loads plugins by path
    assert not slim.prunable("cv2/cv2.abi3.so") and not slim.prunable("_cffi_backend.cpython-311-x86_64.so")
    assert not slim.prunable("i18n/omo_it.qm")


def test_the_plugins_left_out_are_never_the_ones_the_till_runs_on():
    for kept in ("platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
                 "platforms/libqeglfs.so", "platforms/libqlinuxfb.so", "imageformats/libqsvg.so",
                 "imageformats/libqjpeg.so", "iconengines/libqsvgicon.so",
                 "printsupport/libcupsprintersupport.so"):  # fmt: skip
        assert not slim.UNUSED_QT_PLUGINS.match(f"PySide6/Qt/plugins/{kept}"), kept
    assert slim.UNUSED_QT_PLUGINS.match("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
