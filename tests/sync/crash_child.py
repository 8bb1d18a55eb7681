"""Child process for the sync crash tests: drains a till's queue until a crash point kills it.

Usage: python -m tests.sync.crash_child DATA_DIR BACKEND_URL TOKEN   (POS_CRASHPOINT=name:nth to crash)
Prints "drained" when the queue is empty.
"""

from __future__ import annotations

import sys
import time

from sync.engine import SyncEngine
from sync.store import open_store, outbox


def main() -> None:
    data_dir, url, token = sys.argv[1], sys.argv[2], sys.argv[3]
    store = open_store(data_dir, till_id="till-1")
    engine = SyncEngine(
        store,
        base_url=url,
        token_provider=lambda: token,
        batch_size=100,
        catalog_interval_s=None,
        idle_poll_s=0.02,
    )
    engine.start()
    conn = store.read_connection()
    deadline = time.monotonic() + 60
    while outbox.stats(conn).depth and time.monotonic() < deadline:
        time.sleep(0.01)
    conn.close()
    engine.stop()
    store.close()
    print("drained", flush=True)


if __name__ == "__main__":
    main()
