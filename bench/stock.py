"""Benchmark of stock everywhere (docs/architecture.md: a sale reaches the backend's stock in < 2 s; the
look-up across 50 stores p95 < 150 ms on loopback).

    python -m bench.stock [--sales 30] [--lookups 200] [--stores 50] [--json]

The demo shop as the window opens it (app.shop.open_shop: the journal, the sync engine, the reference
backend on loopback, the Stripe simulator), driven through its services:

- sale commit -> backend stock: a cash sale of one item through app.sell.SellService (the durable commit,
  then the sync engine woken by it, its push, the backend applying the event); the clock starts before
  `pay_cash` and stops when the backend's stock row of that item at the till's store has moved (read from
  the backend's database every millisecond). One sale at a time, 0.2 s apart, as customers come;
- look-up across the chain: the backend grown to `--stores` stores (each with stock of every stocked item),
  then `SyncEngine.stock(sku)` (HTTP, the backend's queries, the contract checked on both sides) for items
  with variants (12 SKUs x every store) and without, in random order.

The backend runs in the till's process (as in the demo), so both figures include its share of the GIL.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SALE_BUDGET_S = 2.0
LOOKUP_BUDGET_S = 0.150


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def _wait(pred: Any, timeout: float, interval: float = 0.001) -> None:
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark step did not finish in time")
        time.sleep(interval)


def run(sales: int, lookups: int, stores: int, seed: int) -> dict[str, Any]:
    from app import settings as settings_mod
    from app.paths import Paths
    from app.sell import SellService
    from app.shop import open_shop

    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        settings = settings_mod.load(None, environ={}, overrides=["demo.products=500", "demo.auto_tap_s=0"])
        shop = open_shop(Paths.under(Path(tmp) / "shop"), settings)
        try:
            _wait(lambda: shop.catalog.get("LSH-NAV-M") is not None, 60, 0.05)
            backend = shop.demo.backend
            store_id = settings["store.id"]
            sell = SellService(shop)
            sell.begin_shift(shop.staff.identify("1111"))
            sql = backend.connect()

            def on_hand(sku: str) -> int:
                row = sql.execute(
                    "SELECT available FROM stock WHERE sku = ? AND store_id = ?", (sku, store_id)
                ).first()
                return 0 if row is None else row[0]

            skus = [f"{c}-{col}-{size}" for c, col in (("LSH", "WHI"), ("MSW", "OAT"), ("RJK", "BLA"))
                    for size in ("S", "M", "L", "XL")]  # fmt: skip
            seconds = []
            for i in range(sales):
                sku = skus[i % len(skus)]
                before = on_hand(sku)
                assert sell.add_sku(sku).ok
                t0 = time.perf_counter()
                result = sell.pay_cash(sell.view().total)
                assert result.ok, result
                _wait(lambda s=sku, b=before: on_hand(s) != b, 30)
                seconds.append(time.perf_counter() - t0)
                time.sleep(0.2)
            sql.close()

            backend.add_stores(stores)
            stocked = [
                r[0]
                for r in backend.connect().execute("SELECT DISTINCT sku FROM stock ORDER BY sku").fetchall()
            ]
            styled = [s for s in stocked if s[:3] in ("LSH", "MSW", "RJK", "CHN")]
            plain = [s for s in stocked if s not in styled]
            engine = shop.sync_engine
            engine.stock(styled[0])  # the connection is open before the clock starts
            timings: dict[str, list[float]] = {"variants": [], "plain": []}
            for i in range(lookups):
                kind = "variants" if i % 2 else "plain"
                sku = rnd.choice(styled if kind == "variants" else plain)
                t0 = time.perf_counter()
                levels = engine.stock(sku)
                timings[kind].append(time.perf_counter() - t0)
                assert len([s for s in levels.stores if s.kind == "store"]) == stores
        finally:
            shop.close()
    every = timings["variants"] + timings["plain"]
    return {
        "sales": sales,
        "sale_to_backend_stock_p50_s": round(statistics.median(seconds), 4),
        "sale_to_backend_stock_p95_s": round(_pct(seconds, 0.95), 4),
        "sale_to_backend_stock_max_s": round(max(seconds), 4),
        "sale_budget_s": SALE_BUDGET_S,
        "stores": stores,
        "lookups": lookups,
        "lookup_p50_ms": round(statistics.median(every) * 1000, 2),
        "lookup_p95_ms": round(_pct(every, 0.95) * 1000, 2),
        "lookup_variants_p95_ms": round(_pct(timings["variants"], 0.95) * 1000, 2),
        "lookup_plain_p95_ms": round(_pct(timings["plain"], 0.95) * 1000, 2),
        "lookup_budget_p95_ms": LOOKUP_BUDGET_S * 1000,
        "within_budgets": _pct(seconds, 0.95) < SALE_BUDGET_S and _pct(every, 0.95) < LOOKUP_BUDGET_S,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sales", type=int, default=30, help="cash sales timed to the backend's stock")
    ap.add_argument("--lookups", type=int, default=200, help="stock look-ups timed")
    ap.add_argument("--stores", type=int, default=50, help="stores in the chain for the look-ups")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    import logging

    logging.basicConfig(level=logging.ERROR)
    res = run(args.sales, args.lookups, args.stores, args.seed)
    if args.json:
        print(json.dumps(res))
        return 0
    n, m, k = res["sales"], res["lookups"], res["stores"]
    print(f"OMO POS stock benchmark: {n} sales; {m} look-ups across {k} stores")
    rows = [
        (
            "sale commit -> backend stock, p50",
            res["sale_to_backend_stock_p50_s"],
            "s",
            f"budget < {SALE_BUDGET_S} s",
        ),
        (
            "sale commit -> backend stock, p95",
            res["sale_to_backend_stock_p95_s"],
            "s",
            f"budget < {SALE_BUDGET_S} s",
        ),
        ("sale commit -> backend stock, max", res["sale_to_backend_stock_max_s"], "s", ""),
        ("look-up across the chain, p50", res["lookup_p50_ms"], "ms", ""),
        (
            "look-up across the chain, p95",
            res["lookup_p95_ms"],
            "ms",
            f"budget < {LOOKUP_BUDGET_S * 1000:.0f} ms",
        ),
        ("  items with 12 variants, p95", res["lookup_variants_p95_ms"], "ms", ""),
        ("  items without variants, p95", res["lookup_plain_p95_ms"], "ms", ""),
    ]
    for label, value, unit, budget in rows:
        print(f"  {label:<38} {value:>9} {unit:<3} {budget}")
    print("  within budgets" if res["within_budgets"] else "  OVER BUDGET")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
