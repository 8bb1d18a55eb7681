"""End-to-end reconciliation: does the backend hold exactly what this till sent? If not, send it again.

    result = reconcile(store, client, days=7)     # one pass; the sync engine runs it when idle, and
    print(result.summary())                        # `omo-pos sync reconcile` on demand

Per day and event type, the till's journal (sync/store/reconcile.py: every document it keeps, acknowledged
or not) and the backend (GET /v1/reconciliation) each give a count, a total and a digest of the event ids
(sync/contract.py). Where they differ, the till asks which of that day's ids the backend lacks (POST
/v1/reconciliation/missing) and queues those again from the journal with their own ids and times, so the
backend applies each exactly once (a backend restored from an older backup gets back what it lost, with
nothing doubled). Events still waiting in the queue or in the dead letters are counted, not queued twice;
events the backend holds that the journal does not (e.g. a till whose journal was replaced) are reported.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sync import contract
from sync.payloads import wire_event_id
from sync.store import reconcile as journal_events

log = logging.getLogger("sync.reconcile")

SALE_EVENT = "sale.completed"
CHUNK = 1000  # ids per POST /v1/reconciliation/missing (the contract's maximum)


@dataclass
class DayCheck:
    day: str
    event_type: str
    till_count: int
    till_total: int
    backend_count: int
    backend_total: int
    matched: bool
    missing: int = 0  # events of the journal the backend lacks
    requeued: int = 0  # of those, queued again now
    waiting: int = 0  # of those, still in the queue (not sent yet)
    dead: int = 0  # of those, dead letters (a manager decides)

    @property
    def extra(self) -> int:
        """Events the backend holds for this day and type that the journal does not."""
        return max(0, self.backend_count - (self.till_count - self.missing))

    def as_dict(self) -> dict[str, Any]:
        return {
            "day": self.day,
            "type": self.event_type,
            "till": {"count": self.till_count, "total": self.till_total},
            "backend": {"count": self.backend_count, "total": self.backend_total},
            "matched": self.matched,
            "missing": self.missing,
            "requeued": self.requeued,
            "waiting": self.waiting,
            "dead": self.dead,
            "extra": self.extra,
        }


@dataclass
class Reconciliation:
    since: str
    until: str
    days: list[DayCheck] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        return all(d.matched for d in self.days)

    @property
    def missing(self) -> int:
        return sum(d.missing for d in self.days)

    @property
    def requeued(self) -> int:
        return sum(d.requeued for d in self.days)

    @property
    def extra(self) -> int:
        return sum(d.extra for d in self.days)

    def as_dict(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "until": self.until,
            "matched": self.matched,
            "missing": self.missing,
            "requeued": self.requeued,
            "extra": self.extra,
            "days": [d.as_dict() for d in self.days],
        }

    def summary(self) -> str:
        checked = f"{len(self.days)} day/type figure(s) from {self.since} to {self.until}"
        if self.matched:
            return f"The backend holds exactly what this till sent ({checked})."
        parts = [f"{self.missing} event(s) missing at the backend, {self.requeued} queued again"]
        waiting = sum(d.waiting for d in self.days)
        dead = sum(d.dead for d in self.days)
        if waiting:
            parts.append(f"{waiting} still waiting in the queue")
        if dead:
            parts.append(f"{dead} in the dead letters")
        if self.extra:
            parts.append(f"{self.extra} held by the backend that this till's journal does not have")
        return f"{'; '.join(parts)} ({checked})."


def reconcile(store: Any, client: Any, *, days: int = 7, today: date | None = None) -> Reconciliation:
    """One reconciliation pass over the last `days` days (UTC; tomorrow included for clocks ahead)."""
    today = today or datetime.now(UTC).date()
    since = (today - timedelta(days=max(1, days) - 1)).isoformat()
    until = (today + timedelta(days=1)).isoformat()
    mine: dict[tuple[str, str], list[int]] = {}
    for event_type, event_id, created_at, amount in _journal(store, since):
        day = contract.event_day(created_at)
        if day > until:
            continue
        figures = mine.setdefault((day, event_type), [0, 0, 0])
        figures[0] += 1
        figures[1] += amount
        figures[2] += contract.event_digest_part(wire_event_id(event_id))
    theirs = {
        (d["day"], d["type"]): d
        for d in client.reconciliation(since, until)
        if d["type"] in journal_events.SOURCES
    }
    result = Reconciliation(since, until)
    for key in sorted(set(mine) | set(theirs)):
        count, total, digest = mine.get(key, (0, 0, 0))
        other = theirs.get(key, {"count": 0, "total": 0, "digest": contract.digest_text(0)})
        check = DayCheck(
            key[0],
            key[1],
            count,
            total,
            other["count"],
            other["total"],
            matched=(count, total, contract.digest_text(digest))
            == (other["count"], other["total"], other["digest"]),
        )
        result.days.append(check)
    lacking = [m for c in result.days if not c.matched and c.till_count for m in _missing(client, store, c)]
    if lacking:
        # queued again in the order they happened, whatever their type (a sale before its return)
        lacking.sort(key=lambda m: (m[0], m[1] != SALE_EVENT))
        states = store.write_sync(lambda conn: [journal_events.requeue(conn, t, e) for _, t, e, _ in lacking])
        for (*_, check), state in zip(lacking, states, strict=True):
            check.requeued += state == "requeued"
            check.waiting += state == "queued"
            check.dead += state == "dead"
    if not result.matched:
        log.warning("reconciliation: %s", result.summary())
    return result


def _journal(store: Any, since: str) -> list[tuple[str, str, str, int]]:
    conn = store.read_connection()
    try:
        return list(journal_events.events_since(conn, since))
    finally:
        conn.close()


def _missing(client: Any, store: Any, check: DayCheck) -> list[tuple[str, str, str, DayCheck]]:
    """The day's events of this type that the backend lacks: (created_at, type, event id, check)."""
    mine = {
        wire_event_id(event_id): (created_at, event_id)
        for event_type, event_id, created_at, _ in _journal(store, check.day)
        if event_type == check.event_type and contract.event_day(created_at) == check.day
    }
    wire_ids = sorted(mine)
    out = []
    for i in range(0, len(wire_ids), CHUNK):
        for wire in client.missing_events(wire_ids[i : i + CHUNK]):
            created_at, event_id = mine[wire]
            out.append((created_at, check.event_type, event_id, check))
    check.missing += len(out)
    return out


__all__ = ["DayCheck", "Reconciliation", "reconcile"]
