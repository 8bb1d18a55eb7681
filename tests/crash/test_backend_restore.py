"""The campaign's backup and restore of the backend's SQLite database (bench/crash/campaign.py) must leave it
intact: the backup's connections closed when the backup is done, and a restore only with nothing holding the
database open. A stand-in for the backend (a process writing rows in WAL mode, synchronous=FULL, like
backend/store.py) keeps this fast; the campaign itself runs in test_campaign.py."""

from __future__ import annotations

import gc
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bench.crash.campaign import Campaign, Config

WRITER = r"""
import sqlite3, sys
db, tag, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
conn = sqlite3.connect(db, isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA synchronous=FULL")
conn.execute("CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, body TEXT NOT NULL)")
for i in range(rows):
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO events VALUES (?, ?)", (f"{tag}-{i}", "x" * 300))
    conn.execute("COMMIT")
print("committed", flush=True)
sys.stdin.read()  # holds its connection open until killed, as a running backend does
"""


class Writer:
    """Stands in for BackendProc: each start commits `rows` events of its own (in the WAL, unchecked)."""

    def __init__(self, database: Path, rows: int = 150, name: str = "run") -> None:
        self.database = database
        self.name = name
        self.rows = rows
        self.starts = 0
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.starts += 1
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(self.database), f"{self.name}{self.starts}", str(self.rows)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "committed"

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(30)
            self.proc.stdin.close()  # type: ignore[union-attr]
            self.proc.stdout.close()  # type: ignore[union-attr]


@pytest.fixture
def campaign(tmp_path):
    c = Campaign(Config(workdir=tmp_path / "campaign", keep=True))
    c.backend = Writer(c.work / "backend.sqlite3")  # type: ignore[assignment]
    yield c
    c.backend.kill()


def _events(db: Path) -> tuple[str, dict[str, int]]:
    with sqlite3.connect(db) as conn:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        rows = conn.execute("SELECT substr(id, 1, instr(id, '-') - 1), count(*) FROM events GROUP BY 1")
        counts = dict(rows.fetchall())
    conn.close()
    return ok, counts


def test_a_restore_then_more_commits_then_a_backend_kill_keeps_every_commit(campaign):
    """Seed 19's finding, in small: backup while the backend runs, restore, the restored backend commits
    and is killed (a later restart). Before the fix the backup's source connection stayed open in the
    controller (`with sqlite3.connect()` does not close it; a reference cycle kept it until a garbage
    collection); when the collector closed it, SQLite checkpointed that connection's stale WAL into the
    restored file and deleted the live WAL: the restored backend's commits were gone."""
    backend = campaign.backend
    gc_was_on = gc.isenabled()
    gc.disable()  # the collection happens below, where it does harm, not at a random moment
    try:
        backend.start()  # run1: in the backup
        campaign._backup()
        backend.kill()
        backend.start()  # run2: after the backup, lost by the restore (as a restore must)
        campaign._restore()  # run3 commits on the restored database
        backend.kill()  # the restored backend killed (a backend restart)
        gc.collect()
    finally:
        if gc_was_on:
            gc.enable()
    ok, counts = _events(backend.database)
    assert ok == "ok"
    assert counts == {"run1": backend.rows, "run3": backend.rows}


def test_the_backup_leaves_nothing_of_the_database_open(campaign):
    campaign.backend.start()
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        campaign._backup()
        db = campaign.backend.database
        mine = {Path(f.path) for f in _open_files()}
    finally:
        if gc_was_on:
            gc.enable()
    assert not mine & {db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")}
    ok, counts = _events(campaign.backup)
    assert ok == "ok" and counts == {"run1": campaign.backend.rows}


def test_a_restore_refuses_while_anything_holds_the_database_open(campaign):
    """A file replaced under an open connection, or its -wal/-shm deleted, is how SQLite databases get
    corrupted: the restore checks that the stopped backend left nobody with the database open."""
    backend = campaign.backend
    backend.start()
    campaign._backup()
    held = sqlite3.connect(backend.database)  # the controller itself, e.g. a check left open
    held.execute("SELECT count(*) FROM events").fetchone()
    try:
        with pytest.raises(RuntimeError, match="still open"):
            campaign._restore()
    finally:
        held.close()
    other = Writer(backend.database, name="other")  # another process: an old backend never stopped
    other.start()
    try:
        with pytest.raises(RuntimeError, match="still open"):
            campaign._restore()
    finally:
        other.kill()
    ok, counts = _events(backend.database)
    assert ok == "ok" and counts == {"run1": backend.rows, "other1": other.rows}


def _open_files():
    import psutil

    return psutil.Process().open_files()
