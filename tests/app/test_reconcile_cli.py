"""`omo-pos sync reconcile`: after the demo backend lost the last sales (restored from a backup taken
before them), one command sends them again and says so; then the backend holds exactly what the till
sent."""

from __future__ import annotations

import json
import sqlite3

from app import cli as app


def _drive(data, seed, sales):
    argv = ["--data-dir", str(data), "--set", "demo.products=200", "drive", "--quiet"]
    assert app.main([*argv, "--seed", str(seed), "--sales", str(sales), "--card-share", "0"]) == 0


def _backend_sales(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM sales").fetchone()[0]


def _till_sales(data) -> int:
    with sqlite3.connect(data / "pos.sqlite3") as conn:
        return conn.execute("SELECT count(*) FROM sales").fetchone()[0]


def test_reconcile_sends_again_what_a_restored_backend_lost(tmp_path, capsys):
    data = tmp_path / "data"
    _drive(data, 1, 4)
    db = data / "backend" / "omo-backend.sqlite3"
    backup = tmp_path / "backup.sqlite3"
    rc = app.main(["--data-dir", str(data), "--set", "demo.products=200", "sync", "reconcile", "--json"])
    assert rc == 0  # whatever the first drive left queued is sent, and then all matches
    before = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert before["matched"] and before["drained"]
    with sqlite3.connect(db) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)
    _drive(data, 2, 5)
    rc = app.main(["--data-dir", str(data), "--set", "demo.products=200", "sync", "reconcile"])
    capsys.readouterr()
    held = _backend_sales(db)
    assert rc == 0 and held == _till_sales(data) > _backend_sales(backup)

    backup.replace(db)  # the backend's disk restored from the backup: the later sales are gone
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    lost = held - _backend_sales(db)
    assert lost > 0
    rc = app.main(["--data-dir", str(data), "--set", "demo.products=200", "sync", "reconcile", "--json"])
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert rc == 0 and out["matched"] and out["drained"]
    assert _backend_sales(db) == held
    rc = app.main(["--data-dir", str(data), "--set", "demo.products=200", "sync", "reconcile"])
    text = capsys.readouterr().out
    assert rc == 0 and "holds exactly what this till sent" in text
