"""The receipt printer interface the checkout calls, its status, and the null printer.

Every call returns at once with a ``concurrent.futures.Future``: the work happens on the printer's own
thread, so a slow, offline or missing printer never blocks the till.
"""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

from pos.receipt import Receipt

from .errors import SHORT_TEXT, PrinterError, PrinterProblem, PrinterState


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass(frozen=True)
class PrinterStatus:
    state: PrinterState
    message: str = ""
    """The full explanation of the last problem (what happened, what to do); empty when fine."""
    waiting: int = 0
    """Receipts in the queue that will print by themselves when the printer is back."""
    failed: int = 0
    """Receipts that could not be encoded; kept until reprinted or discarded."""
    description: str = "the receipt printer"

    @property
    def ok(self) -> bool:
        return (
            self.state in (PrinterState.READY, PrinterState.UNKNOWN) and not self.waiting and not self.failed
        )

    @property
    def summary(self) -> str:
        """One line for the status bar: ``"Printer offline — 2 receipts waiting"``."""
        parts = [SHORT_TEXT[self.state]]
        if self.waiting:
            parts.append(f"{_plural(self.waiting, 'receipt')} waiting")
        if self.failed:
            parts.append(f"{_plural(self.failed, 'receipt')} could not print")
        return " — ".join(parts)

    @property
    def warning(self) -> str | None:
        """The visible warning, or None when there is nothing to warn about."""
        return None if self.ok else self.summary


@dataclass(frozen=True)
class PrintOutcome:
    """What happened to a receipt on its first attempt. Not printed is not lost: it waits in the queue."""

    job_id: str
    printed: bool
    message: str = ""
    drawer_opened: bool | None = None
    """None: no drawer kick was asked for."""
    drawer_message: str = ""


@dataclass(frozen=True)
class JobInfo:
    job_id: str
    receipt_no: str
    sale_uuid: str
    state: str
    """``waiting``, ``printed``, ``failed`` or ``discarded``."""
    attempts: int
    last_error: str
    created_at: str
    printed_at: str | None = None
    mark: str = field(default="none")


StatusListener = Callable[[PrinterStatus], None]


class ReceiptPrinter(ABC):
    """A receipt printer with its cash drawer."""

    error_text: str | None = None
    """Set when the printer cannot work at all (not configured, bad settings); shown to the cashier."""

    @abstractmethod
    def print_receipt(self, receipt: Receipt, *, open_drawer: bool = False) -> Future[PrintOutcome]:
        """Queue ``receipt`` durably and try to print it now; ``open_drawer`` kicks the drawer first
        (once, now: a drawer never springs open later when a queued receipt finally prints)."""

    @abstractmethod
    def open_drawer(self, reason: str = "") -> Future[None]:
        """Kick the cash drawer now; the Future raises :class:`PrinterError` with the message if it cannot."""

    @abstractmethod
    def status(self) -> PrinterStatus:
        """A snapshot, safe to call from any thread, never blocks on the device."""

    def add_listener(self, listener: StatusListener) -> None:  # noqa: B027 - optional hook
        """``listener(status)`` is called (on the printer thread) whenever the status changes."""

    def remove_listener(self, listener: StatusListener) -> None:  # noqa: B027 - optional hook
        """Stop calling ``listener``."""

    def retry(self, job_id: str | None = None) -> Future[int]:
        """Try the waiting receipts now (with ``job_id``: a failed one again too); gives how many printed."""
        f: Future[int] = Future()
        f.set_result(0)
        return f

    def reprint(self, job_id: str | None = None) -> Future[PrintOutcome]:
        """Print again (marked REPRINT) the given job, or the last printed receipt."""
        f: Future[PrintOutcome] = Future()
        f.set_exception(PrinterError(PrinterProblem(PrinterState.NOT_CONFIGURED, "Nothing to reprint.")))
        return f

    def jobs(self, *, include_printed: bool = False) -> Future[list[JobInfo]]:
        """The waiting and failed receipts (and the printed ones kept for reprint)."""
        f: Future[list[JobInfo]] = Future()
        f.set_result([])
        return f

    def close(self) -> None:  # noqa: B027 - optional hook
        """Stop the printer thread (after the work already submitted) and join it."""


class NullPrinter(ReceiptPrinter):
    """No receipt printer configured (or its settings are unusable): says so, loses nothing.

    Receipts are still shown on screen and can be saved as PDF or printed on a system printer (ui/).
    """

    def __init__(self, error_text: str = "No receipt printer is set up. Receipts are shown on screen."):
        self.error_text = error_text

    def _problem(self) -> PrinterProblem:
        return PrinterProblem(PrinterState.NOT_CONFIGURED, self.error_text or "", transient=False)

    def print_receipt(self, receipt: Receipt, *, open_drawer: bool = False) -> Future[PrintOutcome]:
        f: Future[PrintOutcome] = Future()
        f.set_result(
            PrintOutcome(
                job_id="",
                printed=False,
                message=self.error_text or "",
                drawer_opened=False if open_drawer else None,
                drawer_message=("No cash drawer is connected: open it with its key." if open_drawer else ""),
            )
        )
        return f

    def open_drawer(self, reason: str = "") -> Future[None]:
        f: Future[None] = Future()
        f.set_exception(
            PrinterError(
                PrinterProblem(
                    PrinterState.NOT_CONFIGURED,
                    "No cash drawer is connected (it opens through the receipt printer). "
                    "Open it with its key.",
                    transient=False,
                )
            )
        )
        return f

    def status(self) -> PrinterStatus:
        return PrinterStatus(PrinterState.NOT_CONFIGURED, self.error_text or "", description="no printer")


class PrinterKind(enum.StrEnum):
    NONE = "none"
    FILE = "file"
    NETWORK = "network"
    USB = "usb"
    SERIAL = "serial"
    DEVICE = "device"
