"""Read queries about actors: the directory, one actor's record, the network.

Part of the store's read queries (the web API, the CLI and the exports use
them). The network is "who acts on whom": one directed edge per (source actor,
target actor) pair, weighted by the number of events, with counts by PLOVER
type so a reader can colour an edge by its dominant type. The web API, the
dashboard and the GraphML export all build it here, from one streamed
aggregate query, so they always agree.
"""
from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Iterator

from newsgraph.records import PLOVER_TYPES
from newsgraph.store.filters import EventFilter, Where, like_pattern
from newsgraph.store.queries import actor_names, event_args_ids, event_page, page, quote_item
from newsgraph.store.sql import connection, rows_in

COUNT_COLUMNS = ("mentions", "articles", "events", "as_source", "as_target", "quotes")
SORTS = {"mentions": "mentions DESC", "articles": "articles DESC", "events": "events DESC",
         "quotes": "quotes DESC", "name": "a.name COLLATE NOCASE"}


def _actor_item(row: sqlite3.Row) -> dict:
    item = {k: row[k] for k in ("id", "name", "kind", "country", "sector", "role")}
    item["counts"] = {k: row[k] or 0 for k in COUNT_COLUMNS}
    return item


def actors_sql(where: str) -> tuple[str, str]:
    """The actor select (with counts) and count SQL for a WHERE clause over ``actors AS a``.

    The counts come from ``actor_counts``, which every save and delete keeps
    current, so no request aggregates the mention, event or quote tables.
    """
    columns = ", ".join(f"coalesce(n.{c}, 0) AS {c}" for c in COUNT_COLUMNS)
    return (f"SELECT a.*, {columns} FROM actors a LEFT JOIN actor_counts n ON n.actor_id = a.id WHERE {where}",
            f"SELECT count(*) FROM actors a WHERE {where}")


def list_actors(conn, q: str | None = None, kind: str | None = None,
                country: str | None = None, sort: str = "mentions", limit: int = 50, offset: int = 0) -> dict:
    """The actor directory with counts of mentions, articles, events and quotes.

    Args:
        q: text found in the actor's name or id (case-insensitive for ASCII).
        kind: person, country, organization, igo or group.
        country: ISO alpha-3 code.
        sort: mentions (default), articles, events, quotes or name.
    """
    w = Where().add("(a.name LIKE ? ESCAPE '\\' OR a.id LIKE ? ESCAPE '\\')", like_pattern(q) if q else None, times=2)
    w.add("a.kind = ?", kind).add("a.country = ?", country.upper() if country else None)
    params = w.params
    select, count = actors_sql(w.sql)
    select += f" ORDER BY {SORTS.get(sort, SORTS['mentions'])}, a.id"
    return page(conn, select, count, params, limit, offset, _actor_item)


def get_actor(conn, actor_id: str, limit: int = 50) -> dict | None:
    """One actor with its mentions, events (as source or target), quotes and articles.

    Args:
        actor_id: the actor's id (``"AZE"``, ``"person:nikol-pashinyan"``).
        limit: how many items of each list to include (each list has its ``total``).
    Returns:
        The actor's fields and ``counts``, plus ``mentions``, ``events``,
        ``quotes`` and ``articles`` as ``{"total", "items"}``; None when unknown.
    """
    conn = connection(conn)
    select, _ = actors_sql("a.id = ?")
    row = conn.execute(select, (actor_id,)).fetchone()
    if row is None:
        return None
    actor = _actor_item(row)

    def section(sql_from: str, columns: str, order: str, convert) -> dict:
        total = conn.execute(f"SELECT count(*) {sql_from}", (actor_id,)).fetchone()[0]
        rows = conn.execute(f"SELECT {columns} {sql_from} ORDER BY {order} LIMIT ?", (actor_id, limit))
        return {"total": total, "items": [convert(r) for r in rows]}

    actor["mentions"] = section(
        "FROM actor_mentions m JOIN articles a ON a.id = m.article_id WHERE m.actor_id = ?",
        "m.article_id, m.start, m.\"end\", m.text", "a.published, m.article_id, m.start",
        lambda r: {"article": r[0], "start": r[1], "end": r[2], "text": r[3]})
    where, params = EventFilter(actor=actor_id).where("e")
    events = event_page(conn, where, params, limit, 0)
    events = {"total": events["total"], "items": events["items"]}
    for event in events["items"]:
        event["roles"] = [role for role in ("source", "target")
                          if any(arg.get("actor") == actor_id for arg in event.get(role) or [])]
    actor["events"] = events
    actor["quotes"] = section(
        "FROM quotes qu JOIN articles a ON a.id = qu.article_id WHERE qu.speaker_actor = ?",
        "qu.*, a.published, a.outlet, a.title", "a.published, qu.article_id, qu.idx", quote_item)
    actor["articles"] = section(
        "FROM article_actors aa JOIN articles a ON a.id = aa.article_id WHERE aa.actor_id = ?",
        "a.id, a.title, a.outlet, a.published, aa.mention_count", "a.published DESC, a.id",
        lambda r: {"id": r[0], "title": r[1], "outlet": r[2], "published": r[3], "mentions": r[4]})
    actor["actor_names"] = actor_names(conn, event_args_ids(events["items"]))
    return actor


def edge_rows(conn, flt: EventFilter) -> Iterator[tuple[str, str, str, int]]:
    """Stream ``(source id, target id, PLOVER type, number of events)`` for events matching ``flt``.

    Self-loops and participants without a resolved actor are left out; an
    event with compound participants counts once for every pair.
    """
    if flt.is_empty():   # the whole network: kept current by every save and delete
        for r in connection(conn).execute("SELECT source, target, type, events FROM actor_edges WHERE events > 0"):
            yield r[0], r[1], r[2], r[3]
        return
    where, params = flt.where("e")
    cursor = connection(conn).execute(
        "SELECT s.actor_id, t.actor_id, e.type, count(DISTINCT e.article_id || char(31) || e.idx) "
        "FROM events e "
        "JOIN event_args s ON s.article_id = e.article_id AND s.event_idx = e.idx AND s.role = 'source' "
        "JOIN event_args t ON t.article_id = e.article_id AND t.event_idx = e.idx AND t.role = 'target' "
        f"WHERE {where} AND s.actor_id IS NOT NULL AND t.actor_id IS NOT NULL AND s.actor_id <> t.actor_id "
        "GROUP BY s.actor_id, t.actor_id, e.type", params)
    for row in cursor:
        yield row[0], row[1], row[2], row[3]


def network(conn, flt: EventFilter, max_nodes: int | None = None) -> dict:
    """The actor network for events matching ``flt``.

    Args:
        max_nodes: keep only the actors with the most events (None: all).
    Returns:
        ``{"nodes": [{"id", "name", "kind", "country", "sector", "events",
        "out", "in"}], "edges": [{"source", "target", "weight", "types",
        "dominant"}], "total_nodes": N}``; edges heaviest first.
    """
    edges: dict[tuple[str, str], Counter] = {}
    for src, dst, type_, n in edge_rows(conn, flt):
        edges.setdefault((src, dst), Counter())[type_] += n
    out_w, in_w = Counter(), Counter()
    for (src, dst), types in edges.items():
        out_w[src] += sum(types.values())
        in_w[dst] += sum(types.values())
    degree = out_w + in_w
    ranked = sorted(degree, key=lambda a: (-degree[a], a))
    kept = set(ranked[:max_nodes] if max_nodes else ranked)
    info = actor_info(conn, kept)
    nodes = [{"id": a, **info.get(a, {"name": a, "kind": None, "country": None, "sector": None, "role": None}),
              "events": degree[a], "out": out_w[a], "in": in_w[a]} for a in ranked if a in kept]
    edge_list = [{"source": s, "target": t, "weight": sum(c.values()), "types": dict(c.most_common()),
                  "dominant": dominant(c)} for (s, t), c in edges.items() if s in kept and t in kept]
    edge_list.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
    return {"nodes": nodes, "edges": edge_list, "total_nodes": len(ranked)}


def dominant(types: Counter) -> str:
    """The most frequent type; ties go to the type listed first in PLOVER order."""
    return max(types, key=lambda t: (types[t], -PLOVER_TYPES.index(t) if t in PLOVER_TYPES else -99))


def actor_info(conn, ids) -> dict[str, dict]:
    """name, kind, country, sector and role of the given actor ids."""
    return {r[0]: {"name": r[1], "kind": r[2], "country": r[3], "sector": r[4], "role": r[5]} for r in rows_in(
        connection(conn), "SELECT id, name, kind, country, sector, role FROM actors WHERE id IN ({ids})", ids)}


def mention_counts(conn) -> dict[str, tuple[int, int]]:
    """``actor id -> (mentions, articles)`` over the whole store."""
    return {r[0]: (r[1], r[2]) for r in connection(conn).execute(
        "SELECT actor_id, mentions, articles FROM actor_counts WHERE articles > 0")}
