from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sync.store import DiskFullError, journal, members, outbox, rules
from tests.store.helpers import make_sale


def test_disk_full_is_a_clear_error_and_loses_nothing(store):
    store.write_sync(lambda c: journal.commit_sale(c, make_sale()))
    (pages,) = store.write_sync(lambda c: c.execute("PRAGMA page_count").fetchone())
    store.on_writer(lambda c: c.execute(f"PRAGMA max_page_count = {pages}")).result()
    with pytest.raises(DiskFullError, match="disk is full"):
        for _ in range(50):
            store.write_sync(lambda c: journal.commit_sale(c, make_sale(n_lines=20)))
    store.on_writer(lambda c: c.execute("PRAGMA max_page_count = 1073741823")).result()
    ro = store.read_connection()
    try:
        n = ro.execute("SELECT count(*) FROM sales").fetchone()[0]
        # every sale that is there is whole, with its event
        assert outbox.stats(ro).depth == n
        assert ro.execute("SELECT count(DISTINCT sale_id) FROM sale_lines").fetchone()[0] == n
    finally:
        ro.close()
    store.write_sync(lambda c: journal.commit_sale(c, make_sale()))  # works again once there is space


def test_member_cache_expires(store):
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    store.write_sync(
        lambda c: members.put(
            c,
            42,
            display_name="Ada L.",
            tier="gold",
            points_balance=1200,
            now=now,
            profile={"coupons": ["X1"]},
        )
    )
    m = store.write_sync(lambda c: members.get(c, 42, now=now + timedelta(minutes=5)))
    assert m.display_name == "Ada L." and m.profile == {"coupons": ["X1"]} and m.points_balance == 1200
    assert store.write_sync(lambda c: members.get(c, 42, now=now + timedelta(minutes=16))) is None
    assert store.write_sync(lambda c: members.purge_expired(c, now=now + timedelta(minutes=16))) == 1


def test_price_rules_and_promotions(store):
    store.write_sync(
        lambda c: rules.apply_price_rules(
            c,
            [
                {
                    "rule_id": "r1",
                    "sku": "A",
                    "price": 90,
                    "starts_at": "2026-11-01",
                    "ends_at": "2026-12-01",
                },
                {"rule_id": "r2", "sku": "A", "price": 80, "starts_at": "2027-01-01", "ends_at": None},
            ],
        )
    )
    assert [
        r["rule_id"] for r in store.write_sync(lambda c: rules.price_rules_for(c, "A", "2026-11-23"))
    ] == ["r1"]
    store.write_sync(lambda c: rules.apply_price_rules(c, [], ["r1"]))
    assert store.write_sync(lambda c: rules.price_rules_for(c, "A", "2026-11-23")) == []
    store.write_sync(
        lambda c: rules.apply_promotions(
            c, [{"promo_id": "p1", "kind": "bogo", "definition": {"sku": "A"}, "starts_at": None}]
        )
    )
    (p,) = store.write_sync(lambda c: rules.active_promotions(c, "2026-11-23"))
    assert p["definition"] == {"sku": "A"}


def test_sqlite_utils_upserts_roll_back_with_our_transaction(store):
    def fn(c):
        rules.apply_price_rules(c, [{"rule_id": "r9", "sku": "B", "price": 1}])
        raise RuntimeError("abort")

    with pytest.raises(RuntimeError):
        store.write_sync(fn)
    assert store.write_sync(lambda c: c.execute("SELECT count(*) FROM price_rules").fetchone()[0]) == 0


def test_unopenable_path_is_a_clear_error(tmp_path):
    from sync.store import Store, StoreError

    target = tmp_path / "data" / "pos.sqlite3"
    target.mkdir(parents=True)  # a directory where the database file should be
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(target, till_id="T01")
    Store.open(tmp_path / "other" / "pos.sqlite3", till_id="T01").close()
