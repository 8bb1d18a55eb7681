"""Turn python-escpos and operating-system exceptions into states and messages a cashier understands.

Every message says what happened and what to do; a *transient* problem (offline, out of paper, cable
unplugged) keeps the job in the queue to print by itself later; a non-transient one (the receipt cannot be
encoded) marks only that job as failed so that it does not block the receipts behind it.
"""

from __future__ import annotations

import enum
import errno
import socket
from dataclasses import dataclass

from escpos import exceptions as escpos_exc


class PrinterState(enum.StrEnum):
    UNKNOWN = "unknown"
    """Nothing printed yet since start: we do not know (we never print a test page on our own)."""
    READY = "ready"
    OFFLINE = "offline"
    PAPER_OUT = "paper_out"
    MISSING = "missing"
    PERMISSION = "permission"
    NOT_CONFIGURED = "not_configured"
    ERROR = "error"


SHORT_TEXT = {
    PrinterState.UNKNOWN: "Printer ready",
    PrinterState.READY: "Printer ready",
    PrinterState.OFFLINE: "Printer offline",
    PrinterState.PAPER_OUT: "Printer out of paper",
    PrinterState.MISSING: "Printer not found",
    PrinterState.PERMISSION: "Printer not accessible",
    PrinterState.NOT_CONFIGURED: "No receipt printer",
    PrinterState.ERROR: "Printer error",
}


@dataclass(frozen=True)
class PrinterProblem:
    state: PrinterState
    message: str
    transient: bool = True
    """True: the device is the problem, keep the job and retry. False: this job is the problem."""


class PrinterError(Exception):
    """A printer problem, already classified; ``str()`` is the cashier's message."""

    def __init__(self, problem: PrinterProblem):
        super().__init__(problem.message)
        self.problem = problem


class PaperOutError(Exception):
    """The printer reported an empty paper roll (DLE EOT 4)."""


class PrinterOfflineError(Exception):
    """The printer reported itself offline (DLE EOT 1: cover open, paper out or an error)."""


def _cap(text: str) -> str:
    """Upper-case the first letter only (``str.capitalize`` would lower-case a printer's name)."""
    return text[:1].upper() + text[1:]


def _chain(exc: BaseException):
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        yield e
        e = e.__cause__ or e.__context__


def classify_error(exc: BaseException, device: str = "the receipt printer") -> PrinterProblem:
    """Map an exception raised while talking to ``device`` to a state and a clear message."""
    if isinstance(exc, PrinterError):
        return exc.problem
    chain = list(_chain(exc))
    names = {type(e).__name__ for e in chain}
    text = " ".join(str(e) for e in chain).lower()

    def p(state: PrinterState, message: str, transient: bool = True) -> PrinterProblem:
        return PrinterProblem(state, message, transient)

    for e in chain:
        if isinstance(e, PaperOutError):
            return p(
                PrinterState.PAPER_OUT,
                f"{_cap(device)} is out of paper. Load a new roll: waiting receipts then print "
                "by themselves.",
            )
        if isinstance(e, PrinterOfflineError):
            return p(
                PrinterState.OFFLINE,
                f"{_cap(device)} reports it is not ready. Close the cover, check the paper and "
                "clear any jam; waiting receipts then print by themselves.",
            )
    # The usb and serial libraries are optional: recognise their errors by name.
    if "requires a usb library" in text or "requires the pyserial library" in text:
        kind = "USB" if "usb library" in text else "serial"
        pkg = "pyusb" if kind == "USB" else "pyserial"
        return p(
            PrinterState.NOT_CONFIGURED,
            f"{kind} printers need the '{pkg}' package, which is not installed on this till. "
            "Ask IT to install it, or use a network printer. Receipts wait in the queue meanwhile.",
        )
    for e in chain:
        if isinstance(e, PermissionError) or getattr(e, "errno", None) in (errno.EACCES, errno.EPERM):
            return p(
                PrinterState.PERMISSION,
                f"This till is not allowed to use {device}. Ask IT to give the till's user access to "
                "the printer device (Linux: the 'lp' or 'dialout' group).",
            )
        if isinstance(e, socket.gaierror):
            return p(
                PrinterState.MISSING,
                f"The network address of {device} cannot be found. Check the printer address in Settings.",
            )
        if isinstance(e, ConnectionRefusedError | TimeoutError | socket.timeout) or (
            getattr(e, "errno", None) in (errno.EHOSTUNREACH, errno.ENETUNREACH, errno.ETIMEDOUT)
        ):
            return p(
                PrinterState.OFFLINE,
                f"{_cap(device)} is not answering. Check that it is switched on and connected; "
                "waiting receipts print by themselves when it is back.",
            )
        if isinstance(e, BrokenPipeError | ConnectionResetError | ConnectionAbortedError):
            return p(
                PrinterState.OFFLINE,
                f"The connection to {device} was lost while printing. Check its cable or network; the "
                "receipt will be printed again in full.",
            )
        if getattr(e, "errno", None) == errno.ENOSPC:
            return p(PrinterState.ERROR, "The till's disk is full: the printer output cannot be written.")
        if isinstance(e, FileNotFoundError) or getattr(e, "errno", None) in (errno.ENODEV, errno.ENXIO):
            return p(
                PrinterState.MISSING,
                f"{_cap(device)} is not connected. Check that it is switched on and its cable is "
                "plugged in; waiting receipts print by themselves when it is back.",
            )
    if names & {"USBNotFoundError", "DeviceNotFoundError", "SerialException", "USBError", "NoBackendError"}:
        if "timeout" in text or "timed out" in text:
            return p(
                PrinterState.OFFLINE,
                f"{_cap(device)} did not accept the receipt in time. Check paper and cover; "
                "waiting receipts print by themselves when it is ready.",
            )
        if "access denied" in text or "permission" in text:
            return p(
                PrinterState.PERMISSION,
                f"This till is not allowed to use {device}. Ask IT to give the till's user access to "
                "the printer device.",
            )
        return p(
            PrinterState.MISSING,
            f"{_cap(device)} is not connected. Check that it is switched on and its cable is "
            "plugged in; waiting receipts print by themselves when it is back.",
        )
    if isinstance(exc, escpos_exc.Error | ValueError | UnicodeError | KeyError | TypeError):
        return p(
            PrinterState.ERROR,
            f"This receipt could not be prepared for {device} ({type(exc).__name__}: {exc}). "
            "It is kept: show it on screen or save it as PDF instead.",
            transient=False,
        )
    if isinstance(exc, OSError):
        return p(
            PrinterState.ERROR,
            f"{_cap(device)} reported a problem ({exc.strerror or exc}). Check the printer; "
            "waiting receipts print by themselves when it is ready.",
        )
    return p(
        PrinterState.ERROR,
        f"{_cap(device)} reported an unexpected problem ({type(exc).__name__}: {exc}). "
        "Waiting receipts are kept.",
    )
