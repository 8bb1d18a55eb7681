"""Store configuration: validation with the setting's name, and the dict round trip."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from pos.cashround import CashRounding
from pos.errors import ConfigError
from pos.storeconfig import PRESETS, StoreConfig, configure
from pos.tax import RoundingMethod, TaxRate, TaxRounding, parse_rates


def italy() -> StoreConfig:
    return StoreConfig(
        currency="EUR",
        locale="it_IT",
        tax_rates=(TaxRate("22", Decimal(22)), TaxRate("10", Decimal(10)), TaxRate("4", Decimal(4))),
        tax_rounding=TaxRounding.PER_DOCUMENT,
        cash_rounding=CashRounding.ITALY,
    )


def test_defaults_and_lookup():
    cfg = italy()
    assert cfg.prices_include_tax is True
    assert cfg.tax_rounding_method is RoundingMethod.HALF_UP
    assert cfg.max_quantity == 9999
    assert list(cfg.rates) == ["22", "10", "4"]
    assert cfg.rates["10"].percent == Decimal(10)
    with pytest.raises(TypeError):
        cfg.rates["5"] = TaxRate("5", Decimal(5))  # type: ignore[index]


def test_strings_become_enums_and_currency_is_normalised():
    cfg = StoreConfig(
        currency="jpy",
        locale="ja_JP",
        tax_rates=[TaxRate("8", Decimal(8))],  # type: ignore[arg-type]
        tax_rounding="per_document",  # type: ignore[arg-type]
        tax_rounding_method="down",  # type: ignore[arg-type]
        cash_rounding="none",  # type: ignore[arg-type]
    )
    assert cfg.currency == "JPY"
    assert cfg.tax_rounding is TaxRounding.PER_DOCUMENT
    assert cfg.tax_rounding_method is RoundingMethod.DOWN
    assert cfg.cash_rounding is CashRounding.NONE
    assert isinstance(cfg.tax_rates, tuple)


def test_dict_round_trip_through_json():
    cfg = italy()
    data = json.loads(json.dumps(cfg.to_dict()))
    assert data["tax_rates"][0] == {"code": "22", "percent": "22", "label": "22%"}
    assert StoreConfig.from_dict(data) == cfg


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"currency": "EURO"}, "'currency'"),
        ({"locale": "xx_NOPE"}, "'locale'"),
        ({"locale": ""}, "'locale'"),
        ({"locale": None}, "'locale'"),
        ({"prices_include_tax": "yes"}, "'prices_include_tax'"),
        ({"tax_rounding": "per_basket"}, "'tax_rounding'"),
        ({"tax_rounding_method": "bankers"}, "'tax_rounding_method'"),
        ({"cash_rounding": "0.10"}, "Setting 'cash_rounding': The cash rounding rule '0.10' is for NZD"),
        ({"cash_rounding": "0.20"}, "'cash_rounding'"),
        ({"currency": "KWD", "cash_rounding": "0.05"}, "'0.005'"),
        ({"max_quantity": 0}, "'max_quantity'"),
        ({"max_quantity": 10.0}, "'max_quantity'"),
        ({"tax_rates": ()}, "at least one tax rate"),
        ({"tax_rates": (TaxRate("A", 1), TaxRate("A", 2))}, "appears twice"),
        ({"tax_rates": ({"code": "A", "percent": "1"},)}, "is not a tax rate"),
        ({"currency": "JPY", "cash_rounding": "italy"}, "JPY"),
    ],
)
def test_invalid_settings_name_the_setting(change, fragment):
    kwargs = {"currency": "EUR", "locale": "it_IT", "tax_rates": (TaxRate("22", Decimal(22)),)}
    kwargs.update(change)
    with pytest.raises(ConfigError) as exc:
        StoreConfig(**kwargs)
    assert fragment in str(exc.value)
    assert exc.value.setting and str(exc.value) == f"Setting {exc.value.setting!r}: {exc.value.reason}"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ([], "must be a table"),
        ({"currency": "EUR", "locale": "it_IT", "tax_rates": [], "colour": "red"}, "'colour'"),
        ({"currency": "EUR", "tax_rates": []}, "'locale': missing"),
        ({"currency": "EUR", "locale": "it_IT", "tax_rates": "22"}, "list of"),
        ({"currency": "EUR", "locale": "it_IT", "tax_rates": {"code": "22"}}, "list of"),
        ({"currency": "EUR", "locale": "it_IT", "tax_rates": 22}, "list of"),
        ({"currency": "EUR", "locale": "it_IT", "tax_rates": [{"code": "22", "percent": 22.0}]}, "exactly"),
    ],
)
def test_from_dict_refuses_bad_tables(data, fragment):
    with pytest.raises(ConfigError) as exc:
        StoreConfig.from_dict(data)
    assert fragment in str(exc.value)


# ---------------------------------------------------------------------------------------------- presets


def test_every_preset_is_valid_and_has_the_catalog_codes():
    assert list(PRESETS) == ["IE", "IT", "PT", "JP", "US-NY", "CH", "DE"]
    for name, preset in PRESETS.items():
        assert preset.name == name and name.startswith(preset.country)
        assert {"STANDARD", "REDUCED", "ZERO"} <= set(preset.config.rates)
        assert StoreConfig.from_dict(preset.config.to_dict()) == preset.config


def test_configure_from_a_preset_with_the_stores_own_settings():
    cfg = configure("JP", "jp", {"tax_rounding_method": "half_up"}, "REDUCED=8:8%※; EXTRA=1.5")
    assert cfg.currency == "JPY" and cfg.tax_rounding is TaxRounding.PER_DOCUMENT
    assert cfg.tax_rounding_method is RoundingMethod.HALF_UP
    assert [(r.code, r.text, r.label) for r in cfg.tax_rates] == [
        ("STANDARD", "10", "10%"),
        ("REDUCED", "8", "8%※"),
        ("ZERO", "0", "0%"),
        ("EXTRA", "1.5", "1.5%"),
    ]
    assert configure("IE", "IE", {}) == PRESETS["IE"].config


@pytest.mark.parametrize(
    ("args", "setting", "fragment"),
    [
        (("XX", "XX", {}), "tax_preset", "there is no preset 'XX'"),
        (("JP", "IE", {}), "tax_preset", "for a store in JP, not in IE"),
        (("JP", "JP", {}, "STANDARD"), "tax_rates", "is not CODE=PERCENT"),
        ((None, "IE", {"currency": "EUR", "locale": "en_IE"}), "tax_rates", "needs its tax rates"),
        (("CH", "CH", {"currency": "SEK"}), "cash_rounding", "'0.05' is for EUR, CHF, CAD, AUD, not SEK"),
        ((None, "IE", {"currency": "EUR"}, "S=1"), "locale", "missing"),
    ],
)
def test_configure_refuses_with_the_setting_at_fault(args, setting, fragment):
    with pytest.raises(ConfigError) as exc:
        configure(*args)
    assert exc.value.setting == setting and fragment in exc.value.reason
    assert str(exc.value) == f"Setting {setting!r}: {exc.value.reason}"


def test_configure_without_a_preset_takes_only_the_stores_rates():
    cfg = configure(
        None, "US", {"currency": "USD", "locale": "en_US", "prices_include_tax": False}, "STD=7.25"
    )
    assert [r.text for r in cfg.tax_rates] == ["7.25"] and cfg.prices_include_tax is False


def test_rates_written_as_text():
    assert parse_rates("") == () and parse_rates(" ; ") == ()
    a, b = parse_rates(" STANDARD = 8.875 : Sales tax 8.875% ;ZERO=0")
    assert (a.code, a.text, a.label) == ("STANDARD", "8.875", "Sales tax 8.875%")
    assert (b.code, b.text, b.label) == ("ZERO", "0", "0%")
    for text, fragment in [
        ("A=1;A=2", "appears twice"),
        ("=5", "needs a code"),
        ("A=", "not a percent"),
        ("A", "CODE=PERCENT"),
    ]:
        with pytest.raises(ConfigError, match=fragment):
            parse_rates(text)
