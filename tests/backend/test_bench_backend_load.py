"""bench/backend_load.py at a tiny scale, so the load test keeps working as the backend changes: after
Trust, a backend started without --demo had no members to earn points and, on PostgreSQL, refused to
start without a signing key file; the benchmark failed half its sales (or did not start) and no test
noticed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.backend.engines import postgres_url

ROOT = Path(__file__).resolve().parents[2]


def test_the_load_test_pushes_sales_that_the_backend_applies_on_both_engines():
    url = postgres_url()  # skips without a server (fails in CI)
    args = ["--tills", "2", "--configs", "sqlite,pg1", "--duration", "2", "--capacity-tills", "0"]
    out = subprocess.run(
        [sys.executable, "-m", "bench.backend_load", *args, "--postgres", url, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    )
    runs = json.loads(out.stdout)["runs"]
    assert [r["config"] for r in runs] == ["sqlite", "pg1"]
    for r in runs:
        assert r["pushes"] > 0 and r["events_per_s"] > 0, r
        assert r["errors"] == 0, r
        assert r["sales_held_equals_applied"], r
