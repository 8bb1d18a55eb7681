"""The chain's Stripe budget (backend/stripe_budget.py) on both engines: a burst from many workers never
goes over a limit as Stripe counts it, a customer's payment is not queued behind reconciliation reads, and a
429 pushes the named limit back."""

from __future__ import annotations

import threading
import time

import pytest

from backend.store import Store
from backend.stripe_budget import ACCOUNT, CUSTOMER, RECONCILE, BudgetLimits, StripeBudget
from hardware.stripe_sim.ratelimit import RateLimiter, StripeLimits
from tests.backend.engines import ENGINES, fresh_database

EP = "POST /v1/payment_intents"


@pytest.fixture(params=ENGINES)
def store(request, tmp_path):
    with fresh_database(request.param, tmp_path) as url:
        s = Store(url)
        s.migrate()
        try:
            yield s
        finally:
            s.dispose()


def test_a_burst_from_many_workers_never_exceeds_a_limit(store):
    budget = StripeBudget(store, BudgetLimits(account=40.0, endpoint=20.0))  # the default margin (0.9)
    admitted: list[tuple[float, str]] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        for k in range(6):
            ep = EP if (n + k) % 2 else "POST /v1/terminal/readers/{id}/process_payment_intent"
            budget.acquire(ep, CUSTOMER)
            with lock:
                admitted.append((time.monotonic(), ep))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(admitted) == 48
    # replayed against the simulator's copy of Stripe's buckets at the same instants: nothing refused
    clock = [0.0]
    clock[0] = admitted[0][0] - 10  # buckets full at the start, as Stripe's are
    stripe = RateLimiter(StripeLimits(40.0, 20.0), clock=lambda: clock[0])
    refused = []
    for at, ep in sorted(admitted):
        clock[0] = at + 0.02  # a request reaches Stripe a little after its slot (never before)
        if stripe.admit(ep) is not None:
            refused.append((at, ep))
    assert refused == []


def test_a_customer_is_not_queued_behind_reconciliation_reads(store):
    budget = StripeBudget(store, BudgetLimits(account=20.0, endpoint=20.0, margin=1.0))
    stop = threading.Event()
    reads = [0]

    def reconcile() -> None:
        while not stop.is_set():
            budget.acquire("GET /v1/payment_intents/{id}", RECONCILE)
            reads[0] += 1

    threads = [threading.Thread(target=reconcile) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        time.sleep(1.0)  # reconciliation has taken what it may of the account
        # ten customers at once (a rush at the tills): each is let through without waiting for the reads
        waits: list[float] = []
        rush = [
            threading.Thread(target=lambda: waits.append(budget.acquire(EP, CUSTOMER))) for _ in range(10)
        ]
        for t in rush:
            t.start()
        for t in rush:
            t.join(10)
    finally:
        stop.set()
        for t in threads:
            t.join(10)
    assert reads[0] > 5  # the reads did run
    # reads may use a quarter of the bucket: the rest is kept for customers (were it not, the ten would
    # queue a slot of 50 ms each behind the reads: half a second for the last)
    assert len(waits) == 10 and max(waits) < 0.25, waits


def test_a_429_pushes_the_limit_back_and_is_reported(store):
    budget = StripeBudget(store, BudgetLimits(account=50.0, endpoint=10.0, margin=1.0))
    budget.acquire(EP, CUSTOMER)
    backoff = budget.rate_limited(EP, "endpoint-rate", 2)
    assert backoff >= 0.4  # 4 periods of 0.1 s at least
    started = time.monotonic()
    budget.acquire(EP, CUSTOMER)  # even a customer waits the back-off out
    assert time.monotonic() - started >= backoff * 0.9
    report = {x["limit"]: x for x in budget.report()["limits"]}
    assert report[EP]["rate_limited"] == 1 and report[ACCOUNT]["rate_limited"] == 0
    assert 0.0 <= report[EP]["headroom"] <= 1.0
