"""The money rules of one store: currency, locale, tax table and rounding, cash rounding.

A :class:`StoreConfig` is immutable and validated when it is built, so a wrong setting is refused at
start (with the setting's name and what it expects) and never half-applied during a sale. It reads
from and writes to a plain JSON/TOML-safe dict (:meth:`StoreConfig.from_dict`, :meth:`to_dict`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, TypeVar

from babel import Locale, UnknownLocaleError

from pos.cashround import CashRounding, check_rule
from pos.errors import ConfigError, DomainError
from pos.money import check_currency
from pos.tax import RoundingMethod, TaxRate, TaxRounding

E = TypeVar("E", bound=StrEnum)


def _enum(cls: type[E], value: object, name: str) -> E:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in cls)
        raise ConfigError(f"Setting {name!r}: {value!r} is not one of {choices}.") from None


@dataclass(frozen=True)
class StoreConfig:
    """Per-store money settings.

    - ``currency``: ISO 4217 code of every price and payment (``"EUR"``).
    - ``locale``: how amounts are shown (``"it_IT"``).
    - ``tax_rates``: the tax table; products refer to a rate by its ``code``.
    - ``prices_include_tax``: shelf prices include tax (EU, Japan) or tax is added (US).
    - ``tax_rounding``: per line, or once per rate per document (Japan's qualified invoice).
    - ``tax_rounding_method``: how the tax is rounded (half up, half even, down, up).
    - ``cash_rounding``: rule for the cash part of a payment (none, 0.05, italy, whole).
    - ``max_quantity``: the largest quantity one line may have (a barcode typed into the
      quantity field is refused, not sold 4,006,381,333,931 times).
    """

    currency: str
    locale: str
    tax_rates: tuple[TaxRate, ...]
    prices_include_tax: bool = True
    tax_rounding: TaxRounding = TaxRounding.PER_LINE
    tax_rounding_method: RoundingMethod = RoundingMethod.HALF_UP
    cash_rounding: CashRounding = CashRounding.NONE
    max_quantity: int = 9999
    rates: Mapping[str, TaxRate] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        try:
            set_(self, "currency", check_currency(self.currency))
        except DomainError as e:
            raise ConfigError(f"Setting 'currency': {e}") from None
        try:
            Locale.parse(self.locale)
        except (UnknownLocaleError, ValueError, TypeError):
            raise ConfigError(
                f"Setting 'locale': {self.locale!r} is not a known locale (for example 'it_IT', 'ja_JP')."
            ) from None
        if not isinstance(self.prices_include_tax, bool):
            raise ConfigError(
                f"Setting 'prices_include_tax': expects true or false, got {self.prices_include_tax!r}."
            )
        set_(self, "tax_rounding", _enum(TaxRounding, self.tax_rounding, "tax_rounding"))
        set_(
            self,
            "tax_rounding_method",
            _enum(RoundingMethod, self.tax_rounding_method, "tax_rounding_method"),
        )
        set_(self, "cash_rounding", _enum(CashRounding, self.cash_rounding, "cash_rounding"))
        check_rule(self.cash_rounding, self.currency)
        if type(self.max_quantity) is not int or self.max_quantity < 1:
            raise ConfigError(
                f"Setting 'max_quantity': expects a whole number >= 1, got {self.max_quantity!r}."
            )
        rates = tuple(self.tax_rates)
        if not rates:
            raise ConfigError("Setting 'tax_rates': the store needs at least one tax rate (0% counts).")
        table: dict[str, TaxRate] = {}
        for rate in rates:
            if not isinstance(rate, TaxRate):
                raise ConfigError(f"Setting 'tax_rates': {rate!r} is not a tax rate.")
            if rate.code in table:
                raise ConfigError(f"Setting 'tax_rates': the tax code {rate.code!r} appears twice.")
            table[rate.code] = rate
        set_(self, "tax_rates", rates)
        set_(self, "rates", MappingProxyType(table))

    def to_dict(self) -> dict[str, Any]:
        """A JSON/TOML-safe dict that :meth:`from_dict` reads back."""
        return {
            "currency": self.currency,
            "locale": self.locale,
            "prices_include_tax": self.prices_include_tax,
            "tax_rounding": self.tax_rounding.value,
            "tax_rounding_method": self.tax_rounding_method.value,
            "cash_rounding": self.cash_rounding.value,
            "max_quantity": self.max_quantity,
            "tax_rates": [rate.to_dict() for rate in self.tax_rates],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StoreConfig:
        """Build from a dict such as a TOML table; unknown or missing keys raise ConfigError."""
        if not isinstance(data, Mapping):
            raise ConfigError(f"The store settings must be a table, got {type(data).__name__}.")
        known = {"currency", "locale", "prices_include_tax", "tax_rounding", "tax_rounding_method"}
        known |= {"cash_rounding", "max_quantity", "tax_rates"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"Unknown store setting(s): {', '.join(map(repr, unknown))}.")
        for required in ("currency", "locale", "tax_rates"):
            if required not in data:
                raise ConfigError(f"Setting {required!r} is missing.")
        raw_rates = data["tax_rates"]
        if isinstance(raw_rates, str | bytes | Mapping) or not hasattr(raw_rates, "__iter__"):
            raise ConfigError("Setting 'tax_rates': expects a list of {code, percent, label} tables.")
        kwargs = {k: v for k, v in data.items() if k != "tax_rates"}
        return cls(tax_rates=tuple(TaxRate.from_dict(r) for r in raw_rates), **kwargs)
