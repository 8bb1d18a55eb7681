"""How the backend is run: no demo unless asked, its signing key outside the database, device tokens
handed over without being printed (docs/security.md, "A local administrator" and "The network")."""

from __future__ import annotations

import os
import stat

import pytest
import requests
import sqlalchemy as sa

from backend import schema, seed
from backend.server import main, start_backend
from backend.store import Store
from tests.security.conftest import T


def rows(database: str, table: sa.Table) -> list:
    store = Store(database)
    try:
        return store.read_one(sa.select(table))
    finally:
        store.dispose()


def test_a_plain_start_is_not_a_demo(database, tmp_path):
    assert main(["--database", database, "--signing-key", str(tmp_path / "key"), "--no-serve"]) == 0
    assert rows(database, schema.members) == []
    assert rows(database, schema.orders) == []


def test_the_demo_routes_exist_only_with_demo(database):
    store = Store(database)
    store.migrate()
    seed.seed_demo(store, products_count=40)  # members exist: only the flag decides
    store.dispose()
    handle = start_backend(database)
    try:
        token = handle.register_device("till-1")
        r = requests.get(
            f"{handle.url}/v1/demo/members/1001/qr", headers={"Authorization": f"Bearer {token}"}, timeout=T
        )
        assert r.status_code == 404
    finally:
        handle.stop()


def test_the_private_signing_key_is_not_in_the_database(database, tmp_path):
    handle = start_backend(database, seed_products=40)
    try:
        private = handle.backend.signing_key.private_raw()
        key_file = getattr(handle.backend, "key_file", None)
    finally:
        handle.stop()
    stored = rows(database, schema.signing_keys)
    assert stored and not any(private in (v for v in row if isinstance(v, bytes)) for row in stored)
    assert key_file is not None and stat.S_IMODE(os.stat(key_file).st_mode) == 0o600


def test_registering_a_till_does_not_print_its_token(database, tmp_path, capsys, caplog):
    tokens_file = tmp_path / "tokens"
    tokens_file.write_text("")
    tokens_file.chmod(0o644)  # an existing file others could read is made private
    base = ["--database", database, "--signing-key", str(tmp_path / "key"), "--no-serve"]
    with pytest.raises(SystemExit) as exited:
        main([*base, "--register-till", "till-1", "--store", "store-001"])
    out = capsys.readouterr()
    assert exited.value.code != 0 and "device token for" not in out.out
    assert "--tokens-file" in out.err
    assert (
        main([*base, "--register-till", "till-1", "--store", "store-001", "--tokens-file", str(tokens_file)])
        == 0
    )
    out = capsys.readouterr()
    till, token = tokens_file.read_text().split()
    assert till == "till-1" and token not in out.out + out.err + caplog.text
    assert stat.S_IMODE(tokens_file.stat().st_mode) == 0o600
