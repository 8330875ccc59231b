"""The page-junk patterns and line regexes the boilerplate finder uses.

Why this module exists: the known junk (UI phrases, widget and byline
regexes, credit words) lives in ``newsgraph/data/boilerplate.yaml`` and in
users' own files; loading, validating and merging them is separate from
judging lines, so both stay short and a user's broken pattern file fails
with a message naming it, before any article is read.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from newsgraph.knowledge import DATA_DIR
from newsgraph.knowledge.loader import read_yaml

DEFAULT_PATTERNS_PATH = DATA_DIR / "boilerplate.yaml"
EDGE_ROWS = 40   # bylines, datelines and bios are looked for this many lines from either end

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
         r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
CLOCK = r"\d{1,2}[:h.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?"
DATE_ONLY_RE = re.compile(
    rf"(?:{WEEKDAY},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}"
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}})"
    rf"(?:\s*[,|-]?\s*(?:at\s+)?{CLOCK})?", re.I)
DATE_HINT_RE = re.compile(
    rf"\b(?:19|20)\d{{2}}\b|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\b{MONTH}\s+\d|\d\s+{MONTH}|\bago\b", re.I)
_DEGREES = r"[-+−]?\d{1,3}(?:[.,]\d+)?\s*°?\s*[CF]"
TEMPERATURE_RE = re.compile(rf"{_DEGREES}(?:\s*/\s*{_DEGREES})?", re.I)   # "19.8 C", "21°C / 70°F"
CLOCK_RE = re.compile(CLOCK, re.I)
READING_RE = re.compile(f"{TEMPERATURE_RE.pattern}|{CLOCK}", re.I)
BIO_START_RE = re.compile(   # "<Name> is the assistant editor of ..."
    r"(?!(?:The|This|That|These|Our|Its|His|Her|Their)\b)"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?:is|was)\s+(?:a|an|the)\b")
CAPTION_RE = re.compile(r"(?P<body>[^()]{3,150}?)\s*\((?P<credit>[^()]{1,60})\)")
CALENDAR_RE = re.compile(rf"(?:{WEEKDAY}|today|yesterday)\b|{MONTH}$", re.I)
TERMINAL = tuple(".!?…")
CLOSERS = "\"'”’»)]"
_NORM_STRIP = " \t-–—•*|·>»«\"'“”‘’:!.?,;()[]"
# YAML section -> how its entries are kept: a set of words, a list, or regexes with these flags
_SECTIONS = {"phrases": "set", "credit_words": "set", "ui_verbs": "set", "bio_roles": "set",
             "agencies": "list", "line_regexes": re.I, "prefix_regexes": 0,
             "contains_regexes": re.I, "bylines": 0, "datelines": 0,
             "html_classes": re.I, "keep_regexes": re.I, "end_markers": re.I,
             "reader_verbs": "set", "closing_headings": re.I}


def normalize_line(line: str) -> str:
    """Lower-case ``line``, collapse spaces and drop surrounding bullets/punctuation."""
    return " ".join(line.lower().split()).strip(_NORM_STRIP)


def line_key(line: str) -> str:
    """The key under which ``count_lines`` counts a line: its words, single-spaced."""
    return " ".join(line.split())


@dataclass
class BoilerplatePatterns:
    """The known junk patterns, loaded from YAML files (see ``load``)."""

    phrases: set[str] = field(default_factory=set)          # normalised lines (``normalize_line``)
    line_regexes: list[re.Pattern[str]] = field(default_factory=list)
    prefix_regexes: list[re.Pattern[str]] = field(default_factory=list)
    contains_regexes: list[re.Pattern[str]] = field(default_factory=list)
    bylines: list[re.Pattern[str]] = field(default_factory=list)
    datelines: list[re.Pattern[str]] = field(default_factory=list)
    credit_words: set[str] = field(default_factory=set)
    agencies: list[str] = field(default_factory=list)
    ui_verbs: set[str] = field(default_factory=set)
    bio_roles: set[str] = field(default_factory=set)
    html_classes: list[re.Pattern[str]] = field(default_factory=list)
    keep_regexes: list[re.Pattern[str]] = field(default_factory=list)
    end_markers: list[re.Pattern[str]] = field(default_factory=list)
    reader_verbs: set[str] = field(default_factory=set)
    closing_headings: list[re.Pattern[str]] = field(default_factory=list)
    settings: dict[str, int] = field(default_factory=dict)
    _joined: dict[str, re.Pattern[str]] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def load(cls, path: str | Path | None = None,
             extra_paths: Iterable[str | Path] = ()) -> "BoilerplatePatterns":
        """Read the patterns.

        Args:
            path: the main YAML file; None means the packaged
                ``newsgraph/data/boilerplate.yaml``.
            extra_paths: more YAML files in the same format (e.g. a user's
                site-specific junk); lists are appended, ``settings`` override.
        Returns:
            A ready ``BoilerplatePatterns``. Raises ``ValueError`` naming the
            file for an unknown section, an entry without ``why:`` or a bad regex.
        """
        pats = cls()
        for p in [Path(path) if path else DEFAULT_PATTERNS_PATH, *map(Path, extra_paths)]:
            pats._add(read_yaml(p), str(p))
        return pats

    def _add(self, data: dict, source: str) -> None:
        self.settings.update(data.pop("settings", None) or {})
        self._joined = None
        for section, entries in data.items():
            if section not in _SECTIONS:
                raise ValueError(f"{source}: unknown section {section!r}; expected one of {sorted(_SECTIONS)}")
            kind, store = _SECTIONS[section], getattr(self, section)
            for e in entries or []:
                if not isinstance(e, dict) or not e.get("why"):
                    raise ValueError(f"{source}: entry {e!r} in {section!r} needs a 'why:' line")
                value = str(next(v for k, v in e.items() if k != "why"))
                try:
                    store.add(normalize_line(value)) if kind == "set" else store.append(
                        value if kind == "list" else re.compile(value, kind))
                except re.error as err:
                    raise ValueError(f"{source}: bad regex {value!r} in {section!r} ({err})") from err

    def setting(self, name: str, default: int) -> int:
        """A numeric setting from the YAML ``settings`` block."""
        return int(self.settings.get(name, default))

    def joined(self) -> dict[str, re.Pattern[str]]:
        """One regex per section (``line``, ``prefix``, ``contains``, ``ui``, ``roles``, ``html``, ``keep``, ``end``)."""
        if self._joined is None:
            def alt(items) -> str:
                return "|".join(f"(?:{i})" for i in items) or r"(?!)"
            words = alt(sorted(map(re.escape, self.ui_verbs), key=len, reverse=True))
            try:
                self._joined = {
                    "line": re.compile(alt(r.pattern for r in self.line_regexes), re.I),
                    "prefix": re.compile(alt(r.pattern for r in self.prefix_regexes)),
                    "contains": re.compile(alt(r.pattern for r in self.contains_regexes), re.I),
                    "ui": re.compile(rf"(?:{words})(?:[\s|/•·,:]+(?:{words}))*"),
                    "roles": re.compile(rf"\b(?:{alt(map(re.escape, self.bio_roles))})", re.I),
                    "html": re.compile(alt(r.pattern for r in self.html_classes), re.I),
                    "keep": re.compile(alt(r.pattern for r in self.keep_regexes), re.I),
                    "end": re.compile(alt(r.pattern for r in self.end_markers), re.I),
                    "closing": re.compile(alt(r.pattern for r in self.closing_headings), re.I),
                }
            except re.error as err:
                raise ValueError(f"junk regexes cannot be joined ({err}): use scoped flags "
                                 "such as (?i:...), not a global (?i)") from err
        return self._joined


@functools.lru_cache(maxsize=1)
def default_patterns() -> BoilerplatePatterns:
    """The packaged patterns, loaded once per process."""
    return BoilerplatePatterns.load()
