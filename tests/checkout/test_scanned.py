"""The till adds what a label says, through the path the sell service takes:
`Checkout.add_scanned(read_item(...))` on a real store. A 320n (net weight in pounds) item priced per kg,
a 393n (price with its currency) item, a German in-store price label and a count label; goods past
their expiry date by the till's clock refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos.gs1 import Measure
from pos.scan import ItemScan, ScanRefused, read_item
from sync.store import catalog
from tests.scan.gs1_codes import with_check_digit

LAMB, LAMB_GTIN = "SKU-LAMB", "09501101020917"  # sold per kg
WINE, WINE_GTIN = "SKU-WINE", "04006381333931"
CHEESE, EGGS = "SKU-DE-CHEESE", "SKU-DE-EGGS"  # sold under German in-store labels


def product(sku: str, name: str, price: int, barcode: str) -> dict:
    return {
        "sku": sku,
        "name": name,
        "brand": "Hof",
        "category": "deli",
        "tax_code": "REDUCED",
        "price": price,
        "barcodes": [barcode],
        "active": True,
        "popularity": 1,
    }


@pytest.fixture
def till(shop, store):
    """A checkout on the real store, whose clock says 2026-11-23 12:00 UTC. The German items' own codes
    are their labels' codes with the value zeroed."""
    ours = [
        product(LAMB, "Lamb shoulder (per kg)", 1099, LAMB_GTIN[1:]),
        product(WINE, "Riesling 0.75 l", 1499, WINE_GTIN[1:]),
        product(CHEESE, "Bergkäse", 2490, with_check_digit("221234000000")),
        product(EGGS, "Eier", 35, with_check_digit("257777000000")),
    ]
    store.write_sync(lambda c: catalog.upsert(c, ours))
    co = shop()

    def scan(text: str) -> ItemScan | ScanRefused:
        today = co.clock.now().date()
        return read_item(text, co.catalog, currency=co.config.currency, today=today, rcn_rules="DE")

    return co, scan


def test_the_till_adds_a_320n_a_393n_and_german_in_store_labels_at_the_right_price(till):
    co, scan = till
    pounds = scan(f"]e001{LAMB_GTIN}3202000250")  # 2.50 lb
    assert isinstance(pounds, ItemScan) and pounds.weight == Measure(Decimal("2.50"), "lb")
    co.add_scanned(pounds)
    co.add_scanned(scan(f"]C101{WINE_GTIN}39329781299"))  # 12.99 with its currency, EUR (978)
    co.add_scanned(scan(with_check_digit("22" + "1234" + "6" + "14685")))  # GenSpecs 7.9.4: 146.85
    co.add_scanned(scan(with_check_digit("25" + "7777" + "9" + "00012")))  # 12 eggs
    co.add_scanned(scan(WINE_GTIN[1:]))  # the EAN-13 on the bottle: the catalog price
    assert [(ln.sku, ln.quantity, ln.subtotal.minor) for ln in co.cart.lines] == [
        (LAMB, 1, 1246),  # 2.50 lb x 0.45359237 = 1.133980925 kg x 10.99 = 12.4624...
        (WINE, 1, 1299),
        (CHEESE, 1, 14685),
        (EGGS, 12, 420),
        (WINE, 1, 1499),
    ]
    assert co.total == 1246 + 1299 + 14685 + 420 + 1499


def test_a_price_in_another_currency_and_expired_goods_are_refused_by_the_tills_clock(till):
    co, scan = till
    dollars = scan(f"01{WINE_GTIN}3932840499")
    assert isinstance(dollars, ScanRefused) and "in USD; this till sells in EUR" in dollars.message
    expired = scan(f"01{LAMB_GTIN}17261122")  # the day before the till's date
    assert isinstance(expired, ScanRefused) and "expired on 2026-11-22" in expired.message
    # 30 November 2026 is still good by the till's clock (23 November), whatever the computer's says
    good = scan(f"01{LAMB_GTIN}17261130")
    assert isinstance(good, ItemScan)
    co.add_scanned(good)
    assert [ln.sku for ln in co.cart.lines] == [LAMB]
