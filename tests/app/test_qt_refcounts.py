"""Guard against Qt binding builds that leak references to None/True/False.

PySide6 6.12.0 on CPython 3.11 drops a reference to None on ordinary widget calls; after a few
thousand events the interpreter aborts ("none_dealloc"), taking the till down mid-shift. On 3.12+
None is immortal and the bug hides, so the check only bites where it matters.
"""

from __future__ import annotations

import sys

import pytest

from ui.qt import QApplication, QPushButton

pytestmark = pytest.mark.gui


def test_widget_updates_do_not_leak_references_to_singletons(qapp):
    button = QPushButton("x")
    button.show()
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for i in range(300):
        button.setText(str(i))
        button.setProperty("primary", i % 2 == 0)
        QApplication.processEvents()
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    button.deleteLater()
    # A healthy binding leaves these within a few references; the broken one loses ~2 per event.
    assert all(a >= b - 50 for a, b in zip(after, before, strict=True)), (before, after)
