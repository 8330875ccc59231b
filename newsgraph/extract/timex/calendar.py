"""Calendar arithmetic for TIMEX3 values: weeks, yearless dates, durations.

Why this module exists: "last week" -> ``2023-W37``, "on Thursday" ->
``2023-09-21`` or "three decades" -> ``P30Y`` need a handful of small
date computations that ``timex_normalise`` combines per kind of expression.
Each is a pure function of its arguments (no clock is ever read), following
the TempEval-3 (TimeML TIMEX3) conventions; newsgraph's choices where those
leave room are noted at each function.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.extract.timex.patterns import load_tables
# the pure date helpers live in one neutral module the link stage also reads
from newsgraph.calendar_rules import (FULL_DATE, day_value, parse_day, pick_year, shift_month,  # noqa: F401
                                      week_value, weekday_beside_date, weekday_date)


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


