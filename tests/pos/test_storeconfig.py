"""Store configuration: validation with the setting's name, and the dict round trip."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from pos.cashround import CashRounding
from pos.errors import ConfigError
from pos.storeconfig import StoreConfig
from pos.tax import RoundingMethod, TaxRate, TaxRounding


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
        ({"cash_rounding": "0.10"}, "'cash_rounding'"),
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


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ([], "must be a table"),
        ({"currency": "EUR", "locale": "it_IT", "tax_rates": [], "colour": "red"}, "'colour'"),
        ({"currency": "EUR", "tax_rates": []}, "'locale' is missing"),
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
