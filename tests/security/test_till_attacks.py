"""Attacks on a till by whoever stands at it or holds its data directory (docs/security.md: "An insider at
a till", "A stolen till", "A local administrator"), each first reproduced on main at 99759f4."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import settings as settings_mod
from app.paths import Paths
from app.shop import open_shop
from app.staff import StaffServices, load_staff
from pos.staff import (
    Authenticator,
    InMemoryStaffDirectory,
    LoginStatus,
    OverrideRequest,
    OverrideStatus,
    Permission,
    PinLockout,
    Role,
    StaffMember,
    verify_pin,
)
from tests.app.conftest import demo_settings
from tests.support.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
FAST_N = 2**10


class Clock:
    def __init__(self) -> None:
        self.t = 1_800_000_000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, s: float) -> None:
        self.t += s


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def directory():
    return InMemoryStaffDirectory.demo(scrypt_n=FAST_N)  # Ana 1111 cashier, Ben 2222, Mia 9999 manager


def test_ten_wrong_pins_lock_every_pin_pad_for_at_least_thirty_minutes(directory, clock):
    """PCI DSS v4.0 8.3.4: not more than 10 tries, then at least 30 minutes."""
    auth = Authenticator(directory, lockout=PinLockout(clock=clock))
    results = [auth.login(f"{i:04d}").status for i in range(2000, 2010)]
    assert results[:9] == [LoginStatus.WRONG_PIN] * 9 and results[9] is LoginStatus.LOCKED
    assert auth.lockout.remaining() >= 30 * 60
    clock.advance(29 * 60)
    assert auth.login("9999").status is LoginStatus.LOCKED


def test_an_insiders_own_login_does_not_reset_the_count(directory, clock):
    auth = Authenticator(directory, lockout=PinLockout(clock=clock))
    for guess in range(9):
        auth.login(f"{5000 + guess:04d}")  # the cashier guesses the manager's PIN
    assert auth.login("1111").ok  # and logs in as herself, as she may
    assert auth.login("5009").status is LoginStatus.LOCKED  # the tenth guess locks all the same


def test_login_and_approval_pads_share_one_count(directory, clock):
    from pos.staff import Approvals

    auth = Authenticator(directory, lockout=PinLockout(clock=clock))
    approvals = Approvals(auth)
    ana = directory.get("S001")
    req = OverrideRequest(ana, Permission.VOID_SALE, reason="x")
    for guess in range(5):
        assert approvals.approve(req, f"{6000 + guess:04d}").status is OverrideStatus.WRONG_PIN
    for guess in range(5):
        auth.login(f"{7000 + guess:04d}")
    assert auth.lockout.remaining() > 0


def test_a_thousand_lockouts_never_overflow(directory, clock):
    lock = PinLockout(clock=clock)
    for _ in range(1100):
        for _ in range(lock.max_attempts):
            wait = lock.record_failure()
        assert wait >= 30 * 60
        clock.advance(wait)


def test_a_restart_gives_no_new_tries(tmp_path):
    paths = Paths.under(tmp_path / "till")
    settings = demo_settings()
    staff = StaffServices.build(paths, settings)
    shop = open_shop(paths, settings, staff)
    try:
        for guess in range(10):
            staff.authenticator.login(f"{3000 + guess:04d}")
        assert staff.authenticator.lockout.remaining() > 0
        shop.store.write_sync(lambda c: None)  # what was queued is written
    finally:
        shop.close()
    again = StaffServices.build(paths, settings)  # the till starts again: the login screen is up first
    assert again.authenticator.login("9999").status is LoginStatus.LOCKED
    assert again.authenticator.lockout.remaining() >= 29 * 60


def test_a_manager_ends_a_lockout_only_with_a_longer_pin(clock):
    directory = InMemoryStaffDirectory(scrypt_n=FAST_N)
    directory.add(StaffMember("S1", "Ana", Role.CASHIER), "1111")
    directory.add(StaffMember("M1", "Mia", Role.MANAGER), "246813")
    auth = Authenticator(directory, lockout=PinLockout(clock=clock), min_manager_pin_digits=6)
    for guess in range(10):
        auth.login(f"{4000 + guess:04d}")
    assert auth.unlock("1111").status is LoginStatus.LOCKED  # a cashier cannot
    assert auth.unlock("246813").ok and auth.lockout.remaining() == 0
    assert auth.login("1111").ok


def test_a_live_manager_pin_has_at_least_six_digits(clock):
    directory = InMemoryStaffDirectory(scrypt_n=FAST_N)
    directory.add(StaffMember("M1", "Mia", Role.MANAGER), "9999")
    auth = Authenticator(directory, lockout=PinLockout(clock=clock), min_manager_pin_digits=6)
    assert auth.login("9999").status is LoginStatus.WEAK_PIN


def test_the_staff_file_is_private_and_cannot_be_searched_offline(tmp_path, monkeypatch):
    from app import cli

    data = tmp_path / "till"
    monkeypatch.setattr("sys.stdin", _Stdin("1111\n"))
    assert cli.main(["--data-dir", str(data), "staff", "add", "S001", "Ana", "cashier"]) == 0
    path = data / "config" / "staff.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    (row,) = json.loads(path.read_text())
    # the attacker has the file: all 10,000 PINs against the hash find nothing without the keyring's secret
    found = [pin for pin in ("1111", "0000", "1234") if verify_pin(pin, row["pin_hash"])]
    assert found == []
    path.chmod(0o644)
    live = settings_mod.load(None, environ={}, overrides=["mode=live", "backend.url=https://omo.example"])
    staff = load_staff(Paths.under(data), live)
    assert staff.identify("1111").name == "Ana"  # with the pepper from the keyring, Ana logs in
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # and the file is private again


class _Stdin:
    def __init__(self, text: str) -> None:
        self._lines = text.splitlines(keepends=True)

    def isatty(self) -> bool:
        return False

    def readline(self) -> str:
        return self._lines.pop(0) if self._lines else ""


def test_the_data_directory_and_its_files_are_private(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    (data / "left-open.txt").write_text("x")
    (data / "left-open.txt").chmod(0o644)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "ui.main", "drive", "--seed", "3", "--sales", "2", "--quiet"),
            *("--data-dir", str(data), "--set", "demo.products=300", "--card-share", "0"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    open_to_others = [
        (str(p.relative_to(data)), oct(stat.S_IMODE(p.lstat().st_mode)))
        for p in [data, *data.rglob("*")]
        if not p.is_symlink() and stat.S_IMODE(p.lstat().st_mode) & 0o077
    ]
    assert open_to_others == []
    assert (data / "pos.sqlite3").exists()


@pytest.mark.parametrize(
    "setting",
    [
        "backend.url=http://omo.example.com",
        "stripe.api_base=http://api.stripe.com",
        "backend.url=http://10.0.0.5:8765",
        "ui.idle_lock_s=0",
        "ui.idle_lock_s=31536000",
    ],
)
def test_a_live_till_refuses_clear_text_and_an_idle_lock_off_or_too_long(setting):
    with pytest.raises(settings_mod.SettingsError):
        settings_mod.load(None, environ={}, overrides=["mode=live", setting])


def test_a_live_till_may_reach_a_service_on_this_computer_in_clear():
    s = settings_mod.load(
        None, environ={}, overrides=["mode=live", "backend.url=http://127.0.0.1:8765", "ui.idle_lock_s=900"]
    )
    assert s["backend.url"] == "http://127.0.0.1:8765"


def test_a_screenshot_of_a_member_code_is_stale_two_minutes_later(tmp_path):
    from backend import tokens
    from backend.server import start_backend
    from pos.codes import CodeParser, MemberCode

    handle = start_backend(tmp_path / "b.sqlite3", seed_products=40)
    try:
        shot = handle.member_qr(1001)  # what the member's app shows now
        key = handle.backend.signing_key
    finally:
        handle.stop()
    pub = {key.key_id: key.private.public_key()}
    now = time.time()
    assert isinstance(CodeParser(pub, clock=lambda: now).parse(shot), MemberCode)
    later = CodeParser(pub, clock=lambda: now + 120)  # the next customer's sale
    assert not isinstance(later.parse(shot), MemberCode)
    forever = tokens.encode_app_token(key, 1001, int(now) + 86400)  # a code that claims a day of life
    assert not isinstance(CodeParser(pub, clock=lambda: now).parse(forever), MemberCode)


def test_a_rewritten_audit_log_is_caught_by_its_anchored_copy(tmp_path, capsys):
    """The attacker drops the triggers, deletes the failed-PIN and lockout entries and chains the rest
    again: the local check passes, the backend's anchored copy does not match."""
    import sqlite3

    from app import cli
    from pos.audit_chain import GENESIS, entry_hash

    data = tmp_path / "till"
    paths = Paths.under(data)
    settings = demo_settings()
    staff = StaffServices.build(paths, settings)
    shop = open_shop(paths, settings, staff)
    try:
        for guess in range(10):
            staff.authenticator.login(f"{8000 + guess:04d}")
        assert staff.authenticator.login("1111").status is LoginStatus.LOCKED
        shop.store.write_sync(lambda c: None)
        # the sync engine anchors the new entries
        wait_for(lambda: shop.sync_engine.wake() or _anchored(shop) >= _head(shop), timeout=20, interval=0.05)
    finally:
        shop.close()
    capsys.readouterr()
    assert cli.main(["--data-dir", str(data), "audit", "verify"]) == 0  # untouched: the copies match
    assert "matches the backend's anchored copy" in capsys.readouterr().out
    db = sqlite3.connect(data / "pos.sqlite3")
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("DROP TRIGGER audit_log_no_delete")
    rows = db.execute(
        "SELECT at, actor, action, details FROM audit_log WHERE action NOT IN "
        "('staff.login_failed', 'staff.lockout') ORDER BY seq"
    ).fetchall()
    assert len(rows) < db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    db.execute("DELETE FROM audit_log")
    prev = GENESIS
    for seq, (at, actor, action, details) in enumerate(rows, start=1):
        digest = entry_hash(prev, seq, at, actor, action, details)
        db.execute(
            "INSERT INTO audit_log (seq, at, actor, action, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?)",
            (seq, at, actor, action, details, prev, digest),
        )
        prev = digest
    db.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'", (len(rows),))
    db.commit()
    db.close()
    capsys.readouterr()
    assert cli.main(["--data-dir", str(data), "audit", "verify", "--local-only"]) == 0  # the rewrite holds
    assert cli.main(["--data-dir", str(data), "audit", "verify"]) == 1
    assert "DIFFERS from the backend's copy: entry" in capsys.readouterr().out


def _anchored(shop) -> int:
    from sync.store.cart import get_setting

    conn = shop.store.read_connection()
    try:
        return int(get_setting(conn, "audit.anchored_seq", 0) or 0)
    finally:
        conn.close()


def _head(shop) -> int:
    conn = shop.store.read_connection()
    try:
        return conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()[0]
    finally:
        conn.close()


def test_the_member_cache_keeps_checkouts_view_only_and_forgets_it_after_its_time(tmp_path):
    """A look-up with the member's own code brought their history; the store's cache on disk kept the whole
    profile, and nothing purged it after its 15 minutes, not even a restart."""
    import sqlite3

    data = tmp_path / "till"
    paths, settings = Paths.under(data), demo_settings()
    shop = open_shop(paths, settings)
    try:
        member_no = shop.demo.member_list[0].member_no
        seen = shop.sync_engine.member_profile(member_no, member_token=shop.demo.member_qr(member_no))
        assert seen.recent_orders or seen.recently_viewed  # the screen got the member's history
        shop.store.write_sync(lambda c: None)  # the cache write is queued to the writer
    finally:
        shop.close()
    db = sqlite3.connect(data / "pos.sqlite3")
    (profile,) = db.execute("SELECT profile FROM members WHERE member_no = ?", (member_no,)).fetchone()
    kept = json.loads(profile)
    assert kept["recent_orders"] == [] and kept["recently_viewed"] == []
    assert set(kept) <= {"member_no", "display_name", "tier", "points_balance", "coupons", "consent"} | {
        "recent_orders",
        "recently_viewed",
        "view",
    }
    db.execute("UPDATE members SET expires_at = '2000-01-01T00:00:00+00:00'")  # its 15 minutes are over
    db.commit()
    db.close()
    shop = open_shop(paths, settings)  # a restart: the sync engine's first round purges it
    try:
        wait_for(lambda: shop.sync_engine.wake() or _cached_members(shop) == 0, timeout=20, interval=0.05)
    finally:
        shop.close()


def _cached_members(shop) -> int:
    conn = shop.store.read_connection()
    try:
        return conn.execute("SELECT count(*) FROM members").fetchone()[0]
    finally:
        conn.close()


def test_nothing_personal_reaches_the_logs(tmp_path, caplog):
    """A member scanned, looked up with their own code, attached by number, a sale paid: the log names
    member numbers at most, never a name or an e-mail address."""
    import logging

    from app.sell import SellService
    from tests.app.conftest import barcodes

    caplog.set_level(logging.DEBUG)
    shop = open_shop(Paths.under(tmp_path / "till"), demo_settings())
    try:
        sell = SellService(shop)
        sell.begin_shift(shop.staff.identify("1111"))
        member = shop.demo.member_list[0]
        seen = shop.sync_engine.member_profile(
            member.member_no, member_token=shop.demo.member_qr(member.member_no)
        )
        assert sell.scan(barcodes(shop, 1)[0]).ok
        assert sell.attach_member_typed(str(member.member_no)).ok
        assert sell.refresh_member().ok
        due = sell.view().due
        assert sell.pay_cash((due // 1000 + 1) * 1000).ok
        shop.store.write_sync(lambda c: None)
    finally:
        shop.close()
    first_name = seen.display_name.split()[0]
    assert len(first_name) > 2
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert first_name not in logged and "@" not in logged
