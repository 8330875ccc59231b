"""Read and write the link stage's tables (migration ``005_links``).

Why a separate module: the SQL lives in one place, so the clustering and
discrepancy code works on plain objects and can also run in memory over a
read-only store that never had the link tables.
"""
from __future__ import annotations

import json
from typing import Iterable, Optional

from newsgraph.records import Attribution, Discrepancy, EventMention, Report, Span, TimelineEntry
from newsgraph.link import claim_facts
from newsgraph.link import features

LINK_TABLES = ("link_mentions", "link_clusters", "link_cluster_actors", "link_claims", "link_discrepancies",
               "link_discrepancy_reports", "link_actor_aliases", "link_article_dates")


def has_tables(conn) -> bool:
    """True when the store has the link tables (it was opened writable by this newsgraph)."""
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return all(t in names for t in LINK_TABLES)


def _insert(conn, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    sql = (f"INSERT OR REPLACE INTO {table} ({', '.join(chr(34) + c + chr(34) for c in cols)}) "
           f"VALUES ({', '.join('?' for _ in cols)})")
    conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def _delete_articles(conn, table: str, article_ids: Iterable[str]) -> None:
    conn.executemany(f"DELETE FROM {table} WHERE article_id = ?", [(a,) for a in article_ids])


# -- mentions and clusters -------------------------------------------------------
def read_mentions(conn) -> list[features.Mention]:
    """Every stored mention."""
    return [features.from_row(r) for r in conn.execute("SELECT * FROM link_mentions ORDER BY article_id, event_idx")]


def write_mentions(conn, drop_articles: Iterable[str], mentions: Iterable[features.Mention]) -> None:
    """Delete the mentions of ``drop_articles``, then insert or replace ``mentions``."""
    _delete_articles(conn, "link_mentions", drop_articles)
    _insert(conn, "link_mentions", [features.to_row(m) for m in mentions])


def write_entries(conn, drop_ids: Iterable[str], entries: Iterable[TimelineEntry]) -> None:
    """Replace the stored clusters ``drop_ids`` by ``entries``."""
    from newsgraph.link.timeline import entry_row
    conn.executemany("DELETE FROM link_clusters WHERE id = ?", [(c,) for c in drop_ids])
    entries = list(entries)
    conn.executemany("DELETE FROM link_clusters WHERE id = ?", [(e.id,) for e in entries])
    _insert(conn, "link_clusters", [entry_row(e) for e in entries])
    _insert(conn, "link_cluster_actors", [
        {"cluster_id": e.id, "actor_id": a, "role": role}
        for e in entries for role, ids in (("source", e.source), ("target", e.target)) for a in ids])


def read_entries(conn, actor: Optional[str] = None, type: Optional[str] = None) -> list[TimelineEntry]:
    """Stored timeline entries (optionally only those with ``actor`` or of ``type``)."""
    sql, args = "SELECT * FROM link_clusters", []
    where = []
    if actor:
        where.append("id IN (SELECT cluster_id FROM link_cluster_actors WHERE actor_id = ?)")
        args.append(actor)
    if type:
        where.append("type = ?")
        args.append(type.upper())
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = conn.execute(sql, args).fetchall()
    mentions: dict[str, list] = {}
    ids = [r["id"] for r in rows]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        for m in conn.execute(
                f"SELECT cluster_id, article_id, event_idx, trigger_start, trigger_end, trigger_text "
                f"FROM link_mentions WHERE cluster_id IN ({', '.join('?' for _ in part)}) "
                f"ORDER BY article_id, event_idx", part):
            mentions.setdefault(m[0], []).append(
                EventMention(m[1], m[2], Span(m[3], m[4], m[5])))
    return [TimelineEntry(
        id=r["id"], type=r["type"], date=r["date"], date_end=r["date_end"],
        location=json.loads(r["location"]) if r["location"] else None,
        source=json.loads(r["source"]), target=json.loads(r["target"]),
        mentions=mentions.get(r["id"], []), articles=json.loads(r["articles"]),
        status=r["status"], summary=r["summary"]) for r in rows]


# -- claims and discrepancies ----------------------------------------------------
def read_facts(conn) -> list[claim_facts.ClaimFact]:
    """Every stored claim fact."""
    return [claim_facts.from_row(r) for r in conn.execute("SELECT * FROM link_claims ORDER BY article_id, claim_idx")]


def write_facts(conn, drop_articles: Iterable[str], facts: Iterable[claim_facts.ClaimFact]) -> None:
    """Delete the claim facts of ``drop_articles``, then insert ``facts``."""
    _delete_articles(conn, "link_claims", drop_articles)
    _insert(conn, "link_claims", [claim_facts.to_row(f) for f in facts])


def write_discrepancies(conn, items: list[tuple[str, Discrepancy, Optional[str]]]) -> None:
    """Replace every stored discrepancy by ``(id, discrepancy, cluster id)`` items."""
    conn.execute("DELETE FROM link_discrepancies")
    conn.execute("DELETE FROM link_discrepancy_reports")
    _insert(conn, "link_discrepancies", [{
        "id": did, "measure": d.measure, "about": d.about, "date": d.date, "event_type": d.event_type,
        "kind": d.kind, "cluster_id": cid, "record": json.dumps(d.to_dict(), ensure_ascii=False),
    } for did, d, cid in items])
    _insert(conn, "link_discrepancy_reports", [
        {"discrepancy_id": did, "article_id": r.article, "claim_idx": r.claim} for did, d, _ in items for r in d.reports])


def read_discrepancies(conn, measure: Optional[str] = None) -> list[Discrepancy]:
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
def dated_articles(conn) -> dict[str, str]:
    """Articles whose publication date the link stage inferred: ``id -> that date``."""
    return dict(conn.execute("SELECT article_id, published FROM link_article_dates").fetchall())


def record_date(conn, article_id: str, published: str, previous: Optional[str], previous_source: Optional[str],
                cluster_id: Optional[str], evidence: dict) -> None:
    """Remember why an article got its publication date."""
    _insert(conn, "link_article_dates", [{
        "article_id": article_id, "published": published, "previous": previous,
        "previous_source": previous_source, "cluster_id": cluster_id,
        "evidence": json.dumps(evidence, ensure_ascii=False)}])


def clear(conn, keep_aliases: bool = True) -> None:
    """Delete every computed link (aliases and lent dates are kept: they are provenance)."""
    for table in ("link_mentions", "link_cluster_actors", "link_clusters", "link_claims",
                  "link_discrepancy_reports", "link_discrepancies"):
        conn.execute(f"DELETE FROM {table}")
    if not keep_aliases:
        conn.execute("DELETE FROM link_actor_aliases")
