"""The permission check every service makes before it acts (shared: sell, till, returns, ...).

    approver = check_approval(shop.approvals, staff, Permission.VOID_SALE, grant, subject=..., retry=...)
    if isinstance(approver, Result):
        return approver            # NEEDS_APPROVAL (with the request and retry) or REFUSED
    co.void(actor=staff, override=grant)   # the domain uses the approval: once, and only this one

An approval is an `Override` that the till's one `Approvals` issued after a manager's PIN; it covers
exactly one action of one person (`Approvals.covers`). The check does not use it up: the domain does
(`pos.checkout.Checkout`), or, for an action with no domain object behind it (the drawer, a quantity
limit), the service itself with `use_approval`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from app.messages import QT_TRANSLATE_NOOP, Msg, msg, said
from app.results import Outcome, Result, refused
from pos.staff import Approvals, NotPermitted, Override, OverrideRequest, Permission, StaffMember, authorise

log = logging.getLogger("app.approval")

C = "app"


def check_approval(
    approvals: Approvals,
    staff: StaffMember,
    permission: Permission,
    grant: Override | None,
    *,
    subject: str,
    retry: Callable[[Override], Result],
    percent: Fraction | Decimal | int | None = None,
    reason: str = "",
    always: bool = False,
    asking: Msg | None = None,
) -> str | Result:
    """ "" when `staff` may do it themselves; the approving manager's id when `grant` covers it; or a
    Result: NEEDS_APPROVAL with the request to show on the manager's PIN pad and `retry`, or REFUSED for
    a grant that does not cover this (another action, person or amount, used already, or not issued by
    the till's Approvals). `always`: a manager's approval even when the role allows it; `asking`: what
    to say instead of "<action> needs a manager"."""
    if percent is not None:
        percent = min(max(Fraction(percent), Fraction(0)), Fraction(100))
    if not always and authorise(staff, permission, amount_percent=percent).allowed:
        return ""
    request = OverrideRequest(staff, permission, percent, subject, reason)
    if grant is None:
        return Result(
            Outcome.NEEDS_APPROVAL,
            asking or msg(QT_TRANSLATE_NOOP(C, "{what}."), what=said(request.message)),
            request=request,
            retry=retry,
        )
    if not approvals.covers(grant, staff, permission, amount_percent=percent):
        log.warning("override %s does not cover %s for %s", grant.override_id, permission, staff.id)
        return refused(msg(QT_TRANSLATE_NOOP(C, "That approval does not cover this; nothing changed.")))
    return grant.approver_id


def use_approval(
    approvals: Approvals,
    staff: StaffMember,
    permission: Permission,
    grant: Override | None,
    *,
    always: bool = False,
) -> str | Result:
    """Use `grant` now for an action the service carries out itself: the approver's id ("" when the
    role allows it and not `always`), or REFUSED when it was used meanwhile."""
    try:
        return approvals.permit(staff, permission, override=grant, always=always) or ""
    except NotPermitted:
        return refused(msg(QT_TRANSLATE_NOOP(C, "That approval does not cover this; nothing changed.")))


def approve_once(
    approvals: Approvals,
    staff: StaffMember,
    permission: Permission,
    grant: Override | None,
    *,
    subject: str,
    retry: Callable[[Override], Result],
    percent: Fraction | Decimal | int | None = None,
    reason: str = "",
    always: bool = False,
    asking: Msg | None = None,
) -> str | Result:
    """`check_approval`, then `use_approval` for a covering grant: for an action the service carries
    out itself right after (a refund, a hand-over, the drawer). "" when the role allows it, the
    approver's id for a grant now used up, or the Result to answer."""
    approver = check_approval(
        approvals,
        staff,
        permission,
        grant,
        subject=subject,
        retry=retry,
        percent=percent,
        reason=reason,
        always=always,
        asking=asking,
    )
    if isinstance(approver, Result) or not approver:
        return approver
    return use_approval(approvals, staff, permission, grant, always=always)


__all__ = ["approve_once", "check_approval", "use_approval"]
