"""The append-only, hash-chained audit log.

Entry n stores ``hash_n = SHA-256(prev_hash | seq | at | actor | action | details)`` with ``prev_hash =
hash_{n-1}`` (64 zeros for the first). Triggers refuse UPDATE and DELETE; ``verify`` recomputes the chain
and names the first broken link, so an edit or a deletion made behind the program's back is found. A
truncated tail is found through ``sqlite_sequence`` (AUTOINCREMENT remembers the highest seq ever used).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pos.audit_chain import GENESIS
from pos.audit_chain import entry_hash as _digest
from sync.store.util import dumps, now_iso


def append(
    conn: sqlite3.Connection,
    action: str,
    actor: str | None,
    details: Mapping[str, Any] | None = None,
    *,
    at: str | None = None,
) -> int:
    """Append an entry inside the caller's write transaction. Returns its seq."""
    if not conn.in_transaction:
        raise RuntimeError("audit.append must run inside a store.write transaction")
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    prev_seq, prev_hash = (row[0], row[1]) if row else (0, GENESIS)
    used = 0
    if _has_seq(conn):
        r = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
        used = int(r[0]) if r else 0
    # After a deletion behind our back the gap stays visible: never fill it, never reuse a seq.
    seq = max(prev_seq, used) + 1
    at = at or now_iso()
    text = dumps(dict(details or {}))
    h = _digest(prev_hash, seq, at, actor, action, text)
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?)",
        (seq, at, actor, action, text, prev_hash, h),
    )
    return seq


def _has_seq(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone() is not None


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    checked: int
    first_broken_seq: int | None = None
    reason: str = ""

    def message(self) -> str:
        if self.ok:
            return f"audit log OK: {self.checked} entries, chain intact"
        return f"audit log BROKEN at entry {self.first_broken_seq}: {self.reason} ({self.checked} checked)"


def verify(conn: sqlite3.Connection) -> VerifyResult:
    expected_prev = GENESIS
    expected_seq = 1
    n = 0
    for seq, at, actor, action, details, prev_hash, h in conn.execute(
        "SELECT seq, at, actor, action, details, prev_hash, hash FROM audit_log ORDER BY seq"
    ):
        if seq != expected_seq:
            return VerifyResult(False, n, expected_seq, f"entry {expected_seq} is missing (deleted)")
        if prev_hash != expected_prev:
            return VerifyResult(False, n, seq, "does not point to the previous entry's hash")
        if _digest(prev_hash, seq, at, actor, action, details) != h:
            return VerifyResult(False, n, seq, "its content does not match its hash (edited)")
        expected_prev = h
        expected_seq += 1
        n += 1
    if _has_seq(conn):
        row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
        if row is not None and int(row[0]) >= expected_seq:
            return VerifyResult(
                False, n, expected_seq, f"entries {expected_seq}..{row[0]} are missing (deleted)"
            )
    return VerifyResult(True, n)


def entries_after(conn: sqlite3.Connection, seq: int, limit: int = 500) -> list[dict[str, Any]]:
    """The entries after `seq`, in order, as the backend anchors them (the contract's AuditEntry)."""
    rows = conn.execute(
        "SELECT seq, at, actor, action, details, prev_hash, hash FROM audit_log WHERE seq > ? "
        "ORDER BY seq LIMIT ?",
        (seq, limit),
    )
    keys = ("seq", "at", "actor", "action", "details", "prev_hash", "hash")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def chain(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """(seq, hash) of every entry, in order."""
    return [(r[0], r[1]) for r in conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq")]
