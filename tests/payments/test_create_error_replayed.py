"""Field defect (issue 12): a 500 answer to 'create PaymentIntent' is saved by Stripe under its
idempotency key, so every retry with the same key replays the 500 for 24 hours and the sale could not
take a card. The till now checks that no PaymentIntent exists for the attempt (search by the attempt's
metadata), closes that attempt and starts a new one with a new key: never two PaymentIntents for one
attempt, never a charge without its sale.

Real simulator on loopback, real stripe library, real driver; the 500 is injected as Stripe's own
(``fail_while_executing``), which the simulator stores and replays like Stripe.
"""

from __future__ import annotations

import pytest

from hardware.stripe_sim import VISA
from pos.payment import (
    CREATE_FAILED_MESSAGE,
    CREATED,
    FAILED,
    CardPayments,
    SimulatedCrash,
    TerminalUnavailable,
)
from tests.payments.conftest import POLL, both_ports, check_invariants, settle

CREATE = r"/v1/payment_intents$"


def _creates(sim) -> list[str]:
    return [
        r["idempotency_key"]
        for r in sim.requests
        if r["method"] == "POST" and r["path"] == "/v1/payment_intents"
    ]


def _searched(sim, attempt_id: str) -> bool:
    return any(
        r["path"] == "/v1/payment_intents/search" and f"'{attempt_id}'" in r["params"]["query"]
        for r in sim.requests
    )


@both_ports
def test_stored_500_on_create_closes_the_attempt_and_pays_with_a_new_one(
    sim, payments, shop, journal, relay_backend
):
    sim.fail_while_executing(CREATE)
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(5200)
    out = payments.pay(sale, 5200, "usd", shop.complete(sale, 5200))
    assert out.paid, out.message
    first, second = journal.for_sale(sale)
    assert (first.status, first.payment_intent_id, first.last_error) == (FAILED, None, "http_500")
    if relay_backend is None:  # relayed, the backend answers the look-up from its own records
        assert _searched(sim, first.attempt_id)  # checked that Stripe holds no PaymentIntent for it
    assert second.attempt_id == out.attempt_id and second.idempotency_key != first.idempotency_key
    assert _creates(sim) == [f"{first.attempt_id}:create", f"{second.attempt_id}:create"]
    (pi,) = sim.payment_intents.values()
    till = {} if relay_backend is None else {"till_id": "T1"}
    assert pi["metadata"] == {"sale_uuid": sale, "attempt_id": second.attempt_id, **till}
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_500_after_stripe_did_create_the_intent_uses_that_intent(sim, payments, shop, journal, relay_backend):
    """A 500 is indeterminate: here Stripe did create the PaymentIntent. The search finds it, so the
    attempt goes on with it; no second PaymentIntent, no second attempt. (Relayed, the backend knows the
    PaymentIntent only once its webhook came: if the till looks first, it is the lagging search below,
    a second attempt, the unseen PaymentIntent never sent to the reader.)"""
    sim.fail_while_executing(CREATE, commit=True)
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(5300)
    out = payments.pay(sale, 5300, "usd", shop.complete(sale, 5300))
    assert out.paid, out.message
    attempts = journal.for_sale(sale)
    if relay_backend is None or len(attempts) == 1:
        (attempt,) = attempts
        assert len(sim.payment_intents) == 1 and attempt.payment_intent_id == out.payment_intent_id
        assert _creates(sim) == [f"{attempt.attempt_id}:create"]
    else:
        first, second = attempts
        unseen = [
            pi for pi in sim.payment_intents.values() if pi["metadata"]["attempt_id"] == first.attempt_id
        ]
        assert [pi["status"] for pi in unseen] == ["requires_payment_method"]
        assert second.payment_intent_id == out.payment_intent_id
    processed = [r for r in sim.requests if r["path"].endswith("process_payment_intent")]
    assert [r["params"]["payment_intent"] for r in processed] == [out.payment_intent_id]
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_500_and_a_lagging_search_never_charges_the_unseen_intent(
    sim, payments, shop, journal, relay_backend
):
    """The PaymentIntent was created but search has not indexed it yet: the till starts a new attempt.
    The unseen one belongs to the closed attempt only and is never sent to the reader, so it can never
    be charged; the sale is paid once."""
    sim.search_lag = 60.0
    sim.fail_while_executing(CREATE, commit=True)
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(5400)
    out = payments.pay(sale, 5400, "usd", shop.complete(sale, 5400))
    assert out.paid, out.message
    attempts = journal.for_sale(sale)
    by_attempt = {pi["metadata"]["attempt_id"]: pi for pi in sim.payment_intents.values()}
    assert set(by_attempt) == {a.attempt_id for a in attempts}  # one PaymentIntent per attempt
    processed = [
        r["params"]["payment_intent"] for r in sim.requests if r["path"].endswith("process_payment_intent")
    ]
    if relay_backend is not None and len(attempts) == 1:
        # relayed, the backend may hear the PaymentIntent's webhook before the till asks it whether the
        # attempt has one: the attempt then pays with that PaymentIntent, and no second one is made
        assert processed == [by_attempt[out.attempt_id]["id"]]
    else:
        first, second = attempts
        assert by_attempt[first.attempt_id]["status"] == "requires_payment_method"
        assert processed == [by_attempt[second.attempt_id]["id"]]
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_stripe_keeps_failing_the_create_the_cashier_hears_it_and_nothing_stays_open(
    sim, payments, shop, journal
):
    """Every create fails with Stripe's 500: the till gives up after one new attempt, says what to do,
    and leaves no attempt open; once Stripe works again the very next Pay takes the card (not 24 h
    later)."""
    sim.fail_while_executing(CREATE, times=10)
    sale = shop.new_sale(5500)
    out = payments.pay(sale, 5500, "usd", shop.complete(sale, 5500))
    assert out.status == "failed" and isinstance(out.error, TerminalUnavailable)
    assert out.message == CREATE_FAILED_MESSAGE and "not charged" in out.message
    assert [a.status for a in journal.for_sale(sale)] == [FAILED, FAILED]
    assert journal.active_for_sale(sale) is None and sim.payment_intents == {}
    sim.clear_faults()
    sim.auto_tap(VISA, delay=0.0)
    again = payments.pay(sale, 5500, "usd", shop.complete(sale, 5500))
    assert again.paid, again.message
    settle(payments, shop)
    check_invariants(sim, shop)


def _crash_after_create_500(sim, make_terminal, journal, shop, amount: int) -> tuple[str, str]:
    """The till stops right after the create's 500 (before it could look for the PaymentIntent)."""

    def crash(point: str) -> None:
        if point == "after_pi_create_request_sent":
            raise SimulatedCrash(point)

    sim.fail_while_executing(CREATE)
    crashing = CardPayments(make_terminal(), journal, poll_interval=POLL, crashpoint=crash)
    sale = shop.new_sale(amount)
    with pytest.raises(SimulatedCrash):
        crashing.pay(sale, amount, "usd", shop.complete(sale, amount))
    (attempt,) = journal.for_sale(sale)
    assert attempt.status == CREATED
    return sale, attempt.attempt_id


@both_ports
def test_reconciler_closes_an_attempt_whose_create_500_is_replayed(sim, make_terminal, journal, shop):
    """At start-up the reconciler finds the attempt 'created' without a PaymentIntent: the search finds
    none and the create with the same key replays the 500, so no PaymentIntent exists: the attempt is
    closed and its sale released, once (it is not retried as 'unresolved' on every pass)."""
    sale, attempt_id = _crash_after_create_500(sim, make_terminal, journal, shop, 5600)
    restarted = CardPayments(make_terminal(), journal, poll_interval=POLL)
    (res,) = restarted.reconcile(shop.recover, shop.release)
    assert (res.attempt_id, res.after) == (attempt_id, FAILED), res
    assert "no PaymentIntent" in res.note
    assert shop.sale(sale)["status"] == "open" and sim.payment_intents == {}
    assert restarted.reconcile(shop.recover, shop.release) == []
    check_invariants(sim, shop)


@both_ports
def test_next_pay_after_a_crash_on_a_create_500_starts_a_new_attempt(sim, make_terminal, journal, shop):
    sale, attempt_id = _crash_after_create_500(sim, make_terminal, journal, shop, 5700)
    restarted = CardPayments(make_terminal(), journal, poll_interval=POLL)
    sim.auto_tap(VISA, delay=0.0)
    out = restarted.pay(sale, 5700, "usd", shop.complete(sale, 5700))
    assert out.paid and out.attempt_id != attempt_id
    assert journal.get(attempt_id).status == FAILED
    assert len(sim.payment_intents) == 1
    settle(restarted, shop)
    check_invariants(sim, shop)
