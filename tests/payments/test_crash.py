"""A process 'killed' at each named protocol step, then restarted: the reconciler ends consistent.

The crash is simulated by raising ``SimulatedCrash`` (a BaseException) at the named point and abandoning
the protocol object; a fresh protocol, terminal and reconciler then run against the same journal and
the same simulator (which, like Stripe, outlives the till).
"""

from __future__ import annotations

import pytest

from hardware.stripe_sim import VISA
from pos.payment import CRASH_POINTS, CardPayments, SimulatedCrash
from tests.payments.conftest import POLL, both_ports, check_invariants, settle


class CrashAt:
    def __init__(self, point: str) -> None:
        self.point = point
        self.hit = False

    def __call__(self, point: str) -> None:
        assert point in CRASH_POINTS, point
        if point == self.point and not self.hit:
            self.hit = True
            raise SimulatedCrash(point)


NOT_TAPPED = CRASH_POINTS[: CRASH_POINTS.index("during_reader_poll") + 1]


def _run(sim, make_terminal, journal, shop, point: str, tapped: bool) -> None:
    crash = CrashAt(point)
    payments = CardPayments(
        make_terminal(), journal, poll_interval=POLL, capture_backoff=0.01, crashpoint=crash
    )
    if point == "after_pi_create_request_sent":
        sim.drop_response(r"/v1/payment_intents$")  # the request reached Stripe, the answer did not
    if tapped:
        sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(6100)
    with pytest.raises(SimulatedCrash):
        payments.pay(sale, 6100, "usd", shop.complete(sale, 6100))
    assert crash.hit
    # restart: new objects, same journal, same Stripe
    sim.auto_tap(None)
    restarted = CardPayments(make_terminal(), journal, poll_interval=POLL, capture_backoff=0.01)
    open_before = {a.attempt_id for a in journal.non_final()}
    results = restarted.reconcile(shop.recover, shop.release)
    assert {r.attempt_id for r in results} == open_before
    settle(restarted, shop)  # relayed: the backend captures what the till handed over, then it is closed
    check_invariants(sim, shop)
    charged = [pi for pi in sim.payment_intents.values() if pi["status"] == "succeeded"]
    state = shop.sale(sale)["status"]
    if charged:
        assert state == "completed"
        attempt = journal.for_sale(sale)[0]
        # completed by the reconciler unless the live run had committed step 6 before the crash
        live = CRASH_POINTS.index(point) >= CRASH_POINTS.index("after_sale_commit")
        assert shop.sale(sale)["recovered"] is (not live)
        assert (attempt in journal.recovered()) is (not live)
    else:
        assert state in ("open", "pending_payment")
        assert all(pi["status"] == "canceled" for pi in sim.payment_intents.values())
    # a second pass has nothing left to do
    assert restarted.reconcile(shop.recover, shop.release) == []


@both_ports
@pytest.mark.parametrize("point", CRASH_POINTS)
def test_crash_after_tap_then_reconcile(sim, make_terminal, journal, shop, point, port):
    if port == "relayed" and point == "after_capture_commit":
        pytest.skip("relayed, the till commits the capture when it settles the attempt, not while paying")
    _run(sim, make_terminal, journal, shop, point, tapped=True)


@both_ports
@pytest.mark.parametrize("point", NOT_TAPPED)
def test_crash_before_tap_then_reconcile(sim, make_terminal, journal, shop, point):
    _run(sim, make_terminal, journal, shop, point, tapped=False)


@both_ports
def test_lost_pi_id_found_by_metadata_search(sim, make_terminal, journal, shop, relay_backend):
    """Crash between the create response and recording its id: the reconciler finds it by attempt_id
    (relayed: the backend has it, from Stripe's answer, with no search)."""
    crash = CrashAt("after_pi_create_response")
    payments = CardPayments(make_terminal(), journal, poll_interval=POLL, crashpoint=crash)
    sale = shop.new_sale(6200)
    with pytest.raises(SimulatedCrash):
        payments.pay(sale, 6200, "usd", shop.complete(sale, 6200))
    attempt = journal.for_sale(sale)[0]
    assert attempt.payment_intent_id is None
    restarted = CardPayments(make_terminal(), journal, poll_interval=POLL)
    restarted.reconcile(shop.recover, shop.release)
    searches = [r for r in sim.requests if r["path"] == "/v1/payment_intents/search"]
    if relay_backend is None:
        assert searches and f"'{attempt.attempt_id}'" in searches[0]["params"]["query"]
    assert len(sim.payment_intents) == 1  # found, not created again
    assert journal.get(attempt.attempt_id).payment_intent_id == next(iter(sim.payment_intents))
    check_invariants(sim, shop)


@both_ports
def test_search_lag_falls_back_to_create_replay(sim, make_terminal, journal, shop, relay_backend):
    """Search has not indexed the PaymentIntent yet: the same create key replays the original.
    (Relayed, the backend knows the PaymentIntent from Stripe's answer: nothing to search or replay.)"""
    sim.search_lag = 60.0
    crash = CrashAt("after_pi_create_response")
    payments = CardPayments(make_terminal(), journal, poll_interval=POLL, crashpoint=crash)
    sale = shop.new_sale(6300)
    with pytest.raises(SimulatedCrash):
        payments.pay(sale, 6300, "usd", shop.complete(sale, 6300))
    restarted = CardPayments(make_terminal(), journal, poll_interval=POLL)
    restarted.reconcile(shop.recover, shop.release)
    assert len(sim.payment_intents) == 1
    replays = [r for r in sim.requests if r["path"] == "/v1/payment_intents" and r["method"] == "POST"]
    if relay_backend is None:
        assert len(replays) == 2 and replays[0]["idempotency_key"] == replays[1]["idempotency_key"]
    else:
        assert len(replays) == 1
    check_invariants(sim, shop)


@both_ports
def test_restarted_till_resumes_on_next_pay(sim, make_terminal, journal, shop):
    """Without a reconciler pass, the next Pay on the same sale settles the old attempt first."""
    crash = CrashAt("after_authorized_observed")
    payments = CardPayments(make_terminal(), journal, poll_interval=POLL, crashpoint=crash)
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(6400)
    with pytest.raises(SimulatedCrash):
        payments.pay(sale, 6400, "usd", shop.complete(sale, 6400))
    restarted = CardPayments(make_terminal(), journal, poll_interval=POLL)
    out = restarted.pay(sale, 6400, "usd", shop.complete(sale, 6400))
    assert out.paid and len(sim.payment_intents) == 1
    settle(restarted, shop)
    check_invariants(sim, shop)
