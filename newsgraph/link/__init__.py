"""Stage 7: links across articles — one id per actor, event clusters, discrepancies, dates.

The extract stage reads one article at a time; this stage works over the
store. Its Python API (the CLI's ``link``, ``timeline`` and
``discrepancies`` commands and the web API are thin layers over it)::

    from newsgraph.link import harmonise_actors, update_links
    from newsgraph.link import timeline
    from newsgraph.link import discrepancies
    record = harmonise_actors(record, store)   # before store.save(record)
    store.save(record)
    update_links(store, [record.id])           # new articles join existing clusters
    for entry in timeline(store, actor="AZE", since="2023-09"):
        ...                                    # records.TimelineEntry
    for d in discrepancies(store, measure="dead"):
        ...                                    # records.Discrepancy

Modules: ``actors`` (person ids across articles), ``features`` (what a
mention is compared on), ``dates`` (when, and publication dates lent across
articles), ``clusters`` (which mentions are one event), ``timeline`` (a
cluster as an entry), ``claim_facts`` and ``discrepancies`` (figures that
disagree), ``run`` (the incremental update and ``finish_pending``, the
resumable link step). The SQL is in ``newsgraph.store.links``.
"""
from __future__ import annotations

from typing import Optional

from newsgraph.records import Discrepancy, TimelineEntry
from newsgraph.link.actors import harmonise_actors
from newsgraph.link.run import LinkReport, compute_links, finish_pending, rebuild_links, update_links
from newsgraph.link.timeline import matches, sort_key
from newsgraph.store.links import count_entries, has_tables, read_discrepancies, read_entries

__all__ = ["update_links", "rebuild_links", "finish_pending", "timeline", "discrepancies", "harmonise_actors",
           "LinkReport", "count_entries"]


def timeline(store, actor: Optional[str] = None, type: Optional[str] = None, since: Optional[str] = None,
             until: Optional[str] = None, limit: Optional[int] = None, offset: int = 0) -> list[TimelineEntry]:
    """Event clusters of the store as timeline entries, sorted by date (undated last).

    Args:
        store: an open ``Store`` (read-only is fine).
        actor: keep entries with this actor id as source or target.
        type: keep entries of this PLOVER type.
        since, until: keep entries dated within (``YYYY``, ``YYYY-MM`` or
            ``YYYY-MM-DD``, inclusive); undated entries are then left out.
        limit, offset: one page of the sorted entries (applied by SQLite on
            the rows precomputed at link time: ``store.links.read_entries``).
    Returns:
        ``records.TimelineEntry`` objects. When the store has no link tables
        (an old read-only store) the clusters are computed in memory.
    """
    if has_tables(store.conn):
        return read_entries(store.conn, actor=actor, type=type, since=since, until=until, limit=limit,
                            offset=offset)
    entries = compute_links(store.records())[0]
    found = sorted((e for e in entries if matches(e, actor, type, since, until)), key=sort_key)
    return found[offset:offset + limit] if limit is not None else found[offset:]


def discrepancies(store, measure: Optional[str] = None) -> list[Discrepancy]:
    """Facts reported with different figures, optionally of one measure.

    Args:
        store: an open ``Store`` (read-only is fine).
        measure: ``dead``, ``injured``, ``displaced``, ``participants``...
    Returns:
        ``records.Discrepancy`` objects, by measure then date.
    """
    if has_tables(store.conn):
        return read_discrepancies(store.conn, measure)
    found = compute_links(store.records())[1]
    return [d for d in found if measure is None or d.measure == measure]
