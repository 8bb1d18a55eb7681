"""The Stock workspace's screenshots, through the real window (as `ui.tour`, whose driver it reuses).

    python -m ui.stock_tour [--out docs/screenshots] [--size 1024x768]

A cashier at the flagship looks up a shirt sold out here (the last one is at Riverside), reserves another
at Riverside for a member, orders the navy one to collect here tomorrow and takes the card, then meets a
last unit that another till took a moment before; the backend goes offline and the figures say so.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Generator
from pathlib import Path
from typing import Any

from ui.tour import DEFAULT_OUT, Tour, TourError, Wait, settle
from ui.tour_cli import tour_cli

SCREENS: tuple[tuple[str, str], ...] = (
    (
        "stock-across-stores",
        "Stock: an item here, in every other store nearest first, the warehouse; its variants",
    ),
    ("stock-reservation", "Stock: reserved at another store for a member (held there, in their app)"),
    ("stock-order-receipt", "Endless aisle: an order to collect here tomorrow, paid by card, on the receipt"),
    ("stock-last-unit", "The last unit went to another till a moment before: what is left is offered"),
    ("stock-offline", "Offline: the last known stock, marked as such"),
)


class StockTour(Tour):
    def steps(self) -> Generator[Wait, None, None]:
        from ui.qt import QInputDialog, QTimer

        w = self.window
        yield Wait(lambda: w.shop is not None or bool(w.startup_error), "the shop to open", 180)
        if w.startup_error:
            raise TourError(w.startup_error)
        self.theme("light", self.size[1])
        yield from self.type_text(w.login.pin, "1111")
        self.press(w.login.pin, "Key_Return")
        yield Wait(lambda: w.stack.currentWidget() is w.workspaces, "the cashier to be logged in", 20)
        shop, page = w.shop, w.stock_page
        yield Wait(
            lambda: shop.catalog.get("LSH-NAV-M") is not None, "the fashion range from the backend", 60
        )

        # ---- F5 on a line of the sale: the navy shirt in M, sold out here
        w.sell.add_sku("LSH-NAV-M")
        w.controller.refresh()
        yield settle(200)
        w.page.trigger("stock")
        yield Wait(lambda: _showing(page) == "LSH-NAV-M", "the stock of the navy shirt")
        page.stores.selectRow(1)
        yield settle(300)
        self.shot("stock-across-stores", w)
        w.sell.remove_line(w.sell.view().lines[0].line_id)

        # ---- a member wants the white one in L kept at Riverside until tomorrow
        shop.demo.backend.connect().execute(
            "UPDATE stock SET available = 3 WHERE sku = 'LSH-WHI-L' AND store_id = 'S002'"
        )
        w.workspaces.open("sell")
        w.wedge.scanned.emit(shop.demo.member_qr(1001))
        yield Wait(
            lambda: w.sell.co.member is not None and bool(w.sell.co.member.name), "the member's details"
        )
        w.workspaces.open("stock")
        w.stock_presenter.show_item("LSH-WHI-L")
        yield Wait(lambda: _showing(page) == "LSH-WHI-L", "the white shirt's stock")
        page.stores.selectRow(1)
        QTimer.singleShot(0, lambda: w.stock_presenter.on_action("reserve"))
        yield Wait(lambda: page.message.text().startswith("Reserved"), "the reservation", 20)
        yield Wait(lambda: page.rows is not None and page.rows.stores[1].held == 1, "the hold on screen", 20)
        yield settle(300)
        self.shot("stock-reservation", w)

        # ---- the navy one: ordered from Riverside to collect here tomorrow, paid by card
        w.stock_presenter.show_item("LSH-NAV-M")
        yield Wait(lambda: _showing(page) == "LSH-NAV-M", "the navy shirt's stock")
        page.stores.clearSelection()
        done: list[Any] = []
        w.controller.sale_completed.connect(done.append)
        QTimer.singleShot(0, lambda: w.stock_presenter.on_action("pickup"))
        yield Wait(
            lambda: w.workspaces.current == "sell" and not w.sell.view().is_empty, "the order on the sale", 20
        )
        shop.demo.set_auto_tap(True)
        QTimer.singleShot(0, lambda: w.controller.on_action("card"))
        yield Wait(lambda: bool(done) and w.receipt_view.receipt is not None, "the card payment", 60)
        shop.demo.set_auto_tap(False)
        w.page.card_panel.finish()
        dialog = w.open_receipt_dialog()
        dialog.resize(dialog.width(), self.size[1])
        yield settle(500)
        from ui.qt import QScrollArea

        for area in dialog.findChildren(QScrollArea):  # from the ordered line down to the order's QR code
            bar = area.verticalScrollBar()
            bar.setValue(min(bar.maximum(), 262))
        yield settle(300)
        self.shot("stock-order-receipt", dialog)
        dialog.close()

        # ---- the sage one in M: Riverside's last unit, taken by the airport's till a moment ago
        backend = shop.demo.backend
        sql = backend.connect()
        for store, qty in (("S001", 0), ("S002", 1), ("S003", 2), ("W01", 5)):
            sql.execute(
                "UPDATE stock SET available = ? WHERE sku = 'LSH-SAG-M' AND store_id = ?", (qty, store)
            )
        w.workspaces.open("stock")
        w.stock_presenter.show_item("LSH-SAG-M")
        yield Wait(lambda: _showing(page) == "LSH-SAG-M", "the sage shirt's stock")
        page.stores.selectRow(1)
        _other_till_takes(backend, "LSH-SAG-M", "S002")
        QTimer.singleShot(0, lambda: w.stock_presenter.on_action("pickup"))
        yield Wait(lambda: self.modal(QInputDialog) is not None, "the customer's name asked", 10)
        asked = self.modal(QInputDialog)
        yield from self.type_text(asked.focusWidget() or asked, "Ben M")
        asked.accept()
        yield Wait(lambda: "Not available any more" in page.message.text(), "the refusal", 20)
        yield Wait(
            lambda: page.rows is not None and page.rows.stores[1].available == 0, "the new figures", 20
        )
        yield settle(300)
        self.shot("stock-last-unit", w)

        # ---- offline: the figures on screen are the last known
        shop.demo.set_backend_online(False)
        w.stock_presenter.on_action("refresh")
        yield Wait(lambda: page.rows is not None and page.rows.stale, "the stale figures", 30)
        yield settle(300)
        self.shot("stock-offline", w)
        shop.demo.set_backend_online(True)


def _showing(page: Any) -> str:
    return page.rows.current if page.rows is not None else ""


def _other_till_takes(backend: Any, sku: str, store_id: str) -> None:
    """The airport's till orders the last unit of `store_id` (its own device, its own request)."""
    from sync.client import BackendClient

    token = backend.register_device("T-AIRPORT", store_id="S003")
    client = BackendClient(backend.url, token_provider=lambda: token)
    try:
        client.place_order(
            {
                "order_id": str(uuid.uuid4()),
                "fulfilment": "pickup",
                "source_store_id": store_id,
                "pickup_store_id": "S003",
                "currency": "EUR",
                "customer_name": "Airport customer",
                "lines": [{"sku": sku, "qty": 1}],
            }
        )
    finally:
        client.close()


def run_stock_tour(
    out: Path | str = DEFAULT_OUT, *, size: tuple[int, int] = (1024, 768), products: int = 400
):
    """Render the Stock screens to `out`; returns the PNG paths written (see `SCREENS`)."""
    return StockTour(Path(out), size=size, products=products).run()


main = tour_cli(
    "ui.stock_tour", "Render the Stock screens to PNG.", lambda args: run_stock_tour(args.out, size=args.size)
)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
