"""The reference backend's SQLite database: schema, and the exactly-once application of till events.

Every write unit opens with BEGIN IMMEDIATE (so concurrent requests serialise and a return cap holds
across tills); WAL with synchronous=FULL. Each event is applied at most once, keyed by its event_id under a
PRIMARY KEY; the points ledger holds one row of delta per (event, programme), balance = sum, never negative.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sync import contract

SCHEMA_VERSION = 1

SCHEMA = """
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


def connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


@contextlib.contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def init_schema(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise RuntimeError(f"backend database is from a newer version ({version} > {SCHEMA_VERSION})")
    # executescript commits any open transaction first, so the script carries its own BEGIN/COMMIT
    conn.executescript(f"BEGIN IMMEDIATE;{SCHEMA}PRAGMA user_version={SCHEMA_VERSION};COMMIT;")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def next_counter(conn: sqlite3.Connection, name: str, n: int = 1) -> int:
    """Reserve n values of a counter; return the first."""
    row = conn.execute(
        "INSERT INTO counters(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + ? "
        "RETURNING value",
        (name, n, n),
    ).fetchone()
    return row[0] - n + 1


_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, check_circular=False).encode


class Rejected(Exception):
    """The event is not applied. `deferred`: only for now (what it depends on has not arrived yet)."""

    def __init__(self, code: str, message: str, *, deferred: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.deferred = deferred


class ConnectionPool:
    """One connection per thread (sqlite3 connections are not shared between threads)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def get(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path)
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close_all(self) -> None:
        with self._lock:
            for conn in self._all:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._all.clear()


# ---------------------------------------------------------------------------------------------- events


def points_balance(conn: sqlite3.Connection, member_no: int, programme: str = "main") -> int:
    row = conn.execute(
        "SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE member_no = ? AND programme = ?",
        (member_no, programme),
    ).fetchone()
    return int(row[0])


def _member_exists(conn: sqlite3.Connection, member_no: int) -> bool:
    return conn.execute("SELECT 1 FROM members WHERE member_no = ?", (member_no,)).fetchone() is not None


def _apply_sale(conn: sqlite3.Connection, event_id: str, till_id: str, occurred_at: str, p: dict) -> None:
    member_no = p.get("member_no")
    cur = conn.execute(
        "INSERT INTO sales(sale_uuid, event_id, till_id, receipt_no, currency, member_no, total, item_count,"
        " occurred_at, tenders) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(sale_uuid) DO NOTHING",
        (
            p["sale_uuid"],
            event_id,
            till_id,
            p["receipt_no"],
            p["currency"],
            member_no,
            p["totals"]["total"],
            sum(line["qty"] for line in p["lines"]),
            occurred_at,
            _dumps(p["tenders"]),
        ),
    )
    if cur.rowcount == 0:
        raise Rejected("duplicate_sale", "this sale_uuid was already recorded by another event")
    try:
        conn.executemany(
            "INSERT INTO sale_lines(sale_uuid, line_no, sku, name, qty, unit_price, tax_code, paid_amount)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    p["sale_uuid"],
                    ln["line_no"],
                    ln["sku"],
                    ln.get("name", ""),
                    ln["qty"],
                    ln["unit_price"],
                    ln["tax_code"],
                    ln["paid_amount"],
                )
                for ln in p["lines"]
            ],
        )
    except sqlite3.IntegrityError as exc:
        raise Rejected("invalid_payload", "two lines share a line_no") from exc
    pts = p.get("points")
    if pts and (pts["earned"] or pts["redeemed"]):
        if member_no is None or not _member_exists(conn, member_no):
            raise Rejected("unknown_member", "points on a sale without a known member")
        programme = pts.get("programme", "main")
        if pts["redeemed"] and points_balance(conn, member_no, programme) < pts["redeemed"]:
            raise Rejected("insufficient_points", "the member does not have the points redeemed")
        conn.execute(
            "INSERT INTO points_ledger(event_id, programme, member_no, delta, created_at) VALUES (?,?,?,?,?)",
            (event_id, programme, member_no, pts["earned"] - pts["redeemed"], time.time()),
        )


def _apply_return(conn: sqlite3.Connection, event_id: str, till_id: str, p: dict) -> None:
    original = p.get("original") or {}
    checked: set[tuple[str, str]] = set()
    for line in p["lines"]:
        if line.get("original_sale_uuid"):
            table, key_col, key = "sale_lines", "sale_uuid", line["original_sale_uuid"]
        elif "order_no" in original:
            table, key_col, key = "order_lines", "order_no", original["order_no"]
        elif "sale_uuid" in original:
            table, key_col, key = "sale_lines", "sale_uuid", original["sale_uuid"]
        else:
            continue  # a return without proof of purchase: nothing to cap against
        if (table, key) not in checked:
            doc = "orders" if table == "order_lines" else "sales"
            cur = conn.execute(
                f"SELECT currency FROM {doc} WHERE {key_col} = ?",  # noqa: S608
                (key,),
            ).fetchone()
            if cur is None and doc == "sales":
                # an in-store sale of another till that has not synced yet: try again later
                raise Rejected(
                    "original_not_synced", "the original sale has not reached the backend yet", deferred=True
                )
            if cur is None:
                raise Rejected("unknown_original", "the original order is not known to the backend")
            if cur[0] != p["currency"]:
                raise Rejected("currency_mismatch", "the return is not in the currency of the original")
            checked.add((table, key))
        row = conn.execute(
            f"SELECT sku, qty, returned_qty, paid_amount, refunded_amount FROM {table} "  # noqa: S608
            f"WHERE {key_col} = ? AND line_no = ?",
            (key, line["line_no"]),
        ).fetchone()
        if row is None or row[0] != line["sku"]:
            raise Rejected("unknown_original", f"line {line['line_no']} is not on the original")
        sku, qty, returned, paid, refunded = row
        if returned + line["qty"] > qty:
            raise Rejected(
                "exceeds_returnable",
                f"line {line['line_no']}: {qty - returned} left to return, {line['qty']} asked",
            )
        if refunded + line["refund_amount"] > paid:
            raise Rejected("exceeds_refundable", f"line {line['line_no']}: refund exceeds what was paid")
        conn.execute(
            f"UPDATE {table} SET returned_qty = returned_qty + ?, refunded_amount = refunded_amount + ? "  # noqa: S608
            f"WHERE {key_col} = ? AND line_no = ?",
            (line["qty"], line["refund_amount"], key, line["line_no"]),
        )
    if conn.execute("SELECT 1 FROM returns WHERE return_uuid = ?", (p["return_uuid"],)).fetchone():
        raise Rejected("duplicate_return", "this return_uuid was already recorded by another event")
    conn.execute(
        "INSERT INTO returns(return_uuid, event_id, till_id, total_refunded) VALUES (?,?,?,?)",
        (p["return_uuid"], event_id, till_id, p["total_refunded"]),
    )
    pts = p.get("points")
    if pts and (pts["earned"] or pts["redeemed"]):
        member_no = p.get("member_no")
        if member_no is None or not _member_exists(conn, member_no):
            raise Rejected("unknown_member", "points on a return without a known member")
        programme = pts.get("programme", "main")
        delta = pts["redeemed"] - pts["earned"]
        if delta < 0:
            delta = max(
                delta, -points_balance(conn, member_no, programme)
            )  # a clawback never takes the balance below zero
        conn.execute(
            "INSERT INTO points_ledger(event_id, programme, member_no, delta, created_at) VALUES (?,?,?,?,?)",
            (event_id, programme, member_no, delta, time.time()),
        )


def _apply_pickup(conn: sqlite3.Connection, p: dict) -> None:
    row = conn.execute("SELECT status FROM orders WHERE order_no = ?", (p["order_no"],)).fetchone()
    if row is None:
        raise Rejected("unknown_original", "no such online order")
    if row[0] == "handed_over":
        raise Rejected("already_handed_over", "the order was already handed over")
    if row[0] != "ready_for_pickup":
        raise Rejected("order_not_ready", f"the order is {row[0]}, not ready for pickup")
    conn.execute("UPDATE orders SET status = 'handed_over' WHERE order_no = ?", (p["order_no"],))


def _apply_checkin(conn: sqlite3.Connection, event_id: str, p: dict) -> None:
    if not _member_exists(conn, p["member_no"]):
        raise Rejected("unknown_member", "no such member")
    conn.execute(
        "INSERT INTO checkins(event_id, member_no, store_id) VALUES (?,?,?)",
        (event_id, p["member_no"], p.get("store_id")),
    )


def apply_event(conn: sqlite3.Connection, device_till: str, ev: dict[str, Any]) -> dict[str, Any]:
    """Apply one event inside the caller's transaction; return its EventResult."""
    event_id = ev["event_id"]
    conn.execute("SAVEPOINT ev")
    try:
        inserted = conn.execute(
            "INSERT INTO events(event_id, type, till_id, occurred_at, payload, received_at)"
            " VALUES (?,?,?,?,?,?) ON CONFLICT(event_id) DO NOTHING",
            (event_id, ev["type"], ev["till_id"], ev["occurred_at"], _dumps(ev["payload"]), time.time()),
        ).rowcount
        if not inserted:
            conn.execute("RELEASE ev")
            return {"event_id": event_id, "status": "duplicate"}
        if ev["till_id"] != device_till:
            raise Rejected(
                "till_mismatch", f"event from till {ev['till_id']} sent with {device_till}'s token"
            )
        schema = contract.payload_schema_for(ev["type"])
        assert schema is not None  # the batch schema restricts the type
        try:
            contract.validate(schema, ev["payload"])
        except contract.ContractViolation as exc:
            raise Rejected("invalid_payload", exc.detail) from None
        p = ev["payload"]
        match ev["type"]:
            case "sale.completed":
                _apply_sale(conn, event_id, ev["till_id"], ev["occurred_at"], p)
            case "return.completed":
                _apply_return(conn, event_id, ev["till_id"], p)
            case "pickup.handed_over":
                _apply_pickup(conn, p)
            case "member.checked_in":
                _apply_checkin(conn, event_id, p)
            case _:
                pass  # till.closed, cash.movement: recorded as events
    except OverflowError:  # a number beyond SQLite's signed 64 bits (member_no is u64 in the contract)
        conn.execute("ROLLBACK TO ev")
        conn.execute("RELEASE ev")
        return {
            "event_id": event_id,
            "status": "rejected",
            "reason": {"code": "invalid_payload", "message": "a number is out of range"},
        }
    except Rejected as rej:
        conn.execute("ROLLBACK TO ev")
        conn.execute("RELEASE ev")
        return {
            "event_id": event_id,
            "status": "deferred" if rej.deferred else "rejected",
            "reason": {"code": rej.code, "message": rej.message},
        }
    except BaseException:
        conn.execute("ROLLBACK TO ev")
        conn.execute("RELEASE ev")
        raise
    conn.execute("RELEASE ev")
    return {"event_id": event_id, "status": "applied"}
