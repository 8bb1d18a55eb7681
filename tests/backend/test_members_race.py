"""Members under forced concurrency on PostgreSQL, with real worker processes (`omo-backend --workers 2`):
the test holds the row two tills are about to write, so both requests wait inside their transactions, then
lets them go at once. A coupon goes to one sale; a check-in's points are credited once."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

from tests.backend.events import event, sale_payload
from tests.backend.test_postgres_workers import Server, T, db_engine, pg, push, waiting_workers
from tests.support.waiting import wait_for

__all__ = ["db_engine", "pg"]  # the fixtures, used by name

TILLS = ["store-001-T1", "store-002-T1"]


def race(server, db_engine, hold_sql, params, attempt):
    """Run attempt(till) on both tills while a transaction holds the row hold_sql inserts; both requests
    must be waiting on it before it is rolled back."""
    with db_engine.connect() as holder:
        holder.exec_driver_sql("BEGIN")
        holder.exec_driver_sql(hold_sql, params)
        with ThreadPoolExecutor(2) as pool:
            futures = [pool.submit(attempt, till) for till in TILLS]
            assert wait_for(lambda: len(waiting_workers(db_engine)) == 2, 20, 0.05)
            holder.exec_driver_sql("ROLLBACK")
            return [f.result(T) for f in futures]


def test_two_tills_use_the_same_coupon_at_once(pg, db_engine, tmp_path):
    server = Server(pg, tmp_path, TILLS)
    try:

        def attempt(till):
            p = sale_payload(member_no=1001, earned=15)
            p["coupons"] = ["WELCOME1001"]
            ev = event("sale.completed", p, till_id=till)
            return push(server.session(till), server.url, [ev], f"c-{till}").json()["results"][0]

        hold = (
            "INSERT INTO coupon_ledger (code, member_no, state, channel, ref, event_id, claimed_at)"
            " VALUES ('WELCOME1001', 1001, 'claimed', 'store', 'held', NULL, 0)"
        )
        answers = race(server, db_engine, hold, (), attempt)
        assert [a["status"] for a in answers] == ["applied", "applied"]  # both sales are recorded
        notes = sorted(a.get("reason", {}).get("code", "") for a in answers)
        assert notes == ["", "coupon_already_used"]
        with db_engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT state FROM coupon_ledger WHERE code = 'WELCOME1001'").all()
        assert rows == [("used",)]
    finally:
        server.stop()


def test_two_tills_claim_the_same_coupon_at_once(pg, db_engine, tmp_path):
    server = Server(pg, tmp_path, TILLS)
    try:

        def attempt(till):
            r = server.session(till).post(
                f"{server.url}/v1/coupons/FIVE1001/claim",
                json={"member_no": 1001, "sale_uuid": str(uuid.uuid4())},
                timeout=T,
            )
            return r.status_code

        hold = (
            "INSERT INTO coupon_ledger (code, member_no, state, channel, ref, event_id, claimed_at)"
            " VALUES ('FIVE1001', 1001, 'claimed', 'store', 'held', NULL, 0)"
        )
        assert sorted(race(server, db_engine, hold, (), attempt)) == [200, 409]
    finally:
        server.stop()


def test_two_tills_check_the_same_member_in_at_once(pg, db_engine, tmp_path):
    server = Server(pg, tmp_path, TILLS)
    try:
        ids = []

        def attempt(till):
            payload = {
                "member_no": 1005,
                "store_id": "S001",  # both tills are in the demo store (a till checks in at its own)
                "via": "app_qr",
                "local_date": "2026-11-23",
            }
            ev = event("member.checked_in", payload, till_id=till)
            ids.append(ev["event_id"])
            return push(server.session(till), server.url, [ev], f"k-{till}").json()["results"][0]

        hold = (
            "INSERT INTO checkin_days (member_no, store_id, local_date, event_id)"
            " VALUES (1005, 'S001', '2026-11-23', 'held')"
        )
        answers = race(server, db_engine, hold, (), attempt)
        assert [a["status"] for a in answers] == ["applied", "applied"]
        assert sorted(a.get("reason", {}).get("code", "") for a in answers) == ["", "already_checked_in"]
        with db_engine.connect() as conn:
            credited = conn.exec_driver_sql(
                "SELECT delta FROM points_ledger WHERE event_id = ANY(%(ids)s)", {"ids": ids}
            ).all()
        assert credited == [(10,)]
    finally:
        server.stop()
