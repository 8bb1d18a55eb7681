"""The Sell workspace's presenter: the checkout page's requests go to `app.sell.SellService`, its typed
results come back as words, windows and a redrawn cart. It holds no retail rule.

Nothing here waits: questions open without a nested event loop (`ui.prompts`), blocking service calls
(commits, the card reader, the network) run on the task manager's workers and answer by signal, and the
card payment is a panel in the page (`ui.tender_presenter`). After any question closes the scan field
has the focus again.
"""

from __future__ import annotations

import logging
from typing import Any

from app.results import Result
from app.sell import LineView, SellService
from pos.codes import CartCode, StoreCreditCode
from pos.documents import SaleDocument
from ui import prompts
from ui.checkout_page import CartRow, CheckoutPage, SearchHit, TotalsView
from ui.i18n import role_word
from ui.member_sale import MemberSalePresenter
from ui.presenter import Presenter, say_text
from ui.qt import QObject, QTimer, QWidget, Signal, Slot
from ui.taskman import TaskManager
from ui.tender_presenter import TenderPresenter

log = logging.getLogger("ui.sell")

TENDER_ACTIONS = ("cash", "card", "split", "void")
MEMBER_ACTIONS = ("offers", "points", "hand_over")


class _Relay(QObject):
    """A change of the sale, reported on whichever thread made it, to the GUI thread."""

    changed = Signal()


class SellPresenter(Presenter):
    sale_completed = Signal(object)  # SaleDocument, after its commit returned
    lock_requested = Signal()

    def __init__(
        self, sell: SellService, page: CheckoutPage, tasks: TaskManager, window: QWidget, approvals: Any
    ) -> None:
        super().__init__(tasks, window, approvals)
        self.sell = sell
        self.shop = sell.shop
        self.page = page
        self.last_receipt_checked = False  # the print queue was asked about the last sale's receipt
        self._refresh_queued = False
        self._drawn_version = -1
        # each line's row as drawn, by what it shows: a scan formats its new line only, not all 100
        self._rows: dict[LineView, CartRow] = {}
        self._rows_sale = ""
        self._relay = _Relay(self)
        self._relay.changed.connect(self._queue_refresh)
        sell.subscribe(self._relay.changed.emit)
        self.tender = TenderPresenter(self)
        self.member_sale = MemberSalePresenter(self)
        page.search_changed.connect(self.on_search)
        page.add_sku.connect(lambda sku: self.show(self.sell.add_sku(sku)))
        page.code_entered.connect(self.on_code)
        page.action.connect(self.on_action)
        page.quantity_requested.connect(self.on_quantity)
        page.remove_requested.connect(lambda line: self.call(lambda: self.sell.remove_line(line)))

    # ------------------------------------------------------------------ the page
    @property
    def busy(self) -> bool:
        return self.sell.busy is not None

    def show_message(self, text: str, error: bool) -> None:
        self.page.show_message(text, error=error)

    def focus(self) -> None:
        self.page.focus_scan()

    def shown(self, result: Result) -> None:
        if result.ok and isinstance(result.value, SaleDocument):
            self.sale_completed.emit(result.value)

    @Slot()
    def _queue_refresh(self) -> None:
        if not self._refresh_queued:
            self._refresh_queued = True
            QTimer.singleShot(0, self.page, self.refresh)  # dropped if the page is gone meanwhile

    def _row(self, ln: LineView) -> CartRow:
        fmt = self.shop.fmt
        return CartRow(
            ln.line_id,
            ln.description,
            ln.sku,
            ln.measure.text() if ln.measure else ln.quantity,
            f"{fmt(ln.measure.unit_price)}/{ln.measure.price_symbol}" if ln.measure else fmt(ln.unit_price),
            f"−{fmt(ln.discount)}" if ln.discount else "",
            fmt(ln.total),
            self.tr_("price changed: {reason}").format(reason=ln.override_reason)
            if ln.override_reason
            else self._ordered(ln.fulfilment),
        )

    def refresh(self) -> None:
        self._refresh_queued = False
        if self.sell.version == self._drawn_version:
            return  # nothing changed since the last drawing (a scan draws at once, then its relay arrives)
        self._drawn_version = self.sell.version
        fmt = self.shop.fmt
        v = self.sell.view()
        if v.sale_uuid != self._rows_sale:  # another sale (perhaps another cashier's language): draw afresh
            self._rows, self._rows_sale = {}, v.sale_uuid
        drawn = self._rows
        self._rows = {ln: drawn.get(ln) or self._row(ln) for ln in v.lines}
        rows = list(self._rows.values())  # a line's id is its own: one row per line, in order
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
                name=m.name or self.tr_("Member"),
                tier=self.tier(m.tier) if m.tier else self.tr_("member"),
                no=m.member_no,
            )
            if m.points is not None:
                member += " · " + self.tr_("{points} points").format(points=self.shop.count(m.points))
            member += self.member_sale.offers_text()
        self.page.show_member(member)

    def _ordered(self, f: Any) -> str:
        """The note of a line that is not taken from this shelf: its order, how and when it comes."""
        if f is None:
            return ""
        if f.kind == "delivery":
            return self.tr_("order {order}: delivered by {day}").format(
                order=f.order_no, day=self.shop.day(f.ready_on)
            )
        if f.kind == "pickup":
            return self.tr_("order {order}: collect here from {day}").format(
                order=f.order_no, day=self.shop.day(f.ready_on)
            )
        return self.tr_("reservation {order}").format(order=f.order_no)

    def set_staff(self, member: Any) -> None:
        self.page.header.setText(
            self.tr_("{name} · {role} · till {till}").format(
                name=member.name,
                role=role_word(member.role.value),
                till=self.shop.settings["till.id"],
            )
        )
        result = self.sell.begin_shift(member)
        if result.message:  # else what is on screen stays (a sale recovered at start-up says so)
            self.show(result)
        else:
            self.refresh()

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
        if result.ok and isinstance(result.value, CartCode):  # the customer's shared cart, from the backend
            self.member_sale.load_cart(result.value.cart_id)
        if result.ok and isinstance(result.value, StoreCreditCode):  # spent at the backend, then a tender
            code = result.value.code
            self.tasks.run("net", lambda: self.shop.credits.use(self.sell, code), self.show, self.failed)

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
            lambda qty: self.call(lambda: self.sell.set_quantity(line_id, qty)),
            on_closed=self.focus_back,
        )

    # ------------------------------------------------------------------ actions
    @Slot(str)
    def on_action(self, key: str) -> None:
        owner = self.tender if key in TENDER_ACTIONS else self.member_sale if key in MEMBER_ACTIONS else self
        handler = getattr(owner, f"do_{key}", None)
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

        self.ask_text(
            "member", self.tr_("Member"), self.tr_("Member number (from the card or the app):"), answered
        )

    def do_discount_line(self) -> None:
        line = self.page.selected_line()
        if line is None:
            return
        self.ask_text(
            "discount_line",
            self.tr_("Discount"),
            self.tr_("Discount on this line: percent (10%) or amount (2.50)"),
            lambda t: self.call(lambda: self.sell.discount_line(line, t)),
        )

    def do_discount_order(self) -> None:
        self.ask_text(
            "discount_order",
            self.tr_("Discount"),
            self.tr_("Discount on the whole sale: percent (10%) or amount (2.50)"),
            lambda t: self.call(lambda: self.sell.discount_order(t)),
        )

    def do_override(self) -> None:
        line = self.page.selected_line()
        if line is None:
            return

        def price_given(price: str) -> None:
            QTimer.singleShot(
                0,
                lambda: self.ask_text(
                    "override",
                    self.tr_("Price override"),
                    self.tr_("Reason (kept in the audit log):"),
                    lambda reason: self.call(lambda: self.sell.override_price(line, price, reason)),
                ),
            )

        self.ask_text("override", self.tr_("Price override"), self.tr_("New unit price:"), price_given)

    def do_no_sale(self) -> None:
        self.ask_text(
            "no_sale",
            self.tr_("No sale"),
            self.tr_("Why open the drawer? (logged)"),
            lambda reason: self.call(lambda: self.sell.no_sale(reason), "io"),
        )

    def do_suspend(self) -> None:
        self.call(self.sell.suspend, "io")

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
            lambda i: self.call(lambda: self.sell.resume(parked[i].suspended_id), "io"),
            on_closed=self.focus_back,
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


__all__ = ["SellPresenter", "say_text"]
