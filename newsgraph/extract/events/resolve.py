"""Who an argument is: one noun phrase resolved to an actor, a country and a sector.

Why this module exists: an event's source and target are only useful with
the actor behind the words. This module turns a head token into a
``records.Arg``: the span of its noun phrase, the actor the
``newsgraph_actors`` component resolved (``mentions.actor_at``), and, when
that is missing, a light fallback: countries from names, demonyms, capitals
and city names (``event_countries``), sectors from head nouns ("Azerbaijani
forces" -> AZE, MIL), antecedents for pronouns, and issuers for document
nouns ("the resolution" -> whoever adopted it). Which heads are sources and
targets is decided from the parse in ``event_args``.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc, Token

from newsgraph.extract import pronouns
from newsgraph.records import Actor, Arg
from newsgraph.extract.actors.lexicon import default_lexicon
from newsgraph.extract.actors.phoenix import load_agents
from newsgraph.extract.events.antecedent import agrees, clause_mates, within_reach
from newsgraph.extract.events.argwords import (allegiance, first_person, is_pronoun, not_sponsor, people_home, sponsor,  # noqa: F401  (re-exported)
                                               same_party)
from newsgraph.extract.events.countries import CountryResolver, city_country, named_place_country
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.mentions import actor_at, entity_range, mention_index
from newsgraph.extract.extensions import doc_text

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
RELATIVE = pronouns.RELATIVE
_SKIP_LEFT = frozenset(("det", "punct", "cc", "predet", "advmod", "preconj", "mark", "aux", "neg",
                        "nummod", "quantmod", "case", "prep"))
_GENERIC_DIG = ("of", "in", "from", "for", "by")


class ArgResolver:
    """Resolves noun-phrase heads of one Doc to Args (cached per token)."""

    def __init__(self, doc: Doc, lex: Lexicon, resolver: CountryResolver):
        """Args: doc: the parsed Doc; lex: event lexicon; resolver: country fallback."""
        self.doc = doc
        self.lex = lex
        self.resolver = resolver
        self.recent: list[Arg] = []
        self.text = doc_text(doc)
        self.ents = list(doc.ents)                  # doc.ents is rebuilt on every access: read once
        self._ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self._issuers: dict[Optional[str], list[Token]] = {}   # instrument lemma -> its objects
        self._cache: dict[int, Optional[Arg]] = {}
        self._sent_hints: dict[int, frozenset] = {}
        self._has_actors = bool(doc._.ng_actors)
        index = mention_index(doc) if self._has_actors else []
        self._m_starts = [m[0] for m in index]
        self._m_reach, reach = [], -1               # running max of mention ends, for a quick "none here"
        for m in index:
            reach = max(reach, m[1])
            self._m_reach.append(reach)
        self._actor_memo: dict[tuple[int, int], Optional[Actor]] = {}
        self.groups: dict[int, list[Arg]] = {}     # plural pronoun -> the other members of its antecedent

    # ----- spans and resolution -------------------------------------------------
    def np_range(self, head: Token) -> tuple[int, int]:
        """Token range [start, end) of the noun phrase named by ``head`` (no PPs, no clauses)."""
        doc = self.doc
        if head.ent_iob_ != "O" and head.ent_type_ in ACTOR_LABELS:
            start, end = entity_range(head)
        else:
            start, end = head.i, head.i + 1
        for child in head.lefts:
            if child.dep_ not in _SKIP_LEFT:
                start = min(start, child.left_edge.i)
        while start < head.i and (doc[start].dep_ in ("det", "punct", "cc") or doc[start].is_punct):
            start += 1
        return start, max(end, start + 1)

    def actor(self, start: int, end: int):
        """``mentions.actor_at`` for [start, end), memoised, skipped when no mention overlaps."""
        if not self._has_actors:
            return None
        key = (start, end)
        if key not in self._actor_memo:
            i = bisect_left(self._m_starts, end)
            overlaps = i > 0 and self._m_reach[i - 1] > start
            self._actor_memo[key] = actor_at(self.doc, start, end) if overlaps else None
        return self._actor_memo[key]

    def _country_from(self, tokens: list[Token]) -> tuple[Optional[str], Optional[str], Optional[Token]]:
        """First (country, sector, token) named by entities or demonyms among ``tokens``.

        "pro-Iranian" or "anti-Western" words name whom an actor sides with, not
        its country, and are skipped.
        """
        seen = set()
        for token in tokens:
            if allegiance(token) or sponsor(token):     # "Iranian-supplied missiles": not Iran's
                continue
            if token.ent_iob_ != "O" and token.ent_type_ in ACTOR_LABELS:
                ent = self._ent_at.get(token.i)
                if ent is not None and ent.start not in seen:
                    seen.add(ent.start)
                    country, sector = self.resolver.resolve(ent.text)
                    if sector == "GOV" and ent.label_ == "GPE":      # a capital's name, or a city of that name
                        hints = self._hints(token)                     # in a country the sentence names
                        other = named_place_country(ent.text, hints)
                        if other in hints and other != country:
                            country, sector = other, None
                    country = country or default_lexicon().people_of(ent.text)   # "Artsakh" as an actor
                    if not country and (ent.label_ in ("GPE", "LOC", "FAC") or self._place_as_name(ent)):
                        country = named_place_country(ent.text, self._hints(token))   # "targets in Jericho"
                    if not country and ent.label_ == "ORG":
                        country = city_country(ent.text)     # "a missionary from Calgary"
                    if country:
                        return country, sector, token
            if token.pos_ in ("PROPN", "ADJ", "NOUN") and token.text[:1].isupper():
                country, sector = self.resolver.resolve(token.text)
                country = country or people_home(token)      # "the Catalan vote": Spain's
                if country:
                    return country, sector, token
        return None, None, None

    def _place_as_name(self, ent) -> bool:
        """Whether a one-word name the tagger took for a person, with no actor behind it, is a
        place a preposition governs ("air strikes on Rafah", "the shelling of Kherson")."""
        root = ent.root
        return ent.label_ == "PERSON" and len(ent) == 1 and root.dep_ == "pobj" and \
            self.actor(ent.start_char, ent.end_char) is None

    def _hints(self, token: Token) -> frozenset:
        """Countries the sentence of ``token`` names by country names and demonyms (cached)."""
        sent = token.sent
        if sent.start not in self._sent_hints:
            found = set()
            for ent in self.ents:
                if sent.start <= ent.start and ent.end <= sent.end and ent.label_ in ("GPE", "NORP"):
                    country, sector = self.resolver.resolve(ent.text)
                    if country and sector is None:
                        found.add(country)
            self._sent_hints[sent.start] = frozenset(found)
        return self._sent_hints[sent.start]

    def _sector_from(self, head: Token, tokens: list[Token]) -> Optional[str]:
        """PLOVER sector from the head noun, else from other words of the phrase."""
        sectors = self.lex.sectors
        lemma = self.lex.lemma(head)
        agents = load_agents()                   # the Phoenix agent words ("peasants", "police officer")
        pair = f"{self.doc[head.i - 1].lower_} {head.lower_}" if head.i > 0 else ""
        if pair in agents and self.doc[head.i - 1].dep_ in ("compound", "amod"):
            return agents[pair]                  # "opposition leader": more than "leader" says
        if lemma in sectors:
            return sectors[lemma]
        for token in reversed(tokens):
            if self.lex.lemma(token) in sectors and token.i != head.i:
                return sectors[self.lex.lemma(token)]
        return agents.get(head.lower_) or agents.get(lemma)

    def _dig_tokens(self, head: Token) -> list[Token]:
        """Tokens of the phrases hanging on a generic head ("rebels in Darfur", "leader of X")."""
        out = []
        for child in head.rights:       # "a newspaper based in east Beirut", "troops stationed in X"
            if child.dep_ == "acl" and child.tag_ == "VBN":
                out.extend(g for p in child.children if p.dep_ == "prep" and p.lower_ == "in"
                           for o in p.children if o.dep_ == "pobj" for g in o.subtree)
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in _GENERIC_DIG:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out.extend(t for t in pobj.subtree if t.i < pobj.i + 1 or t.dep_ in ("compound", "amod"))
        return out

    def names_actor(self, head: Token, arg: Arg) -> bool:
        """Whether a resolved argument is an actor at all: it has an actor, a country or a
        sector, or its head is a name (person, organisation, nationality). A common noun
        with none of these ("law", "trip", "the only thing", "mounting casualties", an
        unresolved "chairman") and a pronoun left unresolved are not actors."""
        if arg.actor or arg.country or arg.sector:
            return True
        return not is_pronoun(head) and head.ent_type_ in ("PERSON", "ORG", "NORP")

    def actorish(self, head: Token) -> bool:
        """Whether ``head`` names an actor (entity, pronoun, country word, sector noun, IGO)."""
        if allegiance(head):
            return False
        if is_pronoun(head):
            return True
        if head.lower_ in RELATIVE and head.pos_ == "PRON":
            clause = head.head
            return clause.dep_ == "relcl" and clause.head is not head and head.dep_ in ("nsubj", "nsubjpass") \
                and self.actorish(clause.head)
        if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        if self.actor(head.idx, head.idx + len(head)) is not None:
            return True
        if self.lex.lemma(head) in self.lex.sectors:
            return True
        country, _ = self.resolver.resolve(head.text)
        return bool(country) or (head.ent_type_ in ("LOC", "FAC") and bool(default_lexicon().people_of(head.text)))

    def arg(self, head: Token) -> Optional[Arg]:
        """The resolved Arg for a noun-phrase head (cached); None for empty or junk heads."""
        if head.i not in self._cache:
            self._cache[head.i] = None   # in progress: a pronoun/speaker cycle resolves to nothing
            result = self._build(head)
            self._cache[head.i] = result
            if result is not None and (result.country or result.actor):
                self.recent.append(result)
        cached = self._cache[head.i]
        return replace(cached) if cached is not None else None

    def _build(self, head: Token) -> Optional[Arg]:
        """Resolve one head: relative pronoun -> its noun, pronoun -> antecedent, else the phrase."""
        doc = self.doc
        if head.lower_ in RELATIVE and head.head.dep_ == "relcl":
            head = head.head.head
        if head.is_space or head.is_punct or not head.text.strip():
            return None
        if self.lex.lemma(head) in self.lex.cls("transparent") or head.like_num:
            inner = [g for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
            if inner:
                head = inner[0]                    # "Thousands of protesters" -> protesters
        if first_person(head):
            return self._speaker(head)
        named = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        if head.pos_ == "NOUN" and named and self.actor(head.idx, head.idx + len(head)) is None and \
                self._sector_from(head, [head]) is None:
            head = named[0]                   # "The chairman of ..., Senator Bob Menendez": the name
        start, end = self.np_range(head)
        span = doc[start:end]
        text = self.text
        actor = not_sponsor(self.actor(span.start_char, span.end_char), head, span, self.actor)
        if is_pronoun(head) and actor is None:
            return self._pronoun(head)
        tokens = list(span)
        arg = Arg(span.start_char, span.end_char, text[span.start_char:span.end_char])
        if actor is not None:
            covers = self.actor(head.idx, head.idx + len(head)) is actor
            arg.country = actor.country or (actor.id if actor.kind == "country" else None)
            arg.actor = actor.id if covers else None
            arg.sector = (actor.sector if covers else None) or self._sector_from(head, tokens)
            if arg.country or covers and actor.kind == "igo":   # an IGO has no country ("OAS", not a town)
                return arg
        nearest_first = [head] + sorted((t for t in tokens if t.i != head.i), key=lambda t: abs(t.i - head.i))
        country, sector, where = self._country_from(nearest_first)
        if not country and head.ent_type_ not in ("PERSON", "GPE"):
            country, _sector, where = self._country_from(self._dig_tokens(head))
        igo = self.resolver.igo_sector(span.text) or self.resolver.igo_sector(head.text) or next(
            (self.resolver.igo_sector(t.text) for t in tokens if t.ent_type_ in ("ORG", "GPE", "NORP")
             and self.resolver.igo_sector(t.text)), None)
        own_sector = self._sector_from(head, tokens)
        actor_id = None
        if where is not None and where.i == head.i and head.ent_type_ in ("GPE", "NORP", "ORG", "FAC", "LOC"):
            actor_id = country if head.ent_type_ != "NORP" or sector else None
            if default_lexicon().people_of(head.text):
                actor_id = None                  # "Artsakh": Armenians of Karabakh, not the Republic of Armenia
        else:
            sector = own_sector or sector
        if igo:
            sector = igo
            country = None if where is None or where.i not in range(start, end) else country
        if country is None and self.lex.lemma(head) in self.lex.cls("instruments"):
            issuer = self._issuer(head)
            if issuer is not None:
                country, sector, actor_id = issuer.country, issuer.sector, issuer.actor
        arg.country = arg.country or country
        arg.actor = arg.actor or actor_id
        arg.sector = arg.sector or sector
        return arg

    def split_modifiers(self, head: Token, arg: Arg) -> list[Arg]:
        """One Arg per country of coordinated modifiers: "US and British forces" -> US forces,
        British forces; "the presidents of Armenia and Azerbaijan" -> Armenia, Azerbaijan
        (each mention is the country word, the sector comes from the head)."""
        of_objects = [g for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj" and g.conjuncts]
        for child in [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod")] + of_objects:
            if not child.conjuncts:
                continue
            out = []
            for token in sorted((child, *child.conjuncts), key=lambda t: t.i):
                if allegiance(token):
                    return [arg]                        # "anti-Azerbaijani policy": whom it opposes
                country, _sector = self.resolver.resolve(token.text)
                if not country:
                    return [arg]
                out.append(Arg(token.idx, token.idx + len(token), token.text, actor=None,
                               country=country, sector=arg.sector))
            if len({a.country for a in out}) > 1:
                return out
        return [arg]

    def _pronoun(self, head: Token) -> Optional[Arg]:
        """A pronoun's Arg from a clear antecedent (``event_antecedent``): the subject of its
        clause or of the clause it is said in, the previous sentence's subject, else the
        agreeing actors of this or the previous sentence when they are all one; otherwise
        an unresolved Arg (no actor, no country)."""
        text, doc = self.text, self.doc
        span = (head.idx, head.idx + len(head))

        mates = [a for a in (self.arg(m) for m in clause_mates(head)) if a is not None]
        barred = {(a.start, a.end) for a in mates} | {a.actor or a.country for a in mates if a.actor or a.country}

        def taken(found: Optional[Arg]) -> Optional[Arg]:
            if found is None or not agrees(doc, head, found) or (found.start, found.end) in barred or \
                    (found.actor or found.country) in barred:
                return None
            ant = doc.char_span(found.start, found.end, alignment_mode="expand")
            if head.lower_ in pronouns.PLURAL and ant is not None and len(ant) and ant.root.conjuncts:
                self.groups[head.i] = [a for a in map(self.arg, ant.root.conjuncts) if a is not None]
            return Arg(*span, text[span[0]:span[1]], actor=found.actor, country=found.country,
                       sector=found.sector)

        if head.dep_ == "poss":
            verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                        and not is_pronoun(c) and head not in c.subtree] if verb is not None else []
            objects = [c for c in verb.head.children if c.dep_ == "dobj"] if verb is not None and \
                not subjects and verb.dep_ == "conj" else []     # "boarded a Chinese boat and detained its crew"
            found = next((f for f in map(taken, map(self.arg, objects)) if f is not None), None)
            if found is not None:
                return found
            if subjects:
                found = taken(self.arg(subjects[0]))
                if found is not None:
                    return found
        walk = head.head
        for _ in range(4):
            if walk.dep_ in ("ccomp", "xcomp", "advcl", "conj") and walk.head is not walk:
                walk = walk.head
                subjects = [c for c in walk.children if c.dep_ in ("nsubj", "nsubjpass")
                            and not is_pronoun(c) and c.i != head.i]
                if subjects:
                    found = taken(self.arg(subjects[0]))
                    if found is not None:
                        return found
            else:
                break
        sent = head.sent
        if head.dep_ in ("nsubj", "nsubjpass") and sent.start > 0:
            previous = self.doc[sent.start - 1].sent      # the last sentence's main subject
            subjects = [c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")
                        and not is_pronoun(c)]
            if subjects:
                found = taken(self.arg(subjects[0]))
                if found is not None:
                    return found
        near = [p for p in reversed(self.recent) if within_reach(doc, head, p) and agrees(doc, head, p)
                and (p.start, p.end) not in barred and (p.actor or p.country) not in barred]
        if near and len({p.actor or p.country for p in near}) == 1:
            return taken(near[0])
        return Arg(*span, text[span[0]:span[1]])

    def _speaker(self, head: Token) -> Optional[Arg]:
        """"we" / "I": whoever says the clause (a verb of saying, or the quotation's speaker)."""
        span = (head.idx, head.idx + len(head))
        found = None
        walk = head
        for _ in range(5):
            if walk.head is walk:
                break
            walk = walk.head
            if self.lex.lemma(walk) in self.lex.frame("say"):
                subjects = [c for c in walk.children if c.dep_ == "nsubj" and not first_person(c)]
                if subjects:
                    found = self.arg(subjects[0])
                break
        if found is None:
            for quote in self.doc._.ng_quotes or []:
                if quote.speaker is not None and quote.content.start <= head.idx < quote.content.end:
                    inner = self.doc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
                    if inner is not None and len(inner) and not first_person(inner.root):
                        found = self.arg(inner.root)
                    break
        if found is None:
            return None
        return Arg(*span, self.text[span[0]:span[1]], actor=found.actor, country=found.country,
                   sector=found.sector)

    def _issuer(self, head: Token) -> Optional[Arg]:
        """Who issued a document noun ("the resolution" -> whoever adopted a resolution earlier)."""
        lemma = self.lex.lemma(head)
        if not self._issuers:
            issue_verbs, instruments = self.lex.cls("issue_verbs"), self.lex.cls("instruments")
            self._issuers[None] = []
            for token in self.doc:                     # one pass: every "X adopted a resolution"
                if token.dep_ in ("dobj", "nsubjpass") and self.lex.lemma(token) in instruments and \
                        self.lex.lemma(token.head) in issue_verbs:
                    self._issuers.setdefault(self.lex.lemma(token), []).append(token)
        for token in reversed(self._issuers.get(lemma, [])):
            if token.i <= head.i:
                subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
                subjects += [g for c in token.head.children if c.dep_ == "agent" for g in c.children]
                for subject in subjects:
                    found = self.arg(subject)
                    if found is not None and (found.country or found.actor):
                        return found
        return None
