"""Card payments relayed by the backend (backend/card_relay.py + hardware/stripe_terminal/relay.py): the till
holds no Stripe key, outcomes come by signed webhooks over the till's channel, the backend captures, and
the protocol's guarantees hold across lost/duplicated/reordered webhooks, a dropped channel and crashes."""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from backend.card_relay import RelayConfig
from backend.limits import Limits, Rate
from backend.server import BackendHandle, start_backend
from backend.stripe_budget import BudgetLimits
from hardware.stripe_sim import INTERAC, StripeSimulator
from hardware.stripe_sim.webhooks import sign
from hardware.stripe_terminal.driver import StripeTerminal
from hardware.stripe_terminal.relay import RELAY_BUSY_MESSAGE, RELAY_DOWN_MESSAGE, RelayedTerminal
from pos.payment import (
    CardPayments,
    MemoryPaymentJournal,
    PaymentRejected,
    SimulatedCrash,
    TerminalUnavailable,
)
from tests.backend.engines import fresh_database
from tests.payments.conftest import Shop, check_invariants, settle
from tests.support.waiting import wait_for

CHAIN_KEY = "sk_test_chain"
POLL = 0.02


class Chain:
    """A simulator with webhooks to a backend that relays card payments, and tills on it."""

    def __init__(self, sim: StripeSimulator, database: str, tmp: Path) -> None:
        self.sim = sim
        self.database = database
        self.secret = "whsec_" + secrets.token_hex(16)
        self.location = sim.create_location("Main street")
        self.reader = sim.register_reader("simulated-wpe", self.location)
        self.config = RelayConfig(
            CHAIN_KEY, self.secret, api_base=sim.url, reconcile_interval=0.2, stale_after=60.0
        )
        self.limits: Limits | None = None  # the backend's rate limits (None: the shipped ones)
        self.backend = self.start()
        sim.add_webhook_endpoint(self.url + "/v1/stripe/webhooks", self.secret)
        self.token = self.backend.register_device("T1")
        self.terminals: list[RelayedTerminal] = []

    def start(self, port: int = 0) -> BackendHandle:
        handle = start_backend(self.database, port=port, cards=self.config, limits=self.limits)
        self.url = handle.url
        return handle

    def restart(self) -> None:
        """The backend killed and started again on its database (same address: Stripe's webhooks too)."""
        port = int(self.url.rsplit(":", 1)[1])
        self.backend.stop()
        self.backend = self.start(port)

    def terminal(self, **kw: Any) -> RelayedTerminal:
        t = RelayedTerminal(
            backend_url=self.url, token=self.token, reader_id=self.reader, poll_interval=POLL, **kw
        )
        self.terminals.append(t)
        return t

    def payments(self, terminal: RelayedTerminal, journal: MemoryPaymentJournal, **kw: Any) -> CardPayments:
        kw.setdefault("authorization_timeout", 10.0)
        return CardPayments(terminal, journal, poll_interval=POLL, capture_backoff=0.01, **kw)

    def settle(self, payments: CardPayments, shop: Shop, timeout: float = 10.0) -> None:
        """Wait until the backend captured what it was handed, then let the till's reconciler close it."""
        settle(payments, shop, timeout)

    def stripe_requests(self, since: int = 0) -> list[tuple[str, str, str | None]]:
        return [(r["method"], r["path"], r.get("idempotency_key")) for r in self.sim.requests[since:]]

    def close(self) -> None:
        self.backend.stop()  # ends the tills' long polls at once
        for t in self.terminals:
            t.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def chain(request, tmp_path) -> Iterator[Chain]:
    sim = StripeSimulator(api_keys=(CHAIN_KEY,), webhook_retry=(0.05, 0.2, 5.0)).start()
    try:
        with fresh_database(request.param, tmp_path) as url:
            c = Chain(sim, url, tmp_path)
            try:
                yield c
            finally:
                c.close()
    finally:
        sim.stop()


@pytest.fixture
def journal() -> MemoryPaymentJournal:
    j = MemoryPaymentJournal()
    j.data = {"sales": {}, "outbox": []}
    return j


def _tap_when_waiting(
    sim: StripeSimulator, reader: str, card: str = "4242424242424242", *, after: float = 0.0
) -> threading.Thread:
    """The customer taps once the reader waits for a card, however long the till takes to get there (it
    used to give up after 10 s: under load the card was never tapped, and the till, having waited its own
    10 s, cancelled). Ends with the simulator."""

    def run() -> None:
        while not sim._stopping.is_set():
            if sim.pending_reader() == reader:
                if after:
                    time.sleep(after)
                sim.tap(card, reader)
                return
            sim._stopping.wait(0.01)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def test_a_relayed_payment_takes_two_stripe_requests_on_the_critical_path_and_no_polling(chain, journal):
    shop = Shop(journal)
    payments = chain.payments(chain.terminal(), journal)
    sale = shop.new_sale(1250)
    before = len(chain.sim.requests)
    _tap_when_waiting(chain.sim, chain.reader)
    out = payments.pay(sale, 1250, "usd", shop.complete(sale, 1250))
    assert (out.status, out.paid) == ("authorized", True)
    critical = [(m, p) for m, p, _ in chain.stripe_requests(before) if p != "/v1/events"]  # background
    assert critical == [
        ("POST", "/v1/payment_intents"),
        ("POST", f"/v1/terminal/readers/{chain.reader}/process_payment_intent"),
    ]
    chain.settle(payments, shop)
    assert chain.sim.payment_intents[out.payment_intent_id]["status"] == "succeeded"
    # no GET of a PaymentIntent or a reader for this payment, ever (reconciliation reads the events list)
    reads = [p for m, p, _ in chain.stripe_requests(before) if m == "GET" and p != "/v1/events"]
    assert reads == []
    check_invariants(chain.sim, shop)


def test_the_till_holds_no_stripe_key_and_the_backend_refuses_other_tills(chain, journal):
    t = chain.terminal()
    assert CHAIN_KEY not in repr(vars(t))
    other = chain.backend.register_device("T2")
    shop = Shop(journal)
    payments = chain.payments(t, journal)
    sale = shop.new_sale(700)
    _tap_when_waiting(chain.sim, chain.reader)
    out = payments.pay(sale, 700, "usd", shop.complete(sale, 700))
    r = requests.get(
        f"{chain.url}/v1/card/intents/{out.payment_intent_id}",
        headers={"Authorization": f"Bearer {other}"},
        timeout=5,
    )
    assert r.status_code == 404  # another till cannot read (or capture) this till's payment
    for method, path in (
        ("GET", f"/v1/card/readers/{chain.reader}"),
        ("POST", f"/v1/card/readers/{chain.reader}/cancel-action"),
    ):
        r = requests.request(
            method, chain.url + path, headers={"Authorization": f"Bearer {other}"}, timeout=5
        )
        assert r.status_code == 404  # nor read or stop this till's reader


def _event(pi: dict[str, Any], typ: str = "payment_intent.succeeded", n: int = 1) -> dict[str, Any]:
    return {
        "id": f"evt_test_{secrets.token_hex(6)}_{n}",
        "object": "event",
        "type": typ,
        "created": int(time.time()),
        "data": {"object": pi},
        "livemode": False,
        "api_version": "2026-10-28.endive",
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
    }


def _post(chain: Chain, body: bytes, signature: str) -> requests.Response:
    return requests.post(
        f"{chain.url}/v1/stripe/webhooks",
        data=body,
        headers={"Stripe-Signature": signature, "Content-Type": "application/json"},
        timeout=5,
    )


def test_forged_and_replayed_signatures_are_refused_duplicates_are_applied_once(chain):
    body = json.dumps(_event({"id": "pi_x", "object": "payment_intent", "status": "succeeded"})).encode()
    now = int(time.time())
    assert _post(chain, body, sign(body, "whsec_forged", now)).status_code == 401
    assert _post(chain, body + b" ", sign(body, chain.secret, now)).status_code == 401  # body altered
    # a request recorded long ago and sent again: its timestamp is outside Stripe's 5-minute tolerance
    assert _post(chain, body, sign(body, chain.secret, now - 3600)).status_code == 401
    first = _post(chain, body, sign(body, chain.secret, now))
    assert first.status_code == 200 and first.json() == {"received": True, "duplicate": False}
    again = _post(chain, body, sign(body, chain.secret, now + 1))
    assert again.status_code == 200 and again.json()["duplicate"] is True


def test_events_out_of_order_never_take_a_payment_back(chain, journal):
    shop = Shop(journal)
    payments = chain.payments(chain.terminal(), journal)
    sale = shop.new_sale(990)
    chain.sim.webhooks.hold()
    _tap_when_waiting(chain.sim, chain.reader)
    result: list[Any] = []
    worker = threading.Thread(
        target=lambda: result.append(payments.pay(sale, 990, "usd", shop.complete(sale, 990)))
    )
    worker.start()
    time.sleep(0.8)
    assert chain.sim.webhooks.release("reverse") > 0  # newest first: the authorisation before the creation
    worker.join(15)
    assert result and result[0].status == "authorized"
    chain.settle(payments, shop)
    r = requests.get(
        f"{chain.url}/v1/card/intents/{result[0].payment_intent_id}",
        headers={"Authorization": f"Bearer {chain.token}"},
        timeout=5,
    )
    assert r.json()["status"] == "succeeded"
    check_invariants(chain.sim, shop)


def test_the_creation_heard_after_processing_never_takes_the_payment_back(chain):
    """Stripe's events come in any order and ``created`` counts whole seconds: the PaymentIntent's
    creation event delivered after ``payment_intent.processing`` of the same second is older news and
    must not make the backend say 'waiting for a card' (the gate would then cancel a payment Stripe is
    processing). A failure in the same second does take it back: that is newer news. (Bug found by this
    test: the late creation event replaced 'processing'.)"""
    t = chain.terminal()
    pi = t.create_payment_intent(
        amount=1100,
        currency="usd",
        sale_uuid="sale-late",
        attempt_id="att-late",
        idempotency_key="att-late:c",
    )
    wait_for(chain.sim.webhooks.idle)
    obj = dict(chain.sim.payment_intents[pi.id])
    now = int(time.time())

    def deliver(typ: str, status: str, n: int) -> None:
        event = dict(_event(dict(obj, status=status), typ, n), created=now)
        body = json.dumps(event).encode()
        r = _post(chain, body, sign(body, chain.secret, now))
        assert r.status_code == 200 and r.json()["duplicate"] is False

    deliver("payment_intent.processing", "processing", 1)
    assert t.retrieve_payment_intent(pi.id).status == "processing"
    deliver("payment_intent.created", "requires_payment_method", 2)
    assert t.retrieve_payment_intent(pi.id).status == "processing"
    deliver("payment_intent.payment_failed", "requires_payment_method", 3)
    assert t.retrieve_payment_intent(pi.id).status == "requires_payment_method"


def test_lost_webhooks_are_found_by_the_backends_reconciliation(chain, journal):
    shop = Shop(journal)
    payments = chain.payments(chain.terminal(), journal)
    chain.sim.webhooks.fail_next(1000)  # nothing reaches the backend
    sale = shop.new_sale(4200)
    _tap_when_waiting(chain.sim, chain.reader)
    started = time.monotonic()
    out = payments.pay(sale, 4200, "usd", shop.complete(sale, 4200))
    assert out.status == "authorized"
    assert time.monotonic() - started < 5.0  # found within seconds
    listed = [p for m, p, _ in chain.stripe_requests() if m == "GET"]
    assert set(listed) == {"/v1/events"}  # by the events list, never a read per payment
    chain.settle(payments, shop)
    check_invariants(chain.sim, shop)


def test_the_tills_channel_dropped_mid_payment_resumes(chain, journal):
    shop = Shop(journal)
    t = chain.terminal()
    payments = chain.payments(t, journal)
    wait_for(lambda: t.channel_up)
    chain.backend.inject("status", path="/v1/card/changes", times=3, status=503)
    sale = shop.new_sale(1500)
    _tap_when_waiting(chain.sim, chain.reader)
    out = payments.pay(sale, 1500, "usd", shop.complete(sale, 1500))
    assert out.status == "authorized"
    wait_for(lambda: t.channel_up)  # resumed after the drop
    chain.settle(payments, shop)
    check_invariants(chain.sim, shop)


def test_the_tills_channel_comes_back_when_the_busy_backend_says(chain, journal):
    """A backend over its limits answers the channel 429 with Retry-After: the channel waits that long
    before asking again (every till of a store asking again at once would keep the backend busy), then
    resumes."""
    t = chain.terminal(channel_wait=0.2)
    wait_for(lambda: t.channel_up)
    fault = chain.backend.inject("status", path="/v1/card/changes", times=1, status=429, retry_after=2)
    wait_for(lambda: fault.hits == 1)
    hit = time.monotonic()
    wait_for(lambda: not t.channel_up)  # the till heard the 429
    assert t.outage(after=0.0) is None  # busy is not gone: card payments wait their turn, they are not off
    asked = sum(1 for _m, p, _q in chain.backend.request_log if p == "/v1/card/changes")
    wait_for(lambda: t.channel_up, timeout=10.0)
    assert time.monotonic() - hit >= 1.8  # not the 0.1 s of its own backoff
    later = [p for _m, p, _q in chain.backend.request_log if p == "/v1/card/changes"]
    assert len(later) > asked  # it did come back


def test_the_channel_knows_at_once_that_the_backend_is_gone_and_back(chain, journal):
    """The till's status bar need not wait for its next reader probe: the channel says the backend has
    stopped answering (the card tender goes off with the reason) and that it answers again."""
    t = chain.terminal(channel_wait=0.2)
    wait_for(lambda: t.channel_up)
    assert t.outage(after=0.0) is None
    first_up = t.up_since
    port = int(chain.url.rsplit(":", 1)[1])
    chain.backend.stop()
    assert wait_for(lambda: t.outage(after=0.5), timeout=10) == RELAY_DOWN_MESSAGE
    gone = time.monotonic()
    chain.backend = chain.start(port)
    wait_for(lambda: t.channel_up and t.outage(after=0.0) is None, timeout=15)
    assert first_up is not None and t.up_since > gone  # when it came back: a stale probe is asked again


def test_a_backend_answering_again_ends_the_outage_before_the_channel_s_long_poll_returns(chain, journal):
    """The channel's first long poll after the backend came back answers only when it ends (20 s): the
    till's next request that the backend answers (the status bar's reader probe) ends the outage.
    (Bug found by hand: the card tender stayed off 20 s after the backend was back.)"""
    t = chain.terminal()  # the default long poll: 20 s
    wait_for(lambda: t.channel_up)
    port = int(chain.url.rsplit(":", 1)[1])
    chain.backend.stop()
    assert wait_for(lambda: t.outage(after=0.5), timeout=10) == RELAY_DOWN_MESSAGE
    chain.backend = chain.start(port)

    def probed() -> bool:
        try:
            return t.retrieve_reader() is not None
        except TerminalUnavailable:
            return False

    wait_for(probed, timeout=10)
    assert t.outage(after=0.0) is None


def test_a_declined_card_then_a_good_one_on_the_same_sale(chain, journal):
    shop = Shop(journal)
    payments = chain.payments(chain.terminal(), journal)
    sale = shop.new_sale(2000)
    _tap_when_waiting(chain.sim, chain.reader, "4000000000000002")
    first = payments.pay(sale, 2000, "usd", shop.complete(sale, 2000))
    assert first.status == "declined" and not first.paid
    _tap_when_waiting(chain.sim, chain.reader)
    second = payments.pay(sale, 2000, "usd", shop.complete(sale, 2000))
    assert second.status == "authorized"
    chain.settle(payments, shop)
    check_invariants(chain.sim, shop)


def test_the_till_killed_after_the_authorisation_is_recovered_and_captured_once(chain, journal):
    shop = Shop(journal)

    def crash(point: str) -> None:
        if point == "after_authorized_observed":
            raise SimulatedCrash(point)

    sale = shop.new_sale(3100)
    _tap_when_waiting(chain.sim, chain.reader)
    with pytest.raises(SimulatedCrash):
        chain.payments(chain.terminal(), journal, crashpoint=crash).pay(
            sale, 3100, "usd", shop.complete(sale, 3100)
        )
    (pi,) = chain.sim.payment_intents.values()
    assert pi["status"] == "requires_capture"  # the backend never captures a sale it was not handed
    time.sleep(0.5)
    assert chain.sim.payment_intents[pi["id"]]["status"] == "requires_capture"
    restarted = chain.payments(chain.terminal(), journal)  # the till starts again: its reconciler
    chain.settle(restarted, shop)
    assert shop.sale(sale)["recovered"] is True
    check_invariants(chain.sim, shop)


def test_the_backend_killed_before_the_capture_captures_after_its_restart(chain, journal):
    shop = Shop(journal)
    chain.backend.backend.card_relay.stop()  # its capture worker dies with it
    payments = chain.payments(chain.terminal(), journal)
    sale = shop.new_sale(2600)
    _tap_when_waiting(chain.sim, chain.reader)
    out = payments.pay(sale, 2600, "usd", shop.complete(sale, 2600))
    assert out.status == "authorized"
    assert chain.sim.payment_intents[out.payment_intent_id]["status"] == "requires_capture"
    chain.restart()
    chain.settle(chain.payments(chain.terminal(), journal), shop)
    captures = [k for m, p, k in chain.stripe_requests() if p.endswith("/capture")]
    assert len(captures) == 1
    check_invariants(chain.sim, shop)


def test_the_backend_killed_between_create_and_process_charges_nothing_twice(chain, journal):
    shop = Shop(journal)
    sale = shop.new_sale(1800)

    def crash(point: str) -> None:
        if point == "after_pi_id_commit":
            raise SimulatedCrash(point)

    with pytest.raises(SimulatedCrash):
        chain.payments(chain.terminal(), journal, crashpoint=crash).pay(
            sale, 1800, "usd", shop.complete(sale, 1800)
        )
    chain.restart()
    _tap_when_waiting(chain.sim, chain.reader)
    out = chain.payments(chain.terminal(), journal).pay(sale, 1800, "usd", shop.complete(sale, 1800))
    assert out.status == "authorized"
    assert len(chain.sim.payment_intents) == 1  # the same PaymentIntent was driven on, none made again
    chain.settle(chain.payments(chain.terminal(), journal), shop)
    check_invariants(chain.sim, shop)


def test_the_backend_restarted_while_the_reader_waits_for_the_card(chain, journal):
    """The backend stops while the customer is at the reader and comes back: the till's channel drops and
    resumes, the tap's webhook reaches the restarted backend (Stripe retries it, or the reconciliation
    lists it), the sale completes and is captured once."""
    shop = Shop(journal)
    t = chain.terminal()
    payments = chain.payments(t, journal, authorization_timeout=30.0)
    sale = shop.new_sale(3100)
    box: dict[str, Any] = {}
    paying = threading.Thread(
        target=lambda: box.update(out=payments.pay(sale, 3100, "usd", shop.complete(sale, 3100)))
    )
    paying.start()
    deadline = time.monotonic() + 10
    while chain.sim.pending_reader() is None:
        assert time.monotonic() < deadline, "the reader never waited for the card"
        time.sleep(0.01)
    port = int(chain.url.rsplit(":", 1)[1])
    chain.backend.stop()
    chain.sim.tap("4242424242424242", chain.reader)  # while the backend is away: its webhook fails
    chain.backend = chain.start(port)
    paying.join(30)
    assert box["out"].status == "authorized", box["out"]
    chain.settle(chain.payments(chain.terminal(), journal), shop)
    assert len([p for _m, p, _k in chain.stripe_requests() if p.endswith("/capture")]) == 1
    check_invariants(chain.sim, shop)


def test_the_relay_down_the_card_fails_with_a_clear_message_and_nothing_is_charged(chain, journal):
    shop = Shop(journal)
    payments = chain.payments(chain.terminal(), journal)
    chain.backend.stop()
    sale = shop.new_sale(800)
    out = payments.pay(sale, 800, "usd", shop.complete(sale, 800))
    assert not out.paid and out.message == RELAY_DOWN_MESSAGE
    assert chain.sim.payment_intents == {}
    chain.backend = chain.start(int(chain.url.rsplit(":", 1)[1]))
    settled = payments.settle_before_other_tender(sale, shop.recover, shop.release)
    assert settled is not None and settled.other_tender_allowed  # cash may be taken now


def test_a_till_over_its_request_limit_waits_its_turn_and_the_payment_goes_through(chain, journal):
    # the backend's per-device limit (issue 22) answers 429 + Retry-After to a till paying fast: the relay
    # waits its turn, as the backend asks, instead of telling the cashier "no connection" or "not confirmed"
    chain.limits = Limits(device=Rate(per_s=4.0, burst=3), lookup=None)
    chain.restart()
    shop = Shop(journal)
    terminal = chain.terminal()
    payments = chain.payments(terminal, journal)
    for amount in (700, 800):
        sale = shop.new_sale(amount)
        _tap_when_waiting(chain.sim, chain.reader)
        out = payments.pay(sale, amount, "usd", shop.complete(sale, amount))
        assert (out.status, out.paid) == ("authorized", True), out.message
    assert terminal.turns_waited > 0  # the limit was met, and waited out
    chain.settle(payments, shop, timeout=30.0)
    check_invariants(chain.sim, shop)


def test_a_till_whose_turn_does_not_come_is_told_the_service_is_busy(chain, journal):
    chain.limits = Limits(device=Rate(per_s=0.01, burst=1), lookup=None)
    chain.restart()
    shop = Shop(journal)
    terminal = chain.terminal(busy_wait=1.5)  # its channel takes the one request the device may make
    sale = shop.new_sale(700)
    out = chain.payments(terminal, journal).pay(sale, 700, "usd", shop.complete(sale, 700))
    assert not out.paid and out.message == RELAY_BUSY_MESSAGE
    assert terminal.turns_waited == 0  # Retry-After beyond busy_wait: said at once, not waited for
    # the card was not charged (whether the create or the process was the request refused)
    assert all(
        pi["status"].startswith("requires_") and pi["status"] != "requires_capture"
        for pi in chain.sim.payment_intents.values()
    )


def test_a_refund_goes_through_the_backend(chain, journal):
    shop = Shop(journal)
    t = chain.terminal()
    payments = chain.payments(t, journal)
    sale = shop.new_sale(5000)
    _tap_when_waiting(chain.sim, chain.reader)
    out = payments.pay(sale, 5000, "usd", shop.complete(sale, 5000))
    assert out.status == "authorized", out
    chain.settle(payments, shop)
    refund = t.refund(out.payment_intent_id, 1200, idempotency_key="r1")
    again = t.refund(out.payment_intent_id, 1200, idempotency_key="r1")
    assert (refund.amount, refund.status, again.id) == (1200, "succeeded", refund.id)
    assert sum(r["amount"] for r in chain.sim.refunds.values()) == 1200
    # the till's close-out reads what the backend knows: captured, refunded, the card's brand
    (paid,) = t.payments_since(0, {out.attempt_id})
    assert (paid.payment_intent, paid.status, paid.amount_received, paid.amount_refunded) == (
        out.payment_intent_id,
        "succeeded",
        5000,
        1200,
    )
    # exactly what the direct driver reads from Stripe itself
    direct = StripeTerminal(reader_id=chain.reader, api_base=chain.sim.url, api_key=CHAIN_KEY)
    try:
        assert direct.payments_since(0, {out.attempt_id}) == [paid]
    finally:
        direct.close()


def _paid(chain, journal, amount: int) -> tuple[RelayedTerminal, Any]:
    shop = Shop(journal)
    t = chain.terminal()
    payments = chain.payments(t, journal)
    sale = shop.new_sale(amount)
    _tap_when_waiting(chain.sim, chain.reader)
    out = payments.pay(sale, amount, "usd", shop.complete(sale, amount))
    assert out.paid, out
    chain.settle(payments, shop)
    assert chain.sim.payment_intents[out.payment_intent_id]["status"] == "succeeded"
    return t, out


def test_a_refund_attempt_answers_the_same_refund_after_stripes_24_hours_without_a_stripe_request(
    chain, journal
):
    from backend.stripe_budget import REFUND

    t, out = _paid(chain, journal, 4000)
    budget = chain.backend.backend.card_relay.budget
    taken: list[tuple[str, int]] = []
    acquire = budget.acquire
    budget.acquire = lambda endpoint, priority: (
        taken.append((endpoint, priority)),
        acquire(endpoint, priority),
    )[1]
    first = t.refund(out.payment_intent_id, 1000, idempotency_key="ret-1:refund:0", metadata={"step": "0"})
    # within the chain's budget, at a refund's priority (behind a waiting customer's create and process)
    mine = [x for x in taken if x[0] != "GET /v1/events"]  # (the reconciliation loop's, meanwhile)
    assert mine == [("POST /v1/refunds", REFUND), ("GET /v1/payment_intents/{id}", REFUND)]
    chain.sim.advance(2 * 86400)  # Stripe forgot the key: only the backend's record stands between
    before = len(chain.sim.requests)
    again = t.refund(out.payment_intent_id, 1000, idempotency_key="ret-1:refund:0", metadata={"step": "0"})
    assert again.id == first.id
    # no Stripe request for it (the backend's reconciliation loop reads the events list meanwhile)
    assert [p for _, p, _ in chain.stripe_requests(before) if p != "/v1/events"] == []
    assert sum(r["amount"] for r in chain.sim.refunds.values()) == 1000  # refunded once
    assert first.metadata["step"] == "0"  # the till's metadata is kept on Stripe's Refund
    # the same attempt for another amount is refused, nothing refunded
    with pytest.raises(PaymentRejected) as e:
        t.refund(out.payment_intent_id, 999, idempotency_key="ret-1:refund:0")
    assert e.value.code == "idempotency_error"
    assert [r.id for r in t.refunds_for(out.payment_intent_id)] == [first.id]


def test_a_refund_whose_answer_the_backend_lost_is_found_not_made_again(chain, journal, monkeypatch):
    from backend.card_relay import CardRelay

    t, out = _paid(chain, journal, 3000)
    keep = CardRelay._keep_refund
    crashed: list[str] = []

    def dies_once(self, till_id, key, refund):
        if not crashed:
            crashed.append(refund["id"])
            raise RuntimeError("the backend stopped after Stripe's answer")
        return keep(self, till_id, key, refund)

    monkeypatch.setattr(CardRelay, "_keep_refund", dies_once)
    with pytest.raises(TerminalUnavailable) as e:
        t.refund(out.payment_intent_id, 700, idempotency_key="void-1", metadata={"return_uuid": "r1"})
    assert e.value.ambiguous  # the till cannot know: it asks again, or looks
    chain.sim.advance(2 * 86400)  # beyond Stripe's idempotency: the backend must find it by itself
    # the till looks first (app/refunds.py does): the backend finds the lost answer at Stripe
    (found,) = t.refunds_for(out.payment_intent_id)
    assert (found.id, found.amount, found.metadata["return_uuid"]) == (crashed[0], 700, "r1")
    assert t.refund(out.payment_intent_id, 700, idempotency_key="void-1").id == crashed[0]
    # and a second attempt lost the same way is found by asking again, not refunded twice
    crashed.clear()
    with pytest.raises(TerminalUnavailable):
        t.refund(out.payment_intent_id, 500, idempotency_key="void-2")
    chain.sim.advance(2 * 86400)
    assert t.refund(out.payment_intent_id, 500, idempotency_key="void-2").id == crashed[0]
    assert sorted(r["amount"] for r in chain.sim.refunds.values()) == [500, 700]


def test_the_relayed_refunds_of_a_payment_are_stripes(chain, journal):
    t, out = _paid(chain, journal, 5000)
    r1 = t.refund(out.payment_intent_id, 1000, idempotency_key="a", metadata={"step": "1"})
    r2 = t.refund(out.payment_intent_id, 2000, idempotency_key="b")
    other = chain.terminal()  # a return is taken at any till of the chain
    assert {r.id for r in other.refunds_for(out.payment_intent_id)} == {r1.id, r2.id}
    direct = StripeTerminal(reader_id=chain.reader, api_base=chain.sim.url, api_key=CHAIN_KEY)
    try:
        at_stripe = sorted(direct.refunds_for(out.payment_intent_id), key=lambda r: r.id)
        # what the direct driver reads, but for the backend's own note of the attempt it made each for
        assert {k for r in at_stripe for k in r.metadata} == {"step", "omo_refund_key", "omo_till"}
        for r in at_stripe:
            r.metadata.pop("omo_refund_key"), r.metadata.pop("omo_till")
        assert at_stripe == sorted(t.refunds_for(out.payment_intent_id), key=lambda r: r.id)
        # a payment not taken through the backend (an online order's): Stripe's answer, as direct
        assert t.refunds_for("pi_unknown") == direct.refunds_for("pi_unknown")
    finally:
        direct.close()
    bad = requests.post(
        f"{chain.url}/v1/card/refunds",
        json={
            "payment_intent": out.payment_intent_id,
            "amount": 1,
            "idempotency_key": "c",
            "metadata": {"omo_refund_key": "x"},
        },
        headers={"Authorization": f"Bearer {chain.token}"},
        timeout=5,
    )
    assert bad.status_code == 400  # the relay's own metadata is not the till's to set


def _paid_interac(chain, journal, amount: int) -> tuple[RelayedTerminal, Any]:
    """A Canadian till's Interac payment through the backend: Stripe captures it at once."""
    chain.sim.create_location("Toronto", country="CA")
    shop = Shop(journal)
    t = chain.terminal(country="CA")
    payments = chain.payments(t, journal)
    sale = shop.new_sale(amount)
    _tap_when_waiting(chain.sim, chain.reader, INTERAC)
    out = payments.pay(sale, amount, "cad", shop.complete(sale, amount))
    assert out.paid, out
    pi = chain.sim.payment_intents[out.payment_intent_id]
    assert pi["status"] == "succeeded" and pi["allowed_payment_method_types"] == [
        "card_present",
        "interac_present",
    ]
    assert chain.sim.count_requests("POST", r"/capture$") == 0  # captured by Stripe itself, never again
    check_invariants(chain.sim, shop)
    return t, out


def _refunded_on_reader(chain, t: RelayedTerminal, pi: str, amount: int, key: str, **meta: str) -> str:
    """The till asks the backend for an Interac refund on its reader, the customer taps, the till waits
    for the reader's outcome as the backend pushes it; returns the Refund's id."""
    answer = t.refund_on_reader(pi, amount, idempotency_key=key, metadata=meta or None)
    made = answer.action_for("refund_payment", pi)
    if made is not None and made.status == "succeeded":
        return made.refund
    assert made is not None and made.status == "in_progress"
    chain.sim.tap(INTERAC, chain.reader)
    cancel = threading.Event()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        action = t.retrieve_reader().action_for("refund_payment", pi)
        if action is not None and action.status == "succeeded":
            return action.refund
        t.wait_for_change(cancel, 0.05)
    raise AssertionError("the reader's refund never succeeded")


def test_an_interac_payment_is_refunded_on_the_reader_through_the_backend(chain, journal):
    """Relayed like a card refund: the backend sends the reader's refund_payment with the chain's key, the
    outcome comes by webhook to the till that asked, the Refund is kept for the attempt (the same attempt
    again answers it without a Stripe request, after Stripe's 24 hours too), the close-out sees it."""
    t, out = _paid_interac(chain, journal, 6000)
    before = len(chain.sim.requests)
    refund_id = _refunded_on_reader(chain, t, out.payment_intent_id, 2500, "ret-9:refund:1:reader", step="1")
    sent = [(m, p, k) for m, p, k in chain.stripe_requests(before) if m == "POST"]
    assert sent == [("POST", f"/v1/terminal/readers/{chain.reader}/refund_payment", "ret-9:refund:1:reader")]
    assert chain.sim.refunds[refund_id]["amount"] == 2500
    assert chain.sim.refunds[refund_id]["metadata"]["omo_refund_key"] == "ret-9:refund:1:reader"
    # the webhook's handling is done once the close-out sees the refund (no Stripe read from the till)
    wait_for(lambda: t.payments_since(0, {out.attempt_id})[0].amount_refunded == 2500)
    (listed,) = t.refunds_for(out.payment_intent_id)  # the till's metadata, not the backend's
    assert (listed.id, listed.amount, listed.metadata) == (refund_id, 2500, {"step": "1"})
    chain.sim.advance(2 * 86400)  # Stripe forgot the key: the backend's record answers
    quiet = len(chain.sim.requests)
    assert _refunded_on_reader(chain, t, out.payment_intent_id, 2500, "ret-9:refund:1:reader") == refund_id
    assert [p for _m, p, _k in chain.stripe_requests(quiet) if p != "/v1/events"] == []
    assert len(chain.sim.refunds) == 1
    (paid,) = t.payments_since(0, {out.attempt_id})
    assert (paid.status, paid.amount_received, paid.amount_refunded) == ("succeeded", 6000, 2500)
    # the same attempt for another amount is refused, nothing refunded
    with pytest.raises(PaymentRejected) as e:
        t.refund_on_reader(out.payment_intent_id, 100, idempotency_key="ret-9:refund:1:reader")
    assert e.value.code == "idempotency_error" and len(chain.sim.refunds) == 1


def test_an_interac_refund_whose_outcome_the_backend_missed_is_found_not_made_again(chain, journal):
    """The reader refunded but the backend heard nothing (its webhook and the reconciliation's reads failed,
    say it was down): asked again for the same attempt, it finds the Refund at Stripe by the attempt's key
    instead of asking the reader (and the customer) again."""
    t, out = _paid_interac(chain, journal, 3000)
    chain.sim.webhooks.hold()  # the webhooks do not arrive (and the reconciliation reads nothing:)
    relay = chain.backend.backend.card_relay
    relay.reconcile = lambda: 0  # type: ignore[method-assign]
    answer = t.refund_on_reader(out.payment_intent_id, 3000, idempotency_key="lost-1:reader")
    assert answer.action_for("refund_payment", out.payment_intent_id).status == "in_progress"
    chain.sim.tap(INTERAC, chain.reader)
    (made,) = chain.sim.refunds
    assert _refunded_on_reader(chain, t, out.payment_intent_id, 3000, "lost-1:reader") == made
    assert chain.sim.count_requests("POST", r"/refund_payment$") == 1
    assert [r.id for r in t.refunds_for(out.payment_intent_id)] == [made]


def test_a_commands_answer_applied_with_its_outcomes_webhook_never_hides_the_outcome(chain, journal):
    """The customer taps at once: the webhook of the reader's success and the answer to the process command
    (in progress) are applied by the backend at the same moment. Forced overlap: the answer's transaction
    has read the reader when the webhook's is applied. The till must see the outcome. (Bug found by this
    test, the cause of test_relay's payments sometimes 'cancelled' instead of 'authorized' on PostgreSQL:
    both transactions read the old action, the answer's in_progress was written last, the till waited for
    a card already taken until it gave up and voided the authorisation.)"""
    relay = chain.backend.backend.card_relay
    t = chain.terminal()
    pi = t.create_payment_intent(
        amount=900, currency="usd", sale_uuid="s-race", attempt_id="a-race", idempotency_key="a-race:create"
    )
    chain.sim.webhooks.hold()  # this test applies the outcome itself
    t.process_payment_intent(pi.id, idempotency_key="a-race:process:1")
    in_progress = json.loads(json.dumps(chain.sim._reader_json(chain.reader)))
    chain.sim.tap("4242424242424242", chain.reader)
    succeeded = json.loads(json.dumps(chain.sim._reader_json(chain.reader)))
    assert (in_progress["action"]["status"], succeeded["action"]["status"]) == ("in_progress", "succeeded")
    answer_read, webhook_done = threading.Event(), threading.Event()
    write = relay.store.write

    class Pausing:
        """The answer's connection: after its first statement (the read of the reader), wait for the
        webhook (at most a second: with the reader's row locked the webhook waits for this one)."""

        def __init__(self, conn: Any) -> None:
            self.conn, self.first = conn, True

        def execute(self, *a: Any, **k: Any) -> Any:
            out = self.conn.execute(*a, **k)
            if self.first:
                self.first = False
                answer_read.set()
                webhook_done.wait(1.0)
            return out

        def __getattr__(self, name: str) -> Any:
            return getattr(self.conn, name)

    def paused(fn: Any, **k: Any) -> Any:
        if threading.current_thread() is a:
            return write(lambda conn: fn(Pausing(conn)), **k)
        return write(fn, **k)

    relay.store.write = paused
    a = threading.Thread(target=lambda: relay._apply_reader(in_progress, answer_sent_at=time.time()))
    a.start()
    assert answer_read.wait(5)
    b = threading.Thread(
        target=lambda: (
            relay._apply_reader(succeeded, answer_sent_at=0.0, authoritative=True),
            webhook_done.set(),
        )
    )
    b.start()
    a.join(10)
    b.join(10)
    relay.store.write = write
    action = t.retrieve_reader().action_for("process_payment_intent", pi.id)
    assert action is not None and action.status == "succeeded"


def test_a_relayed_payment_takes_only_card_and_interac(chain):
    body = {
        "attempt_id": "a1",
        "sale_uuid": "s1",
        "reader_id": chain.reader,
        "amount": 100,
        "currency": "cad",
        "idempotency_key": "a1:create",
    }
    for types in (["card"], [], "interac_present", [1]):
        r = requests.post(
            f"{chain.url}/v1/card/payments",
            json=dict(body, payment_method_types=types),
            headers={"Authorization": f"Bearer {chain.token}"},
            timeout=5,
        )
        assert r.status_code == 400, types
    assert chain.sim.payment_intents == {}


def test_old_relay_rows_are_pruned_after_their_windows_and_open_payments_are_kept(
    chain, journal, monkeypatch
):
    import sqlalchemy as sa

    from backend import schema

    t, out = _paid(chain, journal, 3300)
    t.refund(out.payment_intent_id, 300, idempotency_key="r-prune")
    relay = chain.backend.backend.card_relay
    store = chain.backend.store
    sale = "sale-authorised-never-handed-over"  # a payment left authorised: the till never handed it over
    open_one = {"attempt_id": "a-open", "till_id": "T1", "sale_uuid": sale, "reader_id": chain.reader}
    store.write(
        lambda conn: conn.execute(
            sa.insert(schema.card_payments).values(
                amount=1200,
                currency="usd",
                payment_intent_id="pi_open",
                pi_rank=4,
                created_at=time.time(),
                **open_one,
            )
        )
    )
    lost = {"till_id": "T1", "refund_key": "lost", "payment_intent_id": "pi_lost", "amount": 1}
    store.write(
        lambda conn: conn.execute(sa.insert(schema.card_refunds).values(created_at=time.time(), **lost))
    )

    def count(table: sa.Table) -> int:
        return store.read_one(sa.select(sa.func.count()).select_from(table))[0][0]

    tables = (schema.till_messages, schema.stripe_events, schema.card_payments, schema.card_refunds)
    before = [count(x) for x in tables]
    assert before[0] > 1 and before[1] > 1 and before[2:] == [2, 2]
    now = time.time()
    monkeypatch.setattr(relay, "_clock", lambda: now + 1800)
    assert relay.prune() == dict.fromkeys(
        ("till_messages", "stripe_events", "card_payments", "card_refunds"), 0
    )
    monkeypatch.setattr(relay, "_clock", lambda: now + 7200)  # past an hour: the tills' messages go
    gone = relay.prune(batch=2)  # in batches of short transactions
    m, e = schema.till_messages, schema.stripe_events
    # (what the backend's loops add meanwhile is of the clock set here: not old)
    assert gone["till_messages"] >= before[0] > 2
    assert store.read_one(sa.select(sa.func.count()).where(m.c.created_at <= now)) == [(0,)]
    assert [count(x) for x in tables[2:]] == before[2:] and count(e) >= before[1]
    monkeypatch.setattr(relay, "_clock", lambda: now + 5 * 86400)  # past Stripe's retries: event ids go
    assert relay.prune()["stripe_events"] >= before[1] and count(schema.card_payments) == 2
    assert store.read_one(sa.select(sa.func.count()).where(e.c.received_at <= now)) == [(0,)]
    monkeypatch.setattr(relay, "_clock", lambda: now + 401 * 86400)  # the final payment and its refund go
    gone = relay.prune()
    assert (gone["card_payments"], gone["card_refunds"]) == (1, 1)
    (kept,) = store.read_one(sa.select(schema.card_payments.c.sale_uuid))
    assert kept[0] == sale  # an authorisation never settled stays, whatever its age
    (kept,) = store.read_one(sa.select(schema.card_refunds.c.refund_key))
    assert kept[0] == "lost"  # and a refund attempt whose answer is not found yet
    # the till's channel goes on after the messages it had were pruned
    monkeypatch.setattr(relay, "_clock", time.time)
    store.write(lambda conn: relay._tell(conn, "T1", {"payment_intent": "pi_x", "status": "x"}))
    assert [m["payment_intent"] for m in relay.changes("T1", 0, 0)["messages"]] == ["pi_x"]


def test_the_budget_is_reported(chain):
    r = requests.get(
        f"{chain.url}/v1/stripe/budget", headers={"Authorization": f"Bearer {chain.token}"}, timeout=5
    )
    assert r.status_code == 200
    limits = {x["limit"]: x for x in r.json()["limits"]}
    assert limits["account"]["rate_per_s"] == BudgetLimits().account


def test_omo_backend_stripe_budget_prints_the_shared_budget(chain, capsys):
    from backend.server import main

    pay = Shop(MemoryPaymentJournal())
    pay.journal.data = {"sales": {}, "outbox": []}
    payments = chain.payments(chain.terminal(), pay.journal)
    sale = pay.new_sale(1100)
    _tap_when_waiting(chain.sim, chain.reader)
    assert payments.pay(sale, 1100, "usd", pay.complete(sale, 1100)).paid
    assert main(["stripe-budget", "--database", chain.database, "--json"]) == 0
    limits = {x["limit"] for x in json.loads(capsys.readouterr().out)["limits"]}
    assert {"account", "POST /v1/payment_intents"} <= limits  # what this worker spent, read from the table


@pytest.fixture
def two_workers(tmp_path) -> Iterator[tuple[StripeSimulator, str, BackendHandle, BackendHandle]]:
    """PostgreSQL, two backend workers on one database that look at the tills' messages only every 20 s
    by themselves (so that only a push can be quick): Stripe's webhooks go to the first."""
    sim = StripeSimulator(api_keys=(CHAIN_KEY,), webhook_retry=(0.05, 0.2, 5.0)).start()
    handles: list[BackendHandle] = []
    try:
        with fresh_database("postgresql", tmp_path) as url:
            secret = "whsec_" + secrets.token_hex(16)
            reader = sim.register_reader("simulated-wpe", sim.create_location("Main street"))
            config = RelayConfig(CHAIN_KEY, secret, api_base=sim.url, channel_recheck=20.0)
            handles.append(start_backend(url, cards=config))
            handles.append(start_backend(url, cards=config))
            sim.add_webhook_endpoint(handles[0].url + "/v1/stripe/webhooks", secret)
            try:
                yield sim, reader, handles[0], handles[1]
            finally:
                for h in handles:
                    h.stop()
    finally:
        sim.stop()


def _listening(*handles: BackendHandle) -> None:
    deadline = time.monotonic() + 10
    while not all(h.backend.card_relay.listening for h in handles):
        assert time.monotonic() < deadline, "LISTEN never came up"
        time.sleep(0.05)


@pytest.mark.parametrize("listen", [True, False])
def test_news_told_on_one_worker_wakes_the_channel_waiting_on_another(two_workers, monkeypatch, listen):
    from backend import schema
    from backend.card_relay import CardRelay

    sim, reader, a, b = two_workers
    if not listen:  # the control: without PostgreSQL's NOTIFY the waiting worker hears nothing
        for h in (a, b):
            h.backend.card_relay.stop()
            relay = CardRelay(h.store, h.backend.card_relay.config)
            monkeypatch.setattr(relay, "_listen_loop", lambda: None)
            h.backend.card_relay = relay.start()
    _listening(*(h for h in (a, b) if listen))
    answer: dict[str, Any] = {}
    began = time.monotonic()

    def wait_on_b() -> None:
        answer.update(b.backend.card_relay.changes("T1", 0, 6.0))
        answer["took"] = time.monotonic() - began

    waiter = threading.Thread(target=wait_on_b)
    waiter.start()
    time.sleep(0.3)  # B waits now
    a.store.write(
        lambda conn: a.backend.card_relay._tell(conn, "T1", {"payment_intent": "pi_1", "status": "x"})
    )
    waiter.join(10)
    assert [m["payment_intent"] for m in answer["messages"]] == ["pi_1"]
    if listen:
        assert answer["took"] < 2.0, answer
    else:
        assert answer["took"] > 5.5, answer  # it heard only at the end of its wait
    assert schema.till_messages is not None


def test_two_workers_the_payment_on_one_hears_the_webhook_taken_by_the_other(two_workers):
    """The till's channel is open on worker B, Stripe's webhooks reach worker A: the outcome reaches the till
    through A's NOTIFY at once (B itself would look at the table only after 20 s)."""
    sim, reader, a, b = two_workers
    _listening(a, b)
    t = RelayedTerminal(
        backend_url=b.url, token=a.register_device("T1"), reader_id=reader, poll_interval=POLL, push_wait=60
    )
    try:
        deadline = time.monotonic() + 10
        while not t.channel_up:
            assert time.monotonic() < deadline, "the till's channel never opened"
            time.sleep(0.05)
        journal = MemoryPaymentJournal()
        journal.data = {"sales": {}, "outbox": []}
        shop = Shop(journal)
        sale = shop.new_sale(2500)
        _tap_when_waiting(sim, reader, after=0.5)  # the till waits for its channel by then
        began = time.monotonic()
        payments = CardPayments(
            t, journal, poll_interval=POLL, capture_backoff=0.01, authorization_timeout=60
        )
        out = payments.pay(sale, 2500, "usd", shop.complete(sale, 2500))
        took = time.monotonic() - began
        assert out.paid
        assert took < 5.5, f"the outcome took {took:.1f} s to reach the till on the other worker"
    finally:
        t.close()
