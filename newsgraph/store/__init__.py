"""Stage 6: the SQLite store (``Store``), its schema migrations and row mapping."""
from newsgraph.store.db import Store, content_hash

__all__ = ["Store", "content_hash"]
