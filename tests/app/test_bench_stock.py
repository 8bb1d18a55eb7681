"""The stock benchmark runs (tiny size) and prints its figures next to their budgets as JSON; no timing is
asserted here (budgets belong to the benchmark)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_stock_small_run():
    proc = subprocess.run(
        [sys.executable, "-m", "bench.stock", "--sales", "2", "--lookups", "4", "--stores", "6", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    assert (figures["sales"], figures["lookups"], figures["stores"]) == (2, 4, 6)
    assert figures["sale_budget_s"] == 2.0 and figures["lookup_budget_p95_ms"] == 150.0
    for key in (
        "sale_to_backend_stock_p50_s",
        "sale_to_backend_stock_p95_s",
        "lookup_p50_ms",
        "lookup_p95_ms",
    ):
        assert figures[key] > 0
    assert isinstance(figures["within_budgets"], bool)
