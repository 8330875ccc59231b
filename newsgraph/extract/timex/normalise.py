"""TIMEX3 type and value for one recognised candidate, by kind of expression.

Why this module exists: recognition (``timex_patterns``) says *what kind* of
expression a span is; this module says what it *means*, given a ``Context``:
the anchor (publication date), the tense around the expression, a reference
date for yearless dates in a narrative, and the last full date mentioned for
anaphora ("the same day"). One small function per kind, dispatched by name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.extract.timex import calendar as cal
from newsgraph.extract.timex.patterns import Candidate, load_tables


@dataclass
class Context:
    """What a value may depend on besides the expression itself.

    anchor: the publication date or None. tense: "past", "future" or None.
    ref: a full date with an explicit year mentioned earlier in the same
    paragraph (yearless dates are read relative to it), or None.
    last_day: the last day-level date resolved in the document (for "the
    same day", "the day before"), or None. per: True when the expression
    follows a quantity ("100 euros a month"), making "a month" a SET.
    ref_year: the last year written out earlier in the same paragraph ("the
    first quarter of 2024 ... the second half"), for yearless quarters,
    halves and seasons; or None.
    prior: the value of the last calendar DATE or TIME earlier in the same
    paragraph ("third-quarter profit ... the year-earlier period"), or None.
    compare: True when "a year earlier" follows a figure it compares with
    ("from $51 million a year earlier"): it then names a period, a DATE.
    """

    anchor: date | None = None
    tense: str | None = None
    ref: date | None = None
    last_day: date | None = None
    per: bool = False
    ref_year: int | None = None
    prior: str | None = None
    compare: bool = False


def _month(name: str) -> int:
    return load_tables()["months"]["names"][name.rstrip(".").lower()]


def _weekday(name: str) -> int:
    return load_tables()["weekdays"]["names"][name.lower()]


def _pod(name: str | None) -> str:
    return "T" + load_tables()["parts_of_day"]["codes"][name] if name else ""


def _yearless(month: int, day: int | None, ctx: Context) -> str | None:
    """The year for a yearless month or day: from the reference date, else the anchor."""
    if ctx.ref is not None:
        return f"{cal.pick_year(month, day, ctx.ref, None):04d}"
    if ctx.anchor is not None:
        return f"{cal.pick_year(month, day, ctx.anchor, ctx.tense):04d}"
    return None


def _day_value(year: str | None, month: int, day: int) -> str | None:
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
    try:
        return date(int(year), month, day).isoformat()
    except ValueError:
        return None


def _calendar_date(c: Candidate, ctx: Context):
    month = int(c.get("mon")) if c.get("mon").isdigit() else _month(c.get("mon"))
    day = int(c.get("day"))
    year = c.get("year") or _yearless(month, day, ctx)
    value = _day_value(year, month, day)
    if value and c.get("pod"):
        return "TIME", value + _pod(c.get("pod"))
    return ("DATE", value) if value else None


def _month_value(c: Candidate, ctx: Context):
    month = _month(c.get("mon"))
    rel = (c.get("rel") or "").split()[-1:] or [None]
    if rel[0] and not c.get("year") and ctx.anchor is not None:
        a = ctx.anchor
        if rel[0] in ("last", "past"):
            year = a.year if month < a.month else a.year - 1
        elif rel[0] in ("next", "coming"):
            year = a.year if month > a.month else a.year + 1
        else:
            year = a.year
        return "DATE", f"{year:04d}-{month:02d}"
    year = c.get("year") or _yearless(month, None, ctx) or "XXXX"
    return "DATE", f"{year}-{month:02d}"


def _year(c: Candidate, ctx: Context):
    return "DATE", c.get("year")


def _decade(c: Candidate, ctx: Context):
    if c.get("dec"):
        return "DATE", c.get("dec")[:3]
    two = c.get("dec2")
    return "DATE", ("19" if int(two) >= 30 else "20") + two[0]


def _century(c: Candidate, ctx: Context):
    n = int(c.get("cnum")) if c.get("cnum") else load_tables()["ordinals"]["words"].get(c.get("cword"))
    return ("DATE", f"{n - 1:02d}") if n else None


def _quarter(c: Candidate, ctx: Context):
    if c.get("q"):
        n, letter = int(c.get("q")), "Q"
    else:
        letter = "Q" if c.get("qh") == "quarter" else "H"
        n = load_tables()["ordinals"]["words"].get(c.get("ord"), 0)
        if c.get("ord") in ("last", "final") and letter == "H":
            n = 2
        if not 1 <= n <= (4 if letter == "Q" else 2):
            return None
        if c.get("ord") == "last" and not c.get("the") and not c.get("year") and letter == "Q":
            return "DATE", cal.shift_unit("quarter", -1, ctx.anchor)
    if c.get("year"):
        year = int(c.get("year"))
    elif ctx.ref_year and not c.get("yrel") and not _ahead_of(ctx.ref_year, ctx):
        year = ctx.ref_year
    elif ctx.anchor is None:
        return "DATE", f"XXXX-{letter}{n}"
    else:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(c.get("yrel"), 0)
        start_month = (n - 1) * (3 if letter == "Q" else 6) + 1
        if not c.get("yrel") and ctx.tense == "past" and date(year, start_month, 1) > ctx.anchor:
            year -= 1
    return "DATE", f"{year:04d}-{letter}{n}"


def _season(c: Candidate, ctx: Context):
    code = load_tables()["seasons"]["codes"][c.get("season")]
    if c.get("year") or (ctx.ref_year and c.get("det") not in ("last", "next", "past", "coming", "this")
                         and not _ahead_of(ctx.ref_year, ctx)):
        return "DATE", f"{c.get('year') or ctx.ref_year}-{code}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}"
    return "DATE", f"{cal.season_year(code, ctx.anchor, c.get('det'), ctx.tense):04d}-{code}"


def _holiday(c: Candidate, ctx: Context):
    mm, dd = (int(x) for x in str(load_tables()["holidays"]["dates"][re.sub(r"\s+", " ", c.get("hol"))
                                                                       .replace("’", "'")]).split("-"))
    return "DATE", _day_value(_yearless(mm, dd, ctx), mm, dd)


def _relday(c: Candidate, ctx: Context):
    word, pod = c.get("rd"), c.get("pod")
    if word == "tonight":
        pod = "night"
    shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    base = cal.day_value(ctx.anchor + timedelta(days=shift)) if ctx.anchor else "XXXX-XX-XX"
    return ("TIME" if pod else "DATE"), base + _pod(pod)


def _night(c: Candidate, ctx: Context):
    """ "overnight": the night before the anchor day (None after an idiom word: "almost overnight")."""
    if c.get("idiom"):
        return None
    shift = load_tables()["night_adverbs"]["words"][c.get("night").lower()]
    base = cal.day_value(ctx.anchor + timedelta(days=shift)) if ctx.anchor else "XXXX-XX-XX"
    return "TIME", base + _pod("night")


def _weekday_value(c: Candidate, ctx: Context):
    wd = _weekday(c.get("wd"))
    if ctx.anchor is None:
        base = f"XXXX-WXX-{wd}"
    else:
        base = cal.day_value(cal.weekday_date(wd, ctx.anchor, ctx.tense, c.get("rel")))
    return ("TIME" if c.get("pod") else "DATE"), base + _pod(c.get("pod"))


def _anaphoric(c: Candidate, ctx: Context):
    ana, unit = c.get("ana") or "", c.get("unit")
    shift = {"before": -1, "after": 1}.get(c.get("ba"), 0)
    shift = shift or load_tables()["relative"]["anaphoric"].get(re.sub(r"\s+", " ", ana), 0)
    base = ctx.last_day or ctx.anchor
    if unit in ("morning", "afternoon", "evening", "night"):
        return "TIME", cal.shift_unit("day", shift, base) + _pod(unit)
    return "DATE", cal.shift_unit(unit, shift, base)


def _fuzzy(c: Candidate, ctx: Context):
    return "DATE", load_tables()["fuzzy"]["words"][re.sub(r"\s+", " ", c.get("fz"))]


def _relunit(c: Candidate, ctx: Context):
    unit, rel = c.get("unit"), c.get("rel")
    shift = load_tables()["relative"]["shift"].get(rel, 0)
    seasons = load_tables()["seasons"]["codes"]
    if unit in seasons:
        if ctx.anchor is None:
            return "DATE", f"XXXX-{seasons[unit]}"
        return "DATE", f"{cal.season_year(seasons[unit], ctx.anchor, rel, ctx.tense):04d}-{seasons[unit]}"
    if unit != "weekend" and (rel == "past" or (c.get("the") and rel in ("last", "next", "coming"))):
        return "DURATION", cal.duration(1, unit)
    if unit == "weekend" and rel in (None, "this"):
        a = ctx.anchor
        if a is None:
            return "DATE", "XXXX-WXX-WE"
        if ctx.tense == "future" or (rel == "this" and ctx.tense is None):
            coming = a if a.isoweekday() <= 5 or rel == "this" else a + timedelta(days=7)
            return "DATE", cal.week_value(coming) + "-WE"
        return "DATE", cal.week_value(a if a.isoweekday() >= 6 else a - timedelta(days=7)) + "-WE"
    return "DATE", cal.shift_unit(unit, shift, ctx.anchor)


def _endof(c: Candidate, ctx: Context):
    shift = {"last": -1, "next": 1}.get(c.get("rel"), 0)
    return "DATE", cal.shift_unit(c.get("unit"), shift, ctx.anchor)


def _plural(c: Candidate, ctx: Context):
    if c.get("rel") in ("coming", "upcoming"):
        return "DATE", "FUTURE_REF"
    return "DURATION", cal.duration(None, c.get("unit"))


def _numbered(c: Candidate, ctx: Context):
    count, unit, rel = cal.count_of(c.get("num")), c.get("unit"), c.get("rel") or ""
    if count is not None and c.get("half"):
        count += 0.5
    if c.get("old"):   # ages are durations in TIMEX3 ("a 63-year-old" -> P63Y)
        return "DURATION", cal.duration(count, unit)
    if rel in ("ago", "earlier") and ctx.compare and count is not None:
        shifted = cal.shift_value(ctx.prior, count, unit, -1) if ctx.prior else None
        return "DATE", shifted or cal.ago(count, unit, ctx.anchor, -1)
    if rel == "ago":
        return "DATE", cal.ago(count, unit, ctx.anchor, -1)
    if rel.startswith("from"):
        return "DATE", cal.ago(count, unit, ctx.anchor, 1)
    if c.get("num") in ("a", "an") and not c.get("mod") and ctx.per:
        return "SET", cal.duration(1, unit)
    return "DURATION", cal.duration(count, unit)


def _set(c: Candidate, ctx: Context):
    if c.get("adv"):
        return "SET", load_tables()["set_adverbs"]["words"][c.get("adv")]
    if c.get("unit"):
        return "SET", cal.duration(cal.count_of(c.get("num")), c.get("unit"))
    if c.get("wd"):
        return "SET", f"XXXX-WXX-{_weekday(c.get('wd'))}"
    if c.get("pod"):
        return "SET", "XXXX-XX-XX" + _pod(c.get("pod"))
    if c.get("we"):
        return "SET", "XXXX-WXX-WE"
    return "SET", "XXXX-" + load_tables()["seasons"]["codes"][c.get("season")]


def _time(c: Candidate, ctx: Context):
    if c.get("named"):
        hour, minute = (24 if c.get("named") == "midnight" else 12), 0
    else:
        hour, minute = int(c.get("h")), int(c.get("mi") or 0)
        ampm = (c.get("ampm") or "").replace(".", "").replace(" ", "")
        if ampm and not 1 <= hour <= 12 or hour > 23:
            return None
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    if c.get("wd"):
        day = _weekday_value(c, ctx)[1]
    elif c.get("rd"):
        day = _relday(c, ctx)[1][:10]
    elif ctx.last_day is not None:   # "yesterday morning ... at 8:46 a.m.": that day
        day = cal.day_value(ctx.last_day)
    else:
        day = cal.day_value(ctx.anchor) if ctx.anchor else "XXXX-XX-XX"
    return "TIME", f"{day}T{hour:02d}:{minute:02d}"


def _fiscal(c: Candidate, ctx: Context):
    return "DATE", "FY" + c.get("year")


def _theunit(c: Candidate, ctx: Context):
    """"for the year", "in the quarter": the anchor's unit; a quarter is the last one
    completed, as in earnings reports."""
    unit = c.get("unit")
    period = re.match(r"^(\d{4})-([QH])\d$", ctx.prior or "")
    if period and unit == "year":   # "fourth-quarter net fell ... for the year": that quarter's year
        return "DATE", period[1]
    if period and unit in ("quarter", "period") and period[2] == "Q":
        return "DATE", ctx.prior
    if unit == "period":
        unit = "quarter"
    return "DATE", cal.shift_unit(unit, -1 if unit == "quarter" else 0, ctx.anchor)


def _yearago(c: Candidate, ctx: Context):
    """"the year-earlier period": the period last discussed, a year back; else the
    last completed quarter (or the year) before the anchor's, a year back."""
    unit = c.get("unit")
    shifted = cal.shift_value(ctx.prior, 1, "year", -1) if ctx.prior else None
    if shifted:
        return "DATE", shifted
    if ctx.anchor is None:
        return "DATE", "XXXX"
    if unit == "quarter":
        return "DATE", cal.shift_unit("quarter", -5, ctx.anchor)
    if unit in ("month", "week"):
        return "DATE", cal.shift_unit(unit, -1, ctx.anchor.replace(year=ctx.anchor.year - 1)
                                      if not (ctx.anchor.month == 2 and ctx.anchor.day == 29)
                                      else ctx.anchor.replace(year=ctx.anchor.year - 1, day=28))
    return "DATE", f"{ctx.anchor.year - 1:04d}"


def _long(c: Candidate, ctx: Context):
    """"a decade-long fight", "a two-year-long siege": a duration used as an adjective."""
    unit = c.get("unit")
    if c.get("num"):
        count = cal.count_of(c.get("num"))
    else:
        count = None if cal.unit_name(unit) != unit.lower() else 1   # "months-long": vague
    return "DURATION", cal.duration(count, unit)


def _yearend(c: Candidate, ctx: Context):
    """"by year-end": December of the anchor's year; reported in its first quarter in past tense, the year before."""
    unit = c.get("ye")
    if ctx.anchor is None:
        return "DATE", cal.shift_unit(unit, 0, None)
    back = ctx.tense == "past" and ((unit == "year" and ctx.anchor.month <= 3) or
                                    (unit != "year" and ctx.anchor.day <= 10))
    value = cal.shift_unit(unit, -1 if back else 0, ctx.anchor)
    return "DATE", value + "-12" if unit == "year" else value   # TimeBank: "year end" is December


def _ahead_of(year: int, ctx: Context) -> bool:
    """True when a future-tense yearless period cannot lie in an earlier written year."""
    return ctx.tense == "future" and ctx.anchor is not None and year < ctx.anchor.year


def _bare(c: Candidate, ctx: Context):
    return "DURATION", cal.duration(None, c.get("x") or c.get("u"))


NORMALISERS = {
    "iso": _calendar_date, "mdy": _calendar_date, "dmy": _calendar_date, "month": _month_value,
    "year": _year, "decade": _decade, "century": _century, "quarter": _quarter, "season": _season,
    "holiday": _holiday, "relday": _relday, "weekday": _weekday_value, "anaphoric": _anaphoric,
    "fuzzy": _fuzzy, "relunit": _relunit, "endof": _endof, "plural": _plural, "numbered": _numbered,
    "set": _set, "time": _time, "bare": _bare, "fiscal": _fiscal, "theunit": _theunit,
    "yearago": _yearago, "long": _long, "yearend": _yearend, "night": _night,
}


def normalise(c: Candidate, ctx: Context) -> tuple[str, str] | None:
    """The TIMEX3 ``(type, value)`` of candidate ``c`` in context ``ctx``.

    Returns None when the candidate turns out not to be a time expression
    (an impossible date, an age such as "18-year-old", an hour past 23).
    """
    try:
        result = NORMALISERS[c.kind](c, ctx)
    except (KeyError, ValueError, TypeError):
        return None
    if not result or not result[1]:
        return None
    return result
