"""Cash rounding of the cash part of a payment."""

from __future__ import annotations

import pytest

from pos.cashround import CashRounding, check_rule, round_cash
from pos.errors import ConfigError
from pos.money import Money

# Italy, DL 50/2017: the last cent digit 1-2 -> 0, 3-7 -> 5, 8-9 -> 10.
ITALY_TABLE = [
    (2320, 2320),
    (2321, 2320),
    (2322, 2320),
    (2323, 2325),
    (2324, 2325),
    (2325, 2325),
    (2326, 2325),
    (2327, 2325),
    (2328, 2330),
    (2329, 2330),
    (1, 0),
    (3, 5),
    (9, 10),
]


@pytest.mark.parametrize(("due", "rounded"), ITALY_TABLE)
def test_italy(due, rounded):
    r = round_cash(Money(due, "EUR"), CashRounding.ITALY)
    assert r.due == Money(due, "EUR")
    assert r.rounded == Money(rounded, "EUR")
    assert r.difference == Money(rounded - due, "EUR")


@pytest.mark.parametrize(("due", "rounded"), ITALY_TABLE)
def test_swiss_0_05_agrees_with_italy_on_cents(due, rounded):
    # Switzerland: to 5 Rappen
    assert round_cash(Money(due, "CHF"), CashRounding.NEAREST_0_05).rounded == Money(rounded, "CHF")


@pytest.mark.parametrize(
    ("due", "rounded"),
    [(10049, 10000), (10050, 10100), (10099, 10100), (10001, 10000), (10000, 10000), (49, 0), (50, 100)],
)
def test_sweden_whole_kronor(due, rounded):
    r = round_cash(Money(due, "SEK"), CashRounding.WHOLE_UNITS)
    assert r.rounded == Money(rounded, "SEK")
    assert r.difference.minor == rounded - due


@pytest.mark.parametrize(
    ("due", "rounded"),
    [(2300, 2300), (2304, 2300), (2305, 2310), (2309, 2310), (2314, 2310), (2315, 2320), (4, 0), (5, 10)],
)
def test_new_zealand_ten_cents(due, rounded):
    # NZ since 2006: the 5 c coin is gone; to the nearest 10 c, a 5 c tie goes up
    assert round_cash(Money(due, "NZD"), CashRounding.NEAREST_0_10).rounded == Money(rounded, "NZD")


@pytest.mark.parametrize(
    ("due", "rounded"),
    [
        (10000, 10000),
        (10024, 10000),
        (10025, 10050),
        (10049, 10050),
        (10074, 10050),
        (10075, 10100),
        (10099, 10100),
    ],
)
def test_denmark_fifty_ore(due, rounded):
    # Denmark since 2008: 1-24 ore down to 0, 25-74 to 50, 75-99 up to the next krone
    assert round_cash(Money(due, "DKK"), CashRounding.NEAREST_0_50).rounded == Money(rounded, "DKK")


@pytest.mark.parametrize(
    ("due", "rounded"), [(1000, 1000), (1002, 1000), (1003, 1005), (1007, 1005), (1008, 1010), (1, 0), (3, 5)]
)
def test_kuwait_five_fils_when_configured(due, rounded):
    # the smallest Kuwaiti coin is 5 fils: 1.002 KWD -> 1.000, 1.003 -> 1.005, 1.008 -> 1.010
    assert round_cash(Money(due, "KWD"), CashRounding.NEAREST_0_005).rounded == Money(rounded, "KWD")


def test_0_05_is_refused_for_kuwaiti_dinars():
    # 0.05 KWD would round to 50 fils, which no country does: refused, pointing at the 5 fils rule
    with pytest.raises(ConfigError) as exc:
        round_cash(Money(1024, "KWD"), CashRounding.NEAREST_0_05)
    assert "'0.05'" in str(exc.value) and "KWD" in str(exc.value) and "'0.005'" in str(exc.value)


def test_none_keeps_the_amount():
    r = round_cash(Money(2329, "EUR"), CashRounding.NONE)
    assert r.rounded == Money(2329, "EUR") and r.difference == Money(0, "EUR")


def test_negative_cash_refund_mirrors_positive():
    r = round_cash(Money(-2328, "EUR"), CashRounding.ITALY)
    assert r.rounded == Money(-2330, "EUR")
    assert r.difference == Money(-2, "EUR")
    assert round_cash(Money(-2322, "EUR"), "italy").rounded == Money(-2320, "EUR")


# Each rule and the currencies whose smallest coin makes it the law or the custom.
VALID = {
    CashRounding.NEAREST_0_05: ("EUR", "CHF", "CAD", "AUD"),
    CashRounding.ITALY: ("EUR",),
    CashRounding.NEAREST_0_10: ("NZD",),
    CashRounding.NEAREST_0_50: ("DKK",),
    CashRounding.WHOLE_UNITS: ("SEK", "NOK", "CZK"),
    CashRounding.NEAREST_0_005: ("KWD",),
}


@pytest.mark.parametrize(
    "currency", ["EUR", "CHF", "CAD", "AUD", "NZD", "DKK", "SEK", "NOK", "CZK", "KWD", "USD", "JPY"]
)
@pytest.mark.parametrize("rule", list(CashRounding))
def test_every_rule_only_for_the_currencies_that_use_it(rule, currency):
    allowed = rule is CashRounding.NONE or currency in VALID[rule]
    if allowed:
        check_rule(rule, currency)
        round_cash(Money(12345, currency), rule)
        return
    with pytest.raises(ConfigError) as exc:
        check_rule(rule, currency)
    message = str(exc.value)
    assert f"'{rule.value}'" in message and currency in message
    for other in VALID[rule]:
        assert other in message  # says which currencies the rule is for
    with pytest.raises(ConfigError):
        round_cash(Money(100, currency), rule)


@pytest.mark.parametrize(
    ("currency", "suggestion"),
    [("KWD", "'0.005'"), ("NZD", "'0.10'"), ("DKK", "'0.50'"), ("SEK", "'whole'"), ("USD", "'none'")],
)
def test_a_refusal_names_the_rules_this_currency_can_use(currency, suggestion):
    with pytest.raises(ConfigError) as exc:
        check_rule(CashRounding.ITALY, currency)
    assert suggestion in str(exc.value)


def test_unknown_rule():
    with pytest.raises(ConfigError) as exc:
        round_cash(Money(100, "EUR"), "0.20")  # type: ignore[arg-type]
    assert "none, 0.05, italy, 0.10, 0.50, whole, 0.005" in str(exc.value)
