"""The domain and its application services: money, tax, cart, pricing, payments workflow...

Pure Python: no Qt, no HTTP, no SQL, no devices, and nothing else of ours (import-linter enforces it).
Collaborators (journal, catalog, card terminal, backend, clock, ids) come in as constructor arguments.
"""
