"""Benchmark: the chain's busy hour of card payments through the backend, against the simulator with
Stripe's limits on, beside the same load paid directly (each till polling Stripe itself).

The busy hour of the issue: ~4,500 tills, one sale per till every 2 minutes, 70 % by card: 26.25 card
payments a second. This machine cannot run 4,500 tills at once, so the hour is SCALED IN TIME by ``--scale``
k: payments arrive k times slower (Poisson, 26.25/k a second) and every Stripe limit is divided by k (the
simulator's and the backend's budget alike), so the load stands in the same ratio to the limits as the real
hour; the tills (``--tills``, one reader each) are as many as are busy at once. The customer taps
``--tap`` seconds after the reader shows the amount. Times measured are real (unscaled) seconds.

Printed, for relayed and for direct mode: Stripe requests per card payment (total and on the critical
path), polling requests, 429s, errors a till met, tap-to-authorised as the till sees it (p50/p95), and the
budget's headroom (the busiest second of the account and of each endpoint beside its limit).

Budgets (the issue): ≤ 2 Stripe requests on the critical path, 0 polling requests, 0 errors reaching a till
from 429s, tap-to-authorised p95 no worse than direct mode by more than 100 ms.

    python -m bench.chain_payments [--scale 10] [--seconds 30] [--tills 12] [--raise EP=RATE] [--json]
"""

from __future__ import annotations

import argparse
import json
import queue
import random
import secrets
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from backend.card_relay import RelayConfig
from backend.server import start_backend
from backend.stripe_budget import BudgetLimits
from hardware.stripe_sim import VISA, StripeSimulator
from hardware.stripe_sim.ratelimit import StripeLimits
from hardware.stripe_terminal.driver import StripeTerminal
from hardware.stripe_terminal.relay import RelayedTerminal
from pos.payment import CardPayments, MemoryPaymentJournal

KEY = "sk_test_bench_chain"
BUSY_HOUR_PER_S = 4500 / 120 * 0.7  # 26.25 card payments a second
POLLING = ("GET /v1/terminal/readers/", "GET /v1/payment_intents/")
BUDGET_CRITICAL = 2
BUDGET_LATENCY_MS = 100.0


def _critical(endpoint: str) -> bool:
    """A request the customer waits for: create, process, and any read while waiting (polling)."""
    return (
        endpoint == "POST /v1/payment_intents"
        or endpoint.endswith("/process_payment_intent")
        or any(endpoint.startswith(p) for p in POLLING)
    )


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))]


def _run(mode: str, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    raises = dict(args.raises)
    sim = StripeSimulator(
        api_keys=(KEY,),
        limits=None if mode == "direct-unlimited" else StripeLimits(100.0, 25.0, raises).scaled(args.scale),
        webhook_retry=(1.0, 10.0, 60.0),
    ).start()
    sim.auto_tap(VISA, delay=args.tap)
    location = sim.create_location("Bench")
    readers = [sim.register_reader("simulated-wpe", location) for _ in range(args.tills)]
    backend = None
    terminals: list[Any] = []
    relay = None
    try:
        if mode == "relayed":
            secret = "whsec_" + secrets.token_hex(16)
            config = RelayConfig(
                KEY,
                secret,
                api_base=sim.url,
                limits=BudgetLimits(endpoints=raises, scale=args.scale),
                reconcile_interval=2.0,
            )
            backend = start_backend(workdir / f"{mode}.sqlite3", cards=config)
            sim.add_webhook_endpoint(backend.url + "/v1/stripe/webhooks", secret)
            relay = backend.backend.card_relay
            for n, r in enumerate(readers):
                token = backend.register_device(f"T{n}")
                terminals.append(RelayedTerminal(backend_url=backend.url, token=token, reader_id=r))
        else:
            for r in readers:
                terminals.append(
                    StripeTerminal(
                        reader_id=r,
                        location_id=location,
                        api_base=sim.url,
                        api_key=KEY,
                        poll_interval=args.poll_interval,
                        max_network_retries=2,
                    )
                )
        time.sleep(0.3)
        sim.rate_stats.reset()
        first_request = len(sim.requests)
        lowest: dict[str, float] = {}
        done = threading.Event()

        def sample() -> None:  # the budget's headroom while the tills pay: the lowest seen per limit
            while not done.wait(0.5):
                for x in relay.budget.report()["limits"]:  # type: ignore[union-attr]
                    lowest[x["limit"]] = min(lowest.get(x["limit"], 1.0), x["headroom"])

        sampler = threading.Thread(target=sample, daemon=True)
        if relay is not None:
            sampler.start()
        results = _drive(terminals, args, sim)
        done.set()
        if relay is not None:  # the captures the backend still owes (off the critical path)
            deadline = time.monotonic() + 30 * args.scale
            while time.monotonic() < deadline and any(
                p["status"] == "requires_capture" for p in sim.payment_intents.values()
            ):
                time.sleep(0.2)
        stats = sim.rate_limit_stats()
        requests_made = sim.requests[first_request:]
        report = relay.budget.report() if relay is not None else None
        if report is not None:
            for x in report["limits"]:
                x["lowest_headroom"] = lowest.get(x["limit"], x["headroom"])
    finally:
        for t in terminals:
            t.close()
        if backend is not None:
            backend.stop()
        sim.stop()
    paid = [r for r in results if r["paid"]]
    endpoints = [f"{r['method']} {r['path']}" for r in requests_made if r.get("status") != 429]
    n = max(len(paid), 1)
    critical = sum(1 for e in endpoints if _critical(e))
    polling = sum(1 for e in endpoints if any(e.startswith(p) for p in POLLING))
    latencies = [r["tap_to_auth_ms"] for r in paid if r["tap_to_auth_ms"] is not None]
    limits = StripeLimits(100.0, 25.0, raises).scaled(args.scale)
    return {
        "mode": mode,
        "payments": len(results),
        "paid": len(paid),
        "errors_at_tills": len(results) - len(paid),
        "errors_from_429": sum(1 for r in results if not r["paid"] and "rate" in (r["error"] or "")),
        "stripe_requests_per_payment": round(len(endpoints) / n, 2),
        "critical_requests_per_payment": round(critical / n, 2),
        "polling_requests": polling,
        "rate_limited_429": sum(stats["limited"].values()),
        "tap_to_authorized_p50_ms": round(percentile(latencies, 50), 1),
        "tap_to_authorized_p95_ms": round(percentile(latencies, 95), 1),
        "pay_to_authorized_p95_ms": round(
            percentile([r["pay_to_auth_ms"] for r in paid if r["pay_to_auth_ms"] is not None], 95), 1
        ),
        "peak_account_per_s": stats["peak_account_per_s"],
        "account_limit_per_s": None if mode == "direct-unlimited" else limits.account,
        "peak_endpoint_per_s": stats["peak_endpoint_per_s"],
        "budget_report": report,
    }


def _drive(terminals: list[Any], args: argparse.Namespace, sim: StripeSimulator) -> list[dict[str, Any]]:
    """Payments arrive as a Poisson process at the scaled busy-hour rate; a free till takes each."""
    rate = BUSY_HOUR_PER_S / args.scale
    rng = random.Random(7)
    free: queue.Queue[Any] = queue.Queue()
    for t in terminals:
        free.put(t)
    results: list[dict[str, Any]] = []
    lock = threading.Lock()
    workers: list[threading.Thread] = []

    def pay(terminal: Any, k: int) -> None:
        journal = MemoryPaymentJournal()
        payments = CardPayments(terminal, journal, poll_interval=args.poll_interval, authorization_timeout=60)
        seen: dict[str, float] = {}
        pressed = time.monotonic()
        amount = 500 + (k * 37) % 9000 // 100 * 100  # whole amounts (the simulator's approve magic)
        out = payments.pay(f"sale-{k}", amount, "usd", lambda tx: seen.setdefault("t", time.monotonic()))
        tapped = sim.tapped_at.get(out.payment_intent_id or "")
        latency = (seen["t"] - tapped) * 1000 if "t" in seen and tapped is not None else None
        err = out.error.code if out.error is not None else None
        with lock:
            results.append(
                {
                    "paid": out.paid,
                    "tap_to_auth_ms": latency,
                    "pay_to_auth_ms": (seen["t"] - pressed) * 1000 if "t" in seen else None,
                    "error": err or ("" if out.paid else out.message),
                }
            )
        free.put(terminal)

    start = time.monotonic()
    k = 0
    next_at = start
    while next_at - start < args.seconds:
        time.sleep(max(0.0, next_at - time.monotonic()))
        terminal = free.get()  # every till busy: the customer queues (counted in nothing but the run time)
        t = threading.Thread(target=pay, args=(terminal, k), daemon=True)
        t.start()
        workers.append(t)
        k += 1
        next_at += rng.expovariate(rate)
    for t in workers:
        t.join(120)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.chain_payments", description=__doc__.splitlines()[0])
    ap.add_argument(
        "--scale", type=float, default=10.0, help="time scale k: payments and limits divided by k"
    )
    ap.add_argument("--seconds", type=float, default=30.0, help="real seconds of arrivals per mode")
    ap.add_argument("--tills", type=int, default=12, help="tills (readers) paying at once at most")
    ap.add_argument("--tap", type=float, default=0.5, help="seconds from the reader's prompt to the tap")
    ap.add_argument("--poll-interval", type=float, default=0.25, help="direct mode's polling (the default)")
    ap.add_argument(
        "--raise",
        dest="raises",
        action="append",
        default=[],
        type=_raise,
        metavar="EP=RATE",
        help='an endpoint limit Stripe raised, e.g. "POST /v1/payment_intents=50"',
    )
    ap.add_argument(
        "--modes",
        default="relayed,direct,direct-unlimited",
        help="direct-unlimited: direct mode with Stripe's limits off, the latency to compare with",
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="omo-bench-chain-") as tmp:
        runs = {m: _run(m, args, Path(tmp)) for m in args.modes.split(",")}
    relayed = runs.get("relayed")
    direct = runs.get("direct-unlimited") or runs.get("direct")
    verdict: dict[str, Any] = {}
    if relayed is not None:
        verdict = {
            "critical_within_budget": relayed["critical_requests_per_payment"] <= BUDGET_CRITICAL,
            "no_polling": relayed["polling_requests"] == 0,
            "no_429_errors_at_tills": relayed["errors_from_429"] == 0,
        }
        if direct is not None:
            verdict["latency_within_budget"] = (
                relayed["tap_to_authorized_p95_ms"] <= direct["tap_to_authorized_p95_ms"] + BUDGET_LATENCY_MS
            )
    figures = {
        "scale": args.scale,
        "busy_hour_payments_per_s": BUSY_HOUR_PER_S,
        "arrival_rate_per_s": round(BUSY_HOUR_PER_S / args.scale, 3),
        "seconds": args.seconds,
        "tills": args.tills,
        "tap": args.tap,
        "raises": dict(args.raises),
        "runs": runs,
        "budgets": {
            "critical_requests": BUDGET_CRITICAL,
            "polling_requests": 0,
            "errors_from_429": 0,
            "p95_over_direct_ms": BUDGET_LATENCY_MS,
        },
        "verdict": verdict,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        _print(figures)
    return 0 if all(verdict.values()) else 1


def _raise(text: str) -> tuple[str, float]:
    ep, _, rate = text.rpartition("=")
    return ep.strip(), float(rate)


def _print(f: dict[str, Any]) -> None:
    print(
        f"busy hour {f['busy_hour_payments_per_s']:.2f} card payments/s scaled 1/{f['scale']:g}: "
        f"{f['arrival_rate_per_s']} /s for {f['seconds']:g} s, Stripe's limits / {f['scale']:g}, "
        f"{f['tills']} tills; raises {f['raises'] or 'none'}"
    )
    for mode, r in f["runs"].items():
        print(
            f"\n[{mode}] {r['paid']}/{r['payments']} paid, errors at tills {r['errors_at_tills']} "
            f"(from 429s: {r['errors_from_429']}; budget 0)"
        )
        print(
            f"  Stripe requests per card payment: {r['stripe_requests_per_payment']} total, "
            f"{r['critical_requests_per_payment']} on the critical path (budget ≤ {BUDGET_CRITICAL})"
        )
        print(
            f"  polling requests: {r['polling_requests']} (budget 0); "
            f"429s from Stripe: {r['rate_limited_429']}"
        )
        print(
            f"  tap → authorised as the till sees it: p50 {r['tap_to_authorized_p50_ms']} ms, "
            f"p95 {r['tap_to_authorized_p95_ms']} ms; "
            f"Pay → authorised p95 {r['pay_to_authorized_p95_ms']} ms "
            f"(tap after {f['tap']:g} s; includes any queue for Stripe's limits)"
        )
        limit = "no limit" if r["account_limit_per_s"] is None else f"{r['account_limit_per_s']:g}/s"
        print(
            f"  busiest second: account {r['peak_account_per_s']} of {limit}; "
            + ", ".join(f"{e} {v}" for e, v in sorted(r["peak_endpoint_per_s"].items()))
        )
        if r["budget_report"]:
            print(
                "  budget headroom (lowest second while paying): "
                + ", ".join(
                    f"{x['limit']} {x['lowest_headroom']:.0%} (429s {x['rate_limited']})"
                    for x in r["budget_report"]["limits"]
                )
            )
    runs = f["runs"]
    base = "direct-unlimited" if "direct-unlimited" in runs else "direct"
    if "relayed" in runs and base in runs:
        d = runs["relayed"]["tap_to_authorized_p95_ms"] - runs[base]["tap_to_authorized_p95_ms"]
        print(f"\nrelayed p95 − {base} p95: {d:+.1f} ms (budget ≤ +{BUDGET_LATENCY_MS:g} ms)")
    print("verdict: " + ", ".join(f"{k} {'OK' if v else 'OVER'}" for k, v in f["verdict"].items()))


if __name__ == "__main__":
    sys.exit(main())
