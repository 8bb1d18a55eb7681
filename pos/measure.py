"""A weighed or measured quantity and its price: what a scale label, a GS1 weight (310n, 320n) or a
length on a line of the sale says, exactly.

A :class:`Measure` is ``quantity`` (an exact ``Decimal``, with every decimal the label gave: ``0.750`` kg,
``1.23456`` kg, ``2.5`` lb) of ``unit``, priced at ``unit_price`` minor units per one ``unit`` (the price
per kilogram), or per one ``per`` when the store prices by another unit of mass than the label's (a kg
label in a store that sells by the pound: 1 lb = 0.45359237 kg exactly). The line's amount is
:meth:`Measure.amount`, rounded half up to the minor unit once; the line sells one item (quantity 1) at
that amount, so discounts, tax and refunds treat it like any item, and the receipt and the screen show
the weight and the price per kilogram from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum
from fractions import Fraction
from typing import Any

from pos.errors import N_, InvalidDataError, InvalidQuantityError
from pos.tax import RoundingMethod, round_div

MAX_DECIMALS = 15
"""The most decimals a measured quantity keeps: a GS1 weight has up to 6, and a weight in pounds made
exact in kilograms (x 0.45359237) up to 6 + 8."""
MAX_QUANTITY = 1_000_000


class MeasureUnit(StrEnum):
    """What a measured line is sold by."""

    KG = "kg"
    G = "g"
    LB = "lb"
    OZ = "oz"
    L = "l"
    M = "m"
    M2 = "m2"
    M3 = "m3"


GRAMS: Mapping[MeasureUnit, Decimal] = {
    MeasureUnit.KG: Decimal(1000),
    MeasureUnit.G: Decimal(1),
    MeasureUnit.LB: Decimal("453.59237"),  # exact by definition (1959)
    MeasureUnit.OZ: Decimal("28.349523125"),  # 1/16 lb, exact
}
"""Grams in one unit of mass."""

_SYMBOL = {MeasureUnit.M2: "m²", MeasureUnit.M3: "m³"}


@dataclass(frozen=True, slots=True)
class Measure:
    """``quantity`` of ``unit`` at ``unit_price`` minor units per ``per`` (None: per ``unit``). Immutable;
    validated when built."""

    quantity: Decimal
    unit: MeasureUnit
    unit_price: int
    per: MeasureUnit | None = None

    def __post_init__(self) -> None:
        q = self.quantity
        if not isinstance(q, Decimal) or not q.is_finite() or not 0 < q <= MAX_QUANTITY:
            raise InvalidQuantityError(
                N_(
                    "A measured quantity must be an exact number above 0 (and at most {most:,}), "
                    "not {quantity!r}."
                ),
                most=MAX_QUANTITY,
                quantity=q,
            )
        if 10**MAX_DECIMALS % q.as_integer_ratio()[1]:
            raise InvalidQuantityError(
                N_("The measured quantity {quantity:f} has more than {most} decimals."),
                quantity=q,
                most=MAX_DECIMALS,
            )
        try:
            object.__setattr__(self, "unit", MeasureUnit(self.unit))
        except ValueError:
            units = ", ".join(u.value for u in MeasureUnit)
            raise InvalidQuantityError(
                N_("Unknown unit {unit!r}; a line is sold by {units}."), unit=self.unit, units=units
            ) from None
        if self.per is not None:
            try:
                per = MeasureUnit(self.per)
            except ValueError:
                raise InvalidQuantityError(N_("Unknown unit {unit!r} to price by."), unit=self.per) from None
            if per not in GRAMS or self.unit not in GRAMS:
                raise InvalidQuantityError(
                    N_("{unit} cannot be priced per {per}: only weights convert."),
                    unit=self.unit.value,
                    per=per.value,
                )
            object.__setattr__(self, "per", None if per is self.unit else per)
        if type(self.unit_price) is not int or self.unit_price < 0:
            raise InvalidQuantityError(
                N_("A price per {unit} must be a whole number of minor units >= 0, not {price!r}."),
                unit=self.price_symbol,
                price=self.unit_price,
            )

    @classmethod
    def of_grams(cls, grams: int, price_per_kg: int) -> Measure:
        """A weight in whole grams (an in-store scale label) priced per kilogram: ``0.750`` kg."""
        if type(grams) is not int or grams <= 0:
            raise InvalidQuantityError(
                N_("A weight must be a whole number of grams above 0, not {grams!r}."), grams=grams
            )
        return cls(Decimal(f"{grams}E-3"), MeasureUnit.KG, price_per_kg)

    def amount(self) -> int:
        """The line's amount: ``quantity * unit_price`` (the quantity in ``per`` when there is one), rounded
        half up to the minor unit once, exactly."""
        q = Fraction(self.quantity)
        if self.per is not None:
            q = q * Fraction(GRAMS[self.unit]) / Fraction(GRAMS[self.per])
        return round_div(q.numerator * self.unit_price, q.denominator, RoundingMethod.HALF_UP)

    @property
    def grams(self) -> Decimal | None:
        """The weight in grams, exactly (``750`` for 0.750 kg); None for a length, area or volume."""
        factor = GRAMS.get(self.unit)
        if factor is None:
            return None
        with localcontext(prec=60):  # exact: at most 7 + 15 digits times 11
            return self.quantity * factor

    @property
    def symbol(self) -> str:
        """The unit as printed: ``kg``, ``lb``, ``m²``."""
        return _SYMBOL.get(self.unit, self.unit.value)

    @property
    def price_symbol(self) -> str:
        """The unit the price is per, as printed (``2.49/lb``)."""
        unit = self.per or self.unit
        return _SYMBOL.get(unit, unit.value)

    def text(self) -> str:
        """The quantity as the label gave it, with its unit: ``"0.750 kg"``."""
        return f"{self.quantity:f} {self.symbol}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe (the quantity as exact text; ``per`` only when there is one); :meth:`from_dict` reads
        it back."""
        d = {"quantity": f"{self.quantity:f}", "unit": self.unit.value, "unit_price": self.unit_price}
        if self.per is not None:
            d["per"] = self.per.value
        return d

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Measure:
        try:
            text = data["quantity"]
            if not isinstance(text, str):
                raise TypeError(f"the quantity {text!r} is not text")
            return cls(Decimal(text), data["unit"], data["unit_price"], data.get("per"))
        except (InvalidQuantityError, KeyError, TypeError, ArithmeticError) as e:
            raise InvalidDataError(
                N_("A saved measure could not be read ({why}): {data!r}."),
                why=e
                if isinstance(e, InvalidQuantityError)
                else str(e),  # a domain error: said in their words
                data=data,
            ) from None


__all__ = ["GRAMS", "MAX_DECIMALS", "Measure", "MeasureUnit"]
