"""Till sessions in the journal: which session is open, what it holds (the figures of its X and Z reports),
its cash movements and counts, and its closure — each closure in the one transaction that reads the
figures it is computed from, so a sale committed at the same moment is either in it or in the next session.

Which sales a session owns: those stamped with its id at their commit (sync/store/journal.py), from its
first possible receipt number on; plus, for a session opened after a closure, the sales committed while
no session was open (stamped with none), which its `first_sale_id` reaches back to.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from pos.documents import TillClosure
from pos.payment import FINAL_STATES
from pos.till import CashCount, ProductFigure, RateFigure, SessionFigures
from sync.store import journal, outbox, receipts
from sync.store.util import loads

TOP_PRODUCTS = 5


class SessionError(ValueError):
    """The session cannot do that now (already closed, another one open); nothing was written."""


@dataclass(frozen=True)
class SessionInfo:
    session_id: str
    till_id: str
    opened_at: str
    opened_by: str
    currency: str
    opening_float: int
    closed_at: str | None
    first_sale_id: int


_INFO = (
    "SELECT session_id, till_id, opened_at, opened_by, currency, opening_float, closed_at, "
    "coalesce(first_sale_id, 0) FROM till_sessions"
)


def get_session(conn: sqlite3.Connection, session_id: str) -> SessionInfo | None:
    row = conn.execute(_INFO + " WHERE session_id = ?", (session_id,)).fetchone()
    return SessionInfo(*row) if row else None


def open_session_of(conn: sqlite3.Connection, till_id: str) -> SessionInfo | None:
    row = conn.execute(_INFO + " WHERE till_id = ? AND closed_at IS NULL", (till_id,)).fetchone()
    return SessionInfo(*row) if row else None


def sessions(conn: sqlite3.Connection, till_id: str, limit: int = 50) -> list[SessionInfo]:
    """The till's sessions, newest first."""
    rows = conn.execute(_INFO + " WHERE till_id = ? ORDER BY opened_at DESC LIMIT ?", (till_id, limit))
    return [SessionInfo(*r) for r in rows]


def open_session(
    conn: sqlite3.Connection,
    *,
    session_id: str,
    till_id: str,
    opened_by: str,
    count: CashCount,
    opened_at: str,
) -> SessionInfo:
    """Open a session with its opening count (the float), queue `till.opened`; one open session per till."""
    if open_session_of(conn, till_id) is not None:
        raise SessionError("The till is already open: close it before opening it again.")
    journal.open_session(
        conn,
        session_id=session_id,
        till_id=till_id,
        opened_by=opened_by,
        currency=count.currency,
        opening_float=count.total,
        opened_at=opened_at,
    )
    orphan = conn.execute(
        "SELECT min(s.sale_id) FROM sales s WHERE s.till_id = ?1 AND s.session_id IS NULL AND s.sale_id > "
        "(SELECT coalesce(max(c.last_sale_id), 9223372036854775807) FROM till_closures c "
        "WHERE c.till_id = ?1)",
        (till_id,),
    ).fetchone()[0]
    if orphan is not None:  # sales committed while no session was open: this session counts them
        conn.execute(
            "UPDATE till_sessions SET first_sale_id = min(first_sale_id, ?) WHERE session_id = ?",
            (orphan, session_id),
        )
    journal.record_cash_count(
        conn,
        count_id=f"{session_id}:opening",
        session_id=session_id,
        kind="opening",
        denominations=count.to_json(),
        total=count.total,
        counted_by=opened_by,
        created_at=opened_at,
    )
    info = get_session(conn, session_id)
    assert info is not None
    return info


def _open(conn: sqlite3.Connection, session_id: str) -> SessionInfo:
    info = get_session(conn, session_id)
    if info is None:
        raise SessionError(f"There is no till session {session_id}.")
    if info.closed_at is not None:
        raise SessionError("This till session is already closed.")
    return info


def add_movement(
    conn: sqlite3.Connection,
    *,
    movement_id: str,
    session_id: str,
    kind: str,
    amount: int,
    staff_id: str,
    created_at: str,
    reason: str = "",
    approved_by: str | None = None,
) -> None:
    """Cash in, cash out, a drop to the safe, a float correction or a no-sale, in an open session."""
    _open(conn, session_id)
    journal.record_cash_movement(
        conn,
        movement_id=movement_id,
        session_id=session_id,
        kind=kind,
        amount=amount,
        staff_id=staff_id,
        created_at=created_at,
        reason=reason,
        approved_by=approved_by,
    )


def recount_float(
    conn: sqlite3.Connection,
    *,
    session_id: str,
    count: CashCount,
    staff_id: str,
    created_at: str,
    reason: str,
) -> None:
    """A corrected opening count: the float becomes its total (the correction syncs as a `float` movement)."""
    _open(conn, session_id)
    n = conn.execute(
        "SELECT count(*) FROM cash_counts WHERE session_id = ? AND kind = 'opening'", (session_id,)
    ).fetchone()[0]
    journal.record_cash_count(
        conn,
        count_id=f"{session_id}:opening:{n + 1}",
        session_id=session_id,
        kind="opening",
        denominations=count.to_json(),
        total=count.total,
        counted_by=staff_id,
        created_at=created_at,
    )
    add_movement(
        conn,
        movement_id=f"{session_id}:float:{n + 1}",
        session_id=session_id,
        kind="float",
        amount=count.total,
        staff_id=staff_id,
        created_at=created_at,
        reason=reason,
    )


def opening_count(conn: sqlite3.Connection, session_id: str) -> CashCount | None:
    """The latest opening count of the session (a correction replaces the first)."""
    row = conn.execute(
        "SELECT s.currency, c.denominations FROM cash_counts c "
        "JOIN till_sessions s ON s.session_id = c.session_id "
        "WHERE c.session_id = ? AND c.kind = 'opening' ORDER BY c.created_at DESC, c.rowid DESC LIMIT 1",
        (session_id,),
    ).fetchone()
    return CashCount.from_json(row[0], loads(row[1])) if row else None


def _sales_where(info: SessionInfo, last_sale_id: int | None) -> tuple[str, tuple[Any, ...]]:
    last = last_sale_id if last_sale_id is not None else 9223372036854775807
    return (
        "s.sale_id BETWEEN ? AND ? AND s.till_id = ? AND (s.session_id = ? OR s.session_id IS NULL)",
        (info.first_sale_id, last, info.till_id, info.session_id),
    )


def _line_key_ceiling(last_sale_id: int | None) -> int:
    return 9223372036854775807 if last_sale_id is None else last_sale_id * 10000 + 9999


def figures(conn: sqlite3.Connection, session_id: str, *, tz: tzinfo | None = None) -> SessionFigures:
    """Everything the session holds, read from the journal: the input of its X report and of its Z."""
    info = get_session(conn, session_id)
    if info is None:
        raise LookupError(f"no till session {session_id}")
    closure = conn.execute(
        "SELECT last_sale_id, closed_at FROM till_closures WHERE session_id = ?", (session_id,)
    ).fetchone()
    last_sale_id, closed_at = closure if closure else (None, None)
    where, args = _sales_where(info, last_sale_id)
    n, total, discount, tax = conn.execute(
        "SELECT count(*), coalesce(sum(total), 0), coalesce(sum(discount_total), 0), "
        "coalesce(sum(tax_total), 0) "
        f"FROM sales s WHERE {where}",
        args,
    ).fetchone()
    tenders: dict[str, int] = {}
    cash_tendered = change = rounding = 0
    for kind, amount, ch, rnd in conn.execute(
        "SELECT t.kind, sum(t.amount), sum(t.change_given), sum(t.rounding) FROM sales s JOIN sale_tenders t "
        f"ON t.sale_id = s.sale_id WHERE {where} GROUP BY t.kind",
        args,
    ):
        tenders[kind] = int(amount)
        if kind == "cash":
            cash_tendered = int(amount) + int(ch) + int(rnd)
            change, rounding = int(ch), int(rnd)
    rates = tuple(
        RateFigure(code, str(rate), int(taxable), int(t))
        for code, rate, taxable, t in conn.execute(
            "SELECT x.tax_code, x.rate, sum(x.taxable_amount), sum(x.tax_amount) FROM sales s "
            f"JOIN sale_tax_lines x ON x.sale_id = s.sale_id WHERE {where} GROUP BY x.tax_code, x.rate",
            args,
        )
    )
    top = tuple(
        ProductFigure(sku, desc, int(q), int(a))
        for sku, desc, q, a in conn.execute(
            # the lines by their key range first (line_key = sale_id * 10000 + line_no), then their sale:
            # joined the other way round SQLite scans every line of the journal
            "SELECT l.sku, max(l.description), sum(l.quantity), sum(l.paid_amount) FROM sale_lines l "
            "JOIN sales s ON s.sale_id = l.sale_id "
            f"WHERE l.line_key BETWEEN ? AND ? AND {where} "
            "GROUP BY l.sku ORDER BY sum(l.paid_amount) DESC, l.sku LIMIT ?",
            (info.first_sale_id * 10000, _line_key_ceiling(last_sale_id), *args, TOP_PRODUCTS),
        )
    )
    hours: dict[int, list[int]] = {}
    for minute, count, amount in conn.execute(
        f"SELECT substr(s.created_at, 1, 16), count(*), sum(s.total) FROM sales s WHERE {where} GROUP BY 1",
        args,
    ):
        local = datetime.fromisoformat(minute + ":00+00:00").astimezone(tz)
        bucket = hours.setdefault(local.hour, [0, 0])
        bucket[0] += int(count)
        bucket[1] += int(amount)
    r_count, r_total = conn.execute(
        "SELECT count(*), coalesce(sum(total), 0) FROM returns WHERE session_id = ?", (session_id,)
    ).fetchone()
    refunds = dict(
        conn.execute(
            "SELECT f.kind, sum(f.amount) FROM returns r "
            "JOIN return_refunds f ON f.return_uuid = r.return_uuid "
            "WHERE r.session_id = ? GROUP BY f.kind",
            (session_id,),
        ).fetchall()
    )
    moves: dict[str, int] = {}
    no_sales = 0
    for kind, amount, k in conn.execute(
        "SELECT kind, sum(amount), count(*) FROM cash_movements WHERE session_id = ? GROUP BY kind",
        (session_id,),
    ):
        moves[kind] = int(amount)
        if kind == "no_sale":
            no_sales = int(k)
    voids, voided = conn.execute(
        "SELECT count(*), coalesce(sum(json_extract(details, '$.total')), 0) FROM audit_log "
        "WHERE action = 'sale.void' AND at >= ? AND at <= ?",
        (info.opened_at, closed_at or "9999"),
    ).fetchone()
    opening = opening_count(conn, session_id)
    return SessionFigures(
        currency=info.currency,
        opening_float=opening.total if opening is not None else info.opening_float,
        sales_count=int(n),
        sales_total=int(total),
        discount_total=int(discount),
        tax_total=int(tax),
        tenders=tenders,
        cash_tendered=cash_tendered,
        change_given=change,
        cash_rounding=rounding,
        returns_count=int(r_count),
        returns_total=int(r_total),
        refunds={k: int(v) for k, v in refunds.items()},
        movements=moves,
        no_sales=no_sales,
        voids=int(voids),
        voided_total=int(voided),
        rates=rates,
        top_products=top,
        by_hour=tuple((h, c, a) for h, (c, a) in sorted(hours.items())),
    )


def card_tenders(conn: sqlite3.Connection, session_id: str) -> list[tuple[str, int]]:
    """(PaymentIntent, amount) of every card tender of the session's sales."""
    info = get_session(conn, session_id)
    if info is None:
        raise LookupError(f"no till session {session_id}")
    row = conn.execute(
        "SELECT last_sale_id FROM till_closures WHERE session_id = ?", (session_id,)
    ).fetchone()
    where, args = _sales_where(info, row[0] if row else None)
    return [
        (ref or "", int(amount))
        for ref, amount in conn.execute(
            "SELECT t.reference, t.amount FROM sales s JOIN sale_tenders t ON t.sale_id = s.sale_id "
            f"WHERE {where} "
            "AND t.kind = 'card'",
            args,
        )
    ]


def unresolved_card_attempts(conn: sqlite3.Connection) -> list[str]:
    """Card attempts whose outcome the payment journal does not know yet (PaymentIntent or attempt id)."""
    marks = ",".join("?" * len(FINAL_STATES))
    return [
        pi or attempt
        for attempt, pi in conn.execute(
            f"SELECT attempt_id, payment_intent_id FROM payment_attempts WHERE status NOT IN ({marks}) "
            "ORDER BY created_at",
            tuple(sorted(FINAL_STATES)),
        )
    ]


def session_attempts(conn: sqlite3.Connection, opened_at: str) -> set[str]:
    """Attempt ids of this till's card payments since `opened_at` (to tell its PaymentIntents at the
    processor from other tills')."""
    return {
        r[0]
        for r in conn.execute("SELECT attempt_id FROM payment_attempts WHERE created_at >= ?", (opened_at,))
    }


def close_session(
    conn: sqlite3.Connection,
    *,
    session_id: str,
    count: CashCount,
    closed_by: str,
    closed_at: str,
    build: Callable[[SessionFigures], TillClosure],
) -> TillClosure:
    """The close-out, in one transaction: refuse while a card payment is unresolved, read the figures,
    let `build` turn them into the closure (it may raise to refuse: the figures moved under an approval),
    write the closing count, the closure and its `till.closed` event (queued behind the session's sales)."""
    _open(conn, session_id)
    if unresolved_card_attempts(conn):
        raise SessionError("A card payment is not settled yet: finish or settle it before closing the till.")
    closure = build(figures(conn, session_id))
    last = receipts.last_seq(conn)
    journal.record_cash_count(
        conn,
        count_id=f"{session_id}:closing",
        session_id=session_id,
        kind="closing",
        denominations=count.to_json(),
        total=count.total,
        counted_by=closed_by,
        created_at=closed_at,
    )
    journal.commit_closure(conn, closure, last_sale_id=last)
    conn.execute("UPDATE till_sessions SET closed_at = ? WHERE session_id = ?", (closed_at, session_id))
    return closure


def closures(conn: sqlite3.Connection, till_id: str) -> list[TillClosure]:
    return [
        c
        for (sid,) in conn.execute(
            "SELECT session_id FROM till_closures WHERE till_id = ? ORDER BY closed_at DESC", (till_id,)
        )
        if (c := journal.get_closure(conn, sid)) is not None
    ]


def unsynced(conn: sqlite3.Connection) -> tuple[int, str | None]:
    """Events waiting for the backend, and when the oldest was made."""
    st = outbox.stats(conn)
    return st.depth, st.oldest_created_at


class SessionRecords:
    """The till sessions of one till as `app.till` uses them: each write one transaction on the store's
    writer, each read on a read-only connection."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.till_id = store.till_id

    def _read(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        conn = self.store.read_connection()
        try:
            return fn(conn)
        finally:
            conn.close()

    def current(self) -> SessionInfo | None:
        return self._read(lambda c: open_session_of(c, self.till_id))

    def get(self, session_id: str) -> SessionInfo | None:
        return self._read(lambda c: get_session(c, session_id))

    def recent(self, limit: int = 50) -> list[SessionInfo]:
        return self._read(lambda c: sessions(c, self.till_id, limit))

    def open(self, session_id: str, opened_by: str, count: CashCount, opened_at: str) -> SessionInfo:
        return self.store.write_sync(
            lambda c: open_session(
                c,
                session_id=session_id,
                till_id=self.till_id,
                opened_by=opened_by,
                count=count,
                opened_at=opened_at,
            )
        )

    def movement(self, **kw: Any) -> None:
        self.store.write_sync(lambda c: add_movement(c, **kw))

    def recount_float(self, **kw: Any) -> None:
        self.store.write_sync(lambda c: recount_float(c, **kw))

    def opening_count(self, session_id: str) -> CashCount | None:
        return self._read(lambda c: opening_count(c, session_id))

    def figures(self, session_id: str, tz: tzinfo | None = None) -> SessionFigures:
        return self._read(lambda c: figures(c, session_id, tz=tz))

    def card_tenders(self, session_id: str) -> list[tuple[str, int]]:
        return self._read(lambda c: card_tenders(c, session_id))

    def unresolved_card_attempts(self) -> list[str]:
        return self._read(unresolved_card_attempts)

    def session_attempts(self, opened_at: str) -> set[str]:
        return self._read(lambda c: session_attempts(c, opened_at))

    def close(self, **kw: Any) -> TillClosure:
        return self.store.write_sync(lambda c: close_session(c, **kw))

    def closure(self, session_id: str) -> TillClosure | None:
        return self._read(lambda c: journal.get_closure(c, session_id))

    def unsynced(self) -> tuple[int, str | None]:
        return self._read(unsynced)


__all__ = [
    "SessionError",
    "SessionRecords",
    "SessionInfo",
    "add_movement",
    "card_tenders",
    "close_session",
    "closures",
    "figures",
    "get_session",
    "open_session",
    "open_session_of",
    "opening_count",
    "recount_float",
    "session_attempts",
    "sessions",
    "unresolved_card_attempts",
    "unsynced",
]
