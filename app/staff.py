"""Staff, PIN checks and manager approvals, built once for the whole till.

One `StaffServices` per process: the directory (the demo's staff in demo mode, `staff.json` in a live
shop, never the other), the `Authenticator` that the login screen and the approvals share (so they share
its lockout), and `Approvals`. The window needs them before the journal is open (the login screen is on
screen at once), so audit entries written before then wait in `DeferredAudit` and reach the journal, in
order, when it is attached.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.paths import Paths
from app.settings import Settings
from pos.staff import (
    Approvals,
    Authenticator,
    InMemoryStaffDirectory,
    PinLockout,
    StaffMember,
    StaffRecord,
    audit_via,
)

log = logging.getLogger("app.staff")

JournalAudit = Callable[[str, str | None, dict[str, Any] | None], None]


def load_staff(paths: Paths, settings: Settings) -> InMemoryStaffDirectory:
    """The demo's staff, or in a live shop the staff file `staff.json` in the config directory: a list of
    {"id", "name", "role", "pin_hash"} (scrypt hashes from `pos.staff.hash_pin`, never PINs). A live till
    without it starts with nobody able to log in, and says so, rather than with the demo's PINs."""
    if settings["mode"] == "demo":
        return InMemoryStaffDirectory.demo()
    path = paths.config / "staff.json"
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return InMemoryStaffDirectory.from_records(
            StaffRecord(StaffMember(r["id"], r["name"], r["role"]), r["pin_hash"]) for r in rows
        )
    except FileNotFoundError:
        log.error("no staff file at %s: nobody can log in", path)
    except (ValueError, KeyError, TypeError) as e:
        log.error("staff file %s unusable: %s", path, e)
    return InMemoryStaffDirectory.from_records([])


class DeferredAudit:
    """The audit sink of the staff services: entries wait here until the journal is attached, then go to
    it in the order they were written. Thread-safe (PINs are checked on a worker thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[tuple[str, str | None, dict[str, Any]]] = []
        self._sink: JournalAudit | None = None

    def __call__(self, action: str, actor: str | None, details: dict[str, Any] | None = None) -> None:
        with self._lock:
            if self._sink is None:
                self._pending.append((action, actor, dict(details or {})))
                return
            sink = self._sink
        sink(action, actor, details)

    def attach(self, sink: JournalAudit) -> None:
        with self._lock:
            pending, self._pending = self._pending, []
            for entry in pending:
                sink(*entry)
            self._sink = sink

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._pending)


def staff_languages(paths: Paths, settings: Settings) -> dict[str, str]:
    """Each staff member's own screen language (staff id -> "it", "ja"...): the "language" of their entry in
    `staff.json` (a live shop), then the setting `ui.staff_languages` ("S001=ja,S003=it"). Whoever has
    none reads the store's language."""
    found: dict[str, str] = {}
    if settings["mode"] != "demo":
        try:
            rows = json.loads((paths.config / "staff.json").read_text(encoding="utf-8"))
            found = {
                str(r["id"]): str(r["language"]) for r in rows if isinstance(r, dict) and r.get("language")
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # load_staff says what is wrong with the file
    for item in settings["ui.staff_languages"].split(","):
        staff_id, sep, lang = item.partition("=")
        if sep and staff_id.strip() and lang.strip():
            found[staff_id.strip()] = lang.strip()
    return found


@dataclass(frozen=True)
class StaffServices:
    directory: InMemoryStaffDirectory
    authenticator: Authenticator
    approvals: Approvals
    audit: DeferredAudit
    languages: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, paths: Paths, settings: Settings) -> StaffServices:
        directory = load_staff(paths, settings)
        audit = DeferredAudit()
        authenticator = Authenticator(directory, lockout=PinLockout(), audit=audit_via(audit))
        languages = staff_languages(paths, settings)
        return cls(directory, authenticator, Approvals(authenticator), audit, languages)

    def language_of(self, staff_id: str) -> str:
        """The staff member's own screen language, or "" (the store's)."""
        return self.languages.get(staff_id, "")


__all__ = ["DeferredAudit", "StaffServices", "load_staff", "staff_languages"]
