"""Alembic migrations of the backend (a package so that installs carry them)."""
