"""The card-reader half of the demo panel's ``DemoControls`` (ui/sim_panel.py), over the simulator.

Each method does one thing to the simulated reader and returns a sentence for the panel. The rest of
``DemoControls`` (backend online/offline, camera) belongs to the demo shop, which delegates these four.
"""

from __future__ import annotations

from hardware.stripe_sim.simulator import DECLINE_CARDS, StripeSimulator

NOTHING_WAITING = "The reader is not waiting for a card. Press Pay on the till first."


class ReaderDemoControls:
    def __init__(self, sim: StripeSimulator, reader_id: str | None = None) -> None:
        self.sim = sim
        self.reader_id = reader_id

    def _waiting(self) -> str | None:
        rid = self.sim.pending_reader()
        if rid is None or (self.reader_id is not None and rid != self.reader_id):
            return None
        return rid

    def tap_card(self, number: str) -> str:
        rid = self._waiting()
        if rid is None:
            return NOTHING_WAITING
        self.sim.tap(number, rid)
        if number in DECLINE_CARDS:
            return f"Card ending {number[-4:]} tapped (the bank will decline it)."
        return f"Card ending {number[-4:]} tapped."

    def decline(self) -> str:
        rid = self._waiting()
        if rid is None:
            return NOTHING_WAITING
        self.sim.decline("generic_decline", rid)
        return "A card was tapped and the bank declined it."

    def customer_cancels(self) -> str:
        rid = self._waiting()
        if rid is None:
            return NOTHING_WAITING
        try:
            self.sim.customer_cancel(rid)
        except RuntimeError:
            return "This payment does not let the customer cancel on the reader."
        return "The customer pressed Cancel on the reader."

    def reader_times_out(self) -> str:
        rid = self._waiting()
        if rid is None:
            return NOTHING_WAITING
        self.sim.time_out(rid)
        return "The reader gave up waiting for a card."

    def auto_tap(self, enabled: bool, delay: float = 1.5) -> str:
        self.sim.auto_tap("4242424242424242" if enabled else None, delay)
        return f"Automatic tap after {delay:.1f} s." if enabled else "Automatic tap off."
