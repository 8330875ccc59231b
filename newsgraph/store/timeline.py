"""Read queries over the link stage's tables: timeline pages, discrepancy pages, mention context.

Why here: the link stage writes one row per event cluster (``link_clusters``,
with its actors and mentions) when it runs, so the timeline served to the web
API and the CLI is a paged, indexed read, never a re-clustering per request.
The filters mean what ``newsgraph.link.timeline`` means: an actor as source
or target, a PLOVER type, and dates compared as prefixes (``since`` against
the last day of an entry, ``until`` against its first; undated entries never
pass a date filter).
"""
from __future__ import annotations

import json
from typing import Iterable, Optional

from newsgraph.store.filters import Where
from newsgraph.store.queries import actor_names, article_info
from newsgraph.store.sql import connection, rows_in

LINK_TABLES = ("link_mentions", "link_clusters", "link_cluster_actors", "link_discrepancies")
TIMELINE_ORDER = "c.date IS NULL, c.date, c.id"   # index link_clusters_order


def has_link_tables(conn) -> bool:
    """True when the store holds the link stage's tables (any store this newsgraph wrote)."""
    names = {r[0] for r in connection(conn).execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return all(t in names for t in LINK_TABLES)


def _timeline_where(actor: Optional[str], type: Optional[str], since: Optional[str],
                    until: Optional[str]) -> Where:
    w = Where().add("c.id IN (SELECT cluster_id FROM link_cluster_actors WHERE actor_id = ?)", actor)
    w.add("c.type = ?", type.upper() if type else None)
    return w.dates("c.date", since, until, end_column="coalesce(c.date_end, c.date)")


def _entry(row, mentions: list[dict]) -> dict:
    """A ``link_clusters`` row as a contract timeline entry (``TimelineEntry.to_dict`` shape).

    The link stage stores each entry's full JSON (``record``: with the evidence
    of each merge and the past events it refers to); rows of older stores are
    rebuilt from their columns.
    """
    if "record" in row.keys() and row["record"]:
        return json.loads(row["record"])
    return {"id": row["id"], "type": row["type"], "date": row["date"], "date_end": row["date_end"],
            "location": json.loads(row["location"]) if row["location"] else None,
            "source": json.loads(row["source"]), "target": json.loads(row["target"]),
            "mentions": mentions, "articles": json.loads(row["articles"]), "status": row["status"],
            "summary": row["summary"]}


def timeline_page(conn, actor: Optional[str] = None, type: Optional[str] = None, since: Optional[str] = None,
                  until: Optional[str] = None, limit: int = 50, offset: int = 0) -> dict:
    """One page of timeline entries, by date (undated last), with what the dashboard shows beside them.

    Returns:
        ``{"total", "limit", "offset", "items", "actor_names", "articles"}``;
        each item is a contract timeline entry plus ``sentence_text`` and
        ``trigger_at`` (the sentence of its first mention and where the
        trigger starts in it).
    """
    conn = connection(conn)
    w = _timeline_where(actor, type, since, until)
    total = conn.execute(f"SELECT count(*) FROM link_clusters c WHERE {w.sql}", w.params).fetchone()[0]
    rows = conn.execute(f"SELECT c.* FROM link_clusters c WHERE {w.sql} ORDER BY {TIMELINE_ORDER} "
                        f"LIMIT ? OFFSET ?", [*w.params, limit, offset]).fetchall() if limit else []
    mentions = cluster_mentions(conn, [r["id"] for r in rows])
    items = [_entry(r, mentions.get(r["id"], [])) for r in rows]
    add_excerpts(conn, items)
    ids = {a for e in items for role in ("source", "target") for a in e[role] or []}
    return {"total": total, "limit": limit, "offset": offset, "items": items,
            "actor_names": actor_names(conn, ids),
            "articles": article_info(conn, {a for e in items for a in e["articles"] or []})}


def cluster_mentions(conn, cluster_ids: Iterable[str]) -> dict[str, list[dict]]:
    """``cluster id -> [{"article", "event", "trigger"}]`` (by article, then event index).

    Only event mentions: named references and quotes (negative indices) are not events.
    """
    found: dict[str, list[dict]] = {}
    sql = ("SELECT cluster_id, article_id, event_idx, trigger_start, trigger_end, trigger_text "
           "FROM link_mentions WHERE cluster_id IN ({ids}) AND event_idx >= 0")
    for m in rows_in(connection(conn), sql, cluster_ids):
        found.setdefault(m[0], []).append(
            {"article": m[1], "event": m[2], "trigger": {"start": m[3], "end": m[4], "text": m[5]}})
    for items in found.values():
        items.sort(key=lambda m: (m["article"], m["event"]))
    return found


def add_excerpts(conn, entries: list[dict]) -> None:
    """``add_excerpt`` for a whole page, in two queries (the events, then their articles' text)."""
    firsts = {(e["mentions"][0]["article"], e["mentions"][0]["event"]) for e in entries if e.get("mentions")}
    spans = {(r[0], r[1]): (r[2], r[3], r[4]) for r in rows_in(
        connection(conn), "SELECT article_id, idx, sentence_start, sentence_end, trigger_start FROM events "
                          "WHERE article_id IN ({ids})", {a for a, _ in firsts}) if (r[0], r[1]) in firsts}
    texts = {r[0]: r[1] for r in rows_in(connection(conn), "SELECT id, text FROM articles WHERE id IN ({ids})",
                                         {a for a, _ in spans})}
    for entry in entries:
        if not entry.get("mentions") or "sentence_text" in entry:
            continue
        first = entry["mentions"][0]
        span = spans.get((first["article"], first["event"]))
        if span and first["article"] in texts:
            entry["sentence_text"] = texts[first["article"]][span[0]:span[1]]
            entry["trigger_at"] = span[2] - span[0]


def add_excerpt(conn, entry: dict) -> None:
    """Give a timeline entry the sentence of its first mention (``sentence_text``, ``trigger_at``)."""
    mentions = entry.get("mentions") or []
    if not mentions or "sentence_text" in entry:
        return
    row = connection(conn).execute(
        "SELECT substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), "
        "e.trigger_start - e.sentence_start FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.article_id = ? AND e.idx = ?", (mentions[0].get("article"), mentions[0].get("event"))).fetchone()
    if row:
        entry["sentence_text"], entry["trigger_at"] = row[0], row[1]


def discrepancy_page(conn, measure: Optional[str] = None, limit: int = 50, offset: int = 0) -> dict:
    """One page of stored discrepancies (by measure, then date), with the reports' article info.

    Returns:
        ``{"total", "limit", "offset", "items", "articles"}``; a report
        without an outlet gets its article's.
    """
    result = json.loads(discrepancy_page_json(conn, measure, limit, offset))
    return result


def discrepancy_page_json(conn, measure: Optional[str] = None, limit: int = 50, offset: int = 0) -> str:
    """``discrepancy_page`` as JSON text, built from the stored JSON without decoding it again.

    Why: a page of 50 discrepancies is ~250 kB; decoding and re-encoding it
    was most of the request's time. Only a record with a report lacking its
    outlet is decoded (to fill it in).
    """
    conn = connection(conn)
    w = Where().add("measure = ?", measure)
    total = conn.execute(f"SELECT count(*) FROM link_discrepancies WHERE {w.sql}", w.params).fetchone()[0]
    rows = conn.execute(f"SELECT id, record FROM link_discrepancies WHERE {w.sql} "
                        f"ORDER BY measure, date IS NULL, date, id LIMIT ? OFFSET ?",
                        [*w.params, limit, offset]).fetchall() if limit else []
    reporting = {r[0] for r in rows_in(conn, "SELECT article_id FROM link_discrepancy_reports "
                                             "WHERE discrepancy_id IN ({ids})", [r[0] for r in rows])}
    info = article_info(conn, reporting)
    items = []
    for _, record in rows:
        if '"outlet": null' in record or '"outlet"' not in record:
            data = json.loads(record)
            info.update(article_info(conn, {r.get("article") for r in data.get("reports") or []} - set(info)))
            for report in data.get("reports") or []:
                if not report.get("outlet") and report.get("article") in info:
                    report["outlet"] = info[report["article"]]["outlet"]
            record = json.dumps(data, ensure_ascii=False)
        items.append(record)
    return (f'{{"total": {total}, "limit": {limit}, "offset": {offset}, "items": [{", ".join(items)}], '
            f'"articles": {json.dumps(info, ensure_ascii=False)}}}')


def with_report_articles(conn, result: dict) -> dict:
    """Add ``articles`` (info on every reporting article) and fill reports' missing outlets."""
    info = article_info(conn, {r.get("article") for d in result["items"] for r in d.get("reports") or []})
    for item in result["items"]:
        for report in item.get("reports") or []:
            if not report.get("outlet") and report.get("article") in info:
                report["outlet"] = info[report["article"]]["outlet"]
    result["articles"] = info
    return result


def mention_context(conn, article_ids: Iterable[str]) -> tuple[dict[str, dict], dict[tuple, tuple]]:
    """For the CLI timeline: ``article -> {outlet, published, text}`` and ``(article, event) -> sentence``."""
    conn = connection(conn)
    articles = {r[0]: {"outlet": r[1], "published": r[2], "text": r[3]} for r in rows_in(
        conn, "SELECT id, outlet, published, text FROM articles WHERE id IN ({ids})", article_ids)}
    sentences = {(r[0], r[1]): (r[2], r[3]) for r in rows_in(
        conn, "SELECT article_id, idx, sentence_start, sentence_end FROM events WHERE article_id IN ({ids})",
        articles)}
    return articles, sentences
