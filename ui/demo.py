"""The embedded demo shop: everything a real shop gets from outside, running on this computer.

A seeded catalog, members with signed QR codes, online orders, the Stripe simulator with a simulated
WisePOS E reader (tapped automatically after a short delay, or by hand from the simulator panel), and a
camera that shows a member's phone. A real shop replaces each piece by configuration. No Qt here.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from hardware.camera.sources import SyntheticSource
from pos.checkout import MemberOnSale

log = logging.getLogger("ui.demo")

DEMO_PRODUCTS = 20_000
DEMO_STRIPE_KEY = "rk_test_simulator"  # the simulator's own key: not a secret, valid only on loopback
AUTO_TAP_DELAY_S = 2.5


@dataclass(frozen=True)
class DemoMember:
    member_no: int
    name: str
    tier: str
    points: int


DEMO_MEMBERS = (
    DemoMember(100000000017, "Aoife Byrne", "Gold", 1240),
    DemoMember(100000000025, "Liam O'Connor", "Silver", 310),
    DemoMember(100000000033, "Yuki Tanaka", "Platinum", 5820),
    DemoMember(100000000041, "Sofia Rossi", "Member", 45),
)
DEMO_ORDERS = ("W100234", "W100235", "W100236")


class PhoneCamera(SyntheticSource):
    """The demo webcam: an empty counter, or a phone held up showing whatever `show()` was given."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(["OMO:ORDER:W100234"], frames_per_text=10**9, gap_frames=0, **kw)
        self.showing: str | None = None
        self._lock = threading.Lock()

    def show(self, text: str | None) -> None:
        with self._lock:
            self.showing = text
            if text is not None:
                self.texts = [text]
                self._n = 0

    def read(self) -> np.ndarray | None:
        with self._lock:
            showing = self.showing
        if showing is None:
            self._n += 1
            return self._render("nocode", self._n, seed=self.seed, size=self.size).image
        return super().read()


class DemoWorld:
    """The demo's outside world; also the `DemoControls` of the simulator panel."""

    def __init__(self) -> None:
        self.stripe: Any = None
        self.stripe_url = ""
        self.stripe_key = DEMO_STRIPE_KEY
        self.location_id = ""
        self.reader_id = ""
        self.members = {m.member_no: m for m in DEMO_MEMBERS}
        self.member_key: Any = None
        self.key_id = 1
        self.camera = PhoneCamera()
        self.backend_online = True
        self.auto_tap = True
        self.auto_tap_delay = AUTO_TAP_DELAY_S

    @classmethod
    def start(cls, shop: Any) -> DemoWorld:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        from hardware.stripe_sim.simulator import StripeSimulator

        world = cls()
        world.auto_tap_delay = shop.settings["demo.auto_tap_s"]
        world.seed_catalog(shop, shop.settings["demo.products"])
        world.stripe = StripeSimulator(api_keys=(DEMO_STRIPE_KEY,)).start()
        world.stripe_url = world.stripe.url
        world.location_id = world.stripe.create_location(
            shop.settings["store.name"], shop.settings["store.country"]
        )
        world.reader_id = world.stripe.register_reader("simulated-wpe", world.location_id, "Till 1 reader")
        world.set_auto_tap(world.auto_tap_delay > 0)
        # Until the till talks to the reference backend, the demo signs member codes itself with a key
        # whose public half the till trusts, exactly as it trusts the backend's published keys.
        world.member_key = Ed25519PrivateKey.generate()
        shop.codes.set_keys({world.key_id: world.member_key.public_key()})
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
    def member(self, member_no: int) -> MemberOnSale | None:
        m = self.members.get(member_no)
        return None if m is None else MemberOnSale(m.member_no, m.name, m.tier, m.points)

    def member_qr(self, member_no: int, valid_s: int = 300) -> str:
        from pos.codes import encode_member_token

        return encode_member_token(self.member_key, self.key_id, member_no, int(time.time()) + valid_s)

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
        self.backend_online = online
        return (
            "The backend is reachable again."
            if online
            else "The backend is offline: sales keep going and wait in the queue."
        )

    def show_member_phone(self, index: int) -> str:
        m = DEMO_MEMBERS[index % len(DEMO_MEMBERS)]
        self.camera.show(self.member_qr(m.member_no))
        return f"{m.name} holds up the OMO app."

    def show_order_qr(self, index: int) -> str:
        order = DEMO_ORDERS[index % len(DEMO_ORDERS)]
        self.camera.show(f"OMO:ORDER:{order}")
        return f"The customer shows online order {order}."

    def take_phone_away(self) -> str:
        self.camera.show(None)
        return "Nothing in front of the camera."

    def member_names(self) -> list[str]:
        return [f"{m.name} ({m.tier})" for m in DEMO_MEMBERS]

    def order_numbers(self) -> list[str]:
        return list(DEMO_ORDERS)

    def close(self) -> None:
        if self.stripe is not None:
            self.stripe.stop()
            self.stripe = None
