"""Stock and the endless aisle without a window (app/stock.py), on the real demo shop: its sync engine, the
reference backend and the Stripe simulator. What the backend holds is read back from the backend."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import date

import pytest

from app.results import Outcome
from app.stock import StockService, Unavailable
from pos.documents import Refund, ReturnDocument, ReturnLine
from sync.client import BackendClient
from tests.app.conftest import be_the_customer, recorded
from tests.support.waiting import wait_for

MIA = "9999"  # the demo manager


@pytest.fixture
def stock(shop, sell):
    # the fashion range reaches the till with the first catalog sync from the backend
    wait_for(lambda: shop.catalog.get("LSH-NAV-M") is not None, 30, 0.05)
    service = StockService(shop, sell)
    yield service
    service.close()


def backend_sql(shop, sql, params=()):
    with shop.demo.backend.connect() as c:
        result = c.execute(sql, params)
        return result.fetchall() if result.returns_rows else None


def on_hand(shop, sku, store="S001") -> int:
    rows = backend_sql(shop, "SELECT available FROM stock WHERE sku = ? AND store_id = ?", (sku, store))
    return rows[0][0] if rows else 0


def set_on_hand(shop, sku, store, qty) -> None:
    backend_sql(shop, "UPDATE stock SET available = ? WHERE sku = ? AND store_id = ?", (qty, sku, store))


def order_row(shop, order_no):
    return backend_sql(
        shop, "SELECT status, member_no, total, pickup_store_id FROM orders WHERE order_no = ?", (order_no,)
    )[0]


def test_stock_down_after_a_sale_and_up_after_a_resellable_return_at_the_backend(shop, sell, stock):
    sku = "LSH-WHI-M"
    before = on_hand(shop, sku)
    assert sell.add_sku(sku).ok and sell.add_sku(sku).ok
    view = sell.view()
    assert sell.pay_cash(view.total).ok
    # the commit wakes the sync engine: the backend's stock moves without waiting for its next poll
    wait_for(lambda: on_hand(shop, sku) == before - 2, 10, 0.01)
    looked = stock.look_up(sku)
    assert looked.ok and looked.value.levels.here.on_hand == before - 2 and not looked.value.freshness.stale
    doc = recorded(shop, view.sale_uuid)
    line = doc.lines[0]
    refund = line.paid_amount // line.quantity
    ret = ReturnDocument(
        return_uuid=str(uuid.uuid4()),
        receipt_no="",
        till_id=doc.till_id,
        staff_id="S001",
        member_no=None,
        currency=doc.currency,
        created_at=doc.created_at,
        tax_total=0,
        total=refund,
        lines=(ReturnLine(line.line_no, line.sku, line.description, 1, refund, line.tax_code, 0),),
        refunds=(Refund("cash", refund),),
        original_sale_uuid=doc.sale_uuid,
    )
    shop.journal.commit_return(ret)
    shop.sync_engine.wake()
    wait_for(lambda: on_hand(shop, sku) == before - 1, 10, 0.01)


def test_a_reservation_at_another_store_holds_stock_and_expires(shop, sell, stock):
    sku = "LSH-WHI-L"
    set_on_hand(shop, sku, "S002", 2)
    assert sell.attach_member_typed("1001").ok and sell.refresh_member().ok
    r = stock.reserve(sku, "S002")
    assert r.ok, r
    order = r.value
    assert order.status == "reserved" and order.pickup_store_id == "S002" and "OMO app" in str(r.message)
    riverside = next(s for s in stock.look_up(sku).value.levels.stores if s.store_id == "S002")
    assert (riverside.available, riverside.held) == (1, 1)
    assert [e["kind"] for e in shop.demo.backend.member_events(1001)] == ["reservation.created"]
    # the reservation's hours pass
    backend_sql(shop, "UPDATE holds SET expires_at = ? WHERE order_no = ?", (time.time() - 1, order.order_no))
    backend_sql(
        shop, "UPDATE orders SET expires_at = ? WHERE order_no = ?", (time.time() - 1, order.order_no)
    )
    riverside = next(s for s in stock.look_up(sku).value.levels.stores if s.store_id == "S002")
    assert (riverside.available, riverside.held) == (2, 0)
    assert shop.sync_engine.order(order.order_no).status == "expired"


def test_a_reservation_needs_whose_it_is(stock):
    r = stock.reserve("LSH-WHI-L", "S002")
    assert r.outcome is Outcome.REFUSED and "Attach the member" in str(r.message)
    assert stock.reserve("LSH-WHI-L", "S002", customer_name="Chloé D.").ok


def test_an_endless_aisle_order_paid_by_card_is_the_members_and_after_arrival_waits_for_pickup(
    shop, sell, stock
):
    assert sell.attach_member_typed("1002").ok and sell.refresh_member().ok
    r = stock.order("LSH-NAV-M", "pickup")  # sold out here; the last one is at Riverside
    assert r.ok, r
    order_no = r.value.order_no
    assert "to collect here from" in str(r.message) and "OMO Riverside" in str(r.message)
    # the day as the store (en_IE) writes a date, not the backend's ISO day
    day = date.fromisoformat(r.value.ready_on).strftime("%d/%m/%Y")
    assert f"to collect here from {day}." in str(r.message), r.message
    line = sell.view().lines[0]
    assert line.sku == "LSH-NAV-M" and sell.view().total == 3999
    assert sell.set_quantity(line.line_id, 2).outcome is Outcome.REFUSED  # the order holds one
    be_the_customer(shop, lambda sim: sim.tap("4242424242424242"))
    paid = sell.pay_card()
    assert paid.ok, paid
    # the receipt: the line says its order; the order's number and its QR code follow the tenders
    slip = paid.receipt.orders[0]
    assert (slip.order_no, slip.kind, slip.source) == (order_no, "pickup", "OMO Riverside")
    assert paid.receipt.lines[0].order_no == order_no
    # its QR carries the order's secret: a store far from both sees the order in full by scanning it, and
    # by its number alone only the summary
    assert slip.qr_payload.startswith(f"OMO:ORDER:{order_no}.") and len(slip.qr_payload) > 30
    elsewhere = _other_till(shop)
    assert elsewhere.order_by_qr(slip.qr_payload).view == "full"
    assert elsewhere.order(order_no).view == "summary"
    assert recorded(shop, paid.value.sale_uuid).lines[0].fulfilment.qr_payload == slip.qr_payload
    wait_for(lambda: order_row(shop, order_no)[0] == "paid", 10, 0.01)
    status, member_no, total, pickup = order_row(shop, order_no)
    assert (member_no, total, pickup) == (1002, 3999, "S001")
    code = shop.demo.backend.member_qr(1002)  # a member's history opens with their own code (issue 22)
    profile = shop.sync_engine.member_profile(1002, max_age_s=0, member_token=code)
    assert order_no in [o.ref for o in profile.recent_orders if o.channel == "online"]
    # the van arrives from Riverside: the order waits in this store's pickup list
    assert shop.demo.backend.send_order(order_no) == "ready_for_pickup"
    waiting = shop.sync_engine.order(order_no)
    assert (waiting.status, waiting.pickup_store_id) == ("ready_for_pickup", "S001")
    assert on_hand(shop, "LSH-NAV-M", "S002") == 0


def test_delivery_home_needs_an_address_and_comes_from_the_warehouse(shop, sell, stock):
    assert stock.order("LSH-NAV-L", "delivery", customer_name="Eva S.").outcome is Outcome.REFUSED
    r = stock.order("LSH-NAV-L", "delivery", customer_name="Eva S.", address="1 Quay St, Galway")
    assert r.ok, r
    assert shop.sync_engine.order(r.value.order_no).source_store_id == "W01"
    assert sell.pay_cash(sell.view().total).ok
    wait_for(lambda: order_row(shop, r.value.order_no)[0] == "paid", 10, 0.01)


def test_the_last_unit_asked_for_by_two_tills_one_gets_it_the_other_is_told_and_offered_the_rest(
    shop, sell, stock
):
    sku = "LSH-SAG-M"
    for store, qty in (("S001", 0), ("S002", 1), ("S003", 2), ("W01", 5)):
        set_on_hand(shop, sku, store, qty)
    other = _other_till(shop)

    def theirs():
        return other.place_order(
            {
                "order_id": str(uuid.uuid4()),
                "fulfilment": "pickup",
                "source_store_id": "S002",
                "pickup_store_id": "S003",
                "currency": "EUR",
                "customer_name": "Airport customer",
                "lines": [{"sku": sku, "qty": 1}],
            }
        )

    theirs()  # the airport's till got Riverside's last one a moment ago
    r = stock.order(sku, "pickup", source_store_id="S002", customer_name="Ben M.")  # it was on screen
    assert r.outcome is Outcome.REFUSED and "left to promise at OMO Riverside" in str(r.message)
    assert isinstance(r.value, Unavailable)
    offered = [(a.kind, a.store.store_id) for a in r.value.alternatives]
    assert offered == [("reservation", "S003"), ("pickup", "S003"), ("delivery", "W01")]
    assert "OMO Airport (2)" in str(r.message) and sell.view().is_empty  # nothing on the sale
    # and truly at once: exactly one of two tills gets the airport's last unit
    set_on_hand(shop, sku, "S003", 1)
    results: dict[str, object] = {}
    start = threading.Barrier(2)

    def mine():
        start.wait()
        results["mine"] = stock.order(sku, "pickup", source_store_id="S003", customer_name="Ben M.")

    def other_till():
        start.wait()
        try:
            results["theirs"] = other.place_order(
                {
                    "order_id": str(uuid.uuid4()),
                    "fulfilment": "delivery",
                    "source_store_id": "S003",
                    "delivery_address": "2 Dock Rd",
                    "currency": "EUR",
                    "customer_name": "Web",
                    "lines": [{"sku": sku, "qty": 1}],
                }
            )
        except Exception as e:  # noqa: BLE001 - the refusal is the result
            results["theirs"] = e

    threads = [threading.Thread(target=mine), threading.Thread(target=other_till)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    won = [results["mine"].ok, not isinstance(results["theirs"], Exception)]
    assert sorted(won) == [False, True]
    held = backend_sql(
        shop, "SELECT COUNT(*) FROM holds WHERE sku = ? AND store_id = 'S003' AND state = 'held'", (sku,)
    )
    assert held[0][0] == 1
    if not results["mine"].ok:
        assert [a.store.store_id for a in results["mine"].value.alternatives] == ["W01"]


def _other_till(shop) -> BackendClient:
    token = shop.demo.backend.register_device("T99", store_id="S003")
    return BackendClient(shop.demo.backend.url, token_provider=lambda: token)


def test_stock_shown_offline_is_the_last_known_marked_stale(shop, stock):
    assert stock.look_up("LSH-WHI-S").ok
    shop.demo.set_backend_online(False)
    try:
        r = stock.look_up("LSH-WHI-S")
        assert r.outcome is Outcome.DONE and r.error and r.value.freshness.stale
        assert "Offline" in str(r.message) and "may have changed" in str(r.message)
        never = stock.look_up("LSH-WHI-XL")
        assert never.outcome is Outcome.REFUSED and "cannot be checked" in str(never.message)
        assert stock.order("LSH-NAV-L", "delivery", customer_name="X", address="Y").outcome is Outcome.REFUSED
    finally:
        shop.demo.set_backend_online(True)


def test_an_order_line_taken_off_the_sale_gives_its_stock_back(shop, sell, stock):
    set_on_hand(shop, "CHN-STO-M", "W01", 1)
    r = stock.order("CHN-STO-M", "delivery", customer_name="Ana", address="3 Main St")
    assert r.ok and order_row(shop, r.value.order_no)[0] == "awaiting_payment"
    removed = sell.remove_line(sell.view().lines[0].line_id)
    if removed.outcome is Outcome.NEEDS_APPROVAL:
        removed = removed.retry(shop.approvals.approve(removed.request, MIA).override)
    assert removed.ok
    stock.flush()
    assert order_row(shop, r.value.order_no)[0] == "cancelled"
    assert (
        next(s for s in stock.look_up("CHN-STO-M").value.levels.stores if s.store_id == "W01").available == 1
    )


def test_a_reservation_waiting_here_is_collected_and_paid_at_the_till(shop, sell, stock):
    sku = "MSW-OAT-M"
    set_on_hand(shop, sku, "S001", 3)
    reserved = stock.reserve(sku, "S001", customer_name="Dmitri K.")
    assert reserved.ok
    assert stock.collect(reserved.value.order_no).ok
    assert stock.collect("700999").outcome is Outcome.REFUSED
    paid = sell.pay_cash(sell.view().total)
    assert paid.ok and paid.receipt.orders[0].kind == "reservation"
    wait_for(lambda: order_row(shop, reserved.value.order_no)[0] == "collected", 10, 0.01)
    assert on_hand(shop, sku) == 2


def test_an_order_paid_after_its_hold_ran_out_and_its_stock_went_online_is_said_with_what_to_offer(
    shop, sell, stock
):
    """The sale was parked past the order's pay-by time and the web shop took the last unit meanwhile: the
    backend keeps the money and marks the order out of stock; the till says so, with the other stores, the
    warehouse and the amount to refund for the order part."""
    sku = "LSH-SAG-XL"
    for store, qty in (("S001", 0), ("S002", 1), ("S003", 1), ("W01", 2)):
        set_on_hand(shop, sku, store, qty)
    heard: list = []
    stock.on_notice.append(heard.append)
    placed = stock.order(sku, "pickup", source_store_id="S002", customer_name="Ben M.")
    assert placed.ok, placed
    order_no = placed.value.order_no
    past = time.time() - 1
    backend_sql(shop, "UPDATE holds SET expires_at = ? WHERE order_no = ?", (past, order_no))
    shop.demo.backend.place_online_order([(sku, 1)], "S002")  # the web shop takes Riverside's last one
    assert sell.add_sku("LSH-WHI-M").ok  # a shelf item on the same sale, not refunded
    paid = sell.pay_cash(sell.view().total)
    assert paid.ok, paid
    wait_for(lambda: bool(heard), 30, 0.02)
    (notice,) = heard
    said = str(notice.message)
    assert notice.error and order_no in said and "went elsewhere" in said
    assert "OMO Airport (1), OMO Warehouse (2)" in said and "refund" in said and "€39.99" in said
    assert isinstance(notice.value, Unavailable) and notice.value.sku == sku
    assert [(a.kind, a.store.store_id) for a in notice.value.alternatives] == [
        ("reservation", "S003"),
        ("pickup", "S003"),
        ("delivery", "W01"),
    ]
    assert order_row(shop, order_no)[0] == "out_of_stock"


def test_an_order_paid_in_time_is_confirmed_without_a_word(shop, sell, stock):
    heard: list = []
    stock.on_notice.append(heard.append)
    set_on_hand(shop, "LSH-SAG-L", "W01", 3)
    placed = stock.order("LSH-SAG-L", "delivery", customer_name="Eva S.", address="1 Quay St")
    assert placed.ok and sell.pay_cash(sell.view().total).ok
    wait_for(lambda: order_row(shop, placed.value.order_no)[0] == "paid", 10, 0.01)
    stock.flush()
    assert heard == []
