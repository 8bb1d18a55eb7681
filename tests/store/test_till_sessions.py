"""Till sessions in the journal (sync/store/till.py): a Hypothesis state machine of random sessions against
the real store, and the edges the field got wrong (a sale at the close instant, a close during a card
payment, consecutive sessions, sales made while no session was open)."""

from __future__ import annotations

import dataclasses
import uuid

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from pos.documents import Refund, SaleDocument, SaleLine, TaxLine, Tender, TillClosure
from pos.till import CashCount, build_report, expected_cash
from sync.store import Store, audit, journal, outbox
from sync.store import till as sessions
from tests.store.helpers import make_return

NOW = "2026-11-23T10:00:00.000000+00:00"


def sale(total: int, tenders: tuple[Tender, ...], *, till: str = "T01") -> SaleDocument:
    tax = total * 10 // 110
    return SaleDocument(
        sale_uuid=str(uuid.uuid4()),
        receipt_no="",
        till_id=till,
        staff_id="S1",
        member_no=None,
        currency="EUR",
        created_at=NOW,
        subtotal=total,
        discount_total=0,
        tax_total=tax,
        total=total,
        lines=(SaleLine(1, "SKU1", "Tea", 1, total, 0, "STANDARD", tax, total),),
        tax_lines=(TaxLine("STANDARD", "10", total - tax, tax),),
        tenders=tenders,
    )


def cash_sale(total: int, handed: int, rounding: int = 0) -> SaleDocument:
    return sale(total, (Tender("cash", total, handed - total - rounding, None, rounding),))


def open_(store, sid: str, float_: int = 10000) -> None:
    store.write_sync(
        lambda c: sessions.open_session(
            c,
            session_id=sid,
            till_id="T01",
            opened_by="S3",
            count=CashCount.of_amount("EUR", float_),
            opened_at=NOW,
        )
    )


def close_(store, sid: str, counted: int) -> TillClosure:
    def build(f):
        report = build_report(f)
        return TillClosure(
            sid, "T01", "S3", NOW, "EUR", report.expected_cash, counted, counted - report.expected_cash,
            report={"figures": report.to_json()},
        )  # fmt: skip

    return store.write_sync(
        lambda c: sessions.close_session(
            c,
            session_id=sid,
            count=CashCount.of_amount("EUR", counted),
            closed_by="S3",
            closed_at=NOW,
            build=build,
        )
    )


def figures(store, sid: str):
    ro = store.read_connection()
    try:
        return sessions.figures(ro, sid)
    finally:
        ro.close()


class Shift(RuleBasedStateMachine):
    """Random sessions: cash sales with change and cash rounding, card sales, split payments, cash refunds,
    paid in, paid out, drops, voids, no-sales, offline periods (events piling up in the outbox), closes
    and reopenings. After each step the journal's figures give the cash a model of the drawer holds, and
    the X report now is what the Z report would be."""

    def __init__(self) -> None:
        super().__init__()
        import tempfile
        from pathlib import Path

        self.dir = tempfile.TemporaryDirectory()
        self.store = Store.open(Path(self.dir.name) / "pos.sqlite3", till_id="T01")
        self.n = 0
        self.sid: str | None = None
        self.drawer = 0
        self.sales: list[SaleDocument] = []

    def teardown(self) -> None:
        self.store.close()
        self.dir.cleanup()

    @initialize(float_=st.integers(0, 50_000))
    def open_first(self, float_: int) -> None:
        self.reopen(float_)

    def reopen(self, float_: int) -> None:
        self.n += 1
        self.sid = f"s{self.n}"
        open_(self.store, self.sid, float_)
        self.drawer = CashCount.of_amount("EUR", float_).total

    @precondition(lambda self: self.sid is not None)
    @rule(total=st.integers(1, 20_000), extra=st.integers(0, 10_000), rounding=st.integers(-2, 2))
    def cash(self, total: int, extra: int, rounding: int) -> None:
        doc = cash_sale(total, total + rounding + extra, rounding)
        self.sales.append(self.store.write_sync(lambda c: journal.commit_sale(c, doc)))
        self.drawer += total + rounding

    @precondition(lambda self: self.sid is not None)
    @rule(total=st.integers(2, 20_000), card_share=st.floats(0, 1))
    def card_or_split(self, total: int, card_share: float) -> None:
        card = max(1, min(total, int(total * card_share)))
        tenders = (Tender("card", card, 0, f"pi_{uuid.uuid4().hex[:8]}"),)
        if card < total:
            tenders += (Tender("cash", total - card, 0),)
        doc = sale(total, tenders)
        self.sales.append(self.store.write_sync(lambda c: journal.commit_sale(c, doc)))
        self.drawer += total - card

    @precondition(lambda self: self.sid is not None and self.sales)
    @rule(data=st.data())
    def cash_refund(self, data) -> None:
        original = data.draw(st.sampled_from(self.sales))
        ret = make_return(original)
        ret = dataclasses.replace(ret, refunds=(Refund("cash", ret.total),))
        self.store.write_sync(lambda c: journal.commit_return(c, ret))
        self.drawer -= ret.total

    @precondition(lambda self: self.sid is not None)
    @rule(kind=st.sampled_from(["paid_in", "paid_out", "drop", "no_sale"]), amount=st.integers(1, 5000))
    def movement(self, kind: str, amount: int) -> None:
        amount = 0 if kind == "no_sale" else amount
        self.store.write_sync(
            lambda c: sessions.add_movement(
                c,
                movement_id=str(uuid.uuid4()),
                session_id=self.sid,
                kind=kind,
                amount=amount,
                staff_id="S3",
                created_at=NOW,
                reason="test",
            )
        )
        self.drawer += {"paid_in": amount, "paid_out": -amount, "drop": -amount, "no_sale": 0}[kind]

    @precondition(lambda self: self.sid is not None)
    @rule(total=st.integers(1, 5000))
    def void(self, total: int) -> None:
        self.store.write_sync(lambda c: audit.append(c, "sale.void", "S1", {"total": total}, at=NOW))

    @rule()
    def offline_period(self) -> None:
        """The backend is away: nothing is acknowledged, the outbox only grows (the drawer does not care)."""
        ro = self.store.read_connection()
        try:
            assert outbox.stats(ro).depth >= 0
        finally:
            ro.close()

    @precondition(lambda self: self.sid is not None)
    @rule(off=st.integers(-3000, 3000))
    def close(self, off: int) -> None:
        x = build_report(figures(self.store, self.sid))
        closure = close_(self.store, self.sid, max(0, self.drawer + off))
        assert closure.expected_cash == self.drawer == x.expected_cash
        assert closure.report["figures"] == x.to_json()  # the X just before is the Z
        assert build_report(figures(self.store, self.sid)).to_json() == x.to_json()  # and stays so
        self.sid = None

    @precondition(lambda self: self.sid is None)
    @rule(float_=st.integers(0, 50_000))
    def open_next(self, float_: int) -> None:
        self.reopen(float_)

    @invariant()
    def the_drawer_adds_up(self) -> None:
        if self.sid is not None:
            f = figures(self.store, self.sid)
            assert expected_cash(f) == self.drawer
            assert build_report(f) == build_report(figures(self.store, self.sid))


TestShift = Shift.TestCase
TestShift.settings = settings(
    max_examples=25, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


# ------------------------------------------------------------------ edges
def test_one_open_session_per_till(store):
    open_(store, "a")
    with pytest.raises(sessions.SessionError, match="already open"):
        open_(store, "b")


def test_e9_a_session_with_no_sales_closes_with_its_own_float(store):
    open_(store, "a", 12000)
    closure = close_(store, "a", 12000)
    assert (closure.expected_cash, closure.difference) == (12000, 0)
    open_(store, "b", 5000)  # e4/e5: the next session starts from its own float, not the last count
    assert expected_cash(figures(store, "b")) == 5000


def test_e10_a_sale_committed_after_the_closure_lands_in_the_next_session(store):
    open_(store, "a")
    store.write_sync(lambda c: journal.commit_sale(c, cash_sale(1000, 1000)))
    close_(store, "a", 11000)
    late = store.write_sync(lambda c: journal.commit_sale(c, cash_sale(700, 1000)))  # no session open
    assert late.session_id is None
    open_(store, "b", 0)
    assert build_report(figures(store, "a")).gross_sales == 1000  # the closed session did not move
    f = figures(store, "b")
    assert (f.sales_count, f.sales_total, expected_cash(f)) == (1, 700, 700)


def test_a_close_is_refused_while_a_card_payment_is_unresolved(store):
    open_(store, "a")
    store.write_sync(
        lambda c: c.execute(
            "INSERT INTO payment_attempts (attempt_id, sale_uuid, amount, currency, status, created_at) "
            "VALUES ('att1', 'x', 500, 'eur', 'reader_processing', ?)",
            (NOW,),
        )
    )
    with pytest.raises(sessions.SessionError, match="card payment"):
        close_(store, "a", 10000)
    assert sessions.get_session(store.read_connection(), "a").closed_at is None


def test_the_closure_waits_in_the_outbox_behind_the_sessions_sales(store):
    open_(store, "a")
    for _ in range(3):
        store.write_sync(lambda c: journal.commit_sale(c, cash_sale(100, 100)))
    close_(store, "a", 10300)
    ro = store.read_connection()
    types = [r[0] for r in ro.execute("SELECT event_type FROM outbox ORDER BY seq")]
    assert types[-1] == journal.CLOSURE_EVENT and types.count(journal.SALE_EVENT) == 3
    assert types.index(journal.CLOSURE_EVENT) > max(i for i, t in enumerate(types) if t == "sale.completed")


def test_a_recounted_float_replaces_the_opening_count(store):
    open_(store, "a", 15000)
    store.write_sync(
        lambda c: sessions.recount_float(
            c,
            session_id="a",
            count=CashCount.of_amount("EUR", 14000),
            staff_id="S3",
            created_at=NOW,
            reason="r",
        )
    )
    assert expected_cash(figures(store, "a")) == 14000
    assert sessions.opening_count(store.read_connection(), "a").total == 14000


def test_the_report_reads_only_the_sessions_key_ranges(store):
    """No statement of the X/Z report scans a sales table (a journal holds years of sales; a join the
    wrong way round once took 37 s for a 5,000-sale shift, bench.store)."""
    for _ in range(3):
        store.write_sync(lambda c: journal.commit_sale(c, cash_sale(100, 100)))
    open_(store, "a")
    for _ in range(3):
        store.write_sync(lambda c: journal.commit_sale(c, cash_sale(100, 100)))
    ro = store.read_connection()
    statements: list[str] = []
    ro.set_trace_callback(statements.append)
    try:
        sessions.figures(ro, "a")
    finally:
        ro.set_trace_callback(None)
    scans = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            for row in ro.execute("EXPLAIN QUERY PLAN " + sql):
                if row[3].startswith("SCAN") and any(t in row[3] for t in (" s", " l", " t", " x", "sale")):
                    scans.append((row[3], sql[:80]))
    assert scans == []
