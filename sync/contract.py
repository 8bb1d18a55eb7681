"""The backend contract (sync/openapi.yaml) as validators, shared by the till's client and the reference
backend.

Schemas are JSON Schema 2020-12 (OpenAPI 3.1). Validation uses `jsonschema_rs` (Rust; ~0.5 µs per catalog
product, which a 1,000,000-product first sync needs) and falls back to `jsonschema` when it is missing.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import yaml

SPEC_PATH = Path(__file__).with_name("openapi.yaml")
_DRAFT = "https://json-schema.org/draft/2020-12/schema"


class ContractViolation(Exception):
    """A body does not match the contract. `where` names the schema, `detail` the first error."""

    def __init__(self, where: str, detail: str) -> None:
        super().__init__(f"{where}: {detail}")
        self.where = where
        self.detail = detail


@functools.cache
def spec() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster than pure Python
    with SPEC_PATH.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader


@functools.cache
def spec_json_bytes() -> bytes:
    return json.dumps(spec(), separators=(",", ":")).encode()


class _Validator:
    def __init__(self, name: str) -> None:
        self.name = name
        schema = {
            "$schema": _DRAFT,
            "components": spec()["components"],
            "$ref": f"#/components/schemas/{name}",
        }
        try:
            import jsonschema_rs

            self._rs = jsonschema_rs.validator_for(schema)
            self._py = None
        except ImportError:  # pragma: no cover - the pinned environment has jsonschema_rs
            import jsonschema

            self._rs = None
            self._py = jsonschema.Draft202012Validator(schema)

    def validate(self, instance: Any) -> None:
        if self._rs is not None:
            if self._rs.is_valid(instance):
                return
            err = next(iter(self._rs.iter_errors(instance)))
            path = "/".join(str(p) for p in err.instance_path)
            raise ContractViolation(self.name, f"at /{path}: {err.message}"[:500])
        errors = sorted(self._py.iter_errors(instance), key=lambda e: list(e.path))
        if errors:
            err = errors[0]
            path = "/".join(str(p) for p in err.path)
            raise ContractViolation(self.name, f"at /{path}: {err.message}"[:500])

    def is_valid(self, instance: Any) -> bool:
        try:
            self.validate(instance)
        except ContractViolation:
            return False
        return True


@functools.cache
def validator(schema_name: str) -> _Validator:
    if schema_name not in spec()["components"]["schemas"]:
        raise KeyError(f"no schema {schema_name!r} in the contract")
    return _Validator(schema_name)


def validate(schema_name: str, instance: Any) -> None:
    """Raise ContractViolation unless `instance` matches components.schemas[schema_name]."""
    validator(schema_name).validate(instance)


@functools.cache
def _payload_schemas() -> dict[str, str]:
    return dict(spec()["info"]["x-event-payload-schemas"])


def payload_schema_for(event_type: str) -> str | None:
    return _payload_schemas().get(event_type)


def _resolve(obj: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in obj:
        ref = obj["$ref"]
        node: Any = spec()
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        obj = node
    return obj


@functools.cache
def response_schema_name(operation_id: str, status: int) -> str | None:
    """The schema name of an operation's JSON response body for an HTTP status, from the contract."""
    for _path, item in spec()["paths"].items():
        for _method, op in item.items():
            if op.get("operationId") != operation_id:
                continue
            resp = op["responses"].get(str(status))
            if resp is None:
                return None
            resp = _resolve(resp)
            schema = resp.get("content", {}).get("application/json", {}).get("schema")
            if schema is None:
                return None
            return schema["$ref"].rsplit("/", 1)[-1]
    raise KeyError(f"no operation {operation_id!r} in the contract")


def declared_statuses(operation_id: str) -> set[int]:
    for _path, item in spec()["paths"].items():
        for _method, op in item.items():
            if op.get("operationId") == operation_id:
                return {int(s) for s in op["responses"]}
    raise KeyError(operation_id)


_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def is_uuid(text: str) -> bool:
    return bool(_UUID_RE.match(text))


# ------------------------------------------------------------------ reconciliation (GET /v1/reconciliation)
# Till and backend each sum up, per day and event type, the events the till sent: how many, the amount they
# carry, and a digest of their ids. Equal figures mean the backend holds exactly what the till sent; where
# a day differs the till asks which of its event ids the backend lacks and sends those again.
DIGEST_BITS = 62  # each id hashes to 62 bits; a day's digest is their sum modulo 2**62 (any order, additive)
DIGEST_MOD = 1 << DIGEST_BITS


def event_day(occurred_at: str) -> str:
    """The day an event counts on: the date of its `occurred_at` as the till wrote it (YYYY-MM-DD)."""
    return occurred_at[:10]


def event_digest_part(event_id: str) -> int:
    """One event id's share of a day's digest (its wire form: a lower-case UUID)."""
    import hashlib

    digest = hashlib.blake2b(event_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> (64 - DIGEST_BITS)


def digest_text(value: int) -> str:
    return f"{value % DIGEST_MOD:016x}"


def event_digest(event_ids: Any) -> str:
    """The digest of a set of event ids, as the contract carries it (16 hex digits)."""
    return digest_text(sum(event_digest_part(e) for e in event_ids))


def reconciliation_amount(event_type: str, payload: dict[str, Any]) -> int:
    """What an event adds to its day's total: a sale's total, a return's refund; 0 for the others."""
    if event_type == "sale.completed":
        return int(payload["totals"]["total"])
    if event_type == "return.completed":
        return int(payload["total_refunded"])
    return 0
