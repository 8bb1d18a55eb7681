"""pos/scan.py: what a scanned code puts on the sale (the rule moved out of the checkout window)."""

from __future__ import annotations

from datetime import date

import pytest

from pos.barcodes import DEFAULT_RULES, make_embedded, parse_barcode
from pos.gs1 import GS
from pos.ports import Product
from pos.scan import ItemScan, ScanRefused, is_omo_code, price_by_weight, read_item

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
    assert scan.price() == 249


def test_gs1_weight_price_and_digital_link_labels():
    weighed = read(f"]e001{GTIN}3103000750{GS}10LOT1")  # 0.750 kg
    assert isinstance(weighed, ItemScan) and weighed.weight_g == 750
    assert weighed.price() == price_by_weight(249, 750) == 187
    priced = read(f"01{GTIN}3922000499")
    assert isinstance(priced, ItemScan) and priced.unit_price == 499 and priced.price() == 499
    link = read(f"https://id.gs1.org/01/{GTIN}/10/LOT2?17=491231")
    assert isinstance(link, ItemScan) and link.product is MILK and not link.label_priced


def test_expired_goods_are_refused_by_the_tills_clock_not_the_system_clock():
    refused = read(f"01{GTIN}17261206")  # expired yesterday
    assert isinstance(refused, ScanRefused) and "expired on 2026-12-06" in refused.message
    assert MILK.name in refused.message
    same_day = read(f"01{GTIN}17261207")
    assert isinstance(same_day, ItemScan)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("(01)09501101020917(10)X", "GTIN 09501101020917 is not in the catalog"),
        ("4006381333931", "Barcode 04006381333931 is not in the catalog"),
        (f"01{GTIN[:-1]}1" + "17491231", "check digit"),
        ("", "Nothing was scanned"),
    ],
)
def test_refusals_say_why(text, words):
    refused = read(text)
    assert isinstance(refused, ScanRefused) and words in refused.message


def test_scale_labels_price_and_weight():
    price_rule = next(r for r in DEFAULT_RULES if r.kind == "price")
    weight_rule = next(r for r in DEFAULT_RULES if r.kind == "weight")
    ham_code = parse_barcode(make_embedded(weight_rule, "12345", 0)).lookup_code  # the item, value zeroed
    ham = Product("SKU-W", "Ham", "Farm", "deli", "REDUCED", 2000, barcodes=(ham_code,))
    by_sku = Product("54321", "Pie", "Farm", "deli", "REDUCED", 500)  # found by its item reference
    cheese = Catalog(ham, by_sku)
    p = read_item(make_embedded(price_rule, "54321", 1234), cheese, currency="EUR", today=TODAY)
    assert isinstance(p, ItemScan) and p.product is by_sku and p.price() == 1234
    w = read_item(make_embedded(weight_rule, "12345", 500), cheese, currency="EUR", today=TODAY)
    assert isinstance(w, ItemScan) and w.product.sku == "SKU-W" and w.weight_g == 500 and w.price() == 1000
    missing = read_item(make_embedded(price_rule, "99999", 100), cheese, currency="EUR", today=TODAY)
    assert isinstance(missing, ScanRefused) and "item 99999 is not in the catalog" in missing.message


def test_a_typed_word_adds_the_best_hit_unless_asked_not_to():
    assert isinstance(read("oat"), ItemScan)
    assert isinstance(read("oat", search_fallback=False), ScanRefused)
    assert isinstance(read("nothing like it"), ScanRefused)


def test_omo_codes_are_not_products():
    assert is_omo_code(" omo:member:123") and not is_omo_code("5012345678900")
