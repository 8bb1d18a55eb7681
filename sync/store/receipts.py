"""Receipt numbers: the till's prefix and a monotonic sequence, never handed out twice.

One sequence per database (schema version 8). A number is either taken inside the transaction that
commits its document (so a crash before the commit leaves neither the document nor the number: that
number was never shown to anyone), or reserved ahead with ``reserve`` in a transaction of its own (so
it stays taken even if the sale never completes).

There is no counter row to bump: the next number is one more than the largest number held by a sale
(its ``sale_id`` *is* its number), a return (``returns.seq``), a reservation, or
``counters('receipt_floor')`` (what the per-till counters of earlier versions had handed out). Sales,
returns and reservations are never deleted (triggers), so that maximum never goes back, and the sale
commit writes neither a counter page nor a receipt-number index (docs/architecture.md: durable commit
< 2x fsync).
A renamed till carries on from the same sequence.
"""

from __future__ import annotations

import sqlite3

from sync.store.util import now_iso

WIDTH = 6

_FLOOR = "coalesce((SELECT value FROM counters WHERE name = 'receipt_floor'), 0)"
# The next free number. Each max() reads the right edge of a B-tree (sales' rowid, two indexes).
NEXT_SEQ_SQL = (
    "1 + max(coalesce((SELECT max(sale_id) FROM sales), 0), coalesce((SELECT max(seq) FROM returns), 0), "
    "coalesce((SELECT max(seq) FROM receipt_reservations), 0), " + _FLOOR + ")"
)


def format_receipt_no(till_id: str, seq: int) -> str:
    return f"{till_id}-{seq:0{WIDTH}d}"


def next_seq(conn: sqlite3.Connection) -> int:
    """The number the next document will take (inside the write transaction that commits it)."""
    if not conn.in_transaction:
        raise RuntimeError("receipt numbers are taken inside a store.write transaction")
    return int(conn.execute("SELECT " + NEXT_SEQ_SQL).fetchone()[0])


def next_number(conn: sqlite3.Connection, till_id: str) -> str:
    """The next receipt number, for a document committed in the caller's transaction."""
    return format_receipt_no(till_id, next_seq(conn))


def reserve(conn: sqlite3.Connection, till_id: str) -> str:
    """Take the next number and record it as reserved; commit this on its own to keep it taken."""
    seq = next_seq(conn)
    no = format_receipt_no(till_id, seq)
    conn.execute(
        "INSERT INTO receipt_reservations (receipt_no, till_id, seq, reserved_at) VALUES (?, ?, ?, ?)",
        (no, till_id, seq, now_iso()),
    )
    return no


def claim_reserved(conn: sqlite3.Connection, receipt_no: str) -> int | None:
    """Check that ``receipt_no`` was reserved on this database and not used by any document yet, and
    return its sequence number — or None for a number reserved before schema version 8 (from a per-till
    counter, so it may equal an older sale's ``sale_id``): that number stays taken and unused, and the
    document takes a new one."""
    row = conn.execute(
        f"SELECT seq, seq <= {_FLOOR} FROM receipt_reservations WHERE receipt_no = ?",
        (receipt_no,),
    ).fetchone()
    if row is None:
        raise ValueError(f"receipt number {receipt_no} was not reserved on this till")
    seq, legacy = int(row[0]), bool(row[1])
    if legacy:
        return None
    used = conn.execute(
        "SELECT 1 FROM sales WHERE sale_id = ?1 UNION ALL SELECT 1 FROM returns WHERE seq = ?1", (seq,)
    ).fetchone()
    if used:
        raise ValueError(f"receipt number {receipt_no} is already used")
    return seq


def lowest_open(conn: sqlite3.Connection) -> int:
    """The lowest number a sale committed from now on can take: the next number, or a reservation
    not yet used by any document (a till session reads its sales from there on). A reservation never
    used keeps that lower bound where it is, so later sessions' reports read from its number on (a
    key range of the sales table: ~0.3 ms per 1,000 sales, measured by bench.store)."""
    return int(
        conn.execute(
            "SELECT min(" + NEXT_SEQ_SQL + ", coalesce((SELECT min(r.seq) FROM receipt_reservations r "
            f"WHERE r.seq > {_FLOOR} "
            "AND NOT EXISTS (SELECT 1 FROM sales WHERE sale_id = r.seq) "
            "AND NOT EXISTS (SELECT 1 FROM returns WHERE seq = r.seq)), 9223372036854775807))"
        ).fetchone()[0]
    )


def last_seq(conn: sqlite3.Connection) -> int:
    """The largest receipt number taken on this database (0 when none)."""
    return int(conn.execute("SELECT " + NEXT_SEQ_SQL + " - 1").fetchone()[0])
