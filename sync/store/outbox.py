"""The outbox: events for the backend, written in the same transaction as the business change.

Every function takes the connection of a ``store.write`` function (or, for ``pending``, ``stats`` and
``dead_letters``, any connection). An event leaves the queue only by an acknowledgement from the server
(``ack``, which deletes it) or by being moved to the dead letters (``dead_letter``), where it stays until
a manager retries it; a trigger refuses the delete of any row that is neither. ``seq`` orders the
queue: a new event takes one more than the largest ``seq`` waiting in the outbox or the dead letters
(no counter row to write in every sale's commit), so a dead letter retried later keeps its place and
never meets its own number taken by another event.

A finalised document's event (``sale.completed``) stores a reference to the immutable document instead
of a copy (``doc_ref``); ``pending`` builds its payload from the journal, in one batch per call. That
keeps JSON encoding and ~1 KB per sale out of the durable sale commit.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sync.store.util import dumps, loads, now_iso

log = logging.getLogger("sync.outbox")
UNREADABLE = "_unreadable"  # key of the payload ``pending`` returns for a row it cannot decode
REASON_MAX = 100_000  # characters of a dead letter's reason kept (a conflict's carries the backend's version)


@dataclass(frozen=True, slots=True)
class OutboxEvent:
    seq: int
    event_id: str
    event_type: str
    payload: dict[str, Any]
    created_at: str
    attempts: int


@dataclass(frozen=True, slots=True)
class OutboxStats:
    depth: int
    oldest_created_at: str | None
    dead: int


@dataclass(frozen=True, slots=True)
class DeadLetter:
    seq: int
    event_id: str
    event_type: str
    payload: dict[str, Any]
    created_at: str
    attempts: int
    last_error: str | None
    reason: str
    dead_at: str


def enqueue(
    conn: sqlite3.Connection,
    event_type: str,
    payload: Mapping[str, Any],
    *,
    event_id: str | None = None,
    created_at: str | None = None,
) -> str:
    """Queue an event; must run inside the write transaction of the change it reports. Enqueueing an
    ``event_id`` that is still queued or in the dead letters changes nothing (the server is idempotent
    on event ids for anything sent again after its acknowledgement)."""
    if not conn.in_transaction:
        raise RuntimeError("outbox.enqueue must run inside a store.write transaction")
    if event_id is not None:
        if conn.execute("SELECT 1 FROM outbox WHERE event_id = ?", (event_id,)).fetchone():
            return event_id
        if conn.execute("SELECT 1 FROM dead_letters WHERE event_id = ?", (event_id,)).fetchone():
            return event_id
    eid = event_id or str(uuid.uuid4())
    _insert(conn, eid, event_type, dumps(dict(payload)), None, created_at or now_iso())
    return eid


def enqueue_document(
    conn: sqlite3.Connection, event_type: str, *, event_id: str, doc_ref: str, created_at: str
) -> None:
    """Queue the event of a just-written immutable document (``doc_ref`` = ``"sale:<sale_id>"``). The
    caller guarantees the event is new (the document did not exist before this transaction)."""
    _insert(conn, event_id, event_type, "", doc_ref, created_at)


def _insert(
    conn: sqlite3.Connection, eid: str, event_type: str, payload: str, doc_ref: str | None, created_at: str
) -> None:
    conn.execute(
        "INSERT INTO outbox (seq, event_id, event_type, payload, doc_ref, created_at) VALUES (1 + max("
        "coalesce((SELECT max(seq) FROM outbox), 0), coalesce((SELECT max(seq) FROM dead_letters), 0)), "
        "?,?,?,?,?)",
        (eid, event_type, payload, doc_ref, created_at),
    )


def _payloads(conn: sqlite3.Connection, rows: list[tuple[Any, ...]], payload_i: int, ref_i: int) -> list[Any]:
    """The payload of each row: its JSON, or the referenced document built in one batch per kind."""
    from sync.store import journal  # journal imports this module

    sale_ids = [int(r[ref_i].split(":", 1)[1]) for r in rows if r[ref_i] and r[ref_i].startswith("sale:")]
    sales = journal.sale_payloads(conn, sale_ids) if sale_ids else {}
    out = []
    for r in rows:
        ref = r[ref_i]
        try:
            if not ref:
                out.append(loads(r[payload_i]))
            elif ref.startswith("sale:"):
                out.append(sales[int(ref.split(":", 1)[1])])
            else:
                raise ValueError(f"unknown document reference {ref!r}")
        except (ValueError, KeyError, TypeError) as exc:
            # One unreadable row must not stop the queue (field failure A9): hand it over marked, so
            # the sync engine can move it to the dead letters where a manager sees it.
            log.error("outbox row %s is unreadable: %s", r[1], exc)
            out.append({UNREADABLE: f"{type(exc).__name__}: {exc}", "raw": str(r[payload_i])[:2000]})
    return out


def pending(conn: sqlite3.Connection, limit: int = 100) -> list[OutboxEvent]:
    """Un-acknowledged events, oldest first (seq order)."""
    rows = conn.execute(
        "SELECT seq, event_id, event_type, payload, created_at, attempts, doc_ref FROM outbox "
        "ORDER BY seq LIMIT ?",
        (int(limit),),
    ).fetchall()
    payloads = _payloads(conn, rows, 3, 6)
    return [OutboxEvent(r[0], r[1], r[2], p, r[4], r[5]) for r, p in zip(rows, payloads, strict=True)]


def _chunks(ids: Iterable[str], n: int = 500) -> Iterable[list[str]]:
    buf: list[str] = []
    for i in ids:
        buf.append(i)
        if len(buf) == n:
            yield buf
            buf = []
    if buf:
        yield buf


def ack(conn: sqlite3.Connection, event_ids: Iterable[str]) -> int:
    """Events acknowledged by the server leave the queue (marked, then deleted: the delete trigger
    refuses any row that was not acknowledged). Returns how many were acknowledged now."""
    at = now_iso()
    n = 0
    for chunk in _chunks(event_ids):
        marks = ",".join("?" * len(chunk))
        cur = conn.execute(
            f"UPDATE outbox SET acked_at = ? WHERE acked_at IS NULL AND event_id IN ({marks})",
            (at, *chunk),
        )
        n += cur.rowcount
        conn.execute(f"DELETE FROM outbox WHERE acked_at IS NOT NULL AND event_id IN ({marks})", chunk)
    return n


def record_failure(conn: sqlite3.Connection, event_ids: Iterable[str], error: str) -> None:
    """Count a failed delivery attempt (attempts + 1) and remember the error."""
    at = now_iso()
    for chunk in _chunks(event_ids):
        marks = ",".join("?" * len(chunk))
        conn.execute(
            f"UPDATE outbox SET attempts = attempts + 1, last_error = ?, last_attempt_at = ? "
            f"WHERE acked_at IS NULL AND event_id IN ({marks})",
            (str(error)[:2000], at, *chunk),
        )


def dead_letter(conn: sqlite3.Connection, event_id: str, reason: str) -> bool:
    """Move an un-acknowledged event to the dead letters (kept until retried). False if not queued."""
    row = conn.execute(
        "SELECT seq, event_id, event_type, payload, created_at, attempts, last_error, doc_ref FROM outbox "
        "WHERE event_id = ? AND acked_at IS NULL",
        (event_id,),
    ).fetchone()
    if row is None:
        return False
    conn.execute(
        "INSERT INTO dead_letters (seq, event_id, event_type, payload, created_at, attempts, last_error, "
        "doc_ref, reason, dead_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*row, str(reason)[:REASON_MAX], now_iso()),
    )
    conn.execute("DELETE FROM outbox WHERE event_id = ?", (event_id,))
    log.warning("event %s (%s) moved to dead letters: %s", event_id, row[2], reason)
    return True


def retry_dead(conn: sqlite3.Connection, event_ids: Iterable[str] | None = None) -> int:
    """Put dead letters back in the queue at their original place, attempts reset. Returns the count."""
    cols = "seq, event_id, event_type, payload, created_at, doc_ref"
    if event_ids is None:
        rows = conn.execute(f"SELECT {cols} FROM dead_letters ORDER BY seq").fetchall()
    else:
        rows = []
        for chunk in _chunks(event_ids):
            marks = ",".join("?" * len(chunk))
            rows += conn.execute(
                f"SELECT {cols} FROM dead_letters WHERE event_id IN ({marks}) ORDER BY seq", chunk
            ).fetchall()
    for seq, eid, etype, payload, created_at, doc_ref in rows:
        conn.execute(
            "INSERT INTO outbox (seq, event_id, event_type, payload, created_at, doc_ref) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (seq, eid, etype, payload, created_at, doc_ref),
        )
        conn.execute("DELETE FROM dead_letters WHERE event_id = ?", (eid,))
    return len(rows)


def dead_letters(conn: sqlite3.Connection, limit: int = 1000) -> list[DeadLetter]:
    rows = conn.execute(
        "SELECT seq, event_id, event_type, payload, created_at, attempts, last_error, reason, dead_at, "
        "doc_ref FROM dead_letters ORDER BY seq LIMIT ?",
        (int(limit),),
    ).fetchall()
    payloads = _payloads(conn, rows, 3, 9)
    return [DeadLetter(r[0], r[1], r[2], p, *r[4:9]) for r, p in zip(rows, payloads, strict=True)]


def stats(conn: sqlite3.Connection) -> OutboxStats:
    depth, oldest = conn.execute(
        "SELECT count(*), min(created_at) FROM outbox WHERE acked_at IS NULL"
    ).fetchone()
    (dead,) = conn.execute("SELECT count(*) FROM dead_letters").fetchone()
    return OutboxStats(int(depth), oldest, int(dead))


def purge_acked(conn: sqlite3.Connection, acked_before: str) -> int:
    """Housekeeping: delete events acknowledged before ``acked_before`` (ISO time). Never un-acked ones.
    (``ack`` already deletes; this is for rows acknowledged by older versions.)"""
    cur = conn.execute(
        "DELETE FROM outbox WHERE acked_at IS NOT NULL AND acked_at < ?",
        (acked_before,),
    )
    return cur.rowcount
