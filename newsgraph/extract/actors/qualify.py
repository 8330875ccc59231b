"""Whose is it: the country, IGO or place that qualifies a noun or a title.

"Azerbaijani forces", "Armenia's former Human Rights Defender", "UN
peacekeepers", "the mayor of Marseille", "police in the Belgian capital",
"the Artsakh Foreign Ministry": a sector noun or a title is owned by whatever
modifies it. Groups, bodies and roles all ask this one question, answered
from the words around the noun, the NER spans and the registry matches.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token

from newsgraph.extract.actors.context import POSSESSIVE, prenominal_zone
from newsgraph.knowledge import geo
from newsgraph.extract.actors.lexicon import CountryLexicon
from newsgraph.extract.actors.registry import RegistryEntry

_NEGATORS = {"pro", "anti", "non", "ex", "post", "pre"}


@dataclass
class Qualifier:
    """What owns a noun: ``kind`` is country, igo, body, place or name."""

    kind: str
    country: Optional[str]
    actor_id: Optional[str]   # ISO3 or registry id; None for places and names
    name: str                 # how a role names it ("France", "Marseille")
    first: int                # token range of the qualifying words
    last: int
    sector: Optional[str] = None   # the registry sector of a body ("LEG" for the US Senate)
    people: bool = False           # a region whose people are of ``country`` ("Artsakh" -> ARM)
    pointer: bool = False          # "the country's": a kind noun pointing back to ``country``

    @property
    def prefix(self) -> str:
        """The id prefix groups and bodies take from it ("aze", "un", "artsakh")."""
        from newsgraph.extract.actors.registry import slugify

        if self.kind == "country" and self.country:
            return self.country.lower()
        if self.actor_id and ":" in self.actor_id:
            return self.actor_id.split(":", 1)[1]
        if self.kind == "place" and self.country and not self.people:
            return self.country.lower()
        return slugify(self.name)


class Qualifiers:
    """Qualifier lookups over one Doc.

    Args:
        doc: the parsed Doc.
        lex: the country lexicon.
        registry_at: token index -> (entry, first, last) of registry matches.
    """

    def __init__(self, doc: Doc, lex: CountryLexicon, registry_at: dict,
                 country_kinds: frozenset[str] = frozenset()):
        self.doc, self.lex, self.registry_at = doc, lex, registry_at
        self.country_kinds = country_kinds   # "country", "nation": kind nouns for a country
        self.ents = list(doc.ents)   # Doc.ents builds new Spans on every read
        self.ent_at = {}
        for ent in self.ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent

    def resolve(self, first: int, last: int) -> Optional[Qualifier]:
        """The qualifier spelled by tokens ``[first, last)``, or None."""
        doc = self.doc
        while first < last and (doc[first].lower_ == "the" or doc[first].text in POSSESSIVE):
            first += 1
        while last > first and (doc[last - 1].text in POSSESSIVE or doc[last - 1].text == "-"):
            last -= 1
        if first >= last:
            return None
        if first >= 2 and doc[first - 1].text == "-" and doc[first - 2].lower_ in _NEGATORS:
            return None
        if first >= 1 and doc[first - 1].lower_ in self.lex.minority_markers:
            text = doc[first:last].text
            return Qualifier("name", None, None, text, first, last)   # an ethnicity, not a state
        hit = self.registry_at.get(first)
        if hit and hit[2] == last:
            entry: RegistryEntry = hit[0]
            kind = "country" if entry.kind == "country" else ("igo" if entry.kind == "igo" else "body")
            return Qualifier(kind, entry.country, entry.id, entry.name, first, last, entry.sector)
        text = doc[first:last].text
        if not text[:1].isupper():
            return None
        code = self.lex.country_of(text)
        if code:
            return Qualifier("country", code, code, self.lex.country_name(code) or text, first, last)
        code = self.lex.capital_of(text)
        if code:
            other = self._hinted(text, first)
            if other and other != code:      # not the capital: the city of that name the sentence sets
                return Qualifier("place", other, None, text, first, last)
            return Qualifier("country", code, code, self.lex.country_name(code) or text, first, last)
        homes = self.lex.people_homes(text)
        if homes:   # "Kurdish fighters in northern Syria", "Rohingya refugees"
            return Qualifier("name", self._home(homes, first), None, text, first, last)
        known, code = self.lex.place_of(text)
        if known:
            people = self.lex.people_of(text)
            if people:   # "the Artsakh authorities", "Nagorno-Karabakh refugees": the region's people
                return Qualifier("place", people, None, text, first, last, people=True)
            return Qualifier("place", self._hinted(text, first) or code, None, text, first, last)
        return None

    def _home(self, homes: tuple[tuple[str, ...], bool], first: int) -> Optional[str]:
        """Which of a stateless people's homes a group of it belongs to: the one its
        sentence names, else the one the article names, else the usual one if any."""
        places, usual = homes
        sent = self.doc[first].sent
        for within in (lambda e: sent.start <= e.start and e.end <= sent.end, lambda e: True):
            named = {self.lex.country_of(e.text) or self.lex.capital_of(e.text) for e in self.ents
                     if within(e) and e.label_ in ("GPE", "NORP", "LOC")} & set(places)
            if not named:   # "Pashtun elders in Kandahar", "Kurdish fighters ... out of Kobani"
                named = {self.lex.place_of(e.text)[1] for e in self.ents
                         if within(e) and e.label_ in ("GPE", "LOC", "FAC")} & set(places)
            if len(named) == 1:
                return next(iter(named))
        return places[0] if usual or len(places) == 1 else None

    def _hinted(self, text: str, first: int) -> Optional[str]:
        """For a city name several countries share, the holder in a country the sentence
        names ("militias in Tripoli ... the north Lebanese port" -> LBN), else None."""
        holders = {e[2] for e in geo.gazetteer().get(geo.place_key(text), ()) if e[0] >= 10000}
        if len(holders) < 2:
            return None
        sent = self.doc[first].sent
        named = {self.lex.country_of(e.text) for e in self.ents
                 if sent.start <= e.start and e.end <= sent.end and e.label_ in ("GPE", "NORP")}
        hinted = holders & named
        return next(iter(hinted)) if len(hinted) == 1 else None

    def _backer(self, found: Qualifier) -> bool:
        """Whether the qualifier only sponsors the noun: "Russian-backed separatists",
        "Iran-funded militias" (``backer_words`` in demonyms.yaml)."""
        doc, end = self.doc, found.last
        return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in self.lex.backer_words

    def left(self, first: int, limit: int = 5) -> Optional[Qualifier]:
        """The owner among the modifiers before ``first`` (``_left``), unless it is a
        sponsor named with a backer word: the group then has no owner in front and is
        placed by its sentence."""
        found = self._left(first, limit)
        if found is None:
            return self._pointer(first)
        return None if self._backer(found) else found

    def _pointer(self, first: int) -> Optional[Qualifier]:
        """ "the country's largest union", "the nation's students": the country a kind noun
        in front points back to, i.e. the last country named before it."""
        doc = self.doc
        at = first - 1
        while at > 0 and doc[at].pos_ in ("ADJ", "NUM", "ADV") and doc[at].text not in POSSESSIVE:
            at -= 1
        if at < 2 or doc[at].text not in POSSESSIVE or doc[at - 1].lower_ not in self.country_kinds \
                or doc[at - 2].lower_ != "the":
            return None
        for ent in reversed(self.ents):
            if ent.end <= at - 1 and ent.label_ in ("GPE", "NORP"):
                code = self.lex.country_of(ent.text) or self.lex.capital_of(ent.text)
                if code:
                    return Qualifier("country", code, code, self.lex.country_name(code) or ent.text,
                                     at - 1, at + 1, pointer=True)
        return None

    def _left(self, first: int, limit: int = 5) -> Optional[Qualifier]:
        """The qualifier among the modifiers right before token ``first``.

        Tries NER spans, then two-word and one-word runs, nearest first, so
        "South Korean troops" finds KOR and "Armenia's former Defender" finds
        ARM. A capitalised proper noun that is no known place ("the Artsakh
        Foreign Ministry") is returned as kind ``name``.
        """
        lo = prenominal_zone(self.doc, first, limit)
        if lo >= first:
            return None
        for end in range(first, lo, -1):
            ent = self.ent_at.get(end - 1)
            if ent is not None and ent.start >= lo and ent.label_ not in ("DATE", "CARDINAL", "ORDINAL", "TIME", "PERCENT", "MONEY", "QUANTITY"):
                found = self.resolve(ent.start, end)
                if found:
                    return found
            reg = self.registry_at.get(end - 1)
            if reg is None:
                for start in range(max(lo, end - 4), end):
                    hit = self.registry_at.get(start)
                    if hit and hit[2] == end:
                        reg = hit
                        break
            if reg is not None and reg[1] >= lo:
                found = self.resolve(reg[1], reg[2])
                if found:
                    return found
            for size in (2, 1):
                if end - size >= lo:
                    found = self.resolve(end - size, end)
                    if found:
                        return found
        return self._proper_name(lo, first)

    def _proper_name(self, lo: int, first: int) -> Optional[Qualifier]:
        doc = self.doc
        words = [t for t in doc[lo:first] if t.pos_ == "PROPN" and t.text[:1].isupper()]
        if not words or words[-1].i != first - 1 or doc[first - 1].text in POSSESSIVE:
            return None
        start = words[0].i
        if any(t.pos_ != "PROPN" and t.text != "-" for t in doc[start:first]):
            return None
        return Qualifier("name", None, None, doc[start:first].text, start, first)

    def next_to(self, last: int, preps: tuple = ("of",)) -> Optional[Qualifier]:
        """The qualifier named right after a noun ending at ``last`` by one of ``preps``
        ("the new government in Bolivia") when the parser hung the phrase on the verb."""
        doc = self.doc
        if last + 1 >= len(doc) or doc[last].lower_ not in preps:
            return None
        ent = self.ent_at.get(last + 1)
        if ent is None or ent.start != last + 1 or ent.label_ not in ("GPE", "LOC"):
            return None
        found = self.resolve(ent.start, ent.end)
        return found if found is not None and found.kind in ("country", "place") else None

    def of_phrase(self, head: Token, preps: tuple = ("of",)) -> Optional[Qualifier]:
        """The qualifier in a prepositional phrase on ``head`` ("government of
        Azerbaijan", "police in the Belgian capital", "mayor of Marseille").

        Args:
            head: the noun.
            preps: which prepositions count.
        Returns:
            The qualifier, with ``last`` the end of the object phrase, or None.
        """
        for child in head.rights:
            if child.dep_ != "prep" or child.lower_ not in preps:
                continue
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if not objs:
                continue
            obj = objs[0]
            ent = self.ent_at.get(obj.i)
            start = min(t.i for t in obj.subtree if t.i <= obj.i)
            found = None
            if ent is not None:
                found = self.resolve(ent.start, ent.end)
            if found is None:
                found = self.resolve(start, obj.i + 1)
            if found is None and obj.pos_ == "NOUN":
                found = self.left(obj.i)
            if found is None and obj.pos_ == "PROPN" and ent is not None and ent.label_ in ("ORG", "GPE", "LOC", "NORP"):
                first = ent.start + (1 if ent[0].lower_ == "the" else 0)
                if first < ent.end:
                    lead = self.doc[first].text   # "Kabul University", "Tehran's Evin prison"
                    home = self.lex.country_of(lead) or self.lex.capital_of(lead) if ent.label_ == "ORG" else None
                    found = Qualifier("name", home, None, self.doc[first:ent.end].text, first, ent.end)
            if found is not None:
                found.last = max(found.last, obj.i + 1)
                return found
        return None
