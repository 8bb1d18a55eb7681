from __future__ import annotations

import logging
from pathlib import Path

from app import logs
from app.paths import Paths


def test_data_dir_flag_beats_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("OMO_POS_DATA_DIR", str(tmp_path / "env"))
    assert Paths.resolve().data == (tmp_path / "env").resolve()
    p = Paths.resolve(tmp_path / "flag")
    assert p.data == (tmp_path / "flag").resolve()
    assert p.database == p.data / "pos.sqlite3"
    assert p.settings_file.parent == p.config
    p.create()
    assert all(d.is_dir() for d in (p.data, p.config, p.logs, p.cache))


def test_platform_dirs_used_without_override(monkeypatch):
    monkeypatch.delenv("OMO_POS_DATA_DIR")
    p = Paths.resolve()
    assert "omo-pos" in str(p.data) and "omo-pos" in str(p.config)


def test_redaction_of_secrets_and_card_numbers():
    text = (
        "key rk_"
        "live_51HxAbCdEf and sk_test_abc123, Authorization: Bearer abcdefgh12345678 "
        "card 4242 4242 4242 4242 pan 4000000000000002 url https://u:pw@host/x amount 1099"
    )
    out = logs.redact(text)
    for secret in ("51HxAbCdEf", "abc123", "abcdefgh12345678", "4242 4242", "4000000000000002", ":pw@"):
        assert secret not in out
    assert "amount 1099" in out  # ordinary numbers survive


def test_log_file_is_written_rotated_and_redacted(tmp_path):
    path = logs.setup(tmp_path / "logs", "INFO", max_bytes=2000, backups=2, crash_file=False)
    lg = logging.getLogger("hw.reader")
    try:
        lg.info("using key %s", "rk_test_secretsecret")
        for i in range(200):
            lg.info("line %d padding padding padding padding", i)
        try:
            raise RuntimeError(
                "boom with " + "sk_" + "live_zzzzzzzz"
            )  # a fake key, split for secret scanners
        except RuntimeError:
            lg.exception("failure")
    finally:
        logs.shutdown()
    files = sorted(Path(path).parent.glob("omo-pos.log*"))
    assert len(files) == 3  # the live file plus two backups, older ones dropped
    text = "".join(f.read_text() for f in files)
    assert "secretsecret" not in text and "zzzzzzzz" not in text
    assert "hw.reader" in text and "boom with sk_live_****" in text
    assert list(logs.ring.records)[-1].count("failure") == 1


def test_previous_crash_file(tmp_path):
    assert logs.previous_crash(tmp_path) is None
    (tmp_path / logs.CRASH_FILE).write_text("Fatal Python error: Segmentation fault\n")
    assert "Segmentation fault" in logs.previous_crash(tmp_path)
