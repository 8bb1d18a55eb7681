"""Fixtures: a real simulator on loopback, the real driver on the real stripe library, the protocol."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import keyring
import pytest

from hardware.stripe_sim import StripeSimulator
from hardware.stripe_terminal import KEYRING_SERVICE, KEYRING_USERNAME, StripeTerminal
from pos.payment import CardPayments, MemoryPaymentJournal, PaymentAttempt, SaleMovedOn

API_KEY = "rk_test_simulator"
POLL = 0.02


@pytest.fixture
def sim() -> Iterator[StripeSimulator]:
    s = StripeSimulator(api_keys=(API_KEY, "rk_test_other", "sk_" + "live_dangerous")).start()
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture
def location(sim: StripeSimulator) -> str:
    return sim.create_location("Main street")


@pytest.fixture
def reader_id(sim: StripeSimulator, location: str) -> str:
    return sim.register_reader("simulated-wpe", location)


@pytest.fixture
def api_key() -> str:
    keyring.set_password(KEYRING_SERVICE, KEYRING_USERNAME, API_KEY)
    return API_KEY


# The two implementations of the CardTerminal port: the till calling Stripe itself ("direct", the default
# of these tests), or relayed by a backend (on SQLite) that calls Stripe with the chain's key and hears its
# webhooks. A protocol test marked ``both_ports`` runs with each.
both_ports = pytest.mark.parametrize("port", ["direct", "relayed"])


@pytest.fixture
def port() -> str:
    return "direct"


@pytest.fixture
def relay_read_timeout() -> float:
    """Relayed: how long the backend waits for Stripe's answer (direct: the terminal's ``read_timeout``)."""
    return 1.0


@pytest.fixture
def relay_backend(sim: StripeSimulator, tmp_path, port: str, relay_read_timeout: float):
    """The backend relaying the simulator's account for relayed tests (None for direct ones)."""
    if port != "relayed":
        yield None
        return
    import secrets

    from backend.card_relay import RelayConfig
    from backend.server import start_backend

    secret = "whsec_" + secrets.token_hex(16)
    config = RelayConfig(
        API_KEY,
        secret,
        api_base=sim.url,
        reconcile_interval=0.2,
        capture_interval=0.02,
        timeout=relay_read_timeout,
    )
    handle = start_backend(str(tmp_path / "relay.sqlite3"), cards=config)
    sim.add_webhook_endpoint(handle.url + "/v1/stripe/webhooks", secret)
    handle.till_token = handle.register_device("T1")
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def make_terminal(sim: StripeSimulator, reader_id: str, location: str, api_key: str, relay_backend):
    made: list[Any] = []

    def make(**kw: Any) -> Any:
        if relay_backend is not None:
            from hardware.stripe_terminal.relay import RelayedTerminal

            relayed = RelayedTerminal(
                backend_url=relay_backend.url,
                token=relay_backend.till_token,
                reader_id=reader_id,
                poll_interval=POLL,
                push_wait=0.5,
                country=kw.get("country", "US"),
            )
            made.append(relayed)
            return relayed
        args: dict[str, Any] = dict(
            reader_id=reader_id,
            location_id=location,
            api_base=sim.url,
            poll_interval=POLL,
            connect_timeout=0.5,
            read_timeout=1.0,
            max_network_retries=0,
            display_interval=0.05,
        )
        args.update(kw)
        t = StripeTerminal(**args)
        made.append(t)
        return t

    yield make
    for t in made:
        t.close()


@pytest.fixture
def terminal(make_terminal) -> StripeTerminal:
    return make_terminal()


@pytest.fixture
def journal() -> MemoryPaymentJournal:
    j = MemoryPaymentJournal()
    j.data = {"sales": {}, "outbox": []}
    return j


@pytest.fixture
def payments(terminal: StripeTerminal, journal: MemoryPaymentJournal) -> CardPayments:
    return CardPayments(
        terminal, journal, poll_interval=POLL, capture_backoff=0.01, authorization_timeout=5.0
    )


class Shop:
    """A tiny stand-in for the sales tables: what the caller's 'complete sale' step commits."""

    def __init__(self, journal: MemoryPaymentJournal) -> None:
        self.journal = journal
        self.n = 0

    def new_sale(self, total: int, cash: int = 0) -> str:
        self.n += 1
        sale = f"sale-{self.n}"
        tenders = [{"type": "cash", "amount": cash}] if cash else []
        self.journal.data["sales"][sale] = {
            "status": "pending_payment",
            "total": total,
            "tenders": tenders,
            "recovered": False,
        }
        return sale

    def complete(self, sale: str, amount: int) -> Callable[[dict], None]:
        def fn(tx: dict) -> None:
            s = tx["sales"][sale]
            assert sum(t["amount"] for t in s["tenders"]) + amount == s["total"], "card must close the sale"
            s["tenders"].append({"type": "card", "amount": amount})
            s["status"] = "completed"
            tx["outbox"].append({"event": "sale.completed", "sale": sale})

        return fn

    def recover(self, attempt: PaymentAttempt, tx: dict) -> None:
        s = tx["sales"][attempt.sale_uuid]
        if s["status"] == "completed":
            raise SaleMovedOn(f"sale {attempt.sale_uuid} was recorded without this card")
        s["tenders"].append({"type": "card", "amount": attempt.amount})
        s["status"] = "completed"
        s["recovered"] = True
        tx["outbox"].append({"event": "sale.completed", "sale": attempt.sale_uuid})

    def release(self, attempt: PaymentAttempt, tx: dict) -> None:
        tx["sales"][attempt.sale_uuid]["status"] = "open"

    def sale(self, sale: str) -> dict:
        return self.journal.data["sales"][sale]


@pytest.fixture
def shop(journal: MemoryPaymentJournal) -> Shop:
    return Shop(journal)


def settle(payments: CardPayments, shop: Shop, timeout: float = 10.0) -> None:
    """Relayed, the backend captures off the till's critical path: wait for it and let the till's reconciler
    close its attempts (direct: they are closed already; this changes nothing)."""
    from tests.support.waiting import wait_for

    def settled() -> bool:
        if all(a.final for a in shop.journal.all()):
            return True
        payments.reconcile(shop.recover, shop.release)
        return False

    wait_for(settled, timeout, interval=0.05)


def check_invariants(sim: StripeSimulator, shop: Shop) -> None:
    """No captured payment without a completed sale; no completed card sale without a captured payment
    of the same amount; no authorisation left hanging."""
    sales = shop.journal.data["sales"]
    by_sale: dict[str, list[dict]] = {}
    for pi in sim.payment_intents.values():
        assert pi["status"] != "requires_capture", f"authorisation left uncaptured: {pi['id']}"
        by_sale.setdefault(pi["metadata"]["sale_uuid"], []).append(pi)
    for sale_id, pis in by_sale.items():
        captured = [p for p in pis if p["status"] == "succeeded"]
        assert len(captured) <= 1, f"sale {sale_id} charged {len(captured)} times"
        if captured:
            sale = sales[sale_id]
            assert sale["status"] == "completed", f"captured payment without a completed sale: {sale_id}"
            card = [t for t in sale["tenders"] if t["type"] == "card"]
            assert [t["amount"] for t in card] == [captured[0]["amount_received"]]
    for sale_id, sale in sales.items():
        if sale["status"] == "completed" and any(t["type"] == "card" for t in sale["tenders"]):
            assert any(p["status"] == "succeeded" for p in by_sale.get(sale_id, [])), (
                f"card sale without captured payment: {sale_id}"
            )
    for a in shop.journal.all():
        assert a.final, f"attempt left open: {a}"


def backend_caught_up(sim: StripeSimulator, terminal: Any, relay_backend: Any, pi_id: str) -> None:
    """Relayed: wait until the backend knows the PaymentIntent as Stripe has it (its webhooks arrived), as
    the till reads it there. Direct: the till reads Stripe itself, nothing to wait for."""
    if relay_backend is None:
        return
    from tests.support.waiting import wait_for

    wait_for(lambda: terminal.retrieve_payment_intent(pi_id).status == sim.payment_intents[pi_id]["status"])


def reads_fail(sim, relay_backend) -> None:
    """The till cannot read the payment's state: direct, Stripe answers its reads 503; relayed, the backend
    does (the till's reads go to the backend, which knows the outcome from the webhooks)."""
    if relay_backend is None:
        sim.fail_with_status(r"/v1/", status=503, times=10_000, method="GET")
    else:
        relay_backend.inject("status", path="/v1/card/", method="GET", status=503, times=10_000)


def reads_back(sim, relay_backend) -> None:
    sim.clear_faults()
    if relay_backend is not None:
        relay_backend.backend.faults.clear()


def capture_fails(sim, relay_backend, times: int = 4) -> None:
    """The sale is committed but its capture does not happen at once: direct, Stripe answers the till's
    captures 503; relayed, the hand-over of the committed sale to the backend fails (the till's only
    capture request; the backend captures only what it was handed), and the backend's captures at Stripe
    fail too."""
    sim.fail_with_status(r"/capture$", status=503, times=times)
    if relay_backend is not None:  # the payment's first POST to its intent is the process: let it through
        relay_backend.inject("status", path="/v1/card/intents/", method="POST", after=1, status=503)
