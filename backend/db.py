"""The exactly-once application of till events, on either engine (SQLAlchemy Core, in the caller's
write transaction from backend.store).

Each event is applied at most once: its event_id is the primary key of `events`, and a batch's events are
inserted first, in one statement, with ON CONFLICT DO NOTHING RETURNING (on PostgreSQL a second
transaction inserting the same id waits for the first and then sees it: "duplicate"). A rejected event
leaves nothing behind and the rest of the batch applies: every check of a sale, a hand-over or a check-in
comes before its first write, a return (checks between writes, line by line) runs in a savepoint, and the
event rows of rejected events are deleted before the commit. Checks that guard a write lock what they
read (SELECT ... FOR UPDATE on PostgreSQL; on SQLite the whole transaction holds the write lock): the
member row before a redemption or a clawback (so two redemptions cannot both spend the same points; an
earning only appends to the ledger and locks nothing),
the original's lines before a return (the return cap across tills and stores), the order before a
hand-over.

The points ledger holds one row of delta per (event, programme); balance = sum, never negative.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from backend import loyalty, stock, validate
from backend import returns as returns_mod
from backend.schema import (
    counters,
    devices,
    events,
    members,
    order_lines,
    orders,
    points_ledger,
    returns,
    sale_lines,
    sales,
    stores,
    till_days,
    till_sessions,
)
from backend.store import RETRY_SQLSTATES, RetryTransaction
from sync import contract

log = logging.getLogger("omo.backend")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, check_circular=False).encode


class Rejected(Exception):
    """The event is not applied. `deferred`: only for now (what it depends on has not arrived yet)."""

    def __init__(self, code: str, message: str, *, deferred: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.deferred = deferred


class _Statements:
    """The statements of the hot path, built once per dialect (SQLAlchemy caches their compiled form)."""

    def __init__(self, dialect: str) -> None:
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        self.insert_events = (
            insert(events).on_conflict_do_nothing(index_elements=["event_id"]).returning(events.c.event_id)
        )
        self.stored_events = sa.select(
            events.c.event_id, events.c.type, events.c.till_id, events.c.occurred_at, events.c.payload
        ).where(events.c.event_id.in_(sa.bindparam("ids", expanding=True)))
        days = insert(till_days)
        self.add_to_days = days.on_conflict_do_update(
            index_elements=["till_id", "day", "type"],
            set_={
                "count": till_days.c.count + days.excluded.count,
                "total": till_days.c.total + days.excluded.total,
                "digest": (till_days.c.digest + days.excluded.digest) % contract.DIGEST_MOD,
            },
        )
        self.delete_events = sa.delete(events).where(
            events.c.event_id.in_(sa.bindparam("ids", expanding=True))
        )
        self.insert_sales = (
            insert(sales).on_conflict_do_nothing(index_elements=["sale_uuid"]).returning(sales.c.sale_uuid)
        )
        self.known_sales = sa.select(sales.c.sale_uuid).where(
            sales.c.sale_uuid.in_(sa.bindparam("ids", expanding=True))
        )
        self.insert_lines = sa.insert(sale_lines)
        self.insert_points = sa.insert(points_ledger)
        self.insert_return = insert(returns).on_conflict_do_nothing(index_elements=["return_uuid"])
        self.find_members = sa.select(members.c.member_no).where(
            members.c.member_no.in_(sa.bindparam("ms", expanding=True))
        )
        self.lock_members = (
            sa.select(members.c.member_no)
            .where(members.c.member_no.in_(sa.bindparam("ms", expanding=True)))
            .order_by(members.c.member_no)
            .with_for_update()
        )
        self.balance = sa.select(sa.func.coalesce(sa.func.sum(points_ledger.c.delta), 0)).where(
            points_ledger.c.member_no == sa.bindparam("m"), points_ledger.c.programme == sa.bindparam("p")
        )
        self.counter = (
            insert(counters)
            .values(name=sa.bindparam("name"), value=sa.bindparam("n"))
            .on_conflict_do_update(
                index_elements=["name"], set_={"value": counters.c.value + sa.bindparam("n")}
            )
            .returning(counters.c.value)
        )
        self.original = {}
        for doc, lines, key in ((sales, sale_lines, "sale_uuid"), (orders, order_lines, "order_no")):
            self.original[lines.name] = (
                sa.select(doc.c.currency).where(doc.c[key] == sa.bindparam("k")),
                sa.select(lines.c.sku, lines.c.qty, lines.c.returned_qty, lines.c.paid_amount)
                .add_columns(lines.c.refunded_amount)
                .where(lines.c[key] == sa.bindparam("k"), lines.c.line_no == sa.bindparam("ln"))
                .with_for_update(),
                sa.update(lines)
                .where(lines.c[key] == sa.bindparam("k"), lines.c.line_no == sa.bindparam("ln"))
                .values(
                    returned_qty=lines.c.returned_qty + sa.bindparam("q"),
                    refunded_amount=lines.c.refunded_amount + sa.bindparam("r"),
                ),
            )
        # points a return gives back, counted against what its original redeemed (for the same member):
        # one conditional update, so two returns of the same sale cannot both give back the last points
        self.give_back = {
            "sale_uuid": sa.update(sales)
            .where(
                sales.c.sale_uuid == sa.bindparam("k"),
                sales.c.member_no == sa.bindparam("m"),
                sales.c.points_returned + sa.bindparam("n") <= sales.c.points_redeemed,
            )
            .values(points_returned=sales.c.points_returned + sa.bindparam("n")),
            "order_no": sa.update(orders)
            .where(
                orders.c.order_no == sa.bindparam("k"),
                orders.c.member_no == sa.bindparam("m"),
                orders.c.points_returned + sa.bindparam("n") <= orders.c.points_redeemed,
            )
            .values(points_returned=orders.c.points_returned + sa.bindparam("n")),
        }
        self.store_limit = sa.select(stores.c.max_unreceipted_refund).where(
            stores.c.store_id == sa.bindparam("s")
        )
        self.pickup_store = sa.select(orders.c.pickup_store_id).where(orders.c.order_no == sa.bindparam("k"))


@functools.cache
def _stmts(dialect: str) -> _Statements:
    return _Statements(dialect)


def statements(conn: Connection) -> _Statements:
    return _stmts(conn.dialect.name)


def next_counter(conn: Connection, name: str, n: int = 1) -> int:
    """Reserve n values of a counter; return the first."""
    value = conn.execute(statements(conn).counter, {"name": name, "n": n}).scalar_one()
    return value - n + 1


def points_balance(conn: Connection, member_no: int, programme: str = "main") -> int:
    """The member's balance. Exact and never an error: SQLite's SUM raises on a 64-bit overflow (a ledger
    an older backend let grow past it), and then the rows are added up here instead."""
    params = {"m": member_no, "p": programme}
    try:
        return int(conn.execute(statements(conn).balance, params).scalar_one())
    except sa.exc.OperationalError as exc:
        if "overflow" not in str(exc.orig):
            raise
    pl = points_ledger
    deltas = conn.execute(
        sa.select(pl.c.delta).where(pl.c.member_no == member_no, pl.c.programme == programme)
    ).scalars()
    return sum(deltas)


class _Batch:
    """One batch's writes to sales, sale_lines and points_ledger, buffered and sent as one statement per
    table (a flush) before anything reads those tables and at the end; the members the batch touches,
    locked up front in one statement in member order (on PostgreSQL: no deadlock between two batches over
    members), and their balances, read once and then kept up to date here."""

    def __init__(
        self, conn: Connection, evs: list[dict[str, Any]], *, assume_new_sales: bool, store_id: str | None
    ) -> None:
        self.conn = conn
        self.st = statements(conn)
        self.store_id = store_id  # the store of the device that sent the batch
        self._store_limit: int | None = None
        self.sales: list[dict[str, Any]] = []
        self.lines: list[dict[str, Any]] = []
        self.points: list[dict[str, Any]] = []
        self.balances: dict[tuple[int, str], int] = {}
        self.sale_uuids: set[str] = set()
        self.till = ""  # the device that sent the batch
        self._store: list[str | None] = []  # its store, once looked up
        self.stock_moves: dict[str, int] = {}  # units leaving the device's store with the batch's sales
        # members whose balance a check reads (a redemption, a return's points) are locked, in member order;
        # the others are only looked up: earning appends to the ledger and needs no lock, so a busy member
        # (or the demo's five) does not serialise every till's batches
        lock: set[int] = set()
        look: set[int] = set()
        for ev in evs:
            p = ev.get("payload")
            if (
                not isinstance(p, dict)
                or type(p.get("member_no")) is not int
                or p["member_no"] not in validate.INT64
            ):
                continue
            pts = p.get("points")
            reads_balance = ev.get("type") == "return.completed" or (
                isinstance(pts, dict) and pts.get("redeemed")
            )
            (lock if reads_balance else look).add(p["member_no"])
        look -= lock
        self.members: set[int] = set()
        if lock:
            self.members.update(conn.execute(self.st.lock_members, {"ms": sorted(lock)}).scalars())
        if look:
            self.members.update(conn.execute(self.st.find_members, {"ms": sorted(look)}).scalars())
        self.known_sales: set[str] = set()
        uuids = [
            ev["payload"]["sale_uuid"]
            for ev in evs
            if ev.get("type") == "sale.completed"
            and isinstance(ev.get("payload"), dict)
            and isinstance(ev["payload"].get("sale_uuid"), str)
        ]
        if uuids and not assume_new_sales:
            self.known_sales.update(conn.execute(self.st.known_sales, {"ids": uuids}).scalars())
        self.people = loyalty.Members(conn, evs)  # tiers, provisional numbers, the sales' categories

    def store_limit(self) -> int:
        """The most the device's store refunds without an original (0 for a device without a store)."""
        if self._store_limit is None:
            limit = self.conn.execute(self.st.store_limit, {"s": self.store_id}).scalar()
            self._store_limit = int(limit or 0)
        return self._store_limit

    def check_store(self, named: str | None) -> None:
        """A store named by the till must be the device's own."""
        if named is not None and named != self.store_id:
            raise Rejected("wrong_store", f"this till belongs to store {self.store_id}, not {named}")

    def balance(self, member_no: int, programme: str) -> int:
        key = (member_no, programme)
        if key not in self.balances:
            self.flush()
            self.balances[key] = points_balance(self.conn, member_no, programme)
        return self.balances[key]

    def add_points(
        self, event_id: str, member_no: int, programme: str, delta: int, *, now: bool = False
    ) -> None:
        row = {
            "event_id": event_id,
            "programme": programme,
            "member_no": member_no,
            "delta": delta,
            "created_at": time.time(),
        }
        if now:
            self.conn.execute(self.st.insert_points, row)
        else:
            self.points.append(row)
        key = (member_no, programme)
        if key in self.balances:
            self.balances[key] += delta

    @property
    def store(self) -> str | None:
        """The store of the device that sent the batch (its sales take that store's stock)."""
        if not self._store:
            self._store.append(stock.device_store(self.conn, self.till))
        return self._store[0]

    def flush(self) -> None:
        if self.stock_moves:
            stock.move(self.conn, self.store, self.stock_moves, stock.iso(time.time()))
            self.stock_moves = {}
        if self.sales:
            inserted = set(self.conn.execute(self.st.insert_sales, self.sales).scalars())
            if len(inserted) != len(self.sales):  # recorded by another event, maybe of a concurrent request
                raise SaleRecordedBefore("a sale of this batch was recorded by another event")
            self.conn.execute(self.st.insert_lines, self.lines)
            self.sales, self.lines = [], []
        if self.points:
            self.conn.execute(self.st.insert_points, self.points)
            self.points = []


def _apply_sale(b: _Batch, event_id: str, till_id: str, occurred_at: str, p: dict) -> dict[str, str] | None:
    b.check_store(p.get("store_id"))
    lines = p["lines"]
    if len({ln["line_no"] for ln in lines}) != len(lines):
        raise Rejected("invalid_payload", "two lines share a line_no")
    sale_uuid = p["sale_uuid"]
    if sale_uuid in b.known_sales or sale_uuid in b.sale_uuids:
        raise Rejected("duplicate_sale", "this sale_uuid was already recorded by another event")
    # the member's points as the programme gives them for what was paid (never the till's figure)
    pts, note = loyalty.sale_points(b, p, occurred_at)
    member_no = p.get("member_no") if pts is None else pts.member_no
    if p.get("coupons"):
        note = (
            loyalty.use_coupons(
                b.conn, p["coupons"], None if pts is None else pts.member_no, sale_uuid, event_id
            )
            or note
        )
    b.sale_uuids.add(sale_uuid)
    b.sales.append(
        {
            "sale_uuid": sale_uuid,
            "event_id": event_id,
            "till_id": till_id,
            "receipt_no": p["receipt_no"],
            "currency": p["currency"],
            "member_no": member_no,
            "total": p["totals"]["total"],
            "item_count": sum(line["qty"] for line in lines),
            "occurred_at": occurred_at,
            "tenders": _dumps(p["tenders"]),
            "store_id": b.store_id,
            "points_earned": pts.earned if pts is not None else 0,
            "points_redeemed": pts.redeemed if pts is not None else 0,
        }
    )
    b.lines.extend(
        {
            "sale_uuid": sale_uuid,
            "line_no": ln["line_no"],
            "sku": ln["sku"],
            "name": ln.get("name", ""),
            "qty": ln["qty"],
            "unit_price": ln["unit_price"],
            "tax_code": ln["tax_code"],
            "paid_amount": ln["paid_amount"],
            "points_earned": 0 if pts is None else pts.per_line_earned[i],
            "points_paid": 0 if pts is None else pts.per_line_paid[i],
            "tax_amount": ln["tax_amount"],
        }
        for i, ln in enumerate(lines)
    )
    if pts is not None and (pts.earned or pts.redeemed):
        b.add_points(event_id, pts.member_no, pts.programme, pts.earned - pts.redeemed)
    store_id = b.store or p.get("store_id")
    if any(ln.get("fulfilment") for ln in lines):
        b.flush()  # an order's hold is checked against the stock as the sales before it left it
    for sku, qty in stock.sale_moves(b.conn, store_id, p, sale_uuid, time.time()).items():
        b.stock_moves[sku] = b.stock_moves.get(sku, 0) + qty
    return note


def _apply_return(b: _Batch, event_id: str, till_id: str, occurred_at: str, p: dict) -> None:
    conn, st = b.conn, b.st
    b.check_store(p.get("store_id"))
    b.flush()  # the original may be a sale of this batch
    # a claim the till held for this return comes off the lines first: the event counts its own lines
    returns_mod.undo_claim(conn, p["return_uuid"])
    original = p.get("original") or {}
    if not validate.has_original(p) and p["total_refunded"] > b.store_limit():
        raise Rejected(
            "over_return_limit",
            f"without an original at most {b.store_limit()} is refunded here, not {p['total_refunded']}",
        )
    checked: set[tuple[str, str]] = set()
    for line in p["lines"]:
        if line.get("original_sale_uuid"):
            table, key = "sale_lines", line["original_sale_uuid"]
        elif "order_no" in original:
            table, key = "order_lines", original["order_no"]
        elif "sale_uuid" in original:
            table, key = "sale_lines", original["sale_uuid"]
        else:
            continue  # a return without proof of purchase: nothing to cap against
        head, lock_line, update_line = st.original[table]
        if (table, key) not in checked:
            currency = conn.execute(head, {"k": key}).scalar()
            if currency is None and table == "sale_lines":
                # an in-store sale of another till that has not synced yet: try again later
                raise Rejected(
                    "original_not_synced", "the original sale has not reached the backend yet", deferred=True
                )
            if currency is None:
                raise Rejected("unknown_original", "the original order is not known to the backend")
            if currency != p["currency"]:
                raise Rejected("currency_mismatch", "the return is not in the currency of the original")
            checked.add((table, key))
        row = conn.execute(lock_line, {"k": key, "ln": line["line_no"]}).first()
        if row is None or row[0] != line["sku"]:
            raise Rejected("unknown_original", f"line {line['line_no']} is not on the original")
        _sku, qty, returned, paid, refunded = row
        if returned + line["qty"] > qty:
            raise Rejected(
                "exceeds_returnable",
                f"line {line['line_no']}: {qty - returned} left to return, {line['qty']} asked",
            )
        if refunded + line["refund_amount"] > paid:
            raise Rejected("exceeds_refundable", f"line {line['line_no']}: refund exceeds what was paid")
        conn.execute(
            update_line, {"k": key, "ln": line["line_no"], "q": line["qty"], "r": line["refund_amount"]}
        )
    inserted = conn.execute(
        st.insert_return,
        {
            "return_uuid": p["return_uuid"],
            "event_id": event_id,
            "till_id": till_id,
            "total_refunded": p["total_refunded"],
            "store_id": p.get("store_id"),
            "needs_review": not p.get("verified", True),
            "receipt_no": p.get("receipt_no"),
        },
    ).rowcount
    if not inserted:
        raise Rejected("duplicate_return", "this return_uuid was already recorded by another event")
    problem = returns_mod.issue_credits(conn, p, occurred_at)
    if problem is not None:
        raise Rejected("invalid_payload", problem)
    returns_mod.restock(conn, b.store or p.get("store_id"), p["lines"], occurred_at)
    if "order_no" in original:
        returns_mod.settle_order(conn, original["order_no"])
    pts = p.get("points")
    if pts and (pts["earned"] or pts["redeemed"]):
        member_no = p.get("member_no")
        if member_no not in b.members:
            raise Rejected("unknown_member", "points on a return without a known member")
        programme = pts.get("programme", "main")
        if pts["redeemed"]:  # given back: at most what the original redeemed, to the same member
            kind = next(iter(original), None)
            given = (
                0
                if kind is None
                else conn.execute(
                    st.give_back[kind], {"k": original[kind], "m": member_no, "n": pts["redeemed"]}
                ).rowcount
            )
            if not given:
                raise Rejected(
                    "exceeds_redeemed", "more points given back than the original redeemed for this member"
                )
        delta = pts["redeemed"] - pts["earned"]
        if delta < 0:  # a clawback never takes the balance below zero
            delta = max(delta, -b.balance(member_no, programme))
        # written now, inside the return's savepoint (a balance read later in the batch includes it)
        b.add_points(event_id, member_no, programme, delta, now=True)


def _apply_pickup(b: _Batch, p: dict) -> None:
    """All that is still waiting, or the lines named (an order handed over in parts), at the order's pickup
    store only."""
    b.check_store(p.get("store_id"))
    row = b.conn.execute(b.st.pickup_store, {"k": p["order_no"]}).first()
    if row is not None and row[0] != b.store_id:
        raise Rejected("wrong_store", f"the order is to be picked up at {row[0]}, not here")
    problem = returns_mod.hand_over(b.conn, p)
    if problem is not None:
        code, _, message = problem.partition(": ")
        raise Rejected(code, message)


def _apply_till_session(b: _Batch, kind: str, till_id: str, p: dict) -> None:
    """till.opened / till.closed: the session's row, whichever of the two arrives first."""
    if kind == "till.opened":
        values = {k: p.get(k) for k in ("currency", "opened_at", "opened_by", "opening_float")}
    else:
        report = p.get("report") if isinstance(p.get("report"), dict) else {}
        figures = report.get("figures") if isinstance(report.get("figures"), dict) else {}
        keys = ("currency", "opened_at", "closed_at", "expected_cash", "counted_cash", "difference", "reason")
        values = {k: p.get(k) for k in keys}
        values.update(closed_by=p.get("staff_id"), approved_by=p.get("approved_by"))
        for k in ("sales_count", "net_sales"):
            v = figures.get(k)
            values[k] = v if isinstance(v, int) and not isinstance(v, bool) and v in validate.INT64 else None
    values = {k: v for k, v in values.items() if v is not None}
    insert = postgresql.insert if b.conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(till_sessions).values(session_id=p["session_id"], till_id=till_id, **values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["session_id"],
        set_={k: stmt.excluded[k] for k in values} or {"till_id": stmt.excluded.till_id},
        where=till_sessions.c.till_id == till_id,
    )
    if b.conn.execute(stmt).rowcount == 0:
        raise Rejected("invalid_payload", "that till session belongs to another till")


def list_till_sessions(
    conn: Connection, till_id: str | None, limit: int, *, device_till: str, store_id: str | None
) -> list[dict[str, Any]]:
    """The sessions of the tills of the asking device's store (its own till's only when it has no store),
    newest first (one till's with `till_id`)."""
    t = till_sessions
    q = (
        sa.select(t)
        .order_by(sa.func.coalesce(t.c.opened_at, t.c.closed_at).desc(), t.c.session_id)
        .limit(limit)
    )
    if store_id is None:
        q = q.where(t.c.till_id == device_till)
    else:
        q = q.where(t.c.till_id.in_(sa.select(devices.c.till_id).where(devices.c.store_id == store_id)))
    if till_id is not None:
        q = q.where(t.c.till_id == till_id)
    return [{str(k): v for k, v in r._mapping.items()} for r in conn.execute(q)]


def apply_event(conn: Connection, device_till: str, ev: dict[str, Any]) -> dict[str, Any]:
    """Apply one event inside the caller's write transaction; return its EventResult."""
    return apply_batch(conn, device_till, [ev])[0]


class SaleRecordedBefore(RetryTransaction):
    """A sale_uuid of the batch is already recorded: run the transaction again, checking for it first."""


def retryable(exc: BaseException) -> bool:
    """Whether the whole transaction must run again (a concurrent one got in the way, or the connection
    broke), rather than the event be rejected."""
    if isinstance(exc, RetryTransaction):
        return True
    if isinstance(exc, sa.exc.DBAPIError):
        return exc.connection_invalidated or getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES
    return False


def apply_batch(
    conn: Connection,
    device_till: str,
    evs: list[dict[str, Any]],
    problems: dict[str, validate.Problem | None] | None = None,
    *,
    assume_new_sales: bool = False,
    store_id: str | None = None,
) -> list[dict[str, Any]]:
    """Apply a batch of events inside the caller's write transaction; return their EventResults.

    `problems`: validate.payload_problem(ev) by event_id when the caller checked them already (outside
    the lock). `assume_new_sales`: skip looking up the sales' uuids first (a new event's sale is new,
    nearly always); raises SaleRecordedBefore when one was not, and the transaction must run again
    without it. Raises RetryTransaction when a concurrent transaction got in the way (run it again from
    the start). `store_id`: the store of the device that sent the batch.

    No event can make a batch fail: the batch is applied in one go (its writes buffered, one statement
    per table) inside a savepoint; if anything unexpected goes wrong (a bug, a database error), that is
    undone and the batch is applied again event by event, each in a savepoint of its own: the event that
    fails is rejected (`internal_error`), the others apply."""
    if not evs:
        return []
    conn.exec_driver_sql("SAVEPOINT omo_batch")
    try:
        results = _apply_all(conn, device_till, evs, problems, assume_new_sales, store_id, isolate=False)
    except Exception as exc:
        if retryable(exc):
            raise
        log.error("a batch of %d events met %r; applying it event by event", len(evs), exc)
        conn.exec_driver_sql("ROLLBACK TO SAVEPOINT omo_batch")
        results = _apply_all(conn, device_till, evs, problems, assume_new_sales, store_id, isolate=True)
    conn.exec_driver_sql("RELEASE SAVEPOINT omo_batch")
    return results


def _apply_all(
    conn: Connection,
    device_till: str,
    evs: list[dict[str, Any]],
    problems: dict[str, validate.Problem | None] | None,
    assume_new_sales: bool,
    store_id: str | None,
    *,
    isolate: bool,
) -> list[dict[str, Any]]:
    st = statements(conn)
    now = time.time()
    new = set(
        conn.execute(
            st.insert_events,
            [
                {
                    "event_id": ev["event_id"],
                    "type": ev["type"],
                    "till_id": ev["till_id"],
                    "occurred_at": ev["occurred_at"],
                    "payload": _dumps(ev["payload"]),
                    "received_at": now,
                }
                for ev in evs
            ],
        ).scalars()
    )
    b = _Batch(
        conn,
        [ev for ev in evs if ev["event_id"] in new],
        assume_new_sales=assume_new_sales,
        store_id=store_id,
    )
    b.till = device_till
    apply = _apply_isolated if isolate else _apply_one
    seen = [ev["event_id"] for ev in evs if ev["event_id"] not in new]
    stored = {r[0]: r for r in conn.execute(st.stored_events, {"ids": seen})} if seen else {}
    results = []
    applied: set[str] = set()
    rejected: set[str] = set()
    first: dict[str, dict[str, Any]] = {}  # the version of each new event this batch applied
    for ev in evs:
        event_id = ev["event_id"]
        if event_id not in new or event_id in applied:
            results.append(_duplicate(ev, first.get(event_id) or _stored_event(stored.get(event_id))))
            continue
        problem = problems[event_id] if problems is not None else validate.payload_problem(ev)
        try:
            note = apply(b, device_till, ev, problem)
        except Rejected as rej:
            rejected.add(event_id)
            results.append(
                {
                    "event_id": event_id,
                    "status": "deferred" if rej.deferred else "rejected",
                    "reason": {"code": rej.code, "message": rej.message},
                }
            )
            continue
        applied.add(event_id)
        first[event_id] = ev
        rejected.discard(event_id)  # the same event twice in a batch, rejected first, applied now
        results.append({"event_id": event_id, "status": "applied", **({"reason": note} if note else {})})
    b.flush()
    if rejected:
        conn.execute(st.delete_events, {"ids": sorted(rejected)})
    if first:
        conn.execute(st.add_to_days, _day_figures(device_till, first.values()))
    return results


def _apply_isolated(
    b: _Batch, device_till: str, ev: dict[str, Any], problem: validate.Problem | None
) -> dict[str, str] | None:
    """_apply_one in a savepoint of its own, its writes flushed inside it: whatever goes wrong undoes this
    event only, which is then rejected."""
    balances, sale_uuids = dict(b.balances), set(b.sale_uuids)
    b.conn.exec_driver_sql("SAVEPOINT omo_event")
    try:
        note = _apply_one(b, device_till, ev, problem)
        b.flush()
    except Exception as exc:
        if retryable(exc):
            raise
        b.conn.exec_driver_sql("ROLLBACK TO SAVEPOINT omo_event")
        b.conn.exec_driver_sql("RELEASE SAVEPOINT omo_event")
        b.balances, b.sale_uuids = balances, sale_uuids
        b.sales, b.lines, b.points = [], [], []
        if isinstance(exc, Rejected):
            raise
        log.error("event %s (%s) could not be applied", ev["event_id"], ev["type"], exc_info=exc)
        raise Rejected(
            "internal_error", "the backend could not apply this event; nothing of it was recorded"
        ) from exc
    b.conn.exec_driver_sql("RELEASE SAVEPOINT omo_event")
    return note


def _stored_event(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    event_id, event_type, till_id, occurred_at, payload = row
    return {
        "event_id": event_id,
        "type": event_type,
        "occurred_at": occurred_at,
        "till_id": till_id,
        "payload": json.loads(payload),
    }


def _duplicate(ev: dict[str, Any], stored: dict[str, Any] | None) -> dict[str, Any]:
    """An event id recorded before: a duplicate if it is the same event, else a conflict that names the
    version the backend holds (the till dead-letters it with both)."""
    if stored is None or (
        stored["type"] == ev["type"]
        and stored["till_id"] == ev["till_id"]
        and stored["payload"] == ev["payload"]
    ):
        return {"event_id": ev["event_id"], "status": "duplicate"}
    return {
        "event_id": ev["event_id"],
        "status": "rejected",
        "reason": {
            "code": "event_conflict",
            "message": "this event_id is already recorded with another "
            + (
                "type"
                if stored["type"] != ev["type"]
                else "till"
                if stored["till_id"] != ev["till_id"]
                else "payload"
            ),
            "stored_event": stored,
        },
    }


def _day_figures(till_id: str, applied: Any) -> list[dict[str, Any]]:
    """What the events applied now add to their till's days (GET /v1/reconciliation)."""
    days: dict[tuple[str, str], list[int]] = {}
    for ev in applied:
        figures = days.setdefault((contract.event_day(ev["occurred_at"]), ev["type"]), [0, 0, 0])
        figures[0] += 1
        figures[1] += contract.reconciliation_amount(ev["type"], ev["payload"])
        figures[2] += contract.event_digest_part(ev["event_id"])
    return [
        {"till_id": till_id, "day": d, "type": k, "count": c, "total": t, "digest": g % contract.DIGEST_MOD}
        for (d, k), (c, t, g) in sorted(days.items())
    ]


def _apply_one(
    b: _Batch, device_till: str, ev: dict[str, Any], problem: validate.Problem | None
) -> dict[str, str] | None:
    """Apply one event; a note when it was applied otherwise than the till said (or Rejected)."""
    try:
        return _apply_event(b, device_till, ev, problem)
    except loyalty.Refused as r:
        raise Rejected(r.code, r.message) from None


def _apply_event(
    b: _Batch, device_till: str, ev: dict[str, Any], problem: validate.Problem | None
) -> dict[str, str] | None:
    event_id = ev["event_id"]
    if ev["till_id"] != device_till:
        raise Rejected("till_mismatch", f"event from till {ev['till_id']} sent with {device_till}'s token")
    if problem is not None:
        raise Rejected(problem.code, problem.message)
    p = ev["payload"]
    match ev["type"]:
        case "sale.completed":
            return _apply_sale(b, event_id, ev["till_id"], ev["occurred_at"], p)
        case "return.completed":  # checks between writes: a savepoint undoes the lines already counted
            balances = dict(b.balances)
            b.flush()
            b.conn.exec_driver_sql("SAVEPOINT omo_return")
            try:
                _apply_return(b, event_id, ev["till_id"], ev["occurred_at"], p)
            except Rejected:
                b.conn.exec_driver_sql("ROLLBACK TO SAVEPOINT omo_return")
                b.conn.exec_driver_sql("RELEASE SAVEPOINT omo_return")
                b.balances = balances
                raise
            b.conn.exec_driver_sql("RELEASE SAVEPOINT omo_return")
        case "pickup.handed_over":
            _apply_pickup(b, p)
        case "member.checked_in":
            return loyalty.check_in(b, event_id, p, ev["occurred_at"])
        case "member.enrolled":
            return loyalty.enrol(b, p)
        case "till.opened" | "till.closed":
            _apply_till_session(b, ev["type"], ev["till_id"], p)
        case _:
            pass  # cash.movement: recorded as an event
    return None
