"""Candidate time expressions: one regex pass per pattern over the text.

Why this module exists: recognition and normalisation are separate concerns.
Here the rule tables of ``newsgraph/data/timex.yaml`` become a short list of
compiled patterns, each naming the kind of expression it finds ("mdy",
"weekday", "numbered", ...). ``scan`` returns every match as a ``Candidate``
with its named groups as character spans; ``newsgraph.extract.timex`` then
checks them against the tokens, keeps the longest non-overlapping ones and
hands them to ``timex_normalise``. Every pattern is linear in the text.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.knowledge import data_path
from newsgraph.knowledge.loader import read_yaml

DATA_PATH = data_path("timex.yaml")
_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
PLAIN_UNITS = ("days", "weeks", "months", "years", "decades", "centuries", "hours", "minutes")
PODS = ("morning", "afternoon", "evening", "night")


@dataclass
class Candidate:
    """One pattern match: ``kind``, its extent and its named groups.

    ``groups`` maps a group name to its lower-cased text; ``spans`` maps it to
    ``(start, end)`` character offsets in the text. ``order`` is the pattern's
    rank, used to break ties between equally long matches.
    """

    start: int
    end: int
    kind: str
    order: int
    groups: dict[str, str] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def get(self, name: str) -> str | None:
        """The lower-cased text of group ``name``, or None when it did not match."""
        return self.groups.get(name)


_ACTIVE: ContextVar[str] = ContextVar("newsgraph_timex_tables", default=str(DATA_PATH))


def load_tables(path: str | None = None) -> dict:
    """The rule tables at ``path``, or those in use (see ``using``); parsed once per file."""
    return _load(path or _ACTIVE.get())


@lru_cache(maxsize=None)
def _load(path: str) -> dict:
    return read_yaml(path)


@contextmanager
def using(path: str | None):
    """Within this block, ``load_tables()`` reads ``path`` (None: the packaged tables)."""
    token = _ACTIVE.set(path or str(DATA_PATH))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first, spaces and apostrophes loose."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        piece = re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")
        parts.append(piece)
    return "(?:" + "|".join(parts) + ")"


def _pieces(tables: dict) -> dict:
    """The shared regex fragments (months, weekdays, numbers, units...)."""
    months = tables["months"]["names"]
    full = [m for m in months if m not in _ABBREVIATIONS]
    abbr = [m for m in months if m in _ABBREVIATIONS]
    numbers = tables["numbers"]
    tens = "|".join(numbers["tens"])
    digits_words = "one|two|three|four|five|six|seven|eight|nine"
    num_words = [w for w in numbers["words"]] + list(numbers["vague"])
    units = [u for u in tables["units"]["table"] if u != "century"]
    p = {
        "MONTH": r"(?P<mon>" + _alt(full) + r"\b|" + _alt(abbr) + r"(?:\.|\b))",
        "WD": r"(?P<wd>" + _alt(tables["weekdays"]["names"]) + r")\b",
        "NUM": r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:" + tens + r")-(?:" + digits_words
               + r")|" + _alt(num_words) + r")(?:\s+and\s+a\s+half)?)",
        "UNIT": r"(?P<unit>(?:" + "|".join(units) + r")s?|centur(?:y|ies))",
        "MOD": r"(?P<mod>" + _alt(tables["modifiers"]["words"]) + r")",
        "INNER": _alt(tables["modifiers"]["inner"]),
        "POD": r"(?P<pod>" + "|".join(PODS) + ")",
        "EDGE": r"(?:(?P<edge>(?:the\s+)?(?:end|beginning|start|middle|turn)\s+of|early|mid|late)"
                r"(?:\s*-\s*|\s+))?",
        "ORD": _alt(tables["ordinals"]["words"]),
        "YEAR": r"(?P<year>1[0-9]{3}|20[0-9]{2})",
        "DAY": r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?",
        "DAY2": r"(?:\s*[-–]\s*(?P<day2>[0-3]?[0-9])(?:st|nd|rd|th)?\b)?",
        "SEASON": r"(?P<season>" + _alt(tables["seasons"]["codes"]) + r")",
    }
    return p


def _patterns(tables: dict) -> list[tuple[str, re.Pattern, re.Pattern | None]]:
    """The ordered (kind, compiled pattern) list; earlier kinds win ties."""
    p = _pieces(tables)
    rel = _alt(tables["relative"]["shift"])
    ana = _alt(tables["relative"]["anaphoric"])
    fuzzy = _alt(tables["fuzzy"]["words"])
    sets = _alt(tables["set_adverbs"]["words"])
    hol = _alt(tables["holidays"]["dates"])
    plural_preps = _alt(tables["prepositions"]["plural_unit"])
    plain_units = "(?:" + "|".join(PLAIN_UNITS) + ")"
    defs = [
        ("iso", r"\b(?P<year>[12][0-9]{3})-(?P<mon>[01][0-9])-(?P<day>[0-3][0-9])\b", ["-"]),
        ("mdy", r"\b(?:(?:the\s+)?" + p["POD"] + r"\s+of\s+)?(?:" + p["WD"] + r",?\s+)?" + p["MONTH"]
         + r"\s+" + p["DAY"] + r"\b"
         + p["DAY2"] + r"(?:,?\s+" + p["YEAR"] + r"\b)?"),
        ("dmy", r"\b(?:" + p["WD"] + r",?\s+)?(?:the\s+)?" + p["DAY"] + p["DAY2"] + r"\s+(?:of\s+)?"
         + p["MONTH"] + r"(?:,?\s+" + p["YEAR"] + r"\b)?", p["DAY"] + p["DAY2"] + r"\s+(?:of\s+)?" + p["MONTH"]),
        ("time", r"(?<![\d.:])(?P<h>[0-2]?[0-9])(?:[:.](?P<mi>[0-5][0-9]))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
         r"(?:\s+(?P<tz>GMT|UTC|EST|EDT|CST|CDT|PST|PDT|CET))?"
         r"(?:\s+(?P<rd>today|tonight|yesterday|tomorrow)\b|\s+" + p["WD"] + r")?"),
        ("time", r"(?<![\d.:])(?P<h>[0-2]?[0-9]):(?P<mi>[0-5][0-9])\b(?!:)(?:\s+(?P<tz>GMT|UTC|CET|EST|EDT))?", [":"]),
        ("time", r"\b(?P<named>noon|midnight|midday)\b(?:\s+(?P<rd>today|tonight|yesterday|tomorrow)\b|\s+"
         + p["WD"] + r")?", ["noon", "midnight", "midday"]),
        ("quarter", r"\b(?:(?P<the>the)\s+)?(?P<ord>" + p["ORD"] + r")(?:\s+|-)(?P<qh>quarter|half)\b(?:\s+of\s+(?:"
         + p["YEAR"] + r"\b|(?P<yrel>this|last|next|the)\s+year\b))?", r"(?:quarter|half)\b"),
        ("quarter", r"\bQ(?P<q>[1-4])\b(?:\s+" + p["YEAR"] + r"\b)?"),
        ("century", r"\b(?:the\s+)?" + p["EDGE"] + r"(?:(?P<cnum>[12]?[0-9])(?:st|nd|rd|th)|(?P<cword>"
         + p["ORD"] + r"))[\s-]+century\b", r"[\s-]century\b"),
        ("decade", r"\b(?:the\s+)?" + p["EDGE"] + r"(?P<dec>1[0-9]{2}0|20[0-9]0)['’]?s\b", r"[0-9]0['’]?s\b"),
        ("decade", r"(?:\bthe\s+)?" + p["EDGE"] + r"['’](?P<dec2>[0-9]0)s\b", r"['’][0-9]0s\b"),
        ("month", r"\b" + p["EDGE"] + r"(?:(?P<rel>last|next|this|this\s+past|coming)\s+)?" + p["MONTH"]
         + r"(?:,?\s+(?:of\s+)?" + p["YEAR"] + r"\b)?"),
        ("year", r"\b" + p["EDGE"] + r"(?<![\d,.$€£#/])" + p["YEAR"]
         + r"\b(?![,.]\d|\s*(?:%|percent|per\s+cent))"),
        ("season", r"\b(?:(?P<edge>early|mid|late)(?:\s*-\s*|\s+))?(?:(?P<det>this|last|next|past|coming|the)\s+)?"
         + p["SEASON"] + r"\b(?:,?\s+(?:of\s+)?" + p["YEAR"] + r"\b)?", tables["seasons"]["codes"]),
        ("holiday", r"\b(?P<hol>" + hol + r")\b", tables["holidays"]["dates"]),
        ("relday", r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<rd>today|tonight|yesterday|tomorrow)\b(?:\s+"
         + p["POD"] + r"\b)?", ["today", "tonight", "yesterday", "tomorrow"]),
        ("relday", r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<rd>this|last)\s+" + p["POD"] + r"\b", PODS),
        ("weekday", r"\b(?:(?P<mod>early|late)\s+)?(?:(?P<rel>this|last|next|past|coming)\s+)?" + p["WD"]
         + r"(?:\s+" + p["POD"] + r"\b)?"),
        ("anaphoric", r"\b(?P<ana>" + ana
         + r")\s+(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b"),
        ("anaphoric", r"\b(?P<ana>the\s+next)\s+(?P<unit>day|morning)\b", ["next"]),
        ("anaphoric", r"\bthe\s+(?P<unit>day)\s+(?P<ba>before|after)\b", ["before", "after"]),
        ("fuzzy", r"\b(?P<fz>" + fuzzy + r")\b(?!-)"),
        ("night", r"\b(?:(?P<idiom>" + _alt(tables["night_adverbs"]["idioms"]) + r")\s+)?(?P<night>"
         + _alt(tables["night_adverbs"]["words"]) + r")\b(?!-)", tables["night_adverbs"]["words"]),
        ("relunit", r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?:(?P<the>the)\s+)?(?P<rel>" + rel
         + r")\s+(?P<unit>week|month|year|weekend|quarter|decade|century|spring|summer|autumn|fall|winter)\b"),
        ("relunit", r"\b(?P<the>the)\s+(?P<unit>weekend)\b", ["weekend"]),
        ("endof", r"\b(?P<edge>(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+(?P<rel>the|this|last|next)\s+"
         r"(?P<unit>week|month|year)\b", ["end", "beginning", "start", "middle"]),
        ("plural", r"\b(?:(?P<the>the)\s+)?(?P<rel>coming|upcoming|next|past|last|recent|previous|following)\s+"
         r"(?P<unit>" + plain_units + r")\b", PLAIN_UNITS),
        ("numbered", r"\b(?:" + p["MOD"] + r"\s+)?" + p["NUM"] + r"(?P<hy>\s+|-)(?:" + p["INNER"] + r"\s+)?"
         + p["UNIT"] + r"\b(?P<half>\s+and\s+a\s+half)?(?P<old>-old\b|\s+old\b)?"
         r"(?:\s+(?P<rel>ago|later|earlier|from\s+now))?\b"),
        ("fiscal", r"\bfiscal\s+(?:year\s+)?" + p["YEAR"] + r"\b", ["fiscal"]),
        ("yearago", r"\b(?:(?P<the>the)\s+)?(?P<ya>" + _alt(tables["comparison_periods"]["words"])
         + r")\s+(?P<unit>period|quarter|month|half|year|week)\b", tables["comparison_periods"]["words"]),
        ("long", r"(?<![\w-])(?:" + p["NUM"] + r"[-\s])?" + p["UNIT"] + r"-long\b", r"-long\b"),
        ("yearend", r"\b(?P<ye>year|month|quarter)[-\s]end\b(?!\s+(?:of|results|report|figures)\b)", ["end"]),
        ("theunit", r"\b(?:in|for|during|over|throughout|of)\s+(?P<x>the\s+(?:fiscal\s+)?(?P<unit>week|month|year|quarter))\b"
         r"(?!\s+(?:of|before|after|earlier|ago|since|to|in\s+which)\b|\s*['’]s|-)"),
        ("theunit", r"\b(?P<x>the\s+(?:latest|most\s+recent)\s+(?P<unit>week|month|year|quarter|period))\b",
         ["latest", "recent"]),
        ("anaphoric", r"\b(?P<ana>the)\s+(?P<unit>day)\b(?!\s*['’]s|-|\s+(?:of|before|after|to|and|or)\b)"),
        ("set", r"\b(?:every|each)\s+(?:other\s+)?(?:" + p["NUM"] + r"\s+)?(?:" + p["UNIT"] + "|" + p["WD"] + "|"
         + p["POD"] + r"|(?P<we>weekend)|" + p["SEASON"] + r")\b", ["every", "each"]),
        ("set", r"\bper\s+" + p["UNIT"] + r"\b", ["per"]),
        ("set", r"\b(?P<adv>" + sets + r")\b", tables["set_adverbs"]["words"]),
        ("bare", r"\b" + plural_preps + r"\s+(?P<x>" + plain_units + r")\b", PLAIN_UNITS),
        ("bare", r"(?<![\w-])(?P<x>" + plain_units + r")\s+(?:of|after|before)\b", PLAIN_UNITS),
        ("bare", r"(?<![\w-])(?P<u>" + plain_units + r")\s+(?:later|earlier)\b", PLAIN_UNITS),
    ]
    # A third item is a gate: a part every match must contain, searched once per
    # text; a text without it skips the pattern (most texts have no decade, century
    # or "-long", and a pattern that opens with optional words is tried at every word).
    # A regex gate is searched as it is; a list of words is looked up in the
    # lower-cased text (a plain substring test, far cheaper than a regex pass).
    return [(kind, re.compile(rx, re.I), _gate(gate[0]) if gate else None)
            for kind, rx, *gate in defs]


def _gate(gate):
    if isinstance(gate, str):
        return re.compile(gate, re.I)
    return WordGate.of(gate)


class WordGate:
    """A pattern's words, one of which every match contains: a text lacking all skips it.

    A word's regex lets its spaces match any whitespace and its apostrophe either
    kind, so the piece looked for is its longest run without either. Lower-casing
    the text stands for the patterns' IGNORECASE, which is exact for ASCII pieces
    except for the few other characters IGNORECASE also takes for an ASCII
    letter (dotted/dotless i, long s, the kelvin sign): a text holding one of
    those is never skipped.
    """

    def __init__(self, pieces: tuple[str, ...]):
        self.pieces = pieces

    @classmethod
    def of(cls, words) -> "WordGate | None":
        pieces = set()
        for word in words:
            runs = [r for r in re.split(r"[\s'’]+", str(word).lower()) if r and r.isascii()]
            if not runs:
                return None   # nothing plain to look for: no gate
            pieces.add(max(runs, key=len))
        return cls(tuple(sorted(pieces)))

    def present(self, lowered: str | None) -> bool:
        """Whether one piece occurs in ``lowered`` (``lowered_text``; None: cannot tell, so yes)."""
        return lowered is None or any(piece in lowered for piece in self.pieces)

    def search(self, text: str):
        """Like a regex gate's ``search``: None when no piece can be in ``text``."""
        return True if self.present(lowered_text(text)) else None


def lowered_text(text: str) -> str | None:
    """``text`` lower-cased, where that reads exactly as IGNORECASE does; else None.

    Every ASCII letter lower-cases to the one IGNORECASE takes it for; a text with
    a character IGNORECASE also reads as an ASCII letter (dotted/dotless i, long s,
    the kelvin sign), or whose length lower-casing changes, gets None.
    """
    if text.isascii():
        return text.lower()
    if _ascii_folding().search(text) is not None:
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


@lru_cache(maxsize=1)
def _ascii_folding() -> re.Pattern:
    """The non-ASCII characters IGNORECASE matches with an ASCII letter (all in the BMP)."""
    others = re.findall("[a-z]", "".join(map(chr, range(0x80, 0xD800))) + "".join(map(chr, range(0xE000, 0x10000))),
                        re.I)
    return re.compile("[" + re.escape("".join(others)) + "]")


@lru_cache(maxsize=None)
def _compiled(path: str) -> tuple:
    return tuple(_patterns(load_tables(path)))


def compiled(path: str | None = None) -> tuple:
    """The compiled (kind, pattern, gate or None) list for the tables at ``path`` or in use (cached)."""
    return _compiled(path or _ACTIVE.get())


def prepare(path: str | None = None) -> None:
    """Compile everything ``scan`` uses now (with the model), not on the first article."""
    compiled(path)
    _lowered(path or _ACTIVE.get())
    _ascii_folding()


@lru_cache(maxsize=None)
def _lowered(path: str) -> tuple | None:
    """The same patterns, lower-cased and without IGNORECASE, for ``lowered_text``; None if unsafe.

    Python's IGNORECASE cannot skip an alternative by its first letter, so a
    pattern opening with optional word lists costs a jump per word at every
    word boundary; on lower-cased text the plain pattern finds the same matches
    several times faster. Only sources whose letters are ASCII (case-folding
    exactly) and whose group names are lower-case are converted.
    """
    out = []
    for _kind, pattern, _gate in _compiled(path):
        source = pattern.pattern
        names = list(pattern.groupindex)
        if any(ch.isalpha() and not ch.isascii() for ch in source) or any(n != n.lower() for n in names):
            return None
        out.append(re.compile(_lower_source(source)))
    return tuple(out)


def _lower_source(source: str) -> str:
    """A regex source with its literal letters lower-cased (escapes like ``\\S`` and ``(?P`` kept)."""
    out, i = [], 0
    while i < len(source):
        if source.startswith("(?P", i):
            out.append("(?P")
            i += 3
        elif source[i] == "\\":
            out.append(source[i:i + 2])
            i += 2
        else:
            out.append(source[i].lower())
            i += 1
    return "".join(out)


def scan(text: str, path: str | None = None) -> list[Candidate]:
    """Every pattern match in ``text`` as a Candidate (overlaps included).

    Args:
        text: the document text.
        path: the rule-table file (default: the tables in use, normally the
            packaged ``timex.yaml``).
    Returns:
        Candidates in pattern order; overlaps are resolved by the caller.
    """
    found = []
    lowered = lowered_text(text)
    plain = _lowered(path or _ACTIVE.get()) if lowered is not None else None
    for order, (kind, pattern, gate) in enumerate(compiled(path)):
        if isinstance(gate, WordGate):
            if not gate.present(lowered):
                continue
        elif gate is not None and gate.search(text) is None:
            continue
        matches = plain[order].finditer(lowered) if plain is not None else pattern.finditer(text)
        for m in matches:
            start, end = m.span()
            if "x" in pattern.groupindex and m.group("x"):
                start, end = m.span("x")
            while end > start and text[end - 1].isspace():
                end -= 1
            groups = {k: v.lower() for k, v in m.groupdict().items() if v is not None}
            spans = {k: m.span(k) for k in groups}
            found.append(Candidate(start, end, kind, order, groups, spans))
    return found
