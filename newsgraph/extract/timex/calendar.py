"""Calendar arithmetic for TIMEX3 values: weeks, yearless dates, durations.

Why this module exists: "last week" -> ``2023-W37``, "on Thursday" ->
``2023-09-21`` or "three decades" -> ``P30Y`` need a handful of small
date computations that ``timex_normalise`` combines per kind of expression.
Each is a pure function of its arguments (no clock is ever read), following
the TempEval-3 (TimeML TIMEX3) conventions; newsgraph's choices where those
leave room are noted at each function.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from newsgraph.extract.timex.patterns import load_tables

FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


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


def count_of(text: str | None) -> float | None:
    """The number a count word or numeral stands for; None when vague ("several")."""
    if not text:
        return 1
    tables = load_tables()
    text = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'"))
    if text.endswith(" and a half"):
        whole = count_of(text[:-len(" and a half")])
        return None if whole is None else whole + 0.5
    words = tables["numbers"]["words"]
    if text in words:
        return words[text]
    if "-" in text:
        tens, _, unit = text.partition("-")
        if tens in words and unit in words:
            return words[tens] + words[unit]
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def unit_name(text: str) -> str:
    """The singular table name of a unit word ("centuries" -> "century")."""
    text = text.lower()
    plurals = load_tables()["units"]["plurals"]
    if text in plurals:
        return plurals[text]
    return text[:-1] if text.endswith("s") and text[:-1] in load_tables()["units"]["table"] else text


def duration(count: float | None, unit: str) -> str:
    """A TIMEX3 duration: ``P30Y`` for 3 decades, ``PT24H``, ``PXW`` for a vague count.

    Halves move to the next smaller unit where that is exact ("half an hour" -> PT30M).
    """
    table = load_tables()["units"]
    spec = table["table"][unit_name(unit)]
    prefix = "PT" if spec.get("clock") else "P"
    if count is None:
        letter = table["vague_letter"].get(unit_name(unit), spec["letter"])
        return f"{prefix}X{letter}"
    n = count * spec["times"]
    letter = spec["letter"]
    if not float(n).is_integer():
        smaller = {"Y": ("M", 12, "P"), "M": ("D", 30, "P"), "W": ("D", 7, "P"), "D": ("H", 24, "PT"),
                   "H": ("M", 60, "PT")}
        if letter in smaller and (n * smaller[letter][1]).is_integer():
            letter, factor, prefix = smaller[letter]
            n *= factor
    return f"{prefix}{_number(n)}{letter}"


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


def season_year(code: str, anchor: date, det: str | None, tense: str | None) -> int:
    """The year of a season relative to ``anchor`` ("last summer", "this winter")."""
    start_month = load_tables()["seasons"]["starts"][code]
    starts = [date(y, start_month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if det in ("last", "past"):
        return max(s for s in starts if s <= anchor - timedelta(days=91)).year
    if det in ("next", "coming"):
        return min(s for s in starts if s > anchor).year
    if det == "this" or tense is None:
        return anchor.year
    if tense == "past":
        return max(s for s in starts if s <= anchor).year
    return min(s for s in starts if s + timedelta(days=91) >= anchor).year


def shift_unit(unit: str, n: int, base: date | None) -> str:
    """The calendar unit holding ``base`` moved by ``n`` units, at that unit's granularity.

    ``unit`` is day, week, weekend, month, quarter, year, decade or century.
    Without a base, the TIMEX3 underspecified form (``XXXX-WXX`` ...).
    """
    if base is None:
        return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}.get(unit, "XXXX")
    if unit == "day":
        return day_value(base + timedelta(days=n))
    if unit in ("week", "weekend"):
        return week_value(base + timedelta(days=7 * n)) + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        y, m = shift_month(base.year, base.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, m = shift_month(base.year, base.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "decade":
        return str(base.year // 10 + n)
    if unit == "century":
        return f"{base.year // 100 + n:02d}"
    return f"{base.year + n:04d}"


def ago(count: float | None, unit: str, anchor: date | None, sign: int) -> str:
    """The date ``count`` units before (sign -1) or after (+1) the anchor, at the unit's granularity.

    "two weeks ago" -> the ISO week; "six months ago" -> YYYY-MM; "two
    decades ago" -> the decade (``200``), as TIMEX3 keeps the unit's granularity; a vague
    count or no anchor gives PAST_REF / FUTURE_REF.
    """
    ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
    unit = unit_name(unit)
    if count is None or anchor is None or not float(count).is_integer():
        return ref
    n = int(count) * sign
    if unit in ("hour", "minute", "second"):
        return day_value(anchor)
    if unit in ("day", "night"):
        return day_value(anchor + timedelta(days=n))
    if unit in ("week", "fortnight"):
        return week_value(anchor + timedelta(days=7 * n * (2 if unit == "fortnight" else 1)))
    if unit in ("month", "quarter"):
        y, m = shift_month(anchor.year, anchor.month, n * (3 if unit == "quarter" else 1))
        return f"{y:04d}-{m:02d}"
    years = n * {"year": 1, "decade": 10, "century": 100}[unit]
    year = anchor.year + years
    if unit == "decade":
        return f"{year // 10:03d}"
    if unit == "century":
        return f"{year // 100:02d}"
    return f"{year:04d}"


_PERIOD = re.compile(r"^(FY)?(\d{4})(?:-([QH])([1-4])|-(\d{2})(?:-(\d{2}))?)?")


def shift_value(value: str, count: float, unit: str, sign: int) -> str | None:
    """A calendar TIMEX3 value moved by ``count`` units, keeping its granularity where it can.

    "a year earlier" after ``1989-Q3`` -> ``1988-Q3``; "a month earlier" after
    ``2025-01`` -> ``2024-12``; a day-level value moves at the unit's
    granularity (a year back from ``2023-05-04`` -> ``2022``). None when the
    value is not calendar-like or the unit does not fit it.
    """
    m = _PERIOD.match(value or "")
    if not m or not float(count).is_integer():
        return None
    n, unit = int(count) * sign, unit_name(unit)
    year = int(m[2])
    if unit == "year":
        if m[3]:
            return f"{year + n:04d}-{m[3]}{m[4]}"
        if m[5] and not m[6]:
            return f"{year + n:04d}-{m[5]}"
        return f"{year + n:04d}"
    if unit == "quarter" and m[3] == "Q":
        index = year * 4 + int(m[4]) - 1 + n
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit in ("month", "quarter") and m[5]:
        y, mo = shift_month(year, int(m[5]), n * (3 if unit == "quarter" else 1))
        return f"{y:04d}-{mo:02d}"
    return None


_YEARLESS_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_BARE_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
_WEEKDAY_GLUE = re.compile(r"\s*[(,]?\s*")


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
