"""The typed settings registry (after Electrum's `ConfigVar`).

Each setting is declared once, with its type, default, limits and a one-line description. Values are
layered, later wins:

    defaults  <  settings.toml in the config directory  <  OMO_POS_<NAME> environment  <  --set NAME=VALUE

`NAME` is the dotted setting name; in the environment dots become underscores and letters are upper
case (`stripe.poll_interval_ms` -> `OMO_POS_STRIPE_POLL_INTERVAL_MS`). In the TOML file a dotted name is
a table and a key (`[stripe]` / `poll_interval_ms = 250`). An unknown name or an invalid value is refused
at start with the setting's name, where the value came from and what the setting expects.

Secrets (the Stripe key, the backend device token) are not settings: they live in the OS keyring.
Settings flagged `secret` (for instance a URL that may carry credentials) are masked when shown.
"""

from __future__ import annotations

import ipaddress
import os
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pos.gs1 import RCN_REGIONS

ENV_PREFIX = "OMO_POS_"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class SettingsError(ValueError):
    """A setting could not be used; the message names the setting, its source and what it expects."""


@dataclass(frozen=True)
class Setting:
    name: str
    type_: type
    default: Any
    help: str
    choices: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    secret: bool = False
    check: Callable[[Any], None] | None = None  # raises ValueError with what is wrong with a value

    @property
    def env_var(self) -> str:
        return ENV_PREFIX + self.name.replace(".", "_").replace("-", "_").upper()

    def expectation(self) -> str:
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.type_ is bool:
            return "true or false"
        kind = {int: "a whole number", float: "a number", str: "text"}[self.type_]
        if self.minimum is not None and self.maximum is not None:
            return f"{kind} from {self.minimum:g} to {self.maximum:g}"
        if self.minimum is not None:
            return f"{kind} of at least {self.minimum:g}"
        return kind

    def convert(self, raw: Any, source: str) -> Any:
        """Turn a raw value (TOML-typed or a string from env/flags) into this setting's type, or refuse."""

        def refuse() -> SettingsError:
            return SettingsError(
                f"Setting '{self.name}' ({source}) expects {self.expectation()}, but got {raw!r}."
            )

        value: Any
        if self.type_ is bool:
            if isinstance(raw, bool):
                value = raw
            elif isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
                value = raw.strip().lower() in _TRUE
            else:
                raise refuse()
        elif self.type_ is int:
            if isinstance(raw, bool):
                raise refuse()
            if isinstance(raw, int):
                value = raw
            elif isinstance(raw, str):
                try:
                    value = int(raw.strip())
                except ValueError:
                    raise refuse() from None
            else:
                raise refuse()
        elif self.type_ is float:
            if isinstance(raw, bool):
                raise refuse()
            if isinstance(raw, int | float):
                value = float(raw)
            elif isinstance(raw, str):
                try:
                    value = float(raw.strip())
                except ValueError:
                    raise refuse() from None
            else:
                raise refuse()
        else:
            if not isinstance(raw, str):
                raise refuse()
            value = raw
        if self.choices is not None and value not in self.choices:
            raise refuse()
        if self.minimum is not None and value < self.minimum:
            raise refuse()
        if self.maximum is not None and value > self.maximum:
            raise refuse()
        if self.check is not None:
            try:
                self.check(value)
            except ValueError as exc:
                raise SettingsError(f"Setting '{self.name}' ({source}): {exc}") from None
        return value

    def masked(self, value: Any) -> str:
        if not self.secret or value in ("", None):
            return (
                repr(value)
                if isinstance(value, str)
                else str(value).lower()
                if isinstance(value, bool)
                else str(value)
            )
        if isinstance(value, str) and "://" in value:
            parts = urlsplit(value)
            if parts.username or parts.password:
                host = parts.hostname or ""
                netloc = f"****@{host}" + (f":{parts.port}" if parts.port else "")
                return repr(urlunsplit(parts._replace(netloc=netloc)))
            return repr(value)
        return "'********'"


REGISTRY: dict[str, Setting] = {}


def register(
    name: str,
    type_: type,
    default: Any,
    help: str,
    *,
    choices: Iterable[str] | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    secret: bool = False,
    check: Callable[[Any], None] | None = None,
) -> Setting:
    assert name not in REGISTRY, f"setting {name} declared twice"
    s = Setting(
        name, type_, default, help, tuple(choices) if choices else None, minimum, maximum, secret, check
    )
    s.convert(default, "default")  # a bad default is a programming error: fail at import
    REGISTRY[name] = s
    return s


# --------------------------------------------------------------------------- the registry
register(
    "mode",
    str,
    "demo",
    "demo: the whole shop embedded on this computer; live: real services",
    choices=("demo", "live"),
)
register("store.id", str, "S001", "this store's id at the OMO backend")
register("store.name", str, "OMO Store Dublin", "the store name printed on receipts")
register("till.id", str, "T01", "this till's id; prefixes its receipt numbers")
register("store.currency", str, "EUR", "ISO 4217 currency of the store; unset: the preset's")
register(
    "store.locale", str, "en_IE", "locale of money, dates and numbers (en_US, ja_JP); unset: the preset's"
)
register("store.country", str, "IE", "ISO 3166 country of the store (picks the tax preset; Canada: Interac)")
register(
    "store.prices_include_tax",
    bool,
    True,
    "shelf prices include tax (EU, Japan) or not (US); unset: the preset's",
)
register(
    "store.tax_preset",
    str,
    "auto",
    "the store's tax table and rounding rules: auto = store.country's preset; none = only store.tax_rates",
    choices=("auto", "none", "IE", "IT", "PT", "JP", "US-NY", "CH", "DE"),
)


def _check_tax_rates(text: str) -> None:
    if text.strip():
        from pos.errors import ConfigError
        from pos.tax import parse_rates

        try:
            parse_rates(text)
        except ConfigError as exc:
            raise ValueError(exc.reason) from None


register(
    "store.tax_rates",
    str,
    "",
    "tax rates replacing or adding to the preset's: CODE=PERCENT[:LABEL]; ... (STANDARD=8.875:Sales tax)",
    check=_check_tax_rates,
)
register(
    "store.tax_rounding",
    str,
    "per_line",
    "round tax per line, or once per rate per document (Japan); unset: the preset's",
    choices=("per_line", "per_document"),
)
register(
    "store.tax_rounding_method",
    str,
    "half_up",
    "how tax is rounded to the minor unit; unset: the preset's",
    choices=("half_up", "half_even", "down", "up"),
)
register(
    "store.cash_rounding",
    str,
    "none",
    "rounding of the cash part of a payment, for the currencies that use it; unset: the preset's",
    choices=("none", "0.05", "italy", "0.10", "0.50", "whole", "0.005"),
)
register(
    "store.rcn_rules",
    str,
    "auto",
    "in-store price, weight and count labels (GS1 RCN): auto (the store country's rules), none, or a region",
    choices=("auto", "none", *RCN_REGIONS),
)
register(
    "store.weight_unit", str, "kg", "the unit catalog prices of weighed goods are per", choices=("kg", "lb")
)
register("stripe.api_base", str, "https://api.stripe.com", "Stripe API address (a simulator in demo mode)")
register("stripe.location_id", str, "", "Stripe Terminal Location of this store (tml_…)")
register("stripe.reader_id", str, "", "the paired reader (tmr_…)")
register(
    "stripe.poll_interval_ms", int, 250, "how often the reader action is polled", minimum=50, maximum=5000
)
register("stripe.connect_timeout_s", float, 3.05, "Stripe connect timeout", minimum=0.1, maximum=60)
register("stripe.read_timeout_s", float, 20.0, "Stripe read timeout", minimum=0.5, maximum=120)
register(
    "stripe.authorization_timeout_s",
    float,
    180.0,
    "how long the reader waits for the card before the payment is cancelled",
    minimum=30,
    maximum=600,
)
register(
    "stripe.allow_live_secret_key",
    bool,
    False,
    "accept a full sk_live_ key (a manager's explicit decision; restricted rk_ keys are expected)",
)
register("stripe.tipping", bool, False, "offer tipping on the reader")
register(
    "stripe.mode",
    str,
    "direct",
    "direct: this till calls Stripe with its own restricted key (a single shop); relayed: the chain's "
    "backend takes card payments with the chain's key and this till holds none",
    choices=("direct", "relayed"),
)
register(
    "backend.url", str, "", "OMO backend base URL (embedded reference backend in demo mode)", secret=True
)
register("backend.timeout_s", float, 10.0, "backend read timeout", minimum=0.5, maximum=120)
register("sync.batch_size", int, 200, "events per push request", minimum=1, maximum=1000)
register(
    "members.offline_redeem_points",
    int,
    0,
    "points a member may redeem while the backend cannot be reached (against the cached balance); 0 = never",
    minimum=0,
    maximum=1_000_000,
)
register(
    "members.cache_ttl_s",
    float,
    900.0,
    "how long the till keeps a member's profile for offline use (personal data), seconds",
    minimum=60,
    maximum=30 * 86400,
)
register(
    "stock.reservation_hours",
    int,
    24,
    "how long a reservation holds the goods at a store",
    minimum=1,
    maximum=72,
)
register(
    "camera.source",
    str,
    "auto",
    "camera: auto, a device index, a video file, an image glob, synthetic, or none",
)
register("camera.width", int, 640, "capture width in pixels", minimum=160, maximum=3840)
register("camera.height", int, 480, "capture height in pixels", minimum=120, maximum=2160)
register("camera.fps", int, 30, "capture frame rate", minimum=1, maximum=120)
register(
    "camera.decoders",
    str,
    "auto",
    "QR decoder stages in order, e.g. 'zxing,?pyzbar' ('?' = only when a symbol was seen but not read); "
    "auto = the order bench/qr.py chose",
)
register(
    "scanner.max_gap_ms", int, 50, "longest gap between keys of one barcode scan", minimum=5, maximum=500
)
register("scanner.min_length", int, 6, "shortest barcode accepted from the scanner", minimum=1, maximum=64)
register(
    "printer.kind",
    str,
    "file",
    "receipt printer",
    choices=("none", "file", "escpos-usb", "escpos-network", "escpos-serial", "system"),
)
register("printer.target", str, "", "printer address: USB vid:pid, host:port, serial device or queue name")
register(
    "sell.quantity_approval_above",
    int,
    50,
    "a line quantity above this needs a manager's approval",
    minimum=1,
    maximum=9999,
)
register(
    "returns.no_receipt_limit",
    int,
    5000,
    "the most a return without a receipt refunds, in minor units of the store's currency (store credit, "
    "with a manager's approval; 0: never)",
    minimum=0,
    maximum=10**9,
)
register(
    "pickups.refresh_s",
    int,
    30,
    "how often the pickup list is read from the backend",
    minimum=5,
    maximum=3600,
)
register(
    "till.over_short_approval_above",
    int,
    500,
    "a close whose over/short is above this (minor units of the store currency) needs a manager's PIN",
    minimum=0,
)
register(
    "till.demo_float",
    int,
    15000,
    "demo: the float the first login opens the till with (minor units)",
    minimum=0,
)
register(
    "till.demo_open_at_login",
    bool,
    True,
    "demo: the first login opens the till with the demo float, so the first sale is three steps",
)
register("ui.theme", str, "light", "colour theme", choices=("light", "dark", "high-contrast"))
register(
    "ui.idle_lock_s",
    int,
    300,
    "lock the till after this many idle seconds (0: never; a live till: 1 to 900)",
    minimum=0,
)
register(
    "ui.staff_languages",
    str,
    "",
    "screen language per staff member after login, e.g. 'S001=ja,S003=it' (others: the store's)",
)
register(
    "demo.products",
    int,
    20_000,
    "products in the demo shop's generated catalog",
    minimum=10,
    maximum=2_000_000,
)
register(
    "demo.auto_tap_s",
    float,
    2.5,
    "demo: the customer taps a card this many seconds after Pay (0: by hand)",
    minimum=0,
    maximum=60,
)
register(
    "demo.stripe_mode",
    str,
    "relayed",
    "demo: card payments relayed by the embedded backend, or direct to the simulator",
    choices=("direct", "relayed"),
)
register("log.level", str, "INFO", "log level of the log file", choices=("DEBUG", "INFO", "WARNING", "ERROR"))


@dataclass(frozen=True)
class Settings:
    """The effective settings: a read-only mapping from name to typed value, with each value's source."""

    values: Mapping[str, Any]
    sources: Mapping[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        if name not in REGISTRY:
            raise KeyError(f"unknown setting {name!r}")
        return self.values[name]

    def source(self, name: str) -> str:
        return self.sources.get(name, "default")

    def with_overrides(self, overrides: Iterable[str]) -> Settings:
        """These settings with `NAME=VALUE` overrides on top (refused like `--set`)."""
        values, sources = dict(self.values), dict(self.sources)
        for name, value in _parse_overrides(overrides):
            values[name] = value
            sources[name] = "flag"
        check_live(values, sources)
        return Settings(values, sources)

    def describe(self) -> list[tuple[str, str, str]]:
        """(name, masked value, source) for every setting, sorted by name."""
        return [(n, REGISTRY[n].masked(self.values[n]), self.source(n)) for n in sorted(REGISTRY)]


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = value
    return out


def _unknown(name: str, source: str) -> SettingsError:
    import difflib

    close = difflib.get_close_matches(name, REGISTRY, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    return SettingsError(f"Unknown setting '{name}' ({source}).{hint}")


def load(
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Iterable[str] = (),
) -> Settings:
    """Layer defaults, the TOML file, the environment and `NAME=VALUE` overrides; refuse bad values."""
    environ = os.environ if environ is None else environ
    values = {n: s.default for n, s in REGISTRY.items()}
    sources: dict[str, str] = {}

    if config_file is not None and config_file.exists():
        try:
            with config_file.open("rb") as fh:
                table = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"The settings file {config_file} is not valid TOML: {exc}") from None
        for name, raw in _flatten(table).items():
            src = f"in {config_file}"
            if name not in REGISTRY:
                raise _unknown(name, src)
            values[name] = REGISTRY[name].convert(raw, src)
            sources[name] = "file"

    by_env = {s.env_var: s for s in REGISTRY.values()}
    for var, raw in environ.items():
        if not var.startswith(ENV_PREFIX) or var in ("OMO_POS_DATA_DIR", "OMO_POS_VENV"):
            continue
        if var not in by_env:
            raise _unknown(var, "environment")
        s = by_env[var]
        values[s.name] = s.convert(raw, f"environment {var}")
        sources[s.name] = "env"

    for name, value in _parse_overrides(overrides):
        values[name] = value
        sources[name] = "flag"

    check_live(values, sources)
    return Settings(values, sources)


LIVE_MAX_IDLE_LOCK_S = 15 * 60  # a live till locks after at most 15 idle minutes


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_live(values: Mapping[str, Any], sources: Mapping[str, str]) -> None:
    """A live till talks to the backend and to Stripe only over https (a service on this computer
    excepted: the device token and the Stripe key must never cross a network in clear), and locks when
    idle, after at most 15 minutes. Refused with the setting's name and source."""
    if values.get("mode") != "live":
        return
    for name in ("backend.url", "stripe.api_base"):
        url = values.get(name) or ""
        if not url:
            continue
        parts = urlsplit(url)
        if parts.scheme != "https" and not (parts.scheme == "http" and is_loopback(parts.hostname)):
            raise SettingsError(
                f"Setting '{name}' ({sources.get(name, 'default')}) must be an https:// address in a live "
                f"shop (http:// only to this computer), but got {REGISTRY[name].masked(url)}."
            )
    idle = values.get("ui.idle_lock_s", 0)
    if not 0 < idle <= LIVE_MAX_IDLE_LOCK_S:
        raise SettingsError(
            f"Setting 'ui.idle_lock_s' ({sources.get('ui.idle_lock_s', 'default')}) must be from 1 to "
            f"{LIVE_MAX_IDLE_LOCK_S} seconds in a live shop (never longer unlocked), but got {idle}."
        )


def _parse_overrides(overrides: Iterable[str]) -> Iterable[tuple[str, Any]]:
    for item in overrides:
        name, sep, raw = item.partition("=")
        name = name.strip()
        if not sep:
            raise SettingsError(f"--set expects NAME=VALUE, got {item!r}.")
        if name not in REGISTRY:
            raise _unknown(name, "--set")
        yield name, REGISTRY[name].convert(raw, "--set")
