"""The till stops after the card was authorised but before the sale was committed: at the next start
the reconciler asks Stripe, finds the authorised PaymentIntent, completes the sale from the open cart
that the journal kept, and captures. Nothing is guessed, nothing charged twice."""

from __future__ import annotations

import threading

import pytest

from app import settings as settings_mod
from app.paths import Paths
from app.shop import open_shop
from pos.payment import CardPayments, SimulatedCrash
from sync.payment_journal import SqlitePaymentJournal
from sync.store import journal
from tests.support.waiting import wait_for


@pytest.fixture(params=["relayed", "direct"])  # both implementations of the CardTerminal port
def shop(tmp_path, request):
    s = settings_mod.load(
        None,
        environ={},
        overrides=[
            "demo.products=200",
            "demo.auto_tap_s=0",
            "stripe.poll_interval_ms=50",
            f"demo.stripe_mode={request.param}",
        ],
    )
    shop = open_shop(Paths.under(tmp_path), s)
    yield shop
    shop.close()


@pytest.mark.parametrize("point", ["after_authorized_observed", "mid_sale_commit", "after_sale_commit"])
def test_crash_after_authorisation_is_completed_by_the_reconciler(shop, point):
    co = shop.checkout
    conn = shop.store.read_connection()
    sku = conn.execute("SELECT sku FROM products WHERE active = 1 LIMIT 1").fetchone()[0]
    conn.close()
    co.add_sku(sku, 2)
    shop.store.write_sync(lambda c: None)  # the open cart is saved
    from pos.documents import Tender

    plan = co.build_sale(Tender("card", co.total))

    def crash(name: str) -> None:
        if name == point:
            raise SimulatedCrash(name)

    crashing = CardPayments(
        shop.terminal, SqlitePaymentJournal(shop.store), crashpoint=crash, poll_interval=0.05
    )
    sim = shop.demo.stripe
    tapped = threading.Event()

    def tap_when_waiting() -> None:
        while not tapped.is_set():
            if sim.pending_reader():
                sim.tap("4242424242424242")
                tapped.set()
            tapped.wait(0.02)

    t = threading.Thread(target=tap_when_waiting)
    t.start()
    try:
        with pytest.raises(SimulatedCrash):
            crashing.pay(co.sale_uuid, co.total, "eur", shop.records.card_completion(plan, None))
    finally:
        tapped.set()
        t.join()

    settled = shop.payments.reconcile(shop.recover_card_sale)
    # relayed, the backend captures once it has the recovered sale's commit, and the till hears of it
    assert settled and all(s.after in ("captured", "authorized") for s in settled), settled
    wait_for(lambda: not shop.payments.journal.non_final(), timeout=10)
    conn = shop.store.read_connection()
    try:
        sale = journal.get_sale(conn, co.sale_uuid)
    finally:
        conn.close()
    assert sale is not None and sale.total == plan.total
    (card,) = sale.tenders
    pi = shop.terminal.retrieve_payment_intent(card.reference)
    assert pi.status == "succeeded" and pi.amount_received == plan.total
    # exactly one PaymentIntent was created for the sale
    assert sim.count_requests("POST", r"^/v1/payment_intents$") == 1
