"""Decode Stripe's form encoding: ``a[b][0][c]=v`` and ``a[]=v`` into nested dicts and lists.

stripe-python sends indexed arrays (``x[0]=…``) and booleans as ``true``/``false``; curl examples use
``x[]=…``. Both are accepted, in bodies and in query strings. Values stay strings here; the endpoint
specs coerce them (integers, booleans) and reject what they do not know.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl

_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")


class FormError(ValueError):
    def __init__(self, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.param = param


def _set(root: dict, path: list[str], value: str, full_key: str) -> None:
    node: Any = root
    for i, part in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, list):
            if part != "":
                raise FormError(f"Invalid array parameter: {full_key}", full_key)
            if last:
                node.append(value)
                return
            node.append({})
            node = node[-1]
            continue
        nxt = path[i + 1] if not last else None
        if last:
            if part in node and not isinstance(node[part], str):
                raise FormError(f"Invalid parameter: {full_key}", full_key)
            node[part] = value
            return
        if nxt == "":
            child = node.setdefault(part, [])
            if not isinstance(child, list):
                raise FormError(f"Invalid array parameter: {full_key}", full_key)
        else:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise FormError(f"Invalid parameter: {full_key}", full_key)
        node = child


def _indexed_to_lists(node: Any, keep_dict: bool = False) -> Any:
    """Dicts whose keys are all decimal indices become lists (``x[0]``, ``x[1]`` …), except metadata."""
    if isinstance(node, list):
        return [_indexed_to_lists(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _indexed_to_lists(v, keep_dict=(k == "metadata")) for k, v in node.items()}
    if out and not keep_dict and all(k.isdigit() for k in out):
        return [out[k] for k in sorted(out, key=int)]
    return out


def decode_form(text: str) -> dict[str, Any]:
    """Parse a urlencoded body or query string into nested dicts/lists of strings."""
    root: dict[str, Any] = {}
    for key, value in parse_qsl(text, keep_blank_values=True, strict_parsing=False):
        m = _KEY.match(key)
        if not m:
            raise FormError(f"Invalid parameter name: {key}", key)
        head, rest = m.group(1), m.group(2)
        parts = [head, *re.findall(r"\[([^\[\]]*)\]", rest)]
        _set(root, parts, value, key)
    return _indexed_to_lists(root)
