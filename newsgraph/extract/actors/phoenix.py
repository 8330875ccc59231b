"""The Phoenix actor dictionaries: which country and sector a named actor has.

Why this module exists: a person or organisation named without a country
("Vice-President Moody Awori declined to resign") is coded by its country in
PLOVER. The Phoenix dictionaries (converted into ``phoenix_actors.tsv`` by
scripts/convert_knowledge.py) list about 34,000 names of officials, leaders,
international organisations and armed groups with their codes and the dates
each code held. Lookups prefer the codes in force on the article's date; a
name whose codes are all out of range still gives its country (nationality
outlives office) but no sector.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Optional

from newsgraph.knowledge import data_path, geo
from newsgraph.knowledge.loader import read_yaml
from newsgraph.extract.actors.lexicon import fold


@dataclass(frozen=True)
class PhoenixActor:
    """What the dictionary says about one name on one date."""

    country: Optional[str]
    sector: Optional[str]
    code: str


@dataclass
class PhoenixBook:
    """Name -> ((code, start, end), ...), plus a first+last name index for unique people."""

    names: dict[str, tuple[tuple[str, str, str], ...]]   # (code, start, end) dates as written
    first_last: dict[str, frozenset[str]]                 # first+last name -> the longer names
    sectors: dict[str, str]
    international: dict[str, Optional[str]]
    surnames: dict[str, frozenset[str]] = field(default_factory=dict)   # last word -> people's names

    def _decode(self, code: str) -> tuple[Optional[str], Optional[str]]:
        """(country, sector) of a Phoenix code ("SDNGOV" -> SDN, GOV; "IGOUNO" -> None, IGO)."""
        head, rest = code[:3], code[3:]
        if head == "MNC" and rest[:3] in geo.country_names():
            return rest[:3], self.international[head]   # a company: "MNCUSA" is American business
        if head in self.international:
            return None, self.international[head]
        sector = next((self.sectors[rest[i:i + 3]] for i in range(0, len(rest), 3)
                       if rest[i:i + 3] in self.sectors), None)
        if head not in geo.country_names():
            return None, sector          # a region code ("EEU", "AFR"), not a country
        return head, sector

    def lookup(self, name: str, date: Optional[str] = None) -> Optional[PhoenixActor]:
        """The country and sector of a name as written, on ``date`` (YYYY-MM-DD or None).

        A code in force on the date wins. A name whose codes are all out of range
        (the dictionaries end around 2015) keeps its country only when every code
        gives the same one: nationality outlives office, but two people of one
        name are not one person. A name known only as first and last words of a
        longer dictionary name ("Moody Awori" for "Arthur Moody Awori") needs a
        code in force on the date and one country among all such names.
        """
        key = _key(name)
        codes = self.names.get(key)
        day = (date or "").replace("-", "")[:8]
        if codes is None:
            words = key.split()
            longer = self.first_last.get(f"{words[0]} {words[-1]}", ()) if len(words) >= 2 else ()
            found = {self._current(self.names[k], day)[0] for k in longer}
            if len(found) == 1 and None not in found:
                return PhoenixActor(next(iter(found)), None, "")
            return None
        country, sector, code = self._current(codes, day)
        if code:
            return PhoenixActor(country, sector, code)
        countries = {self._decode(c)[0] for c, _s, _e in codes} - {None}   # an IGO post has no country
        if len(countries) == 1:
            return PhoenixActor(next(iter(countries)), None, codes[0][0])
        return None

    def find(self, names: list[str], date: Optional[str], person: bool,
             hints: frozenset[str] = frozenset()) -> Optional[PhoenixActor]:
        """The first of an actor's capitalised names the dictionaries know on ``date``; a
        person's one-word name is also tried as a surname (``by_surname``)."""
        for name in dict.fromkeys(names):
            if not name or not name[:1].isupper():
                continue
            found = self.lookup(name, date)
            if found is None and person and " " not in name.strip():   # "Mahama", "Kabila"
                found = self.by_surname(name, date, hints)
            if found is not None:
                return found
        return None

    def by_surname(self, word: str, date: Optional[str] = None,
                   hints: frozenset[str] = frozenset()) -> Optional[PhoenixActor]:
        """The country (and sector) of a person named by surname alone ("Mahama", "Kabila's
        bid"). Every dictionary person of that surname, in any year, must belong to one
        state: two Kabilas are both Congolese, but "Harris", "Brown" or "Khan" are people of
        many states and give nothing, unless the article names exactly one of those states
        (``hints``: "Ouattara" in an Ivorian story); the article must name the person's
        state, since a lone "Chen" or "Henderson" is far more often somebody else. Someone of that state must also be in
        office on ``date`` (a bare surname is too weak to date-shift as ``lookup`` does)."""
        key = _key(word)
        if " " in key or len(key) < 4 or word.isupper():   # "ALBA" is an acronym, not Mr Alba
            return None
        people = self.surnames.get(key, ())
        states = {self._decode(code)[0] for k in people for code, _s, _e in self.names[k]}
        if len(states) > 1:
            states &= hints
        if len(states) != 1 or None in states or not states & hints:   # "Chen", "Henderson": a name
            return None                                                  # alone is no evidence of a state
            return None
        country = next(iter(states))
        day = (date or "").replace("-", "")[:8]
        current = [s for c, s in (self._current(self.names[k], day)[:2] for k in people) if c == country]
        if not current:
            return None
        sectors = set(current)
        return PhoenixActor(country, next(iter(sectors)) if len(sectors) == 1 else None, "")

    def _current(self, codes: tuple[tuple[str, str, str], ...], day: str
                 ) -> tuple[Optional[str], Optional[str], str]:
        """(country, sector, code) of the first code in force on ``day`` (any code
        when there is no date), or (None, None, "")."""
        for code, start, end in codes:
            if not day or ((not start or start <= day) and (not end or day <= end)):
                country, sector = self._decode(code)
                return country, sector, code
        return None, None, ""


def _key(name: str) -> str:
    """A name folded for lookup: case, accents, hyphens, dots and a leading "the" dropped."""
    text = fold(name).replace("-", " ").replace(".", "").replace("'s", "")
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@functools.lru_cache(maxsize=1)
def load_phoenix() -> PhoenixBook:
    """The shipped Phoenix actor table (read once per process)."""
    config = read_yaml(data_path("phoenix.yaml"))
    names: dict[str, tuple[tuple[str, str, str], ...]] = {}
    first_last: dict[str, set[str]] = {}
    surnames: dict[str, set[str]] = {}
    with open(data_path("phoenix_actors.tsv"), encoding="utf-8") as handle:
        for line in handle:
            phrase, _, codes = line.rstrip("\n").partition("\t")
            items = []
            for item in codes.split(";"):
                code, _, span = item.partition("@")
                start, _, end = span.partition("-")
                items.append((code, start, end))
            key = _key(phrase)
            names.setdefault(key, tuple(items))
            words = key.split()
            if len(words) >= 3 and items and items[0][0][:3].isalpha():
                first_last.setdefault(f"{words[0]} {words[-1]}", set()).add(key)
            if len(words) >= 2 and items and len(items[0][0]) > 3 and items[0][0][:3] in geo.country_names() \
                    and any(start or end for _c, start, end in items):
                for word in words[1:]:     # a person: dated roles in a state; "joseph kabila kabange"
                    surnames.setdefault(word, set()).add(key)
    book = PhoenixBook(names, {k: frozenset(v) for k, v in first_last.items()},
                       {str(k): v for k, v in (config.get("sectors") or {}).items()},
                       {str(k): v for k, v in (config.get("international") or {}).items()},
                       {k: frozenset(v) for k, v in surnames.items()})
    return book


@functools.lru_cache(maxsize=1)
def load_agents() -> dict[str, str]:
    """Role and sector words of the Phoenix agent dictionary -> PLOVER sector
    ("police officer" -> COP, "peasant" -> AGR), for words newsgraph's own
    sector lists do not name."""
    config = read_yaml(data_path("phoenix.yaml"))
    sectors = {str(k): v for k, v in (config.get("sectors") or {}).items()}
    international = {str(k): v for k, v in (config.get("international") or {}).items()}
    out: dict[str, str] = {}
    with open(data_path("phoenix_agents.tsv"), encoding="utf-8") as handle:
        for line in handle:
            phrase, _, code = line.rstrip("\n").partition("\t")
            code = code.replace("~", "")
            sector = international.get(code[:3]) or next(
                (sectors[code[i:i + 3]] for i in range(0, len(code), 3) if code[i:i + 3] in sectors), None)
            if sector:
                out[phrase] = sector
    return out
