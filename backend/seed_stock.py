"""Demo data for stock everywhere: where the demo's stores are and when they open, the warehouse, a
fashion range whose styles come in colours and sizes (variants side by side), stock in every store, and
deliveries on their way. `add_stores(store, n)` grows the chain (the stock benchmark's 50 stores).

Deterministic: the same seed gives the same figures. A few figures are set by hand so the demo shows the
endless aisle at once: the navy linen shirt in M is sold out here, and Riverside has the last one.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from backend import schema

WAREHOUSE = ("W01", "OMO Warehouse")
_CITY_HOURS = ["09:00-20:00"] * 5 + ["09:00-19:00", "11:00-18:00"]
_AIRPORT_HOURS = ["06:00-22:00"] * 7
# store id -> (kind, city, latitude, longitude, opening hours Monday..Sunday, time zone)
PLACES: dict[str, tuple[str, str, float, float, list[str], str]] = {
    "S001": ("store", "Dublin", 53.3438, -6.2546, _CITY_HOURS, "Europe/Dublin"),
    "S002": ("store", "Dublin", 53.3472, -6.2381, _CITY_HOURS, "Europe/Dublin"),
    "S003": ("store", "Dublin Airport", 53.4264, -6.2499, _AIRPORT_HOURS, "Europe/Dublin"),
    "W01": ("warehouse", "Ballycoolin", 53.4058, -6.3625, [""] * 7, "Europe/Dublin"),
}

# style, SKU code, price (minor units), colours; every colour in every size
FASHION = [
    ("OMO Linen Shirt", "LSH", 3999, ["White", "Navy", "Sage"]),
    ("OMO Merino Sweater", "MSW", 6999, ["Charcoal", "Oat"]),
    ("OMO Rain Jacket", "RJK", 8999, ["Yellow", "Black"]),
    ("OMO Chino Trousers", "CHN", 4999, ["Stone", "Navy"]),
]
SIZES = ["S", "M", "L", "XL"]
# (sku, store) -> units on hand, set by hand for the demo's story
STORY = {
    ("LSH-NAV-M", "S001"): 0,
    ("LSH-NAV-M", "S002"): 1,
    ("LSH-NAV-M", "S003"): 0,
    ("LSH-NAV-M", "W01"): 0,
    ("LSH-WHI-M", "S001"): 2,
}
STOCKED_PRODUCTS = 2000  # the catalog's first products have stock rows everywhere (the rest: none yet)


def _ean13(body12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def _apparel_tax() -> str:
    try:
        from sync import catalog_gen  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - the shared generator is always there in this repository
        return "STD"
    return catalog_gen.CATEGORIES["Apparel"][1]


def fashion() -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(product, variant) of every SKU of the fashion range."""
    tax = _apparel_tax()
    n = 0
    for style, code, price, colours in FASHION:
        for colour in colours:
            for position, size in enumerate(SIZES):
                n += 1
                sku = f"{code}-{colour[:3].upper()}-{size}"
                product = {
                    "sku": sku,
                    "name": f"{style} {colour} {size}",
                    "brand": "OMO",
                    "category": "Apparel",
                    "tax_code": tax,
                    "price": price,
                    "barcodes": [_ean13(f"499{n:09d}")],
                    "active": True,
                    "popularity": 40_000 + n,
                }
                yield (
                    product,
                    {"sku": sku, "style": style, "colour": colour, "size": size, "position": position},
                )


def seed_stores(conn: Connection) -> None:
    """Where the demo's stores are, when they open, and the warehouse."""
    s = schema.stores
    for store_id, (kind, city, lat, lon, hours, tz) in PLACES.items():
        values = {
            "kind": kind,
            "city": city,
            "latitude": lat,
            "longitude": lon,
            "opening_hours": json.dumps(hours),
            "timezone": tz,
        }
        if kind == "warehouse":
            conn.execute(sa.insert(s).values(store_id=store_id, name=WAREHOUSE[1], **values))
        else:
            conn.execute(sa.update(s).where(s.c.store_id == store_id).values(**values))


def seed_stock(conn: Connection, seed: int) -> None:
    """Variants of the fashion range, stock of the catalog's first products and the fashion range in
    every store and the warehouse, and deliveries on their way."""
    rnd = random.Random(seed * 7 + 18)
    p = schema.products
    known = set(conn.execute(sa.select(p.c.sku).where(p.c.brand == "OMO")).scalars())
    variants = [v for _p, v in fashion() if v["sku"] in known]  # the range, when it was seeded
    if variants:
        conn.execute(sa.insert(schema.product_variants), variants)
    skus = list(
        conn.execute(
            sa.select(p.c.sku)
            .where(~p.c.sku.in_([v["sku"] for v in variants]))
            .order_by(p.c.version)
            .limit(STOCKED_PRODUCTS)
        ).scalars()
    )
    skus += [v["sku"] for v in variants]
    stores = [
        r[0] for r in conn.execute(sa.select(schema.stores.c.store_id).order_by(schema.stores.c.store_id))
    ]
    # the products already stocked (seed_demo's own sample) keep their rows
    have = {(r[0], r[1]) for r in conn.execute(sa.select(schema.stock.c.sku, schema.stock.c.store_id))}
    at = "2026-11-23T06:00:00Z"
    rows = []
    for sku in skus:
        for store_id in stores:
            if (sku, store_id) in have:
                continue
            warehouse = store_id == WAREHOUSE[0]
            qty = STORY.get(
                (sku, store_id), rnd.randrange(0, 200) if warehouse else rnd.choice((0, 0, 1, 2, 3, 5, 8, 12))
            )
            rows.append({"store_id": store_id, "sku": sku, "available": qty, "updated_at": at})
    for i in range(0, len(rows), 5000):
        conn.execute(sa.insert(schema.stock), rows[i : i + 5000])
    if not variants:
        return
    today = datetime.now(UTC).date()
    deliveries = [
        {
            "store_id": "S001",
            "sku": "LSH-NAV-M",
            "qty": 6,
            "expected_on": (today + timedelta(days=3)).isoformat(),
        },
        {
            "store_id": "S001",
            "sku": "LSH-NAV-L",
            "qty": 4,
            "expected_on": (today + timedelta(days=3)).isoformat(),
        },
        {
            "store_id": "W01",
            "sku": "LSH-NAV-M",
            "qty": 40,
            "expected_on": (today + timedelta(days=5)).isoformat(),
        },
    ]
    conn.execute(sa.insert(schema.deliveries), deliveries)


def add_stores(conn: Connection, n: int, *, seed: int = 1, skus: list[str] | None = None) -> list[str]:
    """Grow the chain to `n` stores (the warehouse apart): new stores around the first, each with stock
    of `skus` (default: every SKU that has stock somewhere). Returns the new stores' ids."""
    rnd = random.Random(seed * 11 + n)
    s = schema.stores
    existing = [r[0] for r in conn.execute(sa.select(s.c.store_id).where(s.c.kind == "store"))]
    if skus is None:
        skus = list(conn.execute(sa.select(schema.stock.c.sku).distinct()).scalars())
    made = []
    for i in range(len(existing) + 1, n + 1):
        store_id = f"S{i:03d}"
        lat, lon = 53.35 + rnd.uniform(-1.5, 1.5), -6.26 + rnd.uniform(-2.5, 2.5)
        conn.execute(
            sa.insert(s).values(
                store_id=store_id,
                name=f"OMO Store {i}",
                kind="store",
                city=f"Town {i}",
                latitude=round(lat, 4),
                longitude=round(lon, 4),
                opening_hours=json.dumps(_CITY_HOURS),
                timezone="Europe/Dublin",
            )
        )
        made.append(store_id)
        rows = [
            {
                "store_id": store_id,
                "sku": sku,
                "available": rnd.choice((0, 1, 2, 3, 5, 8)),
                "updated_at": "2026-11-23T06:00:00Z",
            }
            for sku in skus
        ]
        for j in range(0, len(rows), 5000):
            conn.execute(sa.insert(schema.stock), rows[j : j + 5000])
    return made


__all__ = ["FASHION", "PLACES", "SIZES", "WAREHOUSE", "add_stores", "fashion", "seed_stock", "seed_stores"]
