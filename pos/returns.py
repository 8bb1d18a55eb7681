"""Taking goods back: what a return refunds, to which of the original's tenders, and what it does to
points. Pure (no I/O): the returns workflow (`app.returns`) asks the backend and the card reader.

Every amount is cumulative, so a sale or order returned in any number of parts refunds exactly what was
paid, to the minor unit, and never more:

- a line's refund and tax are its share of what the line paid (`pos.cart.compute_refund`: differences
  of a cumulative split over its units);
- a return's refund is split over the original's tenders in proportion to what each paid, by a
  house-monotone apportionment (D'Hondt, `apportion`): the split of everything refunded so far only
  grows, so each return's part for a tender (the difference) is never negative, and everything
  returned gives each tender back exactly what it paid;
- points: the points the original earned are taken back, and the points it redeemed given back, in
  proportion to what the returned lines paid (`reverse_points`), again as differences of cumulative
  shares, so a whole return reverses exactly what the original earned and redeemed.

`refunded_before` and each line's `returned_qty` come from the backend (authoritative across tills and
stores) or, offline, from this till's journal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from pos.cart import LineTotal, compute_refund
from pos.errors import N_, DomainError
from pos.measure import Measure
from pos.money import Money
from pos.tax import RoundingMethod, TaxRate, TaxRounding

OriginalKind = Literal["order", "sale", "none"]

# How the money goes back. "original": each part to the tender it came from (a card refund on its
# PaymentIntent, cash from the drawer, points back to the member); "store_credit": a new credit code.
REFUND_TO = ("original", "store_credit")
# Original tenders a refund can go back to as they are; anything else (a gift card, a voucher, a store
# credit that paid the original) comes back as a new store credit.
BACK_TO_ITSELF = ("card", "cash", "points")


class ReturnError(DomainError):
    """A return that cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class OriginalLine:
    line_no: int
    sku: str
    name: str
    qty: int
    unit_price: int
    paid_amount: int  # what the customer paid for the whole line: the most its returns refund
    tax_code: str
    tax_amount: int | None = None  # the tax in paid_amount; None: unknown (worked out from the rate)
    returned_qty: int = 0  # returned before (claims of other tills included)
    refunded_amount: int = 0  # refunded before
    measure: Measure | None = None  # a weighed line (one item): what it weighed; it comes back whole

    @property
    def returnable(self) -> int:
        return max(self.qty - self.returned_qty, 0)


@dataclass(frozen=True)
class PaidTender:
    kind: str  # card | cash | points | gift_card | store_credit | voucher
    amount: int
    reference: str | None = None  # a card's PaymentIntent, a credit's code


@dataclass(frozen=True)
class Original:
    """What is being returned: an online order, an in-store sale (any till), or nothing (no receipt)."""

    kind: OriginalKind
    ref: str  # order number or sale UUID ("" without a receipt)
    label: str  # what staff read: the order or receipt number
    currency: str
    placed_at: str
    lines: tuple[OriginalLine, ...]
    tenders: tuple[PaidTender, ...] = ()
    member_no: int | None = None
    points_earned: int = 0
    points_redeemed: int = 0
    customer: str = ""
    status: str = ""
    verified: bool = True  # the backend's figures (False: only this till's journal knew it)
    till_id: str | None = None

    @property
    def total_paid(self) -> int:
        return sum(ln.paid_amount for ln in self.lines)

    @property
    def refunded_before(self) -> int:
        return sum(ln.refunded_amount for ln in self.lines)

    @property
    def returnable_units(self) -> int:
        return sum(ln.returnable for ln in self.lines)

    def line(self, line_no: int) -> OriginalLine:
        for ln in self.lines:
            if ln.line_no == line_no:
                return ln
        raise ReturnError(N_("Line {line_no} is not on {document}."), line_no=line_no, document=self.label)


@dataclass(frozen=True)
class Pick:
    """A line taken back: how many units, why, and whether it can be sold again."""

    line_no: int
    qty: int
    reason: str = ""
    restock: bool = True  # resell (into this store's stock) or damaged


@dataclass(frozen=True)
class PlannedLine:
    line_no: int
    sku: str
    name: str
    qty: int
    refund: int
    tax: int
    tax_code: str
    reason: str
    restock: bool
    measure: Measure | None = None


@dataclass(frozen=True)
class RefundPart:
    """Part of a return's money and where it goes: `kind` as the original tender was paid (card, cash,
    points...) and `reference` the tender it goes back to (the card's PaymentIntent)."""

    kind: str
    amount: int
    reference: str | None = None


@dataclass(frozen=True)
class ReturnPlan:
    original: Original
    lines: tuple[PlannedLine, ...]
    total: int  # refunded, of which `tax`
    tax: int
    parts: tuple[RefundPart, ...]  # `total` split over the original's tenders
    points_taken_back: int
    points_given_back: int

    @property
    def units(self) -> int:
        return sum(ln.qty for ln in self.lines)


# --------------------------------------------------------------------------------- the arithmetic
def apportion(weights: Sequence[int], house: int) -> list[int]:
    """`house` units shared in proportion to `weights` by D'Hondt's method (ties go to the earlier).

    House-monotone: a larger house never gives anyone less, so the difference between the shares of
    two houses is never negative; the shares add up to `house`, none exceeds its weight, and the whole
    (house = sum of weights) gives each its weight. Computed from the lower quotas (D'Hondt never gives
    less than them), then the few remaining units one by one to the largest next quotient."""
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    total = sum(weights)
    if not 0 <= house <= total:
        raise ValueError(f"cannot share {house} over weights adding up to {total}")
    shares = [w * house // total for w in weights] if total else [0] * len(weights)
    for _ in range(house - sum(shares)):
        best = -1
        for i, w in enumerate(weights):
            if shares[i] < w and (best < 0 or w * (shares[best] + 1) > weights[best] * (shares[i] + 1)):
                best = i
        shares[best] += 1
    return shares


def cumulative_share(amount: int, part: int, whole: int) -> int:
    """floor(amount * part / whole): the share of `amount` that `part` of `whole` carries."""
    return amount * part // whole if whole else 0


def reverse_points(
    earned: int, redeemed: int, paid_total: int, refunded_before: int, refunding: int
) -> tuple[int, int]:
    """(points taken back, points given back) for refunding `refunding` of what an original paid
    (`paid_total`), after `refunded_before` was refunded already: the points the original earned and
    redeemed, each in proportion to what the returned lines paid. Cumulative, so the returns of a
    whole sale reverse exactly what it earned and redeemed. The one rule for every return (issue 15's
    loyalty programme calls it too)."""
    after = min(refunded_before + refunding, paid_total)
    before = min(refunded_before, paid_total)
    take = cumulative_share(earned, after, paid_total) - cumulative_share(earned, before, paid_total)
    give = cumulative_share(redeemed, after, paid_total) - cumulative_share(redeemed, before, paid_total)
    return take, give


def split_refund(
    tenders: Sequence[PaidTender], refunded_before: int, amount: int
) -> tuple[tuple[RefundPart, ...], int]:
    """`amount` split over the tenders in proportion to what each paid (cumulative: see `apportion`).
    Returns the parts and what is left over when the tenders paid less than is being refunded (an
    original whose tenders are unknown): the caller refunds that rest otherwise (store credit)."""
    paying = [t for t in tenders if t.amount > 0]
    weights = [t.amount for t in paying]
    paid = sum(weights)
    before = min(refunded_before, paid)
    after = min(refunded_before + amount, paid)
    first, second = apportion(weights, before), apportion(weights, after)
    parts = tuple(
        RefundPart(t.kind, b - a, t.reference) for t, a, b in zip(paying, first, second, strict=True) if b > a
    )
    return parts, amount - (after - before)


def _rate(rates: Mapping[str, TaxRate], code: str) -> TaxRate:
    rate = rates.get(code)
    if rate is None:
        raise ReturnError(
            N_(
                "The tax code {code!r} of this purchase is not in this store's tax table: "
                "it cannot be refunded here. Call a manager."
            ),
            code=code,
        )
    return rate


def _sold_line(line: OriginalLine, currency: str, rate: TaxRate, method: RoundingMethod) -> LineTotal:
    """The original line as `compute_refund` reads it (only paid, tax, units and rate matter)."""
    paid = Money(line.paid_amount, currency)
    tax = line.tax_amount if line.tax_amount is not None else rate.tax_included(line.paid_amount, method)
    zero = Money(0, currency)
    return LineTotal(
        line_id=str(line.line_no),
        sku=line.sku,
        description=line.name,
        quantity=line.qty,
        unit_price=Money(line.unit_price, currency),
        tax_rate=rate,
        subtotal=paid,
        line_discount=zero,
        order_discount=zero,
        paid=paid,
        tax=Money(min(max(tax, 0), line.paid_amount), currency),
        measure=line.measure,
    )


def plan_return(
    original: Original,
    picks: Iterable[Pick],
    rates: Mapping[str, TaxRate],
    *,
    tax_rounding: TaxRounding = TaxRounding.PER_LINE,
    method: RoundingMethod = RoundingMethod.HALF_UP,
) -> ReturnPlan:
    """What taking back `picks` of `original` refunds, line by line, split over the original's tenders,
    with the points it reverses. The tax follows the store's rounding level (docs/tax.md: per line, each
    line's share of its tax; once per rate per document, the tax in what the return refunds). Raises
    ReturnError for a line not on the original or more units than are still returnable; a weighed line
    comes back whole (pos.cart.compute_refund refuses part of one)."""
    chosen: dict[int, Pick] = {}
    for p in picks:
        if p.qty < 0:
            raise ReturnError(N_("A quantity to return cannot be negative."))
        if p.qty:
            line = original.line(p.line_no)
            if p.line_no in chosen:
                raise ReturnError(N_("Line {line_no} is picked twice."), line_no=p.line_no)
            if p.qty > line.returnable:
                raise ReturnError(
                    N_("Only {left} of {quantity} × {item} can still be returned (asked for {asked})."),
                    left=line.returnable,
                    quantity=line.qty,
                    item=line.name or line.sku,
                    asked=p.qty,
                )
            chosen[p.line_no] = p
    if not chosen:
        raise ReturnError(N_("Pick at least one item to take back."))
    sold = [_sold_line(ln, original.currency, _rate(rates, ln.tax_code), method) for ln in original.lines]
    by_no = {ln.line_no: ln for ln in original.lines}
    refund = compute_refund(
        sold,
        {str(no): p.qty for no, p in sorted(chosen.items())},
        {str(no): by_no[no].returned_qty for no in chosen},
        tax_rounding=tax_rounding,
        method=method,
    )
    lines = tuple(
        PlannedLine(
            line_no=int(r.line_id),
            sku=r.sku,
            name=by_no[int(r.line_id)].name,
            qty=r.quantity,
            refund=r.amount.minor,
            tax=r.tax.minor,
            tax_code=r.tax_rate.code,
            reason=chosen[int(r.line_id)].reason,
            restock=chosen[int(r.line_id)].restock,
            measure=by_no[int(r.line_id)].measure,
        )
        for r in refund.lines
    )
    total = refund.total.minor
    before = original.refunded_before
    parts, rest = split_refund(original.tenders, before, total)
    if rest:
        parts = (*parts, RefundPart("store_credit", rest))
    earned, redeemed = original.points_earned, original.points_redeemed
    taken, _ = reverse_points(earned, 0, original.total_paid, before, total)
    points_tender = next((t for t in original.tenders if t.kind == "points" and t.amount > 0), None)
    if points_tender is None:
        _, given = reverse_points(0, redeemed, original.total_paid, before, total)
    else:  # points paid a tender: they come back with that tender's part
        back = sum(p.amount for p in parts if p.kind == "points")
        spent_before = _points_part_before(original.tenders, before)
        given = cumulative_share(redeemed, spent_before + back, points_tender.amount) - cumulative_share(
            redeemed, spent_before, points_tender.amount
        )
    return ReturnPlan(original, lines, total, refund.tax.minor, parts, taken, given)


def _points_part_before(tenders: Sequence[PaidTender], refunded_before: int) -> int:
    paying = [t for t in tenders if t.amount > 0]
    shares = apportion([t.amount for t in paying], min(refunded_before, sum(t.amount for t in paying)))
    return sum(s for t, s in zip(paying, shares, strict=True) if t.kind == "points")


def refunds_for(plan: ReturnPlan, to: str) -> tuple[RefundPart, ...]:
    """Where the plan's money goes: `to` "original" (each part back to its tender; what cannot go back
    to itself becomes store credit) or "store_credit" (all of it, except the points part: points go
    back as points)."""
    if to not in REFUND_TO:
        raise ReturnError(N_("Refund to {to!r}? Choose the original payment or store credit."), to=to)
    merged: dict[tuple[str, str | None], int] = {}
    for part in plan.parts:
        if to == "original" and part.kind in BACK_TO_ITSELF and (part.kind != "card" or part.reference):
            key = (part.kind, part.reference)
        elif part.kind == "points":
            key = ("points", part.reference)
        else:
            key = ("store_credit", None)
        merged[key] = merged.get(key, 0) + part.amount
    return tuple(RefundPart(kind, amount, ref) for (kind, ref), amount in merged.items() if amount)


def no_receipt_original(currency: str, lines: Iterable[OriginalLine], placed_at: str) -> Original:
    """A return without a receipt: the items priced as the store sells them today (the caller works the
    lines out as a sale would); nothing to cap against, so the caller asks a manager and a limit."""
    numbered = tuple(lines)
    if not numbered:
        raise ReturnError(N_("Scan the items the customer brings back."))
    if len({ln.line_no for ln in numbered}) != len(numbered):
        raise ReturnError(N_("Two items of the return share a line number."))
    return Original("none", "", "", currency, placed_at, numbered, verified=False)


__all__ = [
    "BACK_TO_ITSELF",
    "REFUND_TO",
    "Original",
    "OriginalLine",
    "PaidTender",
    "Pick",
    "PlannedLine",
    "RefundPart",
    "ReturnError",
    "ReturnPlan",
    "apportion",
    "cumulative_share",
    "no_receipt_original",
    "plan_return",
    "refunds_for",
    "reverse_points",
    "split_refund",
]
