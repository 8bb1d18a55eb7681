"""SIGKILL of the till at the sync engine's named crash points: after a restart the queue drains, and the
backend has every sale exactly once (one ledger row per event)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync.conftest import backend_counts, enqueue_sales

ROOT = Path(__file__).resolve().parents[2]


def _run_child(data_dir, backend, token, crashpoint=None, hits=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("POS_CRASHPOINT", None)
    env.pop("POS_CRASHPOINT_LOG", None)
    if crashpoint:
        env["POS_CRASHPOINT"] = crashpoint
    if hits:
        env["POS_CRASHPOINT_LOG"] = str(hits)
    return subprocess.run(
        [sys.executable, "-m", "tests.sync.crash_child", str(data_dir), backend.url, token],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.crash
@pytest.mark.parametrize(
    "point",
    [
        "after_outbox_claim:2",
        "after_http_send_before_response:2",
        "after_response_before_ack_commit:2",
        "after_ack_commit:2",
    ],
)
def test_killed_mid_drain_then_restarted_applies_everything_once(backend, tmp_path, point):
    from sync.store import open_store

    data_dir = tmp_path / "till"
    store = open_store(data_dir, till_id="till-1")
    enqueue_sales(store, 300)
    store.close()
    token = backend.register_device("till-1", token="crash-token")

    hits = tmp_path / "hits.log"
    crashed = _run_child(data_dir, backend, token, point, hits)
    assert crashed.returncode == -9, crashed.stderr[-2000:]
    # the child said which point it died at, just before its SIGKILL
    assert hits.read_text().split()[0] == point
    events_after_crash = backend_counts(backend)[0]
    assert 100 <= events_after_crash < 300  # the first batch at least; never all

    done = _run_child(data_dir, backend, token)
    assert done.returncode == 0 and "drained" in done.stdout, done.stderr[-2000:]
    events, (rows, distinct, total) = backend_counts(backend)
    assert events == rows == distinct == 300 and total == 900
    store = open_store(data_dir, till_id="till-1")
    try:
        from tests.sync.conftest import outbox_stats

        st = outbox_stats(store)
        assert st.depth == 0 and st.dead == 0
    finally:
        store.close()
