"""Cart operations: lines, quantities, discounts, overrides, all-or-nothing changes, persistence."""

from __future__ import annotations

import itertools
import json
from decimal import Decimal

import pytest

from pos.cart import Cart, CartLine, Discount, LineTotal, new_id
from pos.errors import (
    CurrencyMismatchError,
    DiscountTooLargeError,
    DomainError,
    InvalidAmountError,
    InvalidDataError,
    InvalidDiscountError,
    InvalidQuantityError,
    LineNotFoundError,
    NegativeQuantityError,
    PriceOverrideError,
    UnknownTaxCodeError,
)
from pos.money import Money
from pos.storeconfig import StoreConfig
from pos.tax import TaxRate, TaxRounding


def eur(text: str) -> Money:
    return Money.parse(text, "EUR")


@pytest.fixture
def config() -> StoreConfig:
    return StoreConfig(
        currency="EUR",
        locale="de_DE",
        tax_rates=(TaxRate("19", Decimal(19)), TaxRate("7", Decimal(7))),
        max_quantity=500,
    )


@pytest.fixture
def cart(config) -> Cart:
    counter = itertools.count(1)
    return Cart(config, cart_id="cart-1", ids=lambda: f"L{next(counter)}")


def test_new_id_is_a_uuid4():
    a, b = new_id(), new_id()
    assert a != b and len(a) == 36 and a[14] == "4"
    assert len(Cart(StoreConfig(currency="EUR", locale="de_DE", tax_rates=(TaxRate("0", 0),))).cart_id) == 36


def test_empty_cart(cart):
    t = cart.totals
    assert cart.is_empty and cart.line_count == 0
    assert cart  # an empty cart is still a cart: `cart or Cart(...)` must not replace it
    assert t.total == Money(0, "EUR") and t.tax == Money(0, "EUR") and t.item_count == 0
    assert t.lines == () and t.rates == ()
    assert cart.currency == "EUR" and cart.revision == 0


def test_add_change_remove(cart):
    a = cart.add_line("4006381333931", "Pen", eur("1.19"), "19", 3)
    b = cart.add_line("123", "Bread", eur("2.14"), "7")
    assert [line.line_id for line in cart.lines] == ["L1", "L2"]
    assert a.subtotal == eur("3.57")
    t = cart.totals
    # 3.57 gross at 19 %: 357 * 19 / 119 = 57.0 -> 0.57 tax; 2.14 at 7 %: 214 * 7 / 107 = 14 -> 0.14
    assert t.total == eur("5.71") and t.tax == eur("0.71") and t.net == eur("5.00")
    assert t.item_count == 4
    assert cart.set_quantity(a.line_id, 1).quantity == 1
    assert cart.totals.total == eur("3.33")
    assert cart.remove_line(b.line_id) == b
    assert cart.totals.total == eur("1.19")
    assert cart.revision == 4
    with pytest.raises(LineNotFoundError):
        cart.line(b.line_id)
    with pytest.raises(LineNotFoundError):
        cart.remove_line(b.line_id)
    with pytest.raises(LineNotFoundError):
        cart.line(None)  # type: ignore[arg-type]


def test_merge_adds_to_a_matching_line(cart):
    a = cart.add_line("A", "Apple", eur("0.50"), "7", merge=True)
    again = cart.add_line("A", "Apple", eur("0.50"), "7", 2, merge=True)
    assert again.line_id == a.line_id and again.quantity == 3 and cart.line_count == 1
    # a different price, or a discounted / overridden line, opens a new line
    other_price = cart.add_line("A", "Apple", eur("0.40"), "7", merge=True)
    assert other_price.line_id != a.line_id
    cart.set_line_discount(a.line_id, Discount.of_percent(10))
    cart.override_price(other_price.line_id, eur("0.30"), "bruised")
    new = cart.add_line("A", "Apple", eur("0.50"), "7", merge=True)
    assert new.line_id not in (a.line_id, other_price.line_id)
    # without merge every scan is a line
    last = cart.add_line("A", "Apple", eur("0.50"), "7")
    assert last.line_id != new.line_id
    # merge grows the most recent matching line; past the largest quantity it is refused, no change
    cart.set_quantity(last.line_id, 500)
    before = cart.to_dict()
    with pytest.raises(InvalidQuantityError):
        cart.add_line("A", "Apple", eur("0.50"), "7", merge=True)
    assert cart.to_dict() == before


@pytest.mark.parametrize("qty", [-1, -100])
def test_negative_quantity(cart, qty):
    with pytest.raises(NegativeQuantityError) as exc:
        cart.add_line("A", "Apple", eur("0.50"), "7", qty)
    assert "return" in str(exc.value)
    line = cart.add_line("A", "Apple", eur("0.50"), "7")
    with pytest.raises(NegativeQuantityError):
        cart.set_quantity(line.line_id, qty)
    assert cart.line(line.line_id).quantity == 1


@pytest.mark.parametrize(
    ("qty", "fragment"), [(0, "at least 1"), (1.5, "whole"), (True, "whole"), ("2", "whole")]
)
def test_bad_quantities(cart, qty, fragment):
    with pytest.raises(InvalidQuantityError) as exc:
        cart.add_line("A", "Apple", eur("0.50"), "7", qty)
    assert fragment in str(exc.value)


def test_barcode_typed_as_quantity(cart):
    line = cart.add_line("A", "Apple", eur("0.50"), "7")
    with pytest.raises(InvalidQuantityError) as exc:
        cart.set_quantity(line.line_id, 4006381333931)
    assert "at most 500" in str(exc.value)


def test_bad_items(cart):
    with pytest.raises(InvalidDataError):
        cart.add_line("", "x", eur("1"), "7")
    with pytest.raises(InvalidDataError):
        cart.add_line(None, "x", eur("1"), "7")  # type: ignore[arg-type]
    with pytest.raises(InvalidDataError):
        cart.add_line("A", None, eur("1"), "7")  # type: ignore[arg-type]
    with pytest.raises(UnknownTaxCodeError):
        cart.add_line("A", "x", eur("1"), "22")
    with pytest.raises(CurrencyMismatchError):
        cart.add_line("A", "x", Money(100, "USD"), "7")
    with pytest.raises(InvalidAmountError, match="negative"):
        cart.add_line("A", "x", eur("-1"), "7")
    with pytest.raises(InvalidAmountError):
        cart.add_line("A", "x", 1, "7")  # type: ignore[arg-type]
    assert cart.is_empty and cart.revision == 0


def test_free_item_is_fine(cart):
    cart.add_line("GIFT", "Gift", eur("0"), "19")
    assert cart.totals.total == eur("0")


# ------------------------------------------------------------------ discounts
def test_discount_construction():
    assert Discount.of_percent("10%").percent == Decimal(10)
    assert Discount.of_percent(Decimal("12.5"), "staff").reason == "staff"
    assert Discount.of_amount(eur("1")).amount == eur("1")
    assert Discount.of_percent(100).percent == Decimal(100)


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: Discount(), InvalidDiscountError),
        (lambda: Discount(percent=Decimal(1), amount=eur("1")), InvalidDiscountError),
        (lambda: Discount.of_percent("ten"), InvalidDiscountError),
        (lambda: Discount.of_percent(0), InvalidDiscountError),
        (lambda: Discount.of_percent(-5), InvalidDiscountError),
        (lambda: Discount.of_percent(Decimal("NaN")), InvalidDiscountError),
        (lambda: Discount(percent=12.5), InvalidDiscountError),  # type: ignore[arg-type]
        (lambda: Discount(percent=True), InvalidDiscountError),  # type: ignore[arg-type]
        (lambda: Discount.of_percent("100.01"), DiscountTooLargeError),
        (lambda: Discount.of_amount(eur("0")), InvalidDiscountError),
        (lambda: Discount.of_amount(eur("-1")), InvalidDiscountError),
        (lambda: Discount(amount=100), InvalidDiscountError),  # type: ignore[arg-type]
        (lambda: Discount.of_amount(eur("1"), reason=5), InvalidDiscountError),  # type: ignore[arg-type]
    ],
)
def test_bad_discounts(build, error):
    with pytest.raises(error):
        build()


def test_line_percent_discount_rounds_half_up(cart):
    line = cart.add_line("A", "Cheese", eur("3.45"), "7")
    # 10 % of 3.45 = 0.345 -> 0.35 (half up)
    cart.set_line_discount(line.line_id, Discount.of_percent(10))
    lt = cart.totals.line(line.line_id)
    assert lt.line_discount == eur("0.35") and lt.paid == eur("3.10")
    cart.set_line_discount(line.line_id, None)
    assert cart.totals.line(line.line_id).paid == eur("3.45")


def test_discount_above_the_price_is_refused_not_clamped(cart):
    line = cart.add_line("A", "Cheese", eur("3.45"), "7")
    with pytest.raises(DiscountTooLargeError) as exc:
        cart.set_line_discount(line.line_id, Discount.of_amount(eur("3.46")))
    assert "3.46 EUR" in str(exc.value) and "3.45 EUR" in str(exc.value) and "Cheese" in str(exc.value)
    assert cart.line(line.line_id).discount is None
    cart.set_line_discount(line.line_id, Discount.of_amount(eur("3.45")))  # exactly the price: free
    assert cart.totals.total == eur("0")
    with pytest.raises(DiscountTooLargeError):
        cart.set_order_discount(Discount.of_amount(eur("0.01")))
    with pytest.raises(InvalidDiscountError):
        cart.set_line_discount(line.line_id, "10%")  # type: ignore[arg-type]


def test_discount_in_another_currency(cart):
    line = cart.add_line("A", "Cheese", eur("3.45"), "7")
    with pytest.raises(CurrencyMismatchError):
        cart.set_line_discount(line.line_id, Discount.of_amount(Money(100, "USD")))
    with pytest.raises(CurrencyMismatchError):
        cart.set_order_discount(Discount.of_amount(Money(100, "USD")))
    assert cart.order_discount is None and cart.line(line.line_id).discount is None


def test_changes_that_would_break_a_discount_are_refused(cart):
    line = cart.add_line("A", "Cheese", eur("2.00"), "7", 3)
    cart.set_line_discount(line.line_id, Discount.of_amount(eur("5.00")))
    with pytest.raises(DiscountTooLargeError):
        cart.set_quantity(line.line_id, 2)  # 4.00 < 5.00 off
    with pytest.raises(DiscountTooLargeError):
        cart.override_price(line.line_id, eur("1.00"), "damaged")
    assert cart.line(line.line_id).quantity == 3
    other = cart.add_line("B", "Wine", eur("6.00"), "19")
    cart.set_order_discount(Discount.of_amount(eur("6.50")))
    with pytest.raises(DiscountTooLargeError) as exc:
        cart.remove_line(other.line_id)  # 1.00 left, 6.50 off
    assert "the sale" in str(exc.value)
    assert cart.line_count == 2 and cart.totals.total == eur("0.50")


def test_order_discount_is_shared_by_largest_remainder(cart):
    a = cart.add_line("A", "A", eur("1.00"), "19")
    b = cart.add_line("B", "B", eur("1.00"), "19")
    c = cart.add_line("C", "C", eur("1.00"), "7")
    # 1.00 off over 1:1:1 -> 0.3333 each: 0.34, 0.33, 0.33 (ties to the first line)
    cart.set_order_discount(Discount.of_amount(eur("1.00"), "coupon"))
    t = cart.totals
    assert [t.line(x.line_id).order_discount for x in (a, b, c)] == [eur("0.34"), eur("0.33"), eur("0.33")]
    assert t.order_discount == eur("1.00") and t.discount == eur("1.00") and t.line_discount == eur("0")
    assert t.total == eur("2.00")
    assert cart.order_discount.reason == "coupon"
    # a percent order discount: 15 % of 3.00 = 0.45 -> 0.15 each
    cart.set_order_discount(Discount.of_percent(15))
    assert cart.totals.order_discount == eur("0.45")
    assert {lt.order_discount for lt in cart.totals.lines} == {eur("0.15")}
    cart.set_order_discount(None)
    assert cart.totals.total == eur("3.00")


def test_order_discount_applies_after_line_discounts(cart):
    a = cart.add_line("A", "A", eur("10.00"), "19")
    b = cart.add_line("B", "B", eur("10.00"), "19")
    cart.set_line_discount(a.line_id, Discount.of_percent(50))
    cart.set_order_discount(Discount.of_amount(eur("3.00")))
    t = cart.totals
    # goods after line discounts 5.00 + 10.00: 3.00 shared 1:2 -> 1.00, 2.00
    assert t.line(a.line_id).order_discount == eur("1.00")
    assert t.line(b.line_id).order_discount == eur("2.00")
    assert t.total == eur("12.00") and t.discount == eur("8.00") and t.subtotal == eur("20.00")


def test_order_discount_on_an_empty_cart(cart):
    cart.set_order_discount(Discount.of_percent(10))
    assert cart.totals.total == eur("0")
    cart.add_line("A", "A", eur("10.00"), "19")
    assert cart.totals.total == eur("9.00")
    cart.clear()
    assert cart.is_empty and cart.order_discount is None


# ------------------------------------------------------------------ overrides
def test_price_override_keeps_the_original_and_reason(cart):
    line = cart.add_line("A", "Jacket", eur("80.00"), "19")
    with pytest.raises(PriceOverrideError):
        cart.override_price(line.line_id, eur("60.00"), "  ")
    with pytest.raises(PriceOverrideError):
        cart.override_price(line.line_id, eur("60.00"), None)  # type: ignore[arg-type]
    changed = cart.override_price(line.line_id, eur("60.00"), " price match ")
    assert changed.unit_price == eur("60.00")
    assert changed.original_unit_price == eur("80.00")
    assert changed.override_reason == "price match"
    again = cart.override_price(line.line_id, eur("55.00"), "manager")
    assert again.original_unit_price == eur("80.00")  # the catalog price, not the previous override
    assert cart.totals.total == eur("55.00")
    with pytest.raises(InvalidAmountError):
        cart.override_price(line.line_id, eur("-1.00"), "oops")


# ------------------------------------------------------------------ totals
def test_totals_lines_and_to_dict(cart):
    a = cart.add_line("A", "Wine", eur("5.95"), "19", 2)
    cart.add_line("B", "Bread", eur("2.14"), "7")
    t = cart.totals
    assert cart.totals is t  # cached until the next change
    assert [lt.line_id for lt in t.lines] == ["L1", "L2"]
    la = t.line(a.line_id)
    assert isinstance(la, LineTotal)
    # 11.90 gross at 19 %: 1190 * 19 / 119 = 190 -> 1.90 tax, 10.00 net
    assert (la.subtotal, la.paid, la.tax, la.net, la.tax_code) == (
        eur("11.90"),
        eur("11.90"),
        eur("1.90"),
        eur("10.00"),
        "19",
    )
    with pytest.raises(LineNotFoundError):
        t.line("nope")
    d = json.loads(json.dumps(t.to_dict()))
    assert d["total"] == 1404 and d["tax"] == 204 and d["net"] == 1200 and d["item_count"] == 3
    assert [r["code"] for r in d["rates"]] == ["19", "7"]
    assert LineTotal.from_dict(d["lines"][0]) == la
    cart.add_line("C", "C", eur("1"), "7")
    assert cart.totals is not t and t.total == eur("14.04")  # old totals do not change


def test_exclusive_prices_per_document(config):
    cfg = StoreConfig(
        currency="USD",
        locale="en_US",
        tax_rates=(TaxRate("TX", Decimal("10")),),
        prices_include_tax=False,
        tax_rounding=TaxRounding.PER_DOCUMENT,
    )
    cart = Cart(cfg)
    for _ in range(3):
        cart.add_line("A", "A", Money(5, "USD"), "TX")
    # each 0.05 + 10 % = 0.005 tax; per document 0.15 * 10 % = 0.015 -> 0.02 (half up), shared 1,1,0
    t = cart.totals
    assert t.tax == Money(2, "USD") and t.total == Money(17, "USD")
    assert [lt.tax.minor for lt in t.lines] == [1, 1, 0]
    assert [lt.paid.minor for lt in t.lines] == [6, 6, 5]


# ------------------------------------------------------------------ persistence
def _full_cart(cart):
    a = cart.add_line("A", "Wine", eur("5.95"), "19", 2)
    b = cart.add_line("B", "Bread", eur("2.14"), "7")
    c = cart.add_line("C", "Cheese", eur("4.00"), "7")
    cart.set_line_discount(a.line_id, Discount.of_percent("12.5", "bundle"))
    cart.set_line_discount(b.line_id, Discount.of_amount(eur("0.50")))
    cart.override_price(c.line_id, eur("3.00"), "short date")
    cart.set_order_discount(Discount.of_amount(eur("1.00"), "coupon"))
    return cart


def test_round_trip_through_json(cart, config):
    _full_cart(cart)
    saved = json.loads(json.dumps(cart.to_dict()))
    restored = Cart.from_dict(saved, config)
    assert restored.to_dict() == cart.to_dict()
    assert restored.cart_id == "cart-1" and restored.revision == cart.revision
    assert restored.lines == cart.lines
    assert restored.totals.to_dict() == cart.totals.to_dict()
    # new lines in the restored cart get fresh ids
    restored2 = Cart.from_dict(saved, config, ids=lambda: "fresh")
    assert restored2.add_line("D", "D", eur("1"), "7").line_id == "fresh"
    assert isinstance(cart.lines[0], CartLine)


def _broken(cart, config, mutate):
    data = json.loads(json.dumps(_full_cart(cart).to_dict()))
    mutate(data)
    with pytest.raises(InvalidDataError) as exc:
        Cart.from_dict(data, config)
    assert str(exc.value).startswith("The saved sale could not be restored")
    return exc.value


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(format=2),
        lambda d: d.update(currency="USD"),
        lambda d: d.pop("cart_id"),
        lambda d: d.update(cart_id=5),
        lambda d: d.update(revision=-1),
        lambda d: d.update(revision="3"),
        lambda d: d["lines"].append(dict(d["lines"][0])),
        lambda d: d["lines"][0].update(tax_code="22"),
        lambda d: d["lines"][0].update(quantity=-2),
        lambda d: d["lines"][0].update(quantity=0),
        lambda d: d["lines"][0].update(unit_price=1.5),
        lambda d: d["lines"][0].update(unit_price=-100),
        lambda d: d["lines"][0].update(sku=None),
        lambda d: d["lines"][0].update(description=7),
        lambda d: d["lines"][0].pop("sku"),
        lambda d: d["lines"][2].update(override_reason=None),
        lambda d: d["lines"][2].update(override_reason=5),
        lambda d: d["lines"][1]["discount"].update(amount=100000),
        lambda d: d["lines"][0]["discount"].update(percent="abc"),
        lambda d: d.update(order_discount={"amount": 0}),
        lambda d: d.update(lines=None),
        lambda d: d.update(lines=[5]),
    ],
)
def test_damaged_saved_cart_is_refused_clearly(cart, config, mutate):
    err = _broken(cart, config, mutate)
    assert isinstance(err, DomainError)


def test_not_a_table_is_refused(config):
    with pytest.raises(InvalidDataError, match="expected a table"):
        Cart.from_dict([], config)  # type: ignore[arg-type]
    with pytest.raises(InvalidDataError, match="missing 'lines'"):
        Cart.from_dict({"format": 1, "currency": "EUR", "cart_id": "x"}, config)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("paid"),
        lambda d: d.update(currency="XXX"),
        lambda d: d.update(quantity=0),
        lambda d: d.update(line_id=None),
        lambda d: d.update(tax=d["paid"] + 1),
        lambda d: d.update(tax=-1),
        lambda d: d.update(tax_rate={"code": "X"}),
    ],
)
def test_damaged_sold_line_is_refused(cart, mutate):
    data = _full_cart(cart).totals.lines[0].to_dict()
    mutate(data)
    with pytest.raises(InvalidDataError, match="A sold line could not be read"):
        LineTotal.from_dict(data)


def test_discount_minor_off_directly():
    d = Discount.of_amount(eur("1.00"))
    assert d.minor_off(150, "EUR", "x") == 100
    with pytest.raises(CurrencyMismatchError):
        d.minor_off(150, "USD", "x")
    assert Discount.of_percent(10).to_dict() == {"percent": "10", "reason": ""}
    assert Discount.from_dict({"amount": 5, "reason": "r"}, "EUR") == Discount.of_amount(Money(5, "EUR"), "r")
    assert Discount.from_dict({"percent": "12.5"}, "EUR") == Discount.of_percent("12.5")
    for bad in ({}, {"percent": "1", "amount": 1}, ["percent", "1"]):
        with pytest.raises(InvalidDataError, match="percent or an amount"):
            Discount.from_dict(bad, "EUR")  # type: ignore[arg-type]
