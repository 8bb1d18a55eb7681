"""Command-line handlers the lead wires into ``omo-pos``: ``audit verify`` and ``backup PATH``.

Each returns a process exit code and prints what a manager needs to read; the database is
``data_dir / "pos.sqlite3"``. Both work beside a running till (read-only connection, backup API).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sync.store import DB_NAME, StoreError, audit
from sync.store.backup import backup as _backup
from sync.store.connection import connect_ro


def audit_verify(argv: list[str], *, data_dir: Path) -> int:
    """``omo-pos audit verify``: 0 when the chain is intact, 1 when broken (first broken link printed),
    2 when the database cannot be read."""
    parser = argparse.ArgumentParser(prog="omo-pos audit verify", description="Verify the audit log chain.")
    parser.parse_args(argv)
    path = Path(data_dir) / DB_NAME
    if not path.exists():
        print(f"No database at {path}", file=sys.stderr)
        return 2
    try:
        conn = connect_ro(path)
        try:
            result = audit.verify(conn)
        finally:
            conn.close()
    except (StoreError, OSError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except Exception as exc:  # sqlite3.DatabaseError and friends: say it plainly
        print(f"Could not read the audit log in {path}: {exc}", file=sys.stderr)
        return 2
    print(result.message())
    return 0 if result.ok else 1


def backup(argv: list[str], *, data_dir: Path) -> int:
    """``omo-pos backup PATH``: a consistent copy through the SQLite backup API. 0 on success."""
    parser = argparse.ArgumentParser(prog="omo-pos backup", description="Back up the till's database.")
    parser.add_argument("path", type=Path, help="the new backup file (must not exist yet)")
    args = parser.parse_args(argv)
    path = Path(data_dir) / DB_NAME
    if not path.exists():
        print(f"No database at {path}", file=sys.stderr)
        return 2
    try:
        dest = _backup(path, args.path)
    except FileExistsError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except (StoreError, OSError) as exc:
        print(f"Backup failed: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        print(f"Backup failed: {exc}", file=sys.stderr)
        return 1
    print(f"Backup written to {dest} ({dest.stat().st_size} bytes)")
    return 0
