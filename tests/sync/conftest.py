from __future__ import annotations

import uuid

import pytest

from backend.server import start_backend
from sync.client import store_device_token
from sync.engine import SyncEngine
from tests.backend.engines import ENGINES, fresh_database
from tests.backend.events import sale_payload
from tests.support.waiting import wait_for


@pytest.fixture(params=ENGINES)
def backend_database(request, tmp_path):
    """The till's sync runs against the reference backend on both of its engines."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def backend(backend_database):
    handle = start_backend(backend_database, strict=True, seed_products=50)
    store_device_token(handle.register_device("till-1"))
    yield handle
    handle.stop()


@pytest.fixture
def store(tmp_path):
    from sync.store import open_store

    st = open_store(tmp_path / "data", till_id="till-1")
    yield st
    st.close()


@pytest.fixture
def make_engine(store):
    engines = []

    def make(url, **kw):
        opts = dict(
            base_url=url,
            catalog_interval_s=None,
            idle_poll_s=0.05,
            backoff_base_s=0.05,
            backoff_max_s=0.3,
            read_timeout=2.0,
            connect_timeout=0.5,
            retry_backoff_factor=0.02,
            heartbeat_s=3600.0,  # requests are counted here; the heartbeat has its own test
            reconcile_interval_s=None,  # and reconciliation too (tests/sync/test_reconcile.py)
        )
        opts.update(kw)
        eng = SyncEngine(store, **opts)
        engines.append(eng)
        return eng

    yield make
    for eng in engines:
        eng.stop()


def enqueue_sales(store, n, *, member_no=1001, earned=3):
    from sync.store import outbox

    def fn(conn):
        return [
            outbox.enqueue(
                conn,
                "sale.completed",
                sale_payload(member_no=member_no, earned=earned, receipt_no=f"T1-{i:06d}"),
                event_id=str(uuid.uuid4()),
            )
            for i in range(n)
        ]

    return store.write_sync(fn)


def wait_until(pred, timeout=20.0, interval=0.02):
    return wait_for(pred, timeout, interval)


def outbox_stats(store):
    from sync.store import outbox

    conn = store.read_connection()
    try:
        return outbox.stats(conn)
    finally:
        conn.close()


def backend_counts(backend):
    conn = backend.connect()
    try:
        events = conn.execute("SELECT COUNT(*) FROM events WHERE type = 'sale.completed'").fetchone()[0]
        ledger = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT event_id), COALESCE(SUM(delta), 0) FROM points_ledger "
            "WHERE event_id NOT LIKE 'seed-%'"
        ).fetchone()
        return events, ledger
    finally:
        conn.close()
