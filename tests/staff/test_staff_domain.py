"""Pure tests of roles, permissions, PIN hashing, the directory, lockout, approvals and the idle lock."""

from __future__ import annotations

import logging
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos import staff as staff_mod
from pos.staff import (
    DEFAULT_SCRYPT_N,
    DEMO_STAFF,
    Approvals,
    Authenticator,
    DuplicatePinError,
    IdleLock,
    InMemoryStaffDirectory,
    LoginStatus,
    OverrideRequest,
    OverrideStatus,
    Permission,
    PinError,
    PinLockout,
    Role,
    StaffDirectory,
    StaffMember,
    StaffRecord,
    StaffSeed,
    authorise,
    hash_pin,
    verify_pin,
)
from tests.staff.conftest import FAST_N

ANA = StaffMember("S001", "Ana", Role.CASHIER)
BEN = StaffMember("S002", "Ben", Role.ASSOCIATE)
MIA = StaffMember("S003", "Mia", Role.MANAGER)


# ------------------------------------------------------------------------------------ permissions


def test_cashier_sells_and_discounts_up_to_ten_percent():
    assert authorise(ANA, Permission.SELL).allowed
    assert authorise(ANA, Permission.REMOVE_LINE).allowed
    assert authorise(ANA, Permission.DISCOUNT, amount_percent=10).allowed
    over = authorise(ANA, Permission.DISCOUNT, amount_percent=Decimal("10.5"))
    assert over.needs_override and not over.allowed
    assert authorise(ANA, Permission.DISCOUNT, amount_percent=Fraction(21, 2)).needs_override
    assert (
        authorise(ANA, Permission.DISCOUNT, amount_percent=25).message == "Discount 25\u00a0% needs a manager"
    )


@pytest.mark.parametrize(
    "permission",
    [
        Permission.PRICE_OVERRIDE,
        Permission.VOID_SALE,
        Permission.NO_SALE,
        Permission.REFUND,
        Permission.CLOSE_TILL,
        Permission.APPROVE_OVERRIDE,
        Permission.CHANGE_SETTINGS,
    ],
)
def test_cashier_needs_a_manager_for_sensitive_actions(permission):
    assert authorise(ANA, permission).needs_override
    assert authorise(MIA, permission).allowed


def test_associate_takes_returns_but_small_discounts_only():
    assert authorise(BEN, Permission.REFUND).allowed
    assert authorise(BEN, Permission.DISCOUNT, amount_percent=5).allowed
    assert authorise(BEN, Permission.DISCOUNT, amount_percent=6).needs_override
    assert authorise(BEN, Permission.VOID_SALE).needs_override


def test_manager_may_do_everything_up_to_a_full_discount():
    for p in Permission:
        kw = {"amount_percent": 100} if p is Permission.DISCOUNT else {}
        assert authorise(MIA, p, **kw).allowed, p


def test_inactive_staff_may_do_nothing():
    gone = StaffMember("S009", "Old", Role.MANAGER, active=False)
    assert authorise(gone, Permission.SELL).needs_override


def test_bad_percentages_are_rejected():
    with pytest.raises(ValueError):
        authorise(ANA, Permission.DISCOUNT)
    with pytest.raises(ValueError):
        authorise(MIA, Permission.DISCOUNT, amount_percent=101)
    with pytest.raises(ValueError):
        authorise(MIA, Permission.DISCOUNT, amount_percent=-1)
    with pytest.raises(TypeError):
        authorise(MIA, Permission.DISCOUNT, amount_percent=12.5)


# ------------------------------------------------------------------------------------------- PINs


def test_pin_hash_is_salted_scrypt_with_its_parameters():
    a, b = hash_pin("1234"), hash_pin("1234")
    assert a != b  # a fresh salt every time
    assert a.startswith(f"scrypt${DEFAULT_SCRYPT_N}$8$1$")
    assert "1234" not in a.split("$", 4)[4]
    assert verify_pin("1234", a) and verify_pin("1234", b)
    assert not verify_pin("1235", a)
    assert not verify_pin("", a)


def test_verify_compares_in_constant_time(monkeypatch):
    calls = []
    real = staff_mod.hmac.compare_digest

    def spy(x, y):
        calls.append((len(x), len(y)))
        return real(x, y)

    monkeypatch.setattr(staff_mod.hmac, "compare_digest", spy)
    h = hash_pin("4321", n=FAST_N)
    assert verify_pin("4321", h) and not verify_pin("4322", h)
    assert calls == [(32, 32), (32, 32)]


@settings(max_examples=25, deadline=None)
@given(pin=st.from_regex(r"\A[0-9]{4,8}\Z"), other=st.from_regex(r"\A[0-9]{4,8}\Z"))
def test_a_pin_verifies_only_against_its_own_hash(pin, other):
    h = hash_pin(pin, n=16)
    assert verify_pin(pin, h)
    assert verify_pin(other, h) == (other == pin)


@pytest.mark.parametrize("bad", ["", "123", "123456789", "12a4", " 1234", "１２３４"])
def test_pin_rules_and_messages_never_echo_the_pin(bad):
    with pytest.raises(PinError) as e:
        hash_pin(bad, n=FAST_N)
    assert str(e.value) == "A PIN is 4 to 8 digits."


def test_a_corrupt_hash_is_an_error_not_a_match():
    with pytest.raises(ValueError):
        verify_pin("1111", "md5$abc")


# -------------------------------------------------------------------------------------- directory


def test_demo_directory_identifies_staff_by_pin_and_keeps_no_pin_in_clear(directory):
    assert isinstance(directory, StaffDirectory)
    assert [(m.name, m.role) for m in directory.members()] == [
        ("Ana", Role.CASHIER),
        ("Ben", Role.ASSOCIATE),
        ("Mia", Role.MANAGER),
    ]
    for seed in DEMO_STAFF:
        m = directory.identify(seed.pin)
        assert m is not None and m.id == seed.id
        assert directory.check_pin(seed.id, seed.pin)
        assert seed.pin not in repr(vars(directory))
        assert seed.pin not in repr(seed)
    assert directory.identify("0000") is None
    assert not directory.check_pin("S001", "9999")
    assert not directory.check_pin("nobody", "1111")


def test_pins_are_unique(directory):
    with pytest.raises(DuplicatePinError):
        directory.add(StaffMember("S010", "Zoe", Role.CASHIER), "9999")
    directory.add(StaffMember("S010", "Zoe", Role.CASHIER), "5555")
    assert directory.identify("5555").name == "Zoe"
    with pytest.raises(DuplicatePinError):
        directory.set_pin("S010", "1111")
    directory.set_pin("S010", "5556")
    assert directory.identify("5555") is None and directory.identify("5556").name == "Zoe"
    with pytest.raises(DuplicatePinError):
        InMemoryStaffDirectory(
            [StaffSeed("a", "A", Role.CASHIER, "1234"), StaffSeed("b", "B", Role.CASHIER, "1234")],
            scrypt_n=FAST_N,
        )


def test_deactivated_staff_cannot_log_in(directory, auth):
    directory.deactivate("S001")
    assert directory.identify("1111") is None
    assert auth.login("1111").status is LoginStatus.WRONG_PIN


# ---------------------------------------------------------------------------------------- lockout


def test_lockout_after_ten_wrong_pins_for_thirty_minutes_then_doubles(clock):
    """PCI DSS v4.0 8.3.4: at most 10 wrong tries, then at least 30 minutes."""
    lock = PinLockout(clock=clock)
    for i in range(9):
        assert lock.record_failure() == 0
        assert lock.attempts_left() == 9 - i
    assert lock.record_failure() == 1800
    assert lock.locked() and lock.remaining() == 1800
    clock.advance(1799.5)
    assert lock.locked()
    clock.advance(0.5)
    assert not lock.locked()
    lock.record_success()  # a right PIN resets nothing: it may be someone else's
    for _ in range(9):
        lock.record_failure()
    assert lock.record_failure() == 3600  # a second lockout in a row waits twice as long
    assert lock.locked("override") and lock.locked("till")  # every PIN pad of the till shares the count
    with pytest.raises(ValueError, match="8.3.4"):
        PinLockout(max_attempts=11)
    with pytest.raises(ValueError, match="30 minutes"):
        PinLockout(lockout_s=30)


def test_authenticator_messages_audit_and_lockout(auth, audit, clock, caplog):
    caplog.set_level(logging.DEBUG)
    r = auth.login("1234")
    assert r.status is LoginStatus.WRONG_PIN and r.message == "Wrong PIN. 9 tries left."
    assert auth.login("12").status is LoginStatus.INVALID  # not a PIN: not counted
    for _ in range(8):
        auth.login("1234")
    r = auth.login("1234")
    assert r.status is LoginStatus.LOCKED
    assert r.message == "Too many wrong PINs. Try again in 30 min 00 s, or ask a manager."
    r = auth.login("9999")  # the right PIN is refused while locked
    assert r.status is LoginStatus.LOCKED and r.locked_for_s == 1800
    clock.advance(1800)
    r = auth.login("9999")
    assert r.ok and r.member.name == "Mia" and r.message == "Welcome, Mia."
    assert audit.types() == ["staff.login_failed"] * 9 + ["staff.lockout", "staff.login"]
    assert audit.of("staff.login") == [{"staff_id": "S003", "name": "Mia", "role": "manager"}]
    text = repr(audit.events) + caplog.text
    assert "9999" not in text and "1234" not in text


def test_staff_picker_login_checks_that_persons_pin(auth):
    assert auth.login("1111", staff_id="S003").status is LoginStatus.WRONG_PIN
    assert auth.login("9999", staff_id="S003").member.name == "Mia"


# -------------------------------------------------------------------------------------- overrides


def test_manager_pin_approves_and_the_override_is_audited(approvals, audit):
    req = OverrideRequest.from_authorisation(
        authorise(ANA, Permission.DISCOUNT, amount_percent=25), subject="sale 42", reason="damaged box"
    )
    r = approvals.approve(req, "9999")
    assert r.approved and r.message == "Approved by Mia."
    ov = r.override
    assert (ov.approver_name, ov.actor_name, ov.permission, ov.amount_percent) == (
        "Mia",
        "Ana",
        "discount",
        25,
    )
    assert audit.of("override.approved") == [ov.audit_payload()]
    p = ov.audit_payload()
    assert p["action"] == "Discount 25\u00a0%" and p["reason"] == "damaged box"
    assert p["at"] == "2026-11-23T14:05:00+00:00" and p["subject"] == "sale 42"
    assert "9999" not in repr(audit.events)


@pytest.mark.parametrize("pin,who", [("1111", "Ana"), ("2222", "Ben")])
def test_only_a_manager_can_approve(approvals, audit, pin, who):
    req = OverrideRequest(ANA, Permission.VOID_SALE, reason="customer left")
    r = approvals.approve(req, pin)
    assert r.status is OverrideStatus.NOT_ALLOWED and r.override is None
    assert r.message.startswith(f"{who} (") and "A manager must enter their PIN." in r.message
    assert audit.of("override.refused")[-1]["status"] == "not_allowed"
    assert not audit.of("override.approved")


def test_override_and_login_wrong_pins_share_one_count(approvals, auth):
    req = OverrideRequest(ANA, Permission.NO_SALE, reason="change for the float")
    for _ in range(5):
        assert approvals.approve(req, "0000").status is OverrideStatus.WRONG_PIN
    for _ in range(4):
        assert auth.login("0000").status is LoginStatus.WRONG_PIN
    assert approvals.approve(req, "0000").status is OverrideStatus.LOCKED  # the tenth, on either pad
    assert approvals.approve(req, "9999").status is OverrideStatus.LOCKED
    assert approvals.lockout_remaining() == 1800
    assert auth.login("1111").status is LoginStatus.LOCKED  # the login screen is locked by it too


def test_price_override_needs_a_reason(approvals):
    req = OverrideRequest(ANA, Permission.PRICE_OVERRIDE)
    assert approvals.approve(req, "9999").status is OverrideStatus.REASON_REQUIRED
    assert approvals.approve(req, "9999", reason="  ").status is OverrideStatus.REASON_REQUIRED
    r = approvals.approve(req, "9999", reason="price match")
    assert r.approved and r.override.reason == "price match"


def test_approvals_default_to_the_authenticators_audit(directory, audit):
    a = Approvals(Authenticator(directory, audit=audit))
    assert a.approve(OverrideRequest(ANA, Permission.REFUND), "9999").approved
    assert audit.types() == ["override.approved"]


# -------------------------------------------------------------------------------------- idle lock


def test_idle_lock_fires_once_per_idle_period(clock):
    idle = IdleLock(300, clock=clock)
    clock.advance(299)
    assert not idle.should_lock() and idle.remaining() == 1
    idle.touch()
    clock.advance(299)
    assert not idle.fire()
    clock.advance(1)
    assert idle.should_lock() and idle.fire()
    assert not idle.fire()  # once
    idle.touch()
    assert not idle.should_lock()
    clock.advance(300)
    assert idle.fire()


def test_idle_lock_zero_means_never(clock):
    idle = IdleLock(0, clock=clock)
    clock.advance(10**6)
    assert not idle.enabled and not idle.fire() and idle.remaining() == float("inf")


def test_the_instant_demo_directory_matches_the_printed_pins():
    d = InMemoryStaffDirectory.demo()  # precomputed hashes at the full default cost
    for seed in DEMO_STAFF:
        assert d.check_pin(seed.id, seed.pin)
        assert d.pin_hash(seed.id).startswith(f"scrypt${DEFAULT_SCRYPT_N}$")
    assert d.identify("9999").name == "Mia"


def test_a_directory_round_trips_through_its_records(directory):
    again = InMemoryStaffDirectory.from_records(directory.records(), scrypt_n=FAST_N)
    assert again.members() == directory.members()
    assert again.identify("2222").name == "Ben"
    assert "2222" not in repr(directory.records())
    with pytest.raises(ValueError):
        InMemoryStaffDirectory.from_records([StaffRecord(ANA, "scrypt$3$8$1$AAAA$AAAA")])


def test_idle_lock_is_held_off_while_inhibited(clock):
    idle = IdleLock(60, clock=clock)
    idle.inhibit("card payment")
    idle.inhibit("card payment")
    clock.advance(600)
    assert not idle.fire() and idle.inhibited_by == ["card payment"]
    idle.release("card payment")
    assert not idle.fire()
    idle.release("card payment")
    assert idle.inhibited_by == []
    clock.advance(59)
    assert not idle.fire()  # the idle time counts from the release
    clock.advance(1)
    assert idle.fire()


def test_staff_session_lock_unlock_and_switch(audit):
    from pos.staff import StaffSession

    s = StaffSession(audit=audit)
    s.lock("idle")  # nobody logged in: nothing to lock
    assert not s.locked and audit.events == []
    s.unlock(ANA)
    s.lock("idle")
    s.lock("idle")  # once
    assert s.locked and s.current is ANA
    s.unlock(ANA)
    assert not s.locked and s.switched_from is None
    s.lock("manual")
    s.unlock(MIA)
    assert s.current is MIA and s.switched_from is ANA
    s.logout()
    assert s.current is None
    assert audit.events == [
        ("staff.lock", {"staff_id": "S001", "why": "idle"}),
        ("staff.lock", {"staff_id": "S001", "why": "manual"}),
        ("staff.logout", {"staff_id": "S001", "why": "another person unlocked"}),
        ("staff.logout", {"staff_id": "S003", "why": "logout"}),
    ]


def test_audit_via_a_journal_names_the_actor(directory, clock):
    from pos.staff import audit_via

    rows = []
    audit = audit_via(lambda action, actor, details: rows.append((action, actor, details)))
    auth = Authenticator(directory, lockout=PinLockout(clock=clock), audit=audit)
    assert auth.login("1111").ok
    auth.login("0000")
    approvals = Approvals(auth)
    approvals.approve(OverrideRequest(ANA, Permission.VOID_SALE, reason="test"), "9999")
    assert [(a, actor) for a, actor, _ in rows] == [
        ("staff.login", "S001"),
        ("staff.login_failed", None),
        ("override.approved", "S003"),
    ]
    assert rows[2][2]["actor_id"] == "S001"


def test_discount_described_from_a_fraction_of_any_kind():
    from fractions import Fraction

    from pos.staff import describe_action

    assert describe_action(Permission.DISCOUNT, Fraction(25)) == "Discount 25\u00a0%"
    assert describe_action(Permission.DISCOUNT, Fraction(25, 2)) == "Discount 12.5\u00a0%"
