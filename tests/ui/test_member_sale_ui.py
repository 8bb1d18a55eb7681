"""A member's sale through the window: the member's coupons show in the member slot by themselves, Ctrl+K
takes one off, Shift+F10 pays part of the sale with points. The rules are tested without a window in
tests/app/test_member_sale.py."""

from __future__ import annotations

import pytest

from tests.ui.conftest import barcodes, login, modal, scan
from ui.qt import QApplication, QInputDialog, QKeySequence, Qt

pytestmark = pytest.mark.gui


def _press(keys: str) -> None:
    from PySide6.QtTest import QTest

    target = QApplication.focusWidget() or QApplication.activeWindow()
    QTest.keySequence(target, QKeySequence(keys))


def test_coupons_show_come_off_and_points_pay_part_by_keyboard(qtbot, till):
    w = till
    w.activateWindow()
    login(qtbot, w)
    for code in barcodes(w, 3):
        scan(qtbot, w, code)
    _press("Ctrl+M")
    dlg = modal(qtbot, QInputDialog)
    dlg.setTextValue("1001")
    qtbot.keyClick(dlg, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Offers: 3," in w.page.member.text(), timeout=15_000)
    assert "Ctrl+K" in w.page.member.text()
    total = w.sell.view().total

    _press("Ctrl+K")
    dlg = modal(qtbot, QInputDialog)
    items = dlg.comboBoxItems()
    assert any("5.00 off a basket" in i for i in items), items
    dlg.setTextValue(next(i for i in items if "5.00 off a basket" in i))
    qtbot.keyClick(dlg, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.sell.view().total > total, timeout=5_000)
    assert "Offers: 2," in w.page.member.text()

    _press("Shift+F10")
    dlg = modal(qtbot, QInputDialog)
    dlg.setTextValue("200")
    qtbot.keyClick(dlg, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.sell.view().paid == 200, timeout=15_000)
    assert w.shop.checkout.tenders[0].kind == "points"
    assert "FIVE1001" not in w.shop.checkout.claimed_coupons  # taken off: not claimed at the backend


def test_a_scanned_shared_cart_loads_and_lists_what_it_could_not_add(qtbot, till):
    w = till
    w.activateWindow()
    login(qtbot, w)
    scan(qtbot, w, "OMO:CART:C1001")
    qtbot.waitUntil(lambda: len(w.sell.view().lines) == 3, timeout=15_000)
    qtbot.waitUntil(lambda: w.page.results.isVisible(), timeout=5_000)
    texts = [w.page.results.item(i).text() for i in range(w.page.results.count())]
    assert any("not sold in this shop" in t for t in texts), texts
    assert any("out of stock here" in t for t in texts), texts
    assert any("in the app" in t for t in texts), texts
    qtbot.waitUntil(lambda: "Aiko" in w.page.member.text(), timeout=15_000)  # the cart's member
    stock_out = next(i for i in range(w.page.results.count()) if "out of stock" in texts[i])
    w.page.results.itemActivated.emit(w.page.results.item(stock_out))  # the customer holds one: a tap
    qtbot.waitUntil(lambda: len(w.sell.view().lines) == 4, timeout=5_000)


def test_the_cart_handed_to_the_phone_shows_its_code(qtbot, till):
    from ui.member_sale import QrDialog

    w = till
    w.activateWindow()
    login(qtbot, w)
    for code in barcodes(w, 2):
        scan(qtbot, w, code)
    _press("Ctrl+H")
    dlg = modal(qtbot, QrDialog)
    assert dlg.payload.startswith("OMO:CART:T")
    assert len(w.shop.sync_engine.cart(dlg.payload).lines) == 2
    qtbot.keyClick(dlg, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5_000)
