"""The print queue: receipts wait durably on disk until the printer takes them.

``QueuedPrinter`` owns one thread (the printer thread). Everything that touches the device or the queue
file runs there; callers get a Future at once. A receipt is first written to the queue (SQLite, WAL,
``synchronous=FULL``), then sent; if the printer is offline, out of paper or missing it stays
``waiting``, the status says so ("Printer offline — 2 receipts waiting"), and the thread retries with
back-off, in order, until it prints; a restart finds the waiting receipts again. A receipt the printer
cannot take because of the receipt itself (an encoding bug) is marked ``failed`` and does not block the
ones behind it. Printed jobs are kept (the newest ``keep_printed``) for reprints; waiting and failed
jobs are never deleted by housekeeping.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import queue
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from pos.receipt import WIDTH_80MM, Receipt, ReceiptMark

from .base import JobInfo, PrinterStatus, PrintOutcome, ReceiptPrinter, StatusListener
from .errors import PrinterError, PrinterProblem, PrinterState, classify_error
from .escpos_encode import DRAWER_PIN, encode_drawer_kick
from .transports import Transport

log = logging.getLogger("hw.printer")
T = TypeVar("T")

QUEUE_FILE = "print-queue.sqlite3"
SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id      TEXT NOT NULL UNIQUE,
    receipt_no  TEXT NOT NULL,
    sale_uuid   TEXT NOT NULL,
    mark        TEXT NOT NULL,
    width       INTEGER NOT NULL,
    payload     TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('waiting', 'printed', 'failed', 'discarded')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    printed_at  TEXT
);
CREATE INDEX IF NOT EXISTS jobs_state ON jobs(state, seq);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class JobStore:
    """The queue file. Used only on the printer thread."""

    def __init__(self, directory: Path, *, repair: bool = True):
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / QUEUE_FILE
        self.quarantined: Path | None = None
        try:
            self.conn = self._open()
        except sqlite3.DatabaseError as e:
            if not repair:
                raise
            # A damaged queue file must not stop the till: keep it aside for IT, start a new one.
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            self.quarantined = self.path.with_name(f"{QUEUE_FILE}.damaged-{stamp}")
            log.error("print queue %s unreadable (%s); moved to %s", self.path, e, self.quarantined)
            for suffix in ("", "-wal", "-shm"):
                src = Path(str(self.path) + suffix)
                if src.exists():
                    src.replace(Path(str(self.quarantined) + suffix))
            self.conn = self._open()

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=5.0)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"queue file from a newer version ({version})")
            if version < SCHEMA_VERSION:
                conn.execute("BEGIN IMMEDIATE")
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                conn.execute("COMMIT")
        except BaseException:
            conn.close()
            raise
        return conn

    @contextlib.contextmanager
    def tx(self):
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def add(self, receipt: Receipt, width: int) -> str:
        job_id = str(uuid.uuid4())
        now = _now()
        with self.tx() as c:
            c.execute(
                "INSERT INTO jobs (job_id, receipt_no, sale_uuid, mark, width, payload, state, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?)",
                (
                    job_id,
                    receipt.receipt_no,
                    receipt.sale_uuid,
                    receipt.mark.value,
                    width,
                    json.dumps(receipt.to_dict(), ensure_ascii=False),
                    now,
                    now,
                ),
            )
        return job_id

    def waiting(self) -> list[tuple[str, str, int]]:
        return self.conn.execute(
            "SELECT job_id, payload, width FROM jobs WHERE state = 'waiting' ORDER BY seq"
        ).fetchall()

    def payload(self, job_id: str | None) -> tuple[str, str, int] | None:
        if job_id is None:
            return self.conn.execute(
                "SELECT job_id, payload, width FROM jobs WHERE state = 'printed' ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        return self.conn.execute(
            "SELECT job_id, payload, width FROM jobs WHERE job_id = ?", (job_id,)
        ).fetchone()

    def mark(self, job_id: str, state: str, error: str = "", *, attempt: bool = True) -> None:
        now = _now()
        with self.tx() as c:
            c.execute(
                "UPDATE jobs SET state = ?, last_error = ?, attempts = attempts + ?, updated_at = ?,"
                " printed_at = CASE WHEN ? = 'printed' THEN ? ELSE printed_at END WHERE job_id = ?",
                (state, error, 1 if attempt else 0, now, state, now, job_id),
            )

    def state(self, job_id: str) -> tuple[str, str]:
        row = self.conn.execute("SELECT state, last_error FROM jobs WHERE job_id = ?", (job_id,)).fetchone()
        return (row[0], row[1]) if row else ("unknown", "")

    def requeue(self, job_id: str) -> bool:
        """A failed job goes back to waiting (after a fix, or to try again)."""
        with self.tx() as c:
            cur = c.execute(
                "UPDATE jobs SET state = 'waiting', updated_at = ? WHERE job_id = ? AND state = 'failed'",
                (_now(), job_id),
            )
        return cur.rowcount == 1

    def counts(self) -> tuple[int, int]:
        rows = dict(
            self.conn.execute(
                "SELECT state, COUNT(*) FROM jobs WHERE state IN ('waiting', 'failed') GROUP BY state"
            ).fetchall()
        )
        return rows.get("waiting", 0), rows.get("failed", 0)

    def jobs(self, include_printed: bool) -> list[JobInfo]:
        states = ("waiting", "failed", "printed", "discarded") if include_printed else ("waiting", "failed")
        rows = self.conn.execute(
            f"SELECT job_id, receipt_no, sale_uuid, state, attempts, last_error, created_at, printed_at, mark"
            f" FROM jobs WHERE state IN ({','.join('?' * len(states))}) ORDER BY seq",
            states,
        ).fetchall()
        return [JobInfo(*r) for r in rows]

    def housekeep(self, keep_printed: int) -> None:
        """Forget old printed/discarded jobs; never a waiting or failed one."""
        with self.tx() as c:
            c.execute(
                "DELETE FROM jobs WHERE state IN ('printed', 'discarded') AND seq NOT IN ("
                " SELECT seq FROM jobs WHERE state IN ('printed', 'discarded') ORDER BY seq DESC LIMIT ?)",
                (keep_printed,),
            )

    def close(self) -> None:
        self.conn.close()


_STOP = object()


def runs_in_printer_thread(fn: Callable[..., T]) -> Callable[..., T]:
    """Asserts the method runs on this printer's own thread (device and queue file are not shared)."""

    @functools.wraps(fn)
    def wrapper(self: QueuedPrinter, *args: Any, **kw: Any) -> T:
        assert threading.current_thread() is self._thread, f"{fn.__name__} must run on the printer thread"
        return fn(self, *args, **kw)

    return wrapper


class QueuedPrinter(ReceiptPrinter):
    """An ESC/POS receipt printer and its cash drawer behind a durable queue, on its own thread.

    Two threads: the printer thread does all device I/O; a small queue thread only writes new receipts
    to the queue file, so a receipt is durable within milliseconds even while the device hangs.

    ``format_amount`` turns integer amounts into text (receipts may also arrive already formatted).
    ``retry_interval`` is the first back-off after a failure (doubling up to ``max_retry_interval``).
    """

    def __init__(
        self,
        transport: Transport,
        queue_dir: str | Path,
        *,
        width: int = WIDTH_80MM,
        format_amount: Callable[[int], str] | None = None,
        profile: str | None = None,
        drawer_pin: int = DRAWER_PIN,
        retry_interval: float = 3.0,
        max_retry_interval: float = 60.0,
        keep_printed: int = 500,
        kanji: bool = False,
        name: str = "printer",
    ):
        self.transport = transport
        self.queue_dir = Path(queue_dir)
        self.width = width
        self.format_amount = format_amount
        self.profile = profile
        self.drawer_pin = drawer_pin
        self.retry_interval = retry_interval
        self.max_retry_interval = max_retry_interval
        self.keep_printed = keep_printed
        self.kanji = kanji
        self.error_text = None
        self._inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._status_lock = threading.Lock()
        self._listeners: list[StatusListener] = []
        self._status = PrinterStatus(PrinterState.UNKNOWN, description=transport.description)
        self._closed = False
        self._backoff = retry_interval
        self._next_retry: float | None = None
        self._store: JobStore | None = None
        self._started = threading.Event()
        self._start_error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=f"{name}-thread", daemon=True)
        self._thread.start()
        self._started.wait()
        if self._start_error is not None:
            self._thread.join()
            raise self._start_error
        self._writes: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._write_loop, name=f"{name}-queue", daemon=True)
        self._writer.start()

    # ------------------------------------------------------------------------------ public (any thread)
    def print_receipt(self, receipt: Receipt, *, open_drawer: bool = False) -> Future[PrintOutcome]:
        formatted = receipt.formatted(self.format_amount)  # a missing formatter fails here, loudly
        outcome: Future[PrintOutcome] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the printer has been closed")
            self._writes.put((outcome, formatted, open_drawer))
        return outcome

    def open_drawer(self, reason: str = "") -> Future[None]:
        return self._submit(self._kick, reason)

    def retry(self, job_id: str | None = None) -> Future[int]:
        """Try the waiting receipts now; with ``job_id``, put that failed receipt back in the queue first."""
        return self._submit(self._retry, job_id)

    def reprint(self, job_id: str | None = None) -> Future[PrintOutcome]:
        return self._submit(self._reprint, job_id)

    def discard(self, job_id: str) -> Future[None]:
        """Drop a waiting or failed receipt from the queue (it stays in the file, state ``discarded``)."""
        return self._submit(self._discard, job_id)

    def jobs(self, *, include_printed: bool = False) -> Future[list[JobInfo]]:
        return self._submit(self._jobs, include_printed)

    def status(self) -> PrinterStatus:
        with self._lock:
            return self._status

    def add_listener(self, listener: StatusListener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: StatusListener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def close(self, timeout: float = 10.0) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        # The queue thread first (its last receipts hand over to the printer thread), then the printer.
        self._writes.put(_STOP)
        self._writer.join(timeout)
        self._inbox.put(_STOP)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("printer thread did not stop within %.0f s (device hung?)", timeout)

    def __enter__(self) -> QueuedPrinter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        f: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the printer has been closed")
            self._inbox.put((f, fn, args))
        return f

    # ------------------------------------------------------------------------------ queue thread
    def _write_loop(self) -> None:
        store: JobStore | None = None
        while (item := self._writes.get()) is not _STOP:
            outcome, receipt, open_drawer = item
            try:
                if store is None:
                    store = JobStore(self.queue_dir, repair=False)
                job_id = store.add(receipt, self.width)
            except Exception as e:  # noqa: BLE001 - reported through the Future and the status
                problem = classify_error(e, "the print queue")
                log.error("receipt %s could not be queued: %s", receipt.receipt_no, e)
                outcome.set_exception(
                    PrinterError(
                        PrinterProblem(
                            PrinterState.ERROR,
                            "The receipt could not be put in the print queue (" + problem.message + ") "
                            "Show it on screen or reprint it from the sales list.",
                            transient=False,
                        )
                    )
                )
                continue
            self._publish(store)
            self._inbox.put((outcome, self._attempt, (job_id, open_drawer)))
        if store is not None:
            store.close()

    def _publish(
        self, store: JobStore, state: PrinterState | None = None, message: str | None = None
    ) -> None:
        """Recount the queue and publish the status (``None``: keep the current state or message).

        Counting, replacing and notifying happen under one lock, so the two threads never publish a
        stale count after a fresh one, and listeners see the changes in order.
        """
        with self._status_lock:
            waiting, failed = store.counts()
            cur = self._status
            new = PrinterStatus(
                cur.state if state is None else state,
                cur.message if message is None else message,
                waiting,
                failed,
                self.transport.description,
            )
            if new == cur:
                return
            with self._lock:
                self._status = new
                listeners = list(self._listeners)
            log.info("printer status: %s", new.summary)
            for listener in listeners:
                try:
                    listener(new)
                except Exception:
                    log.exception("printer status listener failed")

    # ------------------------------------------------------------------------------ printer thread
    def _run(self) -> None:
        try:
            self._store = JobStore(self.queue_dir)
        except BaseException as e:  # noqa: BLE001 - reported to the constructor's caller
            self._start_error = e
            self._started.set()
            return
        if self._store.quarantined is not None:
            self._refresh(
                PrinterState.ERROR,
                f"The print queue file was damaged and has been set aside ({self._store.quarantined.name}); "
                "receipts that were waiting in it did not print. Reprint them from the sales list.",
            )
        else:
            self._refresh()
        self._started.set()
        if self._store.counts()[0]:
            self._next_retry = time.monotonic()  # receipts left from the last run: try them at once
        try:
            while True:
                timeout = None
                if self._next_retry is not None:
                    timeout = max(0.0, self._next_retry - time.monotonic())
                try:
                    item = self._inbox.get(timeout=timeout)
                except queue.Empty:
                    item = None
                if item is None:  # retry time (outside the except block: no stray exception context)
                    self._drain(False)
                    continue
                if item is _STOP:
                    break
                f, fn, args = item
                if not f.set_running_or_notify_cancel():
                    if fn == self._attempt:
                        fn(*args)  # the receipt is queued: print it even if nobody waits any more
                    continue
                try:
                    f.set_result(fn(*args))
                except BaseException as e:  # noqa: BLE001 - handed to the caller through the Future
                    f.set_exception(e)
        finally:
            with contextlib.suppress(Exception):
                self.transport.close()
            self._store.close()

    @runs_in_printer_thread
    def _refresh(self, state: PrinterState | None = None, message: str | None = None) -> None:
        assert self._store is not None
        self._publish(self._store, state, message)

    @runs_in_printer_thread
    def _send(self, data: bytes, job_name: str) -> PrinterProblem | None:
        try:
            self.transport.send(data, job_name)
        except Exception as e:  # noqa: BLE001 - classified for the cashier
            problem = classify_error(e, self.transport.description)
            log.warning("printing %s failed: %s (%s: %s)", job_name, problem.state, type(e).__name__, e)
            return problem
        return None

    @runs_in_printer_thread
    def _deliver(self, receipt: Receipt, width: int) -> PrinterProblem | None:
        try:
            self.transport.deliver_receipt(receipt, width, self.profile, self.kanji)
        except Exception as e:  # noqa: BLE001 - classified for the cashier
            problem = classify_error(e, self.transport.description)
            log.warning(
                "printing receipt %s failed: %s (%s: %s)",
                receipt.receipt_no,
                problem.state,
                type(e).__name__,
                e,
            )
            return problem
        return None

    @runs_in_printer_thread
    def _print(self, receipt: Receipt, open_drawer: bool) -> PrintOutcome:
        assert self._store is not None
        return self._attempt(self._store.add(receipt, self.width), open_drawer)

    @runs_in_printer_thread
    def _attempt(self, job_id: str, open_drawer: bool) -> PrintOutcome:
        """Kick the drawer if asked, then print what waits (this job included, in queue order)."""
        assert self._store is not None
        drawer_opened: bool | None = None
        drawer_message = ""
        if open_drawer:
            try:
                self._kick("with receipt")
                drawer_opened = True
            except PrinterError as e:
                drawer_opened, drawer_message = False, str(e)
        self._drain(True)
        state, last_error = self._store.state(job_id)
        if state == "printed":
            return PrintOutcome(job_id, True, "", drawer_opened, drawer_message)
        message = last_error if state == "failed" else (self._status.message or last_error)
        return PrintOutcome(job_id, False, message, drawer_opened, drawer_message)

    @runs_in_printer_thread
    def _drain(self, now: bool) -> int:
        """Send the waiting jobs in order; stop at the first device problem and schedule a retry."""
        assert self._store is not None
        if now:
            self._backoff = self.retry_interval
        printed = 0
        for job_id, payload, _queued_width in self._store.waiting():
            try:
                receipt = Receipt.from_dict(json.loads(payload))
            except Exception as e:  # noqa: BLE001 - this job is unreadable; others must go on
                problem = classify_error(e, self.transport.description)
                log.error("receipt job %s cannot be read: %s", job_id, e)
                self._store.mark(job_id, "failed", problem.message)
                continue
            # The printer's current width (the paper may have changed since the receipt was queued).
            problem = self._deliver(receipt, self.width)
            if problem is None:
                self._store.mark(job_id, "printed")
                printed += 1
                continue
            if not problem.transient:
                self._store.mark(job_id, "failed", problem.message)
                continue
            self._store.mark(job_id, "waiting", problem.message)
            self._next_retry = time.monotonic() + self._backoff
            self._backoff = min(self._backoff * 2, self.max_retry_interval)
            self._refresh(problem.state, problem.message)
            return printed
        self._next_retry = None
        self._backoff = self.retry_interval
        if printed:
            self._store.housekeep(self.keep_printed)
        if printed or self._status.state not in (PrinterState.READY, PrinterState.UNKNOWN):
            self._refresh(PrinterState.READY, "")
        else:
            self._refresh()
        return printed

    @runs_in_printer_thread
    def _kick(self, reason: str) -> None:
        log.info("opening the cash drawer (%s)", reason or "no reason given")
        problem = self._send(encode_drawer_kick(self.drawer_pin, profile=self.profile), "drawer-kick")
        if problem is not None:
            if problem.transient:  # a device problem; "this printer has no drawer" is not one
                self._refresh(problem.state, problem.message)
            raise PrinterError(
                PrinterProblem(
                    problem.state,
                    "The cash drawer did not open: " + problem.message + " You can open it with its key.",
                    problem.transient,
                )
            )
        if self._status.state not in (PrinterState.READY, PrinterState.UNKNOWN):
            # The device answers again: print what waited.
            self._drain(True)

    @runs_in_printer_thread
    def _reprint(self, job_id: str | None) -> PrintOutcome:
        assert self._store is not None
        row = self._store.payload(job_id)
        if row is None:
            raise PrinterError(
                PrinterProblem(
                    PrinterState.ERROR,
                    "There is no printed receipt to reprint yet." if job_id is None else "Unknown receipt.",
                    transient=False,
                )
            )
        receipt = Receipt.from_dict(json.loads(row[1]))
        if receipt.mark is not ReceiptMark.PAYMENT_PENDING:
            receipt = receipt.marked(ReceiptMark.REPRINT)
        return self._print(receipt, False)

    @runs_in_printer_thread
    def _retry(self, job_id: str | None) -> int:
        assert self._store is not None
        if job_id is not None:
            self._store.requeue(job_id)
        return self._drain(True)

    @runs_in_printer_thread
    def _discard(self, job_id: str) -> None:
        assert self._store is not None
        self._store.mark(job_id, "discarded", "discarded by staff", attempt=False)
        self._refresh()

    @runs_in_printer_thread
    def _jobs(self, include_printed: bool) -> list[JobInfo]:
        assert self._store is not None
        return self._store.jobs(include_printed)
