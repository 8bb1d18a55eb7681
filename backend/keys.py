"""The member-token signing key, kept outside the database.

The private key lives in a file only the backend's user may read (mode 0600, PKCS #8 PEM, written
atomically); the database keeps each key's id, public half and whether it is active. Only active keys
are published (`GET /v1/keys`), and a key marked inactive never signs again: at the next start a new key
is made (the next id) and written to the file. A database from an older backend that kept private keys in
`signing_keys.private_raw` gives them up at start: the active one moves to the file (if the file does
not exist yet) and every private key is erased from the database.

SQLite: the file defaults to `<database>.signing-key` beside it. PostgreSQL: give it (`--signing-key`).
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from pathlib import Path

import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)
from sqlalchemy.engine import Connection

from backend import schema, tokens
from backend.store import Store

log = logging.getLogger("omo.backend")

MAX_KEY_ID = 255  # the token layout has one byte for it


class SigningKeyError(RuntimeError):
    """The signing key's file cannot be used; the message says what to do."""


def default_key_file(store: Store) -> Path | None:
    """Beside a SQLite database; None for PostgreSQL (the operator names the file)."""
    if not store.is_sqlite or not store.url.database:
        return None
    return Path(store.url.database + ".signing-key")


def read_key_file(path: Path) -> Ed25519PrivateKey | None:
    """The private key in `path`, or None when there is no file. A file others may read is made private
    first (and said so); anything unreadable stops the start with a clear message."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    if stat.S_IMODE(st.st_mode) & 0o077:
        log.warning("the signing key file %s was readable by others; it is now 0600", path)
        os.chmod(path, 0o600)
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError, OSError) as e:
        raise SigningKeyError(
            f"The signing key file {path} cannot be read ({e}). Restore it from backup."
        ) from e
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"The signing key file {path} does not hold an Ed25519 key.")
    return key


def write_key_file(path: Path, key: Ed25519PrivateKey) -> None:
    """Replace `path` atomically with `key`, mode 0600 from the first byte."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    fd, tmp = tempfile.mkstemp(prefix=".signing-key-", dir=path.parent)  # mkstemp: mode 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _public_raw(key: Ed25519PrivateKey) -> bytes:
    return tokens.SigningKey(0, key).public_raw()


def load_signing_key(store: Store, key_file: Path) -> tokens.SigningKey:
    """The key that signs member tokens now (see the module's docstring)."""
    k = schema.signing_keys

    def legacy(conn: Connection) -> Ed25519PrivateKey | None:
        """Empty `private_raw`; return the active legacy key when the file does not exist yet."""
        moved = None
        rows = conn.execute(
            sa.select(k.c.key_id, k.c.private_raw, k.c.active).where(k.c.private_raw.is_not(None))
        ).all()
        for key_id, raw, active in sorted(rows, key=lambda r: r[0]):
            private = Ed25519PrivateKey.from_private_bytes(raw)
            conn.execute(
                sa.update(k)
                .where(k.c.key_id == key_id)
                .values(private_raw=None, public_raw=_public_raw(private))
            )
            if active:
                moved = private
        return moved

    existing = read_key_file(key_file)
    if existing is None:
        # the file is written before the database forgets the key, so a crash between leaves both copies
        with store.write_connection() as conn:
            moved = legacy(conn)
            if moved is not None:
                write_key_file(key_file, moved)
                log.warning("the private signing key moved out of the database into %s", key_file)
                existing = moved
    else:
        store.write(legacy)

    def choose(conn: Connection) -> tokens.SigningKey:
        row = None
        if existing is not None:
            row = conn.execute(
                sa.select(k.c.key_id, k.c.active).where(k.c.public_raw == _public_raw(existing))
            ).first()
            if row is not None and row[1]:
                return tokens.SigningKey(row[0], existing)
            if row is not None:
                log.warning("signing key %s is retired: a new key signs from now on", row[0])
        used = conn.execute(sa.select(sa.func.max(k.c.key_id))).scalar() or 0
        if used >= MAX_KEY_ID:
            raise SigningKeyError("Every signing key id (1-255) was used; the token layout has no room left.")
        if existing is not None and row is None:  # a key file this database has not seen: it joins
            new = tokens.SigningKey(used + 1, existing)
        else:
            new = tokens.SigningKey.generate(used + 1)
            write_key_file(key_file, new.private)  # before the row: a key in the table always has its file
        conn.execute(sa.insert(k).values(key_id=new.key_id, public_raw=new.public_raw(), active=True))
        log.info("new signing key %s written to %s", new.key_id, key_file)
        return new

    return store.write(choose)


def active_public_keys(conn: Connection) -> list[tuple[int, bytes]]:
    """(key_id, public key) of the keys that are published: the active ones."""
    k = schema.signing_keys
    return [
        (r[0], r[1])
        for r in conn.execute(
            sa.select(k.c.key_id, k.c.public_raw)
            .where(k.c.active, k.c.public_raw.is_not(None))
            .order_by(k.c.key_id)
        )
    ]


__all__ = ["SigningKeyError", "active_public_keys", "default_key_file", "load_signing_key", "read_key_file"]
