"""The till is killed (SIGKILL: no shutdown, no flush) in the middle of a sale; on restart the sale is
back exactly as it was, and the cashier carries on to payment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.conftest import login, make_window, type_into, when_dialog

pytestmark = [pytest.mark.gui, pytest.mark.crash]
ROOT = Path(__file__).resolve().parents[2]


def test_killed_mid_sale_brings_the_cart_back(qtbot, tmp_path):
    data = tmp_path / "shop"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "tests.ui.crash_child", str(data), "3"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == -9, proc.stderr  # it really was killed
    ready = [ln for ln in proc.stdout.splitlines() if ln.startswith("READY")]
    assert ready, proc.stdout + proc.stderr
    _, sale_uuid, total = ready[0].split()

    w = make_window(qtbot, data)
    try:
        login(qtbot, w)
        assert w.shop.checkout.sale_uuid == sale_uuid
        assert w.shop.checkout.total == int(total)
        assert w.page.model.rowCount() == 3
        assert "is back" in w.page.message.text()
        when_dialog(qtbot, lambda d: (type_into(d, w.shop.fmt(int(total)).replace("€", "")), d._confirm()))
        with qtbot.waitSignal(w.controller.sale_completed, timeout=10_000) as done:
            w.controller.on_action("cash")
        assert done.args[0].sale_uuid == sale_uuid
    finally:
        w.close()
        w.shutdown()
