"""compute_refund: partial returns, repeated returns, and refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos.cart import Cart, LineTotal, compute_refund
from pos.errors import (
    CurrencyMismatchError,
    InvalidQuantityError,
    LineNotFoundError,
    NegativeQuantityError,
    RefundError,
)
from pos.money import Money
from pos.storeconfig import StoreConfig
from pos.tax import TaxRate, TaxRounding


def eur(text: str) -> Money:
    return Money.parse(text, "EUR")


@pytest.fixture
def sold() -> tuple[LineTotal, ...]:
    cfg = StoreConfig(
        currency="EUR",
        locale="de_DE",
        tax_rates=(TaxRate("19", Decimal(19)), TaxRate("7", Decimal(7))),
        tax_rounding=TaxRounding.PER_DOCUMENT,
    )
    cart = Cart(cfg, cart_id="sale-1", ids=iter(["A", "B", "C", "D"]).__next__)
    cart.add_line("a", "Socks", eur("3.33"), "19", 3)  # 9.99
    cart.add_line("b", "Tea", eur("1.00"), "7", 2)  # 2.00
    cart.add_line("c", "Scarf", eur("10.00"), "19")  # 10.00
    cart.add_line("d", "Sample", eur("0.00"), "19")  # free
    return cart.totals.lines


def test_one_unit_at_a_time_adds_up_to_what_was_paid(sold):
    socks = sold[0]
    # 19 % per document over 9.99 + 10.00 = 19.99: 1999 * 19/119 = 319.16 -> 3.19 VAT,
    # shared 319 * 999/1999 = 159.42 and 319 * 1000/1999 = 159.58 -> 159, 160
    assert socks.paid == eur("9.99") and socks.tax == eur("1.59")
    # 9.99 over 3 units: cumulative floor(999 * n / 3) = 333, 666, 999 -> 3.33 each
    # tax cumulative floor(159 * amount / 999) = 53, 106, 159 -> 0.53 each
    got = []
    for before in range(3):
        r = compute_refund(sold, {"A": 1}, {"A": before})
        got.append((r.total.minor, r.tax.minor))
    assert got == [(333, 53), (333, 53), (333, 53)]


def test_uneven_split_never_gives_back_more_than_paid():
    line = LineTotal.from_dict(
        {
            "line_id": "L",
            "sku": "x",
            "description": "Pens",
            "quantity": 3,
            "currency": "EUR",
            "unit_price": 34,
            "tax_rate": {"code": "19", "percent": "19"},
            "subtotal": 102,
            "line_discount": 0,
            "order_discount": 2,
            "paid": 100,
            "tax": 16,
        }
    )
    # 1.00 over 3 units: floor(100 n / 3) = 33, 66, 100 -> 0.33, 0.33, 0.34 (the last gets the rest)
    amounts = [compute_refund([line], {"L": 1}, {"L": n}).total.minor for n in range(3)]
    assert amounts == [33, 33, 34]
    # tax floor(16 * amount / 100): 5, 10, 16 -> 5, 5, 6
    taxes = [compute_refund([line], {"L": 1}, {"L": n}).tax.minor for n in range(3)]
    assert taxes == [5, 5, 6]
    assert compute_refund([line], {"L": 3}).total == eur("1.00")


def test_several_lines_and_rates(sold):
    r = compute_refund(sold, {"A": 2, "B": 2, "C": 1, "D": 1})
    assert r.currency == "EUR"
    assert [rl.line_id for rl in r.lines] == ["A", "B", "C", "D"]
    assert r.total == eur("6.66") + eur("2.00") + eur("10.00")
    assert [rate.rate.code for rate in r.rates] == ["19", "7"]
    nineteen = r.rates[0]
    assert nineteen.gross == eur("16.66") and nineteen.tax == r.lines[0].tax + r.lines[2].tax
    assert nineteen.net + nineteen.tax == nineteen.gross
    assert r.lines[3].amount == eur("0") and r.lines[3].net == eur("0")
    assert r.tax == sum((rl.tax for rl in r.lines), eur("0"))


def test_zero_units_are_skipped_and_nothing_is_zero(sold):
    r = compute_refund(sold, {"A": 0})
    assert r.lines == () and r.total == eur("0") and r.tax == eur("0") and r.rates == ()
    assert compute_refund(sold, {}).total == eur("0")


def test_more_than_left_is_refused(sold):
    with pytest.raises(RefundError) as exc:
        compute_refund(sold, {"A": 2}, {"A": 2})
    assert "Only 1 of 3 × Socks" in str(exc.value)
    with pytest.raises(RefundError, match="Only 0 of 3"):
        compute_refund(sold, {"A": 1}, {"A": 5})
    with pytest.raises(RefundError):
        compute_refund(sold, {"C": 2})


def test_bad_requests(sold):
    with pytest.raises(LineNotFoundError):
        compute_refund(sold, {"Z": 1})
    with pytest.raises(LineNotFoundError):
        compute_refund(sold, {"A": 1}, {"Z": 1})
    with pytest.raises(NegativeQuantityError):
        compute_refund(sold, {"A": -1})
    with pytest.raises(NegativeQuantityError):
        compute_refund(sold, {"A": 1}, {"A": -1})
    with pytest.raises(InvalidQuantityError):
        compute_refund(sold, {"A": 1.0})  # type: ignore[dict-item]
    with pytest.raises(InvalidQuantityError):
        compute_refund(sold, {"A": 1}, {"A": "1"})  # type: ignore[dict-item]
    with pytest.raises(RefundError, match="nothing to return"):
        compute_refund([], {})


def test_lines_in_two_currencies_are_refused(sold):
    data = sold[1].to_dict()
    data.update(line_id="USD-LINE", currency="USD")
    foreign = LineTotal.from_dict(data)
    with pytest.raises(CurrencyMismatchError):
        compute_refund([*sold, foreign], {"A": 1, "USD-LINE": 1})
