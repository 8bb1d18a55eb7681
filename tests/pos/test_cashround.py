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
    assert round_cash(Money(due, "CHF"), CashRounding.NEAREST_0_05).rounded == Money(rounded, "CHF")


@pytest.mark.parametrize(
    ("due", "rounded"),
    [(10049, 10000), (10050, 10100), (10099, 10100), (10001, 10000), (10000, 10000), (49, 0), (50, 100)],
)
def test_sweden_whole_kronor(due, rounded):
    r = round_cash(Money(due, "SEK"), CashRounding.WHOLE_UNITS)
    assert r.rounded == Money(rounded, "SEK")
    assert r.difference.minor == rounded - due


def test_whole_units_on_a_zero_decimal_currency_is_a_no_op():
    assert round_cash(Money(1369, "JPY"), CashRounding.WHOLE_UNITS).rounded == Money(1369, "JPY")


def test_three_decimal_currency_0_05_is_50_fils_ties_up():
    # 0.05 KWD = 50 fils; 1.024 -> 1.000, 1.025 -> 1.050 (tie away from zero), 1.026 -> 1.050
    assert round_cash(Money(1024, "KWD"), "0.05").rounded == Money(1000, "KWD")
    assert round_cash(Money(1025, "KWD"), "0.05").rounded == Money(1050, "KWD")
    assert round_cash(Money(1076, "KWD"), "0.05").rounded == Money(1100, "KWD")


def test_none_keeps_the_amount():
    r = round_cash(Money(2329, "EUR"), CashRounding.NONE)
    assert r.rounded == Money(2329, "EUR") and r.difference == Money(0, "EUR")


def test_negative_cash_refund_mirrors_positive():
    r = round_cash(Money(-2328, "EUR"), CashRounding.ITALY)
    assert r.rounded == Money(-2330, "EUR")
    assert r.difference == Money(-2, "EUR")
    assert round_cash(Money(-2322, "EUR"), "italy").rounded == Money(-2320, "EUR")


@pytest.mark.parametrize(
    ("rule", "currency"),
    [(CashRounding.NEAREST_0_05, "JPY"), (CashRounding.ITALY, "JPY"), (CashRounding.ITALY, "KWD")],
)
def test_rule_that_cannot_apply_to_the_currency(rule, currency):
    with pytest.raises(ConfigError) as exc:
        round_cash(Money(100, currency), rule)
    assert currency in str(exc.value)
    with pytest.raises(ConfigError):
        check_rule(rule, currency)


def test_unknown_rule():
    with pytest.raises(ConfigError) as exc:
        round_cash(Money(100, "EUR"), "0.10")  # type: ignore[arg-type]
    assert "none, 0.05, italy, whole" in str(exc.value)
