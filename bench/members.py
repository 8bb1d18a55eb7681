"""Benchmark of the member panel (issue 15). Prints each figure next to its budget.

    python -m bench.members [--opens 50] [--json]

Figures: the demo shop (its reference backend on loopback, the journal), a cashier logged in to the
Members service; each open is `MembersService.find(QR text)` of a member's freshly minted app code, timed
until the MemberPanel is built (local check of the code, the backend's profile with history, viewed items
and suggestions, the till's unsynced points and check-in mark): what the associate waits for after the
scan. p50/p95 over `--opens` opens of the five demo members in turn; budget p95 < 300 ms. Then the same
with the backend answering 503 (the cached profile): budget p95 < 300 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

BUDGET_MS = 300.0
MEMBERS = (1001, 1002, 1003, 1004, 1005)


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))]


def measure(opens: int) -> dict[str, float]:
    from app import settings as settings_mod
    from app.paths import Paths
    from app.shop import open_shop

    with tempfile.TemporaryDirectory() as tmp:
        settings = settings_mod.load(None, environ={}, overrides=["demo.products=300", "demo.auto_tap_s=0"])
        shop = open_shop(Paths.under(Path(tmp) / "shop"), settings)
        try:
            svc = shop.members
            svc.begin_shift(shop.staff.identify("1111"))
            deadline = time.monotonic() + 30
            while not shop.sync_engine.member_keys()[0]:
                if time.monotonic() > deadline:
                    raise SystemExit("no member keys from the demo backend")
                time.sleep(0.05)
            backend = shop.demo.backend
            codes = [backend.member_qr(MEMBERS[i % len(MEMBERS)]) for i in range(opens)]
            svc.find(codes[0])  # warm up: the first connection, the keys
            online = []
            for code in codes:
                t0 = time.perf_counter()
                r = svc.find(code)
                online.append((time.perf_counter() - t0) * 1000)
                assert r.ok and r.value.profile.view, r.message
            backend.inject("status", status=503, times=10**9)
            offline = []
            for code in codes:
                t0 = time.perf_counter()
                r = svc.find(code)
                offline.append((time.perf_counter() - t0) * 1000)
                assert r.ok and r.value.offline, r.message
            backend.faults.clear()
        finally:
            shop.close()
    return {
        "open_p50_ms": statistics.median(online),
        "open_p95_ms": pct(online, 95),
        "open_cached_p50_ms": statistics.median(offline),
        "open_cached_p95_ms": pct(offline, 95),
        "budget_ms": BUDGET_MS,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.members", description=__doc__.split("\n\n")[0])
    ap.add_argument("--opens", type=int, default=50)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    figures = measure(args.opens)
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"member panel from a scan, backend on loopback: p50 {figures['open_p50_ms']:.1f} ms, "
            f"p95 {figures['open_p95_ms']:.1f} ms (budget p95 < {BUDGET_MS:.0f} ms)"
        )
        print(
            f"member panel from the cache, backend down:    p50 {figures['open_cached_p50_ms']:.1f} ms, "
            f"p95 {figures['open_cached_p95_ms']:.1f} ms (budget p95 < {BUDGET_MS:.0f} ms)"
        )
    ok = figures["open_p95_ms"] < BUDGET_MS and figures["open_cached_p95_ms"] < BUDGET_MS
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
