"""Stock everywhere at the backend, on both engines: sales take stock at the till's store, resellable
returns put it back, reservations and orders hold it (and let go of it), the last unit is promised once,
the look-up lists every store nearest first with its hours, deliveries and the item's variants."""

from __future__ import annotations

import time
import uuid

import pytest
import requests

from backend import stock
from backend.server import start_backend
from tests.backend.events import event, return_payload, sale_payload

T = 10


@pytest.fixture
def chain(database):
    handle = start_backend(database, strict=True, seed_products=60, fashion=True)
    handle.tokens = {
        "till-1": handle.register_device("till-1", store_id="S001"),
        "till-2": handle.register_device("till-2", store_id="S002"),
    }
    yield handle
    handle.stop()


def session(chain, till="till-1") -> requests.Session:
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {chain.tokens[till]}"
    return s


def on_hand(chain, sku, store_id) -> int:
    with chain.connect() as c:
        row = c.execute("SELECT available FROM stock WHERE sku = ? AND store_id = ?", (sku, store_id)).first()
    return 0 if row is None else row[0]


def set_on_hand(chain, sku, store_id, qty) -> None:
    with chain.connect() as c:
        c.execute("UPDATE stock SET available = ? WHERE sku = ? AND store_id = ?", (qty, sku, store_id))


def levels(chain, sku, till="till-1") -> dict:
    r = session(chain, till).get(f"{chain.url}/v1/stock/{sku}", timeout=T)
    assert r.status_code == 200, r.text
    return {s["store_id"]: s for s in r.json()["stores"]}


def push(chain, events, till="till-1"):
    r = session(chain, till).post(
        f"{chain.url}/v1/events",
        json={"events": events},
        headers={"Idempotency-Key": str(uuid.uuid4())},
        timeout=T,
    )
    assert r.status_code == 200, r.text
    return r.json()["results"]


def place(
    chain, *, till="till-1", sku="LSH-NAV-M", qty=1, source="S002", kind="pickup", order_id=None, **extra
):
    body = {
        "order_id": order_id or str(uuid.uuid4()),
        "fulfilment": kind,
        "source_store_id": source,
        "currency": "EUR",
        "customer_name": "Aiko T.",
        "lines": [{"sku": sku, "qty": qty}],
    }
    if kind == "pickup":
        body["pickup_store_id"] = "S001" if till == "till-1" else "S002"
    else:
        body["delivery_address"] = "1 Main Street, Dublin"
    body.update(extra)
    return session(chain, till).post(f"{chain.url}/v1/orders", json=body, timeout=T)


def ordered_sale(order_no, *, sku="LSH-NAV-M", price=3999, member_no=None, kind="pickup", tenders=None):
    p = sale_payload(sku=sku, unit_price=price, member_no=member_no)
    p["lines"][0]["fulfilment"] = {"kind": kind, "order_no": order_no}
    p["lines"][0]["tax_code"] = "STANDARD"
    if tenders is not None:
        p["tenders"] = tenders
    return p


def test_a_sale_takes_stock_at_the_tills_store_and_a_resellable_return_puts_it_back(chain):
    sku = "LSH-WHI-M"
    set_on_hand(chain, sku, "S002", 4)
    before = on_hand(chain, sku, "S001")
    sale = sale_payload(sku=sku, qty=2, unit_price=3999)
    assert push(chain, [event("sale.completed", sale)])[0]["status"] == "applied"
    assert on_hand(chain, sku, "S001") == before - 2
    assert levels(chain, sku)["S001"]["available"] == max(0, before - 2)
    back = return_payload(sale_uuid=sale["sale_uuid"], sku=sku, qty=1, refund=3999)
    assert push(chain, [event("return.completed", back)])[0]["status"] == "applied"
    assert on_hand(chain, sku, "S001") == before - 1
    damaged = return_payload(sale_uuid=sale["sale_uuid"], sku=sku, qty=1, refund=3999)
    damaged["lines"][0]["restock"] = False
    assert push(chain, [event("return.completed", damaged)])[0]["status"] == "applied"
    assert on_hand(chain, sku, "S001") == before - 1  # not resellable: not back on the shelf
    # another store's till takes its own store's stock
    riverside = on_hand(chain, sku, "S002")
    push(chain, [event("sale.completed", sale_payload(sku=sku), till_id="till-2")], till="till-2")
    assert (on_hand(chain, sku, "S002"), on_hand(chain, sku, "S001")) == (riverside - 1, before - 1)


def test_the_look_up_lists_every_store_nearest_first_with_hours_deliveries_and_variants(chain):
    r = session(chain).get(f"{chain.url}/v1/stock/LSH-NAV-M", timeout=T)
    body = r.json()
    assert body["name"] == "OMO Linen Shirt Navy M" and body["store_id"] == "S001"
    order = [s["store_id"] for s in body["stores"]]
    assert order == ["S001", "S002", "S003", "W01"]  # here, then by distance, the warehouse last
    stores = {s["store_id"]: s for s in body["stores"]}
    assert (
        stores["S001"]["distance_km"] == 0.0
        and 1.0 < stores["S002"]["distance_km"] < stores["S003"]["distance_km"]
    )
    assert stores["W01"]["kind"] == "warehouse" and stores["S002"]["opening_hours"][0] == "09:00-20:00"
    assert (stores["S001"]["available"], stores["S002"]["available"]) == (0, 1)  # the demo's story
    assert [i["qty"] for i in stores["S001"]["incoming"]] == [6] and stores["W01"]["incoming"][0]["qty"] == 40
    variants = {v["sku"]: v for v in body["variants"]}
    assert len(variants) == 12 and {v["colour"] for v in variants.values()} == {"White", "Navy", "Sage"}
    assert variants["LSH-NAV-M"] == {
        "sku": "LSH-NAV-M",
        "name": "OMO Linen Shirt Navy M",
        "colour": "Navy",
        "size": "M",
        "here": 0,
        "elsewhere": 1,
        "warehouse": 0,
    }
    # the other till sees its own store first
    assert [s["store_id"] for s in session(chain, "till-2").get(r.url, timeout=T).json()["stores"]][
        0
    ] == "S002"
    plain = session(chain).get(f"{chain.url}/v1/stock/{_catalog_sku(chain)}", timeout=T).json()
    assert plain["variants"] == [] and len(plain["stores"]) == 4
    assert session(chain).get(f"{chain.url}/v1/stock/NOPE", timeout=T).status_code == 404


def _catalog_sku(chain) -> str:
    with chain.connect() as c:
        return c.execute("SELECT sku FROM products WHERE brand <> 'OMO' ORDER BY version LIMIT 1").first()[0]


def test_a_reservation_holds_the_stock_until_its_time_runs_out(chain):
    sku = "LSH-WHI-L"
    set_on_hand(chain, sku, "S002", 3)
    free = levels(chain, sku)["S002"]["available"]
    assert free == 3
    body = {
        "reservation_id": str(uuid.uuid4()),
        "store_id": "S002",
        "sku": sku,
        "qty": 1,
        "currency": "EUR",
        "member_no": 1001,
        "customer_name": "Aiko T.",
        "hours": 4,
    }
    r = session(chain).post(f"{chain.url}/v1/reservations", json=body, timeout=T)
    assert r.status_code == 200, r.text
    order = r.json()
    assert (order["status"], order["fulfilment"], order["pickup_store_id"]) == (
        "reserved",
        "reservation",
        "S002",
    )
    assert levels(chain, sku)["S002"]["available"] == free - 1 and levels(chain, sku)["S002"]["held"] == 1
    # asked again (a retry): the same reservation, nothing held twice
    assert (
        session(chain).post(f"{chain.url}/v1/reservations", json=body, timeout=T).json()["order_no"]
        == order["order_no"]
    )
    assert levels(chain, sku)["S002"]["available"] == free - 1
    # the customer's app is told; it is among their online orders
    events = chain.member_events(1001)
    assert [e["kind"] for e in events] == ["reservation.created"]
    # with the order's QR (its secret too): the app shows it, and a store that scans it sees the order
    assert events[0]["body"]["qr_text"] == order["qr_text"]
    assert order["qr_text"].startswith(f"OMO:ORDER:{order['order_no']}.")
    scanned = (
        session(chain)
        .get(f"{chain.url}/v1/orders/by-qr", params={"text": order["qr_text"]}, timeout=T)
        .json()
    )
    assert scanned["view"] == "full" and scanned["qr_text"] == order["qr_text"]
    profile = (
        session(chain).get(f"{chain.url}/v1/members/1001", headers=own_code(chain, 1001), timeout=T).json()
    )
    assert order["order_no"] in [o["ref"] for o in profile["recent_orders"]]
    # four hours later
    with chain.connect() as c:
        c.execute("UPDATE holds SET expires_at = ? WHERE order_no = ?", (time.time() - 1, order["order_no"]))
        c.execute("UPDATE orders SET expires_at = ? WHERE order_no = ?", (time.time() - 1, order["order_no"]))
    assert levels(chain, sku)["S002"]["available"] == free
    assert (
        session(chain).get(f"{chain.url}/v1/orders/{order['order_no']}", timeout=T).json()["status"]
        == "expired"
    )


def test_a_reservation_collected_by_a_sale_at_its_store(chain):
    sku = "LSH-WHI-L"
    set_on_hand(chain, sku, "S002", 2)
    body = {
        "reservation_id": str(uuid.uuid4()),
        "store_id": "S002",
        "sku": sku,
        "qty": 1,
        "currency": "EUR",
        "customer_name": "Ben M.",
        "hours": 2,
    }
    order_no = session(chain).post(f"{chain.url}/v1/reservations", json=body, timeout=T).json()["order_no"]
    before = on_hand(chain, sku, "S002")
    sale = ordered_sale(order_no, sku=sku, kind="reservation")
    assert (
        push(chain, [event("sale.completed", sale, till_id="till-2")], till="till-2")[0]["status"]
        == "applied"
    )
    # the store that collected it reads it in full (another store, by its number: the summary, issue 22)
    got = session(chain, "till-2").get(f"{chain.url}/v1/orders/{order_no}", timeout=T).json()
    assert got["status"] == "collected" and got["lines"][0]["paid_amount"] == 3999
    assert on_hand(chain, sku, "S002") == before - 1 and levels(chain, sku)["S002"]["held"] == 0


def test_an_order_placed_at_a_till_holds_stock_until_its_sale_pays_it_then_leaves_its_source(chain):
    r = place(chain)  # the last navy M, at Riverside, to collect at the Flagship
    assert r.status_code == 200, r.text
    order = r.json()
    assert (order["status"], order["source_store_id"], order["pickup_store_id"]) == (
        "awaiting_payment",
        "S002",
        "S001",
    )
    assert order["ready_on"] and order["expires_at"] and order["origin"] == "till"
    assert levels(chain, "LSH-NAV-M")["S002"]["available"] == 0
    flagship = on_hand(chain, "LSH-NAV-M", "S001")
    tenders = [{"method": "card", "amount": 3000, "reference": "pi_1"}, {"method": "cash", "amount": 999}]
    sale = ordered_sale(order["order_no"], member_no=1002, tenders=tenders)
    assert push(chain, [event("sale.completed", sale)])[0]["status"] == "applied"
    paid = session(chain).get(f"{chain.url}/v1/orders/{order['order_no']}", timeout=T).json()
    assert (paid["status"], paid["member_no"], paid["total"]) == ("paid", 1002, 3999)
    assert sum(t["amount"] for t in paid["tenders"]) == 3999 and paid["expires_at"] is None
    assert on_hand(chain, "LSH-NAV-M", "S001") == flagship  # not taken from this store's shelf
    assert paid["order_no"] in [
        o["ref"]
        for o in session(chain)
        .get(f"{chain.url}/v1/members/1002", headers=own_code(chain, 1002), timeout=T)
        .json()["recent_orders"]
    ]
    assert [e["kind"] for e in chain.member_events(1002)] == ["order.placed"]
    # the van comes: it leaves Riverside and waits at the Flagship
    assert chain.send_order(order["order_no"]) == "ready_for_pickup"
    assert on_hand(chain, "LSH-NAV-M", "S002") == 0 and levels(chain, "LSH-NAV-M")["S002"]["held"] == 0
    assert (
        session(chain).get(f"{chain.url}/v1/orders/{order['order_no']}", timeout=T).json()["status"]
        == "ready_for_pickup"
    )
    assert [e["kind"] for e in chain.member_events(1002)] == ["order.placed", "order.ready_for_pickup"]


def test_the_last_unit_is_promised_once_and_a_retry_is_the_same_order(chain):
    order_id = str(uuid.uuid4())
    first = place(chain, order_id=order_id)
    assert first.status_code == 200
    assert place(chain, order_id=order_id).json()["order_no"] == first.json()["order_no"]  # a retry
    other = place(chain, till="till-2", source="S002", kind="delivery")
    assert other.status_code == 409 and other.json()["error"]["code"] == "out_of_stock"
    assert "none left to promise at OMO Riverside" in other.json()["error"]["message"]
    conflict = place(chain, order_id=order_id, source="W01", kind="delivery")
    assert conflict.status_code == 409 and conflict.json()["error"]["code"] == "order_conflict"
    # the web shop cannot take it either
    with pytest.raises(stock.Refused) as gone:
        chain.place_online_order([("LSH-NAV-M", 1)], "S002")
    assert gone.value.code == "out_of_stock"
    # given up (the customer changed their mind): it can be promised again
    released = session(chain).post(f"{chain.url}/v1/orders/{first.json()['order_no']}/release", timeout=T)
    assert released.status_code == 200 and released.json()["status"] == "cancelled"
    assert levels(chain, "LSH-NAV-M")["S002"]["available"] == 1
    web = chain.place_online_order([("LSH-NAV-M", 1)], "S002", member_no=1003)
    late = place(chain)
    assert late.status_code == 409 and late.json()["error"]["code"] == "out_of_stock"
    assert (
        session(chain).post(f"{chain.url}/v1/orders/{web}/release", timeout=T).json()["error"]["code"]
        == "order_paid"
    )


def test_a_sale_that_pays_an_order_whose_hold_ran_out(chain):
    order_no = place(chain).json()["order_no"]
    with chain.connect() as c:  # the till was offline longer than the pay-by time
        c.execute("UPDATE holds SET expires_at = ? WHERE order_no = ?", (time.time() - 1, order_no))
    push(chain, [event("sale.completed", ordered_sale(order_no))])
    assert (
        session(chain).get(f"{chain.url}/v1/orders/{order_no}", timeout=T).json()["status"] == "paid"
    )  # still there
    set_on_hand(chain, "LSH-SAG-XL", "S002", 1)
    second = place(chain, sku="LSH-SAG-XL", source="S002").json()["order_no"]
    with chain.connect() as c:
        c.execute("UPDATE holds SET expires_at = ? WHERE order_no = ?", (time.time() - 1, second))
    chain.place_online_order([("LSH-SAG-XL", 1)], "S002")  # meanwhile the web shop takes the last one
    push(chain, [event("sale.completed", ordered_sale(second, sku="LSH-SAG-XL"))])
    got = session(chain).get(f"{chain.url}/v1/orders/{second}", timeout=T).json()
    assert got["status"] == "out_of_stock" and got["total"] == 3999  # paid, and the till is told why


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"source_store_id": "S999"}, 404),
        ({"pickup_store_id": "W01"}, 400),
        ({"pickup_store_id": "S001", "source_store_id": "S001"}, 400),
        ({"customer_name": "\x00\x01"}, 400),
        ({"lines": [{"sku": "NOPE", "qty": 1}]}, 404),
        ({"lines": [{"sku": "LSH-NAV-S", "qty": 1}, {"sku": "LSH-NAV-S", "qty": 1}]}, 400),
        ({"fulfilment": "teleport"}, 400),
    ],
)
def test_orders_that_cannot_be_placed_are_refused_with_a_4xx(chain, change, status):
    r = place(chain, source="W01", **change)
    assert r.status_code == status, r.text
    body = {
        "order_id": str(uuid.uuid4()),
        "fulfilment": "delivery",
        "source_store_id": "W01",
        "currency": "EUR",
    }
    body |= {"customer_name": "A", "lines": [{"sku": "LSH-NAV-S", "qty": 1}]}
    assert (
        session(chain).post(f"{chain.url}/v1/orders", json=body, timeout=T).status_code == 400
    )  # no address


def test_reservations_that_cannot_be_made(chain):
    def reserve(**change):
        body = {
            "reservation_id": str(uuid.uuid4()),
            "store_id": "S002",
            "sku": "LSH-NAV-L",
            "qty": 1,
            "currency": "EUR",
            "customer_name": "Eva S.",
            "hours": 3,
        } | change
        return session(chain).post(f"{chain.url}/v1/reservations", json=body, timeout=T)

    assert reserve(store_id="W01").status_code == 400  # customers do not visit the warehouse
    assert reserve(member_no=2**63).status_code == 404
    assert reserve(hours=0).status_code == 400
    set_on_hand(chain, "LSH-NAV-L", "S002", 2)
    assert reserve(qty=3).json()["error"]["code"] == "out_of_stock"
    assert "only 2 left to promise" in reserve(qty=3).json()["error"]["message"]
    assert session(chain).post(f"{chain.url}/v1/orders/NOPE-1/release", timeout=T).status_code == 404


def test_a_sale_or_a_return_sent_again_moves_stock_once(chain):
    """Field failures B6 (an offline sale synced twice posted its stock twice) and F3 (refunding one unit
    raised stock by two): the same events pushed again, in another request, change nothing."""
    sku = "LSH-WHI-L"
    set_on_hand(chain, sku, "S001", 5)
    sale = event("sale.completed", sale_payload(sku=sku, qty=2, unit_price=3999))
    assert push(chain, [sale])[0]["status"] == "applied"
    assert on_hand(chain, sku, "S001") == 3
    back = event(
        "return.completed",
        return_payload(sale_uuid=sale["payload"]["sale_uuid"], sku=sku, qty=1, refund=3999),
    )
    assert push(chain, [back])[0]["status"] == "applied"
    assert on_hand(chain, sku, "S001") == 4
    again = push(chain, [sale, back])  # the queue replayed after a lost answer
    assert [r["status"] for r in again] == ["duplicate", "duplicate"]
    assert on_hand(chain, sku, "S001") == 4
    # the same sale under a new event id (a till that lost its outbox row) is still the same sale
    replayed = event("sale.completed", sale["payload"])
    push(chain, [replayed])
    assert on_hand(chain, sku, "S001") == 4
    # an order's sale sent twice pays it once and holds its stock once
    set_on_hand(chain, "LSH-SAG-S", "S002", 2)
    order_no = place(chain, sku="LSH-SAG-S").json()["order_no"]
    paid = event("sale.completed", ordered_sale(order_no, sku="LSH-SAG-S"))
    push(chain, [paid])
    push(chain, [paid, event("sale.completed", paid["payload"])])
    assert levels(chain, "LSH-SAG-S")["S002"]["held"] == 1
    with chain.connect() as c:
        assert c.execute("SELECT COUNT(*) FROM holds WHERE order_no = ?", (order_no,)).first()[0] == 1


def own_code(chain, member_no):
    """A member's history opens with the member's own code (issue 22)."""
    return {"OMO-Member-Token": chain.member_qr(member_no)}
