"""The attacker's position for the backend attacks: one till's device token (till-1 of store-001), the
backend on loopback, on both engines. The backend runs with the limits it ships with."""

from __future__ import annotations

import uuid

import pytest
import requests

from backend.server import start_backend
from tests.app.conftest import shop, stripe_mode  # noqa: F401 - the demo shop (card relayed by default)
from tests.backend.engines import ENGINES, fresh_database

T = 10  # seconds: timeout of every call in these tests


@pytest.fixture(params=ENGINES)
def engine(request):
    return request.param


@pytest.fixture
def database(engine, tmp_path):
    with fresh_database(engine, tmp_path) as url:
        yield url


@pytest.fixture
def backend(database):
    handle = start_backend(database, strict=True, seed_products=50)
    handle.token = handle.register_device("till-1")
    yield handle
    handle.stop()


@pytest.fixture
def http(backend):
    """One till's device token: everything the attacker has."""
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {backend.token}"
    yield s
    s.close()


def push(http, url, events, key=None):
    """POST a batch; the response."""
    return http.post(
        f"{url}/v1/events",
        json={"events": events},
        headers={"Idempotency-Key": key or str(uuid.uuid4())},
        timeout=T,
    )


def push_one(http, url, ev):
    """The EventResult of a batch of one event (the call must answer 200)."""
    r = push(http, url, [ev])
    assert r.status_code == 200, r.text
    return r.json()["results"][0]


def balance(http, url, member_no):
    r = http.get(f"{url}/v1/members/{member_no}", timeout=T)
    assert r.status_code == 200, r.text
    return r.json()["points_balance"]
