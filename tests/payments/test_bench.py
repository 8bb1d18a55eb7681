"""The payment benchmark runs small and prints its figures next to the budget."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_payment_small_json():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "bench/payment.py", "--payments", "5", "--poll-interval", "0.05", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    figures = json.loads(proc.stdout)
    assert figures["payments"] == 5 and figures["budget_ms"] == 100.0
    assert 0 < figures["added_p50_ms"] <= figures["added_p95_ms"] <= figures["added_max_ms"]
    assert figures["within_budget"] == (figures["added_p95_ms"] <= figures["budget_ms"])
