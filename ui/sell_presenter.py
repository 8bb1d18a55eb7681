"""The Sell workspace's presenter: the checkout page's requests go to `app.sell.SellService`, its typed
results come back as words, windows and a redrawn cart. It holds no retail rule.

Nothing here waits: questions open without a nested event loop (`ui.prompts`), blocking service calls
(commits, the card reader, the network) run on the task manager's workers and answer by signal, and the
card payment is a panel in the page. After any question closes the scan field has the focus again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app.messages import CONTEXT, Msg
from app.results import Outcome, Result
from app.sell import SellService
from pos.documents import SaleDocument
from ui import prompts
from ui.checkout_page import CartRow, CheckoutPage, SearchHit, TotalsView
from ui.qt import QApplication, QCoreApplication, QObject, QTimer, QWidget, Signal, Slot
from ui.taskman import TaskManager

log = logging.getLogger("ui.sell")


def say_text(message: Msg) -> str:
    """A service's message in the cashier's language."""
    return message.render(QCoreApplication.translate(CONTEXT, message.template)) if message else ""


class _Relay(QObject):
    """Carries what other threads report (a changed sale, the reader's progress) to the GUI thread."""

    changed = Signal()
    card_status = Signal(str)


class SellPresenter(QObject):
    sale_completed = Signal(object)  # SaleDocument, after its commit returned
    receipt_ready = Signal(object)  # Receipt
    lock_requested = Signal()

    def __init__(
        self, sell: SellService, page: CheckoutPage, tasks: TaskManager, window: QWidget, approvals: Any
    ) -> None:
        super().__init__(window)
        self.sell = sell
        self.shop = sell.shop
        self.page = page
        self.tasks = tasks
        self.window = window
        self.approvals = approvals
        self.asking: str | None = None  # the action whose question is open right now
        self.last_receipt_checked = False  # the print queue was asked about the last sale's receipt
        self._refresh_queued = False
        self._relay = _Relay(self)
        self._relay.changed.connect(self._queue_refresh)
        self._relay.card_status.connect(self._on_card_status)
        sell.subscribe(self._relay.changed.emit)
        page.search_changed.connect(self.on_search)
        page.add_sku.connect(lambda sku: self.show(self.sell.add_sku(sku)))
        page.code_entered.connect(self.on_code)
        page.action.connect(self.on_action)
        page.quantity_requested.connect(self.on_quantity)
        page.remove_requested.connect(lambda line: self._call(lambda: self.sell.remove_line(line)))
        page.card_panel.cancel_requested.connect(self._on_card_cancel)
        page.card_panel.closed.connect(self.focus_scan)

    # ------------------------------------------------------------------ view
    @property
    def busy(self) -> bool:
        return self.sell.busy is not None

    def tr_(self, text: str) -> str:
        return QCoreApplication.translate("SellPresenter", text)

    @Slot()
    def _queue_refresh(self) -> None:
        if not self._refresh_queued:
            self._refresh_queued = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        self._refresh_queued = False
        fmt = self.shop.fmt
        v = self.sell.view()
        rows = [
            CartRow(
                ln.line_id,
                ln.description,
                ln.sku,
                ln.quantity,
                fmt(ln.unit_price),
                f"−{fmt(ln.discount)}" if ln.discount else "",
                fmt(ln.total),
                self.tr_("price changed: {reason}").format(reason=ln.override_reason)
                if ln.override_reason
                else "",
            )
            for ln in v.lines
        ]
        taxes = tuple(
            (self.tr_("{rate} on {amount}").format(rate=label, amount=fmt(gross)), fmt(tax))
            for label, gross, tax in v.tax_lines
        )
        self.page.show_cart(
            rows,
            TotalsView(
                subtotal=fmt(v.subtotal),
                discounts=f"−{fmt(v.discount)}" if v.discount else "",
                tax_lines=taxes,
                total=fmt(v.total),
                paid=fmt(v.paid) if v.paid else "",
                due=fmt(v.due) if v.paid else "",
                item_count=v.item_count,
            ),
        )
        m = v.member
        member = None
        if m is not None:
            member = self.tr_("{name} · {tier} · no. {no}").format(
                name=m.name or self.tr_("Member"), tier=m.tier or self.tr_("member"), no=m.member_no
            )
            if m.points is not None:
                member += " · " + self.tr_("{points} points").format(points=f"{m.points:,}")
        self.page.show_member(member)

    def say(self, text: str, *, error: bool = False) -> None:
        self.page.show_message(text, error=error)
        if error:
            QApplication.beep()
            log.info("cashier message: %s", text)

    def focus_scan(self) -> None:
        self.asking = None
        self.page.focus_scan()

    def set_staff(self, member: Any) -> None:
        self.page.header.setText(
            self.tr_("{name} · {role} · till {till}").format(
                name=member.name, role=member.role.value, till=self.shop.settings["till.id"]
            )
        )
        result = self.sell.begin_shift(member)
        if result.message:  # else what is on screen stays (a sale recovered at start-up says so)
            self.show(result)
        else:
            self.refresh()

    # ------------------------------------------------------------------ results
    def show(self, result: Result, executor: str | None = None) -> None:
        """Say what a service call did; ask a manager when it needs one."""
        if result.outcome is Outcome.NEEDS_APPROVAL:
            self._ask_approval(result, executor)
            return
        error = result.error or result.outcome not in (Outcome.DONE, Outcome.NEEDS_APPROVAL)
        self.say(say_text(result.message), error=error)
        if result.receipt is not None:
            self.receipt_ready.emit(result.receipt)
        if result.ok and isinstance(result.value, SaleDocument):
            self.sale_completed.emit(result.value)
        if result.printing is not None:
            self.tasks.watch(result.printing, self._printed, self._print_failed)
        self.refresh()

    def _printed(self, outcome: Any) -> None:
        if not getattr(outcome, "printed", True):
            self.say(
                self.tr_("Receipt not printed: {problem} It waits in the print queue.").format(
                    problem=outcome.message
                ),
                error=True,
            )

    def _print_failed(self, exc: BaseException) -> None:
        self.say(self.tr_("Printer problem: {error}. The receipt is kept.").format(error=exc), error=True)

    def _call(self, fn: Callable[[], Result], executor: str | None = None) -> None:
        """Run a service call inline (quick) or on a worker (it blocks), then show its result."""
        if executor is None:
            self.show(fn())
            return
        self.tasks.run(executor, fn, lambda r: self.show(r, executor), self._failed)

    def _failed(self, exc: BaseException) -> None:
        log.error("service call failed", exc_info=exc)
        self.say(
            self.tr_("That did not work: {error}. Nothing was lost; try again.").format(error=exc), error=True
        )
        self.refresh()

    def _ask_approval(self, result: Result, executor: str | None) -> None:
        from ui.override import OverrideDialog

        self.say(say_text(result.message), error=True)
        dlg = OverrideDialog(result.request, self.approvals, self.window, tasks=self.tasks)
        retry = result.retry
        dlg.approved.connect(lambda ov: self._call(lambda: retry(ov), executor))
        dlg.rejected.connect(lambda: self.say(self.tr_("Not approved; nothing changed."), error=True))
        self._open("approval", dlg)

    def _open(self, key: str, dlg: Any) -> Any:
        from ui.qt import Qt

        self.asking = key
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finished.connect(lambda _r: self.focus_scan())
        dlg.open()
        return dlg

    # ------------------------------------------------------------------ items
    @Slot(str)
    def on_search(self, text: str) -> None:
        hits = self.sell.search(text)
        self.page.show_results(
            [SearchHit(p.sku, f"{p.name} — {p.brand}", self.shop.fmt(p.price)) for p in hits]
        )

    def on_code(self, text: str) -> None:
        """A scan (keyboard wedge or camera) or Enter in the search box."""
        if self.page.card_panel.final_state:
            self.page.card_panel.finish()  # the next customer's first scan closes the last payment
        result = self.sell.scan(text)
        self.show(result)
        if result.ok and isinstance(result.value, int):  # a member was attached: fetch their details
            self.tasks.run("net", self.sell.refresh_member, self.show)

    def partial_scan(self, chars: str) -> None:
        self.say(
            self.tr_("The scan was cut short ({n} characters arrived): scan the item again.").format(
                n=len(chars)
            ),
            error=True,
        )

    @Slot(str)
    def on_quantity(self, line_id: str) -> None:
        if self.asking:
            return
        line = next((ln for ln in self.sell.view().lines if ln.line_id == line_id), None)
        if line is None:
            return
        self.asking = "quantity"
        prompts.ask_int(
            self.window,
            self.tr_("Quantity"),
            self.tr_("Quantity of {item}:").format(item=line.description),
            line.quantity,
            1,
            self.shop.config.max_quantity,
            lambda qty: self._call(lambda: self.sell.set_quantity(line_id, qty)),
            on_closed=self.focus_scan,
        )

    # ------------------------------------------------------------------ actions
    @Slot(str)
    def on_action(self, key: str) -> None:
        handler = getattr(self, f"do_{key}", None)
        if handler is None:
            return
        if key != "lock" and self.asking is not None:
            # a double click or a held key: the first press's question is still open
            log.info("ignored %s while %s is open", key, self.asking)
            return
        if key not in ("lock", "reprint") and self.busy:
            self.say(self.tr_("Wait: the payment is being finished."), error=True)
            return
        handler()

    def do_lock(self) -> None:
        self.lock_requested.emit()

    def do_member(self) -> None:
        def answered(text: str) -> None:
            result = self.sell.attach_member_typed(text)
            self.show(result)
            if result.ok:
                self.tasks.run("net", self.sell.refresh_member, self.show)

        self._ask_text(
            "member", self.tr_("Member"), self.tr_("Member number (from the card or the app):"), answered
        )

    def _ask_text(self, key: str, title: str, label: str, answered: Callable[[str], None]) -> None:
        self.asking = key
        prompts.ask_text(
            self.window, title, label, lambda t: answered(t) if t.strip() else None, on_closed=self.focus_scan
        )

    def do_discount_line(self) -> None:
        line = self.page.selected_line()
        if line is None:
            return
        self._ask_text(
            "discount_line",
            self.tr_("Discount"),
            self.tr_("Discount on this line: percent (10%) or amount (2.50)"),
            lambda t: self._call(lambda: self.sell.discount_line(line, t)),
        )

    def do_discount_order(self) -> None:
        self._ask_text(
            "discount_order",
            self.tr_("Discount"),
            self.tr_("Discount on the whole sale: percent (10%) or amount (2.50)"),
            lambda t: self._call(lambda: self.sell.discount_order(t)),
        )

    def do_override(self) -> None:
        line = self.page.selected_line()
        if line is None:
            return

        def price_given(price: str) -> None:
            QTimer.singleShot(
                0,
                lambda: self._ask_text(
                    "override",
                    self.tr_("Price override"),
                    self.tr_("Reason (kept in the audit log):"),
                    lambda reason: self._call(lambda: self.sell.override_price(line, price, reason)),
                ),
            )

        self._ask_text("override", self.tr_("Price override"), self.tr_("New unit price:"), price_given)

    def do_void(self) -> None:
        view = self.sell.view()
        if view.is_empty:
            return
        if not view.paid:
            self._call(self.sell.void)
            return
        self.asking = "void"
        prompts.confirm(
            self.window,
            self.tr_("Void the sale"),
            self.tr_(
                "{amount} is already paid by card. Voiding the sale refunds it to the card. Go ahead?"
            ).format(amount=self.shop.fmt(view.paid)),
            lambda: self._call(lambda: self.sell.void(confirmed=True), "reader"),
            on_closed=self.focus_scan,
        )

    def do_no_sale(self) -> None:
        self._ask_text(
            "no_sale",
            self.tr_("No sale"),
            self.tr_("Why open the drawer? (logged)"),
            lambda reason: self._call(lambda: self.sell.no_sale(reason), "io"),
        )

    def do_suspend(self) -> None:
        self._call(self.sell.suspend, "io")

    def do_resume(self) -> None:
        parked = self.sell.parked()
        if not parked:
            self.say(self.tr_("No suspended sales on this till."))
            return
        labels = [f"{p.label} — {p.suspended_at[11:16]}" for p in parked]
        self.asking = "resume"
        prompts.ask_item(
            self.window,
            self.tr_("Resume"),
            self.tr_("Which sale?"),
            labels,
            lambda i: self._call(lambda: self.sell.resume(parked[i].suspended_id), "io"),
            on_closed=self.focus_scan,
        )

    def do_reprint(self) -> None:
        self.show(self.sell.reprint())

    def recall_last_sale(self) -> None:
        """After a restart: Reprint prints the last sale; a sale recorded just before the stop says so."""
        result = self.sell.recall_last_sale()
        if result.message:
            self.show(result)
            return

        def checked(r: Result) -> None:
            self.last_receipt_checked = True
            if r.message:
                self.show(r)

        self.tasks.run("io", self.sell.last_receipt_unprinted, checked)

    # ------------------------------------------------------------------ tenders
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
        dlg = CashDialog(quote.rounded, fmt, self.shop.parse_amount, quick, note, self.window)
        dlg.accepted.connect(lambda: self._pay_cash(dlg.tendered))
        self._open("cash", dlg)

    def _pay_cash(self, tendered: int | None) -> None:
        if tendered is None:
            return
        self.say(self.tr_("Saving the sale…"))
        self._call(lambda: self.sell.pay_cash(tendered), "io")

    def do_card(self) -> None:
        if not self.sell.view().is_empty:
            self.start_card(None)

    def do_split(self) -> None:
        from ui.tender import SplitDialog

        view = self.sell.view()
        if view.is_empty:
            return
        dlg = SplitDialog(view.due, self.shop.fmt, self.shop.parse_amount, self.window)
        dlg.accepted.connect(lambda: QTimer.singleShot(0, lambda: self.start_card(dlg.card_amount)))
        self._open("split", dlg)

    def start_card(self, amount: int | None) -> None:
        if self.shop.payments is None:
            self.say(
                self.shop.card_error or self.tr_("Card payments are off on this till. Take cash."), error=True
            )
            return
        due = self.sell.view().due
        self.page.card_panel.start(self.shop.fmt(amount if amount is not None else due))
        self.page.set_paying(True)
        self.tasks.run(
            "reader",
            lambda: self.sell.pay_card(amount, on_status=self._relay.card_status.emit),
            self._card_done,
            self._card_error,
        )

    @Slot(str)
    def _on_card_status(self, status: str) -> None:
        panel = self.page.card_panel
        if panel.running and panel.state.text() != self.tr_("Cancelling…"):
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
            detail = getattr(result.value, "message", "") or say_text(result.message)
            panel.show_state("declined" if result.outcome is Outcome.DECLINED else "error", detail)
        self.show(result)

    def _card_error(self, exc: BaseException) -> None:
        self.page.set_paying(False)
        self.page.card_panel.show_state("error", str(exc))
        self._failed(exc)


__all__ = ["SellPresenter", "say_text"]
