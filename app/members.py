"""The Members workspace's service: find a member (their QR code from the camera or a file, a typed number
or printed card, a name, phone or e-mail through the backend's search), open the member panel, check a
member in for their visit points, and forget the personal data the till keeps. Qt-free; a window, a test
and the CLI (`omo-pos members purge`) call it alike.

    members = shop.members
    members.begin_shift(ana)
    r = members.find(scanned_text)    # value=MemberPanel (a code or a number) or a list of MemberHit
    r = members.check_in(r.value.member_no, via="app_qr")

What the panel may show is decided by the backend (`view` full only with the member's QR code, each block
only with the member's consent); points are the last server balance plus this till's unsynced changes,
marked provisional. Blocking methods (network): a window runs them on a worker.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from app.messages import QT_TRANSLATE_NOOP, Msg, msg, said, text
from app.results import Result, done, failed, refused
from pos.codes import MemberCode, Rejected, RejectReason, parse_typed_member
from pos.enrolment import enrolment, provisional_number
from pos.errors import DomainError
from pos.loyalty import DEFAULT_PROGRAMME
from pos.staff import Permission, StaffMember
from pos.sync_ports import (
    BackendError,
    BackendNotFound,
    BackendUnavailable,
    MemberProfile,
)

log = logging.getLogger("app.members")

C = "app"

TIERS = {  # the programme's tiers, their names for people
    "basic": QT_TRANSLATE_NOOP(C, "Basic"),
    "silver": QT_TRANSLATE_NOOP(C, "Silver"),
    "gold": QT_TRANSLATE_NOOP(C, "Gold"),
    "platinum": QT_TRANSLATE_NOOP(C, "Platinum"),
}


def tier_name(tier: str) -> Msg:
    """A loyalty tier's name, translated by the window; a tier the programme added later as it is named."""
    known = TIERS.get(tier.lower())
    return msg(known) if known else text(tier.title())


VIA = ("app_qr", "card_qr", "typed", "door")
NOT_ACCEPTED = QT_TRANSLATE_NOOP(
    C,
    "The backend did not accept this member code (expired, cancelled or not genuine). Ask the member to "
    "reopen the code in the app, or type the member number.",
)


@dataclass(frozen=True)
class MemberPanel:
    """What the member panel shows. ``points``: the last server balance plus this till's unsynced changes;
    ``provisional`` when those are not in the balance yet or the profile comes from the till's cache."""

    profile: MemberProfile
    points: int
    unsynced: int
    provisional: bool
    checked_in_today: bool
    # the text of the member's own code that opened the panel (their proof: it opens their orders for a
    # return, `app.returns.ReturnsService.open_member_order`); None when found by number or name
    member_token: str | None = field(default=None, repr=False, compare=False)

    @property
    def member_no(self) -> int:
        return self.profile.member_no

    @property
    def offline(self) -> bool:
        return self.profile.from_cache


def code_not_accepted(profile: MemberProfile, member_token: str | None) -> Result | None:
    """A member's code the backend answered with checkout's view (a number's): it did not open the member's
    profile (forged, expired, another member's, a cancelled card), so the till says so instead of showing
    less. None when the code opened it, no code was given, or the answer is the till's cache."""
    if member_token is None or profile.view == "full" or profile.from_cache:
        return None
    return refused(msg(NOT_ACCEPTED))


class MembersService:
    def __init__(self, shop: Any) -> None:
        self.shop = shop
        self.staff: StaffMember | None = None
        self._lock = threading.Lock()

    def begin_shift(self, member: StaffMember) -> None:
        self.staff = member

    def end_shift(self) -> None:
        self.staff = None

    def _check(self) -> Result | None:
        if self.staff is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Log in first.")))
        if not self.staff.can(Permission.MEMBER_LOOKUP):
            return refused(msg(QT_TRANSLATE_NOOP(C, "Your role cannot look up members.")))
        if self.shop.sync_engine is None:
            return refused(
                msg(QT_TRANSLATE_NOOP(C, "This till has no OMO backend: members cannot be found."))
            )
        return None

    # ------------------------------------------------------------------ finding
    def find(self, typed: str) -> Result:
        """Blocking: a scanned member code (whole profile), a typed member number (what checkout needs), or
        a search by name, phone or e-mail (value: the hits, each without personal details)."""
        if (why := self._check()) is not None:
            return why
        typed = typed.strip() if isinstance(typed, str) else ""
        parsed = self.shop.codes.parse(typed)
        if isinstance(parsed, Rejected) and parsed.reason is RejectReason.UNKNOWN_KEY:
            self.shop.refresh_member_keys()  # the keys the sync engine fetched since the last status round
            parsed = self.shop.codes.parse(typed)
        if isinstance(parsed, MemberCode):
            return self.open_member(parsed.member_no, member_token=typed)
        if isinstance(parsed, Rejected) and parsed.reason not in (
            RejectReason.NOT_UNDERSTOOD,
            RejectReason.TOO_LONG,
        ):
            return refused(said(parsed.message))
        number = parse_typed_member(typed)
        if isinstance(number, MemberCode):
            return self.open_member(number.member_no)
        if len(typed) < 3:
            return refused(
                msg(QT_TRANSLATE_NOOP(C, "Scan the member's code, or type a number, name, phone or e-mail."))
            )
        try:
            hits = self.shop.sync_engine.search_members(typed)
        except BackendUnavailable:
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(
                        C, "The backend cannot be reached: scan the member's code or type their number."
                    )
                )
            )
        except BackendError as e:
            log.warning("member search failed: %s", type(e).__name__)
            return failed(msg(QT_TRANSLATE_NOOP(C, "The member search failed. Try again.")))
        if not hits:
            return done(msg(QT_TRANSLATE_NOOP(C, "No member found.")), value=[])
        return done(msg(QT_TRANSLATE_NOOP(C, "Members found: {n}."), n=len(hits)), value=hits)

    def open_member(self, member_no: int, *, member_token: str | None = None) -> Result:
        """Blocking: the member panel (value: MemberPanel); from the till's cache when the backend is down."""
        if (why := self._check()) is not None:
            return why
        engine = self.shop.sync_engine
        try:
            profile = engine.member_profile(member_no, member_token=member_token, interactive=True)
        except BackendNotFound:
            return refused(msg(QT_TRANSLATE_NOOP(C, "There is no member {no}."), no=member_no))
        except BackendUnavailable:
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(
                        C, "The backend cannot be reached and member {no} is not in this till's cache."
                    ),
                    no=member_no,
                )
            )
        except BackendError as e:
            log.warning("member profile failed: %s", type(e).__name__)
            return failed(msg(QT_TRANSLATE_NOOP(C, "The member could not be opened. Try again.")))
        if (why := code_not_accepted(profile, member_token)) is not None:
            return why
        if not profile.consent.personalisation:  # their orders list for a return, not on the panel
            profile = replace(profile, recent_orders=())
        unsynced = engine.unsynced_points(profile.member_no)
        panel = MemberPanel(
            profile,
            max(0, profile.points_balance + unsynced),
            unsynced,
            provisional=bool(unsynced) or profile.from_cache,
            checked_in_today=self._checked_in(profile.member_no),
            member_token=member_token if profile.view == "full" else None,
        )
        if profile.from_cache:
            return done(
                msg(QT_TRANSLATE_NOOP(C, "The backend cannot be reached: showing what this till kept.")),
                value=panel,
                error=True,
            )
        return done(value=panel)

    # ------------------------------------------------------------------ check-in
    def _today(self) -> str:
        return datetime.now().astimezone().date().isoformat()

    def _checked_in(self, member_no: int) -> bool:
        from sync.store import members

        conn = self.shop.store.read_connection()
        try:
            return members.checked_in(conn, member_no, self._today())
        finally:
            conn.close()

    def check_in(self, member_no: int, *, via: str = "typed") -> Result:
        """The member's visit: queued for the backend, which credits its points once per member, store
        and day (this till asks once a day; another till or the door may have been first)."""
        if (why := self._check()) is not None:
            return why
        if via not in VIA:
            raise ValueError(f"check-in via {via!r}")
        from sync.store import members

        day = self._today()
        payload = {
            "member_no": int(member_no),
            "store_id": self.shop.settings["store.id"],
            "via": via,
            "local_date": day,
        }

        actor = self.staff.id if self.staff else None
        with self._lock:
            try:
                first = self.shop.store.write_sync(lambda conn: members.record_check_in(conn, payload, actor))
            except Exception as e:  # the journal refused: nothing was queued
                log.error("check-in not recorded: %s", type(e).__name__)
                return failed(msg(QT_TRANSLATE_NOOP(C, "The check-in could not be recorded. Try again.")))
        if not first:
            return refused(
                msg(QT_TRANSLATE_NOOP(C, "Member {no} has already checked in today."), no=member_no)
            )
        return done(
            msg(
                QT_TRANSLATE_NOOP(C, "Member {no} checked in: {points} points (provisional)."),
                no=member_no,
                points=DEFAULT_PROGRAMME.checkin_points,
            ),
            value=member_no,
        )

    # ------------------------------------------------------------------ enrolment
    def enrol(
        self,
        first_name: str,
        last_name: str,
        email: str = "",
        phone: str = "",
        *,
        marketing: bool = False,
        personalisation: bool = False,
        receipts_by_email: bool = False,
    ) -> Result:
        """A new member, with their consent choices (each off unless they said yes): queued for the backend,
        usable at once (offline too) by the provisional number it answers with. The backend creates the
        member, or merges into the one with the same e-mail or phone, once. Nothing personal is logged."""
        if (why := self._check()) is not None:
            return why
        import secrets
        import uuid

        from sync.store import outbox

        try:
            e = enrolment(
                first_name,
                last_name,
                email,
                phone,
                marketing=marketing,
                personalisation=personalisation,
                receipts_by_email=receipts_by_email,
            )
        except DomainError as err:
            return refused(said(err))
        no = provisional_number(secrets.randbelow)
        payload = {
            "enrolment_id": str(uuid.uuid4()),
            "provisional_no": no,
            "first_name": e.first_name,
            "last_name": e.last_name,
            "email": e.email,
            "phone": e.phone,
            "consent": {
                "marketing": e.marketing,
                "personalisation": e.personalisation,
                "receipts_by_email": e.receipts_by_email,
            },
            "store_id": self.shop.settings["store.id"],
            "enrolled_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        with self._lock:
            try:
                self.shop.store.write_sync(lambda conn: outbox.enqueue(conn, "member.enrolled", payload))
            except Exception as err:  # the journal refused: nothing was queued
                log.error("enrolment not recorded: %s", type(err).__name__)
                return failed(msg(QT_TRANSLATE_NOOP(C, "The enrolment could not be recorded. Try again.")))
        self.shop.sync_engine.wake()
        return done(
            msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "Welcome, {name}! Member number {no}: usable now; the backend confirms it when it syncs.",
                ),
                name=e.first_name,
                no=no,
            ),
            value=no,
        )

    # ------------------------------------------------------------------ personal data
    def purge(self) -> Result:
        """Forget every member profile and check-in mark this till keeps (`omo-pos members purge`)."""
        if self.shop.sync_engine is None:
            return done(msg(QT_TRANSLATE_NOOP(C, "No member data is kept on this till.")), value=0)
        n = self.shop.sync_engine.purge_members(everything=True)
        return done(msg(QT_TRANSLATE_NOOP(C, "Removed {n} cached members."), n=n), value=n)

    def purge_expired(self) -> int:
        """Forget the profiles past their time (sync.member_cache_ttl_s) and past days' check-ins."""
        if self.shop.sync_engine is None:
            return 0
        return int(self.shop.sync_engine.purge_members(everything=False))


def purge_cli(argv: list[str], *, data_dir: Any) -> int:
    """`omo-pos members purge`: forget every member profile and check-in mark in the till's journal (the
    till program must be closed: one process per data directory)."""
    import argparse
    import sys
    from pathlib import Path

    argparse.ArgumentParser(
        prog="omo-pos members purge", description="Forget the member data kept on this till."
    ).parse_args(argv)
    from sync.store import DB_NAME, Store, StoreError, members

    path = Path(data_dir) / DB_NAME
    if not path.exists():
        print(f"No till data in {data_dir}.", file=sys.stderr)
        return 1
    try:
        store = Store.open(path, till_id="cli", quick_check=False)
    except StoreError as exc:
        print(f"{exc}\nClose the till program, then try again.", file=sys.stderr)
        return 2
    try:
        n = store.write_sync(members.purge_all)
    finally:
        store.close()
    print(f"Removed {n} cached member profile(s) and this till's check-in marks.")
    return 0


__all__ = ["VIA", "MemberPanel", "MembersService", "purge_cli"]
