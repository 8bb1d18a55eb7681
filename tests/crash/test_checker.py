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
