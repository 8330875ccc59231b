"""Stage 6: the SQLite store — schema, writes, and every read query the API, CLI and exports use.

Modules: ``db`` (``Store``: connection, save, delete, optimise), ``migrations``,
``rows`` (record -> table rows), ``sql`` (the INSERT builder and IN lists),
``filters`` (validated filters and the one WHERE builder), ``queries``
(articles, events, quotes, claims, stats), ``actors`` (directory, actor
page, network), ``timeline`` (link tables: timeline and discrepancy pages),
``pool`` (read-only connections for the server), ``export``.
"""
from newsgraph.store.db import Store, content_hash

__all__ = ["Store", "content_hash"]
