"""The checker's till-cash invariant (I9) on a journal written by the store's own functions: it holds for
a session closed with the cash equation's figure, and it fails for a closure that forgot a paid-out, a
difference that is not the count minus the expectation, and a backend that holds other figures."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid

import pytest

from bench.crash import checker
from pos.documents import TillClosure
from sync.store import journal, open_store
from tests.store.helpers import make_return, make_sale


def _day(tmp_path, expected: int, counted: int, difference: int) -> tuple[sqlite3.Connection, str]:
    store = open_store(tmp_path / "till", till_id="T01")
    session = str(uuid.uuid4())

    def work(conn):
        journal.open_session(
            conn,
            session_id=session,
            till_id="T01",
            opened_by="S1",
            currency="EUR",
            opening_float=10_000,
            opened_at="2026-11-23T08:00:00+00:00",
        )
        sale = journal.commit_sale(conn, make_sale())  # 100 in cash with a rounding of -2: 98 taken
        journal.commit_return(conn, make_return(sale))  # 250 back in cash
        journal.record_cash_movement(
            conn,
            movement_id=str(uuid.uuid4()),
            session_id=session,
            kind="paid_out",
            amount=300,
            staff_id="S1",
            created_at="2026-11-23T12:00:00+00:00",
            reason="window cleaner",
        )
        closed = "2026-11-23T18:00:00+00:00"
        journal.commit_closure(
            conn, TillClosure(session, "T01", "S1", closed, "EUR", expected, counted, difference)
        )
        conn.execute("UPDATE till_sessions SET closed_at = ? WHERE session_id = ?", (closed, session))

    store.write_sync(work)
    store.close()
    return sqlite3.connect(tmp_path / "till" / "pos.sqlite3"), session


def _backend(session: str, figures: tuple[int, int, int]) -> sqlite3.Connection:
    back = sqlite3.connect(":memory:")
    back.execute("CREATE TABLE till_sessions (session_id, expected_cash, counted_cash, difference)")
    back.execute("INSERT INTO till_sessions VALUES (?, ?, ?, ?)", (session, *figures))
    return back


EQUATION = 10_000 + 98 - 250 - 300


def test_a_session_closed_by_the_cash_equation_passes(tmp_path):
    till, session = _day(tmp_path, EQUATION, EQUATION - 50, -50)
    v = checker.Verdict()
    checker._till_cash(v, till, _backend(session, (EQUATION, EQUATION - 50, -50)))
    assert v.violations == [] and v.facts["till_sessions_closed"] == 1


@pytest.mark.parametrize(
    ("closure", "backend", "says"),
    [
        ((EQUATION + 300, EQUATION + 300, 0), (EQUATION + 300, EQUATION + 300, 0), "cash equation gives"),
        ((EQUATION, EQUATION, 10), (EQUATION, EQUATION, 10), "difference 10"),
        ((EQUATION, EQUATION, 0), (EQUATION, EQUATION + 1, 1), "the backend has"),
    ],
)
def test_the_checker_catches_a_wrong_till_close(tmp_path, closure, backend, says):
    till, session = _day(tmp_path, *closure)
    v = checker.Verdict()
    checker._till_cash(v, till, _backend(session, backend))
    assert len(v.violations) == 1 and v.violations[0].startswith("I9:") and says in v.violations[0]


def test_a_malformed_backend_database_is_a_violation_not_a_crash_of_the_checker(tmp_path):
    """Seed 19's corrupted backend made the checker raise (foreign_key_check: "database disk image is
    malformed") instead of naming I8 and the runs that reproduce it."""
    _day(tmp_path, EQUATION, EQUATION, 0)[0].close()
    back = tmp_path / "backend.sqlite3"
    with contextlib.closing(sqlite3.connect(back)) as conn:
        conn.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, body TEXT)")
        conn.executemany("INSERT INTO events VALUES (?, ?)", ((f"e{i}", "x" * 200) for i in range(2000)))
        conn.commit()
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(back, "r+b") as fh:  # pages 3 to 40 overwritten: the table's and its index's b-trees broken
        fh.seek(2 * page)
        fh.write(b"\xa5" * (38 * page))
    evidence = checker.Evidence(
        acks=[],
        till_db=tmp_path / "till" / "pos.sqlite3",
        backend_db=back,
        stripe_url="http://127.0.0.1:9",
        stripe_key="rk_test_unused",
    )
    verdict = checker.check(evidence)
    assert verdict.violations and all(v.startswith("I8: backend database") for v in verdict.violations)


def _points_sides(*, till_points=(30, 100), backend_points=(30, 100), credit=None, visits=(), credited=None):
    """I5's evidence: one member's sale (earned 30, redeemed 100) and their check-in events at this till;
    the ledger credits the sale `credit` (default: the backend's figure)."""
    sale_event = "ev-sale"
    events = {
        sale_event: (
            "sale.completed",
            {
                "sale_uuid": "sale-1",
                "member_no": 1001,
                "points": {"earned": till_points[0], "redeemed": till_points[1]},
            },
        )
    }
    credit = backend_points[0] - backend_points[1] if credit is None else credit
    ledger = [(sale_event, 1001, "main", credit)]
    for eid, delta in visits:
        events[eid] = ("member.checked_in", {"member_no": 1001, "local_date": "2026-12-07"})
        if delta is not None:
            ledger.append((eid, 1001, "main", delta))
    journal = {"points": {"sale-1": till_points}}
    backend = {
        "events": events,
        "ledger": ledger,
        "balances": [(1001, "main", 500)],
        "sale_points": {"sale-1": backend_points},
        "credited_visits": {(1001, "2026-12-07"): credited} if credited else {},
    }
    return journal, backend


def test_points_consistent_on_both_sides_and_a_visit_credited_once_pass():
    from pos.loyalty import DEFAULT_PROGRAMME

    v = checker.Verdict()
    journal, backend = _points_sides(
        visits=[("ev-in-1", DEFAULT_PROGRAMME.checkin_points), ("ev-in-2", None)], credited="ev-in-1"
    )
    checker._points(v, journal, backend)
    assert v.violations == [] and v.facts["check_ins"] == 2


@pytest.mark.parametrize(
    ("sides", "says"),
    [
        ({"backend_points": (30, 200)}, "redeemed at the till"),  # the till and the backend disagree
        ({"credit": -69}, "the event says -70"),  # the ledger credits other than the backend computed
        ({"visits": [("ev-in-1", 10), ("ev-in-2", 10)], "credited": "ev-in-1"}, "once expected"),
        ({"visits": [("ev-in-1", None)]}, "no visit credited"),
        ({"visits": [("ev-in-1", 10)], "credited": "ev-elsewhere"}, "credited again"),
    ],
)
def test_the_checker_catches_points_that_differ_or_a_visit_credited_twice(sides, says):
    v = checker.Verdict()
    checker._points(v, *_points_sides(**sides))
    assert any(x.startswith("I5:") and says in x for x in v.violations), v.violations


def test_a_sale_whose_earned_points_the_backend_corrected_is_counted_not_a_violation():
    """The till earns for the receipt without the member's tier when it has no profile; the backend's
    figure is credited (and said to the till): I5 holds the ledger to the backend's figure."""
    v = checker.Verdict()
    checker._points(v, *_points_sides(till_points=(20, 100), backend_points=(30, 100)))
    assert v.violations == [] and v.facts["points_corrected"] == 1
