"""One Stripe request budget for the whole chain, shared by every backend worker through the database.

Stripe's published limits (docs.stripe.com/rate-limits): live mode 100 requests a second per account and 25
per endpoint (each API operation, ``GET /v1/payment_intents/{id}`` for every PaymentIntent counting as one),
raised per endpoint for some accounts. Each limit is kept as a GCRA (a token bucket holding one second of its
rate, times ``margin`` to leave room for clocks and the network) in the table ``stripe_budget``: one row per
limit, its theoretical arrival time ``tat`` moved under a row lock, so any number of workers share it.

Priorities: a customer waiting at a till (``CUSTOMER``: create and process) may use the whole bucket and
queues for the next slot; captures, refunds and reconciliation reads may only use a part of it (``SHARE``),
so they never take the slots a customer's payment needs. A 429 Stripe answers anyway (its own counting is
not ours) pushes the limit it names (``Stripe-Rate-Limited-Reason``) back by a back-off before anyone sends
again; it is counted and reported.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from backend import schema

CUSTOMER, CAPTURE, REFUND, RECONCILE = 0, 1, 2, 3
PRIORITY_NAMES = ("customer", "capture", "refund", "reconcile")
SHARE = (1.0, 0.5, 0.5, 0.25)  # of the bucket a priority may use
ACCOUNT = "account"


@dataclass(frozen=True)
class BudgetLimits:
    """Requests a second as Stripe publishes them (live: 100 per account, 25 per endpoint), ``endpoints``
    the account's raises (``{"POST /v1/payment_intents": 50}``), ``scale`` dividing every rate (a load test
    run that many times slower than real time), ``margin`` the part of each rate used."""

    account: float = 100.0
    endpoint: float = 25.0
    endpoints: dict[str, float] = field(default_factory=dict)
    scale: float = 1.0
    margin: float = 0.9

    def rate(self, key: str) -> float:
        raw = self.account if key == ACCOUNT else self.endpoints.get(key, self.endpoint)
        return raw * self.margin / self.scale


class BudgetExhausted(Exception):
    """No slot within the caller's deadline."""


class StripeBudget:
    def __init__(
        self,
        store: Any,
        limits: BudgetLimits | None = None,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.store = store
        self.limits = limits or BudgetLimits()
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self.waited: dict[int, float] = dict.fromkeys(range(4), 0.0)  # this worker's seconds spent waiting

    # ------------------------------------------------------------------ admission
    def acquire(self, endpoint: str, priority: int, *, timeout: float = 30.0) -> float:
        """Wait for a slot of ``endpoint`` and of the account; return the seconds the budget made the
        caller wait (its own bookkeeping in the database not counted)."""
        start = self._clock()
        slept = 0.0
        while True:
            delay = self.store.write(lambda c: self._take(c, endpoint, priority))
            if delay <= 0:
                break
            if self._clock() - start + delay > timeout:
                raise BudgetExhausted(f"no Stripe budget for {endpoint} within {timeout:.0f} s")
            self._sleep(delay)
            slept += delay
            if priority == CUSTOMER:  # its slot is reserved: it is due now
                break
        with self._lock:
            self.waited[priority] += slept
        return slept

    def _take(self, conn: Connection, endpoint: str, priority: int) -> float:
        """0 when admitted now; otherwise the seconds until a slot (a customer's is reserved then)."""
        now = self._clock()
        keys = (ACCOUNT, endpoint)
        rows = {k: self._row(conn, k, now) for k in keys}
        waits = []
        for k in keys:
            period = 1.0 / self.limits.rate(k)
            tau = max(self.limits.rate(k) - 1.0, 0.0) * period * SHARE[priority]
            waits.append(rows[k]["tat"] - now - tau)
        wait = max(waits)
        if wait > 0 and priority != CUSTOMER:
            return wait
        t = schema.stripe_budget
        for k in keys:
            row = rows[k]
            second = float(int(now))
            if row["window_start"] == second:
                count, prev = row["count"] + 1, row["prev_count"]
            else:
                prev = row["count"] if row["window_start"] == second - 1 else 0
                count = 1
            conn.execute(
                sa.update(t)
                .where(t.c.key == k)
                .values(
                    tat=max(row["tat"], now) + 1.0 / self.limits.rate(k),
                    window_start=second,
                    count=count,
                    prev_count=prev,
                )
            )
        return max(wait, 0.0)

    def _row(self, conn: Connection, key: str, now: float) -> dict[str, Any]:
        b = schema.stripe_budget
        q = sa.select(b.c.tat, b.c.window_start, b.c.count, b.c.prev_count).where(b.c.key == key)
        if conn.dialect.name == "postgresql":
            q = q.with_for_update()
        row = conn.execute(q).first()
        if row is None:
            if conn.dialect.name == "postgresql":
                from sqlalchemy.dialects.postgresql import insert

                conn.execute(insert(b).values(key=key, tat=now).on_conflict_do_nothing())
                row = conn.execute(q).first()
            else:
                conn.execute(sa.insert(b).values(key=key, tat=now))
                row = (now, 0.0, 0, 0)
        return {"tat": row[0], "window_start": row[1], "count": row[2], "prev_count": row[3]}

    # ------------------------------------------------------------------ 429
    def rate_limited(self, endpoint: str, reason: str | None, tries: int) -> float:
        """Stripe answered 429 for ``endpoint`` (``reason`` its Stripe-Rate-Limited-Reason): push the limit
        it names back by an exponential, jittered back-off; return that back-off (seconds) to wait."""
        key = ACCOUNT if reason == "global-rate" else endpoint
        base = 1.0 / self.limits.rate(key)
        backoff = min(base * (2**tries) * (1 + random.random()), 2.0 * self.limits.scale)  # noqa: S311
        b = schema.stripe_budget

        rate = self.limits.rate(key)
        tau = max(rate - 1.0, 0.0) / rate  # the whole bucket: nobody sends before the back-off is over

        def push(conn: Connection) -> None:
            now = self._clock()
            row = self._row(conn, key, now)
            conn.execute(
                sa.update(b)
                .where(b.c.key == key)
                .values(tat=max(row["tat"], now + backoff + tau), limited=b.c.limited + 1)
            )

        self.store.write(push)
        return backoff

    # ------------------------------------------------------------------ headroom
    def report(self) -> dict[str, Any]:
        """Every limit with its rate, the requests of the last whole second, the headroom and the 429s."""
        b = schema.stripe_budget
        now = self._clock()
        second = float(int(now))
        rows = self.store.read_one(
            sa.select(b.c.key, b.c.window_start, b.c.count, b.c.prev_count, b.c.limited)
        )
        limits = []
        for key, start, count, prev, limited in sorted(rows, key=lambda r: (r[0] != ACCOUNT, r[0])):
            last = count if start == second - 1 else prev if start == second else 0
            rate = self.limits.rate(key) / self.limits.margin
            limits.append(
                {
                    "limit": key,
                    "rate_per_s": round(rate, 3),
                    "used_last_s": int(last),
                    "headroom": round(max(0.0, 1.0 - last / rate), 3) if rate else 0.0,
                    "rate_limited": int(limited),
                }
            )
        if not any(x["limit"] == ACCOUNT for x in limits):
            rate = self.limits.rate(ACCOUNT) / self.limits.margin
            limits.insert(
                0,
                {"limit": ACCOUNT, "rate_per_s": rate, "used_last_s": 0, "headroom": 1.0, "rate_limited": 0},
            )
        return {"scale": self.limits.scale, "margin": self.limits.margin, "limits": limits}


__all__ = [
    "ACCOUNT",
    "CAPTURE",
    "CUSTOMER",
    "PRIORITY_NAMES",
    "RECONCILE",
    "REFUND",
    "BudgetExhausted",
    "BudgetLimits",
    "StripeBudget",
]
