"""SQL of the cross-article link tables (migrations ``005_links`` and ``006_link_steps``).

Why here: the store owns every SQL statement. The link stage (``newsgraph.link``)
computes clusters and discrepancies on plain objects and hands this module
plain rows (dicts) or contract records; it never writes SQL itself. The web
server reads the timeline and discrepancies through ``read_entries`` /
``count_entries`` / ``read_discrepancies``: each is one indexed query over
rows precomputed at link time, never a rebuild of the clusters.

Linking is recorded as its own step: a trigger puts every article saved or
deleted into ``link_pending`` in the same transaction as the save, and the
link stage removes it only once the article's links are written, so a run
killed at any moment leaves the work to do in the store (``pending_ids``).
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from typing import Iterable, Optional

from newsgraph.records import Attribution, Discrepancy, EventMention, Report, Span, TimelineEntry

LINK_TABLES = ("link_mentions", "link_clusters", "link_cluster_actors", "link_claims", "link_discrepancies",
               "link_discrepancy_reports", "link_actor_aliases", "link_article_dates")


def has_tables(conn: sqlite3.Connection) -> bool:
    """True when the store has the link tables (it was opened writable by this newsgraph)."""
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return all(t in names for t in LINK_TABLES)


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return any(r[1] == column for r in conn.execute(f"PRAGMA table_info({table})"))


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    sql = (f"INSERT OR REPLACE INTO {table} ({', '.join(chr(34) + c + chr(34) for c in cols)}) "
           f"VALUES ({', '.join('?' for _ in cols)})")
    conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def _delete_articles(conn: sqlite3.Connection, table: str, article_ids: Iterable[str]) -> None:
    conn.executemany(f"DELETE FROM {table} WHERE article_id = ?", [(a,) for a in article_ids])


# -- the link step: which articles still wait for their links ----------------------
def pending_ids(conn: sqlite3.Connection) -> list[str]:
    """Articles saved (or deleted) since their links were last written, oldest first."""
    if not _has_table(conn, "link_pending"):
        return []
    return [r[0] for r in conn.execute("SELECT article_id FROM link_pending ORDER BY rowid")]


def mark_pending(conn: sqlite3.Connection, article_ids: Iterable[str]) -> None:
    """Queue articles for linking (saves queue themselves through a trigger)."""
    conn.executemany("INSERT OR IGNORE INTO link_pending (article_id) VALUES (?)", [(a,) for a in article_ids])


def mark_linked(conn: sqlite3.Connection, article_ids: Iterable[str]) -> None:
    """The links of these articles are written: take them off the queue."""
    conn.executemany("DELETE FROM link_pending WHERE article_id = ?", [(a,) for a in article_ids])


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() \
        is not None


# -- mentions and clusters -------------------------------------------------------
def read_mention_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every stored mention row (``link_mentions``)."""
    return conn.execute("SELECT * FROM link_mentions ORDER BY article_id, event_idx").fetchall()


def write_mention_rows(conn: sqlite3.Connection, drop_articles: Iterable[str], rows: Iterable[dict]) -> None:
    """Delete the mentions of ``drop_articles``, then insert or replace ``rows``."""
    _delete_articles(conn, "link_mentions", drop_articles)
    _insert(conn, "link_mentions", list(rows))


def cluster_of_mentions(conn: sqlite3.Connection) -> dict[tuple[str, int], str]:
    """``(article id, event index) -> cluster id`` of every clustered mention."""
    return {(r[0], r[1]): r[2] for r in conn.execute(
        "SELECT article_id, event_idx, cluster_id FROM link_mentions WHERE cluster_id != ''")}


def cluster_info(conn: sqlite3.Connection) -> dict[str, tuple[str, Optional[str]]]:
    """``cluster id -> (type, date)`` of every stored cluster."""
    return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, type, date FROM link_clusters")}


def entry_row(entry: TimelineEntry) -> dict:
    """The ``link_clusters`` row of an entry (its full contract JSON precomputed in ``record``)."""
    return {
        "id": entry.id, "type": entry.type, "date": entry.date, "date_end": entry.date_end,
        "status": entry.status, "location": json.dumps(entry.location) if entry.location else None,
        "source": json.dumps(entry.source), "target": json.dumps(entry.target),
        "articles": json.dumps(entry.articles), "mention_count": len(entry.mentions),
        "summary": entry.summary, "record": json.dumps(entry.to_dict(), ensure_ascii=False),
    }


def write_entries(conn: sqlite3.Connection, drop_ids: Iterable[str], entries: Iterable[TimelineEntry]) -> None:
    """Replace the stored clusters ``drop_ids`` by ``entries`` (timeline rows precomputed)."""
    entries = list(entries)
    conn.executemany("DELETE FROM link_clusters WHERE id = ?", [(c,) for c in drop_ids])
    conn.executemany("DELETE FROM link_clusters WHERE id = ?", [(e.id,) for e in entries])
    rows = [entry_row(e) for e in entries]
    if rows and not _has_column(conn, "link_clusters", "record"):
        rows = [{k: v for k, v in r.items() if k != "record"} for r in rows]
    _insert(conn, "link_clusters", rows)
    _insert(conn, "link_cluster_actors", [
        {"cluster_id": e.id, "actor_id": a, "role": role}
        for e in entries for role, ids in (("source", e.source), ("target", e.target)) for a in ids])


def _entry_filter(actor: Optional[str], type: Optional[str], since: Optional[str],
                  until: Optional[str]) -> tuple[str, list]:
    """WHERE clause of the timeline filters (same meaning as ``link.timeline.matches``)."""
    where, args = [], []
    if actor:
        where.append("id IN (SELECT cluster_id FROM link_cluster_actors WHERE actor_id = ?)")
        args.append(actor)
    if type:
        where.append("type = ?")
        args.append(type.upper())
    if since:
        # the entry's last date compared with ``since`` cut to its precision (2023-09 >= 2023-09-15)
        where.append("date IS NOT NULL AND coalesce(date_end, date) >= substr(?, 1, length(coalesce(date_end, date)))")
        args.append(since)
    if until:
        where.append("date IS NOT NULL AND substr(date, 1, length(?)) <= ?")
        args += [until, until]
    return (" WHERE " + " AND ".join(where)) if where else "", args


def count_entries(conn: sqlite3.Connection, actor: Optional[str] = None, type: Optional[str] = None,
                  since: Optional[str] = None, until: Optional[str] = None) -> int:
    """How many timeline entries pass the filters."""
    clause, args = _entry_filter(actor, type, since, until)
    return conn.execute(f"SELECT count(*) FROM link_clusters{clause}", args).fetchone()[0]


def read_entries(conn: sqlite3.Connection, actor: Optional[str] = None, type: Optional[str] = None,
                 since: Optional[str] = None, until: Optional[str] = None, limit: Optional[int] = None,
                 offset: int = 0) -> list[TimelineEntry]:
    """Stored timeline entries passing the filters, by date (undated last) then id.

    One query over the precomputed rows (``link_clusters.record``), with
    ``limit``/``offset`` applied by SQLite; older stores without that column
    are read the slow way (entries rebuilt from their mention rows).
    """
    clause, args = _entry_filter(actor, type, since, until)
    page = ""
    if limit is not None:
        page = " LIMIT ? OFFSET ?"
        args = args + [int(limit), int(offset)]
    elif offset:
        page = " LIMIT -1 OFFSET ?"
        args = args + [int(offset)]
    order = " ORDER BY date IS NULL, date, id"
    if _has_column(conn, "link_clusters", "record"):
        rows = conn.execute(f"SELECT id, record FROM link_clusters{clause}{order}{page}", args).fetchall()
        if all(r[1] for r in rows):
            return [entry_from_dict(json.loads(r[1])) for r in rows]
    rows = conn.execute(f"SELECT * FROM link_clusters{clause}{order}{page}", args).fetchall()
    return _entries_from_rows(conn, rows)


def entry_from_dict(data: dict) -> TimelineEntry:
    """A ``TimelineEntry`` (with typed mentions) from its JSON form."""
    entry = TimelineEntry.from_dict(data)
    entry.mentions = [EventMention(m["article"], m["event"], Span.from_dict(m["trigger"])) for m in data["mentions"]]
    return entry


def _entries_from_rows(conn: sqlite3.Connection, rows: list) -> list[TimelineEntry]:
    mentions: dict[str, list] = {}
    ids = [r["id"] for r in rows]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        for m in conn.execute(
                f"SELECT cluster_id, article_id, event_idx, trigger_start, trigger_end, trigger_text "
                f"FROM link_mentions WHERE cluster_id IN ({', '.join('?' for _ in part)}) AND event_idx >= 0 "
                f"ORDER BY article_id, event_idx", part):
            mentions.setdefault(m[0], []).append(EventMention(m[1], m[2], Span(m[3], m[4], m[5])))
    return [TimelineEntry(
        id=r["id"], type=r["type"], date=r["date"], date_end=r["date_end"],
        location=json.loads(r["location"]) if r["location"] else None,
        source=json.loads(r["source"]), target=json.loads(r["target"]),
        mentions=mentions.get(r["id"], []), articles=json.loads(r["articles"]),
        status=r["status"], summary=r["summary"]) for r in rows]


# -- claims and discrepancies ----------------------------------------------------
def read_fact_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every stored claim-fact row (``link_claims``)."""
    return conn.execute("SELECT * FROM link_claims ORDER BY article_id, claim_idx").fetchall()


def fact_articles(conn: sqlite3.Connection) -> set[str]:
    """Articles that have claim-fact rows."""
    return {r[0] for r in conn.execute("SELECT DISTINCT article_id FROM link_claims")}


def write_fact_rows(conn: sqlite3.Connection, drop_articles: Iterable[str], rows: Iterable[dict]) -> None:
    """Delete the claim facts of ``drop_articles``, then insert ``rows``."""
    _delete_articles(conn, "link_claims", drop_articles)
    _insert(conn, "link_claims", list(rows))


def write_discrepancies(conn: sqlite3.Connection, items: list[tuple[str, Discrepancy, Optional[str]]]) -> None:
    """Replace every stored discrepancy by ``(id, discrepancy, cluster id)`` items."""
    conn.execute("DELETE FROM link_discrepancies")
    conn.execute("DELETE FROM link_discrepancy_reports")
    _insert(conn, "link_discrepancies", [{
        "id": did, "measure": d.measure, "about": d.about, "date": d.date, "event_type": d.event_type,
        "kind": d.kind, "cluster_id": cid, "record": json.dumps(d.to_dict(), ensure_ascii=False),
    } for did, d, cid in items])
    _insert(conn, "link_discrepancy_reports", [
        {"discrepancy_id": did, "article_id": r.article, "claim_idx": r.claim} for did, d, _ in items for r in d.reports])


def read_discrepancies(conn: sqlite3.Connection, measure: Optional[str] = None) -> list[Discrepancy]:
    """Stored discrepancies, optionally of one measure, by measure then date."""
    sql, args = "SELECT record FROM link_discrepancies", []
    if measure:
        sql += " WHERE measure = ?"
        args.append(measure)
    sql += " ORDER BY measure, date IS NULL, date, id"
    return [discrepancy_from_dict(json.loads(r[0])) for r in conn.execute(sql, args)]


def discrepancy_from_dict(data: dict) -> Discrepancy:
    """A ``Discrepancy`` (with typed reports) from its JSON form."""
    d = Discrepancy.from_dict(data)
    reports = []
    for r in data.get("reports") or []:
        rep = Report.from_dict(r)
        rep.span = Span.from_dict(r["span"])
        rep.attributed_to = Attribution.from_dict(r["attributed_to"]) if r.get("attributed_to") else None
        reports.append(rep)
    d.reports = reports
    return d


# -- dates lent across articles ---------------------------------------------------
def dated_articles(conn: sqlite3.Connection) -> dict[str, str]:
    """Articles whose publication date the link stage inferred: ``id -> that date``."""
    return dict(conn.execute("SELECT article_id, published FROM link_article_dates").fetchall())


def record_date(conn: sqlite3.Connection, article_id: str, published: str, previous: Optional[str],
                previous_source: Optional[str], cluster_id: Optional[str], evidence: dict) -> None:
    """Remember why an article got its publication date."""
    _insert(conn, "link_article_dates", [{
        "article_id": article_id, "published": published, "previous": previous,
        "previous_source": previous_source, "cluster_id": cluster_id,
        "evidence": json.dumps(evidence, ensure_ascii=False)}])


def clear(conn: sqlite3.Connection, keep_aliases: bool = True) -> None:
    """Delete every computed link (aliases and lent dates are kept: they are provenance)."""
    for table in ("link_mentions", "link_cluster_actors", "link_clusters", "link_claims",
                  "link_discrepancy_reports", "link_discrepancies"):
        conn.execute(f"DELETE FROM {table}")
    if not keep_aliases:
        conn.execute("DELETE FROM link_actor_aliases")


# -- person ids across articles (``link.actors``) ----------------------------------
def person_count(conn: sqlite3.Connection) -> int:
    """Rows of ``article_actors`` (a cheap change marker for the person cache)."""
    return conn.execute("SELECT count(*) FROM article_actors").fetchone()[0]


def stored_persons(conn: sqlite3.Connection) -> list[tuple[str, str, Optional[str]]]:
    """``(id, name, country)`` of every person some stored article names."""
    return [tuple(r) for r in conn.execute(
        "SELECT a.id, a.name, a.country FROM actors a WHERE a.kind = 'person' "
        "AND EXISTS (SELECT 1 FROM article_actors aa WHERE aa.actor_id = a.id)")]


def alias_of(conn: sqlite3.Connection, alias_id: str) -> Optional[str]:
    """The stored actor id an alias id was mapped to, or None (also on a store without the table)."""
    try:
        row = conn.execute("SELECT actor_id FROM link_actor_aliases WHERE alias_id = ?", (alias_id,)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def used_elsewhere(conn: sqlite3.Connection, actor_id: str, article_id: Optional[str]) -> bool:
    """True when another stored article names ``actor_id``."""
    return conn.execute("SELECT 1 FROM article_actors WHERE actor_id = ? AND article_id != ? LIMIT 1",
                        (actor_id, article_id or "")).fetchone() is not None


def save_alias(conn: sqlite3.Connection, alias_id: str, actor_id: str, name: str, article_id: str,
               method: str, score: float) -> None:
    """Record that ``alias_id`` is ``actor_id`` (the first record wins)."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    try:
        conn.execute(
            "INSERT INTO link_actor_aliases (alias_id, actor_id, name, article_id, method, score, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(alias_id) DO NOTHING",
            (alias_id, actor_id, name, article_id, method, score, now))
    except sqlite3.Error:  # a store without the link tables (never migrated)
        pass


def aliases(conn: sqlite3.Connection) -> dict[str, str]:
    """Every recorded alias: ``alias id -> stored actor id``."""
    try:
        return dict(conn.execute("SELECT alias_id, actor_id FROM link_actor_aliases").fetchall())
    except sqlite3.Error:
        return {}
