"""Small builders of hand-made article records for the link-stage tests.

The link stage reads records, not text, so its rules are tested fast and
exactly on records whose events, actors and claims are written by hand.
Other ``test_link_*`` modules import these builders; the tests below check
that what they build honours the record contract (offsets match the text).
"""
from __future__ import annotations

import re

from newsgraph.extract.record import iter_spans
from newsgraph.records import Actor, Arg, ArticleRecord, Attribution, Claim, Event, Location, Span, Timex


def sentence_of(text: str, start: int) -> list:
    """[start, end] of the sentence (split at ". " or line breaks) holding ``start``."""
    lo = 0
    for m in re.finditer(r"(?<=[.!?])\s+|\n+", text[:start]):
        lo = m.end()
    m = re.search(r"(?<=[.!?])\s+|\n+", text[start:])
    return [lo, start + m.start() if m else len(text)]


def find(text: str, phrase: str, nth: int = 0) -> int:
    """Offset of the ``nth`` occurrence of ``phrase`` (0-based)."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(phrase, pos + 1)
    return pos


def arg(actor_id: str, country: str | None = None) -> Arg:
    """An event argument for an actor id (empty span: the link stage reads ids only)."""
    if country is None and re.fullmatch(r"[A-Z]{3}", actor_id):
        country = actor_id
    return Arg(0, 0, "", actor=actor_id, country=country)


def event(text: str, trigger: str, type: str, src=(), tgt=(), date=None, status="asserted",
          place: dict | None = None, nth: int = 0) -> Event:
    """An event whose trigger is the ``nth`` occurrence of ``trigger`` in ``text``."""
    start = find(text, trigger, nth)
    location = None
    if place:
        location = Location(0, 0, "", name=place["name"], country=place.get("country"),
                            lat=place.get("lat"), lon=place.get("lon"))
    return Event(type=type, trigger=Span.of(text, start, start + len(trigger)), sentence=sentence_of(text, start),
                 source=[arg(a) for a in src], target=[arg(a) for a in tgt], date=date, status=status,
                 location=location)


def claim(text: str, phrase: str, measure: str, value, qualifier: str = "exact", about=None, by=None,
          by_actor=None, event_idx=None, value_max=None, nth: int = 0) -> Claim:
    """A claim whose span is the ``nth`` occurrence of ``phrase``."""
    start = find(text, phrase, nth)
    return Claim(measure=measure, value=value, span=Span.of(text, start, start + len(phrase)),
                 value_max=value_max, qualifier=qualifier, about=about,
                 attributed_to=Attribution(by, by_actor) if by else None, event=event_idx)


def person(text: str, actor_id: str, name: str, country: str | None = None, surfaces=()) -> Actor:
    """A person actor with a mention at every occurrence of each surface form."""
    actor = Actor(id=actor_id, name=name, kind="person", country=country)
    for surface in surfaces or (name,):
        for m in re.finditer(re.escape(surface), text):
            actor.add_mention(m.start(), m.end(), surface)
    return actor


def timex(text: str, phrase: str, value: str, type: str = "DATE") -> Timex:
    start = find(text, phrase)
    return Timex(start, start + len(phrase), phrase, type, value)


def article(aid: str, text: str, published: str | None = None, events=(), claims=(), actors=(),
            timexes=(), outlet: str | None = None) -> ArticleRecord:
    """An article record; ``published`` counts as given by the input."""
    return ArticleRecord(id=aid, text=text, published=published,
                         published_source="input" if published else None, outlet=outlet,
                         events=list(events), claims=list(claims), actors=list(actors), timexes=list(timexes))


# -- the builders themselves ---------------------------------------------------------
def test_built_spans_point_at_their_text():
    text = "Azerbaijan launched an offensive on Tuesday. At least 27 people died, officials said."
    rec = article("a", text, events=[event(text, "launched", "ASSAULT", ["AZE"])],
                  claims=[claim(text, "At least 27 people", "dead", 27, "at_least", "people", by="officials")],
                  timexes=[timex(text, "Tuesday", "XXXX-WXX-2")])
    for span in iter_spans(rec):
        assert text[span.start:span.end] == span.text
    assert rec.events[0].sentence == [0, text.index(" At least")]
    assert rec.events[0].source[0].country == "AZE"


def test_find_counts_occurrences():
    assert find("a b a b", "b", 1) == 6
