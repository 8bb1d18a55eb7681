"""SIGKILL in the middle of a sale commit leaves all of the sale or none of it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sync.store import Store, journal, outbox, quick_check, receipts
from tests.store.helpers import make_sale

ROOT = Path(__file__).resolve().parents[2]


def _run_child(db_path: Path, mode: str, crash: str) -> list[tuple[str, str]]:
    env = dict(os.environ, POS_CRASHPOINT=crash, PYTHONPATH=str(ROOT))
    p = subprocess.run(
        [sys.executable, "-m", "tests.store.crash_child", str(db_path), mode],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == -9, p.stderr  # killed by SIGKILL at the crash point, not a clean exit
    return [tuple(line.split()[1:3]) for line in p.stdout.splitlines() if line.startswith("told ")]


def _state(db_path: Path):
    s = Store.open(db_path, till_id="T01")  # runs quick_check itself
    try:
        ro = s.read_connection()
        try:
            quick_check(ro)
            assert ro.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert ro.execute("PRAGMA foreign_key_check").fetchall() == []
            sales = ro.execute("SELECT sale_uuid, receipt_no FROM sales").fetchall()
            counts = {
                t: ro.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("sale_lines", "sale_tax_lines", "sale_tenders")
            }
            events = {e.event_id for e in outbox.pending(ro, 10_000)}
            last = receipts.last_seq(ro)
            reserved = {r[0] for r in ro.execute("SELECT receipt_no FROM receipt_reservations")}
            docs = [journal.get_sale(ro, u) for u, _ in sales]
        finally:
            ro.close()
        nxt = s.write_sync(lambda c: journal.commit_sale(c, make_sale()))
    finally:
        s.close()
    return sales, counts, events, last, reserved, docs, nxt


@pytest.mark.crash
@pytest.mark.parametrize("mode", ["inline", "reserved"])
@pytest.mark.parametrize("nth", [1, 4])
def test_sigkill_mid_sale_commit_is_all_or_nothing(tmp_path, mode, nth):
    db_path = tmp_path / "pos.sqlite3"
    told = _run_child(db_path, mode, f"mid_sale_commit:{nth}")
    assert len(told) == nth - 1  # every sale before the crash was acknowledged

    sales, counts, events, last, reserved, docs, nxt = _state(db_path)
    # all or nothing: exactly the acknowledged sales exist, each complete, each with its outbox event
    assert {u for u, _ in sales} == {u for _, u in told}
    assert counts == {
        "sale_lines": 5 * len(sales),
        "sale_tax_lines": len(sales),
        "sale_tenders": 2 * len(sales),
    }
    assert events == {u for u, _ in sales}
    for d in docs:
        assert len(d.lines) == 5 and sum(ln.paid_amount for ln in d.lines) == d.total
    # the receipt sequence: numbers told to anyone are never handed out again
    told_numbers = {r for r, _ in told}
    assert nxt.receipt_no not in told_numbers
    assert nxt.receipt_no not in reserved  # a reserved (possibly shown) number is not reused either
    assert int(nxt.receipt_no.rsplit("-", 1)[1]) > max(
        [int(r.rsplit("-", 1)[1]) for r in told_numbers | reserved], default=0
    )
    if mode == "reserved":
        assert int(nxt.receipt_no.rsplit("-", 1)[1]) == last + 1 == nth + 1  # the crashed one stays used


@pytest.mark.crash
def test_sigkill_after_sale_commit_keeps_the_sale(tmp_path):
    db_path = tmp_path / "pos.sqlite3"
    env_told = _run_child(db_path, "inline", "after_sale_commit:2")
    # the second sale committed but its "told" line was never printed: it must exist all the same
    sales, counts, events, *_ = _state(db_path)
    assert len(env_told) == 1 and len(sales) == 2
    assert counts["sale_lines"] == 10 and len(events) == 2


@pytest.mark.crash
def test_open_cart_comes_back_after_sigkill(tmp_path):
    db_path = tmp_path / "pos.sqlite3"
    told = _run_child(db_path, "cart", "after_cart_save:5")
    assert len(told) == 4  # killed right after the 5th save had committed
    from sync.store.adapters import StoreJournal

    s = Store.open(db_path, till_id="T01")
    try:
        cart = StoreJournal(s).load_open_cart()
    finally:
        s.close()
    assert cart is not None and len(cart["lines"]) == 5


@pytest.mark.crash
@pytest.mark.parametrize("after", [3, 17, 40])
def test_sigkill_at_an_arbitrary_moment_keeps_every_acknowledged_sale(tmp_path, after):
    import signal

    db_path = tmp_path / "pos.sqlite3"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("POS_CRASHPOINT", None)
    p = subprocess.Popen(
        [sys.executable, "-m", "tests.store.crash_child", str(db_path), "inline"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    told = []
    try:
        for line in p.stdout:
            told.append(tuple(line.split()[1:3]))
            if len(told) == after:
                os.kill(p.pid, signal.SIGKILL)  # while it is busy committing the next ones
                break
        rest = p.stdout.read()
        told += [tuple(ln.split()[1:3]) for ln in rest.splitlines() if ln.startswith("told ")]
        assert p.wait(10) == -9
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        p.stdout.close()
    sales, counts, events, last, reserved, docs, nxt = _state(db_path)
    uuids = {u for u, _ in sales}
    assert {u for _, u in told} <= uuids  # nothing acknowledged is lost
    assert len(uuids) - len(told) <= 1  # at most the one in flight, complete, was not acknowledged yet
    assert counts == {
        "sale_lines": 5 * len(sales),
        "sale_tax_lines": len(sales),
        "sale_tenders": 2 * len(sales),
    }
    assert events == uuids
    assert nxt.receipt_no not in {r for _, r in sales}
