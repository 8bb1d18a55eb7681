"""Every scan test must leave no camera thread behind."""

from __future__ import annotations

import threading

import pytest


@pytest.fixture(autouse=True)
def _no_camera_threads_left():
    yield
    alive = [t.name for t in threading.enumerate() if t.name.startswith("camera-")]
    assert alive == [], f"camera threads still running after the test: {alive}"
