"""Coupons and promotions as they apply to a cart: which lines each one takes off, and how much. Pure.

An `Offer` is a named rule: a member's coupon (percent or amount off the whole sale; used once, the
backend's ledger decides) or a store promotion (percent off, or an amount off each unit, of some SKUs;
members-only ones need a member on the sale). The checkout decides which offers are on the sale (the
member's, the store's in force, minus those the cashier took off); the cart applies them with
`apply_offers` after each line's own discount and before the order discount, so every offer is spread
over the lines it concerns and a return refunds exactly what its line cost:

- promotions first, line by line: a percent of the line (rounded half up), or the amount per unit (at
  most the line);
- then coupons, on what is left of the whole sale: a percent (rounded half up) or an amount (at most
  what is left), spread over the lines by their amounts (largest remainder), as an order discount is.

An offer that concerns no line of the cart, or takes nothing off, is not applied (it is not on the
receipt). A promotion of a kind the till cannot apply (buy X get Y) is refused by `from_promotion`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from pos.errors import N_, InvalidDataError
from pos.money import allocate_minor
from pos.tax import RoundingMethod, round_div

OfferKind = Literal["coupon", "promotion"]


@dataclass(frozen=True)
class Offer:
    """One coupon or promotion. ``code`` is unique on a sale (a coupon code, a promotion id);
    ``percent_bp`` (basis points: 1000 = 10 %) or ``amount`` (minor units) says how much;
    ``skus`` None means every line."""

    code: str
    kind: OfferKind
    name: str
    percent_bp: int | None = None
    amount: int | None = None
    skus: frozenset[str] | None = None
    members_only: bool = False
    starts_at: str | None = None
    ends_at: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in ("coupon", "promotion"):
            raise InvalidDataError(N_("An offer is a coupon or a promotion, not {kind!r}."), kind=self.kind)
        if not isinstance(self.code, str) or not self.code:
            raise InvalidDataError("An offer needs a code.")
        if (self.percent_bp is None) == (self.amount is None):
            raise InvalidDataError(
                N_("Offer {code} needs a percent or an amount, not both or neither."), code=self.code
            )
        value = self.percent_bp if self.amount is None else self.amount
        if type(value) is not int or value < 0 or (self.percent_bp is not None and value > 10_000):
            raise InvalidDataError(
                N_("Offer {code} has an impossible value {value!r}."), code=self.code, value=value
            )
        if self.skus is not None:
            object.__setattr__(self, "skus", frozenset(self.skus))

    def in_force(self, when: datetime) -> bool:
        """Whether the offer may be used at ``when`` (its start and end, where it has them)."""
        starts, ends = _instant(self.starts_at), _instant(self.ends_at)
        return (starts is None or starts <= when) and (ends is None or when < ends)

    def concerns(self, sku: str) -> bool:
        return self.skus is None or sku in self.skus

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind,
            "name": self.name,
            "percent_bp": self.percent_bp,
            "amount": self.amount,
            "skus": None if self.skus is None else sorted(self.skus),
            "members_only": self.members_only,
            "starts_at": self.starts_at,
            "ends_at": self.ends_at,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Offer:
        try:
            skus = d.get("skus")
            return cls(
                code=d["code"],
                kind=d["kind"],
                name=str(d["name"]),
                percent_bp=d.get("percent_bp"),
                amount=d.get("amount"),
                skus=None if skus is None else frozenset(str(s) for s in skus),
                members_only=bool(d.get("members_only", False)),
                starts_at=d.get("starts_at"),
                ends_at=d.get("ends_at"),
            )
        except (KeyError, TypeError, AttributeError) as e:
            raise InvalidDataError(N_("A saved offer could not be read ({error})."), error=repr(e)) from None


def _instant(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidDataError(N_("{text!r} is not a date and time."), text=text) from None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def from_coupon(
    code: str, title: str, *, percent_off_bp: int | None, amount_off: int | None, expires_at: str
) -> Offer:
    """A member's coupon (the profile's `Coupon`) as an offer on the whole sale."""
    return Offer(code, "coupon", title, percent_bp=percent_off_bp, amount=amount_off, ends_at=expires_at)


def from_promotion(p: Mapping[str, Any]) -> Offer | None:
    """A store promotion (the contract's `Promotion`) as an offer, or None for a kind the till cannot
    apply (buy X get Y needs quantities the contract does not give)."""
    kind = p.get("kind")
    if kind not in ("percent_off", "amount_off"):
        return None
    value = p["value"]
    return Offer(
        code=str(p["promo_id"]),
        kind="promotion",
        name=str(p["title"]),
        percent_bp=value if kind == "percent_off" else None,
        amount=value if kind == "amount_off" else None,
        skus=frozenset(p.get("skus") or ()),
        members_only=bool(p.get("members_only", False)),
        starts_at=p.get("starts_at"),
        ends_at=p.get("ends_at"),
    )


@dataclass(frozen=True)
class AppliedOffer:
    """An offer as applied to a cart: ``amount`` off in all, ``lines`` = (line index, amount) it took
    off each line it concerns (amounts > 0 only)."""

    offer: Offer
    amount: int
    lines: tuple[tuple[int, int], ...]


def apply_offers(
    offers: Sequence[Offer], skus: Sequence[str], quantities: Sequence[int], amounts: Sequence[int]
) -> tuple[list[int], tuple[AppliedOffer, ...]]:
    """Apply ``offers`` to lines (their SKUs, quantities and amounts after each line's own discount):
    the amount each line loses to offers, and the offers that took something off, in the order they
    applied (promotions before coupons, each in the given order)."""
    left = list(amounts)
    off = [0] * len(left)
    applied: list[AppliedOffer] = []
    for offer in sorted(offers, key=lambda o: o.kind != "promotion"):
        idx = [i for i, sku in enumerate(skus) if offer.concerns(sku) and left[i] > 0]
        if not idx:
            continue
        if offer.kind == "promotion":
            if offer.percent_bp is not None:
                cuts = [round_div(left[i] * offer.percent_bp, 10_000, RoundingMethod.HALF_UP) for i in idx]
            else:
                cuts = [min(left[i], offer.amount * quantities[i]) for i in idx]  # type: ignore[operator]
        else:
            base = sum(left[i] for i in idx)
            if offer.percent_bp is not None:
                total = round_div(base * offer.percent_bp, 10_000, RoundingMethod.HALF_UP)
            else:
                total = min(base, offer.amount)  # type: ignore[type-var]
            cuts = allocate_minor(total, [left[i] for i in idx])
        taken = tuple((i, c) for i, c in zip(idx, cuts, strict=True) if c > 0)
        if not taken:
            continue
        for i, c in taken:
            left[i] -= c
            off[i] += c
        applied.append(AppliedOffer(offer, sum(c for _, c in taken), taken))
    return off, tuple(applied)


__all__ = ["AppliedOffer", "Offer", "OfferKind", "apply_offers", "from_coupon", "from_promotion"]
