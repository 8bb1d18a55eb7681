"""The member cache: the profile fields the screen needs, kept for a limited time (minimal personal data)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sync.store.util import dumps, loads

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
