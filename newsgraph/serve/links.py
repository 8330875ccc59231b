"""Cross-article records (timeline, discrepancies) for the API.

The link stage (``newsgraph.link``) writes its clusters and discrepancies
into the store when it runs, so the API pages them straight from the store
(``newsgraph.store.timeline``): an indexed read per request, never a
re-clustering. Only a store without the link tables (an old file opened
read-only) falls back to computing them in memory through the link stage,
which is imported lazily: a newsgraph without it still serves everything
else, and these functions then return empty pages (``available()`` says so).
"""
from __future__ import annotations

import importlib
from typing import Any, Callable, Optional

from newsgraph.store import timeline as stored
from newsgraph.store.filters import EventFilter
from newsgraph.store.queries import actor_names, article_info


def link_function(name: str) -> Optional[Callable[..., Any]]:
    """``newsgraph.link.<name>`` when the link stage provides it, else None."""
    try:
        module = importlib.import_module("newsgraph.link")
    except ImportError:
        return None
    fn = getattr(module, name, None)
    return fn if callable(fn) else None


def available(store=None) -> dict[str, bool]:
    """Which cross-article records can be served: ``{"timeline": bool, "discrepancies": bool}``."""
    if store is not None and stored.has_link_tables(store):
        return {"timeline": True, "discrepancies": True}
    return {name: link_function(name) is not None for name in ("timeline", "discrepancies")}


def _plain(item: Any) -> dict:
    return item.to_dict() if hasattr(item, "to_dict") else dict(item)


def _page(items: list, limit: int, offset: int) -> dict:
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}


def timeline(store, flt: EventFilter, limit: int = 50, offset: int = 0) -> dict:
    """One page of timeline entries matching the actor, type and date filters of ``flt``.

    Returns:
        ``{"total", "limit", "offset", "items", "actor_names", "articles"}``
        (see ``newsgraph.store.timeline.timeline_page``).
    """
    if stored.has_link_tables(store):
        return stored.timeline_page(store, actor=flt.actor, type=flt.type, since=flt.since, until=flt.until,
                                    limit=limit, offset=offset)
    fn = link_function("timeline")
    entries = [_plain(e) for e in fn(store, actor=flt.actor, type=flt.type, since=flt.since,
                                     until=flt.until)] if fn else []
    result = _page(entries, limit, offset)
    for entry in result["items"]:
        stored.add_excerpt(store, entry)
    result["actor_names"] = actor_names(store, {a for e in result["items"] for role in ("source", "target")
                                                for a in e.get(role) or []})
    result["articles"] = article_info(store, {a for e in result["items"] for a in e.get("articles") or []})
    return result


def discrepancies(store, measure: str | None = None, limit: int = 50, offset: int = 0) -> dict | str:
    """One page of discrepancies (one fact, different figures), optionally of one measure.

    Returns:
        The page as a dict, or as its JSON text when read from the store (see
        ``newsgraph.store.timeline.discrepancy_page_json``).
    """
    if stored.has_link_tables(store):
        return stored.discrepancy_page_json(store, measure, limit, offset)
    fn = link_function("discrepancies")
    found = [_plain(d) for d in fn(store, measure=measure)] if fn else []
    return stored.with_report_articles(store, _page(found, limit, offset))
