"""Publication date from the article text, for inputs that gave none.

Why this module exists: relative dates ("on Tuesday", "last week") mean
nothing without the publication date, and many inputs (plain text, pasted
articles) lack it. The text often pins it down: a full date ("On September
19, 2023, Azerbaijan launched..."), or a weekday next to a yearless date
("on Sunday (October 1st)"), which holds in only a few years. The article
cannot be older than the latest such date it reports, so that date is
returned as the (lower-bound) publication date. A full date counts only in
the lede (the first lines of the body), where news reports what just
happened; further down, full dates are background ("the war ended on
November 10, 2020"), or announcements ("effective January 1, 2024"), and
would date the article wrongly. Nothing is guessed: without
such support the answer is None and the caller may date the article later
from other articles. No clock is read.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from newsgraph.extract.timex import component as timex_mod
from newsgraph.extract.timex.calendar import weekday_beside_date
from newsgraph.extract.extensions import doc_text

_FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR_IN_TEXT = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_NEAR = 12   # how many years after the latest year mentioned a weekday match may lie


def infer_published(doc: Doc, tables_path: str | None = None) -> tuple[str | None, str | None]:
    """The publication date the text supports, and the expression that supports it.

    Args:
        doc: a parsed Doc (the ``newsgraph_timex`` requirements have run).
        tables_path: another rule-table file for the time expressions.
    Returns:
        ``(YYYY-MM-DD, evidence)`` where evidence is the text of the time
        expression(s) the date comes from, or ``(None, None)``. Supported
        dates are full dates with their year written out, and yearless
        dates next to a weekday, placed in the year where the weekday
        matches nearest after the latest year the text mentions (never
        before it). Dates the text puts in the future ("will be held on
        January 1, 2024") are skipped; the latest remaining one is returned.
    """
    found = timex_mod.find_timexes(doc, None, tables_path)
    toks = timex_mod.TokenIndex(doc)
    tables = timex_mod.patterns.load_tables(tables_path)
    years = [int(v) for t in found if t.type == "DATE" for v in _YEAR_IN_TEXT.findall(t.text)]
    best: tuple[date, str] | None = None
    lede_end = _lede_end(doc_text(doc))
    for i, t in enumerate(found):
        day = _explicit(t) if t.start < lede_end else None
        evidence = t.text
        if day is None and i > 0:
            day = _by_weekday(found[i - 1], t, doc_text(doc), years)
            evidence = doc_text(doc)[found[i - 1].start:t.end]
        if day is None or timex_mod.tense_at(doc, toks, t.start, t.end, tables) == "future":
            continue
        if best is None or day > best[0]:
            best = (day, evidence)
    return (best[0].isoformat(), best[1]) if best else (None, None)


LEDE_LINES = 3  # headline plus the first two paragraphs


def _lede_end(text: str) -> int:
    """Offset where the lede ends: after the first ``LEDE_LINES`` non-blank lines."""
    seen, offset = 0, 0
    for line in text.splitlines(keepends=True):
        offset += len(line)
        if line.strip():
            seen += 1
            if seen == LEDE_LINES:
                return offset
    return offset


def _explicit(t) -> date | None:
    """The date of a DATE timex whose text spells out day, month and year."""
    m = _FULL.match(t.value)
    if t.type != "DATE" or not m or not _YEAR_IN_TEXT.search(t.text):
        return None
    return date(int(m[1]), int(m[2]), int(m[3]))


def _by_weekday(before, t, text: str, years: list[int]) -> date | None:
    """A yearless date right after a weekday ("Sunday (October 1st)") placed in its year."""
    found = weekday_beside_date(before, t, text)
    if found is None or not years:
        return None
    month, day, weekday = found
    for year in range(max(years), max(years) + _NEAR + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate.isoweekday() == weekday:
            return candidate
    return None
