"""The endless aisle's pure rules (pos/stock.py) and an ordered line's fulfilment (pos/fulfilment.py): where
an order comes from, what is offered when the last unit went elsewhere, the day promised, opening hours,
distances, the last known stock; an ordered line in the cart, the sale document and back."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from pos.cart import Cart, LineTotal
from pos.documents import SaleDocument
from pos.errors import InvalidDataError, InvalidQuantityError
from pos.fulfilment import Fulfilment, qr_secret_of
from pos.money import Money
from pos.stock import (
    StockCache,
    StockLevels,
    alternatives,
    choose_source,
    distance_km,
    freshness,
    is_open,
    nearest_first,
    opening_today,
    ready_on,
)
from pos.storeconfig import configure
from pos.sync_ports import StoreStock

CITY = ("09:00-20:00",) * 5 + ("09:00-19:00", "")


def store(store_id, available, distance=None, kind="store"):
    return StoreStock(store_id, f"Store {store_id}", available, None, kind=kind, distance_km=distance)


def levels(*stores, here="S1"):
    return StockLevels("SKU", "Shirt", "2026-12-08T10:00:00Z", here, tuple(stores), fetched_at=100.0)


def test_nearest_first_puts_here_first_then_stores_by_distance_then_warehouses():
    got = nearest_first(
        [store("W", 9, 5.0, "warehouse"), store("S3", 1, None), store("S2", 1, 9.1), store("S1", 0, 0.0)],
        "S1",
    )
    assert [s.store_id for s in got] == ["S1", "S2", "S3", "W"]


def test_choose_source_for_pickup_and_delivery():
    lv = levels(
        store("S1", 5, 0.0), store("S2", 0, 1.0), store("S3", 2, 8.0), store("W", 9, 3.0, "warehouse")
    )
    assert choose_source(lv, 1, "pickup").store_id == "S3"  # the nearest other store that has it
    assert choose_source(lv, 3, "pickup").store_id == "W"  # no store has 3: the warehouse
    assert choose_source(lv, 1, "delivery").store_id == "W"  # the warehouse first
    assert choose_source(lv, 12, "delivery") is None
    no_warehouse = levels(store("S1", 5, 0.0), store("S3", 2, 8.0))
    assert choose_source(no_warehouse, 4, "delivery").store_id == "S1"  # this store can send it too
    assert choose_source(no_warehouse, 4, "pickup") is None  # it is here: nothing to order


def test_alternatives_when_a_stores_last_unit_went_elsewhere():
    lv = levels(
        store("S1", 1, 0.0), store("S2", 0, 1.0), store("S3", 2, 8.0), store("W", 4, 3.0, "warehouse")
    )
    got = [(a.kind, a.store.store_id) for a in alternatives(lv, 1, exclude=["S2"])]
    assert got == [("reservation", "S3"), ("pickup", "S3"), ("delivery", "W")]
    assert [a.store.store_id for a in alternatives(lv, 3, exclude=["S2"])] == ["W"]
    assert alternatives(lv, 5) == []


def test_ready_on_is_the_next_day_to_collect_and_two_days_delivered():
    assert ready_on("pickup", date(2026, 12, 31)) == date(2027, 1, 1)
    assert ready_on("delivery", date(2026, 12, 31)) == date(2027, 1, 2)


def test_distance_between_two_stores():
    assert distance_km((53.3438, -6.2546), (53.4264, -6.2499)) == pytest.approx(9.2, abs=0.1)
    assert distance_km((0.0, 0.0), (0.0, 0.0)) == 0.0
    assert distance_km(None, (1.0, 1.0)) is None


def test_opening_hours_in_the_stores_own_time_zone():
    monday_noon = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    assert opening_today(CITY, "Europe/Dublin", monday_noon) == "09:00-20:00"
    assert is_open(CITY, "Europe/Dublin", monday_noon)
    assert not is_open(CITY, "Europe/Dublin", datetime(2026, 12, 7, 21, 0, tzinfo=UTC))
    # 23:30 UTC on Saturday is already Sunday in Tokyo, where the store is closed on Sundays
    saturday_late = datetime(2026, 12, 12, 23, 30, tzinfo=UTC)
    assert opening_today(CITY, "Asia/Tokyo", saturday_late) == ""
    assert not is_open(CITY, "Asia/Tokyo", saturday_late)
    assert opening_today(CITY, "Nowhere/Unknown", monday_noon) == "09:00-20:00"  # read as UTC
    assert opening_today(["9-5"] * 7, "UTC", monday_noon) == ""  # unreadable: no hours shown
    assert opening_today(("09:00-20:00",) * 3, "UTC", monday_noon) == ""  # not a week
    assert not is_open((), "UTC", monday_noon)


def test_the_last_known_stock_and_its_age():
    cache = StockCache(limit=2)
    a, b, c = (StockLevels(s, s, "t", "S1", (), fetched_at=10.0) for s in "ABC")
    for lv in (a, b, a, c):
        cache.put(lv)
    assert (cache.get("A"), cache.get("B"), cache.get("C")) == (a, None, c)  # the oldest went
    f = freshness(a, 70.0, stale=True, reason="offline")
    assert (f.age_s, f.stale, f.reason) == (60.0, True, "offline")
    assert freshness(a, 0.0, stale=False).age_s == 0.0
    lv = levels(store("S1", 1), store("W", 2, kind="warehouse"), store("S2", 3))
    assert lv.here.store_id == "S1" and [s.store_id for s in lv.other_stores] == ["S2"]
    assert [s.store_id for s in lv.warehouses] == ["W"] and lv.store("S9") is None


# ------------------------------------------------------------------ an ordered line

ORDER = Fulfilment("pickup", "700012", "OMO Riverside", "2026-12-09")


def test_a_fulfilment_round_trips_and_refuses_what_is_not_one():
    assert Fulfilment.from_dict(ORDER.to_dict()) == ORDER and Fulfilment.from_dict(None) is None
    assert ORDER.qr_payload == "OMO:ORDER:700012" and ORDER.is_order
    assert not Fulfilment("reservation", "700013").is_order
    for bad in (
        lambda: Fulfilment("teleport", "1"),
        lambda: Fulfilment("pickup", "no spaces"),
        lambda: Fulfilment("pickup", "1", source=3),
        lambda: Fulfilment("pickup", "1", ready_on="tomorrow"),
        lambda: Fulfilment.from_dict(["pickup"]),
        lambda: Fulfilment.from_dict({"kind": "pickup"}),
        lambda: Fulfilment("pickup", "1", qr_secret="short"),
        lambda: Fulfilment("pickup", "1", qr_secret="has.a.dot.in.it"),
    ):
        with pytest.raises(InvalidDataError):
            bad()


def test_an_ordered_line_keeps_its_order_s_qr_secret_and_prints_it():
    signed = Fulfilment("delivery", "700014", "Warehouse", "2026-12-10", qr_secret="Ab3_-xYz09KLmnop")
    assert Fulfilment.from_dict(signed.to_dict()) == signed
    assert signed.qr_payload == "OMO:ORDER:700014.Ab3_-xYz09KLmnop"
    assert "qr_secret" not in ORDER.to_dict()  # a line saved before secrets loads as it was
    assert qr_secret_of("700014", signed.qr_payload) == "Ab3_-xYz09KLmnop"
    for other in (None, "", "OMO:ORDER:700014", "OMO:ORDER:700015.Ab3_-xYz09KLmnop", "OMO:ORDER:700014.bad!"):
        assert qr_secret_of("700014", other) == ""


def test_an_ordered_line_is_a_line_of_its_own_its_quantity_is_the_orders_and_it_survives_a_restart():
    config = configure("IE", "IE", {})
    cart = Cart(config)
    code = config.tax_rates[0].code
    shelf = cart.add_line("SKU1", "Shirt", Money(3999, config.currency), code, merge=True)
    ordered = cart.add_fulfilled("SKU1", "Shirt", Money(3999, config.currency), code, 1, ORDER)
    assert ordered.line_id != shelf.line_id and cart.line_count == 2
    again = cart.add_line("SKU1", "Shirt", Money(3999, config.currency), code, merge=True)
    assert again.line_id == shelf.line_id  # a scan merges with the shelf line, never the order's
    with pytest.raises(InvalidQuantityError):
        cart.set_quantity(ordered.line_id, 2)
    assert cart.set_quantity(ordered.line_id, 1).fulfilment == ORDER
    with pytest.raises(InvalidDataError):
        cart.add_fulfilled("SKU1", "Shirt", Money(3999, config.currency), code, 1, {"kind": "pickup"})
    saved = cart.to_dict()
    assert "fulfilment" not in saved["lines"][0] and saved["lines"][1]["fulfilment"]["order_no"] == "700012"
    back = Cart.from_dict(saved, config)
    assert back.line(ordered.line_id).fulfilment == ORDER
    total = back.totals.line(ordered.line_id)
    assert total.fulfilment == ORDER and LineTotal.from_dict(total.to_dict()) == total
    assert "fulfilment" not in back.totals.line(shelf.line_id).to_dict()


def test_a_sale_document_keeps_its_ordered_lines():
    from pos.checkout import sale_document

    config = configure("IE", "IE", {})
    cart = Cart(config)
    cart.add_fulfilled("SKU1", "Shirt", Money(3999, config.currency), config.tax_rates[0].code, 1, ORDER)
    doc = sale_document(
        cart,
        sale_uuid="0b6c3a7e-0000-4000-8000-000000000001",
        receipt_no="T1-1",
        till_id="T1",
        staff_id="S",
        member_no=None,
        created_at="2026-12-08T10:00:00+00:00",
        tenders=(),
    )
    assert doc.lines[0].fulfilment == ORDER
    assert SaleDocument.from_dict(doc.to_dict()) == doc
