"""Property test of the backend's effects: any interleaving of sales, redemptions and returns, each event
delivered any number of times in any order, leaves one ledger row per event, a balance that is the sum of
the ledger and never negative, and no line returned beyond what was sold."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from backend import db, seed
from tests.backend.events import event, return_payload, sale_payload

MEMBERS = (1001, 1003)


def _fresh(tmp_path_factory):
    conn = db.connect(tmp_path_factory.mktemp("ledger") / "b.sqlite3")
    db.init_schema(conn)
    seed.seed_demo(conn, products_count=40)
    return conn


ops = st.lists(
    st.tuples(
        st.sampled_from(["sale", "redeem", "return"]),
        st.sampled_from(MEMBERS),
        st.integers(min_value=1, max_value=3000),
        st.integers(min_value=1, max_value=3),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=25, deadline=None)
@given(ops=ops, seed_value=st.integers(0, 2**16), repeats=st.integers(1, 3))
def test_exactly_once_and_ledger_invariants(tmp_path_factory, ops, seed_value, repeats):
    conn = _fresh(tmp_path_factory)
    try:
        events, sales = [], []
        for kind, member, amount, qty in ops:
            if kind == "sale":
                p = sale_payload(member_no=member, earned=amount // 10, qty=qty, unit_price=amount)
                sales.append(p)
                events.append(event("sale.completed", p))
            elif kind == "redeem":
                events.append(event("sale.completed", sale_payload(member_no=member, redeemed=amount)))
            elif sales:
                orig = sales[amount % len(sales)]
                ret = return_payload(
                    sale_uuid=orig["sale_uuid"],
                    sku=orig["lines"][0]["sku"],
                    qty=qty,
                    refund=orig["lines"][0]["unit_price"] * qty,
                )
                ret["member_no"] = orig["member_no"]
                ret["points"] = {"earned": amount // 10, "redeemed": 0}
                events.append(event("return.completed", ret))
        deliveries = events * repeats
        random.Random(seed_value).shuffle(deliveries)
        outcomes: dict[str, list[str]] = {}
        for ev in deliveries:
            with db.immediate(conn):
                res = db.apply_event(conn, "till-1", ev)
            outcomes.setdefault(ev["event_id"], []).append(res["status"])
        # an event may be rejected while what it depends on has not arrived (shuffled delivery), but it is
        # applied at most once, and every delivery after that is answered "duplicate"
        for statuses in outcomes.values():
            if "applied" in statuses:
                first = statuses.index("applied")
                assert set(statuses[:first]) <= {"rejected", "deferred"}
                assert set(statuses[first + 1 :]) <= {"duplicate"}
            else:
                assert set(statuses) <= {"rejected", "deferred"}
        applied = {e for e, s in outcomes.items() if "applied" in s}
        rows = conn.execute(
            "SELECT event_id, COUNT(*) FROM points_ledger WHERE event_id NOT LIKE 'seed-%' GROUP BY event_id"
        ).fetchall()
        assert all(n == 1 for _, n in rows)
        assert {e for e, _ in rows} <= applied
        for member in MEMBERS:
            balance = db.points_balance(conn, member)
            assert balance >= 0
        over = conn.execute(
            "SELECT COUNT(*) FROM sale_lines WHERE returned_qty > qty OR refunded_amount > paid_amount"
        ).fetchone()[0]
        assert over == 0
        n_events = conn.execute("SELECT COUNT(*) FROM events WHERE type != 'seed'").fetchone()[0]
        assert n_events == len(applied)
    finally:
        conn.close()
