"""Check simulator responses against Stripe's OpenAPI subset (API version 2023-08-16).

Every property the 2023 schema has must be present on top-level objects (nullable ones as null), and
every value present must match its schema; newer fields (endive) are allowed in addition.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

SPEC = Path("/work/shared/reference/stripe-openapi-2023-08-16-subset.json")
if not SPEC.exists():  # a checkout elsewhere: the reference next to the worktree
    SPEC = Path(__file__).resolve().parents[3] / "shared/reference/stripe-openapi-2023-08-16-subset.json"


def _convert(node: Any) -> Any:
    if isinstance(node, list):
        return [_convert(n) for n in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for k, v in node.items():
        if k.startswith("x-") or k in ("description", "nullable"):
            continue
        if k == "$ref":
            out["$ref"] = "#/$defs/" + v.rsplit("/", 1)[1]
        else:
            out[k] = _convert(v)
    if node.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


@cache
def _defs() -> tuple[dict[str, Any], dict[str, Any]]:
    spec = json.loads(SPEC.read_text())
    raw = spec["components"]["schemas"]
    return raw, {name: _convert(s) for name, s in raw.items()}


def strict_required(name: str) -> set[str]:
    raw, _ = _defs()
    schema = raw[name]
    props = schema.get("properties", {})
    return set(schema.get("required", [])) | {p for p, s in props.items() if s.get("nullable")}


def check_shape(obj: dict[str, Any], name: str) -> None:
    raw, defs = _defs()
    missing = strict_required(name) - set(obj)
    assert not missing, f"{name} lacks {sorted(missing)}"
    schema = {"$defs": defs, "$ref": f"#/$defs/{name}"}
    jsonschema.Draft202012Validator(schema).validate(obj)


def check_action_shape(action: dict[str, Any]) -> None:
    check_shape(action, "terminal_reader_reader_resource_reader_action")
