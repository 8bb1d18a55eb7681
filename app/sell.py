"""Selling: the cashier's workflow as a service that a window, a test or the headless driver calls alike.

    sell = SellService(shop)
    sell.begin_shift(ana)
    sell.scan("4006381333931")                 # Result(DONE)
    r = sell.discount_order("25%")             # Result(NEEDS_APPROVAL, request=...)
    r = r.retry(shop.approvals.approve(r.request, "9999").override)
    sell.pay_cash(5000)                        # Result(DONE, value=SaleDocument, receipt=...)

Threads. Every method may be called from any thread; one lock keeps the open sale consistent. Methods
that wait for a device or the journal (`pay_cash`, `pay_card`, `suspend`, `resume`, `void` with a card
part, `refresh_member`) block: a window runs them on a worker, the driver calls them directly. While a
payment or a commit runs the sale cannot change (`Outcome.BUSY`). `subscribe(fn)` hears every change
(on the thread that made it), so a window can redraw from `view()`.

Rules live in `pos/` (the checkout, the scan, permissions) and here; nothing in a window decides them.
Nothing is promised to the customer ("complete", change due, a receipt, the drawer) before the commit
that records the sale has returned.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from app.approval import check_approval, use_approval
from app.member_sale import MemberSaleMixin
from app.members import tier_name
from app.messages import QT_TRANSLATE_NOOP, Msg, msg, said
from app.results import Outcome, Result, done, failed, refused
from pos.cart import Discount
from pos.checkout import CashQuote, Checkout, MemberOnSale, quick_amounts
from pos.codes import (
    CartCode,
    CouponCode,
    GiftCardCode,
    MemberCode,
    OrderCode,
    ReceiptCode,
    StoreCreditCode,
    parse_typed_member,
)
from pos.documents import SaleDocument, Tender
from pos.errors import DomainError, Sentence
from pos.fulfilment import Fulfilment
from pos.gs1 import rcn_rules_for
from pos.measure import Measure
from pos.payment import PaymentInProgress, PaymentOutcome
from pos.receipt import Receipt, ReceiptMark
from pos.sale_receipt import receipt_for_sale
from pos.scan import ItemScan, ScanRefused, is_omo_code, read_item
from pos.staff import Override, Permission, StaffMember

log = logging.getLogger("app.sell")

C = "app"  # the translation context of every sentence below


@dataclass(frozen=True)
class LineView:
    line_id: str
    description: str
    sku: str
    quantity: int
    unit_price: int
    discount: int  # line + share of the order discount, minor units
    total: int  # what the customer pays for the line
    override_reason: str = ""
    measure: Measure | None = None  # a weighed line: its weight, unit and price per unit
    fulfilment: Fulfilment | None = None  # an order or a reservation, not taken from this shelf


@dataclass(frozen=True)
class SaleView:
    """A snapshot of the open sale for a screen (minor units; the window formats them)."""

    sale_uuid: str
    lines: tuple[LineView, ...]
    subtotal: int
    discount: int
    tax_lines: tuple[tuple[str, int, int], ...]  # (label, gross it is on, tax)
    total: int
    paid: int
    due: int
    item_count: int
    member: MemberOnSale | None
    staff_id: str
    busy: str | None

    @property
    def is_empty(self) -> bool:
        return not self.lines


@dataclass(frozen=True)
class Parked:
    """A suspended sale as the resume list shows it."""

    suspended_id: int
    label: str
    suspended_at: str
    suspended_by: str | None


class SellService(MemberSaleMixin):
    def __init__(self, shop: Any) -> None:
        self.shop = shop
        self.co: Checkout = shop.checkout
        self.config = shop.config
        self.staff: StaffMember | None = None
        self.last_receipt: Receipt | None = None
        self._lock = threading.RLock()
        self._busy: str | None = None
        self._listeners: list[Callable[[], None]] = []
        self.version = 0  # counts changes of the open sale
        self._quantity_limit = int(shop.settings["sell.quantity_approval_above"])
        self._rcn_rules = rcn_rules_for(shop.settings["store.rcn_rules"], shop.settings["store.country"])
        self.co.listeners.append(self._changed)

    # ------------------------------------------------------------------ observing
    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        self.version += 1  # a window redraws only when this moved
        self._push_display()
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:  # a broken screen never stops a sale
                log.exception("sale listener failed")

    def _push_display(self) -> None:
        """The reader shows the cart while the cashier scans (a courtesy: it never stops a sale)."""
        if self._busy is not None:
            return
        terminal = self.shop.terminal
        from pos.payment import CartDisplay, DisplayLine

        t = self.co.cart.totals
        lines = tuple(DisplayLine(lt.description[:60], lt.paid.minor, lt.quantity) for lt in t.lines[-20:])
        try:
            terminal.show_cart(CartDisplay(self.config.currency.lower(), lines, t.tax.minor, t.total.minor))
        except Exception as e:
            log.warning("reader display update failed: %s", e)

    @property
    def busy(self) -> str | None:
        return self._busy

    def view(self) -> SaleView:
        with self._lock:
            co = self.co
            t = co.cart.totals
            lines = tuple(
                LineView(
                    line.line_id,
                    line.description,
                    line.sku,
                    line.quantity,
                    line.unit_price.minor,
                    (lt.line_discount + lt.order_discount).minor,
                    lt.paid.minor,
                    line.override_reason or "",
                    line.measure,
                    line.fulfilment,
                )
                for line, lt in zip(co.cart.lines, t.lines, strict=True)
            )
            return SaleView(
                sale_uuid=co.sale_uuid,
                lines=lines,
                subtotal=t.subtotal.minor,
                discount=t.discount.minor,
                tax_lines=tuple((r.rate.label or r.rate.code, r.gross.minor, r.tax.minor) for r in t.rates),
                total=t.total.minor,
                paid=co.paid,
                due=co.due,
                item_count=t.item_count,
                member=co.member,
                staff_id=co.staff_id,
                busy=self._busy,
            )

    # ------------------------------------------------------------------ who is selling
    def begin_shift(self, member: StaffMember) -> Result:
        """`member` logged in (or unlocked the till). A sale rung by someone else is not theirs: it is put
        aside under its owner's name (their next login brings it back); a sale they left goes back to
        them. A member attached to an empty sale never carries over to the next person."""
        with self._lock:
            self.staff = member
            owner = self.co.staff_id
            if self.co.cart.is_empty and not self.co.tenders:
                self.co.staff_id = member.id
                if self.co.member is not None:
                    self.co.attach_member(None)
                return self._bring_back_parked_sale(member)
            if not owner or owner == member.id:
                self.co.staff_id = member.id
                self._changed()
                return done()
            owner_name = self._staff_name(owner)
            if self.co.tenders:  # partly paid: it cannot be parked; it must be finished here
                return done(
                    msg(
                        QT_TRANSLATE_NOOP(
                            C,
                            "This sale was rung by {owner} and is partly paid ({paid}): finish it, or "
                            "ask a manager to void it.",
                        ),
                        owner=owner_name,
                        paid=self.shop.fmt(self.co.paid),
                    ),
                    error=True,
                )
            state = self.co.suspend()
            label = self._park_label(state, owner_name)
            self.shop.records.park(state, label=label, by=owner)
            self.co.staff_id = member.id
            return done(
                msg(
                    QT_TRANSLATE_NOOP(
                        C, "{owner}'s open sale ({label}) was put aside; {owner} gets it back at login."
                    ),
                    owner=owner_name,
                    label=label,
                )
            )

    def end_shift(self) -> None:
        """Lock or logout: the person leaves the till. An empty sale forgets its member."""
        with self._lock:
            if self.co.cart.is_empty and not self.co.tenders and self.co.member is not None:
                self.co.attach_member(None)
            self.staff = None

    def _bring_back_parked_sale(self, member: StaffMember) -> Result:
        mine = [
            p for p in self.shop.records.parked() if p.suspended_by == member.id and p.label.startswith("⟲")
        ]
        if not mine:
            self._changed()
            return done()
        chosen = mine[-1]
        try:
            state = self.shop.records.unpark(chosen.suspended_id)
            self.co.resume(state)
        except (DomainError, LookupError, ValueError) as e:
            log.warning("could not bring back %s: %s", chosen.suspended_id, e)
            self._changed()
            return done()
        self.co.staff_id = member.id
        self._changed()
        return done(msg(QT_TRANSLATE_NOOP(C, "Your sale that was put aside is back. Carry on.")))

    def _park_label(self, state: dict[str, Any], owner_name: str) -> str:
        return f"⟲ {owner_name}: {self._state_summary(state)}"

    def _state_summary(self, state: dict[str, Any]) -> str:
        from pos.cart import Cart

        cart = Cart.from_dict(state["cart"], self.config)
        return f"{cart.line_count} lines, {self.shop.fmt(cart.totals.total.minor)}"

    def _staff_name(self, staff_id: str) -> str:
        member = self.shop.staff.get(staff_id) if staff_id else None
        return member.name if member is not None else (staff_id or "?")

    # ------------------------------------------------------------------ guards
    def _check(self, permission: Permission = Permission.SELL) -> Result | None:
        """None when the sale may change now; otherwise why not."""
        if self.staff is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Log in first.")))
        if self._busy is not None:
            return Result(Outcome.BUSY, msg(QT_TRANSLATE_NOOP(C, "Wait: the payment is being finished.")))
        if not self.staff.can(permission) and permission is Permission.SELL:
            return refused(msg(QT_TRANSLATE_NOOP(C, "{name} may not sell."), name=self.staff.name))
        gate = getattr(self.shop, "sale_gate", None)  # selling needs an open till session (app/till.py)
        if gate is not None and (closed := gate(self.staff)) is not None:
            return refused(closed)
        return None

    def _approved(
        self,
        permission: Permission,
        grant: Override | None,
        *,
        subject: str,
        retry: Callable[[Override], Result],
        percent: Fraction | Decimal | int | None = None,
        reason: str = "",
    ) -> str | Result:
        """The permission check of a service call (app/approval.py): "" when the person may do it
        themselves, the approver's id when `grant` covers it (the domain, or `use_approval`, uses it
        once), or a Result (NEEDS_APPROVAL with the request and `retry`, or REFUSED)."""
        assert self.staff is not None
        return check_approval(
            self.shop.approvals,
            self.staff,
            permission,
            grant,
            subject=subject,
            retry=retry,
            percent=percent,
            reason=reason,
        )

    def _try(self, fn: Callable[[], Any], ok: Msg | None = None) -> Result:
        try:
            value = fn()
        except DomainError as e:
            return refused(said(e))
        return done(ok or msg(""), value=value)

    # ------------------------------------------------------------------ items
    def scan(self, code: str) -> Result:
        """A scan (keyboard wedge or camera) or Enter in the search box: a product, a member's code, or
        another OMO code."""
        code = code.strip()
        with self._lock:
            if (why := self._check()) is not None:
                return why
            if not code:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Nothing was scanned. Scan the item again.")))
            if is_omo_code(code):
                return self._omo_code(code)
            scan = read_item(
                code,
                self.shop.catalog,
                currency=self.config.currency,
                today=self.co.clock.now().date(),
                rcn_rules=self._rcn_rules,
                sold_by=self.shop.settings["store.weight_unit"],
            )
            if isinstance(scan, ScanRefused):
                return refused(said(scan.message), value=scan)
            return self._add(scan)

    def _add(self, scan: ItemScan) -> Result:
        result = self._try(lambda: self.co.add_scanned(scan))
        return replace(result, value=scan) if result.ok else result

    def add_sku(self, sku: str) -> Result:
        with self._lock:
            if (why := self._check()) is not None:
                return why
            return self._try(lambda: self.co.add_sku(sku))

    def add_fulfilled(self, sku: str, quantity: int, fulfilment: Fulfilment) -> Result:
        """An item of an order the backend placed, or of a reservation collected here (app/stock.py)."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            product = self.shop.catalog.get(sku)
            if product is None:
                return refused(msg(QT_TRANSLATE_NOOP(C, "No product with SKU {sku} here."), sku=sku))
            return self._try(lambda: self.co.add_fulfilled(product, quantity, fulfilment))

    def search(self, words: str, limit: int = 12) -> list[Any]:
        """Search as you type; a long number is a barcode being typed, not a search."""
        words = words.strip()
        if not words or words.isdigit() and len(words) >= 6:
            return []
        return self.shop.catalog.search(words, limit)

    def set_quantity(self, line_id: str, quantity: int, grant: Override | None = None) -> Result:
        with self._lock:
            if (why := self._check()) is not None:
                return why
            try:
                line = self.co.cart.line(line_id)
            except DomainError as e:
                return refused(said(e))
            if quantity > self.config.max_quantity or quantity < 1:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(C, "A quantity must be from 1 to {most}."),
                        most=self.config.max_quantity,
                    )
                )
            if quantity > self._quantity_limit and quantity > line.quantity:
                approver = self._approved(
                    Permission.LARGE_QUANTITY,
                    grant,
                    subject=Sentence(
                        QT_TRANSLATE_NOOP(C, "{quantity} × {item}"), quantity=quantity, item=line.description
                    ),
                    retry=lambda ov: self.set_quantity(line_id, quantity, ov),
                )
                if isinstance(approver, Result):
                    if approver.outcome is Outcome.NEEDS_APPROVAL:
                        return replace(
                            approver,
                            message=msg(
                                QT_TRANSLATE_NOOP(
                                    C,
                                    "{quantity} of {item} is above the limit of {limit}: "
                                    "a manager approves it.",
                                ),
                                quantity=quantity,
                                item=line.description,
                                limit=self._quantity_limit,
                            ),
                        )
                    return approver
                if approver:
                    approver = use_approval(self.shop.approvals, self.staff, Permission.LARGE_QUANTITY, grant)
                    if isinstance(approver, Result):
                        return approver
                    self.shop.journal.audit(
                        "quantity.approved",
                        self.staff.id,
                        {
                            "sale_uuid": self.co.sale_uuid,
                            "line_id": line_id,
                            "quantity": quantity,
                            "approved_by": approver,
                        },
                    )
            return self._try(lambda: self.co.set_quantity(line_id, quantity))

    def remove_line(self, line_id: str, grant: Override | None = None) -> Result:
        with self._lock:
            if (why := self._check()) is not None:
                return why
            approver = self._approved(
                Permission.REMOVE_LINE,
                grant,
                subject=Sentence(QT_TRANSLATE_NOOP(C, "remove a line")),
                retry=lambda ov: self.remove_line(line_id, ov),
            )
            if isinstance(approver, Result):
                return approver
            return self._try(lambda: self.co.remove_line(line_id, actor=self.staff, override=grant))

    # ------------------------------------------------------------------ discounts and prices
    def parse_discount(self, typed: str) -> Discount | Result:
        """'10%' or '10 %' is a percentage, '2.50' (in the store's format) an amount."""
        typed = typed.strip()
        try:
            if typed.endswith("%"):
                return Discount.of_percent(Decimal(typed[:-1].strip()))
            amount = self.shop.parse_amount(typed)
            if amount is None:
                raise InvalidOperation
            from pos.money import Money

            return Discount.of_amount(Money(amount, self.config.currency))
        except (InvalidOperation, DomainError) as e:
            detail = said(e) if isinstance(e, DomainError) else ""
            return refused(msg(QT_TRANSLATE_NOOP(C, "That is not a discount. {detail}"), detail=detail))

    def discount_line(self, line_id: str, typed: str | Discount, grant: Override | None = None) -> Result:
        with self._lock:
            if (why := self._check()) is not None:
                return why
            d = self.parse_discount(typed) if isinstance(typed, str) else typed
            if isinstance(d, Result):
                return d
            try:
                line = self.co.cart.line(line_id)
            except DomainError as e:
                return refused(said(e))
            approver = self._approved(
                Permission.DISCOUNT,
                grant,
                subject=Sentence(QT_TRANSLATE_NOOP(C, "discount on {item}"), item=line.description),
                percent=self.co.discount_percent(d, line_id),
                retry=lambda ov: self.discount_line(line_id, d, ov),
            )
            if isinstance(approver, Result):
                return approver
            return self._try(lambda: self.co.discount_line(line_id, d, actor=self.staff, override=grant))

    def discount_order(self, typed: str | Discount, grant: Override | None = None) -> Result:
        with self._lock:
            if (why := self._check()) is not None:
                return why
            if self.co.cart.is_empty:
                return refused(msg(QT_TRANSLATE_NOOP(C, "The sale is empty.")))
            d = self.parse_discount(typed) if isinstance(typed, str) else typed
            if isinstance(d, Result):
                return d
            approver = self._approved(
                Permission.DISCOUNT,
                grant,
                subject=Sentence(QT_TRANSLATE_NOOP(C, "discount on the whole sale")),
                percent=self.co.discount_percent(d),
                retry=lambda ov: self.discount_order(d, ov),
            )
            if isinstance(approver, Result):
                return approver
            return self._try(lambda: self.co.discount_order(d, actor=self.staff, override=grant))

    def override_price(
        self, line_id: str, typed_price: str, reason: str, grant: Override | None = None
    ) -> Result:
        with self._lock:
            if (why := self._check()) is not None:
                return why
            price = self.shop.parse_amount(typed_price)
            if price is None or price < 0:
                return refused(msg(QT_TRANSLATE_NOOP(C, "That is not a price.")))
            reason = reason.strip()
            if not reason:
                return refused(msg(QT_TRANSLATE_NOOP(C, "A price override needs a reason.")))
            try:
                line = self.co.cart.line(line_id)
            except DomainError as e:
                return refused(said(e))
            approver = self._approved(
                Permission.PRICE_OVERRIDE,
                grant,
                subject=Sentence(QT_TRANSLATE_NOOP(C, "price of {item}"), item=line.description),
                reason=reason,
                retry=lambda ov: self.override_price(line_id, typed_price, reason, ov),
            )
            if isinstance(approver, Result):
                return approver
            return self._try(
                lambda: self.co.override_price(line_id, price, reason, actor=self.staff, override=grant)
            )

    # ------------------------------------------------------------------ members and OMO codes
    def _omo_code(self, code: str) -> Result:
        parsed = self.shop.codes.parse(code)
        if isinstance(parsed, MemberCode):
            return self._attach(parsed.member_no)
        if isinstance(parsed, OrderCode):
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(
                        C, "Online order {order}: take it back or hand it over on Returns & pickups."
                    ),
                    order=parsed.order_no,
                ),
                value=parsed,
            )
        if isinstance(parsed, StoreCreditCode):  # spent by `shop.credits.use` (it asks the backend)
            return done(
                msg(QT_TRANSLATE_NOOP(C, "Store credit {code}: checking it…"), code=parsed.code), value=parsed
            )
        if isinstance(parsed, CartCode):  # loaded by `load_shared_cart` (it asks the backend)
            return done(msg(QT_TRANSLATE_NOOP(C, "Shared cart: loading it…")), value=parsed)
        if isinstance(parsed, CouponCode):
            return self.scan_coupon(parsed.code)
        if isinstance(parsed, GiftCardCode | ReceiptCode):
            what = {
                GiftCardCode: QT_TRANSLATE_NOOP(C, "A gift card"),
                ReceiptCode: QT_TRANSLATE_NOOP(C, "A receipt"),
            }[type(parsed)]
            return refused(
                msg(QT_TRANSLATE_NOOP(C, "{what} cannot be used at this till yet."), what=what), value=parsed
            )
        return refused(said(parsed.message), value=parsed)

    def attach_member_typed(self, typed: str) -> Result:
        """A member number typed from the card or the app."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            parsed = parse_typed_member(typed)
            if not isinstance(parsed, MemberCode):
                return refused(said(parsed.message))
            return self._attach(parsed.member_no)

    def _attach(self, member_no: int) -> Result:
        self.co.attach_member(MemberOnSale(member_no))
        return done(
            msg(QT_TRANSLATE_NOOP(C, "Member {no} attached to this sale."), no=member_no), value=member_no
        )

    def refresh_member(self) -> Result:
        """Blocking (network): the attached member's name, tier and points from the backend, applied if
        the same member is still on the same sale. Offline, the number alone stays attached."""
        with self._lock:
            member, sale = self.co.member, self.co.sale_uuid
        if member is None:
            return done()
        details = self.shop.member_on_sale(member.member_no)
        with self._lock:
            if (
                self.co.sale_uuid != sale
                or self.co.member is None
                or self.co.member.member_no != member.member_no
            ):
                return done()
            self.co.attach_member(details)
        self.load_offers()  # the member's coupons and the store's promotions (app/member_sale.py)
        if details.name:
            return done(
                msg(
                    QT_TRANSLATE_NOOP(C, "{name} ({tier}) attached to this sale."),
                    name=details.name,
                    tier=tier_name(details.tier),
                ),
                value=details,
            )
        return done(
            msg(
                QT_TRANSLATE_NOOP(C, "Member {no} attached; details unavailable right now (offline?)."),
                no=member.member_no,
            ),
            value=details,
        )

    # ------------------------------------------------------------------ cash
    def cash_quote(self) -> tuple[CashQuote, list[int]]:
        """What is due in cash after the store's cash rounding, and the amounts a customer may hand over."""
        with self._lock:
            quote = self.co.cash_quote()
        return quote, quick_amounts(quote.rounded, self.config.currency)

    def pay_cash(self, tendered: int) -> Result:
        """Blocking (the journal's commit; Stripe too when an earlier card attempt of this sale must be
        settled first): the rest of the sale in cash, `tendered` handed over."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            if self.co.cart.is_empty:
                return refused(msg(QT_TRANSLATE_NOOP(C, "The sale is empty.")))
        settled = self.settle_card_attempt() or self.claim_coupons()
        if settled is not None:
            return settled
        with self._lock:
            if (why := self._check()) is not None:
                return why
            try:
                tender = self.co.cash_tender(tendered)
                doc = self.co.build_sale(tender)
            except DomainError as e:
                return refused(said(e))
            self._busy = "commit"
        return self._commit(doc)

    def _commit(self, doc: SaleDocument) -> Result:
        """Record `doc` (busy set by the caller), then start a fresh sale and print; nothing is promised
        before the commit returned."""
        try:
            recorded = self.shop.records.commit_sale(doc)
        except Exception as e:  # the journal could not record it: nothing is promised
            log.error("sale commit failed: %s", e)
            with self._lock:
                self._busy = None
            self._changed()
            return failed(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "The sale could NOT be saved ({error}). Nothing was recorded: do not give change or "
                        "goods; try again, and call a manager if it happens again.",
                    ),
                    error=said(e),
                )
            )
        with self._lock:
            self._busy = None
            return self._completed(recorded)

    def pay_with_credit(self, tender: Tender) -> Result:
        """Blocking when it settles the sale (the commit): a credit another workflow settled as a tender of
        the open sale (an exchange's return, a store credit spent at the backend). Less than what is due
        is a part payment (the rest follows in cash or by card); exactly what is due completes the sale."""
        if (claimed := self.claim_coupons()) is not None:
            return claimed
        with self._lock:
            if (why := self._check()) is not None:
                return why
            if self.co.cart.is_empty:
                return refused(msg(QT_TRANSLATE_NOOP(C, "The sale is empty.")))
            if not 0 < tender.amount <= self.co.due:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(C, "A credit must be more than zero and at most {due}."),
                        due=self.shop.fmt(self.co.due),
                    )
                )
            if tender.amount < self.co.due:
                return self._try(
                    lambda: self.co.add_tender(tender),
                    msg(
                        QT_TRANSLATE_NOOP(C, "Credit of {amount} taken. Take the rest: {rest}."),
                        amount=self.shop.fmt(tender.amount),
                        rest=self.shop.fmt(self.co.due - tender.amount),
                    ),
                )
            try:
                doc = self.co.build_sale(tender)
            except DomainError as e:
                return refused(said(e))
            self._busy = "commit"
        return self._commit(doc)

    def drop_credit(self, reference: str) -> Result:
        """Take a credit's part payment off the open sale again (its exchange or redemption was given up)."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            kept = [t for t in self.co.tenders if t.reference != reference]
            if len(kept) == len(self.co.tenders):
                return done()
            self.co.tenders[:] = kept
            self.co._changed()
        return done(msg(QT_TRANSLATE_NOOP(C, "The credit was taken off the sale.")))

    def settle_card_attempt(self) -> Result | None:
        """Blocking (asks Stripe). Before another tender: a card attempt of this sale that did not end
        cleanly (an authorisation whose answer was lost, a reader that stopped midway) is settled first,
        so the customer is never charged twice and no hold stays on the card. None: go ahead. Otherwise
        what happened: the card was used after all (the sale, or its card part, is now recorded), or it
        cannot be settled now (the other tender is refused)."""
        payments = self.shop.payments
        with self._lock:
            sale = self.co.sale_uuid
            self._busy = "settling"
        self._changed()
        try:
            self.shop.records.flush()  # the reconciler's completion step reads the saved open sale
            out = payments.settle_before_other_tender(sale, self.shop.recover_card_sale)
        except Exception as e:  # never guess: refuse the other tender
            log.exception("settling the card attempt of %s failed", sale)
            return failed(
                msg(
                    QT_TRANSLATE_NOOP(C, "The earlier card payment could not be checked: {error}"),
                    error=said(e),
                )
            )
        finally:
            with self._lock:
                self._busy = None
            self._changed()
        if out is None or out.other_tender_allowed:
            return None
        if out.sale_completed:
            with self._lock:  # the completion step recorded the card: bring the screen up to date
                self.co.restore()
                doc = self.co.recovered_sale
                result = refused(said(out.message), error=True)
                if doc is not None:  # it was the whole sale: it is complete
                    completed = self._completed_elsewhere(doc, payment_pending=not out.paid)
                    result = replace(completed, message=said(out.message), error=True)
            self._changed()
            return result
        return refused(said(out.message), value=out)

    def _completed_elsewhere(self, doc: SaleDocument, *, payment_pending: bool) -> Result:
        """A sale the card protocol recorded (not through this screen's commit): its receipt and print."""
        self.shop.recorded(doc)
        receipt = self.receipt_for(doc)
        if payment_pending:
            receipt = receipt.marked(ReceiptMark.PAYMENT_PENDING)
        self.last_receipt = receipt
        printing = self.shop.printer.print_receipt(receipt, open_drawer=False)
        return done(value=doc, receipt=receipt, printing=printing)

    def _completed(self, doc: SaleDocument, *, payment_pending: bool = False) -> Result:
        """The journal recorded `doc`: start a fresh sale, print, and say so (lock held)."""
        self.shop.recorded(doc)
        self.co.finished(doc)
        receipt = self.receipt_for(doc)
        if payment_pending:  # authorised and recorded, capture still being retried: not a proof of payment
            receipt = receipt.marked(ReceiptMark.PAYMENT_PENDING)
        self.last_receipt = receipt
        cash = next((t for t in doc.tenders if t.kind == "cash"), None)
        printing = self.shop.printer.print_receipt(receipt, open_drawer=cash is not None)
        if cash is not None and cash.change_given:
            message = msg(
                QT_TRANSLATE_NOOP(C, "Sale {receipt_no} complete. Change: {change}"),
                receipt_no=doc.receipt_no,
                change=self.shop.fmt(cash.change_given),
            )
        else:
            message = msg(QT_TRANSLATE_NOOP(C, "Sale {receipt_no} complete."), receipt_no=doc.receipt_no)
        return done(message, value=doc, receipt=receipt, printing=printing)

    def receipt_for(self, doc: SaleDocument) -> Receipt:
        from app.i18n import sale_receipt_words

        return receipt_for_sale(
            doc,
            self.config,
            store_name=self.shop.settings["store.name"],
            cashier=self._staff_name(doc.staff_id),
            **sale_receipt_words(self.config.locale),  # type: ignore[arg-type]
        )

    # ------------------------------------------------------------------ card
    def pay_card(
        self, amount: int | None = None, *, on_status: Callable[[str], None] | None = None
    ) -> Result:
        """Blocking (seconds: the customer taps): `amount` (all that is due when None) on the reader. Less
        than what is due is the card part of a split; the rest follows in cash."""
        if (claimed := self.claim_coupons()) is not None:
            return claimed
        with self._lock:
            if (why := self._check()) is not None:
                return why
            if self.co.cart.is_empty:
                return refused(msg(QT_TRANSLATE_NOOP(C, "The sale is empty.")))
            if not self.shop.payments.available:
                return refused(
                    said(self.shop.card_error)
                    if self.shop.card_error
                    else msg(QT_TRANSLATE_NOOP(C, "Card payments are off on this till. Take cash."))
                )
            amount = self.co.due if amount is None else amount
            if not 0 < amount <= self.co.due:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(C, "A card amount must be more than zero and at most {due}."),
                        due=self.shop.fmt(self.co.due),
                    )
                )
            final = amount == self.co.due
            try:
                plan = self.co.build_sale(Tender("card", amount)) if final else None
            except DomainError as e:
                return refused(said(e))
            state = None
            if not final:
                state = self.co.state()
                state["tenders"] = [
                    *state["tenders"],
                    {"kind": "card", "amount": amount, "change_given": 0, "reference": None, "rounding": 0},
                ]
            complete = self.shop.records.card_completion(plan, state)
            sale_uuid = self.co.sale_uuid
            self._busy = "card"
        self._changed()
        terminal = self.shop.terminal
        terminal.hold_display()  # a cart update now would replace the reader's payment screen
        problem: Result | None = None
        try:
            outcome: PaymentOutcome = self.shop.payments.pay(
                sale_uuid, amount, self.config.currency, complete, on_status=on_status
            )
        except PaymentInProgress:
            problem = Result(
                Outcome.BUSY, msg(QT_TRANSLATE_NOOP(C, "A card payment is already running for this sale."))
            )
        except Exception as e:  # the protocol's journal keeps the attempt; the reconciler settles it
            log.exception("card payment failed")
            problem = failed(msg(QT_TRANSLATE_NOOP(C, "Card payment failed: {error}"), error=said(e)))
        finally:
            terminal.release_display()
            with self._lock:
                self._busy = None
        if problem is not None:
            self._changed()
            return problem
        with self._lock:
            return self._card_outcome(outcome, plan, amount)

    def _card_outcome(self, outcome: PaymentOutcome, plan: SaleDocument | None, amount: int) -> Result:
        if outcome.sale_completed:
            if plan is not None:
                tenders = tuple(
                    replace(t, reference=outcome.payment_intent_id) if t.kind == "card" else t
                    for t in plan.tenders
                )
                doc = self.shop.records.get_sale(plan.sale_uuid) or replace(plan, tenders=tenders)
                result = self._completed(doc, payment_pending=not outcome.paid)
                if outcome.status == "unpaid":
                    return replace(
                        result,
                        message=msg(
                            QT_TRANSLATE_NOOP(C, "Sale {receipt_no} recorded, but {problem}"),
                            receipt_no=doc.receipt_no,
                            problem=said(outcome.message),
                        ),
                        error=True,
                        value=doc,
                    )
                if not outcome.paid:
                    return replace(
                        result,
                        message=msg(
                            QT_TRANSLATE_NOOP(
                                C,
                                "Sale {receipt_no} complete; the card capture is being retried "
                                "(payment pending capture).",
                            ),
                            receipt_no=doc.receipt_no,
                        ),
                    )
                return result
            self.co.tenders.append(Tender("card", amount, reference=outcome.payment_intent_id))
            self.co._changed()
            return done(
                msg(
                    QT_TRANSLATE_NOOP(C, "Card part {amount} approved. Take the rest: {rest} in cash (F10)."),
                    amount=self.shop.fmt(amount),
                    rest=self.shop.fmt(self.co.due),
                ),
                value=outcome,
            )
        self._changed()
        kind = {"declined": Outcome.DECLINED, "cancelled": Outcome.CANCELLED}.get(
            outcome.status, Outcome.FAILED
        )
        if getattr(outcome.error, "code", None) == "authorization_unconfirmed":
            # the card may have been charged: the protocol's sentence says not to take another tender
            return Result(kind, said(outcome.message), value=outcome)
        return Result(
            kind,
            msg(
                QT_TRANSLATE_NOOP(
                    C, "Card not paid: {why} The sale is still open: try again or take another tender."
                ),
                why=said(outcome.message or ""),
            ),
            value=outcome,
        )

    def cancel_card(self) -> bool:
        """The cashier (or the customer) cancels the running card payment; any thread."""
        return self.shop.payments.cancel(self.co.sale_uuid)

    # ------------------------------------------------------------------ park, void, drawer, reprint
    def suspend(self) -> Result:
        with self._lock:
            if (why := self._check(Permission.SUSPEND_SALE)) is not None:
                return why
            try:
                state = self.co.suspend()
            except DomainError as e:
                return refused(said(e))
            label = self._state_summary(state)
            try:
                self.shop.records.park(state, label=label, by=self.staff.id)
            except Exception as e:  # the sale stays: put it back on screen
                log.error("suspend failed: %s", e)
                self.co.resume(state)
                return failed(msg(QT_TRANSLATE_NOOP(C, "Could not suspend: {error}"), error=said(e)))
        return done(msg(QT_TRANSLATE_NOOP(C, "Sale suspended ({label}). Shift+F6 resumes it."), label=label))

    def parked(self) -> list[Parked]:
        return [
            Parked(p.suspended_id, p.label, p.suspended_at, p.suspended_by)
            for p in self.shop.records.parked()
        ]

    def resume(self, suspended_id: int) -> Result:
        with self._lock:
            if (why := self._check()) is not None:
                return why
            if not self.co.cart.is_empty or self.co.tenders:
                return refused(
                    msg(QT_TRANSLATE_NOOP(C, "Finish or suspend the current sale before resuming another."))
                )
            try:
                state = self.shop.records.unpark(suspended_id)
            except (LookupError, ValueError) as e:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Could not resume: {error}"), error=said(e)))
            result = self._try(lambda: self.co.resume(state), msg(QT_TRANSLATE_NOOP(C, "Sale resumed.")))
            if result.ok:
                self.co.staff_id = self.staff.id
            return result

    def void(self, grant: Override | None = None, *, confirmed: bool = False) -> Result:
        """`_void`, then the coupons the sale claimed at the backend are given back."""
        with self._lock:
            sale, claimed = self.co.sale_uuid, sorted(self.co.claimed_coupons)
        result = self._void(grant, confirmed=confirmed)
        if result.ok and claimed:
            self.release_coupons(sale, claimed)
        return result

    def _void(self, grant: Override | None = None, *, confirmed: bool = False) -> Result:
        """Abandon the open sale (a manager, or with one's approval). Card parts already taken are
        refunded to the card first (blocking); `confirmed` says the cashier was told so."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            if self.co.cart.is_empty:
                return refused(msg(QT_TRANSLATE_NOOP(C, "The sale is empty.")))
            paid = list(self.co.tenders)
            approver = self._approved(
                Permission.VOID_SALE,
                grant,
                subject=Sentence(QT_TRANSLATE_NOOP(C, "void this sale")),
                reason="void",
                retry=lambda ov: self.void(ov, confirmed=confirmed),
            )
            if isinstance(approver, Result):
                return approver
            if not paid:
                return self._try(
                    lambda: self.co.void(actor=self.staff, override=grant, reason="voided at the till"),
                    msg(QT_TRANSLATE_NOOP(C, "Sale voided.")),
                )
            if not confirmed:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(
                            C, "{amount} is already paid by card: voiding refunds it to the card."
                        ),
                        amount=self.shop.fmt(self.co.paid),
                    )
                )
            sale = self.co.sale_uuid
            self._busy = "refund"
        self._changed()
        terminal = self.shop.terminal
        try:
            ids = tuple(
                terminal.refund(
                    t.reference,
                    t.amount,
                    idempotency_key=f"{sale}:void-refund:{t.reference}",
                    reason="requested_by_customer",
                ).id
                if t.kind == "card"
                else self._give_back_credit(t)
                for t in paid
            )
        except Exception as e:
            with self._lock:
                self._busy = None
            self._changed()
            return failed(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "The card part could not be refunded ({error}); the sale stays open. Try again or "
                        "finish it with another tender.",
                    ),
                    error=said(e),
                )
            )
        with self._lock:
            self._busy = None
            result = self._try(
                lambda: self.co.void(
                    actor=self.staff, override=grant, reason="voided at the till", refunds=ids
                )
            )
            if not result.ok:
                return result
        return done(
            msg(
                QT_TRANSLATE_NOOP(C, "Sale voided; {amount} refunded to the card."),
                amount=self.shop.fmt(sum(t.amount for t in paid)),
            )
        )

    def _give_back_credit(self, tender: Tender) -> str:
        """A credit part of a voided sale: a store credit goes back onto its code at the backend; an
        exchange's credit stays with its return (given up, or used again, on Returns & pickups)."""
        credits = getattr(self.shop, "credits", None)
        if credits is not None and tender.kind == "store_credit":
            credits.give_back(self.co.sale_uuid, tender)
        return tender.reference or tender.kind

    def no_sale(self, reason: str, grant: Override | None = None) -> Result:
        """Open the drawer without a sale, with a reason (logged). Blocking until the drawer answered."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            reason = reason.strip()
            if not reason:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Say why the drawer opens.")))
            approver = self._approved(
                Permission.NO_SALE,
                grant,
                subject=Sentence(QT_TRANSLATE_NOOP(C, "open the drawer without a sale")),
                reason=reason,
                retry=lambda ov: self.no_sale(reason, ov),
            )
            if isinstance(approver, Result):
                return approver
            approver = use_approval(self.shop.approvals, self.staff, Permission.NO_SALE, grant)
            if isinstance(approver, Result):
                return approver
            self.shop.journal.audit(
                "drawer.no_sale", self.staff.id, {"reason": reason, "approved_by": approver or None}
            )
            opening = self.shop.printer.open_drawer(reason)
        try:
            opening.result(timeout=30)
        except Exception as e:
            return failed(msg(QT_TRANSLATE_NOOP(C, "The drawer did not open: {error}"), error=said(e)))
        return done(msg(QT_TRANSLATE_NOOP(C, "Drawer opened.")))

    def recall_last_sale(self) -> Result:
        """After a restart: the till's last sale is what Reprint prints; a sale that was completed just
        before the stop (the checkout's `recovered_sale`) is said to be so."""
        with self._lock:
            recovered = self.co.recovered_sale
            doc = recovered or self.shop.records.last_sale()
            if doc is None:
                return done()
            self.last_receipt = self.receipt_for(doc)
            if recovered is not None:
                return done(
                    msg(
                        QT_TRANSLATE_NOOP(
                            C,
                            "Sale {receipt_no} ({total}) was completed and recorded before the till "
                            "stopped. Do not take payment for it again. No receipt? Press Reprint (Ctrl+P).",
                        ),
                        receipt_no=doc.receipt_no,
                        total=self.shop.fmt(doc.total),
                    ),
                    value=doc,
                    receipt=self.last_receipt,
                )
            return done(value=doc)

    def last_receipt_unprinted(self) -> Result:
        """Blocking (reads the print queue): after a restart, when the till stopped between the last sale's
        commit and its receipt reaching the print queue, say so (only with a receipt printer)."""
        with self._lock:
            receipt = self.last_receipt
            printer = self.shop.printer
            if receipt is None or printer is None or printer.error_text or not self.co.cart.is_empty:
                return done()
        try:
            jobs = printer.jobs(include_printed=True).result(timeout=30)
        except Exception as e:
            log.warning("could not read the print queue: %s", e)
            return done()
        if any(j.sale_uuid == receipt.sale_uuid for j in jobs):
            return done()
        return done(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "The receipt of sale {receipt_no} was not printed: the till stopped just after the sale. "
                    "If the customer needs it, press Reprint (Ctrl+P).",
                ),
                receipt_no=receipt.receipt_no,
            ),
            receipt=receipt,
        )

    def reprint(self) -> Result:
        with self._lock:
            if self.last_receipt is None:
                return refused(msg(QT_TRANSLATE_NOOP(C, "No receipt to reprint yet.")))
            receipt = self.last_receipt.marked(ReceiptMark.REPRINT)
            actor = self.staff.id if self.staff else None
            self.shop.journal.audit("receipt.reprint", actor, {"receipt_no": receipt.receipt_no})
            printing = self.shop.printer.print_receipt(receipt, open_drawer=False)
        return done(
            msg(QT_TRANSLATE_NOOP(C, "Receipt {receipt_no} reprinted."), receipt_no=receipt.receipt_no),
            receipt=receipt,
            printing=printing,
        )


__all__ = ["LineView", "Parked", "SaleView", "SellService"]
