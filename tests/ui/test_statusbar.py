"""The status bar: each field says its state with its level, also when the state changes back and forth
(a label is re-styled only when its level changes)."""

from __future__ import annotations

from app.status import TillStatus
from ui.qt import QApplication
from ui.statusbar import PosStatusBar


def test_fields_and_levels_follow_the_status():
    app = QApplication.instance() or QApplication([])
    bar = PosStatusBar()
    bar.show()
    try:
        bar.show_status(TillStatus(backend="offline", queue_depth=3, oldest_unsynced_s=75, dead_letters=1))
        app.processEvents()
        backend, queue, catalog = bar.fields["backend"], bar.fields["queue"], bar.fields["catalog"]
        assert (backend.text(), backend.property("level")) == ("Backend: offline", "bad")
        assert queue.text().startswith("Queue: 3") and "1 needs a manager" in queue.text()
        assert queue.property("level") == "bad"
        assert not catalog.isVisibleTo(bar)  # no catalog sync: no field
        bar.show_status(TillStatus(backend="online", catalog_progress=0.5))
        app.processEvents()
        assert (backend.text(), backend.property("level")) == ("Backend: online", "ok")
        assert (queue.text(), queue.property("level")) == ("Queue: 0", "ok")
        assert catalog.isVisibleTo(bar) and "50%" in catalog.text()
        bar.show_status(TillStatus(backend="offline"))
        app.processEvents()
        assert (backend.text(), backend.property("level")) == ("Backend: offline", "bad")
        assert not catalog.isVisibleTo(bar)
    finally:
        bar.close()
