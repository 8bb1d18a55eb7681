"""The window speaks the store's language until someone logs in, then that person's (issue 20)."""

from __future__ import annotations

import pytest

from tests.ui.conftest import barcodes, login, make_window, scan
from ui.gui import in_language_of
from ui.i18n import current_language, set_language
from ui.qt import QApplication, QPushButton, Qt

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


def test_an_italian_store_s_member_sale_and_tenders_speak_italian(qtbot, tmp_path, english):
    """The tenders and the member's sale are parts of the Sell presenter with strings of their own: each
    is translated in its own context (they were filed there and looked up in the Sell presenter's)."""
    set_language(QApplication.instance(), "it_IT")
    w = make_window(qtbot, tmp_path / "d", "store.country=IT", "store.tax_preset=IT")
    try:
        login(qtbot, w)
        scan(qtbot, w, barcodes(w, 1)[0])
        qtbot.waitUntil(lambda: len(w.sell.view().lines) == 1, timeout=10_000)
        result = w.sell.attach_member_typed("1001")
        assert result.ok, result
        w.controller.show(w.sell.refresh_member())
        qtbot.waitUntil(lambda: "Offerte:" in w.page.member.text(), timeout=15_000)
        slot = w.page.member.text()
        assert "Oro" in slot and "punti" in slot and "Gold" not in slot and "points" not in slot, slot
        assert w.controller.tender.tr_("Saving the sale…") == "Salvataggio della vendita…"
    finally:
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


def test_the_docks_tab_titles_are_not_cut_short_in_a_longer_language(qtbot, tmp_path, english):
    from ui.qt import QTabBar

    set_language(QApplication.instance(), "it_IT")
    w = make_window(qtbot, tmp_path / "d", "store.country=IT", "store.tax_preset=IT")
    try:
        w.resize(1024, 768)
        login(qtbot, w)
        qtbot.wait(50)
        bars = [b for b in w.findChildren(QTabBar) if b.parent() is w and b.isVisible()]
        assert bars, "the docks are tabbed in one column"
        for bar in bars:
            titles = [bar.tabText(i) for i in range(bar.count())]
            assert "Scontrino" in titles
            for i in range(bar.count()):  # a tab narrower than its title shows it elided ("Scontri…")
                assert bar.tabRect(i).width() >= bar.tabSizeHint(i).width(), titles[i]
    finally:
        w.shutdown()


def test_the_sell_workspaces_helpers_speak_the_windows_language(qtbot, english):
    from types import SimpleNamespace

    from ui.member_sale import MemberSalePresenter
    from ui.qt import QObject

    class Owner(QObject):  # the Sell presenter, as far as the member slot asks it
        sell, shop, page = SimpleNamespace(offers=list), None, None

        def tr_(self, text: str) -> str:
            return text

    set_language(QApplication.instance(), "it_IT")
    assert MemberSalePresenter(Owner()).offers_text() == " · punti: Shift+F10"
    from ui.tender_presenter import TenderPresenter

    tender = TenderPresenter.__new__(TenderPresenter)  # the payment half of the Sell workspace
    tender.owner = Owner()
    assert tender.tr_("Saving the sale…") == "Salvataggio della vendita…"


def test_a_favourites_price_is_never_cut_at_the_bottom_of_its_button(qtbot, tmp_path, english):
    """A price cut at the bottom loses its comma's tail: 286,99 € reads 286.99 € (seen in Italian, with the
    tour's catalog: long product names on a member's sale)."""
    from ui.cart_view import SearchHit

    set_language(QApplication.instance(), "it_IT")
    w = make_window(qtbot, tmp_path / "d", "store.country=IT", "store.tax_preset=IT")
    try:
        w.resize(1024, 768)
        login(qtbot, w)
        for code in barcodes(w, 10):  # the tour's checkout: a cart, a member with offers (the slot grows)
            scan(qtbot, w, code)
        member = w.shop.demo.member_list[0]
        scan(qtbot, w, w.shop.demo.member_qr(member.member_no))
        qtbot.waitUntil(lambda: "Offerte" in w.page.member.text(), timeout=20_000)  # its coupons, on a line
        names = [
            "Goldenridge Argan Conditioner 250 ml",
            "Alpenton Bluetooth Smartwatch Black",
            "Brightwell Scarf",
        ]
        w.page.show_favourites([SearchHit(f"SKU{i}", names[i % 3], "286,99 €") for i in range(8)])
        qtbot.wait(50)
        buttons = [
            b for b in w.page.findChildren(QPushButton) if b.objectName() == "favourite" and b.isVisible()
        ]
        assert len(buttons) == 8
        for b in buttons:  # the button shows every line of its text
            assert b.sizeHint().height() <= b.height(), b.text()
    finally:
        w.shutdown()


def _cut(widgets) -> list[str]:
    """Buttons whose label is wider than the inside of their padding and border, where Qt clips it (a cut
    label loses its ends)."""

    def wide(b) -> int:
        lines = b.text().replace("&&", "&").split("\n")
        return max(b.fontMetrics().horizontalAdvance(line) for line in lines)

    return [f"{b.objectName()}: {b.text()!r} {wide(b)} > {b.width() - 16}"
            for b in widgets if b.isVisible() and wide(b) > b.width() - 16]  # fmt: skip


def test_a_managers_tabs_till_buttons_and_f_keys_are_whole_in_a_longer_language_at_1024x768(
    qtbot, tmp_path, english
):
    """The pseudo-locale is 40 % longer than English (German and Finnish run that long): at the smallest
    screen every workspace tab is on the bar and whole, and every button of the Till and Sell pages shows
    its whole label."""
    set_language(QApplication.instance(), "pseudo")
    w = make_window(qtbot, tmp_path / "d", "ui.staff_languages=S001=pseudo,S002=pseudo,S003=pseudo")
    try:
        w.resize(1024, 768)
        login(qtbot, w, "9999")  # a manager: five workspaces
        bar = w.workspaces.bar
        qtbot.waitUntil(lambda: bar.count() == 5, timeout=10_000)
        qtbot.wait(50)
        for i in range(bar.count()):
            rect = bar.tabRect(i)
            assert rect.right() < bar.width(), f"tab {i} is off the bar: {bar.tabText(i)!r}"
            assert rect.width() >= bar.tabSizeHint(i).width(), bar.tabText(i)
            lines = bar.tabText(i).count("\n") + 1  # a second line is as high as the first
            assert rect.height() >= lines * bar.fontMetrics().lineSpacing(), bar.tabText(i)
            assert bar.tabToolTip(i), "the whole name is in the tab's tooltip"
        w.workspaces.open("till")
        qtbot.wait(50)
        assert _cut(w.till_page.buttons.values()) == []
        w.workspaces.open("sell")
        qtbot.wait(50)
        assert _cut(w.page.buttons.values()) == []
        favourites = [b for b in w.page.findChildren(QPushButton) if b.objectName() == "favourite"]
        assert favourites and all(b.sizeHint().height() <= b.height() for b in favourites if b.isVisible())
    finally:
        w.shutdown()


def test_the_english_tabs_keep_their_keys_at_1024x768(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path / "d")
    try:
        w.resize(1024, 768)
        login(qtbot, w, "9999")
        bar = w.workspaces.bar
        qtbot.waitUntil(lambda: bar.count() == 5, timeout=10_000)
        assert [bar.tabText(i).split("  ")[1] for i in range(5)] == [f"Alt+{i}" for i in range(1, 6)]
        assert _cut(w.page.buttons.values()) == []
    finally:
        w.shutdown()
