"""Each tax rounding method at each rounding level, on baskets worked out by hand in the comments."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos.cart import Cart
from pos.money import Money
from pos.storeconfig import StoreConfig
from pos.tax import RoundingMethod, TaxRate, TaxRounding

HU, HE, DOWN, UP = RoundingMethod.HALF_UP, RoundingMethod.HALF_EVEN, RoundingMethod.DOWN, RoundingMethod.UP
LINE, DOC = TaxRounding.PER_LINE, TaxRounding.PER_DOCUMENT


def cart(currency, rates, inclusive, level, method, lines):
    c = Cart(
        StoreConfig(
            currency=currency,
            locale="en_US",
            tax_rates=rates,
            prices_include_tax=inclusive,
            tax_rounding=level,
            tax_rounding_method=method,
        )
    )
    for i, (price, code) in enumerate(lines):
        c.add_line(f"SKU{i}", f"item {i}", Money(price, currency), code)
    return c.totals


# Tax added to net prices at 10 %, where every line and the document end on exactly half a cent:
#   1.25 -> 0.125, 1.35 -> 0.135, 1.05 -> 0.105; the document: 3.65 -> 0.365.
#   per line, half up:   0.13 + 0.14 + 0.11 = 0.38     per document, half up:   0.37
#   per line, half even: 0.12 + 0.14 + 0.10 = 0.36     per document, half even: 0.36 (6 is even)
#   per line, down:      0.12 + 0.13 + 0.10 = 0.35     per document, down:      0.36
#   per line, up:        0.13 + 0.14 + 0.11 = 0.38     per document, up:        0.37
TEN = (TaxRate("T", 10),)
HALVES = [(125, "T"), (135, "T"), (105, "T")]


@pytest.mark.parametrize(
    ("level", "method", "line_tax", "tax"),
    [
        (LINE, HU, [13, 14, 11], 38),
        (LINE, HE, [12, 14, 10], 36),
        (LINE, DOWN, [12, 13, 10], 35),
        (LINE, UP, [13, 14, 11], 38),
        # per document the rate's tax is shared over the lines by largest remainder: 37 * (125, 135, 105)
        # / 365 = 12.67, 13.68, 10.64 -> 12, 13, 10 and the 2 left to the largest remainders -> 13, 14, 10
        (DOC, HU, [13, 14, 10], 37),
        # 36 * (125, 135, 105) / 365 = 12.33, 13.32, 10.36 -> 12, 13, 10 (= 35), 1 left to .36 -> 12, 13, 11
        (DOC, HE, [12, 13, 11], 36),
        (DOC, DOWN, [12, 13, 11], 36),
        (DOC, UP, [13, 14, 10], 37),
    ],
)
def test_half_cent_ties_at_ten_percent(level, method, line_tax, tax):
    t = cart("USD", TEN, False, level, method, HALVES)
    assert [lt.tax.minor for lt in t.lines] == line_tax
    assert t.tax.minor == tax and t.total.minor == 365 + tax
    assert [lt.paid.minor for lt in t.lines] == [p + x for (p, _), x in zip(HALVES, line_tax, strict=True)]


# New York City, 8.875 % added: an umbrella at 15.99 and a scarf at 7.47.
#   15.99 * 8.875 % = 1.4191125   7.47 * 8.875 % = 0.6629625   23.46 * 8.875 % = 2.082075
#   per line: half up / half even 1.42 + 0.66 = 2.08, down 1.41 + 0.66 = 2.07, up 1.42 + 0.67 = 2.09
#   per document: half up, half even and down 2.08, up 2.09
NYC = (TaxRate("STANDARD", Decimal("8.875")),)
NYC_LINES = [(1599, "STANDARD"), (747, "STANDARD")]


@pytest.mark.parametrize(
    ("level", "method", "tax"),
    [
        *[(LINE, HU, 208), (LINE, HE, 208), (LINE, DOWN, 207), (LINE, UP, 209)],
        *[(DOC, HU, 208), (DOC, HE, 208), (DOC, DOWN, 208), (DOC, UP, 209)],
    ],
)
def test_new_york_city_8_875_percent(level, method, tax):
    t = cart("USD", NYC, False, level, method, NYC_LINES)
    assert t.tax.minor == tax and t.total.minor == 2346 + tax
    (rate,) = t.rates
    assert (rate.net.minor, rate.tax.minor, rate.rate.text) == (2346, tax, "8.875")


# Japan, tax in the price (10 % and 8 %): the tax contained in 1,100 yen at 10 % is 100 exactly; in
# 109 yen it is 9.909 yen; in 390 yen at 8 % it is 28.89, in 105 yen 7.78.
#   per line:     half up / half even / up: 100 + 10 = 110 and 29 + 8 = 37;   down: 100 + 9 = 109, 28 + 7 = 35
#   per document: 10 %: 1,209 * 10/110 = 109.909 -> 110 (down: 109); 8 %: 495 * 8/108 = 36.67 -> 37 (down: 36)
JP = (TaxRate("10", 10), TaxRate("8", 8, "8%*"))
JP_LINES = [(1100, "10"), (109, "10"), (390, "8"), (105, "8")]


@pytest.mark.parametrize(
    ("level", "method", "ten", "eight"),
    [
        *[(LINE, HU, 110, 37), (LINE, HE, 110, 37), (LINE, DOWN, 109, 35), (LINE, UP, 110, 37)],
        *[(DOC, HU, 110, 37), (DOC, HE, 110, 37), (DOC, DOWN, 109, 36), (DOC, UP, 110, 37)],
    ],
)
def test_japan_tax_included(level, method, ten, eight):
    t = cart("JPY", JP, True, level, method, JP_LINES)
    assert [(r.rate.code, r.gross.minor, r.tax.minor) for r in t.rates] == [
        ("10", 1209, ten),
        ("8", 495, eight),
    ]
    assert t.total.minor == 1704  # the customer pays the shelf prices whatever the rounding
