"""Shortcuts belong to the window: after any question closes, or after a click in a dock, every F-key
still works without clicking into the checkout first. Questions open without a nested event loop."""

from __future__ import annotations

import pytest

from tests.ui.conftest import barcodes, login, modal, scan
from ui.checkout_page import SHORTCUTS
from ui.qt import QApplication, QKeySequence, Qt

pytestmark = pytest.mark.gui

# the actions that ask something, and the key that opens each
QUESTIONS = {
    "quantity": "F4",
    "discount_line": "F7",
    "discount_order": "Shift+F7",
    "override": "F8",
    "cash": "F10",
    "split": "F11",
    "no_sale": "F12",
    "member": "Ctrl+M",
}


def _press(qtbot, keys: str) -> None:
    from PySide6.QtTest import QTest

    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard"
    QTest.keySequence(target, QKeySequence(keys))


def _every_key_works(qtbot, w, monkeypatch) -> None:
    """Press each shortcut of the Sell workspace; each must reach the page as its action."""
    seen: list[str] = []
    with monkeypatch.context() as m:
        m.setattr(w.page, "trigger", seen.append)
        for key, (keys, _help) in SHORTCUTS.items():
            if key == "lock":
                continue
            _press(qtbot, keys)
            assert seen and seen[-1] == key, (
                f"{keys} ({key}) did nothing; focus on {QApplication.focusWidget()}"
            )


def test_every_f_key_works_after_each_question_closes_and_after_a_click_in_a_dock(qtbot, till, monkeypatch):
    w = till
    w.activateWindow()
    login(qtbot, w)
    for code in barcodes(w, 2):
        scan(qtbot, w, code)
    for action, keys in QUESTIONS.items():
        _press(qtbot, keys)
        dialog = modal(qtbot)
        assert dialog.isVisible(), action
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the person changes their mind
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
        assert QApplication.focusWidget() is w.page.search, action  # the scan field has the keyboard again
        _every_key_works(qtbot, w, monkeypatch)
    # a click in the receipt dock, then the keys
    qtbot.mouseClick(w.receipt_dock.view, Qt.MouseButton.LeftButton)
    _every_key_works(qtbot, w, monkeypatch)
    assert w.shop.checkout.cart.line_count == 2  # nothing was changed by the closed questions


def test_arrow_keys_move_through_the_search_results(qtbot, till):
    w = till
    login(qtbot, w)
    w.page.search.setFocus()
    qtbot.keyClicks(w.page.search, "a")
    qtbot.waitUntil(lambda: w.page.results.isVisible() and w.page.results.count() > 2)
    assert w.page.results.currentRow() == 0
    qtbot.keyClick(w.page.search, Qt.Key.Key_Down)
    qtbot.keyClick(w.page.search, Qt.Key.Key_Down)
    assert w.page.results.currentRow() == 2
    qtbot.keyClick(w.page.search, Qt.Key.Key_Up)
    chosen = w.page.results.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(w.page.search, Qt.Key.Key_Return)
    assert [ln.sku for ln in w.shop.checkout.cart.lines] == [chosen]


def test_a_scan_cut_short_is_said_not_dropped(qtbot, till):
    w = till
    login(qtbot, w)
    w.wedge.partial_scan.emit("40063")
    assert "cut short" in w.page.message.text() and w.page.message.property("error") is True


def test_a_scan_on_the_login_screen_says_to_log_in(qtbot, till):
    w = till
    w.wedge.scanned.emit(barcodes(w, 1)[0])
    assert "Log in first" in w.login.pin.message.text()
    assert w.shop.checkout.cart.is_empty
