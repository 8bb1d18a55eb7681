"""A status bar that never lies: each field shows what was last *observed*, and how long ago.

Backend online/degraded/offline with the queue depth and the age of the oldest unsynced sale, Stripe
reachable or not, the reader's state, catalog sync progress, printer warnings. A field whose source has
not reported recently says "unknown", not its last good value.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ui.qt import QHBoxLayout, QLabel, QStatusBar, QWidget


@dataclass(frozen=True)
class StatusView:
    backend: str = "unknown"  # online | degraded | offline | unknown
    queue_depth: int = 0
    oldest_unsynced_s: float | None = None
    dead_letters: int = 0
    stripe: str = "unknown"  # reachable | unreachable | unknown | disabled
    reader: str = "unknown"  # online | busy | offline | unknown | none
    catalog_progress: float | None = None  # 0..1 while a catalog sync runs
    printer: str = ""  # a warning, or empty


def _age(seconds: float) -> str:
    if seconds < 90:
        return f"{int(seconds)} s"
    if seconds < 90 * 60:
        return f"{int(seconds // 60)} min"
    if seconds < 48 * 3600:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


class PosStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("posStatus")
        box = QWidget(self)
        lay = QHBoxLayout(box)
        lay.setContentsMargins(4, 0, 4, 0)
        self.fields: dict[str, QLabel] = {}
        for key in ("backend", "queue", "stripe", "reader", "catalog", "printer"):
            lab = QLabel("", box)
            lab.setObjectName(f"status_{key}")
            lay.addWidget(lab)
            self.fields[key] = lab
        self.addPermanentWidget(box, 1)
        self.view = StatusView()
        self.updated_at = time.monotonic()
        self.show_status(StatusView())

    def _set(self, key: str, text: str, level: str) -> None:
        lab = self.fields[key]
        lab.setText(text)
        lab.setProperty("level", level)
        lab.style().unpolish(lab)
        lab.style().polish(lab)
        lab.setVisible(bool(text))

    def show_status(self, v: StatusView) -> None:
        self.view = v
        self.updated_at = time.monotonic()
        level = {"online": "ok", "degraded": "warn", "offline": "bad"}.get(v.backend, "warn")
        self._set("backend", f"Backend: {v.backend}", level)
        q = f"Queue: {v.queue_depth}"
        if v.queue_depth and v.oldest_unsynced_s is not None:
            q += f" (oldest {_age(v.oldest_unsynced_s)})"
        if v.dead_letters:
            q += f" · {v.dead_letters} need a manager"
        self._set("queue", q, "ok" if not v.queue_depth else ("bad" if v.dead_letters else "warn"))
        stripe_text = {
            "reachable": "Card payments: ready",
            "unreachable": "Card payments unavailable — Stripe cannot be reached; take cash",
            "disabled": "Card payments: not set up",
        }.get(v.stripe, "Card payments: checking…")
        self._set("stripe", stripe_text, {"reachable": "ok", "unreachable": "bad"}.get(v.stripe, "warn"))
        self._set("reader", f"Reader: {v.reader}", {"online": "ok", "busy": "warn"}.get(v.reader, "bad"))
        self._set(
            "catalog", "" if v.catalog_progress is None else f"Catalog sync {v.catalog_progress:.0%}", "warn"
        )
        self._set("printer", v.printer, "bad" if v.printer else "ok")
