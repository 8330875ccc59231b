"""Which country a word or name points at, without the actors component.

Why this module exists: events need a country for their source and target
even when ``newsgraph_actors`` is not in the pipeline (or missed a mention).
This is the light fallback the brief asks for: names and demonyms through
country_converter's own regular expressions, capitals (used as actors,
"Baku denounced", a capital is its government) and cities, all from the one
geographic knowledge module ``newsgraph.knowledge.geo``, plus the lexicon's
demonyms, metonyms and international bodies. Everything is offline and cached per
distinct string.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.knowledge import geo


place_key = geo.place_key          # re-exported for the event modules that look places up
gazetteer = geo.gazetteer
city_country = geo.city_country


def warm_tables() -> None:
    """Build the cached tables (gazetteer, capitals, country patterns) now: they are per-process
    load costs, so the component pays them when it is created rather than inside the first doc."""
    gazetteer()
    geo.capitals()
    _any_country_pattern()


def named_place_country(name: str, hints: frozenset = frozenset(), min_population: int = 10000
                        ) -> Optional[str]:
    """Country of a place the tagger named (GPE/LOC/FAC): a city of that name in a country
    the sentence names wins ("Tripoli ... the north Lebanese port" -> LBN), else the most
    populous official holder of the name with ``min_population`` people (a named place may
    be a town too small for the bare-word fallback, "Jericho")."""
    key = place_key(name)
    entries = [e for e in gazetteer().get(key, ()) if place_key(e[1]) == key and e[0] >= min_population]
    hinted = [e for e in entries if e[2] in hints]
    if hinted:
        return hinted[0][2]
    return entries[0][2] if entries else None


def country_name(iso3: str) -> Optional[str]:
    """The English short name of ``iso3`` ("FRA" -> "France"), or None."""
    return geo.country_names().get(iso3)


def capital_country(name: str) -> Optional[str]:
    """ISO3 of the country whose capital is ``name`` ("Baku" -> "AZE"), or None."""
    return geo.capitals().get(name.strip().lower())


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


@lru_cache(maxsize=1)
def _any_country_pattern():
    """One regex matching wherever any of country_converter's patterns matches (their
    alternation), or None if they cannot be joined. Most keys ("police", "talks") match no
    country: one search rules all 250 patterns out."""
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p, _ in geo.coco_patterns()), re.IGNORECASE)
    except re.error:  # pragma: no cover - a pattern with global flags
        return None


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
    screen = _any_country_pattern()
    if screen is not None and not screen.search(key):
        return best, None
    for pattern, iso3 in geo.coco_patterns():
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
        self._memo: dict[str, tuple] = {}   # key -> _lookup(...): no hashing of the tables per call

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
        if key in self.lexicon.igos:      # an international body has no country ("OAS" is no Philippine town)
            return None, None
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > 20000:
                self._memo.clear()
            found = self._memo[key] = _lookup(key, self._countries, self._metonyms)
        return found

    def igo_sector(self, text: str) -> Optional[str]:
        """IGO/NGO sector when ``text`` names an international body, else None."""
        return self.lexicon.igos.get(_strip(text))
