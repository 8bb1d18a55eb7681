"""Tax rates, rounding methods, and per-line vs per-document tax."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.errors import ConfigError, UnknownTaxCodeError
from pos.money import Money
from pos.tax import (
    PERCENT_DECIMALS,
    RateTotal,
    RoundingMethod,
    TaxRate,
    TaxRounding,
    compute_taxes,
    parse_percent,
    rate_totals,
    round_div,
)

H_UP, H_EVEN, DOWN, UP = (
    RoundingMethod.HALF_UP,
    RoundingMethod.HALF_EVEN,
    RoundingMethod.DOWN,
    RoundingMethod.UP,
)


@pytest.mark.parametrize(
    ("n", "d", "method", "expected"),
    [
        (10, 4, H_UP, 3),  # 2.5 -> 3
        (10, 4, H_EVEN, 2),  # 2.5 -> 2 (even)
        (14, 4, H_EVEN, 4),  # 3.5 -> 4 (even)
        (10, 4, DOWN, 2),
        (10, 4, UP, 3),
        (9, 4, H_UP, 2),  # 2.25
        (9, 4, H_EVEN, 2),
        (11, 4, H_UP, 3),  # 2.75
        (11, 4, H_EVEN, 3),
        (11, 4, DOWN, 2),
        (9, 4, UP, 3),
        (8, 4, UP, 2),  # exact: no rounding at all
        (8, 4, H_UP, 2),
        (-10, 4, H_UP, -3),  # symmetric: -2.5 -> -3
        (-11, 4, DOWN, -2),
        (-9, 4, UP, -3),
        (0, 7, UP, 0),
    ],
)
def test_round_div(n, d, method, expected):
    assert round_div(n, d, method) == expected


def test_rate_parts_and_label():
    r = TaxRate("8R", Decimal("8"), "8%*")
    assert r.label == "8%*"
    assert TaxRate("S", Decimal("22")).label == "22%"
    assert TaxRate("NY", Decimal("8.875")).label == "8.875%"
    assert TaxRate("Z", 0).label == "0%"
    assert TaxRate("X", Decimal("10.0")).label == "10%"
    assert TaxRate("X", 10).percent == Decimal(10)


def test_tax_included_and_on():
    ten = TaxRate("10", Decimal(10))
    # 1100 gross at 10 % contains exactly 100 tax; 1000 net carries 100 tax
    assert ten.tax_included(1100, H_UP) == 100
    assert ten.tax_on(1000, H_UP) == 100
    # 109 yen gross at 10 %: 109 * 10 / 110 = 9.909 -> 9 down, 10 half up
    assert ten.tax_included(109, DOWN) == 9
    assert ten.tax_included(109, H_UP) == 10
    ny = TaxRate("NY", Decimal("8.875"))
    # 2346 * 0.08875 = 208.2075
    assert ny.tax_on(2346, H_UP) == 208
    assert ny.tax_on(2346, UP) == 209
    # inclusive 8.875 %: 1000 * 8.875 / 108.875 = 81.515...
    assert ny.tax_included(1000, H_UP) == 82
    assert TaxRate("Z", 0).tax_on(12345, UP) == 0


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"code": "", "percent": Decimal(1)}, "needs a code"),
        ({"code": "  ", "percent": Decimal(1)}, "needs a code"),
        ({"code": 5, "percent": Decimal(1)}, "needs a code"),
        ({"code": "A", "percent": 8.875}, "exactly"),
        ({"code": "A", "percent": True}, "exactly"),
        ({"code": "A", "percent": "8"}, "exactly"),
        ({"code": "A", "percent": Decimal(-1)}, "not a valid percent"),
        ({"code": "A", "percent": Decimal("NaN")}, "not a valid percent"),
        ({"code": "A", "percent": Decimal(1000)}, "not a valid percent"),
    ],
)
def test_bad_rates(kwargs, fragment):
    with pytest.raises(ConfigError) as exc:
        TaxRate(**kwargs)
    assert fragment in str(exc.value)


def test_rate_dict_round_trip():
    r = TaxRate("NY", Decimal("8.875"), "NY tax")
    assert r.to_dict() == {"code": "NY", "percent": "8.875", "label": "NY tax"}
    assert TaxRate.from_dict(r.to_dict()) == r
    assert TaxRate.from_dict({"code": "S", "percent": 22}) == TaxRate("S", Decimal(22))
    with pytest.raises(ConfigError, match="not a percent"):
        TaxRate.from_dict({"code": "S", "percent": "twenty"})
    with pytest.raises(ConfigError, match="needs a code and a percent"):
        TaxRate.from_dict({"code": "S"})
    with pytest.raises(ConfigError, match="needs a code and a percent"):
        TaxRate.from_dict(["S", 22])  # type: ignore[arg-type]


RATES = {"8": TaxRate("8", Decimal(8), "8%*"), "10": TaxRate("10", Decimal(10))}


def _tax(amounts, codes, *, inclusive=True, rounding=TaxRounding.PER_DOCUMENT, method=DOWN):
    return compute_taxes(
        amounts, codes, RATES, prices_include_tax=inclusive, rounding=rounding, method=method
    )


def test_per_document_rounds_once_per_rate_and_shares_the_tax():
    # 8 %: 390 + 216 + 105 = 711 gross, 711 * 8 / 108 = 52.67 -> 52 (down)
    # shares of 52 by gross: 28.52, 15.80, 7.68 -> 28, 15, 7 (= 50) + 2 spare to .80 and .68 -> 28, 16, 8
    r = _tax([390, 216, 105], ["8", "8", "8"])
    assert r.tax == [28, 16, 8]
    assert r.paid == [390, 216, 105]
    assert r.by_rate == {"8": [659, 52, 711]}


def test_per_line_rounds_every_line():
    # 390 -> 28.89 -> 28; 216 -> 16; 105 -> 7.78 -> 7: 51, one yen less than per document
    r = _tax([390, 216, 105], ["8", "8", "8"], rounding=TaxRounding.PER_LINE)
    assert r.tax == [28, 16, 7]
    assert r.by_rate == {"8": [660, 51, 711]}


def test_exclusive_adds_tax_to_paid():
    # net 1000 at 10 % -> 100; net 999 at 8 % -> 79.92 -> 79 (down)
    r = _tax([1000, 999], ["10", "8"], inclusive=False, rounding=TaxRounding.PER_LINE)
    assert r.tax == [100, 79]
    assert r.paid == [1100, 1078]
    # rates come in tax-table order (8 before 10), whatever the line order
    assert list(r.by_rate) == ["8", "10"]
    assert r.by_rate["8"] == [999, 79, 1078]


def test_zero_amount_lines_and_empty_basket():
    assert _tax([0, 0], ["8", "8"]).tax == [0, 0]
    empty = _tax([], [])
    assert (empty.tax, empty.paid, empty.by_rate) == ([], [], {})


def test_unknown_code():
    with pytest.raises(UnknownTaxCodeError) as exc:
        _tax([100], ["99"])
    assert "'99'" in str(exc.value) and "8, 10" in str(exc.value)


def test_rate_totals_builds_receipt_lines():
    totals = rate_totals({"8": [659, 52, 711]}, RATES, "JPY")
    assert totals == (RateTotal(RATES["8"], Money(659, "JPY"), Money(52, "JPY"), Money(711, "JPY")),)
    assert totals[0].to_dict() == {
        "code": "8",
        "percent": "8",
        "label": "8%*",
        "net": 659,
        "tax": 52,
        "gross": 711,
    }


# ---------------------------------------------------------------------------- rates of any precision
# every rate the till represents: 0 to under 1000 percent, up to 6 decimals, written in any way
RATE_VALUES = st.integers(0, 1000 * 10**PERCENT_DECIMALS - 1).map(
    lambda n: Decimal(n).scaleb(-PERCENT_DECIMALS)
)


@given(RATE_VALUES, st.integers(0, 4))
def test_every_representable_rate_round_trips_exactly(percent, extra_zeros):
    written = f"{percent:f}" + ("0" * extra_zeros if "." in f"{percent:f}" else "")
    rate = TaxRate.from_dict({"code": "R", "percent": written})
    assert rate.percent == percent
    text = rate.text
    assert "E" not in text and not (text.endswith("0") and "." in text) and not text.endswith(".")
    assert Decimal(text) == percent and parse_percent(text, "R") == percent
    assert TaxRate.from_dict(rate.to_dict()) == rate
    assert TaxRate("R", percent).text == text  # a Decimal in any form has the same text


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("8.8751234", "more decimals than the till keeps (at most 6)"),
        ("1.0000000000000000000000000000001", "more decimals"),  # past Decimal's 28 digits: never rounded
        (Decimal("0.0000001"), "more decimals"),
        ("1000", "not a valid percent"),
        ("-0.5", "not a valid percent"),
        ("Infinity", "not a valid percent"),
        ("8,875", "not a percent"),
        (8.875, "exactly"),
    ],
)
def test_a_rate_the_till_cannot_represent_is_refused(value, fragment):
    with pytest.raises(ConfigError) as exc:
        parse_percent(value, "Tax rate 'STANDARD'")
    assert fragment in str(exc.value) and "'STANDARD'" in str(exc.value)
    with pytest.raises(ConfigError) as exc:
        if isinstance(value, str):
            TaxRate.from_dict({"code": "STANDARD", "percent": value})
        else:
            TaxRate("STANDARD", value)
    assert fragment in str(exc.value)


def test_canonical_text_of_a_rate():
    assert [TaxRate("X", Decimal(v)).text for v in ("8.8750", "1E+1", "-0", "0.000", "13.50", "4.7120")] == [
        "8.875",
        "10",
        "0",
        "0",
        "13.5",
        "4.712",
    ]
