"""Keep the store's cross-article links up to date: on ingest, or rebuilt.

Why this module exists: linking must follow the store as articles arrive,
change or go, without redoing everything each time. ``update_links`` takes
the ids just saved and:

1. harmonises their person ids with stored ones (``actors``);
2. dissolves the clusters their old mentions (or deleted articles') were
   in, and clusters the new mentions and the dissolved clusters' mentions
   against everything else (``clusters``), writing only what changed;
3. lends publication dates to undated articles whose events another article
   dates (``dates.infer_published``), re-extracting those articles with the
   new anchor so their relative dates and event dates are re-read, then
   links them again;
4. recomputes claim facts of the new articles and every discrepancy.

``rebuild_links`` clears the computed links and runs the same steps over
every stored article in store order, so both paths give the same clusters.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Optional

from newsgraph.knowledge import data_path
from newsgraph.knowledge.loader import read_yaml
from newsgraph.records import ArticleRecord
from newsgraph.store import links as tables
from newsgraph.link.actors import harmonise_actors
from newsgraph.link import claim_facts, features
from newsgraph.link.claim_facts import facts_of
from newsgraph.link.clusters import Clusterer, canonical_order, pair_score
from newsgraph.link.dates import infer_published
from newsgraph.link.discrepancies import discrepancy_id, find_discrepancies
from newsgraph.link.features import Mention, mentions_of
from newsgraph.link.lexicon import LinkLexicon, load_lexicon
from newsgraph.link.timeline import build_entry

log = logging.getLogger(__name__)
Reextract = Callable[[ArticleRecord], ArticleRecord]


@dataclass
class LinkReport:
    """What one linking run did (for the CLI and tests)."""

    articles: int = 0
    mentions: int = 0
    clusters_written: int = 0
    clusters_removed: int = 0
    discrepancies: int = 0
    dated: list[tuple[str, str]] = field(default_factory=list)   # (article id, published) lent across articles
    renamed: int = 0                                # articles whose person ids were harmonised


def _claim_event_types() -> dict[str, set[str]]:
    """Which event types a measure's figure may hang on (``event_types`` of ``claims.yaml``)."""
    data = read_yaml(data_path("claims.yaml"))
    return {k: set((v or {}).get("types") or []) for k, v in (data.get("event_types") or {}).items()}


def _person_ids(record: ArticleRecord) -> list[str]:
    return [a.id for a in record.actors]


def update_links(store, article_ids: Iterable[str], *, lexicon_path: Optional[str] = None,
                 reextract: Optional[Reextract] = None, infer_dates: bool = True) -> LinkReport:
    """Link newly saved (or changed, or deleted) articles into the store's clusters.

    Args:
        store: an open, writable ``Store``.
        article_ids: ids just saved, replaced or deleted.
        lexicon_path: a YAML file extending ``link/link.yaml``.
        reextract: turns a record with a new ``published`` into a freshly
            extracted record (the CLI passes the full pipeline's
            ``Extractor.extract_one``); without it no date is lent, since a
            lent date is only useful with its relative dates re-read.
        infer_dates: lend publication dates across articles (step 3).
    Returns:
        A ``LinkReport``.
    """
    lex = load_lexicon(lexicon_path)
    report = LinkReport()
    conn = store.conn
    wanted = list(dict.fromkeys(article_ids))
    records: dict[str, ArticleRecord] = {}
    for aid in wanted:
        record = store.get(aid)
        if record is None:
            continue
        before = _person_ids(record)
        harmonise_actors(record, store)
        if _person_ids(record) != before:
            store.save(record, store.stored_hash(aid))
            report.renamed += 1
        records[aid] = record
    report.articles = len(records)

    clusterer, touched = _cluster(store, lex, wanted, records, report)
    redone: set[str] = set()
    if infer_dates and reextract is not None:
        report.dated = _lend_dates(store, lex, clusterer, touched, reextract)
        redone = {aid for aid, _ in report.dated}
        if redone:  # their dates changed: link them again (facts and discrepancies included)
            again = update_links(store, sorted(redone), lexicon_path=lexicon_path, infer_dates=False)
            report.clusters_written += again.clusters_written
            report.clusters_removed += again.clusters_removed
    _update_facts(store, lex, [a for a in wanted if a not in redone])
    report.discrepancies = _recompute_discrepancies(store, lex)
    with store.transaction():   # done: a rerun after a kill before this line redoes these articles
        tables.mark_linked(conn, set(wanted) | redone)
    return report


def finish_pending(store, *, lexicon_path: Optional[str] = None, reextract: Optional[Reextract] = None,
                   infer_dates: bool = True) -> LinkReport:
    """Link every article still waiting for its links; the entry point ``ingest`` calls.

    Why: linking is its own recorded step. Each save or delete queues the
    article in the store (``store.links.pending_ids``, in the save's own
    transaction) and ``update_links`` takes it off only once its clusters,
    lent date, claim facts and the discrepancies are written. So after a
    kill or Ctrl-C, during extraction or during linking, the next ``ingest``
    (even one that finds every input unchanged) or ``link`` finishes the
    work, and running it again changes nothing.

    Returns:
        A ``LinkReport`` (all zeros when nothing was pending).
    """
    ids = tables.pending_ids(store.conn)
    if not ids:
        return LinkReport()
    return update_links(store, ids, lexicon_path=lexicon_path, reextract=reextract, infer_dates=infer_dates)


def _cluster(store, lex: LinkLexicon, wanted: list[str], records: dict, report: LinkReport):
    """Step 2: re-cluster around the new articles; write what changed."""
    conn = store.conn
    stored_ids = set(store.ids())
    rows = [features.from_row(r) for r in tables.read_mention_rows(conn)]
    stale = set(wanted) | {m.article for m in rows if m.article not in stored_ids}
    affected = {m.cluster for m in rows if m.article in stale and m.cluster}
    new = [m for rec in records.values() for m in mentions_of(rec, lex)]
    report.mentions = len(new)
    # the clusters the new mentions match are redone with them, firm dates first,
    # so the result does not hang on which article came first
    clusterer = Clusterer(lex)
    clusterer.load([m for m in rows if m.article not in stale])
    for m in new:
        affected |= {clusterer.mentions[k].cluster for k in clusterer.matches(m) if clusterer.mentions[k].cluster}
    readd = [m for m in rows if m.article not in stale and m.cluster and m.cluster in affected]
    clusterer.detach(m.key for m in readd)
    old_cluster = {m.key: m.cluster for m in rows}
    for m in sorted(readd + new, key=canonical_order):
        clusterer.add(m)
    clusters = clusterer.clusters()
    changed = {m.key for m in readd + new} | {
        k for k, m in clusterer.mentions.items() if old_cluster.get(k, m.cluster) != m.cluster}
    touched = {clusterer.mentions[k].cluster for k in changed if clusterer.mentions[k].cluster}
    gone = (set(old_cluster.values()) - {""}) - set(clusters)
    gone |= {cid for cid in touched if not shown(clusters[cid])}
    entries = [build_entry(cid, clusters[cid]) for cid in sorted(touched) if shown(clusters[cid])]
    with store.transaction():
        tables.write_mention_rows(conn, stale, [features.to_row(clusterer.mentions[k]) for k in sorted(changed)])
        tables.write_entries(conn, sorted(gone), entries)
    report.clusters_written += len(entries)
    report.clusters_removed += len(gone)
    return clusterer, touched


def shown(members: list[Mention]) -> bool:
    """A cluster is a timeline entry when it holds an event, or two named references; quotes alone make none."""
    return any(m.idx >= 0 for m in members) or \
        len([m for m in members if m.extra.get("quote") is None]) > 1


def _explicit(store_record: ArticleRecord, m: Mention) -> bool:
    """True when the other mention's exact date does not itself rest on a guessed anchor."""
    if store_record.published_source in ("input", "metadata", "text"):
        return True
    event = store_record.events[m.idx]
    s_start, s_end = (list(event.sentence) + [0, 0])[:2]
    return bool(m.when and str(m.when.lo.year) in store_record.text[s_start:s_end])


def _lend_dates(store, lex: LinkLexicon, clusterer: Clusterer, touched: set[str],
                reextract: Optional[Reextract]) -> list[tuple[str, str]]:
    """Step 3: date undated articles from events other articles date."""
    conn = store.conn
    lent = tables.dated_articles(conn)          # article -> the date the link stage gave it
    members: dict[str, list[Mention]] = {}
    for m in clusterer.mentions.values():
        if m.cluster in touched and m.idx >= 0:   # named references date nothing
            members.setdefault(m.cluster, []).append(m)
    cache: dict[str, Optional[ArticleRecord]] = {}

    def get(aid):
        if aid not in cache:
            cache[aid] = store.get(aid)
        return cache[aid]

    pairs_of: dict[str, list[tuple[int, str, str, int, date]]] = {}   # (idx, cluster, other article, its idx, date)
    for cid, group in members.items():
        for m in group:
            if m.when is not None and m.when.kind not in ("approx", "partial"):
                continue
            for o in group:
                if o.article == m.article or o.when is None or o.when.kind != "exact":
                    continue
                if pair_score(m, o, lex) is None:
                    continue
                other = get(o.article)
                if other is None or not _explicit(other, o):
                    continue
                pairs_of.setdefault(m.article, []).append((m.idx, cid, o.article, o.idx, o.when.lo))
    dated: list[tuple[str, str]] = []
    for aid, pairs in sorted(pairs_of.items()):
        record = get(aid)
        if record is None or record.published_source not in (None, "inferred"):
            continue
        if aid in lent and lent[aid] == record.published:
            continue   # dated by this stage already (a re-ingested article may be dated again)
        keys = {idx: set(clusterer.mentions[(aid, idx)].trig_key.split()) for idx, *_ in pairs}
        found = infer_published(record, pairs, lambda idx, text, keys=keys: bool(keys.get(idx, set())
                                                                                & set(lex.words(text))))
        if found is None or found[0] == record.published:
            continue
        published, evidence = found
        try:
            fresh = reanchor(record, published, reextract, evidence)
        except Exception:  # re-extraction failing must not lose the article
            log.warning("could not re-extract %s with published %s", aid, published)
            continue
        harmonise_actors(fresh, store)
        previous, previous_source = record.published, record.published_source
        store.save(fresh, store.stored_hash(aid))
        tables.record_date(conn, aid, published, previous, previous_source, evidence.get("cluster"), evidence)
        dated.append((aid, published))
    return dated


def why_dated(published: str, evidence: Optional[dict[str, Any]]) -> str:
    """One line saying why the link stage gave an article its publication date."""
    line = f"published {published} inferred from an event another article dates (newsgraph link)"
    if evidence and evidence.get("dated_by"):
        by = evidence["dated_by"]
        line += (f": '{evidence.get('expression')}' read against event {by['event']} of {by['article']}, "
                 f"dated {by['date']}")
    return line


def reanchor(record: ArticleRecord, published: str, reextract: Reextract,
             evidence: Optional[dict[str, Any]] = None) -> ArticleRecord:
    """The record re-extracted with ``published`` (source ``inferred``) as its anchor.

    Relative dates ("on Tuesday") and the event dates read from them are
    re-read against the new anchor by the timex and events components.
    """
    base = ArticleRecord(id=record.id, text=record.text, title=record.title, outlet=record.outlet,
                         author=record.author, url=record.url, published=published,
                         published_source="inferred", source_path=record.source_path,
                         input_format=record.input_format)
    fresh = reextract(base)
    fresh.published, fresh.published_source = published, "inferred"
    fresh.warnings = list(fresh.warnings or []) + [why_dated(published, evidence)]
    return fresh


def _update_facts(store, lex: LinkLexicon, wanted: list[str]) -> None:
    """Step 4a: claim facts of the new articles (deleted articles' facts dropped)."""
    conn = store.conn
    stored_ids = set(store.ids())
    orphans = tables.fact_articles(conn) - stored_ids
    types = _claim_event_types()
    facts = []
    for aid in wanted:
        record = store.get(aid) if aid in stored_ids else None
        if record is not None:
            facts += facts_of(record, lex, types)
    with store.transaction():
        tables.write_fact_rows(conn, set(wanted) | orphans, [claim_facts.to_row(f) for f in facts])


def _recompute_discrepancies(store, lex: LinkLexicon) -> int:
    """Step 4b: every discrepancy, from the stored facts and clusters."""
    conn = store.conn
    cluster_of = tables.cluster_of_mentions(conn)
    info = tables.cluster_info(conn)
    facts = [claim_facts.from_row(r) for r in tables.read_fact_rows(conn)]
    event_of = {f.key: f.event_idx for f in facts}
    wanted = {(f.article, f.event_idx) for f in facts if f.event_idx is not None}
    events = {m.key: m for m in (features.from_row(r) for r in tables.read_mention_rows(conn)) if m.key in wanted}
    found = find_discrepancies(facts, cluster_of, {k: v[0] for k, v in info.items()},
                               {k: v[1] for k, v in info.items()}, events, lex)
    items = []
    for d in found:
        cids = [cluster_of.get((r.article, event_of.get((r.article, r.claim)))) for r in d.reports]
        cids = [c for c in cids if c]
        items.append((discrepancy_id(d), d, max(set(cids), key=cids.count) if cids else None))
    with store.transaction():
        tables.write_discrepancies(conn, items)
    return len(items)


def rebuild_links(store, *, lexicon_path: Optional[str] = None, reextract: Optional[Reextract] = None,
                  infer_dates: bool = True) -> LinkReport:
    """Recompute every link from scratch (aliases and lent dates are kept).

    Args:
        store: an open, writable ``Store``.
        lexicon_path, reextract, infer_dates: as for ``update_links``.
    Returns:
        A ``LinkReport``.
    """
    with store.transaction():
        tables.clear(store.conn)
    ids = list(dict.fromkeys(store.ids() + tables.pending_ids(store.conn)))   # deleted ones too
    return update_links(store, ids, lexicon_path=lexicon_path, reextract=reextract, infer_dates=infer_dates)


# -- in memory, for read-only stores without link tables ------------------------
def compute_links(records: Iterable[ArticleRecord], lexicon_path: Optional[str] = None):
    """Clusters and discrepancies of records, without writing anything.

    Returns:
        ``(entries, discrepancies)``: timeline entries and discrepancies.
    """
    lex = load_lexicon(lexicon_path)
    types = _claim_event_types()
    clusterer = Clusterer(lex)
    facts = []
    mentions = []
    for record in records:
        mentions += mentions_of(record, lex)
        facts += facts_of(record, lex, types)
    for m in sorted(mentions, key=canonical_order):
        clusterer.add(m)
    clusters = clusterer.clusters()
    entries = [build_entry(cid, members) for cid, members in clusters.items() if shown(members)]
    cluster_of = {m.key: m.cluster for m in clusterer.mentions.values() if m.cluster}
    found = find_discrepancies(facts, cluster_of, {e.id: e.type for e in entries}, {e.id: e.date for e in entries},
                               dict(clusterer.mentions), lex)
    return entries, found
