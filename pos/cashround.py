"""Cash rounding: for the cash part of a payment only, never for prices or card amounts.

Where the smallest coins are gone, the amount *paid in cash* is rounded and the difference is
booked as a rounding line of the payment. The sale total, its tax and every card amount stay exact.

Rules (per store, :class:`CashRounding`):

- ``none``: no rounding.
- ``0.05``: to the nearest 0.05 (Switzerland, the Netherlands, Finland, Belgium): 1-2 hundredths
  down, 3-4 up; with three-decimal currencies a tie (0.025) goes away from zero.
- ``italy``: Italy's rule on the last cent digit: 1-2 down to 0, 3-7 to 5, 8-9 up to 10 (the
  same results as ``0.05`` for cents, kept separate because it is the rule named in Italian law).
- ``whole``: to the nearest whole unit, 50 hundredths up (Sweden: 0.01-0.49 kr down, 0.50-0.99 up).

A negative amount (cash given back on a return) is rounded like its absolute value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos.errors import ConfigError
from pos.money import EXPONENTS, Money


class CashRounding(StrEnum):
    """The store's rule for rounding amounts paid in cash."""

    NONE = "none"
    NEAREST_0_05 = "0.05"
    ITALY = "italy"
    WHOLE_UNITS = "whole"


@dataclass(frozen=True, slots=True)
class CashRoundingResult:
    """``due`` in cash rounded to ``rounded``; ``difference = rounded - due`` (> 0: customer pays more)."""

    due: Money
    rounded: Money
    difference: Money


def check_rule(rule: CashRounding, currency: str) -> None:
    """Raise ConfigError if ``rule`` cannot apply to ``currency`` (0.05 of a yen does not exist)."""
    if rule in (CashRounding.NEAREST_0_05, CashRounding.ITALY):
        digits = EXPONENTS[currency]
        if digits < 2 or (rule is CashRounding.ITALY and digits != 2):
            raise ConfigError(
                f"The cash rounding rule {rule.value!r} cannot be used with {currency}, "
                f"which has {digits} decimals."
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
        raise ConfigError(f"Unknown cash rounding rule {rule!r}; choose one of: {choices}.") from None
    check_rule(rule, due.currency)
    magnitude = abs(due.minor)
    digits = EXPONENTS[due.currency]
    if rule is CashRounding.NONE:
        rounded = magnitude
    elif rule is CashRounding.ITALY:
        rounded = _italy(magnitude)
    elif rule is CashRounding.NEAREST_0_05:
        rounded = _nearest(magnitude, 5 * 10 ** (digits - 2))
    else:
        rounded = _nearest(magnitude, 10**digits)
    if due.minor < 0:
        rounded = -rounded
    return CashRoundingResult(
        due, Money._of(rounded, due.currency), Money._of(rounded - due.minor, due.currency)
    )
