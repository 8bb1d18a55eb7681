"""Receipt numbers: the till's prefix and a monotonic sequence, never handed out twice.

The counter lives in ``receipt_sequences`` and moves only forward inside write transactions. A number
is either taken inside the transaction that commits its document (so a crash before the commit leaves
neither the document nor the number: that number was never shown to anyone), or reserved ahead with
``reserve`` in a transaction of its own (so it stays taken even if the sale never completes).
"""

from __future__ import annotations

import sqlite3

from sync.store.util import now_iso

WIDTH = 6


def format_receipt_no(till_id: str, seq: int) -> str:
    return f"{till_id}-{seq:0{WIDTH}d}"


def _bump(conn: sqlite3.Connection, till_id: str) -> int:
    if not conn.in_transaction:
        raise RuntimeError("receipt numbers are taken inside a store.write transaction")
    row = conn.execute(
        "INSERT INTO receipt_sequences (till_id, last_seq) VALUES (?, 1) "
        "ON CONFLICT (till_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
        (till_id,),
    ).fetchone()
    return int(row[0])


def next_number(conn: sqlite3.Connection, till_id: str) -> str:
    """Take the next number inside the caller's transaction (the document's own commit)."""
    return format_receipt_no(till_id, _bump(conn, till_id))


def reserve(conn: sqlite3.Connection, till_id: str) -> str:
    """Take the next number and record it as reserved; commit this on its own to keep it taken."""
    seq = _bump(conn, till_id)
    no = format_receipt_no(till_id, seq)
    conn.execute(
        "INSERT INTO receipt_reservations (receipt_no, till_id, seq, reserved_at) VALUES (?, ?, ?, ?)",
        (no, till_id, seq, now_iso()),
    )
    return no


def claim_reserved(conn: sqlite3.Connection, receipt_no: str) -> None:
    """Check that ``receipt_no`` was reserved on this database and not used by any document yet."""
    if not conn.execute("SELECT 1 FROM receipt_reservations WHERE receipt_no = ?", (receipt_no,)).fetchone():
        raise ValueError(f"receipt number {receipt_no} was not reserved on this till")
    used = conn.execute(
        "SELECT 1 FROM sales WHERE receipt_no = ?1 UNION ALL SELECT 1 FROM returns WHERE receipt_no = ?1",
        (receipt_no,),
    ).fetchone()
    if used:
        raise ValueError(f"receipt number {receipt_no} is already used")


def last_seq(conn: sqlite3.Connection, till_id: str) -> int:
    row = conn.execute("SELECT last_seq FROM receipt_sequences WHERE till_id = ?", (till_id,)).fetchone()
    return int(row[0]) if row else 0
