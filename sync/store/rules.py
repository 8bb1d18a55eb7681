"""Price rules and promotions pulled from the backend (applied by the sync engine, one page per
transaction, like ``catalog.apply_changes``). The domain interprets them; the store only keeps them."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from sync.store.util import dumps, loads, now_iso


def apply_price_rules(
    conn: sqlite3.Connection, upserts: Sequence[Mapping[str, Any]], deletes: Sequence[str] = ()
) -> None:
    """Rule dict: rule_id, sku, price (minor units), starts_at, ends_at (ISO or None), member_only."""
    now = now_iso()
    conn.executemany(
        "INSERT INTO price_rules (rule_id, sku, price, starts_at, ends_at, member_only, updated_at) "
        "VALUES (?,?,?,?,?,?,?) ON CONFLICT (rule_id) DO UPDATE SET sku = excluded.sku, "
        "price = excluded.price, starts_at = excluded.starts_at, ends_at = excluded.ends_at, "
        "member_only = excluded.member_only, "
        "updated_at = excluded.updated_at",
        [
            (
                r["rule_id"],
                r["sku"],
                int(r["price"]),
                r.get("starts_at"),
                r.get("ends_at"),
                int(bool(r.get("member_only", False))),
                now,
            )
            for r in upserts
        ],
    )
    conn.executemany("DELETE FROM price_rules WHERE rule_id = ?", [(d,) for d in deletes])


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
    now = now_iso()
    conn.executemany(
        "INSERT INTO promotions (promo_id, kind, definition, starts_at, ends_at, active, updated_at) "
        "VALUES (?,?,?,?,?,?,?) ON CONFLICT (promo_id) DO UPDATE SET kind = excluded.kind, "
        "definition = excluded.definition, starts_at = excluded.starts_at, ends_at = excluded.ends_at, "
        "active = excluded.active, updated_at = excluded.updated_at",
        [
            (
                p["promo_id"],
                p["kind"],
                dumps(p.get("definition", {})),
                p.get("starts_at"),
                p.get("ends_at"),
                int(bool(p.get("active", True))),
                now,
            )
            for p in upserts
        ],
    )
    conn.executemany("DELETE FROM promotions WHERE promo_id = ?", [(d,) for d in deletes])


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
