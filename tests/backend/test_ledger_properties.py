"""Property test of the backend's effects: any interleaving of sales, redemptions and returns, each event
delivered any number of times in any order and in batches of any size, leaves one ledger row per event, a
balance that is the sum of the ledger and never negative, and no line returned beyond what was sold.
On both engines."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend import db, seed
from backend.store import Store
from tests.backend.engines import ENGINES, fresh_database
from tests.backend.events import event, return_payload, sale_payload

MEMBERS = (1001, 1003)


@pytest.fixture(scope="module", params=ENGINES)
def store(request, tmp_path_factory):
    """One database per engine, seeded once; each example keeps to its own events and sales."""
    with fresh_database(request.param, tmp_path_factory.mktemp("ledger")) as url:
        st_ = Store(url)
        st_.migrate()
        seed.seed_demo(st_, products_count=40)
        yield st_
        st_.dispose()


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


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=ops, seed_value=st.integers(0, 2**16), repeats=st.integers(1, 3))
def test_exactly_once_and_ledger_invariants(store, ops, seed_value, repeats):
    events, sales = [], []
    for kind, member, amount, qty in ops:
        if kind == "sale":
            p = sale_payload(member_no=member, earned=amount // 10, qty=qty, unit_price=amount)
            sales.append(p)
            events.append(event("sale.completed", p))
        elif kind == "redeem":
            events.append(
                event("sale.completed", sale_payload(member_no=member, redeemed=amount // 10 * 100))
            )
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
    rnd = random.Random(seed_value)
    rnd.shuffle(deliveries)
    outcomes: dict[str, list[str]] = {}
    while deliveries:  # batches of 1 to 6 events, each in its own transaction
        batch = deliveries[: rnd.randint(1, 6)]
        deliveries = deliveries[len(batch) :]
        results = store.write(lambda conn, b=batch: db.apply_batch(conn, "till-1", b))
        for ev, res in zip(batch, results, strict=True):
            assert res["event_id"] == ev["event_id"]
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
    ids = sorted(outcomes) or ["none"]
    marks = ",".join("?" * len(ids))
    with store.sql() as conn:
        rows = conn.execute(
            f"SELECT event_id, COUNT(*) FROM points_ledger WHERE event_id IN ({marks}) GROUP BY event_id", ids
        ).fetchall()
        assert all(n == 1 for _, n in rows)
        assert {e for e, _ in rows} <= applied
        over = conn.execute(
            "SELECT COUNT(*) FROM sale_lines WHERE returned_qty > qty OR refunded_amount > paid_amount"
        ).fetchone()[0]
        assert over == 0
        n_events = conn.execute(f"SELECT COUNT(*) FROM events WHERE event_id IN ({marks})", ids).fetchone()[0]
        assert n_events == len(applied)
    with store.read_connection() as conn:
        for member in MEMBERS:
            assert db.points_balance(conn, member) >= 0
