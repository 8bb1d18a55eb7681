"""The embedded demo shop: everything a real shop gets from outside, running on this computer.

A seeded catalog, members with signed QR codes, online orders, the Stripe simulator with a simulated
WisePOS E reader (tapped automatically after a short delay, or by hand from the simulator panel), and a
camera that shows a member's phone. A real shop replaces each piece by configuration. No Qt here.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from hardware.camera.sources import SyntheticSource

log = logging.getLogger("app.demo")

DEMO_PRODUCTS = 20_000
DEMO_STRIPE_KEY = "rk_test_simulator"  # the simulator's own key: not a secret, valid only on loopback
AUTO_TAP_DELAY_S = 2.5
DEMO_BACKEND_DB = "backend/omo-backend.sqlite3"  # under the data directory


@dataclass(frozen=True)
class DemoMember:
    member_no: int
    name: str
    tier: str
    points: int


class PhoneCamera(SyntheticSource):
    """The demo webcam: an empty counter, or a phone held up showing whatever `show()` was given."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(["OMO:ORDER:0"], frames_per_text=10**9, gap_frames=0, **kw)
        self.showing: str | None = None
        self._lock = threading.Lock()

    def show(self, text: str | None, renew: Any = None) -> None:
        """Show `text`; `renew()` gives the text again every minute (a member app's rotating code)."""
        with self._lock:
            self.showing = text
            self._renew = renew
            self._shown_at = time.monotonic()
            if text is not None:
                self.texts = [text]
                self._n = 0

    def read(self) -> np.ndarray | None:
        renew = getattr(self, "_renew", None)
        if renew is not None and time.monotonic() - self._shown_at >= 60:
            self.show(renew(), renew)
        with self._lock:
            showing = self.showing
        if showing is None:
            self._n += 1
            return self._render("nocode", self._n, seed=self.seed, size=self.size).image
        return super().read()


def memory_keyring() -> Any:
    """A keyring that keeps its secrets in this process's memory (the demo's throwaway tokens, a
    benchmark's test key). The class is defined here, not at module level: keyring registers every
    KeyringBackend subclass when it is defined, and would otherwise pick it as the process's default."""
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self._d: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self._d.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self._d[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self._d.pop((service, username), None)

    return MemoryKeyring()


def ensure_demo_keyring() -> None:
    """Demo mode only, when the OS has no usable keyring (a bare Linux box without a Secret Service):
    keep the demo's throwaway secrets (for services on this computer) in memory. A live till never
    falls back: it refuses to start card payments or sync without the OS keyring."""
    import keyring
    from keyring.backends import fail

    if not isinstance(keyring.get_keyring(), fail.Keyring):
        return
    log.warning("demo: no OS keyring available; keeping the demo's throwaway tokens in memory")
    keyring.set_keyring(memory_keyring())


@contextlib.contextmanager
def demo_backend_for(paths: Any, settings: Any) -> Iterator[str]:
    """The demo's embedded backend, started for a terminal command (`omo-pos audit verify`); its URL."""
    from backend.server import start_demo_backend

    ensure_demo_keyring()
    handle = start_demo_backend(
        paths.data / "backend", settings["till.id"], products=settings["demo.products"]
    )
    try:
        yield handle.url
    finally:
        handle.stop()


class DemoWorld:
    """The demo's outside world; also the `DemoControls` of the simulator panel."""

    def __init__(self) -> None:
        self.stripe: Any = None
        self.stripe_url = ""
        self.stripe_key = DEMO_STRIPE_KEY
        self.relayed = False  # card payments through the embedded backend (demo.stripe_mode)
        self.location_id = ""
        self.reader_id = ""
        self.backend: Any = None  # backend.server.BackendHandle
        self.engine: Any = None  # the till's sync engine (set by the shop), woken when the backend returns
        self.member_list: list[DemoMember] = []
        self.orders: list[str] = []
        self.camera = PhoneCamera()
        self.backend_online = True
        self.auto_tap = True
        self.auto_tap_delay = AUTO_TAP_DELAY_S

    @classmethod
    def start(cls, shop: Any) -> DemoWorld:
        from backend.server import start_demo_backend
        from hardware.stripe_sim.simulator import StripeSimulator

        world = cls()
        world.auto_tap_delay = shop.settings["demo.auto_tap_s"]
        world.seed_catalog(shop, shop.settings["demo.products"])
        ensure_demo_keyring()
        world.stripe = StripeSimulator(api_keys=(DEMO_STRIPE_KEY,)).start()
        world.stripe_url = world.stripe.url
        cards = None
        if shop.settings["demo.stripe_mode"] == "relayed":  # the backend drives the reader (the chain's key)
            import secrets

            world.relayed = True
            cards = {
                "api_key": DEMO_STRIPE_KEY,
                "webhook_secret": "whsec_" + secrets.token_hex(16),
                "api_base": world.stripe_url,
            }
        world.backend = start_demo_backend(
            shop.paths.data / "backend",
            shop.settings["till.id"],
            products=shop.settings["demo.products"],
            store_id=shop.settings["store.id"],
            cards=cards,
        )
        if cards is not None:
            world.stripe.add_webhook_endpoint(
                world.backend.url + "/v1/stripe/webhooks", cards["webhook_secret"]
            )
        world._load_backend_people()
        world.location_id = world.stripe.create_location(
            shop.settings["store.name"], shop.settings["store.country"]
        )
        world.reader_id = world.stripe.register_reader("simulated-wpe", world.location_id, "Till 1 reader")
        world.pay_online_orders()
        world.set_auto_tap(world.auto_tap_delay > 0)
        log.info("demo shop ready: stripe simulator %s, reader %s", world.stripe_url, world.reader_id)
        return world

    @staticmethod
    def seed_catalog(shop: Any, n: int = DEMO_PRODUCTS) -> None:
        from sync import catalog_gen
        from sync.store import catalog

        conn = shop.store.read_connection()
        try:
            have = catalog.count(conn)
        finally:
            conn.close()
        if have:
            return
        t0 = time.perf_counter()
        batch: list[dict[str, Any]] = []
        for p in catalog_gen.generate(n, seed=1):
            batch.append(p)
            if len(batch) == 5000:
                shop.store.write_sync(lambda c, b=batch: catalog.upsert(c, b))
                batch = []
        if batch:
            shop.store.write_sync(lambda c, b=batch: catalog.upsert(c, b))
        log.info("demo catalog: %d products in %.1f s", n, time.perf_counter() - t0)

    # ------------------------------------------------------------------ members
    def _load_backend_people(self) -> None:
        conn = self.backend.connect()
        try:
            rows = conn.execute(
                "SELECT member_no, first_name, last_initial, tier FROM members ORDER BY member_no"
            )
            self.member_list = [DemoMember(r[0], f"{r[1]} {r[2]}.", r[3].title(), 0) for r in rows]
            self.orders = [
                r[0] for r in conn.execute("SELECT order_no FROM orders ORDER BY order_no LIMIT 12")
            ]
        finally:
            conn.close()

    def pay_online_orders(self) -> int:
        """The online orders were paid on the web: each card tender becomes a PaymentIntent paid at the
        simulator (a new one at every start: the simulator keeps nothing), so a return refunds the card."""
        import json

        conn = self.backend.connect()
        paid = 0
        try:
            rows = conn.execute("SELECT order_no, currency, tenders FROM orders ORDER BY order_no").fetchall()
            for order_no, currency, raw in rows:
                tenders = json.loads(raw)
                for t in tenders:
                    if t.get("method") == "card" and t.get("reference") not in self.stripe.payment_intents:
                        t["reference"] = self.stripe.paid_intent(
                            t["amount"], currency, metadata={"order_no": order_no}
                        )
                        paid += 1
                conn.execute(
                    "UPDATE orders SET tenders = ? WHERE order_no = ?", (json.dumps(tenders), order_no)
                )
        finally:
            conn.close()
        return paid

    def pickup_code(self, order_no: str) -> str:
        """The code the customer's app shows for a pickup (the demo panel plays the customer)."""
        conn = self.backend.connect()
        try:
            row = conn.execute("SELECT pickup_code FROM orders WHERE order_no = ?", (order_no,)).fetchone()
        finally:
            conn.close()
        return (row[0] or "") if row else ""

    def member_qr(self, member_no: int) -> str:
        """The QR the member's app shows right now: a code of the current 60-second step, signed by the
        backend's key (the app shows a new one every step)."""
        return self.backend.member_qr(member_no)

    # ------------------------------------------------------------------ DemoControls (the panel)
    def set_auto_tap(self, on: bool) -> str:
        self.auto_tap = on
        self.stripe.auto_tap("4242424242424242" if on else None, self.auto_tap_delay or AUTO_TAP_DELAY_S)
        return (
            f"The customer taps automatically after {self.auto_tap_delay or AUTO_TAP_DELAY_S:g} s."
            if on
            else "Automatic tap off: use the buttons to be the customer."
        )

    def _reader_call(self, fn: Any, done: str) -> str:
        try:
            fn()
        except RuntimeError as e:  # nothing waiting for a card
            return f"The reader is not waiting for a card ({e})."
        return done

    def tap_card(self, number: str) -> str:
        return self._reader_call(lambda: self.stripe.tap(number), f"Card •••• {number[-4:]} tapped.")

    def decline(self) -> str:
        return self._reader_call(lambda: self.stripe.decline(), "A card the bank declines was tapped.")

    def customer_cancels(self) -> str:
        return self._reader_call(
            lambda: self.stripe.customer_cancel(), "The customer pressed Cancel on the reader."
        )

    def reader_times_out(self) -> str:
        return self._reader_call(lambda: self.stripe.time_out(), "The reader timed out waiting for a card.")

    def set_backend_online(self, online: bool) -> str:
        """Offline = every request to the backend is answered 503 (as a dead upstream would), so the
        till's sync engine backs off and queues; back online = the fault is lifted and the engine woken."""
        self.backend_online = online
        if online:
            self.backend.faults.clear()
            if self.engine is not None:
                self.engine.wake()
            return "The backend is reachable again: the queue drains."
        self.backend.inject("status", status=503, times=10**9, path="/v1/")
        return "The backend is offline: sales keep going and wait in the queue."

    def show_member_phone(self, index: int) -> str:
        m = self.member_list[index % len(self.member_list)]
        self.camera.show(self.member_qr(m.member_no), renew=lambda: self.member_qr(m.member_no))
        return f"{m.name} holds up the OMO app."

    def show_order_qr(self, index: int) -> str:
        order = self.orders[index % len(self.orders)]
        self.camera.show(self.backend.order_qr(order))
        code = self.pickup_code(order)
        return f"The customer shows online order {order}" + (f" (pickup code {code})." if code else ".")

    def take_phone_away(self) -> str:
        self.camera.show(None)
        return "Nothing in front of the camera."

    def member_names(self) -> list[str]:
        return [f"{m.name} ({m.tier}) no. {m.member_no}" for m in self.member_list]

    def order_numbers(self) -> list[str]:
        return list(self.orders)

    def close(self) -> None:
        if self.backend is not None:
            self.backend.stop()
            self.backend = None
        if self.stripe is not None:
            self.stripe.stop()
            self.stripe = None
