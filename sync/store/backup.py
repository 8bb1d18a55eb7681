"""Backups through the SQLite online backup API only (a copied file without its WAL loses commits)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sync.store.connection import connect_ro
from sync.store.core import quick_check


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup(source: Path | str, dest: Path | str, *, pages_per_step: int = 4096) -> Path:
    """Copy the live database ``source`` to ``dest`` with the backup API, while the till keeps running.

    Written to a temporary file, fsynced, checked with quick_check, then renamed into place and the
    directory fsynced. Refuses to overwrite an existing ``dest``.
    """
    source, dest = Path(source), Path(dest)
    if dest.exists():
        raise FileExistsError(f"{dest} already exists; choose a new file name for the backup")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    src = connect_ro(source)
    try:
        out = sqlite3.connect(tmp, isolation_level=None)
        try:
            src.backup(out, pages=pages_per_step)
            out.execute("PRAGMA journal_mode = DELETE")
            quick_check(out, tmp)
        finally:
            out.close()
    finally:
        src.close()
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)
    return dest
