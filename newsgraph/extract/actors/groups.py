"""Actors named by what they are: "Azerbaijani forces", "the French Senate".

A sector noun (``sectors.yaml``) with its qualifier becomes one of three
things. Government nouns ("the Azerbaijani government", "Armenian officials")
are the country itself (id ISO3, sector GOV). Body nouns are one state
institution: ``org:<iso3>-<body>`` ("org:aze-foreign-ministry",
"org:fra-senate"). Group nouns are people of one sector:
``org:<iso3>-<group>`` ("org:aze-mil", "org:fra-leg", "org:bel-police"), or
``org:<group>`` when no country can be told. Unqualified definite nouns
("the separatists", "the ministry", "the government") are left for
coreference, which finds what they point back to.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from newsgraph.extract.actors.context import acts_as_actor, is_subject, span_head
from newsgraph.extract.actors.lexicon import CountryLexicon
from newsgraph.extract.actors.mentions import Mention
from newsgraph.extract.actors.qualify import Qualifier, Qualifiers
from newsgraph.extract.actors.registry import Registry, slugify
from newsgraph.extract.actors.vocab import SectorNoun, Vocabulary
from newsgraph.knowledge import geo

# Sectors whose people usually belong to the place they are in ("police in
# Brussels"); soldiers, rebels and refugees often do not.
# Sectors of the state itself (its government, legislature, courts, army and police).
STATE_SECTORS = {"GOV", "LEG", "MIL", "JUD", "COP"}
LOCAL_SECTORS = {"COP", "CVL", "OPP", "JUD", "EDU", "LAB", "AGR", "BUS", "LEG", "GOV", "MED"}
# Sectors whose people belong to the place the sentence sets them in, for a group
# named with no nationality: the local ones, and rebels ("insurgents in Helmand",
# "sent troops into Chechnya to crush the separatists"), who fight where they live.
PLACE_SECTORS = LOCAL_SECTORS | {"REB"}
_SETTING_PREPS = ("in", "at", "into", "across", "throughout", "inside", "near", "around", "outside")
_DEFINITE_GOV = {"government", "authorities", "regime", "administration", "leadership", "cabinet", "junta"}
_OF_PREPS = {"group": ("of", "in", "from"), "body": ("of",), "government": ("of", "in")}   # "officials in Kyiv"


@dataclass
class Pending:
    """A description to resolve by coreference ("the separatists")."""

    first: int
    last: int
    start: int
    end: int
    kind: str            # government, body, group, kind, noun (a definite person noun), blocker
    key: str             # body or group key, or the head noun for kind "noun"
    sector: Optional[str]
    person_like: bool
    subject: bool
    fallback: Optional[Mention] = None   # used when nothing earlier matches
    name: str = ""                       # the noun's display name ("separatists")


def article_countries(ents: list, lex: CountryLexicon) -> Counter[str]:
    """How often each country is named (names, demonyms, capitals) in NER spans."""
    counts: Counter[str] = Counter()
    for ent in ents:
        doc = ent.doc
        if ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].tag_ == "VBN":
            continue   # "a Saudi-led coalition", "US-brokered talks": an outside party, not the setting
        if ent.label_ in ("GPE", "NORP", "LOC", "ORG", "PERSON") and len(ent) <= 5:
            code = lex.country_of(ent.text) or lex.capital_of(ent.text)
            if code:
                counts[code] += 1
    return counts


def sentence_country(doc: Doc, quals: Qualifiers, first: int) -> Optional[str]:
    """The country of a place the sentence of token ``first`` is set in.

    "In Marseille, ... according to the police" -> FRA; looks for objects
    of in/at that resolve to a country, capital or known city.
    """
    sent = doc[first].sent
    for tok in sent:
        if tok.dep_ == "pobj" and tok.head.lower_ in _SETTING_PREPS:
            ent = quals.ent_at.get(tok.i)
            if ent is None:   # "in Helmand province": the name sits before the region noun
                start = min(t.i for t in tok.subtree if t.i <= tok.i)
                found = quals.resolve(start, tok.i + 1) if start < tok.i or tok.pos_ == "PROPN" else None
                if found and found.country and found.kind in ("place", "country"):
                    return found.country
                continue
            if ent.label_ not in ("GPE", "LOC", "ORG", "PERSON", "FAC", "NORP"):   # NER reads some cities as NORP
                continue
            found = quals.resolve(ent.start, ent.end)
            if found and found.country:
                return found.country
            if found is None and ent.label_ in ("GPE", "LOC"):   # a town the word-safe tables leave out
                holders = {e[2] for e in geo.gazetteer().get(geo.place_key(ent.text), ()) if e[2]}
                if len(holders) == 1:   # NER says it is a place; geonames says whose, unambiguously
                    return next(iter(holders))
    return None


class GroupReader:
    """Turns sector-noun matches of one Doc into mentions and pending nouns."""

    def __init__(self, doc: Doc, lex: CountryLexicon, words: Vocabulary,
                 registry: Registry, quals: Qualifiers):
        self.doc, self.lex, self.words, self.registry, self.quals = doc, lex, words, registry, quals
        counts = article_countries(quals.ents, lex)
        self.only_country = next(iter(counts)) if len(counts) == 1 else None

    def _named_org(self, first: int, last: int, qual: Optional[Qualifier]) -> bool:
        ent = self.quals.ent_at.get(span_head(self.doc, first, last).i)
        if ent is None or ent.label_ not in ("ORG", "FAC", "WORK_OF_ART", "PERSON"):
            return False
        lo = qual.first if qual else first
        for tok in ent:
            if (tok.i < lo or tok.i >= last) and tok.text[:1].isupper() and tok.lower_ != "the" \
                    and not (qual and qual.first <= tok.i < qual.last):
                return True
        return False

    def _qualifier(self, noun: SectorNoun, first: int, last: int, by_head: dict) -> Optional[Qualifier]:
        head = span_head(self.doc, first, last)
        qual = self.quals.left(first)
        if qual is None:
            preps = _OF_PREPS.get(noun.kind, ("of",))
            if noun.sector == "REF":
                preps = ("of", "from")
            elif noun.kind == "group" and (noun.sector in PLACE_SECTORS or noun.local):
                preps = preps + ("at",)   # "students at Kabul University", "inmates at Evin prison"
            qual = self.quals.of_phrase(head, preps)
            if qual is None and (noun.kind == "government" or noun.sector in PLACE_SECTORS or noun.local):
                qual = self.quals.next_to(last, preps)   # soldiers "in Syria" need not be Syrian
        if qual is None and head.dep_ == "conj":
            qual = by_head.get(head.head.i)
            if qual is not None:
                qual = Qualifier(qual.kind, qual.country, qual.actor_id, qual.name, first, first)
        return qual

    def read(self, matches: list, taken: list) -> tuple[list[Mention], list[Pending]]:
        """Mentions for qualified (and bare) sector phrases; pending definite ones.

        Args:
            matches: ``(first, last, phrase)`` sector-noun hits.
            taken: per-token flags of tokens already in a mention (updated).
        Returns:
            ``(mentions, pending)``.
        """
        doc = self.doc
        mentions, pending, by_head = [], [], {}
        for first, last, phrase in matches:
            if any(taken[first:last]):
                continue
            noun = self.words.sector_noun(phrase)
            if noun.lower_only and not doc[first].text[:1].islower():
                continue   # "the European Union", "the Soviet Union": part of a name
            head = span_head(doc, first, last)
            gov = head.head
            if head.dep_ in ("compound", "amod", "nmod") and gov.i >= last and gov.pos_ in ("NOUN", "PROPN"):
                if not (head.dep_ == "compound" and head.pos_ == "NOUN" and noun.kind == "group"
                        and self.quals.left(first) is not None):
                    continue   # "military operation"; but "Israeli army bulldozers" keeps the army
            if head.pos_ not in ("NOUN", "PROPN", "ADJ") and phrase != "displaced":
                continue
            if any(c.dep_ == "appos" and c.i in self.quals.ent_at and
                   self.quals.ent_at[c.i].label_ in ("ORG", "PERSON") for c in head.children):
                continue   # "the French newspaper Le Monde": the name carries it
            qual = self._qualifier(noun, first, last, by_head)
            owned = qual is not None and any(taken[qual.first:qual.last])
            if owned and not self._registry_named(qual) and not qual.pointer:
                qual = None
            named = qual.first if qual is not None and qual.kind in ("place", "name") and qual.last <= first \
                else (first - 1 if qual is None and first > 0 and doc[first - 1].pos_ == "PROPN" else None)
            if named is not None and phrase in self.lex.region_nouns and not acts_as_actor(doc, named, last):
                for i in range(named, last):
                    taken[i] = True
                continue   # "in Jharkhand state", "Borno state's capital": a region, not its government
            if qual is None and noun.person and self.words.title(phrase):
                continue   # "the senator", "the judge": a role noun, resolved to a person
            if noun.person and first > 0 and self.words.title(f"{doc[first - 1].lower_} {phrase}"):
                continue   # "Iran's supreme leader": a longer title, read as a role
            capital = doc[first].text[:1].isupper() and doc[first].i != doc[first].sent.start
            if noun.kind == "group" and capital and (qual is None or qual.kind in ("name", "place")):
                continue   # "Key Press", "Defense Army": part of a proper name
            if self._named_org(first, last, qual):
                continue
            if qual is not None:
                by_head[head.i] = qual
            lo = min(first, qual.first) if qual and not owned else (qual.last if qual and qual.pointer else first)
            hi = max(last, qual.last) if qual and not owned else last
            if qual is not None and qual.first >= last and any(
                    t.dep_ == "prep" and t.lower_ in ("in", "at") for t in doc[last:qual.first]):
                hi = last   # "farmers in Borno state": the place tells whose they are, it is not them
            subject = is_subject(head)
            definite = lo > 0 and doc[lo - 1].lower_ == "the"
            made = self._mention(noun, qual, lo, hi, first, subject)
            if made is None and qual is None:
                hit = self._unqualified(noun, phrase, lo, hi, first, definite, subject)
                if isinstance(hit, Pending):
                    pending.append(hit)
                    for i in range(first, last):
                        taken[i] = True
                    continue
                made = hit
            if made is not None:
                mentions.append(made)
                for i in range(made.first, made.last):
                    taken[i] = True
        return mentions, pending

    def _registry_named(self, qual: Qualifier) -> bool:
        """Whether a qualifier is a known actor already claimed by its registry name
        ("Houthi rebels", "UN peacekeepers", "Hamas fighters"): the noun is that
        actor's people, not a group of whatever country the article names."""
        hit = self.quals.registry_at.get(qual.first)
        return bool(qual.actor_id) and hit is not None and hit[2] == qual.last

    def _mention(self, noun: SectorNoun, qual: Optional[Qualifier], lo: int, hi: int,
                 first: int, subject: bool) -> Optional[Mention]:
        if qual is None:
            return None
        doc, lex = self.doc, self.lex
        base = dict(origin=noun.kind, named=False, person_like=noun.person, subject=subject)
        non_state = qual.sector not in STATE_SECTORS
        people = noun.kind == "government" and self.doc[hi - 1].lower_ not in _DEFINITE_GOV
        if qual.kind == "body" and qual.sector and (qual.sector == noun.sector or non_state and people):
            entry = self.registry.get(qual.actor_id)   # "Hamas fighters", "Houthi leaders" are the group
            return Mention.over(doc, lo, hi, kind=entry.kind if entry else "organization", key=qual.actor_id,
                                name=entry.name if entry else qual.name, country=qual.country,
                                sector=qual.sector, **base)
        if noun.kind == "kind" and qual.kind != "country":
            return None
        if noun.kind in ("government", "kind"):
            if qual.kind in ("country", "igo") and qual.actor_id:
                entry = self.registry.get(qual.actor_id)
                kind = "igo" if qual.kind == "igo" else "country"
                name = entry.name if entry else (lex.country_name(qual.country) or qual.name)
                sector = "IGO" if kind == "igo" else "GOV"
                return Mention.over(doc, lo, hi, kind=kind, key=qual.actor_id, name=name,
                                    country=qual.country, sector=sector, **base)
            if qual.kind in ("name", "place", "body"):
                slug = slugify(qual.name) if qual.kind != "body" else qual.prefix
                return Mention.over(doc, lo, hi, kind="organization", key=f"org:{slug}-government",
                                    name=f"{qual.name} authorities", country=qual.country, sector="GOV", **base)
            return None
        if qual.kind == "place" and noun.sector not in PLACE_SECTORS and not qual.people and not noun.local:
            return None
        key = f"org:{qual.prefix}-{noun.key}"
        entry = self.registry.get(key)
        owner = lex.country_name(qual.country) if qual.kind == "country" else qual.name
        if noun.kind == "body":
            name = entry.name if entry else f"{noun.name} of {owner}"
            return Mention.over(doc, lo, hi, kind="organization", key=key, name=name,
                                country=entry.country if entry else qual.country,
                                sector=entry.sector if entry else noun.sector, **base)
        adj = lex.adjective.get(qual.country) if qual.kind == "country" else qual.name
        country = qual.country
        if country is None and qual.kind == "name" and (noun.sector in PLACE_SECTORS or noun.local):
            country = sentence_country(doc, self.quals, first)   # "Maoist rebels ... in western Nepal"
            key = f"org:{country.lower()}-{noun.key}" if country else key
        return Mention.over(doc, lo, hi, kind="group", key=key, name=f"{adj or owner} {noun.name}",
                            country=country, sector=noun.sector, **base)

    def _bare(self, first: int, hi: int) -> bool:
        """A singular body noun with no determiner at all ("misled parliament", "told
        Congress"): English names the one body of the country in question this way."""
        head = self.doc[hi - 1]
        return head.tag_ in ("NN", "NNP") and not any(c.dep_ in ("det", "poss") for c in head.children) \
            and not (first > 0 and self.doc[first - 1].pos_ in ("DET", "ADJ", "NUM"))

    def _unqualified(self, noun: SectorNoun, phrase: str, lo: int, hi: int, first: int,
                     definite: bool, subject: bool):
        doc = self.doc
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        if noun.kind == "kind":
            has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in doc[hi - 1].children)
            if definite and doc[hi - 1].tag_ in ("NN", "NNP") and not has_of:
                return Pending(lo, hi, start, end, "kind", noun.key, None, False, subject)
            return None
        person = "noun" if definite else "blocker"   # "the official" may point back; "an official" is new
        if noun.kind == "government":
            if noun.person:
                return Pending(lo, hi, start, end, person, phrase, "GOV", True, subject)
            if definite and phrase in _DEFINITE_GOV:
                return Pending(lo, hi, start, end, "government", "", "GOV", False, subject)
            return None
        if noun.kind == "body":
            fallback = None
            if doc[first].text[:1].isupper() and doc[first].i != doc[first].sent.start or \
                    doc[first].i == doc[first].sent.start and doc[first].pos_ == "PROPN" or \
                    (definite or self._bare(first, hi)) and self.only_country:
                # "the electoral commission", "misled parliament" in a one-country story
                country = self.only_country   # "the Senate" with no antecedent
                key = f"org:{country.lower()}-{noun.key}" if country else f"org:{noun.key}"
                owner = self.lex.country_name(country) if country else None
                fallback = Mention.over(doc, lo, hi, kind="organization", key=key,
                                        name=f"{noun.name} of {owner}" if owner else noun.name,
                                        country=country, sector=noun.sector, origin="body",
                                        named=False, subject=subject)
            return Pending(lo, hi, start, end, "body", noun.key, noun.sector, False, subject,
                           fallback=fallback)
        if noun.qualified_only:
            return Pending(lo, hi, start, end, person, phrase, noun.sector, noun.person, subject) \
                if noun.person else None
        if lo > 0 and doc[lo - 1].lower_ in ("a", "an") and not noun.person:
            return None   # "an army": generic, not an actor
        country = None
        if noun.sector in PLACE_SECTORS or noun.local:
            country = sentence_country(doc, self.quals, first)
        country = country or self.only_country
        key = f"org:{country.lower()}-{noun.key}" if country else f"org:{noun.key}"
        adj = self.lex.adjective.get(country) if country else None
        name = f"{adj} {noun.name}" if adj else noun.name
        bare = Mention.over(doc, lo, hi, kind="group", key=key, name=name, country=country,
                            sector=noun.sector, origin="group", named=False,
                            person_like=noun.person, subject=subject)
        return Pending(lo, hi, start, end, "group", noun.key, noun.sector, noun.person,
                       subject, fallback=bare, name=noun.name)
