"""Logging: one rotating file, one logger per subsystem, secrets and card numbers never written.

Subsystem loggers are plain `logging.getLogger("sync.outbox")`, `"hw.reader"`, `"pos.payment"`, `"ui"`:
the lower layers need nothing of ours to log. `setup()` (called once by the composition root) adds the
rotating file handler, a redaction filter on every handler, a small in-memory ring buffer for crash
reports, faulthandler's crash file, and Qt's own messages bridged into the `qt` logger.
"""

from __future__ import annotations

import collections
import faulthandler
import logging
import logging.handlers
import re
from pathlib import Path
from typing import IO

LOG_FILE = "omo-pos.log"
CRASH_FILE = "crash.log"
FORMAT = "%(asctime)s %(levelname)-7s %(name)-14s %(message)s"

# Stripe keys, bearer tokens, anything that looks like a card number (13-19 digits, spaced or not) and
# a password or token in a URL. Over-redacting a log line costs nothing; leaking one costs a lot.
_REDACTIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(sk|rk|pk)_(live|test)_[A-Za-z0-9]+"), r"\1_\2_****"),
    (re.compile(r"(?i)\b(bearer|token|authorization)([\s:=]+)[A-Za-z0-9._~+/=-]{8,}"), r"\1\2****"),
    (re.compile(r"\b(?:\d[ -]?){12,18}\d\b"), "[card number removed]"),
    (re.compile(r"(://[^/\s:@]*:)[^@\s/]+@"), r"\1****@"),
]


def redact(text: str) -> str:
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites the formatted message of every record so no handler ever sees a secret."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(exc_text)
            record.exc_info = None
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


class RingBuffer(logging.Handler):
    """Keeps the last N formatted records in memory, for a crash report."""

    def __init__(self, capacity: int = 500) -> None:
        super().__init__()
        self.records: collections.deque[str] = collections.deque(maxlen=capacity)
        self.setFormatter(logging.Formatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(self.format(record))


ring = RingBuffer()
_crash_fh: IO[str] | None = None


def setup(
    log_dir: Path,
    level: str = "INFO",
    *,
    max_bytes: int = 2_000_000,
    backups: int = 5,
    crash_file: bool = True,
) -> Path:
    """Configure the root logger once; returns the log file's path."""
    global _crash_fh
    log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_omo", False):
            root.removeHandler(h)
            h.close()
    root.setLevel(logging.DEBUG)
    # stripe-python logs every request at INFO; keep its warnings, not a line per poll
    logging.getLogger("stripe").setLevel(logging.WARNING)
    redactor = RedactingFilter()
    file_handler = logging.handlers.RotatingFileHandler(
        log_dir / LOG_FILE, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    file_handler.setLevel(getattr(logging, level))
    file_handler.setFormatter(logging.Formatter(FORMAT))
    for h in (file_handler, ring):
        h.addFilter(redactor)
        h._omo = True  # type: ignore[attr-defined]
        root.addHandler(h)
    if crash_file and _crash_fh is None:
        _crash_fh = open(log_dir / CRASH_FILE, "a", encoding="utf-8")  # noqa: SIM115 - lives for the process
        faulthandler.enable(_crash_fh)
    return log_dir / LOG_FILE


def shutdown() -> None:
    """Detach our handlers and close the crash file (at exit, and between tests)."""
    global _crash_fh
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_omo", False):
            root.removeHandler(h)
            h.close()
    if _crash_fh is not None:
        faulthandler.disable()
        _crash_fh.close()
        _crash_fh = None


def previous_crash(log_dir: Path) -> str | None:
    """The text faulthandler left in the crash file at the last hard crash, if any (shown at start)."""
    path = log_dir / CRASH_FILE
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except FileNotFoundError:
        return None
    return text or None
