"""When each event mention happened, as an interval, and dates lent across articles.

Why this module exists: clustering must never merge the September 2022
attacks with the September 2023 offensive, and an article that only says
"on Tuesday" can be dated when another article dates the same event. Both
need one notion of "when", kept as an interval with a precision.

An event mention is dated, in order:

1. by ``Event.date`` (set by the events stage from timexes in its sentence);
2. else by a yearless DATE timex in its sentence (``XXXX-MM-DD``, a bare
   weekday), kept as a *partial* date (used to keep apart, never to date a
   cluster); a calendar date in the sentence that the events stage did not
   give the event belongs to another event of the sentence;
3. else, for a present-tense or headline report, by the publication date:
   the interval [published - a week, published] (kind ``approx``). "Recent"
   means: the event is asserted, its sentence has no DATE/TIME timex and no
   history word ("previous", "ago", "former", ...), and either the sentence
   opens the article (its first 600 characters after any page junk) or the
   trigger follows a present or present-perfect auxiliary ("has launched",
   "are gathering").

Yearless values also come as weekdays (``XXXX-WXX-2``, "on Tuesday" with no
anchor): a *partial* date (month, day, weekday) that can only rule out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Optional

from newsgraph.calendar_rules import weekday_beside_date
from newsgraph.records import ArticleRecord, Event

LEDE_CHARS = 600
_FULL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_PARTIAL = re.compile(r"^XXXX-(\d{2})(?:-(\d{2}))?")
_PARTIAL_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
_HISTORY = re.compile(r"\b(previous|previously|former|formerly|ago|earlier war|in the past|last year|"
                      r"years? after|decades?|centur(?:y|ies)|once|had)\b", re.I)
_PRESENT_AUX = re.compile(r"\b(has|have|is|are|has been|have been)\s+(?:\w+ly\s+)?$", re.I)


@dataclass(frozen=True)
class When:
    """A date interval. ``kind``: exact, month, year, week, approx or partial.

    ``partial`` carries (month or None, day or None, ISO weekday or None)
    when the year is unknown ("November 15", "on Tuesday" with no anchor);
    then ``lo`` and ``hi`` are None.
    """

    kind: str
    lo: Optional[date] = None
    hi: Optional[date] = None
    partial: Optional[tuple[Optional[int], Optional[int], Optional[int]]] = None

    @property
    def firm(self) -> bool:
        """A date the text states (not inferred from publication, not yearless)."""
        return self.kind in ("exact", "month", "year", "week")

    def value(self) -> Optional[str]:
        """The contract's ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` for this interval."""
        if self.lo is None:
            return None
        if self.kind in ("exact", "approx"):
            return (self.hi if self.kind == "approx" else self.lo).isoformat()
        if self.kind == "month":
            return self.lo.isoformat()[:7]
        if self.kind == "week":
            return self.lo.isoformat()[:7] if self.lo.month == self.hi.month else str(self.lo.year)
        return str(self.lo.year)


def parse_when(value: Optional[str], kind_hint: Optional[str] = None) -> Optional[When]:
    """A ``When`` from a date or TIMEX3 value (``2023-09-19``, ``2023-09``, ``XXXX-11-15``...)."""
    if not value or not isinstance(value, str):
        return None
    week = _WEEK.match(value)
    try:
        if week:
            lo = date.fromisocalendar(int(week[1]), int(week[2]), 1)
            return When("week", lo, lo + timedelta(days=6))
        m = _FULL.match(value)
        if m:
            year = int(m[1])
            if m[3]:
                d = date(year, int(m[2]), int(m[3]))
                return When(kind_hint or "exact", d, d)
            if m[2]:
                lo = date(year, int(m[2]), 1)
                hi = (date(year + (lo.month == 12), lo.month % 12 + 1, 1) - timedelta(days=1))
                return When("month", lo, hi)
            return When("year", date(year, 1, 1), date(year, 12, 31))
        p = _PARTIAL.match(value)
        if p:
            return When("partial", partial=(int(p[1]), int(p[2]) if p[2] else None, None))
        p = _PARTIAL_WEEKDAY.match(value)
        if p:
            return When("partial", partial=(None, None, int(p[1])))
    except ValueError:
        return None
    return None


def sentence_timexes(record: ArticleRecord, start: int, end: int) -> list:
    """The record's DATE/TIME timexes lying inside [start, end)."""
    return [t for t in record.timexes if t.type in ("DATE", "TIME") and t.start >= start and t.end <= end]


def mention_when(record: ArticleRecord, event: Event, days_before: int = 7) -> Optional[When]:
    """When the event happened, by the rules of this module's docstring, or None."""
    when = parse_when(event.date)
    if when is not None:
        return when
    s_start, s_end = (event.sentence + [0, 0])[:2] if event.sentence else (0, 0)
    timexes = sentence_timexes(record, s_start, s_end)
    trig = event.trigger.start
    ordered = sorted(timexes, key=lambda t: t.start)
    for t in sorted(timexes, key=lambda t: abs(t.start - trig)):
        # calendar dates are the events stage's call (it dates an event only by the
        # expressions the parse ties to it); yearless ones only keep mentions apart
        when = parse_when(t.value[:10] if t.value.startswith("XXXX") else None)
        if when is not None:
            return _with_weekday(when, t, ordered, record.text)
    if timexes or event.status != "asserted":
        return None
    published = parse_when(record.published)
    if published is None or published.kind != "exact":
        return None
    sentence = record.text[s_start:s_end]
    if _HISTORY.search(sentence):
        return None
    before = record.text[max(s_start, trig - 30):trig]
    if s_start - body_start(record) < LEDE_CHARS or _PRESENT_AUX.search(before):
        return When("approx", published.lo - timedelta(days=days_before), published.lo)
    return None


def _with_weekday(when: When, t, ordered: list, text: str) -> When:
    """A yearless weekday or date completed by its neighbour: "Thursday (March 14)" is (3, 14, 4).

    Both halves together fit one day in six or seven years, so such a date can
    say "the same day" to a report that dates the event in full.
    """
    i = ordered.index(t)
    for before, after in ((ordered[i - 1], t) if i > 0 else (None, None),
                          (t, ordered[i + 1]) if i + 1 < len(ordered) else (None, None)):
        found = weekday_beside_date(before, after, text) if before is not None else None
        if found is not None:
            return When("partial", partial=found)
    return when


def body_start(record: ArticleRecord) -> int:
    """Offset of the article's first character that is neither space nor page junk."""
    pos = 0
    for start, end in sorted(record.boilerplate or []):
        gap = record.text[pos:start]
        if gap.strip():
            return pos + len(gap) - len(gap.lstrip())
        pos = max(pos, end)
    rest = record.text[pos:]
    return pos + len(rest) - len(rest.lstrip())


def dates_agree(a: Optional[When], b: Optional[When], tolerance: int = 2) -> bool:
    """False when two mentions cannot be the same event by their dates.

    Different years or months never agree; exact days agree within
    ``tolerance`` days; yearless dates compare month and day only.
    """
    if a is None or b is None:
        return True
    if a.kind == "partial" or b.kind == "partial":
        return _partial_agree(a, b, tolerance)
    slack = timedelta(days=tolerance if a.kind == b.kind == "exact" else 0)
    if a.kind in ("exact", "approx") and b.kind in ("exact", "approx") and "approx" not in (a.kind, b.kind):
        return abs((a.lo - b.lo).days) <= tolerance
    return a.lo - slack <= b.hi and b.lo - slack <= a.hi


def _partial_agree(a: When, b: When, tolerance: int) -> bool:
    if a.kind == "partial" and b.kind == "partial":
        (ma, da, wa), (mb, db, wb) = a.partial, b.partial
        if ma is not None and mb is not None and ma != mb:
            return False
        if da is not None and db is not None and ma == mb and abs(da - db) > tolerance:
            return False
        return wa is None or wb is None or _weekday_gap(wa, wb) <= tolerance
    part, full = (a, b) if a.kind == "partial" else (b, a)
    return partial_fits(part.partial, full, tolerance)


def _weekday_gap(a: int, b: int) -> int:
    return min((a - b) % 7, (b - a) % 7)


def partial_fits(partial: tuple, full: When, tolerance: int) -> bool:
    """True when a yearless date (month, day, weekday) can fall in ``full``'s interval."""
    month, day, weekday = partial
    if full.kind not in ("exact", "month", "approx"):
        return True
    if full.kind == "approx" or (month is None and full.kind == "month"):
        return True
    if month is not None:
        if full.lo.month != month and full.hi.month != month:
            return False
        if day is not None and full.kind == "exact" and abs(full.lo.day - day) > tolerance:
            return False
    if weekday is not None and full.kind == "exact":
        return _weekday_gap(full.lo.isoweekday(), weekday) <= tolerance
    return True


def shift(day: str, days: int) -> str:
    """``YYYY-MM-DD`` moved by ``days``."""
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


# -- publication dates lent across articles ------------------------------------
_WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
_SAME_DAY = re.compile(r"\b(today|this (?:morning|afternoon|evening)|tonight)\b", re.I)
_DAY_AFTER = re.compile(r"\b(yesterday|last night)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:on |this |early |late )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                      re.I)
_NOT_RELATIVE = re.compile(r"\b(last|next|previous|coming|every)\s+$", re.I)


def publication_from(sentence: str, event_day: date) -> Optional[tuple[date, str]]:
    """The publication date implied by a relative date in ``sentence`` naming ``event_day``.

    "on Tuesday" naming Tuesday 19 September gives that day (the earliest
    day a newswire "on Tuesday" can be written: the bare weekday is the last
    such day not after publication, so any day up to the next Monday reads
    the same); "yesterday" gives the day after; "today" the same day. A
    weekday that is not ``event_day``'s, or "last Tuesday", gives None.
    Returns ``(publication date, expression)`` or None.
    """
    m = _DAY_AFTER.search(sentence)
    if m:
        return event_day + timedelta(days=1), m.group(0)
    m = _SAME_DAY.search(sentence)
    if m:
        return event_day, m.group(0)
    for m in _WEEKDAY.finditer(sentence):
        if _NOT_RELATIVE.search(sentence[:m.start()]):
            continue
        if _WEEKDAYS[m.group(1).lower()] == event_day.isoweekday():
            return event_day, m.group(0).strip()
        return None
    return None


def infer_published(record: ArticleRecord, pairs: list[tuple],
                    related: Optional[Callable[[int, str], bool]] = None) -> Optional[tuple[str, dict]]:
    """A publication date for an undated article from events other articles date.

    Args:
        record: the article (its ``published`` is null or only inferred).
        pairs: ``(event index, cluster id, other article id, other event
            index, other's exact date)`` for each of the article's undated
            mentions that matches, pair-wise, a mention dated by the text
            of another article.
        related: ``related(event index, sentence)`` tells whether another
            sentence of the article speaks of that mention's event (the
            same kind of happening named): when no mention's own sentence
            holds a relative date, such a sentence may ("Azerbaijan's
            advance erupted into bloodshed on Tuesday" before "Azerbaijan
            started an attack").
    Returns:
        ``(YYYY-MM-DD, evidence)`` when every usable pair implies the same
        day, else None (conservative: conflicting evidence dates nothing).
    """
    found: dict[str, dict] = {}
    for idx, cid, other, other_idx, day in pairs:
        event = record.events[idx]
        s_start, s_end = (list(event.sentence) + [0, len(record.text)])[:2]
        implied = publication_from(record.text[s_start:s_end], day)
        if implied is None:
            continue
        value = implied[0].isoformat()
        found.setdefault(value, {"cluster": cid, "event": idx, "expression": implied[1],
                                 "dated_by": {"article": other, "event": other_idx, "date": day.isoformat()}})
    if not found and related is not None:
        found = _related_sentences(record, pairs, related)
    if not found and pairs:
        return _weekday_date_after(record, pairs)
    if len(found) != 1:
        return None
    value, evidence = next(iter(found.items()))
    return value, evidence


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _related_sentences(record: ArticleRecord, pairs: list[tuple],
                       related: Callable[[int, str], bool]) -> dict[str, dict]:
    """Publication dates implied by relative dates in sentences about a paired mention's event."""
    found: dict[str, dict] = {}
    for start, end in _sentences(record.text):
        sentence = record.text[start:end]
        for idx, cid, other, other_idx, day in pairs:
            if not related(idx, sentence):
                continue
            implied = publication_from(sentence, day)
            if implied is not None:
                found.setdefault(implied[0].isoformat(), {
                    "cluster": cid, "event": idx, "expression": implied[1], "sentence": [start, end],
                    "dated_by": {"article": other, "event": other_idx, "date": day.isoformat()}})
    return found


WEEKDAY_HORIZON = 366   # days after the latest reported event a weekday-date may lie


def _weekday_date_after(record: ArticleRecord, pairs: list[tuple]) -> Optional[tuple[str, dict]]:
    """Date an article by a weekday next to a yearless date, once other articles bound its year.

    "rallies took place on Sunday (October 1st)" fits one year in six or
    seven; alone it dates nothing. When the article also reports an event
    that another article dates (the offensive of 2023-09-19), the article is
    no older than that event, and the first weekday-consistent date at or
    after it, within ``WEEKDAY_HORIZON`` days, is taken as the
    (lower-bound) publication date, the latest if several pairs qualify.
    """
    cid, idx, other, other_idx, bound = max(((c, i, o, oi, d) for i, c, o, oi, d in pairs), key=lambda p: p[4])
    timexes = sorted((t for t in record.timexes if t.type == "DATE"), key=lambda t: t.start)
    best: Optional[tuple[date, str]] = None
    for before, t in zip(timexes, timexes[1:]):
        found = weekday_beside_date(before, t, record.text)
        if found is None:
            continue
        day = _first_match_after(bound, *found)
        if day is not None and (best is None or day > best[0]):
            end = t.end + (record.text[t.end:t.end + 1] == ")" and "(" in record.text[before.end:t.start])
            best = (day, record.text[before.start:end])
    if best is None:
        return None
    return best[0].isoformat(), {"cluster": cid, "event": idx, "expression": best[1], "rule": "weekday-date",
                                 "dated_by": {"article": other, "event": other_idx, "date": bound.isoformat()}}


def _first_match_after(bound: date, month: int, day: int, weekday: int) -> Optional[date]:
    """The first ``month``/``day`` on ISO ``weekday`` at or after ``bound``, within the horizon."""
    for year in (bound.year, bound.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if bound <= candidate <= bound + timedelta(days=WEEKDAY_HORIZON) and candidate.isoweekday() == weekday:
            return candidate
    return None
