"""Staff, PIN checks and manager approvals, built once for the whole till.

One `StaffServices` per process: the directory (the demo's staff in demo mode, `staff.json` in a live
shop, never the other), the `Authenticator` that the login screen and the approvals share (so they share
its lockout), and `Approvals`. The window needs them before the journal is open (the login screen is on
screen at once), so audit entries written before then wait in `DeferredAudit` and reach the journal, in
order, when it is attached.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import secrets
import sqlite3
import stat
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.paths import Paths
from app.settings import Settings
from pos.staff import (
    Approvals,
    Authenticator,
    InMemoryStaffDirectory,
    LockoutState,
    PinLockout,
    StaffMember,
    StaffRecord,
    audit_via,
    is_peppered,
)

log = logging.getLogger("app.staff")

JournalAudit = Callable[[str, str | None, dict[str, Any] | None], None]

KEYRING_SERVICE = "omo-pos"
PEPPER_USER = "staff-pin-pepper"  # the secret that peppers the PIN hashes of staff.json
LOCKOUT_KEY = "security.pin_lockout"  # the PIN lockout's row in the till database's settings table
LIVE_MANAGER_PIN_DIGITS = 6


def staff_file(paths: Paths) -> Path:
    return paths.config / "staff.json"


def staff_pepper(*, create: bool = False) -> bytes | None:
    """The PIN hashes' pepper from the OS keyring (made on first use when `create`): without it the staff
    file alone cannot be searched for PINs offline."""
    import keyring

    text = keyring.get_password(KEYRING_SERVICE, PEPPER_USER)
    if text is None and create:
        text = base64.b64encode(secrets.token_bytes(32)).decode("ascii")
        keyring.set_password(KEYRING_SERVICE, PEPPER_USER, text)
    return None if text is None else base64.b64decode(text)


def make_private(path: Path) -> None:
    """Take group and other permissions off `path` (a file with personal data or secrets), saying so."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if mode & 0o077:
        os.chmod(path, mode & 0o700)
        log.warning("%s could be read by other users (mode %o); it is now private", path, mode)


def write_staff_file(paths: Paths, directory: InMemoryStaffDirectory) -> Path:
    """Write staff.json atomically, mode 0600 from its first byte (PIN hashes only, never PINs)."""
    path = staff_file(paths)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    rows = [
        {"id": r.member.id, "name": r.member.name, "role": r.member.role.value, "active": r.member.active}
        | {"pin_hash": r.pin_hash}
        for r in directory.records()
    ]
    fd, tmp = tempfile.mkstemp(prefix=".staff-", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_staff(paths: Paths, settings: Settings) -> InMemoryStaffDirectory:
    """The demo's staff, or in a live shop the staff file `staff.json` in the config directory: a list of
    {"id", "name", "role", "pin_hash"} (scrypt hashes peppered with the keyring's secret, never PINs; made
    with `omo-pos staff`). The file is made private (0600) if it is not. A live till without it starts
    with nobody able to log in, and says so, rather than with the demo's PINs."""
    if settings["mode"] == "demo":
        return InMemoryStaffDirectory.demo()
    path = staff_file(paths)
    try:
        make_private(path)
        rows = json.loads(path.read_text(encoding="utf-8"))
        pepper = staff_pepper() if any(is_peppered(r.get("pin_hash", "")) for r in rows) else None
        if any(is_peppered(r.get("pin_hash", "")) for r in rows) and pepper is None:
            log.error(
                "the PIN hashes in %s need the keyring's pepper, which is missing: nobody can log in", path
            )
        elif not all(is_peppered(r.get("pin_hash", "")) for r in rows):
            log.warning("%s has PIN hashes without the keyring's pepper: set those PINs again", path)
        return InMemoryStaffDirectory.from_records(
            (
                StaffRecord(StaffMember(r["id"], r["name"], r["role"], r.get("active", True)), r["pin_hash"])
                for r in rows
            ),
            pepper=pepper,
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


class DatabaseLockout:
    """Where the PIN lockout is kept: the till's database (settings row `security.pin_lockout`), so a
    restart gives no new tries. Read from the file at start (the login screen is up before the journal
    is open); written through the journal's writer once it is attached, the latest state first."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self._lock = threading.Lock()
        self._store: Any = None
        self._pending: LockoutState | None = None

    def load(self) -> LockoutState | None:
        if not self.database.exists():
            return None
        conn = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (LOCKOUT_KEY,)).fetchone()
        except sqlite3.OperationalError:  # a new database without its tables yet
            return None
        finally:
            conn.close()
        return None if row is None else LockoutState(**json.loads(row[0]))

    def save(self, state: LockoutState) -> None:
        with self._lock:
            store = self._store
            if store is None:
                self._pending = state
                return
        self._write(store, state)

    def attach(self, store: Any) -> None:
        with self._lock:
            self._store = store
            pending, self._pending = self._pending, None
        if pending is not None:
            self._write(store, pending)

    @staticmethod
    def _write(store: Any, state: LockoutState) -> None:
        from sync.store.cart import set_setting

        fut = store.write(lambda c: set_setting(c, LOCKOUT_KEY, asdict(state)))
        fut.add_done_callback(
            lambda f: f.exception() and log.error("PIN lockout not kept: %s", f.exception())
        )


def staff_languages(paths: Paths, settings: Settings) -> dict[str, str]:
    """Each staff member's own screen language (staff id -> "it", "ja"...): the "language" of their entry in
    `staff.json` (a live shop), then the setting `ui.staff_languages` ("S001=ja,S003=it"). Whoever has
    none reads the store's language."""
    found: dict[str, str] = {}
    if settings["mode"] != "demo":
        try:
            rows = json.loads(staff_file(paths).read_text(encoding="utf-8"))
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
    lockout: DatabaseLockout | None = None
    languages: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, paths: Paths, settings: Settings) -> StaffServices:
        directory = load_staff(paths, settings)
        audit = DeferredAudit()
        kept = DatabaseLockout(paths.database)
        authenticator = Authenticator(
            directory,
            lockout=PinLockout(store=kept),
            audit=audit_via(audit),
            min_manager_pin_digits=LIVE_MANAGER_PIN_DIGITS if settings["mode"] == "live" else 4,
        )
        languages = staff_languages(paths, settings)
        return cls(directory, authenticator, Approvals(authenticator), audit, kept, languages)

    def attach(self, journal_audit: JournalAudit, store: Any) -> None:
        """The journal is open: audit entries and the lockout go to it from now on."""
        self.audit.attach(journal_audit)
        if self.lockout is not None:
            self.lockout.attach(store)

    def language_of(self, staff_id: str) -> str:
        """The staff member's own screen language, or "" (the store's)."""
        return self.languages.get(staff_id, "")


__all__ = [
    "DatabaseLockout",
    "DeferredAudit",
    "StaffServices",
    "load_staff",
    "make_private",
    "staff_languages",
    "staff_pepper",
    "write_staff_file",
]
