"""Demo data for the reference backend: stores, members, online orders, shared carts, promotions and a
catalog.

The catalog comes from `products(n, seed)`, the one switch point for the shared catalog generator
(`sync/catalog_gen.py`, the store's): when that module is importable its generator is used so the till and
the backend see the same products; otherwise a deterministic local generator stands in.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from backend import db

DEMO_STORE = "store-001"
STORES = [("store-001", "OMO Flagship"), ("store-002", "OMO Riverside"), ("store-003", "OMO Airport")]

# (member_no, first name, last initial, tier, marketing, personalisation, receipts, points)
MEMBERS = [
    (1001, "Aiko", "T", "gold", 1, 1, 1, 2500),
    (1002, "Ben", "M", "silver", 0, 1, 0, 800),
    (1003, "Chloé", "D", "basic", 0, 0, 0, 0),
    (1004, "Dmitri", "K", "platinum", 1, 1, 1, 12000),
    (1005, "Eva", "S", "basic", 1, 0, 1, 150),
]

_BRANDS = ["Acme", "Borealis", "Cobalt", "Dune", "Ember", "Fjord", "Garnet", "Helix", "Indigo", "Juniper"]
_CATS = ["Shirts", "Trousers", "Shoes", "Bags", "Hats", "Socks", "Jackets", "Dresses", "Belts", "Scarves"]
_NOUNS = ["Tee", "Chino", "Sneaker", "Tote", "Cap", "Sock", "Parka", "Dress", "Belt", "Scarf"]
_ADJ = ["Classic", "Slim", "Organic", "Linen", "Merino", "Cotton", "Recycled", "Travel", "Summer", "Winter"]
_TAX = ["STD", "STD", "STD", "RED"]


def _ean13(n: int) -> str:
    digits = f"20{n:010d}"[-12:]
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


def local_products(n: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    rnd = random.Random(seed)
    for i in range(1, n + 1):
        k = rnd.randrange(10)
        yield {
            "sku": f"SKU{i:07d}",
            "name": f"{_ADJ[rnd.randrange(10)]} {_NOUNS[k]} {rnd.choice('SMLX')}{i % 97}",
            "brand": _BRANDS[rnd.randrange(10)],
            "category": _CATS[k],
            "tax_code": _TAX[rnd.randrange(4)],
            "price": rnd.randrange(100, 20000, 5),
            "barcodes": [_ean13(i)],
            "active": True,
            "popularity": rnd.randrange(100000),
        }


def products(n: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """The catalog generator (switch point): the shared sync/catalog_gen.py when present, else local."""
    try:
        from sync import catalog_gen  # type: ignore[attr-defined]
    except ImportError:
        return local_products(n, seed)
    return catalog_gen.generate(n, seed)


def upsert_products(conn: sqlite3.Connection, items: Iterable[dict[str, Any]], *, chunk: int = 20000) -> int:
    """Insert or update products, each taking a new change version. Runs its own transactions."""
    count = 0
    buf: list[dict[str, Any]] = []

    def flush() -> None:
        with db.immediate(conn):
            first = db.next_counter(conn, "catalog_version", len(buf))
            conn.executemany(
                "INSERT INTO products(sku, name, brand, category, tax_code, price, barcodes,"
                " active, popularity,"
                " deleted, version) VALUES (?,?,?,?,?,?,?,?,?,0,?) ON CONFLICT(sku) DO UPDATE SET "
                "name=excluded.name, brand=excluded.brand, category=excluded.category,"
                " tax_code=excluded.tax_code,"
                " price=excluded.price, barcodes=excluded.barcodes, active=excluded.active,"
                " popularity=excluded.popularity, deleted=0, version=excluded.version",
                [
                    (
                        p["sku"],
                        p["name"],
                        p["brand"],
                        p["category"],
                        p["tax_code"],
                        int(p["price"]),
                        json.dumps(list(p["barcodes"])),
                        1 if p["active"] else 0,
                        int(p["popularity"]),
                        first + i,
                    )
                    for i, p in enumerate(buf)
                ],
            )

    for p in items:
        buf.append(p)
        if len(buf) >= chunk:
            flush()
            count += len(buf)
            buf = []
    if buf:
        flush()
        count += len(buf)
    return count


def delete_products(conn: sqlite3.Connection, skus: list[str]) -> None:
    with db.immediate(conn):
        first = db.next_counter(conn, "catalog_version", len(skus))
        conn.executemany(
            "UPDATE products SET deleted = 1, version = ? WHERE sku = ?",
            [(first + i, sku) for i, sku in enumerate(skus)],
        )


def seed_demo(conn: sqlite3.Connection, *, products_count: int = 2000, seed: int = 1) -> None:
    """Seed an empty backend. Does nothing when members already exist."""
    if conn.execute("SELECT 1 FROM members LIMIT 1").fetchone():
        return
    upsert_products(conn, products(max(products_count, 40), seed))  # orders, carts need some products
    sample = conn.execute(
        "SELECT sku, name, price, tax_code FROM products ORDER BY version LIMIT 40"
    ).fetchall()
    rnd = random.Random(seed)
    with db.immediate(conn):
        conn.executemany("INSERT INTO stores(store_id, name) VALUES (?, ?)", STORES)
        for m in MEMBERS:
            conn.execute(
                "INSERT INTO members(member_no, first_name, last_initial, tier, consent_marketing,"
                " consent_personalisation, consent_receipts) VALUES (?,?,?,?,?,?,?)",
                m[:7],
            )
            if m[7]:
                conn.execute(
                    "INSERT INTO events(event_id, type, till_id, occurred_at, payload, received_at) "
                    "VALUES (?, 'seed', 'backend', '2026-01-01T00:00:00Z', '{}', 0)",
                    (f"seed-{m[0]}",),
                )
                conn.execute(
                    "INSERT INTO points_ledger(event_id, programme, member_no, delta, created_at)"
                    " VALUES (?, 'main', ?, ?, 0)",
                    (f"seed-{m[0]}", m[0], m[7]),
                )
            conn.execute(
                "INSERT INTO member_coupons(member_no, code, title, percent_off_bp, amount_off, expires_at)"
                " VALUES (?, ?, ?, ?, NULL, '2027-12-31T23:59:59Z')",
                (m[0], f"WELCOME{m[0]}", "10 % off your next visit", 1000),
            )
            for j in range(3):
                sku, name, *_ = sample[(m[0] + j * 7) % len(sample)]
                conn.execute(
                    "INSERT INTO member_views(member_no, sku, name, viewed_at) VALUES (?,?,?,?)",
                    (m[0], sku, name, f"2026-11-2{j}T18:0{j}:00Z"),
                )
        # online orders: 500001.. ready for pickup, 600001.. delivered (returnable)
        for idx, (member_no, *_rest) in enumerate(MEMBERS):
            for base, status in ((500001, "ready_for_pickup"), (600001, "delivered")):
                order_no = str(base + idx)
                lines = [sample[(idx * 5 + k) % len(sample)] for k in range(1 + idx % 3)]
                rows = []
                total = 0
                for ln, (sku, name, price, tax_code) in enumerate(lines, start=1):
                    qty = 1 + (ln % 2)
                    paid = price * qty
                    total += paid
                    rows.append((order_no, ln, sku, name, qty, price, paid, tax_code))
                conn.execute(
                    "INSERT INTO orders(order_no, status, placed_at, currency, member_no, pickup_store_id,"
                    " customer_display_name, total, tenders) VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        order_no,
                        status,
                        f"2026-11-{10 + idx:02d}T12:00:00Z",
                        "EUR",
                        member_no,
                        DEMO_STORE if status == "ready_for_pickup" else None,
                        f"{_rest[0]} {_rest[1]}.",
                        total,
                        json.dumps([{"method": "card", "amount": total, "reference": f"pi_demo_{order_no}"}]),
                    ),
                )
                conn.executemany(
                    "INSERT INTO order_lines(order_no, line_no, sku, name, qty, unit_price,"
                    " paid_amount, tax_code)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    rows,
                )
            cart_lines = [{"sku": s[0], "qty": 1, "name": s[1]} for s in sample[idx : idx + 3]]
            conn.execute(
                "INSERT INTO carts(cart_id, member_no, shared_at, lines, coupons) VALUES (?,?,?,?,?)",
                (f"C{member_no}", member_no, "2026-11-23T09:00:00Z", json.dumps(cart_lines), "[]"),
            )
        conn.execute(
            "INSERT INTO promotions(promo_id, body) VALUES (?, ?)",
            (
                "P1",
                json.dumps(
                    {
                        "promo_id": "P1",
                        "title": "20 % off scarves",
                        "kind": "percent_off",
                        "value": 2000,
                        "skus": [s[0] for s in sample[:5]],
                        "starts_at": "2026-11-01T00:00:00Z",
                        "ends_at": "2026-12-31T23:59:59Z",
                        "members_only": False,
                    }
                ),
            ),
        )
        for sku, *_ in sample:
            for store_id, _name in STORES:
                conn.execute(
                    "INSERT INTO stock(store_id, sku, available, updated_at) VALUES (?,?,?,?)",
                    (store_id, sku, rnd.randrange(0, 30), "2026-11-23T06:00:00Z"),
                )
