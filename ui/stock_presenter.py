"""The Stock workspace's presenter: the page's requests go to `app.stock.StockService` (on the "net"
worker: every answer comes from the backend), its results come back as rows and sentences. No retail rule
here: which store an order comes from, whether the last unit is still there, what else to offer, all come
from the service and the backend.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from app.results import Result
from app.stock import StockService, StockView, Unavailable
from pos.stock import StockLevels, freshness, is_open, opening_today
from pos.sync_ports import StoreStock
from ui.presenter import Presenter, say_text
from ui.qt import QWidget, Signal, Slot
from ui.stock_page import StockPage, StockRows, StoreRow
from ui.taskman import TaskManager

log = logging.getLogger("ui.stock")


def _clock(timestamp: str) -> str:
    """The backend's RFC 3339 time as this till's local clock time."""
    try:
        return datetime.fromisoformat(timestamp.replace("Z", "+00:00")).astimezone().strftime("%H:%M:%S")
    except ValueError:
        return timestamp


class StockPresenter(Presenter):
    order_added = Signal()  # an order or a reservation went on the open sale: take payment on Sell
    noticed = Signal(object)  # Result from the service's worker: a paid order the backend could not supply
    attention = Signal(str)  # that notice, said: the window shows it wherever the cashier is

    def __init__(
        self,
        stock: StockService,
        page: StockPage,
        tasks: TaskManager,
        window: QWidget,
        approvals: Any,
        fmt: Any,
    ) -> None:
        super().__init__(tasks, window, approvals)
        self.stock = stock
        self.page = page
        self.fmt = fmt
        self.sku: str | None = None
        self.view: StockView | None = None
        page.look_up.connect(self.on_code)
        page.action.connect(self.on_action)
        page.variant_chosen.connect(self.show_item)
        self.noticed.connect(self._on_notice)  # queued: emitted on the service's worker
        stock.on_notice.append(self.noticed.emit)

    # ------------------------------------------------------------------ the page
    def show_message(self, text: str, error: bool) -> None:
        self.page.show_message(text, error=error)

    def focus(self) -> None:
        self.page.focus_input()

    def shown(self, result: Result) -> None:
        value = result.value
        if isinstance(value, StockView):
            self.view = value
            self.page.show_rows(self.rows(value))
        elif isinstance(value, Unavailable) and value.levels is not None:
            self._fresh(value.levels)

    def _fresh(self, levels: StockLevels) -> None:
        """New figures came with a refusal: show them, so the person sees what is left."""
        view = StockView(
            levels, freshness(levels, levels.fetched_at, stale=False), self.view and self.view.price
        )
        self.view = view
        self.page.show_rows(self.rows(view))

    @Slot(object)
    def _on_notice(self, result: Result) -> None:
        """A paid order's stock went elsewhere: its figures and what to offer here, said on Sell too."""
        if isinstance(result.value, Unavailable):
            self.sku = result.value.sku
        self.show(result)
        self.attention.emit(say_text(result.message))

    @Slot(str)
    def on_code(self, text: str) -> None:
        """Typed or scanned while the Stock workspace is open: an item, or a reservation's QR to collect."""
        if text.upper().startswith("OMO:ORDER:"):
            self._collect(text[len("OMO:ORDER:") :])
            return
        found = self.stock.find(text)
        if not found.ok:
            self.show(found)
            return
        self.show_item(found.value.sku)

    @Slot(str)
    def show_item(self, sku: str) -> None:
        """Open the item's stock (from a scan, the Sell workspace's F5, or a variant chosen)."""
        self.sku = sku
        self.page.show_message(self.tr_("Asking the OMO backend…"))
        self.tasks.run("net", lambda: self.stock.look_up(sku), self.show, self.failed)

    # ------------------------------------------------------------------ rows
    def rows(self, view: StockView) -> StockRows:
        levels, fresh = view.levels, view.freshness
        price = "" if view.price is None else f" — {self.fmt(view.price)}"
        if fresh.stale:
            said = self.tr_("OFFLINE — the stock last known {age} ago (as of {time}); it may have changed.")
        else:
            said = self.tr_("Live from the OMO backend, as of {time}.")
        age = f"{int(fresh.age_s)} s" if fresh.age_s < 120 else f"{int(fresh.age_s // 60)} min"
        now = datetime.now(UTC)
        stores = tuple(self._store_row(s, levels, now) for s in levels.stores)
        colours = tuple(dict.fromkeys(v.colour for v in levels.variants))
        sizes = tuple(dict.fromkeys(v.size for v in levels.variants))
        return StockRows(
            title=f"{levels.name} — {levels.sku}{price}",
            freshness=said.format(age=age, time=_clock(levels.as_of)),
            stale=fresh.stale,
            stores=stores,
            colours=colours,
            sizes=sizes,
            cells=tuple((v.colour, v.size, v.sku) for v in levels.variants),
            cell_text=tuple(
                f"{'–' if v.here is None else v.here} / {v.elsewhere} / {v.warehouse}"
                for v in levels.variants
            ),
            current=levels.sku,
        )

    def _store_row(self, s: StoreStock, levels: StockLevels, now: datetime) -> StoreRow:
        if s.store_id == levels.store_id:
            name = self.tr_("Here — {name}").format(name=s.store_name)
        elif s.kind == "warehouse":
            name = self.tr_("{name} (delivers)").format(name=s.store_name)
        else:
            name = f"{s.store_name}, {s.city}" if s.city else s.store_name
        hours = opening_today(s.opening_hours, s.timezone, now)
        if s.kind == "warehouse":
            today = self.tr_("delivers only")
        elif not hours:
            today = self.tr_("closed today") if s.opening_hours else ""
        elif is_open(s.opening_hours, s.timezone, now):
            today = self.tr_("{hours}\nopen now").format(hours=hours)
        else:
            today = self.tr_("{hours}\nclosed now").format(hours=hours)
        coming = "\n".join(
            self.tr_("{qty} on {day}").format(qty=i.qty, day=i.expected_on) for i in s.incoming
        )
        distance = "" if s.distance_km is None or s.store_id == levels.store_id else f"{s.distance_km:.1f} km"
        return StoreRow(s.store_id, name, s.available, s.on_hand, s.held, distance, today, coming)

    # ------------------------------------------------------------------ actions
    @Slot(str)
    def on_action(self, key: str) -> None:
        if self.asking is not None:
            return
        if key == "collect":
            self.ask_text(
                "collect",
                self.tr_("Reservation"),
                self.tr_("The reservation's order number (or scan its QR):"),
                lambda t: self._collect(t.strip()),
            )
            return
        if self.sku is None:
            self.say(self.tr_("Look an item up first: scan it or type its SKU or name."), error=True)
            return
        if key == "refresh":
            self.show_item(self.sku)
        elif key == "reserve":
            self._reserve()
        elif key in ("pickup", "delivery"):
            self._order(key)

    def _chosen(self) -> StoreStock | None:
        chosen = self.page.selected_store()
        if chosen is None or self.view is None:
            return None
        return self.view.levels.store(chosen)

    def _reserve(self) -> None:
        store = self._chosen()
        if store is None or store.kind != "store":
            self.say(
                self.tr_("Choose the store to reserve at in the list (arrow keys), then Reserve."), error=True
            )
            return
        sku = self.sku
        self._with_customer(
            "reserve",
            lambda name: self._promise(lambda: self.stock.reserve(sku, store.store_id, customer_name=name)),
        )

    def _order(self, kind: str) -> None:
        store = self._chosen()
        here = self.view.levels.store_id if self.view else None
        # another store (or the warehouse) chosen in the list is the source; else the nearest that has it
        source = store.store_id if store is not None and store.store_id != here and store.available else None
        sku = self.sku

        def place(name: str | None, address: str | None = None) -> None:
            self._promise(
                lambda: self.stock.order(
                    sku, kind, source_store_id=source, customer_name=name, address=address
                ),
                opens_sell=True,
            )

        if kind == "pickup":
            self._with_customer("pickup", place)
            return
        self.ask_text(
            "address",
            self.tr_("Deliver home"),
            self.tr_("The delivery address (street, town, postcode):"),
            lambda address: self._with_customer("delivery", lambda name: place(name, address)),
        )

    def _with_customer(self, key: str, then: Callable[[str | None], None]) -> None:
        """The member on the sale is the customer; without one, their name is asked."""
        if self.stock.sell.co.member is not None:
            then(None)
            return
        self.ask_text(key, self.tr_("Customer"), self.tr_("The customer's name (as on their ID):"), then)

    def _collect(self, order_no: str) -> None:
        if order_no:
            self._promise(lambda: self.stock.collect(order_no), opens_sell=True)

    def _promise(self, fn: Callable[[], Result], *, opens_sell: bool = False) -> None:
        self.page.show_message(self.tr_("Asking the OMO backend…"))

        def answered(result: Result) -> None:
            self.show(result)
            if result.ok and self.sku is not None:
                self.tasks.run("net", lambda: self.stock.look_up(self.sku), self._refreshed, self.failed)
            if result.ok and opens_sell:
                self.order_added.emit()

        self.tasks.run("net", fn, answered, self.failed)

    def _refreshed(self, result: Result) -> None:
        if isinstance(result.value, StockView):  # keep the promise's message on screen
            self.shown(result)


__all__ = ["StockPresenter"]
