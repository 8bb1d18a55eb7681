"""Money: an integer number of minor units in an ISO 4217 currency.

No floats anywhere: amounts are ``int`` minor units (cents, yen, fils); parsing takes strings,
``Decimal`` or ``int`` and refuses anything that does not fit the currency exactly. Arithmetic is
exact; combining two currencies raises :class:`~pos.errors.CurrencyMismatchError`.

The exponent (number of decimals) of each currency comes from ISO 4217 (list one, the "minor unit"
column), in :data:`EXPONENTS`. We do not take it from Babel/CLDR: CLDR gives the digits commonly
*displayed* (IQD 0, ISO 3; LAK, RSD, ... 0, ISO 2), and a till must keep every minor unit a price
or payment can carry. Babel is used for display only (:meth:`Money.format`).
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.numbers import NumberFormatError, parse_decimal

from pos.errors import (
    N_,
    CurrencyMismatchError,
    InvalidAmountError,
    TooManyDecimalsError,
    UnknownCurrencyError,
)

# ISO 4217 active currencies and their minor units (exponent). Codes without minor units (precious
# metals XAU/XAG/XPD/XPT, XDR, XSU, XUA, XBA..XBD, the test code XTS and "no currency" XXX) are left
# out on purpose: they cannot be prices.
EXPONENTS: dict[str, int] = {
    "AED": 2, "AFN": 2, "ALL": 2, "AMD": 2, "ANG": 2, "AOA": 2, "ARS": 2, "AUD": 2, "AWG": 2, "AZN": 2,
    "BAM": 2, "BBD": 2, "BDT": 2, "BGN": 2, "BHD": 3, "BIF": 0, "BMD": 2, "BND": 2, "BOB": 2, "BOV": 2,
    "BRL": 2, "BSD": 2, "BTN": 2, "BWP": 2, "BYN": 2, "BZD": 2, "CAD": 2, "CDF": 2, "CHE": 2, "CHF": 2,
    "CHW": 2, "CLF": 4, "CLP": 0, "CNY": 2, "COP": 2, "COU": 2, "CRC": 2, "CUP": 2, "CVE": 2, "CZK": 2,
    "DJF": 0, "DKK": 2, "DOP": 2, "DZD": 2, "EGP": 2, "ERN": 2, "ETB": 2, "EUR": 2, "FJD": 2, "FKP": 2,
    "GBP": 2, "GEL": 2, "GHS": 2, "GIP": 2, "GMD": 2, "GNF": 0, "GTQ": 2, "GYD": 2, "HKD": 2, "HNL": 2,
    "HTG": 2, "HUF": 2, "IDR": 2, "ILS": 2, "INR": 2, "IQD": 3, "IRR": 2, "ISK": 0, "JMD": 2, "JOD": 3,
    "JPY": 0, "KES": 2, "KGS": 2, "KHR": 2, "KMF": 0, "KPW": 2, "KRW": 0, "KWD": 3, "KYD": 2, "KZT": 2,
    "LAK": 2, "LBP": 2, "LKR": 2, "LRD": 2, "LSL": 2, "LYD": 3, "MAD": 2, "MDL": 2, "MGA": 2, "MKD": 2,
    "MMK": 2, "MNT": 2, "MOP": 2, "MRU": 2, "MUR": 2, "MVR": 2, "MWK": 2, "MXN": 2, "MXV": 2, "MYR": 2,
    "MZN": 2, "NAD": 2, "NGN": 2, "NIO": 2, "NOK": 2, "NPR": 2, "NZD": 2, "OMR": 3, "PAB": 2, "PEN": 2,
    "PGK": 2, "PHP": 2, "PKR": 2, "PLN": 2, "PYG": 0, "QAR": 2, "RON": 2, "RSD": 2, "RUB": 2, "RWF": 0,
    "SAR": 2, "SBD": 2, "SCR": 2, "SDG": 2, "SEK": 2, "SGD": 2, "SHP": 2, "SLE": 2, "SOS": 2, "SRD": 2,
    "SSP": 2, "STN": 2, "SVC": 2, "SYP": 2, "SZL": 2, "THB": 2, "TJS": 2, "TMT": 2, "TND": 3, "TOP": 2,
    "TRY": 2, "TTD": 2, "TWD": 2, "TZS": 2, "UAH": 2, "UGX": 0, "USD": 2, "USN": 2, "UYI": 0, "UYU": 2,
    "UYW": 4, "UZS": 2, "VED": 2, "VES": 2, "VND": 0, "VUV": 0, "WST": 2, "XAF": 0, "XCD": 2, "XCG": 2,
    "XOF": 0, "XPF": 0, "YER": 2, "ZAR": 2, "ZMW": 2, "ZWG": 2,
}  # fmt: skip


def exponent(currency: str) -> int:
    """Number of decimals of ``currency`` (JPY 0, EUR 2, KWD 3); raises UnknownCurrencyError."""
    try:
        return EXPONENTS[currency]
    except (KeyError, TypeError):
        raise UnknownCurrencyError(currency) from None


def check_currency(currency: object) -> str:
    """Return the canonical (upper-case) code of ``currency``; raise UnknownCurrencyError if unknown."""
    if currency in EXPONENTS:
        return currency  # type: ignore[return-value]
    if isinstance(currency, str) and currency.upper() in EXPONENTS:
        return currency.upper()
    raise UnknownCurrencyError(currency)


_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")
_new = object.__new__
_set = object.__setattr__


class Money:
    """An exact amount: ``minor`` integer minor units of ISO 4217 ``currency``.

    ``Money(1234, "EUR")`` is 12.34 EUR, ``Money(500, "JPY")`` is 500 yen. Immutable and hashable.
    Build one from text with :meth:`parse`. ``+``, ``-``, unary minus, ``abs`` and ``* int`` are
    exact; comparisons and arithmetic between currencies raise CurrencyMismatchError.
    """

    __slots__ = ("currency", "minor")
    minor: int
    currency: str

    def __init__(self, minor: int, currency: str) -> None:
        if type(minor) is not int:
            raise InvalidAmountError(
                N_("An amount must be a whole number of minor units, not {minor!r} ({kind})."),
                minor=minor,
                kind=type(minor).__name__,
            )
        _set(self, "minor", minor)
        _set(self, "currency", check_currency(currency))

    @classmethod
    def _of(cls, minor: int, currency: str) -> Money:
        """Fast constructor for already validated values (internal)."""
        m = _new(cls)
        _set(m, "minor", minor)
        _set(m, "currency", currency)
        return m

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Money is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Money, (self.minor, self.currency))

    # ------------------------------------------------------------------ constructors
    @classmethod
    def zero(cls, currency: str) -> Money:
        """Zero in ``currency``."""
        return cls(0, currency)

    @classmethod
    def parse(cls, value: str | Decimal | int, currency: str, *, locale: str | None = None) -> Money:
        """An amount in major units (``"12.34"``, ``Decimal("12.34")``, ``12``) as Money.

        With ``locale`` the text is read the way that locale writes numbers (``"1.234,50"`` in
        ``it_IT``). Refuses floats, non-numbers, and more decimals than the currency has
        (TooManyDecimalsError): ``"1.005"`` EUR or ``"10.5"`` JPY is never rounded silently.
        """
        currency = check_currency(currency)
        digits = EXPONENTS[currency]
        if isinstance(value, bool) or not isinstance(value, str | Decimal | int):
            raise InvalidAmountError(
                N_("An amount must be text, a Decimal or a whole number, not {kind}."),
                kind=type(value).__name__,
            )
        if isinstance(value, str):
            text = value.strip()
            try:
                if locale is not None:
                    number = parse_decimal(text, locale=locale, strict=True)
                else:
                    if not _PLAIN_NUMBER.match(text):
                        raise ValueError(text)
                    number = Decimal(text)
            except (InvalidOperation, NumberFormatError, UnknownLocaleError, ValueError):
                raise InvalidAmountError(N_("{value!r} is not an amount."), value=value) from None
        else:
            text = str(value)
            number = Decimal(value)
        if not number.is_finite():
            raise InvalidAmountError(N_("{value!r} is not an amount."), value=value)
        scaled = number.scaleb(digits)
        if scaled != scaled.to_integral_value():
            raise TooManyDecimalsError(text, currency, digits)
        return cls._of(int(scaled), currency)

    # ------------------------------------------------------------------ arithmetic
    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatchError(self.currency, other.currency)

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return Money._of(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return Money._of(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money._of(-self.minor, self.currency)

    def __abs__(self) -> Money:
        return Money._of(abs(self.minor), self.currency)

    def __mul__(self, factor: int) -> Money:
        if type(factor) is not int:
            return NotImplemented
        return Money._of(self.minor * factor, self.currency)

    __rmul__ = __mul__

    # ------------------------------------------------------------------ comparison
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.minor == other.minor and self.currency == other.currency

    def __hash__(self) -> int:
        return hash((self.minor, self.currency))

    def __lt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return self.minor <= other.minor

    def __gt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return self.minor > other.minor

    def __ge__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return self.minor >= other.minor

    def __bool__(self) -> bool:
        return self.minor != 0

    @property
    def is_zero(self) -> bool:
        return self.minor == 0

    @property
    def is_negative(self) -> bool:
        return self.minor < 0

    # ------------------------------------------------------------------ conversions
    def to_decimal(self) -> Decimal:
        """The amount in major units with exactly the currency's decimals (``Decimal("12.30")``)."""
        return Decimal(self.minor).scaleb(-EXPONENTS[self.currency])

    def __str__(self) -> str:
        return f"{self.to_decimal()} {self.currency}"

    def __repr__(self) -> str:
        return f"Money({self.minor}, {self.currency!r})"

    def format(self, locale: str) -> str:
        """The amount as ``locale`` writes it (``"1.234,50 €"`` in ``it_IT``, ``"￥500"`` in ``ja_JP``).

        Always shows exactly the currency's ISO decimals, never rounds.
        """
        loc, pattern = _currency_pattern(locale, EXPONENTS[self.currency])
        return pattern.apply(self.to_decimal(), loc, currency=self.currency, currency_digits=False)

    # ------------------------------------------------------------------ allocation
    def allocate(self, weights: Sequence[int | Decimal | Fraction]) -> list[Money]:
        """Split this amount over ``weights`` by largest remainder: the parts always sum to it exactly.

        Each part is within one minor unit of its exact share. Ties go to the earlier weight, so the
        result is deterministic. Weights must be non-negative and not all zero (unless the amount is
        zero); a zero weight always gets a zero part. A negative amount splits like its absolute value.
        """
        return [Money._of(p, self.currency) for p in allocate_minor(self.minor, weights)]


@lru_cache(maxsize=64)
def _currency_pattern(locale: str, digits: int) -> tuple[Locale, Any]:
    try:
        loc = Locale.parse(locale)
    except (UnknownLocaleError, ValueError, TypeError):
        raise InvalidAmountError(
            N_("Unknown locale {locale!r} for showing amounts."), locale=locale
        ) from None
    pattern = copy.copy(loc.currency_formats["standard"])
    pattern.frac_prec = (digits, digits)
    return loc, pattern


def allocate_minor(total: int, weights: Sequence[int | Decimal | Fraction]) -> list[int]:
    """Integer version of :meth:`Money.allocate`: split ``total`` over ``weights``, largest remainder."""
    n = len(weights)
    if n == 0:
        raise InvalidAmountError(N_("Cannot split an amount over nothing."))
    if all(type(w) is int for w in weights):
        ints: Sequence[int] = weights  # type: ignore[assignment]
    else:
        # Scale exact rationals to a common denominator (floats are refused).
        fracs = []
        for w in weights:
            if isinstance(w, float | bool) or not isinstance(w, int | Decimal | Fraction):
                raise InvalidAmountError(N_("A split weight must be exact, not {weight!r}."), weight=w)
            fracs.append(Fraction(w))
        common = 1
        for f in fracs:
            common = math.lcm(common, f.denominator)
        ints = [int(f * common) for f in fracs]
    total_weight = 0
    for w in ints:
        if w < 0:
            raise InvalidAmountError(N_("A split weight cannot be negative."))
        total_weight += w
    if total_weight == 0:
        if total == 0:
            return [0] * n
        raise InvalidAmountError(N_("Cannot split an amount when every share is zero."))
    sign = -1 if total < 0 else 1
    magnitude = total * sign
    parts = []
    remainders = []
    given = 0
    for i, w in enumerate(ints):
        q, r = divmod(magnitude * w, total_weight)
        parts.append(q)
        given += q
        if r:
            remainders.append((-r, i))
    left = magnitude - given  # < number of non-zero remainders
    if left:
        remainders.sort()
        for _, i in remainders[:left]:
            parts[i] += 1
    if sign < 0:
        return [-p for p in parts]
    return parts


def sum_money(amounts: Iterable[Money], currency: str) -> Money:
    """The sum of ``amounts``, all in ``currency`` (zero for none); raises on a foreign currency."""
    currency = check_currency(currency)
    total = 0
    for m in amounts:
        if m.currency != currency:
            raise CurrencyMismatchError(currency, m.currency)
        total += m.minor
    return Money._of(total, currency)
