"""Returns and store credit under forced concurrency on PostgreSQL with two worker processes: the test
holds the row both requests need, so that both wait inside their transactions, then lets them go."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa

from tests.backend.events import event
from tests.backend.test_postgres_workers import (  # noqa: F401 - pg and db_engine are fixtures
    Server,
    db_engine,
    pg,
    push,
    waiting_workers,
)
from tests.support.waiting import wait_for

T = 10
TILLS = ["S001-T1", "S002-T1"]


def _order(server, engine, till: str, order_no: str) -> dict:
    """The order in full, as its QR (the number and the order's secret) shows it."""
    with engine.connect() as conn:
        secret = conn.execute(
            sa.text("SELECT qr_secret FROM orders WHERE order_no = :n"), {"n": order_no}
        ).scalar_one()
    qr = f"OMO:ORDER:{order_no}.{secret}"
    return server.session(till).get(f"{server.url}/v1/orders/by-qr", params={"text": qr}, timeout=T).json()


def _race(engine, lock_sql: str, attempt) -> list:
    with engine.connect() as holder:
        holder.exec_driver_sql("BEGIN")
        holder.exec_driver_sql(lock_sql)
        with ThreadPoolExecutor(2) as pool:
            futures = [pool.submit(attempt, till) for till in TILLS]
            assert wait_for(lambda: len(waiting_workers(engine)) == 2, 20, 0.05), waiting_workers(engine)
            holder.exec_driver_sql("COMMIT")
            return [f.result(T) for f in futures]


def test_two_tills_claim_the_last_unit_at_once_and_one_holds_it(pg, db_engine, tmp_path):  # noqa: F811
    server = Server(pg, tmp_path, TILLS)
    try:
        line = _order(server, db_engine, TILLS[0], "600001")["lines"][0]
        unit = line["paid_amount"] // line["qty"]
        first = {
            "return_uuid": str(uuid.uuid4()),
            "currency": "EUR",
            "original": {"order_no": "600001"},
            "lines": [{"line_no": 1, "sku": line["sku"], "qty": 1, "refund_amount": unit}],
        }
        r = server.session(TILLS[0]).post(f"{server.url}/v1/returns/claims", json=first, timeout=T)
        assert r.json()["status"] == "claimed"

        def attempt(till):
            body = dict(first, return_uuid=str(uuid.uuid4()))
            r = server.session(till).post(f"{server.url}/v1/returns/claims", json=body, timeout=T)
            return r.status_code, r.json()

        answers = _race(
            db_engine,
            "SELECT 1 FROM order_lines WHERE order_no = '600001' AND line_no = 1 FOR UPDATE",
            attempt,
        )
        assert sorted(status for status, _ in answers) == [200, 409]
        assert [b["error"]["code"] for s, b in answers if s == 409] == ["exceeds_returnable"]
        after = _order(server, db_engine, TILLS[1], "600001")["lines"][0]
        assert (after["returned_qty"], after["refunded_amount"]) == (2, 2 * unit)
    finally:
        server.stop()


def test_two_tills_spend_the_same_store_credit_at_once_and_one_gets_it(pg, db_engine, tmp_path):  # noqa: F811
    server = Server(pg, tmp_path, TILLS)
    try:
        s = server.session(TILLS[0])
        line = _order(server, db_engine, TILLS[0], "600002")["lines"][0]
        code = "SC-RACE-RACE-RACE-RACE"
        ret = {
            "return_uuid": str(uuid.uuid4()),
            "receipt_no": "R1-000001",
            "currency": "EUR",
            "original": {"order_no": "600002"},
            "lines": [{"line_no": 1, "sku": line["sku"], "qty": 1, "refund_amount": 1000}],
            "refunds": [{"method": "store_credit", "amount": 1000, "reference": code}],
            "total_refunded": 1000,
        }
        r = push(s, server.url, [event("return.completed", ret, till_id=TILLS[0])], "issue")
        assert r.json()["results"][0]["status"] == "applied"

        def attempt(till):
            body = {"redemption_id": str(uuid.uuid4()), "amount": 700, "currency": "EUR"}
            r = server.session(till).post(
                f"{server.url}/v1/store-credits/{code}/redemptions", json=body, timeout=T
            )
            return r.status_code, r.json()

        answers = _race(db_engine, f"SELECT 1 FROM store_credits WHERE code = '{code}' FOR UPDATE", attempt)
        assert sorted(status for status, _ in answers) == [200, 409]
        assert [b["error"]["code"] for st, b in answers if st == 409] == ["insufficient_credit"]
        assert s.get(f"{server.url}/v1/store-credits/{code}", timeout=T).json()["balance"] == 300
    finally:
        server.stop()


def test_two_tills_hand_over_the_same_order_at_once_and_one_is_applied(pg, db_engine, tmp_path):  # noqa: F811
    """Both hand-overs wait on the order's row; the first takes all that waits, the second is rejected."""
    server = Server(pg, tmp_path, TILLS)
    try:

        def attempt(till):
            ev = event("pickup.handed_over", {"order_no": "500003", "store_id": "S001"}, till_id=till)
            r = push(server.session(till), server.url, [ev], str(uuid.uuid4()))
            return r.status_code, r.json()["results"][0]

        answers = _race(db_engine, "SELECT 1 FROM orders WHERE order_no = '500003' FOR UPDATE", attempt)
        assert [status for status, _ in answers] == [200, 200]
        assert sorted(res["status"] for _, res in answers) == ["applied", "rejected"]
        assert [res["reason"]["code"] for _, res in answers if res["status"] == "rejected"] == [
            "already_handed_over"
        ]
        o = _order(server, db_engine, TILLS[0], "500003")
        assert o["status"] == "handed_over" and all(ln["handed_over_qty"] == ln["qty"] for ln in o["lines"])
    finally:
        server.stop()
