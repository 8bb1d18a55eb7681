"""The permission check every service makes, in one place: may this person do it, or does a manager's
approval (an `Override` that `Approvals` issued after a correct PIN) cover exactly this action, once?

    gate = OverrideGate()
    approver = gate.check(staff, Permission.REFUND, grant, subject="refund 25.00", retry=lambda ov: ...)
    if isinstance(approver, Result):   # NEEDS_APPROVAL (with the request and retry) or REFUSED
        return approver
    # "" : the person may do it; else the approver's staff id (record it with the action)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from app.messages import QT_TRANSLATE_NOOP, msg
from app.results import Outcome, Result, refused
from pos.staff import Override, OverrideRequest, Permission, StaffMember, authorise

log = logging.getLogger("app.approvals")

C = "app"


class OverrideGate:
    """One per service: remembers the approvals it used, so none covers a second action."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._lock = threading.Lock()

    def check(
        self,
        staff: StaffMember,
        permission: Permission,
        grant: Override | None,
        *,
        subject: str,
        retry: Callable[[Override], Result],
        percent: Fraction | Decimal | int | None = None,
        reason: str = "",
        always: bool = False,
    ) -> str | Result:
        """ "" when `staff` may do it themselves (unless `always`: a manager signs even then), the approver's
        id when `grant` covers it (used once), or a Result: NEEDS_APPROVAL with the request (and
        `retry`), or REFUSED for a grant that does not cover it."""
        if percent is not None:
            percent = min(max(Fraction(percent), Fraction(0)), Fraction(100))
        if not always and authorise(staff, permission, amount_percent=percent).allowed:
            return ""
        request = OverrideRequest(staff, permission, percent, subject, reason)
        if grant is None:
            return Result(
                Outcome.NEEDS_APPROVAL,
                msg(QT_TRANSLATE_NOOP(C, "{what}."), what=request.message),
                request=request,
                retry=retry,
            )
        with self._lock:
            covers = (
                grant.permission is permission
                and grant.actor_id == staff.id
                and (
                    percent is None
                    or (grant.amount_percent is not None and Fraction(grant.amount_percent) >= percent)
                )
                and grant.override_id not in self._used
            )
            if covers:
                self._used.add(grant.override_id)
        if not covers:
            log.warning("override %s does not cover %s for %s", grant.override_id, permission, staff.id)
            return refused(msg(QT_TRANSLATE_NOOP(C, "That approval does not cover this; nothing changed.")))
        return grant.approver_id


__all__ = ["OverrideGate"]
