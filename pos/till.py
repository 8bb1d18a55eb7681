"""The till's cash: denominations, counts, the cash equation, X and Z report figures, over/short, and the
card reconciliation against the payment processor. Pure Python; amounts in integer minor units.

The cash equation (what the drawer must hold):

    expected = float + cash tendered - change given - cash refunds + paid in - paid out - drops

where "cash tendered" is what customers handed over (the sale's cash part, its cash rounding and the change
they got back), so a 60.00 sale paid with 100.00 adds 100.00 and takes 40.00 out again: +60.00, never +100.00.
The X report (any time) and the Z report (at the close) are the same function of the same figures, so an X
taken just before the close equals the Z.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from pos.errors import N_, DomainError
from pos.money import exponent

# Notes and coins in circulation, largest first, in minor units. A currency missing here gets the usual
# 1-2-5 series of its exponent (`denominations`).
DENOMINATIONS: dict[str, tuple[int, ...]] = {
    "EUR": (20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1),
    "USD": (10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1),
    "CAD": (10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5),
    "GBP": (5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1),
    "CHF": (100000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5),
    "SEK": (100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100),
    "JPY": (10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 1),
    "KWD": (20000, 10000, 5000, 1000, 500, 250, 100, 50, 20, 10, 5),
}


def denominations(currency: str) -> tuple[int, ...]:
    """The notes and coins of `currency`, largest first (minor units)."""
    known = DENOMINATIONS.get(currency)
    if known is not None:
        return known
    unit = 10 ** exponent(currency)
    steps = (10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1)  # hundredths of a major unit
    return tuple(sorted({s * unit // 100 for s in steps if s * unit % 100 == 0}, reverse=True))


class CountError(DomainError, ValueError):
    """A cash count that cannot be right (an unknown note, a negative number of coins)."""


@dataclass(frozen=True)
class CashCount:
    """Notes and coins counted in a drawer: denomination (minor units) -> how many."""

    currency: str
    pieces: Mapping[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        allowed = set(denominations(self.currency))
        clean: dict[int, int] = {}
        for value, n in dict(self.pieces).items():
            value, n = int(value), int(n)
            if value not in allowed:
                raise CountError(
                    N_("{value} is not a note or coin of {currency}."), value=value, currency=self.currency
                )
            if n < 0:
                raise CountError(N_("A count cannot be negative."))
            if n:
                clean[value] = n
        object.__setattr__(self, "pieces", dict(sorted(clean.items(), reverse=True)))

    @property
    def total(self) -> int:
        return sum(value * n for value, n in self.pieces.items())

    def to_json(self) -> dict[str, int]:
        return {str(value): n for value, n in self.pieces.items()}

    @classmethod
    def from_json(cls, currency: str, data: Mapping[str, int]) -> CashCount:
        return cls(currency, {int(k): int(v) for k, v in data.items()})

    @classmethod
    def of_amount(cls, currency: str, amount: int) -> CashCount:
        """`amount` in the fewest pieces (the demo's float, a suggested count); the rest, if no coin
        reaches it, is left out."""
        pieces: dict[int, int] = {}
        rest = amount
        for value in denominations(currency):
            pieces[value], rest = divmod(rest, value)
        return cls(currency, pieces)

    @classmethod
    def float_of(cls, currency: str, amount: int) -> CashCount:
        """`amount` as a float to give change from: notes up to 20 units and coins, half of what is left
        going to each denomination in turn (the rest of `of_amount`'s fewest pieces)."""
        unit = 10 ** exponent(currency)
        values = [v for v in denominations(currency) if v <= 20 * unit] or [denominations(currency)[-1]]
        pieces: dict[int, int] = {}
        rest = amount
        for value in values:
            pieces[value] = (rest // 2) // value
            rest -= pieces[value] * value
        for value in values:
            more, rest = divmod(rest, value)
            pieces[value] += more
        return cls(currency, pieces)


# ------------------------------------------------------------------------------------ the figures


@dataclass(frozen=True)
class RateFigure:
    label: str  # "VAT 23%"
    rate: str  # percent, exact decimal text ("8.875"), as the journal keeps it
    taxable: int
    tax: int


@dataclass(frozen=True)
class ProductFigure:
    sku: str
    description: str
    quantity: int
    amount: int


@dataclass(frozen=True)
class SessionFigures:
    """Everything the journal holds of one till session: the single input of the X and Z reports."""

    currency: str
    opening_float: int
    sales_count: int = 0
    sales_total: int = 0  # what customers paid for goods (tax included where prices include it)
    discount_total: int = 0
    tax_total: int = 0
    tenders: Mapping[str, int] = field(default_factory=dict)  # kind -> amount applied to sales
    cash_tendered: int = 0  # handed over in cash: applied + rounding + change
    change_given: int = 0
    cash_rounding: int = 0
    returns_count: int = 0
    returns_total: int = 0
    refunds: Mapping[str, int] = field(default_factory=dict)  # kind -> refunded
    movements: Mapping[str, int] = field(default_factory=dict)  # paid_in, paid_out, drop -> amount
    no_sales: int = 0
    voids: int = 0
    voided_total: int = 0
    rates: tuple[RateFigure, ...] = ()
    top_products: tuple[ProductFigure, ...] = ()
    by_hour: tuple[tuple[int, int, int], ...] = ()  # (hour 0-23, sales, amount)


def expected_cash(f: SessionFigures) -> int:
    """The cash equation."""
    return (
        f.opening_float
        + f.cash_tendered
        - f.change_given
        - f.refunds.get("cash", 0)
        + f.movements.get("paid_in", 0)
        - f.movements.get("paid_out", 0)
        - f.movements.get("drop", 0)
    )


@dataclass(frozen=True)
class TillReport:
    """An X report (the session so far) or a Z report (at its close): figures a person reads."""

    currency: str
    opening_float: int
    sales_count: int
    gross_sales: int
    returns_count: int
    returns_total: int
    net_sales: int
    discounts: int
    points_redeemed: int
    voids: int
    voided_total: int
    no_sales: int
    tenders: tuple[tuple[str, int], ...]  # (kind, amount) sales minus refunds per tender
    rates: tuple[RateFigure, ...]
    cash_tendered: int
    change_given: int
    cash_refunds: int
    paid_in: int
    paid_out: int
    drops: int
    expected_cash: int
    top_products: tuple[ProductFigure, ...]
    by_hour: tuple[tuple[int, int, int], ...]

    def to_json(self) -> dict:
        return {
            "currency": self.currency,
            "opening_float": self.opening_float,
            "sales_count": self.sales_count,
            "gross_sales": self.gross_sales,
            "returns_count": self.returns_count,
            "returns_total": self.returns_total,
            "net_sales": self.net_sales,
            "discounts": self.discounts,
            "points_redeemed": self.points_redeemed,
            "voids": self.voids,
            "voided_total": self.voided_total,
            "no_sales": self.no_sales,
            "tenders": dict(self.tenders),
            "tax": [
                {"label": r.label, "rate": r.rate, "taxable": r.taxable, "tax": r.tax} for r in self.rates
            ],
            "cash_tendered": self.cash_tendered,
            "change_given": self.change_given,
            "cash_refunds": self.cash_refunds,
            "paid_in": self.paid_in,
            "paid_out": self.paid_out,
            "drops": self.drops,
            "expected_cash": self.expected_cash,
            "top_products": [
                {"sku": p.sku, "description": p.description, "quantity": p.quantity, "amount": p.amount}
                for p in self.top_products
            ],
            "sales_by_hour": [{"hour": h, "sales": n, "amount": a} for h, n, a in self.by_hour],
        }

    @classmethod
    def from_json(cls, d: Mapping) -> TillReport:
        return cls(
            currency=d["currency"],
            opening_float=d["opening_float"],
            sales_count=d["sales_count"],
            gross_sales=d["gross_sales"],
            returns_count=d["returns_count"],
            returns_total=d["returns_total"],
            net_sales=d["net_sales"],
            discounts=d["discounts"],
            points_redeemed=d["points_redeemed"],
            voids=d["voids"],
            voided_total=d["voided_total"],
            no_sales=d["no_sales"],
            tenders=tuple((k, v) for k, v in d["tenders"].items()),
            rates=tuple(RateFigure(r["label"], r["rate"], r["taxable"], r["tax"]) for r in d["tax"]),
            cash_tendered=d["cash_tendered"],
            change_given=d["change_given"],
            cash_refunds=d["cash_refunds"],
            paid_in=d["paid_in"],
            paid_out=d["paid_out"],
            drops=d["drops"],
            expected_cash=d["expected_cash"],
            top_products=tuple(
                ProductFigure(p["sku"], p["description"], p["quantity"], p["amount"])
                for p in d["top_products"]
            ),
            by_hour=tuple((h["hour"], h["sales"], h["amount"]) for h in d["sales_by_hour"]),
        )


TENDER_ORDER = ("cash", "card", "points", "gift_card", "store_credit")


def build_report(f: SessionFigures) -> TillReport:
    """The X report now, or the Z report at the close: one function of one set of figures."""
    rank = {k: i for i, k in enumerate(TENDER_ORDER)}
    kinds = sorted(set(f.tenders) | set(f.refunds), key=lambda k: (rank.get(k, len(rank)), k))
    return TillReport(
        currency=f.currency,
        opening_float=f.opening_float,
        sales_count=f.sales_count,
        gross_sales=f.sales_total,
        returns_count=f.returns_count,
        returns_total=f.returns_total,
        net_sales=f.sales_total - f.returns_total,
        discounts=f.discount_total,
        points_redeemed=f.tenders.get("points", 0),
        voids=f.voids,
        voided_total=f.voided_total,
        no_sales=f.no_sales,
        tenders=tuple((k, f.tenders.get(k, 0) - f.refunds.get(k, 0)) for k in kinds),
        rates=tuple(sorted(f.rates, key=lambda r: (-Decimal(r.rate), r.label))),
        cash_tendered=f.cash_tendered,
        change_given=f.change_given,
        cash_refunds=f.refunds.get("cash", 0),
        paid_in=f.movements.get("paid_in", 0),
        paid_out=f.movements.get("paid_out", 0),
        drops=f.movements.get("drop", 0),
        expected_cash=expected_cash(f),
        top_products=f.top_products,
        by_hour=tuple(sorted(f.by_hour)),
    )


# ------------------------------------------------------------------------------------ the close


@dataclass(frozen=True)
class CloseOut:
    """A blind count held against the expected cash."""

    expected: int
    counted: int
    threshold: int  # a difference above this (either way) needs a manager's approval

    @property
    def difference(self) -> int:
        """Counted minus expected: positive is over, negative is short."""
        return self.counted - self.expected

    @property
    def needs_reason(self) -> bool:
        return self.difference != 0

    @property
    def needs_approval(self) -> bool:
        return abs(self.difference) > self.threshold


# ------------------------------------------------------------------------------------ cards


@dataclass(frozen=True)
class LocalCard:
    """A card tender of the session in the journal: the PaymentIntent it was paid with."""

    payment_intent: str
    amount: int


@dataclass(frozen=True)
class ProcessorPayment:
    """A PaymentIntent as the payment processor reports it."""

    payment_intent: str
    status: str  # succeeded | requires_capture | canceled | ...
    amount_received: int
    amount_refunded: int
    brand: str


@dataclass(frozen=True)
class CardProblem:
    kind: str  # not_captured | not_in_journal | amount_mismatch | uncaptured | unresolved
    payment_intent: str
    journal_amount: int | None
    processor_amount: int | None


@dataclass(frozen=True)
class CardReconciliation:
    by_brand: tuple[tuple[str, int, int, int], ...]  # (brand, payments, captured, refunded)
    journal_total: int
    processor_total: int
    problems: tuple[CardProblem, ...]

    @property
    def blocks_close(self) -> bool:
        """An attempt nobody knows the outcome of, or an authorisation still on a customer's card."""
        return any(p.kind in ("unresolved", "uncaptured") for p in self.problems)


def reconcile_cards(
    journal: Iterable[LocalCard],
    processor: Iterable[ProcessorPayment],
    unresolved: Iterable[str] = (),
) -> CardReconciliation:
    """The session's card tenders against the processor's PaymentIntents of this till in its window.

    `processor` holds only PaymentIntents of this till's attempts; `unresolved` the PaymentIntents (or
    attempt ids) of attempts whose outcome the payment journal does not know yet."""
    mine: dict[str, int] = {}
    for c in journal:
        mine[c.payment_intent] = mine.get(c.payment_intent, 0) + c.amount
    theirs = {p.payment_intent: p for p in processor}
    problems: list[CardProblem] = [CardProblem("unresolved", ref, None, None) for ref in unresolved]
    brands: dict[str, list[int]] = {}
    for pi, p in sorted(theirs.items()):
        if p.status == "requires_capture":
            problems.append(CardProblem("uncaptured", pi, mine.get(pi), p.amount_received))
            continue
        if p.status != "succeeded":
            continue
        b = brands.setdefault(p.brand or "card", [0, 0, 0])
        b[0] += 1
        b[1] += p.amount_received
        b[2] += p.amount_refunded
        if pi not in mine:
            problems.append(CardProblem("not_in_journal", pi, None, p.amount_received))
        elif mine[pi] != p.amount_received:
            problems.append(CardProblem("amount_mismatch", pi, mine[pi], p.amount_received))
    for pi, amount in sorted(mine.items()):
        seen = theirs.get(pi)
        if seen is None or seen.status not in ("succeeded", "requires_capture"):
            problems.append(CardProblem("not_captured", pi, amount, None))
    return CardReconciliation(
        by_brand=tuple((b, n, cap, ref) for b, (n, cap, ref) in sorted(brands.items())),
        journal_total=sum(mine.values()),
        processor_total=sum(v[1] for v in brands.values()),
        problems=tuple(problems),
    )


__all__ = [
    "DENOMINATIONS",
    "CardProblem",
    "CardReconciliation",
    "CashCount",
    "CloseOut",
    "CountError",
    "LocalCard",
    "ProcessorPayment",
    "ProductFigure",
    "RateFigure",
    "SessionFigures",
    "TillReport",
    "build_report",
    "denominations",
    "expected_cash",
    "reconcile_cards",
]
