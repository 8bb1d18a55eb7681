"""The Members workspace joined to the window once the shop is open: its presenter, with a panel's item a
tap away from the open sale (Sell's `add_sku`)."""

from __future__ import annotations

from typing import Any


def attach_members(window: Any, shop: Any) -> None:
    """Sets `window.members_presenter` (ui.members_presenter.MembersPresenter)."""
    from ui.members_presenter import MembersPresenter

    window.members_presenter = MembersPresenter(
        shop.members, window.members_page, window.tasks, window, shop.approvals, window.sell.add_sku
    )
