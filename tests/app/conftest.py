"""The demo shop opened by the composition root, with no window: what `omo-pos drive` and the window use."""

from __future__ import annotations

import threading

import pytest

from app import settings as settings_mod
from app.paths import Paths
from app.sell import SellService
from app.shop import open_shop
from sync.store import journal


def demo_settings(*overrides: str):
    return settings_mod.load(
        None,
        environ={},
        overrides=["demo.products=300", "demo.auto_tap_s=0", "stripe.poll_interval_ms=50", *overrides],
    )


# The two implementations of the CardTerminal port: the demo's till relayed by its embedded backend (its
# default), or calling Stripe itself. A test of card payments, voids or refunds runs with both.
both_terminals = pytest.mark.parametrize("stripe_mode", ["relayed", "direct"])


@pytest.fixture
def stripe_mode() -> str:
    return "relayed"


@pytest.fixture
def shop(tmp_path, stripe_mode):
    s = open_shop(Paths.under(tmp_path / "shop"), demo_settings(f"demo.stripe_mode={stripe_mode}"))
    yield s
    s.close()


@pytest.fixture
def direct_shop(tmp_path):
    """The demo shop with its till calling Stripe itself (stripe.mode direct) instead of the backend."""
    s = open_shop(Paths.under(tmp_path / "direct-shop"), demo_settings("demo.stripe_mode=direct"))
    yield s
    s.close()


@pytest.fixture
def direct_sell(direct_shop):
    service = SellService(direct_shop)
    service.begin_shift(direct_shop.staff.identify("1111"))
    return service


def captured(shop, payment_intent: str, timeout: float = 10.0) -> bool:
    """The card payment is captured at Stripe and its attempt final in the till's journal: at once in
    direct mode; relayed, once the backend captured it off the critical path and told the till."""
    from tests.support.waiting import wait_for

    try:
        wait_for(
            lambda: (
                shop.demo.stripe.payment_intents[payment_intent]["status"] == "succeeded"
                and not shop.payments.journal.non_final()
            ),
            timeout,
            interval=0.05,
        )
    except AssertionError:
        return False
    return True


@pytest.fixture
def sell(shop):
    service = SellService(shop)
    service.begin_shift(shop.staff.identify("1111"))  # Ana, cashier
    return service


def barcodes(shop, n: int) -> list[str]:
    conn = shop.store.read_connection()
    try:
        rows = conn.execute(
            "SELECT b.barcode FROM barcodes b JOIN products p ON p.id = b.product_id WHERE p.active = 1 "
            "AND length(b.barcode) = 13 ORDER BY p.id LIMIT ?",
            (n,),
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def recorded(shop, sale_uuid: str):
    conn = shop.store.read_connection()
    try:
        return journal.get_sale(conn, sale_uuid)
    finally:
        conn.close()


def audit_actions(shop) -> list[str]:
    shop.store.write_sync(lambda c: None)  # audit entries are queued to the writer: let it catch up
    conn = shop.store.read_connection()
    try:
        return [r[0] for r in conn.execute("SELECT action FROM audit_log ORDER BY seq")]
    finally:
        conn.close()


def be_the_customer(shop, act) -> threading.Thread:
    """Once the simulated reader waits for a card, `act(simulator)` (a customer at the reader)."""

    def run() -> None:
        sim = shop.demo.stripe
        for _ in range(2000):
            if sim.pending_reader() is not None:
                act(sim)
                return
            threading.Event().wait(0.01)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t
