"""Stripe's rate limits as the simulator enforces them, and what it counts for load tests.

Stripe's published limits (docs.stripe.com/rate-limits): per account, live mode 100 requests a second
(a sandbox 25); per endpoint 25 a second unless Stripe lists another figure. Every named API operation is
one endpoint: ``GET /v1/payment_intents/{id}`` for every PaymentIntent counts as one. Over a limit Stripe
answers ``429`` with its error shape (``type`` ``invalid_request_error``, ``code`` ``rate_limit``) and the
header ``Stripe-Rate-Limited-Reason`` (``global-rate`` or ``endpoint-rate``); the request is not executed
and nothing is kept under its idempotency key. Stripe documents no ``Retry-After`` for it, so none is sent.

Each limit is a token bucket holding one second of its rate (Stripe publishes the rates, not its bucket
sizes: a client that keeps to the rate over every second never meets a 429 here). A refused request takes
no token. ``scaled(k)`` divides every rate by ``k``: a load test run ``k`` times slower than the real hour
meets the same limits relative to its load.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field

RATE_LIMIT_MESSAGE = (
    "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits."
)


@dataclass(frozen=True)
class StripeLimits:
    """Requests a second: ``account`` for all of them, ``endpoint`` for each operation, ``endpoints`` the
    operations with a figure of their own (a raise Stripe granted the account, written
    ``"POST /v1/payment_intents": 50``)."""

    account: float = 100.0
    endpoint: float = 25.0
    endpoints: dict[str, float] = field(default_factory=dict)

    @classmethod
    def live(cls) -> StripeLimits:
        return cls(100.0, 25.0)

    @classmethod
    def sandbox(cls) -> StripeLimits:
        return cls(25.0, 25.0)

    def for_endpoint(self, endpoint: str) -> float:
        return self.endpoints.get(endpoint, self.endpoint)

    def scaled(self, k: float) -> StripeLimits:
        return StripeLimits(
            self.account / k, self.endpoint / k, {e: r / k for e, r in self.endpoints.items()}
        )


class _Bucket:
    __slots__ = ("capacity", "rate", "tokens", "updated")

    def __init__(self, rate: float, now: float) -> None:
        self.rate = rate
        self.capacity = max(rate, 1.0)  # one second of the rate
        self.tokens = self.capacity
        self.updated = now

    def refill(self, now: float) -> None:
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now


class RateLimiter:
    """The account's bucket and one per endpoint. ``admit(endpoint)`` is None when the request may run (its
    tokens are taken), else the reason header's value."""

    def __init__(self, limits: StripeLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        now = clock()
        self._account = _Bucket(limits.account, now)
        self._endpoints: dict[str, _Bucket] = {}
        self.stats = RateStats(clock)

    def admit(self, endpoint: str) -> str | None:
        now = self._clock()
        with self._lock:
            ep = self._endpoints.get(endpoint)
            if ep is None:
                ep = self._endpoints[endpoint] = _Bucket(self.limits.for_endpoint(endpoint), now)
            ep.refill(now)
            self._account.refill(now)
            if ep.tokens < 1.0:
                reason = "endpoint-rate"
            elif self._account.tokens < 1.0:
                reason = "global-rate"
            else:
                ep.tokens -= 1.0
                self._account.tokens -= 1.0
                reason = None
        self.stats.record(endpoint, reason)
        return reason


class RateStats:
    """What a load test reads: requests admitted and refused per endpoint, and the busiest second of the
    account and of each endpoint (a sliding one-second window over the admitted requests)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.admitted: Counter[str] = Counter()
        self.limited: Counter[str] = Counter()  # "endpoint reason"
        self._window: deque[float] = deque()
        self._ep_window: dict[str, deque[float]] = {}
        self.peak_account = 0
        self.peak_endpoint: Counter[str] = Counter()

    def record(self, endpoint: str, reason: str | None) -> None:
        now = self._clock()
        with self._lock:
            if reason is not None:
                self.limited[f"{endpoint} {reason}"] += 1
                return
            self.admitted[endpoint] += 1
            for win, key in ((self._window, None), (self._ep_window.setdefault(endpoint, deque()), endpoint)):
                win.append(now)
                while win and win[0] <= now - 1.0:
                    win.popleft()
                if key is None:
                    self.peak_account = max(self.peak_account, len(win))
                else:
                    self.peak_endpoint[key] = max(self.peak_endpoint[key], len(win))

    def reset(self) -> None:
        with self._lock:
            self.admitted.clear()
            self.limited.clear()
            self._window.clear()
            self._ep_window.clear()
            self.peak_account = 0
            self.peak_endpoint.clear()

    def snapshot(self) -> dict[str, object]:
        with self._lock:
            return {
                "admitted": dict(self.admitted),
                "limited": dict(self.limited),
                "peak_account_per_s": self.peak_account,
                "peak_endpoint_per_s": dict(self.peak_endpoint),
            }


__all__ = ["RATE_LIMIT_MESSAGE", "RateLimiter", "RateStats", "StripeLimits"]
