"""The Returns & pickups workspace put together: its page, its two presenters and the exchange service
that joins Returns to the Sell workspace's open sale. The main window creates it, attaches it when the
shop is open, and hands it the keys and scans meant for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.qt import QCoreApplication
from ui.returns_page import ReturnsPickupsPage
from ui.taskman import TaskManager

# scanned codes that belong here wherever the person is
CODES = ("OMO:ORDER:", "OMO:RECEIPT:")


class ReturnsWorkspace:
    def __init__(self, window: Any) -> None:
        self.window = window
        self.page = ReturnsPickupsPage(window)
        self.returns: Any = None  # ui.returns_presenter.ReturnsPresenter
        self.pickups: Any = None  # ui.pickups_presenter.PickupsPresenter
        self.exchange: Any = None  # app.exchange.ExchangeService
        self.visible = False
        self.page.currentChanged.connect(lambda _i: self._tab_changed())

    def attach(self, shop: Any, sell: Any, tasks: TaskManager, show_receipt: Callable[[Any], None]) -> None:
        from app.exchange import ExchangeService
        from ui.pickups_presenter import PickupsPresenter
        from ui.returns_presenter import ReturnsPresenter

        self.exchange = ExchangeService(shop.returns, sell)
        self.returns = ReturnsPresenter(
            shop.returns, self.exchange, self.page.returns, tasks, self.window, shop.approvals
        )
        self.pickups = PickupsPresenter(shop.pickups, self.page.pickups, tasks, self.window, shop.approvals)
        for presenter in (self.returns, self.pickups):
            presenter.receipt_ready.connect(show_receipt)
        self.returns.open_pickup = self._open_pickup
        self.pickups.show_returns = lambda: self.page.setCurrentWidget(self.page.returns)
        # a store credit half spent when the till stopped goes back onto its code (not on the GUI thread)
        open_sale = shop.checkout.sale_uuid
        on_sale = frozenset(
            t.reference for t in shop.checkout.tenders if t.kind == "store_credit" and t.reference
        )
        tasks.run("net", lambda: shop.credits.settle(open_sale, on_sale), None, lambda _e: None)
        self.returns.refresh()

    def take_over(self, old: ReturnsWorkspace) -> None:
        """The same shop in a window in another language (`ui.gui.in_language_of`): an exchange in
        progress goes on here, and only this window prints its receipt."""
        if self.exchange is None or old.exchange is None or old.exchange.pending is None:
            return
        with old.exchange._lock:
            self.exchange.pending, self.exchange.label = old.exchange.pending, old.exchange.label
            old.exchange.pending = None
        self.returns.refresh()

    @property
    def busy(self) -> bool:
        return self.returns is not None and (self.returns.busy or self.pickups.busy)

    def begin_shift(self, member: Any) -> None:
        if self.returns is None:
            return
        self.returns.returns.begin_shift(member)
        self.pickups.pickups.begin_shift(member)
        self.returns.refresh()

    def end_shift(self) -> None:
        if self.returns is None:
            return
        self.returns.returns.end_shift()
        self.pickups.pickups.end_shift()
        self.pickups.stop()

    def shown(self, visible: bool) -> None:
        """The workspace became the one on screen (or stopped being it)."""
        self.visible = visible
        self._tab_changed()
        if visible:
            (self.page.pickups if self.page.on_pickups else self.page.returns).focus_scan()

    def _tab_changed(self) -> None:
        if self.pickups is None:
            return
        if self.visible and self.page.on_pickups:
            self.pickups.start()
        else:
            self.pickups.stop()

    def wants(self, code: str) -> bool:
        return code.startswith(CODES)

    def on_code(self, code: str) -> None:
        if self.returns is None:
            return
        (self.pickups if self.page.on_pickups else self.returns).on_code(code)

    def partial_scan(self, chars: str) -> None:
        """A scan cut short while this workspace shows: said here, where the person looks."""
        if self.returns is None:
            return
        text = QCoreApplication.translate(
            "ReturnsPickupsPage", "The scan was cut short ({n} characters arrived): scan the code again."
        )
        (self.pickups if self.page.on_pickups else self.returns).say(text.format(n=len(chars)), error=True)

    def on_key(self, key: str) -> None:
        self.page.on_key(key)

    def _open_pickup(self, order_no: str) -> None:
        """A scanned order waits for pickup here: the Pickups tab opens it."""
        self.page.setCurrentWidget(self.page.pickups)
        self.pickups.on_code(order_no)


__all__ = ["ReturnsWorkspace"]
