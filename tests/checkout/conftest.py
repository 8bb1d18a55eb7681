"""A real store (SQLite file, writer thread) with a small generated catalog, and a checkout on it."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from pos.checkout import Checkout
from pos.staff import Approvals, Authenticator, InMemoryStaffDirectory, PinLockout, Role, StaffMember
from pos.storeconfig import StoreConfig
from pos.tax import TaxRate
from sync import catalog_gen
from sync.store import catalog
from sync.store.adapters import StoreCatalog, StoreJournal
from sync.store.core import open_store


def ie_config(cash_rounding: str = "none") -> StoreConfig:
    return StoreConfig(
        currency="EUR",
        locale="en_IE",
        tax_rates=(
            TaxRate("STANDARD", 23, "VAT 23%"),
            TaxRate("REDUCED", Decimal("13.5"), "VAT 13.5%"),
            TaxRate("ZERO", 0, "VAT 0%"),
        ),
        prices_include_tax=True,
        cash_rounding=cash_rounding,
    )


class FixedClock:
    def __init__(self) -> None:
        self.t = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.t

    def monotonic(self) -> float:
        return self.t.timestamp()


class CountingIds:
    def __init__(self) -> None:
        self._n = itertools.count(1)

    def new_uuid(self) -> str:
        return f"00000000-0000-4000-8000-{next(self._n):012d}"


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path, till_id="T01")
    products = list(catalog_gen.generate(300, seed=7))
    s.write_sync(lambda c: catalog.upsert(c, products))
    yield s
    s.close()


ANA = StaffMember("S001", "Ana", Role.CASHIER)


@pytest.fixture(scope="session")
def approvals():
    """The till's Approvals over the demo's staff (Mia, manager, PIN 9999), cheap hashes for speed."""
    directory = InMemoryStaffDirectory.demo(scrypt_n=2**10)
    return Approvals(Authenticator(directory, lockout=PinLockout(clock=lambda: 0.0)))


@pytest.fixture
def shop(store, approvals):
    cat = StoreCatalog(store)
    journal = StoreJournal(store)

    def make(config: StoreConfig | None = None) -> Checkout:
        return Checkout(
            config or ie_config(),
            cat,
            journal,
            till_id="T01",
            clock=FixedClock(),
            ids=CountingIds(),
            staff_id=ANA.id,
            approvals=approvals,
        )

    yield make
    cat.close()
