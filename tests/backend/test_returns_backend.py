"""The backend's side of returns, pickups and store credit, on both engines: claims held before a refund
(the cap across tills), the return event replacing its claim, store credit issued by a return and spent
once, restocking, the pickup list, hand-overs in parts and the customer check."""

from __future__ import annotations

import uuid

from tests.backend.events import event, return_payload, sale_payload

T = 10


def push(http, backend, events, key=None):
    r = http.post(
        f"{backend.url}/v1/events",
        json={"events": events},
        headers={"Idempotency-Key": key or str(uuid.uuid4())},
        timeout=T,
    )
    assert r.status_code == 200, r.text
    return r.json()["results"]


def order(http, backend, order_no):
    """The order in full, as its QR (with the order's secret) shows it."""
    r = http.get(f"{backend.url}/v1/orders/by-qr", params={"text": backend.order_qr(order_no)}, timeout=T)
    assert r.status_code == 200, r.text
    return r.json()


def claim_body(order_no, line, qty, refund, return_uuid=None):
    return {
        "return_uuid": return_uuid or str(uuid.uuid4()),
        "currency": "EUR",
        "original": {"order_no": order_no},
        "lines": [{"line_no": line["line_no"], "sku": line["sku"], "qty": qty, "refund_amount": refund}],
    }


def claim(http, backend, body):
    return http.post(f"{backend.url}/v1/returns/claims", json=body, timeout=T)


def test_a_claim_holds_the_lines_and_a_second_claim_of_the_last_unit_is_refused(backend, http):
    line = order(http, backend, "600001")["lines"][0]
    unit = line["paid_amount"] // line["qty"]
    assert line["qty"] == 2
    first = claim_body("600001", line, 2, line["paid_amount"])
    r = claim(http, backend, first)
    assert r.status_code == 200 and r.json()["status"] == "claimed"
    held = order(http, backend, "600001")["lines"][0]
    assert (held["returned_qty"], held["returnable_qty"], held["refunded_amount"]) == (
        2,
        0,
        line["paid_amount"],
    )
    other = claim(http, backend, claim_body("600001", line, 1, unit))
    assert other.status_code == 409 and other.json()["error"]["code"] == "exceeds_returnable"
    # the same claim again (a retry) answers the same and holds nothing more
    again = claim(http, backend, first)
    assert again.status_code == 200 and again.json()["status"] == "claimed"
    assert order(http, backend, "600001")["lines"][0]["returned_qty"] == 2
    # the same return with other lines is a conflict
    changed = dict(first, lines=[dict(first["lines"][0], qty=1, refund_amount=unit)])
    assert claim(http, backend, changed).json()["error"]["code"] == "claim_conflict"
    # given up: the units are returnable again; a second release answers the same
    rel = http.delete(f"{backend.url}/v1/returns/claims/{first['return_uuid']}", timeout=T)
    assert rel.status_code == 200 and rel.json()["status"] == "released"
    assert (
        http.delete(f"{backend.url}/v1/returns/claims/{first['return_uuid']}", timeout=T).status_code == 200
    )
    after = order(http, backend, "600001")["lines"][0]
    assert (after["returned_qty"], after["refunded_amount"]) == (0, 0)
    assert claim(http, backend, first).json()["error"]["code"] == "claim_released"


def test_a_claim_cannot_refund_more_than_was_paid_or_name_a_line_not_on_the_order(backend, http):
    line = order(http, backend, "600002")["lines"][0]
    too_much = claim(http, backend, claim_body("600002", line, 1, line["paid_amount"] + 1))
    assert too_much.status_code == 409 and too_much.json()["error"]["code"] == "exceeds_refundable"
    wrong = claim(http, backend, claim_body("600002", dict(line, sku="NOPE-1"), 1, 1))
    assert wrong.status_code == 404
    missing = claim(http, backend, claim_body("999999", line, 1, 1))
    assert missing.status_code == 404
    usd = dict(claim_body("600002", line, 1, 1), currency="USD")
    assert claim(http, backend, usd).json()["error"]["code"] == "currency_mismatch"
    assert http.delete(f"{backend.url}/v1/returns/claims/{uuid.uuid4()}", timeout=T).status_code == 404


def test_the_return_event_replaces_its_claim_and_counts_once(backend, http):
    line = order(http, backend, "600001")["lines"][0]
    unit = line["paid_amount"] // line["qty"]
    body = claim_body("600001", line, 1, unit)
    assert claim(http, backend, body).json()["status"] == "claimed"
    ret = return_payload(order_no="600001", sku=line["sku"], refund=unit)
    ret["return_uuid"] = body["return_uuid"]
    (res,) = push(http, backend, [event("return.completed", ret)])
    assert res["status"] == "applied"
    after = order(http, backend, "600001")["lines"][0]
    assert (after["returned_qty"], after["refunded_amount"]) == (1, unit)
    # completed: it cannot be released, and claiming it again says so
    rel = http.delete(f"{backend.url}/v1/returns/claims/{body['return_uuid']}", timeout=T)
    assert rel.status_code == 409 and rel.json()["error"]["code"] == "claim_completed"
    assert claim(http, backend, body).json()["status"] == "completed"


def _credit_return(line, refund, code, *, order_no="600003", store_id="S001", restock=True):
    p = return_payload(order_no=order_no, sku=line["sku"], refund=refund)
    p["refunds"] = [{"method": "store_credit", "amount": refund, "reference": code}]
    p["store_id"] = store_id
    p["lines"][0]["restock"] = restock
    return p


def test_a_store_credit_issued_by_a_return_is_spent_once_in_any_store(backend, http):
    line = order(http, backend, "600003")["lines"][0]
    refund = line["paid_amount"] // line["qty"]
    code = "SC-ABCD-EFGH-IJKL-MNOP"
    (res,) = push(http, backend, [event("return.completed", _credit_return(line, refund, code))])
    assert res["status"] == "applied", res
    credit = http.get(f"{backend.url}/v1/store-credits/{code}", timeout=T).json()
    assert (credit["issued"], credit["balance"], credit["currency"]) == (refund, refund, "EUR")
    rid = str(uuid.uuid4())
    sale = str(uuid.uuid4())
    spend = {"redemption_id": rid, "amount": refund - 100, "currency": "EUR", "sale_uuid": sale}
    url = f"{backend.url}/v1/store-credits/{code}/redemptions"
    r = http.post(url, json=spend, timeout=T)
    assert r.status_code == 200 and r.json()["balance"] == 100
    # a retry of the same redemption spends nothing more
    assert http.post(url, json=spend, timeout=T).json()["balance"] == 100
    assert (
        http.post(url, json=dict(spend, amount=50), timeout=T).json()["error"]["code"]
        == "redemption_conflict"
    )
    more = {"redemption_id": str(uuid.uuid4()), "amount": 101, "currency": "EUR"}
    r = http.post(url, json=more, timeout=T)
    assert r.status_code == 409 and r.json()["error"]["code"] == "insufficient_credit"
    assert http.post(url, json=dict(more, currency="USD"), timeout=T).json()["error"]["code"] == (
        "currency_mismatch"
    )
    # the sale was not completed: the amount goes back onto the credit
    rel = http.delete(f"{url}/{rid}", timeout=T)
    assert rel.status_code == 200 and (rel.json()["status"], rel.json()["balance"]) == ("released", refund)
    assert http.post(url, json=spend, timeout=T).json()["error"]["code"] == "redemption_released"
    # spent again, and its sale recorded: it can no longer be given back
    again = {"redemption_id": str(uuid.uuid4()), "amount": refund, "currency": "EUR", "sale_uuid": sale}
    assert http.post(url, json=again, timeout=T).json()["balance"] == 0
    paid = sale_payload(sale_uuid=sale, unit_price=refund)
    paid["tenders"] = [{"method": "store_credit", "amount": refund, "reference": code}]
    assert push(http, backend, [event("sale.completed", paid)])[0]["status"] == "applied"
    used = http.delete(f"{url}/{again['redemption_id']}", timeout=T)
    assert used.status_code == 409 and used.json()["error"]["code"] == "redemption_used"
    assert http.get(f"{backend.url}/v1/store-credits/SC-AAAA-AAAA-AAAA-AAAA", timeout=T).status_code == 404


def test_a_credit_code_is_issued_once_and_an_exchange_issues_none(backend, http):
    line = order(http, backend, "600003")["lines"][0]
    code = "SC-ZZZZ-YYYY-XXXX-WWWW"
    first = _credit_return(line, 100, code)
    assert push(http, backend, [event("return.completed", first)])[0]["status"] == "applied"
    second = _credit_return(line, 100, code)
    (res,) = push(http, backend, [event("return.completed", second)])
    assert res["status"] == "rejected" and "issued before" in res["reason"]["message"]
    # the rejected return left nothing behind: its unit is still returnable
    assert order(http, backend, "600003")["lines"][0]["returned_qty"] == 1
    exchange = _credit_return(line, 100, f"exchange:{uuid.uuid4()}")
    assert push(http, backend, [event("return.completed", exchange)])[0]["status"] == "applied"
    bad = _credit_return(line, 1, "not-a-code")
    assert push(http, backend, [event("return.completed", bad)])[0]["status"] == "rejected"


def test_a_resellable_return_goes_back_into_the_store_s_stock(backend, http):
    line = order(http, backend, "600003")["lines"][0]
    before = {
        s["store_id"]: s["available"]
        for s in http.get(f"{backend.url}/v1/stock/{line['sku']}", timeout=T).json()["stores"]
    }
    push(http, backend, [event("return.completed", _credit_return(line, 10, "SC-AAAA-BBBB-CCCC-DDDD"))])
    damaged = _credit_return(line, 10, "SC-AAAA-BBBB-CCCC-EEEE", restock=False)
    push(http, backend, [event("return.completed", damaged)])
    after = {
        s["store_id"]: s["available"]
        for s in http.get(f"{backend.url}/v1/stock/{line['sku']}", timeout=T).json()["stores"]
    }
    assert after["S001"] == before.get("S001", 0) + 1
    assert {k: v for k, v in after.items() if k != "S001"} == {k: v for k, v in before.items() if k != "S001"}


def test_the_pickup_list_shows_this_store_s_waiting_orders_with_shelf_age_and_overdue(backend, http):
    r = http.get(f"{backend.url}/v1/pickups", params={"store_id": "S001"}, timeout=T)
    assert r.status_code == 200
    orders = r.json()["orders"]
    assert [o["order_no"] for o in orders] == ["500005", "500004", "500003", "500002", "500001"]
    assert all(o["status"] == "ready_for_pickup" and o["shelf"] for o in orders)
    assert [o["overdue"] for o in orders] == [True, False, False, False, False]
    assert (
        http.get(f"{backend.url}/v1/pickups", params={"store_id": "S002"}, timeout=T).json()["orders"] == []
    )
    assert http.get(f"{backend.url}/v1/pickups", timeout=T).status_code == 400


def test_an_order_is_handed_over_in_two_parts(backend, http):
    o = order(http, backend, "500002")  # two lines: 1 x line 1, 2 x line 2
    assert [(ln["line_no"], ln["qty"]) for ln in o["lines"]] == [(1, 2), (2, 1)]
    part = {
        "order_no": "500002",
        "store_id": "S001",
        "check": "card_last4",
        "lines": [{"line_no": 1, "qty": 1}],
        "not_taken": [
            {"line_no": 1, "qty": 1, "reason": "comes back tomorrow"},
            {"line_no": 2, "qty": 1, "reason": "x"},
        ],
    }
    assert push(http, backend, [event("pickup.handed_over", part)])[0]["status"] == "applied"
    o = order(http, backend, "500002")
    assert o["status"] == "ready_for_pickup"
    assert [ln["handed_over_qty"] for ln in o["lines"]] == [1, 0]
    too_many = {"order_no": "500002", "lines": [{"line_no": 1, "qty": 2}]}
    (res,) = push(http, backend, [event("pickup.handed_over", too_many)])
    assert res["status"] == "rejected" and res["reason"]["code"] == "exceeds_waiting"
    rest = {"order_no": "500002", "store_id": "S001"}  # no lines: all that still waits
    assert push(http, backend, [event("pickup.handed_over", rest)])[0]["status"] == "applied"
    o = order(http, backend, "500002")
    assert o["status"] == "handed_over" and [ln["handed_over_qty"] for ln in o["lines"]] == [2, 1]
    (res,) = push(http, backend, [event("pickup.handed_over", rest)])
    assert res["reason"]["code"] == "already_handed_over"
    listed = http.get(f"{backend.url}/v1/pickups", params={"store_id": "S001"}, timeout=T).json()["orders"]
    assert "500002" not in [x["order_no"] for x in listed]


def test_an_order_not_collected_and_taken_back_whole_is_cancelled(backend, http):
    o = order(http, backend, "500001")
    (line,) = o["lines"]
    ret = return_payload(order_no="500001", sku=line["sku"], qty=line["qty"], refund=line["paid_amount"])
    assert push(http, backend, [event("return.completed", ret)])[0]["status"] == "applied"
    assert order(http, backend, "500001")["status"] == "cancelled"


def test_the_customer_check_compares_at_the_backend(backend, http):
    url = f"{backend.url}/v1/orders/500003/check"
    o = order(http, backend, "500003")
    assert o["customer_display_name"] == "Chloé D."

    def check(method, value):
        r = http.post(url, json={"method": method, "value": value}, timeout=T)
        assert r.status_code == 200, r.text
        return r.json()["verified"]

    assert check("name", "chloe durand") and check("name", "CHLOÉ") and not check("name", "Chloé Martin")
    assert not check("name", "Ben")
    assert check("card_last4", "4444") and not check("card_last4", "4242")
    with backend.connect() as conn:
        code = conn.execute("SELECT pickup_code FROM orders WHERE order_no = '500003'").scalar()
    assert check("app_code", code) and not check("app_code", "000000" if code != "000000" else "111111")
    assert (
        http.post(
            f"{backend.url}/v1/orders/999999/check", json={"method": "name", "value": "x"}, timeout=T
        ).status_code
        == 404
    )
    assert http.post(url, json={"method": "dna", "value": "x"}, timeout=T).status_code == 400


def test_a_sale_carries_its_points_and_tax_and_is_found_by_its_receipt_number(backend, http):
    p = sale_payload(member_no=1001, earned=12, redeemed=100, receipt_no="T7-000042")
    assert push(http, backend, [event("sale.completed", p)])[0]["status"] == "applied"
    s = http.get(f"{backend.url}/v1/sales/by-receipt/T7-000042", timeout=T).json()
    # the backend's figure, not the till's 12: gold earns 15 per 10.00 EUR on the 9.00 EUR paid in money
    assert s["sale_uuid"] == p["sale_uuid"] and s["points"] == {"earned": 13, "redeemed": 100}
    assert s["lines"][0]["tax_amount"] == p["lines"][0]["tax_amount"]
    assert http.get(f"{backend.url}/v1/sales/by-receipt/T7-999999", timeout=T).status_code == 404


def test_a_return_is_found_by_its_receipt_number_with_what_it_returned(backend, http):
    """A till typing a return receipt's number learns it is a return (and of what), not a sale."""
    p = sale_payload(receipt_no="T7-000050")
    ret = return_payload(sale_uuid=p["sale_uuid"], sku=p["lines"][0]["sku"], refund=500)
    ret["receipt_no"] = "T8-000051"
    line = order(http, backend, "600002")["lines"][0]
    online = return_payload(order_no="600002", sku=line["sku"], refund=1)
    online["receipt_no"] = "T8-000052"
    results = push(http, backend, [event("sale.completed", p), event("return.completed", ret)])
    assert [r["status"] for r in results] == ["applied", "applied"], results
    assert push(http, backend, [event("return.completed", online)])[0]["status"] == "applied"
    r = http.get(f"{backend.url}/v1/returns/by-receipt/T8-000051", timeout=T)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "return_uuid": ret["return_uuid"],
        "receipt_no": "T8-000051",
        "till_id": "till-1",
        "original_receipt_no": "T7-000050",
        "original_order_no": None,
    }
    by_order = http.get(f"{backend.url}/v1/returns/by-receipt/T8-000052", timeout=T).json()
    assert (by_order["original_order_no"], by_order["original_receipt_no"]) == ("600002", None)
    # a return's number is no sale, and a sale's number no return
    assert http.get(f"{backend.url}/v1/sales/by-receipt/T8-000051", timeout=T).status_code == 404
    assert http.get(f"{backend.url}/v1/returns/by-receipt/T7-000050", timeout=T).status_code == 404
