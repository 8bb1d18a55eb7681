"""The Stock workspace as a cashier meets it: F5 on a line of the sale opens the item's stock in every
store; an order to collect here goes on the sale with one key and a name; offline, the figures say they
are the last known. (The rules are tested on the service: tests/app/test_stock.py.)"""

from __future__ import annotations

import pytest

from tests.support.waiting import wait_for
from tests.ui.conftest import login, modal, type_into
from ui.qt import QApplication, QKeySequence, Qt

pytestmark = pytest.mark.gui


def _press(keys: str) -> None:
    from PySide6.QtTest import QTest

    target = QApplication.focusWidget() or QApplication.activeWindow()
    QTest.keySequence(target, QKeySequence(keys))


def _shown(w):
    return w.stock_page.rows is not None and w.stock_page.rows.current


def test_f5_on_a_line_opens_its_stock_and_an_order_to_collect_here_goes_on_the_sale(qtbot, till):
    w = till
    w.activateWindow()
    login(qtbot, w)
    wait_for(lambda: w.shop.catalog.get("LSH-NAV-M") is not None, 30, 0.05)
    # F5 on a search result
    w.page.search.setText("linen shirt navy")  # typed (keyClicks would come as fast as a scanner's burst)
    w.page.search.textEdited.emit("linen shirt navy")
    qtbot.waitUntil(lambda: w.page.results.isVisible() and w.page.results.count() > 0, timeout=5000)
    hit = w.page.results.currentItem().data(Qt.ItemDataRole.UserRole)
    _press("F5")
    assert w.workspaces.current == "stock"
    qtbot.waitUntil(lambda: _shown(w) == hit, timeout=10_000)
    # F5 on a line of the sale
    w.workspaces.open("sell")
    w.page.search.clear()
    w.page.show_results([])
    assert w.sell.add_sku("LSH-NAV-M").ok
    qtbot.waitUntil(lambda: w.page.model.rowCount() == 1, timeout=5000)
    _press("F5")
    assert w.workspaces.current == "stock"
    qtbot.waitUntil(lambda: _shown(w) == "LSH-NAV-M", timeout=10_000)
    rows = w.stock_page.rows
    assert [s.store_id for s in rows.stores] == ["S001", "S002", "S003", "W01"]
    here, riverside = rows.stores[0], rows.stores[1]
    assert here.name.startswith("Here") and (here.available, riverside.available) == (0, 1)
    assert "Live" in rows.freshness and len(rows.colours) == 3 and len(rows.sizes) == 4
    # not here: Alt+C orders it from the nearest store that has it, to collect here tomorrow
    qtbot.keyClick(w.stock_page, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    dialog = modal(qtbot)
    type_into(dialog, "Ben M.")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.workspaces.current == "sell", timeout=10_000)
    ordered = w.sell.view().lines[-1]
    assert (ordered.sku, len(w.sell.view().lines)) == ("LSH-NAV-M", 2)
    assert "to collect here from" in w.stock_page.message.text()
    assert w.page.message.text() == w.stock_page.message.text()  # said where payment is taken
    shown = w.page.model.data(w.page.model.index(1, 0))
    assert shown.startswith("OMO Linen Shirt Navy M\norder ") and ": collect here from " in shown
    # the F-keys of the Sell workspace still work after the question closed
    _press("F5")
    assert w.workspaces.current == "stock"


def test_offline_the_stock_on_screen_is_marked_as_the_last_known(qtbot, till):
    w = till
    w.activateWindow()
    login(qtbot, w)
    wait_for(lambda: w.shop.catalog.get("RJK-YEL-M") is not None, 30, 0.05)
    w.workspaces.open("stock")
    w.stock_page.input.setText("RJK-YEL-M")
    qtbot.keyClick(w.stock_page.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _shown(w) == "RJK-YEL-M", timeout=10_000)
    assert not w.stock_page.rows.stale
    w.shop.demo.set_backend_online(False)
    try:
        _press("F5")
        qtbot.waitUntil(lambda: w.stock_page.rows.stale, timeout=15_000)
        assert (
            "OFFLINE" in w.stock_page.freshness.text() and w.stock_page.freshness.property("kind") == "warn"
        )
    finally:
        w.shop.demo.set_backend_online(True)


def test_a_paid_order_the_backend_could_not_supply_is_said_on_the_sell_page_from_the_services_worker(
    qtbot, till
):
    import threading

    from app.messages import text
    from app.results import done
    from app.stock import Unavailable

    w = till
    w.activateWindow()
    login(qtbot, w)
    wait_for(lambda: w.shop.catalog.get("LSH-SAG-XL") is not None, 30, 0.05)
    qtbot.waitUntil(lambda: "Till opened" in w.page.message.text(), timeout=10_000)  # the demo's float, said
    said = "Order 700001 was paid, but its stock went elsewhere. Offer the customer: OMO Airport (1)."
    notice = done(text(said), value=Unavailable("LSH-SAG-XL", 1, (), None), error=True)
    heard = threading.Thread(target=lambda: [fn(notice) for fn in w.stock.on_notice])  # as its worker does
    heard.start()
    heard.join(5)
    qtbot.waitUntil(lambda: w.page.message.text() == said, timeout=5000)
    assert w.page.message.property("error") is True and w.stock_page.message.text() == said
    assert w.stock_presenter.sku == "LSH-SAG-XL"  # F5 there: Refresh shows that item's stock now
