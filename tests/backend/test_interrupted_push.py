"""A backend killed in the middle of a push leaves nothing "running" behind: after its restart the till's
retry of the same request (same Idempotency-Key) is answered at once and applied once, and the till's
queue is not held up (it used to wait out a 60 s lease, answered 409 meanwhile).

On SQLite the request is held inside its transaction by a write lock the test takes on the database; on
PostgreSQL the same is proven with worker processes in test_postgres_workers.py."""

from __future__ import annotations

import signal
import sqlite3
import threading
import time

import requests

from tests.backend.events import event, sale_payload
from tests.backend.test_postgres_workers import Server, push
from tests.support.waiting import wait_for


def test_a_backend_killed_mid_push_answers_the_retry_at_once_after_its_restart(tmp_path):
    db = tmp_path / "backend.sqlite3"
    server = Server(str(db), tmp_path, ["till-1"], workers=1)
    events = [event("sale.completed", sale_payload(member_no=1001, earned=5)) for _ in range(3)]
    try:
        s = server.session("till-1")
        holder = sqlite3.connect(db, timeout=30, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # the push will wait for the write lock inside its request
        outcome: list[object] = []

        def doomed() -> None:
            try:
                outcome.append(push(server.session("till-1"), server.url, events, "key-killed"))
            except requests.RequestException as exc:
                outcome.append(exc)

        thread = threading.Thread(target=doomed)
        thread.start()
        # the request in flight holds its key: another one with it is told so (409), not applied twice
        # (a probe sent before the first request reached its key takes the key itself and waits too)

        def probe() -> tuple[requests.Response] | None:
            try:
                r = push(s, server.url, events, "key-killed", timeout=0.5)
            except requests.Timeout:
                return None
            return (r,) if r.status_code == 409 else None

        (busy,) = wait_for(probe, 10, 0.05)
        assert busy.json()["error"]["code"] == "request_in_progress"
        server.proc.send_signal(signal.SIGKILL)
        server.proc.wait(10)
        thread.join(10)
        assert outcome  # the request in flight ended (its connection broke, or it was the one told 409)
        holder.execute("ROLLBACK")
        holder.close()
        server.log.close()
    except BaseException:
        server.stop()
        raise
    # the backend comes back on the same database and port
    server = Server(str(db), tmp_path, ["till-1"], workers=1, port=server.port)
    try:
        s = server.session("till-1")
        t0 = time.monotonic()
        r = push(s, server.url, events, "key-killed")
        assert r.status_code == 200 and time.monotonic() - t0 < 2
        assert [x["status"] for x in r.json()["results"]] == ["applied"] * 3
        again = push(s, server.url, events, "key-killed")
        assert again.headers.get("Idempotent-Replayed") == "true" and again.content == r.content
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 3
            assert conn.execute(
                "SELECT COUNT(*), SUM(delta) FROM points_ledger WHERE event_id NOT LIKE 'seed-%'"
            ).fetchone() == (3, 15)
        finally:
            conn.close()
    finally:
        server.stop()
