"""End-to-end reconciliation: the till compares what the backend holds with its journal, day by day, and
sends again whatever the backend lacks — automatically when idle, and on demand.

Found by fault injection: a backend restored from a backup taken mid-drain lost about half a day's sales,
and nothing noticed: the till deletes what was acknowledged and had no way to send it again."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import uuid
from datetime import UTC, datetime

import pytest
import requests

from backend.server import start_backend
from sync.client import store_device_token
from tests.backend.events import event, sale_payload
from tests.store.helpers import make_return, make_sale
from tests.sync.conftest import outbox_stats, wait_until


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _commit_day(store, n, *, price=100, member_no=1001):
    """n sales (and a return of the first), a till session with a cash movement and its closure, and a
    member's visit, now."""
    from pos.documents import TillClosure
    from sync.store import journal, members

    session = str(uuid.uuid4())
    sales = [dataclasses.replace(make_sale("till-1", price=price + i), created_at=_now()) for i in range(n)]

    def work(conn):
        journal.open_session(
            conn,
            session_id=session,
            till_id="till-1",
            opened_by="S1",
            currency="EUR",
            opening_float=10000,
            opened_at=_now(),
        )
        docs = [journal.commit_sale(conn, s) for s in sales]
        journal.record_cash_movement(
            conn,
            movement_id=str(uuid.uuid4()),
            session_id=session,
            kind="paid_out",
            amount=300,
            staff_id="S1",
            created_at=_now(),
            reason="window cleaner",
        )
        journal.commit_return(conn, dataclasses.replace(make_return(docs[0]), created_at=_now()))
        closure = TillClosure(session, "till-1", "S1", _now(), "EUR", 9700, 9700, 0)
        journal.commit_closure(conn, closure)
        # as sync.store.till.close does: the session is closed (one open session per till)
        closing = (closure.closed_at, session)
        conn.execute("UPDATE till_sessions SET closed_at = ? WHERE session_id = ?", closing)
        visit = {"member_no": member_no, "via": "typed", "local_date": _now()[:10]}
        assert members.record_check_in(conn, visit, "S1")
        return docs

    return store.write_sync(work)


def _backend_holds(backend):
    conn = backend.connect()
    try:
        sales = sorted(r[0] for r in conn.execute("SELECT sale_uuid FROM sales"))
        types = sorted(r[0] for r in conn.execute("SELECT type FROM events WHERE till_id = 'till-1'"))
        returned = conn.execute("SELECT COALESCE(SUM(returned_qty), 0) FROM sale_lines").fetchone()[0]
        visits = sorted(r[0] for r in conn.execute("SELECT member_no FROM checkins"))
        return sales, types, returned, visits
    finally:
        conn.close()


@pytest.fixture
def sqlite_backend(tmp_path):
    path = tmp_path / "backend.sqlite3"
    handle = start_backend(path, strict=True, seed_products=20)
    store_device_token(handle.register_device("till-1", token="till-1-token"))
    yield handle, path
    handle.stop()


def test_a_backend_restored_from_an_older_backup_gets_back_what_it_lost(
    sqlite_backend, store, make_engine, tmp_path
):
    backend, path = sqlite_backend
    first = _commit_day(store, 30)
    eng = make_engine(backend.url, batch_size=7)
    eng.start()
    wait_until(lambda: outbox_stats(store).depth == 0)
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(path) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)  # the backend's nightly backup
    second = _commit_day(store, 40, price=500, member_no=1002)
    wait_until(lambda: outbox_stats(store).depth == 0)
    eng.stop()
    complete = _backend_holds(backend)
    assert len(complete[0]) == 70 and complete[2] == 2 and complete[3] == [1001, 1002]

    # the backend's disk is lost; it is restored from the backup: the second half is gone
    port = int(backend.url.rsplit(":", 1)[1])
    backend.stop()
    backup.replace(path)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    restored = start_backend(path, port=port, strict=True)
    try:
        assert len(_backend_holds(restored)[0]) == 30
        # the till notices by itself when idle, and sends again exactly what is missing
        eng = make_engine(restored.url, batch_size=7, reconcile_interval_s=0.2)
        eng.start()
        wait_until(lambda: _backend_holds(restored) == complete, timeout=30)
        wait_until(
            lambda: eng.last_reconciliation is not None and eng.last_reconciliation.matched, timeout=30
        )
        assert sorted(d.sale_uuid for d in first + second) == complete[0]
        assert outbox_stats(store).dead == 0 and outbox_stats(store).depth == 0
        # and on demand: nothing more to send
        again = eng.reconcile()
        assert again.matched and again.requeued == 0
        assert {(d.event_type, d.till_count) for d in again.days} == {
            ("sale.completed", 70),
            ("return.completed", 2),
            ("till.opened", 2),
            ("cash.movement", 2),
            ("till.closed", 2),
            ("member.checked_in", 2),
        }
    finally:
        eng.stop()
        restored.stop()


def test_reconcile_counts_what_still_waits_and_does_not_queue_it_twice(backend, store, make_engine):
    _commit_day(store, 5)
    eng = make_engine(backend.url)  # not started: everything still waits in the queue
    result = eng.reconcile()
    assert not result.matched
    sales = next(d for d in result.days if d.event_type == "sale.completed")
    assert (sales.till_count, sales.backend_count, sales.missing, sales.waiting, sales.requeued) == (
        5,
        0,
        5,
        5,
        0,
    )
    assert outbox_stats(store).depth == 5 + 5  # sales, return, opened, movement, closure, visit: once each
    eng.start()
    wait_until(lambda: outbox_stats(store).depth == 0)
    assert eng.reconcile().matched


def _token(backend):
    store_device_token(backend.register_device("till-1", token="till-1-token"))
    return "Bearer till-1-token"


def test_the_backend_holding_more_than_the_journal_is_reported(backend, store, make_engine):
    auth = _token(backend)
    _commit_day(store, 3)
    eng = make_engine(backend.url)
    eng.start()
    wait_until(lambda: outbox_stats(store).depth == 0)
    # an event of this till the journal does not have (its journal was replaced, say)
    stray = event("sale.completed", sale_payload())
    stray["occurred_at"] = _now()
    r = requests.post(
        f"{backend.url}/v1/events",
        json={"events": [stray]},
        headers={"Idempotency-Key": "stray", "Authorization": auth},
        timeout=10,
    )
    assert r.status_code == 200, r.text
    result = eng.reconcile()
    assert not result.matched and result.extra == 1 and result.requeued == 0


def test_a_conflicting_event_is_dead_lettered_with_both_versions(backend, store, make_engine):
    from sync.store import outbox

    auth = _token(backend)
    mine = sale_payload(unit_price=1200)
    theirs = {**sale_payload(unit_price=999), "sale_uuid": mine["sale_uuid"]}
    event_id = str(uuid.uuid4())
    backend_version = {**event("sale.completed", theirs), "event_id": event_id}
    r = requests.post(
        f"{backend.url}/v1/events",
        json={"events": [backend_version]},
        headers={"Idempotency-Key": "first", "Authorization": auth},
        timeout=10,
    )
    assert r.json()["results"][0]["status"] == "applied"
    store.write_sync(lambda c: outbox.enqueue(c, "sale.completed", mine, event_id=event_id))
    eng = make_engine(backend.url)
    eng.start()
    wait_until(lambda: outbox_stats(store).dead == 1)
    conn = store.read_connection()
    try:
        (dead,) = outbox.dead_letters(conn)
    finally:
        conn.close()
    assert dead.payload == mine  # the till's version
    assert dead.reason.startswith("event_conflict: ")
    stored = json.loads(dead.reason.split("; the backend's version: ", 1)[1])
    assert stored["payload"] == theirs and stored["event_id"] == event_id  # and the backend's
