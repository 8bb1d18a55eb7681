"""Stock everywhere, on either engine (SQLAlchemy Core, in the caller's transaction from backend.store).

Every store and warehouse keeps its units on hand (`stock.available`): a sale takes them down at the till's
store, a resellable return and a received delivery put them back. What can still be promised is on hand
minus the active holds (`holds`): a reservation until its time runs out, an order placed at a till until its
pay-by time, a paid order until it is sent. A hold is taken with the stock row locked (`SELECT ... FOR
UPDATE` on PostgreSQL; on SQLite the write transaction holds the lock) and only when what is left covers it,
so two tills (or a till and the web shop) asking for the last unit at once: one gets it, the other is told
`out_of_stock`. A hold past its `expires_at` no longer counts; nothing has to sweep it.

Orders placed at a till (the endless aisle) wait for their sale: the `sale.completed` event whose line names
the order makes it paid (its hold then lasts until it is sent), with the amounts the till charged. A
reservation is collected by a sale at its store, whose line names it: that store's stock goes down and the
hold ends. A sale's event is never refused for its order: the money was taken. If the order's hold ran out
and its stock went elsewhere meanwhile, the order is `out_of_stock` and the till offers the alternatives.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from backend.schema import (
    deliveries,
    devices,
    holds,
    member_events,
    order_lines,
    orders,
    product_variants,
    products,
    stock,
    stores,
)
from pos.money import allocate_minor
from pos.stock import distance_km, ready_on

log = logging.getLogger("omo.backend.stock")

ORDER_PAY_BY_S = 30 * 60  # an order placed at a till is held this long for its sale to arrive
FIRST_ORDER_NO = 700_000  # orders placed by tills are numbered from 700001 (the web shop's are below)
MAX_VARIANTS = 60


class Refused(Exception):
    """The request is not done; nothing was written (the transaction rolls back). Becomes the HTTP error."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def iso(ts: float) -> str:
    """UNIX seconds as the contract's timestamp (UTC, seconds)."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _insert(conn: Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def device_store(conn: Connection, till_id: str) -> str | None:
    """The store a till is registered to (its sales take that store's stock)."""
    return conn.execute(sa.select(devices.c.store_id).where(devices.c.till_id == till_id)).scalar()


def _active(now: float) -> Any:
    """Holds that count at `now`."""
    return sa.and_(holds.c.state == "held", sa.or_(holds.c.expires_at.is_(None), holds.c.expires_at > now))


# ------------------------------------------------------------------------------------------ reading


def _stores(conn: Connection) -> dict[str, Any]:
    s = stores.c
    rows = conn.execute(
        sa.select(s.store_id, s.name, s.kind, s.city, s.latitude, s.longitude, s.opening_hours, s.timezone)
    ).all()
    return {r[0]: r for r in rows}


def _hours(text: str) -> list[str]:
    try:
        hours = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(h) for h in hours] if isinstance(hours, list) and len(hours) == 7 else []


def look_up(conn: Connection, sku: str, near: str | None, now: float) -> dict[str, Any] | None:
    """The contract's StockList for `sku` (None: no such product): every store and warehouse, nearest to
    `near` first; on hand, held and what can be promised; deliveries on their way; the style's variants."""
    p, v = products, product_variants
    row = conn.execute(sa.select(p.c.name).where(p.c.sku == sku, ~p.c.deleted)).first()
    if row is None:
        return None
    style = conn.execute(sa.select(v.c.style).where(v.c.sku == sku)).scalar()
    variants: list[Any] = []
    if style is not None:
        variants = conn.execute(
            sa.select(v.c.sku, p.c.name, v.c.colour, v.c.size)
            .join_from(v, p, p.c.sku == v.c.sku)
            .where(v.c.style == style, ~p.c.deleted)
            .order_by(v.c.colour, v.c.position, v.c.sku)
            .limit(MAX_VARIANTS)
        ).all()
    skus = sorted({sku, *(r[0] for r in variants)})
    every = _stores(conn)
    on_hand: dict[tuple[str, str], tuple[int, str]] = {
        (r[0], r[1]): (r[2], r[3])
        for r in conn.execute(
            sa.select(stock.c.sku, stock.c.store_id, stock.c.available, stock.c.updated_at).where(
                stock.c.sku.in_(skus)
            )
        )
    }
    held: dict[tuple[str, str], int] = {
        (r[0], r[1]): int(r[2])
        for r in conn.execute(
            sa.select(holds.c.sku, holds.c.store_id, sa.func.sum(holds.c.qty))
            .where(holds.c.sku.in_(skus), _active(now))
            .group_by(holds.c.sku, holds.c.store_id)
        )
    }
    incoming: dict[str, list[dict[str, Any]]] = {}
    for store_id, qty, expected in conn.execute(
        sa.select(deliveries.c.store_id, deliveries.c.qty, deliveries.c.expected_on)
        .where(deliveries.c.sku == sku, ~deliveries.c.received)
        .order_by(deliveries.c.expected_on, deliveries.c.id)
    ):
        incoming.setdefault(store_id, []).append({"qty": qty, "expected_on": expected})

    def free(item: str, store_id: str) -> tuple[int, int, int, str | None]:
        hand, updated = on_hand.get((item, store_id), (0, None))
        h = held.get((item, store_id), 0)
        return max(0, hand - h), hand, h, updated

    here = every.get(near) if near else None
    origin = None if here is None or here[4] is None else (here[4], here[5])
    bodies = []
    for store_id, r in every.items():
        available, hand, h, updated = free(sku, store_id)
        place = None if r[4] is None or r[5] is None else (r[4], r[5])
        bodies.append(
            {
                "store_id": store_id,
                "store_name": r[1],
                "available": available,
                "updated_at": updated,
                "kind": r[2],
                "on_hand": hand,
                "held": h,
                "city": r[3],
                "distance_km": 0.0 if store_id == near else distance_km(origin, place),
                "opening_hours": _hours(r[6]),
                "timezone": r[7],
                "incoming": incoming.get(store_id, []),
            }
        )

    def order(b: dict[str, Any]) -> tuple[int, float, str]:
        if b["store_id"] == near:
            return (0, 0.0, b["store_id"])
        d = b["distance_km"]
        return (1 if b["kind"] == "store" else 2, float("inf") if d is None else d, b["store_id"])

    bodies.sort(key=order)
    variant_bodies = []
    for v_sku, v_name, colour, size in variants:
        here_free = free(v_sku, near)[0] if here is not None else None
        shops = sum(free(v_sku, s)[0] for s, r in every.items() if r[2] == "store" and s != near)
        houses = sum(free(v_sku, s)[0] for s, r in every.items() if r[2] == "warehouse")
        variant_bodies.append(
            {
                "sku": v_sku,
                "name": v_name,
                "colour": colour,
                "size": size,
                "here": here_free,
                "elsewhere": shops,
                "warehouse": houses,
            }
        )
    return {
        "sku": sku,
        "name": row[0],
        "as_of": iso(now),
        "store_id": near if here is not None else None,
        "stores": bodies,
        "variants": variant_bodies,
    }


# ------------------------------------------------------------------------------------------ moving


def move(conn: Connection, store_id: str | None, changes: dict[str, int], at: str) -> None:
    """Units on hand at `store_id` change by `changes[sku]` (a sale: negative; a return: positive). A store
    the backend does not know is skipped (logged); on hand may go below zero when a till sold more than the
    backend knew of (the stock view shows it, nothing hides it)."""
    changes = {sku: q for sku, q in changes.items() if q}
    if not store_id or not changes:
        return
    if conn.execute(sa.select(stores.c.store_id).where(stores.c.store_id == store_id)).first() is None:
        log.warning("stock of unknown store %r not moved (%d items)", store_id, len(changes))
        return
    stmt = _insert(conn)(stock)
    stmt = stmt.on_conflict_do_update(
        index_elements=["sku", "store_id"],
        set_={
            "available": stock.c.available + stmt.excluded.available,
            "updated_at": stmt.excluded.updated_at,
        },
    )
    conn.execute(
        stmt,
        [
            {"store_id": store_id, "sku": s, "available": q, "updated_at": at}
            for s, q in sorted(changes.items())
        ],
    )


def _take_hold(
    conn: Connection,
    order_no: str,
    line_no: int,
    store_id: str,
    sku: str,
    qty: int,
    expires_at: float | None,
    now: float,
) -> int | None:
    """Hold `qty` of `sku` at `store_id` for the order line, under the stock row's lock: None when held,
    else what could still be promised there (less than `qty`)."""
    hand = conn.execute(
        sa.select(stock.c.available).where(stock.c.sku == sku, stock.c.store_id == store_id).with_for_update()
    ).scalar()
    held = conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(holds.c.qty), 0)).where(
            holds.c.sku == sku,
            holds.c.store_id == store_id,
            _active(now),
            sa.not_(sa.and_(holds.c.order_no == order_no, holds.c.line_no == line_no)),
        )
    ).scalar_one()
    left = max(0, (hand or 0) - int(held))
    if left < qty:
        return left
    values = {"store_id": store_id, "sku": sku, "qty": qty, "state": "held", "expires_at": expires_at}
    stmt = _insert(conn)(holds).values(order_no=order_no, line_no=line_no, created_at=now, **values)
    conn.execute(stmt.on_conflict_do_update(index_elements=["order_no", "line_no"], set_=values))
    return None


def _store_row(conn: Connection, store_id: str) -> Any:
    row = _stores(conn).get(store_id)
    if row is None:
        raise Refused(404, "not_found", f"no store {store_id}")
    return row


def _product(conn: Connection, sku: str) -> Any:
    p = products.c
    row = conn.execute(
        sa.select(p.name, p.price, p.tax_code, p.active).where(p.sku == sku, ~products.c.deleted)
    ).first()
    if row is None or not row[3]:
        raise Refused(404, "not_found", f"no product {sku} for sale")
    return row


def _member_event(
    conn: Connection, member_no: int | None, kind: str, order_no: str, body: dict, now: float
) -> None:
    if member_no is not None:
        conn.execute(
            sa.insert(member_events).values(
                member_no=member_no, kind=kind, order_no=order_no, body=json.dumps(body), created_at=now
            )
        )


def _next_order_no(conn: Connection) -> str:
    from backend.db import next_counter

    return str(FIRST_ORDER_NO + next_counter(conn, "till_order_no"))


def _text(value: Any, name: str, limit: int) -> str:
    """A person's text from a request, without control characters (PostgreSQL stores no NUL); 400 when
    nothing is left."""
    text = "".join(ch for ch in str(value or "") if ch >= " ").strip()[:limit]
    if not text:
        raise Refused(400, "invalid_request", f"{name} is empty")
    return text


def _same_request(
    conn: Connection, request_id: str, fulfilment: str, source: str, lines: list[dict]
) -> str | None:
    """The order an earlier identical request placed (a retry), or None; 409 when the id was used for
    another request."""
    row = conn.execute(
        sa.select(orders.c.order_no, orders.c.fulfilment, orders.c.source_store_id).where(
            orders.c.request_id == request_id
        )
    ).first()
    if row is None:
        return None
    placed = [
        {"sku": r[0], "qty": r[1]}
        for r in conn.execute(
            sa.select(order_lines.c.sku, order_lines.c.qty)
            .where(order_lines.c.order_no == row[0])
            .order_by(order_lines.c.line_no)
        )
    ]
    asked = [{"sku": ln["sku"], "qty": ln["qty"]} for ln in lines]
    if (row[1], row[2], placed) != (fulfilment, source, asked):
        raise Refused(409, "order_conflict", "this request id was used for another order")
    return row[0]


def _out_of_stock(store: Any, sku: str, name: str, left: int, qty: int) -> Refused:
    where = f"{store[1]} ({store[0]})"
    if left == 0:
        return Refused(409, "out_of_stock", f"{name} ({sku}): none left to promise at {where}")
    return Refused(
        409, "out_of_stock", f"{name} ({sku}): only {left} left to promise at {where}, {qty} asked"
    )


def new_qr_secret() -> str:
    """The secret half of an order's QR code (`OMO:ORDER:<no>.<secret>`): 16 URL-safe characters."""
    return secrets.token_urlsafe(12)


def order_qr_text(conn: Connection, order_no: str) -> str:
    """The order's QR code: with its secret (whoever scans it sees the order in full), or the number alone
    for an order that has none."""
    secret = conn.execute(sa.select(orders.c.qr_secret).where(orders.c.order_no == order_no)).scalar()
    return f"OMO:ORDER:{order_no}" + (f".{secret}" if secret else "")


def place_order(conn: Connection, till_id: str, body: dict[str, Any], now: float) -> str:
    """POST /v1/orders: an order placed at a till for delivery home or pickup at its store, its stock held at
    the source until the sale that pays it arrives (ORDER_PAY_BY_S). Returns the order number."""
    kind, source_id = body["fulfilment"], body["source_store_id"]
    lines = body["lines"]
    known = _same_request(conn, body["order_id"], kind, source_id, lines)
    if known is not None:
        return known
    source = _store_row(conn, source_id)
    pickup_id = body.get("pickup_store_id")
    if kind == "pickup":
        if not pickup_id:
            raise Refused(400, "invalid_request", "an order to collect needs pickup_store_id")
        pickup = _store_row(conn, pickup_id)
        if pickup[2] != "store":
            raise Refused(400, "invalid_request", f"{pickup_id} is not a store customers visit")
        if pickup_id == source_id:
            raise Refused(
                400, "invalid_request", "the goods are in that store already: sell them from the shelf"
            )
    address = None
    if kind == "delivery":
        address = _text(
            body.get("delivery_address"), "delivery_address (an order delivered home needs it)", 300
        )
    customer = _text(body["customer_name"], "customer_name", 100)
    skus = [ln["sku"] for ln in lines]
    if len(set(skus)) != len(skus):
        raise Refused(400, "invalid_request", "each item once per order (with its quantity)")
    items = [(ln, _product(conn, ln["sku"])) for ln in lines]
    order_no = _next_order_no(conn)
    expires = now + ORDER_PAY_BY_S
    conn.execute(
        sa.insert(orders).values(
            order_no=order_no,
            status="awaiting_payment",
            placed_at=iso(now),
            currency=body["currency"],
            member_no=None,  # the sale names the member (then the order is in their online orders)
            pickup_store_id=pickup_id if kind == "pickup" else None,
            customer_display_name=customer,
            total=sum(p[1] * ln["qty"] for ln, p in items),
            tenders="[]",
            request_id=body["order_id"],
            origin="till",
            fulfilment=kind,
            source_store_id=source_id,
            ready_on=ready_on(kind, datetime.fromtimestamp(now, UTC).date()).isoformat(),
            expires_at=expires,
            delivery_address=address,
            qr_secret=new_qr_secret(),  # the receipt's QR shows the order in full at any store
        )
    )
    conn.execute(
        sa.insert(order_lines),
        [
            {
                "order_no": order_no,
                "line_no": i,
                "sku": ln["sku"],
                "name": p[0],
                "qty": ln["qty"],
                "unit_price": p[1],
                "paid_amount": 0,
                "tax_code": p[2],
            }
            for i, (ln, p) in enumerate(items, start=1)
        ],
    )
    for i, (ln, p) in enumerate(items, start=1):
        left = _take_hold(conn, order_no, i, source_id, ln["sku"], ln["qty"], expires, now)
        if left is not None:
            raise _out_of_stock(source, ln["sku"], p[0], left, ln["qty"])
    return order_no


def reserve(conn: Connection, till_id: str, body: dict[str, Any], now: float) -> str:
    """POST /v1/reservations: goods held at a store for the customer to collect (and pay) there, until the
    time runs out; the member's app is told. Returns the reservation's order number."""
    store_id, sku, qty = body["store_id"], body["sku"], body["qty"]
    known = _same_request(conn, body["reservation_id"], "reservation", store_id, [{"sku": sku, "qty": qty}])
    if known is not None:
        return known
    store = _store_row(conn, store_id)
    if store[2] != "store":
        raise Refused(400, "invalid_request", f"{store_id} is not a store customers visit")
    name, price, tax_code, _active_flag = _product(conn, sku)
    customer = _text(body["customer_name"], "customer_name", 100)
    member_no = body.get("member_no")
    if member_no is not None and not 0 < member_no < 2**63:  # the database's 64 bits
        raise Refused(404, "not_found", "no such member")
    order_no = _next_order_no(conn)
    expires = now + body["hours"] * 3600
    conn.execute(
        sa.insert(orders).values(
            order_no=order_no,
            status="reserved",
            placed_at=iso(now),
            currency=body["currency"],
            member_no=member_no,
            pickup_store_id=store_id,
            customer_display_name=customer,
            total=price * qty,
            tenders="[]",
            request_id=body["reservation_id"],
            origin="till",
            fulfilment="reservation",
            source_store_id=store_id,
            ready_on=datetime.fromtimestamp(now, UTC).date().isoformat(),
            expires_at=expires,
            qr_secret=new_qr_secret(),
        )
    )
    conn.execute(
        sa.insert(order_lines).values(
            order_no=order_no, line_no=1, sku=sku, name=name, qty=qty, unit_price=price, paid_amount=0,
            tax_code=tax_code,
        )
    )  # fmt: skip
    left = _take_hold(conn, order_no, 1, store_id, sku, qty, expires, now)
    if left is not None:
        raise _out_of_stock(store, sku, name, left, qty)
    _member_event(
        conn,
        member_no,
        "reservation.created",
        order_no,
        {
            "order_no": order_no,
            "store_id": store_id,
            "store_name": store[1],
            "sku": sku,
            "name": name,
            "qty": qty,
            "expires_at": iso(expires),
            "qr_text": order_qr_text(conn, order_no),
        },
        now,
    )
    return order_no


def release(conn: Connection, order_no: str, now: float) -> None:
    """Give up an order not paid yet, or a reservation: its stock can be promised again; the order is
    cancelled. Again on a cancelled order: nothing more. 409 for an order that was paid or collected."""
    row = conn.execute(
        sa.select(orders.c.status, orders.c.fulfilment, orders.c.member_no)
        .where(orders.c.order_no == order_no)
        .with_for_update()
    ).first()
    if row is None:
        raise Refused(404, "not_found", "no such order")
    status, kind, member_no = row
    if status == "cancelled":
        return
    if status not in ("awaiting_payment", "reserved"):
        raise Refused(409, "order_paid", f"order {order_no} is {status}: it is not given up at a till")
    conn.execute(
        sa.update(holds).where(holds.c.order_no == order_no, holds.c.state == "held").values(state="released")
    )
    conn.execute(sa.update(orders).where(orders.c.order_no == order_no).values(status="cancelled"))
    if kind == "reservation":
        _member_event(conn, member_no, "reservation.cancelled", order_no, {"order_no": order_no}, now)


# ------------------------------------------------------------------------------------------ sales


def sale_moves(
    conn: Connection, store_id: str | None, p: dict[str, Any], sale_uuid: str, now: float
) -> dict[str, int]:
    """A sale's effect on stock: the units leaving `store_id` (negative, by sku) for its lines from the shelf
    and its reservations collected there. Its order lines make their orders paid (not this store's stock)."""
    moves: dict[str, int] = {}
    by_order: dict[str, list[dict[str, Any]]] = {}
    for ln in p["lines"]:
        f = ln.get("fulfilment")
        if f is None or f["kind"] == "reservation":
            moves[ln["sku"]] = moves.get(ln["sku"], 0) - ln["qty"]
        if f is not None:
            by_order.setdefault(f["order_no"], []).append(ln)
    for order_no, lines in by_order.items():
        _paid_by_sale(conn, order_no, lines, p, sale_uuid, now)
    return moves


def _paid_by_sale(
    conn: Connection,
    order_no: str,
    lines: list[dict[str, Any]],
    p: dict[str, Any],
    sale_uuid: str,
    now: float,
) -> None:
    o = orders.c
    row = conn.execute(
        sa.select(o.status, o.fulfilment, o.member_no, o.sale_uuid, o.expires_at)
        .where(o.order_no == order_no)
        .with_for_update()
    ).first()
    if row is None:
        log.warning("sale %s names order %s, which the backend does not know", sale_uuid, order_no)
        return
    status, kind, member_no, paid_by, _expires = row
    if paid_by is not None or status not in ("awaiting_payment", "reserved", "cancelled"):
        # a web order, or one a sale settled already: the money is recorded with the sale, the order stays
        log.warning("sale %s names order %s, which is %s (sale %s)", sale_uuid, order_no, status, paid_by)
        return
    member_no = member_no if member_no is not None else p.get("member_no")
    ol = order_lines.c
    placed = conn.execute(
        sa.select(ol.line_no, ol.sku, ol.qty).where(ol.order_no == order_no).order_by(ol.line_no)
    ).all()
    paid_lines: dict[int, dict[str, Any]] = {}
    for ln in lines:
        match = next((r for r in placed if r[1] == ln["sku"] and r[0] not in paid_lines), None)
        if match is None:
            log.warning(
                "sale %s: line %s (%s) is not on order %s", sale_uuid, ln["line_no"], ln["sku"], order_no
            )
            continue
        paid_lines[match[0]] = ln
    for line_no, ln in paid_lines.items():
        conn.execute(
            sa.update(order_lines)
            .where(ol.order_no == order_no, ol.line_no == line_no)
            .values(unit_price=ln["unit_price"], paid_amount=ln["paid_amount"], tax_code=ln["tax_code"])
        )
    total = sum(ln["paid_amount"] for ln in paid_lines.values())
    changes: dict[str, Any] = {
        "sale_uuid": sale_uuid,
        "member_no": member_no,
        "total": total,
        "tenders": json.dumps(_tenders_share(p.get("tenders") or [], total)),
        "expires_at": None,
    }
    if kind == "reservation":
        conn.execute(
            sa.update(holds)
            .where(holds.c.order_no == order_no, holds.c.state == "held")
            .values(state="fulfilled")
        )
        changes["status"] = "collected"
    else:
        changes["status"] = "paid" if _keep_holds(conn, order_no, now) else "out_of_stock"
        _member_event(
            conn,
            member_no,
            "order.placed",
            order_no,
            {"order_no": order_no, "status": changes["status"], "qr_text": order_qr_text(conn, order_no)},
            now,
        )
    conn.execute(sa.update(orders).where(o.order_no == order_no).values(**changes))


def _keep_holds(conn: Connection, order_no: str, now: float) -> bool:
    """A paid order's holds last until it is sent; a hold that ran out is taken again if the stock is still
    there. False when some of it went elsewhere meanwhile (its holds are then released)."""
    h = holds.c
    rows = conn.execute(
        sa.select(h.line_no, h.store_id, h.sku, h.qty).where(h.order_no == order_no).order_by(h.line_no)
    ).all()
    for line_no, store_id, sku, qty in rows:
        if _take_hold(conn, order_no, line_no, store_id, sku, qty, None, now) is not None:
            conn.execute(sa.update(holds).where(h.order_no == order_no).values(state="released"))
            return False
    return bool(rows)


def _tenders_share(tenders: list[dict[str, Any]], total: int) -> list[dict[str, Any]]:
    """The order's part of the sale's tenders, in proportion (the largest remainders get the odd cents)."""
    paid = [t for t in tenders if t["amount"] > 0]
    if not paid or total <= 0:
        return []
    shares = allocate_minor(min(total, sum(t["amount"] for t in paid)), [t["amount"] for t in paid])
    return [
        {"method": t["method"], "amount": a, "reference": t.get("reference")}
        for t, a in zip(paid, shares, strict=True)
        if a
    ]


# ------------------------------------------------------------------------------------------ sending


def send(conn: Connection, order_no: str, now: float) -> str:
    """The order leaves its source: its units come off the source's stock, its holds end; an order to
    collect is then waiting at its store (`ready_for_pickup`), one delivered home is `shipped`. Returns the
    new status."""
    o = orders.c
    row = conn.execute(
        sa.select(o.status, o.fulfilment, o.member_no).where(o.order_no == order_no).with_for_update()
    ).first()
    if row is None:
        raise Refused(404, "not_found", "no such order")
    status, kind, member_no = row
    if status != "paid":
        raise Refused(409, "order_not_paid", f"order {order_no} is {status}, not paid and waiting to be sent")
    h = holds.c
    rows = conn.execute(
        sa.select(h.store_id, h.sku, h.qty).where(h.order_no == order_no, h.state == "held")
    ).all()
    at = iso(now)
    leaving: dict[str, dict[str, int]] = {}
    for store_id, sku, qty in rows:
        leaving.setdefault(store_id, {})
        leaving[store_id][sku] = leaving[store_id].get(sku, 0) - qty
    for store_id, changes in leaving.items():
        move(conn, store_id, changes, at)
    conn.execute(sa.update(holds).where(h.order_no == order_no, h.state == "held").values(state="fulfilled"))
    new = "ready_for_pickup" if kind == "pickup" else "shipped"
    conn.execute(sa.update(orders).where(o.order_no == order_no).values(status=new))
    _member_event(conn, member_no, f"order.{new}", order_no, {"order_no": order_no, "status": new}, now)
    return new


def place_online_order(
    conn: Connection,
    *,
    lines: Iterable[tuple[str, int]],
    source_store_id: str,
    member_no: int | None = None,
    pickup_store_id: str | None = None,
    currency: str = "EUR",
    now: float | None = None,
) -> str:
    """An order of the web shop, paid online: its stock is held at the source at once (the same rule as a
    till's: `out_of_stock` when another order or reservation took the last unit first)."""
    now = time.time() if now is None else now
    kind = "pickup" if pickup_store_id else "delivery"
    source = _store_row(conn, source_store_id)
    items = [(sku, qty, _product(conn, sku)) for sku, qty in lines]
    order_no = _next_order_no(conn)
    total = sum(p[1] * qty for _sku, qty, p in items)
    conn.execute(
        sa.insert(orders).values(
            order_no=order_no,
            status="paid",
            placed_at=iso(now),
            currency=currency,
            member_no=member_no,
            pickup_store_id=pickup_store_id,
            customer_display_name="Online customer",
            total=total,
            tenders=json.dumps([{"method": "card", "amount": total, "reference": f"pi_web_{order_no}"}]),
            origin="online",
            fulfilment=kind,
            source_store_id=source_store_id,
            ready_on=ready_on(kind, datetime.fromtimestamp(now, UTC).date()).isoformat(),
        )
    )
    conn.execute(
        sa.insert(order_lines),
        [
            {
                "order_no": order_no,
                "line_no": i,
                "sku": sku,
                "name": p[0],
                "qty": qty,
                "unit_price": p[1],
                "paid_amount": p[1] * qty,
                "tax_code": p[2],
            }
            for i, (sku, qty, p) in enumerate(items, start=1)
        ],
    )
    for i, (sku, qty, p) in enumerate(items, start=1):
        left = _take_hold(conn, order_no, i, source_store_id, sku, qty, None, now)
        if left is not None:
            raise _out_of_stock(source, sku, p[0], left, qty)
    return order_no


def receive_delivery(conn: Connection, delivery_id: int, now: float) -> None:
    """A delivery arrived at its store: its units are on hand there."""
    d = deliveries.c
    row = conn.execute(
        sa.select(d.store_id, d.sku, d.qty, d.received).where(d.id == delivery_id).with_for_update()
    ).first()
    if row is None:
        raise Refused(404, "not_found", "no such delivery")
    if row[3]:
        return
    move(conn, row[0], {row[1]: row[2]}, iso(now))
    conn.execute(sa.update(deliveries).where(d.id == delivery_id).values(received=True))


# ------------------------------------------------------------------------------------------ orders


def order_extras(conn: Connection, order_no: str, now: float) -> dict[str, Any]:
    """What an Order says about how it reaches its customer (added to the contract's Order); a reservation
    whose time ran out reads `expired`."""
    o = orders.c
    row = conn.execute(
        sa.select(o.status, o.origin, o.fulfilment, o.source_store_id, o.ready_on, o.expires_at).where(
            o.order_no == order_no
        )
    ).first()
    if row is None:
        return {}
    status, origin, kind, source, ready, expires = row
    out: dict[str, Any] = {
        "origin": origin,
        "fulfilment": kind,
        "source_store_id": source,
        "ready_on": ready,
        "expires_at": None if expires is None else iso(expires),
    }
    if status == "reserved" and expires is not None and expires <= now:
        out["status"] = "expired"
    return out


def member_events_of(conn: Connection, member_no: int) -> list[dict[str, Any]]:
    """What the member's app was told, oldest first."""
    e = member_events.c
    return [
        {"kind": r[0], "order_no": r[1], "body": json.loads(r[2]), "created_at": r[3]}
        for r in conn.execute(
            sa.select(e.kind, e.order_no, e.body, e.created_at).where(e.member_no == member_no).order_by(e.id)
        )
    ]


__all__ = [
    "ORDER_PAY_BY_S",
    "Refused",
    "device_store",
    "look_up",
    "member_events_of",
    "move",
    "order_extras",
    "place_online_order",
    "place_order",
    "receive_delivery",
    "release",
    "reserve",
    "sale_moves",
    "send",
]
