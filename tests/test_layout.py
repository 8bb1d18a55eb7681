"""The layer rule is a property of the code; this test keeps it honest even without lint-imports."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_POS = {
    "PySide6",
    "requests",
    "urllib3",
    "stripe",
    "sqlite3",
    "sqlite_utils",
    "cv2",
    "ui",
    "app",
    "sync",
    "hardware",
    "pyzbar",
    "zxingcpp",
    "fastapi",
    "keyring",
    "http",
    "socket",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_pos_is_pure():
    offenders = {
        str(p.relative_to(ROOT)): sorted(_imports(p) & FORBIDDEN_IN_POS) for p in (ROOT / "pos").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_app_sync_and_hardware_never_import_qt_or_ui():
    for pkg in ("app", "sync", "hardware"):
        for p in (ROOT / pkg).rglob("*.py"):
            assert not _imports(p) & {"PySide6", "shiboken6", "ui"}, p


def test_sync_and_hardware_never_import_app():
    for pkg in ("sync", "hardware"):
        for p in (ROOT / pkg).rglob("*.py"):
            assert "app" not in _imports(p), p


_VISIBLE = {
    "QLabel",
    "QPushButton",
    "TouchButton",
    "QGroupBox",
    "QCheckBox",
    "QRadioButton",
    "QDockWidget",
    "setText",
    "setPlaceholderText",
    "setWindowTitle",
    "setToolTip",
    "setAccessibleName",
    "setLabelText",
    "set_message",
    "show_message",
    "addTab",
    "setTabText",
    "setTitle",
}


def _literal_text(node: ast.expr) -> bool:
    """A sentence written in the code: a non-empty string literal, or an f-string with words in it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(v, ast.Constant) and any(ch.isalpha() for ch in str(v.value)) for v in node.values
        )
    return False


def test_every_visible_string_in_the_window_goes_through_qt_translation():
    """Widgets get their words from tr()/translate()/QT_TRANSLATE_NOOP, so shipping a language only adds
    translations. (Tours and screenshot scripts drive the window; they are not shown text.)"""
    offenders = []
    for p in (ROOT / "ui").rglob("*.py"):
        if p.name == "tour.py" or p.name.endswith("_tour.py"):  # a tour types what a person would
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name in _VISIBLE and _literal_text(node.args[0]):
                offenders.append(f"{p.relative_to(ROOT)}:{node.lineno} {name}(...)")
    assert offenders == []
