"""Finalised documents: what a committed sale (or return, or till closure) looks like.

Frozen dataclasses, all amounts in integer minor units of ``currency``. Once the journal has committed
one of these it is never changed: a correction is a new document. Timestamps are ISO 8601 strings in UTC
(``2026-11-23T23:59:01.123456+00:00``) so that they travel unchanged through the journal and the outbox.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Literal

from pos.errors import ConfigError, DomainError
from pos.fulfilment import Fulfilment
from pos.measure import Measure
from pos.tax import parse_percent

TenderKind = Literal["card", "cash", "points", "gift_card", "store_credit"]
TENDER_KINDS: tuple[str, ...] = ("card", "cash", "points", "gift_card", "store_credit")


class DocumentError(ValueError):
    """A document that does not add up; raised before anything is written."""


@dataclass(frozen=True, slots=True)
class SaleLine:
    line_no: int
    sku: str
    description: str
    quantity: int
    unit_price: int
    discount: int  # total discount allocated to this line (line + order discounts, coupons, points)
    tax_code: str
    tax_amount: int
    paid_amount: int  # what the customer actually paid for this line: what a return refunds
    measure: Measure | None = None  # a weighed line: its weight and price per kg (quantity 1, unit_price
    # = measure.amount())
    fulfilment: Fulfilment | None = None  # an order delivered or collected later, or a reservation collected


@dataclass(frozen=True, slots=True)
class TaxLine:
    tax_code: str
    rate: str  # the rate in percent, exact canonical text: "8.875" (pos.tax.TaxRate.text)
    taxable_amount: int
    tax_amount: int


@dataclass(frozen=True, slots=True)
class Tender:
    kind: TenderKind
    amount: int  # amount applied to the sale (for cash: tendered minus change)
    change_given: int = 0
    reference: str | None = None  # PaymentIntent id, gift card number, ...
    rounding: int = 0  # cash rounding: cash actually taken = amount + rounding (Italy, Switzerland, ...)


@dataclass(frozen=True, slots=True)
class SaleDocument:
    sale_uuid: str
    receipt_no: str  # "" = let the journal assign the next number in the commit
    till_id: str
    staff_id: str
    member_no: int | None
    currency: str
    created_at: str
    subtotal: int
    discount_total: int
    tax_total: int
    total: int
    lines: tuple[SaleLine, ...]
    tax_lines: tuple[TaxLine, ...] = ()
    tenders: tuple[Tender, ...] = ()
    session_id: str | None = None

    def check(self) -> None:
        """Raise DocumentError unless the document is internally consistent."""
        if not self.lines:
            raise DocumentError("a sale needs at least one line")
        nos = [ln.line_no for ln in self.lines]
        if len(set(nos)) != len(nos):
            raise DocumentError("duplicate line numbers")
        for ln in self.lines:
            if ln.quantity <= 0:
                raise DocumentError(f"line {ln.line_no}: quantity must be positive")
            _check_measure(ln.line_no, ln.measure, ln.quantity, ln.unit_price)
        if sum(ln.paid_amount for ln in self.lines) != self.total:
            raise DocumentError("the lines' paid amounts do not add up to the total")
        net = self.subtotal - self.discount_total
        if self.total not in (net, net + self.tax_total):  # tax-inclusive or tax-exclusive prices
            raise DocumentError("total is neither subtotal - discounts nor that plus tax")
        for t in self.tax_lines:
            if not _exact_percent(t.rate):
                raise DocumentError(
                    f"tax line {t.tax_code}: the rate {t.rate!r} is not a percent written exactly ('8.875')"
                )
        if self.tax_lines and sum(t.tax_amount for t in self.tax_lines) != self.tax_total:
            raise DocumentError("the per-rate tax lines do not add up to the tax total")
        for t in self.tenders:
            if t.kind not in TENDER_KINDS:
                raise DocumentError(f"unknown tender kind {t.kind!r}")
            if t.amount < 0 or t.change_given < 0:
                raise DocumentError("tender amounts must not be negative")
        if self.tenders and sum(t.amount for t in self.tenders) != self.total:
            raise DocumentError("the tenders do not add up to the total")

    def with_receipt_no(self, receipt_no: str, session_id: Any = ...) -> SaleDocument:
        """This sale numbered by the journal, in the till session open at its commit. (``dataclasses.replace``
        costs 2-3x more, and this runs inside every durable sale commit.)"""
        if session_id is ...:
            session_id = self.session_id
        return SaleDocument(
            self.sale_uuid,
            receipt_no,
            self.till_id,
            self.staff_id,
            self.member_no,
            self.currency,
            self.created_at,
            self.subtotal,
            self.discount_total,
            self.tax_total,
            self.total,
            self.lines,
            self.tax_lines,
            self.tenders,
            session_id,
        )

    def to_dict(self) -> dict[str, Any]:
        # Hand-written (dataclasses.asdict deep-copies and costs ~4x more): this runs inside every
        # durable sale commit, whose budget is 2x one fsync.
        return {
            "sale_uuid": self.sale_uuid,
            "receipt_no": self.receipt_no,
            "till_id": self.till_id,
            "staff_id": self.staff_id,
            "member_no": self.member_no,
            "currency": self.currency,
            "created_at": self.created_at,
            "subtotal": self.subtotal,
            "discount_total": self.discount_total,
            "tax_total": self.tax_total,
            "total": self.total,
            "lines": [
                {
                    "line_no": ln.line_no,
                    "sku": ln.sku,
                    "description": ln.description,
                    "quantity": ln.quantity,
                    "unit_price": ln.unit_price,
                    "discount": ln.discount,
                    "tax_code": ln.tax_code,
                    "tax_amount": ln.tax_amount,
                    "paid_amount": ln.paid_amount,
                    "measure": None if ln.measure is None else ln.measure.to_dict(),
                }
                | ({} if ln.fulfilment is None else {"fulfilment": ln.fulfilment.to_dict()})
                for ln in self.lines
            ],
            "tax_lines": [
                {
                    "tax_code": t.tax_code,
                    "rate": t.rate,
                    "taxable_amount": t.taxable_amount,
                    "tax_amount": t.tax_amount,
                }
                for t in self.tax_lines
            ],
            "tenders": [
                {
                    "kind": t.kind,
                    "amount": t.amount,
                    "change_given": t.change_given,
                    "reference": t.reference,
                    "rounding": t.rounding,
                }
                for t in self.tenders
            ],
            "session_id": self.session_id,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SaleDocument:
        d = dict(d)
        d["lines"] = tuple(SaleLine(**_with_measure(x)) for x in d.get("lines", ()))
        d["tax_lines"] = tuple(TaxLine(**x) for x in d.get("tax_lines", ()))
        d["tenders"] = tuple(Tender(**x) for x in d.get("tenders", ()))
        return cls(**d)


def _check_measure(line_no: int, measure: object, quantity: int, unit_price: int) -> None:
    """A weighed line is one item whose unit price is its measure's amount."""
    if measure is None:
        return
    if not isinstance(measure, Measure):
        raise DocumentError(f"line {line_no}: {measure!r} is not a measure")
    if quantity != 1 or unit_price != measure.amount():
        raise DocumentError(
            f"line {line_no}: a weighed line of {measure.text()} is 1 item at {measure.amount()}, "
            f"not {quantity} at {unit_price}"
        )


def _with_measure(line: dict[str, Any]) -> dict[str, Any]:
    """A line's dict with its measure (JSON: a table or null) read back as a Measure, and its
    fulfilment (a table, or no key) as a Fulfilment."""
    raw = line.get("measure")
    if raw is None and line.get("fulfilment") is None:
        return line
    try:
        out = {**line, "measure": None if raw is None else Measure.from_dict(raw)}
        if "fulfilment" in line:  # a sale's line only: a return's line has no such field
            out["fulfilment"] = Fulfilment.from_dict(line["fulfilment"])
        return out
    except DomainError as e:
        raise DocumentError(f"line {line.get('line_no')}: {e}") from None


def _exact_percent(text: object) -> bool:
    """``text`` is a tax rate in its canonical form (``TaxRate.text``: ``"8.875"``, not ``"8.8750"``)."""
    return isinstance(text, str) and _canonical_percent(text)


@lru_cache(maxsize=256)  # a store has a handful of rates; this runs inside every durable sale commit
def _canonical_percent(text: str) -> bool:
    try:
        return f"{parse_percent(text, 'rate'):f}" == text
    except ConfigError:
        return False


@dataclass(frozen=True, slots=True)
class ReturnLine:
    line_no: int
    sku: str
    description: str
    quantity: int
    refund_amount: int
    tax_code: str
    tax_amount: int
    original_sale_uuid: str | None = None
    original_line_no: int | None = None
    restock: bool = True  # resellable: back into this store's stock (else damaged)
    measure: Measure | None = None  # a weighed line, returned whole: what it weighed
    reason: str = ""  # why it came back (the customer's words or a reason from the list)


@dataclass(frozen=True, slots=True)
class Refund:
    kind: TenderKind
    amount: int
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class ReturnDocument:
    return_uuid: str
    receipt_no: str  # "" = assigned by the journal
    till_id: str
    staff_id: str
    member_no: int | None
    currency: str
    created_at: str
    tax_total: int
    total: int  # total refunded, positive
    lines: tuple[ReturnLine, ...]
    refunds: tuple[Refund, ...] = ()
    original_sale_uuid: str | None = None
    original_order_no: str | None = None
    reason: str = ""
    approved_by: str | None = None
    store_id: str = ""  # where the goods came back
    verified: bool = True  # False: made offline without the backend's check (a manager approved it)
    points_taken_back: int = 0  # of the points the returned lines earned
    points_given_back: int = 0  # of the points redeemed on the original

    def check(self) -> None:
        if not self.lines:
            raise DocumentError("a return needs at least one line")
        for ln in self.lines:
            if ln.measure is not None and (not isinstance(ln.measure, Measure) or ln.quantity != 1):
                raise DocumentError(f"line {ln.line_no}: a weighed line is returned whole, as 1 item")
        if sum(ln.refund_amount for ln in self.lines) != self.total:
            raise DocumentError("the lines' refunds do not add up to the total")
        if self.refunds and sum(r.amount for r in self.refunds) != self.total:
            raise DocumentError("the refunds do not add up to the total")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for raw, ln in zip(d["lines"], self.lines, strict=True):
            raw["measure"] = None if ln.measure is None else ln.measure.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ReturnDocument:
        d = dict(d)
        d["lines"] = tuple(ReturnLine(**_with_measure(x)) for x in d.get("lines", ()))
        d["refunds"] = tuple(Refund(**x) for x in d.get("refunds", ()))
        return cls(**d)


@dataclass(frozen=True, slots=True)
class TillClosure:
    session_id: str
    till_id: str
    closed_by: str
    closed_at: str
    currency: str
    expected_cash: int
    counted_cash: int
    difference: int  # counted - expected
    reason: str = ""
    approved_by: str | None = None
    report: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
