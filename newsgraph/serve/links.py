"""Cross-article records (timeline, discrepancies) for the API, from the link stage.

The link stage (``newsgraph.link``) computes which mentions are one
real-world event and which figures disagree. It is imported lazily: a
newsgraph without it still serves everything else, and these functions then
return empty lists (``available()`` tells the dashboard why).
"""
from __future__ import annotations

import importlib
from typing import Any, Callable, Optional

from newsgraph.serve.filters import EventFilter


def link_function(name: str) -> Optional[Callable[..., Any]]:
    """``newsgraph.link.<name>`` when the link stage provides it, else None."""
    try:
        module = importlib.import_module("newsgraph.link")
    except ImportError:
        return None
    fn = getattr(module, name, None)
    return fn if callable(fn) else None


def available() -> dict[str, bool]:
    """Which cross-article functions exist: ``{"timeline": bool, "discrepancies": bool}``."""
    return {name: link_function(name) is not None for name in ("timeline", "discrepancies")}


def _plain(item: Any) -> dict:
    return item.to_dict() if hasattr(item, "to_dict") else dict(item)


def timeline(store, flt: EventFilter) -> list[dict]:
    """Timeline entries (event clusters) matching the actor, type and date filters.

    Args:
        store: an open ``Store``.
        flt: a checked filter; its ``actor``, ``type``, ``since`` and ``until`` are used.
    Returns:
        Contract timeline entries as dicts, sorted by date (undated last).
    """
    fn = link_function("timeline")
    if fn is None:
        return []
    return [_plain(e) for e in fn(store, actor=flt.actor, type=flt.type, since=flt.since, until=flt.until)]


def discrepancies(store, measure: str | None = None) -> list[dict]:
    """Discrepancies (one fact, different figures), optionally of one measure."""
    fn = link_function("discrepancies")
    if fn is None:
        return []
    return [_plain(d) for d in fn(store, measure=measure)]
