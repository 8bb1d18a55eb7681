"""Per-endpoint parameter specs: coerce form strings, reject unknown or malformed parameters.

A spec is one of: ``INT``, ``STR``, ``BOOL``, ``META``, ``Enum(...)``, ``List(item)``, ``Range()`` (an
integer or ``{gt, gte, lt, lte}``, as list filters take ``created``), ``Obj({...}, required)``.
Errors look like Stripe's (``invalid_request_error``, HTTP 400, never stored under an idempotency key),
with only codes from Stripe's published list: ``parameter_unknown``, ``parameter_missing``,
``parameter_invalid_integer``; a malformed value of another kind names its ``param`` without a code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ApiError(Exception):
    """A Stripe-shaped error response. ``store`` says whether idempotency keeps it (execution started)."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",  # noqa: A002 - Stripe's field name
        code: str | None = None,
        param: str | None = None,
        decline_code: str | None = None,
        store: bool = True,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.code = code
        self.param = param
        self.decline_code = decline_code
        self.store = store
        self.extra = extra or {}
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        err: dict[str, Any] = {"type": self.type, "message": self.message}
        if self.code:
            err["code"] = self.code
            err["doc_url"] = f"https://stripe.com/docs/error-codes/{self.code.replace('_', '-')}"
        if self.param:
            err["param"] = self.param
        if self.decline_code:
            err["decline_code"] = self.decline_code
        err.update(self.extra)
        return {"error": err}


def invalid(message: str, *, code: str | None = None, param: str | None = None) -> ApiError:
    return ApiError(400, message, code=code, param=param, store=False)


class _Scalar:
    def __init__(self, kind: str) -> None:
        self.kind = kind


INT = _Scalar("int")
STR = _Scalar("str")
BOOL = _Scalar("bool")
META = _Scalar("meta")


@dataclass(frozen=True)
class Enum:
    values: tuple[str, ...]

    def __init__(self, *values: str) -> None:
        object.__setattr__(self, "values", values)


@dataclass(frozen=True)
class List:
    item: Any


@dataclass(frozen=True)
class Range:
    """An integer, or bounds ``gt``/``gte``/``lt``/``lte`` (``created[gte]=…``)."""


@dataclass(frozen=True)
class Obj:
    """An object parameter. ``unsupported``: names Stripe accepts that the simulator does not implement
    (see ``hardware/stripe_sim/differences.py``); they are refused as such, not as unknown."""

    fields: dict[str, Any]
    required: frozenset[str] = field(default_factory=frozenset)
    unsupported: dict[str, str] = field(default_factory=dict)

    def __init__(self, fields: dict[str, Any], required: tuple[str, ...] | frozenset[str] = ()) -> None:
        object.__setattr__(self, "fields", fields)
        object.__setattr__(self, "required", frozenset(required))
        object.__setattr__(self, "unsupported", {})


def _name(path: str, key: str | int) -> str:
    return f"{path}[{key}]" if path else str(key)


def coerce(value: Any, spec: Any, path: str) -> Any:
    if isinstance(spec, Obj):
        if not isinstance(value, dict):
            raise invalid(f"Invalid object: {path}", param=path)
        out: dict[str, Any] = {}
        for key, sub in value.items():
            if key in spec.unsupported:
                raise invalid(
                    f"The simulator does not implement {_name(path, key)} (Stripe accepts it: "
                    f"{spec.unsupported[key]}).",
                    param=_name(path, key),
                )
            if key not in spec.fields:
                raise invalid(
                    f"Received unknown parameter: {_name(path, key)}",
                    code="parameter_unknown",
                    param=_name(path, key),
                )
            out[key] = coerce(sub, spec.fields[key], _name(path, key))
        for key in sorted(spec.required):
            if key not in out or out[key] in ("", None):
                raise invalid(
                    f"Missing required param: {_name(path, key)}.",
                    code="parameter_missing",
                    param=_name(path, key),
                )
        return out
    if isinstance(spec, List):
        if isinstance(value, dict) and not value:
            return []
        if not isinstance(value, list):
            raise invalid(f"Invalid array: {path}", param=path)
        return [coerce(v, spec.item, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(spec, Enum):
        if value not in spec.values:
            raise invalid(
                f"Invalid {path.split('[')[-1].rstrip(']')}: must be one of {', '.join(spec.values)}",
                param=path,
            )
        return value
    if spec is META:
        if value == "":
            return {}
        if not isinstance(value, dict) or any(not isinstance(v, str) for v in value.values()):
            raise invalid(f"Invalid metadata: {path}", param=path)
        return dict(value)
    if isinstance(spec, Range):
        if isinstance(value, dict):
            return {k: coerce(v, INT, _name(path, k)) for k, v in coerce(value, _BOUNDS, path).items()}
        return coerce(value, INT, path)
    if not isinstance(value, str):
        raise invalid(f"Invalid value for {path}", param=path)
    if spec is INT:
        try:
            return int(value)
        except ValueError:
            raise invalid(f"Invalid integer: {value}", code="parameter_invalid_integer", param=path) from None
    if spec is BOOL:
        if value not in ("true", "false"):
            raise invalid(f"Invalid boolean: {value}", param=path)
        return value == "true"
    return value


_BOUNDS = Obj({"gt": STR, "gte": STR, "lt": STR, "lte": STR})


def parse(params: dict[str, Any], spec: Obj) -> dict[str, Any]:
    fields = dict(spec.fields)
    fields.setdefault("expand", List(STR))
    top = Obj(fields, spec.required)
    top.unsupported.update(spec.unsupported)
    return coerce(params, top, "")


def mark_unsupported(spec: Obj, names: dict[str, str]) -> None:
    """Attach ``{"a.b.c": reason}`` to the nested objects of ``spec`` (``a.b`` must be an object)."""
    for dotted, reason in names.items():
        *parents, leaf = dotted.split(".")
        node: Any = spec
        for part in parents:
            node = node.fields[part]
            node = node.item if isinstance(node, List) else node
        if leaf in node.fields:
            raise ValueError(f"{dotted} is implemented, so it cannot be listed as unsupported")
        node.unsupported[leaf] = reason
