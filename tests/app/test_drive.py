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


def _acks(path: Path) -> list[dict]:
    from app.workload import AckLog

    return AckLog.read(path)


def _journal(data: Path, sql: str) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(data / "pos.sqlite3") as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.slow
def test_the_day_workload_goes_on_after_a_stop_and_acknowledges_what_it_committed(tmp_path, capsys):
    """`drive --workload day`: a day of numbered operations; a second start goes on from the first one
    the ack log does not mark done (here: the first run was told to do 10 of 24, as if it had stopped),
    and every acknowledged sale, return and till event is in the journal."""
    from app import cli

    data, acks = tmp_path / "data", tmp_path / "acks.jsonl"
    base = ["--data-dir", str(data), "--set", "demo.products=200", "drive", "--workload", "day", "--quiet"]
    day = [*base, "--seed", "3", "--ack-log", str(acks), "--card-share", "0.4", "--split-share", "0.1"]
    day += ["--member-share", "0"]  # members' sales: the test below
    assert cli.main([*day, "--ops", "24"]) == 0
    first = _acks(acks)
    # stop the day at op 10 as a kill would: drop the acknowledgements of what came after
    cut = next(i for i, r in enumerate(first) if r.get("done") == 10)
    acks.write_text("".join(json.dumps(r) + "\n" for r in first[: cut + 1]))
    before = {r[0] for r in _journal(data, "SELECT sale_uuid FROM sales")}
    assert cli.main([*day, "--ops", "24"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["first_op"] == 11 and summary["failures"] == 0
    records = _acks(acks)
    assert [r["done"] for r in records if "done" in r] == [*range(11), *range(11, 24)]
    sales = {r[0]: r[1] for r in _journal(data, "SELECT sale_uuid, total FROM sales")}
    told = [r for r in records if r.get("ack") == "sale"]
    assert told and all(sales.get(r["sale_uuid"]) == r["total"] for r in told)
    # the second run made its own sales (the plan of ops 11-23 again), none of the first run's twice
    assert len(sales) > len(before)
    kinds = {r["ack"] for r in records if "ack" in r}
    assert {"sale", "till_opened", "till_closed"} <= kinds
    closed = [r for r in records if r.get("ack") == "till_closed"]
    (row,) = _journal(
        data,
        f"SELECT expected_cash, counted_cash, difference FROM till_closures WHERE session_id = "
        f"'{closed[-1]['session_id']}'",
    )
    assert row == (closed[-1]["expected_cash"], closed[-1]["counted_cash"], 0)


def test_a_day_whose_last_sale_is_by_card_closes_its_till(tmp_path, capsys):
    """Found by this driver (seed 2): the card sale just before the close was captured by the backend a
    moment later, and the close was refused ("A card payment is not settled"); the close waits for it."""
    from app import cli

    data, acks = tmp_path / "data", tmp_path / "acks.jsonl"
    day = ["--data-dir", str(data), "drive", "--workload", "day", "--quiet", "--seed", "2", "--ops", "40"]
    shares = ["--card-share", "0.5", "--split-share", "0.2", "--member-share", "0.3"]
    assert cli.main([*day, "--ack-log", str(acks), *shares]) == 0
    records = _acks(acks)
    last_sale = [r for r in records if r.get("ack") == "sale"][-1]
    assert any(t[0] == "card" for t in last_sale["tenders"])  # the path that was refused
    assert [r["ack"] for r in records if "ack" in r][-1] == "till_closed"


@pytest.mark.slow
def test_the_day_workload_earns_and_redeems_points_checks_members_in_and_returns_through_the_service(
    tmp_path, capsys
):
    """The day's members: points earned and redeemed on their sales, visits checked in once a day, and
    returns taken back through the Returns service (its write-ahead attempt, the backend's hold); the
    same seed plans the same operations."""
    from app import cli
    from app.workload import AckLog

    data, acks = tmp_path / "data", tmp_path / "acks.jsonl"
    day = ["--data-dir", str(data), "--set", "demo.products=200", "drive", "--workload", "day", "--quiet"]
    day += ["--seed", "25", "--ack-log", str(acks), "--ops", "30"]
    assert cli.main(day) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["failures"] == 0, summary
    records = AckLog.read(acks)
    kinds = [r["kind"] for r in records if "done" in r]
    assert {"return", "check_in"} <= set(kinds)
    earned, redeemed = _journal(
        data, "SELECT coalesce(sum(points_earned), 0), coalesce(sum(points_redeemed), 0) FROM sale_loyalty"
    )[0]
    assert earned > 0 and redeemed > 0
    returned = [r for r in records if r.get("ack") == "return"]
    assert returned, summary
    attempts = {r[0] for r in _journal(data, "SELECT return_uuid FROM return_attempts")}
    assert {r["return_uuid"] for r in returned} <= attempts  # the Returns service's write-ahead record
    visits = [r for r in records if r.get("ack") == "check_in"]
    journal_visits = _journal(data, "SELECT member_no, local_date FROM member_checkins")
    assert visits and sorted((r["member_no"], r["local_date"]) for r in visits) == sorted(journal_visits)
    # the plan is the seed's: a second day with the same seed runs the same kinds in the same order
    again = tmp_path / "again.jsonl"
    other = [a if a != str(acks) else str(again) for a in day]
    other[1] = str(tmp_path / "data2")
    assert cli.main(other) == 0
    assert [r["kind"] for r in AckLog.read(again) if "done" in r] == kinds


def test_the_day_workload_needs_its_operations_and_ack_log(tmp_path, capsys):
    from app import cli

    rc = cli.main(["drive", "--workload", "day", "--ops", "5", "--data-dir", str(tmp_path)])
    assert rc == 2 and "--ack-log" in capsys.readouterr().err


@pytest.mark.slow
def test_drain_settles_reconciles_and_empties_the_queue(tmp_path, capsys):
    from app import cli

    base = ["--data-dir", str(tmp_path / "data"), "--set", "demo.products=200", "drive", "--quiet"]
    assert cli.main([*base, "--sales", "4", "--seed", "2", "--rss-every", "2", "--camera"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["sales"] for x in out if "rss_mb" in x] == [2, 4]
    assert all(0 < x["rss_mb"] < 2000 for x in out if "rss_mb" in x)
    assert cli.main([*base, "--drain", "--wait", "60"]) == 0
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert line["drain"] and line["matched"] and line["queue_depth"] == 0 and line["dead_letters"] == 0


def test_the_card_part_of_a_split_is_never_below_stripes_minimum():
    """The memory run's driver failed 3 of 1,000 sales: a split's card part of a few cents, which Stripe
    refuses (amount_too_small); and 11 of 20,000: a whole sale below the minimum on the card. The
    driver's customer now asks the reader for at least the minimum, and pays less than that in cash."""
    import argparse
    import random
    from collections import Counter
    from types import SimpleNamespace

    from app.drive import CARD_MINIMUM, Shift
    from app.results import done

    asked: list[int] = []

    class Sell:
        def view(self):
            return SimpleNamespace(due=self.due)

        def pay_card(self, amount=None, on_status=None):
            asked.append(amount)
            return done()

        def cash_quote(self):
            return SimpleNamespace(rounded=0), [0]

        def pay_cash(self, tendered):
            return done()

    shift = Shift.__new__(Shift)
    shift.rng = random.Random(1)
    shift.args = argparse.Namespace(split_share=1.0, card_share=0.0, quiet=True)
    shift.shop = SimpleNamespace(payments=SimpleNamespace(available=True))
    shift.customer = SimpleNamespace(card="", on_status=None)
    shift.counts, shift.failures = Counter(), []
    shift.sell = Sell()
    for due in (2, 60, 99, 100, 101, 5000):
        shift.sell.due = due
        shift.tender(0)
    parts = [a for a in asked if a is not None]  # None: the whole sale on the card
    assert len(parts) == 3  # 60 and 99 leave no room for a card part and cash: paid whole by card
    assert all(CARD_MINIMUM <= a <= 5000 - CARD_MINIMUM for a in parts)
    assert asked.count(None) == 2  # and 2 (cents) is below any card charge: paid in cash


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


def test_drive_rings_members_sales_with_coupons_and_points(tmp_path):
    import argparse
    import io

    from app import drive
    from app.paths import Paths
    from tests.app.conftest import demo_settings

    p = argparse.ArgumentParser()
    drive.add_arguments(p)
    args = p.parse_args(["--seed", "5", "--sales", "6", "--card-share", "0", "--member-share", "1"])
    out = io.StringIO()
    assert drive.run(args, Paths.under(tmp_path / "shop"), demo_settings(), out=out) == 0, out.getvalue()[
        -3000:
    ]
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    summary = lines[-1]
    assert summary["failures"] == 0 and summary["ended"].get("unpaid", 0) == 0, summary
    assert summary["operations"].get("points:done", 0) >= 1, summary
    assert summary["operations"].get("member.refresh:done", 0) == 6, summary
