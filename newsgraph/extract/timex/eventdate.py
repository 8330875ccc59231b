"""One calendar date for a stretch of text, from the timexes found in it.

Why a module of its own: events (and the link stage, through stored records)
need "when did this happen" as ``YYYY[-MM[-DD]]``; that reading of TIMEX3
values is independent of how timexes are found.
"""
from __future__ import annotations

import re
from datetime import date

_EVENT_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


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
