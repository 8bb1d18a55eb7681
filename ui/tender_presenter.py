"""Taking the money, for the Sell workspace: cash with quick amounts, the card payment as a panel in the
page (the rest of the window stays usable), split payments, and voiding a sale whose card part must be
refunded. It asks and shows; `app.sell.SellService` decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.messages import said
from app.results import Outcome, Result
from ui import prompts
from ui.presenter import say_text, tr_of
from ui.qt import QCoreApplication, QObject, QTimer, Signal, Slot

if TYPE_CHECKING:
    from ui.sell_presenter import SellPresenter


class _Relay(QObject):
    """The reader's progress (reported on the reader's thread) to the GUI thread."""

    card_status = Signal(str)


class TenderPresenter(QObject):
    def __init__(self, owner: SellPresenter) -> None:
        super().__init__(owner)
        self.owner = owner
        self.sell = owner.sell
        self.shop = owner.shop
        self.page = owner.page
        self._relay = _Relay(self)
        self._relay.card_status.connect(self._on_card_status)
        self.page.card_panel.cancel_requested.connect(self._on_card_cancel)
        self.page.card_panel.closed.connect(owner.focus_back)

    def tr_(self, text: str) -> str:
        return tr_of(
            self, text, self.owner
        )  # this helper's context (its strings are filed there), the owner's

    # ------------------------------------------------------------------ cash
    def do_cash(self) -> None:
        from ui.tender import CashDialog

        if self.sell.view().is_empty:
            return
        quote, quick = self.sell.cash_quote()
        fmt = self.shop.fmt
        note = ""
        if quote.rounding:
            note = self.tr_("Cash rounding {sign}{amount} (the total is {total})").format(
                sign="+" if quote.rounding > 0 else "−", amount=fmt(abs(quote.rounding)), total=fmt(quote.due)
            )
        dlg = CashDialog(quote.rounded, fmt, self.shop.parse_amount, quick, note, self.owner.window)
        dlg.accepted.connect(lambda: self._pay_cash(dlg.tendered))
        self.owner.open("cash", dlg)

    def _pay_cash(self, tendered: int | None) -> None:
        if tendered is None:
            return
        self.owner.say(self.tr_("Saving the sale…"))
        self.owner.call(lambda: self.sell.pay_cash(tendered), "io")

    # ------------------------------------------------------------------ card
    def do_card(self) -> None:
        if not self.sell.view().is_empty:
            self.start_card(None)

    def do_split(self) -> None:
        from ui.tender import SplitDialog

        view = self.sell.view()
        if view.is_empty:
            return
        dlg = SplitDialog(view.due, self.shop.fmt, self.shop.parse_amount, self.owner.window)
        dlg.accepted.connect(lambda: QTimer.singleShot(0, lambda: self.start_card(dlg.card_amount)))
        self.owner.open("split", dlg)

    def start_card(self, amount: int | None) -> None:
        if not self.shop.payments.available:
            self.owner.say(
                say_text(said(self.shop.card_error))
                or self.tr_("Card payments are off on this till. Take cash."),
                error=True,
            )
            return
        due = self.sell.view().due
        self.page.card_panel.start(self.shop.fmt(amount if amount is not None else due))
        self.page.set_paying(True)
        self.owner.tasks.run(
            "reader",
            lambda: self.sell.pay_card(amount, on_status=self._relay.card_status.emit),
            self._card_done,
            self._card_error,
        )

    @Slot(str)
    def _on_card_status(self, status: str) -> None:
        panel = self.page.card_panel
        if panel.running and panel.state.text() != QCoreApplication.translate("CardPanel", "Cancelling…"):
            panel.show_state(status)

    @Slot()
    def _on_card_cancel(self) -> None:
        self.sell.cancel_card()

    def _card_done(self, result: Result) -> None:
        self.page.set_paying(False)
        panel = self.page.card_panel
        # the panel says what happened at the reader in one sentence; the page's message says what to do
        if result.ok:
            panel.show_state("approved", say_text(result.message) if result.error else "")
        else:
            detail = say_text(said(getattr(result.value, "message", ""))) or say_text(result.message)
            panel.show_state("declined" if result.outcome is Outcome.DECLINED else "error", detail)
        self.owner.show(result)

    def _card_error(self, exc: BaseException) -> None:
        self.page.set_paying(False)
        self.page.card_panel.show_state("error", say_text(said(exc)))
        self.owner.failed(exc)

    # ------------------------------------------------------------------ void
    def do_void(self) -> None:
        view = self.sell.view()
        if view.is_empty:
            return
        if not view.paid:
            self.owner.call(self.sell.void)
            return
        self.owner.asking = "void"
        prompts.confirm(
            self.owner.window,
            self.tr_("Void the sale"),
            self.tr_(
                "{amount} is already paid by card. Voiding the sale refunds it to the card. Go ahead?"
            ).format(amount=self.shop.fmt(view.paid)),
            lambda: self.owner.call(lambda: self.sell.void(confirmed=True), "reader"),
            on_closed=self.owner.focus_back,
        )


__all__ = ["TenderPresenter"]
