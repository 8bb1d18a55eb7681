"""The local SQLite store, the OMO backend client and sync worker, the contract and the reference backend.

Never imports Qt or ui (import-linter enforces it).
"""
