"""The backend for a chain: `omo-backend --database postgresql://... --workers 2`, real worker processes on
one PostgreSQL database. Concurrency is forced, not hoped for: the test holds a row lock so that requests
pile up inside their transactions, then lets them go at once."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from backend.store import database_url
from tests.backend.engines import fresh_database
from tests.backend.events import event, return_payload, sale_payload
from tests.support.waiting import wait_for

CHECK = {"method": "card_last4", "value": "4242"}  # the card that paid order 600001
T = 10
ROOT = Path(__file__).resolve().parents[2]


class Server:
    """omo-backend in its own process group, with its workers."""

    def __init__(
        self, url: str, tmp: Path, tills: list[str], workers: int = 2, port: int | None = None
    ) -> None:
        if port is None:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
        self.port = port
        self.url = f"http://127.0.0.1:{self.port}"
        tokens_file = tmp / "tokens"
        cmd = [sys.executable, "-m", "backend.server", "--database", url, "--port", str(self.port)]
        cmd += [
            "--workers",
            str(workers),
            "--demo",
            "--seed-products",
            "50",
            "--tokens-file",
            str(tokens_file),
        ]
        cmd += ["--signing-key", str(tmp / "signing.key")]
        for till in tills:
            cmd += ["--register-till", till]
        self.log = open(tmp / "server.log", "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{self.url}/openapi.json", timeout=2)
                break
            except requests.ConnectionError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise AssertionError((tmp / "server.log").read_text()) from None
                time.sleep(0.1)
        self.tokens = dict(line.split() for line in tokens_file.read_text().splitlines())

    def session(self, till: str) -> requests.Session:
        s = requests.Session()
        s.headers["Authorization"] = f"Bearer {self.tokens[till]}"
        return s

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:  # pragma: no cover
            self.proc.kill()
            self.proc.wait(10)
        self.log.close()


@pytest.fixture
def pg(tmp_path):
    with fresh_database("postgresql", tmp_path) as url:
        yield url


@pytest.fixture
def db_engine(pg):
    eng = sa.create_engine(database_url(pg), isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    yield eng
    eng.dispose()


def push(session, url, events, key, timeout=T):
    return session.post(
        f"{url}/v1/events", json={"events": events}, headers={"Idempotency-Key": key}, timeout=timeout
    )


def waiting_workers(db_engine) -> list[tuple[int, str]]:
    """(worker pid, query) of the backend's connections that wait for a lock now."""
    with db_engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT application_name, query FROM pg_stat_activity"
            " WHERE application_name LIKE 'omo-backend-%%' AND wait_event_type = 'Lock'"
        ).all()
    return [(int(name.rsplit("-", 1)[1]), query) for name, query in rows]


def worker_pids(db_engine) -> set[int]:
    with db_engine.connect() as conn:
        names = conn.exec_driver_sql(
            "SELECT DISTINCT application_name FROM pg_stat_activity"
            " WHERE application_name LIKE 'omo-backend-%%'"
        ).scalars()
        return {int(n.rsplit("-", 1)[1]) for n in names}


def test_the_same_events_pushed_through_several_workers_at_once_are_applied_once(pg, db_engine, tmp_path):
    server = Server(pg, tmp_path, ["till-1"])

    def one_round(n: int) -> None:
        events = [
            event("sale.completed", sale_payload(member_no=1001 + i % 5, earned=i + 1)) for i in range(40)
        ]
        # 12 pushes of the same events: 8 under their own keys, 4 under one shared key
        keys = [f"r{n}-k-{i}" for i in range(8)] + [f"r{n}-shared"] * 4
        barrier = threading.Barrier(len(keys))

        def attempt(key):
            s = server.session("till-1")
            barrier.wait(T)
            deadline = time.monotonic() + 30
            while True:
                r = push(s, server.url, events, key)
                if r.status_code != 409:
                    return key, r.status_code, r.json()
                assert time.monotonic() < deadline, "409 for 30 s"
                time.sleep(0.05)

        with ThreadPoolExecutor(len(keys)) as pool:
            answers = list(pool.map(attempt, keys))
        assert {status for _, status, _ in answers} == {200}
        # per distinct key, one answer (the shared key's repeats replay it); each event applied under one key
        per_key = {key: body["results"] for key, _, body in answers}
        for key, _, body in answers:
            assert body["results"] == per_key[key]
        applied = [r["event_id"] for results in per_key.values() for r in results if r["status"] == "applied"]
        assert sorted(applied) == sorted(e["event_id"] for e in events)
        assert all(r["status"] in ("applied", "duplicate") for results in per_key.values() for r in results)
        with db_engine.connect() as conn:
            ids = [e["event_id"] for e in events]
            n_events = conn.execute(
                sa.text("SELECT COUNT(*) FROM events WHERE event_id = ANY(:ids)"), {"ids": ids}
            )
            assert n_events.scalar() == 40
            ledger = conn.execute(
                sa.text("SELECT COUNT(*), SUM(delta) FROM points_ledger WHERE event_id = ANY(:ids)"),
                {"ids": ids},
            ).one()
            # each 10.00 EUR sale earns what its member's tier gives (not the tills' claims 1..40):
            # gold 15, silver 12, basic 10, platinum 20, basic 10, eight times
            assert tuple(ledger) == (40, 8 * (15 + 12 + 10 + 20 + 10))
            assert conn.execute(sa.text("SELECT COUNT(*) FROM sales")).scalar() == 40 * (n + 1)

    try:
        # the kernel hands each connection to a worker that is up; on a loaded machine the second worker
        # may still be starting during a round: rounds go on (each checked) until both workers took part
        deadline, n = time.monotonic() + 120, 0
        while True:
            one_round(n)
            n += 1
            if len(worker_pids(db_engine)) == 2 or time.monotonic() > deadline:
                break
        assert len(worker_pids(db_engine)) == 2  # both workers took part
    finally:
        server.stop()


def test_two_stores_return_the_last_unit_at_once(pg, db_engine, tmp_path):
    tills = ["store-001-T1", "store-002-T1"]
    server = Server(pg, tmp_path, tills)
    try:
        order = (
            server.session(tills[0])
            .post(f"{server.url}/v1/orders/600001/check", json=CHECK, timeout=T)
            .json()["order"]
        )
        line = order["lines"][0]
        per_unit = line["paid_amount"] // line["qty"]
        assert line["qty"] == 2
        first = event(
            "return.completed",
            return_payload(order_no="600001", sku=line["sku"], refund=per_unit),
            till_id=tills[0],
        )
        assert (
            push(server.session(tills[0]), server.url, [first], "r-0").json()["results"][0]["status"]
            == "applied"
        )
        # the last unit, returned in two stores at the same moment: both requests (two transactions, on
        # whichever workers the kernel hands them to) wait on the test's row lock, then race for the line
        with db_engine.connect() as holder:
            holder.exec_driver_sql("BEGIN")
            holder.exec_driver_sql(
                "SELECT 1 FROM order_lines WHERE order_no = '600001' AND line_no = 1 FOR UPDATE"
            )

            def attempt(till):
                ev = event(
                    "return.completed",
                    return_payload(order_no="600001", sku=line["sku"], refund=per_unit),
                    till_id=till,
                )
                return push(server.session(till), server.url, [ev], f"r-{till}").json()["results"][0]

            with ThreadPoolExecutor(2) as pool:
                futures = [pool.submit(attempt, till) for till in tills]
                assert wait_for(lambda: len(waiting_workers(db_engine)) == 2, 20, 0.05), waiting_workers(
                    db_engine
                )
                holder.exec_driver_sql("COMMIT")
                results = [f.result(T) for f in futures]
        assert sorted(r["status"] for r in results) == ["applied", "rejected"]
        assert [r["reason"]["code"] for r in results if r["status"] == "rejected"] == ["exceeds_returnable"]
        after = (
            server.session(tills[1])
            .post(f"{server.url}/v1/orders/600001/check", json=CHECK, timeout=T)
            .json()["order"]["lines"][0]
        )
        assert (after["returned_qty"], after["returnable_qty"]) == (2, 0)
        with db_engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM returns").scalar() == 2
    finally:
        server.stop()


def test_a_worker_killed_mid_push_leaves_nothing_behind_and_the_next_push_goes_through_at_once(
    pg, db_engine, tmp_path
):
    server = Server(pg, tmp_path, ["till-1"])
    try:
        s = server.session("till-1")
        events = [
            event("sale.completed", sale_payload(member_no=1002, earned=5)),
            event("sale.completed", sale_payload(member_no=1001, earned=7, redeemed=300)),  # locks 1001
        ]
        errors: list[BaseException] = []

        def doomed():
            try:
                push(server.session("till-1"), server.url, events, "key-killed")
            except requests.RequestException as exc:
                errors.append(exc)

        with db_engine.connect() as holder:
            holder.exec_driver_sql("BEGIN")
            holder.exec_driver_sql("SELECT 1 FROM members WHERE member_no = 1001 FOR UPDATE")
            thread = threading.Thread(target=doomed)
            thread.start()
            # the push is inside its transaction: its events inserted, its key locked, waiting for member 1001
            assert wait_for(lambda: waiting_workers(db_engine), 20, 0.05)
            (pid, query), *_ = waiting_workers(db_engine)
            assert "members" in query
            os.kill(pid, signal.SIGKILL)
            thread.join(T)
            assert errors, "the till saw the connection drop"
            # PostgreSQL notices the dead client within a second even while it waits for the lock
            assert wait_for(lambda: pid not in worker_pids(db_engine), 10, 0.05)
            holder.exec_driver_sql("ROLLBACK")
        with db_engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM sales").scalar() == 0  # nothing half-applied
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM idempotency").scalar() == 0
        # the till's retry of the same request: answered at once (no 409 while a lease runs out), applied once
        t0 = time.monotonic()
        r = push(s, server.url, events, "key-killed")
        assert r.status_code == 200 and time.monotonic() - t0 < 2
        assert [x["status"] for x in r.json()["results"]] == ["applied", "applied"]
        again = push(s, server.url, events, "key-killed")
        assert again.headers.get("Idempotent-Replayed") == "true" and again.content == r.content
        assert push(s, server.url, events, "key-next").json()["results"][0]["status"] == "duplicate"
        with db_engine.connect() as conn:
            ledger = conn.exec_driver_sql(
                "SELECT member_no, delta FROM points_ledger WHERE event_id NOT LIKE 'seed-%%'"
                " ORDER BY member_no"
            ).all()
            # 1001 (gold) paid 3.00 of 10.00 in points: 7.00 earns 10, 300 redeemed; 1002 (silver) earns 12
            assert [tuple(x) for x in ledger] == [(1001, 10 - 300), (1002, 12)]
    finally:
        server.stop()


def test_two_tills_redeem_the_same_points_at_once(pg, db_engine, tmp_path):
    tills = ["store-001-T1", "store-002-T1"]
    server = Server(pg, tmp_path, tills)
    try:
        balance = (
            server.session(tills[0]).get(f"{server.url}/v1/members/1002", timeout=T).json()["points_balance"]
        )
        assert balance == 800
        with db_engine.connect() as holder:  # both redemptions wait on the member's row, then race
            holder.exec_driver_sql("BEGIN")
            holder.exec_driver_sql("SELECT 1 FROM members WHERE member_no = 1002 FOR UPDATE")

            def attempt(till):
                ev = event("sale.completed", sale_payload(member_no=1002, redeemed=600), till_id=till)
                return push(server.session(till), server.url, [ev], f"x-{till}").json()["results"][0]

            with ThreadPoolExecutor(2) as pool:
                futures = [pool.submit(attempt, till) for till in tills]
                assert wait_for(lambda: len(waiting_workers(db_engine)) == 2, 20, 0.05)
                holder.exec_driver_sql("COMMIT")
                results = [f.result(T) for f in futures]
        assert sorted(r["status"] for r in results) == ["applied", "rejected"]
        assert [r["reason"]["code"] for r in results if r["status"] == "rejected"] == ["insufficient_points"]
        after = server.session(tills[1]).get(f"{server.url}/v1/members/1002", timeout=T).json()
        # 800 - 600 redeemed, + 5 earned by the 4.00 EUR paid in cash (silver: 1.25 points per euro)
        assert after["points_balance"] == 205
    finally:
        server.stop()
