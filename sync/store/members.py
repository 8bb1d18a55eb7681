"""The member cache: the profile fields the screen needs, kept for a limited time (minimal personal data)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sync.store.util import dumps, loads, now_iso

CHECKIN_EVENT = "member.checked_in"

DEFAULT_TTL = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class CachedMember:
    member_no: int
    display_name: str | None
    tier: str | None
    points_balance: int | None
    points_as_of: str | None
    profile: dict[str, Any]
    fetched_at: str
    expires_at: str


def put(
    conn: sqlite3.Connection,
    member_no: int,
    *,
    display_name: str | None,
    tier: str | None,
    points_balance: int | None,
    points_as_of: str | None = None,
    profile: dict[str, Any] | None = None,
    now: datetime | None = None,
    ttl: timedelta = DEFAULT_TTL,
) -> None:
    now = now or datetime.now(UTC)
    conn.execute(
        "INSERT INTO members (member_no, display_name, tier, points_balance, points_as_of, profile, "
        "fetched_at, expires_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (member_no) DO UPDATE SET "
        "display_name = excluded.display_name, tier = excluded.tier, "
        "points_balance = excluded.points_balance, points_as_of = excluded.points_as_of, "
        "profile = excluded.profile, fetched_at = excluded.fetched_at, "
        "expires_at = excluded.expires_at",
        (
            int(member_no),
            display_name,
            tier,
            points_balance,
            points_as_of,
            dumps(profile or {}),
            now.isoformat(),
            (now + ttl).isoformat(),
        ),
    )


def get(conn: sqlite3.Connection, member_no: int, *, now: datetime | None = None) -> CachedMember | None:
    """The cached member, or None if absent or expired."""
    now = now or datetime.now(UTC)
    row = conn.execute(
        "SELECT member_no, display_name, tier, points_balance, points_as_of, profile, fetched_at, expires_at "
        "FROM members WHERE member_no = ? AND expires_at > ?",
        (int(member_no), now.isoformat()),
    ).fetchone()
    if row is None:
        return None
    return CachedMember(*row[:5], profile=loads(row[5]) or {}, fetched_at=row[6], expires_at=row[7])


def expired_count(conn: sqlite3.Connection, *, now: datetime | None = None) -> int:
    """How many cached profiles are past their time (a read: a purge writes only when there are some)."""
    now = now or datetime.now(UTC)
    return conn.execute("SELECT count(*) FROM members WHERE expires_at <= ?", (now.isoformat(),)).fetchone()[
        0
    ]


def purge_expired(conn: sqlite3.Connection, *, now: datetime | None = None) -> int:
    """Forget expired profiles (personal data is not kept longer than needed)."""
    now = now or datetime.now(UTC)
    return conn.execute("DELETE FROM members WHERE expires_at <= ?", (now.isoformat(),)).rowcount


def purge_all(conn: sqlite3.Connection) -> int:
    """Forget every cached member and this till's check-in marks (``omo-pos members purge``)."""
    n = conn.execute("DELETE FROM members").rowcount
    conn.execute("DELETE FROM member_checkins")
    return n


def purge_checkins_before(conn: sqlite3.Connection, day: str) -> int:
    """Forget the check-in marks of days before ``day`` (YYYY-MM-DD): only today's are needed."""
    return conn.execute("DELETE FROM member_checkins WHERE local_date < ?", (day,)).rowcount


def mark_checked_in(conn: sqlite3.Connection, member_no: int, day: str) -> bool:
    """Note that the member checked in at this till on ``day``; False when they had already."""
    cur = conn.execute(
        "INSERT INTO member_checkins (member_no, local_date) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (int(member_no), day),
    )
    return cur.rowcount == 1


def record_check_in(conn: sqlite3.Connection, payload: dict[str, Any], actor: str | None) -> bool:
    """The member's visit at this till, inside the caller's write transaction: noted for the day, kept in
    the audit log (the journal reconciliation sends it again from when the backend lost it) and queued,
    with the same event id and time in both. False when they had already checked in here that day."""
    import uuid

    from sync.store import audit, outbox

    if not mark_checked_in(conn, payload["member_no"], payload["local_date"]):
        return False
    event_id, at = str(uuid.uuid4()), now_iso()
    audit.append(conn, CHECKIN_EVENT, actor, {**payload, "event_id": event_id}, at=at)
    outbox.enqueue(conn, CHECKIN_EVENT, payload, event_id=event_id, created_at=at)
    return True


def checked_in(conn: sqlite3.Connection, member_no: int, day: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM member_checkins WHERE member_no = ? AND local_date = ?", (int(member_no), day)
    ).fetchone()
    return row is not None


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM members").fetchone()[0])


def unsynced_points(
    conn: sqlite3.Connection, member_no: int, programme: str = "main", checkin_points: int = 0
) -> int:
    """The points this till has given or taken from the member in events the backend has not acknowledged:
    its queued sales (their journalled points, found from the queue: a primary-key look-up per queued sale),
    the returns and check-ins queued as JSON. The till shows the last balance plus this, provisional."""
    row = conn.execute(
        "SELECT coalesce(sum(l.points_earned - l.points_redeemed), 0) FROM outbox o "
        "JOIN sale_loyalty l ON l.sale_id = CAST(substr(o.doc_ref, 6) AS INTEGER) "
        "JOIN sales s ON s.sale_id = l.sale_id "
        "WHERE o.doc_ref LIKE 'sale:%' AND s.member_no = ? AND l.programme = ?",
        (int(member_no), programme),
    ).fetchone()
    delta = int(row[0])
    for event_type, payload in conn.execute(
        "SELECT event_type, payload FROM outbox WHERE doc_ref IS NULL AND event_type IN "
        "('sale.completed', 'return.completed', 'member.checked_in', 'member.checkin')"
    ):
        p = loads(payload) if payload else None
        if not isinstance(p, dict) or p.get("member_no") != member_no:
            continue
        if event_type in ("member.checked_in", "member.checkin"):
            delta += checkin_points
            continue
        pts = p.get("points")
        if not isinstance(pts, dict) or pts.get("programme", "main") != programme:
            continue
        sign = 1 if event_type == "sale.completed" else -1
        delta += sign * (int(pts.get("earned", 0)) - int(pts.get("redeemed", 0)))
    return delta
