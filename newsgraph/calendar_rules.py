"""Pure calendar rules shared by the timex component and the link stage.

Why a module of its own, at the top of the package: reading "on Tuesday"
against an anchor, or a weekday beside a yearless date ("Sunday (October
1st)"), is needed both where time expressions are valued (``extract.timex``)
and where the link stage dates an article from another article's event
(``link.dates``). The link stage must not import the extractors, so the
rules live here, with no import from newsgraph: plain functions of their
arguments, no clock ever read, no data files.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEARLESS_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_BARE_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
_WEEKDAY_GLUE = re.compile(r"\s*[(,]?\s*")


def parse_day(value: str | None) -> date | None:
    """The date at the start of a TIMEX3 value (``2023-09-19TAF`` -> date), or None."""
    m = FULL_DATE.match(value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def day_value(d: date) -> str:
    """``YYYY-MM-DD``."""
    return d.isoformat()


def week_value(d: date) -> str:
    """The ISO week holding ``d`` as ``YYYY-Www``."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """(year, month) moved by ``by`` months."""
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def pick_year(month: int, day: int | None, around: date, tense: str | None) -> int:
    """The year of a yearless date, near ``around`` (the anchor or reference date).

    Past context: the latest such date not after ``around`` (a day's slack);
    future context: the earliest not before it; otherwise the nearest one.
    Months compare by their first day (past) or last day (future).
    """
    options = []
    for year in (around.year - 1, around.year, around.year + 1):
        last = calendar.monthrange(year, month)[1]
        if day is None:
            options.append((year, date(year, month, 1), date(year, month, last), date(year, month, 15)))
        else:
            d = date(year, month, min(day, last))
            options.append((year, d, d, d))
    if tense == "past":
        ok = [o for o in options if o[1] <= around + timedelta(days=1)]
        return max(ok, key=lambda o: o[1])[0]
    if tense == "future":
        ok = [o for o in options if o[2] >= around - timedelta(days=1)]
        return min(ok, key=lambda o: o[1])[0]
    return min(options, key=lambda o: abs((o[3] - around).days))[0]


def weekday_date(weekday: int, anchor: date, tense: str | None, rel: str | None) -> date:
    """The date of a weekday (ISO 1-7) relative to ``anchor``.

    Newswire convention: a bare weekday is the closest such day not after the
    anchor (today counts), or not before it in future context; "this" is the
    weekday of the anchor's ISO week, "last" that of the week before ("last
    Tuesday" written on a Wednesday is eight days back) and "next" that of
    the week after.
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    same_week = anchor + timedelta(days=weekday - anchor.isoweekday())
    if rel == "this":
        return same_week
    if rel in ("last", "past"):
        return same_week - timedelta(days=7)
    if rel in ("next", "coming"):
        return same_week + timedelta(days=7)
    if tense == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def weekday_beside_date(before, t, text: str) -> tuple[int, int, int] | None:
    """``(month, day, ISO weekday)`` when timex ``t`` is a yearless date right after the
    weekday timex ``before`` ("Sunday (October 1st)", "Tuesday, September 19"), else None.

    Such a pair holds in only one year in six or seven, so it can date an article
    once something bounds the year (``published``, and the link stage across articles).
    """
    m, w = _YEARLESS_DAY.match(t.value or ""), _BARE_WEEKDAY.match(before.value or "")
    if not (m and w) or not _WEEKDAY_GLUE.fullmatch(text[before.end:t.start]):
        return None
    return int(m[1]), int(m[2]), int(w[1])
