"""`omo-pos audit verify`: the audit log's hash chain, here and against the copy anchored at the backend.

Whoever can write the till's database can drop the append-only triggers, delete entries (failed PINs,
lockouts) and chain the rest again: the local check then passes. Each sync sends the backend the entries
written since the last one, and the backend never changes what it holds, so the comparison names the
first entry where this till's chain and the anchored copy differ. Exit 0: intact and matching; 1: broken
or different (the first difference printed); 2: the database or the backend cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.paths import Paths
from app.settings import Settings


def anchored_copy(paths: Paths, settings: Settings) -> list[tuple[int, str]] | None:
    """(seq, hash) of the backend's copy of this till's chain; None when no backend is configured."""
    if settings["mode"] == "demo":
        from app.demo import DEMO_BACKEND_DB, demo_backend_for

        if not (paths.data / DEMO_BACKEND_DB).exists():
            return None  # the demo's backend never ran here: nothing was anchored
        with demo_backend_for(paths, settings) as url:
            return _fetch(url)
    url = settings["backend.url"]
    return _fetch(url) if url else None


def _fetch(url: str) -> list[tuple[int, str]]:
    from sync.client import BackendClient

    client = BackendClient(url)
    try:
        out: list[tuple[int, str]] = []
        after = 0
        while True:
            page = client.audit_copy(after, 5000)
            out += [(e["seq"], e["hash"]) for e in page["entries"]]
            if not page["entries"] or out[-1][0] >= page["head_seq"]:
                return out
            after = out[-1][0]
    finally:
        client.close()


def first_difference(local: list[tuple[int, str]], anchored: list[tuple[int, str]]) -> str | None:
    """Where this till's chain and the anchored copy part, in words; None when every anchored entry is
    here unchanged."""
    here = dict(local)
    for seq, digest in anchored:
        if seq not in here:
            return f"entry {seq} is in the backend's anchored copy but missing here (deleted)"
        if here[seq] != digest:
            return f"entry {seq} differs from the backend's anchored copy (rewritten)"
    return None


def verify(argv: list[str], *, paths: Paths, settings: Settings) -> int:
    parser = argparse.ArgumentParser(
        prog="omo-pos audit verify",
        description="Check the audit log's hash chain, and compare it with the copy anchored at the backend.",
    )
    parser.add_argument("--local-only", action="store_true", help="do not compare with the backend's copy")
    args = parser.parse_args(argv)
    from sync.store import DB_NAME, audit
    from sync.store.connection import connect_ro

    path = paths.data / DB_NAME
    if not path.exists():
        print(f"No database at {path}", file=sys.stderr)
        return 2
    try:
        conn = connect_ro(path)
        try:
            result = audit.verify(conn)
            local = audit.chain(conn)
        finally:
            conn.close()
    except Exception as exc:  # sqlite3.DatabaseError and friends: say it plainly
        print(f"Could not read the audit log in {path}: {exc}", file=sys.stderr)
        return 2
    print(result.message())
    if not result.ok:
        return 1
    if args.local_only:
        return 0
    try:
        anchored: Any = anchored_copy(paths, settings)
    except Exception as exc:
        print(f"Could not read the backend's anchored copy: {exc}", file=sys.stderr)
        return 2
    if anchored is None:
        print("No backend is configured: the chain was not compared with an anchored copy.")
        return 0
    difference = first_difference(local, anchored)
    if difference is not None:
        print(f"audit log DIFFERS from the backend's copy: {difference}")
        return 1
    waiting = sum(1 for seq, _ in local if seq > (anchored[-1][0] if anchored else 0))
    print(f"matches the backend's anchored copy ({len(anchored)} entries; {waiting} not anchored yet)")
    return 0
