"""The money rules of one store: currency, locale, tax table and rounding, cash rounding.

A :class:`StoreConfig` is immutable and validated when it is built, so a wrong setting is refused at
start (with the setting's name and what it expects) and never half-applied during a sale. It reads
from and writes to a plain JSON/TOML-safe dict (:meth:`StoreConfig.from_dict`, :meth:`to_dict`).

:data:`PRESETS` hold the rules of the stores the demo offers (IE, IT, PT, JP, US-NY, CH, and DE), as
their law and custom set them; :func:`configure` starts from one and applies what a store set itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any, TypeVar

from babel import Locale, UnknownLocaleError

from pos.cashround import CashRounding, check_rule
from pos.errors import N_, ConfigError, DomainError
from pos.money import check_currency
from pos.tax import RoundingMethod, TaxRate, TaxRounding, parse_rates

E = TypeVar("E", bound=StrEnum)


def _enum(cls: type[E], value: object, name: str) -> E:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in cls)
        raise ConfigError(
            N_("{value!r} is not one of {choices}."), setting=name, value=value, choices=choices
        ) from None


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
            raise ConfigError(e, setting="currency") from None
        try:
            Locale.parse(self.locale)
        except (UnknownLocaleError, ValueError, TypeError):
            raise ConfigError(
                N_("{locale!r} is not a known locale (for example 'it_IT', 'ja_JP')."),
                setting="locale",
                locale=self.locale,
            ) from None
        if not isinstance(self.prices_include_tax, bool):
            raise ConfigError(
                N_("expects true or false, got {value!r}."),
                setting="prices_include_tax",
                value=self.prices_include_tax,
            )
        set_(self, "tax_rounding", _enum(TaxRounding, self.tax_rounding, "tax_rounding"))
        set_(
            self,
            "tax_rounding_method",
            _enum(RoundingMethod, self.tax_rounding_method, "tax_rounding_method"),
        )
        set_(self, "cash_rounding", _enum(CashRounding, self.cash_rounding, "cash_rounding"))
        try:
            check_rule(self.cash_rounding, self.currency)
        except ConfigError as e:
            raise ConfigError(e.reason, setting="cash_rounding") from None
        if type(self.max_quantity) is not int or self.max_quantity < 1:
            raise ConfigError(
                N_("expects a whole number >= 1, got {value!r}."),
                setting="max_quantity",
                value=self.max_quantity,
            )
        rates = tuple(self.tax_rates)
        if not rates:
            raise ConfigError(N_("the store needs at least one tax rate (0% counts)."), setting="tax_rates")
        table: dict[str, TaxRate] = {}
        for rate in rates:
            if not isinstance(rate, TaxRate):
                raise ConfigError(N_("{rate!r} is not a tax rate."), setting="tax_rates", rate=rate)
            if rate.code in table:
                raise ConfigError(
                    N_("the tax code {code!r} appears twice."), setting="tax_rates", code=rate.code
                )
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
            raise ConfigError(N_("The store settings must be a table, got {kind}."), kind=type(data).__name__)
        known = {"currency", "locale", "prices_include_tax", "tax_rounding", "tax_rounding_method"}
        known |= {"cash_rounding", "max_quantity", "tax_rates"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(N_("Unknown store setting(s): {names}."), names=", ".join(map(repr, unknown)))
        for required in ("currency", "locale", "tax_rates"):
            if required not in data:
                raise ConfigError(N_("missing: every store needs it."), setting=required)
        raw_rates = data["tax_rates"]
        if isinstance(raw_rates, str | bytes | Mapping) or not hasattr(raw_rates, "__iter__"):
            raise ConfigError(N_("expects a list of {code, percent, label} tables."), setting="tax_rates")
        kwargs = {k: v for k, v in data.items() if k != "tax_rates"}
        try:
            rates = tuple(TaxRate.from_dict(r) for r in raw_rates)
        except ConfigError as e:
            raise ConfigError(e.reason, setting="tax_rates") from None
        return cls(tax_rates=rates, **kwargs)


# ====================================================================== presets
@dataclass(frozen=True)
class StorePreset:
    """The money rules of a store in ``country`` (ISO 3166), as its tax law and custom set them."""

    name: str
    country: str
    config: StoreConfig


def _preset(name: str, country: str, **config: Any) -> StorePreset:
    return StorePreset(name, country, StoreConfig(**config))


# Every preset has the catalog's codes STANDARD, REDUCED and ZERO (the demo catalog uses them), plus the
# country's other rates. Rates as in force in 2026; a store checks its own and writes what differs in
# its settings (store.tax_rates).
PRESETS: Mapping[str, StorePreset] = MappingProxyType(
    {
        p.name: p
        for p in (
            # Ireland: VAT-inclusive shelf prices; 5 cent cash rounding is voluntary (a store opts in).
            _preset(
                "IE",
                "IE",
                currency="EUR",
                locale="en_IE",
                tax_rates=(
                    TaxRate("STANDARD", 23, "VAT 23%"),
                    TaxRate("REDUCED", Decimal("13.5"), "VAT 13.5%"),
                    TaxRate("SECOND_REDUCED", 9, "VAT 9%"),
                    TaxRate("ZERO", 0, "VAT 0%"),
                ),
            ),
            # Italy: VAT once per rate on the receipt (the preset's choice); cash to 5 cents (DL 50/2017).
            _preset(
                "IT",
                "IT",
                currency="EUR",
                locale="it_IT",
                tax_rates=(
                    TaxRate("STANDARD", 22, "IVA 22%"),
                    TaxRate("REDUCED", 10, "IVA 10%"),
                    TaxRate("INTERMEDIATE", 5, "IVA 5%"),
                    TaxRate("SUPER_REDUCED", 4, "IVA 4%"),
                    TaxRate("ZERO", 0, "IVA 0%"),
                ),
                tax_rounding=TaxRounding.PER_DOCUMENT,
                cash_rounding=CashRounding.ITALY,
            ),
            # Portugal (mainland): VAT once per rate on the document's total, half up (the AT accepts it
            # per line or per total; per total is what VAT-inclusive prices call for).
            _preset(
                "PT",
                "PT",
                currency="EUR",
                locale="pt_PT",
                tax_rates=(
                    TaxRate("STANDARD", 23, "IVA 23%"),
                    TaxRate("INTERMEDIATE", 13, "IVA 13%"),
                    TaxRate("REDUCED", 6, "IVA 6%"),
                    TaxRate("ZERO", 0, "IVA 0%"),
                ),
                tax_rounding=TaxRounding.PER_DOCUMENT,
            ),
            # Japan: tax-inclusive prices; a qualified invoice rounds tax once per rate (NTA Q&A 46),
            # by any method: rounding down is the common choice. "*" marks the reduced rate.
            _preset(
                "JP",
                "JP",
                currency="JPY",
                locale="ja_JP",
                tax_rates=(
                    TaxRate("STANDARD", 10, "10%"),
                    TaxRate("REDUCED", 8, "8%*"),
                    TaxRate("ZERO", 0, "0%"),
                ),
                tax_rounding=TaxRounding.PER_DOCUMENT,
                tax_rounding_method=RoundingMethod.DOWN,
            ),
            # New York City: 4 % state + 4.5 % city + 0.375 % MCTD = 8.875 % added to shelf prices,
            # computed on the receipt's taxable total, half a cent up; food for home consumption exempt.
            _preset(
                "US-NY",
                "US",
                currency="USD",
                locale="en_US",
                tax_rates=(
                    TaxRate("STANDARD", Decimal("8.875"), "Sales tax 8.875%"),
                    TaxRate("REDUCED", 0, "Exempt food"),
                    TaxRate("ZERO", 0, "Exempt"),
                ),
                prices_include_tax=False,
                tax_rounding=TaxRounding.PER_DOCUMENT,
            ),
            # Switzerland (since 2024): MWST per rate on the receipt; cash to 5 Rappen.
            _preset(
                "CH",
                "CH",
                currency="CHF",
                locale="de_CH",
                tax_rates=(
                    TaxRate("STANDARD", Decimal("8.1"), "MWST 8.1%"),
                    TaxRate("REDUCED", Decimal("2.6"), "MWST 2.6%"),
                    TaxRate("ACCOMMODATION", Decimal("3.8"), "MWST 3.8%"),
                    TaxRate("ZERO", 0, "MWST 0%"),
                ),
                tax_rounding=TaxRounding.PER_DOCUMENT,
                cash_rounding=CashRounding.NEAREST_0_05,
            ),
            _preset(
                "DE",
                "DE",
                currency="EUR",
                locale="de_DE",
                tax_rates=(
                    TaxRate("STANDARD", 19, "MwSt 19%"),
                    TaxRate("REDUCED", 7, "MwSt 7%"),
                    TaxRate("ZERO", 0, "MwSt 0%"),
                ),
            ),
        )
    }
)


def configure(
    preset: str | None, country: str, settings: Mapping[str, Any], tax_rates: str = ""
) -> StoreConfig:
    """A store's rules: ``preset`` (``None``: none) with the ``settings`` the store set itself on top
    (keys of :meth:`StoreConfig.to_dict`), and ``tax_rates`` (text for :func:`pos.tax.parse_rates`)
    replacing the preset's rates of the same code or adding new codes.

    The preset must be for the store's ``country``. Without a preset, ``settings`` must give the currency
    and locale and ``tax_rates`` the whole tax table. Errors are ConfigError with the setting at fault
    (``"tax_preset"`` for the choice of preset).
    """
    try:
        own = parse_rates(tax_rates)
    except ConfigError as e:
        raise ConfigError(e.reason, setting="tax_rates") from None
    if preset is None:
        if not own:
            raise ConfigError(
                N_("a store without a preset needs its tax rates (for example STANDARD=8.875; ZERO=0)."),
                setting="tax_rates",
            )
        return StoreConfig.from_dict({**settings, "tax_rates": [r.to_dict() for r in own]})
    chosen = PRESETS.get(preset)
    if chosen is None:
        raise ConfigError(
            N_(
                "there is no preset {preset!r}. Choose one of {presets}, "
                "or none and give the store's own tax rates."
            ),
            setting="tax_preset",
            preset=preset,
            presets=", ".join(PRESETS),
        )
    if chosen.country != country.upper():
        raise ConfigError(
            N_(
                "the preset {preset} is for a store in {preset_country}, not in {country} "
                "(the store's country)."
            ),
            setting="tax_preset",
            preset=preset,
            preset_country=chosen.country,
            country=country,
        )
    rates = {r.code: r for r in chosen.config.tax_rates}
    rates.update((r.code, r) for r in own)
    data = {**chosen.config.to_dict(), **settings, "tax_rates": [r.to_dict() for r in rates.values()]}
    return StoreConfig.from_dict(data)
