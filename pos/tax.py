"""Tax: rates, rounding, and the tax of a basket, per line and per rate.

Prices are either tax-inclusive (EU, Japan: the shelf price is what the customer pays and the tax is
extracted from it) or tax-exclusive (US: tax is added on top). Tax is rounded either on every line
(:attr:`TaxRounding.PER_LINE`) or once per rate per document (:attr:`TaxRounding.PER_DOCUMENT`, as
Japan's qualified invoices require: 8 % and 10 % each rounded once on the receipt). Under
per-document rounding each line still gets its share of its rate's tax (largest remainder), so a
partial return can refund exactly its own tax and the shares always add up to the receipt.

A rate is a percent with at most :data:`PERCENT_DECIMALS` decimals (``8.875``, ``4.712``, ``13.5``),
from 0 up to but not including 1000. It is kept exactly everywhere: as a ``Decimal`` here, and as its
canonical text (:attr:`TaxRate.text`: ``"8.875"``, ``"20"``) in documents, the journal and on the wire.

Everything here works on ``int`` minor units; :class:`RateTotal` carries Money for receipts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pos.errors import N_, ConfigError, Sentence, UnknownTaxCodeError
from pos.money import Money, allocate_minor

PERCENT_DECIMALS = 6
"""The most decimals a tax rate may have (in percent): 8.875 % has 3, Hawaii's 4.7120 % has 4. A rate
with more is refused when the store settings are read; the backend contract carries no more (a database
keeps every rate in NUMERIC(9, 6))."""
MAX_PERCENT = 1000


def _rate(code: object) -> Sentence:
    """How a rate is named in a message about it: "Tax rate 'STANDARD'"."""
    return Sentence(N_("Tax rate {code!r}"), code=code)


def parse_percent(value: object, what: str) -> Decimal:
    """An exact tax percent from ``Decimal``, ``int`` or decimal text (``"8.875"``); refuses floats,
    non-numbers, negatives, 1000 % or more, and more than :data:`PERCENT_DECIMALS` decimals.
    ``what`` names the rate in the message (``"Tax rate 'STANDARD'"``)."""
    if isinstance(value, str):
        try:
            value = Decimal(value.strip())
        except ArithmeticError:
            raise ConfigError(N_("{what}: {value!r} is not a percent."), what=what, value=value) from None
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ConfigError(
            N_(
                "{what}: write the percent exactly, as text or a whole number "
                '(percent = "8.875"), not {value!r}.'
            ),
            what=what,
            value=value,
        )
    percent = Decimal(value)
    if not percent.is_finite() or percent < 0 or percent >= MAX_PERCENT:
        raise ConfigError(
            N_("{what}: {percent} is not a valid percent (0 to under {most})."),
            what=what,
            percent=percent,
            most=MAX_PERCENT,
        )
    num, den = percent.as_integer_ratio()  # exact: Decimal.normalize would round past 28 digits
    if 10**PERCENT_DECIMALS % den:
        raise ConfigError(
            N_("{what}: {percent:f}% has more decimals than the till keeps (at most {decimals})."),
            what=what,
            percent=percent,
            decimals=PERCENT_DECIMALS,
        )
    scaled, exp = num * (10**PERCENT_DECIMALS // den), -PERCENT_DECIMALS
    while exp < 0 and scaled % 10 == 0:
        scaled, exp = scaled // 10, exp + 1
    return Decimal((0, tuple(map(int, str(scaled))), exp))  # canonical: 8.875, 20, 0


class TaxRounding(StrEnum):
    """Where tax is rounded: on every line, or once per rate per document (receipt)."""

    PER_LINE = "per_line"
    PER_DOCUMENT = "per_document"


class RoundingMethod(StrEnum):
    """How a fraction of a minor unit is rounded (symmetric: negative amounts mirror positive ones)."""

    HALF_UP = "half_up"  # half away from zero: 0.5 -> 1
    HALF_EVEN = "half_even"  # banker's rounding: 0.5 -> 0, 1.5 -> 2
    DOWN = "down"  # toward zero, truncate (common for Japanese consumption tax)
    UP = "up"  # away from zero


def round_div(numerator: int, denominator: int, method: RoundingMethod) -> int:
    """``numerator / denominator`` rounded to an integer by ``method``, exactly (``denominator > 0``)."""
    if numerator < 0:
        return -round_div(-numerator, denominator, method)
    q, r = divmod(numerator, denominator)
    if r == 0 or method is RoundingMethod.DOWN:
        return q
    if method is RoundingMethod.UP:
        return q + 1
    twice = 2 * r
    if twice > denominator:
        return q + 1
    if twice < denominator:
        return q
    if method is RoundingMethod.HALF_UP:
        return q + 1
    return q + (q & 1)  # HALF_EVEN


@dataclass(frozen=True, slots=True)
class TaxRate:
    """One rate of the store's tax table.

    ``code`` is what products carry (``tax_code`` in the catalog), ``percent`` the exact rate
    (``Decimal("8")``, ``Decimal("8.875")``), ``label`` what the receipt prints for it (``"8%*"``
    with Japan's reduced-rate mark); it defaults to the percent.
    """

    code: str
    percent: Decimal
    label: str = ""
    _num: int = field(init=False, repr=False, compare=False)
    _den: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.code, str) or not self.code.strip():
            raise ConfigError(N_("A tax rate needs a code, got {code!r}."), code=self.code)
        percent = self.percent
        if isinstance(percent, str):  # text is read by from_dict; the constructor takes numbers
            raise ConfigError(
                N_(
                    "{what}: write the percent exactly, as text or a whole number "
                    '(percent = "8.875"), not {value!r}.'
                ),
                what=_rate(self.code),
                value=percent,
            )
        percent = parse_percent(percent, _rate(self.code))
        num, den = percent.as_integer_ratio()
        object.__setattr__(self, "percent", percent)
        object.__setattr__(self, "_num", num)
        object.__setattr__(self, "_den", den * 100)
        if not self.label:
            object.__setattr__(self, "label", f"{percent:f}%")

    def tax_included(self, gross: int, method: RoundingMethod) -> int:
        """The tax contained in a tax-inclusive amount ``gross`` (minor units), rounded."""
        return round_div(gross * self._num, self._den + self._num, method)

    def tax_on(self, net: int, method: RoundingMethod) -> int:
        """The tax to add to a tax-exclusive amount ``net`` (minor units), rounded."""
        return round_div(net * self._num, self._den, method)

    @property
    def text(self) -> str:
        """The percent as exact canonical text (``"8.875"``): what documents and the wire carry."""
        return f"{self.percent:f}"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "percent": self.text, "label": self.label}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaxRate:
        if not isinstance(data, Mapping) or "code" not in data or "percent" not in data:
            raise ConfigError(N_("A tax rate needs a code and a percent, got {data!r}."), data=data)
        percent = data["percent"]
        if isinstance(percent, str):
            percent = parse_percent(percent, _rate(data["code"]))
        return cls(code=data["code"], percent=percent, label=data.get("label", ""))


def parse_rates(text: str) -> tuple[TaxRate, ...]:
    """Tax rates as a store writes them in its settings: ``CODE=PERCENT`` or ``CODE=PERCENT:LABEL``
    entries separated by semicolons, e.g. ``"STANDARD=8.875:Sales tax 8.875%; REDUCED=0:Exempt food"``.
    Empty text is no rates. A bad entry raises ConfigError naming it."""
    rates: list[TaxRate] = []
    for entry in filter(None, (part.strip() for part in text.split(";"))):
        code, sep, rest = entry.partition("=")
        percent, _, label = rest.partition(":")
        if not sep:
            raise ConfigError(N_("{entry!r} is not CODE=PERCENT (for example STANDARD=8.875)."), entry=entry)
        rate = TaxRate.from_dict({"code": code.strip(), "percent": percent.strip(), "label": label.strip()})
        if any(r.code == rate.code for r in rates):
            raise ConfigError(N_("the tax code {code!r} appears twice."), code=rate.code)
        rates.append(rate)
    return tuple(rates)


@dataclass(frozen=True, slots=True)
class RateTotal:
    """One line of a receipt's tax summary: a rate with its net, tax and gross amounts."""

    rate: TaxRate
    net: Money
    tax: Money
    gross: Money

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.rate.to_dict(),
            "net": self.net.minor,
            "tax": self.tax.minor,
            "gross": self.gross.minor,
        }


class TaxResult:
    """The tax of a basket in minor units: per line ``paid`` and ``tax``, and per rate ``by_rate``.

    ``by_rate`` maps each tax code present (in tax-table order) to ``[net, tax, gross]``.
    """

    __slots__ = ("by_rate", "paid", "tax")

    def __init__(self, paid: list[int], tax: list[int], by_rate: dict[str, list[int]]) -> None:
        self.paid = paid
        self.tax = tax
        self.by_rate = by_rate


def compute_taxes(
    amounts: Sequence[int],
    codes: Sequence[str],
    rates: Mapping[str, TaxRate],
    *,
    prices_include_tax: bool,
    rounding: TaxRounding,
    method: RoundingMethod,
) -> TaxResult:
    """Tax of lines with (already discounted) ``amounts`` and tax ``codes``.

    ``amounts`` are gross when ``prices_include_tax`` else net. Returns what each line is paid
    (gross), its tax, and per-rate totals. Unknown codes raise UnknownTaxCodeError.
    """
    n = len(amounts)
    groups: dict[str, list[int]] = {}
    for i, code in enumerate(codes):
        group = groups.get(code)
        if group is None:
            if code not in rates:
                raise UnknownTaxCodeError(code, tuple(rates))
            groups[code] = [i]
        else:
            group.append(i)
    tax = [0] * n
    if rounding is TaxRounding.PER_LINE:
        for code, idx in groups.items():
            rate = rates[code]
            extract = rate.tax_included if prices_include_tax else rate.tax_on
            for i in idx:
                tax[i] = extract(amounts[i], method)
    else:
        for code, idx in groups.items():
            rate = rates[code]
            extract = rate.tax_included if prices_include_tax else rate.tax_on
            weights = [amounts[i] for i in idx]
            for i, share in zip(idx, allocate_minor(extract(sum(weights), method), weights), strict=True):
                tax[i] = share
    paid = list(amounts) if prices_include_tax else [a + t for a, t in zip(amounts, tax, strict=True)]
    by_rate: dict[str, list[int]] = {}
    for code in rates:
        idx = groups.get(code)
        if idx:
            gross = sum(paid[i] for i in idx)
            rate_tax = sum(tax[i] for i in idx)
            by_rate[code] = [gross - rate_tax, rate_tax, gross]
    return TaxResult(paid, tax, by_rate)


def rate_totals(
    by_rate: Mapping[str, Sequence[int]], rates: Mapping[str, TaxRate], currency: str
) -> tuple[RateTotal, ...]:
    """Receipt tax summary lines from ``{code: [net, tax, gross]}``."""
    return tuple(
        RateTotal(
            rates[code],
            Money._of(net, currency),
            Money._of(tax, currency),
            Money._of(gross, currency),
        )
        for code, (net, tax, gross) in by_rate.items()
    )
