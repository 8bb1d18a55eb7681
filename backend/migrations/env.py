"""Alembic environment of the backend: run on the connection that backend.store hands over (online only)."""

from __future__ import annotations

from alembic import context

from backend.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - `alembic` command line without the backend's wiring
    raise RuntimeError("run migrations through backend.store (omo-backend migrates on start)")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
