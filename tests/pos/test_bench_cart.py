"""The cart benchmark runs (tiny size) and prints every figure as JSON; no timing is asserted here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_cart_totals_small_run():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "cart_totals.py"), "--lines", "5", "--repeat", "5", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    figures = json.loads(proc.stdout)
    assert figures["lines"] == 5
    for name in (
        "rescan_per_line_p99_ms",
        "rescan_per_document_p99_ms",
        "to_dict_p99_ms",
        "from_dict_p99_ms",
        "totals_to_dict_p99_ms",
    ):
        assert figures[name] > 0
