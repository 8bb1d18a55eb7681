"""Migrations: a database made by the SQLite-only backend (before Alembic) opens with its data; the tables
the migrations make are exactly backend/schema.py on both engines; a database from a newer version is
refused."""

from __future__ import annotations

import json
import sqlite3

import pytest
import requests
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from backend import schema
from backend.server import start_backend
from backend.store import Store
from tests.backend.events import event, sale_payload

# the schema of the SQLite-only backend (PRAGMA user_version 1), as it wrote it
OLD_SCHEMA = """
CREATE TABLE IF NOT EXISTS devices (
    till_id TEXT PRIMARY KEY,
    token_sha256 TEXT NOT NULL UNIQUE,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS idempotency (
    device TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('running', 'done')),
    status INTEGER,
    body BLOB,
    created_at REAL NOT NULL,
    PRIMARY KEY (device, key)
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    till_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS sales (
    sale_uuid TEXT PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE REFERENCES events(event_id),
    till_id TEXT NOT NULL,
    receipt_no TEXT NOT NULL,
    currency TEXT NOT NULL,
    member_no INTEGER,
    total INTEGER NOT NULL,
    item_count INTEGER NOT NULL,
    occurred_at TEXT NOT NULL,
    tenders TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS sales_member ON sales(member_no, occurred_at);
CREATE TABLE IF NOT EXISTS sale_lines (
    sale_uuid TEXT NOT NULL REFERENCES sales(sale_uuid),
    line_no INTEGER NOT NULL,
    sku TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    qty INTEGER NOT NULL,
    unit_price INTEGER NOT NULL DEFAULT 0,
    tax_code TEXT NOT NULL DEFAULT '',
    paid_amount INTEGER NOT NULL,
    returned_qty INTEGER NOT NULL DEFAULT 0,
    refunded_amount INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (sale_uuid, line_no),
    CHECK (returned_qty <= qty),
    CHECK (refunded_amount <= paid_amount)
);
CREATE TABLE IF NOT EXISTS returns (
    return_uuid TEXT PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE REFERENCES events(event_id),
    till_id TEXT NOT NULL,
    total_refunded INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS points_ledger (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(event_id),
    programme TEXT NOT NULL,
    member_no INTEGER NOT NULL,
    delta INTEGER NOT NULL,
    created_at REAL NOT NULL,
    UNIQUE (event_id, programme)
);
CREATE INDEX IF NOT EXISTS points_member ON points_ledger(member_no, programme);
CREATE TABLE IF NOT EXISTS members (
    member_no INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_initial TEXT NOT NULL,
    tier TEXT NOT NULL,
    consent_marketing INTEGER NOT NULL,
    consent_personalisation INTEGER NOT NULL,
    consent_receipts INTEGER NOT NULL,
    card_serial INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS member_coupons (
    member_no INTEGER NOT NULL REFERENCES members(member_no),
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    percent_off_bp INTEGER,
    amount_off INTEGER,
    expires_at TEXT NOT NULL,
    PRIMARY KEY (member_no, code)
);
CREATE TABLE IF NOT EXISTS member_views (
    member_no INTEGER NOT NULL REFERENCES members(member_no),
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    viewed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS checkins (
    event_id TEXT PRIMARY KEY REFERENCES events(event_id),
    member_no INTEGER NOT NULL,
    store_id TEXT
);
CREATE TABLE IF NOT EXISTS revoked_cards (
    member_no INTEGER NOT NULL,
    card_serial INTEGER NOT NULL,
    PRIMARY KEY (member_no, card_serial)
);
CREATE TABLE IF NOT EXISTS signing_keys (
    key_id INTEGER PRIMARY KEY,
    private_raw BLOB NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS orders (
    order_no TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    placed_at TEXT NOT NULL,
    currency TEXT NOT NULL,
    member_no INTEGER,
    pickup_store_id TEXT,
    customer_display_name TEXT NOT NULL,
    total INTEGER NOT NULL,
    tenders TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_member ON orders(member_no, placed_at);
CREATE TABLE IF NOT EXISTS order_lines (
    order_no TEXT NOT NULL REFERENCES orders(order_no),
    line_no INTEGER NOT NULL,
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    qty INTEGER NOT NULL,
    unit_price INTEGER NOT NULL,
    paid_amount INTEGER NOT NULL,
    tax_code TEXT NOT NULL,
    returned_qty INTEGER NOT NULL DEFAULT 0,
    refunded_amount INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (order_no, line_no),
    CHECK (returned_qty <= qty),
    CHECK (refunded_amount <= paid_amount)
);
CREATE TABLE IF NOT EXISTS products (
    sku TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    brand TEXT NOT NULL,
    category TEXT NOT NULL,
    tax_code TEXT NOT NULL,
    price INTEGER NOT NULL,
    barcodes TEXT NOT NULL,          -- a JSON array
    active INTEGER NOT NULL,
    popularity INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS products_version ON products(version);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS promotions (promo_id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS carts (
    cart_id TEXT PRIMARY KEY,
    member_no INTEGER,
    shared_at TEXT NOT NULL,
    lines TEXT NOT NULL,
    coupons TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stores (store_id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stock (
    store_id TEXT NOT NULL REFERENCES stores(store_id),
    sku TEXT NOT NULL,
    available INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (sku, store_id)
);
"""


def test_a_database_of_the_sqlite_only_backend_opens_with_its_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(OLD_SCHEMA + "PRAGMA user_version=1;")
    conn.execute("INSERT INTO devices(till_id, token_sha256, revoked) VALUES ('T01', ?, 0)", (_sha("tok"),))
    conn.execute(
        "INSERT INTO members(member_no, first_name, last_initial, tier, consent_marketing,"
        " consent_personalisation, consent_receipts) VALUES (1001, 'Aiko', 'T', 'gold', 1, 1, 1)"
    )
    conn.execute("INSERT INTO events VALUES ('e-old', 'seed', 'backend', '2026-01-01T00:00:00Z', '{}', 0)")
    conn.execute("INSERT INTO points_ledger(event_id, programme, member_no, delta, created_at) VALUES"
                 " ('e-old', 'main', 1001, 250, 0)")  # fmt: skip
    conn.commit()
    conn.close()
    handle = start_backend(path, strict=True)
    try:
        s = requests.Session()
        s.headers["Authorization"] = "Bearer tok"
        profile = s.get(f"{handle.url}/v1/members/1001", timeout=10).json()
        assert profile["points_balance"] == 250 and profile["consent"]["marketing"] is True
        ev = event("sale.completed", sale_payload(member_no=1001, earned=5), till_id="T01")
        r = s.post(
            f"{handle.url}/v1/events", json={"events": [ev]}, headers={"Idempotency-Key": "k"}, timeout=10
        )
        assert r.json()["results"][0]["status"] == "applied"
        # gold: 10.00 EUR earns 15 points (the backend's figure, not the till's 5)
        assert s.get(f"{handle.url}/v1/members/1001", timeout=10).json()["points_balance"] == 265
    finally:
        handle.stop()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(_head(),)]


def test_a_shop_s_stock_survives_the_migrations_that_rebuild_the_stores_table(tmp_path):
    """SQLite rebuilds a table to alter it (Alembic's batch mode): the old `stores` is dropped while `stock`
    rows still point at it. With foreign keys enforced, that DROP failed and an upgraded shop's backend
    (the demo's embedded one too) could not start. (Bug found starting a fresh checkout on a machine whose
    demo data was made by an earlier version.)"""
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(OLD_SCHEMA + "PRAGMA user_version=1;")
    conn.execute("INSERT INTO stores(store_id, name) VALUES ('S-DUB', 'Dublin')")
    conn.execute("INSERT INTO stock VALUES ('S-DUB', 'SKU-1', 7, '2026-11-01T09:00:00Z')")
    conn.commit()
    conn.close()
    Store(str(path)).migrate()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(_head(),)]
        assert conn.execute("SELECT store_id, name FROM stores").fetchall() == [("S-DUB", "Dublin")]
        assert conn.execute("SELECT store_id, sku, available FROM stock").fetchall() == [
            ("S-DUB", "SKU-1", 7)
        ]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_till_sessions_received_before_0002_are_listed_after_it(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(OLD_SCHEMA + "PRAGMA user_version=1;")
    conn.execute("INSERT INTO devices(till_id, token_sha256, revoked) VALUES ('T01', ?, 0)", (_sha("tok"),))
    opened = {
        "session_id": "S1",
        "opened_at": "2026-11-23T08:00:00Z",
        "currency": "EUR",
        "opening_float": 15000,
    }
    closed = {
        "session_id": "S1",
        "closed_at": "2026-11-23T18:00:00Z",
        "currency": "EUR",
        "expected_cash": 50000,
        "counted_cash": 49800,
        "difference": -200,
        "reason": "coin missing",
        "report": {"figures": {"sales_count": 12, "net_sales": 35000}},
    }
    for n, (kind, p) in enumerate((("till.opened", opened), ("till.closed", closed))):
        conn.execute(
            "INSERT INTO events VALUES (?, ?, 'T01', '2026-11-23T18:00:00Z', ?, ?)",
            (f"e{n}", kind, json.dumps(p), n),
        )
    conn.commit()
    conn.close()
    handle = start_backend(path, strict=True)
    try:
        r = requests.get(
            f"{handle.url}/v1/till-sessions", headers={"Authorization": "Bearer tok"}, timeout=10
        )
        (s,) = r.json()["sessions"]
        assert (s["opening_float"], s["difference"], s["sales_count"], s["net_sales"]) == (
            15000,
            -200,
            12,
            35000,
        )
    finally:
        handle.stop()


def test_a_private_key_an_older_backend_kept_in_the_database_moves_to_the_key_file(tmp_path):
    """The key keeps signing under its id (cards printed with it stay valid); the database forgets it."""
    from backend import tokens

    path = tmp_path / "old.sqlite3"
    old = tokens.SigningKey.generate(1)
    conn = sqlite3.connect(path)
    conn.executescript(OLD_SCHEMA + "PRAGMA user_version=1;")
    conn.execute(
        "INSERT INTO signing_keys(key_id, private_raw, active) VALUES (1, ?, 1)", (old.private_raw(),)
    )
    conn.commit()
    conn.close()
    handle = start_backend(path)
    try:
        assert handle.backend.signing_key.key_id == 1
        assert handle.backend.signing_key.public_raw() == old.public_raw()
        key_file = handle.backend.key_file
    finally:
        handle.stop()
    assert key_file.exists() and (key_file.stat().st_mode & 0o777) == 0o600
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT key_id, private_raw, public_raw FROM signing_keys").fetchall() == [
            (1, None, old.public_raw())
        ]


def test_events_received_before_0003_are_reconciled_after_it(tmp_path):
    from sync import contract

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(OLD_SCHEMA + "PRAGMA user_version=1;")
    conn.execute("INSERT INTO devices(till_id, token_sha256, revoked) VALUES ('T01', ?, 0)", (_sha("tok"),))
    old = [event("sale.completed", sale_payload(unit_price=p), till_id="T01") for p in (100, 250)]
    for ev in old:
        conn.execute(
            "INSERT INTO events VALUES (?, ?, 'T01', '2026-11-23T18:00:00Z', ?, 0)",
            (ev["event_id"], ev["type"], json.dumps(ev["payload"])),
        )
    conn.commit()
    conn.close()
    handle = start_backend(path, strict=True)
    try:
        s = requests.Session()
        s.headers["Authorization"] = "Bearer tok"
        new = event("sale.completed", sale_payload(unit_price=1000), till_id="T01")
        new["occurred_at"] = "2026-11-23T19:00:00Z"
        s.post(
            f"{handle.url}/v1/events", json={"events": [new]}, headers={"Idempotency-Key": "k"}, timeout=10
        )
        r = s.get(f"{handle.url}/v1/reconciliation?from=2026-11-23&to=2026-11-23", timeout=10)
        (day,) = r.json()["days"]
        assert (day["day"], day["type"], day["count"], day["total"]) == (
            "2026-11-23",
            "sale.completed",
            3,
            1350,
        )
        assert day["digest"] == contract.event_digest(e["event_id"] for e in [*old, new])
    finally:
        handle.stop()


def _head() -> str:
    """The newest revision of backend/migrations (every start migrates to it)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from backend.store import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def test_the_migrations_make_exactly_the_declared_schema(database):
    store = Store(database)
    try:
        store.migrate()
        store.migrate()  # a second start changes nothing
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
        assert diff == []
    finally:
        store.dispose()


def test_a_database_of_a_newer_version_is_refused(database):
    store = Store(database)
    try:
        store.migrate()
        with store.engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(RuntimeError, match="newer version"):
            store.migrate()
    finally:
        store.dispose()


def _sha(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()
