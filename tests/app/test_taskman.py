from __future__ import annotations

import threading

import pytest

from ui.taskman import TaskManager

pytestmark = pytest.mark.gui


def test_results_and_errors_arrive_on_the_gui_thread(qtbot, qapp):
    tm = TaskManager()
    gui = threading.get_ident()
    seen: list[tuple[str, object, bool]] = []
    worker_ids: list[int] = []

    def work():
        worker_ids.append(threading.get_ident())
        return 42

    def boom():
        raise ValueError("reader unplugged")

    try:
        tm.run("reader", work, lambda r: seen.append(("ok", r, threading.get_ident() == gui)))
        tm.run("net", boom, None, lambda e: seen.append(("err", str(e), threading.get_ident() == gui)))
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    finally:
        tm.shutdown()
    assert sorted(seen) == [("err", "reader unplugged", True), ("ok", 42, True)]
    assert worker_ids and worker_ids[0] != gui
    assert not [t for t in threading.enumerate() if t.name.startswith("omo-")]


def test_a_result_relayed_before_shutdown_is_not_delivered_after_it(qtbot, qapp):
    """A reader probe answered just before the window shut down: its callback would touch widgets that
    are being deleted ("Internal C++ object already deleted"). After shutdown nothing is delivered."""
    tm = TaskManager()
    seen: list[object] = []
    fut = tm.run("reader", lambda: "online", seen.append)
    fut.result(timeout=5)
    tm.shutdown()  # joins the worker: the relay has been emitted, its delivery is queued
    qapp.processEvents()
    assert seen == []
    # and a manager still running delivers as before
    tm2 = TaskManager()
    try:
        tm2.run("reader", lambda: "online", seen.append)
        qtbot.waitUntil(lambda: seen == ["online"], timeout=5000)
    finally:
        tm2.shutdown()
