"""Benchmark: how long an associate waits when taking a sale back, on the demo shop (reference backend and
Stripe simulator on loopback, the journal on disk).

The shop rings up ``--sales`` sales (a share paid by card), lets them sync, then takes one unit of each
back at the Returns workspace's service: the receipt number typed (``ReturnsService.find``: this till's
journal, then the backend's sale with what is still returnable), and the refund to the original payment
(``refund("original")``: the claim held at the backend, a Stripe refund for a card, the return committed
to the journal and printed). Budgets (p95, what staff feel as "at once"): find 500 ms, refund 1000 ms.

The returns desk is paced like a busy desk: a customer every ``--desk-pace`` seconds (3 s, start to start;
a real desk takes one every minute or so). The backend limits look-ups by a guessable number per device
(issue 22: 20 at once, then one every 2 s), so a desk firing 40 look-ups in 4 s would measure the limiter's
Retry-After, not the wait a person feels; ``--desk-pace 0`` shows that. The sales are rung up as fast as the
till goes; with card payments relayed the till then meets the backend's per-device request limit and waits
its turn (the figure ``turns_waited``).

    python -m bench.returns [--sales 40] [--card-share 0.5] [--desk-pace 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FIND_BUDGET_MS = 500.0
REFUND_BUDGET_MS = 1000.0
CASHIER, ASSOCIATE = "1111", "2222"  # the demo's cashier rings up, its associate takes back


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    k = (len(s) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def _ms(values: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(values) * 1000, 1),
        "p95_ms": round(percentile(values, 0.95) * 1000, 1),
        "max_ms": round(max(values) * 1000, 1),
    }


def run(sales_n: int, card_share: float, data: Path, desk_pace: float = 3.0) -> dict[str, Any]:
    from app import settings as settings_mod
    from app.paths import Paths
    from app.sell import SellService
    from app.shop import open_shop

    settings = settings_mod.load(
        None,
        environ={},
        overrides=["demo.products=300", "demo.auto_tap_s=0.05", "stripe.poll_interval_ms=50"],
    )
    shop = open_shop(Paths.under(data), settings)
    try:
        sell = SellService(shop)
        cashier = shop.staff.identify(CASHIER)
        sell.begin_shift(cashier)
        if shop.till.session_id is None:
            shop.till.begin_shift(shop.staff.identify("9999"))
            shop.till.open_demo(shop.staff.identify("9999"))
        conn = shop.store.read_connection()
        try:
            codes = [
                r[0]
                for r in conn.execute(
                    "SELECT b.barcode FROM barcodes b JOIN products p ON p.id = b.product_id "
                    "WHERE p.active = 1 AND length(b.barcode) = 13 ORDER BY p.id LIMIT 60"
                )
            ]
        finally:
            conn.close()
        receipts: list[tuple[str, str]] = []
        cards = 0
        for i in range(sales_n):
            for code in (codes[i % len(codes)], codes[(3 * i + 1) % len(codes)]):
                if not sell.scan(code).ok:
                    raise SystemExit(f"sale {i}: cannot scan {code}")
            by_card = shop.payments.available and cards < round(card_share * (i + 1))
            if by_card:
                paid = sell.pay_card()
                cards += 1
            else:
                quote, _quick = sell.cash_quote()
                paid = sell.pay_cash(quote.rounded)
            if not paid.ok:
                raise SystemExit(f"sale {i} not paid: {paid.message}")
            receipts.append((paid.value.receipt_no, "card" if by_card else "cash"))
        shop.sync_engine.wake()
        if not shop.sync_engine.wait_idle(120):
            raise SystemExit("the sales did not sync within 120 s")
        returns = shop.returns
        returns.begin_shift(shop.staff.identify(ASSOCIATE))
        finds: list[float] = []
        refunds: dict[str, list[float]] = {"cash": [], "card": []}
        next_customer = time.perf_counter()
        for receipt_no, how in receipts:
            time.sleep(max(0.0, next_customer - time.perf_counter()))
            next_customer = time.perf_counter() + desk_pace
            t0 = time.perf_counter()
            found = returns.find(receipt_no)
            t1 = time.perf_counter()
            if not found.ok:
                raise SystemExit(f"{receipt_no} not found: {found.message}")
            returns.pick(found.value.lines[0].line_no, 1, reason="Changed mind")
            t2 = time.perf_counter()
            done = returns.refund("original")
            t3 = time.perf_counter()
            if not done.ok:
                raise SystemExit(f"{receipt_no} not refunded: {done.message}")
            if done.printing is not None:
                done.printing.result(timeout=30)
            finds.append(t1 - t0)
            refunds[how].append(t3 - t2)
        turns_waited = getattr(shop.terminal, "turns_waited", 0)
    finally:
        shop.close()
    all_refunds = refunds["cash"] + refunds["card"]
    out: dict[str, Any] = {
        "sales": sales_n,
        "desk_pace_s": desk_pace,
        "turns_waited": turns_waited,
        "card_refunds": len(refunds["card"]),
        "cash_refunds": len(refunds["cash"]),
        "find": _ms(finds),
        "refund": _ms(all_refunds),
        "refund_card": _ms(refunds["card"]) if refunds["card"] else None,
        "refund_cash": _ms(refunds["cash"]) if refunds["cash"] else None,
        "find_budget_ms": FIND_BUDGET_MS,
        "refund_budget_ms": REFUND_BUDGET_MS,
    }
    out["within_budget"] = (
        out["find"]["p95_ms"] <= FIND_BUDGET_MS and out["refund"]["p95_ms"] <= REFUND_BUDGET_MS
    )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sales", type=int, default=40)
    ap.add_argument("--card-share", type=float, default=0.5)
    ap.add_argument("--desk-pace", type=float, default=3.0, help="seconds from one customer to the next")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="omo-bench-returns-") as tmp:
        r = run(a.sales, a.card_share, Path(tmp), a.desk_pace)
    if a.json:
        print(json.dumps(r))
    else:
        print(
            f"sales taken back: {r['sales']} ({r['card_refunds']} to a card, {r['cash_refunds']} in cash), "
            f"a customer every {r['desk_pace_s']} s"
        )
        f, rf = r["find"], r["refund"]
        print(
            f"find by receipt number: p50 {f['p50_ms']} ms  p95 {f['p95_ms']} ms   "
            f"(budget {FIND_BUDGET_MS} ms)"
        )
        print(
            f"refund to the payment:  p50 {rf['p50_ms']} ms  p95 {rf['p95_ms']} ms   "
            f"(budget {REFUND_BUDGET_MS} ms)"
        )
        for how in ("card", "cash"):
            if r[f"refund_{how}"]:
                x = r[f"refund_{how}"]
                print(f"  {how}: p50 {x['p50_ms']} ms  p95 {x['p95_ms']} ms  max {x['max_ms']} ms")
        print(f"waits for the backend's rate limits (relayed card requests): {r['turns_waited']}")
        print("within budget" if r["within_budget"] else "OVER BUDGET")
    return 0 if r["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
