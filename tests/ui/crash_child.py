"""Run by test_crash_restore in a child process: open the till, ring up items, then die by SIGKILL."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import settings as settings_mod  # noqa: E402
from app.paths import Paths  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.qt import QApplication  # noqa: E402


def main(data_dir: str, items: int) -> None:
    app = QApplication([])
    s = settings_mod.load(None, environ={}, overrides=["demo.products=400", "demo.auto_tap_s=0"])
    w = MainWindow(Paths.under(Path(data_dir)), s)
    w.show()
    deadline = time.monotonic() + 60
    while w.shop is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    w._on_logged_in(w.staff_services.directory.identify("1111"))  # Ana, the demo cashier
    conn = w.shop.store.read_connection()
    codes = [
        r[0]
        for r in conn.execute(
            "SELECT b.barcode FROM barcodes b JOIN products p ON p.id = b.product_id WHERE p.active = 1 "
            "AND length(b.barcode) = 13 ORDER BY p.id LIMIT ?",
            (items,),
        )
    ]
    conn.close()
    for code in codes:
        w.wedge.scanned.emit(code)
        app.processEvents()
    w.shop.store.write_sync(lambda c: None)  # the saves queued by the scans have committed
    print(f"READY {w.shop.checkout.sale_uuid} {w.shop.checkout.total}", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
