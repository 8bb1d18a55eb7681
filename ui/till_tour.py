"""The Till workspace's screenshots: opening count, X report, blind count, over/short approval, Z report.

    python -m ui.till_tour [--out docs/screenshots]

Like `ui.tour` (whose driver it reuses): the real `MainWindow`, offscreen, 1024x768, with the demo shop in
a temporary directory. A manager opens the till by hand (the demo's automatic opening is off here), a
cashier's sales are rung through the Sell service, and to fill the chart of sales by hour four of them are
committed with times earlier in the day (the demo has no history of its own).
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from ui.tour import Tour, TourError, Wait, settle
from ui.tour_cli import tour_cli

SCREENS: tuple[tuple[str, str], ...] = (
    ("till-opening-count", "Till: the opening count, by denomination"),
    ("till-x-report", "Till: the X report mid-session, with sales by hour"),
    ("till-blind-count", "Till: the blind count at the close"),
    ("till-over-short-approval", "Till: a shortage above the threshold needs a manager's PIN"),
    ("till-z-report", "Till: the Z report with its chart"),
)


class TillTour(Tour):
    extra_settings = ("till.demo_open_at_login=false",)
    reason = "€20 note missing; checked the floor and the safe"  # typed by the manager at the close

    def sale(self, codes: list[str], hours_ago: int = 0) -> None:
        w = self.window
        for code in codes:
            if not w.sell.scan(code).ok:
                raise TourError(f"could not scan {code}")
        if hours_ago:
            co = w.shop.checkout
            quote = co.cash_quote()
            doc = co.build_sale(co.cash_tender(quote.rounded))
            when = co.clock.now() - timedelta(hours=hours_ago)
            doc = replace(doc, created_at=when.isoformat())
            co.finished(w.shop.records.commit_sale(doc))
            return
        quote, quick = w.sell.cash_quote()
        if not w.sell.pay_cash(quick[-1]).ok:
            raise TourError("a cash sale failed")

    def steps(self) -> Generator[Wait, None, None]:
        from ui.override import OverrideDialog
        from ui.till_page import CloseDialog, CountDialog

        w = self.window
        yield Wait(lambda: w.shop is not None or bool(w.startup_error), "the shop to open", 180)
        if w.startup_error:
            raise TourError(w.startup_error)
        self.theme("light", self.size[1])
        yield from self.type_text(w.login.pin, "9999")  # Mia, the manager
        self.press(w.login.pin, "Key_Return")
        yield Wait(lambda: w.stack.currentWidget() is w.workspaces, "the manager to be logged in", 20)
        w.workspaces.open("till")
        yield settle(200)

        # ---- the opening count (the demo's float, prefilled)
        w.till_page.buttons["open"].click()
        yield Wait(lambda: self.modal(CountDialog) is not None, "the opening count")
        yield settle(200)
        self.shot("till-opening-count", self.modal(CountDialog))
        self.modal(CountDialog).accept()
        yield Wait(lambda: w.shop.till.session_id is not None, "the till to open", 20)

        # ---- a morning of sales, cash movements, then the X report
        codes = self.barcodes(12)
        w.sell.begin_shift(w.shop.staff.identify("1111"))
        for i, hours in enumerate((4, 3, 3, 2)):
            self.sale(codes[i : i + 2], hours_ago=hours)
        for i in range(4, 10, 2):
            self.sale(codes[i : i + 2])
        w.sell.begin_shift(w.member)
        till = w.shop.till
        till.cash_in(2000, "coins from the bank")
        till.cash_out(850, "window cleaner")
        till.drop(10000)
        w.till_page.buttons["x_report"].click()
        yield settle(300)
        self.shot("till-x-report", w)

        # ---- the close: a blind count, €20 short, a manager's PIN
        expected = till.x_report().value.expected_cash
        w.till_page.buttons["close"].click()
        yield Wait(lambda: self.modal(CountDialog) is not None, "the blind count")
        count = self.modal(CountDialog)
        rest = expected - 2000  # a €20 note went missing
        for value, spin in count.spins.items():
            spin.setValue(rest // value)
            rest %= value
        yield settle(200)
        self.shot("till-blind-count", count)
        count.accept()
        yield Wait(lambda: self.modal(CloseDialog) is not None, "the expected cash and the difference")
        close = self.modal(CloseDialog)
        close.reason.setFocus()
        yield from self.type_text(close.reason, self.reason)
        close.accept()
        yield Wait(lambda: self.modal(OverrideDialog) is not None, "the manager's approval")
        yield settle(200)
        self.shot("till-over-short-approval", self.modal(OverrideDialog))
        yield from self.type_text(self.modal(OverrideDialog).pin, "9999")
        self.press(self.modal(OverrideDialog).pin, "Key_Return")
        yield Wait(lambda: w.till_presenter.last_z is not None, "the Z report", 30)
        yield settle(300)
        self.shot("till-z-report", w)


main = tour_cli(
    "ui.till_tour",
    "Render the Till workspace to PNG.",
    lambda args: TillTour(Path(args.out)).run(),
    sized=False,
)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
