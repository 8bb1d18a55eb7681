"""pos/scan.py: what a scanned code puts on the sale (the catalog item, the label's price, weight or
count, expiry by the till's clock, a label priced in another currency)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.gs1 import GS, EmbeddedRule, LabelPrice, Measure, make_embedded
from pos.ports import Product
from pos.scan import ItemScan, ScanRefused, is_omo_code, price_by_weight, read_item
from tests.scan.gs1_codes import with_check_digit

TODAY = date(2026, 12, 7)
MILK = Product("SKU-MILK", "Oat milk 1 l", "Oaty", "dairy", "REDUCED", 249, barcodes=("5012345678900",))
CHEESE = Product("SKU-CHEESE", "Cheddar", "Farm", "dairy", "REDUCED", 1890, barcodes=("2012345",))


class Catalog:
    def __init__(self, *products: Product) -> None:
        self.products = products

    def lookup_barcode(self, code: str) -> Product | None:
        return next((p for p in self.products if code in p.barcodes), None)

    def get(self, sku: str) -> Product | None:
        return next((p for p in self.products if p.sku == sku), None)

    def search(self, text: str, limit: int = 20) -> list[Product]:
        return [p for p in self.products if text.lower() in p.name.lower()][:limit]


CAT = Catalog(MILK, CHEESE)
GTIN = "05012345678900"


def read(text: str, **kw) -> ItemScan | ScanRefused:
    return read_item(text, CAT, currency="EUR", today=TODAY, **kw)


def test_a_plain_ean_is_the_catalog_item_at_the_catalog_price():
    scan = read("5012345678900")
    assert isinstance(scan, ItemScan) and scan.product is MILK and not scan.label_priced
    assert (scan.price(), scan.quantity) == (249, 1)


def test_gs1_weight_price_and_digital_link_labels():
    weighed = read(f"]e001{GTIN}3103000750{GS}10LOT1")  # 0.750 kg
    assert isinstance(weighed, ItemScan) and weighed.weight == Measure(Decimal("0.750"), "kg")
    assert weighed.price() == price_by_weight(249, weighed.weight) == 187  # 186.75 rounds half up
    priced = read(f"01{GTIN}3922499")
    assert isinstance(priced, ItemScan) and priced.unit_price == 499 and priced.price() == 499
    assert priced.label_price == LabelPrice(Decimal("4.99")) and priced.label_priced
    both = read(f"01{GTIN}3103000750{GS}3922000201")  # a label with both: its price is the line's
    assert (both.weight, both.price()) == (Measure(Decimal("0.750"), "kg"), 201)
    link = read(f"https://id.gs1.org/01/{GTIN}/10/LOT2?17=491231")
    assert isinstance(link, ItemScan) and link.product is MILK and not link.label_priced


def test_every_decimal_of_the_weight_counts():
    scan = read(f"01{GTIN}3105123456")  # 1.23456 kg at 2.49/kg = 3.0740544
    assert scan.weight == Measure(Decimal("1.23456"), "kg") and scan.price() == 307


def test_pounds_convert_exactly_or_are_priced_per_pound():
    """1 lb = 0.45359237 kg exactly: 2.205 lb = 1.00017117585 kg, at 2.49/kg 2.4904...; at 2.49/lb 5.49045."""
    per_kg = read(f"01{GTIN}3203002205")
    assert (per_kg.weight, per_kg.price()) == (Measure(Decimal("2.205"), "lb"), 249)
    per_lb = read(f"01{GTIN}3203002205", sold_by="lb")
    assert per_lb.price() == 549
    kg_label_per_lb = read(f"01{GTIN}3103001000", sold_by="lb")  # 1 kg = 2.20462262... lb: 5.4895...
    assert kg_label_per_lb.price() == 549
    both = read(f"01{GTIN}3103001000{GS}3203002205", sold_by="lb")  # the unit the store sells by
    assert both.weight == Measure(Decimal("2.205"), "lb")


@settings(max_examples=300, deadline=None)
@given(
    digits=st.integers(0, 999_999),
    decimals=st.integers(0, 5),
    price=st.integers(0, 10**7),
    unit=st.sampled_from(["kg", "lb"]),
    per=st.sampled_from(["kg", "lb"]),
)
def test_price_by_weight_is_exact_and_rounds_half_up_once(digits, decimals, price, unit, per):
    """Against integer arithmetic: the weight's digits, 1 lb = 45359237/10^8 kg, then half up once."""
    num, den = digits * price, 10**decimals
    if (unit, per) == ("lb", "kg"):
        num, den = num * 45359237, den * 10**8
    elif (unit, per) == ("kg", "lb"):
        num, den = num * 10**8, den * 45359237
    weight = Measure(Decimal(digits).scaleb(-decimals), unit)
    assert price_by_weight(price, weight, per) == (2 * num + den) // (2 * den)


def test_a_price_with_its_currency_must_be_the_stores():
    euro = read(f"01{GTIN}3932978499")
    assert isinstance(euro, ItemScan) and euro.unit_price == 499
    assert euro.label_price == LabelPrice(Decimal("4.99"), "EUR")
    dollars = read(f"01{GTIN}3932840499")
    assert isinstance(dollars, ScanRefused)
    assert "in USD; this till sells in EUR" in dollars.message
    yen = read_item(f"01{GTIN}3930392450", CAT, currency="JPY", today=TODAY)
    assert yen.unit_price == 450
    rounded = read(f"01{GTIN}393397812995")  # 12.995 EUR: half up to the cent
    assert rounded.unit_price == 1300 and rounded.label_price.amount == Decimal("12.995")


def test_expired_goods_are_refused_by_the_tills_clock_not_the_system_clock():
    refused = read(f"01{GTIN}17261206")  # expired yesterday
    assert isinstance(refused, ScanRefused) and "expired on 2026-12-06" in refused.message
    assert MILK.name in refused.message
    assert isinstance(read(f"01{GTIN}17261207"), ItemScan)  # today: still sold
    assert isinstance(read(f"01{GTIN}7003261206235900"), ScanRefused)  # (7003) too
    # the same label on a till whose clock says 2030 (it means 2078), then 2127 (78 - 27 = 51: 2078 too)
    assert isinstance(read_item(f"01{GTIN}17780101", CAT, currency="EUR", today=date(2030, 1, 1)), ItemScan)
    much_later = read_item(f"01{GTIN}17780101", CAT, currency="EUR", today=date(2127, 1, 1))
    assert isinstance(much_later, ScanRefused) and "expired on 2078-01-01" in much_later.message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("(01)09501101020917(10)X", "GTIN 09501101020917 is not in the catalog"),
        ("4006381333931", "Barcode 04006381333931 is not in the catalog"),
        (f"01{GTIN[:-1]}1" + "17491231", "check digit"),
        (f"01{GTIN}3103000000", "says it weighs nothing"),
        (f"01{GTIN}17260230", "(17) USE BY or EXPIRY '260230' is not a valid date"),
        ("", "Nothing was scanned"),
    ],
)
def test_refusals_say_why(text, words):
    refused = read(text)
    assert isinstance(refused, ScanRefused) and words in refused.message


def label(body: str) -> str:
    return with_check_digit(body)


def test_in_store_labels_by_the_stores_rules():
    ham_code = label("28" + "1234" + "000000")  # the item's own code, its weight zeroed (DE)
    ham = Product("SKU-W", "Ham", "Farm", "deli", "REDUCED", 2000, barcodes=(ham_code,))
    pie = Product("5432", "Pie", "Farm", "deli", "REDUCED", 500)  # found by its item reference
    eggs = Product(
        "SKU-E", "Eggs", "Farm", "dairy", "REDUCED", 35, barcodes=(label("25" + "7777" + "000000"),)
    )
    cat = Catalog(ham, pie, eggs)

    def scan(code: str) -> ItemScan | ScanRefused:
        return read_item(code, cat, currency="EUR", today=TODAY, rcn_rules="DE")

    p = scan(label("22" + "5432" + "6" + "14685"))  # GenSpecs 7.9.4: 146.85 with its check digit 6
    assert isinstance(p, ItemScan) and p.product is pie and p.price() == 14685
    w = scan(label("28" + "1234" + "1" + "01234"))  # 1.234 kg at 20.00/kg
    assert isinstance(w, ItemScan) and w.product is ham and w.weight == Measure(Decimal("1.234"), "kg")
    assert w.price() == 2468
    c = scan(label("25" + "7777" + "9" + "00012"))  # 12 eggs
    assert (c.product, c.count, c.quantity, c.price(), c.label_priced) == (eggs, 12, 12, 35, False)
    nothing = scan(label("25" + "7777" + "0" + "00000"))
    assert isinstance(nothing, ScanRefused) and "counts no pieces" in nothing.message
    missing = scan(label("22" + "9999" + "6" + "14685"))
    assert isinstance(missing, ScanRefused) and "item 9999 is not in the catalog" in missing.message
    us = EmbeddedRule("02", "price", item_digits=5, value_digits=4, value_check=True)
    assert (
        read_item(
            make_embedded(us, "05432", 2875),
            Catalog(Product("05432", "Pie", "F", "d", "R", 1)),
            currency="USD",
            today=TODAY,
            rcn_rules="US",
        ).price()
        == 2875
    )


def test_a_typed_word_adds_the_best_hit_unless_asked_not_to():
    assert isinstance(read("oat"), ItemScan)
    assert isinstance(read("oat", search_fallback=False), ScanRefused)
    assert isinstance(read("nothing like it"), ScanRefused)
    assert read("12345").message == "This is not a product barcode this till understands."


def test_omo_codes_are_not_products():
    assert is_omo_code(" omo:member:123") and not is_omo_code("5012345678900")
