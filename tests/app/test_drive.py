"""`omo-pos drive`: a shift of sales through the till's services, headless, with PySide6 unimportable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sync.store.core import open_store

ROOT = Path(__file__).resolve().parents[2]


def _blocked_qt(tmp_path: Path) -> Path:
    blk = tmp_path / "blocked"
    (blk / "PySide6").mkdir(parents=True)
    (blk / "PySide6" / "__init__.py").write_text('raise ImportError("PySide6 blocked by the test")\n')
    return blk


@pytest.mark.slow
def test_drive_runs_a_shift_without_qt_and_every_sale_it_reports_is_in_the_journal(tmp_path):
    data = tmp_path / "data"
    env = dict(os.environ, PYTHONPATH=f"{_blocked_qt(tmp_path)}{os.pathsep}{ROOT}")
    env.pop("QT_QPA_PLATFORM", None)
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "ui.main", "drive", "--seed", "5", "--sales", "12"),
            *("--data-dir", str(data), "--set", "demo.products=500", "--card-share", "0.5"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-2000:] + proc.stdout[-3000:]
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    summary = lines[-1]
    assert summary["summary"] and summary["sales"] == 12 and summary["failures"] == 0
    ops = lines[:-1]
    assert {"sale", "op", "outcome", "message"} <= set(ops[0])
    completed = [o for o in ops if o["op"] in ("cash", "card") and o["outcome"] == "done"]
    assert len(completed) == summary["ended"].get("cash", 0) + summary["ended"].get("card", 0)
    assert summary["ended"].get("card", 0) > 0  # the driver was the customer at the reader
    store = open_store(data, till_id="T01")
    try:
        conn = store.read_connection()
        n = conn.execute("SELECT count(*) FROM sales").fetchone()[0]
        conn.close()
    finally:
        store.close()
    assert n == len(completed)


def test_drive_help_is_complete_and_options_go_before_or_after_the_command(capsys):
    from app import cli

    with pytest.raises(SystemExit) as e:
        cli.main(["drive", "--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    for option in ("--seed", "--sales", "--pin", "--manager-pin", "--card-share", "--data-dir", "--set"):
        assert option in out
    parser = cli._build_parser()
    a = parser.parse_args(["--data-dir", "X", "drive", "--sales", "3"])
    b = parser.parse_args(["drive", "--sales", "3", "--data-dir", "X"])
    assert (a.data_dir, a.sales) == (b.data_dir, b.sales) == ("X", 3)


def test_drive_refuses_a_live_shop_without_a_pin(tmp_path, capsys):
    from app import cli

    rc = cli.main(["drive", "--sales", "1", "--data-dir", str(tmp_path), "--set", "mode=live"])
    assert rc == 2 and "--pin" in capsys.readouterr().err


def test_drive_takes_back_part_of_its_sales_and_every_return_it_reports_is_in_the_journal(tmp_path):
    import argparse
    import io

    from app import drive
    from app.paths import Paths
    from tests.app.conftest import demo_settings

    p = argparse.ArgumentParser()
    drive.add_arguments(p)
    args = p.parse_args(["--seed", "3", "--sales", "4", "--card-share", "0.5", "--return-share", "1"])
    out = io.StringIO()
    paths = Paths.under(tmp_path / "shop")
    assert drive.run(args, paths, demo_settings(), out=out) == 0, out.getvalue()[-3000:]
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    returned = [o for o in lines if o.get("op") in ("return", "return.approved") and o["outcome"] == "done"]
    assert returned and lines[-1]["failures"] == 0
    store = open_store(paths.data, till_id="T01")
    try:
        conn = store.read_connection()
        n = conn.execute("SELECT count(*) FROM returns").fetchone()[0]
        conn.close()
    finally:
        store.close()
    assert n == len(returned)
