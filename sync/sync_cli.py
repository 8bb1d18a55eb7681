"""`omo-pos sync status` and `omo-pos sync retry-dead`: the sync queue from a terminal.

    omo-pos sync status [--json] [--export-dead FILE]
    omo-pos sync retry-dead [EVENT_ID ...]      (all dead letters when none given)

`status` reads the database read-only, so it also works while the till is running. `retry-dead` writes,
so it needs the till closed (one process per data directory).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any


def _db_path(data_dir: Path) -> Path:
    from sync.store import DB_NAME

    return Path(data_dir) / DB_NAME


def _age(iso: str | None) -> str:
    if not iso:
        return "-"
    try:
        secs = max(0.0, time.time() - datetime.fromisoformat(iso).timestamp())
    except ValueError:
        return iso
    if secs < 120:
        return f"{secs:.0f} s"
    if secs < 7200:
        return f"{secs / 60:.0f} min"
    return f"{secs / 3600:.1f} h"


def status_data(conn: sqlite3.Connection) -> dict[str, Any]:
    from sync.store import outbox

    st = outbox.stats(conn)
    last_ack = conn.execute("SELECT MAX(acked_at) FROM outbox WHERE acked_at IS NOT NULL").fetchone()[0]
    dead = outbox.dead_letters(conn, limit=10_000)
    return {
        "queue_depth": st.depth,
        "oldest_unsynced_at": st.oldest_created_at,
        "last_acknowledged_at": last_ack,
        "dead_letters": [
            {
                "event_id": d.event_id,
                "type": d.event_type,
                "created_at": d.created_at,
                "attempts": d.attempts,
                "reason": d.reason,
                "dead_at": d.dead_at,
                "payload": d.payload,
            }
            for d in dead
        ],
    }


def sync_status(argv: list[str], *, data_dir: Path) -> int:
    parser = argparse.ArgumentParser(prog="omo-pos sync status", description="Show what has not synced yet.")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--export-dead", metavar="FILE", help="write the dead letters as JSON lines to FILE")
    args = parser.parse_args(argv)
    path = _db_path(data_dir)
    if not path.exists():
        print(f"No till data in {data_dir} yet: nothing to sync.", file=sys.stderr)
        return 1
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0)
    try:
        data = status_data(conn)
    except sqlite3.Error as exc:
        print(f"Cannot read the till database ({exc}).", file=sys.stderr)
        return 1
    finally:
        conn.close()
    if args.export_dead:
        with open(args.export_dead, "w", encoding="utf-8") as fh:
            for d in data["dead_letters"]:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    if args.json:
        print(
            json.dumps(
                {
                    **data,
                    "dead_letters": [
                        {k: v for k, v in d.items() if k != "payload"} for d in data["dead_letters"]
                    ],
                }
            )
        )
        return 0
    print(f"Waiting to sync:     {data['queue_depth']} event(s)")
    print(
        f"Oldest unsynced:     {_age(data['oldest_unsynced_at'])} ago"
        if data["oldest_unsynced_at"]
        else "Oldest unsynced:     -"
    )
    print(f"Last acknowledged:   {data['last_acknowledged_at'] or '-'}")
    print(f"Dead letters:        {len(data['dead_letters'])}")
    for d in data["dead_letters"]:
        print(f"  {d['event_id']}  {d['type']:<18} {d['created_at']}  {d['reason']}")
    if data["dead_letters"]:
        print("Retry them with: omo-pos sync retry-dead [EVENT_ID ...]")
    if args.export_dead:
        print(f"Dead letters written to {args.export_dead}")
    return 0


def sync_retry_dead(argv: list[str], *, data_dir: Path) -> int:
    parser = argparse.ArgumentParser(
        prog="omo-pos sync retry-dead", description="Put dead letters back in the sync queue."
    )
    parser.add_argument("event_ids", nargs="*", help="the events to retry (default: all)")
    args = parser.parse_args(argv)
    from sync.store import Store, StoreError, outbox

    path = _db_path(data_dir)
    if not path.exists():
        print(f"No till data in {data_dir}.", file=sys.stderr)
        return 1
    try:
        store = Store.open(path, till_id="cli", quick_check=False)
    except StoreError as exc:
        print(
            f"{exc}\nClose the till program, then try again (or retry from the manager screen).",
            file=sys.stderr,
        )
        return 2
    try:
        ids = args.event_ids or None
        n = store.write_sync(lambda c: outbox.retry_dead(c, ids))
    finally:
        store.close()
    if ids and n < len(ids):
        print(f"Put {n} of {len(ids)} event(s) back in the queue; the others are not dead letters.")
        return 1
    print(f"Put {n} event(s) back in the sync queue; they are sent when the till next syncs.")
    return 0
