"""What the till knows about its own health, for the status bar: observed, never assumed.

`TillMonitor` is Qt-free. `probe_reader()` and `reconcile()` block (Stripe over the network): a window
runs them on the reader's worker, never during a payment. `snapshot()` is cheap (one read of the
outbox's counters on a connection kept for it) and answers what was last *observed*, and "unknown" when
that observation is older than `PROBE_STALE_S`.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from pos.errors import Sentence

log = logging.getLogger("app.status")

UNREACHABLE = "Stripe cannot be reached: card payments are off. Take cash."


@dataclass(frozen=True)
class TillStatus:
    backend: str = "unknown"  # online | degraded | offline | unknown | not configured
    queue_depth: int = 0
    oldest_unsynced_s: float | None = None
    dead_letters: int = 0
    stripe: str = "unknown"  # reachable | unreachable | unknown | disabled
    reader: str = "unknown"  # online | busy | offline | unknown | none
    catalog_progress: float | None = None  # 0..1 while a catalog sync runs
    printer: str = ""  # a warning, or empty
    card_available: bool = True
    card_reason: str | Sentence = ""  # why card payments are off (said() renders either)


class TillMonitor:
    PROBE_STALE_S = 35.0
    REPROBE_DOWN_S = 2.0  # how often a till whose card service is unreachable asks again

    def __init__(self, shop: Any) -> None:
        self.shop = shop
        self._lock = threading.Lock()
        self._stripe = "unknown"
        self._reader = "unknown"
        self._probe_at = 0.0
        self._card_reason = ""
        self._conn: Any = None

    # ------------------------------------------------------------------ blocking: the reader's worker
    def probe_reader(self) -> bool:
        """Ask Stripe for the reader. True when card payments can be offered."""
        from pos.payment import TerminalConfigError, TerminalUnavailable

        terminal = self.shop.terminal
        if not terminal.available:
            return False
        try:
            view = terminal.retrieve_reader()
        except TerminalUnavailable:
            self._observed("unreachable", "unknown", UNREACHABLE)
            return False
        except TerminalConfigError as e:  # e.g. the paired reader was deleted: say what to do
            self._observed("reachable", "none", e.message)
            return False
        except Exception as e:  # an unexpected answer: say unknown, keep card payments as they were
            log.warning("reader probe failed: %s", e)
            self._observed("unknown", "unknown", self._card_reason)
            return not self._card_reason
        action = getattr(view, "action", None)
        busy = action is not None and action.status == "in_progress"
        self._observed("reachable", "busy" if busy else (view.status or "unknown"), "")
        return True

    def _observed(self, stripe: str, reader: str, card_reason: str | Sentence) -> None:
        with self._lock:
            self._stripe, self._reader, self._card_reason = stripe, reader, card_reason
            self._probe_at = time.monotonic()

    def reprobe_due(self) -> bool:
        """Card payments are off because the last probe found the card service unreachable (or the
        relay's channel found the backend gone): ask again every ``REPROBE_DOWN_S`` (not at the 10 s
        round), and at once when the channel has come back since, so that the card tender returns as soon
        as the service answers."""
        since = getattr(self.shop.terminal, "up_since", None)
        outage = getattr(self.shop.terminal, "outage", None)
        down = callable(outage) and outage() is not None  # relayed: the channel says the backend is gone
        with self._lock:
            if self._stripe != "unreachable" and not down:
                return False
            back = isinstance(since, float) and since > self._probe_at
            return back or time.monotonic() - self._probe_at >= self.REPROBE_DOWN_S

    def reconcile(self, *, min_age: float = 0.0) -> list[Any]:
        """Settle card attempts a stop or a lost answer left open (asks Stripe, never guesses)."""
        return self.shop.payments.reconcile(self.shop.recover_card_sale, min_age=min_age)

    # ------------------------------------------------------------------ cheap: any thread, one at a time
    def snapshot(self) -> TillStatus:
        shop = self.shop
        if self._conn is None:  # one read-only connection for the once-a-second status
            self._conn = shop.store.read_connection(check_same_thread=False)
        depth, oldest, dead = shop.records.queue_status(self._conn)
        printer = shop.printer.status()
        printer_text = ""
        if getattr(printer, "waiting", 0) or getattr(printer, "message", ""):
            printer_text = f"Printer: {printer.message or 'problem'}" + (
                f" — {printer.waiting} receipt(s) waiting" if printer.waiting else ""
            )
        engine = shop.sync_engine
        backend, progress = "not configured", None
        if engine is not None:
            snap = engine.snapshot()
            backend = snap.state
            progress = snap.catalog_progress if snap.catalog_done is not None else None
            shop.refresh_member_keys()
        with self._lock:
            fresh = time.monotonic() - self._probe_at < self.PROBE_STALE_S
            stripe, reader, reason = self._stripe, self._reader, self._card_reason
        off = not shop.payments.available
        # relayed: the channel to the backend knows at once that it is gone (the probe, every 10 s, later)
        outage = getattr(shop.terminal, "outage", None)
        down = outage() if callable(outage) and not off else None
        if down is not None:
            stripe, reader, reason, fresh = "unreachable", "unknown", down, True
        return TillStatus(
            backend=backend,
            queue_depth=depth,
            oldest_unsynced_s=oldest,
            dead_letters=dead,
            stripe="disabled" if off else (stripe if fresh else "unknown"),
            reader="none" if off else (reader if fresh else "unknown"),
            catalog_progress=progress,
            printer=printer_text,
            card_available=not off and not reason,
            card_reason=shop.card_error if off else reason,
        )

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


__all__ = ["TillMonitor", "TillStatus"]
