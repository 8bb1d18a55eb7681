"""The journal's side of reconciliation: every event the till sent, read back from the documents it keeps,
and put in the outbox again when the backend lacks it (sync/reconcile.py compares; docs/sync.md).

An acknowledged event leaves the outbox, so after a backend lost data (restored from an older backup) only
the journal can say what was sent. Each kind of document is a `Source`: its events since a day (local event
id, ``created_at``, the amount the contract's figures count) and how to queue one of them again, with its
own event id and time, from the journal's rows. An area that journals a new kind of document registers its
source (``register``); types without one are not compared.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sync.store import journal, members, outbox
from sync.store.util import loads

# rows of a time-ordered scan older than the first day asked for before the scan stops: documents are
# written nearly in time order (a recovered card sale is committed a little later than it began)
MARGIN = 1000


@dataclass(frozen=True)
class Source:
    event_type: str
    # SQL: (local event id, created_at, amount), newest first when `ordered`, else filtered by `since` (?1)
    scan: str
    ordered: bool
    requeue: Callable[[sqlite3.Connection, str], bool]  # queue the event again; False if no such document


SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    SOURCES[source.event_type] = source


def events_since(conn: sqlite3.Connection, since: str) -> Iterator[tuple[str, str, str, int]]:
    """(event type, local event id, created_at, amount) of every journalled event created on or after the
    day `since` (YYYY-MM-DD) — and a few older ones near the boundary, which the caller filters by day."""
    for source in SOURCES.values():
        older = 0
        if source.ordered:
            rows = conn.execute(source.scan)
        else:
            rows = conn.execute(source.scan, (since,))
        for event_id, created_at, amount in rows:
            if created_at[:10] < since:
                older += 1
                if older > MARGIN:
                    break
                continue
            older = 0
            yield source.event_type, event_id, created_at, int(amount)


def queue_state(conn: sqlite3.Connection, event_id: str) -> str | None:
    """'queued' when the event waits in the outbox, 'dead' when it is a dead letter, else None."""
    if conn.execute("SELECT 1 FROM outbox WHERE event_id = ? AND acked_at IS NULL", (event_id,)).fetchone():
        return "queued"
    if conn.execute("SELECT 1 FROM dead_letters WHERE event_id = ?", (event_id,)).fetchone():
        return "dead"
    return None


def requeue(conn: sqlite3.Connection, event_type: str, event_id: str) -> str:
    """Queue a journalled event again (inside a write transaction): 'requeued', or why not: 'queued'
    (still waiting), 'dead' (a dead letter: a manager decides), 'unknown' (no such document)."""
    state = queue_state(conn, event_id)
    if state is not None:
        return state
    source = SOURCES.get(event_type)
    if source is None or not source.requeue(conn, event_id):
        return "unknown"
    return "requeued"


# ------------------------------------------------------------------------ the journal's documents
def _sale(conn: sqlite3.Connection, sale_uuid: str) -> bool:
    row = conn.execute("SELECT sale_id, created_at FROM sales WHERE sale_uuid = ?", (sale_uuid,)).fetchone()
    if row is None:
        return False
    outbox.enqueue_document(
        conn, journal.SALE_EVENT, event_id=sale_uuid, doc_ref=f"sale:{row[0]}", created_at=row[1]
    )
    return True


def _return(conn: sqlite3.Connection, return_uuid: str) -> bool:
    ret = journal.get_return(conn, return_uuid)
    if ret is None:
        return False
    outbox.enqueue(conn, journal.RETURN_EVENT, ret.to_dict(), event_id=return_uuid, created_at=ret.created_at)
    return True


def _opened(conn: sqlite3.Connection, session_id: str) -> bool:
    row = conn.execute(
        "SELECT session_id, till_id, opened_at, opened_by, currency, opening_float FROM till_sessions "
        "WHERE session_id = ?",
        (session_id,),
    ).fetchone()
    if row is None:
        return False
    outbox.enqueue(conn, "till.opened", journal.opened_payload(*row), event_id=session_id, created_at=row[2])
    return True


def _movement(conn: sqlite3.Connection, movement_id: str) -> bool:
    row = conn.execute(
        "SELECT movement_id, session_id, kind, amount, reason, staff_id, approved_by, created_at "
        "FROM cash_movements WHERE movement_id = ?",
        (movement_id,),
    ).fetchone()
    if row is None:
        return False
    payload = journal.movement_payload(*row)
    outbox.enqueue(conn, "cash.movement", payload, event_id=movement_id, created_at=row[7])
    return True


def _closure(conn: sqlite3.Connection, event_id: str) -> bool:
    closure = journal.get_closure(conn, event_id.removeprefix(journal.CLOSURE_PREFIX))
    if closure is None:
        return False
    outbox.enqueue(
        conn, journal.CLOSURE_EVENT, closure.to_dict(), event_id=event_id, created_at=closure.closed_at
    )
    return True


def _check_in(conn: sqlite3.Connection, event_id: str) -> bool:
    row = conn.execute(
        "SELECT at, details FROM audit_log WHERE action = ? AND json_extract(details, '$.event_id') = ?",
        (members.CHECKIN_EVENT, event_id),
    ).fetchone()
    if row is None:
        return False
    payload = {k: v for k, v in loads(row[1]).items() if k != "event_id"}
    outbox.enqueue(conn, members.CHECKIN_EVENT, payload, event_id=event_id, created_at=row[0])
    return True


register(
    Source(
        journal.SALE_EVENT,
        "SELECT sale_uuid, created_at, total FROM sales ORDER BY sale_id DESC",
        True,
        _sale,
    )
)
register(
    Source(
        journal.RETURN_EVENT,
        "SELECT return_uuid, created_at, total FROM returns WHERE created_at >= ?1",
        False,
        _return,
    )
)
register(
    Source(
        "till.opened",
        "SELECT session_id, opened_at, 0 FROM till_sessions WHERE opened_at >= ?1",
        False,
        _opened,
    )
)
register(
    Source(
        "cash.movement",
        "SELECT movement_id, created_at, 0 FROM cash_movements WHERE created_at >= ?1",
        False,
        _movement,
    )
)
register(
    Source(
        journal.CLOSURE_EVENT,
        f"SELECT '{journal.CLOSURE_PREFIX}' || session_id, closed_at, 0 FROM till_closures "
        "WHERE closed_at >= ?1",
        False,
        _closure,
    )
)

register(
    Source(
        members.CHECKIN_EVENT,  # a visit: kept in the audit log with its event id (sync.store.members)
        f"SELECT json_extract(details, '$.event_id'), at, 0 FROM audit_log "
        f"WHERE action = '{members.CHECKIN_EVENT}' AND at >= ?1",
        False,
        _check_in,
    )
)

__all__ = ["SOURCES", "Source", "events_since", "queue_state", "register", "requeue"]
