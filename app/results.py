"""Typed results of the application's services: what happened, in words, and what comes next.

Every service call answers with a `Result` instead of raising for things a person causes or meets (a bad
scan, a refusal, a declined card, a backend that is down): the window shows `message`, the headless driver
prints it, a test asserts on `outcome`. An action that needs a manager answers `NEEDS_APPROVAL` with the
`request` to show on the PIN pad and `retry`, the same call again with the manager's `Override`.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.messages import EMPTY, Msg
from pos.staff import Override, OverrideRequest


class Outcome(StrEnum):
    DONE = "done"  # it happened
    REFUSED = "refused"  # nothing changed: the message says why and what to do
    NEEDS_APPROVAL = "needs_approval"  # a manager's PIN first: `request`, then `retry(override)`
    BUSY = "busy"  # a payment or a commit is being finished: try again in a moment
    FAILED = "failed"  # something broke (the journal, a device); nothing was lost, the message says so
    DECLINED = "declined"  # the card was declined; the sale stays open
    CANCELLED = "cancelled"  # the person (or the customer) cancelled; nothing changed


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    message: Msg = EMPTY
    request: OverrideRequest | None = None
    retry: Callable[[Override], Result] | None = field(default=None, repr=False, compare=False)
    value: Any = None  # what the call produced (a sale document, a list of parked sales...)
    receipt: Any = None  # pos.receipt.Receipt of a completed sale or a reprint
    printing: Future | None = field(default=None, repr=False, compare=False)  # the receipt's print job
    error: bool = False  # the message is a warning even though the outcome is DONE

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.DONE

    def __str__(self) -> str:
        return f"{self.outcome.value}: {self.message}"


def done(message: Msg = EMPTY, **kw: Any) -> Result:
    return Result(Outcome.DONE, message, **kw)


def refused(message: Msg, **kw: Any) -> Result:
    return Result(Outcome.REFUSED, message, **kw)


def failed(message: Msg, **kw: Any) -> Result:
    return Result(Outcome.FAILED, message, **kw)


__all__ = ["Outcome", "Result", "done", "failed", "refused"]
