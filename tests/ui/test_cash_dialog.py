"""The cash window's quick-amount buttons ("Exact €12.34", the next notes) take that amount at once."""

from __future__ import annotations

import pytest

from ui.qt import QDialog
from ui.tender import CashDialog

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("which", [0, 1, 2])
def test_quick_amount_buttons_take_that_amount(qtbot, till, which):
    shop = till.shop
    due = 1234
    quick = [due, 1500, 2000]
    d = CashDialog(due, shop.fmt, shop.parse_amount, quick, "", till)
    assert d.quick_buttons[0].text() == f"Exact {shop.fmt(due)}"
    d.quick_buttons[which].click()
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.tendered == quick[which]
    d.deleteLater()


def test_typed_amount_still_needs_enough(qtbot, till):
    shop = till.shop
    d = CashDialog(1234, shop.fmt, shop.parse_amount, [1234], "", till)
    d.entry.setText("10.00")
    d._confirm()
    assert d.result() != QDialog.DialogCode.Accepted and d.tendered is None
    assert "Short by" in d.change.text()
    d.entry.setText("20")
    d._confirm()
    assert d.result() == QDialog.DialogCode.Accepted and d.tendered == 2000
    d.deleteLater()
