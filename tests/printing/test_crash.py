"""kill -9 while receipts wait or while one is being printed: after restart every receipt prints."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hardware.printer import MemoryTransport, QueuedPrinter
from hardware.printer.render import parse_escpos
from tests.printing.samples import eur

ROOT = Path(__file__).resolve().parents[2]


def _numbers(t: MemoryTransport) -> list[str]:
    return [
        next(line for line in parse_escpos(d).text_lines() if line.startswith("Receipt ")).split()[1]
        for _, d in t.jobs
    ]


@pytest.mark.crash
@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        # Nothing printed before the kill: all four after restart, in order.
        ("offline", ["T01-000001", "T01-000002", "T01-000003", "T01-000004"]),
        # 1 and 2 printed; killed while sending 3: 3 is printed again in full (at least once), then 4.
        ("hang", ["T01-000003", "T01-000004"]),
    ],
)
def test_sigkill_then_restart_prints_every_waiting_receipt(tmp_path, mode, expected):
    qdir = tmp_path / "q"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.printing.crash_child", str(qdir), mode],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
        assert line.startswith("READY"), child.stderr.read() if child.poll() is not None else line
        child.send_signal(signal.SIGKILL)
        assert child.wait(30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
        child.stdout.close()
        child.stderr.close()

    mem = MemoryTransport()
    with QueuedPrinter(mem, qdir, format_amount=eur, retry_interval=3600) as p:
        assert p.retry().result(10) >= 0
        assert p.status().waiting == 0
    assert _numbers(mem) == expected
