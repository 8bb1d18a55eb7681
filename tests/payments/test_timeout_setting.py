"""The reader's authorisation time-out is a setting (issue 12): `stripe.authorization_timeout_s`."""

from __future__ import annotations

import pytest

from app import settings as settings_mod
from app.paths import Paths
from app.shop import open_shop


def test_default_is_three_minutes():
    assert settings_mod.load(None, environ={})["stripe.authorization_timeout_s"] == 180


def test_the_shop_waits_as_long_as_the_setting_says(tmp_path):
    s = settings_mod.load(
        None, environ={}, overrides=["demo.products=50", "stripe.authorization_timeout_s=45"]
    )
    shop = open_shop(Paths.under(tmp_path), s)
    try:
        assert shop.payments.authorization_timeout == 45
    finally:
        shop.close()


@pytest.mark.parametrize("value", ["5", "3600", "soon"])
def test_out_of_range_is_refused_with_what_it_expects(value):
    with pytest.raises(settings_mod.SettingsError, match=r"stripe\.authorization_timeout_s.*from 30 to 600"):
        settings_mod.load(None, environ={}, overrides=[f"stripe.authorization_timeout_s={value}"])
