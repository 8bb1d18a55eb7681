#!/usr/bin/env python3
"""Cut the Stripe OpenAPI subset the simulator is held to out of Stripe's published spec.

    python tools/stripe_openapi_subset.py SPEC3_JSON [OUT]

``SPEC3_JSON`` is a local copy of ``openapi/spec3.json`` from Stripe's public ``stripe/openapi``
repository (GitHub), at the commit named in ``SOURCE`` below. ``OUT`` defaults to
``tests/payments/stripe_openapi_subset.json``. The output is deterministic (sorted keys), so running
the script on the same spec reproduces the committed file byte for byte.

What the subset keeps
- The component schemas in ``SCHEMAS``: the objects the simulator returns (PaymentIntent, Charge,
  Refund, PaymentMethod, Terminal Reader, Location and the reader action objects) and the nested
  objects the simulator fills in. A ``$ref`` to any other schema is kept as it is: the shape check
  reads such a reference as "the simulator must not send this" (``null`` where the spec allows null,
  an id where the spec allows an id), so nothing the simulator sends escapes the check.
- Of every schema node only the keys that say what is valid (``KEEP_KEYS``): types, properties,
  required, nullable, enums, ``anyOf``/``oneOf``/``allOf``, items, additionalProperties, pattern and
  the expandable fields. Descriptions, titles, lengths and Stripe's own ``x-`` annotations go.
- ``ENDIVE``: the changes between the spec's API version and the one the ``stripe`` library pins
  (``2026-10-28.endive``), as the library's generated types show them. Each names its reason.

Request parameters are not part of this file: the shape test takes them from the ``stripe``
library's generated parameter types (``stripe.params``), which are cut from the same spec at the
pinned API version.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "tests" / "payments" / "stripe_openapi_subset.json"

SOURCE = {
    "repository": "stripe/openapi (GitHub)",
    "path": "openapi/spec3.json",
    "commit": "af5309cae53e5f666f9686dfed306d6d3b5fdc67",
    "commit_date": "2026-07-29",
    "api_version": "2026-07-29.dahlia",
}
SCHEMAS = (
    "address",
    "api_errors",
    "billing_details",
    "charge",
    "deleted_terminal.reader",
    "payment_flows_amount_details",
    "payment_flows_amount_details_client",
    "payment_flows_amount_details_client_resource_tip",
    "payment_intent",
    "payment_intent_payment_method_options",
    "payment_method",
    "payment_method_card_present",
    "payment_method_card_present_networks",
    "payment_method_options_card_present",
    "payment_method_options_interac_present",
    "refund",
    "terminal.location",
    "terminal.reader",
    "terminal_reader_reader_resource_cart",
    "terminal_reader_reader_resource_collect_config",
    "terminal_reader_reader_resource_collect_payment_method_action",
    "terminal_reader_reader_resource_confirm_config",
    "terminal_reader_reader_resource_confirm_payment_intent_action",
    "terminal_reader_reader_resource_line_item",
    "terminal_reader_reader_resource_process_config",
    "terminal_reader_reader_resource_process_payment_intent_action",
    "terminal_reader_reader_resource_reader_action",
    "terminal_reader_reader_resource_refund_payment_action",
    "terminal_reader_reader_resource_refund_payment_config",
    "terminal_reader_reader_resource_set_reader_display_action",
    "terminal_reader_reader_resource_tipping_config",
)
KEEP_KEYS = frozenset(
    {
        "$ref",
        "additionalProperties",
        "allOf",
        "anyOf",
        "enum",
        "items",
        "nullable",
        "oneOf",
        "pattern",
        "properties",
        "required",
        "type",
        "x-expandableFields",
    }
)
# (schema, property, values added to the enum (of the items, for an array), reason)
ENDIVE: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    (
        "payment_intent",
        "allowed_payment_method_types",
        ("card_present", "interac_present", "paypay", "sequra", "touch_n_go"),
        "2026-09-30.endive: card_present and interac_present are allowed payment method types "
        "(stripe.PaymentIntent.allowed_payment_method_types)",
    ),
    (
        "terminal.reader",
        "device_type",
        ("simulated_stripe_t600", "stripe_t600"),
        "endive reader types (stripe.terminal.Reader.device_type)",
    ),
    (
        "deleted_terminal.reader",
        "device_type",
        ("simulated_stripe_t600", "stripe_t600"),
        "endive reader types (stripe.terminal.Reader.device_type)",
    ),
    (
        "payment_method",
        "type",
        ("paypay", "sequra"),
        "endive payment method types (stripe.PaymentMethod.type)",
    ),
)


def _strip(node: Any) -> Any:
    if isinstance(node, list):
        return [_strip(n) for n in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key not in KEEP_KEYS:
            continue
        if key == "properties":
            out[key] = {name: _strip(sub) for name, sub in value.items()}
        elif key in ("enum", "required", "x-expandableFields"):
            out[key] = list(value)
        else:
            out[key] = _strip(value)
    return out


def _apply_endive(schemas: dict[str, Any]) -> None:
    for schema, prop, values, _reason in ENDIVE:
        node = schemas[schema]["properties"][prop]
        node = node.get("items", node) if node.get("type") == "array" else node
        node["enum"] = sorted(set(node["enum"]) | set(values))


def subset(spec: dict[str, Any]) -> dict[str, Any]:
    """The subset of ``spec`` (a parsed spec3.json), with the endive changes applied."""
    all_schemas = spec["components"]["schemas"]
    missing = [name for name in SCHEMAS if name not in all_schemas]
    if missing:
        raise KeyError(f"the spec has no schema {', '.join(missing)}")
    schemas = {name: _strip(all_schemas[name]) for name in SCHEMAS}
    _apply_endive(schemas)
    return {
        "info": {
            "title": "Stripe API: the subset the simulator is held to",
            "source": SOURCE,
            "generated_by": "tools/stripe_openapi_subset.py",
            "endive": [
                {"schema": s, "property": p, "enum_added": list(v), "reason": r} for s, p, v, r in ENDIVE
            ],
        },
        "components": {"schemas": schemas},
    }


def render(spec: dict[str, Any]) -> str:
    return json.dumps(subset(spec), indent=1, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    spec = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    out = Path(argv[2]) if len(argv) == 3 else DEFAULT_OUT
    out.write_text(render(spec), encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size} bytes, {len(SCHEMAS)} schemas)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
