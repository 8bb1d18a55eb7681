"""The backend's side of "nothing lost, nothing twice": an event id seen again with another payload is a
conflict (never a silent duplicate), idempotency records are purged after their window, and what a till
sent can be compared day by day (count, sum, digest of event ids) and the missing events named."""

from __future__ import annotations

import copy
import uuid

import pytest

from sync import contract
from tests.backend.events import event, return_payload, sale_payload
from tests.backend.test_backend import T, post_events


def _reconciliation(http, backend, since="2026-11-01", until="2026-11-30"):
    r = http.get(f"{backend.url}/v1/reconciliation", params={"from": since, "to": until}, timeout=T)
    assert r.status_code == 200, r.text
    return {(d["day"], d["type"]): d for d in r.json()["days"]}


def test_a_duplicate_event_id_with_another_payload_is_a_conflict_with_both_versions(backend, http):
    first = event("sale.completed", sale_payload(member_no=1001, earned=4))
    assert post_events(http, backend.url, [first], "k1").json()["results"][0]["status"] == "applied"
    # the same event again: a duplicate, nothing changes
    again = post_events(http, backend.url, [first], "k2").json()["results"][0]
    assert again == {"event_id": first["event_id"], "status": "duplicate"}
    # the same event id with another payload (a bug, a restored till, a reused id): a conflict
    changed = copy.deepcopy(first)
    changed["payload"]["totals"]["total"] += 100
    changed["payload"]["lines"][0]["paid_amount"] += 100
    other = event("sale.completed", sale_payload())
    results = post_events(http, backend.url, [changed, other], "k3").json()["results"]
    assert results[1]["status"] == "applied"  # the rest of the batch is applied
    conflict = results[0]
    assert conflict["status"] == "rejected" and conflict["reason"]["code"] == "event_conflict"
    stored = conflict["reason"]["stored_event"]
    assert stored["payload"] == first["payload"] and stored["type"] == "sale.completed"
    assert stored["event_id"] == first["event_id"] and stored["till_id"] == "till-1"
    # the stored version stays, applied once
    conn = backend.connect()
    try:
        rows = conn.execute("SELECT total FROM sales WHERE event_id = ?", (first["event_id"],)).fetchall()
        ledger = conn.execute(
            "SELECT COUNT(*) FROM points_ledger WHERE event_id = ?", (first["event_id"],)
        ).fetchone()[0]
    finally:
        conn.close()
    assert [r[0] for r in rows] == [first["payload"]["totals"]["total"]] and ledger == 1
    # another type under the same id is a conflict too
    as_checkin = {**first, "type": "member.checked_in", "payload": {"member_no": 1001}}
    r = post_events(http, backend.url, [as_checkin], "k4").json()["results"][0]
    assert r["status"] == "rejected" and r["reason"]["code"] == "event_conflict"


def test_the_same_event_twice_in_one_batch_with_another_payload_is_a_conflict(backend, http):
    first = event("sale.completed", sale_payload())
    changed = copy.deepcopy(first)
    changed["payload"]["receipt_no"] = "T1-999999"
    results = post_events(http, backend.url, [first, changed, first], "k1").json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "duplicate"]
    assert results[1]["reason"]["stored_event"]["payload"] == first["payload"]


def test_idempotency_records_are_purged_after_their_window(backend, http):
    backend.backend.idempotency.window_s = 3600
    clock = [1_000_000.0]
    backend.backend.clock = lambda: clock[0]
    ev = event("sale.completed", sale_payload())
    first = post_events(http, backend.url, [ev], "old-key")
    assert first.status_code == 200

    def keys():
        conn = backend.connect()
        try:
            return sorted(r[0] for r in conn.execute("SELECT key FROM idempotency"))
        finally:
            conn.close()

    assert keys() == ["old-key"]
    clock[0] += 1800  # within the window: kept, and replayed
    assert post_events(http, backend.url, [ev], "old-key").headers.get("Idempotent-Replayed") == "true"
    post_events(http, backend.url, [event("sale.completed", sale_payload())], "mid-key")
    assert keys() == ["mid-key", "old-key"]
    clock[0] += 1801 + backend.backend.idempotency.interval_s  # the first key's window is over
    post_events(http, backend.url, [event("sale.completed", sale_payload())], "new-key")
    assert keys() == ["mid-key", "new-key"]
    # a late retry of the purged request is a new request; its event is still applied only once
    late = post_events(http, backend.url, [ev], "old-key")
    assert late.status_code == 200 and late.headers.get("Idempotent-Replayed") is None
    assert late.json()["results"][0]["status"] == "duplicate"
    conn = backend.connect()
    try:
        assert conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 3
    finally:
        conn.close()


def test_reconciliation_counts_sums_and_digests_each_day_and_names_what_is_missing(backend, http):
    def at(day, ev):
        ev["occurred_at"] = f"2026-11-{day:02d}T23:59:59+00:00"
        return ev

    sales = [at(3, event("sale.completed", sale_payload(unit_price=100 * (i + 1)))) for i in range(3)]
    sales.append(at(4, event("sale.completed", sale_payload(unit_price=5000))))
    ret = at(
        4,
        event(
            "return.completed",
            return_payload(sale_uuid=sales[3]["payload"]["sale_uuid"], sku="SKU0000001", refund=700),
        ),
    )
    bad = at(4, event("sale.completed", sale_payload(member_no=1003, redeemed=10**6)))  # rejected
    results = post_events(http, backend.url, [*sales, ret, bad], "k1").json()["results"]
    assert [r["status"] for r in results] == ["applied"] * 5 + ["rejected"]
    post_events(http, backend.url, [sales[0]], "k2")  # a duplicate counts once

    days = _reconciliation(http, backend)
    assert set(days) == {
        ("2026-11-03", "sale.completed"),
        ("2026-11-04", "sale.completed"),
        ("2026-11-04", "return.completed"),
    }
    d3 = days[("2026-11-03", "sale.completed")]
    assert (d3["count"], d3["total"]) == (3, 600)
    assert d3["digest"] == contract.event_digest(s["event_id"] for s in sales[:3])
    d4r = days[("2026-11-04", "return.completed")]
    assert (d4r["count"], d4r["total"]) == (1, 700)
    assert d4r["digest"] == contract.event_digest([ret["event_id"]])
    assert _reconciliation(http, backend, "2026-11-05", "2026-11-03") == {}  # to before from: nothing
    assert _reconciliation(http, backend, "2026-11-04", "2026-11-04").keys() == {
        ("2026-11-04", "sale.completed"),
        ("2026-11-04", "return.completed"),
    }

    unknown = str(uuid.uuid4())
    asked = [sales[1]["event_id"], unknown, bad["event_id"], ret["event_id"]]
    r = http.post(f"{backend.url}/v1/reconciliation/missing", json={"event_ids": asked}, timeout=T)
    assert r.status_code == 200 and r.json() == {"missing": [unknown, bad["event_id"]]}


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-13-01", "to": "2026-11-01"},
        {"from": "yesterday", "to": "2026-11-01"},
        {"to": "2026-11-01"},
    ],
)
def test_reconciliation_refuses_a_bad_range_with_400(backend, http, params):
    r = http.get(f"{backend.url}/v1/reconciliation", params=params, timeout=T)
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_request"


def test_missing_refuses_a_malformed_list_with_400(backend, http):
    for body in ({"event_ids": ["not-a-uuid"]}, {"event_ids": []}, {"ids": []}, [1, 2]):
        r = http.post(f"{backend.url}/v1/reconciliation/missing", json=body, timeout=T)
        assert r.status_code == 400, body
