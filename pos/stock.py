"""Stock across the chain as the till shows it, and the rules of the endless aisle. Pure Python.

The backend is the authority on stock (`GET /v1/stock/{sku}`): what each store (and the warehouse) has on
hand, what is held for reservations and orders, what is on its way. The till shows that answer with its
age; offline, the last answer it had, marked as such. These rules decide what the till offers from it:

- `choose_source`: where an endless-aisle order comes from (to collect here: the nearest other store that
  has it, else the warehouse; delivered home: the warehouse first, else the nearest store);
- `alternatives`: what is left to offer when a store's last unit went to someone else;
- `ready_on`: the day an order is promised for (collect here the next day; delivery in two days);
- `opening_today` / `is_open`: a store's opening hours (Monday..Sunday, local time of its time zone);
- `distance_km`: great-circle distance between two stores (nearest first).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pos.sync_ports import StoreStock

PICKUP_DAYS = 1  # an order to collect here is ready the next day
DELIVERY_DAYS = 2  # an order delivered home arrives in two days
EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


@dataclass(frozen=True)
class VariantStock:
    """One variant of the item's style (a colour and size), with what can be promised of it."""

    sku: str
    name: str
    colour: str
    size: str
    here: int | None  # at the asking till's store (None: the till has no store at the backend)
    elsewhere: int  # at the other stores together
    warehouse: int


@dataclass(frozen=True)
class StockLevels:
    """The backend's answer for one item: every store nearest first (the asking store first, warehouses
    last), the item's variants, and when it was true (`as_of`, the backend's clock)."""

    sku: str
    name: str
    as_of: str
    store_id: str | None  # the asking till's store
    stores: tuple[StoreStock, ...]
    variants: tuple[VariantStock, ...] = ()
    fetched_at: float = 0.0  # monotonic seconds when the till received it (its age)

    @property
    def here(self) -> StoreStock | None:
        return next((s for s in self.stores if s.store_id == self.store_id), None)

    @property
    def other_stores(self) -> tuple[StoreStock, ...]:
        return tuple(s for s in self.stores if s.store_id != self.store_id and s.kind == "store")

    @property
    def warehouses(self) -> tuple[StoreStock, ...]:
        return tuple(s for s in self.stores if s.kind == "warehouse")

    def store(self, store_id: str) -> StoreStock | None:
        return next((s for s in self.stores if s.store_id == store_id), None)


@dataclass(frozen=True)
class Alternative:
    """Something else to offer the customer: `pickup` (order from `store` to collect here), `delivery`
    (from `store` to their home) or `reservation` (reserved at `store`, collected there)."""

    kind: str
    store: StoreStock


@dataclass(frozen=True)
class Freshness:
    """How old the stock on screen is: `live` (just asked) or the last known figure (`stale`)."""

    age_s: float
    stale: bool
    reason: str = ""  # why it is stale (the backend's message)


def nearest_first(stores: Iterable[StoreStock], here: str | None) -> list[StoreStock]:
    """The asking store first, then the other stores by distance (unknown last), then the warehouses."""

    def key(s: StoreStock) -> tuple[int, float, str]:
        if s.store_id == here:
            return (0, 0.0, s.store_id)
        rank = 1 if s.kind == "store" else 2
        return (rank, math.inf if s.distance_km is None else s.distance_km, s.store_id)

    return sorted(stores, key=key)


def choose_source(levels: StockLevels, qty: int, kind: str) -> StoreStock | None:
    """Where an order of `qty` comes from: to collect here (`pickup`), the nearest other store that has it,
    else a warehouse; delivered (`delivery`), a warehouse first, else the nearest store (this one too: it
    can send it). None when nobody has `qty`."""
    stores = [s for s in nearest_first(levels.stores, levels.store_id) if s.available >= qty]
    shops = [s for s in stores if s.kind == "store" and s.store_id != levels.store_id]
    houses = [s for s in stores if s.kind == "warehouse"]
    if kind == "pickup":
        order = shops + houses
    else:
        order = houses + [s for s in stores if s.kind == "store"]
    return order[0] if order else None


def alternatives(levels: StockLevels, qty: int, *, exclude: Iterable[str] = ()) -> list[Alternative]:
    """What to offer instead when `exclude` (a store whose last unit went elsewhere) cannot: each other
    store that has `qty` (reserve it there, or order it from there to collect here), nearest first, then
    delivery from a warehouse."""
    gone = set(exclude)
    out: list[Alternative] = []
    for s in nearest_first(levels.stores, levels.store_id):
        if s.store_id in gone or s.available < qty:
            continue
        if s.kind == "warehouse":
            out.append(Alternative("delivery", s))
        elif s.store_id == levels.store_id:
            continue  # it is here: the customer takes it from the shelf
        else:
            out.append(Alternative("reservation", s))
            out.append(Alternative("pickup", s))
    return out


def ready_on(kind: str, today: date) -> date:
    """The day an order is promised for: to collect here the next day, delivered in two days."""
    return today + timedelta(days=PICKUP_DAYS if kind == "pickup" else DELIVERY_DAYS)


def distance_km(a: tuple[float, float] | None, b: tuple[float, float] | None) -> float | None:
    """Great-circle distance (haversine) between two (latitude, longitude) points, 0.1 km; None when either
    place is unknown."""
    if a is None or b is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return round(2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h))), 1)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _span(text: str) -> tuple[time, time] | None:
    """'09:00-20:00' -> (09:00, 20:00); '' or anything unreadable -> None (closed)."""
    try:
        start, end = text.split("-")
        return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())
    except (AttributeError, ValueError):
        return None


def opening_today(hours: Sequence[str], timezone: str, now: datetime) -> str:
    """Today's opening hours at the store ('09:00-20:00'), '' when it is closed today or has no hours."""
    if len(hours) != 7:
        return ""
    local = now.astimezone(_zone(timezone))
    span = _span(hours[local.weekday()])
    return "" if span is None else f"{span[0]:%H:%M}-{span[1]:%H:%M}"


def is_open(hours: Sequence[str], timezone: str, now: datetime) -> bool:
    """Whether the store is open at `now` (an aware datetime), in its own time zone."""
    today = opening_today(hours, timezone, now)
    span = _span(today)
    if span is None:
        return False
    local = now.astimezone(_zone(timezone)).time()
    return span[0] <= local < span[1]


def freshness(levels: StockLevels, now: float, *, stale: bool, reason: str = "") -> Freshness:
    """The age of `levels` at monotonic `now`; `stale` when it is the last known answer, not a new one."""
    return Freshness(max(0.0, now - levels.fetched_at), stale, reason)


class StockCache:
    """The last answers, the newest `limit` kept (a till shows the last known stock while the backend is
    away). Not thread-safe: its owner locks."""

    def __init__(self, limit: int = 500) -> None:
        self.limit = limit
        self.items: dict[str, StockLevels] = {}

    def put(self, levels: StockLevels) -> None:
        self.items.pop(levels.sku, None)
        self.items[levels.sku] = levels
        while len(self.items) > self.limit:
            self.items.pop(next(iter(self.items)))

    def get(self, sku: str) -> StockLevels | None:
        return self.items.get(sku)


__all__ = [
    "Alternative",
    "Freshness",
    "StockCache",
    "StockLevels",
    "VariantStock",
    "alternatives",
    "choose_source",
    "distance_km",
    "freshness",
    "is_open",
    "nearest_first",
    "opening_today",
    "ready_on",
]
