"""Check simulator responses against the subset of Stripe's published OpenAPI spec in this directory.

``stripe_openapi_subset.json`` is cut from Stripe's ``openapi/spec3.json`` by
``tools/stripe_openapi_subset.py`` (source commit and API version in its ``info``), with the endive
changes the pinned ``stripe`` library shows applied. Rules, at every depth:

- every property the spec requires, and every property it marks nullable, is present (Stripe sends a
  nullable field as ``null``, never leaves it out); types, enums and nullability hold;
- a ``$ref`` to a schema outside the subset accepts nothing: where the spec allows ``null`` or an id
  instead, the simulator must send that, so no value escapes the check unseen.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

SUBSET = Path(__file__).with_name("stripe_openapi_subset.json")


def _convert(node: Any, known: frozenset[str]) -> Any:
    if isinstance(node, list):
        return [_convert(n, known) for n in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for k, v in node.items():
        if k.startswith("x-") or k == "nullable":
            continue
        if k == "$ref":
            name = v.rsplit("/", 1)[1]
            if name not in known:
                return False  # outside the subset: the simulator must not send it
            out["$ref"] = "#/$defs/" + name
        elif k == "properties":
            out[k] = {p: _convert(s, known) for p, s in v.items()}
        else:
            out[k] = _convert(v, known)
    props = node.get("properties")
    if props:
        always = {p for p, s in props.items() if isinstance(s, dict) and s.get("nullable")}
        out["required"] = sorted(set(node.get("required", ())) | always)
    if node.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


@cache
def subset() -> dict[str, Any]:
    return json.loads(SUBSET.read_text(encoding="utf-8"))


@cache
def _defs() -> dict[str, Any]:
    raw = subset()["components"]["schemas"]
    known = frozenset(raw)
    return {name: _convert(s, known) for name, s in raw.items()}


def check_shape(obj: dict[str, Any], name: str) -> None:
    schema = {"$defs": _defs(), "$ref": f"#/$defs/{name}"}
    validator = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(obj))
    if error is not None:
        while error.context:  # an anyOf: say which branch came closest and why it failed
            error = jsonschema.exceptions.best_match(error.context)
        where = "/".join(map(str, error.absolute_path)) or "(top)"
        raise AssertionError(f"{name}: {where}: {error.message[:300]}")


def check_action_shape(action: dict[str, Any]) -> None:
    check_shape(action, "terminal_reader_reader_resource_reader_action")


def check_error_shape(body: dict[str, Any]) -> None:
    """Stripe's error envelope: ``{"error": <api_errors>}`` and nothing else."""
    assert set(body) == {"error"}, body
    check_shape(body["error"], "api_errors")
