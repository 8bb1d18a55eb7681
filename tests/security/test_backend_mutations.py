"""A compromised till's payloads: no mutation of a valid event (a value replaced by any JSON value, a key
removed, on any path of the event) yields a 5xx, and none applies half a batch: the valid events around
it apply, or (a batch refused as a whole with a 4xx) none does. Hypothesis, on both engines."""

from __future__ import annotations

import copy
import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.backend.events import event, sale_payload
from tests.security.conftest import push

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path into a JSON value (keys and indexes), the value itself first."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def _mutate(ev: dict[str, Any], path: tuple, action: str, new: Any) -> dict[str, Any]:
    ev = copy.deepcopy(ev)
    *parent_path, last = path
    parent: Any = ev
    for step in parent_path:
        parent = parent[step]
    if action == "delete" and isinstance(parent, dict):
        del parent[last]
    else:
        parent[last] = new
    return ev


def _valid(member_no: int | None = 1001) -> dict[str, Any]:
    return event("sale.completed", sale_payload(member_no=member_no, earned=0))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.data())
def test_no_mutation_of_a_valid_event_gives_a_5xx_or_half_a_batch(backend, http, data):
    target = _valid()
    path = data.draw(st.sampled_from([p for p in _paths(target) if p]), label="path")
    action = data.draw(st.sampled_from(["replace", "delete"]), label="action")
    mutated = _mutate(target, path, action, data.draw(JSON, label="value"))
    before, after = _valid(), _valid(None)
    r = push(http, backend.url, [before, mutated, after])
    assert r.status_code < 500, r.text
    if r.status_code == 200:
        results = {x["event_id"]: x["status"] for x in r.json()["results"]}
        assert results[before["event_id"]] == "applied" and results[after["event_id"]] == "applied"
        return
    assert 400 <= r.status_code < 500
    again = push(http, backend.url, [before, after], str(uuid.uuid4()))  # nothing of the refused batch
    assert [x["status"] for x in again.json()["results"]] == ["applied", "applied"]
