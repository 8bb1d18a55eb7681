"""`omo-pos sync reconcile`: compare what the OMO backend holds with this till's journal, day by day, and
send again whatever it lacks (the sync engine also does this by itself when idle, every 10 minutes).

    omo-pos sync reconcile [--days 7] [--wait 120] [--json]

It opens the till's services (the till program must be closed: one process per data directory), runs one
reconciliation pass (sync/reconcile.py), waits up to --wait seconds for what was queued again to reach the
backend, and says what it found. Exit status: 0 when the backend holds exactly what the till sent (after
sending what it lacked), 1 when something is still missing or the backend could not be asked, 2 for a
usage error or a till that cannot be opened.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from app.paths import Paths
from app.settings import Settings


def main(argv: list[str], *, paths: Paths, settings: Settings) -> int:
    parser = argparse.ArgumentParser(
        prog="omo-pos sync reconcile", description="Send the backend whatever it lacks of this till's events."
    )
    parser.add_argument("--days", type=int, default=7, help="how many days back to compare (default 7)")
    parser.add_argument(
        "--wait", type=float, default=120.0, help="seconds to wait for the resend (default 120)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.days < 1 or args.wait < 0:
        parser.error("--days must be at least 1 and --wait not negative")

    from app.shop import open_shop
    from pos.sync_ports import BackendUnavailable
    from sync.store import StoreError

    try:
        shop = open_shop(paths, settings)
    except StoreError as exc:
        print(f"{exc}\nClose the till program, then try again.", file=sys.stderr)
        return 2
    try:
        engine = shop.sync_engine
        if engine is None:
            print("This till has no OMO backend configured (setting backend.url).", file=sys.stderr)
            return 2
        deadline = time.monotonic() + args.wait

        def drained() -> bool:  # what is queued reaches the backend first: then the figures are final
            while shop.records.queue_status()[0]:
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.2)
            return True

        try:
            settled = drained()
            result = engine.reconcile(args.days)
            if result.requeued or any(d.waiting for d in result.days):  # sent again, or still to be sent
                settled = drained()
                if settled:
                    result = engine.reconcile(args.days)
        except BackendUnavailable as exc:
            print(f"Could not compare with the backend: {exc}", file=sys.stderr)
            return 1
        if args.json:
            print(json.dumps({**result.as_dict(), "drained": settled}))
        else:
            print(result.summary())
            for d in result.days:
                if not d.matched:
                    print(
                        f"  {d.day} {d.event_type:<17} till {d.till_count} ({d.till_total}), "
                        f"backend {d.backend_count} ({d.backend_total}): {d.missing} missing, "
                        f"{d.requeued} queued again"
                    )
            if not settled:
                print("What was queued again has not all reached the backend yet; it keeps being sent.")
        return 0 if result.matched else 1
    finally:
        shop.close()
