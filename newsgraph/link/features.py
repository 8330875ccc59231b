"""What the link stage compares about one event mention, and how it is stored.

Why a separate module: clustering runs over thousands of stored articles; it
must not re-read every full record, so each mention is boiled down once to
the few things that decide identity (type, date interval, actor ids,
countries, place, the words around the trigger) and kept in
``link_mentions``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from newsgraph.records import ArticleRecord, Event, Span
from newsgraph.link.claim_facts import is_city
from newsgraph.link.dates import When, mention_when
from newsgraph.link.lexicon import LinkLexicon
from newsgraph.link.quotes import quote_items, quoted_spans, reach, shingles
from newsgraph.link.references import find_references

CONTEXT_CHARS = 60


@dataclass
class Mention:
    """One event of one article, reduced to what identity depends on."""

    article: str
    idx: int
    type: str
    family: str
    status: str
    when: Optional[When]
    sources: frozenset[str]     # actor ids (or country codes when no actor)
    targets: frozenset[str]
    src_countries: frozenset[str]
    tgt_countries: frozenset[str]
    location: Optional[dict[str, Any]]    # name, country, lat, lon
    trigger: tuple[int, int, str]         # (start, end, text)
    trig_key: str               # trigger words, synonyms folded
    context: str                # words around the trigger, synonyms folded
    published: Optional[str] = None
    cluster: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, int]:
        return (self.article, self.idx)

    @property
    def clusterable(self) -> bool:
        """Only what the article says happened joins a cluster."""
        return self.status == "asserted"


def _arg_ids(args) -> tuple[frozenset[str], frozenset[str]]:
    ids, countries = set(), set()
    for arg in args or []:
        if getattr(arg, "actor", None):
            ids.add(arg.actor)
        elif getattr(arg, "country", None):
            ids.add(arg.country)
        if getattr(arg, "country", None):
            countries.add(arg.country)
    return frozenset(ids), frozenset(countries)


def _location(event: Event) -> Optional[dict[str, Any]]:
    loc = event.location
    if loc is None:
        return None
    name = loc.name or loc.text
    return {"name": name, "country": loc.country, "lat": loc.lat, "lon": loc.lon}


def context_text(record: ArticleRecord, lo: int, hi: int) -> str:
    """The text of [lo, hi) with each actor mention replaced by its actor id.

    "Baku launched" and "Azerbaijan launched" then read alike ("AZE
    launched"), as do "Pashinian" and "Pashinyan" once ids are harmonised.
    """
    spans = sorted((s, e, a.id) for a in record.actors for s, e in a.mentions if s >= lo and e <= hi and a.id)
    out, pos = [], lo
    for s, e, actor_id in spans:
        if s < pos:
            continue
        out.append(record.text[pos:s])
        out.append(" " + re.sub(r"[^A-Za-z0-9]+", "_", actor_id) + " ")
        pos = e
    out.append(record.text[pos:hi])
    return "".join(out)


_DEFINITE = re.compile(r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}$", re.I)
_HISTORY = re.compile(r"\b(previous|previously|former|formerly|ago|in the past|last year)\b", re.I)


def trigrams(lex: LinkLexicon, record: ArticleRecord, lo: int, hi: int, skip: str = "") -> list[str]:
    """Runs of three content words (synonyms folded) of ``text[lo:hi]``: shared wording across reports.

    Actor names break runs ("Azerbaijan's military offensive in Nagorno-Karabakh"
    would tie every report of the region), as do the words of ``skip``
    (the trigger, compared on its own).
    """
    cuts = sorted((s, e) for a in record.actors for s, e in a.mentions if s >= lo and e <= hi)
    pieces, pos = [], lo
    for s, e in cuts:
        if s >= pos:
            pieces.append(record.text[pos:s])
            pos = e
    pieces.append(record.text[pos:hi])
    banned = set(lex.words(skip))
    out = set()
    for piece in pieces:
        words = lex.words(piece)
        for i in range(len(words) - 2):
            gram = words[i:i + 3]
            if not banned & set(gram):
                out.add(" ".join(gram))
    return sorted(out)


def antecedent(record: ArticleRecord, idx: int, lex: LinkLexicon) -> Optional[int]:
    """The earlier event of the article a definite, actor-less mention refers back to.

    "The fighting left at least 27 dead" after "Baku launched a military
    offensive": a definite noun phrase ("the", "this") with no actor of its
    own, whose trigger word is one the earlier event's trigger is named by
    (synonyms folded), refers to the nearest such earlier event of a
    compatible type.
    """
    event = record.events[idx]
    if event.source or event.target or (event.status or "asserted") != "asserted":
        return None
    if not _DEFINITE.search(record.text[max(0, event.trigger.start - 40):event.trigger.start]):
        return None
    words = set(lex.words(event.trigger.text))
    for j in range(idx - 1, -1, -1):
        other = record.events[j]
        if other.trigger.start >= event.trigger.start or (other.status or "asserted") != "asserted":
            continue
        if lex.compatible(other.type, event.type) and words & set(lex.words(other.trigger.text)):
            return j
    return None


_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*[a-z][\w-]*")


def city_named(text: str, article: str = "") -> Optional[str]:
    """The first gazetteer city named in ``text`` ("Marseille" in "Marseille's dockers"), folded.

    A word the article also writes in lower case is a common word that
    happens to be some town's name ("Police", "Nice" as in "nice"), not a place.
    """
    for m in _CAPITALISED.finditer(text or ""):
        word = re.sub(r"[’']s$", "", m.group(0))
        for candidate in (word, word.split("-")[0]):
            if len(candidate) <= 2 or not is_city(candidate) or \
                    re.search(r"\b" + re.escape(candidate.lower()) + r"\b", article):
                continue
            if m.start() == 0 and not re.search(r"[a-z,]\s+" + re.escape(candidate) + r"\b", article):
                continue   # only ever capitalised as a first word ("Police counted ...")
            return candidate.lower()
    return None


def mention_of(record: ArticleRecord, idx: int, lex: LinkLexicon) -> Mention:
    """The ``Mention`` of ``record.events[idx]``."""
    event = record.events[idx]
    sources, src_c = _arg_ids(event.source)
    targets, tgt_c = _arg_ids(event.target)
    s_start, s_end = (list(event.sentence) + [0, len(record.text)])[:2]
    lo = max(s_start, event.trigger.start - CONTEXT_CHARS)
    hi = min(s_end, event.trigger.end + CONTEXT_CHARS) if s_end > s_start else event.trigger.end + CONTEXT_CHARS
    context = context_text(record, lo, hi)
    when = mention_when(record, event, int(lex.setting("approx_days_before")))
    sentence = record.text[s_start:s_end] if s_end > s_start else record.text[lo:hi]
    extra = {"sentence": s_start, "past": bool(_HISTORY.search(sentence)),
             "grams": trigrams(lex, record, s_start if s_end > s_start else lo, s_end if s_end > s_start else hi,
                               event.trigger.text)}
    area = city_named(sentence, record.text) or city_named(record.title or "", record.text)
    if area:
        extra["area"] = area   # the city the sentence (else the headline) names: "the same place" evidence
    if event.type in lex.statements:   # the words it quotes ("same quoted words", ``quotes``)
        extra["quoted"] = shingles(lex, record, quoted_spans(record.text, s_start, s_end))
        extra.update(sentence_end=s_end, reach=reach(record.text, s_start),
                     pronoun=any(a.text.lower() in lex.pronouns for a in event.source))
    ante = antecedent(record, idx, lex)
    if ante is not None:
        extra["antecedent"] = ante
    return Mention(
        article=record.id, idx=idx, type=event.type, family=lex.family(event.type),
        status=event.status or "asserted", when=when, sources=sources, targets=targets,
        src_countries=src_c, tgt_countries=tgt_c, location=_location(event),
        trigger=(event.trigger.start, event.trigger.end, event.trigger.text),
        trig_key=lex.key(event.trigger.text), context=lex.key(context), published=record.published,
        extra=extra,
    )


def mentions_of(record: ArticleRecord, lex: LinkLexicon) -> list[Mention]:
    """Every event mention of an article, then its event references and quotes (negative indices)."""
    return [mention_of(record, i, lex) for i in range(len(record.events))] + references_of(record, lex) \
        + quotes_of(record, lex)


def quotes_of(record: ArticleRecord, lex: LinkLexicon) -> list[Mention]:
    """The article's quotes with a resolved speaker as mentions (``link.quotes``)."""
    out = []
    for item in quote_items(record, lex):
        start, end, text = item["span"]
        lo, hi = item["sentence"]
        cue = item["cue"] or [start, end]
        stand_in = Event(type="QUOTE", trigger=Span(cue[0], cue[1], record.text[cue[0]:cue[1]]), sentence=[lo, hi])
        country = frozenset([item["country"]] if item["country"] else [])
        out.append(Mention(
            article=record.id, idx=item["idx"], type="QUOTE", family="QUOTE", status="asserted",
            when=mention_when(record, stand_in, int(lex.setting("approx_days_before"))),
            sources=frozenset([item["speaker"]]), targets=frozenset(), src_countries=country,
            tgt_countries=frozenset(), location=None, trigger=(start, end, text), trig_key="", context="",
            published=record.published,
            extra={"quote": item["quote"], "sentence": [lo, hi], "cue": item["cue"], "parts": item["parts"],
                   "paragraph": item["paragraph"], "quoted": item["quoted"], "pronoun": item["pronoun"],
                   "reach": item["reach"]}))
    return out


def references_of(record: ArticleRecord, lex: LinkLexicon) -> list[Mention]:
    """The article's named event references ("the 2020 war") as mentions ``-1``, ``-2``..."""
    out = []
    refs = find_references(record, lex)
    for k, ref in enumerate(refs):
        lo, hi = ref["sentence"]
        countries = sorted({a.country for a in record.actors if a.country
                            and any(lo <= s and e <= hi for s, e in a.mentions)})
        context = context_text(record, max(lo, ref["start"] - CONTEXT_CHARS), min(hi, ref["end"] + CONTEXT_CHARS))
        out.append(Mention(
            article=record.id, idx=-(k + 1), type=ref["type"], family=lex.family(ref["type"]), status="asserted",
            # the countries around a named war or blockade are its parties ("the 2020 war" beside
            # Armenia and Azerbaijan): they are the entry's actors
            when=ref["when"], sources=frozenset(countries), targets=frozenset(), src_countries=frozenset(),
            tgt_countries=frozenset(), location=None, trigger=(ref["start"], ref["end"], ref["noun"]),
            trig_key=lex.key(ref["noun"]), context=lex.key(context), published=record.published,
            extra={"reference": True, "name": ref["name"], "past": ref["past"], "sentence": lo,
                   "countries": countries, "duration": ref["duration"]}))
        if ref["loose"]:
            out[-1].extra["loose"] = True
            near = nearest_named(record, refs, k, lex)
            if near is not None:
                out[-1].extra["antecedent"] = near
    return out


def nearest_named(record: ArticleRecord, refs: list[dict], k: int, lex: LinkLexicon) -> Optional[int]:
    """The mention of the article nearest a loose reference that names the same happening.

    "Following the attacks" names the attacks just told; "retaken by
    Azerbaijan after a lightning offensive", in a lede, the offensive the next
    paragraph reports (nothing is told before it).
    Events and the other references count (references by their negative index).
    """
    ref = refs[k]
    words = set(lex.words(ref["noun"]))
    best: Optional[tuple[tuple[int, int], int]] = None
    candidates = [(i, e.type, e.trigger.start, e.trigger.text, e.status) for i, e in enumerate(record.events)]
    candidates += [(-(j + 1), r["type"], r["start"], r["noun"], "asserted") for j, r in enumerate(refs)
                   if j != k and not r["loose"]]
    for idx, etype, start, text, status in candidates:
        if (status or "asserted") != "asserted" or not lex.compatible(etype, ref["type"]) \
                or not words & set(lex.words(text)):
            continue
        # the nearest one told before it; only when none is, the nearest after it
        gap = (0 if start < ref["start"] else 1, abs(start - ref["start"]))
        if best is None or gap < best[0]:
            best = (gap, idx)
    return best[1] if best else None


def to_row(m: Mention) -> dict:
    """The ``link_mentions`` row of a mention."""
    w = m.when
    return {
        "article_id": m.article, "event_idx": m.idx, "cluster_id": m.cluster, "type": m.type,
        "family": m.family, "status": m.status,
        "date_lo": w.lo.isoformat() if w and w.lo else None,
        "date_hi": w.hi.isoformat() if w and w.hi else None,
        "date_kind": w.kind if w else None,
        "partial": json.dumps(list(w.partial)) if w and w.partial else None,
        "trigger_start": m.trigger[0], "trigger_end": m.trigger[1], "trigger_text": m.trigger[2],
        "features": json.dumps({
            "sources": sorted(m.sources), "targets": sorted(m.targets),
            "src_countries": sorted(m.src_countries), "tgt_countries": sorted(m.tgt_countries),
            "location": m.location, "trig_key": m.trig_key, "context": m.context,
            "published": m.published, "extra": m.extra,
        }, ensure_ascii=False),
    }


def from_row(row) -> Mention:
    """A ``Mention`` read back from a ``link_mentions`` row."""
    f = json.loads(row["features"])
    when = None
    if row["date_kind"]:
        partial = tuple(json.loads(row["partial"])) if row["partial"] else None
        when = When(row["date_kind"],
                    date.fromisoformat(row["date_lo"]) if row["date_lo"] else None,
                    date.fromisoformat(row["date_hi"]) if row["date_hi"] else None, partial)
    return Mention(
        article=row["article_id"], idx=row["event_idx"], type=row["type"], family=row["family"],
        status=row["status"], when=when, sources=frozenset(f["sources"]), targets=frozenset(f["targets"]),
        src_countries=frozenset(f["src_countries"]), tgt_countries=frozenset(f["tgt_countries"]),
        location=f["location"], trigger=(row["trigger_start"], row["trigger_end"], row["trigger_text"]),
        trig_key=f["trig_key"], context=f["context"], published=f.get("published"),
        cluster=row["cluster_id"], extra=f.get("extra") or {},
    )
