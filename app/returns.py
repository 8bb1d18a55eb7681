"""Taking goods back: the Returns workflow as a service that a window, a test or the headless driver calls.

    returns = ReturnsService(shop)
    returns.begin_shift(ben)
    returns.find("OMO:ORDER:600001")          # Result(DONE, value=Original): the order, lines returnable
    returns.pick(1, 1, reason="Wrong size")     # one unit of line 1, back into stock
    returns.refund("original")                  # Result(DONE, value=ReturnDocument, receipt=...)

Finding: an online order by its QR or number; an in-store sale by its receipt's QR or number, from the
backend (any till, any store) or, when the backend cannot be reached or has not got it yet, from this
till's journal (then the return is unverified); a member's recent orders by their QR or number.

The backend's caps are authoritative: the lines are held there (`claim_return`) before anything is
refunded, so two tills cannot take back the same unit. Refunds go to the original payment (a card
refund on the original PaymentIntent, per tender in proportion; Interac on the reader) or as store
credit, written ahead by `app.refunds.RefundRunner`. Without the backend a manager may approve an
unverified return, to store credit only; a return without a receipt needs its permission and stays under
the store's limit (`returns.no_receipt_limit`).

Threads: any thread; `refund`, `find`, `check_customer`, `resume`, `give_up`, `member_orders` block
(network, Stripe, the journal): a window runs them on a worker.
"""

from __future__ import annotations

import logging
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from app.approval import approve_once
from app.members import MemberPanel, code_not_accepted
from app.messages import QT_TRANSLATE_NOOP, msg, said
from app.refunds import RefundRunner, new_credit_code
from app.results import Outcome, Result, done, failed, refused
from pos.cart import Cart
from pos.codes import MemberCode, OrderCode, ReceiptCode, StoreCreditCode, parse_typed_member
from pos.documents import ReturnDocument, ReturnLine, SaleDocument
from pos.errors import DomainError, Sentence
from pos.gs1 import rcn_rules_for
from pos.money import Money
from pos.returns import (
    REFUND_TO,
    Original,
    OriginalLine,
    PaidTender,
    Pick,
    RefundPart,
    ReturnError,
    ReturnPlan,
    no_receipt_original,
    plan_return,
    refunds_for,
)
from pos.scan import ScanRefused, is_omo_code, read_item
from pos.staff import Override, Permission, StaffMember
from pos.sync_ports import (
    BackendNotFound,
    BackendTooManyTries,
    BackendUnavailable,
    OnlineOrder,
    RecentOrder,
    StoreSale,
)
from sync.store.returns import RefundStep, ReturnAttempt

log = logging.getLogger("app.returns")

C = "app"

# Reasons offered per line (stored as written here; the window shows them translated).
REASONS = (
    QT_TRANSLATE_NOOP(C, "Wrong size"),
    QT_TRANSLATE_NOOP(C, "Changed mind"),
    QT_TRANSLATE_NOOP(C, "Faulty"),
    QT_TRANSLATE_NOOP(C, "Not as described"),
    QT_TRANSLATE_NOOP(C, "Arrived too late"),
    QT_TRANSLATE_NOOP(C, "Not collected"),
)
_RECEIPT_NO = re.compile(r"[A-Za-z0-9._]+(-[A-Za-z0-9._]+)*-\d{4,}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_ORDER_NO = re.compile(r"[A-Za-z0-9-]{1,32}")
CHECKS = ("name", "card_last4", "app_code")


@dataclass(frozen=True)
class LineView:
    line_no: int
    name: str
    sku: str
    qty: int
    returned: int
    returnable: int
    paid: int  # what the whole line paid
    picked: int
    reason: str
    restock: bool


@dataclass(frozen=True)
class ReturnView:
    """The return being prepared, as a screen shows it (minor units; the window formats them)."""

    original: Original | None
    lines: tuple[LineView, ...] = ()
    total: int = 0
    tax: int = 0
    parts: tuple[RefundPart, ...] = ()  # the refund to the original payment, per tender
    points_taken_back: int = 0
    points_given_back: int = 0
    needs_check: bool = False  # found by a typed order number: the customer is checked first
    checked: bool = False
    problem: str = ""  # why the picked lines cannot be refunded as they are
    busy: str | None = None

    @property
    def is_empty(self) -> bool:
        return self.original is None


@dataclass(frozen=True)
class Waiting:
    """A return whose refunds did not all go through (the till stopped, or a refund failed)."""

    return_uuid: str
    label: str
    total: int
    refunded: int  # already refunded to a card
    problem: str
    kind: str  # return | exchange
    created_at: str


@dataclass
class _Draft:
    original: Original
    proof: str  # "qr" (the order's or receipt's QR, a member's app code) or "typed"
    picks: dict[int, Pick] = field(default_factory=dict)
    checked: bool = False
    return_uuid: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def needs_check(self) -> bool:
        return self.original.kind == "order" and self.proof == "typed"


def too_many_checks(shop: Any, staff: StaffMember | None, order_no: str, e: BackendTooManyTries) -> Result:
    """The backend checks no more for a while (too many wrong checks of the order, or from this till):
    audited, and said with the wait."""
    shop.journal.audit(
        "order.check_locked",
        staff.id if staff else None,
        {"order_no": order_no, "retry_after": e.retry_after},
    )
    return refused(
        msg(
            QT_TRANSLATE_NOOP(
                C,
                "Too many wrong checks for order {order}: the backend checks no more for {minutes} min. "
                "Scan the order's QR code in the customer's app instead.",
            ),
            order=order_no,
            minutes=max(1, -(-int(e.retry_after) // 60)),
        )
    )


def _original_lines(lines: Any) -> tuple[OriginalLine, ...]:
    """An online order's or a store sale's lines (the same fields on both) as the domain's."""
    return tuple(
        OriginalLine(
            ln.line_no,
            ln.sku,
            ln.name,
            ln.qty,
            ln.unit_price,
            ln.paid_amount,
            ln.tax_code,
            ln.tax_amount,
            ln.returned_qty,
            ln.refunded_amount,
        )
        for ln in lines
    )


def _paid_tenders(tenders: Any) -> tuple[PaidTender, ...]:
    return tuple(PaidTender(t.method, t.amount, t.reference) for t in tenders)


def original_from_order(order: OnlineOrder) -> Original:
    return Original(
        kind="order",
        ref=order.order_no,
        label=order.order_no,
        currency=order.currency,
        placed_at=order.placed_at,
        lines=_original_lines(order.lines),
        tenders=_paid_tenders(order.tenders),
        member_no=order.member_no,
        points_earned=order.points_earned,
        points_redeemed=order.points_redeemed,
        customer=order.customer_display_name,
        status=order.status,
    )


def original_from_sale(sale: StoreSale) -> Original:
    return Original(
        kind="sale",
        ref=sale.sale_uuid,
        label=sale.receipt_no,
        currency=sale.currency,
        placed_at=sale.occurred_at,
        lines=_original_lines(sale.lines),
        tenders=_paid_tenders(sale.tenders),
        member_no=sale.member_no,
        points_earned=sale.points_earned,
        points_redeemed=sale.points_redeemed,
        till_id=sale.till_id,
    )


def original_from_journal(doc: SaleDocument, returns: list[ReturnDocument]) -> Original:
    """A sale of this till, as its journal knows it (the returns made here only: unverified)."""
    returned: dict[int, list[int]] = {}
    for r in returns:
        for ln in r.lines:
            acc = returned.setdefault(ln.original_line_no or 0, [0, 0])
            acc[0] += ln.quantity
            acc[1] += ln.refund_amount
    return Original(
        kind="sale",
        ref=doc.sale_uuid,
        label=doc.receipt_no,
        currency=doc.currency,
        placed_at=doc.created_at,
        lines=tuple(
            OriginalLine(
                ln.line_no,
                ln.sku,
                ln.description,
                ln.quantity,
                ln.unit_price,
                ln.paid_amount,
                ln.tax_code,
                ln.tax_amount,
                *returned.get(ln.line_no, (0, 0)),
                measure=ln.measure,
            )
            for ln in doc.lines
        ),
        tenders=tuple(PaidTender(t.kind, t.amount, t.reference) for t in doc.tenders),
        member_no=doc.member_no,
        verified=False,
        till_id=doc.till_id,
    )


class ReturnsService:
    def __init__(self, shop: Any) -> None:
        self.shop = shop
        self.config = shop.config
        self.staff: StaffMember | None = None
        self.runner = RefundRunner(shop)
        self.draft: _Draft | None = None
        self._lock = threading.RLock()
        self._busy: str | None = None
        self._listeners: list[Callable[[], None]] = []
        self._rcn_rules = rcn_rules_for(shop.settings["store.rcn_rules"], shop.settings["store.country"])
        self._member_proof = "typed"  # how the member whose orders are listed was identified
        self._member_token: str | None = None  # their QR's text, which opens their own orders

    # ------------------------------------------------------------------ observing, who
    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:  # a broken screen never stops a return
                log.exception("returns listener failed")

    def begin_shift(self, member: StaffMember) -> None:
        with self._lock:
            if self.staff is not None and self.staff.id != member.id:
                self.draft = None  # the next person does not inherit a half-made return
            self.staff = member
        self._changed()

    def end_shift(self) -> None:
        with self._lock:
            self.staff = None

    @property
    def busy(self) -> str | None:
        return self._busy

    def _check(self) -> Result | None:
        if self.staff is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Log in first.")))
        if self._busy is not None:
            return Result(Outcome.BUSY, msg(QT_TRANSLATE_NOOP(C, "Wait: a refund is being made.")))
        return None

    @property
    def backend(self) -> Any:
        return self.shop.sync_engine

    # ------------------------------------------------------------------ finding
    def find(self, typed: str) -> Result:
        """Blocking (the backend): a scanned QR or a typed order number, receipt number or member number."""
        typed = typed.strip()
        with self._lock:
            if (why := self._check()) is not None:
                return why
        if not typed:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Scan the order or receipt, or type its number.")))
        if is_omo_code(typed):
            parsed = self.shop.codes.parse(typed)
            if isinstance(parsed, OrderCode):
                return self._order(parsed.order_no, proof="qr", qr=typed)
            if isinstance(parsed, ReceiptCode):
                return self._sale(parsed.sale_uuid, proof="qr")
            if isinstance(parsed, MemberCode):
                return self.member_orders(parsed.member_no, proof="qr", member_token=typed)
            if isinstance(parsed, StoreCreditCode):
                return self.credit_balance(parsed.code)
            what = getattr(parsed, "message", "") or str(parsed)
            return refused(said(what))
        if _UUID.fullmatch(typed):
            return self._sale(typed.lower(), proof="typed")
        local = self.shop.records.sale_by_receipt(typed)
        if local is not None:
            return self._sale(local.sale_uuid, proof="typed")
        if (ret := self.shop.records.return_by_receipt(typed)) is not None:
            return self._a_return(ret)
        receipt_like = bool(_RECEIPT_NO.fullmatch(typed))
        if receipt_like:
            found = self._sale_by_receipt(typed) or self._return_elsewhere(typed)
            if found is not None:
                return found
        if _ORDER_NO.fullmatch(typed):
            found = self._order(typed, proof="typed")
            if found.outcome is Outcome.REFUSED and typed.isdigit():  # no such order: a member's number?
                member = self.member_orders(typed, proof="typed")
                if member.ok:
                    return member
            if receipt_like and found.outcome is Outcome.REFUSED:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(
                            C,
                            "There is no sale or online order {typed}. A sale of another till is found once "
                            "that till has synced; a return receipt cannot be taken back.",
                        ),
                        typed=typed,
                    )
                )
            return found
        return refused(
            msg(QT_TRANSLATE_NOOP(C, "{typed} is not an order, receipt or member number."), typed=typed)
        )

    def _a_return(self, ret: ReturnDocument) -> Result:
        """A return's own receipt number was typed (a return of this till)."""
        original = ret.original_order_no or ""
        sale = self.shop.records.get_sale(ret.original_sale_uuid) if ret.original_sale_uuid else None
        if sale is not None:
            original = sale.receipt_no
        return self._not_a_sale(ret.receipt_no, original)

    def _return_elsewhere(self, receipt_no: str) -> Result | None:
        """Blocking: a return receipt of another till or store, as the backend knows it; None when the
        number is no return there either (or the backend cannot say now)."""
        if self.backend is None:
            return None
        try:
            ret = self.backend.return_by_receipt(receipt_no)
        except (BackendNotFound, BackendUnavailable):
            return None
        return self._not_a_sale(ret.receipt_no, ret.original_receipt_no or ret.original_order_no or "")

    def _not_a_sale(self, receipt_no: str, original: str) -> Result:
        """A return receipt's number was typed or scanned: what came back is taken back no more, and more
        of the purchase comes back from the original's receipt."""
        if not original:  # a return without a receipt
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "{receipt_no} is a return receipt, not a sale: returns are taken back from the "
                        "original sale's receipt. Scan or type the number of the original purchase.",
                    ),
                    receipt_no=receipt_no,
                )
            )
        return refused(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "{receipt_no} is a return receipt (of {original}), not a sale: returns are taken back "
                    "from the original sale's receipt. Scan or type {original}.",
                ),
                receipt_no=receipt_no,
                original=original,
            )
        )

    def _offline(self, e: Exception | None = None) -> Result:
        return failed(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "The backend cannot be reached ({error}): online orders and other tills' sales cannot "
                    "be looked up now. A sale of this till can still be taken back (unverified, store "
                    "credit).",
                ),
                error=said(e) if e else msg(QT_TRANSLATE_NOOP(C, "no backend")),
            )
        )

    def _order(
        self, order_no: str, *, proof: str, qr: str | None = None, member_token: str | None = None
    ) -> Result:
        if self.backend is None:
            return self._offline()
        try:
            order = self.backend.order_by_qr(qr) if qr else self.backend.order(order_no, member_token)
        except BackendNotFound:
            return refused(msg(QT_TRANSLATE_NOOP(C, "There is no online order {order}."), order=order_no))
        except BackendUnavailable as e:
            return self._offline(e)
        return self._open(original_from_order(order), proof)

    def _sale(self, sale_uuid: str, *, proof: str) -> Result:
        local = self.shop.records.get_sale(sale_uuid)
        if self.backend is not None:
            try:
                return self._open(original_from_sale(self.backend.sale(sale_uuid)), proof)
            except BackendNotFound:
                if local is not None and self._push_sale(sale_uuid):
                    try:
                        return self._open(original_from_sale(self.backend.sale(sale_uuid)), proof)
                    except (BackendNotFound, BackendUnavailable) as e:
                        log.info("sale %s still not at the backend: %s", sale_uuid, e)
            except BackendUnavailable as e:
                log.info("backend unavailable for sale %s: %s", sale_uuid, e)
        if local is None:
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "This sale is not known here or at the backend yet (a sale of another till arrives "
                        "when that till syncs). Try again in a moment.",
                    )
                )
            )
        original = original_from_journal(local, self.shop.records.returns_of(sale_uuid=sale_uuid))
        result = self._open(original, proof)
        return replace(
            result,
            message=msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "Sale {receipt_no} from this till's journal: the backend cannot check it now, so it "
                    "can only be an unverified return to store credit (a manager approves).",
                ),
                receipt_no=local.receipt_no,
            ),
            error=True,
        )

    def _push_sale(self, sale_uuid: str) -> bool:
        """This till's sale has not reached the backend yet: send the queue now (a few seconds at most)."""
        engine = self.backend
        if engine is None or self.shop.records.event_acknowledged(sale_uuid):
            return False
        engine.wake()
        engine.wait_idle(5.0)
        return self.shop.records.event_acknowledged(sale_uuid)

    def _sale_by_receipt(self, receipt_no: str) -> Result | None:
        if self.backend is None:
            return None
        try:
            sale = self.backend.sale_by_receipt(receipt_no)
        except BackendNotFound:
            return None
        except BackendUnavailable as e:
            return self._offline(e)
        return self._open(original_from_sale(sale), "typed")

    def _open(self, original: Original, proof: str) -> Result:
        with self._lock:
            self.draft = _Draft(original, proof)
        self._changed()
        if self.draft.needs_check and not original.lines:  # by number: the summary until the check
            return done(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "Order {label} found by its number: check the customer (name, the card's last "
                        "digits or the code in their app) to see what is on it.",
                    ),
                    label=original.label,
                ),
                value=original,
            )
        if not original.returnable_units:
            return done(
                msg(
                    QT_TRANSLATE_NOOP(C, "{label}: everything on it was already returned."),
                    label=original.label,
                ),
                value=original,
                error=True,
            )
        if self.draft.needs_check:
            return done(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "Order {label} found by its number: check the customer (name, the card's last "
                        "digits or the code in their app) before refunding.",
                    ),
                    label=original.label,
                ),
                value=original,
            )
        return done(
            msg(
                QT_TRANSLATE_NOOP(C, "{label}: pick what comes back (quantity, reason, condition)."),
                label=original.label,
            ),
            value=original,
        )

    def open_for_store(self, order_no: str) -> Result:
        """Blocking: an online order the store takes back itself (not collected in time): what still waits
        on the pickup shelf is picked, resellable, reason "Not collected"; no customer check is needed."""
        if self.backend is None:
            return self._offline()
        try:
            order = self.backend.order(order_no)
        except BackendNotFound:
            return refused(msg(QT_TRANSLATE_NOOP(C, "There is no online order {order}."), order=order_no))
        except BackendUnavailable as e:
            return self._offline(e)
        result = self._open(original_from_order(order), "store")
        for ln in order.lines:
            if ln.waiting_qty:
                self.pick(ln.line_no, ln.waiting_qty, reason=REASONS[5], restock=True)
        if not any(ln.waiting_qty for ln in order.lines):
            return result
        return done(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "Order {order} was not collected: refund it to the original payment to put it back in "
                    "stock.",
                ),
                order=order_no,
            ),
            value=result.value,
        )

    def member_orders(
        self, member_no: int | str, *, proof: str = "typed", member_token: str | None = None
    ) -> Result:
        """Blocking: a member's recent orders and purchases (to pick one with `open_recent`). The backend
        shows them with the member's own code only (`member_token`, the text of their QR, which opens their
        whole profile): a member number alone is guessable, so it lists nothing."""
        if isinstance(member_no, str):
            parsed = parse_typed_member(member_no)
            if not isinstance(parsed, MemberCode):
                return refused(said(parsed.message))
            member_no = parsed.member_no
        if self.backend is None:
            return self._offline()
        try:
            profile = self.backend.member_profile(member_no, member_token=member_token)
        except BackendNotFound:
            return refused(msg(QT_TRANSLATE_NOOP(C, "There is no member {no}."), no=member_no))
        except BackendUnavailable as e:
            return self._offline(e)
        if (why := code_not_accepted(profile, member_token)) is not None:
            return why
        self._member_proof, self._member_token = proof, member_token
        if member_token is None:
            return done(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "{name}: their orders show with the code in their app. Scan it, or type the order "
                        "or receipt number.",
                    ),
                    name=profile.display_name,
                ),
                value=(),
            )
        return done(
            msg(
                QT_TRANSLATE_NOOP(C, "{name}: {n} recent orders and purchases. Pick one."),
                name=profile.display_name,
                n=len(profile.recent_orders),
            ),
            value=tuple(profile.recent_orders),
        )

    def open_member_order(self, panel: MemberPanel, ref: str) -> Result:
        """Blocking: one of the recent orders on a member panel (`app.members`), opened here to pick what
        comes back. The panel's proof carries over: opened with the member's own code, that code opens
        their order in full with no customer check (as `member_orders` then `open_recent` would)."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
        order = next((o for o in panel.profile.recent_orders if o.ref == ref), None)
        if order is None:
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(C, "{ref} is not one of {name}'s recent orders."),
                    ref=ref,
                    name=panel.profile.display_name,
                )
            )
        with self._lock:
            self._member_proof = "qr" if panel.member_token else "typed"
            self._member_token = panel.member_token
        return self.open_recent(order)

    def open_recent(self, order: RecentOrder) -> Result:
        """Blocking: one of a member's recent orders (found through the member: their QR is the proof)."""
        proof = self._member_proof
        if order.channel == "online":
            return self._order(order.ref, proof=proof, member_token=self._member_token)
        return self._sale(order.ref, proof=proof)

    def credit_balance(self, code: str) -> Result:
        if self.backend is None:
            return self._offline()
        try:
            credit = self.backend.store_credit(code)
        except BackendNotFound:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Store credit {code} is not known (yet)."), code=code))
        except BackendUnavailable as e:
            return self._offline(e)
        return done(
            msg(
                QT_TRANSLATE_NOOP(C, "Store credit {code}: {balance} of {issued} left. Use it on Sell."),
                code=code,
                balance=self.shop.fmt(credit.balance),
                issued=self.shop.fmt(credit.issued),
            ),
            value=credit,
        )

    # ------------------------------------------------------------------ without a receipt
    def no_receipt(self) -> Result:
        """Start a return without a receipt: scan the items (`add_item`)."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            now = datetime.now(UTC).isoformat()
            self.draft = _Draft(Original("none", "", "", self.config.currency, now, ()), "typed")
        self._changed()
        return done(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "Return without a receipt: scan the items. They are refunded at today's price, as "
                    "store credit, up to {limit}, with a manager's approval.",
                ),
                limit=self.shop.fmt(int(self.shop.settings["returns.no_receipt_limit"])),
            )
        )

    def add_item(self, code: str) -> Result:
        """An item scanned into a return without a receipt (priced as the store sells it today)."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            draft = self.draft
            if draft is None or draft.original.kind != "none":
                return refused(msg(QT_TRANSLATE_NOOP(C, "Start a return without a receipt first.")))
            scan = read_item(
                code,
                self.shop.catalog,
                currency=self.config.currency,
                today=datetime.now(UTC).date(),
                rcn_rules=self._rcn_rules,
                sold_by=self.shop.settings["store.weight_unit"],
            )
            if isinstance(scan, ScanRefused):
                return refused(said(scan.message))
            items = [(ln.sku, ln.name, ln.qty, ln.unit_price) for ln in draft.original.lines]
            price = scan.price() if scan.label_priced else scan.product.price
            items.append((scan.product.sku, scan.product.name, scan.quantity, price))
            try:
                lines = self._priced(
                    items,
                    {ln.sku: ln.tax_code for ln in draft.original.lines}
                    | {scan.product.sku: scan.product.tax_code},
                )
                original = no_receipt_original(self.config.currency, lines, draft.original.placed_at)
            except (DomainError, ReturnError) as e:
                return refused(said(e))
            picks = {**draft.picks, len(lines): Pick(len(lines), scan.quantity, "", True)}
            self.draft = replace(draft, original=original, picks=picks)
        self._changed()
        return done(msg(QT_TRANSLATE_NOOP(C, "{item} added to the return."), item=scan.product.name))

    def _priced(
        self, items: list[tuple[str, str, int, int]], tax_codes: dict[str, str]
    ) -> list[OriginalLine]:
        """Lines as a sale today would charge them (tax-inclusive or not, with the store's rounding)."""
        cart = Cart(self.config)
        for sku, name, qty, price in items:
            cart.add_line(sku, name, Money(price, self.config.currency), tax_codes[sku], qty, merge=False)
        return [
            OriginalLine(
                i,
                lt.sku,
                lt.description,
                lt.quantity,
                lt.unit_price.minor,
                lt.paid.minor,
                lt.tax_code,
                lt.tax.minor,
            )
            for i, lt in enumerate(cart.totals.lines, start=1)
        ]

    # ------------------------------------------------------------------ picking
    def pick(
        self, line_no: int, qty: int, *, reason: str | None = None, restock: bool | None = None
    ) -> Result:
        """`qty` units of line `line_no` come back (0: none), with a reason and their condition."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            draft = self.draft
            if draft is None:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Find the order or receipt first.")))
            try:
                line = draft.original.line(line_no)
            except ReturnError as e:
                return refused(said(e))
            if not 0 <= qty <= line.returnable:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(C, "{item}: {left} of {qty} can still be returned."),
                        item=line.name or line.sku,
                        left=line.returnable,
                        qty=line.qty,
                    )
                )
            old = draft.picks.get(line_no, Pick(line_no, 0))
            draft.picks[line_no] = Pick(
                line_no,
                qty,
                old.reason if reason is None else reason.strip()[:200],
                old.restock if restock is None else restock,
            )
        self._changed()
        return done()

    def pick_all(self) -> Result:
        with self._lock:
            if self.draft is None:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Find the order or receipt first.")))
            lines = [ln for ln in self.draft.original.lines if ln.returnable]
        for ln in lines:
            result = self.pick(ln.line_no, ln.returnable)
            if not result.ok:
                return result
        return done()

    def clear(self) -> None:
        with self._lock:
            if self._busy is None:
                self.draft = None
        self._changed()

    def plan(self) -> ReturnPlan | Result:
        with self._lock:
            draft = self.draft
            if draft is None:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Find the order or receipt first.")))
            try:
                return plan_return(
                    draft.original,
                    draft.picks.values(),
                    {r.code: r for r in self.config.tax_rates},
                    tax_rounding=self.config.tax_rounding,
                    method=self.config.tax_rounding_method,
                )
            except (ReturnError, DomainError) as e:
                return refused(said(e))

    def view(self) -> ReturnView:
        with self._lock:
            draft = self.draft
            if draft is None:
                return ReturnView(None, busy=self._busy)
            o = draft.original
            lines = tuple(
                LineView(
                    ln.line_no,
                    ln.name,
                    ln.sku,
                    ln.qty,
                    ln.returned_qty,
                    ln.returnable,
                    ln.paid_amount,
                    draft.picks.get(ln.line_no, Pick(ln.line_no, 0)).qty,
                    draft.picks.get(ln.line_no, Pick(ln.line_no, 0)).reason,
                    draft.picks.get(ln.line_no, Pick(ln.line_no, 0)).restock,
                )
                for ln in o.lines
            )
            plan = self.plan() if any(p.qty for p in draft.picks.values()) else None
            if isinstance(plan, Result):
                return ReturnView(
                    o,
                    lines,
                    needs_check=draft.needs_check,
                    checked=draft.checked,
                    problem=str(plan.message),
                    busy=self._busy,
                )
            if plan is None:
                return ReturnView(
                    o, lines, needs_check=draft.needs_check, checked=draft.checked, busy=self._busy
                )
            return ReturnView(
                o,
                lines,
                plan.total,
                plan.tax,
                refunds_for(plan, "original"),
                plan.points_taken_back,
                plan.points_given_back,
                draft.needs_check,
                draft.checked,
                busy=self._busy,
            )

    # ------------------------------------------------------------------ the customer check
    def check_customer(self, method: str, value: str) -> Result:
        """Blocking: what the customer says (their name, the card's last digits, their app's code) against
        the order, at the backend (the till never gets what it checks against). When it matches, the
        backend sends the order in full (found by number, the till had only its summary)."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            draft = self.draft
            if draft is None or draft.original.kind != "order":
                return refused(msg(QT_TRANSLATE_NOOP(C, "Find the online order first.")))
            if method not in CHECKS or not value.strip():
                return refused(
                    msg(QT_TRANSLATE_NOOP(C, "Say what the customer gave: name, card digits or code."))
                )
            order_no = draft.original.ref
        try:
            order = self.backend.check_customer(order_no, method, value.strip()[:100])
        except BackendNotFound:
            return refused(msg(QT_TRANSLATE_NOOP(C, "There is no online order {order}."), order=order_no))
        except BackendTooManyTries as e:
            return too_many_checks(self.shop, self.staff, order_no, e)
        except BackendUnavailable as e:
            return self._offline(e)
        if order is None:
            self.shop.journal.audit(
                "order.check_failed", self.staff.id, {"order_no": order_no, "method": method}
            )
            return refused(msg(QT_TRANSLATE_NOOP(C, "That does not match order {order}."), order=order_no))
        with self._lock:
            if self.draft is draft:
                draft.original = original_from_order(order)
                draft.checked = True
        self._changed()
        return done(msg(QT_TRANSLATE_NOOP(C, "Customer checked for order {order}."), order=order_no))

    # ------------------------------------------------------------------ refunding
    def refund(
        self,
        to: str = "original",
        grant: Override | None = None,
        *,
        on_status: Callable[[str], None] | None = None,
    ) -> Result:
        """Blocking (backend, Stripe, the journal): refund the picked lines `to` the original payment or as
        store credit, print the return receipt, and start a new return."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            plan = self.plan()
            if isinstance(plan, Result):
                return plan
            if to not in REFUND_TO:
                return refused(
                    msg(QT_TRANSLATE_NOOP(C, "Refund to the original payment or as store credit."))
                )
            draft = self.draft
            approver = self._permission(draft, plan, to, grant, on_status)
            if isinstance(approver, Result):
                return approver
            if draft.original.kind == "none" or not draft.original.verified:
                to = "store_credit"
            attempt = self.attempt(plan, to, approver, draft.return_uuid)
            self._busy = "refund"
        self._changed()
        try:
            result = self.runner.start(attempt, on_status=on_status)
        finally:
            with self._lock:
                self._busy = None
        return self._finished(result, draft)

    def _permission(
        self,
        draft: _Draft,
        plan: ReturnPlan,
        to: str,
        grant: Override | None,
        on_status: Callable[[str], None] | None,
    ) -> str | Result:
        assert self.staff is not None
        amount = self.shop.fmt(plan.total)

        def retry(ov: Override) -> Result:
            return self.refund(to, ov, on_status=on_status)

        o = draft.original
        if o.kind == "none":
            limit = int(self.shop.settings["returns.no_receipt_limit"])
            if plan.total > limit:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(
                            C, "A return without a receipt refunds at most {limit}; this one is {amount}."
                        ),
                        limit=self.shop.fmt(limit),
                        amount=amount,
                    )
                )
            return approve_once(
                self.shop.approvals,
                self.staff,
                Permission.RETURN_NO_RECEIPT,
                grant,
                subject=Sentence(
                    QT_TRANSLATE_NOOP(C, "return without a receipt, {amount} as store credit"), amount=amount
                ),
                retry=retry,
            )
        if not o.verified:
            if to != "store_credit":
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(
                            C,
                            "The backend cannot check this return now: it can only be refunded as store "
                            "credit.",
                        )
                    )
                )
            return approve_once(
                self.shop.approvals,
                self.staff,
                Permission.RETURN_UNVERIFIED,
                grant,
                subject=Sentence(
                    QT_TRANSLATE_NOOP(C, "unverified return of {label}, {amount} as store credit"),
                    label=o.label,
                    amount=amount,
                ),
                retry=retry,
            )
        if draft.needs_check and not draft.checked:
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "Check the customer first (name, the card's last digits, or the code in their app).",
                    )
                )
            )
        return approve_once(
            self.shop.approvals,
            self.staff,
            Permission.REFUND,
            grant,
            subject=Sentence(
                QT_TRANSLATE_NOOP(C, "refund {amount} for {label}"), amount=amount, label=o.label
            ),
            retry=retry,
        )

    def attempt(
        self,
        plan: ReturnPlan,
        to: str,
        approver: str,
        return_uuid: str,
        *,
        kind: str = "return",
        sale_uuid: str | None = None,
    ) -> ReturnAttempt:
        """The write-ahead record of refunding `plan` `to` the original payment or store credit."""
        assert self.staff is not None
        o = plan.original
        steps = []
        for part in refunds_for(plan, to):
            no = len(steps) + 1
            kind_of = part.kind if part.kind in ("card", "cash", "points") else "store_credit"
            target = part.reference if kind_of == "card" else None
            steps.append(
                RefundStep(
                    no,
                    kind_of,
                    part.amount,
                    target=new_credit_code() if kind_of == "store_credit" else target,
                    key=f"{return_uuid}:refund:{no}",
                )
            )
        doc = ReturnDocument(
            return_uuid=return_uuid,
            receipt_no="",
            till_id=self.shop.settings["till.id"],
            staff_id=self.staff.id,
            member_no=o.member_no,
            currency=o.currency,
            created_at=datetime.now(UTC).isoformat(),
            tax_total=plan.tax,
            total=plan.total,
            lines=tuple(
                ReturnLine(
                    i,
                    ln.sku,
                    ln.name,
                    ln.qty,
                    ln.refund,
                    ln.tax_code,
                    ln.tax,
                    original_sale_uuid=o.ref if o.kind == "sale" else None,
                    original_line_no=ln.line_no if o.kind != "none" else None,
                    restock=ln.restock,
                    measure=ln.measure,
                    reason=ln.reason,
                )
                for i, ln in enumerate(plan.lines, start=1)
            ),
            original_sale_uuid=o.ref if o.kind == "sale" else None,
            original_order_no=o.ref if o.kind == "order" else None,
            reason="; ".join(sorted({ln.reason for ln in plan.lines if ln.reason})),
            approved_by=approver or None,
            store_id=self.shop.settings["store.id"],
            verified=o.verified,
            points_taken_back=plan.points_taken_back,
            points_given_back=plan.points_given_back,
        )
        return ReturnAttempt(return_uuid, kind, "claimed", doc, tuple(steps), self.staff.id, sale_uuid)

    def _finished(self, result: Result, draft: _Draft | None, *, label: str = "") -> Result:
        """A settled return: receipt, print (the drawer opens for cash), a new return; else as it was."""
        if not result.ok or not isinstance(result.value, ReturnDocument):
            self._changed()
            return result
        doc: ReturnDocument = result.value
        with self._lock:
            if draft is not None and self.draft is draft:
                self.draft = None
        receipt = self.runner.receipt(doc, original_label=label or (draft.original.label if draft else ""))
        cash = sum(r.amount for r in doc.refunds if r.kind == "cash")
        printing = self.shop.printer.print_receipt(receipt, open_drawer=cash > 0)
        self._changed()
        if cash:
            message = msg(
                QT_TRANSLATE_NOOP(C, "Return {no} recorded: give the customer {cash} in cash."),
                no=doc.receipt_no,
                cash=self.shop.fmt(cash),
            )
        else:
            message = msg(
                QT_TRANSLATE_NOOP(C, "Return {no} recorded: {amount} refunded."),
                no=doc.receipt_no,
                amount=self.shop.fmt(doc.total),
            )
        return done(message, value=doc, receipt=receipt, printing=printing)

    def cancel_refund(self) -> None:
        """Stop waiting for an Interac card on the reader (any thread)."""
        self.runner.cancel()

    # ------------------------------------------------------------------ returns that did not finish
    def waiting(self) -> list[Waiting]:
        out = []
        for a in self.shop.records.open_return_attempts():
            failed_steps = [s.error for s in a.steps if s.error]
            out.append(
                Waiting(
                    a.return_uuid,
                    a.document.original_order_no or self._label_of(a.document),
                    a.document.total,
                    sum(s.amount for s in a.steps if s.external and s.state == "done"),
                    failed_steps[0] if failed_steps else "",
                    a.kind,
                    a.created_at,
                )
            )
        return out

    def _label_of(self, doc: ReturnDocument) -> str:
        if doc.original_sale_uuid:
            sale = self.shop.records.get_sale(doc.original_sale_uuid)
            return sale.receipt_no if sale is not None else doc.original_sale_uuid[:8]
        return "—"

    def _waiting_one(self, return_uuid: str) -> ReturnAttempt | Result:
        attempt = self.shop.records.return_attempt(return_uuid)
        if attempt is None or attempt.state not in ("claimed", "refunding"):
            return refused(msg(QT_TRANSLATE_NOOP(C, "That return is not waiting.")))
        if attempt.kind == "exchange":
            return refused(
                msg(QT_TRANSLATE_NOOP(C, "That is an exchange: finish it on Sell, or give it up."))
            )
        return attempt

    def resume(self, return_uuid: str, *, on_status: Callable[[str], None] | None = None) -> Result:
        """Blocking: go on with a return that stopped (the till stopped, a refund failed or was unsure)."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            attempt = self._waiting_one(return_uuid)
            if isinstance(attempt, Result):
                return attempt
            self._busy = "refund"
        self._changed()
        try:
            if attempt.state == "claimed" and (problem := self.runner.claim(attempt)) is not None:
                return problem
            result = self.runner.settle(return_uuid, on_status=on_status)
        finally:
            with self._lock:
                self._busy = None
        return self._finished(result, None, label=self._label_of(attempt.document))

    def reroute(self, return_uuid: str, to: str, grant: Override | None = None) -> Result:
        """Blocking: the card refunds of a waiting return that Stripe refused (or that cannot be made)
        go as store credit or cash instead (a manager approves: the money leaves another way)."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            if to not in ("store_credit", "cash"):
                return refused(msg(QT_TRANSLATE_NOOP(C, "Refund it as store credit or cash.")))
            attempt = self._waiting_one(return_uuid)
            if isinstance(attempt, Result):
                return attempt
            approver = approve_once(
                self.shop.approvals,
                self.staff,
                Permission.REFUND,
                grant,
                subject=Sentence(
                    QT_TRANSLATE_NOOP(C, "refund {amount} another way"),
                    amount=self.shop.fmt(attempt.document.total),
                ),
                retry=lambda ov: self.reroute(return_uuid, to, ov),
            )
            if isinstance(approver, Result):
                return approver
            attempt = self.runner.reroute(return_uuid, to)
            self.shop.records.save_return(
                replace(attempt, document=replace(attempt.document, approved_by=approver or None))
            )
        return self.resume(return_uuid)

    def give_up(self, return_uuid: str) -> Result:
        """Blocking: drop a waiting return nothing of which was refunded (the backend's hold goes)."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
        result = self.runner.give_up(return_uuid)
        self._changed()
        return result


__all__ = [
    "REASONS",
    "LineView",
    "ReturnView",
    "ReturnsService",
    "Waiting",
    "original_from_order",
    "original_from_sale",
]
