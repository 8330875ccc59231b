"""Events an article names without reporting them: "the 2020 war", "the previous war",
"the blockade of the Lachin Corridor", "the September 19, 2023 attack".

Why this module exists: the events stage extracts what an article reports
as happening; articles also *refer* to known events by name, and those
references are what ties a story to its past ("three years after the
previous war" and "after the war of 2020" are one war). A reference is a
noun phrase headed by an event noun of ``event_references`` in ``link.yaml``
with something that makes it name one event:

- a year or a full date before or after the noun ("the 2020 Artsakh War",
  "the war of 2020", "the September 19, 2023 attack");
- "previous"/"last" before it, its year counted back when the sentence says
  how long ago ("three years after the previous war", from the sentence's
  dated expression, else the publication year);
- a proper name after "of" ("the blockade of the Lachin Corridor");
- a duration ("a nine-month blockade");
- a named road said to be closed ("the Lachin corridor had been closed",
  ``closure_references``: the blockade of that road);
- or a time preposition before it ("after a lightning offensive", "following
  the attacks"), "The" opening a sentence ("The attack occurred even as
  ..."), a possessive ("Azerbaijan's advance in Nagorno-Karabakh erupted") or
  its launch ("the launch by Azerbaijan of a military operation"): such a *loose* reference names an event its own article
  reports, and joins only the nearest mention of it (``features``).

References become link mentions with negative indices (``-1``, ``-2``...)
so they never clash with event indices; a timeline entry lists them under
``references`` (the contract's ``mentions`` keep pointing at events).
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import Optional

from newsgraph.knowledge import data_path
from newsgraph.knowledge.loader import read_yaml
from newsgraph.records import ArticleRecord
from newsgraph.link.dates import When, parse_when
from newsgraph.link.lexicon import LinkLexicon

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
_YEAR = r"(?:19|20)\d\d"
_PROPER = r"(?:[A-Z][\w’'-]+\s+){0,3}"


@lru_cache(maxsize=1)
def _number_words() -> dict:
    """Count words ("three" -> 3) from the shipped ``timex.yaml``."""
    return dict((read_yaml(data_path("timex.yaml")).get("numbers") or {}).get("words") or {})


def _patterns(nouns: str) -> list[tuple[str, re.Pattern]]:
    noun = rf"(?P<noun>(?i:{nouns}))\b"
    return [
        ("day", re.compile(rf"\b[Tt]he (?P<day>(?:{_MONTHS}) \d{{1,2}}, {_YEAR}) {noun}")),
        ("year", re.compile(rf"\b[Tt]he (?P<year>{_YEAR}) (?P<name>{_PROPER}){noun}")),
        ("year", re.compile(rf"\b[Tt]he {noun} (?:of|in) (?P<year>{_YEAR})\b")),
        ("past", re.compile(rf"\b(?:[Tt]he|[Aa]) (?:previous|last|former) {noun}")),
        ("named", re.compile(rf"\b[Tt]he {noun} of (?:the )?(?P<name>(?:[A-Z][\w’'-]+\s?){{1,3}})")),
        ("duration", re.compile(rf"\b[Aa] [\w-]+-(?:day|week|month|year) {noun}")),
        ("loose", re.compile(rf"\b(?i:after|following|since|before) (?:the|an?) (?:[a-z]+ )?{noun}")),
        ("loose", re.compile(rf"(?:^|(?<=[.!?] )|(?<=\n))The (?:[a-z]+ )?{noun}")),
        # its launch names it too ("the launch by Azerbaijan of a military operation")
        ("loose", re.compile(rf"\b(?i:launch|start|beginning|outbreak)(?: by [A-Z][\w’'-]+)? of (?:the|an?) "
                             rf"(?:[a-z-]+ )?{noun}")),
        # a possessive names the happening its own article reports ("Azerbaijan's advance ... erupted")
        # (in lower case: "the Crisis Group's War & Peace podcast" is a title)
        ("loose", re.compile(rf"\b[A-Z][\w-]+[’']s (?:[a-z-]+ )?(?P<noun>{nouns})\b")),
    ]


def _years_back(record: ArticleRecord, sentence: tuple[int, int], start: int) -> Optional[int]:
    """The year of "N years after the previous war" (the sentence's date, else publication, minus N)."""
    before = record.text[max(sentence[0], start - 40):start]
    m = re.search(r"\b([\w-]+) years? (?:after|since)\s*$", before)
    if not m:
        return None
    n = _number_words().get(m.group(1).lower())
    if n is None and m.group(1).isdigit():
        n = int(m.group(1))
    anchor = None
    for t in record.timexes:
        if t.type == "DATE" and sentence[0] <= t.start < sentence[1] and t.value[:4].isdigit():
            anchor = int(t.value[:4])
            break
    if anchor is None and record.published and record.published[:4].isdigit():
        anchor = int(record.published[:4])
    return anchor - int(n) if anchor is not None and n is not None else None


def find_references(record: ArticleRecord, lex: LinkLexicon) -> list[dict]:
    """The article's event references, in text order: start, end, noun, type, when, name, past."""
    if not lex.references:
        return []
    nouns = "|".join(sorted((re.escape(w) for w in lex.references), key=len, reverse=True))
    triggers = [(e.trigger.start, e.trigger.end) for e in record.events]
    found: dict[int, dict] = {}
    closures = [("closed", re.compile(
        r"\b[Tt]he (?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}) (?P<place>(?i:" + "|".join(c["places"]) + r"))s? "
        r"(?:had|has|have|was|were|is|are)(?: been)? (?P<noun>" + "|".join(c["words"]) + r")\b"), c["noun"])
        for c in lex.closures]
    for kind, pattern, *named in _patterns(nouns) + closures:
        for m in pattern.finditer(record.text):
            s, e = m.span("noun")
            if s in found or any(a < e and s < b for a, b in triggers):
                continue   # the events stage reports it: the event stands for it
            sentence = _sentence(record, s)
            when: Optional[When] = None
            if kind == "day":
                when = parse_when(_iso_day(m.group("day")))
            elif kind == "year":
                when = parse_when(m.group("year"))
            elif kind == "past":
                year = _years_back(record, sentence, m.start())
                when = parse_when(str(year)) if year else None
            name = (m.groupdict().get("name") or "").strip()
            if m.groupdict().get("place"):
                name += " " + m.group("place")   # "the Lachin corridor": the blockade of the Lachin Corridor
            etype = lex.references[(named[0] if named else m.group("noun")).lower()]
            found[s] = {"start": s, "end": e, "noun": m.group("noun"), "type": etype,
                        "when": when, "name": lex.key(name), "past": kind == "past", "sentence": sentence,
                        "loose": kind == "loose", "duration": _duration(record, m.start(), m.end())}
    return [found[k] for k in sorted(found)]


def _duration(record: ArticleRecord, start: int, end: int) -> Optional[str]:
    """How long the named event lasted, as the text says ("a nine-month blockade", "closed for months")."""
    for t in record.timexes:
        if t.type == "DURATION" and start <= t.start < end + 25 and record.text[end:t.start].strip() in ("", "for"):
            return t.value
        if t.type == "DURATION" and start <= t.start and t.end <= end:
            return t.value
    return None


def _iso_day(text: str) -> Optional[str]:
    try:
        return datetime.strptime(text, "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def _sentence(record: ArticleRecord, pos: int) -> tuple[int, int]:
    """The sentence around ``pos`` (an event's sentence when one holds it, else split at stops)."""
    for event in record.events:
        if event.sentence and event.sentence[0] <= pos < event.sentence[1]:
            return event.sentence[0], event.sentence[1]
    lo = max(record.text.rfind(". ", 0, pos), record.text.rfind("\n", 0, pos)) + 1
    ends = [i for i in (record.text.find(". ", pos), record.text.find("\n", pos)) if i >= 0]
    return lo, min(ends) + 1 if ends else len(record.text)


def reference_year(when: Optional[When]) -> Optional[int]:
    """The year a reference's date falls in, or None."""
    return when.lo.year if when is not None and when.lo is not None else None
