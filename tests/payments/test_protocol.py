"""The write-ahead payment protocol against the simulator, over loopback, with the real stripe library."""

from __future__ import annotations

import threading

import pytest

from hardware.stripe_sim import DECLINE_CARDS, INTERAC, MAGIC_AMOUNTS, VISA
from pos.payment import (
    AUTHORIZED,
    CANCELED,
    CAPTURED,
    DECLINE_MESSAGES,
    GENERIC_DECLINE,
    PI_CREATED,
    CardPayments,
    PaymentInProgress,
    TerminalUnavailable,
)
from tests.payments.conftest import (
    POLL,
    both_ports,
    capture_fails,
    check_invariants,
    reads_back,
    reads_fail,
    settle,
)
from tests.support.waiting import wait_for


def pay_in_thread(payments: CardPayments, sale: str, amount: int, complete) -> tuple[threading.Thread, dict]:
    box: dict = {}

    def run() -> None:
        try:
            box["out"] = payments.pay(sale, amount, "usd", complete)
        except BaseException as e:  # noqa: BLE001 - handed to the test
            box["err"] = e

    t = threading.Thread(target=run)
    t.start()
    return t, box


@both_ports
def test_approval_captures_after_sale_commit(sim, payments, shop, journal, relay_backend):
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(2500)
    order: list[str] = []
    inner = shop.complete(sale, 2500)

    def complete(tx):
        pi = next(iter(sim.payment_intents.values()))
        order.append(pi["status"])  # the sale commits while the PaymentIntent is only authorised
        inner(tx)

    states: list[str] = []
    out = payments.pay(sale, 2500, "usd", complete, on_status=states.append)
    assert states == ["starting", "waiting", "pending"]
    assert out.paid and out.status == ("captured" if relay_backend is None else "authorized")
    assert order == ["requires_capture"]
    settle(payments, shop)  # relayed: the backend captures once handed the committed sale
    pi = sim.payment_intents[out.payment_intent_id]
    assert pi["status"] == "succeeded" and pi["amount_received"] == 2500
    till = {} if relay_backend is None else {"till_id": "T1"}  # relayed: the backend names the till
    assert pi["metadata"] == {"sale_uuid": sale, "attempt_id": out.attempt_id, **till}
    assert pi["capture_method"] == "manual" and pi["payment_method_types"] == ["card_present"]
    assert shop.sale(sale)["status"] == "completed"
    assert journal.get(out.attempt_id).status == CAPTURED
    keys = [r["idempotency_key"] for r in sim.requests if r["method"] == "POST"]
    assert keys[:3] == [
        f"{out.attempt_id}:create",
        f"{out.attempt_id}:process:1",
        f"{out.attempt_id}:capture",
    ]
    proc = next(r for r in sim.requests if r["path"].endswith("process_payment_intent"))
    assert proc["params"]["process_config"] == {
        "enable_customer_cancellation": "true",
        "skip_tipping": "true",
    }
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_instant_result_in_process_response(sim, payments, shop):
    sim.instant_result = True
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(1200)
    out = payments.pay(sale, 1200, "usd", shop.complete(sale, 1200))
    assert out.paid
    assert sim.count_requests("GET", r"/v1/terminal/readers/") == 0  # no polling needed
    settle(payments, shop)
    check_invariants(sim, shop)


DECLINES = [(card, code, decline) for card, (code, decline) in DECLINE_CARDS.items()]


@pytest.mark.parametrize(("card", "code", "decline"), DECLINES, ids=[d for _c, _k, d in DECLINES])
@both_ports
def test_every_test_card_decline(sim, payments, shop, journal, card, code, decline):
    sim.auto_tap(card, delay=0.0)
    sale = shop.new_sale(3000)
    out = payments.pay(sale, 3000, "usd", shop.complete(sale, 3000))
    assert out.status == "declined" and not out.sale_completed
    assert out.error.decline_code == decline
    # the cashier sees the sentence written for this decline, not the catch-all
    assert out.message == DECLINE_MESSAGES[decline]
    assert shop.sale(sale)["status"] == "pending_payment"  # the sale stays open
    assert journal.get(out.attempt_id).status == PI_CREATED
    # another card on the same PaymentIntent, with a new process key
    sim.auto_tap(VISA, delay=0.0)
    again = payments.pay(sale, 3000, "usd", shop.complete(sale, 3000))
    assert again.paid and again.payment_intent_id == out.payment_intent_id
    # one PaymentIntent: a create retried after a dropped connection reuses its idempotency key
    assert len(sim.payment_intents) == 1
    settle(payments, shop)
    check_invariants(sim, shop)


@pytest.mark.parametrize(("cents", "decline"), sorted(MAGIC_AMOUNTS.items()))
@both_ports
def test_every_magic_amount_decline(sim, payments, shop, cents, decline):
    sim.auto_tap(VISA, delay=0.0)
    amount = 4000 + cents
    sale = shop.new_sale(amount)
    out = payments.pay(sale, amount, "usd", shop.complete(sale, amount))
    assert out.status == "declined" and out.error.decline_code == decline
    assert out.message == DECLINE_MESSAGES[decline]
    assert shop.sale(sale)["status"] == "pending_payment"


SIM_DECLINES = sorted({d for _c, d in DECLINE_CARDS.values()} | set(MAGIC_AMOUNTS.values()))


@pytest.mark.parametrize("decline", SIM_DECLINES)  # no terminal (the table of sentences): both ports
def test_every_simulated_decline_has_its_own_sentence(decline):
    """Field report D: every decline shown in words. Each decline code the simulator (like Stripe's test
    cards and amounts) can produce has a sentence of its own, not the catch-all ``generic_decline`` text."""
    assert decline in DECLINE_MESSAGES, f"{decline} falls back to the generic text"
    message = DECLINE_MESSAGES[decline]
    if decline != "generic_decline":
        assert message != GENERIC_DECLINE, f"{decline} is shown as the generic text"
    assert message.endswith(".") and len(message.split(".")) >= 3  # what happened. what to do next.


@both_ports
def test_pin_cards_approve(sim, payments, shop):
    from hardware.stripe_sim import OFFLINE_PIN, ONLINE_PIN

    for card in (ONLINE_PIN, OFFLINE_PIN):
        sim.auto_tap(card, delay=0.0)
        sale = shop.new_sale(1800)
        assert payments.pay(sale, 1800, "usd", shop.complete(sale, 1800)).paid
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_cancel_before_tap(sim, payments, shop, journal):
    sale = shop.new_sale(5000)
    t, box = pay_in_thread(payments, sale, 5000, shop.complete(sale, 5000))
    wait_for(sim.pending_reader)
    assert payments.cancel(sale)
    t.join()
    out = box["out"]
    assert out.status == "cancelled"
    assert sim.payment_intents[out.payment_intent_id]["status"] == "canceled"
    assert journal.get(out.attempt_id).status == CANCELED
    assert shop.sale(sale)["status"] == "pending_payment"
    assert sim.pending_reader() is None
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_cancel_after_tap_in_flight_releases_authorisation(sim, payments, shop, journal, port):
    sim.auth_delay = 0.3  # the card is tapped; authorisation takes a while
    sale = shop.new_sale(5000)
    t, box = pay_in_thread(payments, sale, 5000, shop.complete(sale, 5000))
    rid = wait_for(sim.pending_reader)
    sim.tap(VISA, rid)
    payments.cancel(sale)  # cancel_action does not stop the in-flight payment
    t.join()
    out = box["out"]
    assert out.status == "cancelled"
    # direct, the till saw the tap; relayed, the reader's news may come after the cancel (same outcome)
    assert "already been tapped" in out.message or port == "relayed"
    pi = sim.payment_intents[out.payment_intent_id]
    assert pi["status"] == "canceled" and pi["amount_received"] == 0
    assert shop.sale(sale)["status"] == "pending_payment"
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_customer_cancels_on_reader(sim, payments, shop):
    sale = shop.new_sale(5000)
    t, box = pay_in_thread(payments, sale, 5000, shop.complete(sale, 5000))
    wait_for(sim.pending_reader)
    sim.customer_cancel()
    t.join()
    assert box["out"].status == "cancelled" and "customer" in box["out"].message.lower()


@both_ports
def test_reader_time_out_is_reported(sim, payments, shop):
    sale = shop.new_sale(5000)
    t, box = pay_in_thread(payments, sale, 5000, shop.complete(sale, 5000))
    wait_for(sim.pending_reader)
    sim.time_out()
    t.join()
    assert box["out"].status == "failed" and "reader" in box["out"].message.lower()


@both_ports
def test_reader_busy(sim, payments, shop, reader_id):
    sim.set_reader_busy(reader_id)
    sale = shop.new_sale(2000)
    out = payments.pay(sale, 2000, "usd", shop.complete(sale, 2000))
    assert out.status == "failed" and out.error.kind == "reader_busy"
    assert "busy" in out.message
    sim.set_reader_busy(reader_id, False)
    sim.auto_tap(VISA, delay=0.0)
    again = payments.pay(sale, 2000, "usd", shop.complete(sale, 2000))
    assert again.paid and again.payment_intent_id == out.payment_intent_id
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_reader_offline(sim, payments, shop, reader_id, terminal):
    sim.set_reader_offline(reader_id)
    assert terminal.retrieve_reader().status == "offline"
    sale = shop.new_sale(2000)
    out = payments.pay(sale, 2000, "usd", shop.complete(sale, 2000))
    assert out.status == "failed" and out.error.kind == "reader_offline" and "offline" in out.message
    payments.abandon(sale)  # customer pays cash instead
    assert sim.payment_intents[out.payment_intent_id]["status"] == "canceled"
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_false_negative_reader_timeout(sim, payments, shop):
    sim.reader_timeout_false_negative()
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(2100)
    out = payments.pay(sale, 2100, "usd", shop.complete(sale, 2100))
    assert out.paid
    # the reader had the command: no second process_payment_intent, one PaymentIntent
    assert sim.count_requests("POST", r"process_payment_intent$") == 1
    assert len(sim.payment_intents) == 1
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_true_reader_timeout_retries_with_new_key(sim, payments, shop):
    sim.inject("POST", r"process_payment_intent$", "status", status=504)  # never reached the reader
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(2200)
    out = payments.pay(sale, 2200, "usd", shop.complete(sale, 2200))
    assert out.paid
    keys = [r["idempotency_key"] for r in sim.requests if r["path"].endswith("process_payment_intent")]
    assert keys == [f"{out.attempt_id}:process:1", f"{out.attempt_id}:process:2"]
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
@pytest.mark.parametrize(
    "path",
    [r"/v1/payment_intents$", r"process_payment_intent$", r"/capture$"],
    ids=["create", "process", "capture"],
)
def test_response_dropped_after_commit(sim, payments, shop, path):
    sim.drop_response(path)
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(2300)
    out = payments.pay(sale, 2300, "usd", shop.complete(sale, 2300))
    assert out.paid
    assert len(sim.payment_intents) == 1
    settle(payments, shop)
    check_invariants(sim, shop)


@pytest.mark.parametrize("port", ["relayed"])
@pytest.mark.parametrize(
    "path, after",
    [("/v1/card/payments", 0), ("/v1/card/intents/", 0), ("/v1/card/intents/", 1)],
    ids=["create", "process", "capture"],
)
def test_relay_answer_lost_after_the_backend_committed(sim, payments, shop, relay_backend, path, after):
    """Relayed, the same fault one hop nearer: the backend did the work (Stripe's request made, its record
    committed) and its answer to the till is lost (a 504 from a proxy in between). The till treats it as
    ambiguous, looks, and charges once."""
    fault = relay_backend.inject("after_commit", path=path, method="POST", status=504, after=after)
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(2350)
    out = payments.pay(sale, 2350, "usd", shop.complete(sale, 2350))
    assert fault.hits == 1 and (out.paid or out.status == "pending_capture"), out
    assert len(sim.payment_intents) == 1
    settle(payments, shop)
    check_invariants(sim, shop)
    assert sim.count_requests("POST", r"/capture$") == 1


@both_ports
def test_library_retry_replays_dropped_create(sim, make_terminal, journal, shop):
    terminal = make_terminal(max_network_retries=1)
    payments = CardPayments(terminal, journal, poll_interval=POLL, capture_backoff=0.01)
    sim.drop_response(r"/v1/payment_intents$")
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(2400)
    assert payments.pay(sale, 2400, "usd", shop.complete(sale, 2400)).paid
    creates = [r for r in sim.requests if r["path"] == "/v1/payment_intents" and r["method"] == "POST"]
    assert len(creates) == 2 and len({r["idempotency_key"] for r in creates}) == 1
    assert len(sim.payment_intents) == 1


@both_ports
@pytest.mark.parametrize("relay_read_timeout", [0.3])  # relayed: the backend times out
def test_read_timeout_on_create_then_recovered(sim, make_terminal, journal, shop):
    payments = CardPayments(make_terminal(read_timeout=0.3), journal, poll_interval=POLL)
    sim.read_timeout(r"/v1/payment_intents$", hang=0.5, times=2)  # both tries of the protocol time out
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(2500)
    out = payments.pay(sale, 2500, "usd", shop.complete(sale, 2500))
    assert out.status == "failed" and isinstance(out.error, TerminalUnavailable)
    assert "take cash" in out.message.lower()
    # next Pay settles the earlier attempt first: the PaymentIntent the lost answer created is reused
    again = payments.pay(sale, 2500, "usd", shop.complete(sale, 2500))
    assert again.paid and again.attempt_id == out.attempt_id
    assert len(sim.payment_intents) == 1
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_capture_fails_then_retried_until_success(sim, payments, shop, journal):
    sim.fail_with_status(r"/capture$", status=500, times=2)
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(2600)
    out = payments.pay(sale, 2600, "usd", shop.complete(sale, 2600))
    assert out.paid
    settle(payments, shop)  # relayed: the backend's captures are retried off the till's critical path
    assert sim.count_requests("POST", r"/capture$") == 3
    check_invariants(sim, shop)


@both_ports
def test_capture_keeps_failing_sale_pending_capture_then_reconciler(
    sim, payments, shop, journal, relay_backend
):
    capture_fails(sim, relay_backend, times=100)
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(2700)
    out = payments.pay(sale, 2700, "usd", shop.complete(sale, 2700))
    assert out.status == "pending_capture" and out.sale_completed and not out.paid
    assert shop.sale(sale)["status"] == "completed"
    assert journal.get(out.attempt_id).status == AUTHORIZED
    assert sim.payment_intents[out.payment_intent_id]["status"] == "requires_capture"
    sim.clear_faults()
    results = payments.reconcile(shop.recover, shop.release)
    # relayed: the reconciler hands the committed sale over; the backend captures
    assert [r.after for r in results] == [CAPTURED if relay_backend is None else AUTHORIZED]
    assert not shop.sale(sale)["recovered"]  # the sale was committed live, not recovered
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_double_click_makes_one_payment_intent(sim, payments, shop):
    sale = shop.new_sale(2800)
    t, box = pay_in_thread(payments, sale, 2800, shop.complete(sale, 2800))
    wait_for(sim.pending_reader)
    with pytest.raises(PaymentInProgress):
        payments.pay(sale, 2800, "usd", shop.complete(sale, 2800))
    sim.tap(VISA)
    t.join()
    assert box["out"].paid
    # one PaymentIntent: a create retried after a dropped connection reuses its idempotency key
    assert len(sim.payment_intents) == 1
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_split_tender_card_for_the_rest(sim, payments, shop):
    sale = shop.new_sale(5000, cash=2000)
    sim.auto_tap(DECLINE_CARDS and "4000000000000002", delay=0.0)
    failed = payments.pay(sale, 3000, "usd", shop.complete(sale, 3000))
    assert failed.status == "declined"
    assert shop.sale(sale)["status"] == "pending_payment"
    assert shop.sale(sale)["tenders"] == [{"type": "cash", "amount": 2000}]
    sim.auto_tap(VISA, delay=0.0)
    out = payments.pay(sale, 3000, "usd", shop.complete(sale, 3000))
    assert out.paid
    assert shop.sale(sale)["tenders"] == [{"type": "cash", "amount": 2000}, {"type": "card", "amount": 3000}]
    settle(payments, shop)
    assert sim.payment_intents[out.payment_intent_id]["amount_received"] == 3000
    check_invariants(sim, shop)


@both_ports
def test_switching_to_cash_cancels_reader_and_intent(sim, payments, shop, journal, reader_id):
    sale = shop.new_sale(3100)
    t, box = pay_in_thread(payments, sale, 3100, shop.complete(sale, 3100))
    wait_for(sim.pending_reader)
    payments.cancel(sale)
    t.join()
    # a declined-then-abandoned attempt: the reader is idle, the PaymentIntent is cancelled
    sale2 = shop.new_sale(3200)
    sim.auto_tap("4000000000000002", delay=0.0)
    declined = payments.pay(sale2, 3200, "usd", shop.complete(sale2, 3200))
    assert declined.status == "declined"
    out = payments.abandon(sale2, release_sale=lambda tx: tx["sales"][sale2].update(status="open"))
    assert out.status == "cancelled"
    assert sim.payment_intents[declined.payment_intent_id]["status"] == "canceled"
    assert shop.sale(sale2)["status"] == "open"
    assert (
        sim.readers[reader_id]["action"] is None
        or sim.readers[reader_id]["action"]["status"] != "in_progress"
    )
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_changed_amount_gets_a_new_payment_intent(sim, payments, shop):
    sale = shop.new_sale(3300)
    sim.auto_tap("4000000000000002", delay=0.0)
    first = payments.pay(sale, 3300, "usd", shop.complete(sale, 3300))
    shop.sale(sale)["total"] = 3400  # cashier added an item after the decline
    sim.auto_tap(VISA, delay=0.0)
    out = payments.pay(sale, 3400, "usd", shop.complete(sale, 3400))
    assert out.paid and out.payment_intent_id != first.payment_intent_id
    assert sim.payment_intents[first.payment_intent_id]["status"] == "canceled"
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_stripe_unreachable_card_off(sim, payments, shop):
    sim.stop()  # nothing listens any more
    sale = shop.new_sale(3500)
    out = payments.pay(sale, 3500, "usd", shop.complete(sale, 3500))
    assert out.status == "failed" and out.error.kind == "unavailable"
    assert out.message.startswith("Card payments are unavailable")


@both_ports
def test_interac_auto_captured(sim, make_terminal, journal, shop):
    sim.create_location("Toronto", country="CA")
    payments = CardPayments(make_terminal(country="CA"), journal, poll_interval=POLL)
    sim.auto_tap(INTERAC, delay=0.0)
    sale = shop.new_sale(4400)
    out = payments.pay(sale, 4400, "cad", shop.complete(sale, 4400))
    assert out.paid
    pi = sim.payment_intents[out.payment_intent_id]
    assert pi["payment_method_types"] == ["card_present", "interac_present"]
    assert sim.count_requests("POST", r"/capture$") == 0
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_periodic_reconciler_retries_capture_and_spares_fresh_declines(
    sim, payments, shop, journal, relay_backend
):
    capture_fails(sim, relay_backend)  # every try of the live run fails
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(2900)
    pending = payments.pay(sale, 2900, "usd", shop.complete(sale, 2900))
    assert pending.status == "pending_capture"
    sale2 = shop.new_sale(3900)
    sim.auto_tap("4000000000000002", delay=0.0)
    declined = payments.pay(sale2, 3900, "usd", shop.complete(sale2, 3900))
    assert declined.status == "declined"
    stop = threading.Event()
    seen: list = []
    t = threading.Thread(
        target=payments.run_reconciler,
        args=(stop, shop.recover, shop.release),
        kwargs={"interval": 0.01, "min_age": 60.0, "on_settled": seen.append},
    )
    t.start()
    wait_for(
        lambda: journal.get(pending.attempt_id).status == CAPTURED, timeout=30
    )  # relayed: backend retries
    stop.set()
    t.join()
    assert sim.payment_intents[pending.payment_intent_id]["status"] == "succeeded"
    # the fresh decline was left for the cashier to retry
    assert journal.get(declined.attempt_id).status == PI_CREATED
    assert sim.payment_intents[declined.payment_intent_id]["status"] == "requires_payment_method"
    assert seen and seen[0][0].attempt_id == pending.attempt_id


@both_ports
def test_stripe_lost_midway_then_next_pay_settles(sim, terminal, journal, shop, relay_backend):
    """The reader took the card, then Stripe (relayed: the backend) became unreachable for the polls: no
    exception escapes, the attempt stays open, and the next Pay finds the authorisation instead of
    charging again."""
    payments = CardPayments(terminal, journal, poll_interval=POLL, authorization_timeout=0.3)
    sale = shop.new_sale(4100)
    t, box = pay_in_thread(payments, sale, 4100, shop.complete(sale, 4100))
    wait_for(sim.pending_reader)
    reads_fail(sim, relay_backend)
    sim.tap(VISA)
    t.join()
    out = box["out"]
    assert out.status == "failed" and out.error.kind == "unavailable"
    assert shop.sale(sale)["status"] == "pending_payment"
    reads_back(sim, relay_backend)
    again = payments.pay(sale, 4100, "usd", shop.complete(sale, 4100))
    assert again.paid and again.payment_intent_id == out.payment_intent_id
    assert len(sim.payment_intents) == 1
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
@pytest.mark.parametrize("relay_read_timeout", [0.3])  # relayed: the backend times out
def test_read_timeout_on_process_reader_got_it(sim, make_terminal, journal, shop):
    """process_payment_intent executed but the answer came too late: the protocol reads the reader,
    sees its own action, and waits for the card instead of sending the command again."""
    payments = CardPayments(make_terminal(read_timeout=0.3), journal, poll_interval=POLL)
    sim.read_timeout(r"process_payment_intent$", hang=0.5)
    sale = shop.new_sale(4200)
    t, box = pay_in_thread(payments, sale, 4200, shop.complete(sale, 4200))
    wait_for(lambda: sim.count_requests("GET", r"/v1/terminal/readers/") >= 1)
    sim.tap(VISA)
    t.join()
    assert box["out"].paid
    assert sim.count_requests("POST", r"process_payment_intent$") == 1
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_nobody_taps_authorisation_timeout_cancels(sim, terminal, journal, shop):
    payments = CardPayments(terminal, journal, poll_interval=POLL, authorization_timeout=0.2)
    sale = shop.new_sale(4300)
    out = payments.pay(sale, 4300, "usd", shop.complete(sale, 4300))
    assert out.status == "cancelled"
    assert sim.payment_intents[out.payment_intent_id]["status"] == "canceled"
    assert sim.pending_reader() is None
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_reader_action_cleared_elsewhere(sim, payments, shop, journal, reader_id, relay_backend):
    """Someone stops the reader outside the till (its own menu, another program): the PaymentIntent
    decides, and the cashier may press Pay again. (Relayed: Stripe sends no event for a cleared action,
    so the backend still shows the reader waiting; the till cancels at its authorisation time-out.)"""
    import stripe

    from tests.payments.conftest import API_KEY

    sale = shop.new_sale(4400)
    t, box = pay_in_thread(payments, sale, 4400, shop.complete(sale, 4400))
    wait_for(sim.pending_reader)
    stripe.StripeClient(API_KEY, base_addresses={"api": sim.url}).v1.terminal.readers.cancel_action(reader_id)
    t.join()
    if relay_backend is None:
        assert box["out"].status == "failed" and "Press Pay" in box["out"].message, box["out"]
    else:
        assert box["out"].status == "cancelled" and box["out"].message == "Card payment cancelled.", box[
            "out"
        ]
    assert sim.payment_intents[box["out"].payment_intent_id]["amount_received"] == 0
    sim.auto_tap(VISA, delay=0.0)
    assert payments.pay(sale, 4400, "usd", shop.complete(sale, 4400)).paid
    settle(payments, shop)
    check_invariants(sim, shop)


@pytest.mark.parametrize("point", ["after_intent_commit", "after_pi_id_commit"])
@both_ports
def test_cancel_before_the_reader_is_asked(sim, terminal, journal, shop, point):
    holder: dict = {}

    def hook(name: str) -> None:
        if name == point:
            holder["p"].cancel(holder["sale"])

    payments = CardPayments(terminal, journal, poll_interval=POLL, crashpoint=hook)
    holder.update(p=payments, sale=shop.new_sale(4500))
    out = payments.pay(holder["sale"], 4500, "usd", shop.complete(holder["sale"], 4500))
    assert out.status == "cancelled"
    assert sim.count_requests("POST", r"process_payment_intent$") == 0
    assert all(pi["status"] == "canceled" for pi in sim.payment_intents.values())
    assert journal.get(out.attempt_id).status == CANCELED
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_revoked_key_fails_cleanly(sim, payments, shop, journal):
    from tests.payments.conftest import API_KEY

    sim.revoke_key(API_KEY)
    sale = shop.new_sale(4600)
    out = payments.pay(sale, 4600, "usd", shop.complete(sale, 4600))
    assert out.status == "failed" and out.error.kind == "auth" and "manager" in out.message
    assert journal.get(out.attempt_id).final and sim.payment_intents == {}


@both_ports
def test_payment_intent_unreadable_after_tap_then_next_pay(sim, payments, shop, relay_backend):
    sim.auto_tap(VISA, delay=0.0)
    if relay_backend is None:
        sim.fail_with_status(r"/v1/payment_intents/pi_", status=503, times=10_000, method="GET")
    else:  # the till reads the PaymentIntent from the backend
        relay_backend.inject("status", path="/v1/card/intents/", method="GET", status=503, times=10_000)
    sale = shop.new_sale(4700)
    out = payments.pay(sale, 4700, "usd", shop.complete(sale, 4700))
    assert out.status == "failed" and out.error.kind == "unavailable" and out.attempt_id
    assert shop.sale(sale)["status"] == "pending_payment"
    reads_back(sim, relay_backend)
    again = payments.pay(sale, 4700, "usd", shop.complete(sale, 4700))
    assert again.paid and again.attempt_id == out.attempt_id
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_authorisation_cancelled_after_sale_is_flagged_for_manager(
    sim, payments, shop, journal, relay_backend
):
    capture_fails(sim, relay_backend)
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(4800)
    out = payments.pay(sale, 4800, "usd", shop.complete(sale, 4800))
    assert out.status == "pending_capture"
    if relay_backend is None:
        sim.payment_intents[out.payment_intent_id]["status"] = "canceled"  # the hold expired at the bank
    else:  # the backend hears of it by webhook: cancel it at Stripe (the simulator sends the event)
        import stripe

        from tests.payments.conftest import API_KEY

        client = stripe.StripeClient(API_KEY, base_addresses={"api": sim.url})
        client.v1.payment_intents.cancel(out.payment_intent_id)
        wait_for(
            lambda: payments.terminal.retrieve_payment_intent(out.payment_intent_id).status == "canceled"
        )
    results = payments.reconcile(shop.recover, shop.release)
    assert results[0].after == "failed" and "manager" in results[0].note
    attempt = journal.get(out.attempt_id)
    assert attempt.recovered and attempt.last_error == "authorization_canceled_after_sale"
    assert attempt in journal.recovered()


@both_ports
def test_reconcile_attempt_whose_intent_was_cancelled_elsewhere(sim, payments, shop, journal):
    sim.auto_tap("4000000000000002", delay=0.0)
    sale = shop.new_sale(4900)
    out = payments.pay(sale, 4900, "usd", shop.complete(sale, 4900))
    sim.payment_intents[out.payment_intent_id]["status"] = "canceled"
    results = payments.reconcile(shop.recover, shop.release)
    assert [r.after for r in results] == ["failed"]
    assert shop.sale(sale)["status"] == "open"
    settle(payments, shop)
    check_invariants(sim, shop)


@both_ports
def test_abandon_rules(sim, payments, shop):
    sale = shop.new_sale(5100)
    assert payments.abandon(sale) is None  # nothing to abandon
    t, box = pay_in_thread(payments, sale, 5100, shop.complete(sale, 5100))
    wait_for(sim.pending_reader)
    with pytest.raises(PaymentInProgress):
        payments.abandon(sale)
    payments.cancel(sale)
    t.join()
    assert box["out"].status == "cancelled"
    assert not payments.cancel("no-such-sale")
