"""The Members workspace joined to the window once the shop is open: its presenter, with a panel's item a
tap away from the open sale (Sell's `add_sku`) and a recent order a key away from Returns & pickups."""

from __future__ import annotations

from typing import Any


def attach_members(window: Any, shop: Any) -> None:
    """Sets `window.members_presenter` (ui.members_presenter.MembersPresenter)."""
    from ui.members_presenter import MembersPresenter

    window.members_presenter = MembersPresenter(
        shop.members, window.members_page, window.tasks, window, shop.approvals, window.sell.add_sku
    )
    window.members_presenter.open_in_returns = lambda panel, ref: open_in_returns(window, panel, ref)


def open_in_returns(window: Any, panel: Any, ref: str) -> None:
    """A member panel's recent order: the Returns tab of Returns & pickups opens it, ready to pick lines
    (`app.returns.ReturnsService.open_member_order` decides what the panel's proof allows)."""
    from ui.qt import QCoreApplication

    ws = window.returns_ws
    if ws.returns is None or not window.workspaces.open("returns"):
        window.members_presenter.say(
            QCoreApplication.translate("MembersPresenter", "Your role cannot take goods back."), error=True
        )
        return
    ws.page.setCurrentWidget(ws.page.returns)
    ws.returns.open_member_order(panel, ref)
