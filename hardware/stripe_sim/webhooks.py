"""Events and webhooks as Stripe makes and delivers them, for the simulator.

Every change the simulator makes (a PaymentIntent created, authorised, captured, cancelled, failed; a reader
action that succeeded or failed) becomes an Event (``evt_…``, the object at that moment in
``data.object``), kept for ``GET /v1/events`` and sent to each configured endpoint as an HTTP POST signed
the way Stripe signs (``Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body" with the
endpoint's whsec_ secret>``).

Delivery as Stripe documents it (docs.stripe.com/webhooks): a 2xx answer delivers the event; anything else
(an error status, no answer within the timeout, no connection) is retried with exponential back-off, in
live mode for up to three days, in a sandbox three times over a few hours. Events are not delivered in the
order they were made and may arrive more than once. Stripe does not publish the intervals; here the n-th
retry waits ``retry_base * 2**(n-1)`` seconds (live: 60 s doubling, at most 6 h apart, for 3 days), all
times multiplied by ``time_scale`` so that a test sees retries in milliseconds. ``pending_webhooks`` counts
the endpoints an event has not reached yet; ``GET /v1/events?delivery_success=false`` lists those.

Faults a test injects: ``fail_next`` (the next deliveries fail, as a dropped connection would: retried on
the schedule), ``hold``/``release`` (deliveries wait, then go in a chosen order), ``duplicate_next``.
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import itertools
import json
import logging
import random
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger("hw.stripe_sim.webhooks")

LIVE_RETRY = (60.0, 6 * 3600.0, 3 * 86400.0)  # first retry, longest gap, give up after
SANDBOX_RETRY = (3600.0, 3600.0 * 4, 3600.0 * 8)  # three retries over a few hours


def sign(payload: bytes, secret: str, timestamp: int) -> str:
    """The Stripe-Signature header Stripe sends with ``payload`` (scheme v1)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


@dataclass
class Endpoint:
    url: str
    secret: str
    enabled_events: frozenset[str] = frozenset({"*"})

    def wants(self, event_type: str) -> bool:
        return "*" in self.enabled_events or event_type in self.enabled_events


@dataclass
class _Attempt:
    event_id: str
    endpoint: int
    number: int = 1
    first_at: float = 0.0


@dataclass
class DeliveryLog:
    """Every delivery attempt: (event id, type, endpoint url, status or error, attempt number)."""

    lines: list[tuple[str, str, str, str, int]] = field(default_factory=list)


class Webhooks:
    """The event store and the delivery of the simulator. ``now`` is the simulator's clock (event times and
    signatures); delays run on the monotonic clock."""

    def __init__(
        self,
        now: Callable[[], float],
        *,
        retry: tuple[float, float, float] = LIVE_RETRY,
        time_scale: float = 1.0,
        timeout: float = 10.0,
        workers: int = 4,
    ) -> None:
        self._now = now
        self.retry = retry
        self.time_scale = time_scale
        self.timeout = timeout
        self._workers_wanted = workers
        self._lock = threading.Condition()
        self.events: list[dict[str, Any]] = []
        self._by_id: dict[str, dict[str, Any]] = {}
        self._delivered: dict[str, set[int]] = {}  # event id -> endpoints that answered 2xx
        self.endpoints: list[Endpoint] = []
        self._queue: list[tuple[float, int, _Attempt]] = []
        self._seq = itertools.count()
        self._threads: list[threading.Thread] = []
        self._stopping = False
        self._fail_next = 0
        self._fail_types: frozenset[str] | None = None
        self._duplicate_next = 0
        self._held: list[_Attempt] | None = None
        self.log = DeliveryLog()
        self.in_flight = 0

    # ------------------------------------------------------------------ configuration
    def add_endpoint(self, url: str, secret: str | None = None, events: tuple[str, ...] = ("*",)) -> str:
        """Deliver events to ``url``; returns the endpoint's signing secret (``whsec_…``)."""
        secret = secret or f"whsec_{secrets.token_hex(24)}"
        with self._lock:
            self.endpoints.append(Endpoint(url, secret, frozenset(events)))
            self._start()
        return secret

    def _start(self) -> None:
        while len(self._threads) < self._workers_wanted:
            t = threading.Thread(
                target=self._run, name=f"stripe-sim-webhook-{len(self._threads)}", daemon=True
            )
            self._threads.append(t)
            t.start()

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
            threads = list(self._threads)
        for t in threads:
            t.join(self.timeout + 1)

    # ------------------------------------------------------------------ faults
    def fail_next(self, n: int = 1, *, types: tuple[str, ...] | None = None) -> None:
        """The next ``n`` delivery attempts (of events of ``types``, or any) fail as if the connection
        dropped: each is retried on Stripe's schedule."""
        with self._lock:
            self._fail_next = n
            self._fail_types = frozenset(types) if types else None

    def duplicate_next(self, n: int = 1) -> None:
        """The next ``n`` events are delivered twice (Stripe may deliver an event more than once)."""
        with self._lock:
            self._duplicate_next = n

    def hold(self) -> None:
        """Keep every delivery until ``release``."""
        with self._lock:
            if self._held is None:
                self._held = []

    def release(self, order: str = "reverse", seed: int = 0) -> int:
        """Send the held deliveries now, ``reverse`` (newest first), ``shuffle`` or ``fifo``."""
        with self._lock:
            held, self._held = self._held or [], None
            if order == "reverse":
                held.reverse()
            elif order == "shuffle":
                random.Random(seed).shuffle(held)
            now = time.monotonic()
            for i, a in enumerate(held):
                heapq.heappush(self._queue, (now + i * 0.002, next(self._seq), a))
            self._lock.notify_all()
            return len(held)

    # ------------------------------------------------------------------ events
    def emit(
        self, event_type: str, obj: dict[str, Any], request: dict[str, Any] | None, api_version: str
    ) -> dict:
        """Record an event about ``obj`` (a copy of it as it is now) and queue its deliveries."""
        with self._lock:
            wanted = [i for i, ep in enumerate(self.endpoints) if ep.wants(event_type)]
            event = {
                "id": f"evt_{secrets.token_hex(12)}",
                "object": "event",
                "account": None,
                "api_version": api_version,
                "context": None,
                "created": int(self._now()),
                "data": {"object": json.loads(json.dumps(obj))},
                "livemode": False,
                "pending_webhooks": len(wanted),
                "request": request or {"id": None, "idempotency_key": None},
                "type": event_type,
            }
            self.events.append(event)
            self._by_id[event["id"]] = event
            self._delivered[event["id"]] = set()
            copies = 1
            if self._duplicate_next > 0:
                self._duplicate_next -= 1
                copies = 2
            now = time.monotonic()
            for ep in wanted:
                for _ in range(copies):
                    attempt = _Attempt(event["id"], ep, 1, now)
                    if self._held is not None:
                        self._held.append(attempt)
                    else:
                        heapq.heappush(self._queue, (now, next(self._seq), attempt))
            self._lock.notify_all()
            return event

    def get(self, event_id: str) -> dict[str, Any] | None:
        with self._lock:
            ev = self._by_id.get(event_id)
            return json.loads(json.dumps(ev)) if ev is not None else None

    def delivered(self, event_id: str) -> bool:
        """``delivery_success``: every endpoint that wants the event answered 2xx (none pending)."""
        with self._lock:
            return self._by_id[event_id]["pending_webhooks"] == 0

    def snapshot(self) -> list[dict[str, Any]]:
        with self._lock:
            return json.loads(json.dumps(self.events))

    def idle(self) -> bool:
        """Nothing queued, held or being sent (tests wait for this)."""
        with self._lock:
            due_now = [q for q in self._queue if q[0] <= time.monotonic() + 0.05]
            return not due_now and not self._held and self.in_flight == 0

    # ------------------------------------------------------------------ delivery
    def _delay(self, number: int) -> float:
        first, longest, _give_up = self.retry
        return min(first * 2 ** (number - 2), longest) * self.time_scale

    def _run(self) -> None:
        import requests

        session = requests.Session()
        try:
            while True:
                with self._lock:
                    while not self._stopping:
                        if self._queue and self._queue[0][0] <= time.monotonic():
                            break
                        wait = self._queue[0][0] - time.monotonic() if self._queue else None
                        self._lock.wait(wait)
                    if self._stopping:
                        return
                    _due, _n, attempt = heapq.heappop(self._queue)
                    event = self._by_id[attempt.event_id]
                    endpoint = self.endpoints[attempt.endpoint]
                    if attempt.endpoint in self._delivered[attempt.event_id]:
                        continue  # a duplicate of a delivered one: Stripe may still send it
                    fail = self._fail_next > 0 and (
                        self._fail_types is None or event["type"] in self._fail_types
                    )
                    if fail:
                        self._fail_next -= 1
                    body = json.dumps(event, indent=2).encode()
                    self.in_flight += 1
                status = self._send(session, endpoint, body, fail)
                self._after(attempt, event, status)
        finally:
            session.close()

    def _send(self, session: Any, endpoint: Endpoint, body: bytes, fail: bool) -> str:
        if fail:
            return "connection dropped (injected)"
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            "Stripe-Signature": sign(body, endpoint.secret, int(self._now())),
        }
        try:
            r = session.post(endpoint.url, data=body, headers=headers, timeout=(2.0, self.timeout))
        except Exception as e:  # noqa: BLE001 - any failure to deliver is retried
            return type(e).__name__
        return str(r.status_code)

    def _after(self, attempt: _Attempt, event: dict[str, Any], status: str) -> None:
        with self._lock:
            self.in_flight -= 1
            self.log.lines.append(
                (event["id"], event["type"], self.endpoints[attempt.endpoint].url, status, attempt.number)
            )
            if status.isdigit() and 200 <= int(status) < 300:
                done = self._delivered[event["id"]]
                if attempt.endpoint not in done:
                    done.add(attempt.endpoint)
                    event["pending_webhooks"] = max(0, event["pending_webhooks"] - 1)
                self._lock.notify_all()
                return
            _first, _longest, give_up = self.retry
            age = (time.monotonic() - attempt.first_at) / max(self.time_scale, 1e-9)
            if age > give_up or self._stopping:
                log.info(
                    "webhook %s to %s given up after %d attempts",
                    event["id"],
                    attempt.endpoint,
                    attempt.number,
                )
                return
            nxt = _Attempt(attempt.event_id, attempt.endpoint, attempt.number + 1, attempt.first_at)
            heapq.heappush(self._queue, (time.monotonic() + self._delay(nxt.number), next(self._seq), nxt))
            self._lock.notify_all()


__all__ = ["LIVE_RETRY", "SANDBOX_RETRY", "Endpoint", "Webhooks", "sign"]
