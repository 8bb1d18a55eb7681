"""A status bar that never lies: each field shows what was last *observed*, and how long ago.

Backend online/degraded/offline with the queue depth and the age of the oldest unsynced sale, Stripe
reachable or not, the reader's state, catalog sync progress, printer warnings. A field whose source has
not reported recently says "unknown", not its last good value.
"""

from __future__ import annotations

import time

from app.status import TillStatus
from ui.qt import QHBoxLayout, QLabel, QStatusBar, QWidget


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
        self.view = TillStatus()
        self.updated_at = time.monotonic()
        self.show_status(TillStatus())

    def _set(self, key: str, text: str, level: str) -> None:
        lab = self.fields[key]
        # the status is read every second: touch only what changed (a re-polished label lays out and
        # repaints the status bar, and a scan in that frame waits for it)
        if lab.text() != text:
            lab.setText(text)
        if lab.property("level") != level:
            lab.setProperty("level", level)
            lab.style().unpolish(lab)
            lab.style().polish(lab)
        if lab.isVisibleTo(lab.parentWidget()) != bool(text):
            lab.setVisible(bool(text))

    def show_status(self, v: TillStatus) -> None:
        tr = self.tr
        self.view = v
        self.updated_at = time.monotonic()
        level = {"online": "ok", "degraded": "warn", "offline": "bad"}.get(v.backend, "warn")
        backend = {
            "online": tr("Backend: online"),
            "degraded": tr("Backend: degraded"),
            "offline": tr("Backend: offline"),
            "not configured": tr("Backend: not configured"),
        }.get(v.backend, tr("Backend: unknown"))
        self._set("backend", backend, level)
        q = tr("Queue: %n", "", v.queue_depth)
        if v.queue_depth and v.oldest_unsynced_s is not None:
            q += " " + tr("(oldest {age})").format(age=_age(v.oldest_unsynced_s))
        if v.dead_letters:
            q += " · " + (
                tr("1 needs a manager")
                if v.dead_letters == 1
                else tr("%n need a manager", "", v.dead_letters)
            )
        self._set("queue", q, "ok" if not v.queue_depth else ("bad" if v.dead_letters else "warn"))
        stripe_text = {
            "reachable": tr("Card: ready"),
            "unreachable": tr("Card unavailable: Stripe unreachable, take cash"),
            "disabled": tr("Card: not set up"),
        }.get(v.stripe, tr("Card: checking…"))
        self._set("stripe", stripe_text, {"reachable": "ok", "unreachable": "bad"}.get(v.stripe, "warn"))
        reader = {
            "online": tr("Reader: online"),
            "busy": tr("Reader: busy"),
            "offline": tr("Reader: offline"),
            "none": tr("Reader: none"),
        }.get(v.reader, tr("Reader: unknown"))
        self._set("reader", reader, {"online": "ok", "busy": "warn"}.get(v.reader, "bad"))
        catalog = (
            ""
            if v.catalog_progress is None
            else tr("Catalog sync {pct}").format(pct=f"{v.catalog_progress:.0%}")
        )
        self._set("catalog", catalog, "warn")
        self._set("printer", v.printer, "bad" if v.printer else "ok")
