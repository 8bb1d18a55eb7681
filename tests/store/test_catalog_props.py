"""Property: after any sequence of apply_changes pages, search and barcode lookup agree with a plain
Python model of the catalog, and the FTS index holds exactly the active products."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.store import Store, catalog, gtin

WORDS = ["apple", "apricot", "banana", "bread", "brie", "cola", "coffee", "cocoa", "milk", "mint"]
SKUS = [f"S{i:03d}" for i in range(12)]
CODES = [gtin.ean13(f"400000000{i:03d}") for i in range(16)]

product = st.builds(
    lambda sku, w1, w2, brand, codes, active, pop: {
        "sku": sku,
        "name": f"{w1.title()} {w2.title()}",
        "brand": brand,
        "category": "C",
        "tax_code": "STANDARD",
        "price": 100,
        "barcodes": codes,
        "active": active,
        "popularity": pop,
    },
    st.sampled_from(SKUS),
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(["Acme", "Bolt", "Crest"]),
    st.lists(st.sampled_from(CODES), max_size=2, unique=True),
    st.booleans(),
    st.integers(0, 50),
)
page = st.tuples(st.lists(product, max_size=6), st.lists(st.sampled_from(SKUS), max_size=3))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages=st.lists(page, min_size=1, max_size=5))
def test_catalog_matches_model(tmp_path_factory, pages):
    path = tmp_path_factory.mktemp("cat") / "pos.sqlite3"
    store = Store.open(path, till_id="T01", quick_check=False)
    try:
        model: dict[str, dict] = {}
        owner: dict[str, str] = {}
        for n, (ups, dels) in enumerate(pages):
            store.write_sync(lambda c, ups=ups, dels=dels, n=n: catalog.apply_changes(c, ups, dels, str(n)))
            for p in ups:  # the model applies the page one change at a time
                for code in [c for c, s in owner.items() if s == p["sku"]]:
                    del owner[code]
                model[p["sku"]] = p
                for code in p["barcodes"]:
                    owner[code] = p["sku"]
            for sku in dels:
                if model.pop(sku, None) is not None:
                    for code in [c for c, s in owner.items() if s == sku]:
                        del owner[code]
        ro = store.read_connection()
        try:
            indexed = {r[0] for r in ro.execute("SELECT id FROM products_fts_docsize")}
            active = {r[0] for r in ro.execute("SELECT search_key FROM products WHERE active")}
            assert indexed == active, [
                ([(p["sku"], p["barcodes"], p["active"], p["popularity"]) for p in u], d) for u, d in pages
            ]
            for code in CODES:
                hit = catalog.lookup_barcode(ro, code)
                assert (hit.sku if hit else None) == owner.get(code), (
                    code,
                    [
                        ([(p["sku"], p["barcodes"], p["active"], p["popularity"]) for p in u], d)
                        for u, d in pages
                    ],
                )
            for q in ["a", "ap", "br", "co", "coc", "milk", "acme", "bolt mi", "s00"]:
                words = q.split()

                def matches(p, words=words):
                    toks = f"{p['name']} {p['brand']} {p['sku']}".lower().split()
                    return all(any(t.startswith(w) for t in toks) for w in words)

                expected = sorted(
                    (p for p in model.values() if p["active"] and matches(p)),
                    key=lambda p: (-p["popularity"], _id(ro, p["sku"])),
                )
                got = catalog.search(ro, q, 50)
                assert [p.sku for p in got] == [p["sku"] for p in expected], q
            # an SKU typed in full (4+ characters with a digit) goes through the SKU index
            for sku in SKUS:
                got = [p.sku for p in catalog.search(ro, sku)]
                assert got == ([sku] if sku in model and model[sku]["active"] else []), sku
        finally:
            ro.close()
    finally:
        store.close()


def _id(conn, sku):
    return conn.execute("SELECT id FROM products WHERE sku = ?", (sku,)).fetchone()[0]
