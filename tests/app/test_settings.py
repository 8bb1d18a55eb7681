from __future__ import annotations

import pytest

from app import settings as S


def test_defaults_are_valid_and_typed():
    s = S.load(None, environ={})
    assert s["stripe.poll_interval_ms"] == 250
    assert s["store.prices_include_tax"] is True
    assert s.source("stripe.poll_interval_ms") == "default"


def test_layering_file_then_env_then_flag(tmp_path):
    f = tmp_path / "settings.toml"
    f.write_text('[stripe]\npoll_interval_ms = 400\nreader_id = "tmr_file"\n[store]\ncurrency = "JPY"\n')
    s = S.load(f, environ={"OMO_POS_STRIPE_POLL_INTERVAL_MS": "500"}, overrides=["stripe.reader_id=tmr_flag"])
    assert s["store.currency"] == "JPY" and s.source("store.currency") == "file"
    assert s["stripe.poll_interval_ms"] == 500 and s.source("stripe.poll_interval_ms") == "env"
    assert s["stripe.reader_id"] == "tmr_flag" and s.source("stripe.reader_id") == "flag"


@pytest.mark.parametrize(
    ("environ", "overrides", "message"),
    [
        ({"OMO_POS_STRIPE_POLL_INTERVAL_MS": "fast"}, [], "'stripe.poll_interval_ms' (environment"),
        ({"OMO_POS_STRIPE_POLL_INTERVAL_MS": "10"}, [], "a whole number from 50 to 5000"),
        ({}, ["store.tax_rounding=sometimes"], "one of per_line, per_document"),
        ({}, ["store.prices_include_tax=maybe"], "true or false"),
        ({}, ["backend.timeout_s=soon"], "a number from 0.5 to 120"),
        ({}, ["stripe.poll_intervall_ms=300"], "Did you mean 'stripe.poll_interval_ms'"),
        ({"OMO_POS_NO_SUCH_THING": "1"}, [], "Unknown setting 'OMO_POS_NO_SUCH_THING'"),
        ({}, ["noequals"], "--set expects NAME=VALUE"),
    ],
)
def test_invalid_values_are_refused_with_name_and_expectation(environ, overrides, message):
    with pytest.raises(S.SettingsError) as err:
        S.load(None, environ=environ, overrides=overrides)
    assert message in str(err.value)


def test_file_errors_are_refused(tmp_path):
    f = tmp_path / "settings.toml"
    f.write_text("[stripe\n")
    with pytest.raises(S.SettingsError, match="not valid TOML"):
        S.load(f, environ={})
    f.write_text('[stripe]\npoll_interval_ms = "quick"\n')
    with pytest.raises(S.SettingsError, match=r"stripe.poll_interval_ms.*in .*settings.toml"):
        S.load(f, environ={})
    f.write_text("[stripe]\nreader = 1\n")
    with pytest.raises(S.SettingsError, match="Unknown setting 'stripe.reader'"):
        S.load(f, environ={})


def test_types_are_strict():
    reg = S.REGISTRY
    with pytest.raises(S.SettingsError):
        reg["camera.fps"].convert(True, "x")  # a bool is not a number
    with pytest.raises(S.SettingsError):
        reg["camera.fps"].convert(3.5, "x")
    with pytest.raises(S.SettingsError):
        reg["store.name"].convert(5, "x")
    assert reg["backend.timeout_s"].convert(3, "x") == 3.0
    assert reg["stripe.tipping"].convert("On", "x") is True


def test_secret_settings_are_masked():
    s = S.load(None, environ={}, overrides=["backend.url=https://till:hunter2@omo.example:8443/api"])
    shown = dict((n, v) for n, v, _ in s.describe())
    assert "hunter2" not in shown["backend.url"]
    assert "omo.example:8443" in shown["backend.url"]
    assert S.REGISTRY["backend.url"].masked("plain-token") == "'********'"


def test_live_till_never_falls_back_to_demo_staff(tmp_path):
    import json

    from app.paths import Paths
    from app.staff import load_staff
    from pos.staff import hash_pin

    paths = Paths.under(tmp_path).create()
    live = S.load(None, environ={}, overrides=["mode=live"])
    assert load_staff(paths, live).members() == []  # no staff file: nobody, not the demo PINs
    (paths.config / "staff.json").write_text(
        json.dumps([{"id": "zoe", "name": "Zoe", "role": "manager", "pin_hash": hash_pin("4821", n=2**10)}])
    )
    d = load_staff(paths, live)
    assert [m.name for m in d.members()] == ["Zoe"] and d.check_pin("zoe", "4821")
    assert d.identify("1111") is None
    assert {m.name for m in load_staff(paths, S.load(None, environ={})).members()} >= {"Ana", "Mia"}


def test_demo_keyring_fallback_only_when_asked_and_only_without_an_os_keyring():
    import importlib

    import keyring
    from keyring.backends import fail

    import app.demo

    before = keyring.get_keyring()
    try:
        keyring.set_keyring(fail.Keyring())
        importlib.reload(app.demo)  # defining the module must not install a keyring by itself
        assert isinstance(keyring.get_keyring(), fail.Keyring)
        app.demo.ensure_demo_keyring()
        keyring.set_password("omo-pos", "backend-device-token", "throwaway")
        assert keyring.get_password("omo-pos", "backend-device-token") == "throwaway"
        keyring.set_keyring(before)
        app.demo.ensure_demo_keyring()  # a working keyring is left alone
        assert keyring.get_keyring() is before
    finally:
        keyring.set_keyring(before)
