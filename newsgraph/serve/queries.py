"""Read queries behind the web API: articles, events, quotes, claims, stats.

Each function takes an open SQLite connection (rows as ``sqlite3.Row``) and
already-validated filters (see ``filters``), binds every value as a
parameter, and returns plain JSON-ready dicts in the record contract's
shapes. Lists come back as one page: ``{"total", "limit", "offset",
"items"}``. Events are read from the stored record JSON, so an event in the
API is byte-for-byte the event of ``newsgraph extract``.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Callable, Iterable

from newsgraph.serve.filters import EventFilter, ParamError, fts_query, like_pattern, since_sql, until_sql

EVENT_ORDER = "e.date IS NULL, e.date, a.published, e.article_id, e.idx"
# The columns ``event_item`` reads, for ``events AS e JOIN articles AS a``.
EVENT_COLUMNS = ("e.article_id, e.idx, a.published, a.outlet, a.title, "
                 "json_extract(a.record, '$.events[' || e.idx || ']') AS data, "
                 "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence_text")


def number(value: Any) -> Any:
    """A float that is a whole number as an int (27.0 → 27); anything else unchanged."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def page(conn: sqlite3.Connection, select: str, count: str, params: list, limit: int, offset: int,
         convert: Callable[[sqlite3.Row], dict]) -> dict:
    """Run a count and a paged select that share ``params``; return the page envelope.

    Args:
        select: SQL ending just before ``LIMIT`` (the page is added here).
        count: SQL returning one row with the total.
        convert: turns one row into one item.
    """
    total = conn.execute(count, params).fetchone()[0]
    rows = conn.execute(select + " LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall() if limit else []
    return {"total": total, "limit": limit, "offset": offset, "items": [convert(r) for r in rows]}


def actor_names(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
    """Display names of the given actor ids (ids without a stored actor are left out)."""
    wanted = sorted({i for i in ids if i})
    names: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        names.update((r[0], r[1]) for r in conn.execute(
            f"SELECT id, name FROM actors WHERE id IN ({marks})", chunk))
    return names


# -- articles -----------------------------------------------------------------
def _article_item(row: sqlite3.Row) -> dict:
    item = {k: row[k] for k in ("id", "title", "outlet", "author", "url", "published", "published_source")}
    item["length"] = row["length"]
    item["counts"] = {k: row[k] for k in ("actors", "events", "quotes", "claims")}
    if "snippet" in row.keys():
        item["snippet"] = row["snippet"]
    return item


def list_articles(conn: sqlite3.Connection, q: str | None = None, outlet: str | None = None,
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
    clauses, params, snippet = ["1"], [], ""
    match = fts_query(q)
    if q is not None and q.strip() and match is None:
        return {"total": 0, "limit": limit, "offset": offset, "items": []}
    if match:
        clauses.append("a.id IN (SELECT id FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(match)
        snippet = (", (SELECT snippet(articles_fts, 2, '', '', '…', 20) FROM articles_fts "
                   "WHERE articles_fts MATCH ? AND articles_fts.id = a.id LIMIT 1) AS snippet")
    if outlet:
        clauses.append("a.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if since:
        clauses.append(since_sql("a.published"))
        params.append(since)
    if until:
        clauses.append(until_sql("a.published"))
        params += [until, until]
    where = " AND ".join(clauses)
    counts = ", ".join(
        f"(SELECT count(*) FROM {t} WHERE article_id = a.id) AS {name}"
        for t, name in (("article_actors", "actors"), ("events", "events"), ("quotes", "quotes"),
                        ("claims", "claims")))
    select = (f"SELECT a.id, a.title, a.outlet, a.author, a.url, a.published, a.published_source, "
              f"length(a.text) AS length, {counts}{snippet} FROM articles a WHERE {where} "
              f"ORDER BY a.published IS NULL, a.published DESC, a.id")
    select_params = ([match] if match else []) + params
    try:
        total = conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0]
        rows = conn.execute(select + " LIMIT ? OFFSET ?", [*select_params, limit, offset]).fetchall() if limit else []
    except sqlite3.OperationalError as exc:
        if not match:
            raise
        raise ParamError("q", f"cannot search for {q!r}: {exc}") from None
    return {"total": total, "limit": limit, "offset": offset, "items": [_article_item(r) for r in rows]}


def get_article(conn: sqlite3.Connection, article_id: str) -> dict | None:
    """The full contract record of one article, or None."""
    row = conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
    return json.loads(row[0]) if row else None


def outlets(conn: sqlite3.Connection) -> list[dict]:
    """Every outlet with its article count, most articles first."""
    return [{"name": r[0], "articles": r[1]} for r in conn.execute(
        "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet "
        "ORDER BY count(*) DESC, outlet")]


# -- events -------------------------------------------------------------------
def event_item(row: sqlite3.Row) -> dict:
    event = json.loads(row["data"]) if row["data"] else {}
    event.update(article=row["article_id"], idx=row["idx"], published=row["published"],
                 outlet=row["outlet"], article_title=row["title"], sentence_text=row["sentence_text"])
    return event


def _with_names(conn: sqlite3.Connection, result: dict, ids: Iterable[str]) -> dict:
    result["actor_names"] = actor_names(conn, ids)
    return result


def event_args_ids(events: Iterable[dict]) -> set[str]:
    """Every actor id among the sources and targets of ``events``."""
    return {arg.get("actor") for e in events for role in ("source", "target")
            for arg in e.get(role) or [] if arg.get("actor")}


def list_events(conn: sqlite3.Connection, flt: EventFilter, limit: int = 50, offset: int = 0) -> dict:
    """Events matching ``flt``, by event date (undated last).

    Returns:
        The page envelope; items are contract events plus ``article``, ``idx``,
        ``published``, ``outlet``, ``article_title`` and ``sentence_text``; ``actor_names`` maps the
        participants' ids to names.
    """
    where, params = flt.where("e")
    base = f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {where}"
    select = f"SELECT {EVENT_COLUMNS} {base} ORDER BY {EVENT_ORDER}"
    result = page(conn, select, f"SELECT count(*) {base}", params, limit, offset, event_item)
    return _with_names(conn, result, event_args_ids(result["items"]))


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


def list_quotes(conn: sqlite3.Connection, speaker: str | None = None, q: str | None = None,
                article: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    """Quotes, optionally by speaker actor id, content substring or article.

    Returns:
        The page envelope; ``actor_names`` maps speaker ids to names.
    """
    clauses, params = ["1"], []
    if speaker:
        clauses.append("qu.speaker_actor = ?")
        params.append(speaker)
    if q:
        clauses.append("qu.content_text LIKE ? ESCAPE '\\'")
        params.append(like_pattern(q))
    if article:
        clauses.append("qu.article_id = ?")
        params.append(article)
    base = f"FROM quotes qu JOIN articles a ON a.id = qu.article_id WHERE {' AND '.join(clauses)}"
    select = (f"SELECT qu.*, a.published, a.outlet, a.title {base} "
              f"ORDER BY a.published IS NULL, a.published, qu.article_id, qu.idx")
    result = page(conn, select, f"SELECT count(*) {base}", params, limit, offset, quote_item)
    return _with_names(conn, result, (i["speaker"]["actor"] for i in result["items"] if i["speaker"]))


def quote_speakers(conn: sqlite3.Connection, limit: int = 50) -> list[dict]:
    """Speakers with the most quotes: ``[{"actor", "name", "quotes", "articles"}]``."""
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


def list_claims(conn: sqlite3.Connection, measure: str | None = None, article: str | None = None,
                limit: int = 50, offset: int = 0) -> dict:
    """Reported figures, optionally of one measure or one article."""
    clauses, params = ["1"], []
    if measure:
        clauses.append("c.measure = ?")
        params.append(measure)
    if article:
        clauses.append("c.article_id = ?")
        params.append(article)
    base = f"FROM claims c JOIN articles a ON a.id = c.article_id WHERE {' AND '.join(clauses)}"
    select = (f"SELECT c.*, a.published, a.outlet, a.title, (SELECT type FROM events e WHERE "
              f"e.article_id = c.article_id AND e.idx = c.event_idx) AS event_type {base} "
              f"ORDER BY a.published IS NULL, a.published, c.article_id, c.idx")
    return page(conn, select, f"SELECT count(*) {base}", params, limit, offset, claim_item)


# -- overview -----------------------------------------------------------------
def stats(conn: sqlite3.Connection) -> dict:
    """Counts for the dashboard header: records, outlets, publication date range."""
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "actors", "events", "quotes", "claims", "timexes")}
    first, last = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
    types = {r[0]: r[1] for r in conn.execute("SELECT type, count(*) FROM events GROUP BY type")}
    return {"counts": counts, "published": {"first": first, "last": last}, "outlets": outlets(conn),
            "event_types": types}
