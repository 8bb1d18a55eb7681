"""The Till page's other actions through its presenter: cash in with a reason, a drop, a no-sale, an exact
close (no reason asked), the last Z report, printing it and saving it as PDF."""

from __future__ import annotations

import pytest

from tests.ui.conftest import login, make_window, modal
from ui.qt import QApplication, QFileDialog, QInputDialog

pytestmark = pytest.mark.gui


def answer(qtbot, text: str) -> None:
    dlg = modal(qtbot, QInputDialog)
    dlg.setTextValue(text)
    dlg.accept()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not dlg)


def test_cash_movements_an_exact_close_and_the_z_report_out(qtbot, tmp_path):
    from ui.till_page import CloseDialog, CountDialog

    w = make_window(qtbot, tmp_path / "shop")
    try:
        login(qtbot, w, "9999")
        qtbot.waitUntil(lambda: w.shop.till.session_id is not None, timeout=10_000)  # the demo opened it
        w.workspaces.open("till")
        page, till = w.till_page, w.shop.till
        qtbot.waitUntil(lambda: page.buttons["cash_in"].isEnabled())

        page.buttons["cash_in"].click()
        answer(qtbot, "20")
        answer(qtbot, "change from the bank")
        qtbot.waitUntil(
            lambda: "Cash in: €20.00 (change from the bank)" in page.message.text(), timeout=10_000
        )
        page.buttons["drop"].click()
        answer(qtbot, "50")
        qtbot.waitUntil(lambda: "Drop to the safe: €50.00" in page.message.text(), timeout=10_000)
        page.buttons["cash_out"].click()
        answer(qtbot, "not money")
        qtbot.waitUntil(lambda: "not an amount" in page.message.text())
        page.buttons["no_sale"].click()
        answer(qtbot, "customer needed change")
        qtbot.waitUntil(lambda: "Drawer opened" in page.message.text(), timeout=10_000)
        page.buttons["x_report"].click()
        x = till.x_report().value
        assert (x.paid_in, x.drops, x.no_sales, x.expected_cash) == (2000, 5000, 1, 15000 + 2000 - 5000)

        page.buttons["close"].click()
        count = modal(qtbot, CountDialog)
        for value, n in till.demo_float().pieces.items():
            count.spins[value].setValue(n)
        count.spins[1000].setValue(count.spins[1000].value() - 3)  # €150 + €20 - €50 = €120
        count.accept()
        close = modal(qtbot, CloseDialog)
        assert not close.reason.isVisible()  # exactly as expected: no reason asked (e6)
        close.accept()
        qtbot.waitUntil(lambda: w.till_presenter.last_z is not None, timeout=15_000)
        assert w.till_presenter.last_z.difference == 0

        w.till_presenter.last_z = None
        page.buttons["z_report"].click()
        qtbot.waitUntil(lambda: w.till_presenter.last_z is not None)
        page.buttons["print"].click()
        qtbot.waitUntil(lambda: "Z report printed" in page.message.text(), timeout=15_000)
        page.buttons["pdf"].click()
        save = modal(qtbot, QFileDialog)
        pdf = tmp_path / "z.pdf"
        save.fileSelected.emit(str(pdf))
        save.reject()
        qtbot.waitUntil(lambda: pdf.exists() and "Saved" in page.message.text(), timeout=15_000)
        assert pdf.read_bytes().startswith(b"%PDF")
    finally:
        w.close()
        w.shutdown()
