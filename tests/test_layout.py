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
