"""The open (unfinished) cart, saved as it changes, and suspended (parked) carts."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sync.store.util import dumps, loads, now_iso


def save_open(conn: sqlite3.Connection, till_id: str, cart: Mapping[str, Any]) -> None:
    conn.execute(
        "INSERT INTO open_carts (till_id, cart, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (till_id) DO UPDATE SET cart = excluded.cart, updated_at = excluded.updated_at",
        (till_id, dumps(dict(cart)), now_iso()),
    )


def load_open(conn: sqlite3.Connection, till_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT cart FROM open_carts WHERE till_id = ?", (till_id,)).fetchone()
    return None if row is None else loads(row[0])


def clear_open(conn: sqlite3.Connection, till_id: str) -> None:
    conn.execute("DELETE FROM open_carts WHERE till_id = ?", (till_id,))


@dataclass(frozen=True, slots=True)
class SuspendedCart:
    suspended_id: int
    till_id: str
    label: str
    cart: dict[str, Any]
    suspended_at: str
    suspended_by: str | None


def suspend(
    conn: sqlite3.Connection, till_id: str, *, label: str = "", suspended_by: str | None = None
) -> int | None:
    """Park the till's open cart (and clear it). Returns the suspended cart's id, None if none open."""
    cart = load_open(conn, till_id)
    if cart is None:
        return None
    cur = conn.execute(
        "INSERT INTO suspended_carts (till_id, label, cart, suspended_at, suspended_by) VALUES (?,?,?,?,?)",
        (till_id, label, dumps(cart), now_iso(), suspended_by),
    )
    clear_open(conn, till_id)
    return int(cur.lastrowid)  # type: ignore[arg-type]


def list_suspended(conn: sqlite3.Connection, till_id: str | None = None) -> list[SuspendedCart]:
    sql = "SELECT suspended_id, till_id, label, cart, suspended_at, suspended_by FROM suspended_carts"
    args: tuple[Any, ...] = ()
    if till_id is not None:
        sql += " WHERE till_id = ?"
        args = (till_id,)
    rows = conn.execute(sql + " ORDER BY suspended_id", args).fetchall()
    return [SuspendedCart(r[0], r[1], r[2], loads(r[3]), r[4], r[5]) for r in rows]


def resume(conn: sqlite3.Connection, suspended_id: int, till_id: str) -> dict[str, Any]:
    """Make a suspended cart the open cart of ``till_id``. Refused while that till has an open cart."""
    if load_open(conn, till_id) is not None:
        raise ValueError("finish or park the current sale before resuming another one")
    row = conn.execute("SELECT cart FROM suspended_carts WHERE suspended_id = ?", (suspended_id,)).fetchone()
    if row is None:
        raise LookupError("that parked sale no longer exists (another till may have resumed it)")
    conn.execute("DELETE FROM suspended_carts WHERE suspended_id = ?", (suspended_id,))
    cart = loads(row[0])
    save_open(conn, till_id, cart)
    return cart


def set_setting(conn: sqlite3.Connection, key: str, value: Any) -> None:
    conn.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (key, dumps(value), now_iso()),
    )


def get_setting(conn: sqlite3.Connection, key: str, default: Any = None) -> Any:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return default if row is None else loads(row[0])
