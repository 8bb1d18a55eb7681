"""Schemathesis against the running reference backend (real HTTP on loopback), driven by sync/openapi.yaml.

A few examples per operation keep CI fast; the checks are Schemathesis' defaults (no 5xx, status codes,
content types, headers and bodies as the contract declares).
"""

from __future__ import annotations

import uuid

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from backend.limits import Limits
from backend.server import start_backend
from sync import contract
from tests.backend.engines import ENGINES, fresh_database


@pytest.fixture(scope="module", params=ENGINES)
def running_backend(request, tmp_path_factory):
    """One backend per engine for the whole module: the contract is checked on SQLite and PostgreSQL."""
    with fresh_database(request.param, tmp_path_factory.mktemp("st")) as url:
        # the contract, not the rate limits (tests/security has those): without them every example is seen
        handle = start_backend(url, strict=True, seed_products=50, demo=True, limits=Limits.off())
        handle.token = handle.register_device("till-1")
        yield handle
        handle.stop()


# loaded from the contract file itself; the test below also checks the backend serves exactly this document
schema = schemathesis.openapi.from_path(str(contract.SPEC_PATH))


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_backend_conforms_to_contract(case, running_backend):
    if case.headers and "Idempotency-Key" in case.headers:
        # generated keys repeat across examples with other bodies, which the contract answers 422 (tested
        # on its own in test_backend.py); a fresh key per call lets the other checks see the real answer
        case.headers["Idempotency-Key"] = str(uuid.uuid4())
    case.call_and_validate(
        base_url=running_backend.url,
        headers={"Authorization": f"Bearer {running_backend.token}"},
        timeout=10,
        # unknown query parameters and headers are ignored (robustness principle), which this check counts
        # as "schema-violating request accepted"; invalid values of declared parameters are still rejected
        excluded_checks=[schemathesis.checks.negative_data_rejection],
    )
