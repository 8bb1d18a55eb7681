"""Money: exponents, parsing, exact arithmetic, allocation, formatting, and its errors."""

from __future__ import annotations

import copy
from decimal import Decimal
from fractions import Fraction

import pytest
from babel.numbers import list_currencies

from pos.errors import (
    CurrencyMismatchError,
    DomainError,
    InvalidAmountError,
    TooManyDecimalsError,
    UnknownCurrencyError,
)
from pos.money import EXPONENTS, Money, allocate_minor, check_currency, exponent, sum_money


def test_exponent_table_has_the_currencies_that_matter():
    assert exponent("JPY") == 0
    assert exponent("EUR") == 2
    assert exponent("KWD") == 3
    assert exponent("CLF") == 4
    # Stripe's zero-decimal list that ISO also has as zero-decimal, and its three-decimal ones.
    for code in ("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV"):
        assert exponent(code) == 0, code
    for code in ("XAF", "XOF", "XPF"):
        assert exponent(code) == 0, code
    for code in ("BHD", "JOD", "KWD", "OMR", "TND", "IQD", "LYD"):
        assert exponent(code) == 3, code


def test_every_table_currency_is_known_to_babel_so_it_can_be_shown():
    known = set(list_currencies())
    assert set(EXPONENTS) <= known
    for code, digits in EXPONENTS.items():
        assert len(code) == 3 and code.isupper() and code.isalpha()
        assert digits in (0, 2, 3, 4)


@pytest.mark.parametrize("code", ["XXX", "XAU", "EURO", "", "usd ", "ZZZ"])
def test_unknown_currency_is_refused(code):
    with pytest.raises(UnknownCurrencyError) as exc:
        Money(1, code)
    assert repr(code) in str(exc.value)
    assert "ISO 4217" in str(exc.value)
    with pytest.raises(UnknownCurrencyError):
        exponent(code)


def test_non_text_currency_is_refused():
    with pytest.raises(UnknownCurrencyError):
        exponent(None)  # type: ignore[arg-type]
    with pytest.raises(UnknownCurrencyError):
        check_currency(978)


def test_lower_case_currency_is_normalised():
    assert Money(5, "eur") == Money(5, "EUR")
    assert Money(5, "eur").currency == "EUR"
    assert check_currency("jpy") == "JPY"


@pytest.mark.parametrize("bad", [1.5, 1.0, Decimal("1"), "1", True, None])
def test_minor_units_must_be_a_true_int(bad):
    with pytest.raises(InvalidAmountError):
        Money(bad, "EUR")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("12.34", "EUR", 1234),
        ("12.3", "EUR", 1230),
        ("12", "EUR", 1200),
        (" 0.05 ", "EUR", 5),
        (".5", "EUR", 50),
        ("7.", "EUR", 700),
        ("-3.10", "USD", -310),
        ("+1", "USD", 100),
        ("500", "JPY", 500),
        ("500.00", "JPY", 500),  # trailing zeros are not extra precision
        ("1.250", "KWD", 1250),
        ("0.001", "KWD", 1),
        ("1.2345", "CLF", 12345),
    ],
)
def test_parse_exact_amounts(text, currency, minor):
    assert Money.parse(text, currency) == Money(minor, currency)


def test_parse_decimal_and_int():
    assert Money.parse(Decimal("19.99"), "EUR") == Money(1999, "EUR")
    assert Money.parse(3, "EUR") == Money(300, "EUR")
    assert Money.parse(3, "JPY") == Money(3, "JPY")


@pytest.mark.parametrize(
    ("text", "currency", "digits"),
    [("1.005", "EUR", 2), ("10.5", "JPY", 0), ("0.0001", "KWD", 3), ("0.001", "USD", 2)],
)
def test_parse_refuses_too_many_decimals(text, currency, digits):
    with pytest.raises(TooManyDecimalsError) as exc:
        Money.parse(text, currency)
    assert exc.value.digits == digits
    assert text in str(exc.value)
    assert currency in str(exc.value)
    assert isinstance(exc.value, DomainError)


def test_too_many_decimals_messages_read_well():
    assert "JPY has no decimals" in str(TooManyDecimalsError("10.5", "JPY", 0))
    assert "at most 2 decimals" in str(TooManyDecimalsError("1.005", "EUR", 2))
    assert "at most 1 decimal." in str(TooManyDecimalsError("1.05", "XYZ", 1))
    with pytest.raises(TooManyDecimalsError):
        Money.parse(Decimal("0.125"), "EUR")


@pytest.mark.parametrize("text", ["", "abc", "1,5", "1_000", "1e3", "NaN", "Infinity", "--1", "1.2.3", "€5"])
def test_parse_refuses_non_amounts(text):
    with pytest.raises(InvalidAmountError):
        Money.parse(text, "EUR")


@pytest.mark.parametrize("value", [1.5, True, None, [1]])
def test_parse_refuses_floats_and_other_types(value):
    with pytest.raises(InvalidAmountError):
        Money.parse(value, "EUR")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_parse_refuses_non_finite_decimals(value):
    with pytest.raises(InvalidAmountError):
        Money.parse(value, "EUR")


def test_parse_with_locale():
    assert Money.parse("1.234,50", "EUR", locale="it_IT") == Money(123450, "EUR")
    assert Money.parse("1,234.50", "USD", locale="en_US") == Money(123450, "USD")
    with pytest.raises(TooManyDecimalsError):
        Money.parse("1,005", "EUR", locale="de_DE")
    with pytest.raises(InvalidAmountError):
        Money.parse("abc", "EUR", locale="de_DE")
    with pytest.raises(InvalidAmountError):
        Money.parse("1", "EUR", locale="xx_NOPE")


def test_parse_refuses_unknown_currency_first():
    with pytest.raises(UnknownCurrencyError):
        Money.parse("1", "EUX")


def test_arithmetic_is_exact():
    a = Money(1999, "EUR")
    b = Money(1, "EUR")
    assert a + b == Money(2000, "EUR")
    assert a - b == Money(1998, "EUR")
    assert -a == Money(-1999, "EUR")
    assert abs(Money(-5, "EUR")) == Money(5, "EUR")
    assert a * 3 == Money(5997, "EUR")
    assert 3 * a == Money(5997, "EUR")
    assert Money.zero("JPY") == Money(0, "JPY")


def test_multiplying_by_a_non_int_is_refused():
    with pytest.raises(TypeError):
        Money(1, "EUR") * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money(1, "EUR") * Decimal("2")  # type: ignore[operator]


def test_adding_a_non_money_is_refused():
    with pytest.raises(TypeError):
        Money(1, "EUR") + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money(1, "EUR") - 1  # type: ignore[operator]


def test_mixing_currencies_raises():
    eur, usd = Money(100, "EUR"), Money(100, "USD")
    for op in (
        lambda: eur + usd,
        lambda: eur - usd,
        lambda: eur < usd,
        lambda: eur <= usd,
        lambda: eur > usd,
        lambda: eur >= usd,
    ):
        with pytest.raises(CurrencyMismatchError) as exc:
            op()
        assert "EUR" in str(exc.value) and "USD" in str(exc.value)
    assert eur != usd  # equality is allowed: they are simply different amounts


def test_ordering_against_a_non_money_is_a_type_error():
    for op in (
        lambda m: m < 1,
        lambda m: m <= 1,
        lambda m: m > 1,
        lambda m: m >= 1,
    ):
        with pytest.raises(TypeError):
            op(Money(1, "EUR"))


def test_comparisons():
    one, two = Money(1, "EUR"), Money(2, "EUR")
    assert one < two and one <= two and two > one and two >= one and one <= one and one >= one
    assert not (two < one)
    assert Money(0, "EUR").is_zero and not Money(0, "EUR")
    assert Money(-1, "EUR").is_negative and not Money(1, "EUR").is_negative
    assert bool(one)
    assert (one == 1) is False
    assert hash(Money(1, "EUR")) == hash(Money(1, "EUR"))
    assert len({Money(1, "EUR"), Money(1, "EUR"), Money(1, "JPY")}) == 2


def test_immutable_and_copyable():
    m = Money(1, "EUR")
    with pytest.raises(AttributeError):
        m.minor = 2  # type: ignore[misc]
    assert copy.deepcopy(m) == m and copy.copy(m) == m  # through __reduce__, as pickle does


def test_to_decimal_str_repr():
    assert Money(1230, "EUR").to_decimal() == Decimal("12.30")
    assert str(Money(1230, "EUR").to_decimal()) == "12.30"
    assert str(Money(500, "JPY")) == "500 JPY"
    assert str(Money(-5, "EUR")) == "-0.05 EUR"
    assert str(Money(1250, "KWD")) == "1.250 KWD"
    assert repr(Money(5, "EUR")) == "Money(5, 'EUR')"


@pytest.mark.parametrize(
    ("minor", "currency", "locale", "text"),
    [
        (123450, "EUR", "it_IT", "1.234,50\xa0€"),
        (500, "JPY", "ja_JP", "￥500"),
        (-310, "USD", "en_US", "-$3.10"),
        (123450, "CHF", "de_CH", "CHF\xa01’234.50"),
        (1200, "SEK", "sv_SE", "12,00\xa0kr"),
        (1250, "IQD", "en_US", "IQD1.250"),  # CLDR shows 0 decimals; we never drop fils
    ],
)
def test_format_with_babel(minor, currency, locale, text):
    assert Money(minor, currency).format(locale) == text


def test_format_unknown_locale():
    with pytest.raises(InvalidAmountError):
        Money(1, "EUR").format("xx_NOPE")


# ------------------------------------------------------------------ allocation
def test_allocate_by_largest_remainder_hand_example():
    # 100 cents over 1:1:1 -> 33.33 each; the one spare cent goes to the first (ties: earliest).
    assert [m.minor for m in Money(100, "EUR").allocate([1, 1, 1])] == [34, 33, 33]
    # 10 over 3:7 exact
    assert allocate_minor(10, [3, 7]) == [3, 7]
    # 5 over 1:2:2 -> exact shares 1, 2, 2
    assert allocate_minor(5, [1, 2, 2]) == [1, 2, 2]
    # 7 over 1:1:1:1 -> 1.75 each; three spare units go to the first three
    assert allocate_minor(7, [1, 1, 1, 1]) == [2, 2, 2, 1]
    # 10 over 6:1:1 -> 7.5, 1.25, 1.25: floors 7,1,1; spare to the largest remainder (first)
    assert allocate_minor(10, [6, 1, 1]) == [8, 1, 1]
    # the largest remainder wins over an earlier smaller one: 10 over 1:2 -> 3.33, 6.67
    assert allocate_minor(10, [1, 2]) == [3, 7]


def test_allocate_zero_weight_gets_zero():
    assert allocate_minor(9, [0, 1, 0, 2]) == [0, 3, 0, 6]
    assert allocate_minor(0, [0, 0]) == [0, 0]


def test_allocate_negative_amount_mirrors_positive():
    assert allocate_minor(-100, [1, 1, 1]) == [-34, -33, -33]


def test_allocate_exact_weights():
    assert allocate_minor(100, [Decimal("0.5"), Fraction(1, 4), 1]) == [29, 14, 57]
    # 100 * 0.5/1.75 = 28.57, 100 * 0.25/1.75 = 14.29, 100 * 1/1.75 = 57.14
    # -> floors 28, 14, 57 = 99; the spare unit to the largest remainder (.57 of 28.57)


@pytest.mark.parametrize("weights", [[], [-1, 2], [0, 0], [1.5, 1], [True, 1], ["1"]])
def test_allocate_refuses_bad_weights(weights):
    with pytest.raises(InvalidAmountError):
        allocate_minor(10, weights)


def test_sum_money():
    assert sum_money([Money(1, "EUR"), Money(2, "EUR")], "EUR") == Money(3, "EUR")
    assert sum_money([], "JPY") == Money(0, "JPY")
    with pytest.raises(CurrencyMismatchError):
        sum_money([Money(1, "EUR"), Money(2, "USD")], "EUR")
    with pytest.raises(UnknownCurrencyError):
        sum_money([], "XXX")
