"""Catalog pull into the real store: first sync with progress, resumable after a bad page, then deltas."""

from __future__ import annotations

from urllib.parse import parse_qs

from tests.sync.conftest import wait_until


def _cursor(store):
    from sync.store import catalog

    conn = store.read_connection()
    try:
        return catalog.cursor(conn), catalog.count(conn)
    finally:
        conn.close()


def _head(backend):
    conn = backend.connect()
    try:
        return str(conn.execute("SELECT MAX(version) FROM products").fetchone()[0])
    finally:
        conn.close()


def test_first_sync_resumes_after_a_bad_page_then_applies_deltas(backend, store, make_engine):
    from sync.store import catalog

    progress, states = [], []

    def listen(st):
        states.append(st.state)
        if st.catalog_total is not None:
            progress.append((st.catalog_done, st.catalog_total))

    # the third page breaks the contract: nothing of it may be applied, the sync resumes from page 2's cursor
    backend.inject("violate", path="/v1/catalog/changes", after=2)
    eng = make_engine(backend.url, catalog_interval_s=3600, catalog_page_size=16, listener=listen)
    eng.start()
    head = _head(backend)
    wait_until(lambda: _cursor(store)[0] == head and eng.wait_idle(0), timeout=30)
    cursor, count = _cursor(store)
    assert count == 50
    assert "degraded" in states and eng.snapshot().state == "online"
    cursors = [
        parse_qs(q).get("cursor", [""])[0] for m, p, q in backend.request_log if p == "/v1/catalog/changes"
    ]
    assert cursors[2] == cursors[3] != ""  # the failed page was asked again from the same cursor
    assert len(cursors) == 50 // 16 + 1 + 1  # 4 pages, one of them twice
    done = [d for d, _ in progress]
    assert done == sorted(done) and progress[-1] == (50, 50)  # a resumed sync goes on counting
    assert eng.keys and eng.keys[0]["key_id"] == 1  # member-token keys pulled with the catalog
    from sync.engine import load_member_keys

    assert load_member_keys(store) == (eng.keys, [])  # kept in the store for offline verification

    # a delta: two price changes and a deletion
    conn = store.read_connection()
    try:
        skus = [r[0] for r in conn.execute("SELECT sku FROM products ORDER BY sku LIMIT 3")]
        before = catalog.get(conn, skus[0])
    finally:
        conn.close()
    changed = [
        {
            "sku": p.sku,
            "name": p.name,
            "brand": p.brand,
            "category": p.category,
            "tax_code": p.tax_code,
            "price": p.price + 100,
            "barcodes": list(p.barcodes),
            "active": p.active,
            "popularity": p.popularity,
        }
        for p in [before]
    ]
    backend.upsert_products(changed)
    backend.delete_products([skus[1]])
    eng.request_catalog_sync()
    head = _head(backend)
    wait_until(lambda: _cursor(store)[0] == head, timeout=30)
    conn = store.read_connection()
    try:
        assert catalog.get(conn, skus[0]).price == before.price + 100
        assert catalog.get(conn, skus[1]) is None
        assert catalog.count(conn) == 49
    finally:
        conn.close()


def test_first_sync_loads_in_bulk_and_leaves_search_complete_with_triggers(backend, store, make_engine):
    from sync.store import catalog

    seen_loading = []

    def listen(st):
        if st.catalog_done:  # a page was committed: the bulk load is on, and its search index is right
            conn = store.read_connection()
            try:
                # one statement, one snapshot: any status change calls this, also while the next page
                # commits (two SELECTs could straddle that commit and compare two different catalogs)
                indexed, active = conn.execute(
                    "SELECT (SELECT count(*) FROM products_fts_docsize),"
                    " (SELECT count(*) FROM products WHERE active)"
                ).fetchone()
                seen_loading.append((catalog.search_incomplete(conn), indexed == active))
            finally:
                conn.close()

    eng = make_engine(backend.url, catalog_interval_s=3600, catalog_page_size=16, listener=listen)
    eng.start()
    head = _head(backend)
    wait_until(lambda: _cursor(store)[0] == head and eng.wait_idle(0), timeout=30)
    assert seen_loading and seen_loading[0] == (True, True)
    assert all(same for _, same in seen_loading)  # search covers every committed page
    conn = store.read_connection()
    try:
        assert not catalog.search_incomplete(conn)
        triggers = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'products'"
        )
        assert len(triggers.fetchall()) == 3
        some = catalog.get(conn, conn.execute("SELECT sku FROM products WHERE active LIMIT 1").fetchone()[0])
        assert some.sku in [p.sku for p in catalog.search(conn, f"{some.name} {some.sku}")]
    finally:
        conn.close()
    store.write_sync(
        lambda c: c.execute("INSERT INTO products_fts (products_fts) VALUES ('integrity-check')")
    )


def test_the_cursor_reaches_the_head_only_with_the_first_sync_complete(
    backend, store, make_engine, monkeypatch
):
    """The page that brings the cursor to the backend's head also completes the bulk load (index merged,
    triggers back) in its own transaction, so nothing of the first sync runs after it in front of the
    next delta, and a reader never sees the catalog up to date with its search still incomplete."""
    from sync.store import catalog

    observed = []  # (cursor, bulk load still on) right after each committed write
    write = store.write

    def observe(_future):
        conn = store.read_connection()
        try:
            observed.append(
                conn.execute(
                    "SELECT (SELECT value FROM sync_state WHERE key = ?), "
                    "EXISTS (SELECT 1 FROM sync_state WHERE key = ?)",
                    (catalog.CURSOR_KEY, catalog.BULK_KEY),
                ).fetchone()
            )
        finally:
            conn.close()

    def observed_write(fn):
        future = write(fn)
        future.add_done_callback(observe)
        return future

    monkeypatch.setattr(store, "write", observed_write)
    eng = make_engine(backend.url, catalog_interval_s=3600, catalog_page_size=16)
    eng.start()
    head = _head(backend)
    wait_until(lambda: _cursor(store)[0] == head and eng.wait_idle(0), timeout=30)
    assert (head, 0) in observed
    assert [bulk for cursor, bulk in observed if cursor == head] == [0]
    assert [bulk for cursor, bulk in observed if cursor != head] == [1, 1, 1]  # 3 pages loaded in bulk
    conn = store.read_connection()
    try:
        assert not catalog.search_incomplete(conn)
    finally:
        conn.close()
