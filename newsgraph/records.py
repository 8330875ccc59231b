"""The record types: the one place where the output contract lives in code.

Every stage of the pipeline exchanges these typed objects, never loose dicts,
and each serialises to exactly the JSON shape of ``record-format.md`` through
``to_dict()``. Fields beyond the contract are allowed and documented where they
are added; the contract's own names are never changed here alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Optional

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT", "INVESTIGATE",
)
EVENT_STATUSES = ("asserted", "negated", "hypothetical", "future", "demanded")
QUOTE_KINDS = ("direct", "indirect", "mixed")
ACTOR_KINDS = ("person", "country", "organization", "igo", "group")
CLAIM_MEASURES = ("dead", "injured", "displaced", "participants", "detained",
                  "missing", "votes", "other")
CLAIM_QUALIFIERS = ("exact", "at_least", "at_most", "about", "range")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
PUBLISHED_SOURCES = ("input", "metadata", "text", "inferred")


def _plain(value: Any) -> Any:
    """Turn records, tuples and lists into JSON-ready values, recursively."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Record:
    """Mixin: ``to_dict`` in field order, ``from_dict`` tolerant of extra keys."""

    def to_dict(self) -> dict:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict):
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Span(_Record):
    """A stretch of the article text: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article_text: str, start: int, end: int) -> "Span":
        """Build a span whose text is read from the article, so it always matches."""
        return cls(start, end, article_text[start:end])


@dataclass
class Arg(Span):
    """An event participant: the mention plus the actor it resolves to."""

    actor: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None


@dataclass
class Speaker(Span):
    """Who a quote is attributed to, as written, plus the resolved actor id."""

    actor: Optional[str] = None


@dataclass
class Location(Span):
    """Where an event happened, with gazetteer country and coordinates."""

    name: str = ""
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None


@dataclass
class Actor(_Record):
    """Someone or something that acts, resolved and merged within an article."""

    id: str
    name: str
    kind: str
    country: Optional[str] = None
    sector: Optional[str] = None
    role: Optional[str] = None
    mentions: list[list[int]] = field(default_factory=list)   # [start, end] pairs
    aliases: list[str] = field(default_factory=list)    # extra: surface forms seen

    def add_mention(self, start: int, end: int, surface: str | None = None) -> None:
        """Record one more mention, keeping mentions sorted and unique."""
        pair = [start, end]
        if pair not in self.mentions:
            self.mentions.append(pair)
            self.mentions.sort()
        if surface and surface not in self.aliases:
            self.aliases.append(surface)

    @classmethod
    def from_dict(cls, data: dict) -> "Actor":
        actor = super().from_dict(data)
        actor.mentions = [list(m) for m in actor.mentions]
        return actor


@dataclass
class Quote(_Record):
    """What someone said or wrote, direct, reported or mixed."""

    kind: str
    content: Span
    speaker: Optional[Speaker] = None
    cue: Optional[Span] = None
    parts: list[Span] = field(default_factory=list)   # extra: every fragment, parts[0] is content

    @classmethod
    def from_dict(cls, data: dict) -> "Quote":
        return cls(
            kind=data["kind"],
            content=Span.from_dict(data["content"]),
            speaker=Speaker.from_dict(data["speaker"]) if data.get("speaker") else None,
            cue=Span.from_dict(data["cue"]) if data.get("cue") else None,
            parts=[Span.from_dict(p) for p in data.get("parts") or []],
        )


@dataclass
class Event(_Record):
    """Who did what to whom, coded in PLOVER."""

    type: str
    trigger: Span
    sentence: list[int]   # [start, end]
    mode: Optional[str] = None
    source: list[Arg] = field(default_factory=list)
    target: list[Arg] = field(default_factory=list)
    date: Optional[str] = None
    location: Optional[Location] = None
    status: str = "asserted"
    dead: Optional[int] = None
    injured: Optional[int] = None
    size: Optional[int] = None

    def to_dict(self) -> dict:
        order = ("type", "mode", "trigger", "source", "target", "date", "location",
                 "status", "dead", "injured", "size", "sentence")
        plain = super().to_dict()
        return {k: plain[k] for k in order} | {k: v for k, v in plain.items() if k not in order}

    @classmethod
    def from_dict(cls, data: dict) -> "Event":
        event = super().from_dict(data)
        event.trigger = Span.from_dict(data["trigger"])
        event.source = [Arg.from_dict(a) for a in data.get("source") or []]
        event.target = [Arg.from_dict(a) for a in data.get("target") or []]
        event.location = Location.from_dict(data["location"]) if data.get("location") else None
        event.sentence = list(data["sentence"])
        return event


@dataclass
class Attribution(_Record):
    """Whoever the article says gave a figure."""

    text: str
    actor: Optional[str] = None


@dataclass
class Claim(_Record):
    """A reported quantity (deaths, injured, crowd size...) and who gave it."""

    measure: str
    value: float
    span: Span
    value_max: Optional[float] = None
    qualifier: str = "exact"
    about: Optional[str] = None
    attributed_to: Optional[Attribution] = None
    event: Optional[int] = None

    def to_dict(self) -> dict:
        order = ("measure", "value", "value_max", "qualifier", "about",
                 "attributed_to", "span", "event")
        plain = super().to_dict()
        return {k: plain[k] for k in order} | {k: v for k, v in plain.items() if k not in order}

    @classmethod
    def from_dict(cls, data: dict) -> "Claim":
        claim = super().from_dict(data)
        claim.span = Span.from_dict(data["span"])
        if data.get("attributed_to"):
            claim.attributed_to = Attribution.from_dict(data["attributed_to"])
        return claim


@dataclass
class Timex(_Record):
    """A time expression normalised to a TIMEX3 value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class ArticleRecord(_Record):
    """One article in, one record out: the unit every stage passes along."""

    id: str
    text: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    published_source: Optional[str] = None
    boilerplate: list[list[int]] = field(default_factory=list)   # [start, end] pairs
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    source_path: Optional[str] = None                 # extra: where it was read from
    input_format: Optional[str] = None                # extra: txt, html or jsonl
    warnings: list[str] = field(default_factory=list)      # extra: non-fatal notes

    @classmethod
    def from_dict(cls, data: dict) -> "ArticleRecord":
        rec = super().from_dict(data)
        rec.boilerplate = [list(b) for b in rec.boilerplate]
        rec.actors = [Actor.from_dict(a) for a in data.get("actors") or []]
        rec.quotes = [Quote.from_dict(q) for q in data.get("quotes") or []]
        rec.events = [Event.from_dict(e) for e in data.get("events") or []]
        rec.claims = [Claim.from_dict(c) for c in data.get("claims") or []]
        rec.timexes = [Timex.from_dict(t) for t in data.get("timexes") or []]
        return rec

    def actor(self, actor_id: str) -> Optional[Actor]:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)


@dataclass
class Report(_Record):
    """One article's figure inside a discrepancy."""

    article: str
    claim: int
    value: float
    span: Span
    value_max: Optional[float] = None
    qualifier: str = "exact"
    attributed_to: Optional[Attribution] = None
    published: Optional[str] = None
    outlet: Optional[str] = None   # extra: which outlet carried the figure


@dataclass
class Discrepancy(_Record):
    """One fact reported with different figures."""

    measure: str
    about: Optional[str]
    date: Optional[str]
    event_type: Optional[str]
    kind: str
    reports: list[Report] = field(default_factory=list)
    place: Optional[str] = None   # extra: the one place the figures are about, when they name one


@dataclass
class EventMention(_Record):
    """One article's event inside a timeline entry."""

    article: str
    event: int
    trigger: Span


@dataclass
class TimelineEntry(_Record):
    """Every mention of one real-world event, across articles."""

    id: str
    type: str
    date: Optional[str]
    date_end: Optional[str]
    location: Optional[dict[str, Any]]
    source: list[str]   # actor ids, most reported first
    target: list[str]   # actor ids, most reported first
    mentions: list[EventMention]
    articles: list[str]
    status: Optional[str] = None      # extra: the agreed status
    summary: Optional[str] = None     # extra: one readable line
    links: list[dict[str, Any]] = field(default_factory=list)        # extra: why mentions were merged
    references: list[dict[str, Any]] = field(default_factory=list)   # extra: named past events ("the 2020 war")
    # extra: the actors a report names beyond the entry's agreed source/target (kept as evidence)
    mention_actors: list[dict[str, Any]] = field(default_factory=list)
    # extra: quotes reporting the statement (article, quote index, speaker, span)
    quotes: list[dict[str, Any]] = field(default_factory=list)
