"""The window speaks the store's language until someone logs in, then that person's (issue 20)."""

from __future__ import annotations

import pytest

from tests.ui.conftest import barcodes, login, make_window, scan
from ui.gui import in_language_of
from ui.i18n import current_language, set_language
from ui.qt import QApplication, Qt

pytestmark = pytest.mark.gui


@pytest.fixture
def english():
    yield
    set_language(QApplication.instance(), "en")  # the next test's window is English again


def test_an_italian_store_shows_italian_and_a_japanese_cashier_gets_japanese_after_login(
    qtbot, tmp_path, english
):
    set_language(QApplication.instance(), "it_IT")  # what ui.gui does for an Italian store at start
    w = make_window(
        qtbot, tmp_path / "d", "store.country=IT", "store.tax_preset=IT", "ui.staff_languages=S001=ja"
    )
    assert w.login.title.text() == "OMO POS" and w.login.pin.accessibleName() == "PIN del personale"
    wanted = []
    w.language_wanted.connect(wanted.append)
    qtbot.keyClicks(w.login.pin, "1111")  # Ana, who reads Japanese
    qtbot.keyClick(w.login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(wanted), timeout=10_000)
    assert wanted[0].id == "S001" and w.stack.currentWidget() is not w.workspaces  # nothing shown in Italian

    new = in_language_of(wanted[0], w)
    qtbot.addWidget(new)
    try:
        assert current_language() == "ja"
        qtbot.waitUntil(lambda: new.stack.currentWidget() is new.workspaces, timeout=10_000)
        assert new.member.id == "S001" and new.shop is not None
        assert new.workspaces.bar.tabText(0).startswith("販売")
        code = barcodes(new, 1)[0]
        scan(qtbot, new, code)
        qtbot.waitUntil(lambda: len(new.sell.view().lines) == 1, timeout=10_000)
        assert "€" in new.page.totals.total_label.text()  # money stays in the store's currency and locale
    finally:
        new.shutdown()
        w.shutdown()


def test_an_exchange_in_progress_goes_on_in_the_next_persons_language_and_only_there(
    qtbot, tmp_path, english
):
    w = make_window(qtbot, tmp_path / "d", "ui.staff_languages=S001=ja")
    login(qtbot, w, "2222")  # Ben reads the store's English
    scan(qtbot, w, w.shop.demo.backend.order_qr("600001"))
    panel = w.returns_ws.page.returns
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=20_000)
    panel.table.cellWidget(0, 3).setValue(1)
    panel.table.cellWidget(0, 4).setCurrentText("Wrong size")
    qtbot.waitUntil(lambda: panel.buttons["exchange"].isEnabled(), timeout=5000)
    panel.buttons["exchange"].click()
    qtbot.waitUntil(lambda: w.returns_ws.exchange.view() is not None, timeout=30_000)
    held = w.returns_ws.exchange.pending
    w.lock()
    wanted = []
    w.language_wanted.connect(wanted.append)
    qtbot.keyClicks(w.login.pin, "1111")  # Ana, who reads Japanese, carries on with the customer
    qtbot.keyClick(w.login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(wanted), timeout=10_000)
    new = in_language_of(wanted[0], w)
    qtbot.addWidget(new)
    try:
        qtbot.waitUntil(lambda: new.stack.currentWidget() is new.workspaces, timeout=10_000)
        view = new.returns_ws.exchange.view()
        assert view is not None and view.return_uuid == held  # the exchange is on her screen
        assert w.returns_ws.exchange.pending is None  # the old window's never prints its receipt too
    finally:
        new.shutdown()
        w.shutdown()


def test_a_store_setting_that_stops_the_till_is_said_in_the_windows_language(qtbot, tmp_path, english):
    from app import settings as settings_mod
    from app.paths import Paths
    from ui.main_window import MainWindow

    set_language(QApplication.instance(), "it_IT")
    overrides = ["store.currency=JPY", "store.cash_rounding=0.05"]  # 0.05 of a yen does not exist
    w = MainWindow(Paths.under(tmp_path / "d"), settings_mod.load(None, environ={}, overrides=overrides))
    qtbot.addWidget(w)
    try:
        w.show()
        qtbot.waitUntil(lambda: bool(w.startup_error), timeout=30_000)
        said = w.loading.text()
        assert "Impostazione 'store.cash_rounding' (--set): La regola di arrotondamento dei contanti" in said
        assert "Setting" not in said and "The cash rounding rule" in w.startup_error  # the log's English
    finally:
        w.shutdown()
