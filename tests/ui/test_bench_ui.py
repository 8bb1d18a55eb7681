"""bench/ui.py at a tiny size: it builds (and caches) its catalog, times scans into a real window and
launches of the real program, and prints the figures as one JSON object. No timing asserts."""

from __future__ import annotations

import json

import pytest

from bench import ui as bench_ui

pytestmark = pytest.mark.gui


@pytest.mark.slow
def test_bench_ui_smoke(qtbot, tmp_path, capsys):
    argv = ["--products", "300", "--lines", "5", "--scans", "12", "--launches", "1", "--out", str(tmp_path)]
    assert bench_ui.main([*argv, "--json"]) == 0
    res = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert res["products"] == 300 and res["scans"] == 12 and res["cart_lines"] == 5
    assert 0 < res["scan_p50_ms"] <= res["scan_p99_ms"] <= res["scan_max_ms"]
    assert res["launch_median_s"] > 0 and res["launch_small_median_s"] > 0
    assert (tmp_path / "ui-catalog-300" / "catalog-built").exists()
    # the second run reuses the cached catalog and prints the same figures as text, with budgets
    assert bench_ui.main([*argv]) == 0
    text = capsys.readouterr().out
    assert "budget < 16 ms" in text and f"budget < {bench_ui.LAUNCH_BUDGET_S:g} s" in text
