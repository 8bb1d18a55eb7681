"""Price rules and promotions pulled from the backend (applied by the sync engine, one page per
transaction, like ``catalog.apply_changes``). The domain interprets them; the store only keeps them."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from sync.store.util import dumps, loads, now_iso


def _db(conn: sqlite3.Connection) -> Any:
    db = getattr(conn, "db", None)
    if db is None:
        import sqlite_utils

        db = sqlite_utils.Database(conn, execute_plugins=False)
    return db


def apply_price_rules(
    conn: sqlite3.Connection, upserts: Sequence[Mapping[str, Any]], deletes: Sequence[str] = ()
) -> None:
    """Rule dict: rule_id, sku, price (minor units), starts_at, ends_at (ISO or None), member_only.
    Through sqlite-utils (ON CONFLICT upserts, savepoints inside our BEGIN IMMEDIATE)."""
    if not conn.in_transaction:
        raise RuntimeError("rules are applied inside a store.write transaction")
    now = now_iso()
    rows = [
        {
            "rule_id": r["rule_id"],
            "sku": r["sku"],
            "price": int(r["price"]),
            "starts_at": r.get("starts_at"),
            "ends_at": r.get("ends_at"),
            "member_only": int(bool(r.get("member_only", False))),
            "updated_at": now,
        }
        for r in upserts
    ]
    db = _db(conn)
    if rows:
        db["price_rules"].upsert_all(rows, pk="rule_id")
    for d in deletes:
        db["price_rules"].delete_where("rule_id = ?", [d])


def price_rules_for(conn: sqlite3.Connection, sku: str, at: str) -> list[dict[str, Any]]:
    """Rules for ``sku`` in force at ISO time ``at``."""
    rows = conn.execute(
        "SELECT rule_id, sku, price, starts_at, ends_at, member_only FROM price_rules WHERE sku = ?1 "
        "AND (starts_at IS NULL OR starts_at <= ?2) AND (ends_at IS NULL OR ends_at > ?2) ORDER BY price",
        (sku, at),
    ).fetchall()
    keys = ("rule_id", "sku", "price", "starts_at", "ends_at", "member_only")
    return [dict(zip(keys, r, strict=True)) | {"member_only": bool(r[5])} for r in rows]


def apply_promotions(
    conn: sqlite3.Connection, upserts: Sequence[Mapping[str, Any]], deletes: Sequence[str] = ()
) -> None:
    """Promotion dict: promo_id, kind, definition (dict), starts_at, ends_at, active."""
    if not conn.in_transaction:
        raise RuntimeError("promotions are applied inside a store.write transaction")
    now = now_iso()
    rows = [
        {
            "promo_id": p["promo_id"],
            "kind": p["kind"],
            "definition": dumps(p.get("definition", {})),
            "starts_at": p.get("starts_at"),
            "ends_at": p.get("ends_at"),
            "active": int(bool(p.get("active", True))),
            "updated_at": now,
        }
        for p in upserts
    ]
    db = _db(conn)
    if rows:
        db["promotions"].upsert_all(rows, pk="promo_id")
    for d in deletes:
        db["promotions"].delete_where("promo_id = ?", [d])


def active_promotions(conn: sqlite3.Connection, at: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT promo_id, kind, definition, starts_at, ends_at FROM promotions WHERE active "
        "AND (starts_at IS NULL OR starts_at <= ?1) AND (ends_at IS NULL OR ends_at > ?1) ORDER BY promo_id",
        (at,),
    ).fetchall()
    return [
        {"promo_id": r[0], "kind": r[1], "definition": loads(r[2]), "starts_at": r[3], "ends_at": r[4]}
        for r in rows
    ]
