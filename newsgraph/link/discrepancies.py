"""Find one fact reported with different figures, within and across articles.

Why this module exists: "at least 27 dead" in one article and "at least 29
lives" in another, or the police's "more than a thousand" against the
organisers' "nearly 5,000", are exactly what analysts need set side by side,
with who gave each figure and when.

Two claims count one fact (``same_fact``) when they have the same measure
and population (``claim_facts``), neither is a vague plural ("thousands"),
their dates agree, their places do not differ, and either they hang on the
same event cluster, or (one article) they share a place, or (two articles)
they count the same city on the same stated day (``_same_place_and_day``), or
the articles report a common dated multi-article event cluster (one story), no
cluster sets them apart and the figures are within a factor of
``STORY_RATIO``. Figures whose events are told apart by day, place or target
(``events_differ``) are never one fact unless those events are one cluster. Two figures of one sentence are one fact only when two
different sources gave them (police vs organisers); otherwise the sentence
is a tally or a list ("295 votes to one", "80 in Lyon and 100 in Nice").
Groups are closed transitively; a group whose figures all agree is not a
discrepancy.

``kind``: ``estimate_range`` when two or more different sources gave
figures (police vs organisers); otherwise ``compatible`` when one number
fits every figure ("at least 27", "at least 29"); otherwise
``estimate_range`` when the reports were published on different days
(early vs later counts); otherwise ``conflict``.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Iterable, Optional

from newsgraph.records import Discrepancy, Report
from newsgraph.link.claim_facts import ClaimFact
from newsgraph.link.dates import dates_agree
from newsgraph.link.features import Mention
from newsgraph.link.lexicon import LinkLexicon
from newsgraph.link.matching import same_place

ABOUT_BAND = 0.15        # "about 5,000" covers 4,250-5,750
BUCKET_CAP = 300         # claims compared per blocking bucket
STORY_RATIO = 4.0        # two articles' figures further apart than this count different groups
_NO_MEASURES = {"other"}


def interval(fact: ClaimFact) -> tuple[float, float]:
    """The values a figure allows, by qualifier."""
    c = fact.claim
    v = float(c.value)
    if c.qualifier == "at_least":
        return v, float("inf")
    if c.qualifier == "at_most":
        return 0.0, v
    if c.qualifier == "about":
        return v * (1 - ABOUT_BAND), v * (1 + ABOUT_BAND)
    if c.qualifier == "range" and c.value_max is not None:
        return v, float(c.value_max)
    return v, v


def _source_key(fact: ClaimFact) -> Optional[str]:
    att = fact.claim.attributed_to
    if att is None:
        return None
    if att.actor:
        return att.actor
    words = [w for w in re.findall(r"[a-z]+", att.text.lower()) if w not in ("the", "a", "an", "according", "to")]
    if not words:
        return None
    head = words[-1]
    return head[:-1] if head.endswith("s") and len(head) > 3 else head


def classify(facts: list[ClaimFact]) -> str:
    """The discrepancy kind of a group of figures for one fact (module docstring)."""
    sources = {s for s in (_source_key(f) for f in facts) if s}
    if len(sources) >= 2:
        return "estimate_range"
    lo = max(interval(f)[0] for f in facts)
    hi = min(interval(f)[1] for f in facts)
    if lo <= hi:
        return "compatible"
    if len({f.published for f in facts if f.published}) >= 2:
        return "estimate_range"
    return "conflict"


def _figure(f: ClaimFact) -> tuple:
    return (float(f.claim.value), f.claim.value_max, f.claim.qualifier)


def events_differ(a: Optional[Mention], b: Optional[Mention], lex: Optional[LinkLexicon]) -> bool:
    """True when the events two figures hang on are told apart by day, place or target.

    The dead of a strike on one day and place are not the dead of another
    strike days later, nor those of a camp the dead at UN sites.
    """
    if a is None or b is None:
        return False
    tolerance = int(lex.setting("day_tolerance")) if lex else 2
    if a.when and b.when and a.when.kind == b.when.kind == "exact" and abs((a.when.lo - b.when.lo).days) > tolerance:
        return True
    if same_place(a.location, b.location, lex.setting("place_km") if lex else 60.0) is False:
        return True
    if a.extra.get("area") and b.extra.get("area") and a.extra["area"] != b.extra["area"] \
            and not (a.location and b.location):
        return True
    ta = lex.same_party(a.targets) if lex else a.targets
    tb = lex.same_party(b.targets) if lex else b.targets
    return bool(ta and tb and not ta & tb and not (a.tgt_countries & b.tgt_countries))


def same_fact(a: ClaimFact, b: ClaimFact, cluster_of: dict, multi: set, stories: dict,
              events: Optional[dict[tuple[str, int], Mention]] = None, lex: Optional[LinkLexicon] = None) -> bool:
    """True when two claims count one fact (module docstring)."""
    if a.key == b.key or a.measure != b.measure or a.population != b.population:
        return False
    if a.vague or b.vague or not dates_agree(a.when, b.when):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    ca = cluster_of.get((a.article, a.event_idx)) if a.event_idx is not None else None
    cb = cluster_of.get((b.article, b.event_idx)) if b.event_idx is not None else None
    if ca and cb and ca != cb and ca in multi and cb in multi:
        return False  # two established events
    if events and not (ca and ca == cb) and events_differ(events.get((a.article, a.event_idx)),
                                                          events.get((b.article, b.event_idx)), lex):
        return False  # different days, places or targets: two facts
    if a.sentence == b.sentence and a.article == b.article:
        # one sentence giving two figures of one measure: two sources for one crowd,
        # or else a tally ("295 votes to one") or a list of places
        sa, sb = _source_key(a), _source_key(b)
        return bool(sa and sb and sa != sb)
    if ca and ca == cb:
        return True
    if a.article == b.article:
        return bool(a.place and a.place == b.place)
    if _same_place_and_day(a, b, events or {}):
        return True   # two outlets counting one crowd: the same city on the same stated day
    if not stories.get(a.article, set()) & stories.get(b.article, set()):
        return False
    small, large = sorted((float(a.claim.value), float(b.claim.value)))
    return small > 0 and large / small <= STORY_RATIO


def fact_place(f: ClaimFact, events: dict) -> Optional[str]:
    """The city or country a figure is about: its own, else the city its event's sentence names."""
    if f.place:
        return f.place
    event = events.get((f.article, f.event_idx)) if f.event_idx is not None else None
    return event.extra.get("area") if event is not None else None


def _same_place_and_day(a: ClaimFact, b: ClaimFact, events: dict) -> bool:
    """Two articles' figures of one place on one day stated by the text ("Thursday's march in Marseille")."""
    if a.article == b.article or a.when is None or b.when is None:
        return False
    if not (a.when.kind == b.when.kind == "exact" and a.when.lo == b.when.lo):
        return False
    pa, pb = fact_place(a, events), fact_place(b, events)
    return bool(pa and pb and pa.lower() == pb.lower())


def _blocks(f: ClaimFact, cluster_of: dict, stories: dict, events: dict) -> list[tuple]:
    base = (f.measure, f.population)
    keys = [base + ("article", f.article)]
    if f.event_idx is not None and (f.article, f.event_idx) in cluster_of:
        keys.append(base + ("cluster", cluster_of[(f.article, f.event_idx)]))
    place = fact_place(f, events)
    if place:
        keys.append(base + ("place", place.lower()))
    for story in sorted(stories.get(f.article, ())):
        keys.append(base + ("story", story))
    return keys


def find_discrepancies(facts: Iterable[ClaimFact], cluster_of: dict, cluster_type: dict,
                       cluster_date: dict, events: Optional[dict[tuple[str, int], Mention]] = None,
                       lex: Optional[LinkLexicon] = None) -> list[Discrepancy]:
    """Every discrepancy among the claims.

    Args:
        facts: ``ClaimFact`` of every stored claim.
        cluster_of: ``(article, event index) -> cluster id``.
        cluster_type: ``cluster id -> PLOVER type``.
        cluster_date: ``cluster id -> date`` (or None).
        events: ``(article, event index) -> link Mention`` of the events
            figures hang on (their day, place and target keep facts apart).
        lex: the link lexicon (tolerances, actor equivalents).
    Returns:
        ``records.Discrepancy`` objects, by measure then date.
    """
    usable = [f for f in facts if f.measure not in _NO_MEASURES and not f.vague]
    members = defaultdict(set)
    for (article, idx), cid in cluster_of.items():
        if idx >= 0:   # a past event named in passing ("the 2020 war") makes no story of two articles
            members[cid].add(article)
    multi = {cid for cid, arts in members.items() if len(arts) > 1}
    stories: dict[str, set[str]] = defaultdict(set)
    for cid in multi:
        if cluster_date.get(cid) is None:
            continue  # an undated cross-article cluster is too weak to tie two stories
        for article in members[cid]:
            stories[article].add(cid)
    buckets: dict[tuple, list[ClaimFact]] = defaultdict(list)
    for f in usable:
        for key in _blocks(f, cluster_of, stories, events or {}):
            if len(buckets[key]) < BUCKET_CAP:
                buckets[key].append(f)
    parent = {f.key: f.key for f in usable}

    def root(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    checked = set()
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                pair = (a.key, b.key) if a.key < b.key else (b.key, a.key)
                if pair in checked:
                    continue
                checked.add(pair)
                if same_fact(a, b, cluster_of, multi, stories, events, lex):
                    ra, rb = root(a.key), root(b.key)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple, list[ClaimFact]] = defaultdict(list)
    for f in usable:
        groups[root(f.key)].append(f)
    out = []
    for group in groups.values():
        group = _dedupe(group)
        if len(group) < 2 or len({_figure(f) for f in group}) < 2:
            continue
        shared = set.intersection(*(stories.get(f.article, set()) for f in group))
        story = min(shared, key=lambda c: (cluster_date.get(c) or "", c)) if len(shared) == 1 else None
        out.append(_discrepancy(group, cluster_of, cluster_type, cluster_date, story))
    out.sort(key=lambda d: (d.measure, d.date is None, d.date or "", d.reports[0].article, d.reports[0].claim))
    return out


def _dedupe(group: list[ClaimFact]) -> list[ClaimFact]:
    """One report per article and figure (a headline repeating the body counts once)."""
    best: dict[tuple, ClaimFact] = {}
    for f in sorted(group, key=lambda f: f.key):
        k = (f.article,) + _figure(f)
        if k not in best or (best[k].claim.attributed_to is None and f.claim.attributed_to is not None):
            best[k] = f
    return sorted(best.values(), key=lambda f: (f.published or "9999", f.article, f.idx))


def _discrepancy(group: list[ClaimFact], cluster_of: dict, cluster_type: dict, cluster_date: dict,
                 story: Optional[str] = None) -> Discrepancy:
    """The discrepancy of a group; its event is the figures' common cluster, else their one shared story."""
    clusters = [cluster_of.get((f.article, f.event_idx)) for f in group if f.event_idx is not None]
    clusters = [c for c in clusters if c]
    cid = max(set(clusters), key=lambda c: (clusters.count(c), c)) if clusters else None
    if cid is not None and clusters.count(cid) < 2 and len({f.article for f in group}) > 1:
        cid = None  # one figure's own event does not date the others'
    abouts = [f.claim.about for f in group if f.claim.about]
    about = max(set(abouts), key=lambda a: (abouts.count(a), len(a))) if abouts else None
    date = cluster_date.get(cid) if cid else None
    if date is None:
        firm = sorted(f.when.value() for f in group if f.when and f.when.firm and f.when.value())
        date = firm[0] if firm else None
    if date is None and cid is None and story and len({f.article for f in group}) > 1:
        cid, date = story, cluster_date.get(story)
    reports = [Report(article=f.article, claim=f.idx, value=f.claim.value, span=f.claim.span,
                      value_max=f.claim.value_max, qualifier=f.claim.qualifier,
                      attributed_to=f.claim.attributed_to, published=f.published, outlet=f.outlet)
               for f in group]
    places = {f.place for f in group if f.place}
    return Discrepancy(measure=group[0].measure, about=about, date=date,
                       event_type=cluster_type.get(cid) if cid else None, kind=classify(group), reports=reports,
                       place=places.pop().title() if len(places) == 1 else None)


def discrepancy_id(d: Discrepancy) -> str:
    """A stable id from the claims a discrepancy sets side by side."""
    keys = ",".join(sorted(f"{r.article}#{r.claim}" for r in d.reports))
    return "dc-" + hashlib.sha1(keys.encode("utf-8")).hexdigest()[:12]
