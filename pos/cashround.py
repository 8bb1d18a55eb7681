"""Cash rounding: for the cash part of a payment only, never for prices or card amounts.

Where the smallest coins are gone, the amount *paid in cash* is rounded and the difference is
booked as a rounding line of the payment. The sale total, its tax and every card amount stay exact.

Rules (per store, :class:`CashRounding`), each valid only for the currencies whose coins call for it
(:data:`CURRENCIES`); any other pairing is refused when the store settings are read:

- ``none``: no rounding (any currency).
- ``0.05``: to the nearest 0.05: the euro countries that dropped 1 and 2 cent coins (Finland, the
  Netherlands, Belgium, Ireland, ...), Switzerland (5 Rappen), Canada (since 2013) and Australia
  (since 1992). 1-2 hundredths down, 3-4 up.
- ``italy``: Italy's rule on the last cent digit (DL 50/2017): 1-2 down to 0, 3-7 to 5, 8-9 up to 10
  (the same results as ``0.05``, kept separate because it is the rule named in Italian law). EUR.
- ``0.10``: to the nearest 10 cents, a 5 cent tie up: New Zealand (since 2006). NZD.
- ``0.50``: to the nearest 50 ore: Denmark (since 2008): 1-24 ore down, 25-74 to 50, 75-99 up. DKK.
- ``whole``: to the nearest whole unit, 50 hundredths up: Sweden (since 2010), Norway (since 2012),
  the Czech Republic (since 2008). SEK, NOK, CZK.
- ``0.005``: to the nearest 5 fils, Kuwait's smallest coin, for a shop that rounds (ties up). KWD.

A negative amount (cash given back on a return) is rounded like its absolute value.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from pos.errors import N_, ConfigError
from pos.money import EXPONENTS, Money


class CashRounding(StrEnum):
    """The store's rule for rounding amounts paid in cash."""

    NONE = "none"
    NEAREST_0_05 = "0.05"
    ITALY = "italy"
    NEAREST_0_10 = "0.10"
    NEAREST_0_50 = "0.50"
    WHOLE_UNITS = "whole"
    NEAREST_0_005 = "0.005"


CURRENCIES: dict[CashRounding, tuple[str, ...]] = {
    CashRounding.NEAREST_0_05: ("EUR", "CHF", "CAD", "AUD"),
    CashRounding.ITALY: ("EUR",),
    CashRounding.NEAREST_0_10: ("NZD",),
    CashRounding.NEAREST_0_50: ("DKK",),
    CashRounding.WHOLE_UNITS: ("SEK", "NOK", "CZK"),
    CashRounding.NEAREST_0_005: ("KWD",),
}
"""The currencies each rule is for (``none`` goes with every currency)."""

_STEP: dict[CashRounding, Decimal] = {
    CashRounding.NEAREST_0_05: Decimal("0.05"),
    CashRounding.NEAREST_0_10: Decimal("0.10"),
    CashRounding.NEAREST_0_50: Decimal("0.50"),
    CashRounding.WHOLE_UNITS: Decimal(1),
    CashRounding.NEAREST_0_005: Decimal("0.005"),
}


@dataclass(frozen=True, slots=True)
class CashRoundingResult:
    """``due`` in cash rounded to ``rounded``; ``difference = rounded - due`` (> 0: customer pays more)."""

    due: Money
    rounded: Money
    difference: Money


def rules_for(currency: str) -> tuple[CashRounding, ...]:
    """The rules a store in ``currency`` may choose (always ``none`` first)."""
    return (CashRounding.NONE, *(rule for rule, cur in CURRENCIES.items() if currency in cur))


def check_rule(rule: CashRounding, currency: str) -> None:
    """Raise ConfigError if ``rule`` is not a rule of ``currency`` (0.05 of a yen does not exist, and 0.05
    of a Kuwaiti dinar, 50 fils, is a rounding no country makes)."""
    if rule is CashRounding.NONE or currency in CURRENCIES[rule]:
        return
    choices = ", ".join(repr(r.value) for r in rules_for(currency))
    raise ConfigError(
        N_(
            "The cash rounding rule {rule!r} is for {currencies}, not {currency}. "
            "A store in {currency} can choose: {choices}."
        ),
        rule=rule.value,
        currencies=", ".join(CURRENCIES[rule]),
        currency=currency,
        choices=choices,
    )


def _nearest(minor: int, increment: int) -> int:
    """``minor >= 0`` to the nearest multiple of ``increment``, ties up."""
    q, r = divmod(minor, increment)
    return (q + (2 * r >= increment)) * increment


def _italy(minor: int) -> int:
    last = minor % 10
    if last <= 2:
        return minor - last
    if last <= 7:
        return minor - last + 5
    return minor - last + 10


def round_cash(due: Money, rule: CashRounding) -> CashRoundingResult:
    """Round the amount ``due`` in cash by ``rule``; return it with the rounding difference."""
    try:
        rule = CashRounding(rule)
    except ValueError:
        choices = ", ".join(r.value for r in CashRounding)
        raise ConfigError(
            N_("Unknown cash rounding rule {rule!r}; choose one of: {choices}."), rule=rule, choices=choices
        ) from None
    check_rule(rule, due.currency)
    magnitude = abs(due.minor)
    if rule is CashRounding.NONE:
        rounded = magnitude
    elif rule is CashRounding.ITALY:
        rounded = _italy(magnitude)
    else:
        rounded = _nearest(magnitude, int(_STEP[rule].scaleb(EXPONENTS[due.currency])))
    if due.minor < 0:
        rounded = -rounded
    return CashRoundingResult(
        due, Money._of(rounded, due.currency), Money._of(rounded - due.minor, due.currency)
    )
