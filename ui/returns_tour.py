"""The Returns & pickups screenshots: the real window, the demo shop, a person's steps.

    python -m ui.returns_tour [--out docs/screenshots] [--size 1024x768]

Finding an online order by its QR, picking lines (reason, condition), the refund with its return receipt
and store credit QR, an exchange against new items on Sell, and the pickup list with an order opened.
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from pathlib import Path

from ui.tour import Tour, TourError, Wait, settle
from ui.tour_cli import tour_cli

SCREENS: tuple[tuple[str, str], ...] = (
    ("returns-find", "Returns: an online order found by its QR code, what is still returnable"),
    ("returns-pick", "Returns: lines picked with a reason and their condition, the refund per tender"),
    ("returns-refund", "Returns: refunded as store credit, the return receipt with the credit's QR code"),
    (
        "returns-from-member",
        "Returns: a member's recent order opened from their panel (Alt+B), the keyboard on its lines",
    ),
    ("returns-exchange", "Exchange: the returned items' credit against new items, the net to pay"),
    ("pickups-list", "Pickups: the orders waiting here, shelf and age, one not collected in time"),
)


class ReturnsTour(Tour):
    def steps(self) -> Generator[Wait, None, None]:
        from ui.qt import QTimer

        w = self.window
        yield Wait(lambda: w.shop is not None or bool(w.startup_error), "the shop to open", 180)
        if w.startup_error:
            raise TourError(w.startup_error)
        self.theme("light", self.size[1])
        yield from self.type_text(w.login.pin, "2222")  # Ben, an associate
        self.press(w.login.pin, "Key_Return")
        yield Wait(lambda: w.stack.currentWidget() is w.workspaces, "the associate to be logged in", 20)
        page = w.returns_ws.page
        panel = page.returns
        shop = w.shop

        # ---- an online order, scanned from the customer's phone
        w.wedge.scanned.emit(shop.demo.backend.order_qr("600003"))  # with its secret
        yield Wait(lambda: panel.table.rowCount() == 3, "the order's lines", 30)
        w.receipt_dock.raise_()
        yield settle(300)
        self.shot("returns-find", w)

        # ---- two lines picked: a size that did not fit, a faulty one
        panel.table.cellWidget(0, 3).setValue(1)
        panel.table.cellWidget(0, 4).setCurrentText("Wrong size")
        panel.table.cellWidget(2, 3).setValue(1)
        panel.table.cellWidget(2, 4).setCurrentText("Faulty")
        panel.table.cellWidget(2, 5).setChecked(False)
        yield Wait(lambda: panel.buttons["store_credit"].isEnabled(), "the refund to be worked out")
        yield settle(300)
        self.shot("returns-pick", w)

        # ---- refunded as store credit: the receipt shows its QR code
        QTimer.singleShot(0, lambda: panel.trigger("store_credit"))
        yield Wait(lambda: "recorded" in panel.message.text(), "the return to be recorded", 60)
        yield Wait(lambda: w.receipt_view.receipt is not None, "the return receipt")
        w.receipt_dock.raise_()
        yield settle(400)
        self.shot("returns-refund", w)

        # ---- from a member's panel: their recent order, Take back (Alt+B), ready to pick
        yield Wait(lambda: bool(shop.sync_engine.member_keys()[0]), "the member keys", 30)
        w.workspaces.open("members")
        members = w.members_presenter
        w.wedge.scanned.emit(shop.demo.backend.member_qr(1004))
        yield Wait(lambda: members.panel is not None, "member 1004's panel", 30)
        refs = [o.ref for o in members.panel.profile.recent_orders]
        w.members_page.lists["orders"].setCurrentRow(refs.index("600004"))
        QTimer.singleShot(0, w.members_page.take_back_button.click)
        yield Wait(lambda: panel.table.rowCount() > 0 and panel.table.hasFocus(), "the member's order", 30)
        yield settle(400)
        self.shot("returns-from-member", w)
        shop.returns.clear()

        # ---- an exchange: one more item back, a dearer one bought instead
        w.wedge.scanned.emit(shop.demo.backend.order_qr("600001"))
        yield Wait(
            lambda: panel.table.rowCount() == 1 and "600001" in panel.title.text(),
            "the order to exchange from",
            30,
        )
        panel.table.cellWidget(0, 3).setValue(1)
        panel.table.cellWidget(0, 4).setCurrentText("Wrong size")
        yield Wait(lambda: panel.buttons["exchange"].isEnabled(), "the exchange to be possible")
        QTimer.singleShot(0, lambda: panel.trigger("exchange"))
        yield Wait(lambda: w.returns_ws.exchange.view() is not None, "the exchange to start", 60)
        w.workspaces.open("sell")
        for code in self._dearer(w.returns_ws.exchange.view().credit):
            w.wedge.scanned.emit(code)
            yield settle(60)
        w.workspaces.open("returns")
        w.returns_ws.returns.refresh()
        yield settle(400)
        self.shot("returns-exchange", w)

        # ---- the pickup list, an order opened
        page.setCurrentWidget(page.pickups)
        pick = page.pickups
        yield Wait(lambda: pick.list.rowCount() == 5, "the pickup list", 30)
        w.wedge.scanned.emit("OMO:ORDER:500002")
        yield Wait(lambda: pick.lines.rowCount() == 2, "the order to open", 30)
        pick.list.selectRow(3)
        yield settle(400)
        self.shot("pickups-list", w)

        shop.returns.clear()

    def _dearer(self, credit: int) -> list[str]:
        conn = self.window.shop.store.read_connection()
        try:
            rows = conn.execute(
                "SELECT min(b.barcode) FROM barcodes b JOIN products p ON p.id = b.product_id "
                "WHERE p.active = 1 AND length(b.barcode) = 13 AND p.price > ? GROUP BY p.id "
                "ORDER BY p.price LIMIT 1",
                (credit + 500,),
            ).fetchall()
        finally:
            conn.close()
        return [r[0] for r in rows]


main = tour_cli(
    "ui.returns_tour",
    "Render the Returns & pickups screens.",
    lambda args: ReturnsTour(Path(args.out), size=args.size, products=args.products).run(),
    options=lambda p: p.add_argument(
        "--products", type=int, default=2000, help="demo catalog size (default 2000)"
    ),
)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["SCREENS", "ReturnsTour"]
