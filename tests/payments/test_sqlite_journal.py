"""The SQLite PaymentJournal: the protocol on real SQLite files, and a real SIGKILL at protocol steps."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hardware.stripe_sim import VISA
from pos.payment import (
    AUTHORIZED,
    CANCELED,
    CAPTURED,
    CRASH_POINTS,
    UNCONFIRMED_MESSAGE,
    CardPayments,
    PaymentAttempt,
    SimulatedCrash,
)
from sync.payment_journal import SqlitePaymentJournal
from tests.payments.conftest import POLL, backend_caught_up, both_ports
from tests.payments.sqlite_support import SqlShop, open_store
from tests.support.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "till.db")
    yield s
    s.close()


def check_sql_invariants(sim, shop: SqlShop, journal: SqlitePaymentJournal) -> None:
    sales = shop.sales()
    for pi in sim.payment_intents.values():
        assert pi["status"] != "requires_capture", pi["id"]
        if pi["status"] == "succeeded":
            sale = sales[pi["metadata"]["sale_uuid"]]
            assert sale["status"] == "completed"
            assert [t["amount"] for t in sale["tenders"] if t["type"] == "card"] == [pi["amount_received"]]
    for sale_id, sale in sales.items():
        if sale["status"] == "completed" and any(t["type"] == "card" for t in sale["tenders"]):
            assert (
                sum(
                    1
                    for p in sim.payment_intents.values()
                    if p["metadata"]["sale_uuid"] == sale_id and p["status"] == "succeeded"
                )
                == 1
            )
    assert journal.non_final() == []


def test_journal_roundtrip_and_atomic_step6(store):
    j = SqlitePaymentJournal(store)
    shop = SqlShop(store)
    shop.new_sale("s1", 1000)
    a = j.insert(PaymentAttempt("a1", "s1", 1000, "usd", "a1:create", reader_id="tmr_1"))
    assert a.created_at and j.get("a1") == a
    assert j.active_for_sale("s1").attempt_id == "a1"
    with pytest.raises(Exception):  # noqa: B017 - the unique idempotency key
        j.insert(PaymentAttempt("a2", "s1", 1000, "usd", "a1:create"))
    j.update("a1", status="pi_created", payment_intent_id="pi_1", process_attempt=1)

    def boom(conn):
        shop.complete("s1", 1000)(conn)
        raise SimulatedCrash("mid_sale_commit")

    with pytest.raises(SimulatedCrash):
        j.commit_authorized("a1", boom)
    assert j.get("a1").status == "pi_created" and shop.sales()["s1"]["status"] == "pending_payment"
    assert shop.sales()["s1"]["tenders"] == []
    done = j.commit_authorized("a1", shop.complete("s1", 1000), recovered=True)
    assert done.status == AUTHORIZED and done.recovered and j.recovered() == [done]
    assert shop.sales()["s1"]["status"] == "completed"
    j.update("a1", status=CAPTURED)
    assert j.non_final() == [] and j.active_for_sale("s1") is None


def _settle(payments: CardPayments, shop: SqlShop, journal: SqlitePaymentJournal) -> None:
    """Direct, nothing is left open. Relayed, the backend captures off the till's critical path and the
    reconciler closes the attempts once it has."""

    def settled() -> bool:
        if not journal.non_final():
            return True
        payments.reconcile(shop.recover, shop.release)
        return False

    wait_for(settled, timeout=10, interval=0.05)


@both_ports
def test_payment_on_sqlite_journal(sim, terminal, store, relay_backend):
    journal = SqlitePaymentJournal(store)
    shop = SqlShop(store)
    shop.new_sale("s1", 2500)
    sim.auto_tap(VISA, delay=0.0)
    payments = CardPayments(terminal, journal, poll_interval=POLL)
    out = payments.pay("s1", 2500, "usd", shop.complete("s1", 2500))
    # relayed, the backend captures once it has the sale's commit, off the till's critical path
    assert out.paid and journal.get(out.attempt_id).status == (
        CAPTURED if relay_backend is None else AUTHORIZED
    )
    assert shop.outbox_events() == ["sale.completed"]
    _settle(payments, shop, journal)
    assert journal.get(out.attempt_id).status == CAPTURED
    check_sql_invariants(sim, shop, journal)


def _confirmation_lost(sim, make_terminal, journal, shop: SqlShop, sale: str, amount: int, relay=None):
    """Issue 12's field defect on the real store: the PaymentIntent read after the reader's success
    fails twice (the library retries once), so pay() cannot confirm the authorisation. Relayed
    (``relay``: the backend), the till's read fails at the backend."""
    shop.new_sale(sale, amount)
    payments = CardPayments(make_terminal(max_network_retries=1), journal, poll_interval=POLL)
    sim.auto_tap(VISA, delay=0.0)
    if relay is None:
        sim.fail_with_status(r"/v1/payment_intents/pi_[^/]+$", status=503, times=2, method="GET")
    else:
        relay.inject("status", path="/v1/card/intents/", method="GET", status=503)
    out = payments.pay(sale, amount, "usd", shop.complete(sale, amount))
    assert out.status == "failed" and out.message == UNCONFIRMED_MESSAGE
    backend_caught_up(sim, payments.terminal, relay, out.payment_intent_id)  # the cashier acts after
    return payments, out


@both_ports
def test_cash_after_a_lost_confirmation_first_uses_the_card(sim, make_terminal, store, relay_backend):
    journal, shop = SqlitePaymentJournal(store), SqlShop(store)
    payments, out = _confirmation_lost(sim, make_terminal, journal, shop, "s1", 4400, relay_backend)
    settled = payments.settle_before_other_tender("s1", shop.recover, shop.release)
    assert settled.status == ("captured" if relay_backend is None else "authorized")
    assert not settled.other_tender_allowed
    assert shop.sales()["s1"]["tenders"] == [{"type": "card", "amount": 4400}]
    assert shop.outbox_events() == ["sale.completed"]
    _settle(payments, shop, journal)
    check_sql_invariants(sim, shop, journal)


@both_ports
def test_reconciler_releases_the_card_of_a_sale_paid_in_cash(sim, make_terminal, store, relay_backend):
    """The sale was recorded with cash (a till without the gate): completing it with the card is
    refused inside the transaction (rolled back), the authorisation is cancelled, and the next pass has
    nothing left to do."""
    journal, shop = SqlitePaymentJournal(store), SqlShop(store)
    payments, out = _confirmation_lost(sim, make_terminal, journal, shop, "s1", 4500, relay_backend)
    shop.complete_with_cash("s1")
    (res,) = payments.reconcile(shop.recover, shop.release)
    assert res.after == CANCELED and "moved on" in res.note
    assert shop.sales()["s1"]["tenders"] == [{"type": "cash", "amount": 4500}]
    assert shop.outbox_events() == []
    assert sim.payment_intents[out.payment_intent_id]["status"] == "canceled"
    assert payments.reconcile(shop.recover, shop.release) == []
    check_sql_invariants(sim, shop, journal)


def _kill_run(sim, reader_id, tmp_path, point: str) -> None:
    db = str(tmp_path / "till.db")
    store = open_store(db)
    SqlShop(store).new_sale("s1", 7100)
    store.close()  # one process at a time holds the store
    sim.auto_tap(VISA, delay=0.0)
    env = dict(
        os.environ, PYTHONPATH=str(ROOT), PYTHON_KEYRING_BACKEND="tests.support.memkeyring.MemoryKeyring"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "tests.payments.crash_child", db, sim.url, reader_id, "s1", "7100", point],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == -9, (proc.returncode, proc.stdout, proc.stderr)
    sim.auto_tap(None)
    store = open_store(db)
    shop = SqlShop(store)
    journal = SqlitePaymentJournal(store)
    try:
        from hardware.stripe_terminal import StripeTerminal

        terminal = StripeTerminal(
            reader_id=reader_id,
            api_base=sim.url,
            connect_timeout=0.5,
            read_timeout=1.0,
            max_network_retries=0,
        )
        CardPayments(terminal, journal, poll_interval=POLL).reconcile(shop.recover, shop.release)
        terminal.close()
        check_sql_invariants(sim, shop, journal)
        charged = any(p["status"] == "succeeded" for p in sim.payment_intents.values())
        assert charged == (shop.sales()["s1"]["status"] == "completed")
        assert shop.outbox_events() == (["sale.completed"] if charged else [])
    finally:
        store.close()


@pytest.mark.crash
@pytest.mark.parametrize("point", CRASH_POINTS)
def test_sigkill_at_each_step_then_reconcile(sim, reader_id, api_key, tmp_path, point):
    if point == "after_pi_create_request_sent":
        sim.drop_response(r"/v1/payment_intents$")  # the request reached Stripe, the answer did not
    _kill_run(sim, reader_id, tmp_path, point)
