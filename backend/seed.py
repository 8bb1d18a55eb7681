"""Demo data for the reference backend: stores, members, online orders, shared carts, promotions and a
catalog.

The catalog comes from `products(n, seed)`, the one switch point for the shared catalog generator
(`sync/catalog_gen.py`, the store's): when that module is importable its generator is used so the till and
the backend see the same products; otherwise a deterministic local generator stands in.
"""

from __future__ import annotations

import base64
import json
import random
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from backend import db, schema, seed_stock
from backend.returns import email_digest
from backend.store import Store

DEMO_STORE = "S001"  # the till's default store.id: the demo till is in the flagship store
STORES = [("S001", "OMO Flagship"), ("S002", "OMO Riverside"), ("S003", "OMO Airport")]
CARD_LAST4 = ("4242", "0005", "4444", "1881", "5556")  # the cards that paid the demo's online orders
PICKUP_HOLD_DAYS = 7  # how long an order waits on the pickup shelf


def demo_email(first_name: str, last_initial: str) -> str:
    """A demo member's e-mail address (the check an order can be shown with)."""
    return f"{first_name.lower()}.{last_initial.lower()}@example.com"


# (member_no, first name, last initial, tier, marketing, personalisation, receipts, points)
MEMBERS = [
    (1001, "Aiko", "T", "gold", 1, 1, 1, 2500),
    (1002, "Ben", "M", "silver", 0, 1, 0, 800),
    (1003, "Chloé", "D", "basic", 0, 0, 0, 0),
    (1004, "Dmitri", "K", "platinum", 1, 1, 1, 12000),
    (1005, "Eva", "S", "basic", 1, 0, 1, 150),
]
# what the member search finds them by (never in a profile): last name, e-mail, phone digits
CONTACTS = {
    1001: ("Tanaka", "aiko.tanaka@example.com", "353871234567"),
    1002: ("Murphy", "ben.murphy@example.com", "353861112233"),
    1003: ("Dubois", "chloe.dubois@example.com", "33612345678"),
    1004: ("Kuznetsov", "dmitri.k@example.com", "353879998877"),
    1005: ("Schmidt", "eva.schmidt@example.com", "4915112345678"),
}
APP_ONLY_SKU = "APP-ONLY-0001"  # in the demo's shared cart: sold online, unknown in the shop

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


def _upsert(conn: Connection) -> Any:
    t = schema.products
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(t)
    cols = ("name", "brand", "category", "tax_code", "price", "barcodes", "active", "popularity", "version")
    return stmt.on_conflict_do_update(
        index_elements=["sku"], set_={c: stmt.excluded[c] for c in cols} | {"deleted": False}
    )


def upsert_products(store: Store, items: Iterable[dict[str, Any]], *, chunk: int = 20000) -> int:
    """Insert or update products, each taking a new change version. Runs its own transactions."""
    count = 0
    buf: list[dict[str, Any]] = []

    def flush(conn: Connection) -> None:
        first = db.next_counter(conn, "catalog_version", len(buf))
        conn.execute(
            _upsert(conn),
            [
                {
                    "sku": p["sku"],
                    "name": p["name"],
                    "brand": p["brand"],
                    "category": p["category"],
                    "tax_code": p["tax_code"],
                    "price": int(p["price"]),
                    "barcodes": json.dumps(list(p["barcodes"])),
                    "active": bool(p["active"]),
                    "popularity": int(p["popularity"]),
                    "deleted": False,
                    "version": first + i,
                }
                for i, p in enumerate(buf)
            ],
        )

    for p in items:
        buf.append(p)
        if len(buf) >= chunk:
            store.write(flush)
            count += len(buf)
            buf = []
    if buf:
        store.write(flush)
        count += len(buf)
    return count


def delete_products(store: Store, skus: list[str]) -> None:
    t = schema.products

    def run(conn: Connection) -> None:
        first = db.next_counter(conn, "catalog_version", len(skus))
        conn.execute(
            sa.update(t).where(t.c.sku == sa.bindparam("k")).values(deleted=True, version=sa.bindparam("v")),
            [{"k": sku, "v": first + i} for i, sku in enumerate(skus)],
        )

    store.write(run)


def seed_demo(
    store: Store, *, products_count: int = 2000, seed: int = 1, fashion: bool = False, here: str = DEMO_STORE
) -> None:
    """Seed an empty backend. Does nothing when members already exist. `fashion`: the demo's fashion range
    too (styles in colours and sizes, backend/seed_stock.py), beside the `products_count` products.
    ``here``: the id of the demo till's store (the first of the three)."""
    with store.read_connection() as conn:
        if conn.execute(sa.select(schema.members.c.member_no).limit(1)).first():
            return
    upsert_products(store, products(max(products_count, 40), seed))  # orders, carts need some products
    if fashion:
        upsert_products(store, (p for p, _variant in seed_stock.fashion()))
    store.write(lambda conn: _seed_rest(conn, seed, here))


def _seed_rest(conn: Connection, seed: int, here: str = DEMO_STORE) -> None:
    t = schema
    if conn.execute(sa.select(t.members.c.member_no).limit(1)).first():
        return  # another process seeded it meanwhile
    p = t.products
    sample = conn.execute(
        sa.select(p.c.sku, p.c.name, p.c.price, p.c.tax_code).order_by(p.c.version).limit(40)
    ).all()
    rnd = random.Random(seed)
    stores = [(here, STORES[0][1]), *STORES[1:]]
    conn.execute(sa.insert(t.stores), [{"store_id": s, "name": n} for s, n in stores])
    for m in MEMBERS:
        last, email, phone = CONTACTS[m[0]]
        conn.execute(
            sa.insert(t.members).values(
                member_no=m[0],
                first_name=m[1],
                last_initial=m[2],
                tier=m[3],
                consent_marketing=bool(m[4]),
                consent_personalisation=bool(m[5]),
                consent_receipts=bool(m[6]),
                last_name=last,
                email=email,
                phone=phone,
            )
        )
        if m[7]:
            conn.execute(
                sa.insert(t.events).values(
                    event_id=f"seed-{m[0]}",
                    type="seed",
                    till_id="backend",
                    occurred_at="2026-01-01T00:00:00Z",
                    payload="{}",
                    received_at=0,
                )
            )
            conn.execute(
                sa.insert(t.points_ledger).values(
                    event_id=f"seed-{m[0]}", programme="main", member_no=m[0], delta=m[7], created_at=0
                )
            )
        conn.execute(
            sa.insert(t.member_coupons).values(
                member_no=m[0],
                code=f"WELCOME{m[0]}",
                title="10 % off your next visit",
                percent_off_bp=1000,
                amount_off=None,
                expires_at="2027-12-31T23:59:59Z",
            )
        )
        if m[0] == 1001:
            conn.execute(
                sa.insert(t.member_coupons).values(
                    member_no=m[0],
                    code=f"FIVE{m[0]}",
                    title="5.00 off a basket",
                    percent_off_bp=None,
                    amount_off=500,
                    expires_at="2027-06-30T23:59:59Z",
                )
            )
        for j in range(3):
            sku, name, *_ = sample[(m[0] + j * 7) % len(sample)]
            conn.execute(
                sa.insert(t.member_views).values(
                    member_no=m[0], sku=sku, name=name, viewed_at=f"2026-11-2{j}T18:0{j}:00Z"
                )
            )
    # online orders: 500001.. ready for pickup (put on the shelf 1-5 days ago; the last one 9 days ago, so
    # it was not collected in time), 600001.. delivered (returnable)
    today = datetime.now(UTC).replace(microsecond=0)
    for idx, (member_no, *_rest) in enumerate(MEMBERS):
        for base, status in ((500001, "ready_for_pickup"), (600001, "delivered")):
            order_no = str(base + idx)
            pickup = status == "ready_for_pickup"
            lines = [sample[(idx * 5 + k) % len(sample)] for k in range(1 + idx % 3)]
            rows = []
            total = 0
            for ln, (sku, name, price, tax_code) in enumerate(lines, start=1):
                qty = 1 + (ln % 2)
                paid = price * qty
                total += paid
                rows.append(
                    {
                        "order_no": order_no,
                        "line_no": ln,
                        "sku": sku,
                        "name": name,
                        "qty": qty,
                        "unit_price": price,
                        "paid_amount": paid,
                        "tax_code": tax_code,
                    }
                )
            ready = today - timedelta(days=9 if idx == len(MEMBERS) - 1 else idx + 1, hours=3 * idx)
            conn.execute(
                sa.insert(t.orders).values(
                    order_no=order_no,
                    status=status,
                    # the pickup ordered last week, the delivered order a month before it
                    placed_at=f"2026-{11 if pickup else 10}-{10 + idx:02d}T12:00:00Z",
                    currency="EUR",
                    member_no=member_no,
                    pickup_store_id=DEMO_STORE if pickup else None,
                    customer_display_name=f"{_rest[0]} {_rest[1]}.",
                    total=total,
                    tenders=json.dumps(
                        [{"method": "card", "amount": total, "reference": f"pi_demo_{order_no}"}]
                    ),
                    # what the customer can tell the store: the e-mail (and card_last4, the card that paid)
                    check_email_sha256=email_digest(demo_email(_rest[0], _rest[1])),
                    qr_secret=base64.urlsafe_b64encode(rnd.randbytes(12)).decode("ascii"),
                    points_earned=total // 100,
                    ready_at=_iso(ready) if pickup else None,
                    collect_by=_iso(ready + timedelta(days=PICKUP_HOLD_DAYS)) if pickup else None,
                    shelf=f"P-{idx + 1:02d}" if pickup else None,
                    pickup_code=f"{rnd.randrange(10**6):06d}" if pickup else None,
                    card_last4=CARD_LAST4[idx % len(CARD_LAST4)],
                )
            )
            conn.execute(sa.insert(t.order_lines), rows)
        cart_lines = [
            {"sku": s[0], "qty": 1, "name": s[1], "unit_price": s[2]} for s in sample[idx : idx + 3]
        ]
        if idx == 0:  # the demo's cart to load: one repriced in the shop, one sold out here, one app-only
            cart_lines[0]["unit_price"] = max(0, cart_lines[0]["unit_price"] - 100)
            cart_lines.append(
                {"sku": sample[39][0], "qty": 2, "name": sample[39][1], "unit_price": sample[39][2]}
            )
            cart_lines.append(
                {"sku": APP_ONLY_SKU, "qty": 1, "name": "Gift wrap (app only)", "unit_price": 350}
            )
        conn.execute(
            sa.insert(t.carts).values(
                cart_id=f"C{member_no}",
                member_no=member_no,
                shared_at="2026-11-23T09:00:00Z",
                lines=json.dumps(cart_lines),
                coupons="[]",
                currency="EUR",
            )
        )
    # online orders of other customers: what baskets the suggestions learn from (deterministic)
    for n in range(40):
        order_no = str(650001 + n)  # below the tills' own orders (backend.stock.FIRST_ORDER_NO)
        picks = sorted({(n * 3 + k * 7) % 24 for k in range(2 + n % 2)})
        rows = [
            {
                "order_no": order_no,
                "line_no": ln,
                "sku": sample[i][0],
                "name": sample[i][1],
                "qty": 1,
                "unit_price": sample[i][2],
                "paid_amount": sample[i][2],
                "tax_code": sample[i][3],
            }
            for ln, i in enumerate(picks, start=1)
        ]
        total = sum(r["paid_amount"] for r in rows)
        conn.execute(
            sa.insert(t.orders).values(
                order_no=order_no,
                status="delivered",
                placed_at=f"2026-10-{1 + n % 28:02d}T10:00:00Z",
                currency="EUR",
                member_no=None,
                pickup_store_id=None,
                customer_display_name="Guest",
                total=total,
                tenders=json.dumps([{"method": "card", "amount": total, "reference": f"pi_demo_{order_no}"}]),
            )
        )
        conn.execute(sa.insert(t.order_lines), rows)
    conn.execute(
        sa.insert(t.promotions).values(
            promo_id="P1",
            body=json.dumps(
                {
                    "promo_id": "P1",
                    "title": "Members: 20 % off five favourites",
                    "kind": "percent_off",
                    "value": 2000,
                    "skus": [s[0] for s in sample[:5]],
                    "starts_at": "2026-11-01T00:00:00Z",
                    "ends_at": "2026-12-31T23:59:59Z",
                    "members_only": True,
                }
            ),
        )
    )
    conn.execute(
        sa.insert(t.stock),
        [
            {
                "store_id": store_id,
                "sku": sku,
                # the demo cart's second-to-last line is sold out here; the rest is in stock here
                "available": 0
                if (store_id == here and sku == sample[39][0])
                else rnd.randrange(1 if store_id == here else 0, 30),
                "updated_at": "2026-11-23T06:00:00Z",
            }
            for sku, *_ in sample
            for store_id, _name in stores
        ],
    )
    seed_stock.seed_stores(conn)
    seed_stock.seed_stock(conn, seed)


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")
