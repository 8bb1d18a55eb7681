"""The Stock workspace joined to the window once the shop is open: its service and presenter, F5 on a
line or a search result to open it, and an order or a reservation put on the sale taking the person to
Sell to take payment."""

from __future__ import annotations

from typing import Any


def attach_stock(window: Any, shop: Any) -> None:
    """Sets `window.stock` (app.stock.StockService) and `window.stock_presenter`; the window closes the
    service when it lets the shop go (`MainWindow.detach`)."""
    from app.stock import StockService
    from ui.stock_presenter import StockPresenter

    window.stock = StockService(shop, window.sell)
    presenter = window.stock_presenter = StockPresenter(
        window.stock, window.stock_page, window.tasks, window, shop.approvals, shop.fmt
    )
    page, workspaces = window.page, window.workspaces
    page.stock_requested.connect(lambda sku: workspaces.open("stock") and presenter.show_item(sku))
    presenter.attention.connect(lambda text: page.show_message(text, error=True))

    def order_added() -> None:
        """An order or a reservation went on the sale: take payment on Sell, where it is said too."""
        if workspaces.open("sell"):
            page.show_message(window.stock_page.message.text())
            page.focus_scan()

    presenter.order_added.connect(order_added)
