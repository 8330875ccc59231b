"""Time expressions (TIMEX3): the ``newsgraph_timex`` spaCy component.

Why this module exists: every dated fact in a record (event dates, the
timeline, discrepancies by date) rests on reading "on Tuesday", "last week"
or "three decades" against the publication date. This module finds them and
writes ``doc._.ng_timexes`` (``list[records.Timex]``) and
``doc.spans["ng_timexes"]`` (span label = TIMEX3 type).

How: ``patterns.scan`` proposes candidates from the rule tables in
``newsgraph/data/timex.yaml``; ``reading`` checks them against the tokens the
pipeline already made (capitalised month names, "May" the modal, a bare year
after a preposition or inside a ``DATE`` entity...), the longest
non-overlapping ones are kept, the tense around each one is read from the
parse ("will meet on Thursday" looks ahead), and ``normalise`` gives the
value; this module walks them in order, carrying the paragraph's reference
dates. ``eventdate`` turns found timexes into one date for an event.
Nothing is re-parsed and no clock is ever read: without an anchor, relative
expressions get underspecified values (``XXXX-WXX-2``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.timex import patterns
from newsgraph.extract.timex.calendar import parse_day
from newsgraph.extract.timex.eventdate import event_date  # noqa: F401  (events and tests import it from here)
from newsgraph.extract.timex.reading import TokenIndex, is_comparison, is_rate, select_longest, supported, tense_at
from newsgraph.extract.timex.normalise import Context, normalise
from newsgraph.extract import extensions  # noqa: F401  (registers doc._.ng_*)
from newsgraph.records import Timex
from newsgraph.extract.extensions import doc_text

SPAN_KEY = "ng_timexes"
_ATTACH_GAP = re.compile(r"^[\s,]*(?:local\s+time|GMT|UTC|\([^)]{0,20}\))?[\s,]*(?:at|on|,)?[\s,]*$", re.I)
_PAREN_GAP = re.compile(r"^\s*[(,]\s*$")


def find_timexes(doc: Doc, anchor: str | None, tables_path: str | None = None) -> list[Timex]:
    """Every time expression in ``doc`` with its TIMEX3 type and value.

    Args:
        doc: a parsed Doc (tagger, parser and ner have run).
        anchor: the publication date ``YYYY-MM-DD`` relative expressions are
            read against, or None (they then get underspecified values).
        tables_path: another rule-table file instead of the packaged one.
    Returns:
        ``records.Timex`` objects in text order; offsets are ``doc.text``
        character offsets and ``text == doc.text[start:end]``.
    """
    with patterns.using(tables_path):
        return _find(doc, anchor)


_NEWLINE = re.compile("\n")


def _find(doc: Doc, anchor: str | None) -> list[Timex]:
    tables = patterns.load_tables()
    text, toks = doc_text(doc), TokenIndex(doc)
    anchor_day = _anchor(anchor)
    breaks = [m.start() for m in _NEWLINE.finditer(text)]   # paragraph of an offset: bisect here
    chosen = select_longest([c for c in patterns.scan(text) if supported(c, text, toks, tables)])
    out: list[tuple[patterns.Candidate, str, str]] = []
    ref: tuple[int, date] | None = None
    ref_year: tuple[int, int] | None = None
    last_day: date | None = None
    prior: tuple[int, str] | None = None
    para_day: tuple[int, date] | None = None
    for c in chosen:
        para = bisect_left(breaks, c.start)
        if ref is not None and bisect_left(breaks, ref[0]) != para:
            ref = None
        if ref_year is not None and bisect_left(breaks, ref_year[0]) != para:
            ref_year = None
        if prior is not None and bisect_left(breaks, prior[0]) != para:
            prior = None
        if para_day is not None and bisect_left(breaks, para_day[0]) != para:
            para_day = None
        tense = tense_at(doc, toks, c.start, c.end, tables)
        if c.kind in ("weekday", "time") and tense == "present":
            tense = "future"
        elif tense == "present":
            tense = None
        day_before = last_day
        if c.kind == "time":   # a clock time falls on the past day the paragraph is telling about
            day_before = para_day[1] if para_day and anchor_day and para_day[1] < anchor_day else None
        ctx = Context(anchor_day, tense, ref[1] if ref else None, day_before, is_rate(c, toks),
                      ref_year[1] if ref_year else None, prior[1] if prior else None,
                      is_comparison(c, toks, tables))
        result = normalise(c, ctx)
        if result is None:
            continue
        out.append((c, *result))
        if result[0] in ("DATE", "TIME") and re.match(r"^(?:FY)?\d{4}", result[1]):
            prior = (c.end, result[1])
        if c.get("year"):
            ref_year = (c.end, int(c.get("year")))
        day = parse_day(result[1])
        if day is not None:
            last_day = day
            para_day = (c.end, day)
            if c.get("year") and c.kind in ("iso", "mdy", "dmy"):
                ref = (c.end, day)
    return _attach(out, text)


def _anchor(anchor: str | None) -> date | None:
    """The anchor as a date; None when absent or not ``YYYY-MM-DD`` (values then stay underspecified)."""
    try:
        return date.fromisoformat(anchor[:10]) if anchor else None
    except ValueError:
        return None


def _attach(found: list, text: str) -> list[Timex]:
    """Give clock times the day of a neighbouring date, weekdays the date in their brackets."""
    values = [v for _, _, v in found]
    for i, (c, _kind, value) in enumerate(found):
        for j in (i - 1, i + 1):
            if not 0 <= j < len(found):
                continue
            other = found[j][0]
            gap = text[min(c.end, other.end):max(c.start, other.start)]
            day = parse_day(values[j])
            if day is None:
                continue
            if c.kind == "time" and not (c.get("wd") or c.get("rd")) and _ATTACH_GAP.match(gap):
                values[i] = day.isoformat() + value[10:]
                break
            if c.kind == "weekday" and j == i + 1 and _PAREN_GAP.match(gap) and len(values[j]) == 10 \
                    and other.kind in ("mdy", "dmy", "iso") and day.isoweekday() == \
                    patterns.load_tables()["weekdays"]["names"][c.get("wd")]:
                values[i] = values[j] + value[10:]
                break
    return [Timex(c.start, c.end, text[c.start:c.end], kind, values[i]) for i, (c, kind, _) in enumerate(found)]


class TimexTagger:
    """The ``newsgraph_timex`` component: sets ``doc._.ng_timexes`` and ``doc.spans["ng_timexes"]``."""

    def __init__(self, nlp: Language, name: str, infer_published: bool, tables: str | None):
        """Args: nlp and name (from spaCy); infer_published: date undated docs from their
        text (``published.infer_published``); tables: path of another ``timex.yaml``."""
        self.name = name
        self.infer_published = infer_published
        self.tables = tables
        patterns.prepare(tables)   # tables read and compiled with the model, not on the first article

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        if doc._.ng_published is None and self.infer_published:
            from newsgraph.extract.timex.published import infer_published
            day, _evidence = infer_published(doc, self.tables)
            if day is not None:
                doc._.ng_published = day
                doc._.ng_published_source = "inferred"
        timexes = find_timexes(doc, doc._.ng_published, self.tables)
        doc._.ng_timexes = timexes
        spans = []
        for t in timexes:
            span = doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory(
    "newsgraph_timex",
    default_config={"infer_published": True, "tables": None},
    requires=["token.pos", "token.dep", "doc.ents"],
    assigns=["doc._.ng_timexes", "doc._.ng_published", "doc.spans"],
)
def make_timex_tagger(nlp: Language, name: str, infer_published: bool, tables: str | None) -> TimexTagger:
    """Create the ``newsgraph_timex`` component (add it after ``ner``).

    Config: ``infer_published`` (bool, default true): when ``doc._.ng_published``
    is None, infer it from the text and mark it ``"inferred"``; ``tables``
    (str or null): path of a replacement ``timex.yaml``.
    """
    return TimexTagger(nlp, name, infer_published, tables)
