"""Field defect (issue 12): an authorisation whose confirmation was lost, then another tender.

Found by fault injection: the reader took the card, the PaymentIntent read after the reader's success
failed twice, ``pay`` reported a failure, the cashier took cash — and the authorisation stayed
uncaptured with no open sale to attach it to (cash taken plus a hold on the card; with Interac, captured
at the tap, a double charge). Now any other tender first settles the card attempt
(``CardPayments.settle_before_other_tender``), and the reconciler settles an attempt whose sale moved on
(``SaleMovedOn`` from the completion step): its authorisation is cancelled, never captured.

Real simulator on loopback, real stripe library, real driver, faults injected in the simulator.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from hardware.stripe_sim import INTERAC, VISA
from pos.payment import (
    AUTHORIZED,
    CANCELED,
    CAPTURED,
    CHARGED_WITHOUT_SALE_MESSAGE,
    FAILED,
    SETTLE_PROCESSING_MESSAGE,
    SETTLE_RUNNING_MESSAGE,
    SETTLE_USED_CARD_MESSAGE,
    UNCONFIRMED_MESSAGE,
    UNSETTLED_MESSAGE,
    CardPayments,
    PaymentAttempt,
    SaleMovedOn,
)
from tests.payments.conftest import (
    POLL,
    backend_caught_up,
    both_ports,
    capture_fails,
    check_invariants,
    reads_back,
    reads_fail,
    settle,
)
from tests.payments.test_protocol_edges import Wrapped
from tests.support.waiting import wait_for

PI_GET = r"/v1/payment_intents/pi_[^/]+$"


def make_payments(terminal, journal, **kw: Any) -> CardPayments:
    args: dict[str, Any] = dict(poll_interval=POLL, capture_backoff=0.01, authorization_timeout=5.0)
    args.update(kw)
    return CardPayments(terminal, journal, **args)


def take_cash(shop, sale: str) -> None:
    """What the till does once it may take cash: the sale is recorded with cash only."""
    s = shop.sale(sale)
    s["tenders"].append({"type": "cash", "amount": s["total"]})
    s["status"] = "completed"


def confirmation_lost(
    sim, make_terminal, journal, shop, amount: int, card: str = VISA, currency: str = "usd", relay=None
):
    """The field scenario: the reader takes the card; both tries of the PaymentIntent read after the
    reader's success fail (the library retries once, as the till is configured). Relayed (``relay``: the
    backend), the till's reads of the PaymentIntent fail at the backend."""
    payments = make_payments(
        make_terminal(max_network_retries=1, country="CA" if card == INTERAC else "US"), journal
    )
    sim.auto_tap(card, delay=0.0)
    if relay is None:
        sim.fail_with_status(PI_GET, status=503, times=2, method="GET")
    else:
        relay.inject("status", path="/v1/card/intents/", method="GET", status=503)  # no retry relayed
    sale = shop.new_sale(amount)
    out = payments.pay(sale, amount, currency, shop.complete(sale, amount))
    sim.auto_tap(None)
    # the cashier acts once the backend heard Stripe's webhooks (for the lag itself see
    # test_the_gate_never_cancels_a_card_the_reader_took_while_its_read_lags)
    backend_caught_up(sim, payments.terminal, relay, out.payment_intent_id)
    return payments, sale, out


# ------------------------------------------------------------------------------------------ the gate


@both_ports
def test_confirmation_lost_then_cash_the_card_is_used_instead(
    sim, make_terminal, journal, shop, relay_backend
):
    payments, sale, out = confirmation_lost(sim, make_terminal, journal, shop, 6000, relay=relay_backend)
    # the cashier is not told to take cash while the card may have been charged
    assert out.status == "failed" and out.message == UNCONFIRMED_MESSAGE
    assert sim.payment_intents[out.payment_intent_id]["status"] == "requires_capture"
    # the cashier presses Cash: the card attempt is settled first, and it was authorised
    settled = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    # relayed: the card is used and handed to the backend, which captures it
    assert settled.status == ("captured" if relay_backend is None else "authorized")
    assert settled.message == SETTLE_USED_CARD_MESSAGE and not settled.other_tender_allowed
    assert shop.sale(sale)["status"] == "completed"
    assert shop.sale(sale)["tenders"] == [{"type": "card", "amount": 6000}]
    settle(payments, shop)
    assert journal.get(out.attempt_id).status == CAPTURED
    assert payments.settle_before_other_tender(sale, shop.recover, shop.release) is None
    check_invariants(sim, shop)


@both_ports
def test_interac_captured_at_the_tap_then_cash_is_not_a_double_charge(
    sim, make_terminal, journal, shop, relay_backend
):
    sim.create_location("Toronto", country="CA")
    payments, sale, out = confirmation_lost(
        sim, make_terminal, journal, shop, 6100, INTERAC, "cad", relay=relay_backend
    )
    assert out.status == "failed" and out.message == UNCONFIRMED_MESSAGE
    assert sim.payment_intents[out.payment_intent_id]["status"] == "succeeded"  # the money is taken
    settled = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    assert settled.status == "captured" and not settled.other_tender_allowed
    assert shop.sale(sale)["tenders"] == [{"type": "card", "amount": 6100}]
    check_invariants(sim, shop)


@both_ports
def test_declined_card_then_cash_cancels_the_intent_and_allows_cash(sim, payments, shop, journal):
    sim.auto_tap("4000000000000002", delay=0.0)
    sale = shop.new_sale(6200)
    declined = payments.pay(sale, 6200, "usd", shop.complete(sale, 6200))
    assert declined.status == "declined"
    settled = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    assert settled.status == "cancelled" and settled.other_tender_allowed
    assert "not charged" in settled.message
    assert sim.payment_intents[declined.payment_intent_id]["status"] == "canceled"
    row = journal.get(declined.attempt_id)
    assert row.final and row.last_error == "abandoned"
    assert shop.sale(sale)["status"] == "open"  # released by release_sale
    take_cash(shop, sale)
    check_invariants(sim, shop)


@both_ports
def test_nothing_to_settle(sim, payments, shop):
    sale = shop.new_sale(6300)
    assert payments.settle_before_other_tender(sale, shop.recover, shop.release) is None
    assert sim.requests == []


@both_ports
def test_reader_still_waiting_is_stopped_before_cash(sim, terminal, journal, shop, relay_backend):
    """Pay gave up (Stripe unreadable; relayed: the backend) while the reader still waited for the card:
    the gate stops the reader and cancels the PaymentIntent, so no later tap can charge the card."""
    payments = make_payments(terminal, journal, authorization_timeout=0.3)
    if relay_backend is None:
        sim.fail_with_status(r"/v1/terminal/readers/[^/]+$", status=503, times=10_000, method="GET")
    else:
        relay_backend.inject("status", path="/v1/card/readers/", method="GET", status=503, times=10_000)
    sale = shop.new_sale(6400)
    out = payments.pay(sale, 6400, "usd", shop.complete(sale, 6400))
    assert out.status == "failed"
    assert sim.pending_reader() is not None
    reads_back(sim, relay_backend)
    settled = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    assert settled.status == "cancelled" and settled.other_tender_allowed
    assert sim.pending_reader() is None
    assert sim.payment_intents[out.payment_intent_id]["status"] == "canceled"
    take_cash(shop, sale)
    check_invariants(sim, shop)


@both_ports
def test_stripe_unreachable_refuses_the_other_tender_until_it_can_settle(
    sim, make_terminal, journal, shop, relay_backend
):
    payments, sale, out = confirmation_lost(sim, make_terminal, journal, shop, 6500, relay=relay_backend)
    reads_fail(sim, relay_backend)
    refused = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    assert refused.status == "unsettled" and refused.message == UNSETTLED_MESSAGE
    assert not refused.other_tender_allowed and refused.error is not None
    assert shop.sale(sale)["status"] == "pending_payment"
    assert not journal.get(out.attempt_id).final
    reads_back(sim, relay_backend)
    settled = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    assert settled.status == ("captured" if relay_backend is None else "authorized")
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
@pytest.mark.parametrize("relay_read_timeout", [0.3])  # relayed: the backend times out
def test_attempt_that_never_reached_the_reader_is_closed_even_offline(sim, make_terminal, journal, shop):
    """The create's answer was lost and Stripe is now unreachable: the PaymentIntent id was never
    recorded, so the reader was never asked and no card can have been charged: cash may be taken.
    (Bug found by this test relayed: the backend had heard of the PaymentIntent by webhook, the gate then
    tried to cancel it through Stripe, could not, and refused cash while Stripe was down.)"""
    payments = make_payments(make_terminal(read_timeout=0.3), journal)
    sim.read_timeout(r"/v1/payment_intents$", hang=0.5, times=2)
    sale = shop.new_sale(6600)
    out = payments.pay(sale, 6600, "usd", shop.complete(sale, 6600))
    assert out.status == "failed" and out.payment_intent_id is None
    sim.stop()
    settled = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    assert settled.status == "cancelled" and settled.other_tender_allowed
    assert journal.get(out.attempt_id).status == CANCELED


@both_ports
def test_a_running_card_payment_is_not_settled_under_it(sim, payments, shop):
    sale = shop.new_sale(6700)
    box: dict = {}
    t = threading.Thread(
        target=lambda: box.update(out=payments.pay(sale, 6700, "usd", shop.complete(sale, 6700)))
    )
    t.start()
    wait_for(sim.pending_reader)
    refused = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    assert refused.status == "unsettled" and refused.message == SETTLE_RUNNING_MESSAGE
    payments.cancel(sale)
    t.join()
    assert box["out"].status == "cancelled"
    assert payments.settle_before_other_tender(sale, shop.recover, shop.release) is None


@both_ports
def test_card_part_already_recorded_is_not_in_the_way(sim, payments, shop, journal, relay_backend):
    """Split tender: the card part is recorded on the sale, its capture still outstanding: cash for the
    rest is not blocked (the capture is the reconciler's job)."""
    capture_fails(sim, relay_backend)
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(6800)
    out = payments.pay(sale, 6800, "usd", shop.complete(sale, 6800))
    assert out.status == "pending_capture" and journal.get(out.attempt_id).status == AUTHORIZED
    assert payments.settle_before_other_tender(sale, shop.recover, shop.release) is None


@both_ports
def test_card_authorised_but_the_sale_changed_releases_the_authorisation(
    sim, make_terminal, journal, shop, relay_backend
):
    """The completion step says the card can no longer go on this sale (``SaleMovedOn``): the
    authorisation is cancelled — never captured without its sale — and the other tender may be taken."""
    payments, sale, out = confirmation_lost(sim, make_terminal, journal, shop, 6900, relay=relay_backend)

    def moved_on(attempt: PaymentAttempt, tx: Any) -> None:
        raise SaleMovedOn("the sale total changed")

    settled = payments.settle_before_other_tender(sale, moved_on, shop.release)
    assert settled.status == "cancelled" and settled.other_tender_allowed
    assert "released" in settled.message
    assert sim.payment_intents[out.payment_intent_id]["status"] == "canceled"
    assert shop.sale(sale)["status"] == "pending_payment"  # nothing of the completion was committed
    take_cash(shop, sale)
    check_invariants(sim, shop)


# ------------------------------------------------------------------------------------------ reconciler


@both_ports
def test_reconciler_cancels_the_authorisation_of_a_sale_paid_otherwise(
    sim, make_terminal, journal, shop, relay_backend
):
    """An older till took cash without settling the card: the reconciler finds the authorisation, the
    completion step says the sale moved on, and the hold is released — once, not retried forever."""
    payments, sale, out = confirmation_lost(sim, make_terminal, journal, shop, 7000, relay=relay_backend)
    take_cash(shop, sale)
    (res,) = payments.reconcile(shop.recover, shop.release)
    assert (res.before, res.after) == ("reader_processing", CANCELED) and "moved on" in res.note, res
    assert sim.payment_intents[out.payment_intent_id]["status"] == "canceled"
    assert journal.get(out.attempt_id).last_error == "sale_moved_on"
    assert shop.sale(sale)["tenders"] == [{"type": "cash", "amount": 7000}]
    assert payments.reconcile(shop.recover, shop.release) == []
    check_invariants(sim, shop)


@both_ports
def test_reconciler_flags_an_interac_charge_whose_sale_was_paid_otherwise(
    sim, make_terminal, journal, shop, relay_backend
):
    """Interac was captured at the tap and the sale was paid in cash: the money can only be given back
    by a refund on the reader, so the attempt is closed and listed for the manager — not retried."""
    sim.create_location("Toronto", country="CA")
    payments, sale, out = confirmation_lost(
        sim, make_terminal, journal, shop, 7100, INTERAC, "cad", relay=relay_backend
    )
    take_cash(shop, sale)
    (res,) = payments.reconcile(shop.recover, shop.release)
    assert res.after == FAILED and res.recovered and "refund" in res.note
    row = journal.get(out.attempt_id)
    assert (row.last_error, row.recovered) == ("charged_without_sale", True) and row in journal.recovered()
    assert payments.reconcile(shop.recover, shop.release) == []


@both_ports
def test_declined_card_with_an_unreadable_intent_is_not_called_unconfirmed(
    sim, payments, shop, relay_backend
):
    """Only a reader that reports success makes a lost PaymentIntent read 'not confirmed yet': after a
    decline the cashier hears that Stripe (relayed: the backend) is unreachable."""
    sim.auto_tap("4000000000000002", delay=0.0)
    if relay_backend is None:
        sim.fail_with_status(PI_GET, status=503, times=1, method="GET")
    else:
        relay_backend.inject("status", path="/v1/card/intents/", method="GET", status=503)
    sale = shop.new_sale(7200)
    out = payments.pay(sale, 7200, "usd", shop.complete(sale, 7200))
    assert out.status == "failed" and out.error.kind == "unavailable"
    assert out.message != UNCONFIRMED_MESSAGE
    settled = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    assert settled.other_tender_allowed


@both_ports
def test_stripe_still_processing_refuses_the_other_tender(sim, make_terminal, journal, shop, relay_backend):
    """The reader took the card and Stripe is still processing it when the cashier presses Cash: the other
    tender is refused (the card may yet be charged) and the attempt stays open; once Stripe authorised
    it, the gate uses the card."""
    sim.hold_processing()
    payments, sale, out = confirmation_lost(sim, make_terminal, journal, shop, 7300, relay=relay_backend)
    assert out.status == "failed" and out.message == UNCONFIRMED_MESSAGE
    assert sim.payment_intents[out.payment_intent_id]["status"] == "processing"
    refused = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    assert refused.status == "unsettled" and refused.message == SETTLE_PROCESSING_MESSAGE
    assert not refused.other_tender_allowed
    assert not journal.get(out.attempt_id).final
    assert shop.sale(sale)["status"] == "pending_payment"
    assert sim.payment_intents[out.payment_intent_id]["status"] == "processing"  # nothing cancelled it
    sim.finish_processing(out.payment_intent_id)
    backend_caught_up(sim, payments.terminal, relay_backend, out.payment_intent_id)
    settled = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    # relayed: the card is used and handed to the backend, which captures it
    assert settled.status == ("captured" if relay_backend is None else "authorized")
    assert settled.message == SETTLE_USED_CARD_MESSAGE
    assert shop.sale(sale)["tenders"] == [{"type": "card", "amount": 7300}]
    settle(payments, shop)
    check_invariants(sim, shop)


class LaggingIntent(Wrapped):
    """The PaymentIntent's reads lag behind the reader: the first ``stale`` reads of a PaymentIntent Stripe
    is processing still show it waiting for a card (relayed: the reader's webhook heard before the
    PaymentIntent's ``payment_intent.processing``)."""

    def __init__(self, inner: Any, stale: int) -> None:
        super().__init__(inner)
        self.stale = stale

    def retrieve_payment_intent(self, payment_intent_id: str):
        cur = self.inner.retrieve_payment_intent(payment_intent_id)
        if cur.status == "processing" and self.stale > 0:
            from dataclasses import replace

            self.stale -= 1
            return replace(cur, status="requires_payment_method")
        return cur


@both_ports
def test_the_gate_never_cancels_a_card_the_reader_took_while_its_read_lags(
    sim, make_terminal, journal, shop, relay_backend
):
    """The reader took the card, Stripe is processing it, and the gate's read of the PaymentIntent still
    shows it waiting for a card: the reader decides that the card may be charged, so the other tender is
    refused and nothing is cancelled. (Bug found relayed: when the processing webhook came after the
    cashier pressed Cash, the gate cancelled the PaymentIntent Stripe was processing.)"""
    sim.hold_processing()
    payments, sale, out = confirmation_lost(sim, make_terminal, journal, shop, 7350, relay=relay_backend)
    assert out.message == UNCONFIRMED_MESSAGE
    lagging = LaggingIntent(payments.terminal, stale=1)
    gate = make_payments(lagging, journal)
    refused = gate.settle_before_other_tender(sale, shop.recover, shop.release)
    assert lagging.stale == 0
    assert refused.status == "unsettled" and refused.message == SETTLE_PROCESSING_MESSAGE
    assert sim.count_requests("POST", r"/cancel$") == 0
    assert sim.payment_intents[out.payment_intent_id]["status"] == "processing"
    assert not journal.get(out.attempt_id).final and shop.sale(sale)["status"] == "pending_payment"
    sim.finish_processing(out.payment_intent_id)
    backend_caught_up(sim, payments.terminal, relay_backend, out.payment_intent_id)
    settled = gate.settle_before_other_tender(sale, shop.recover, shop.release)
    assert settled.status == ("captured" if relay_backend is None else "authorized")
    settle(gate, shop)
    check_invariants(sim, shop)


@both_ports
def test_interac_charge_that_cannot_go_on_the_sale_is_refused_and_flagged(
    sim, make_terminal, journal, shop, relay_backend
):
    sim.create_location("Toronto", country="CA")
    payments, sale, out = confirmation_lost(
        sim, make_terminal, journal, shop, 7400, INTERAC, "cad", relay=relay_backend
    )

    def moved_on(attempt: PaymentAttempt, tx: Any) -> None:
        raise SaleMovedOn("the sale total changed")

    refused = payments.settle_before_other_tender(sale, moved_on, shop.release)
    assert refused.status == "unsettled" and refused.message == CHARGED_WITHOUT_SALE_MESSAGE
    row = journal.get(out.attempt_id)
    assert (row.last_error, row.recovered) == ("charged_without_sale", True) and row in journal.recovered()


class LateCommandThenTap(Wrapped):
    """The gate is about to cancel the PaymentIntent of a declined attempt when a late duplicate of the
    process command reaches the reader and the customer taps an Interac card at once (captured at the
    tap): the cancel is refused."""

    def __init__(self, inner: Any, sim) -> None:
        super().__init__(inner)
        self.sim = sim

    def cancel_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, reason: str = "abandoned"
    ):
        self.sim.instant_result = True
        self.sim.auto_tap(INTERAC, delay=0.0)
        self.inner.process_payment_intent(payment_intent_id, idempotency_key="late-duplicate")
        return self.inner.cancel_payment_intent(
            payment_intent_id, idempotency_key=idempotency_key, reason=reason
        )


@both_ports
def test_card_charged_as_the_gate_cancels_is_used_not_charged_again(sim, make_terminal, journal, shop):
    sim.create_location("Toronto", country="CA")
    terminal = make_terminal(country="CA")
    sim.auto_tap("4000000000000002", delay=0.0)
    sale = shop.new_sale(7600)
    declined = make_payments(terminal, journal).pay(sale, 7600, "cad", shop.complete(sale, 7600))
    assert declined.status == "declined"
    payments = make_payments(LateCommandThenTap(terminal, sim), journal)
    settled = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    assert settled.status == "captured" and settled.message == SETTLE_USED_CARD_MESSAGE
    assert sim.payment_intents[declined.payment_intent_id]["status"] == "succeeded"
    assert shop.sale(sale)["tenders"] == [{"type": "card", "amount": 7600}]
    check_invariants(sim, shop)


@both_ports
@pytest.mark.parametrize("relay_read_timeout", [0.3])  # relayed: the backend times out
def test_create_answer_lost_then_cash_cancels_the_intent_stripe_made(sim, make_terminal, journal, shop):
    payments = make_payments(make_terminal(read_timeout=0.3), journal)
    sim.read_timeout(r"/v1/payment_intents$", hang=0.5, times=2)
    sale = shop.new_sale(7700)
    out = payments.pay(sale, 7700, "usd", shop.complete(sale, 7700))
    assert out.status == "failed" and out.payment_intent_id is None
    settled = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    assert (
        settled.other_tender_allowed
        and settled.message
        == "The card payment was cancelled; the card was not charged. Take the other tender."
    )
    (pi,) = sim.payment_intents.values()
    assert pi["status"] == "canceled" and pi["metadata"]["attempt_id"] == out.attempt_id
    assert journal.get(out.attempt_id).payment_intent_id == pi["id"]
    take_cash(shop, sale)
    check_invariants(sim, shop)
