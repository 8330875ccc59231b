"""Turn a cluster of mentions into one timeline entry, and query stored entries.

Why a separate module: what a cluster *says* (its type, date, place and
actors, agreed over the mentions) is a summary decision kept apart from how
clusters are formed; the stored entry is what ``newsgraph timeline`` and the
web API serve.

Agreement rules: the type is the most frequent one; the date is the most
frequent date stated by the text at the finest precision any mention gives
(exact day, else month, week, year), ``date_end`` the latest stated day when
the mentions span several days; when no mention states a date, the earliest
publication date of the present-tense reports (see ``dates``); the location
is the most frequent one; sources and targets are the actors the reports agree on
(``agreed_actors``: named by at least half of the event mentions that name that
side; a named reference's surrounding countries count only when no event names
the side), each mention's own actors kept in ``mention_actors`` as evidence;
an actor that is a source is not also listed as a target unless one report says
so ("clashed with each other").
``links`` keeps, for each mention that joined the cluster, the mention it
was matched with and why (``matching.pair_evidence``).
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Optional

from newsgraph.records import EventMention, Span, TimelineEntry
from newsgraph.link.features import Mention


def _mode(values: list) -> Optional[object]:
    """Most frequent value; ties go to the smallest (earliest date, first id)."""
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return min(v for v, c in counts.items() if c == best)


def agreed_date(members: list[Mention]) -> tuple[Optional[str], Optional[str]]:
    """``(date, date_end)`` agreed over the mentions."""
    exact = [m.when.lo for m in members if m.when and m.when.kind == "exact"]
    if exact:
        day = _mode(exact)
        last = max(exact)
        return day.isoformat(), last.isoformat() if last > day else None
    for kind in ("month", "week", "year"):
        found = [m.when.value() for m in members if m.when and m.when.kind == kind]
        if found:
            return _mode(found), None
    approx = [m.when.hi for m in members if m.when and m.when.kind == "approx"]
    if approx:
        return min(approx).isoformat(), None
    return None, None


def agreed_actors(members: list[Mention], role: str) -> list[str]:
    """The actor ids of one side (``sources`` or ``targets``) the cluster's reports agree on.

    Why not the union: one report's stray actor (France named in the sentence
    around "the 2020 war", the co-chairs listed beside "the attack") would
    otherwise become a party of the event. An actor is kept when at least half
    of the mentions naming that side name it (the most named is always kept),
    most named first. Event mentions decide; the countries around a named
    reference count only when no event mention names the side.
    """
    events = [m for m in members if m.idx >= 0 and getattr(m, role)]
    pool = events or [m for m in members if getattr(m, role)]
    counts = Counter(a for m in pool for a in set(getattr(m, role)))
    if not counts:
        return []
    need = max(1, -(-len(pool) // 2))
    ranked = sorted(counts, key=lambda a: (-counts[a], a))
    return [a for a in ranked if counts[a] >= need] or ranked[:1]


def _ranked(values: list[str]) -> list[str]:
    counts = Counter(values)
    return sorted(counts, key=lambda v: (-counts[v], v))


def build_entry(cid: str, members: list[Mention]) -> TimelineEntry:
    """The timeline entry (contract "Timeline entry") of one cluster.

    Named references ("the 2020 war") count for its type, date and
    articles; they are listed under ``references``, never under the
    contract's ``mentions`` (whose ``event`` indexes the article's events).
    Quotes reporting the statement (``link.quotes``) are listed under
    ``quotes`` (article, quote index, speaker, words) and count only for the
    articles; the rest is agreed over the event mentions and references.
    """
    everything = sorted(members, key=lambda m: m.key)
    said = [m for m in everything if m.extra.get("quote") is not None]
    members = [m for m in everything if m.extra.get("quote") is None] or everything
    refs = [m for m in members if m.idx < 0]
    etype = _mode([m.type for m in members]) if len({m.type for m in members}) > 1 else members[0].type
    date, date_end = agreed_date(members)
    locations = [json.dumps(m.location, sort_keys=True) for m in members if m.location]
    location = json.loads(_ranked(locations)[0]) if locations else None
    sources = agreed_actors(members, "sources")
    targets = agreed_actors(members, "targets")
    if not any(set(m.sources) & set(m.targets) for m in members if m.idx >= 0):
        targets = [a for a in targets if a not in sources]   # no actor pointed at itself
    own = [{"mention": [m.article, m.idx], "source": sorted(m.sources), "target": sorted(m.targets)}
           for m in members if (set(m.sources) - set(sources)) or (set(m.targets) - set(targets))]
    articles = sorted({m.article for m in everything})
    quotes = [{"article": m.article, "index": m.extra["quote"], "speaker": sorted(m.sources)[0],
               "span": {"start": m.trigger[0], "end": m.trigger[1], "text": m.trigger[2]}} for m in said]
    mentions = [EventMention(m.article, m.idx, Span(m.trigger[0], m.trigger[1], m.trigger[2]))
                for m in members if m.idx >= 0]
    # each reference with its own date ("the 2020 war": 2020) and how long it lasted ("nine-month": P9M)
    references = [{"article": m.article, "index": m.idx,
                   "span": {"start": m.trigger[0], "end": m.trigger[1], "text": m.trigger[2]},
                   "date": m.when.value() if m.when else None, "duration": m.extra.get("duration")}
                  for m in refs]
    trigger = _ranked([m.trigger[2].lower() for m in members])[0]
    who = ", ".join(sources[:2]) or "?"
    whom = ", ".join(targets[:2])
    summary = f"{etype} {who}{' → ' + whom if whom else ''}: {trigger!r} ({len(articles)} article{'s' * (len(articles) > 1)})"
    keys = {m.key for m in everything}
    links = [{"mention": [m.article, m.idx], "joined": j["with"], "score": j["score"], "why": j["why"]}
             for m in everything for j in m.extra.get("joined") or [] if tuple(j["with"]) in keys]
    return TimelineEntry(id=cid, type=etype, date=date, date_end=date_end, location=location,
                         source=sources, target=targets, mentions=mentions, articles=articles,
                         status="asserted", summary=summary, links=links, references=references,
                         mention_actors=own, quotes=quotes)


def sort_key(entry: TimelineEntry) -> tuple:
    """Timeline order: by date, undated last, then by id."""
    return (entry.date is None, entry.date or "", entry.id)


def matches(entry: TimelineEntry, actor: Optional[str], type: Optional[str],
            since: Optional[str], until: Optional[str]) -> bool:
    """True when an entry passes the timeline filters.

    ``since``/``until`` compare the entry's date (``date_end`` for ``since``)
    as text prefixes, so ``--since 2023-09`` keeps September 2023 onwards;
    undated entries never pass a date filter.
    """
    if actor and actor not in entry.source and actor not in entry.target:
        return False
    if type and entry.type != type.upper():
        return False
    if since or until:
        if entry.date is None:
            return False
        last = entry.date_end or entry.date
        if since and last < since[:len(last)] and not since.startswith(last):
            return False
        if until and entry.date[:len(until)] > until and not entry.date.startswith(until):
            return False
    return True
