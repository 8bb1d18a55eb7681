"""Background work with results delivered to the GUI thread (after Anki's `aqt/taskman.py`).

One single-thread executor per device or service ("reader", "camera", "printer", "net"); the journal's
own writer thread is the store's. A task's result or exception comes back to the GUI thread through a
queued Qt signal connected to a `@Slot` of a QObject that lives there — never a lambda receiver, which
PySide6 may run in the emitting thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from ui.qt import QObject, Qt, Signal, Slot

log = logging.getLogger("ui.tasks")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    finished = Signal(object)

    def __init__(self, closed: threading.Event) -> None:
        super().__init__()
        self._closed = closed
        # Queued even when emitted on the GUI thread (a future already done when watched): callers can
        # rely on the callback never running inside run()/watch().
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver(self, item: tuple[Future, Done | None, Failed | None]) -> None:
        if self._closed.is_set():
            # relayed before shutdown, delivered after it: the window it would update is going away
            # (seen: a reader probe's answer reaching a deleted button)
            return
        fut, on_done, on_error = item
        exc = fut.exception()
        if exc is not None:
            if on_error is not None:
                on_error(exc)
            else:
                log.error("background task failed", exc_info=exc)
        elif on_done is not None:
            on_done(fut.result())


class TaskManager:
    """Create in the GUI thread. `run("reader", fn, on_done, on_error)`."""

    NAMES = ("reader", "camera", "printer", "net", "io")

    def __init__(self) -> None:
        self._closed = threading.Event()
        self._relay = _Relay(self._closed)
        self._executors = {
            n: ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"omo-{n}") for n in self.NAMES
        }

    def run(
        self,
        executor: str,
        fn: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> Future:
        fut = self._executors[executor].submit(fn)
        self.watch(fut, on_done, on_error)
        return fut

    def watch(self, fut: Future, on_done: Done | None = None, on_error: Failed | None = None) -> None:
        """Deliver an existing future's outcome (e.g. the store writer's) to the GUI thread."""

        def relay(f: Future) -> None:
            if not self._closed.is_set():
                self._relay.finished.emit((f, on_done, on_error))

        fut.add_done_callback(relay)

    def shutdown(self) -> None:
        """Join every worker thread; pending work finishes first (it may be a payment in flight)."""
        self._closed.set()
        for ex in self._executors.values():
            ex.shutdown(wait=True, cancel_futures=False)
