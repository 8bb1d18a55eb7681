"""Rate limits: per device, per look-up by a guessable number, per failed credential (429 + Retry-After).

Each limit is a GCRA (the generic cell rate algorithm, a leaky bucket kept as one number per key: the
theoretical arrival time `tat` of the next request): a key may send `burst` requests at once, then one
every `1 / per_s` seconds. On SQLite the backend is one process and keeps the numbers in memory; on
PostgreSQL its worker processes share them in the UNLOGGED table `rate_limits`, updated with one
statement per check, so a guesser gains nothing by spreading requests over workers.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from backend import schema


@dataclass(frozen=True)
class Rate:
    """`burst` requests at once, then `per_s` a second."""

    per_s: float
    burst: int

    @property
    def interval(self) -> float:
        return 1.0 / self.per_s

    @property
    def window(self) -> float:
        """How far ahead of now a key's `tat` may run before it is refused."""
        return self.burst * self.interval


@dataclass(frozen=True)
class Limits:
    """The backend's rate limits (None: not limited).

    - `device`: every request of one device (a till syncing hard makes a few a second);
    - `lookup`: look-ups by a number a person could guess or count (member, order, sale, cart), per
      device: a cashier makes one per customer, an enumeration makes hundreds;
    - `failed_auth`: wrong or revoked credentials per client address; while it is exhausted no credential
      from that address is even checked (so a guess cannot succeed meanwhile);
    - `order_check`: wrong customer checks (name, card digits, app code, e-mail) per order, so the four
      digits cannot be tried out;
    - `device_check`: wrong customer checks per device, whatever the order (one till trying many orders).
    """

    device: Rate | None = Rate(per_s=20.0, burst=200)
    lookup: Rate | None = Rate(per_s=0.5, burst=20)
    failed_auth: Rate | None = Rate(per_s=0.1, burst=10)
    order_check: Rate | None = Rate(per_s=5 / 3600, burst=5)
    device_check: Rate | None = Rate(per_s=20 / 3600, burst=20)

    @classmethod
    def off(cls) -> Limits:
        """No limits (benchmarks that measure the backend rather than its limiter)."""
        return cls(device=None, lookup=None, failed_auth=None, order_check=None, device_check=None)


class Limiter:
    """take(key, rate): 0.0 when the request may go on (and it is counted), else the seconds to wait.
    blocked(key, rate): the same question without counting."""

    def take(self, key: str, rate: Rate) -> float:  # pragma: no cover - interface
        raise NotImplementedError

    def blocked(self, key: str, rate: Rate) -> float:  # pragma: no cover - interface
        raise NotImplementedError


def retry_after(wait: float) -> str:
    """The Retry-After header's whole seconds for a wait (at least 1)."""
    return str(max(1, math.ceil(wait)))


class MemoryLimiter(Limiter):
    """One process (SQLite): the numbers in a dict, forgotten once they are in the past."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._tat: dict[str, float] = {}
        self._lock = threading.Lock()
        self._next_prune = 0.0

    def take(self, key: str, rate: Rate) -> float:
        now = self._clock()
        with self._lock:
            self._prune(now)
            tat = max(self._tat.get(key, now), now) + rate.interval
            if tat - now > rate.window:
                return tat - now - rate.window
            self._tat[key] = tat
            return 0.0

    def blocked(self, key: str, rate: Rate) -> float:
        now = self._clock()
        with self._lock:
            tat = max(self._tat.get(key, now), now) + rate.interval
        return 0.0 if tat - now <= rate.window else tat - now - rate.window

    def _prune(self, now: float) -> None:
        if now < self._next_prune:
            return
        self._next_prune = now + 60.0
        for key in [k for k, tat in self._tat.items() if tat < now]:
            del self._tat[key]


_RL = schema.rate_limits


class TableLimiter(Limiter):
    """Several worker processes (PostgreSQL): one conditional upsert per check in the shared table."""

    def __init__(self, engine: Any, clock: Callable[[], float] = time.time) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._clock = clock
        stmt = postgresql.insert(_RL).values(key=sa.bindparam("k"), tat=sa.bindparam("first"))
        nxt = sa.func.greatest(_RL.c.tat, sa.bindparam("now")) + sa.bindparam("t")
        self._take = stmt.on_conflict_do_update(
            index_elements=["key"],
            set_={"tat": nxt},
            where=nxt - sa.bindparam("now") <= sa.bindparam("w"),
        ).returning(_RL.c.tat)
        self._peek = sa.select(_RL.c.tat).where(_RL.c.key == sa.bindparam("k"))
        self._prune = sa.delete(_RL).where(_RL.c.tat < sa.bindparam("now"))
        self._next_prune = 0.0

    def take(self, key: str, rate: Rate) -> float:
        now = self._clock()
        with self._engine.connect() as conn:
            if now >= self._next_prune:
                self._next_prune = now + 60.0
                conn.execute(self._prune, {"now": now})
            got = conn.execute(
                self._take,
                {"k": key, "first": now + rate.interval, "now": now, "t": rate.interval, "w": rate.window},
            ).first()
            if got is not None:
                return 0.0
            tat = conn.execute(self._peek, {"k": key}).scalar() or now
        return max(tat - now - rate.window + rate.interval, 0.001)

    def blocked(self, key: str, rate: Rate) -> float:
        now = self._clock()
        with self._engine.connect() as conn:
            tat = conn.execute(self._peek, {"k": key}).scalar()
        if tat is None:
            return 0.0
        nxt = max(tat, now) + rate.interval
        return 0.0 if nxt - now <= rate.window else nxt - now - rate.window


def limiter_for(store: Any) -> Limiter:
    return MemoryLimiter() if store.is_sqlite else TableLimiter(store.engine)


__all__ = ["Limiter", "Limits", "MemoryLimiter", "Rate", "TableLimiter", "limiter_for", "retry_after"]
