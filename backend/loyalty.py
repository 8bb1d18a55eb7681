"""The member side of applying till events, inside backend.db's batch transaction: the points a sale earns
and redeems (computed here from the sale's paid amounts by the programme's rules, `pos.loyalty`; a till's
figure is never what is credited), the coupon ledger (a coupon is used once across every till and the web),
check-ins (their points once per member, store and day), and enrolments made at a till, maybe offline,
merged into an existing member with the same e-mail or phone instead of creating a duplicate.

Exactly once: every write here happens in the transaction of an event that `backend.db` inserted first (its
event_id is the primary key of `events`), so a replayed event writes nothing. Races between tills are
decided by what each write locks or conflicts on: the member's row before a redemption (backend.db), the
coupon's ledger row (`SELECT ... FOR UPDATE`, or the INSERT's primary key when it has none yet), the
(member, store, day) primary key of `checkin_days`, and the `member_no` counter row for enrolments (taken
first, so two enrolments of one person queue and the second finds the first's member).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from backend.schema import (
    checkin_days,
    checkins,
    coupon_ledger,
    events,
    member_aliases,
    member_coupons,
    members,
    products,
)
from pos.loyalty import EarnLine, LoyaltyError, Programme, points_shares, programme

if TYPE_CHECKING:  # pragma: no cover
    from backend.db import _Batch

CLAIM_TTL_S = 1800.0  # a coupon claimed by a sale that no sale event confirms is free again after this
PROVISIONAL = range(8_000_000_000_000_000_000, 9_000_000_000_000_000_000)  # numbers a till gives offline
FIRST_MEMBER_NO = 2_000_000  # members enrolled at a till are numbered from here


class Refused(Exception):
    """The event cannot be applied (backend.db turns this into a rejection with its code)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class SalePoints:
    """What a sale does to its member's points, as the backend computes it."""

    member_no: int
    programme: str
    earned: int
    redeemed: int
    per_line_earned: list[int]
    per_line_paid: list[int]  # the points tender's value on each line


def _insert(conn: Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


# ------------------------------------------------------------------------------------------ members
class Members:
    """A batch's view of members: who exists, their tier, what provisional numbers stand for, and the
    categories of the products its sales sold (all looked up once per batch, then kept up to date)."""

    def __init__(self, conn: Connection, evs: list[dict[str, Any]]) -> None:
        self.conn = conn
        self.tiers: dict[int, str] = {}
        self.aliases: dict[int, int] = {}
        self.categories: dict[str, str] = {}
        numbers: set[int] = set()
        skus: set[str] = set()
        for ev in evs:
            p = ev.get("payload")
            if not isinstance(p, dict) or type(p.get("member_no")) is not int:
                continue
            numbers.add(p["member_no"])
            if ev.get("type") == "sale.completed" and isinstance(p.get("lines"), list):
                skus.update(
                    ln["sku"] for ln in p["lines"] if isinstance(ln, dict) and isinstance(ln.get("sku"), str)
                )
        provisional = sorted(n for n in numbers if n in PROVISIONAL)
        if provisional:
            self.aliases.update(
                conn.execute(
                    sa.select(member_aliases.c.alias_no, member_aliases.c.member_no).where(
                        member_aliases.c.alias_no.in_(provisional)
                    )
                ).all()
            )
        real = sorted({self.aliases.get(n, n) for n in numbers if self.aliases.get(n, n) < 2**63})
        if real:
            self.tiers.update(
                conn.execute(
                    sa.select(members.c.member_no, members.c.tier).where(members.c.member_no.in_(real))
                ).all()
            )
        if skus:
            self.categories.update(
                conn.execute(
                    sa.select(products.c.sku, products.c.category).where(products.c.sku.in_(sorted(skus)))
                ).all()
            )

    def resolve(self, member_no: Any) -> int | None:
        """The member a number stands for (a provisional number after its enrolment), or None."""
        if type(member_no) is not int:
            return None
        if member_no in PROVISIONAL and member_no not in self.aliases:
            found = self.conn.execute(
                sa.select(member_aliases.c.member_no).where(member_aliases.c.alias_no == member_no)
            ).scalar()
            if found is None:
                return None
            self.aliases[member_no] = found
        real = self.aliases.get(member_no, member_no)
        return real if real in self.tiers else None


def resolve_number(conn: Connection, member_no: int) -> int:
    """A provisional number's member (the number itself otherwise): for reads (profile, search)."""
    if member_no in PROVISIONAL:
        found = conn.execute(
            sa.select(member_aliases.c.member_no).where(member_aliases.c.alias_no == member_no)
        ).scalar()
        if found is not None:
            return int(found)
    return member_no


# ------------------------------------------------------------------------------------------ sales
def sale_points(
    b: _Batch, p: dict[str, Any], occurred_at: str
) -> tuple[SalePoints | None, dict[str, str] | None]:
    """The member's points on a sale, computed from its lines and tenders by the programme's rules, and a
    note when the till said otherwise. Raises Refused when the sale cannot be applied as sent."""
    pts = p.get("points") or None
    claimed_earned = pts["earned"] if pts else 0
    claimed_redeemed = pts["redeemed"] if pts else 0
    points_paid = sum(t["amount"] for t in p["tenders"] if t["method"] == "points")
    member = b.people.resolve(p.get("member_no"))
    if member is None:
        if claimed_earned or claimed_redeemed or points_paid:
            raise Refused("unknown_member", "points on a sale without a known member")
        return None, None  # a sale with an unknown or no member number earns nothing
    try:
        prog: Programme = programme(pts.get("programme", "main") if pts else "main")
        redeemed = prog.points_for(points_paid, p["currency"])
    except LoyaltyError as e:
        raise Refused("invalid_payload", f"points: {e}") from None
    if claimed_redeemed != redeemed:
        raise Refused(
            "invalid_payload",
            f"{claimed_redeemed} points redeemed, but the points tender pays for {redeemed}",
        )
    if redeemed and b.balance(member, prog.programme_id) < redeemed:
        raise Refused("insufficient_points", "the member does not have the points redeemed")
    lines = p["lines"]
    paid = [ln["paid_amount"] for ln in lines]
    earn_lines = [
        EarnLine(ln["sku"], b.people.categories.get(ln["sku"], ""), ln["paid_amount"]) for ln in lines
    ]
    try:
        earning = prog.earn_for_sale(
            earn_lines,
            points_paid=points_paid,
            tier=b.people.tiers[member],
            currency=p["currency"],
            when=occurred_at,
        )
    except LoyaltyError as e:
        raise Refused("invalid_payload", f"points: {e}") from None
    note = None
    if pts and claimed_earned != earning.points:
        note = {
            "code": "points_corrected",
            "message": f"credited {earning.points} points as the programme gives, not {claimed_earned}",
        }
    shares = points_shares(points_paid, paid)
    return SalePoints(
        member, prog.programme_id, earning.points, redeemed, list(earning.per_line), shares
    ), note


def use_coupons(
    conn: Connection, codes: list[str], member_no: int | None, sale_uuid: str, event_id: str
) -> dict[str, str] | None:
    """Mark the sale's coupons used in the ledger (once). A coupon another sale or the web has (or that is
    not this member's) is not used twice: the sale is still recorded, and the note says so."""
    problems = []
    for code in dict.fromkeys(codes):
        state = _claim(conn, code, member_no, "store", sale_uuid, event_id=event_id)
        if state != "ok":
            problems.append(f"{code}: {state}")
    if not problems:
        return None
    return {"code": "coupon_already_used", "message": "; ".join(problems)}


def _lock_coupon(conn: Connection, code: str) -> Any:
    return conn.execute(
        sa.select(coupon_ledger.c.state, coupon_ledger.c.ref, coupon_ledger.c.claimed_at)
        .where(coupon_ledger.c.code == code)
        .with_for_update()
    ).first()


def _claim(
    conn: Connection,
    code: str,
    member_no: int | None,
    channel: str,
    ref: str,
    *,
    event_id: str | None = None,
    now: float | None = None,
) -> str:
    """Give ``code`` to ``ref`` (a sale or an order): ``claim`` (event_id None) keeps it for the sale until
    its event arrives; a use (event_id given) marks it used. "ok", or why not."""
    now = time.time() if now is None else now
    owner = conn.execute(sa.select(member_coupons.c.member_no).where(member_coupons.c.code == code)).scalar()
    if owner is None or (member_no is not None and owner != member_no):
        return "not this member's coupon"
    state = "used" if event_id is not None else "claimed"
    row = _lock_coupon(conn, code)
    if row is None:
        inserted = conn.execute(
            _insert(conn)(coupon_ledger)
            .values(
                code=code,
                member_no=owner,
                state=state,
                channel=channel,
                ref=ref,
                event_id=event_id,
                claimed_at=now,
            )
            .on_conflict_do_nothing(index_elements=["code"])
            .returning(coupon_ledger.c.code)
        ).first()
        if inserted is not None:
            return "ok"
        row = _lock_coupon(conn, code)  # a concurrent transaction took it first: decide on its row
    held, holder, at = row
    if holder == ref or (held == "claimed" and at + CLAIM_TTL_S < now):
        if holder == ref and held == "used":
            return "ok"
        conn.execute(
            sa.update(coupon_ledger)
            .where(coupon_ledger.c.code == code)
            .values(state=state, channel=channel, ref=ref, event_id=event_id, claimed_at=now)
        )
        return "ok"
    return "used already" if held == "used" else "claimed by another sale"


def claim_coupon(
    conn: Connection, code: str, member_no: int, sale_uuid: str, *, now: float | None = None
) -> str:
    """A till asks for a coupon for a sale before it is paid: "ok", "unknown", or why not."""
    exists = conn.execute(sa.select(member_coupons.c.member_no).where(member_coupons.c.code == code)).scalar()
    if exists is None:
        return "unknown"
    return _claim(conn, code, resolve_number(conn, member_no), "store", sale_uuid, now=now)


def release_coupon(conn: Connection, code: str, sale_uuid: str) -> str:
    """A sale gives back a coupon it claimed and did not use; the coupon's state after it."""
    row = _lock_coupon(conn, code)
    if row is None:
        return "free"
    held, holder, _at = row
    if held == "claimed" and holder == sale_uuid:
        conn.execute(sa.delete(coupon_ledger).where(coupon_ledger.c.code == code))
        return "free"
    return held


def coupon_state(conn: Connection, code: str, *, now: float | None = None) -> tuple[str, str | None]:
    """(free | claimed | used, the sale or order that has it)."""
    now = time.time() if now is None else now
    row = conn.execute(
        sa.select(coupon_ledger.c.state, coupon_ledger.c.ref, coupon_ledger.c.claimed_at).where(
            coupon_ledger.c.code == code
        )
    ).first()
    if row is None or (row[0] == "claimed" and row[2] + CLAIM_TTL_S < now):
        return "free", None
    return row[0], row[1]


def use_coupon_online(conn: Connection, code: str, order_no: str) -> str:
    """The web shop uses a coupon for an order (the reference backend's stand-in for the online checkout)."""
    return _claim(conn, code, None, "web", order_no, event_id=f"web:{order_no}")


# ------------------------------------------------------------------------------------------ check-ins
def _date(text: str) -> date:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).date()


def check_in(b: _Batch, event_id: str, p: dict[str, Any], occurred_at: str) -> dict[str, str] | None:
    """Record a visit; its points once per member, store and day (the first check-in of the day)."""
    b.check_store(p.get("store_id"))
    member = b.people.resolve(p["member_no"])
    if member is None:
        raise Refused("unknown_member", "no such member")
    day = p.get("local_date") or occurred_at[:10]
    try:
        if abs(_date(day) - _date(occurred_at)) > timedelta(days=1):
            raise Refused("invalid_payload", "the visit's local date is not the day it happened")
    except ValueError:
        raise Refused("invalid_payload", "the visit's local date is not a date") from None
    store_id = p.get("store_id") or b.store_id or ""
    b.conn.execute(sa.insert(checkins).values(event_id=event_id, member_no=member, store_id=store_id))
    return first_visit(b.conn, event_id, member, store_id, day, b)


def first_visit(
    conn: Connection, event_id: str, member: int, store_id: str, day: str, b: _Batch | None = None
) -> dict[str, str] | None:
    first = conn.execute(
        _insert(conn)(checkin_days)
        .values(member_no=member, store_id=store_id, local_date=day, event_id=event_id)
        .on_conflict_do_nothing(index_elements=["member_no", "store_id", "local_date"])
        .returning(checkin_days.c.event_id)
    ).first()
    if first is None:
        return {
            "code": "already_checked_in",
            "message": f"already checked in at this store on {day}: no points",
        }
    points = programme("main").checkin_points
    if points:
        if b is not None:
            b.add_points(event_id, member, "main", points, now=True)
        else:
            from backend.db import statements

            conn.execute(
                statements(conn).insert_points,
                {
                    "event_id": event_id,
                    "programme": "main",
                    "member_no": member,
                    "delta": points,
                    "created_at": time.time(),
                },
            )
    return None


def app_check_in(conn: Connection, member_no: int, store_id: str, day: str) -> dict[str, str] | None:
    """A check-in from the member's app at the shop's door (the reference backend's stand-in): an event of
    its own, and the same once-a-day rule as the tills'."""
    import uuid

    event_id = str(uuid.uuid4())
    conn.execute(
        sa.insert(events).values(
            event_id=event_id,
            type="member.checked_in",
            till_id="app",
            occurred_at=f"{day}T12:00:00Z",
            payload="{}",
            received_at=time.time(),
        )
    )
    conn.execute(sa.insert(checkins).values(event_id=event_id, member_no=member_no, store_id=store_id))
    return first_visit(conn, event_id, member_no, store_id, day)


# ------------------------------------------------------------------------------------------ enrolment
_DIGITS = re.compile(r"\D")


def normal_email(text: str | None) -> str | None:
    return text.strip().lower() if text and text.strip() else None


def normal_phone(text: str | None) -> str | None:
    digits = _DIGITS.sub("", text or "")
    return digits or None


def enrol(b: _Batch, p: dict[str, Any]) -> dict[str, str] | None:
    """Create the member enrolled at a till, or merge into the member with the same e-mail or phone; the
    provisional number stands for that member from then on. Applied once per enrolment_id."""
    from backend.db import next_counter

    conn = b.conn
    known = conn.execute(
        sa.select(member_aliases.c.alias_no, member_aliases.c.member_no).where(
            member_aliases.c.enrolment_id == p["enrolment_id"]
        )
    ).first()
    if known is not None:
        if known[0] != p["provisional_no"]:
            raise Refused("invalid_payload", "this enrolment was made with another provisional number")
        return {"code": "already_enrolled", "message": "this enrolment was applied before"}
    taken = conn.execute(
        sa.select(member_aliases.c.member_no).where(member_aliases.c.alias_no == p["provisional_no"])
    ).first()
    if taken is not None:
        raise Refused("invalid_payload", "this provisional number belongs to another enrolment")
    seq = next_counter(conn, "member_no")  # locks the counter row: enrolments queue here
    email, phone = normal_email(p.get("email")), normal_phone(p.get("phone"))
    consent = p["consent"]
    found = None
    if email or phone:
        cond = sa.or_(
            *([members.c.email == email] if email else []), *([members.c.phone == phone] if phone else [])
        )
        found = conn.execute(
            sa.select(members.c.member_no).where(cond).order_by(members.c.member_no).limit(1)
        ).scalar()
    flags = {
        "consent_marketing": bool(consent["marketing"]),
        "consent_personalisation": bool(consent["personalisation"]),
        "consent_receipts": bool(consent["receipts_by_email"]),
    }
    note = None
    if found is None:
        member = FIRST_MEMBER_NO + seq
        conn.execute(
            sa.insert(members).values(
                member_no=member,
                first_name=p["first_name"].strip(),
                last_initial=p["last_name"].strip()[:1].upper(),
                last_name=p["last_name"].strip(),
                tier="basic",
                email=email,
                phone=phone,
                enrolled_at=p["enrolled_at"],
                **flags,
            )
        )
        b.people.tiers[member] = "basic"
    else:
        member = int(found)
        # the choices the person just made at the till are the latest word on their consent
        conn.execute(sa.update(members).where(members.c.member_no == member).values(**flags))
        b.people.tiers.setdefault(
            member, conn.execute(sa.select(members.c.tier).where(members.c.member_no == member)).scalar_one()
        )
        note = {"code": "merged", "message": "merged into the member with the same e-mail or phone"}
    conn.execute(
        sa.insert(member_aliases).values(
            alias_no=p["provisional_no"], member_no=member, enrolment_id=p["enrolment_id"]
        )
    )
    b.people.aliases[p["provisional_no"]] = member
    b.members.add(member)
    return note


__all__ = [
    "CLAIM_TTL_S",
    "Members",
    "Refused",
    "SalePoints",
    "app_check_in",
    "check_in",
    "claim_coupon",
    "coupon_state",
    "enrol",
    "release_coupon",
    "resolve_number",
    "sale_points",
    "use_coupon_online",
    "use_coupons",
]
