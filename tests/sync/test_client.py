from __future__ import annotations

import threading

import pytest

from pos.sync_ports import BackendUnavailable
from sync.client import BackendAuthError, BackendClient, BackendContractError, make_retry


def test_retry_gives_up_when_stopping_and_caps_retry_after():
    stop = threading.Event()
    retry = make_retry(stop=stop)
    later = retry.new(total=2)
    assert not later.is_exhausted()
    stop.set()
    assert later.is_exhausted() and retry.is_exhausted()
    assert (retry.total, retry.connect, retry.read, retry.status) == (3, 3, 2, 2)
    assert retry.allowed_methods is None and 429 in retry.status_forcelist


def test_client_validates_every_answer(backend):
    client = BackendClient(backend.url, retry=make_retry(0.01))
    try:
        assert client.keys()[0]["key_id"] == 1
        backend.inject("violate", path="/v1/keys")
        with pytest.raises(BackendContractError):
            client.keys()
        backend.inject("malformed", path="/v1/keys")
        with pytest.raises(BackendContractError):
            client.keys()
        assert client.order("600001").lines == ()  # by number alone: the summary
        assert client.check_customer("600001", "card_last4", "0000") is None
        assert client.check_customer("600001", "card_last4", "4242").lines[0].returnable_qty > 0
    finally:
        client.close()


def test_missing_token_is_a_clear_error(backend):
    client = BackendClient(backend.url, token_provider=lambda: None)
    try:
        with pytest.raises(BackendAuthError, match="register the till"):
            client.keys()
        assert issubclass(BackendAuthError, BackendUnavailable)
    finally:
        client.close()
