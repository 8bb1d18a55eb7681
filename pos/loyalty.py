"""The loyalty programme's rules: what a sale earns, what points are worth as a tender, what a visit earns.

Pure and exact (integers and fractions, never floats). The till and the backend import the same rules:
the till computes a sale's points for the screen and the receipt (marked provisional), the backend
computes them again from the sale event's paid amounts and credits its ledger once per event; a till's
figure is never what is credited.

Earning (`Programme.earn_for_sale`):

1. each line's money: what was paid for it (``paid_amount``, after every discount, coupon and promotion)
   minus its share of the points tender (points are spread over the lines by their paid amounts, largest
   remainder, like an order discount), so points are never earned on points;
2. lines of an excluded category earn nothing (the demo excludes fixed-price books);
3. a line earns ``money / 10**exponent * points_per_unit * tier multiplier * promotion multiplier``
   (the highest multiplier of the points promotions in force for it; promotions do not stack);
4. the sale earns the floor of the sum; that whole number is spread back over the lines by their exact
   shares (largest remainder), so a return takes back exactly what its units earned
   (`share_of_units`), and the returns of a sale add up to what it earned.

Redeeming: points pay in whole steps (``redeem_points`` points pay ``redeem_units`` currency units:
100 points = 1.00 by default). `value_of` and `points_for` convert; `redeemable` says how many points
may pay at most, given a balance and what is due.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from fractions import Fraction
from typing import Any

from pos.errors import N_, DomainError
from pos.money import allocate_minor, exponent

TIERS = ("basic", "silver", "gold", "platinum")


class LoyaltyError(DomainError):
    """A loyalty rule cannot be applied as asked (the message says why)."""


def _when(value: datetime | str) -> datetime:
    """A timezone-aware instant from a datetime or an RFC 3339 text (naive means UTC)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise LoyaltyError(N_("{value!r} is not a date and time."), value=value) from None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _fraction(value: object, what: str) -> Fraction:
    if isinstance(value, bool | float) or not isinstance(value, int | str | Fraction):
        raise LoyaltyError(
            N_("{what} must be exact (a whole number or a text like '1.5'), not {value!r}."),
            what=what,
            value=value,
        )
    try:
        f = Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise LoyaltyError(N_("{what} {value!r} is not a number."), what=what, value=value) from None
    if f < 0:
        raise LoyaltyError(N_("{what} cannot be negative ({value})."), what=what, value=value)
    return f


def _text(f: Fraction) -> str:
    return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"


@dataclass(frozen=True)
class PointsPromotion:
    """More points for some lines for a while ("double points on drinks in December").

    It applies to a line whose category is in ``categories`` or whose SKU is in ``skus``; with both
    empty, to every line that earns. ``multiplier`` 2 is double points."""

    promo_id: str
    name: str
    multiplier: Fraction
    starts_at: datetime
    ends_at: datetime
    categories: frozenset[str] = frozenset()
    skus: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "multiplier", _fraction(self.multiplier, "A promotion's multiplier"))
        object.__setattr__(self, "starts_at", _when(self.starts_at))
        object.__setattr__(self, "ends_at", _when(self.ends_at))
        object.__setattr__(self, "categories", frozenset(self.categories))
        object.__setattr__(self, "skus", frozenset(self.skus))
        if self.ends_at <= self.starts_at:
            raise LoyaltyError(N_("Points promotion {promo} ends before it starts."), promo=self.promo_id)

    def applies(self, sku: str, category: str, when: datetime) -> bool:
        if not self.starts_at <= when < self.ends_at:
            return False
        if not self.categories and not self.skus:
            return True
        return category in self.categories or sku in self.skus

    def to_dict(self) -> dict[str, Any]:
        return {
            "promo_id": self.promo_id,
            "name": self.name,
            "multiplier": _text(self.multiplier),
            "starts_at": self.starts_at.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "categories": sorted(self.categories),
            "skus": sorted(self.skus),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PointsPromotion:
        return cls(
            str(d["promo_id"]),
            str(d["name"]),
            d["multiplier"],
            d["starts_at"],
            d["ends_at"],
            frozenset(d.get("categories", ())),
            frozenset(d.get("skus", ())),
        )


@dataclass(frozen=True)
class EarnLine:
    """A sold line as the rules see it: ``paid`` is what the customer paid for it (minor units), points
    included (the points share is taken off by `Programme.earn_for_sale`)."""

    sku: str
    category: str
    paid: int


@dataclass(frozen=True)
class Earning:
    """What a sale earns: ``points`` in all and ``per_line`` (same order as the lines; they add up to
    ``points``), and the points promotions that raised it."""

    points: int
    per_line: tuple[int, ...]
    promotions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Programme:
    programme_id: str = "main"
    points_per_unit: Fraction = Fraction(1)
    tier_multipliers: Mapping[str, Fraction] = field(
        default_factory=lambda: dict.fromkeys(TIERS, Fraction(1))
    )
    excluded_categories: frozenset[str] = frozenset()
    promotions: tuple[PointsPromotion, ...] = ()
    redeem_points: int = 100
    redeem_units: Fraction = Fraction(1)
    checkin_points: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "points_per_unit", _fraction(self.points_per_unit, "Points per unit"))
        multipliers = {str(k): _fraction(v, f"The {k} multiplier") for k, v in self.tier_multipliers.items()}
        object.__setattr__(self, "tier_multipliers", multipliers)
        object.__setattr__(self, "excluded_categories", frozenset(self.excluded_categories))
        object.__setattr__(self, "promotions", tuple(self.promotions))
        object.__setattr__(self, "redeem_units", _fraction(self.redeem_units, "The value of a redeem step"))
        for name in ("redeem_points", "checkin_points"):
            value = getattr(self, name)
            if type(value) is not int or value < 0:
                raise LoyaltyError(
                    N_("{name} must be a whole number of points, not {value!r}."), name=name, value=value
                )
        if self.redeem_points == 0 or self.redeem_units == 0:
            raise LoyaltyError(N_("A redeem step needs some points and some value."))

    # ------------------------------------------------------------------ earning
    def multiplier(self, tier: str) -> Fraction:
        """The tier's multiplier; an unknown tier earns as the programme's lowest (basic) does."""
        return self.tier_multipliers.get(tier.lower(), self.tier_multipliers.get("basic", Fraction(1)))

    def earn(self, lines: Sequence[EarnLine], *, tier: str, currency: str, when: datetime | str) -> Earning:
        """What ``lines`` earn, where each line's ``paid`` is money only (no points in it)."""
        unit = 10 ** exponent(currency)
        moment = _when(when)
        base = self.points_per_unit * self.multiplier(tier) / unit
        shares: list[Fraction] = []
        used: list[str] = []
        for line in lines:
            if line.paid < 0:
                raise LoyaltyError(
                    N_("A line of {sku} cannot have been paid {paid}."), sku=line.sku, paid=line.paid
                )
            if line.category in self.excluded_categories:
                shares.append(Fraction(0))
                continue
            best: PointsPromotion | None = None
            for p in self.promotions:
                if p.applies(line.sku, line.category, moment):
                    if best is None or p.multiplier > best.multiplier:
                        best = p
            factor = Fraction(1)
            if best is not None:
                factor = best.multiplier
                if best.name not in used:
                    used.append(best.name)
            shares.append(line.paid * base * factor)
        total = int(sum(shares, Fraction(0)))  # floor: shares are never negative
        per_line = allocate_minor(total, shares) if lines else []
        return Earning(total, tuple(per_line), tuple(used))

    def earn_for_sale(
        self,
        lines: Sequence[EarnLine],
        *,
        points_paid: int,
        tier: str,
        currency: str,
        when: datetime | str,
    ) -> Earning:
        """What a sale earns: ``points_paid`` is the value of its points tender (minor units), spread over
        the lines by what was paid for each; only the money part earns."""
        if points_paid < 0 or points_paid > sum(line.paid for line in lines):
            raise LoyaltyError(
                N_("A points tender of {points_paid} does not fit the sale."), points_paid=points_paid
            )
        shares = points_shares(points_paid, [line.paid for line in lines])
        money = [EarnLine(ln.sku, ln.category, ln.paid - s) for ln, s in zip(lines, shares, strict=True)]
        return self.earn(money, tier=tier, currency=currency, when=when)

    # ------------------------------------------------------------------ redeeming
    def step_value(self, currency: str) -> int:
        """Minor units one redeem step pays."""
        value = self.redeem_units * 10 ** exponent(currency)
        if value.denominator != 1:
            raise LoyaltyError(
                N_("{units} {currency} is not a whole number of minor units."),
                units=_text(self.redeem_units),
                currency=currency,
            )
        return int(value)

    def value_of(self, points: int, currency: str) -> int:
        """What ``points`` pay, in minor units: whole steps only (a remainder of points pays nothing)."""
        if type(points) is not int or points < 0:
            raise LoyaltyError(N_("{points!r} is not a number of points."), points=points)
        return points // self.redeem_points * self.step_value(currency)

    def points_for(self, amount: int, currency: str) -> int:
        """The points that pay exactly ``amount`` minor units (a whole number of steps), else LoyaltyError."""
        step = self.step_value(currency)
        if type(amount) is not int or amount < 0 or amount % step:
            raise LoyaltyError(
                N_("Points pay in steps of {step} minor units of {currency}; {amount!r} is not one."),
                step=step,
                currency=currency,
                amount=amount,
            )
        return amount // step * self.redeem_points

    def redeemable(self, balance: int, due: int, currency: str) -> int:
        """The most points that may pay now: whole steps, within ``balance`` and not above ``due``."""
        if balance <= 0 or due <= 0:
            return 0
        steps = min(balance // self.redeem_points, due // self.step_value(currency))
        return steps * self.redeem_points

    # ------------------------------------------------------------------ configuration
    def to_dict(self) -> dict[str, Any]:
        return {
            "programme_id": self.programme_id,
            "points_per_unit": _text(self.points_per_unit),
            "tier_multipliers": {k: _text(v) for k, v in self.tier_multipliers.items()},
            "excluded_categories": sorted(self.excluded_categories),
            "promotions": [p.to_dict() for p in self.promotions],
            "redeem_points": self.redeem_points,
            "redeem_units": _text(self.redeem_units),
            "checkin_points": self.checkin_points,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Programme:
        """A programme from its JSON form (`to_dict`); a broken one raises LoyaltyError."""
        try:
            return cls(
                programme_id=str(d["programme_id"]),
                points_per_unit=d["points_per_unit"],
                tier_multipliers=dict(d["tier_multipliers"]),
                excluded_categories=frozenset(d.get("excluded_categories", ())),
                promotions=tuple(PointsPromotion.from_dict(p) for p in d.get("promotions", ())),
                redeem_points=d["redeem_points"],
                redeem_units=d["redeem_units"],
                checkin_points=d.get("checkin_points", 0),
            )
        except (KeyError, TypeError, AttributeError) as e:
            raise LoyaltyError(
                N_("The loyalty programme could not be read ({error})."), error=repr(e)
            ) from None


def points_shares(points_paid: int, paid: Sequence[int]) -> list[int]:
    """The points tender's value spread over lines by what was paid for each (largest remainder): what a
    return of a whole line gives back in points' value rather than money."""
    if not paid:
        return []
    if sum(paid) == 0:
        return [0] * len(paid)
    return allocate_minor(points_paid, list(paid))


def share_of_units(total: int, quantity: int, before: int, units: int) -> int:
    """A line's ``total`` (points earned, or points' value paid) split over its ``quantity`` units: the
    part of the ``units`` returned after ``before`` units were returned. Cumulative, so any sequence of
    returns of a line adds up to ``total`` exactly."""
    if not (quantity > 0 and 0 <= before and 0 <= units and before + units <= quantity):
        raise LoyaltyError(
            N_("{units} units after {before} of {quantity} cannot be returned."),
            units=units,
            before=before,
            quantity=quantity,
        )
    return total * (before + units) // quantity - total * before // quantity


# The programme of the reference backend and the demo: 1 point per currency unit paid, more for higher
# tiers, none on fixed-price books, double points on drinks this winter; 100 points pay 1.00.
DEFAULT_PROGRAMME = Programme(
    programme_id="main",
    points_per_unit=Fraction(1),
    tier_multipliers={
        "basic": Fraction(1),
        "silver": Fraction(5, 4),
        "gold": Fraction(3, 2),
        "platinum": Fraction(2),
    },
    excluded_categories=frozenset({"Books"}),
    promotions=(
        PointsPromotion(
            "2X-DRINKS",
            "Double points on drinks",
            Fraction(2),
            datetime(2026, 12, 1, tzinfo=UTC),
            datetime(2027, 2, 1, tzinfo=UTC),
            categories=frozenset({"Beverages"}),
        ),
    ),
    redeem_points=100,
    redeem_units=Fraction(1),
    checkin_points=10,
)

_PROGRAMMES = {DEFAULT_PROGRAMME.programme_id: DEFAULT_PROGRAMME}


def programme(programme_id: str = "main") -> Programme:
    """The programme with this id (LoyaltyError if there is none)."""
    try:
        return _PROGRAMMES[programme_id]
    except KeyError:
        raise LoyaltyError(
            N_("There is no loyalty programme {programme_id!r}."), programme_id=programme_id
        ) from None


__all__ = [
    "DEFAULT_PROGRAMME",
    "TIERS",
    "EarnLine",
    "Earning",
    "LoyaltyError",
    "PointsPromotion",
    "Programme",
    "points_shares",
    "programme",
    "share_of_units",
]
