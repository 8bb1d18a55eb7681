"""Cost of the cart's work on every scan: re-totalling, saving and restoring an N-line cart.

The UI re-totals on every scan and the store saves the open cart on every change, so each change of
a 100-line cart (with line and order discounts, three tax rates) must cost well under 1 ms.

    PYTHONPATH=. python bench/cart_totals.py [--lines 100] [--repeat 2000] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from decimal import Decimal

from pos.cart import Cart, Discount
from pos.money import Money
from pos.storeconfig import StoreConfig
from pos.tax import TaxRate, TaxRounding

# Per-figure budgets (ms). Re-totalling and saving happen on every scan: well under 1 ms. Restoring
# happens once at start after a crash; the receipt/journal dict once per finished sale.
BUDGETS_MS = {
    "rescan": 1.0,
    "to_dict": 1.0,
    "from_dict": 10.0,
    "totals_to_dict": 5.0,
}


def _budget(name: str) -> float:
    for key in sorted(BUDGETS_MS, key=len, reverse=True):
        if name.startswith(key):
            return BUDGETS_MS[key]
    raise KeyError(name)


def _cart(lines: int, rounding: TaxRounding) -> Cart:
    cfg = StoreConfig(
        currency="EUR",
        locale="it_IT",
        tax_rates=(TaxRate("22", Decimal(22)), TaxRate("10", Decimal(10)), TaxRate("4", Decimal(4))),
        tax_rounding=rounding,
    )
    cart = Cart(cfg)
    codes = list(cfg.rates)
    for i in range(lines):
        line = cart.add_line(f"SKU{i}", f"Item {i}", Money(99 + 37 * i, "EUR"), codes[i % 3], 1 + i % 4)
        if i % 10 == 0:
            cart.set_line_discount(line.line_id, Discount.of_percent("10"))
    cart.set_order_discount(Discount.of_percent("5"))
    return cart


def _times_ms(fn, repeat: int) -> list[float]:
    for _ in range(min(repeat, 20)):  # warm up
        fn()
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter_ns()
        fn()
        out.append((time.perf_counter_ns() - t0) / 1e6)
    return out


def _p(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]
    )


def measure(lines: int, repeat: int) -> dict[str, float]:
    figures: dict[str, float] = {}
    for rounding in TaxRounding:
        cart = _cart(lines, rounding)
        target = cart.lines[-1].line_id
        qty = iter(range(10**9))

        def scan(cart=cart, target=target, qty=qty):
            # a scan of an item already in the cart: quantity + 1, then totals as the UI reads them
            cart.set_quantity(target, 1 + next(qty) % 50)
            t = cart.totals
            return t.total, t.tax, t.line(target)

        t = _times_ms(scan, repeat)
        figures[f"rescan_{rounding.value}_p50_ms"] = _p(t, 50)
        figures[f"rescan_{rounding.value}_p99_ms"] = _p(t, 99)
    cart = _cart(lines, TaxRounding.PER_LINE)
    t = _times_ms(cart.to_dict, max(repeat // 4, 2))
    figures["to_dict_p99_ms"] = _p(t, 99)
    saved = json.loads(json.dumps(cart.to_dict()))
    t = _times_ms(lambda: Cart.from_dict(saved, cart.config), max(repeat // 10, 2))
    figures["from_dict_p99_ms"] = _p(t, 99)

    def receipt():  # the finished sale for the journal and receipt: every line as Money
        cart.set_quantity(cart.lines[0].line_id, 1 + next(qty) % 3)  # fresh totals each time
        return cart.totals.to_dict()

    qty = iter(range(10**9))
    t = _times_ms(receipt, max(repeat // 10, 2))
    figures["totals_to_dict_p99_ms"] = _p(t, 99)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100, help="lines in the cart (default 100)")
    parser.add_argument("--repeat", type=int, default=2000, help="timed repetitions (default 2000)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    figures = measure(args.lines, args.repeat)
    if args.json:
        print(json.dumps({"lines": args.lines, "repeat": args.repeat, "budgets_ms": BUDGETS_MS, **figures}))
        return
    print(f"cart with {args.lines} lines, {args.repeat} repetitions")
    for name, value in figures.items():
        budget = _budget(name)
        verdict = "ok" if value < budget else "OVER"
        print(f"  {name:<28} {value:8.3f} ms   budget < {budget:g} ms   {verdict}")


if __name__ == "__main__":
    main()
