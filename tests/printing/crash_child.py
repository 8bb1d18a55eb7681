"""Child process for the crash test: queue receipts on a printer that fails or hangs, then wait to be killed.

Usage: python -m tests.printing.crash_child QUEUE_DIR MODE   (MODE: offline | hang)
Prints "READY <n>" once n receipts are durably queued (offline) or the third is being sent (hang).
"""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
from pathlib import Path

from hardware.printer import MemoryTransport, QueuedPrinter
from hardware.printer.queue import QUEUE_FILE
from tests.printing.samples import eur, sample_receipt


class Hanging(MemoryTransport):
    def __init__(self, sending: threading.Event):
        super().__init__()
        self.sending = sending
        self.count = 0

    def send(self, data: bytes, job_name: str = "") -> None:
        self.count += 1
        if self.count == 3:
            self.sending.set()
            threading.Event().wait()  # the printer hangs mid-job; the process is killed here
        super().send(data, job_name)


def _wait_until_queued(path: Path, n: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if conn.execute("SELECT count(*) FROM jobs").fetchone()[0] >= n:
                return
        finally:
            conn.close()
        time.sleep(0.01)
    raise SystemExit(f"{n} receipts were not queued in time")


def main() -> None:
    queue_dir, mode = sys.argv[1], sys.argv[2]
    sending = threading.Event()
    if mode == "offline":
        transport = MemoryTransport()
        transport.fail_with = ConnectionRefusedError(111, "Connection refused")
    else:
        transport = Hanging(sending)
    p = QueuedPrinter(transport, queue_dir, format_amount=eur, retry_interval=3600)
    futures = [
        p.print_receipt(
            sample_receipt(receipt_no=f"T01-{n:06d}", sale_uuid=f"00000000-0000-4000-8000-{n:012d}")
        )
        for n in (1, 2, 3, 4)
    ]
    if mode == "offline":
        for f in futures:
            f.result(30)
    else:
        sending.wait(30)
        _wait_until_queued(Path(queue_dir) / QUEUE_FILE, 4)  # the queue thread may still be writing 4
    print("READY 4", flush=True)
    threading.Event().wait(60)


if __name__ == "__main__":
    main()
