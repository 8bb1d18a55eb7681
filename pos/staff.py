"""Staff, roles, permissions, PINs, lockout, manager overrides and the idle lock. Pure Python.

- `StaffMember` (id, name, role) and three roles with a permission table (`ROLE_POLICIES`).
- `authorise(actor, permission, amount_percent=...)` says whether the actor may do it, or whether it
  needs a manager's approval (an override).
- PINs are hashed with scrypt (random salt, parameters stored with the hash) and compared in constant
  time. A PIN never leaves this module in clear: not in a log, an audit record, an exception or a repr.
  A 4-digit PIN has only 10,000 values, so a hash alone cannot protect it against a determined attacker
  with the hash in hand: a live till's hashes are peppered with a secret from the OS keyring (`pepper`),
  so the staff file alone cannot be searched offline; at the till the lockout protects them.
- `StaffDirectory` is the port the UI and the workflows use; `InMemoryStaffDirectory` is seeded from a
  list (the demo shop's staff are `DEMO_STAFF`). PINs are unique, so a PIN alone identifies a person.
- `Authenticator` checks a PIN with the till's lockout (PCI DSS v4.0 8.3.4: 10 wrong PINs lock every PIN
  pad of the till for 30 minutes, doubling on repeat; kept in the till's database; a right PIN does not
  reset it; a manager's longer PIN ends it) and writes logins, failures and lockouts to the audit.
- `Approvals` turns a manager's PIN into an `Override` record (who approved what, when, why) and writes
  it to the audit callback; the audit log itself belongs to the store (`audit(event_type, payload)`).
- `IdleLock`: lock the till after N idle seconds (injected clock).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Protocol, runtime_checkable

from pos.errors import N_, DomainError, Sentence

log = logging.getLogger("pos.staff")

Audit = Callable[[str, dict], None]
Monotonic = Callable[[], float]
WallClock = Callable[[], datetime]
Percent = int | Decimal | Fraction


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _no_audit(_event: str, _payload: dict) -> None:
    return None


# ----------------------------------------------------------------------------------------------- roles


class Role(StrEnum):
    CASHIER = "cashier"
    ASSOCIATE = "associate"
    MANAGER = "manager"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def said(self) -> Sentence:
        """The role's name in a sentence ("Ana (cashier) cannot approve this."), to translate."""
        return Sentence(ROLE_NAMES[self])


# The roles' names as a person reads them (the window translates them, in sentences and on their own).
ROLE_NAMES: dict[Role, str] = {
    Role.CASHIER: N_("cashier"),
    Role.ASSOCIATE: N_("associate"),
    Role.MANAGER: N_("manager"),
}


class Permission(StrEnum):
    SELL = "sell"
    DISCOUNT = "discount"  # limited by a percentage per role
    PRICE_OVERRIDE = "price_override"
    LARGE_QUANTITY = "large_quantity"  # a line quantity above the store's approval limit
    REMOVE_LINE = "remove_line"
    SUSPEND_SALE = "suspend_sale"
    VOID_SALE = "void_sale"
    NO_SALE = "no_sale"  # open the cash drawer without a sale
    REFUND = "refund"
    RETURN_NO_RECEIPT = "return_no_receipt"  # take goods back without a receipt (store credit, to a limit)
    RETURN_UNVERIFIED = "return_unverified"  # a return the backend cannot check now (offline): store credit
    PICKUP = "pickup"  # hand over an online order
    MEMBER_LOOKUP = "member_lookup"
    REPRINT = "reprint"
    OPEN_TILL = "open_till"
    CLOSE_TILL = "close_till"
    REPORTS = "reports"  # X and Z reports, unsynced queue
    APPROVE_OVERRIDE = "approve_override"
    CHANGE_SETTINGS = "change_settings"


# How each permission is named in a sentence a cashier reads ("Voiding the sale needs a manager"): templates
# the window translates (`describe_action` gives them as a `Sentence`).
PERMISSION_LABELS: dict[Permission, str] = {
    Permission.SELL: N_("Selling"),
    Permission.DISCOUNT: N_("A discount"),
    Permission.PRICE_OVERRIDE: N_("Changing a price"),
    Permission.LARGE_QUANTITY: N_("A quantity above the limit"),
    Permission.REMOVE_LINE: N_("Removing a line"),
    Permission.SUSPEND_SALE: N_("Suspending a sale"),
    Permission.VOID_SALE: N_("Voiding the sale"),
    Permission.NO_SALE: N_("Opening the drawer without a sale"),
    Permission.REFUND: N_("A refund"),
    Permission.RETURN_NO_RECEIPT: N_("A return without a receipt"),
    Permission.RETURN_UNVERIFIED: N_("A return the backend cannot check"),
    Permission.PICKUP: N_("Handing over an order"),
    Permission.MEMBER_LOOKUP: N_("Looking up a member"),
    Permission.REPRINT: N_("Reprinting a receipt"),
    Permission.OPEN_TILL: N_("Opening the till"),
    Permission.CLOSE_TILL: N_("Closing the till"),
    Permission.REPORTS: N_("Reports"),
    Permission.APPROVE_OVERRIDE: N_("Approving for someone else"),
    Permission.CHANGE_SETTINGS: N_("Changing settings"),
}


@dataclass(frozen=True)
class RolePolicy:
    permissions: frozenset[Permission]
    max_discount_percent: int = 0


_EVERYDAY = frozenset(
    {
        Permission.SELL,
        Permission.REMOVE_LINE,
        Permission.SUSPEND_SALE,
        Permission.PICKUP,
        Permission.MEMBER_LOOKUP,
        Permission.REPRINT,
        Permission.DISCOUNT,
    }
)

ROLE_POLICIES: dict[Role, RolePolicy] = {
    Role.CASHIER: RolePolicy(_EVERYDAY, max_discount_percent=10),
    # The associate works the floor: members, returns and pickups; small discounts only.
    Role.ASSOCIATE: RolePolicy(_EVERYDAY | {Permission.REFUND}, max_discount_percent=5),
    Role.MANAGER: RolePolicy(frozenset(Permission), max_discount_percent=100),
}


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    role: Role
    active: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", Role(self.role))
        if not self.id or not self.name.strip():
            raise ValueError("a staff member needs an id and a name")

    @property
    def policy(self) -> RolePolicy:
        return ROLE_POLICIES[self.role]

    def can(self, permission: Permission) -> bool:
        return self.active and Permission(permission) in self.policy.permissions

    def __str__(self) -> str:
        return f"{self.name} ({self.role.value})"


# ---------------------------------------------------------------------------------------- authorise


class Outcome(StrEnum):
    ALLOWED = "allowed"
    NEEDS_OVERRIDE = "needs_override"


def _fmt_percent(p: Percent | None) -> str:
    if p is None:
        return ""
    if isinstance(p, Fraction):
        p = p.numerator if p.denominator == 1 else Decimal(p.numerator) / Decimal(p.denominator)
    d = Decimal(p).normalize() if not isinstance(p, int) else Decimal(p)
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}\u00a0%"  # no-break space: "25 %" never wraps apart


@dataclass(frozen=True)
class Authorisation:
    """What `authorise` decided. `message` is a sentence to show when an override is needed."""

    outcome: Outcome
    actor: StaffMember
    permission: Permission
    amount_percent: Percent | None = None

    @property
    def allowed(self) -> bool:
        return self.outcome is Outcome.ALLOWED

    @property
    def needs_override(self) -> bool:
        return self.outcome is Outcome.NEEDS_OVERRIDE

    @property
    def message(self) -> Sentence:
        what = describe_action(self.permission, self.amount_percent)
        return what if self.allowed else needs_a_manager(what)


def describe_action(permission: Permission, amount_percent: Percent | None = None) -> Sentence:
    """'Discount 25 %', 'Voiding the sale' — the action in a cashier's words (a template to translate)."""
    permission = Permission(permission)
    if permission is Permission.DISCOUNT and amount_percent is not None:
        return Sentence(N_("Discount {percent}"), percent=_fmt_percent(amount_percent))
    return Sentence(PERMISSION_LABELS[permission])


def needs_a_manager(what: Sentence) -> Sentence:
    return Sentence(N_("{what} needs a manager"), what=what)


def _check_percent(permission: Permission, amount_percent: Percent | None) -> None:
    if permission is Permission.DISCOUNT and amount_percent is None:
        raise ValueError("a discount needs amount_percent")
    if amount_percent is not None:
        if isinstance(amount_percent, float | bool):
            raise TypeError("amount_percent must be an int, Decimal or Fraction, not a float")
        if not 0 <= amount_percent <= 100:
            raise ValueError(f"a percentage must be between 0 and 100, not {amount_percent}")


def authorise(
    actor: StaffMember, permission: Permission, *, amount_percent: Percent | None = None
) -> Authorisation:
    """May `actor` do this? Either ALLOWED or NEEDS_OVERRIDE (a manager can approve anything).

    `amount_percent` is required for a discount (the discount as a percentage of what it applies to;
    the caller computes it from minor units, e.g. `Fraction(discount, price) * 100`).
    """
    permission = Permission(permission)
    _check_percent(permission, amount_percent)
    allowed = actor.can(permission)
    if allowed and permission is Permission.DISCOUNT:
        assert amount_percent is not None
        allowed = amount_percent <= actor.policy.max_discount_percent
    return Authorisation(
        Outcome.ALLOWED if allowed else Outcome.NEEDS_OVERRIDE, actor, permission, amount_percent
    )


# ---------------------------------------------------------------------------------------------- PINs

PIN_RE = re.compile(r"^[0-9]{4,8}$")
DEFAULT_SCRYPT_N = 2**14  # about 40 ms on a small till CPU; 16 MiB of memory
_SCRYPT_R = 8
_SCRYPT_P = 1
_DKLEN = 32


class PinError(ValueError):
    """A PIN that does not meet the rules (the message never contains the PIN)."""


def validate_pin(pin: str) -> None:
    if not isinstance(pin, str) or not PIN_RE.match(pin):
        raise PinError("A PIN is 4 to 8 digits.")


PEPPERED = "scrypt-hmac"  # scrypt over HMAC-SHA256(pepper, PIN)
MIN_PEPPER_BYTES = 16


def _secret(pin: str, pepper: bytes | None) -> bytes:
    if pepper is None:
        return pin.encode()
    return hmac.new(pepper, pin.encode(), hashlib.sha256).digest()


def hash_pin(
    pin: str, *, n: int = DEFAULT_SCRYPT_N, salt: bytes | None = None, pepper: bytes | None = None
) -> str:
    """`scrypt$n$r$p$<salt b64>$<hash b64>`: salted, parameters kept so they can be raised later. With a
    `pepper` (a secret kept apart from the hashes, in the OS keyring) `scrypt-hmac$...`: the hash is of
    HMAC-SHA256(pepper, PIN), so whoever has only the hashes cannot try the 10,000 PINs against them."""
    validate_pin(pin)
    if n < 2 or n & (n - 1):
        raise ValueError("scrypt n must be a power of two")
    if pepper is not None and len(pepper) < MIN_PEPPER_BYTES:
        raise ValueError(f"a pepper has at least {MIN_PEPPER_BYTES} bytes")
    salt = os.urandom(16) if salt is None else salt
    digest = hashlib.scrypt(_secret(pin, pepper), salt=salt, n=n, r=_SCRYPT_R, p=_SCRYPT_P, dklen=_DKLEN)
    b64 = base64.b64encode
    scheme = "scrypt" if pepper is None else PEPPERED
    return f"{scheme}${n}${_SCRYPT_R}${_SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def is_peppered(encoded: str) -> bool:
    return encoded.startswith(PEPPERED + "$")


def _parse_hash(encoded: str) -> tuple[int, int, int, bytes, bytes]:
    try:
        scheme, n, r, p, salt_b64, digest_b64 = encoded.split("$")
        if scheme not in ("scrypt", PEPPERED):
            raise ValueError(scheme)
        salt = base64.b64decode(salt_b64, validate=True)
        expected = base64.b64decode(digest_b64, validate=True)
        n_, r_, p_ = int(n), int(r), int(p)
        if n_ < 2 or n_ & (n_ - 1) or not salt or len(expected) < 16:
            raise ValueError("parameters")
    except (ValueError, AttributeError) as exc:
        raise ValueError("not a PIN hash this till understands") from exc
    return n_, r_, p_, salt, expected


def verify_pin(pin: str, encoded: str, *, pepper: bytes | None = None) -> bool:
    """Constant-time check of `pin` against a `hash_pin` string. Raises ValueError only for a corrupt
    hash, never for a wrong or malformed PIN. A peppered hash never matches without its pepper."""
    n_, r_, p_, salt, expected = _parse_hash(encoded)
    peppered = is_peppered(encoded)
    text = pin if isinstance(pin, str) else ""
    candidate = _secret(text, pepper if peppered else None) if (pepper or not peppered) else b"\0"
    actual = hashlib.scrypt(candidate, salt=salt, n=n_, r=r_, p=p_, dklen=len(expected))
    return (
        hmac.compare_digest(actual, expected)
        and bool(PIN_RE.match(pin or ""))
        and (pepper is not None or not peppered)
    )


# ----------------------------------------------------------------------------------------- directory


@runtime_checkable
class StaffDirectory(Protocol):
    """Who works here and how to recognise them by PIN. PINs are unique across active staff."""

    def members(self) -> list[StaffMember]: ...

    def get(self, staff_id: str) -> StaffMember | None: ...

    def identify(self, pin: str) -> StaffMember | None:
        """The active staff member whose PIN this is, or None."""
        ...

    def check_pin(self, staff_id: str, pin: str) -> bool: ...


@dataclass(frozen=True)
class StaffSeed:
    id: str
    name: str
    role: Role
    pin: str = field(repr=False)


# The demo shop's staff. The README prints these PINs; a real shop replaces them.
DEMO_STAFF: tuple[StaffSeed, ...] = (
    StaffSeed("S001", "Ana", Role.CASHIER, "1111"),
    StaffSeed("S002", "Ben", Role.ASSOCIATE, "2222"),
    StaffSeed("S003", "Mia", Role.MANAGER, "9999"),
)


# Their PIN hashes, computed once (`hash_pin`), so that starting the demo costs no scrypt work before the
# login screen shows. A test checks that each still matches its seed PIN.
_DEMO_PIN_HASHES: dict[str, str] = {
    "S001": "scrypt$16384$8$1$tv2CAhzE00Kg7S7675I5Pw==$8nWwf9Yx2/W5PcJFUD+efxWuxv1JYTayaUZEvBlCvWg=",
    "S002": "scrypt$16384$8$1$tjUatPTFBHtGyBzaA0SJeA==$dRIDF0uQjDL3URpJ6ZtciAJCydm5U99ZXFTSwj6s+0A=",
    "S003": "scrypt$16384$8$1$hIcFgXxDtQ6OuMhS1L3ABw==$1pwBauEgvHGqniwnnCUU3/bzckoYXgKnn6a6xaSI1sg=",
}


class DuplicatePinError(PinError):
    pass


@dataclass(frozen=True)
class StaffRecord:
    """What a persisted directory stores per person: the member and their PIN hash (never the PIN)."""

    member: StaffMember
    pin_hash: str = field(repr=False)


class InMemoryStaffDirectory:
    """A `StaffDirectory` held in memory, seeded from `StaffSeed`s (only the PIN hashes are kept)."""

    def __init__(
        self, seed: Iterable[StaffSeed] = (), *, scrypt_n: int = DEFAULT_SCRYPT_N, pepper: bytes | None = None
    ) -> None:
        self._n = scrypt_n
        self._pepper = pepper
        self._members: dict[str, StaffMember] = {}
        self._hashes: dict[str, str] = {}
        seeds = list(seed)
        # The seed carries PINs in clear, so uniqueness is checked by comparison here rather than by
        # hashing every PIN against every other (that would make start-up quadratic in scrypt calls).
        pins = [s.pin for s in seeds]
        if len(set(pins)) != len(pins):
            raise DuplicatePinError("Two staff members in the seed have the same PIN.")
        for s in seeds:
            validate_pin(s.pin)
            if s.id in self._members:
                raise ValueError(f"staff id {s.id} already exists")
            self._members[s.id] = StaffMember(s.id, s.name, Role(s.role))
            self._hashes[s.id] = hash_pin(s.pin, n=self._n, pepper=pepper)

    @classmethod
    def demo(cls, *, scrypt_n: int | None = None) -> InMemoryStaffDirectory:
        """The demo shop's staff (`DEMO_STAFF`). By default from precomputed hashes (instant); with
        `scrypt_n` the seed PINs are hashed afresh with that cost (tests use a low one for speed)."""
        if scrypt_n is None:
            return cls.from_records(
                StaffRecord(StaffMember(s.id, s.name, s.role), _DEMO_PIN_HASHES[s.id]) for s in DEMO_STAFF
            )
        return cls(DEMO_STAFF, scrypt_n=scrypt_n)

    @classmethod
    def from_records(
        cls, records: Iterable[StaffRecord], *, scrypt_n: int = DEFAULT_SCRYPT_N, pepper: bytes | None = None
    ) -> InMemoryStaffDirectory:
        """Load a persisted directory. Uniqueness of PINs was checked when each PIN was set."""
        d = cls(scrypt_n=scrypt_n, pepper=pepper)
        for r in records:
            if r.member.id in d._members:
                raise ValueError(f"staff id {r.member.id} already exists")
            _parse_hash(r.pin_hash)  # raises on a hash this till cannot read
            d._members[r.member.id] = r.member
            d._hashes[r.member.id] = r.pin_hash
        return d

    def records(self) -> list[StaffRecord]:
        return [StaffRecord(m, self._hashes[m.id]) for m in self._members.values()]

    def members(self) -> list[StaffMember]:
        return list(self._members.values())

    def get(self, staff_id: str) -> StaffMember | None:
        return self._members.get(staff_id)

    def add(self, member: StaffMember, pin: str) -> None:
        if member.id in self._members:
            raise ValueError(f"staff id {member.id} already exists")
        self._store_pin(member.id, pin)
        self._members[member.id] = member

    def set_pin(self, staff_id: str, pin: str) -> None:
        if staff_id not in self._members:
            raise KeyError(staff_id)
        self._store_pin(staff_id, pin)

    def deactivate(self, staff_id: str) -> None:
        m = self._members[staff_id]
        self._members[staff_id] = StaffMember(m.id, m.name, m.role, active=False)

    def pin_hash(self, staff_id: str) -> str:
        """The stored hash (for persisting the directory); never the PIN."""
        return self._hashes[staff_id]

    def _store_pin(self, staff_id: str, pin: str) -> None:
        validate_pin(pin)
        owner = self.identify(pin)
        if owner is not None and owner.id != staff_id:
            raise DuplicatePinError("That PIN is already used by someone else. Choose another.")
        self._hashes[staff_id] = hash_pin(pin, n=self._n, pepper=self._pepper)

    def identify(self, pin: str) -> StaffMember | None:
        # Every active member's hash is checked, whether or not an earlier one matched, so the time taken
        # does not tell which staff member (or how many) a PIN belongs to.
        found: StaffMember | None = None
        for sid, member in self._members.items():
            if verify_pin(pin, self._hashes[sid], pepper=self._pepper) and member.active and found is None:
                found = member
        return found

    def check_pin(self, staff_id: str, pin: str) -> bool:
        member = self._members.get(staff_id)
        if member is None or not member.active:
            # Spend the same time as a real check.
            hashlib.scrypt(b"0000", salt=b"\0" * 16, n=self._n, r=_SCRYPT_R, p=_SCRYPT_P, dklen=_DKLEN)
            return False
        return verify_pin(pin, self._hashes[staff_id], pepper=self._pepper)


# ------------------------------------------------------------------------------------------- lockout


@dataclass(frozen=True)
class LockoutState:
    """The till's count of wrong PINs, as it is kept in the till's database (wall-clock seconds)."""

    failures: int = 0  # wrong PINs in a row (forgotten `forget_after_s` after the last one)
    lockouts: int = 0  # lockouts in a row (forgotten after a quiet `max_lockout_s`)
    locked_until: float = 0.0
    last_failure: float = 0.0
    unlock_failures: int = 0  # wrong manager PINs during this lockout


class LockoutStore(Protocol):
    """Where the lockout is kept so that a restart does not give new tries (the till's database)."""

    def load(self) -> LockoutState | None: ...

    def save(self, state: LockoutState) -> None: ...


# PCI DSS v4.0 requirement 8.3.4: lock after not more than 10 invalid attempts, for at least 30 minutes or
# until the user's identity is confirmed.
PCI_MAX_ATTEMPTS = 10
PCI_MIN_LOCKOUT_S = 30 * 60


class PinLockout:
    """The till's PIN pads (login and manager approval alike) share ONE count of wrong PINs, kept in the
    till's database through `store`, so neither a restart nor a switch between pads gives new tries.

    After `max_attempts` (at most 10) wrong PINs the pads lock for `lockout_s` (at least 30 minutes),
    doubling with each lockout in a row up to `max_lockout_s`; the exponent is capped, so it never
    overflows. A right PIN does NOT reset the count: with PIN-only login a wrong PIN cannot be told
    apart from someone else's guess, so a colleague's (or the insider's own) login must not wipe it.
    Wrong PINs are forgotten `forget_after_s` after the last one; a manager may end a lockout with a
    stronger credential (`Authenticator.unlock`). `key` arguments name the pad asking; every pad shares
    the count."""

    def __init__(
        self,
        *,
        max_attempts: int = PCI_MAX_ATTEMPTS,
        lockout_s: float = PCI_MIN_LOCKOUT_S,
        max_lockout_s: float = 24 * 3600,
        forget_after_s: float = 8 * 3600,
        clock: Monotonic = time.time,
        store: LockoutStore | None = None,
    ) -> None:
        if not 1 <= max_attempts <= PCI_MAX_ATTEMPTS:
            raise ValueError(f"max_attempts must be from 1 to {PCI_MAX_ATTEMPTS} (PCI DSS 8.3.4)")
        if lockout_s < PCI_MIN_LOCKOUT_S or max_lockout_s < lockout_s:
            raise ValueError("a lockout lasts at least 30 minutes (PCI DSS 8.3.4), and at most max_lockout_s")
        self.max_attempts = max_attempts
        self.lockout_s = lockout_s
        self.max_lockout_s = max_lockout_s
        self.forget_after_s = forget_after_s
        self._clock = clock
        self._store = store
        self._lock = threading.Lock()  # the check may run on a worker thread while the GUI reads
        self._state = LockoutState()
        if store is not None:
            try:
                self._state = store.load() or LockoutState()
            except Exception:  # an unreadable store must not open the pads: assume a lockout is possible
                log.exception("could not read the PIN lockout state")

    @property
    def state(self) -> LockoutState:
        with self._lock:
            return self._state

    def _set(self, state: LockoutState) -> None:
        self._state = state
        if self._store is not None:
            try:
                self._store.save(state)
            except Exception:  # the count in memory still holds until the next start
                log.exception("could not keep the PIN lockout state")

    def remaining(self, key: str = "till") -> float:
        """Seconds until PINs are accepted again (0 when not locked)."""
        with self._lock:
            return max(0.0, self._state.locked_until - self._clock())

    def locked(self, key: str = "till") -> bool:
        return self.remaining(key) > 0

    def attempts_left(self, key: str = "till") -> int:
        with self._lock:
            return self.max_attempts - self._current(self._clock()).failures

    def _current(self, now: float) -> LockoutState:
        """The state with what time has forgotten taken out."""
        st = self._state
        quiet = now - st.last_failure
        if st.failures and quiet > self.forget_after_s and now >= st.locked_until:
            st = replace(st, failures=0)
        if st.lockouts and quiet > self.max_lockout_s and now >= st.locked_until:
            st = replace(st, lockouts=0)
        return st

    def record_failure(self, key: str = "till") -> float:
        """Count a wrong PIN; return the lockout started by it in seconds (0 if none)."""
        with self._lock:
            now = self._clock()
            st = self._current(now)
            n = st.failures + 1
            if n < self.max_attempts:
                self._set(replace(st, failures=n, last_failure=now))
                return 0.0
            k = min(st.lockouts, 16)  # 2**16 * 30 min is far past the cap: never an overflow
            wait = min(self.lockout_s * (2**k), self.max_lockout_s)
            self._set(LockoutState(0, st.lockouts + 1, now + wait, now, 0))
            return wait

    def record_success(self, key: str = "till") -> None:
        """A right PIN. It changes nothing: the wrong ones before it may have been someone else's."""

    def record_unlock_failure(self) -> int:
        """A wrong manager PIN during a lockout; returns how many there were in this lockout."""
        with self._lock:
            st = replace(self._state, unlock_failures=self._state.unlock_failures + 1)
            self._set(st)
            return st.unlock_failures

    def clear(self) -> None:
        """A manager confirmed who is at the till: the lockout and the count end."""
        with self._lock:
            self._set(LockoutState())


# -------------------------------------------------------------------------------------- authenticator


class LoginStatus(StrEnum):
    OK = "ok"
    WRONG_PIN = "wrong_pin"
    LOCKED = "locked"
    INVALID = "invalid"  # not 4–8 digits: not counted as a try
    WEAK_PIN = "weak_pin"  # a manager's PIN shorter than a live till requires


@dataclass(frozen=True)
class LoginResult:
    status: LoginStatus
    member: StaffMember | None = None
    attempts_left: int = 0
    locked_for_s: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status is LoginStatus.OK

    @property
    def message(self) -> Sentence:
        """What to tell the person at the till (a template and its values; `str()` is the English)."""
        if self.status is LoginStatus.OK:
            assert self.member is not None
            return Sentence(N_("Welcome, {name}."), name=self.member.name)
        if self.status is LoginStatus.INVALID:
            return Sentence(N_("A PIN is 4 to 8 digits."))
        if self.status is LoginStatus.WEAK_PIN:
            return Sentence(
                N_("A manager's PIN needs at least 6 digits here. Set a longer one (omo-pos staff set-pin).")
            )
        if self.status is LoginStatus.LOCKED:
            return Sentence(
                N_("Too many wrong PINs. Try again in {wait}, or ask a manager."),
                wait=format_wait(self.locked_for_s),
            )
        if self.attempts_left == 1:
            return Sentence(N_("Wrong PIN. 1 try left."))
        return Sentence(N_("Wrong PIN. {left} tries left."), left=self.attempts_left)


def format_wait(seconds: float) -> Sentence:
    """'1 second', '42 seconds', '12 min 05 s': how long a lockout still runs (rounded up, never 0)."""
    s = max(1, int(-(-seconds // 1)))
    if s == 1:
        return Sentence(N_("1 second"))
    if s < 60:
        return Sentence(N_("{seconds} seconds"), seconds=s)
    m, s = divmod(s, 60)
    return Sentence(N_("{minutes} min {seconds} s"), minutes=m, seconds=f"{s:02d}")


class Authenticator:
    """Checks PINs through a `StaffDirectory`, with a `PinLockout`, and audits what happened.

    Audit events: `staff.login` {staff_id, name, role}, `staff.login_failed` {purpose, attempts_left},
    `staff.lockout` {purpose, seconds, lockouts}, `staff.lockout_cleared` {staff_id},
    `staff.unlock_failed` {tries}. None of them carries the PIN.

    `min_manager_pin_digits`: a manager whose PIN is shorter is refused (a live till: 6); a manager's PIN
    of at least that many digits is also the stronger credential that ends a lockout (`unlock`).
    """

    UNLOCK_TRIES = 3  # wrong manager PINs per lockout before only time ends it

    def __init__(
        self,
        directory: StaffDirectory,
        *,
        lockout: PinLockout | None = None,
        audit: Audit | None = None,
        clock: Monotonic = time.time,
        min_manager_pin_digits: int = 4,
    ) -> None:
        self.directory = directory
        self.lockout = lockout or PinLockout(clock=clock)
        self.audit = audit or _no_audit
        self.min_manager_pin_digits = min_manager_pin_digits
        # One check at a time, whichever thread it runs on: no parallel guessing, a consistent count.
        self._serial = threading.Lock()

    def login(self, pin: str, *, staff_id: str | None = None) -> LoginResult:
        """Identify by PIN alone, or check the PIN of `staff_id` (a staff picker)."""
        key = "till" if staff_id is None else f"staff:{staff_id}"
        result = self._check(pin, key, staff_id, purpose="login")
        if result.ok:
            assert result.member is not None
            self.audit(
                "staff.login",
                {"staff_id": result.member.id, "name": result.member.name, "role": result.member.role.value},
            )
            log.info("staff %s logged in", result.member.id)
        return result

    def check(self, pin: str, *, purpose: str) -> LoginResult:
        """Identify a person by PIN for another purpose (e.g. `override`), with its own lockout key."""
        return self._check(pin, purpose, None, purpose=purpose)

    def _check(self, pin: str, key: str, staff_id: str | None, *, purpose: str) -> LoginResult:
        with self._serial:
            return self._check_serial(pin, key, staff_id, purpose=purpose)

    def _check_serial(self, pin: str, key: str, staff_id: str | None, *, purpose: str) -> LoginResult:
        left = self.lockout.remaining(key)
        if left > 0:
            return LoginResult(LoginStatus.LOCKED, locked_for_s=left)
        if not isinstance(pin, str) or not PIN_RE.match(pin):
            return LoginResult(LoginStatus.INVALID, attempts_left=self.lockout.attempts_left(key))
        if staff_id is None:
            member = self.directory.identify(pin)
        else:
            member = self.directory.get(staff_id) if self.directory.check_pin(staff_id, pin) else None
        if member is not None and member.active:
            if member.role is Role.MANAGER and len(pin) < self.min_manager_pin_digits:
                self.audit("staff.weak_pin", {"purpose": purpose, "staff_id": member.id})
                return LoginResult(LoginStatus.WEAK_PIN)
            self.lockout.record_success(key)
            return LoginResult(LoginStatus.OK, member=member)
        wait = self.lockout.record_failure(key)
        if wait:
            lockouts = self.lockout.state.lockouts
            self.audit(
                "staff.lockout",
                {"purpose": purpose, "staff_id": staff_id, "seconds": wait, "lockouts": lockouts},
            )
            log.warning("PIN lockout (%s) for %.0f s", purpose, wait)
            return LoginResult(LoginStatus.LOCKED, locked_for_s=wait)
        attempts = self.lockout.attempts_left(key)
        self.audit(
            "staff.login_failed", {"purpose": purpose, "staff_id": staff_id, "attempts_left": attempts}
        )
        return LoginResult(LoginStatus.WRONG_PIN, attempts_left=attempts)

    def unlock(self, pin: str) -> LoginResult:
        """End a lockout with a manager's PIN of at least `min_manager_pin_digits` digits: the manager
        confirms who is at the till (PCI DSS 8.3.4). At most UNLOCK_TRIES wrong PINs per lockout; after
        that only time ends it. OK with the manager, or LOCKED with the time left."""
        with self._serial:
            left = self.lockout.remaining()
            if left <= 0:
                return LoginResult(LoginStatus.OK)
            if self.lockout.state.unlock_failures >= self.UNLOCK_TRIES:
                return LoginResult(LoginStatus.LOCKED, locked_for_s=left)
            member = None
            if isinstance(pin, str) and PIN_RE.match(pin) and len(pin) >= max(6, self.min_manager_pin_digits):
                member = self.directory.identify(pin)
            if member is None or not member.active or not member.can(Permission.APPROVE_OVERRIDE):
                tries = self.lockout.record_unlock_failure()
                self.audit("staff.unlock_failed", {"tries": tries})
                return LoginResult(LoginStatus.LOCKED, locked_for_s=left)
            self.lockout.clear()
            self.audit("staff.lockout_cleared", {"staff_id": member.id})
            log.warning("PIN lockout ended by manager %s", member.id)
            return LoginResult(LoginStatus.OK, member=member)


# ------------------------------------------------------------------------------------------ overrides


@dataclass(frozen=True)
class OverrideRequest:
    """An action that `authorise` said needs a manager. `subject` says what it is about (e.g. the sale
    and line); `reason` may be filled in by the cashier or in the approval dialog."""

    actor: StaffMember
    permission: Permission
    amount_percent: Percent | None = None
    subject: str = ""
    reason: str = ""

    @classmethod
    def from_authorisation(cls, a: Authorisation, *, subject: str = "", reason: str = "") -> OverrideRequest:
        return cls(a.actor, a.permission, a.amount_percent, subject, reason)

    @property
    def message(self) -> Sentence:
        return needs_a_manager(describe_action(self.permission, self.amount_percent))


@dataclass(frozen=True)
class Override:
    """A manager's approval, to be written to the audit log (`audit_payload()`)."""

    override_id: str
    permission: Permission
    amount_percent: Percent | None
    actor_id: str
    actor_name: str
    approver_id: str
    approver_name: str
    approver_role: Role
    at: datetime
    reason: str
    subject: str

    def audit_payload(self) -> dict:
        return {
            "override_id": self.override_id,
            "permission": self.permission.value,
            "action": describe_action(self.permission, self.amount_percent),
            "amount_percent": None if self.amount_percent is None else str(self.amount_percent),
            "actor_id": self.actor_id,
            "actor_name": self.actor_name,
            "approver_id": self.approver_id,
            "approver_name": self.approver_name,
            "approver_role": self.approver_role.value,
            "at": self.at.isoformat(),
            "reason": self.reason,
            "subject": self.subject,
        }


class OverrideStatus(StrEnum):
    APPROVED = "approved"
    NOT_ALLOWED = "not_allowed"  # a real PIN, but that person may not approve this
    WRONG_PIN = "wrong_pin"
    LOCKED = "locked"
    INVALID = "invalid"
    REASON_REQUIRED = "reason_required"


@dataclass(frozen=True)
class ApprovalResult:
    status: OverrideStatus
    override: Override | None = None
    approver: StaffMember | None = None
    login: LoginResult | None = None

    @property
    def approved(self) -> bool:
        return self.status is OverrideStatus.APPROVED

    @property
    def message(self) -> Sentence:
        if self.status is OverrideStatus.APPROVED:
            assert self.approver is not None
            return Sentence(N_("Approved by {name}."), name=self.approver.name)
        if self.status is OverrideStatus.NOT_ALLOWED:
            assert self.approver is not None
            return Sentence(
                N_("{name} ({role}) cannot approve this. A manager must enter their PIN."),
                name=self.approver.name,
                role=self.approver.role.said,
            )
        if self.status is OverrideStatus.REASON_REQUIRED:
            return Sentence(N_("Type a reason first."))
        assert self.login is not None
        return self.login.message


# Actions whose override must say why (a price override is meaningless without a reason).
REASON_REQUIRED: frozenset[Permission] = frozenset(
    {
        Permission.PRICE_OVERRIDE,
        Permission.NO_SALE,
        Permission.VOID_SALE,
        Permission.RETURN_NO_RECEIPT,
        Permission.RETURN_UNVERIFIED,
    }
)


class NotPermitted(DomainError):
    """An action beyond the person's role without an approval that covers it; nothing changed."""


class Approvals:
    """A manager's PIN approves a request in place. Writes `override.approved` with the `Override`
    payload, or `override.refused` {permission, actor_id, approver_id, status}; never the PIN.

    Only an `Override` this object issued counts (`covers`, `permit`): an Override made any other way, a
    copy of one, one for another person or another action, or one already used is refused. Services and
    the domain (`pos.checkout.Checkout`) both ask it, so no caller that skips the window's PIN pad can
    act beyond its role."""

    def __init__(
        self,
        authenticator: Authenticator,
        *,
        audit: Audit | None = None,
        now: WallClock = _utcnow,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
    ) -> None:
        self.authenticator = authenticator
        self.audit = audit or authenticator.audit
        self._now = now
        self._new_id = new_id
        self._issued: dict[str, Override] = {}  # approvals given and not used yet
        self._guard = threading.RLock()

    def reason_required(self, request: OverrideRequest) -> bool:
        return request.permission in REASON_REQUIRED

    def lockout_remaining(self) -> float:
        return self.authenticator.lockout.remaining("override")

    def approve(self, request: OverrideRequest, pin: str, *, reason: str | None = None) -> ApprovalResult:
        reason = (request.reason if reason is None else reason).strip()
        if self.reason_required(request) and not reason:
            return ApprovalResult(OverrideStatus.REASON_REQUIRED)
        login = self.authenticator.check(pin, purpose="override")
        if not login.ok:
            status = {
                LoginStatus.LOCKED: OverrideStatus.LOCKED,
                LoginStatus.INVALID: OverrideStatus.INVALID,
            }.get(login.status, OverrideStatus.WRONG_PIN)
            self._refused(request, None, status)
            return ApprovalResult(status, login=login)
        approver = login.member
        assert approver is not None
        may = (
            approver.can(Permission.APPROVE_OVERRIDE)
            and authorise(approver, request.permission, amount_percent=request.amount_percent).allowed
        )
        if not may:
            self._refused(request, approver, OverrideStatus.NOT_ALLOWED)
            return ApprovalResult(OverrideStatus.NOT_ALLOWED, approver=approver, login=login)
        ov = Override(
            override_id=self._new_id(),
            permission=request.permission,
            amount_percent=request.amount_percent,
            actor_id=request.actor.id,
            actor_name=request.actor.name,
            approver_id=approver.id,
            approver_name=approver.name,
            approver_role=approver.role,
            at=self._now(),
            reason=reason,
            subject=request.subject,
        )
        with self._guard:
            self._issued[ov.override_id] = ov
        self.audit("override.approved", ov.audit_payload())
        log.info("override %s approved by %s for %s", ov.permission.value, approver.id, request.actor.id)
        return ApprovalResult(OverrideStatus.APPROVED, override=ov, approver=approver, login=login)

    def covers(
        self,
        override: Override | None,
        actor: StaffMember,
        permission: Permission,
        *,
        amount_percent: Percent | None = None,
    ) -> bool:
        """Whether `override` is an approval issued here, not used yet, for `actor` and this action (for a
        discount: at most the approved percentage)."""
        if override is None:
            return False
        with self._guard:
            issued = self._issued.get(override.override_id)
        return (
            issued is override
            and override.permission is Permission(permission)
            and override.actor_id == actor.id
            and (
                amount_percent is None
                or (override.amount_percent is not None and override.amount_percent >= amount_percent)
            )
        )

    def permit(
        self,
        actor: StaffMember,
        permission: Permission,
        *,
        amount_percent: Percent | None = None,
        override: Override | None = None,
        always: bool = False,
    ) -> str | None:
        """May `actor` do this now? None when their role allows it; the approving manager's id when
        `override` covers it (see `covers`), which uses it up; otherwise NotPermitted. `always`: the
        action needs a manager's approval whatever the role (a big over/short at the close)."""
        if not always and authorise(actor, permission, amount_percent=amount_percent).allowed:
            return None
        with self._guard:
            if not self.covers(override, actor, permission, amount_percent=amount_percent):
                what = describe_action(Permission(permission), amount_percent)
                raise NotPermitted(N_("{what} needs a manager's approval; nothing changed."), what=what)
            assert override is not None
            del self._issued[override.override_id]  # used once
        return override.approver_id

    def _refused(
        self, request: OverrideRequest, approver: StaffMember | None, status: OverrideStatus
    ) -> None:
        self.audit(
            "override.refused",
            {
                "permission": request.permission.value,
                "action": describe_action(request.permission, request.amount_percent),
                "actor_id": request.actor.id,
                "approver_id": approver.id if approver else None,
                "status": status.value,
                "subject": request.subject,
            },
        )


# ------------------------------------------------------------------------------------------ idle lock


class IdleLock:
    """Lock the till after `timeout_s` seconds without input (0 or less: never).

    `touch()` on every input; `should_lock()` is true once the idle time has passed and stays true
    until the next `touch()`/`reset()`; `fire()` returns true exactly once per idle period.
    `inhibit(reason)` holds the lock off (a card payment waiting for the customer, a print job) until
    `release(reason)`; the idle time counts from the release."""

    def __init__(self, timeout_s: float, *, clock: Monotonic = time.monotonic) -> None:
        self.timeout_s = timeout_s
        self._clock = clock
        self._last = clock()
        self._fired = False
        self._inhibitors: dict[str, int] = {}

    @property
    def enabled(self) -> bool:
        return self.timeout_s > 0

    def inhibit(self, reason: str) -> None:
        self._inhibitors[reason] = self._inhibitors.get(reason, 0) + 1

    def release(self, reason: str) -> None:
        n = self._inhibitors.get(reason, 0)
        if n <= 1:
            self._inhibitors.pop(reason, None)
        else:
            self._inhibitors[reason] = n - 1
        self.touch()

    @property
    def inhibited_by(self) -> list[str]:
        return sorted(self._inhibitors)

    def touch(self) -> None:
        self._last = self._clock()
        self._fired = False

    reset = touch

    def idle_for(self) -> float:
        return max(0.0, self._clock() - self._last)

    def remaining(self) -> float:
        """Seconds until the lock (inf when disabled)."""
        if not self.enabled:
            return float("inf")
        return max(0.0, self.timeout_s - self.idle_for())

    def should_lock(self) -> bool:
        return self.enabled and not self._inhibitors and self.idle_for() >= self.timeout_s

    def fire(self) -> bool:
        if self.should_lock() and not self._fired:
            self._fired = True
            return True
        return False


def staff_summary(members: Sequence[StaffMember]) -> list[str]:
    """One line per member for a staff picker or the README: 'Ana — cashier'."""
    return [f"{m.name} — {m.role.value}" for m in members if m.active]


class StaffSession:
    """Who is at the till now, and whether it is locked. Audits `staff.lock` {staff_id, why} and
    `staff.logout` {staff_id}; when someone else unlocks a locked till, the previous person's session
    ends (`staff.logout`) and `switched_from` tells the caller whose sale may be open."""

    def __init__(self, *, audit: Audit | None = None) -> None:
        self.audit = audit or _no_audit
        self.current: StaffMember | None = None
        self.locked = False
        self.switched_from: StaffMember | None = None

    def unlock(self, member: StaffMember) -> None:
        """Called after a successful `Authenticator.login` (which audited `staff.login`)."""
        prev = self.current
        self.switched_from = prev if prev is not None and prev.id != member.id else None
        if self.switched_from is not None:
            self.audit("staff.logout", {"staff_id": prev.id, "why": "another person unlocked"})
        self.current = member
        self.locked = False

    def lock(self, why: str = "manual") -> None:
        """`why`: 'manual' (Ctrl+L) or 'idle'. The person stays current until someone unlocks."""
        if self.current is None or self.locked:
            return
        self.locked = True
        self.audit("staff.lock", {"staff_id": self.current.id, "why": why})

    def logout(self) -> None:
        if self.current is not None:
            self.audit("staff.logout", {"staff_id": self.current.id, "why": "logout"})
        self.current = None
        self.locked = False
        self.switched_from = None


def audit_actor(event_type: str, payload: dict) -> str | None:
    """Who did it: the approving manager for `override.*`, the staff member otherwise (None when a PIN
    matched nobody)."""
    if event_type.startswith("override."):
        return payload.get("approver_id")
    return payload.get("staff_id")


def audit_via(journal_audit: Callable[[str, str | None, dict], None]) -> Audit:
    """Adapt a journal's `audit(action, actor, details)` (pos.ports.Journal) to this module's
    `audit(event_type, payload)` callback. Note: with a task manager, PIN checks (and so these calls)
    run on its worker thread."""

    def audit(event_type: str, payload: dict) -> None:
        journal_audit(event_type, audit_actor(event_type, payload), payload)

    return audit
