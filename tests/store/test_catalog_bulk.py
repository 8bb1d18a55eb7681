"""The first sync's bulk load (catalog.apply_changes(..., bulk=True) into an empty catalog): search,
barcode lookup and the FTS index are right at every committed page, updates and deletes of products
loaded on earlier pages keep the index, it resumes after a reopen, and finish_sync puts the triggers
back so later deltas are kept by them."""

from __future__ import annotations

import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.store import Store, catalog
from tests.store.test_catalog_props import CODES, page


def _triggers(conn):
    return conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'products' ORDER BY name"
    ).fetchall()


def _apply_model(model, owner, ups, dels):
    for p in ups:  # one change at a time, as the store does
        for code in [c for c, s in owner.items() if s == p["sku"]]:
            del owner[code]
        model[p["sku"]] = p
        for code in p["barcodes"]:
            owner[code] = p["sku"]
    for sku in dels:
        if model.pop(sku, None) is not None:
            for code in [c for c, s in owner.items() if s == sku]:
                del owner[code]


def _integrity(store):
    store.write_sync(
        lambda c: c.execute("INSERT INTO products_fts (products_fts) VALUES ('integrity-check')")
    )


def _check(store, ro, model, owner, where):
    _integrity(store)
    indexed = {r[0] for r in ro.execute("SELECT id FROM products_fts_docsize")}
    active = {r[0] for r in ro.execute("SELECT search_key FROM products WHERE active")}
    assert indexed == active, where
    for code in CODES:
        hit = catalog.lookup_barcode(ro, code)
        assert (hit.sku if hit else None) == owner.get(code), (where, code)
    ids = dict(ro.execute("SELECT sku, id FROM products"))
    for q in ["a", "ap", "br", "co", "coc", "milk", "acme", "bolt mi"]:
        words = q.split()

        def matches(p, words=words):
            toks = f"{p['name']} {p['brand']} {p['sku']}".lower().split()
            return all(any(t.startswith(w) for t in toks) for w in words)

        expected = sorted(
            (p for p in model.values() if p["active"] and matches(p)),
            key=lambda p: (-p["popularity"], ids[p["sku"]]),
        )
        assert [p.sku for p in catalog.search(ro, q, 50)] == [p["sku"] for p in expected], (where, q)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages=st.lists(page, min_size=1, max_size=6), delta=page, reopen_at=st.integers(0, 6))
def test_bulk_load_is_right_at_every_page_and_after_finish(tmp_path_factory, pages, delta, reopen_at):
    path = tmp_path_factory.mktemp("bulk") / "pos.sqlite3"
    store = Store.open(path, till_id="T01", quick_check=False)
    ro = store.read_connection()
    triggers = _triggers(ro)
    assert len(triggers) == 3
    model: dict[str, dict] = {}
    owner: dict[str, str] = {}
    try:
        for n, (ups, dels) in enumerate(pages):
            if n == reopen_at:  # an interrupted first sync resumes in bulk mode from the stored state
                ro.close()
                store.close()
                store = Store.open(path, till_id="T01", quick_check=False)
                ro = store.read_connection()
            store.write_sync(lambda c, u=ups, d=dels, n=n: catalog.apply_changes(c, u, d, str(n), bulk=True))
            _apply_model(model, owner, ups, dels)
            _check(store, ro, model, owner, f"page {n}")
            assert catalog.cursor(ro) == str(n)
        loading = catalog.search_incomplete(ro)
        assert loading is any(ups for ups, _ in pages)  # bulk from the first page with products on
        assert (_triggers(ro) == []) is loading
        assert store.write_sync(catalog.finish_sync) is loading
        assert _triggers(ro) == triggers and not catalog.search_incomplete(ro)
        assert store.write_sync(catalog.finish_sync) is False  # nothing left to finish
        _check(store, ro, model, owner, "finished")
        # a later delta (the engine asks for bulk only while no cursor is stored) goes through the triggers
        ups, dels = delta
        store.write_sync(lambda c: catalog.apply_changes(c, ups, dels, "delta"))
        _apply_model(model, owner, ups, dels)
        assert _triggers(ro) == triggers and not catalog.search_incomplete(ro)
        _check(store, ro, model, owner, "delta")
    finally:
        ro.close()
        store.close()


def _product(i, **kw):
    return {
        "sku": f"B{i:05d}",
        "name": f"Oat Milk {i}",
        "brand": "Acme",
        "category": "C",
        "tax_code": "STANDARD",
        "price": 100 + i,
        "barcodes": [],
        "active": True,
        "popularity": i % 7,
        **kw,
    }


def test_bulk_only_into_an_empty_catalog_and_only_when_asked(store):
    ro = store.read_connection()
    try:
        store.write_sync(lambda c: catalog.apply_changes(c, [_product(1)], [], "1"))
        assert not catalog.search_incomplete(ro) and len(_triggers(ro)) == 3  # bulk not asked
        store.write_sync(lambda c: catalog.apply_changes(c, [_product(2)], [], "2", bulk=True))
        assert not catalog.search_incomplete(ro) and len(_triggers(ro)) == 3  # catalog not empty
        assert [p.sku for p in catalog.search(ro, "oat")] == ["B00002", "B00001"]
    finally:
        ro.close()


def test_import_during_a_bulk_load_finishes_it_first(store):
    ro = store.read_connection()
    try:
        store.write_sync(
            lambda c: catalog.apply_changes(c, [_product(i) for i in range(1, 40)], [], "1", bulk=True)
        )
        assert catalog.search_incomplete(ro) and _triggers(ro) == []
        store.write_sync(lambda c: catalog.set_tax_codes(c, {"STANDARD": "20"}))
        report = store.write_sync(
            lambda c: catalog.import_text(c, "sku,name,tax_code,price\nB00100,Rye Bread,STANDARD,250\n")
        )
        assert report.imported == 1
        assert not catalog.search_incomplete(ro) and len(_triggers(ro)) == 3
        assert [p.sku for p in catalog.search(ro, "rye")] == ["B00100"]
        assert len(catalog.search(ro, "oat", 50)) == 39
        _integrity(store)
    finally:
        ro.close()


def test_a_failed_page_leaves_the_bulk_state_of_the_last_good_page(store):
    ro = store.read_connection()
    try:
        store.write_sync(lambda c: catalog.apply_changes(c, [_product(1)], [], "1", bulk=True))
        bad = [_product(2), _product(3, price=-1)]  # the CHECK constraint fails mid-page
        try:
            store.write_sync(lambda c: catalog.apply_changes(c, bad, [], "2", bulk=True))
        except sqlite3.IntegrityError:
            pass
        else:
            raise AssertionError("a negative price must fail the page")
        assert catalog.cursor(ro) == "1" and catalog.count(ro) == 1 and catalog.search_incomplete(ro)
        assert [p.sku for p in catalog.search(ro, "oat")] == ["B00001"]
        store.write_sync(lambda c: catalog.apply_changes(c, [_product(2)], [], "2", bulk=True))
        store.write_sync(catalog.finish_sync)
        assert [p.sku for p in catalog.search(ro, "oat")] == ["B00002", "B00001"]
    finally:
        ro.close()


def test_a_product_added_after_the_newest_was_deleted_is_indexed(store):
    ro = store.read_connection()
    try:
        store.write_sync(lambda c: catalog.apply_changes(c, [_product(1), _product(2)], [], "1", bulk=True))
        store.write_sync(lambda c: catalog.apply_changes(c, [], [_product(2)["sku"]], "2", bulk=True))
        store.write_sync(lambda c: catalog.apply_changes(c, [_product(3)], [], "3", bulk=True))
        assert catalog.search_incomplete(ro)
        assert [p.sku for p in catalog.search(ro, "oat")] == ["B00003", "B00001"]
        _integrity(store)
    finally:
        ro.close()


def _index_pages(conn):
    """The FTS5 index's stored records (segment pages, structure), by id."""
    return dict(conn.execute("SELECT id, block FROM products_fts_data"))


def test_the_last_page_completes_the_first_sync_and_a_small_delta_leaves_the_merged_index_alone(store):
    """The page that brings the cursor to the head (``last=True``) also finishes the bulk load in its
    own transaction: nothing of the first sync (its index merge) is left for the next delta to wait on.
    A small delta then writes a few index pages of its own and leaves the merged index as it is."""
    from sync.store import gtin

    words = ["Oat", "Rye", "Soy", "Tea", "Jam", "Fig", "Cod", "Ham"]

    def product(i, **kw):
        return _product(i, **{"name": f"{words[i % 8]} Drink {i}", **kw})

    sizes = [1000, 1000, 1000]
    ro = store.read_connection()
    try:
        first = 0
        for n, size in enumerate(sizes, 1):
            ups = [product(i) for i in range(first, first + size)]
            first += size
            last = n == len(sizes)
            store.write_sync(
                lambda c, u=ups, n=n, z=last: catalog.apply_changes(c, u, [], str(n), bulk=True, last=z)
            )
            assert catalog.search_incomplete(ro) is not last, n
        assert catalog.cursor(ro) == "3" and len(_triggers(ro)) == 3
        assert store.write_sync(catalog.finish_sync) is False  # the last page left nothing to finish
        _integrity(store)

        before = _index_pages(ro)
        code = gtin.ean13("400000000999")
        delta = [
            product(5, name="Quince Drink 5"),  # renamed
            product(6, active=False),  # deactivated
            product(7, barcodes=[code]),  # a new barcode
        ]
        statements = []

        def apply_delta(c):
            c.set_trace_callback(statements.append)
            try:
                catalog.apply_changes(c, delta, [], "4", last=True)
            finally:
                c.set_trace_callback(None)

        store.write_sync(apply_delta)
        after = _index_pages(ro)
        rewritten = [k for k, block in after.items() if before.get(k) != block]
        kept = [k for k in before if after.get(k) == before[k]]
        assert len(before) > 50  # a merged index of many pages
        assert len(rewritten) <= 10 and len(kept) >= len(before) - 2, (len(before), len(rewritten))
        assert not [s for s in statements if "optimize" in s or "rebuild" in s or "'merge'" in s]

        assert [p.sku for p in catalog.search(ro, "quince")] == ["B00005"]
        assert "B00005" not in [p.sku for p in catalog.search(ro, "fig drink 5", 50)]
        assert "B00006" not in [p.sku for p in catalog.search(ro, "cod drink 6", 50)]
        assert catalog.get(ro, "B00006").active is False
        assert catalog.lookup_barcode(ro, code).sku == "B00007"
        assert [p.sku for p in catalog.search(ro, "ham b00007")] == ["B00007"]
        _integrity(store)
    finally:
        ro.close()
