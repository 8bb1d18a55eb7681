"""bench.chain_payments runs small and prints its figures, next to the budgets, as one JSON object."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_chain_payments_small_json():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.chain_payments",
            "--seconds",
            "2",
            "--tills",
            "4",
            "--json",
            "--modes",
            "relayed,direct-unlimited",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    figures = json.loads(proc.stdout)
    relayed = figures["runs"]["relayed"]
    assert relayed["payments"] > 0 and relayed["paid"] + relayed["errors_at_tills"] == relayed["payments"]
    assert relayed["critical_requests_per_payment"] == 2.0  # create and process, nothing else
    assert relayed["polling_requests"] == 0
    assert figures["runs"]["direct-unlimited"]["polling_requests"] > 0  # what the relay removes
    assert figures["budgets"]["critical_requests"] == 2
    assert figures["verdict"]["no_polling"] is True
    assert (proc.returncode == 0) == all(figures["verdict"].values())
