"""The store's money rules from the settings: a preset per country, each rule settable, every setting a
till cannot use refused when the settings are read, with the setting's name."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app import settings as S
from app.shop import store_config
from pos.cashround import CashRounding
from pos.tax import RoundingMethod, TaxRounding


def config(*overrides: str):
    return store_config(S.load(None, environ={}, overrides=list(overrides)))


def rates(cfg):
    return {r.code: r.text for r in cfg.tax_rates}


@pytest.mark.parametrize(
    ("flags", "currency", "locale", "inclusive", "level", "method", "cash", "standard"),
    [
        ((), "EUR", "en_IE", True, "per_line", "half_up", "none", "23"),
        (("store.country=IT",), "EUR", "it_IT", True, "per_document", "half_up", "italy", "22"),
        (("store.country=PT",), "EUR", "pt_PT", True, "per_document", "half_up", "none", "23"),
        (("store.country=JP",), "JPY", "ja_JP", True, "per_document", "down", "none", "10"),
        (
            ("store.country=US", "store.tax_preset=US-NY"),
            "USD",
            "en_US",
            False,
            "per_document",
            "half_up",
            "none",
            "8.875",
        ),
        (("store.country=CH",), "CHF", "de_CH", True, "per_document", "half_up", "0.05", "8.1"),
    ],
)
def test_each_demo_store_gets_its_preset(flags, currency, locale, inclusive, level, method, cash, standard):
    cfg = config(*flags)
    assert (cfg.currency, cfg.locale, cfg.prices_include_tax) == (currency, locale, inclusive)
    assert (cfg.tax_rounding.value, cfg.tax_rounding_method.value, cfg.cash_rounding.value) == (
        level,
        method,
        cash,
    )
    assert rates(cfg)["STANDARD"] == standard
    assert {"STANDARD", "REDUCED", "ZERO"} <= set(rates(cfg))  # the codes the catalog uses


def test_the_presets_rates():
    assert rates(config()) == {"STANDARD": "23", "REDUCED": "13.5", "SECOND_REDUCED": "9", "ZERO": "0"}
    assert rates(config("store.country=JP")) == {"STANDARD": "10", "REDUCED": "8", "ZERO": "0"}
    assert rates(config("store.country=CH")) == {
        "STANDARD": "8.1",
        "REDUCED": "2.6",
        "ACCOMMODATION": "3.8",
        "ZERO": "0",
    }
    assert config("store.country=JP").rates["REDUCED"].label == "8%*"


def test_every_rule_is_a_setting_that_wins_over_the_preset():
    cfg = config(
        "store.country=JP",
        "store.tax_rounding=per_line",
        "store.tax_rounding_method=half_even",
        "store.prices_include_tax=false",
    )
    assert cfg.tax_rounding is TaxRounding.PER_LINE
    assert cfg.tax_rounding_method is RoundingMethod.HALF_EVEN
    assert cfg.prices_include_tax is False
    assert cfg.currency == "JPY"  # not set: the preset's
    for method in ("half_up", "half_even", "down", "up"):
        assert config(f"store.tax_rounding_method={method}").tax_rounding_method.value == method
    assert config("store.cash_rounding=0.05").cash_rounding is CashRounding.NEAREST_0_05  # Ireland opts in
    assert config("store.country=IT", "store.cash_rounding=none").cash_rounding is CashRounding.NONE


def test_own_rates_replace_or_add_to_the_presets():
    cfg = config(
        "store.country=US", "store.tax_preset=US-NY", "store.tax_rates=STANDARD=8:Sales tax 8%; LUXURY=4.712"
    )
    assert rates(cfg) == {"STANDARD": "8", "REDUCED": "0", "ZERO": "0", "LUXURY": "4.712"}
    assert cfg.rates["STANDARD"].label == "Sales tax 8%" and cfg.rates["LUXURY"].label == "4.712%"
    own = config(
        "store.tax_preset=none", "store.currency=USD", "store.locale=en_US", "store.tax_rates=STD=7.25"
    )
    assert rates(own) == {"STD": "7.25"} and own.currency == "USD"


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        # a rate the till cannot represent: refused as the settings are read, naming the setting
        (
            ("store.tax_rates=STANDARD=8.8751234",),
            "Setting 'store.tax_rates' (--set): Tax rate 'STANDARD': 8.8751234% has more decimals than "
            "the till keeps (at most 6).",
        ),
        (
            ("store.tax_rates=STANDARD=8,875",),
            "Setting 'store.tax_rates' (--set): Tax rate 'STANDARD': '8,875' is not a percent.",
        ),
        (("store.tax_rates=STANDARD",), "Setting 'store.tax_rates' (--set): 'STANDARD' is not CODE=PERCENT"),
        (("store.tax_rates=A=1;A=2",), "Setting 'store.tax_rates' (--set): the tax code 'A' appears twice."),
        (
            ("store.tax_rates=A=1000",),
            "Setting 'store.tax_rates' (--set): Tax rate 'A': 1000 is not a valid percent",
        ),
        (
            ("store.tax_rounding_method=bankers",),
            "Setting 'store.tax_rounding_method' (--set) expects one of half_up",
        ),
        (
            ("store.cash_rounding=0.20",),
            "Setting 'store.cash_rounding' (--set) expects one of none, 0.05, italy",
        ),
    ],
)
def test_unusable_values_are_refused_when_the_settings_are_read(flags, message):
    with pytest.raises(S.SettingsError) as exc:
        S.load(None, environ={}, overrides=list(flags))
    assert message in str(exc.value)


def test_a_rate_in_the_settings_file_is_refused_naming_the_file(tmp_path):
    f = tmp_path / "settings.toml"
    f.write_text('[store]\ntax_rates = "STANDARD=8.8751234"\n')
    with pytest.raises(
        S.SettingsError, match=r"'store.tax_rates' \(in .*settings.toml\): Tax rate 'STANDARD'"
    ):
        S.load(f, environ={})


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (
            ("store.country=US",),
            "Setting 'store.tax_preset' (store.country US): there is no preset 'US'. Choose one of IE, IT, "
            "PT, JP, US-NY, CH, DE, or none",
        ),
        (("store.country=FR",), "there is no preset 'FR'"),  # never another country's rates in silence
        (
            ("store.tax_preset=JP",),
            "Setting 'store.tax_preset' (--set): the preset JP is for a store in JP, not in IE",
        ),
        (
            ("store.country=CH", "store.currency=JPY"),
            "Setting 'store.cash_rounding' (preset CH): The cash rounding rule '0.05' is for EUR, CHF, "
            "CAD, AUD, not JPY. A store in JPY can choose: 'none'.",
        ),
        (
            ("store.currency=KWD", "store.cash_rounding=0.05"),
            "Setting 'store.cash_rounding' (--set): The cash rounding rule '0.05' is for EUR, CHF, CAD, "
            "AUD, not KWD. A store in KWD can choose: 'none', '0.005'.",
        ),
        (("store.country=IT", "store.cash_rounding=0.10"), "is for NZD, not EUR"),
        (
            ("store.tax_preset=none",),
            "Setting 'store.tax_rates' (default): a store without a preset needs its tax rates",
        ),
        (("store.currency=EURO",), "Setting 'store.currency' (--set): Unknown currency 'EURO'"),
    ],
)
def test_store_rules_that_do_not_go_together_are_refused_with_the_setting(flags, message):
    settings = S.load(None, environ={}, overrides=list(flags))
    with pytest.raises(S.SettingsError) as exc:
        store_config(settings)
    assert message in str(exc.value)


def test_sources_are_named_as_written(tmp_path):
    with pytest.raises(S.SettingsError, match=r"'store.cash_rounding' \(environment\)"):
        store_config(S.load(None, environ={"OMO_POS_STORE_CASH_ROUNDING": "0.10"}))
    f = tmp_path / "settings.toml"
    f.write_text('[store]\ncash_rounding = "whole"\n')
    with pytest.raises(S.SettingsError, match=r"'store.cash_rounding' \(settings file\)"):
        store_config(S.load(f, environ={}))


def test_an_8_875_percent_store_round_trips_its_rate_through_the_settings():
    cfg = config("store.country=US", "store.tax_preset=US-NY")
    assert cfg.rates["STANDARD"].percent == Decimal("8.875")
