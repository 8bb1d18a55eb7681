"""The request parameters Stripe accepts, read from the ``stripe`` library's generated parameter types.

``stripe.params`` is generated from Stripe's OpenAPI spec at the API version the library pins
(``2026-10-28.endive``), so it is the spec of the requests, one TypedDict per operation. ``fields``
turns one into ``{name: (required, nested TypedDict or None)}``.
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

from stripe._request_options import RequestOptions

_OPTIONS = set(RequestOptions.__annotations__)
_NAME = re.compile(r"[\"']?([A-Z][A-Za-z0-9]+)[\"']?")


def params_class(dotted: str) -> type:
    module, name = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(f"stripe.params.{module}"), name)


def fields(cls: type) -> dict[str, tuple[bool, type | None]]:
    """Each parameter of ``cls``: whether it is required, and its nested TypedDict (object or list of
    objects) if it has one."""
    module = sys.modules[cls.__module__]
    merged: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        merged.update(getattr(base, "__annotations__", {}))
    out: dict[str, tuple[bool, type | None]] = {}
    for name, annotation in merged.items():
        if name in _OPTIONS:
            continue
        text = annotation if isinstance(annotation, str) else repr(annotation)
        nested = None
        for candidate in _NAME.findall(text):
            found = getattr(module, candidate, None)
            if (
                isinstance(found, type)
                and hasattr(found, "__annotations__")
                and found.__module__ == cls.__module__
            ):
                nested = found
                break
        out[name] = ("NotRequired" not in text, nested)
    return out
