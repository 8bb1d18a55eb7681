"""The sales journal: finalised sales, returns and till closures, each with its outbox event, in one
transaction. Rows are immutable once written (triggers refuse UPDATE and DELETE)."""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass
from typing import Any

from pos.documents import (
    Refund,
    ReturnDocument,
    ReturnLine,
    SaleDocument,
    SaleLine,
    TaxLine,
    Tender,
    TillClosure,
)
from pos.fulfilment import Fulfilment
from pos.measure import Measure
from sync.store import outbox, receipts
from sync.store.crash import crashpoint
from sync.store.util import dumps, loads

SALE_EVENT = "sale.completed"
RETURN_EVENT = "return.completed"
CLOSURE_EVENT = "till.closed"
CLOSURE_PREFIX = "closure-"  # a closure's event id: the prefix and its session id


# One statement: is this sale already recorded, which receipt number is next, and which till session is
# open (a sale belongs to the session open at its commit: a sale committed while the till closes lands in
# the closing session's Z report or, committed after the closure, in the next session's).
_SALE_SEQ_SQL = (
    "SELECT (SELECT sale_id FROM sales WHERE sale_uuid = ?), "
    + receipts.NEXT_SEQ_SQL
    + ", (SELECT session_id FROM till_sessions WHERE till_id = ? AND closed_at IS NULL)"
)


def commit_sale(conn: sqlite3.Connection, sale: SaleDocument) -> SaleDocument:
    """Write the sale (header, lines, tax lines, tenders), take its receipt number if it has none and
    queue its ``sale.completed`` event (event_id = sale_uuid) — all in the caller's transaction.
    Idempotent: a sale_uuid already recorded returns the recorded document unchanged."""
    if not conn.in_transaction:
        raise RuntimeError("commit_sale must run inside a store.write transaction")
    cur = conn.cursor()  # one cursor for these statements: a new one per statement costs ~1 µs
    dup, seq, session = cur.execute(_SALE_SEQ_SQL, (sale.sale_uuid, sale.till_id)).fetchone()
    if dup is not None:
        return get_sale(conn, sale.sale_uuid)  # type: ignore[return-value]
    sale.check()
    if any(a.tax_code > b.tax_code for a, b in zip(sale.tax_lines, sale.tax_lines[1:], strict=False)):
        sale = dataclasses.replace(sale, tax_lines=tuple(sorted(sale.tax_lines, key=lambda t: t.tax_code)))
    if sale.receipt_no:
        reserved = receipts.claim_reserved(conn, sale.receipt_no)
        if reserved is None:  # reserved before schema 8: that number stays unused, take the next one
            sale = sale.with_receipt_no(receipts.format_receipt_no(sale.till_id, seq), session)
        else:
            seq = reserved
            sale = sale.with_receipt_no(sale.receipt_no, session)
    else:
        sale = sale.with_receipt_no(receipts.format_receipt_no(sale.till_id, seq), session)
    sale_id = seq
    cur.execute(
        "INSERT INTO sales (sale_id, sale_uuid, receipt_no, till_id, session_id, staff_id, member_no, "
        "currency, created_at, subtotal, discount_total, tax_total, total) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            seq,
            sale.sale_uuid,
            sale.receipt_no,
            sale.till_id,
            sale.session_id,
            sale.staff_id,
            sale.member_no,
            sale.currency,
            sale.created_at,
            sale.subtotal,
            sale.discount_total,
            sale.tax_total,
            sale.total,
        ),
    )
    cur.executemany(
        "INSERT INTO sale_lines (line_key, sale_id, line_no, sku, description, quantity, unit_price, "
        "discount, tax_code, tax_amount, paid_amount, measure_quantity, measure_unit, measure_price, "
        "measure_per, fulfilment) "
        "VALUES (?1 * 10000 + ?2, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        [
            (
                sale_id,
                ln.line_no,
                ln.sku,
                ln.description,
                ln.quantity,
                ln.unit_price,
                ln.discount,
                ln.tax_code,
                ln.tax_amount,
                ln.paid_amount,
                *_measure_columns(ln.measure),
                None if ln.fulfilment is None else dumps(ln.fulfilment.to_dict()),
            )
            for ln in sale.lines
        ],
    )
    crashpoint("mid_sale_commit")
    cur.executemany(
        "INSERT INTO sale_tax_lines (sale_id, tax_code, rate, taxable_amount, tax_amount) VALUES (?,?,?,?,?)",
        [(sale_id, t.tax_code, t.rate, t.taxable_amount, t.tax_amount) for t in sale.tax_lines],
    )
    cur.executemany(
        "INSERT INTO sale_tenders (sale_id, tender_no, kind, amount, change_given, reference, rounding) "
        "VALUES (?,?,?,?,?,?,?)",
        [
            (sale_id, i, t.kind, t.amount, t.change_given, t.reference, t.rounding)
            for i, t in enumerate(sale.tenders, 1)
        ],
    )
    # The sale did not exist, so neither did its event; the payload is built from these rows when sent.
    outbox.enqueue_document(
        conn, SALE_EVENT, event_id=sale.sale_uuid, doc_ref=f"sale:{sale_id}", created_at=sale.created_at
    )
    return sale


def sale_payloads(conn: sqlite3.Connection, sale_ids: list[int]) -> dict[int, dict[str, Any]]:
    """``SaleDocument.to_dict()`` of each sale, by sale_id, in four queries per 500 sales."""
    out: dict[int, dict[str, Any]] = {}
    for i in range(0, len(sale_ids), 500):
        chunk = sorted(set(sale_ids[i : i + 500]))
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(
            "SELECT sale_id, sale_uuid, receipt_no, till_id, staff_id, member_no, currency, created_at, "
            f"subtotal, discount_total, tax_total, total, session_id FROM sales WHERE sale_id IN ({marks})",
            chunk,
        ):
            out[r[0]] = {
                "sale_uuid": r[1],
                "receipt_no": r[2],
                "till_id": r[3],
                "staff_id": r[4],
                "member_no": r[5],
                "currency": r[6],
                "created_at": r[7],
                "subtotal": r[8],
                "discount_total": r[9],
                "tax_total": r[10],
                "total": r[11],
                "lines": [],
                "tax_lines": [],
                "tenders": [],
                "session_id": r[12],
            }
        lines_sql = (
            "SELECT sale_id, line_no, sku, description, quantity, unit_price, discount, tax_code, "
            "tax_amount, paid_amount, measure_quantity, measure_unit, measure_price, measure_per, fulfilment "
            "FROM sale_lines WHERE line_key BETWEEN ?1 * 10000 AND ?1 * 10000 + 9999 ORDER BY line_key"
        )
        for r in (row for sid in chunk for row in conn.execute(lines_sql, (sid,))):
            out[r[0]]["lines"].append(
                {
                    "line_no": r[1],
                    "sku": r[2],
                    "description": r[3],
                    "quantity": r[4],
                    "unit_price": r[5],
                    "discount": r[6],
                    "tax_code": r[7],
                    "tax_amount": r[8],
                    "paid_amount": r[9],
                    "measure": _measure_dict(*r[10:14]),
                }
                | ({} if r[14] is None else {"fulfilment": loads(r[14])})
            )
        for r in conn.execute(
            "SELECT sale_id, tax_code, rate, taxable_amount, tax_amount FROM sale_tax_lines "
            f"WHERE sale_id IN ({marks}) ORDER BY sale_id, tax_code",
            chunk,
        ):
            out[r[0]]["tax_lines"].append(
                {"tax_code": r[1], "rate": r[2], "taxable_amount": r[3], "tax_amount": r[4]}
            )
        for r in conn.execute(
            "SELECT sale_id, kind, amount, change_given, reference, rounding FROM sale_tenders "
            f"WHERE sale_id IN ({marks}) ORDER BY sale_id, tender_no",
            chunk,
        ):
            out[r[0]]["tenders"].append(
                {"kind": r[1], "amount": r[2], "change_given": r[3], "reference": r[4], "rounding": r[5]}
            )
    return out


def last_sale(conn: sqlite3.Connection, till_id: str) -> SaleDocument | None:
    """The till's most recent sale (the highest receipt number), or None."""
    row = conn.execute(
        "SELECT sale_uuid FROM sales WHERE till_id = ? ORDER BY sale_id DESC LIMIT 1", (till_id,)
    ).fetchone()
    return None if row is None else get_sale(conn, row[0])


def get_sale(conn: sqlite3.Connection, sale_uuid: str) -> SaleDocument | None:
    row = conn.execute(
        "SELECT sale_uuid, receipt_no, till_id, staff_id, member_no, currency, created_at, subtotal, "
        "discount_total, tax_total, total, session_id, sale_id FROM sales WHERE sale_uuid = ?",
        (sale_uuid,),
    ).fetchone()
    if row is None:
        return None
    sale_id = row[12]
    lines = tuple(
        SaleLine(*r[:9], measure=_measure(*r[9:13]), fulfilment=_fulfilment(r[13]))
        for r in conn.execute(
            "SELECT line_no, sku, description, quantity, unit_price, discount, tax_code, tax_amount, "
            "paid_amount, measure_quantity, measure_unit, measure_price, measure_per, fulfilment "
            "FROM sale_lines WHERE line_key BETWEEN ?1 * 10000 AND ?1 * 10000 + 9999 ORDER BY line_key",
            (sale_id,),
        )
    )
    tax_lines = tuple(
        TaxLine(*r)
        for r in conn.execute(
            "SELECT tax_code, rate, taxable_amount, tax_amount FROM sale_tax_lines WHERE sale_id = ? "
            "ORDER BY tax_code",
            (sale_id,),
        )
    )
    tenders = tuple(
        Tender(*r)
        for r in conn.execute(
            "SELECT kind, amount, change_given, reference, rounding FROM sale_tenders WHERE sale_id = ? "
            "ORDER BY tender_no",
            (sale_id,),
        )
    )
    return SaleDocument(*row[:11], lines=lines, tax_lines=tax_lines, tenders=tenders, session_id=row[11])


def _fulfilment(text: str | None) -> Fulfilment | None:
    """A sale line's order (the fulfilment column, JSON), None on every other line."""
    return None if text is None else Fulfilment.from_dict(loads(text))


def _measure_columns(measure: Measure | None) -> tuple[str | None, str | None, int | None, str | None]:
    if measure is None:
        return None, None, None, None
    d = measure.to_dict()
    return d["quantity"], d["unit"], d["unit_price"], d.get("per")


def _measure_dict(quantity: str | None, unit: str, unit_price: int, per: str | None) -> dict[str, Any] | None:
    """A weighed line's measure columns as ``Measure.to_dict()`` (None on every other line)."""
    if quantity is None:
        return None
    d: dict[str, Any] = {"quantity": quantity, "unit": unit, "unit_price": unit_price}
    if per is not None:
        d["per"] = per
    return d


def _measure(quantity: str | None, unit: str, unit_price: int, per: str | None) -> Measure | None:
    d = _measure_dict(quantity, unit, unit_price, per)
    return None if d is None else Measure.from_dict(d)


def commit_return(conn: sqlite3.Connection, ret: ReturnDocument) -> ReturnDocument:
    """Write a return, its lines and refunds, its receipt number and its outbox event (one transaction)."""
    if not conn.in_transaction:
        raise RuntimeError("commit_return must run inside a store.write transaction")
    existing = get_return(conn, ret.return_uuid)
    if existing is not None:
        return existing
    ret.check()
    seq = receipts.claim_reserved(conn, ret.receipt_no) if ret.receipt_no else None
    if seq is None:  # no number yet, or one reserved before schema 8 (it stays unused)
        seq = receipts.next_seq(conn)
        ret = dataclasses.replace(ret, receipt_no=receipts.format_receipt_no(ret.till_id, seq))
    conn.execute(
        "INSERT INTO returns (return_uuid, receipt_no, till_id, staff_id, member_no, currency, created_at, "
        "tax_total, total, original_sale_uuid, original_order_no, reason, approved_by, seq, store_id, "
        "verified, points_taken_back, points_given_back, session_id) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
        "(SELECT session_id FROM till_sessions WHERE till_id = ? AND closed_at IS NULL))",
        (
            ret.return_uuid,
            ret.receipt_no,
            ret.till_id,
            ret.staff_id,
            ret.member_no,
            ret.currency,
            ret.created_at,
            ret.tax_total,
            ret.total,
            ret.original_sale_uuid,
            ret.original_order_no,
            ret.reason,
            ret.approved_by,
            seq,
            ret.store_id,
            int(ret.verified),
            ret.points_taken_back,
            ret.points_given_back,
            ret.till_id,
        ),
    )
    conn.executemany(
        "INSERT INTO return_lines (return_uuid, line_no, sku, description, quantity, refund_amount, "
        "tax_code, tax_amount, original_sale_uuid, original_line_no, restock, measure_quantity, "
        "measure_unit, measure_price, measure_per, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                ret.return_uuid,
                ln.line_no,
                ln.sku,
                ln.description,
                ln.quantity,
                ln.refund_amount,
                ln.tax_code,
                ln.tax_amount,
                ln.original_sale_uuid,
                ln.original_line_no,
                int(ln.restock),
                *_measure_columns(ln.measure),
                ln.reason,
            )
            for ln in ret.lines
        ],
    )
    crashpoint("mid_return_commit")
    conn.executemany(
        "INSERT INTO return_refunds (return_uuid, refund_no, kind, amount, reference) VALUES (?,?,?,?,?)",
        [(ret.return_uuid, i, r.kind, r.amount, r.reference) for i, r in enumerate(ret.refunds, 1)],
    )
    outbox.enqueue(conn, RETURN_EVENT, ret.to_dict(), event_id=ret.return_uuid, created_at=ret.created_at)
    return ret


def get_return(conn: sqlite3.Connection, return_uuid: str) -> ReturnDocument | None:
    row = conn.execute(
        "SELECT return_uuid, receipt_no, till_id, staff_id, member_no, currency, created_at, tax_total, "
        "total, original_sale_uuid, original_order_no, reason, approved_by, store_id, verified, "
        "points_taken_back, points_given_back FROM returns WHERE return_uuid = ?",
        (return_uuid,),
    ).fetchone()
    if row is None:
        return None
    lines = tuple(
        ReturnLine(*r[:9], restock=bool(r[9]), measure=_measure(*r[10:14]), reason=r[14])
        for r in conn.execute(
            "SELECT line_no, sku, description, quantity, refund_amount, tax_code, tax_amount, "
            "original_sale_uuid, original_line_no, restock, measure_quantity, measure_unit, measure_price, "
            "measure_per, reason FROM return_lines WHERE return_uuid = ? ORDER BY line_no",
            (return_uuid,),
        )
    )
    refunds = tuple(
        Refund(*r)
        for r in conn.execute(
            "SELECT kind, amount, reference FROM return_refunds WHERE return_uuid = ? ORDER BY refund_no",
            (return_uuid,),
        )
    )
    return ReturnDocument(
        *row[:9],
        lines=lines,
        refunds=refunds,
        original_sale_uuid=row[9],
        original_order_no=row[10],
        reason=row[11],
        approved_by=row[12],
        store_id=row[13],
        verified=bool(row[14]),
        points_taken_back=row[15],
        points_given_back=row[16],
    )


def returns_of(
    conn: sqlite3.Connection, *, sale_uuid: str | None = None, order_no: str | None = None
) -> list[ReturnDocument]:
    """This till's returns of a sale or an order, oldest first."""
    column, value = ("original_sale_uuid", sale_uuid) if sale_uuid else ("original_order_no", order_no)
    uuids = [
        r[0]
        for r in conn.execute(f"SELECT return_uuid FROM returns WHERE {column} = ? ORDER BY seq", (value,))
    ]
    return [r for r in (get_return(conn, u) for u in uuids) if r is not None]


def returned_quantity(conn: sqlite3.Connection, sale_uuid: str, line_no: int) -> int:
    (q,) = conn.execute(
        "SELECT coalesce(sum(quantity), 0) FROM return_lines WHERE original_sale_uuid = ? "
        "AND original_line_no = ?",
        (sale_uuid, line_no),
    ).fetchone()
    return int(q)


# ---------------------------------------------------------------- till sessions
def open_session(
    conn: sqlite3.Connection,
    *,
    session_id: str,
    till_id: str,
    opened_by: str,
    currency: str,
    opening_float: int,
    opened_at: str,
) -> None:
    conn.execute(
        "INSERT INTO till_sessions (session_id, till_id, opened_at, opened_by, currency, opening_float, "
        "first_sale_id) VALUES (?,?,?,?,?,?,?)",
        (session_id, till_id, opened_at, opened_by, currency, opening_float, receipts.lowest_open(conn)),
    )
    payload = opened_payload(session_id, till_id, opened_at, opened_by, currency, opening_float)
    outbox.enqueue(conn, "till.opened", payload, event_id=session_id, created_at=opened_at)


def opened_payload(
    session_id: str, till_id: str, opened_at: str, opened_by: str, currency: str, opening_float: int
) -> dict[str, Any]:
    """The ``till.opened`` event of a till session (its row of ``till_sessions``, in column order)."""
    return {
        "session_id": session_id,
        "till_id": till_id,
        "opened_by": opened_by,
        "currency": currency,
        "opening_float": opening_float,
        "opened_at": opened_at,
    }


@dataclass(frozen=True, slots=True)
class SessionSummary:
    session_id: str
    sales_count: int
    sales_total: int
    tax_total: int
    tenders: dict[str, int]  # kind -> amount applied to sales
    change_given: int
    rounding: int  # cash rounding over all tenders (cash taken = amount + rounding)
    cash_movements: dict[str, int]  # kind -> sum of amounts


def session_summary(conn: sqlite3.Connection, session_id: str) -> SessionSummary:
    """Totals of one till session from the journal (the inputs of X and Z reports). Reads only the
    session's own sales: from its first possible sale_id on, not the whole journal."""
    row = conn.execute(
        "SELECT first_sale_id FROM till_sessions WHERE session_id = ?", (session_id,)
    ).fetchone()
    if row is None:
        raise LookupError(f"no till session {session_id}")
    first = row[0] or 0
    n, total, tax = conn.execute(
        "SELECT count(*), coalesce(sum(total), 0), coalesce(sum(tax_total), 0) FROM sales "
        "WHERE sale_id >= ? AND session_id = ?",
        (first, session_id),
    ).fetchone()
    tenders: dict[str, int] = {}
    change = rounding = 0
    for kind, amount, ch, rnd in conn.execute(
        "SELECT t.kind, sum(t.amount), sum(t.change_given), sum(t.rounding) FROM sales s JOIN sale_tenders t "
        "ON t.sale_id = s.sale_id WHERE s.sale_id >= ? AND s.session_id = ? GROUP BY t.kind",
        (first, session_id),
    ):
        tenders[kind] = int(amount)
        change += int(ch)
        rounding += int(rnd)
    moves = dict(
        conn.execute(
            "SELECT kind, sum(amount) FROM cash_movements WHERE session_id = ? GROUP BY kind", (session_id,)
        ).fetchall()
    )
    return SessionSummary(session_id, int(n), int(total), int(tax), tenders, change, rounding, moves)


def current_session(conn: sqlite3.Connection, till_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT s.session_id, s.opened_at, s.opened_by, s.currency, s.opening_float FROM till_sessions s "
        "LEFT JOIN till_closures c ON c.session_id = s.session_id "
        "WHERE s.till_id = ? AND c.session_id IS NULL ORDER BY s.opened_at DESC LIMIT 1",
        (till_id,),
    ).fetchone()
    if row is None:
        return None
    keys = ("session_id", "opened_at", "opened_by", "currency", "opening_float")
    return dict(zip(keys, row, strict=True))


def record_cash_movement(
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
    conn.execute(
        "INSERT INTO cash_movements (movement_id, session_id, kind, amount, reason, staff_id, approved_by, "
        "created_at) VALUES (?,?,?,?,?,?,?,?)",
        (movement_id, session_id, kind, amount, reason, staff_id, approved_by, created_at),
    )
    payload = movement_payload(
        movement_id, session_id, kind, amount, reason, staff_id, approved_by, created_at
    )
    outbox.enqueue(conn, "cash.movement", payload, event_id=movement_id, created_at=created_at)


def movement_payload(
    movement_id: str,
    session_id: str,
    kind: str,
    amount: int,
    reason: str,
    staff_id: str,
    approved_by: str | None,
    created_at: str,
) -> dict[str, Any]:
    """The ``cash.movement`` event of a cash movement (its row of ``cash_movements``, in column order)."""
    return {
        "movement_id": movement_id,
        "session_id": session_id,
        "kind": kind,
        "amount": amount,
        "reason": reason,
        "staff_id": staff_id,
        "approved_by": approved_by,
        "created_at": created_at,
    }


def record_cash_count(
    conn: sqlite3.Connection,
    *,
    count_id: str,
    session_id: str,
    kind: str,
    denominations: dict[str, int],
    total: int,
    counted_by: str,
    created_at: str,
) -> None:
    conn.execute(
        "INSERT INTO cash_counts (count_id, session_id, kind, denominations, total, counted_by, created_at) "
        "VALUES (?,?,?,?,?,?,?)",
        (count_id, session_id, kind, dumps(denominations), total, counted_by, created_at),
    )


def commit_closure(
    conn: sqlite3.Connection, closure: TillClosure, *, last_sale_id: int | None = None
) -> TillClosure:
    row = conn.execute(
        "SELECT session_id FROM till_closures WHERE session_id = ?", (closure.session_id,)
    ).fetchone()
    if row is not None:
        return get_closure(conn, closure.session_id)  # type: ignore[return-value]
    conn.execute(
        "INSERT INTO till_closures (session_id, till_id, closed_by, closed_at, currency, expected_cash, "
        "counted_cash, difference, reason, approved_by, report, last_sale_id) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            closure.session_id,
            closure.till_id,
            closure.closed_by,
            closure.closed_at,
            closure.currency,
            closure.expected_cash,
            closure.counted_cash,
            closure.difference,
            closure.reason,
            closure.approved_by,
            dumps(closure.report),
            last_sale_id,
        ),
    )
    outbox.enqueue(
        conn,
        CLOSURE_EVENT,
        closure.to_dict(),
        event_id=f"{CLOSURE_PREFIX}{closure.session_id}",
        created_at=closure.closed_at,
    )
    return closure


def get_closure(conn: sqlite3.Connection, session_id: str) -> TillClosure | None:
    row = conn.execute(
        "SELECT session_id, till_id, closed_by, closed_at, currency, expected_cash, counted_cash, "
        "difference, reason, approved_by, report FROM till_closures WHERE session_id = ?",
        (session_id,),
    ).fetchone()
    if row is None:
        return None
    return TillClosure(*row[:10], report=loads(row[10]))
