"""Read queries behind the web API and the CLI: articles, events, quotes, claims, stats.

Each function takes an open ``Store`` (or its SQLite connection, rows as
``sqlite3.Row``) and already-validated filters (see ``filters``), binds every
value as a parameter, and returns plain JSON-ready dicts in the record
contract's shapes. Lists come back as one page: ``{"total", "limit",
"offset", "items"}``. Events are read from the stored record JSON, so an
event in the API is byte-for-byte the event of ``newsgraph extract``; that
JSON is parsed only for the rows of the page, never for the rows sorted.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Callable, Iterable

from newsgraph.store.filters import EventFilter, ParamError, Where, fts_query, like_pattern
from newsgraph.store.sql import connection, rows_in

ARTICLE_ORDER = "a.published IS NULL, a.published DESC, a.id"   # newest first (index articles_newest)
# Oldest first, then by article: read in index order (articles_oldest), each article's rows in
# key order, so a page of quotes or claims is read without sorting them all.
OLDEST_FIRST = "a.published IS NULL, a.published, a.id"
EVENT_ORDER = "e.date IS NULL, e.date, e.published, e.article_id, e.idx"   # index events_order


def number(value: Any) -> Any:
    """A float that is a whole number as an int (27.0 → 27); anything else unchanged."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def page(conn, select: str, count: str, params: list, limit: int, offset: int,
         convert: Callable[[sqlite3.Row], dict]) -> dict:
    """Run a count and a paged select that share ``params``; return the page envelope.

    Args:
        select: SQL ending just before ``LIMIT`` (the page is added here).
        count: SQL returning one row with the total.
        convert: turns one row into one item.
    """
    conn = connection(conn)
    total = conn.execute(count, params).fetchone()[0]
    rows = conn.execute(select + " LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall() if limit else []
    return {"total": total, "limit": limit, "offset": offset, "items": [convert(r) for r in rows]}


def actor_names(conn, ids: Iterable[str]) -> dict[str, str]:
    """Display names of the given actor ids (ids without a stored actor are left out)."""
    return {r[0]: r[1] for r in rows_in(connection(conn), "SELECT id, name FROM actors WHERE id IN ({ids})", ids)}


def article_info(conn, ids: Iterable[str]) -> dict[str, dict]:
    """Title, outlet, publication date and url of the given article ids."""
    return {r[0]: {"title": r[1], "outlet": r[2], "published": r[3], "url": r[4]} for r in rows_in(
        connection(conn), "SELECT id, title, outlet, published, url FROM articles WHERE id IN ({ids})", ids)}


def article_exists(conn, article_id: str) -> bool:
    """True when an article with this id is stored."""
    return connection(conn).execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


# -- articles -----------------------------------------------------------------
def _article_item(row: sqlite3.Row) -> dict:
    item = {k: row[k] for k in ("id", "title", "outlet", "author", "url", "published", "published_source")}
    item["length"] = row["length"]
    item["counts"] = {k: row[k] for k in ("actors", "events", "quotes", "claims")}
    return item


def list_articles(conn, q: str | None = None, outlet: str | None = None,
                  since: str | None = None, until: str | None = None,
                  limit: int = 50, offset: int = 0) -> dict:
    """Articles, newest first, optionally matching a full-text search.

    Args:
        q: words to find in title or text (made safe by ``fts_query``).
        outlet: exact outlet name (case-insensitive).
        since, until: publication date bounds.
    Returns:
        The page envelope; items carry metadata, length, record counts and,
        when searching, a ``snippet`` of the matching text.
    """
    conn = connection(conn)
    w = Where()
    match = fts_query(q)
    if q is not None and q.strip() and match is None:
        return {"total": 0, "limit": limit, "offset": offset, "items": []}
    w.add("a.id IN (SELECT article_id FROM article_search WHERE docid IN "
          "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))", match)
    w.add("a.outlet = ? COLLATE NOCASE", outlet)
    w.dates("a.published", since, until)
    try:
        total = conn.execute(f"SELECT count(*) FROM articles a WHERE {w.sql}", w.params).fetchone()[0]
        ids = [r[0] for r in conn.execute(
            f"SELECT a.id FROM articles a WHERE {w.sql} ORDER BY {ARTICLE_ORDER} LIMIT ? OFFSET ?",
            [*w.params, limit, offset])] if limit else []
        snippets = dict(rows_in(conn, "SELECT s.article_id, snippet(articles_fts, 2, '', '', '…', 20) "
                                      "FROM articles_fts JOIN article_search s ON s.docid = articles_fts.rowid "
                                      "WHERE articles_fts MATCH ? AND s.article_id IN ({ids})", ids,
                                first=[match])) if match else {}
    except sqlite3.OperationalError as exc:
        if not match:
            raise
        raise ParamError("q", f"cannot search for {q!r}: {exc}") from None
    counts = ", ".join(
        f"(SELECT count(*) FROM {t} WHERE article_id = a.id) AS {name}"
        for t, name in (("article_actors", "actors"), ("events", "events"), ("quotes", "quotes"),
                        ("claims", "claims")))
    rows = {r["id"]: r for r in rows_in(conn, (
        f"SELECT a.id, a.title, a.outlet, a.author, a.url, a.published, a.published_source, "
        f"length(a.text) AS length, {counts} FROM articles a WHERE a.id IN ({{ids}})"), ids)}
    items = [_article_item(rows[i]) for i in ids]
    if match:
        for item in items:
            item["snippet"] = snippets.get(item["id"])
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def get_article(conn, article_id: str) -> dict | None:
    """The full contract record of one article, or None."""
    text = article_json(conn, article_id)
    return json.loads(text) if text is not None else None


def article_json(conn, article_id: str) -> str | None:
    """The full contract record of one article as its stored JSON text, or None."""
    row = connection(conn).execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def outlets(conn) -> list[dict]:
    """Every outlet with its article count, most articles first."""
    conn = connection(conn)
    return [{"name": r[0], "articles": r[1]} for r in conn.execute(
        "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet "
        "ORDER BY count(*) DESC, outlet")]


# -- events -------------------------------------------------------------------
def _with_names(conn, result: dict, ids: Iterable[str]) -> dict:
    result["actor_names"] = actor_names(conn, ids)
    return result


def event_args_ids(events: Iterable[dict]) -> set[str]:
    """Every actor id among the sources and targets of ``events``."""
    return {arg.get("actor") for e in events for role in ("source", "target")
            for arg in e.get(role) or [] if arg.get("actor")}


def list_events(conn, flt: EventFilter, limit: int = 50, offset: int = 0) -> dict:
    """Events matching ``flt``, by event date (undated last).

    Returns:
        The page envelope; items are contract events plus ``article``, ``idx``,
        ``published``, ``outlet``, ``article_title`` and ``sentence_text``; ``actor_names`` maps the
        participants' ids to names.
    """
    where, params = flt.where("e")
    result = event_page(conn, where, params, limit, offset)
    return _with_names(conn, result, event_args_ids(result["items"]))


def event_page(conn, where: str, params: list, limit: int, offset: int) -> dict:
    """One page of events (``events AS e`` matching ``where``) in timeline order.

    The matching rows are counted and sorted on their keys alone; only the
    page's events are then read from the stored record JSON.
    """
    conn = connection(conn)
    total = conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]
    keys = conn.execute(f"SELECT e.article_id, e.idx, e.sentence_start, e.sentence_end FROM events e "
                        f"WHERE {where} ORDER BY {EVENT_ORDER} "
                        f"LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall() if limit else []
    articles = {r[0]: (json.loads(r[1] or "[]"), r[2], r[3], r[4], r[5]) for r in rows_in(
        conn, "SELECT id, json_extract(record, '$.events'), text, published, outlet, title FROM articles "
              "WHERE id IN ({ids})", {k[0] for k in keys})}   # SQLite's parser pulls out just the events
    items = []
    for article_id, idx, start, end in keys:
        events, text, published, outlet, title = articles[article_id]
        event = dict(events[idx]) if idx < len(events) else {}
        event.update(article=article_id, idx=idx, published=published, outlet=outlet, article_title=title,
                     sentence_text=text[start:end])
        items.append(event)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


# -- quotes -------------------------------------------------------------------
def quote_item(row: sqlite3.Row) -> dict:
    """One quotes-table row (joined with its article) as a contract quote plus location fields."""
    speaker = None
    if row["speaker_start"] is not None:
        speaker = {"start": row["speaker_start"], "end": row["speaker_end"], "text": row["speaker_text"],
                   "actor": row["speaker_actor"]}
    cue = None
    if row["cue_start"] is not None:
        cue = {"start": row["cue_start"], "end": row["cue_end"], "text": row["cue_text"]}
    return {"kind": row["kind"],
            "content": {"start": row["content_start"], "end": row["content_end"], "text": row["content_text"]},
            "speaker": speaker, "cue": cue, "article": row["article_id"], "idx": row["idx"],
            "published": row["published"], "outlet": row["outlet"], "article_title": row["title"]}


def list_quotes(conn, speaker: str | None = None, q: str | None = None,
                article: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    """Quotes, optionally by speaker actor id, content substring or article.

    Returns:
        The page envelope; ``actor_names`` maps speaker ids to names.
    """
    w = Where().add("qu.speaker_actor = ?", speaker).add("qu.article_id = ?", article)
    w.add("qu.content_text LIKE ? ESCAPE '\\'", like_pattern(q) if q else None)
    params = w.params
    base = f"FROM quotes qu JOIN articles a ON a.id = qu.article_id WHERE {w.sql}"
    select = (f"SELECT qu.*, a.published, a.outlet, a.title {base} "
              f"ORDER BY {OLDEST_FIRST}, qu.idx")
    result = page(conn, select, f"SELECT count(*) {base}", params, limit, offset, quote_item)
    return _with_names(conn, result, (i["speaker"]["actor"] for i in result["items"] if i["speaker"]))


def quote_speakers(conn, limit: int = 50) -> list[dict]:
    """Speakers with the most quotes: ``[{"actor", "name", "quotes", "articles"}]``."""
    conn = connection(conn)
    return [{"actor": r[0], "name": r[1] or r[0], "quotes": r[2], "articles": r[3]} for r in conn.execute(
        "SELECT qu.speaker_actor, ac.name, count(*), count(DISTINCT qu.article_id) FROM quotes qu "
        "LEFT JOIN actors ac ON ac.id = qu.speaker_actor WHERE qu.speaker_actor IS NOT NULL "
        "GROUP BY qu.speaker_actor ORDER BY count(*) DESC, qu.speaker_actor LIMIT ?", (limit,))]


# -- claims -------------------------------------------------------------------
def claim_item(row: sqlite3.Row) -> dict:
    """One claims-table row as a contract claim plus ``article``, ``idx`` and context."""
    attributed = None
    if row["attributed_text"] is not None:
        attributed = {"text": row["attributed_text"], "actor": row["attributed_actor"]}
    return {"measure": row["measure"], "value": number(row["value"]), "value_max": number(row["value_max"]),
            "qualifier": row["qualifier"], "about": row["about"], "attributed_to": attributed,
            "span": {"start": row["span_start"], "end": row["span_end"], "text": row["span_text"]},
            "event": row["event_idx"], "article": row["article_id"], "idx": row["idx"],
            "published": row["published"], "outlet": row["outlet"], "article_title": row["title"],
            "event_type": row["event_type"]}


def list_claims(conn, measure: str | None = None, article: str | None = None,
                limit: int = 50, offset: int = 0) -> dict:
    """Reported figures, optionally of one measure or one article."""
    w = Where().add("c.measure = ?", measure).add("c.article_id = ?", article)
    params = w.params
    base = f"FROM claims c JOIN articles a ON a.id = c.article_id WHERE {w.sql}"
    select = (f"SELECT c.*, a.published, a.outlet, a.title, (SELECT type FROM events e WHERE "
              f"e.article_id = c.article_id AND e.idx = c.event_idx) AS event_type {base} "
              f"ORDER BY {OLDEST_FIRST}, c.idx")
    return page(conn, select, f"SELECT count(*) {base}", params, limit, offset, claim_item)


# -- overview -----------------------------------------------------------------
def stats(conn) -> dict:
    """Counts for the dashboard header: records, outlets, publication date range.

    Counting every table grows with the store, so the answer is kept per
    connection until the database changes (``Store.cached``).
    """
    cached = getattr(conn, "cached", None)
    return cached("stats", lambda: _stats(conn)) if cached else _stats(conn)


def _stats(conn) -> dict:
    conn = connection(conn)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "actors", "events", "quotes", "claims", "timexes")}
    first, last = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
    types = {r[0]: r[1] for r in conn.execute("SELECT type, count(*) FROM events GROUP BY type")}
    return {"counts": counts, "published": {"first": first, "last": last}, "outlets": outlets(conn),
            "event_types": types}
