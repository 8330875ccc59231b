"""Read title, author, outlet and publication date off a plain article text.

A ``.txt`` article arrives without page metadata, yet its text often says who
wrote it ("Author: ...", "By ...", an author bio), where it came from
("Source: ...", "With AFP", "Download the <Outlet> app") and when
("Published on ..."). The record's ``title``, ``author``, ``outlet`` and
``published`` fall back on what this module finds. It reads the lines the
boilerplate stage marked, but never takes a date from junk that is not an
explicit publication line: a clock widget shows the scrape date, not the
publication date.
"""
from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field

from newsgraph.clean.boilerplate import Row, byline_match, dateline_match, split_rows
from newsgraph.clean.layout import NAME_LINE_RE
from newsgraph.clean.patterns import BIO_START_RE, DATE_ONLY_RE, EDGE_ROWS, BoilerplatePatterns, default_patterns

ISO_DATE_RE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
OUTLET_HINTS = (   # junk lines that name the publisher, best first
    ("copyright", re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
                             r"(?P<name>[A-Z][^.|©]{1,50}?)\s*(?:[.|,]|all rights reserved|$)", re.I)),
    ("app", re.compile(r"\b(?:download|get) (?:the|our) (?P<name>[A-Z0-9][\w&.'’ -]{1,30}?) app\b"
                       r"|\b(?:download|get) our app\s*[:–-]\s*(?P<name2>[A-Z0-9][\w&.'’ -]{1,30}?)"
                       r"\s+(?:on|for)\b", re.I)),
)
BIO_EMPLOYER_RE = re.compile(   # "... editor of the Armenian Weekly", "... correspondent for Riviera Post"
    r"\b(?:for|of|at|with)\s+(?:the\s+)?(?P<name>[A-Z][\w&'’-]*(?:\s+(?:(?:of|and|&)\s+)?[A-Z][\w&'’-]*)*)")
WIRE_DATELINE_RE = re.compile(   # "NICOSIA, March 3, 2024 (Reuters) - ..."
    r"[A-Z][A-Za-z .'’-]{1,40},\s+(?P<date>[^()\n]{4,40}?)\s*"
    r"\((?P<agency>[A-Za-z][A-Za-z ]{1,30})\)\s*[-–—]")
_DATE_STOP_RE = re.compile(r"\s*(?:[|,;-]\s*)?\b(?:updated|modified|last|by)\b.*$", re.I)
_GENERIC_NAMES = {"free", "new", "mobile", "official", "news", "all rights reserved"}
_DATE_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "PREFER_DATES_FROM": "past",
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@dataclass
class TextMetadata:
    """What the text itself says about the article; any field may be None."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None          # YYYY-MM-DD
    published_source: str | None = None   # "text" when found, else None
    notes: list[str] = field(default_factory=list)   # how each value was found


def parse_date(value: str) -> str | None:
    """An absolute date string as ``YYYY-MM-DD``, or None.

    Args:
        value: text such as "September 20, 2023 at 10:30" or "20/09/2023".

    Returns:
        The ISO date, or None when day, month and year are not all written
        out (relative words like "yesterday" are never resolved against today).
    """
    value = _DATE_STOP_RE.sub("", value.strip()).strip(" .,:-–—")
    if not YEAR_RE.search(value):
        return None
    iso = ISO_DATE_RE.search(value)
    if iso:
        try:
            return datetime.date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return None
    import dateparser   # lazy: only texts with a candidate date pay for it

    parsed = dateparser.parse(value, settings=_DATE_SETTINGS)
    return parsed.strftime("%Y-%m-%d") if parsed else None


class _Spans:
    """Membership test for boilerplate spans."""

    def __init__(self, spans: list[list[int]]):
        self.spans = sorted((int(s), int(e)) for s, e in spans)
        self.starts = [s for s, _ in self.spans]

    def covers(self, row: Row) -> bool:
        i = bisect.bisect_right(self.starts, row.start) - 1
        return i >= 0 and self.spans[i][1] >= row.end


def _headline(row: Row | None) -> str | None:
    """The row's text if it looks like a headline: no final period, sensible length."""
    if row is None:
        return None
    t = row.text
    if not (2 <= row.words <= 30 and 10 <= len(t) <= 220) or t[-1] in ".,;:" or t.endswith("…"):
        return None
    return t


def find_metadata(text: str, boilerplate: list[list[int]], patterns: BoilerplatePatterns | None = None,
                  rows: list[Row] | None = None) -> TextMetadata:
    """Title, author, outlet and publication date found in the text.

    Args:
        text: the article text, as given.
        boilerplate: the spans ``find_boilerplate`` returned for ``text``.
        patterns: junk patterns (bylines, datelines, agencies); None uses the
            packaged ones.
        rows: ``split_rows(text)`` if the caller already has them (saves a pass).

    Returns:
        A ``TextMetadata``; ``notes`` says where each value came from and
        lists the credits that were not used (e.g. the agency when a better
        outlet was found).
    """
    pats = patterns or default_patterns()
    rows = split_rows(text) if rows is None else rows
    junk = _Spans(boilerplate)
    meta = TextMetadata()
    article = [r for r in rows if not junk.covers(r)]
    title_row = article[0] if article and _headline(article[0]) else None
    meta.title = title_row.text if title_row else None
    first_prose = next((r.index for r in article if r.prose), len(rows))
    last_prose = next((r.index for r in reversed(article) if r.prose), -1)
    ends = rows[:EDGE_ROWS] + rows[max(EDGE_ROWS, len(rows) - EDGE_ROWS):]
    outlets: dict[str, str] = {}   # kind of credit -> outlet name, first found wins
    byline_rows = set()
    for r in ends:
        if not (junk.covers(r) or r.index < first_prose or r.index > last_prose):
            continue
        m = byline_match(r.text, pats)
        if m:
            byline_rows.add(r.index)
            _take_byline(m.groupdict(), pats, meta, outlets, r.text)
        elif r.reason == "byline" and meta.author is None and NAME_LINE_RE.fullmatch(r.text):
            byline_rows.add(r.index)
            meta.author = r.text
            meta.notes.append(f"author {r.text!r} from a name line beside the date")
        if junk.covers(r):
            _take_hints(r, meta, outlets)
    if article and article[0].prose:
        wire = WIRE_DATELINE_RE.match(article[0].text)
        if wire and wire.group("agency").strip() in pats.agencies:
            _note_outlet(meta, outlets, "agency", wire.group("agency"), "wire dateline")
            _set_date(meta, parse_date(wire.group("date")), "wire dateline")
    kind = next((k for k in ("source", "copyright", "bio", "app", "agency") if k in outlets), None)
    if kind:
        meta.outlet = outlets[kind]
        meta.notes.append(f"outlet {meta.outlet!r} chosen from the {kind} credit")
    _find_published(ends, junk, title_row, byline_rows, pats, meta)
    return meta


def _note_outlet(meta: TextMetadata, outlets: dict, kind: str, name: str, where: str) -> None:
    name = name.strip().rstrip(".")
    if name and name.lower() not in _GENERIC_NAMES and kind not in outlets:
        outlets[kind] = name
        meta.notes.append(f"{kind} credit {name!r} from {where!r}")


def _take_byline(groups: dict, pats: BoilerplatePatterns, meta: TextMetadata,
                 outlets: dict[str, str], line: str) -> None:
    """Sort one byline's named groups into author, outlet and agency."""
    author, outlet, agency = groups.get("author"), groups.get("outlet"), groups.get("agency")
    if author and author.strip(" .") in pats.agencies:
        agency, author = author.strip(" ."), None
    if author and meta.author is None:
        meta.author = author.strip()
        meta.notes.append(f"author {meta.author!r} from byline {line!r}")
    if outlet:
        _note_outlet(meta, outlets, "agency" if outlet.strip() in pats.agencies else "source", outlet, line)
    if agency:
        _note_outlet(meta, outlets, "agency", agency, line)


def _take_hints(row: Row, meta: TextMetadata, outlets: dict) -> None:
    """Outlet and author hints in a junk line: copyright, app promo, author bio."""
    for kind, rx in OUTLET_HINTS:
        m = rx.search(row.text)
        if m:
            _note_outlet(meta, outlets, kind, m.group("name") or m.groupdict().get("name2") or "", row.text)
    # a press release's closing blurb ("Halvorsen Biotech is a clinical-stage company") is no author bio
    bio = BIO_START_RE.match(row.text) if row.prose and row.reason != "release" else None
    if bio:
        if meta.author is None:
            meta.author = bio.group("name")
            meta.notes.append(f"author {meta.author!r} from author bio")
        employer = BIO_EMPLOYER_RE.search(row.text.split(". ")[0], bio.end())
        if employer:
            _note_outlet(meta, outlets, "bio", employer.group("name"), row.text.split(". ")[0])


def _set_date(meta: TextMetadata, iso: str | None, how: str) -> None:
    if iso and meta.published is None:
        meta.published, meta.published_source = iso, "text"
        meta.notes.append(f"published {iso} from {how}")


def _find_published(rows: list[Row], junk: _Spans, title_row: Row | None, byline_rows: set,
                    pats: BoilerplatePatterns, meta: TextMetadata) -> None:
    """An explicit publication line (earlier patterns win: published before updated),
    else a bare date line right beside the title or a byline, never inside other junk."""
    for rx in pats.datelines:
        for r in rows:
            m = dateline_match(r.text, pats, [rx])
            if m and parse_date(m.group("date")):
                return _set_date(meta, parse_date(m.group("date")), f"line {r.text!r}")
    anchors = byline_rows | ({title_row.index} if title_row else set())
    for r in rows:
        near = any(abs(r.index - a) <= 2 for a in anchors)
        if near and (r.reason == "dateline" or not junk.covers(r)) and DATE_ONLY_RE.fullmatch(r.text):
            _set_date(meta, parse_date(r.text), f"date line {r.text!r} next to the title or a byline")
            if meta.published:
                return
