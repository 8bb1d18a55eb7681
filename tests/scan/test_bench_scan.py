"""The scan benchmark runs (tiny size) and prints every figure as JSON; no timing is asserted here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_scan_small_run():
    proc = subprocess.run(
        [sys.executable, "-m", "bench.scan", "--repeat", "3", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    figures = json.loads(proc.stdout)
    assert figures["repeat"] == 3 and figures["budgets_ms"] == {"read_p99_ms": 1.0, "first_scan_ms": 16.0}
    kinds = ("ean13", "in_store_label_de", "in_store_label_us", "databar_weight", "gs1_128_price_expiry")
    kinds += ("bracketed", "digital_link", "malformed_refused")
    for name in [f"read_{k}_p99_ms" for k in kinds] + [
        "first_scan_after_load_ms",
        "first_scan_without_load_ms",
    ]:
        assert figures[name] > 0
