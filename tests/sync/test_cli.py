from __future__ import annotations

import json

from sync.sync_cli import sync_retry_dead, sync_status
from tests.backend.events import sale_payload


def test_status_and_retry_dead_from_a_terminal(tmp_path, capsys):
    from sync.store import open_store, outbox

    data_dir = tmp_path / "data"
    store = open_store(data_dir, till_id="till-1")
    try:

        def fn(conn):
            outbox.enqueue(conn, "sale.completed", sale_payload())
            bad = outbox.enqueue(conn, "sale.completed", {"x": 1})
            outbox.dead_letter(conn, bad, "invalid_payload: sale_uuid missing")
            return bad

        bad = store.write_sync(fn)
        # status works while the till (the store) is open
        assert sync_status([], data_dir=data_dir) == 0
        out = capsys.readouterr().out
        assert "Waiting to sync:     1 event(s)" in out and bad in out and "invalid_payload" in out
        export = tmp_path / "dead.jsonl"
        assert sync_status(["--json", "--export-dead", str(export)], data_dir=data_dir) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["queue_depth"] == 1 and data["dead_letters"][0]["event_id"] == bad
        assert json.loads(export.read_text().splitlines()[0])["payload"] == {"x": 1}
        # retry-dead needs the till closed
        assert sync_retry_dead([], data_dir=data_dir) == 2
        assert "Close the till program" in capsys.readouterr().err
    finally:
        store.close()
    assert sync_retry_dead([bad], data_dir=data_dir) == 0
    assert "Put 1 event(s) back" in capsys.readouterr().out
    assert sync_status(["--json"], data_dir=data_dir) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["queue_depth"] == 2 and data["dead_letters"] == []


def test_status_without_data(tmp_path, capsys):
    assert sync_status([], data_dir=tmp_path / "none") == 1
    assert "nothing to sync" in capsys.readouterr().err
