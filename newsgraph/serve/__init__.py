"""Stage 8: serve a store over HTTP — a read-only JSON API and the analyst dashboard.

``create_app(db_path)`` builds the FastAPI app (see ``app``); ``newsgraph
serve`` runs it. Imported lazily so that ``newsgraph.serve.sample`` does not
pull in the web stack. The queries behind the API live in ``newsgraph.store``.
"""
from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from newsgraph.serve.app import create_app
        return create_app
    raise AttributeError(name)
