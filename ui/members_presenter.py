"""The Members workspace's presenter: what is typed or scanned goes to `app.members.MembersService` on the
network worker; a member panel or the search's hits come back and fill the page. No retail rule here:
what a panel may show was decided by the backend and the member's consent."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from app.members import MemberPanel
from app.results import Outcome, Result
from ui.members_page import MembersPage
from ui.presenter import Presenter
from ui.qt import QTimer, QWidget
from ui.taskman import TaskManager

log = logging.getLogger("ui.members")


class MembersPresenter(Presenter):
    def __init__(
        self,
        members: Any,
        page: MembersPage,
        tasks: TaskManager,
        window: QWidget,
        approvals: Any,
        add_to_sale: Callable[[str], Result] | None = None,
    ) -> None:
        super().__init__(tasks, window, approvals)
        self.members, self.page = members, page
        self.fmt = members.shop.fmt
        self.count = members.shop.count
        self.panel: MemberPanel | None = None
        self.via = "typed"
        page.find.connect(self.find)
        page.open_hit.connect(self.open_hit)
        page.check_in.connect(self.check_in)
        page.enrol.connect(lambda: self.enrol())
        self.add_to_sale = add_to_sale
        self._names: dict[str, str] = {}  # the panel's items by SKU
        page.add_sku.connect(self.add)
        # a recent order opened in Returns & pickups (the window's: `ui.members_workspace`)
        self.open_in_returns: Callable[[MemberPanel, str], None] | None = None
        page.take_back.connect(self.take_back)

    # ------------------------------------------------------------------ the Presenter's hooks
    def show_message(self, text: str, error: bool) -> None:
        self.page.show_message(text, error=error)

    def focus(self) -> None:
        self.page.focus_query()

    def shown(self, result: Result) -> None:
        value = result.value
        if isinstance(value, MemberPanel):
            self.show_panel(value)
        elif isinstance(value, list):
            self.page.show_hits([(h.member_no, self._hit_label(h)) for h in value])
            if not value:
                self.focus()

    # ------------------------------------------------------------------ actions
    def find(self, text: str) -> None:
        """What was typed or scanned (a scan arrives here from the main window too)."""
        self.via = "app_qr" if len(text) > 30 else "typed"
        self.page.query.setText("" if len(text) > 30 else text)  # a code is not left on screen
        self.say(self.tr_("Looking up…"))
        self.call(lambda: self.members.find(text), "net")

    def open_hit(self, member_no: int) -> None:
        self.via = "typed"
        self.call(lambda: self.members.open_member(member_no), "net")

    def check_in(self) -> None:
        if self.panel is None:
            return
        no, via, token = self.panel.member_no, self.via, self.panel.member_token

        def run() -> Result:
            checked = self.members.check_in(no, via=via)
            again = self.members.open_member(no, member_token=token)  # the same view as before
            return replace(checked, value=again.value) if again.ok else checked

        self.call(run, "net")

    def add(self, sku: str) -> None:
        """An item of the panel onto the open sale (the Sell workspace's), a tap away."""
        if self.add_to_sale is None:
            return
        result = self.add_to_sale(sku)
        if result.ok:
            name = self._names.get(sku, sku)
            self.say(self.tr_("Added to the sale: {name}. The sale is on Sell (Alt+1).").format(name=name))
        else:
            self.show(result)

    def take_back(self, row: int) -> None:
        """The panel's recent order at `row` comes back: Returns & pickups opens it, ready to pick."""
        panel = self.panel
        if panel is None or self.open_in_returns is None or not 0 <= row < len(panel.profile.recent_orders):
            return
        self.open_in_returns(panel, panel.profile.recent_orders[row].ref)

    def enrol(self, answers: dict[str, Any] | None = None) -> None:
        """A new member: the dialog, then the service; a refusal asks again with what was typed."""
        from ui.enrol_dialog import EnrolDialog

        dlg = EnrolDialog(self.window, answers)

        def answered(given: dict[str, Any], result: Result) -> None:
            self.show(result)
            if result.outcome is Outcome.REFUSED:
                QTimer.singleShot(0, lambda: self.enrol(given))

        def run() -> None:
            given = dlg.answers()
            self.tasks.run(
                "io", lambda: self.members.enrol(**given), lambda r: answered(given, r), self.failed
            )

        dlg.accepted.connect(run)
        self.open("enrol", dlg)

    # ------------------------------------------------------------------ the panel
    def _hit_label(self, hit: Any) -> str:
        return self.tr_("{name} · {tier} · no. {no} {hint}").format(
            name=hit.display_name, tier=self.tier(hit.tier), no=hit.member_no, hint=hit.hint
        )

    def show_panel(self, panel: MemberPanel) -> None:
        self.panel = panel
        p = panel.profile
        name = self.tr_("{name} · {tier} · no. {no}").format(
            name=p.display_name, tier=self.tier(p.tier), no=p.member_no
        )
        points = self.tr_("{points} points").format(points=self.count(panel.points))
        if panel.offline:
            points += " " + self.tr_("(provisional: from this till's cache, the backend cannot be reached)")
        elif panel.unsynced:
            points += " " + self.tr_("(provisional: {n:+} not yet synced)").format(n=panel.unsynced)
        if panel.checked_in_today:
            points += " · " + self.tr_("checked in today")
        if p.view != "full":
            note = self.tr_(
                "Found without the member's code: only what checkout needs. Scan their code for more."
            )
        elif not p.consent.personalisation:
            note = self.tr_("The member has not consented to personalisation: only what checkout needs.")
        else:
            note = ""
        self._names = {v.sku: v.name for v in p.recently_viewed} | {s.sku: s.name for s in p.suggestions}
        self._names |= {ln.sku: ln.name for o in p.recent_orders for ln in o.lines}
        blocks: dict[str, list[str | tuple[str, str]]] = {
            "coupons": [self._coupon(c) for c in p.coupons],
            "orders": [
                (self._order(o), o.lines[0].sku if len(o.lines) == 1 else "") for o in p.recent_orders
            ],
            "viewed": [(v.name, v.sku) for v in p.recently_viewed],
            "suggestions": [(self._suggestion(s), s.sku) for s in p.suggestions],
        }
        self.page.show_panel(name, points, note, blocks, not panel.checked_in_today)

    def _coupon(self, c: Any) -> str:
        if c.amount_off:
            off = self.fmt(c.amount_off)
        else:
            off = f"{(c.percent_off_bp or 0) / 100:g} %"
        return self.tr_("{title} ({off} off)").format(title=c.title, off=off)

    def _order(self, o: Any) -> str:
        items = ", ".join(f"{ln.qty} × {ln.name}" for ln in o.lines[:3])
        if o.channel == "online":  # the number the customer has in their e-mail, and Returns takes
            return self.tr_("{date} online, order {ref}: {total} — {items}").format(
                date=self.members.shop.day(o.placed_at), ref=o.ref, total=self.fmt(o.total), items=items
            )
        return self.tr_("{date} in store: {total} — {items}").format(
            date=self.members.shop.day(o.placed_at), total=self.fmt(o.total), items=items
        )

    def _suggestion(self, s: Any) -> str:
        why = self.tr_("bought together") if s.reason == "bought_together" else self.tr_("viewed")
        return self.tr_("{name} ({why})").format(name=s.name, why=why)


__all__ = ["MembersPresenter"]
