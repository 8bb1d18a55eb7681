"""Fixtures for the staff tests: a fake monotonic clock, a cheap-scrypt demo directory, an audit spy and
a way to apply a theme without leaking it into other tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pos.staff import Approvals, Authenticator, InMemoryStaffDirectory, PinLockout

FAST_N = 2**10  # real scrypt, cheaper parameters, so the suite stays fast


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.t = start

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


class AuditSpy:
    def __init__(self) -> None:
        self.events: list[tuple[str, dict]] = []

    def __call__(self, event_type: str, payload: dict) -> None:
        self.events.append((event_type, dict(payload)))

    def types(self) -> list[str]:
        return [t for t, _ in self.events]

    def of(self, event_type: str) -> list[dict]:
        return [p for t, p in self.events if t == event_type]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def audit() -> AuditSpy:
    return AuditSpy()


@pytest.fixture
def directory() -> InMemoryStaffDirectory:
    return InMemoryStaffDirectory.demo(scrypt_n=FAST_N)


@pytest.fixture
def auth(directory, clock, audit) -> Authenticator:
    return Authenticator(directory, lockout=PinLockout(clock=clock), audit=audit)


@pytest.fixture
def approvals(auth, audit) -> Approvals:
    return Approvals(auth, audit=audit, now=lambda: datetime(2026, 11, 23, 14, 5, tzinfo=UTC))


@pytest.fixture
def restore_theme(qapp):
    """Apply themes freely inside the test; the application's look is put back afterwards."""
    sheet, palette, font, style = qapp.styleSheet(), qapp.palette(), qapp.font(), qapp.style().name()
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyle(style)
    qapp.setProperty("omoTheme", None)
