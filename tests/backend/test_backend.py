"""The reference backend over real HTTP on loopback: contract, idempotency, exactly-once, caps, tokens."""

from __future__ import annotations

import base64
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import yaml

from backend import tokens
from sync import contract
from tests.backend.events import event, return_payload, sale_payload

T = 10  # seconds: timeout of every call in these tests


def post_events(http, url, events, key):
    headers = {"Idempotency-Key": key} if key is not None else {}
    return http.post(f"{url}/v1/events", json={"events": events}, headers=headers, timeout=T)


def ledger_rows(backend, member_no):
    conn = backend.connect()
    try:
        return conn.execute(
            "SELECT event_id, delta FROM points_ledger"
            " WHERE member_no = ? AND event_id NOT LIKE 'seed-%' ORDER BY id",
            (member_no,),
        ).fetchall()
    finally:
        conn.close()


def test_served_openapi_is_the_contract_file_and_covers_every_route(backend, http):
    served = http.get(f"{backend.url}/openapi.json", timeout=T).json()
    with open(contract.SPEC_PATH, encoding="utf-8") as fh:
        assert served == yaml.safe_load(fh)
    # every route the app serves is in the contract, and every contract path is served
    fastapi_app = backend._server.config.app
    while not hasattr(fastapi_app, "routes"):  # under the fault hooks and the guard (body limit, access log)
        fastapi_app = fastapi_app.app
    served_paths = {r.path for r in fastapi_app.routes if r.path.startswith("/v1/")}
    assert served_paths == set(served["paths"])


def test_auth_required_and_revocation(backend, http):
    r = requests.get(f"{backend.url}/v1/keys", timeout=T)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    r = requests.get(f"{backend.url}/v1/keys", headers={"Authorization": "Bearer nope"}, timeout=T)
    assert r.status_code == 401
    assert http.get(f"{backend.url}/v1/keys", timeout=T).status_code == 200
    backend.revoke_device("till-1")
    r = http.get(f"{backend.url}/v1/keys", timeout=T)
    assert r.status_code == 401 and r.json()["error"]["code"] == "token_revoked"


def test_idempotency_key_missing_reused_and_replayed(backend, http):
    ev = event("sale.completed", sale_payload())
    r = post_events(http, backend.url, [ev], None)
    assert r.status_code == 400 and r.json()["error"]["code"] == "idempotency_key_missing"
    first = post_events(http, backend.url, [ev], "k-1")
    assert first.status_code == 200
    assert first.json() == {"results": [{"event_id": ev["event_id"], "status": "applied"}]}
    again = post_events(http, backend.url, [ev], "k-1")
    assert again.status_code == 200 and again.content == first.content
    assert again.headers.get("Idempotent-Replayed") == "true"
    other = event("sale.completed", sale_payload())
    r = post_events(http, backend.url, [other], "k-1")
    assert r.status_code == 422 and r.json()["error"]["code"] == "idempotency_key_reused"
    # the same event under another key: applied once, answered duplicate
    r = post_events(http, backend.url, [ev], "k-2")
    assert r.json()["results"][0]["status"] == "duplicate"


def test_409_then_replay(backend, http):
    entered, release = threading.Event(), threading.Event()

    def hook():
        entered.set()
        assert release.wait(10)

    backend.backend.before_apply = hook
    ev = event("sale.completed", sale_payload(member_no=1001, earned=7))

    def first_call():
        s = requests.Session()
        s.headers.update(http.headers)
        return post_events(s, backend.url, [ev], "key-409")

    with ThreadPoolExecutor(1) as pool:
        fut = pool.submit(first_call)
        assert entered.wait(10)
        backend.backend.before_apply = None
        assert post_events(http, backend.url, [ev], "key-409").status_code == 409
        release.set()
        assert fut.result(10).json()["results"][0]["status"] == "applied"
    replay = post_events(http, backend.url, [ev], "key-409")
    assert replay.status_code == 200 and replay.json()["results"][0]["status"] == "applied"
    assert len(ledger_rows(backend, 1001)) == 1


def test_batch_results_per_event_poison_does_not_block(backend, http):
    good1 = event("sale.completed", sale_payload(member_no=1002, earned=10))
    bad = event("sale.completed", {"sale_uuid": "not-a-sale"})
    broke = event("sale.completed", sale_payload(member_no=1002, redeemed=10**6))
    good2 = event("member.checked_in", {"member_no": 1002, "via": "app_qr"})
    r = post_events(http, backend.url, [good1, bad, broke, good2, good1], "batch-1")
    res = r.json()["results"]
    assert [x["status"] for x in res] == ["applied", "rejected", "rejected", "applied", "duplicate"]
    assert res[0]["reason"]["code"] == "points_corrected"  # the till said 10: silver earns 1.25 a euro
    assert res[1]["reason"]["code"] == "invalid_payload"
    assert res[2]["reason"]["code"] == "insufficient_points"
    # the sale's 12 points (10.00 EUR x 1.25) and the visit's 10
    assert ledger_rows(backend, 1002) == [(good1["event_id"], 12), (good2["event_id"], 10)]
    qr = {"OMO-Member-Token": backend.member_qr(1002)}
    profile = http.get(f"{backend.url}/v1/members/1002", headers=qr, timeout=T).json()
    assert profile["points_balance"] == 800 + 22
    assert any(o["channel"] == "store" for o in profile["recent_orders"])


def test_event_of_another_till_is_rejected(backend, http):
    ev = event(
        "cash.movement",
        {"movement_id": "m1", "kind": "paid_in", "amount": 500, "currency": "EUR"},
        till_id="till-9",
    )
    res = post_events(http, backend.url, [ev], "k-till").json()["results"][0]
    assert res["status"] == "rejected" and res["reason"]["code"] == "till_mismatch"


def test_returnable_quantity_capped_across_tills_under_concurrency(backend, http):
    tokens_ = {f"till-{i}": backend.register_device(f"till-{i}") for i in range(2, 8)}
    qr = backend.order_qr("600001")
    order = http.get(f"{backend.url}/v1/orders/by-qr", params={"text": qr}, timeout=T).json()
    line = order["lines"][0]
    assert line["qty"] == 2 and line["returnable_qty"] == 2
    per_unit = line["paid_amount"] // line["qty"]
    barrier = threading.Barrier(len(tokens_))

    def attempt(till, tok):
        s = requests.Session()
        s.headers["Authorization"] = f"Bearer {tok}"
        ev = event(
            "return.completed",
            return_payload(order_no="600001", sku=line["sku"], refund=per_unit),
            till_id=till,
        )
        barrier.wait(10)
        return post_events(s, backend.url, [ev], f"ret-{till}").json()["results"][0]

    with ThreadPoolExecutor(len(tokens_)) as pool:
        results = list(pool.map(lambda kv: attempt(*kv), tokens_.items()))
    statuses = sorted(r["status"] for r in results)
    assert statuses.count("applied") == 2
    assert all(r["reason"]["code"] == "exceeds_returnable" for r in results if r["status"] == "rejected")
    qr = backend.order_qr("600001")
    after = http.get(f"{backend.url}/v1/orders/by-qr", params={"text": qr}, timeout=T).json()
    assert after["lines"][0]["returned_qty"] == 2 and after["lines"][0]["returnable_qty"] == 0


def test_return_of_an_in_store_sale_and_points_clawback_never_negative(backend, http):
    sale = sale_payload(member_no=1005, earned=400, qty=2, unit_price=500)
    post_events(http, backend.url, [event("sale.completed", sale)], "s1")
    # 150 + the 10 the sale earned; spend 100, then return the sale: the clawback stops at zero
    spend = sale_payload(member_no=1005, redeemed=100)
    assert (
        post_events(http, backend.url, [event("sale.completed", spend)], "s2").json()["results"][0]["status"]
        == "applied"
    )
    ret = return_payload(sale_uuid=sale["sale_uuid"], sku="SKU0000001", qty=2, refund=1000)
    ret["member_no"] = 1005
    ret["points"] = {"earned": 400, "redeemed": 0}
    res = post_events(http, backend.url, [event("return.completed", ret)], "r1").json()["results"][0]
    assert res["status"] == "applied"
    assert http.get(f"{backend.url}/v1/members/1005", timeout=T).json()["points_balance"] == 0
    over = return_payload(sale_uuid=sale["sale_uuid"], sku="SKU0000001", qty=1, refund=1)
    res = post_events(http, backend.url, [event("return.completed", over)], "r2").json()["results"][0]
    assert res["reason"]["code"] == "exceeds_returnable"


def test_pickup_handed_over_once(backend, http):
    ev1 = event("pickup.handed_over", {"order_no": "500001", "store_id": "S001"})
    ev2 = event("pickup.handed_over", {"order_no": "500001", "store_id": "S001"})
    res = post_events(http, backend.url, [ev1, ev2], "p1").json()["results"]
    assert [r["status"] for r in res] == ["applied", "rejected"]
    assert res[1]["reason"]["code"] == "already_handed_over"
    assert http.get(f"{backend.url}/v1/orders/500001", timeout=T).json()["status"] == "handed_over"


def test_member_tokens_match_the_helpers_format(backend, http):
    keys = http.get(f"{backend.url}/v1/keys", timeout=T).json()["keys"]
    pub = {k["key_id"]: base64.b64decode(k["public_key"]) for k in keys}
    assert all(len(v) == 32 for v in pub.values())
    app = http.get(f"{backend.url}/v1/demo/members/1001/qr", timeout=T).json()
    text = app["qr_text"]
    assert len(text) == 129 and text.startswith("OMO1") and "=" not in text
    assert set(text[4:]) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    tok = tokens.decode_and_verify(text, pub)
    assert (tok.kind, tok.member_no, tok.key_id) == ("M", 1001, app["key_id"])
    assert 0 < tok.value - time.time() <= 60 and tok.value % 60 == 0  # the end of its 60-second step
    card = http.get(f"{backend.url}/v1/demo/members/1001/qr", params={"kind": "card"}, timeout=T).json()
    ctok = tokens.decode_and_verify(card["qr_text"], pub)
    assert (ctok.kind, ctok.value) == ("C", card["card_serial"])
    # a tampered token does not verify
    raw = base64.b32decode(text[4:] + "===")
    forged = "OMO1" + base64.b32encode(raw[:2] + (9999).to_bytes(8, "big") + raw[10:]).decode().rstrip("=")
    with pytest.raises(Exception):  # noqa: B017 - cryptography's InvalidSignature
        tokens.decode_and_verify(forged, pub)
    assert http.get(f"{backend.url}/v1/revocations", timeout=T).json() == {"cards": []}
    backend.revoke_card(1001, card["card_serial"])
    assert http.get(f"{backend.url}/v1/revocations", timeout=T).json() == {
        "cards": [{"member_no": 1001, "card_serial": card["card_serial"]}]
    }


def test_token_encoding_is_byte_exact():
    key = tokens.SigningKey.from_raw(7, bytes(range(32)))
    text = tokens.encode_app_token(key, 0x0102030405060708, 0x11223344)
    raw = base64.b32decode(text[4:] + "=" * (-len(text[4:]) % 8))
    assert raw[:14] == b"M\x07\x01\x02\x03\x04\x05\x06\x07\x08\x11\x22\x33\x44"
    key.private.public_key().verify(raw[14:], raw[:14])
    ctext = tokens.encode_card_token(key, 42, 3)
    craw = base64.b32decode(ctext[4:] + "===")
    assert craw[:14] == b"C\x07" + (42).to_bytes(8, "big") + (3).to_bytes(4, "big")


def test_catalog_changes_paged_then_delta(backend, http):
    seen, cursor, totals = {}, None, []
    while True:
        params = {"limit": 64} | ({"cursor": cursor} if cursor else {})
        page = http.get(f"{backend.url}/v1/catalog/changes", params=params, timeout=T).json()
        totals.append(page["total"])
        for p in page["upserts"]:
            seen[p["sku"]] = p
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert len(seen) == 200 and totals[0] == 200 and totals == sorted(totals, reverse=True)
    empty = http.get(f"{backend.url}/v1/catalog/changes", params={"cursor": cursor}, timeout=T).json()
    assert empty["upserts"] == [] and not empty["has_more"] and empty["next_cursor"] == cursor
    skus = sorted(seen)
    changed = dict(seen[skus[3]], price=12345)
    backend.upsert_products([changed])
    backend.delete_products([skus[4], skus[5]])
    delta = http.get(f"{backend.url}/v1/catalog/changes", params={"cursor": cursor}, timeout=T).json()
    assert delta["upserts"] == [changed]
    assert delta["deletes"] == [skus[4], skus[5]] and delta["total"] == 3
    bad = http.get(f"{backend.url}/v1/catalog/changes", params={"cursor": "x"}, timeout=T)
    assert bad.status_code == 400


def test_orders_carts_stock_and_not_found(backend, http):
    cart = http.get(f"{backend.url}/v1/carts/C1001", timeout=T).json()
    assert cart["member_no"] == 1001 and cart["lines"]
    stock = http.get(f"{backend.url}/v1/stock/{cart['lines'][0]['sku']}", timeout=T).json()
    assert len(stock["stores"]) == 4  # three stores and the warehouse
    for path in ("/v1/carts/nope", "/v1/orders/999", "/v1/members/4242", "/v1/stock/NOPE"):
        r = http.get(backend.url + path, timeout=T)
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = http.get(f"{backend.url}/v1/orders/by-qr", params={"text": "OMO:CART:1"}, timeout=T)
    assert r.status_code == 400


def test_member_profile_minimal_and_consent(backend, http):
    p = http.get(f"{backend.url}/v1/members/1003", timeout=T).json()
    assert p["consent"]["personalisation"] is False and p["recently_viewed"] == []
    flat = json.dumps(p)
    for word in ("email", "phone", "address", "birth"):
        assert word not in flat.replace("receipts_by_email", "")


def test_fault_hooks(backend, http):
    backend.inject("status", status=429, retry_after=2)
    r = http.get(f"{backend.url}/v1/keys", timeout=T)
    assert r.status_code == 429 and r.headers["Retry-After"] == "2"
    ev = event("sale.completed", sale_payload())
    backend.inject("after_commit", path="/v1/events")
    assert post_events(http, backend.url, [ev], "f1").status_code == 500
    # the effect was committed: the retry replays the stored answer
    assert post_events(http, backend.url, [ev], "f1").json()["results"][0]["status"] == "applied"
    backend.inject("malformed", path="/v1/keys")
    with pytest.raises(ValueError):
        http.get(f"{backend.url}/v1/keys", timeout=T).json()


def test_handle_mints_the_same_tokens_as_the_endpoint(backend, http):
    keys = http.get(f"{backend.url}/v1/keys", timeout=T).json()["keys"]
    pub = {k["key_id"]: base64.b64decode(k["public_key"]) for k in keys}
    assert tokens.decode_and_verify(backend.member_qr(1002), pub).member_no == 1002
    assert tokens.decode_and_verify(backend.member_qr(1002, "card"), pub).kind == "C"


def test_omo_backend_command_serves_the_contract(tmp_path):
    import socket
    import subprocess
    import sys

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "backend.server",
            "--db",
            str(tmp_path / "b.sqlite3"),
            "--port",
            str(port),
            "--demo",
            "--seed-products",
            "50",
            "--register-till",
            "till-1",
            "--tokens-file",
            str(tmp_path / "tokens"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while not (tmp_path / "tokens").exists() or not (tmp_path / "tokens").read_text():
            assert time.monotonic() < deadline, "omo-backend registered no till"
            time.sleep(0.05)
        till, token = (tmp_path / "tokens").read_text().split()
        assert till == "till-1"
        while True:
            try:
                r = requests.get(
                    f"http://127.0.0.1:{port}/v1/members/1001",
                    headers={"Authorization": f"Bearer {token}"},
                    timeout=2,
                )
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "omo-backend did not start"
                time.sleep(0.05)
        assert r.status_code == 200 and r.json()["display_name"] == "Aiko T."
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()


def test_a_sale_recorded_by_another_event_is_rejected_as_duplicate_sale(backend, http):
    sale = sale_payload(member_no=1004, earned=9)
    first = event("sale.completed", sale)
    assert post_events(http, backend.url, [first], "d-1").json()["results"][0]["status"] == "applied"
    # another event carrying the same sale, in a later push (the push assumes new sales, finds out, and
    # runs again looking them up) and twice within one push
    again = event("sale.completed", dict(sale))
    twin_a = event("sale.completed", sale_payload(member_no=1004, earned=1, unit_price=500))
    twin_b = event("sale.completed", dict(twin_a["payload"]))
    res = post_events(http, backend.url, [again, twin_a, twin_b], "d-2").json()["results"]
    assert [r["status"] for r in res] == ["rejected", "applied", "rejected"]
    assert res[0]["reason"]["code"] == res[2]["reason"]["code"] == "duplicate_sale"
    # platinum earns 2 points a euro: 20 for the first sale, 10 for the twin (not the till's 9 and 1)
    assert sorted(ledger_rows(backend, 1004)) == sorted([(first["event_id"], 20), (twin_a["event_id"], 10)])
