from __future__ import annotations

import json
import sqlite3

import pytest

from pos.ports import Catalog
from sync import catalog_gen
from sync.store import catalog, gtin
from sync.store.adapters import StoreCatalog

N = 3000


@pytest.fixture
def loaded(store, tmp_path):
    path = catalog_gen.write_csv(tmp_path / "catalog.csv", N, seed=7)
    store.write_sync(lambda c: catalog.set_tax_codes(c, catalog_gen.TAX_CODES))
    report = store.write_sync(lambda c: catalog.import_file(c, path))
    assert report.imported == N and report.rejected == []
    return store


def _ro(store, fn):
    c = store.read_connection()
    try:
        return fn(c)
    finally:
        c.close()


def _fts_consistent(conn):
    """The FTS index holds exactly the active products, under their current search keys, and each one is
    found by its own SKU token."""
    indexed = {r[0] for r in conn.execute("SELECT id FROM products_fts_docsize")}
    active = dict(conn.execute("SELECT search_key, sku FROM products WHERE active"))
    assert indexed == set(active)
    for key, sku in list(active.items())[:200]:
        hits = {
            r[0]
            for r in conn.execute(
                "SELECT rowid FROM products_fts WHERE products_fts MATCH ?", (f'sku:"{sku}"',)
            )
        }
        assert hits == {key}


def test_generator_is_deterministic_with_valid_unique_barcodes():
    a = list(catalog_gen.generate(2000, seed=3))
    assert a == list(catalog_gen.generate(2000, seed=3))
    assert a != list(catalog_gen.generate(2000, seed=4))
    assert catalog_gen.product(1500, seed=3) == a[1500]  # product i does not depend on n
    codes = [c for p in a for c in p["barcodes"]]
    assert len(codes) == len(set(codes)) > 2000
    assert all(len(c) == 13 and gtin.is_valid(c) for c in codes)
    assert len({p["sku"] for p in a}) == 2000
    assert {p["tax_code"] for p in a} <= set(catalog_gen.TAX_CODES)
    assert all(isinstance(p["price"], int) and p["price"] > 0 for p in a)
    assert len({p["category"] for p in a}) == len(catalog_gen.CATEGORIES)


def test_gtin_rules():
    assert gtin.is_valid("4006381333931")  # a real EAN-13
    assert not gtin.is_valid("4006381333932")
    assert gtin.is_valid("96385074")  # EAN-8
    assert gtin.is_valid("036000291452")  # UPC-A
    assert not gtin.is_valid("12345")
    assert gtin.variants("036000291452") == ["036000291452", "0036000291452"]


def test_barcode_lookup(loaded):
    p = catalog_gen.product(123, seed=7)
    for code in p["barcodes"]:
        hit = _ro(loaded, lambda c, code=code: catalog.lookup_barcode(c, code))
        assert hit.sku == p["sku"] and hit.price == p["price"] and set(hit.barcodes) == set(p["barcodes"])
    assert _ro(loaded, lambda c: catalog.lookup_barcode(c, "4006381333931")) is None


def test_search_prefixes_best_sellers_first(loaded):
    allp = list(catalog_gen.generate(N, seed=7))
    for q in ["m", "mi", "mil", "milk", "oat mi", "green", "Gre oa"]:
        res = _ro(loaded, lambda c, q=q: catalog.search(c, q, 10))
        words = q.lower().split()

        def matches(p, words=words):
            toks = " ".join([p["name"], p["brand"], p["sku"]]).lower().replace("-", " ").split()
            return all(any(t.startswith(w) for t in toks) for w in words)

        expected = sorted((p for p in allp if p["active"] and matches(p)), key=lambda p: -p["popularity"])
        assert [r.sku for r in res] == [p["sku"] for p in expected[:10]], q


def test_search_by_sku_and_full_barcode(loaded):
    p = catalog_gen.product(42, seed=7)
    res = _ro(loaded, lambda c: catalog.search(c, p["sku"]))
    assert res[0].sku == p["sku"]
    res = _ro(loaded, lambda c: catalog.search(c, p["sku"][:-1]))
    assert p["sku"] in [r.sku for r in res]
    res = _ro(loaded, lambda c: catalog.search(c, p["barcodes"][0]))
    assert res[0].sku == p["sku"]
    assert _ro(loaded, lambda c: catalog.search(c, "   ")) == []
    assert _ro(loaded, lambda c: catalog.search(c, 'zzzq"*')) == []  # quotes and stars are not syntax


def test_inactive_products_are_not_searched_but_scan(loaded):
    p = catalog_gen.product(7, seed=7)
    loaded.write_sync(lambda c: catalog.apply_changes(c, [dict(p, active=False)], [], "c1"))
    assert p["sku"] not in [r.sku for r in _ro(loaded, lambda c: catalog.search(c, p["name"], 50))]
    assert _ro(loaded, lambda c: catalog.lookup_barcode(c, p["barcodes"][0])).active is False


def test_apply_changes_keeps_fts_and_barcodes_consistent(loaded):
    p = catalog_gen.product(5, seed=7)
    q = catalog_gen.product(6, seed=7)
    renamed = dict(p, name="Zyxwv Special Tea 1 L", popularity=2_000_000, barcodes=["4006381333931"])
    new = {
        "sku": "NEW0000001",
        "name": "Qwerty Lemonade 330 ml",
        "brand": "Qwerty",
        "category": "Beverages",
        "tax_code": "STANDARD",
        "price": 199,
        "barcodes": [q["barcodes"][0]],
        "active": True,
        "popularity": 5,
    }
    loaded.write_sync(
        lambda c: catalog.apply_changes(c, [renamed, new], [catalog_gen.product(8, seed=7)["sku"]], "c2")
    )

    def check(c):
        _fts_consistent(c)
        assert catalog.cursor(c) == "c2"
        assert [r.sku for r in catalog.search(c, "zyx")] == [p["sku"]]
        assert catalog.search(c, "t")[0].sku == p["sku"]  # popularity moved it to the top ("Tea")
        assert p["sku"] not in [r.sku for r in catalog.search(c, p["name"], 50)]  # old name gone
        assert catalog.lookup_barcode(c, p["barcodes"][0]) is None  # old barcode gone
        assert catalog.lookup_barcode(c, "4006381333931").sku == p["sku"]
        assert catalog.lookup_barcode(c, q["barcodes"][0]).sku == "NEW0000001"  # barcode moved
        assert catalog.get(c, catalog_gen.product(8, seed=7)["sku"]) is None
        d = catalog_gen.product(8, seed=7)
        assert all(catalog.lookup_barcode(c, b) is None for b in d["barcodes"])
        assert [r.sku for r in catalog.search(c, "qwerty lem")] == ["NEW0000001"]
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []

    _ro(loaded, check)


def test_apply_changes_is_one_transaction(loaded):
    bad = {"sku": "X1", "name": "Broken", "tax_code": "STANDARD", "price": -5, "barcodes": []}
    good = dict(catalog_gen.product(9, seed=7), name="Should Not Stick")
    with pytest.raises(sqlite3.IntegrityError):
        loaded.write_sync(lambda c: catalog.apply_changes(c, [good, bad], [], "c9"))
    assert _ro(loaded, catalog.cursor) is None
    assert _ro(loaded, lambda c: catalog.search(c, "should not stick")) == []


def test_import_reports_rejected_rows_and_imports_the_rest(store, tmp_path):
    store.write_sync(lambda c: catalog.set_tax_codes(c, catalog_gen.TAX_CODES))
    good = catalog_gen.product(1, seed=1)
    rows = [
        good,
        {"sku": "", "name": "No SKU", "tax_code": "STANDARD", "price": 100},
        dict(catalog_gen.product(2, seed=1), barcodes=["4006381333932"]),
        dict(catalog_gen.product(3, seed=1), tax_code="LUXURY"),
        dict(catalog_gen.product(4, seed=1), price="12.99"),
        dict(catalog_gen.product(5, seed=1), sku=good["sku"]),
        catalog_gen.product(6, seed=1),
    ]
    path = tmp_path / "cat.json"
    path.write_text(json.dumps(rows))
    report = store.write_sync(lambda c: catalog.import_file(c, path))
    assert report.imported == 2
    assert [(r.row_no, r.reason.split()[0]) for r in report.rejected] == [
        (2, "missing"),
        (3, "barcode"),
        (4, "unknown"),
        (5, "price"),
        (6, "the"),
    ]
    assert "check digit" in report.rejected[1].reason and "LUXURY" in report.rejected[2].reason

    # a second import into the non-empty catalog goes through the incremental path
    csv_text = "sku,name,brand,category,tax_code,price,barcodes,active,popularity\n"
    csv_text += f"{good['sku']},Renamed Thing,B,C,STANDARD,100,{good['barcodes'][0]},1,9\n"
    csv_text += "Z1,,B,C,STANDARD,100,,1,0\n"
    report = store.write_sync(lambda c: catalog.import_text(c, csv_text))
    assert report.imported == 1 and [r.row_no for r in report.rejected] == [2]

    def check(c):
        _fts_consistent(c)
        assert catalog.count(c) == 2
        assert catalog.lookup_barcode(c, good["barcodes"][0]).name == "Renamed Thing"
        assert [p.sku for p in catalog.search(c, "renamed")] == [good["sku"]]

    _ro(store, check)


def test_store_catalog_port(loaded):
    cat = StoreCatalog(loaded)
    try:
        assert isinstance(cat, Catalog)
        p = catalog_gen.product(77, seed=7)
        assert cat.lookup_barcode(p["barcodes"][0]).sku == p["sku"]
        assert cat.get(p["sku"]).name == p["name"]
        assert len(cat.search("a", 5)) == 5
    finally:
        cat.close()
