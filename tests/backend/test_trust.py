"""The backend's own trust machinery: per-event isolation, the rate limiter, member codes that open a
member's history, order checks, the signing key's file, stores of devices (docs/security.md)."""

from __future__ import annotations

import os
import stat
import time

import pytest
import requests

from backend import keys, loyalty, tokens, validate
from backend.app import ORDER_SUMMARY
from backend.limits import Limits, MemoryLimiter, Rate, TableLimiter
from backend.server import start_backend
from backend.store import Store
from tests.backend.events import event, sale_payload

T = 10


def post(http, url, events):
    import uuid

    r = http.post(f"{url}/v1/events", json={"events": events}, headers={"Idempotency-Key": str(uuid.uuid4())})
    assert r.status_code == 200, r.text
    return r.json()["results"]


def event_rows(backend, event_ids):
    with backend.connect() as conn:
        marks = ",".join("?" * len(event_ids))
        return {
            r[0] for r in conn.execute(f"SELECT event_id FROM events WHERE event_id IN ({marks})", event_ids)
        }


def test_an_unexpected_error_in_one_event_rejects_that_event_and_the_rest_apply(backend, http, monkeypatch):
    real = loyalty.check_in  # a check-in is applied by backend/loyalty.py (issue 15)

    def flaky(b, event_id, p, occurred_at):
        if p["member_no"] == 1003:
            raise RuntimeError("a bug met by this event only")
        return real(b, event_id, p, occurred_at)

    monkeypatch.setattr(loyalty, "check_in", flaky)
    sale = event("sale.completed", sale_payload(member_no=1002, earned=10))
    boom = event("member.checked_in", {"member_no": 1003, "via": "typed"})
    fine = event("member.checked_in", {"member_no": 1002, "via": "typed"})
    results = post(http, backend.url, [sale, boom, fine])
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert results[1]["reason"]["code"] == "internal_error"
    assert event_rows(backend, [sale["event_id"], boom["event_id"], fine["event_id"]]) == {
        sale["event_id"],
        fine["event_id"],
    }
    monkeypatch.setattr(loyalty, "check_in", real)
    assert post(http, backend.url, [boom])[0]["status"] == "applied"  # the same event, once the bug is gone


def test_the_limiter_lets_a_burst_through_then_one_request_per_interval():
    now = [1000.0]
    limiter = MemoryLimiter(clock=lambda: now[0])
    rate = Rate(per_s=1.0, burst=3)
    assert [limiter.take("k", rate) for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.take("k", rate)
    assert 0 < wait <= 1.0 and limiter.blocked("k", rate) > 0
    assert limiter.take("other", rate) == 0.0  # keys are apart
    now[0] += 1.0
    assert limiter.blocked("k", rate) == 0.0 and limiter.take("k", rate) == 0.0
    assert limiter.take("k", rate) > 0
    now[0] += 3600
    assert [limiter.take("k", rate) for _ in range(3)] == [0.0, 0.0, 0.0]  # the burst is back


def test_workers_share_one_budget_on_postgresql(database, engine):
    if engine != "postgresql":
        pytest.skip("SQLite is one process: its limiter is in memory")
    store = Store(database)
    try:
        store.migrate()
        a, b = TableLimiter(store.engine), TableLimiter(store.engine)  # two worker processes' limiters
        rate = Rate(per_s=0.01, burst=4)
        taken = [(a if i % 2 else b).take("lookup:T1", rate) for i in range(6)]
        assert taken[:4] == [0.0] * 4 and all(w > 0 for w in taken[4:])
        assert a.blocked("lookup:T1", rate) > 0 and b.blocked("lookup:T2", rate) == 0.0
    finally:
        store.dispose()


def test_a_member_code_opens_the_history_only_while_valid_and_for_its_member(backend, http):
    key = backend.backend.signing_key

    def view(code):
        r = http.get(f"{backend.url}/v1/members/1001", headers={"OMO-Member-Token": code}, timeout=T)
        assert r.status_code == 200
        return r.json()["view"]

    now = int(time.time())
    assert view(backend.member_qr(1001)) == "full"
    assert view(tokens.encode_app_token(key, 1001, now - 31)) == "checkout"  # expired beyond the skew
    assert view(tokens.encode_app_token(key, 1001, now - 20)) == "full"  # within the 30 s of skew
    assert view(tokens.encode_app_token(key, 1001, now + 3600)) == "checkout"  # no code lives an hour
    assert view(backend.member_qr(1001, "card")) == "full"
    backend.revoke_card(1001, 1)
    assert view(backend.member_qr(1001, "card")) == "checkout"
    assert view("OMO1" + "A" * 125) == "checkout" and view("nonsense") == "checkout"
    other = tokens.SigningKey.generate(9)  # a key the backend never published
    assert view(tokens.encode_app_token(other, 1001, now + 30)) == "checkout"


def check(http, url, order_no, method, value):
    return http.post(f"{url}/v1/orders/{order_no}/check", json={"method": method, "value": value}, timeout=T)


def card_of(backend, order_no):
    with backend.connect() as conn:
        return conn.execute("SELECT card_last4 FROM orders WHERE order_no = ?", (order_no,)).fetchone()[0]


def test_wrong_checks_of_an_order_are_limited_per_order_and_a_right_one_after_the_window_opens_it(
    backend, http, caplog
):
    right = card_of(backend, "600002")
    wrong = "1234" if right != "1234" else "4321"
    for _ in range(5):
        r = check(http, backend.url, "600002", "card_last4", wrong)
        assert r.status_code == 200 and r.json() == {
            "order_no": "600002",
            "method": "card_last4",
            "verified": False,
        }
    sixth = check(http, backend.url, "600002", "card_last4", right)
    assert sixth.status_code == 429  # even the right digits wait now: they could be the next guess
    assert 600 <= int(sixth.headers["Retry-After"]) <= 3600
    assert check(http, backend.url, "600002", "name", "Ben").status_code == 429  # any method
    assert any(
        "wrong customer check" in r.getMessage() and "till-1" in r.getMessage() for r in caplog.records
    )
    email = check(http, backend.url, "600003", "email", "Chloé.D@example.com ")  # another order: not limited
    assert email.json()["verified"] and email.json()["order"]["customer_display_name"] == "Chloé D."
    limiter = backend.backend.limiter
    clock = limiter._clock
    limiter._clock = lambda: clock() + 3600  # an hour later
    opened = check(http, backend.url, "600002", "card_last4", right)
    assert opened.status_code == 200 and opened.json()["verified"]
    order = opened.json()["order"]
    assert order["view"] == "full" and order["lines"] and order["tenders"] and order["customer_display_name"]


def test_wrong_checks_are_limited_per_device_across_orders(database):
    limits = Limits(
        lookup=None, order_check=Rate(per_s=100 / 3600, burst=100), device_check=Rate(1 / 3600, 3)
    )
    handle = start_backend(database, strict=True, seed_products=20, demo=True, limits=limits)
    try:
        s = requests.Session()
        s.headers["Authorization"] = f"Bearer {handle.register_device('till-1')}"
        for order_no in ("600001", "600002", "600003"):
            assert not check(s, handle.url, order_no, "card_last4", "9876").json()["verified"]
        r = check(s, handle.url, "600004", "card_last4", card_of(handle, "600004"))
        assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
        other = requests.Session()  # another till of the store is not held up by this one
        other.headers["Authorization"] = f"Bearer {handle.register_device('till-2')}"
        assert check(other, handle.url, "600004", "card_last4", card_of(handle, "600004")).json()["verified"]
    finally:
        handle.stop()


def test_an_order_by_number_is_a_summary_with_nothing_personal(backend, http):
    with backend.connect() as conn:
        name, member_no = conn.execute(
            "SELECT customer_display_name, member_no FROM orders WHERE order_no = '600001'"
        ).fetchone()
    r = http.get(f"{backend.url}/v1/orders/600001", timeout=T)
    body = r.json()
    assert set(body) <= {"item_count", "view", *ORDER_SUMMARY}  # what it is and how it arrives
    assert "lines" not in body and "tenders" not in body and "member_no" not in body
    assert body["view"] == "summary" and body["item_count"] > 0
    assert name not in r.text and str(member_no) not in r.text and "pi_demo" not in r.text
    # the store where an order waits for pickup sees it in full (it is on the store's pickup list anyway);
    # a till of another store sees the summary
    assert http.get(f"{backend.url}/v1/orders/500001", timeout=T).json()["view"] == "full"
    other = requests.Session()
    other.headers["Authorization"] = f"Bearer {backend.register_device('till-x', store_id='S002')}"
    assert other.get(f"{backend.url}/v1/orders/500001", timeout=T).json()["view"] == "summary"


def test_a_device_registered_before_stores_writes_for_no_store(backend):
    token = backend.register_device("old-till")
    with backend.connect() as conn:
        conn.execute("UPDATE devices SET store_id = NULL WHERE till_id = 'old-till'")
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token}"
    plain = event("sale.completed", sale_payload(), till_id="old-till")
    named = event("sale.completed", dict(sale_payload(), store_id="S001"), till_id="old-till")
    pickup = event("pickup.handed_over", {"order_no": "500002"}, till_id="old-till")
    results = post(s, backend.url, [plain, named, pickup])
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected"]
    assert {r["reason"]["code"] for r in results[1:]} == {"wrong_store"}


def test_a_sale_is_recorded_with_the_store_of_its_till(backend, http):
    sale = sale_payload()
    assert post(http, backend.url, [event("sale.completed", sale)])[0]["status"] == "applied"
    with backend.connect() as conn:
        row = conn.execute("SELECT store_id FROM sales WHERE sale_uuid = ?", (sale["sale_uuid"],)).fetchone()
    assert row == ("S001",)


def test_a_signing_key_file_others_can_read_is_made_private(tmp_path):
    store = Store(tmp_path / "b.sqlite3")
    try:
        store.migrate()
        key_file = tmp_path / "k.pem"
        first = keys.load_signing_key(store, key_file)
        os.chmod(key_file, 0o644)
        again = keys.load_signing_key(store, key_file)
        assert again.key_id == first.key_id and again.public_raw() == first.public_raw()
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        key_file.write_text("not a key")
        with pytest.raises(keys.SigningKeyError, match="cannot be read"):
            keys.load_signing_key(store, key_file)
    finally:
        store.dispose()


def test_postgresql_needs_a_named_key_file(engine, database):
    if engine != "postgresql":
        pytest.skip("SQLite keeps the key beside its database by default")
    from backend.app import Backend

    with pytest.raises(keys.SigningKeyError, match="--signing-key"):
        Backend(database)


def test_limits_can_be_switched_off_for_a_benchmark(database):
    handle = start_backend(database, seed_products=40, limits=Limits.off())
    try:
        s = requests.Session()
        s.headers["Authorization"] = f"Bearer {handle.register_device('till-1')}"
        assert all(s.get(f"{handle.url}/v1/members/1001", timeout=T).status_code == 200 for _ in range(40))
    finally:
        handle.stop()


@pytest.mark.parametrize(
    ("depth", "too_deep"), [(validate.MAX_DEPTH, False), (validate.MAX_DEPTH + 1, True), (100_000, True)]
)
def test_nesting_is_measured_without_recursion(depth, too_deep):
    value: object = 0
    for _ in range(depth):
        value = [value]
    assert validate.depth_exceeds(value) is too_deep


def _chain(n, start_prev=None):
    from pos.audit_chain import GENESIS, entry_hash

    prev, out = start_prev or GENESIS, []
    for seq in range(1, n + 1):
        e = {
            "seq": seq,
            "at": f"2026-11-23T10:00:{seq:02d}Z",
            "actor": "S001",
            "action": "staff.login_failed",
        }
        e |= {"details": '{"attempts_left":9}', "prev_hash": prev}
        e["hash"] = prev = entry_hash(prev, seq, e["at"], e["actor"], e["action"], e["details"])
        out.append(e)
    return out


def test_the_audit_chain_is_anchored_and_never_rewritten(backend, http):
    chain = _chain(5)
    r = http.post(f"{backend.url}/v1/audit", json={"entries": chain[:3]}, timeout=T)
    assert r.status_code == 200 and r.json() == {"head_seq": 3}
    again = http.post(
        f"{backend.url}/v1/audit", json={"entries": chain[1:]}, timeout=T
    )  # 2, 3 again; 4, 5 new
    assert again.json() == {"head_seq": 5}
    rewritten = dict(chain[2], details="{}")
    rewritten["hash"] = "f" * 64
    r = http.post(f"{backend.url}/v1/audit", json={"entries": [rewritten]}, timeout=T)
    assert r.status_code == 409 and r.json()["error"]["code"] == "audit_mismatch"
    gap = _chain(8)[7]  # entry 8 without 6 and 7
    r = http.post(f"{backend.url}/v1/audit", json={"entries": [gap]}, timeout=T)
    assert r.status_code == 409 and r.json()["error"]["code"] == "audit_gap"
    lying = _chain(6)[5] | {"action": "sale.void"}  # its hash no longer matches its content
    r = http.post(f"{backend.url}/v1/audit", json={"entries": [lying]}, timeout=T)
    assert r.status_code == 409 and r.json()["error"]["code"] == "audit_mismatch"
    copy = http.get(f"{backend.url}/v1/audit", params={"after": 1}, timeout=T).json()
    assert copy["head_seq"] == 5 and [e["seq"] for e in copy["entries"]] == [2, 3, 4, 5]
    assert [e["hash"] for e in copy["entries"]] == [e["hash"] for e in chain[1:]]
    other = requests.Session()
    other.headers["Authorization"] = f"Bearer {backend.register_device('till-2')}"
    assert other.get(f"{backend.url}/v1/audit", timeout=T).json() == {"head_seq": 0, "entries": []}
