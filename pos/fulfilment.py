"""How a line of the sale reaches the customer when it is not taken from this store's shelf.

An endless-aisle order (`delivery` to the customer's home, or `pickup` here from another store or the
warehouse) is a line of the open sale, paid with the rest of it; the backend placed the order and holds
its stock before the line was added (so nothing is sold twice), and the sale's event tells it the order
was paid. A `reservation` line is goods another till reserved in this store, collected and paid now.

The line keeps the order's number (printed with its QR on the receipt: ``OMO:ORDER:<no>.<secret>`` as the
backend gave it, so a store that scans it sees the order in full; ``OMO:ORDER:<no>`` alone, the number, when
the backend gave none) and what the receipt says about it: where it comes from and the day it is promised
for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pos.errors import InvalidDataError

KINDS = ("delivery", "pickup", "reservation")
ORDER_NO = re.compile(r"[A-Za-z0-9-]{1,32}")  # the contract's OrderNo
QR_SECRET = re.compile(r"[A-Za-z0-9_-]{8,64}")  # the secret half of an order's QR


@dataclass(frozen=True, slots=True)
class Fulfilment:
    kind: str  # "delivery" | "pickup" | "reservation"
    order_no: str
    source: str = ""  # the name of the store (or warehouse) it comes from, or where it was reserved
    ready_on: str = ""  # ISO date it is delivered by, or can be collected from ("" for a reservation)
    qr_secret: str = ""  # the order's QR secret from the backend ("" when it gave none)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise InvalidDataError(
                "{kind!r} is not a way to fulfil a line ({kinds})", kind=self.kind, kinds=", ".join(KINDS)
            )
        if not isinstance(self.order_no, str) or not ORDER_NO.fullmatch(self.order_no):
            raise InvalidDataError("{order_no!r} is not an order number", order_no=self.order_no)
        secret = self.qr_secret
        if not isinstance(secret, str) or (secret and not QR_SECRET.fullmatch(secret)):
            raise InvalidDataError("an order's QR secret must be 8 to 64 letters, digits, - or _")
        if not isinstance(self.source, str):
            raise InvalidDataError("a fulfilment's source must be text")
        if self.ready_on:
            try:
                date.fromisoformat(self.ready_on)
            except (TypeError, ValueError):
                raise InvalidDataError("{ready_on!r} is not a date", ready_on=self.ready_on) from None

    @property
    def is_order(self) -> bool:
        """An order of goods from elsewhere (not taken from this store's stock)."""
        return self.kind != "reservation"

    @property
    def qr_payload(self) -> str:
        return order_qr_payload(self.order_no, self.qr_secret)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "order_no": self.order_no,
            "source": self.source,
            "ready_on": self.ready_on,
        } | ({"qr_secret": self.qr_secret} if self.qr_secret else {})

    @classmethod
    def from_dict(cls, data: object) -> Fulfilment | None:
        """A saved fulfilment (None stays None); a damaged one raises InvalidDataError."""
        if data is None:
            return None
        if not isinstance(data, Mapping):
            raise InvalidDataError("fulfilment {data!r} is not a table", data=data)
        try:
            return cls(
                data["kind"],
                data["order_no"],
                str(data.get("source", "")),
                str(data.get("ready_on", "")),
                str(data.get("qr_secret", "")),
            )
        except KeyError as e:
            raise InvalidDataError("a fulfilment without its {key!r}", key=e.args[0]) from None


def order_qr_payload(order_no: str, qr_secret: str = "") -> str:
    """An order's QR code: ``OMO:ORDER:<no>.<secret>``, or ``OMO:ORDER:<no>`` without a secret."""
    return f"OMO:ORDER:{order_no}" + (f".{qr_secret}" if qr_secret else "")


def qr_secret_of(order_no: str, qr_text: str | None) -> str:
    """The secret of an order's QR text as the backend gives it (``OMO:ORDER:<no>.<secret>``), or "" when
    the text is missing, names another order, or carries no well-formed secret."""
    prefix = f"OMO:ORDER:{order_no}."
    if not qr_text or not qr_text.startswith(prefix):
        return ""
    secret = qr_text[len(prefix) :]
    return secret if QR_SECRET.fullmatch(secret) else ""


__all__ = ["KINDS", "Fulfilment", "order_qr_payload", "qr_secret_of"]
