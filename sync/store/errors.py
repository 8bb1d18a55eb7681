"""Store errors. Each carries a message a cashier or manager can act on (``str(exc)``)."""

from __future__ import annotations

import sqlite3


class StoreError(Exception):
    """Base class of every error the store raises on purpose."""


class StoreLockedError(StoreError):
    """Another OMO POS process already uses this data directory."""


class DatabaseNewerError(StoreError):
    """The database was written by a newer version of OMO POS."""


class DatabaseCorruptError(StoreError):
    """The database file failed its integrity check; it is left untouched."""


class DiskFullError(StoreError):
    """The disk is full; the last change was not saved."""


class DiskIOError(StoreError):
    """The disk reported an input/output error; the last change was not saved."""


class StoreBusyError(StoreError):
    """The database stayed locked by another connection for longer than the busy timeout."""


def classify(exc: BaseException) -> BaseException:
    """Turn an environmental sqlite3 error into a StoreError with a clear message; anything else
    (a bug: syntax error, constraint violation) is returned unchanged."""
    if not isinstance(exc, sqlite3.Error):
        return exc
    code = getattr(exc, "sqlite_errorcode", None)
    name = getattr(exc, "sqlite_errorname", "") or ""
    msg = str(exc).lower()
    if code == sqlite3.SQLITE_FULL or name.startswith("SQLITE_FULL") or "disk is full" in msg:
        return DiskFullError(
            "The disk is full, so the last change could not be saved. Nothing was lost: free some disk "
            "space (or call support) and try again."
        )
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in msg:
        return DiskIOError(
            "The disk reported an error while saving, so the last change was not saved. Try again; "
            "if it keeps happening, call support."
        )
    if name.startswith("SQLITE_CORRUPT") or name.startswith("SQLITE_NOTADB") or "malformed" in msg:
        return DatabaseCorruptError(
            "The till's database is damaged. Stop using this till and call support; the file has "
            "been left as it is so that nothing more is lost."
        )
    if name.startswith("SQLITE_BUSY") or "database is locked" in msg:
        return StoreBusyError("The till's database is busy. Try again in a moment.")
    return exc
