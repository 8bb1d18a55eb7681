"""The outbox: events for the backend, written in the same transaction as the business change.

Every function takes the connection of a ``store.write`` function (or, for ``pending`` and ``stats``,
any connection). An event leaves the queue only by an acknowledgement from the server (``ack``) or by
being moved to the dead letters (``dead_letter``), where it stays until a manager retries it.
An acknowledged event is deleted at once; a trigger refuses the delete of any row that is neither
acknowledged nor moved to the dead letters. ``seq`` comes from AUTOINCREMENT and is never reused.
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
    _check_dead: bool = True,
) -> str:
    """Queue an event; must run inside the write transaction of the change it reports.
    Enqueueing an ``event_id`` that is already queued (or acknowledged, or dead) changes nothing."""
    if not conn.in_transaction:
        raise RuntimeError("outbox.enqueue must run inside a store.write transaction")
    eid = event_id or str(uuid.uuid4())
    if (
        event_id is not None
        and conn.execute("SELECT 1 FROM dead_letters WHERE event_id = ?", (eid,)).fetchone()
    ):
        return eid
    conn.execute(
        "INSERT INTO outbox (event_id, event_type, payload, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (event_id) DO NOTHING",
        (eid, event_type, dumps(dict(payload)), created_at or now_iso()),
    )
    return eid


def pending(conn: sqlite3.Connection, limit: int = 100) -> list[OutboxEvent]:
    """Un-acknowledged events, oldest first (seq order)."""
    rows = conn.execute(
        "SELECT seq, event_id, event_type, payload, created_at, attempts FROM outbox "
        "WHERE acked_at IS NULL ORDER BY seq LIMIT ?",
        (int(limit),),
    ).fetchall()
    return [OutboxEvent(r[0], r[1], r[2], loads(r[3]), r[4], r[5]) for r in rows]


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
        "SELECT seq, event_id, event_type, payload, created_at, attempts, last_error FROM outbox "
        "WHERE event_id = ? AND acked_at IS NULL",
        (event_id,),
    ).fetchone()
    if row is None:
        return False
    conn.execute(
        "INSERT INTO dead_letters (seq, event_id, event_type, payload, created_at, attempts, last_error, "
        "reason, dead_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*row, str(reason)[:2000], now_iso()),
    )
    conn.execute("DELETE FROM outbox WHERE event_id = ?", (event_id,))
    log.warning("event %s (%s) moved to dead letters: %s", event_id, row[2], reason)
    return True


def retry_dead(conn: sqlite3.Connection, event_ids: Iterable[str] | None = None) -> int:
    """Put dead letters back in the queue at their original place, attempts reset. Returns the count."""
    if event_ids is None:
        rows = conn.execute(
            "SELECT seq, event_id, event_type, payload, created_at FROM dead_letters ORDER BY seq"
        ).fetchall()
    else:
        rows = []
        for chunk in _chunks(event_ids):
            marks = ",".join("?" * len(chunk))
            rows += conn.execute(
                f"SELECT seq, event_id, event_type, payload, created_at FROM dead_letters "
                f"WHERE event_id IN ({marks}) ORDER BY seq",
                chunk,
            ).fetchall()
    for seq, eid, etype, payload, created_at in rows:
        conn.execute(
            "INSERT INTO outbox (seq, event_id, event_type, payload, created_at) VALUES (?, ?, ?, ?, ?)",
            (seq, eid, etype, payload, created_at),
        )
        conn.execute("DELETE FROM dead_letters WHERE event_id = ?", (eid,))
    return len(rows)


def dead_letters(conn: sqlite3.Connection, limit: int = 1000) -> list[DeadLetter]:
    rows = conn.execute(
        "SELECT seq, event_id, event_type, payload, created_at, attempts, last_error, reason, dead_at "
        "FROM dead_letters ORDER BY seq LIMIT ?",
        (int(limit),),
    ).fetchall()
    return [DeadLetter(r[0], r[1], r[2], loads(r[3]), *r[4:]) for r in rows]


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
