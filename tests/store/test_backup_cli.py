from __future__ import annotations

import sqlite3

from sync import cli
from sync.store import Store, audit, journal
from tests.store.helpers import make_sale


def test_backup_of_a_running_store_holds_every_commit(tmp_path, capsys):
    data = tmp_path / "data"
    s = Store.open(data / "pos.sqlite3", till_id="T01")
    try:
        for _ in range(25):  # committed data still in the WAL: a file copy would miss it
            s.write_sync(lambda c: journal.commit_sale(c, make_sale()))
        dest = tmp_path / "backups" / "b1.sqlite3"
        assert cli.backup([str(dest)], data_dir=data) == 0
        assert "Backup written" in capsys.readouterr().out
        conn = sqlite3.connect(dest)
        try:
            assert conn.execute("SELECT count(*) FROM sales").fetchone()[0] == 25
            assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        finally:
            conn.close()
        assert cli.backup([str(dest)], data_dir=data) == 1  # never overwrites
        assert "already exists" in capsys.readouterr().err
    finally:
        s.close()


def test_backup_without_database(tmp_path, capsys):
    assert cli.backup([str(tmp_path / "x")], data_dir=tmp_path / "nothing") == 2
    assert "No database" in capsys.readouterr().err


def test_audit_verify_cli(tmp_path, capsys):
    data = tmp_path / "data"
    s = Store.open(data / "pos.sqlite3", till_id="T01")
    try:
        for i in range(3):
            s.write_sync(lambda c, i=i: audit.append(c, "drawer.open", "S1", {"n": i}))
        assert cli.audit_verify([], data_dir=data) == 0
        assert "OK: 3 entries" in capsys.readouterr().out
        conn = sqlite3.connect(data / "pos.sqlite3", isolation_level=None)
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET actor = 'S2' WHERE seq = 2")
        conn.close()
        assert cli.audit_verify([], data_dir=data) == 1
        assert "BROKEN at entry 2" in capsys.readouterr().out
    finally:
        s.close()
    assert cli.audit_verify([], data_dir=tmp_path / "nothing") == 2
