"""Group event mentions that report one real-world event (within and across articles).

Why this module exists: five articles about one offensive give five or more
event mentions; a timeline wants one entry with every mention under it, and
must keep apart look-alikes (the September 2022 attacks on Armenia are not
the September 2023 offensive).

Which pairs of mentions match is decided in ``matching``; this module
tries the pairs and keeps clusters consistent.

A mention joins every cluster it matches, unless the merged cluster would
span more than ``max_cluster_span_days`` or two months, years or distant
places. An undated mention matching clusters that cannot be merged (the
2022 attacks and the 2023 offensive) joins only the cluster reported by
more articles, or the clearly better-scoring one; when neither stands out
it joins none. Candidates are blocked by (type family, day or month), (family,
actor), (family, place) and (family, article), so no step compares all
pairs.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable, Optional

from newsgraph.link.dates import When, partial_fits
from newsgraph.link.features import Mention
from newsgraph.link.lexicon import LinkLexicon
from newsgraph.link.matching import distance_km, pair_evidence, pair_score, place_key

__all__ = ["Clusterer", "canonical_order", "cluster_id", "pair_score"]

AMBIGUITY_MARGIN = 0.1   # score lead an undated mention needs to pick one of two incompatible events


@dataclass
class _Summary:
    """What merging checks need to know about one cluster."""

    exact_lo: Optional[date] = None
    exact_hi: Optional[date] = None
    months: set[tuple[int, int]] = field(default_factory=set)    # (year, month) of month-precise dates
    years: set[int] = field(default_factory=set)
    # (month, day, weekday) of yearless dates
    partials: set[tuple[Optional[int], Optional[int], Optional[int]]] = field(default_factory=set)
    places: list[dict[str, Any]] = field(default_factory=list)   # locations of located mentions (at most 12 kept)
    names: set[str] = field(default_factory=set)   # names of named references ("artsakh" war)

    def add(self, m: Mention) -> None:
        w = m.when
        if w is not None:
            if w.kind == "exact":
                self.exact_lo = min(self.exact_lo or w.lo, w.lo)
                self.exact_hi = max(self.exact_hi or w.hi, w.hi)
            elif w.kind == "month":
                self.months.add((w.lo.year, w.lo.month))
            elif w.kind == "year":
                self.years.add(w.lo.year)
            elif w.kind == "partial":
                self.partials.add(tuple(w.partial))
        if m.location and m.location.get("lat") is not None and len(self.places) < 12:
            self.places.append(m.location)
        if m.extra.get("name"):
            self.names.add(m.extra["name"])

    def merged(self, other: "_Summary") -> "_Summary":
        out = _Summary(
            min(d for d in (self.exact_lo, other.exact_lo) if d) if (self.exact_lo or other.exact_lo) else None,
            max(d for d in (self.exact_hi, other.exact_hi) if d) if (self.exact_hi or other.exact_hi) else None,
            self.months | other.months, self.years | other.years,
            self.partials | other.partials, (self.places + other.places)[:12], self.names | other.names)
        return out

    def valid(self, max_span: int, km: float, tolerance: int = 2) -> bool:
        if len(self.names) > 1:
            return False   # "the 2020 Artsakh War" and "the 2020 Tigray war" are two wars
        if self.exact_lo and (self.exact_hi - self.exact_lo).days > max_span:
            return False
        months = set(self.months)
        if self.exact_lo:
            months |= {(self.exact_lo.year, self.exact_lo.month), (self.exact_hi.year, self.exact_hi.month)}
        if len({m for m in self.months}) > 1 or len(months) > 2:
            return False
        years = set(self.years) | {y for y, _ in months}
        if len(years) > 1 and not (self.exact_lo and self.exact_lo.year != self.exact_hi.year):
            return False
        if self.exact_lo:
            span = When("exact", self.exact_lo, self.exact_lo)
            end = When("exact", self.exact_hi, self.exact_hi)
            for part in self.partials:
                if not (partial_fits(part, span, tolerance) or partial_fits(part, end, tolerance)):
                    return False
        partial_months = {p[0] for p in self.partials if p[0] is not None}
        if len(partial_months) > 1 or partial_months and months and not ({m for _, m in months} & partial_months):
            return False
        for i, a in enumerate(self.places):
            for b in self.places[i + 1:]:
                d = distance_km(a, b)
                if d is not None and d > 2 * km:
                    return False
        return True


class Clusterer:
    """Incremental clustering of mentions (union of pairwise matches, with checks).

    Args:
        lex: the link lexicon (thresholds, type families, synonyms).
    """

    def __init__(self, lex: LinkLexicon):
        self.lex = lex
        self.mentions: dict[tuple, Mention] = {}
        self.parent: dict[tuple, tuple] = {}
        self.summary: dict[tuple, _Summary] = {}
        self.index: dict[tuple, list] = defaultdict(list)
        self.cluster_articles: dict[tuple, set] = {}
        self.detached: set[tuple] = set()

    # -- union-find ------------------------------------------------------------
    def root(self, key: tuple) -> tuple:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def _union(self, a: tuple, b: tuple) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return True
        merged = self.summary[ra].merged(self.summary[rb])
        if not merged.valid(int(self.lex.setting("max_cluster_span_days")), self.lex.setting("place_km"),
                            int(self.lex.setting("day_tolerance"))):
            return False
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        self.parent[drop] = keep
        self.summary[keep] = merged
        del self.summary[drop]
        self.cluster_articles[keep] = self.cluster_articles.get(keep, set()) | self.cluster_articles.pop(drop, set())
        return True

    # -- blocking --------------------------------------------------------------
    def _keys(self, m: Mention, lookup: bool = False) -> list[tuple]:
        """Blocking keys: those a mention is filed under, or (``lookup``) those it searches.

        Day-precise mentions are filed by day and month and search the days
        around them (``day_tolerance``) plus the month-precise mentions of
        their month; month-precise ones search the whole month. Year-only
        and undated mentions are found through actors, places and articles.
        """
        fam, keys = m.family, [("article", m.family, m.article)]
        w = m.when
        if w is not None and w.lo is not None and w.kind in ("exact", "approx", "month", "week"):
            daily = w.kind in ("exact", "approx")
            months, y, mo = [], w.lo.year, w.lo.month
            while (y, mo) <= (w.hi.year, w.hi.month) and len(months) < 3:
                months.append((y, mo))
                y, mo = (y + (mo == 12), mo % 12 + 1)
            if daily:
                tol = int(self.lex.setting("day_tolerance")) if lookup else 0
                day = w.lo - timedelta(days=tol)
                while day <= w.hi + timedelta(days=tol):
                    keys.append(("day", fam, day.toordinal()))
                    day += timedelta(days=1)
                keys += [("month-only" if lookup else "month", fam, y, mo) for y, mo in months]
            else:
                keys += [("month", fam, y, mo) for y, mo in months] if lookup else []
                keys += [("month-only", fam, y, mo) for y, mo in months]
        for actor in sorted(m.sources | m.targets):
            keys.append(("actor", fam, actor))
        place = place_key(m.location)
        if place:
            keys.append(("place", fam, place))
        if m.extra.get("quote") is not None or m.type in self.lex.statements:
            keys.append(("quote-article", m.article))    # a quote meets the statement it reports
            keys += [("quoted", gram) for gram in m.extra.get("quoted") or ()]
        if m.extra.get("area"):                  # the city the sentence names ("same day, same city")
            keys.append(("area", fam, m.extra["area"]))
        for gram in m.extra.get("grams") or ():   # shared wording ("use heavy weapons")
            keys.append(("gram", fam, gram))
        if m.extra.get("reference"):              # named events meet by their noun ("the 2020 war")
            keys += [("ref", fam, word) for word in m.trig_key.split()]
        return keys

    def _candidates(self, m: Mention) -> list[tuple]:
        cap = int(self.lex.setting("max_candidates"))
        seen, out = set(), []
        for key in self._keys(m, lookup=True):
            for other in reversed(self.index.get(key, ())):
                if other not in seen and other not in self.detached:
                    seen.add(other)
                    out.append(other)
                if len(out) >= cap:
                    return out
        return out

    # -- public ------------------------------------------------------------------
    def load(self, mentions: Iterable[Mention]) -> None:
        """Take already-clustered mentions as they are (their ``cluster`` ids)."""
        first: dict[str, tuple] = {}
        for m in mentions:
            self._register(m)
            if m.clusterable and m.cluster:
                if m.cluster in first:
                    ra, rb = self.root(first[m.cluster]), self.root(m.key)
                    keep, drop = (ra, rb) if ra < rb else (rb, ra)
                    if keep != drop:
                        self.parent[drop] = keep
                        self.summary[keep] = self.summary[keep].merged(self.summary.pop(drop))
                        self.cluster_articles[keep] |= self.cluster_articles.pop(drop, set())
                else:
                    first[m.cluster] = m.key

    def _register(self, m: Mention) -> None:
        if m.key in self.detached:   # added again after ``detach``: already filed
            self.detached.discard(m.key)
            self.mentions[m.key] = m
            return
        self.mentions[m.key] = m
        self.parent[m.key] = m.key
        s = _Summary()
        s.add(m)
        self.summary[m.key] = s
        self.cluster_articles[m.key] = {m.article}
        if m.clusterable:
            for key in self._keys(m):
                self.index[key].append(m.key)

    def detach(self, keys: Iterable[tuple]) -> None:
        """Take whole clusters apart so their mentions can be added again.

        ``keys`` must be every member of the clusters concerned; each becomes
        a singleton that candidate searches skip until it is added again.
        """
        for key in keys:
            m = self.mentions[key]
            self.detached.add(key)
            self.parent[key] = key
            s = _Summary()
            s.add(m)
            self.summary[key] = s
            self.cluster_articles[key] = {m.article}

    def matches(self, m: Mention) -> list[tuple]:
        """Keys of the mentions ``m`` would pair with (nothing is added)."""
        if not m.clusterable:
            return []
        return [k for k in self._candidates(m) if k != m.key and pair_score(m, self.mentions[k], self.lex) is not None]

    def add(self, m: Mention) -> None:
        """Cluster one new mention against everything added or loaded so far."""
        candidates = self._candidates(m) if m.clusterable else []
        self._register(m)
        m.extra.pop("joined", None)
        scored = []
        for key in candidates:
            found = pair_evidence(m, self.mentions[key], self.lex)
            if found is not None:
                scored.append((found[0], key, found[1]))
        best: dict[tuple, float] = {}
        evidence: dict[tuple, tuple] = {}
        for score, key, why in scored:
            r = self.root(key)
            if score > best.get(r, -1.0):
                best[r] = score
                evidence[r] = (key, score, why)
        ranked = sorted(best.items(), key=lambda kv: (-self._articles(kv[0]), -kv[1], kv[0]))
        trial, accepted, refused = self.summary[m.key], [], []
        limits = (int(self.lex.setting("max_cluster_span_days")), self.lex.setting("place_km"),
                  int(self.lex.setting("day_tolerance")))
        for r, score in ranked:
            merged = trial.merged(self.summary[r])
            if merged.valid(*limits):
                trial = merged
                accepted.append((r, score))
            else:
                refused.append((r, score))
        if refused and accepted and not (m.when and m.when.firm and not m.extra.get("reference")):
            top, rival = accepted[0], refused[0]
            if not (self._articles(top[0]) > self._articles(rival[0]) or top[1] - rival[1] >= AMBIGUITY_MARGIN):
                accepted = []   # an undated mention fitting two distinct events: join neither
        joined = []
        for r, _ in accepted:
            if self._union(m.key, r):
                key, score, why = evidence[r]
                joined.append({"with": list(key), "score": score, "why": why})
        if joined:
            m.extra["joined"] = joined   # the evidence shown on the timeline entry

    def _articles(self, root: tuple) -> int:
        """How many articles report the cluster whose root is ``root``."""
        return len(self.cluster_articles.get(root, ()))

    def clusters(self) -> dict[str, list[Mention]]:
        """Cluster id -> its mentions (asserted mentions only); sets ``Mention.cluster``."""
        groups: dict[tuple, list[Mention]] = defaultdict(list)
        for key, m in self.mentions.items():
            if m.clusterable:
                groups[self.root(key)].append(m)
            else:
                m.cluster = ""
        out = {}
        for members in groups.values():
            members.sort(key=lambda m: m.key)
            cid = cluster_id(members[0].key)
            for m in members:
                m.cluster = cid
            out[cid] = members
        return out


_FIRMNESS = {"exact": 0, "month": 1, "week": 1, "year": 2, "approx": 3, "partial": 4}


def canonical_order(m: Mention) -> tuple:
    """The order mentions are clustered in: firmly dated first, then by date, article, index.

    Dated mentions found their clusters before undated ones choose among
    them, so an undated "attack" meets the dated events first and the result
    does not depend on the order articles arrived in.
    """
    w = m.when
    return (_FIRMNESS.get(w.kind, 5) if w else 5, w.lo.isoformat() if w and w.lo else "",
            m.published is None, m.published or "", m.article, m.idx)


def cluster_id(key: tuple) -> str:
    """A stable id for the cluster whose first mention (by article, index) is ``key``."""
    return "ev-" + hashlib.sha1(f"{key[0]}#{key[1]}".encode("utf-8")).hexdigest()[:12]
