"""Returns & pickups through the real window: an order's QR scanned on Sell opens it here, F-keys act on
this workspace, questions (the customer check) close and give the keyboard back."""

from __future__ import annotations

import pytest

from tests.ui.conftest import login, modal, scan, type_into
from ui.qt import QApplication, QKeySequence

pytestmark = pytest.mark.gui


def _press(keys: str) -> None:
    from PySide6.QtTest import QTest

    popup = QApplication.activePopupWidget()  # an open list takes the keys, as Qt delivers them
    target = (
        (popup and (popup.focusWidget() or popup))
        or QApplication.focusWidget()
        or QApplication.activeWindow()
    )
    assert target is not None, "nothing has the keyboard"
    QTest.keySequence(target, QKeySequence(keys))


def test_an_order_scanned_on_sell_is_taken_back_on_returns_with_f9(qtbot, till):
    w = till
    w.activateWindow()
    login(qtbot, w, "2222")  # Ben, an associate: refunds are his job
    scan(qtbot, w, w.shop.demo.backend.order_qr("600001"))  # the QR with its secret
    qtbot.waitUntil(lambda: w.workspaces.current == "returns", timeout=5000)
    panel = w.returns_ws.page.returns
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=20_000)
    panel.table.cellWidget(0, 3).setValue(1)
    panel.table.cellWidget(0, 4).setCurrentText("Wrong size")
    qtbot.waitUntil(lambda: panel.buttons["original"].isEnabled(), timeout=5000)
    assert "Refund" in panel.summary.text()
    _press("F9")
    qtbot.waitUntil(lambda: "recorded" in panel.message.text(), timeout=30_000)
    qtbot.waitUntil(
        lambda: w.receipt_view.receipt is not None and w.receipt_view.receipt.title == "RETURN", timeout=5000
    )
    assert panel.table.rowCount() == 0  # a new return starts


def test_a_pickup_is_checked_with_a_question_and_handed_over_then_the_f_keys_still_work(qtbot, till):
    w = till
    w.activateWindow()
    login(qtbot, w, "1111")  # a cashier hands orders over
    assert w.workspaces.open("returns")
    page = w.returns_ws.page
    page.setCurrentWidget(page.pickups)
    panel = page.pickups
    qtbot.waitUntil(lambda: panel.list.rowCount() == 5, timeout=20_000)
    scan(qtbot, w, "OMO:ORDER:500001")
    qtbot.waitUntil(lambda: panel.lines.rowCount() == 1, timeout=20_000)
    _press("F4")  # check the customer: how, then what they give
    chooser = modal(qtbot)
    chooser.setTextValue(chooser.comboBoxItems()[1])  # the card's last digits
    chooser.accept()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() not in (None, chooser), timeout=5000)
    asked = modal(qtbot)
    type_into(asked, "4242")
    asked.accept()
    qtbot.waitUntil(lambda: panel.buttons["hand_over"].isEnabled(), timeout=20_000)
    _press("F9")
    qtbot.waitUntil(lambda: "handed over" in panel.message.text(), timeout=30_000)
    qtbot.waitUntil(lambda: panel.list.rowCount() == 4, timeout=20_000)
    # the keyboard is back: F2 puts it in the scan field, Escape closes nothing and breaks nothing
    _press("F2")
    assert QApplication.focusWidget() is panel.scan
    _press("Escape")
    assert QApplication.activeModalWidget() is None and QApplication.focusWidget() is panel.scan


def test_an_order_typed_by_its_number_asks_for_the_customers_proof_and_then_shows_its_lines(qtbot, till):
    w = till
    w.activateWindow()
    login(qtbot, w, "2222")
    assert w.workspaces.open("returns")
    panel = w.returns_ws.page.returns
    panel.scan.setText("600002")
    panel.scan.returnPressed.emit()
    chooser = modal(qtbot)  # the summary only: the window asks how the customer proves it is theirs
    assert panel.table.rowCount() == 0
    chooser.setTextValue(chooser.comboBoxItems()[1])  # the card's last digits
    chooser.accept()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() not in (None, chooser), timeout=5000)
    asked = modal(qtbot)
    type_into(asked, "0005")  # the card that paid the demo's order 600002
    asked.accept()
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0, timeout=20_000)
    assert w.shop.returns.view().checked and QApplication.activeModalWidget() is None


def _keys_until(qtbot, key: str, done, tries: int = 8) -> None:
    """Press `key` until `done()` (Tab through the page to a part of it)."""
    for _ in range(tries):
        if done():
            return
        _press(key)
        qtbot.wait(20)
    assert done(), QApplication.focusWidget()


def test_a_return_made_with_the_keyboard_only(qtbot, till):
    """No mouse and no widget set by the test: Alt+N to the workspace, F2 and a typed QR, Tab to the lines,
    a digit for the quantity, Enter and Down for the reason, Space for the condition, F9 to refund; then
    Ctrl+PgDn to Pickups, Down and Enter open an order."""
    from PySide6.QtTest import QTest

    w = till
    w.activateWindow()
    login(qtbot, w, "2222")
    n = [x.key for x in w.workspaces._visible].index("returns") + 1
    _press(f"Alt+{n}")
    qtbot.waitUntil(lambda: w.workspaces.current == "returns", timeout=5000)
    panel = w.returns_ws.page.returns
    _press("F2")
    assert QApplication.focusWidget() is panel.scan
    QTest.keyClicks(panel.scan, w.shop.demo.backend.order_qr("600003"))
    _press("Return")
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3, timeout=20_000)
    _keys_until(qtbot, "Tab", lambda: QApplication.focusWidget() is panel.table)
    assert panel.table.currentRow() == 0  # the keyboard arrives on the first line
    _press("1")
    qtbot.waitUntil(lambda: panel.table.cellWidget(0, 3).value() == 1, timeout=5000)
    _press("Return")  # the reason's list opens
    qtbot.waitUntil(lambda: panel.table.cellWidget(0, 4).view().isVisible(), timeout=5000)
    _press("Down")
    _press("Return")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table, timeout=5000)
    reason = panel.table.cellWidget(0, 4).currentText()
    assert reason
    _press("Down")  # the next line, not the next line's reason
    assert panel.table.currentRow() == 1 and QApplication.focusWidget() is panel.table
    _press("1")
    qtbot.waitUntil(lambda: panel.table.cellWidget(1, 3).value() == 1, timeout=5000)
    resell = panel.table.cellWidget(1, 5)
    was = resell.isChecked()
    _press("Space")
    qtbot.waitUntil(lambda: resell.isChecked() is not was, timeout=5000)
    assert panel.table.cellWidget(0, 3).value() == 1 and QApplication.focusWidget() is panel.table
    qtbot.waitUntil(lambda: panel.buttons["original"].isEnabled(), timeout=5000)
    _press("F9")
    qtbot.waitUntil(lambda: "recorded" in panel.message.text(), timeout=30_000)
    (ret,) = w.shop.records.returns_of(order_no="600003")
    assert [(ln.original_line_no, ln.quantity, ln.reason, ln.restock) for ln in ret.lines] == [
        (1, 1, reason, True),
        (2, 1, "", not was),
    ]
    # the pickups tab, by keys
    _press("Ctrl+PgDown")
    pickups = w.returns_ws.page.pickups
    qtbot.waitUntil(lambda: w.returns_ws.page.currentWidget() is pickups, timeout=5000)
    qtbot.waitUntil(lambda: pickups.list.rowCount() == 5, timeout=20_000)
    _keys_until(qtbot, "Tab", lambda: QApplication.focusWidget() is pickups.list)
    _press("Down")
    _press("Return")
    qtbot.waitUntil(lambda: pickups.lines.rowCount() > 0, timeout=20_000)
    assert QApplication.activeModalWidget() is None


def test_a_scan_cut_short_on_returns_is_said_there(qtbot, till):
    w = till
    w.activateWindow()
    login(qtbot, w, "2222")
    assert w.workspaces.open("returns")
    w.wedge.partial_scan.emit("OMO:ORD")
    panel = w.returns_ws.page.returns
    assert "cut short" in panel.message.text() and w.workspaces.current == "returns"
    w.returns_ws.page.setCurrentWidget(w.returns_ws.page.pickups)
    w.wedge.partial_scan.emit("OMO:ORDER:5")
    assert "cut short" in w.returns_ws.page.pickups.message.text()
