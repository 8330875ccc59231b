"""Time expressions (TIMEX3): the ``newsgraph_timex`` spaCy component.

Why this module exists: every dated fact in a record (event dates, the
timeline, discrepancies by date) rests on reading "on Tuesday", "last week"
or "three decades" against the publication date. This module finds them and
writes ``doc._.ng_timexes`` (``list[records.Timex]``) and
``doc.spans["ng_timexes"]`` (span label = TIMEX3 type).

How: ``timex_patterns.scan`` proposes candidates from the rule tables in
``newsgraph/data/timex.yaml``; here they are checked against the tokens the
pipeline already made (capitalised month names, "May" the modal, a bare year
after a preposition or inside a ``DATE`` entity...), the longest
non-overlapping ones are kept, the tense around each one is read from the
parse ("will meet on Thursday" looks ahead), and ``timex_normalise`` gives
the value. Nothing is re-parsed and no clock is ever read: without an
anchor, relative expressions get underspecified values (``XXXX-WXX-2``).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.timex import patterns
from newsgraph.extract.timex.calendar import count_of, parse_day
from newsgraph.extract.timex.normalise import Context, normalise
from newsgraph.extract import extensions  # noqa: F401  (registers doc._.ng_*)
from newsgraph.records import Timex

SPAN_KEY = "ng_timexes"
_ATTACH_GAP = re.compile(r"^[\s,]*(?:local\s+time|GMT|UTC|\([^)]{0,20}\))?[\s,]*(?:at|on|,)?[\s,]*$", re.I)
_PAREN_GAP = re.compile(r"^\s*[(,]\s*$")
_COUNTED = re.compile(r"[\W\d]{0,6}(?:years|days|months|weeks|decades|centuries|hours)\b", re.I)
_EVENT_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class TokenIndex:
    """Character offset -> token lookup for one Doc (built once, bisect per query)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def at(self, char: int):
        """The token covering ``char`` (or the last one starting before it), or None."""
        i = bisect_right(self.starts, char) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def before(self, char: int):
        """The token ending at or before ``char``, or None."""
        i = bisect_left(self.starts, char) - 1
        return self.doc[i] if i >= 0 else None

    def after(self, char: int):
        """The first token starting at or after ``char``, or None."""
        i = bisect_left(self.starts, char)
        return self.doc[i] if i < len(self.doc) else None


def _capitalised(text: str, span: tuple[int, int] | None) -> bool:
    return span is None or text[span[0]:span[0] + 1].isupper()


def _mid_sentence_capital(text: str, toks: TokenIndex, span: tuple[int, int]) -> bool:
    token = toks.at(span[0])
    return text[span[0]].isupper() and token is not None and not token.is_sent_start


def _valid(c: patterns.Candidate, text: str, toks: TokenIndex, tables: dict) -> bool:
    """Whether the tokens around candidate ``c`` support reading it as a time expression."""
    for name in ("mon", "wd", "hol"):
        if name in c.groups and not c.groups[name].isdigit() and not _capitalised(text, c.spans[name]):
            return False
    prev = toks.before(c.start)
    prev_word = prev.lower_ if prev is not None else ""
    nxt = toks.after(c.end)
    if c.kind == "month" and not c.get("year") and not c.get("edge"):
        word = c.get("mon").rstrip(".")
        token = toks.at(c.spans["mon"][0])
        if word in patterns._ABBREVIATIONS or (token is not None and token.tag_ in ("MD", "VB", "VBP", "VBZ")):
            return False
        if not c.get("rel") and token is not None and _named_month(token, prev_word, nxt):
            return False
        if word in tables["months"]["also_names"] and prev is not None and prev.pos_ == "PROPN":
            return False
    if c.kind == "year" and not c.get("edge"):
        token = toks.at(c.spans["year"][0])
        in_date_entity = token is not None and token.ent_type_ == "DATE"
        if not in_date_entity and prev_word not in tables["prepositions"]["year"]:
            return False
        if _COUNTED.match(text, c.end):   # "2000 years of history" counts years, it is not one
            return False
    if c.kind in ("season", "relunit") and (c.get("season") or c.get("unit")) in tables["seasons"]["codes"]:
        key = "season" if "season" in c.spans else "unit"
        if _mid_sentence_capital(text, toks, c.spans[key]):
            return False
        if c.kind == "season" and not (c.get("year") or c.get("edge") or (c.get("det") and c.get("det") != "the")):
            if c.get("det") == "the" and text[c.end:c.end + 4].lower().strip() == "of":
                return False
            if not c.get("det") and prev_word not in tables["prepositions"]["year"] + ["during", "over"]:
                return False
            token = toks.at(c.spans["season"][0])
            if not c.get("det") and token is not None and token.pos_ in ("VERB", "AUX"):
                return False   # "expected to fall by mid-December": the verb
    if c.kind == "quarter" and c.get("qh") and not (c.get("year") or c.get("yrel")):
        if text[c.end:c.end + 4].lower().strip() == "of":
            return False
    if c.kind == "long" and c.get("num") in ("a", "an"):
        c.start = c.spans["unit"][0]   # "a decade-long fight": the article belongs to the noun
        del c.groups["num"]
    if c.kind == "numbered" and c.get("mod") in ("over", "under") and _is_preposition(toks, c.spans["mod"][0]):
        c.start = c.spans["num"][0]   # "expenses over 15 months": a preposition, not "more than"
        del c.groups["mod"]
    if c.kind == "numbered" and c.get("mod") and (c.get("hy") or " ").startswith("-"):
        c.start = c.spans["num"][0]   # "under 30-year concessions": a modifier never heads an adjective
        del c.groups["mod"]
    if c.kind == "numbered" and not (c.get("hy") or " ").startswith("-"):
        unit = toks.at(c.spans["unit"][0])
        if unit is None or unit.pos_ not in ("NOUN", "PROPN", "NUM"):
            return False
        if c.get("unit").startswith("quarter") and (nxt is not None and nxt.lower_ == "of"
                                                     or ((count_of(c.get("num")) or 0) < 2
                                                         and not _per(c, toks))):
            return False
    if c.kind == "fuzzy":
        word = re.sub(r"\s+", " ", c.get("fz"))
        if word in ("the past", "the present", "the future") and nxt is not None \
                and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
            return False
        if word == "soon" and prev_word == "as":
            return False
    if c.kind == "set" and c.get("adv") and _mid_sentence_capital(text, toks, c.spans["adv"]):
        return False
    if c.kind == "set" and c.get("adv"):   # "a satirical weekly": the noun is a publication
        token = toks.at(c.spans["adv"][0])
        if token is not None and token.pos_ in ("NOUN", "PROPN") and prev is not None \
                and prev.pos_ in ("DET", "ADJ") and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")):
            return False
    if c.kind == "plural" and not c.get("the") and c.get("rel") == "last" and prev is not None \
            and (prev.tag_ == "MD" or prev_word in ("to", "did", "does", "do")):
        return False   # "could last weeks": the verb, not "the last weeks"
    if c.kind == "time" and c.get("mi") and not (c.get("ampm") or c.get("tz")):
        if prev_word not in ("at", "by", "until", "till", "from", "before", "after", "around", "about", "to",
                             "since"):
            return False
    return True


def _named_month(token, prev_word: str, nxt) -> bool:
    """A bare month name that names something else: "May Department Stores", "the March on Washington"."""
    head = token.head
    if token.dep_ == "compound" and head is not token and head.pos_ == "PROPN" and head.text[:1].isupper() \
            and head.i > token.i:
        return True
    return prev_word in ("the", "a") and nxt is not None and nxt.lower_ in ("on", "to", "against", "for", "through",
                                                                          "across", "from")


def _is_preposition(toks: TokenIndex, char: int) -> bool:
    token = toks.at(char)
    return token is not None and token.dep_ == "prep" and token.head.pos_ in ("VERB", "NOUN", "PROPN", "AUX")


def _comparison(c: patterns.Candidate, toks: TokenIndex, tables: dict) -> bool:
    """True for "a year earlier" / "a year ago" right after the figure it compares with."""
    if c.kind != "numbered" or c.get("rel") not in ("earlier", "ago") or c.get("mod"):
        return False
    prev = toks.before(c.start)
    if prev is None:
        return False
    return prev.like_num or prev.lower_ in tables["comparisons"]["words"]


def _select(cands: list[patterns.Candidate]) -> list[patterns.Candidate]:
    """The longest non-overlapping candidates (ties: earlier pattern), in text order."""
    kept: list[patterns.Candidate] = []
    taken: list[tuple[int, int]] = []   # sorted, disjoint
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        i = bisect_left(taken, (c.start, c.end))
        if (i > 0 and taken[i - 1][1] > c.start) or (i < len(taken) and taken[i][0] < c.end):
            continue
        taken.insert(i, (c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def tense_at(doc: Doc, toks: TokenIndex, start: int, end: int, tables: dict) -> str | None:
    """"past", "future", "present" or None: the tense governing the expression at [start, end)."""
    cues = tables["tense"]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok, via_for, steps = span.root, False, 0
    while steps < 8 and tok.head is not tok:
        if tok.lemma_.lower() in cues["future_lemmas"] and tok not in span:
            return "future"
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            break
        via_for = via_for or tok.lower_ == "for"
        tok, steps = tok.head, steps + 1
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_tense(tok, via_for, cues)


def _verb_tense(verb, via_for: bool, cues: dict) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.dep_ == "conj" and not auxes:
        auxes = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & set(cues["future_aux"]):
        return "future"
    if verb.lemma_.lower() in cues["future_lemmas"] and verb.tag_ in ("VBN", "JJ", "VBG"):
        return "future"
    if via_for and verb.lemma_.lower() in cues["future_via_for"]:
        return "future"
    if "to" in words or verb.tag_ == "VB":
        head = verb.head
        for _ in range(2):
            if head.lemma_.lower() in cues["future_heads"]:
                return "future"
            if head.head is head:
                break
            head = head.head
        return None
    if verb.tag_ == "VBG":
        if words & {"is", "are", "am", "'s", "'re"}:
            return "present"   # "is meeting on Thursday" looks ahead; read as present, like "votes on Saturday"
        return "past" if words & {"was", "were"} else None
    if verb.tag_ in ("VBD", "VBN") or words & {"had", "has", "have", "was", "were", "did"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _per(c: patterns.Candidate, toks: TokenIndex) -> bool:
    """True when "a month" follows a quantity ("100 euros a month", "twice a year")."""
    if c.kind != "numbered" or c.get("num") not in ("a", "an") or c.get("rel"):
        return False
    prev = toks.before(c.start)
    if prev is None:
        return False
    if prev.like_num or prev.lower_ in ("once", "twice", "thrice", "times"):
        return True
    before = toks.before(prev.idx)
    return prev.pos_ == "NOUN" and before is not None and (before.like_num or before.tag_ == "$")


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


def _find(doc: Doc, anchor: str | None) -> list[Timex]:
    tables = patterns.load_tables()
    text, toks = doc.text, TokenIndex(doc)
    anchor_day = _anchor(anchor)
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]   # paragraph of an offset: bisect here
    chosen = _select([c for c in patterns.scan(text) if _valid(c, text, toks, tables)])
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
        ctx = Context(anchor_day, tense, ref[1] if ref else None, day_before, _per(c, toks),
                      ref_year[1] if ref_year else None, prior[1] if prior else None,
                      _comparison(c, toks, tables))
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
    for i, (c, kind, value) in enumerate(found):
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


def event_date(timexes, start: int, end: int) -> str | None:
    """The date of whatever happens in [start, end): ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    Args:
        timexes: ``records.Timex`` objects (or dicts with the same keys).
        start, end: character offsets, e.g. an event's sentence.
    Returns:
        The most specific calendar date among the DATE (and dated TIME)
        timexes lying wholly inside the range, the first one on ties; ISO
        weeks become their month when the week lies in one month, else the
        year; quarters, halves and seasons become the year; None when none.
    """
    best, best_rank = None, 0
    for t in timexes:
        get = t.get if isinstance(t, dict) else lambda k, t=t: getattr(t, k)
        if get("type") not in ("DATE", "TIME") or get("start") < start or get("end") > end:
            continue
        value, rank = _calendar(get("value"))
        if rank > best_rank:
            best, best_rank = value, rank
    return best


def _calendar(value: str) -> tuple[str | None, int]:
    """A TIMEX3 value as (``YYYY[-MM[-DD]]``, precision 1-3) or (None, 0)."""
    week = re.match(r"^(\d{4})-W(\d{2})", value)
    if week:
        first = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        last = date.fromisocalendar(int(week[1]), int(week[2]), 7)
        if first.month == last.month:
            return f"{first.year:04d}-{first.month:02d}", 2
        return (f"{first.year:04d}", 1) if first.year == last.year else (None, 0)
    m = _EVENT_DATE.match(value)
    if not m:
        return None, 0
    if m[3]:
        return f"{m[1]}-{m[2]}-{m[3]}", 3
    if m[2]:
        return f"{m[1]}-{m[2]}", 2
    return m[1], 1


class TimexTagger:
    """The ``newsgraph_timex`` component: sets ``doc._.ng_timexes`` and ``doc.spans["ng_timexes"]``."""

    def __init__(self, nlp: Language, name: str, infer_published: bool, tables: str | None):
        """Args: nlp and name (from spaCy); infer_published: date undated docs from their
        text (``published.infer_published``); tables: path of another ``timex.yaml``."""
        self.name = name
        self.infer_published = infer_published
        self.tables = tables

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
