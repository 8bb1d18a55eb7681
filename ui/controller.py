"""The checkout controller: what happens when the cashier scans, searches, pays, suspends, voids.

It joins the checkout page (widgets) to the domain (`pos.checkout.Checkout`, the card payment protocol,
staff permissions) and to the devices. Long work never runs on the GUI thread: sale commits go to the
journal's writer, card payments to the reader thread, printing to the printer thread; results come back
by queued signals (`TaskManager`). Nothing is promised — "approved", change due, receipt, drawer —
before the commit that records the sale has returned.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from app.shop import Shop
from pos.cart import Discount
from pos.checkout import MemberOnSale
from pos.codes import CartCode, CouponCode, GiftCardCode, MemberCode, OrderCode, ReceiptCode, Rejected
from pos.documents import SaleDocument, Tender
from pos.errors import DomainError
from pos.payment import CartDisplay, DisplayLine, PaymentInProgress, PaymentOutcome
from pos.receipt import Receipt, ReceiptMark, sale_receipt
from pos.scan import ScanRefused, is_omo_code, read_item
from pos.staff import Permission, StaffMember
from ui.checkout_page import CartRow, CheckoutPage, SearchHit, TotalsView
from ui.qt import QApplication, QInputDialog, QMessageBox, QObject, QWidget, Signal, Slot
from ui.taskman import TaskManager
from ui.tender import CardDialog, CashDialog, SplitDialog

log = logging.getLogger("ui.checkout")


class _StatusRelay(QObject):
    """Carries the reader's progress (`on_status` runs on the reader thread) to the card dialog."""

    status = Signal(str)


class CheckoutController(QObject):
    sale_completed = Signal(object)  # SaleDocument, after its commit returned
    receipt_ready = Signal(object)  # Receipt
    lock_requested = Signal()

    def __init__(self, shop: Shop, page: CheckoutPage, tasks: TaskManager, parent: QWidget) -> None:
        super().__init__(parent)
        self.shop = shop
        self.co = shop.checkout
        self.page = page
        self.tasks = tasks
        self.window = parent
        self.staff: StaffMember | None = None
        self.last_receipt: Receipt | None = None
        self.last_receipt_checked = False  # recall_last_sale has looked for it in the print queue
        self.busy = False  # a commit or a payment is running: the sale cannot change
        self._acting: str | None = None  # the action whose dialog is open right now
        self.card_dialog: CardDialog | None = None
        self._relay = _StatusRelay(self)
        self._relay.status.connect(self._on_card_status)
        page.search_changed.connect(self.on_search)
        page.add_sku.connect(self.on_add_sku)
        page.code_entered.connect(self.on_code)
        page.action.connect(self.on_action)
        page.quantity_requested.connect(self.on_quantity)
        page.remove_requested.connect(self.on_remove)
        self.co.listeners.append(self._push_display)

    # ------------------------------------------------------------------ view
    def set_staff(self, member: StaffMember | None) -> None:
        self.staff = member
        self.co.staff_id = member.id if member else ""
        if member:
            self.page.header.setText(
                f"{member.name} · {member.role.value} · till {self.shop.settings['till.id']}"
            )

    def refresh(self) -> None:
        fmt = self.shop.fmt
        t = self.co.cart.totals
        rows = []
        for line, lt in zip(self.co.cart.lines, t.lines, strict=True):
            disc = (lt.line_discount + lt.order_discount).minor
            note = f"price changed: {line.override_reason}" if line.override_reason else ""
            rows.append(
                CartRow(
                    line.line_id,
                    line.description,
                    line.sku,
                    line.quantity,
                    fmt(line.unit_price.minor),
                    f"−{fmt(disc)}" if disc else "",
                    fmt(lt.paid.minor),
                    note,
                )
            )
        taxes = tuple(
            (f"{r.rate.label or r.rate.code} on {fmt(r.gross.minor)}", fmt(r.tax.minor)) for r in t.rates
        )
        paid = self.co.paid
        totals = TotalsView(
            subtotal=fmt(t.subtotal.minor),
            discounts=f"−{fmt(t.discount.minor)}" if t.discount.minor else "",
            tax_lines=taxes,
            total=fmt(t.total.minor),
            paid=fmt(paid) if paid else "",
            due=fmt(self.co.due) if paid else "",
            item_count=t.item_count,
        )
        self.page.show_cart(rows, totals)
        m = self.co.member
        self.page.show_member(
            None
            if m is None
            else f"{m.name or 'Member'} · {m.tier or 'member'} · no. {m.member_no}"
            + ("" if m.points is None else f" · {m.points:,} points")
        )

    def say(self, text: str, *, error: bool = False) -> None:
        self.page.show_message(text, error=error)
        if error:
            QApplication.beep()
            log.info("cashier message: %s", text)

    def _guard(self) -> bool:
        if self.busy:
            self.say("Wait: the payment is being finished.", error=True)
            return False
        return True

    # ------------------------------------------------------------------ items
    @Slot(str)
    def on_search(self, text: str) -> None:
        text = text.strip()
        if len(text) < 1 or text.isdigit() and len(text) >= 6:
            self.page.show_results([])
            return
        hits = self.shop.catalog.search(text, 12)
        self.page.show_results(
            [SearchHit(p.sku, f"{p.name} — {p.brand}", self.shop.fmt(p.price)) for p in hits]
        )

    @Slot(str)
    def on_add_sku(self, sku: str) -> None:
        if not self._guard():
            return
        try:
            self.co.add_sku(sku)
        except DomainError as e:
            self.say(str(e), error=True)
            return
        self.say("")
        self.refresh()

    def on_code(self, text: str) -> None:
        """A scan (keyboard wedge or camera) or Enter in the search box."""
        if not self._guard():
            return
        text = text.strip()
        if not text:
            return
        if is_omo_code(text):
            self.on_qr(text)
            return
        scan = read_item(
            text, self.shop.catalog, currency=self.shop.config.currency, today=self.co.clock.now().date()
        )
        if isinstance(scan, ScanRefused):
            self.say(scan.message, error=True)
            return
        self._try(lambda: self.co.add_scanned(scan))

    def on_qr(self, text: str) -> None:
        parsed = self.shop.codes.parse(text)
        if isinstance(parsed, MemberCode):
            self.attach_member(parsed.member_no)
        elif isinstance(parsed, OrderCode):
            self.say(
                f"Online order {parsed.order_no}: returns and pickups are handled on the returns screen, "
                "which is not in this version yet."
            )
        elif isinstance(parsed, CartCode | CouponCode | GiftCardCode | ReceiptCode):
            self.say(f"{type(parsed).__name__.removesuffix('Code')} codes are not handled on this till yet.")
        else:
            assert isinstance(parsed, Rejected)
            self.say(parsed.message, error=True)

    def attach_member(self, member_no: int) -> None:
        """Attach at once by number; the name, tier and points follow from the backend (worker thread)."""
        self.co.attach_member(MemberOnSale(member_no))
        self.say(f"Member {member_no} attached to this sale.")
        self.refresh()
        sale = self.co.sale_uuid

        def arrived(member: MemberOnSale) -> None:
            if (
                self.co.sale_uuid == sale
                and self.co.member is not None
                and self.co.member.member_no == member_no
            ):
                self.co.attach_member(member)
                if member.name:
                    self.say(f"{member.name} ({member.tier}) attached to this sale.")
                else:
                    self.say(f"Member {member_no} attached; details unavailable right now (offline?).")
                self.refresh()

        self.tasks.run("net", lambda: self.shop.member_on_sale(member_no), arrived)

    @Slot(str)
    def on_quantity(self, line_id: str) -> None:
        if not self._guard():
            return
        line = self.co.cart.line(line_id)
        qty, ok = QInputDialog.getInt(
            self.window,
            "Quantity",
            f"Quantity of {line.description}:",
            line.quantity,
            1,
            self.shop.config.max_quantity,
        )
        if ok:
            self._try(lambda: self.co.set_quantity(line_id, qty))

    @Slot(str)
    def on_remove(self, line_id: str) -> None:
        if not self._guard() or not self._allowed(Permission.REMOVE_LINE, "Remove a line"):
            return
        self._try(lambda: self.co.remove_line(line_id, actor=self._actor()))

    def _actor(self) -> str:
        return self.staff.id if self.staff else ""

    def _try(self, fn: Any) -> bool:
        try:
            fn()
        except DomainError as e:
            self.say(str(e), error=True)
            return False
        self.say("")
        self.refresh()
        return True

    def _approve(
        self, permission: Permission, subject: str, *, percent: Decimal | None = None, reason: str = ""
    ) -> str | None | bool:
        """True: allowed as is; a manager id: approved by override; False: refused or cancelled."""
        from ui.override import authorise_or_ask

        if self.staff is None:
            return False
        grant = authorise_or_ask(
            self.window,
            self.shop.approvals,
            self.staff,
            permission,
            amount_percent=percent,
            subject=subject,
            reason=reason,
            tasks=self.tasks,
        )
        if grant is None:
            self.say("Not approved; nothing changed.", error=True)
            return False
        return grant.override.approver_id if grant.override is not None else True

    def _allowed(self, permission: Permission, subject: str) -> bool:
        return self._approve(permission, subject) is not False

    # ------------------------------------------------------------------ actions
    @Slot(str)
    def on_action(self, key: str) -> None:
        handler = getattr(self, f"do_{key}", None)
        if handler is None:
            return
        if key != "lock" and self._acting is not None:
            # a double click or a held key: the first press's window is still open (its own event loop
            # delivers the repeat). Running it again stacked a second cash window asking for the money
            # again, and its refusal ("The sale is empty.") replaced the change due on screen.
            log.info("ignored %s while %s is in progress", key, self._acting)
            return
        if key not in ("lock", "reprint") and not self._guard():
            return
        self._acting = key
        try:
            handler()
        finally:
            self._acting = None

    def do_lock(self) -> None:
        self.lock_requested.emit()

    def do_member(self) -> None:
        from pos.codes import parse_typed_member

        text, ok = QInputDialog.getText(self.window, "Member", "Member number (from the card or the app):")
        if not ok or not text.strip():
            return
        parsed = parse_typed_member(text)
        if isinstance(parsed, Rejected):
            self.say(parsed.message, error=True)
            return
        self.attach_member(parsed.member_no)

    def _ask_discount(self, what: str) -> Discount | None:
        text, ok = QInputDialog.getText(
            self.window, "Discount", f"Discount on {what}: percent (10%) or amount (2.50)"
        )
        if not ok or not text.strip():
            return None
        text = text.strip()
        try:
            if text.endswith("%"):
                return Discount.of_percent(Decimal(text[:-1].strip()))
            amount = self.shop.parse_amount(text)
            if amount is None:
                raise InvalidOperation
            from pos.money import Money

            return Discount.of_amount(Money(amount, self.shop.config.currency))
        except (InvalidOperation, DomainError) as e:
            self.say(f"That is not a discount: {e}" if str(e) else "That is not a discount.", error=True)
            return None

    def _discount_percent(self, discount: Discount, base: int) -> Decimal:
        if discount.percent is not None:
            return Decimal(discount.percent)
        return Decimal(discount.amount.minor * 100) / Decimal(max(base, 1))

    def do_discount_line(self) -> None:
        line_id = self.page.selected_line()
        if line_id is None:
            return
        line = self.co.cart.line(line_id)
        d = self._ask_discount(line.description)
        if d is None:
            return
        approver = self._approve(
            Permission.DISCOUNT,
            f"discount on {line.description}",
            percent=self._discount_percent(d, line.subtotal.minor),
        )
        if approver is not False:
            self._try(
                lambda: self.co.discount_line(
                    line_id,
                    d,
                    actor=self._actor(),
                    approved_by=approver if isinstance(approver, str) else None,
                )
            )

    def do_discount_order(self) -> None:
        d = self._ask_discount("the whole sale")
        if d is None:
            return
        approver = self._approve(
            Permission.DISCOUNT,
            "discount on the whole sale",
            percent=self._discount_percent(d, self.co.cart.totals.subtotal.minor),
        )
        if approver is not False:
            self._try(
                lambda: self.co.discount_order(
                    d, actor=self._actor(), approved_by=approver if isinstance(approver, str) else None
                )
            )

    def do_override(self) -> None:
        line_id = self.page.selected_line()
        if line_id is None:
            return
        line = self.co.cart.line(line_id)
        text, ok = QInputDialog.getText(
            self.window, "Price override", f"New unit price of {line.description}:"
        )
        if not ok:
            return
        price = self.shop.parse_amount(text)
        if price is None or price < 0:
            self.say("That is not a price.", error=True)
            return
        reason, ok = QInputDialog.getText(self.window, "Price override", "Reason (printed in the audit log):")
        if not ok or not reason.strip():
            self.say("A price override needs a reason.", error=True)
            return
        approver = self._approve(
            Permission.PRICE_OVERRIDE, f"price of {line.description}", reason=reason.strip()
        )
        if approver is not False:
            self._try(
                lambda: self.co.override_price(
                    line_id,
                    price,
                    reason.strip(),
                    actor=self._actor(),
                    approved_by=approver if isinstance(approver, str) else None,
                )
            )

    def do_void(self) -> None:
        if self.co.cart.is_empty:
            return
        paid = [t for t in self.co.tenders]
        if paid and not confirm(
            self.window,
            f"{self.shop.fmt(self.co.paid)} is already paid by card. Voiding the "
            "sale refunds it to the card. Go ahead?",
        ):
            return
        approver = self._approve(Permission.VOID_SALE, "void this sale", reason="void")
        if approver is False:
            return
        approved_by = approver if isinstance(approver, str) else None
        if not paid:
            self._try(
                lambda: self.co.void(
                    actor=self._actor(), approved_by=approved_by, reason="voided at the till"
                )
            )
            self.say("Sale voided.")
            return
        sale = self.co.sale_uuid
        terminal = self.shop.terminal

        def refund_all() -> tuple[str, ...]:
            # one refund per card part, under a key that a retry (or a double click) reuses
            return tuple(
                terminal.refund(
                    t.reference,
                    t.amount,
                    idempotency_key=f"{sale}:void-refund:{t.reference}",
                    reason="requested_by_customer",
                ).id
                for t in paid
            )

        def refunded(ids: tuple[str, ...]) -> None:
            self.busy = False
            self._try(
                lambda: self.co.void(
                    actor=self._actor(), approved_by=approved_by, reason="voided at the till", refunds=ids
                )
            )
            self.say(f"Sale voided; {self.shop.fmt(sum(t.amount for t in paid))} refunded to the card.")

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.say(
                f"The card part could not be refunded ({exc}); the sale stays open. Try again or finish it "
                "with another tender.",
                error=True,
            )

        self.busy = True
        self.say("Refunding the card part…")
        self.tasks.run("reader", refund_all, refunded, failed)

    def do_no_sale(self) -> None:
        reason, ok = QInputDialog.getText(self.window, "No sale", "Why open the drawer? (logged)")
        if not ok or not reason.strip():
            return
        approver = self._approve(Permission.NO_SALE, "open the drawer without a sale", reason=reason.strip())
        if approver is False:
            return
        self.shop.journal.audit(
            "drawer.no_sale",
            self._actor(),
            {"reason": reason.strip(), "approved_by": approver if isinstance(approver, str) else None},
        )
        self.tasks.watch(
            self.shop.printer.open_drawer(reason.strip()),
            lambda _r: self.say("Drawer opened."),
            lambda e: self.say(f"The drawer did not open: {e}", error=True),
        )

    def do_suspend(self) -> None:
        from sync.store import cart as cart_store

        try:
            state = self.co.suspend()
        except DomainError as e:
            self.say(str(e), error=True)
            return
        label = f"{len(state['cart']['lines'])} lines, {self.shop.fmt(self._state_total(state))}"
        till, actor = self.shop.store.till_id, self._actor()

        def park(c: Any) -> int | None:
            # one transaction: the sale as it was becomes a suspended cart (the writer already ran the
            # clearing of the open cart that suspend() queued, so nothing is lost in between)
            cart_store.save_open(c, till, state)
            return cart_store.suspend(c, till, label=label, suspended_by=actor)

        self.tasks.watch(
            self.shop.store.write(park),
            lambda _r: self.say(f"Sale suspended ({label}). Shift+F6 resumes it."),
            lambda e: self.say(f"Could not suspend: {e}", error=True),
        )
        self.refresh()

    def _state_total(self, state: dict[str, Any]) -> int:
        from pos.cart import Cart

        return Cart.from_dict(state["cart"], self.shop.config).totals.total.minor

    def do_resume(self) -> None:
        from sync.store import cart as cart_store

        conn = self.shop.store.read_connection()
        try:
            parked = cart_store.list_suspended(conn, self.shop.store.till_id)
        finally:
            conn.close()
        if not parked:
            self.say("No suspended sales on this till.")
            return
        labels = [f"{p.label} — {p.suspended_at[11:16]}" for p in parked]
        choice, ok = QInputDialog.getItem(self.window, "Resume", "Which sale?", labels, 0, False)
        if not ok:
            return
        chosen = parked[labels.index(choice)]
        till = self.shop.store.till_id

        def resumed(state: dict[str, Any]) -> None:
            if self._try(lambda: self.co.resume(state)):
                self.say("Sale resumed.")

        self.tasks.watch(
            self.shop.store.write(lambda c: cart_store.resume(c, chosen.suspended_id, till)),
            resumed,
            lambda e: self.say(f"Could not resume: {e}", error=True),
        )

    def recall_last_sale(self) -> None:
        """After a restart: the last sale's receipt is the one Reprint prints, and a sale that was
        completed just before the stop (``Checkout.recovered_sale``) is said to be so on screen."""
        recovered = self.co.recovered_sale
        doc = recovered or self.shop.journal.last_sale()
        if doc is None:
            return
        self.last_receipt = self.receipt_for(doc)
        if recovered is not None:
            self.say(
                f"Sale {doc.receipt_no} ({self.shop.fmt(doc.total)}) was completed and recorded before the "
                "till stopped. Do not take payment for it again. No receipt? Press Reprint (Ctrl+P)."
            )
            self.receipt_ready.emit(self.last_receipt)
            return
        printer = self.shop.printer
        if printer is None or printer.error_text:  # no receipt printer: receipts are on screen only
            return

        def check(jobs: list[Any]) -> None:
            self.last_receipt_checked = True
            # the till stopped between the sale's commit and its receipt reaching the print queue
            if all(j.sale_uuid != doc.sale_uuid for j in jobs) and self.co.cart.is_empty:
                self.say(
                    f"The receipt of sale {doc.receipt_no} was not printed: the till stopped just after the "
                    "sale. If the customer needs it, press Reprint (Ctrl+P)."
                )
                self.receipt_ready.emit(self.last_receipt)

        self.tasks.watch(
            printer.jobs(include_printed=True),
            check,
            lambda e: log.warning("could not read the print queue: %s", e),
        )

    def do_reprint(self) -> None:
        if self.last_receipt is None:
            self.say("No receipt to reprint yet.")
            return
        receipt = self.last_receipt.marked(ReceiptMark.REPRINT)
        self.shop.journal.audit("receipt.reprint", self._actor(), {"receipt_no": receipt.receipt_no})
        self._print(receipt, drawer=False)
        self.receipt_ready.emit(receipt)

    # ------------------------------------------------------------------ cash
    def do_cash(self) -> None:
        if self.co.cart.is_empty:
            return
        quote = self.co.cash_quote()
        note = (
            f"Cash rounding {'+' if quote.rounding > 0 else '−'}{self.shop.fmt(abs(quote.rounding))} "
            f"(the total is {self.shop.fmt(quote.due)})"
            if quote.rounding
            else ""
        )
        dlg = CashDialog(
            quote.rounded,
            self.shop.fmt,
            self.shop.parse_amount,
            self._quick_amounts(quote.rounded),
            note,
            self.window,
        )
        if dlg.exec() != CashDialog.DialogCode.Accepted or dlg.tendered is None:
            return
        try:
            tender = self.co.cash_tender(dlg.tendered)
            doc = self.co.build_sale(tender)
        except DomainError as e:
            self.say(str(e), error=True)
            return
        self._commit(doc)

    def _quick_amounts(self, due: int) -> list[int]:
        """Exact, then the next round amounts a customer hands over (next 5/10/20/50/100 … above)."""
        from pos.money import exponent

        unit = 10 ** exponent(self.shop.config.currency)
        steps = [5 * unit, 10 * unit, 20 * unit, 50 * unit, 100 * unit, 500 * unit, 1000 * unit]
        ups = sorted({-(-due // step) * step for step in steps} - {due})
        return [due, *[a for a in ups if a > due][:3]]

    def _commit(self, doc: SaleDocument) -> None:
        self.busy = True
        self.say("Saving the sale…")
        self.tasks.run(
            "io", lambda: self.shop.commit_cash_sale(doc), self._on_committed, self._on_commit_failed
        )

    def _on_commit_failed(self, exc: BaseException) -> None:
        self.busy = False
        log.error("sale commit failed: %s", exc)
        self.say(
            f"The sale could NOT be saved ({exc}). Nothing was recorded: do not give change or goods; "
            "try again, and call a manager if it happens again.",
            error=True,
        )

    def _on_committed(self, doc: SaleDocument, *, payment_pending: bool = False) -> None:
        self.busy = False
        self.co.finished(doc)
        self.refresh()
        receipt = self.receipt_for(doc)
        if payment_pending:  # authorised and recorded, capture still being retried: not a proof of payment
            receipt = receipt.marked(ReceiptMark.PAYMENT_PENDING)
        self.last_receipt = receipt
        cash = next((t for t in doc.tenders if t.kind == "cash"), None)
        self._print(receipt, drawer=cash is not None)
        if cash is not None and cash.change_given:
            self.say(f"Sale {doc.receipt_no} complete. Change: {self.shop.fmt(cash.change_given)}")
        else:
            self.say(f"Sale {doc.receipt_no} complete.")
        self.sale_completed.emit(doc)
        self.receipt_ready.emit(receipt)

    def _print(self, receipt: Receipt, *, drawer: bool) -> None:
        def done(outcome: Any) -> None:
            if not outcome.printed:
                self.say(f"Receipt not printed: {outcome.message} It waits in the print queue.", error=True)

        self.tasks.watch(
            self.shop.printer.print_receipt(receipt, open_drawer=drawer),
            done,
            lambda e: self.say(f"Printer problem: {e}. The receipt is kept.", error=True),
        )

    # ------------------------------------------------------------------ card
    def do_card(self) -> None:
        if self.co.cart.is_empty:
            return
        self._start_card(self.co.due)

    def do_split(self) -> None:
        if self.co.cart.is_empty:
            return
        dlg = SplitDialog(self.co.due, self.shop.fmt, self.shop.parse_amount, self.window)
        if dlg.exec() != SplitDialog.DialogCode.Accepted or dlg.card_amount is None:
            return
        self._start_card(dlg.card_amount)

    def _start_card(self, amount: int) -> None:
        if self.shop.payments is None:
            self.say(self.shop.card_error or "Card payments are off on this till. Take cash.", error=True)
            return
        final = amount == self.co.due
        plan = self.co.build_sale(Tender("card", amount)) if final else None
        state = None
        if not final:
            state = self.co.state()
            state["tenders"] = [
                *state["tenders"],
                {"kind": "card", "amount": amount, "change_given": 0, "reference": None, "rounding": 0},
            ]
        complete = self.shop.card_completion(plan, state)
        sale_uuid, currency = self.co.sale_uuid, self.shop.config.currency
        self.busy = True
        dlg = CardDialog(self.shop.fmt(amount), self.window)
        dlg.cancel_requested.connect(self._on_card_cancel)
        self.card_dialog = dlg

        def run() -> PaymentOutcome:
            return self.shop.payments.pay(
                sale_uuid, amount, currency, complete, on_status=self._relay.status.emit
            )

        self.tasks.run("reader", run, lambda o: self._on_card_outcome(o, plan, amount), self._on_card_error)
        dlg.exec()
        self.card_dialog = None

    @Slot(str)
    def _on_card_status(self, status: str) -> None:
        if self.card_dialog is not None:
            self.card_dialog.show_state(status)

    @Slot()
    def _on_card_cancel(self) -> None:
        if self.shop.payments is not None:
            self.shop.payments.cancel(self.co.sale_uuid)

    def _on_card_error(self, exc: BaseException) -> None:
        self.busy = False
        text = (
            "A card payment is already running for this sale."
            if isinstance(exc, PaymentInProgress)
            else f"Card payment failed: {exc}"
        )
        if self.card_dialog is not None:
            self.card_dialog.show_state("error", text)
        self.say(text, error=True)

    def _on_card_outcome(self, outcome: PaymentOutcome, plan: SaleDocument | None, amount: int) -> None:
        self.busy = False
        dlg = self.card_dialog
        if outcome.sale_completed:
            if plan is not None:
                tenders = tuple(
                    replace(t, reference=outcome.payment_intent_id) if t.kind == "card" else t
                    for t in plan.tenders
                )
                doc = self.shop.journal.get_sale(plan.sale_uuid) or replace(plan, tenders=tenders)
                if dlg is not None:
                    dlg.show_state("approved", "" if outcome.paid else outcome.message)
                    dlg.accept()
                self._on_committed(doc, payment_pending=not outcome.paid)
                if outcome.status == "unpaid":
                    self.say(f"Sale {doc.receipt_no} recorded, but {outcome.message}", error=True)
                elif not outcome.paid:
                    self.say(
                        f"Sale {doc.receipt_no} complete; the card capture is being retried "
                        "(payment pending capture)."
                    )
            else:
                self.co.tenders.append(Tender("card", amount, reference=outcome.payment_intent_id))
                self.co._changed()
                if dlg is not None:
                    dlg.accept()
                self.refresh()
                self.say(
                    f"Card part {self.shop.fmt(amount)} approved. Take the rest: "
                    f"{self.shop.fmt(self.co.due)} in cash (F10)."
                )
            return
        if dlg is not None:
            dlg.show_state(
                "declined" if outcome.status == "declined" else "error",
                outcome.message or "The payment did not go through. The sale is still open.",
            )
        self.say(
            f"Card not paid: {outcome.message} The sale is still open: try again or take another tender.",
            error=True,
        )

    # ------------------------------------------------------------------ receipt
    def receipt_for(self, doc: SaleDocument) -> Receipt:
        return sale_receipt(
            doc,
            store_name=self.shop.settings["store.name"],
            cashier=self.staff.name if self.staff else doc.staff_id,
            tax_rates=self.shop.config.tax_rates,
            prices_include_tax=self.shop.config.prices_include_tax,
        )

    # ------------------------------------------------------------------ reader display
    def _push_display(self) -> None:
        terminal = self.shop.terminal
        if terminal is None or self.busy:
            return
        t = self.co.cart.totals
        lines = tuple(DisplayLine(lt.description[:60], lt.paid.minor, lt.quantity) for lt in t.lines[-20:])
        try:
            terminal.show_cart(
                CartDisplay(self.shop.config.currency.lower(), lines, t.tax.minor, t.total.minor)
            )
        except Exception as e:  # the display is a courtesy: never let it stop a sale
            log.warning("reader display update failed: %s", e)


def confirm(parent: QWidget, text: str) -> bool:
    return QMessageBox.question(parent, "OMO POS", text) == QMessageBox.StandardButton.Yes


__all__ = ["CheckoutController", "confirm"]
