"""Cost of reading a scanned code (`pos.scan.read_item` over `pos.gs1` and biip), per kind of code.

A scan must reach the screen within one frame (16 ms p99, `bench.ui` measures the whole path); reading
the code is one part of it, next to the catalog look-up, the cart and the repaint, so its budget is
1 ms p99. The first scan of a till also pays for importing biip (its GS1 prefix tables) unless
`pos.gs1.load()` ran at start-up: that figure is measured in a fresh process and judged against the
16 ms frame, to show why `load()` belongs in the start-up's worker thread.

    PYTHONPATH=. python bench/scan.py [--repeat 2000] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from pos.gs1 import GS, EmbeddedRule, make_embedded
from pos.ports import Product
from pos.scan import ItemScan, ScanRefused, read_item

ROOT = Path(__file__).resolve().parents[1]
READ_BUDGET_MS = 1.0
FRAME_MS = 16.0
TODAY = date(2026, 12, 7)
GTIN = "09501101020917"
US = EmbeddedRule("02", "price", item_digits=5, value_digits=4, value_check=True)
CODES = {
    "ean13": GTIN[1:],
    "in_store_label_de": "2212346146856",
    "in_store_label_us": make_embedded(US, "12345", 2875),
    "databar_weight": f"]e001{GTIN}3103000750{GS}10LOT7",
    "gs1_128_price_expiry": f"]C101{GTIN}1726123110LOT7{GS}3922499",
    "bracketed": f"(01){GTIN}(17)261231(3103)000750",
    "digital_link": f"https://id.gs1.org/01/{GTIN}/10/LOT7?17=261231&3103=000750",
    "malformed_refused": f"01{GTIN}17260230",
}


class Catalog:
    """A dict: the catalog look-up is `bench.store`'s figure, not this one's."""

    def __init__(self) -> None:
        items = [
            Product("SKU-1", "Apples", "B", "fruit", "REDUCED", 299, barcodes=(GTIN[1:], GTIN)),
            Product("SKU-2", "Cheese", "B", "deli", "REDUCED", 1999, barcodes=("2212340000000",)),
            Product("12345", "Pie", "B", "deli", "REDUCED", 500),
        ]
        self.by_code = {code: p for p in items for code in p.barcodes}
        self.by_sku = {p.sku: p for p in items}

    def lookup_barcode(self, code: str) -> Product | None:
        return self.by_code.get(code)

    def get(self, sku: str) -> Product | None:
        return self.by_sku.get(sku)

    def search(self, text: str, limit: int = 20) -> list[Product]:
        return []


def _p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def first_scan_ms(load_first: bool) -> float:
    """The first `read_item` of a fresh process, after `pos.gs1.load()` or without it."""
    probe = (
        "import time, datetime; from pos import gs1; from pos.scan import read_item\n"
        f"{'gs1.load()' if load_first else ''}\n"
        "class C:\n lookup_barcode = get = lambda self, code: None\n search = lambda self, t, n=20: []\n"
        "t = time.perf_counter(); read_item('(01)09501101020917(3103)000750', C(), currency='EUR', "
        "today=datetime.date(2026, 12, 7)); print((time.perf_counter() - t) * 1000)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout)


def measure(repeat: int) -> dict[str, float]:
    catalog = Catalog()
    figures: dict[str, float] = {}
    for name, code in CODES.items():
        rules = "US" if name.endswith("_us") else "DE"

        def read(code: str = code, rules: str = rules) -> ItemScan | ScanRefused:
            return read_item(code, catalog, currency="EUR", today=TODAY, rcn_rules=rules)

        assert isinstance(read(), ScanRefused if name.endswith("refused") else ItemScan), (name, read())
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter_ns()
            read()
            times.append((time.perf_counter_ns() - t0) / 1e6)
        figures[f"read_{name}_p50_ms"] = _p(times, 50)
        figures[f"read_{name}_p99_ms"] = _p(times, 99)
    figures["first_scan_after_load_ms"] = min(first_scan_ms(True) for _ in range(3))
    figures["first_scan_without_load_ms"] = min(first_scan_ms(False) for _ in range(3))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2000, help="timed reads of each code (default 2000)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    figures = measure(args.repeat)
    if args.json:
        budgets = {"read_p99_ms": READ_BUDGET_MS, "first_scan_ms": FRAME_MS}
        print(json.dumps({"repeat": args.repeat, "budgets_ms": budgets, **figures}))
        return
    print(f"reading a scanned code, {args.repeat} reads of each kind")
    for name, value in figures.items():
        budget = FRAME_MS if name.startswith("first_scan") else READ_BUDGET_MS
        if name.endswith("p50_ms"):
            print(f"  {name:<40} {value:8.3f} ms")
            continue
        verdict = "ok" if value < budget else "OVER"
        print(f"  {name:<40} {value:8.3f} ms   budget < {budget:g} ms   {verdict}")


if __name__ == "__main__":
    main()
