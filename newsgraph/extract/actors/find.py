"""Find every actor mention of one Doc, in order of trust.

Registry names first (they are certain), then people with their titles,
then sector phrases ("Azerbaijani forces"), then the remaining NER spans
(countries, capitals acting as governments, organisations). Each step claims
its tokens so a later, weaker reading cannot take them again. Coreference
comes after, in ``actors.py``, once these mentions are merged into actors.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from spacy.attrs import POS
from spacy.symbols import PROPN
from spacy.tokens import Doc

from newsgraph.extract.actors.context import (PLACE_PREPS, POSSESSIVE, SETTLEMENT_NOUNS, acts_as_actor, inside, is_place_use, is_subject,
                             quote_regions, span_head)
from newsgraph.extract.actors.groups import GroupReader, Pending, sentence_country
from newsgraph.extract.actors.lexicon import fold
from newsgraph.extract.actors.mentions import Mention, looks_like_name, trim_entity
from newsgraph.extract.actors.named import NamedSteps
from newsgraph.extract.actors.people import cluster_people, name_words
from newsgraph.extract.actors.qualify import Qualifiers
from newsgraph.extract.actors.roles import RoleReader, TitleInfo
from newsgraph.extract.actors.vocab import RoleTitle

_ENTITY_LABELS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PERSON"}
# Words that mark an organisation's name, so "Véronique Besse" (tagged ORG in
# a list of people) can be told from "Crisis Group".
ORG_WORDS = {
    "group", "committee", "council", "party", "union", "association", "ministry",
    "agency", "bank", "army", "front", "movement", "organization", "organisation",
    "institute", "university", "company", "corp", "inc", "ltd", "press", "times",
    "news", "post", "forces", "force", "court", "assembly", "parliament", "senate",
    "government", "office", "department", "foundation", "centre", "center", "league",
    "federation", "alliance", "network", "coalition", "commission", "service", "media",
}


@dataclass
class Found:
    """What the finder hands to the component."""

    mentions: list[Mention] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    role_nouns: list[TitleInfo] = field(default_factory=list)
    taken: list[bool] = field(default_factory=list)          # per token: claimed by a mention
    quotes: list[tuple[int, int]] = field(default_factory=list)   # quoted character ranges
    only_country: Optional[str] = None   # the one country the article names, if only one


class MentionFinder(NamedSteps):
    """Runs the mention steps over one Doc with the component's resources.

    Args:
        doc: the parsed Doc (NER and parser already run).
        res: the component (registry, lex, words, matcher, junk, threshold).
    """

    def __init__(self, doc: Doc, res):
        self.doc, self.res = doc, res
        self.lex, self.words, self.registry = res.lex, res.words, res.registry
        self.taken = [False] * len(doc)
        self.glued: dict[int, Optional[str]] = {}   # person start -> country of a place NER glued before it
        self.hits = res.matcher.registry_matches(doc)
        self.registry_at = {f: (entry, f, last) for f, last, entry, _m, _a in self.hits}
        kinds = frozenset(w for w, n in self.words.sector_nouns.items() if n.kind == "kind" and n.key == "country")
        self.quals = Qualifiers(doc, self.lex, self.registry_at, kinds)
        self.roles = RoleReader(doc, self.words, self.quals)
        self.found = Found(taken=self.taken, quotes=quote_regions(doc))

    def _take(self, first: int, last: int) -> None:
        for i in range(first, last):
            self.taken[i] = True

    def _free(self, first: int, last: int) -> tuple[int, int]:
        while first < last and self.taken[first]:
            first += 1
        while last > first and self.taken[last - 1]:
            last -= 1
        if any(self.taken[first:last]):
            return first, first
        return first, last

    def _junk(self, text: str) -> bool:
        return fold(text) in self.res.junk

    def run(self) -> Found:
        """All steps; returns mentions (person keys final), pending nouns and role nouns."""
        out = self.found
        self._registry()
        self._people()
        self._dictionary_orgs()
        groups = GroupReader(self.doc, self.lex, self.words, self.registry, self.quals)
        mentions, pending = groups.read(self.res.matcher.sector_matches(self.doc), self.taken)
        out.mentions += mentions
        out.pending += pending
        self._entities()
        self._untagged_capitals()
        cluster_people(out.mentions, self.registry, self.res.threshold)
        out.role_nouns += self.roles.role_nouns(self.taken)
        for m in out.mentions:
            m.in_quote = inside(out.quotes, m.start)
        out.only_country = groups.only_country
        return out

    def _registry(self) -> None:
        doc, out = self.doc, self.found
        for first, last, entry, metonym, alias in self.hits:
            if fold(alias) in {fold(g) for g in entry.generic}:
                qual = self.quals.left(first)
                if qual is not None and qual.kind in ("country", "name"):
                    continue
            if metonym:
                nxt = doc[last] if last < len(doc) else None
                if nxt is not None and nxt.lower_ in self.words.holder_nouns and entry.holder_role:
                    title = RoleTitle(entry.holder_role, entry.sector)   # "the Elysée tenant"
                    out.role_nouns.append(TitleInfo(first, last + 1, title, entry.holder_role, entry.country,
                                                    entry.sector, None, holder_of=entry.id))
                    self._take(first, last + 1)
                    continue
                if not acts_as_actor(doc, first, last):
                    self._take(first, last)
                    continue
            head = span_head(doc, first, last)
            retired = entry.out_of_office(doc._.ng_published)   # the text's title tells their sector
            out.mentions.append(Mention.over(
                doc, first, last, kind=entry.kind, key=entry.id,
                name=doc[first:last].text if entry.kind == "person" else entry.name,
                country=entry.country, sector=None if retired else entry.sector, origin="registry",
                person_like=entry.kind == "person", subject=is_subject(head)))
            self._take(first, last)

    def _person_span(self, first: int, last: int) -> tuple[int, int]:
        doc, lex = self.doc, self.lex
        first, last = trim_entity(doc, first, last)
        first, last = self._free(first, last)
        if last - first >= 3 and doc[first].whitespace_:
            lead = doc[first].text
            if lex.place_of(lead)[0] or lex.country_of(lead) or lex.capital_of(lead):
                first += 1   # "the mayors of Paris Anne Hidalgo": NER glued the city on
                self.glued[first] = lex.country_of(lead) or lex.capital_of(lead) or lex.place_of(lead)[1]
        while first < last and doc[first].lower_ in self.words.honorifics:
            first += 1
        return first, last

    def _person_spans(self) -> list[tuple[int, int]]:
        """Token ranges of PERSON entities that read as people's names."""
        doc, lex = self.doc, self.lex
        spans, singles = [], []
        for ent in self.quals.ents:
            if ent.label_ != "PERSON":
                continue
            first, last = self._person_span(ent.start, ent.end)
            if first >= last or not looks_like_name(doc, first, last):
                continue
            text = doc[first:last].text
            low = fold(text)
            if self._junk(text) or is_place_use(doc, first, last) and last - first == 1:
                continue
            prep = span_head(doc, first, last)
            if prep.dep_ == "pobj" and prep.head.lower_ == "of" and prep.head.head.lower_ in SETTLEMENT_NOUNS:
                continue   # "the village of Nerkin Hand"
            if all(lex.country_of(w.text) for w in doc[first:last] if not w.is_punct):
                continue   # "Bosnian Serbs", "Azeris": a people, not a person
            if last - first > 1 and (lex.capital_of(text) or lex.capital_of(ent.text)):
                continue   # "Sri Jayawardenepura Kotte": a seat of government NER read as a name
            if last - first == 1 and lex.people_homes(text) and last < len(doc) and doc[last].pos_ == "NOUN":
                continue   # "Tamil rebels", "Uighur activists": a people's adjective
            if last - first == 1:
                honoured = first > 0 and doc[first - 1].lower_ in self.words.honorifics
                if not honoured and (lex.country_of(text) or lex.capital_of(text) or lex.is_region(text)
                                     or lex.big_city(text) or self.words.title(low) or self.words.sector_noun(low)):
                    continue
                singles.append((first, last))
            else:
                spans.append((first, last))
        return spans, singles

    def _people(self) -> list[Mention]:
        doc, out = self.doc, self.found
        spans, singles = self._person_spans()
        surnames = {name_words(doc[f:last].text)[-1] for f, last in spans}
        surnames |= {name_words(m.name)[-1] for m in out.mentions if m.kind == "person" and m.name}
        for first, last in singles:
            word = fold(doc[first].text)
            titled = self.roles.before(first) is not None
            if word in surnames or titled or is_subject(doc[first]) or self.registry.person(doc[first].text) \
                    or self._known_surname(first):
                spans.append((first, last))
        chosen = {f for f, _ in spans}
        for tok in _proper_nouns(doc):   # a known surname NER missed ("Lynch said")
            if not tok.text[:1].isupper() or self.taken[tok.i]:
                continue
            word = fold(tok.text)
            if len(word) > 2 and (word in surnames or self._known_surname(tok.i, untagged=True)) \
                    and not self.taken[tok.i] and tok.i not in chosen and (tok.ent_type_ in ("", "PERSON", "ORG", "GPE", "NORP")) \
                    and not (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" or tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
                spans.append((tok.i, tok.i + 1))
        person_words = surnames | {fold(doc[f].text) for f, _ in singles}
        for ent in self.quals.ents:
            if ent.label_ not in ("ORG", "GPE", "NORP", "LOC"):
                continue
            first, last = self._person_span(ent.start, ent.end)
            if not first < last <= first + 6 or not doc[first].text[:1].isupper():
                continue
            words = name_words(doc[first:last].text)
            if not looks_like_name(doc, first, last) or self.lex.country_of(doc[first:last].text) \
                    or any(t.lower_ in ORG_WORDS for t in doc[first:last]):
                continue
            known = bool(words) and words[-1] in person_words
            if known or last - first >= 2 and (self._listed_with_people(ent) or self.roles.before(first)
                                               or self._titled_after(first, last)):
                spans.append((first, last))
        people = []
        for first, last in sorted(set(spans)):
            if any(self.taken[first:last]):
                continue
            m = Mention.over(doc, first, last, kind="person", key=None, name=doc[first:last].text,
                             origin="ner", person_like=True, subject=is_subject(span_head(doc, first, last)),
                             country=self.glued.get(first) or self._place_before(first))
            people.append(m)
            self._take(first, last)
        out.mentions += people
        for m in [x for x in out.mentions if x.kind == "person"]:
            self._title(m)
        return people

    def _titled_after(self, first: int, last: int) -> bool:
        """Whether a person's title follows the name in apposition ("Santiago Peña, the
        Paraguayan president"): NER often tags such names ORG or GPE, and read as an
        organisation their first word ("Santiago") would make them Chilean."""
        if any(t.pos_ != "PROPN" for t in self.doc[first:last]):
            return False
        if first > 0 and self.doc[first - 1].pos_ == "NOUN":
            return False   # "the French newspaper Le Monde": the name of what the noun says
        info = self.roles.apposition(first, last)
        return info is not None and self.doc[info.last - 1].tag_ != "NNS"   # "Le Monde, mayors of ..."

    def _place_before(self, first: int) -> Optional[str]:
        """The country of a city named right before a person, in a list ("the mayors of
        Paris Anne Hidalgo, Strasbourg Jeanne Barseghian"); not after a locative
        preposition ("in Paris Anne Hidalgo said" tells where, not whose)."""
        ent = self.quals.ent_at.get(first - 1) if first > 0 else None
        if ent is None or ent.label_ != "GPE" or ent.end != first or self.doc[ent.end - 1].whitespace_ != " ":
            return None
        if ent.start > 0 and self.doc[ent.start - 1].lower_ in PLACE_PREPS:
            return None
        text = ent.text
        return self.lex.country_of(text) or self.lex.capital_of(text) or self.lex.place_of(text)[1]

    def _listed_with_people(self, ent) -> bool:
        """Whether an ORG/GPE span sits in a comma list of PERSON names."""
        doc = self.doc
        if any(t.lower_ in ORG_WORDS or t.pos_ not in ("PROPN", "PUNCT") for t in ent):
            return False
        near = [e for e in self.quals.ents if e.label_ == "PERSON" and
                (0 <= ent.start - e.end <= 2 or 0 <= e.start - ent.end <= 2)]
        return any(all(t.text in (",", "and", ";") for t in doc[min(e.end, ent.end):max(e.start, ent.start)])
                   for e in near)

    def _title(self, m: Mention) -> None:
        info = self.roles.before(m.first)
        appos = self.roles.apposition(m.first, m.last)
        if info is not None:
            lo = info.first
            while lo < m.first and any(self.taken[lo:m.first]):
                lo += 1
            while lo < m.first and self.doc[lo].text in POSSESSIVE:
                lo += 1   # "the Kremlin's spokesman Dmitry Peskov": the owner is its own mention
            if lo < m.first:
                self._take(lo, m.first)
                m.start, m.first = self.doc[lo].idx, lo
                m.subject = m.subject or is_subject(span_head(self.doc, m.first, m.last))
        if appos is not None:
            self._take(appos.first, appos.last)
            if info is None or (" of " in appos.role and " of " not in info.role):
                info, appos = appos, info
        if info is None:
            return
        if info.qualifier is None and " of " not in info.role:   # "Prime Minister Tarek Halabi of Lebanon"
            qual = self.quals.of_phrase(span_head(self.doc, m.first, m.last))
            if qual is not None and qual.kind in ("country", "igo"):
                gender = info.gender
                info = self.roles.build(info.first, m.first, info.title, qual)
                info.gender = info.gender or gender
        if appos is not None:   # the other title still tells country and sector
            info.country = info.country or appos.country
            info.sector = info.sector or appos.sector
        m.role, m.gender = info.role, info.gender or m.gender
        m.country = m.country or info.country
        m.sector = m.sector or info.sector

    def _entities(self) -> None:
        doc, lex = self.doc, self.lex
        for ent in self.quals.ents:
            if ent.label_ not in _ENTITY_LABELS and not lex.name_of(ent.text):
                continue   # a country's name wins over NER's label ("Niger" read as a WORK_OF_ART)
            first, last = trim_entity(doc, ent.start, ent.end)
            first, last = self._free(first, last)
            if first >= last:
                continue
            if last < len(doc) and doc[last].is_alpha and not self.taken[last] \
                    and lex.country_of(doc[first:last + 1].text):
                last += 1   # NER cut "Sierra | Leonean"
            text = doc[first:last].text
            if self._junk(text) or not looks_like_name(doc, first, last, connectors=ent.label_ != "PERSON"):
                continue
            head = span_head(doc, first, last)
            if ent.label_ == "ORG" and head.dep_ == "compound" and head.head.pos_ == "NOUN" \
                    and not lex.country_of(text):
                continue   # "the Schumann roundabout", "Senate building": a modifier, not an actor
            if self._people_of(first, last) or self._alias(first, last):
                continue
            code = lex.country_of(text)
            if code:
                self._country(first, last, code, text, head)
                continue
            code = lex.capital_of(text)
            if code:
                if acts_as_actor(doc, first, last):
                    self._add(first, last, kind="country", key=code, name=lex.country_name(code) or text,
                              country=code, sector="GOV", origin="metonym", subject=is_subject(head))
                self._take(first, last)
                continue
            if lex.place_of(text)[0] or ent.label_ != "ORG" or last - first > 8:
                continue
            self._organization(first, last, text, dict(origin="ner", subject=is_subject(head)))

    def _add(self, first: int, last: int, **fields) -> Mention:
        m = Mention.over(self.doc, first, last, **fields)
        self.found.mentions.append(m)
        self._take(first, last)
        return m

    def _country(self, first: int, last: int, code: str, text: str, head) -> None:
        """A country name, or a demonym used for the country ("Israeli helicopters")."""
        doc = self.doc
        if first >= 2 and doc[first - 1].text == "-" and doc[first - 2].lower_ in ("anti", "pro"):
            self._take(first, last)   # "anti-Azerbaijani": against it, not it
            return
        demonym = self.lex.demonym_of(text) is not None
        self._add(first, last, kind="country", key=code, name=self.lex.country_name(code) or text,
                  country=code, origin="demonym" if demonym else "ner",
                  subject=is_subject(head) and not demonym, named=not demonym)

    def _people_of(self, first: int, last: int) -> bool:
        """A nationality's people: "Armenians", "the Azeris", "Iraqi Kurds", "Bosnian Serbs"."""
        doc, lex = self.doc, self.lex
        tail = doc[last - 1]
        plural = tail.tag_ in ("NNS", "NNPS") or tail.text.endswith("s") and tail.pos_ in ("NOUN", "PROPN")
        if not plural or tail.dep_ in ("amod", "compound") or not tail.text[:1].isupper():
            return False
        whole = lex.demonym_of(doc[first:last].text) if last - first > 1 else None
        lead = whole or (lex.country_of(doc[first:last - 1].text) if last - first > 1 else None)
        code = lead or lex.demonym_of(tail.text)   # "Greek Cypriots" is a demonym of its own: CYP
        if code is None:
            return False
        if first >= 1 and doc[first - 1].lower_ in lex.minority_markers:
            code = self._home_of_minority(first, code) or code   # "ethnic Albanians ... in Serbia": SRB
        self._add(first if lead else last - 1, last, kind="group", key=f"org:{code.lower()}-people",
                  name=doc[first:last].text, country=code, sector="CVL", named=False, origin="ner",
                  subject=is_subject(tail))
        return True

    def _home_of_minority(self, first: int, own: str) -> Optional[str]:
        """The country an ethnic group lives in: the place its sentence is set in, else the
        country the sentence names most often, other than the group's own nationality."""
        place = sentence_country(self.doc, self.quals, first)
        if place and place != own:
            return place
        sent = self.doc[first].sent
        counts = Counter(c for e in self.quals.ents if e.start >= sent.start and e.end <= sent.end
                         and e.label_ in ("GPE", "NORP", "LOC")
                         for c in [self.lex.country_of(e.text) or self.lex.capital_of(e.text)] if c and c != own)
        return counts.most_common(1)[0][0] if counts else None


def _proper_nouns(doc: Doc):
    """The PROPN tokens of ``doc`` in order, found from the POS column (no Token per word)."""
    return [doc[i] for i in (doc.to_array(POS) == PROPN).nonzero()[0].tolist()]
