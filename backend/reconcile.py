"""End-to-end reconciliation and idempotency housekeeping: what a till can compare with its journal, and the
purge of idempotency records after their window.

- `day_figures`: this till's applied events per day and type (count, total, digest), kept by `db.apply_batch`
  in `till_days` in the transaction that applies them (GET /v1/reconciliation).
- `missing`: which of a till's event ids the backend has not recorded (POST /v1/reconciliation/missing).
- `IdempotencyPurge`: idempotency records older than their window are deleted, at most once per interval per
  process. Safe at any age: a request retried after its record is gone is a new request, and its events are
  still applied at most once (each is keyed by its event_id).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.store import Store
from sync import contract

_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")

_T = schema.till_days
_DAYS = (
    sa.select(_T.c.day, _T.c.type, _T.c.count, _T.c.total, _T.c.digest)
    .where(_T.c.till_id == sa.bindparam("t"), _T.c.day >= sa.bindparam("a"), _T.c.day <= sa.bindparam("b"))
    .order_by(_T.c.day, _T.c.type)
)
_KNOWN = sa.select(schema.events.c.event_id).where(
    schema.events.c.event_id.in_(sa.bindparam("ids", expanding=True))
)
_I = schema.idempotency
_PURGE = sa.delete(_I).where(_I.c.created_at < sa.bindparam("before"))


class BadRequest(ValueError):
    """The request cannot be answered as asked (HTTP 400 invalid_request)."""


def parse_range(since: str | None, until: str | None) -> tuple[str, str]:
    """The (from, to) days of a query, checked to be real dates (a `to` before `from` lists nothing)."""
    days = []
    for name, text in (("from", since), ("to", until)):
        if not text or not _DAY.match(text):
            raise BadRequest(f"'{name}' must be a date, YYYY-MM-DD")
        try:
            days.append(dt.date.fromisoformat(text))
        except ValueError:
            raise BadRequest(f"'{name}' is not a date: {text}") from None
    return days[0].isoformat(), days[1].isoformat()


def day_figures(store: Store, till_id: str, since: str, until: str) -> list[dict[str, Any]]:
    rows = store.read_one(_DAYS, {"t": till_id, "a": since, "b": until})
    return [
        {"day": d, "type": k, "count": int(c), "total": int(t), "digest": contract.digest_text(int(g))}
        for d, k, c, t, g in rows
    ]


def missing(store: Store, raw: bytes) -> list[str]:
    """The event ids of an EventIdList body that no recorded event has, in request order."""
    try:
        body = json.loads(raw)
        contract.validate("EventIdList", body)
    except (ValueError, UnicodeDecodeError, contract.ContractViolation) as exc:
        raise BadRequest(f"the body is not an EventIdList: {exc}") from None
    ids: list[str] = body["event_ids"]
    known = {r[0] for r in store.read_one(_KNOWN, {"ids": sorted(set(ids))})}
    return [i for i in ids if i not in known]


class IdempotencyPurge:
    """Deletes idempotency records older than `window_s`, at most every `interval_s` (per process)."""

    def __init__(self, window_s: float = 24 * 3600.0, interval_s: float = 60.0) -> None:
        self.window_s = window_s
        self.interval_s = interval_s
        self._last = float("-inf")
        self._lock = threading.Lock()

    def maybe_run(self, store: Store, now: float) -> int | None:
        """Purge if due; the number of records deleted, or None when it was not due."""
        with self._lock:
            if now - self._last < self.interval_s:
                return None
            self._last = now
        before = now - self.window_s
        return store.write(lambda conn: conn.execute(_PURGE, {"before": before}).rowcount)


__all__ = ["BadRequest", "IdempotencyPurge", "day_figures", "missing", "parse_range"]
