"""Weighed and measured lines: the weight, its unit and the price per unit stay on the line, the amount is
rounded once, and a weighed line is returned whole."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.cart import Cart, Discount, LineTotal, compute_refund
from pos.errors import InvalidDataError, InvalidQuantityError, RefundError
from pos.measure import GRAMS, Measure, MeasureUnit
from pos.money import Money
from pos.storeconfig import PRESETS


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.mark.parametrize(
    ("quantity", "unit", "price", "amount"),
    [
        ("0.750", "kg", 249, 187),  # 0.750 x 2.49 = 1.8675 -> 1.87
        ("1.23456", "kg", 1299, 1604),  # a GS1 weight with every decimal: 16.0369344 -> 16.04
        ("2.5", "lb", 399, 998),  # 9.975 -> 9.98, half up
        ("0.002", "kg", 100, 0),  # 0.002 x 1.00 = 0.002 -> 0.00
        ("0.005", "kg", 100, 1),  # 0.005 -> 0.01 (half up)
        ("1.133980925", "kg", 1000, 1134),  # 2.5 lb made exact in kg
        ("3", "m", 450, 1350),
        ("0.5", "m2", 2999, 1500),  # 14.995 -> 15.00
    ],
)
def test_the_amount_is_the_quantity_times_the_unit_price_rounded_once(quantity, unit, price, amount):
    m = Measure(Decimal(quantity), unit, price)
    assert m.amount() == amount and m.unit is MeasureUnit(unit)


def test_weights_in_grams_and_as_printed():
    m = Measure.of_grams(750, 249)
    assert (m.quantity, m.unit, m.unit_price) == (Decimal("0.750"), MeasureUnit.KG, 249)
    assert m.text() == "0.750 kg" and m.grams == 750
    assert Measure.of_grams(1000, 1).text() == "1.000 kg"
    assert Measure(Decimal("2.5"), "lb", 1).grams == Decimal("1133.980925")  # exact
    assert (
        Measure(Decimal("0.123456789012345"), "oz", 1).grams
        == Decimal("0.123456789012345") * GRAMS[MeasureUnit.OZ]
    )
    assert Measure(Decimal("3"), "g", 1).grams == 3
    area = Measure(Decimal("1.5"), "m2", 1)
    assert area.grams is None and area.text() == "1.5 m²" and area.symbol == "m²"


def test_a_measure_round_trips_through_json_with_its_decimals():
    m = Measure(Decimal("1.23450"), "kg", 1299)
    data = json.loads(json.dumps(m.to_dict()))
    assert data == {"quantity": "1.23450", "unit": "kg", "unit_price": 1299}
    back = Measure.from_dict(data)
    assert back == m and back.text() == "1.23450 kg"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((Decimal(0), "kg", 1), "above 0"),
        ((Decimal("-1"), "kg", 1), "above 0"),
        ((Decimal("NaN"), "kg", 1), "above 0"),
        ((0.75, "kg", 1), "above 0"),  # a float is never a weight
        ((Decimal("1000000.1"), "kg", 1), "at most 1,000,000"),
        ((Decimal("0.0000000000000001"), "kg", 1), "more than 15 decimals"),
        ((Decimal(1), "stone", 1), "Unknown unit 'stone'"),
        ((Decimal(1), "kg", -1), "price per kg"),
        ((Decimal(1), "kg", 1.5), "price per kg"),
    ],
)
def test_bad_measures_are_refused(args, fragment):
    with pytest.raises(InvalidQuantityError, match=fragment):
        Measure(*args)


@pytest.mark.parametrize("grams", [0, -5, 7.5, "750"])
def test_bad_weights_in_grams_are_refused(grams):
    with pytest.raises(InvalidQuantityError, match="whole number of grams"):
        Measure.of_grams(grams, 100)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data",
    [
        {"quantity": 0.75, "unit": "kg", "unit_price": 1},
        {"quantity": "lots", "unit": "kg", "unit_price": 1},
        {"quantity": "1", "unit": "kg"},
        {"quantity": "1", "unit": "kg", "unit_price": "1"},
        {"quantity": "0", "unit": "kg", "unit_price": 1},
    ],
)
def test_a_damaged_saved_measure_is_refused(data):
    with pytest.raises(InvalidDataError, match="saved measure"):
        Measure.from_dict(data)


# ---------------------------------------------------------------------------------------------- the cart
def ireland() -> Cart:
    return Cart(PRESETS["IE"].config)


def test_a_weighed_line_is_one_item_at_its_rounded_amount_keeping_weight_and_price_per_kg():
    cart = ireland()
    cheese = cart.add_measured("CHEESE", "Cheddar", Measure.of_grams(750, 1890), "REDUCED")
    assert (cheese.quantity, cheese.unit_price, cheese.measure) == (1, eur(1418), Measure.of_grams(750, 1890))
    lt = cart.totals.line(cheese.line_id)
    assert lt.measure == cheese.measure and lt.paid == eur(1418)  # 0.750 x 18.90 = 14.175 -> 14.18
    assert cart.totals.item_count == 1
    # another weighed piece of the same cheese is its own line, never merged
    again = cart.add_measured("CHEESE", "Cheddar", Measure.of_grams(750, 1890), "REDUCED")
    plain = cart.add_line("CHEESE", "Cheddar", eur(1418), "REDUCED", merge=True)
    assert len({cheese.line_id, again.line_id, plain.line_id}) == 3


def test_a_weighed_lines_quantity_is_its_weight():
    cart = ireland()
    line = cart.add_measured("HAM", "Ham", Measure.of_grams(200, 2000), "REDUCED")
    with pytest.raises(InvalidQuantityError, match=r"Ham is sold by weight \(0.200 kg\)"):
        cart.set_quantity(line.line_id, 2)
    assert cart.set_quantity(line.line_id, 1).quantity == 1
    with pytest.raises(InvalidQuantityError, match="needs its measure"):
        cart.add_measured("HAM", "Ham", 200, "REDUCED")  # type: ignore[arg-type]


def test_a_price_override_on_a_weighed_line_changes_the_price_per_kg():
    cart = ireland()
    line = cart.add_measured("HAM", "Ham", Measure.of_grams(250, 2000), "REDUCED")
    changed = cart.override_price(line.line_id, eur(1500), "reduced to clear")
    assert changed.measure == Measure.of_grams(250, 1500)
    assert changed.unit_price == eur(375) and changed.original_unit_price == eur(2000)
    again = cart.override_price(line.line_id, eur(1000), "end of day")
    assert again.original_unit_price == eur(2000) and again.unit_price == eur(250)


def test_a_discounted_weighed_line_and_the_saved_cart():
    cart = ireland()
    line = cart.add_measured("HAM", "Ham", Measure(Decimal("0.333"), "kg", 2000), "REDUCED")
    cart.set_line_discount(line.line_id, Discount.of_percent(10))
    assert cart.totals.line(line.line_id).paid == eur(599)  # 6.66 - 0.67
    data = json.loads(json.dumps(cart.to_dict()))
    assert data["lines"][0]["measure"] == {"quantity": "0.333", "unit": "kg", "unit_price": 2000}
    back = Cart.from_dict(data, cart.config)
    assert back.lines == cart.lines and back.totals.total == cart.totals.total
    lt = cart.totals.line(line.line_id)
    assert LineTotal.from_dict(json.loads(json.dumps(lt.to_dict()))) == lt


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"unit_price": 667}, "must be 1 item at 666"),
        ({"quantity": 2}, "must be 1 item"),
        ({"measure": "0.333 kg"}, "is not a table"),
        ({"measure": {"quantity": "0.333", "unit": "kg"}}, "saved measure"),
    ],
)
def test_a_tampered_weighed_line_is_not_restored(change, fragment):
    cart = ireland()
    cart.add_measured("HAM", "Ham", Measure(Decimal("0.333"), "kg", 2000), "REDUCED")
    data = json.loads(json.dumps(cart.to_dict()))
    data["lines"][0].update(change)
    with pytest.raises(InvalidDataError, match=fragment):
        Cart.from_dict(data, cart.config)
    lt = json.loads(json.dumps(cart.totals.lines[0].to_dict()))
    lt.update(change)
    with pytest.raises(InvalidDataError):
        LineTotal.from_dict(lt)


def test_a_weighed_line_is_returned_whole_or_not_at_all():
    cart = ireland()
    ham = cart.add_measured("HAM", "Ham", Measure.of_grams(750, 2000), "REDUCED")
    milk = cart.add_line("MILK", "Milk", eur(129), "REDUCED", 2)
    sold = cart.totals.lines
    for part in (Decimal("0.3"), 300, 2, 0.5):
        with pytest.raises(RefundError, match=r"Ham was sold by weight \(0.750 kg\): it is returned whole"):
            compute_refund(sold, {ham.line_id: part})  # type: ignore[dict-item]
    whole = compute_refund(sold, {ham.line_id: 1, milk.line_id: 1})
    (ham_back, milk_back) = whole.lines
    assert ham_back.amount == eur(1500) and ham_back.measure == ham.measure and ham_back.quantity == 1
    assert milk_back.measure is None and milk_back.amount == eur(129)
    with pytest.raises(RefundError, match="Only 0 of 1"):
        compute_refund(sold, {ham.line_id: 1}, {ham.line_id: 1})
    assert compute_refund(sold, {ham.line_id: 0}).total == eur(0)


# ------------------------------------------------------------------------- priced per another unit
def test_a_weight_priced_per_another_unit_of_mass():
    # 1 kg at 2.49 per lb: 1 kg = 2.2046226218... lb -> 5.4895... -> 5.49
    kg_per_lb = Measure(Decimal("1.000"), "kg", 249, per="lb")
    assert kg_per_lb.amount() == 549 and kg_per_lb.price_symbol == "lb" and kg_per_lb.symbol == "kg"
    # 2.205 lb at 2.49 per kg: 2.205 lb = 1.00017117585 kg -> 2.4904... -> 2.49
    assert Measure(Decimal("2.205"), "lb", 249, per="kg").amount() == 249
    assert Measure(Decimal("2.205"), "lb", 249, per="lb").per is None  # the same unit: no conversion
    data = json.loads(json.dumps(kg_per_lb.to_dict()))
    assert data == {"quantity": "1.000", "unit": "kg", "unit_price": 249, "per": "lb"}
    assert Measure.from_dict(data) == kg_per_lb
    assert "per" not in Measure.of_grams(750, 1).to_dict()
    with pytest.raises(InvalidQuantityError, match="Unknown unit 'stone' to price by"):
        Measure(Decimal(1), "kg", 1, per="stone")
    with pytest.raises(InvalidQuantityError, match="only weights convert"):
        Measure(Decimal(1), "m2", 1, per="kg")
    with pytest.raises(InvalidQuantityError, match="only weights convert"):
        Measure(Decimal(1), "kg", 1, per="l")


@given(
    digits=st.integers(1, 999_999),
    decimals=st.integers(0, 6),
    price=st.integers(0, 10**7),
    unit=st.sampled_from(["kg", "lb"]),
    sold_by=st.sampled_from(["kg", "lb"]),
)
def test_the_lines_amount_is_what_the_scan_prices(digits, decimals, price, unit, sold_by):
    """The line a weighed scan makes (pos.checkout.scanned_measure) costs what pos.scan prices the label."""
    from pos import gs1
    from pos.checkout import scanned_measure
    from pos.ports import Product
    from pos.scan import ItemScan, price_by_weight

    weight = gs1.Measure(Decimal(digits).scaleb(-decimals), unit)
    scan = ItemScan(Product("W", "Ham", "", "", "REDUCED", price), weight=weight, sold_by=sold_by)
    measure = scanned_measure(scan)
    assert measure is not None and measure.quantity == weight.value and measure.unit.value == unit
    assert measure.amount() == price_by_weight(price, weight, sold_by) == scan.price()
    assert measure.price_symbol == sold_by
