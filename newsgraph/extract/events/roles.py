"""Which resolved Args an event candidate gets as source and target.

Why this module exists: the parse says who is subject and object of a word,
but an event's roles depend on the kind of trigger: a noun carried by a
light verb takes the verb's subject ("Baku launched an offensive"), a demand
is addressed to whoever must act ("called on X", "demanded that X ...", "said
X must ..."), a protest is against whom its purpose names. This module
applies those rules on top of ``event_args`` and returns resolved Args.
"""
from __future__ import annotations

from typing import Optional
from functools import lru_cache

from spacy.tokens import Token

from newsgraph.knowledge.loader import merged, require
from newsgraph.records import Arg
from newsgraph.extract.events.args import CONDEMNED_ACTS, ArgBuilder
from newsgraph.extract.events.argwords import concessive_preps, informative, is_pronoun, speech_verbs, to_infinitive
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.carried import carried_sources, deal_parties
from newsgraph.extract.events.clauses import content_clause


# Stances a passive form states of its subject ("is committed to", "is opposed to"): the
# subject holds them; other passives ("was urged to", "was sent to") act on it.
STANCE_TYPES = frozenset(("AGREE", "REJECT"))
# Acts done to a protest, whose unnamed crowd is their target ("banned the marches").
CROWD_TARGET_TYPES = frozenset(("COERCE", "SANCTION", "ASSAULT"))
# Said acts whose content clause names their target as its subject ("the accusation that X
# sabotaged", "the demand that X leave"); for others the clause's object is ("threat to expel X").
CLAUSE_SUBJECT_TARGETS = frozenset(("ACCUSE", "REQUEST", "REJECT"))
# Hostile acts whose target may be named deep in their object ("trained hackers capable of
# launching cyber warfare against the United States"): "against X" there names the target.
AIMED_TYPES = frozenset(("MOBILIZE", "THREATEN", "COERCE", "SANCTION"))
# Sectors of officials whose title alone names no country ("the foreign minister", "the president").
OFFICIAL_SECTORS = frozenset(("GOV", "MIL", "LEG", "JUD", "COP", "SPY"))


@lru_cache(maxsize=1)
def condition_marks() -> frozenset:
    """Words opening a condition that names a threat's target (``event_roles.yaml``)."""
    data = merged("event_roles.yaml")
    return frozenset(require(e, ("word", "why"), "event_roles.yaml condition_marks")["word"].lower()
                     for e in data.get("condition_marks") or [])


@lru_cache(maxsize=1)
def joint_types() -> frozenset:
    """Event types parties do together, told once per party (``event_roles.yaml``)."""
    data = merged("event_roles.yaml")
    return frozenset(require(e, ("type", "why"), "event_roles.yaml joint_types")["type"].upper()
                     for e in data.get("joint_types") or [])


class RoleAssigner:
    """Source and target Args for the candidates of one Doc."""

    def __init__(self, lex: Lexicon, args: ArgBuilder):
        """Args: lex: the event lexicon; args: the Doc's argument builder."""
        self.lex = lex
        self.args = args

    def arguments(self, cand: Candidate) -> tuple[list[Arg], list[Arg]]:
        """Source and target Args of a candidate (token heads -> resolved Args).

        Verbs: subject (or by-agent, or controller) and objects. Nouns carried by
        a light verb take its subject ("Baku launched an offensive"); nouns that
        are the subject of an occurrence verb keep their own modifiers
        ("Azerbaijan's offensive began"). Frames fall back on what they wrap:
        a demand's target is whoever must act.
        """
        lex, args = self.lex, self.args
        head, anchor = cand.head, cand.anchor
        if cand.kind == "modal" or cand.preset:
            src_tokens, tgt_tokens = list(cand.sources), list(cand.targets)
            if tgt_tokens and not args.actorish(tgt_tokens[0]):
                noun = tgt_tokens[0]                 # "The offensive must stop": whoever runs it
                patient = self.lex.lemma(noun) in lex.cls("patient_nouns")
                tgt_tokens = args.noun_args(noun, patient)[0] if self.lex.lemma(noun) in lex.nouns else []
        elif cand.kind == "noun":
            patient = self.lex.lemma(head) in lex.cls("patient_nouns")
            src_tokens, tgt_tokens = args.noun_args(head, patient, skip_until=cand.end, etype=cand.type)
            clause = content_clause(head)
            if not tgt_tokens and clause is not None:   # "Iran's accusation that Israel sabotaged ..."
                tgt_tokens = [t for t in args.expand([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")])
                              if args.actorish(t)] if cand.type in CLAUSE_SUBJECT_TARGETS else []
                tgt_tokens = tgt_tokens or [t for t in args.objects(clause, cand.type) if args.actorish(t)]
            if not src_tokens and anchor is head and cand.type == "CONSULT" and head.dep_ == "pobj" \
                    and head.head.head.pos_ in ("VERB", "AUX"):
                src_tokens = args.agents(head.head.head)   # "In a phone chat with X, Blinken ..."
            verb = head.head.head
            if not tgt_tokens and head.dep_ == "pobj" and head.head.lower_ in ("in", "during") and \
                    self.lex.lemma(verb) in lex.casualty_verbs:      # "three soldiers died in an ambush"
                tgt_tokens = args.expand([c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and
                                          lex.lemma(c) not in lex.cls("attackers")])   # not "the bomber died"
            if anchor is not head:
                first = head
                while first.dep_ == "conj" and first.head is not first:
                    first = first.head
                carried = cand.via_say or first.dep_ not in ("nsubj", "nsubjpass") or (
                    first.dep_ == "nsubjpass" and self.lex.lemma(anchor) in lex.light_verbs)
                if carried:
                    agents = [t for t in args.agents(anchor) if t not in head.subtree]
                    if not agents and args.passive(anchor) and self.lex.lemma(anchor) in lex.light_verbs:
                        agents = args.expand([c for c in anchor.children if c.dep_ == "nsubjpass"
                                              and c not in head.subtree])   # "were engaged in clashes"
                    src_tokens = [t for t in src_tokens if not (is_pronoun(t) and t.dep_ == "poss")] \
                        if agents else src_tokens        # "X launched its offensive": "its" is X, not a target
                    if agents and src_tokens and not tgt_tokens:
                        tgt_tokens = src_tokens          # "Qatar hosted talks between X and Y"
                    src_tokens = carried_sources(first, agents, src_tokens)   # "X's acceptance was announced by Y"
                if not tgt_tokens:
                    tgt_tokens = [t for t in args.objects(anchor, cand.type, cand.target_preps)
                                  if t.i != head.i and t not in head.subtree and t not in src_tokens]
        else:
            src_tokens = args.agents(anchor)
            tgt_tokens = args.objects(head if cand.kind == "verb" else anchor, cand.type, cand.target_preps)
            if cand.event_object is not None:
                tgt_tokens = [t for t in tgt_tokens if t.i != cand.event_object.i] or \
                    self._object_owner(cand.event_object)
        if cand.type in lex.cooperative and cand.kind in ("verb", "noun") and not cand.preset and \
                not any(args.actorish(t) for t in src_tokens):
            holders = [anchor] + [c for c in anchor.children if c.dep_ == "nsubjpass"]
            if cand.kind == "noun":                  # "the restoration of ties between X and Y"
                holders += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj"]
            between = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"
                       for g in c.children if g.dep_ == "pobj"]   # "the accord between X and Y was signed"
            between = between or deal_parties(holders, args.actorish, lex)   # "a deal ... of X and Y was signed"
            if between:                              # "A truce was agreed between X and Y": both agree
                src_tokens = args.expand(between)
                tgt_tokens = [t for t in tgt_tokens if t not in src_tokens]
        if not src_tokens and cand.type in ("MOBILIZE", "RETREAT") and cand.kind != "modal" and \
                args.passive(anchor):
            moved = [c for c in anchor.children if c.dep_ == "nsubjpass" and self._armed(c)]
            if moved:                                # "Armenian forces were pulled back": the forces act
                src_tokens = args.expand(moved)
                tgt_tokens = [t for t in tgt_tokens if t not in src_tokens]
        if not src_tokens and cand.type in STANCE_TYPES and cand.kind == "verb" and args.passive(anchor) and \
                any(c.dep_ == "prep" and c.lower_ == "to" for c in anchor.children):
            holders = [c for c in anchor.children if c.dep_ == "nsubjpass"]
            if holders:                              # "Vietnam is committed to opening up": a stance it holds
                src_tokens = args.expand(holders)
                tgt_tokens = [t for t in tgt_tokens if t not in src_tokens]
        if cand.role == "directive" and cand.kind != "modal" and not cand.preset:
            tgt_tokens = args.addressees(head) or self._clause_subjects(head) or tgt_tokens
        if cand.role and not cand.complements and not tgt_tokens:
            for child in (anchor if cand.kind == "adj" else head).children:
                if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
                    tgt_tokens = args.objects(child, cand.type)   # "threatened to deliver blows to X"
                    break
        if cand.type == "ACCUSE" and cand.kind == "verb" and not cand.preset and not tgt_tokens and not cand.complements:
            tgt_tokens = [t for t in self._clause_subjects(head) if args.actorish(t) or self._who(t)]  # "charged that X"
        if cand.type == "REJECT" and not tgt_tokens:
            tgt_tokens = self._pressers(cand)
        if cand.type in AIMED_TYPES and not tgt_tokens and cand.kind == "verb":
            tgt_tokens = self._aimed_against(head)
        if cand.type in ("COERCE", "ASSAULT") and not tgt_tokens and cand.kind == "verb":
            for purpose in head.children:            # "fired tear gas to disperse students": the students
                if purpose.dep_ in ("advcl", "xcomp") and lex.lemma(purpose) in lex.cls("dispersal_verbs") and to_infinitive(purpose):
                    tgt_tokens = [t for t in args.objects(purpose, cand.type) if args.actorish(t) or self._who(t)]
                    break
        if cand.type == "PROTEST" and not tgt_tokens:
            tgt_tokens = self._protest_targets(cand)
        if cand.type == "THREATEN" and not tgt_tokens and lex.lemma(head) in lex.frame("warning_verbs"):
            tgt_tokens = [t for t in self._clause_subjects(head) if args.actorish(t) and not is_pronoun(t)]
        if cand.type == "THREATEN" and not tgt_tokens:
            tgt_tokens = self._conditioned(cand)
        actors = [t for t in src_tokens if not self._event_noun(t)]
        if actors and len(actors) < len(src_tokens):
            src_tokens = actors                      # "Faced with Paris' condemnation, Baku denounced"
        elif src_tokens and not actors and cand.kind == "verb":
            tgt_tokens = self._acts_targets(src_tokens, cand.type) + [
                t for t in tgt_tokens if t not in src_tokens]
            src_tokens = [t for t in src_tokens if not any(args.city_modifier(c) for c in t.lefts)]
            doers = [d for t in src_tokens for d in args.claimers(t) or self._doers_of(t, cand.type)]
            src_tokens = [d for d in doers if d not in tgt_tokens] or src_tokens
            # "the bombing, which X claimed", "an attack by gunmen on Y killed": the doers of the act
        cand.sources, cand.targets = list(src_tokens), list(tgt_tokens)
        sources = self.resolve(src_tokens)
        if any(a.country is None and a.sector in OFFICIAL_SECTORS and not (a.actor or "").startswith(
                ("igo:", "person:")) for a in sources):
            home = self._seat(cand, src_tokens)
            for arg in sources:                     # "Speaking in Ankara, the foreign minister ..."
                if home and arg.country is None and arg.sector in OFFICIAL_SECTORS and \
                        not (arg.actor or "").startswith(("igo:", "person:")):
                    arg.country = home
        src_spans = {(a.start, a.end) for a in sources}
        targets = [a for a in self.resolve(tgt_tokens) if (a.start, a.end) not in src_spans]
        inner = cand.complements[0] if cand.complements else None
        if inner is not None and not targets:
            inner_src, inner_tgt = self.arguments(inner)
            doer = cand.role == "directive" or (cand.type == "ACCUSE" and inner.type in CONDEMNED_ACTS
                                                 and bool(inner_src))
            fallback = inner_src if doer else inner_tgt      # "condemned X's attack on Y": X
            targets = [a for a in fallback if (a.start, a.end) not in src_spans]
        if not targets and cand.type in CROWD_TARGET_TYPES and cand.kind == "verb":
            targets = self._crowd_of(cand.head)
        return sources, targets

    def _crowd_of(self, verb: Token) -> list[Arg]:
        """Those who hold the protest a coercive verb is done to, when no one is named ("banned
        Pride marches", "dispersed the rally"): the protest's crowd, a civilian group that takes
        its country later from the place or the home state, never the state itself."""
        for obj in verb.children:
            entry = self.lex.nouns.get(self.lex.lemma(obj)) if obj.pos_ == "NOUN" else None
            if obj.dep_ in ("dobj", "nsubjpass") and entry is not None and entry.type == "PROTEST" and \
                    not self.args.noun_args(obj, False)[0]:
                start, end = self.args.np_range(obj)
                span = obj.doc[start:end]
                return [Arg(span.start_char, span.end_char, span.text, sector="CVL")]
        return []

    def _acts_targets(self, acts: list, etype: str) -> list:
        """Whom the acts that are a verb's subject were aimed at ("air strikes on the port of
        Hodeidah killed 12 people": the port, then the dead)."""
        out = []
        for act in acts:
            if not self._event_noun(act):
                continue
            patient = self.lex.lemma(act) in self.lex.cls("patient_nouns")
            out += [t for t in self.args.noun_args(act, patient, etype=etype)[1] if t not in out]
        return out

    def _seat(self, cand: Candidate, src_tokens: list) -> str | None:
        """The one country of the places an official without a country speaks or sits in:
        "in" or "from" a place under a verb of saying beside the event ("Speaking in Ankara,
        the minister ...", "told reporters in Cairo that"), under the verb reporting it or
        inside the official's own phrase ("his office in Kyiv said"); not where the event
        itself happened ("met X in Kampala"). None when there is none or several."""
        anchor, say = cand.anchor, self.lex.frame("say") | speech_verbs()
        holders = list(src_tokens)                # not "met X in Kampala": a meeting may be abroad
        holders += [c for c in anchor.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                    and self.lex.lemma(c) in say]
        walk = anchor
        while walk.dep_ in ("ccomp", "conj") and walk.head is not walk:
            walk = walk.head
        if walk is not anchor and self.lex.lemma(walk) in say:
            holders += [walk, *(c for c in walk.children if c.dep_ in ("nsubj", "nsubjpass"))]
        for child in anchor.children:           # "..., his office in Kyiv said"
            if child.dep_ in ("parataxis", "ccomp") and self.lex.lemma(child) in say:
                holders += [child, *(c for c in child.children if c.dep_ == "nsubj")]
        found = set()
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
                    continue
                for place in prep.children:
                    if place.dep_ != "pobj" or place.ent_type_ not in ("GPE", "ORG", "LOC"):
                        continue
                    country, _sector = self.args.resolver.resolve(place.text)
                    if country:
                        found.add(country)         # a capital ("in Kyiv") or a country
        return next(iter(found)) if len(found) == 1 else None

    def _object_owner(self, obj: Token) -> list:
        """Whom an undone or lowered relation is aimed at: the noun's own target
        ("eased restrictions on X"), else whose it is ("expelled France's ambassador",
        "suspended Turkey's membership"); a pronoun owner is the actor's own ("recalled
        its envoy") and names no target."""
        owners, targets = self.args.noun_args(obj, False)
        return targets or [t for t in owners if not is_pronoun(t)]

    def _pressers(self, cand: Candidate) -> list:
        """Who pressed for what a refusal turns down: "declined to resign despite pressure by
        the commission", "refused despite calls from X" (``concessive_preps``)."""
        near = [cand.anchor, cand.head]
        near += [c for t in near for c in t.children if c.dep_ == "xcomp"]   # "refused to hold X despite"
        for token in dict.fromkeys(near):
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in concessive_preps():
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj" or self.lex.lemma(pobj) not in self.lex.cls("pressures"):
                        continue
                    found = [g for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                             for g in c.children if g.dep_ == "pobj"]
                    found += [c for c in pobj.children if c.dep_ == "poss" and not is_pronoun(c)]
                    found = [t for t in found if self.args.actorish(t) or self._who(t)]
                    if found:
                        return self.args.expand(found)
        return []

    def _doers_of(self, act: Token, etype: Optional[str] = None) -> list:
        """Who did an act named by an event noun ("an attack by Shabaab militants")."""
        if not self._event_noun(act):
            return []
        return self.args.noun_args(act, self.lex.lemma(act) in self.lex.cls("patient_nouns"), etype=etype)[0]

    def _aimed_against(self, verb: Token) -> list:
        """"against X" inside a hostile verb's object or infinitive, within three steps and in
        no clause with a subject of its own ("trained hackers capable of launching cyber
        warfare against the United States")."""
        frontier, depth = [c for c in verb.children if c.dep_ in ("dobj", "xcomp")], 0
        while frontier and depth < 4:
            for token in frontier:
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ == "against":
                        found = [g for g in child.children if g.dep_ == "pobj" and self.args.actorish(g)]
                        if found:
                            return self.args.expand(found)
            frontier = [c for t in frontier for c in t.children if c.dep_ in (
                "amod", "acl", "prep", "pobj", "pcomp", "xcomp", "dobj", "advcl") and not any(
                g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
            depth += 1
        return []

    def _who(self, token: Token) -> bool:
        """Whether a head resolves to someone (an actor, a country or a sector: "army units")."""
        return informative(self.args.arg(token))

    def _event_noun(self, token: Token) -> bool:
        """Whether a head is an event word (a condemnation, an attack), which is never an actor."""
        entry = self.lex.nouns.get(self.lex.lemma(token))
        return token.pos_ == "NOUN" and entry is not None and entry.type is not None

    def _armed(self, token: Token) -> bool:
        """Whether a head names armed forces (a forces word or a military, rebel or police sector)."""
        lemma = self.lex.lemma(token)
        return lemma in self.lex.cls("forces") or self.lex.sectors.get(lemma) in ("MIL", "REB", "COP")

    def _protest_targets(self, cand: Candidate) -> list:
        """Whom a protest is against, from its purpose ("to demand reforms by X's government",
        "calling for independence from Iraq"), an "in protest of / over" phrase, else the
        state whose embassy it is held at ("outside the Israeli embassy")."""
        lex, args = self.lex, self.args
        for token in dict.fromkeys((cand.anchor, cand.head)):
            for child in token.children:
                if child.dep_ in ("advcl", "xcomp", "acl") and child.pos_ == "VERB":
                    found = args.objects(child, "REQUEST")
                    if found:
                        return found
                if child.dep_ == "prep" and child.lower_ in ("over", "against"):
                    for pobj in child.children:
                        found = args.dig(pobj) if pobj.dep_ == "pobj" else []
                        if found:
                            return found

            for inner in token.subtree:              # "... in protest over Russia's failure"
                if inner.dep_ == "pobj" and lex.lemma(inner) == "protest" and inner.head.lower_ == "in":
                    for prep in inner.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("over", "against", "at", "of"):
                            for pobj in prep.children:
                                found = args.dig(pobj) if pobj.dep_ == "pobj" else []
                                if found:
                                    return found
        for inner in cand.anchor.subtree:            # "outside the Israeli embassy": at Israel
            if lex.lemma(inner) in lex.cls("missions") and inner.dep_ == "pobj" and \
                    inner.head.lower_ in ("outside", "at", "before", "of", "near", "to") and \
                    sum(1 for _ in inner.ancestors) - sum(1 for _ in cand.anchor.ancestors) <= 4:
                found = [m for m in inner.children if m.i < inner.i and m.ent_type_ in ("GPE", "NORP")
                         and m.dep_ in ("amod", "compound", "poss", "nmod") and args.actorish(m)]
                if found:
                    return found
        return []

    def _conditioned(self, cand) -> list:
        """Whom a conditional threat is aimed at: the subject of its "if"/"unless" clause
        ("threatened to stop talks if the United States deploys missiles")."""
        marks = condition_marks()
        for token in dict.fromkeys((cand.anchor, cand.head)):
            for clause in token.subtree:
                if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children):
                    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and self.args.actorish(c)]
                    if subjects:                 # someone, not "if the blockade is not eased"
                        return self.args.expand(subjects)
        return []

    def _clause_subjects(self, head: Token) -> list:
        """Subjects of a that-clause ("demanded that the US cancel" -> the US)."""
        for child in head.children:
            if child.dep_ in ("ccomp", "acl"):
                subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return self.args.expand(subjects)
        return []

    def resolve(self, tokens: list) -> list[Arg]:
        """Args for head tokens; conjuncts without a country of their own share the first one's."""
        args = self.args
        out, seen = [], set()
        for token in tokens:
            arg = args.arg(token)
            if arg is None:
                continue
            members = [Arg(arg.start, arg.end, arg.text, actor=m.actor, country=m.country, sector=m.sector)
                       for m in args.groups.get(token.i, ()) if m.actor or m.country]
            for part in args.split_modifiers(token, arg) + members:   # "they": each of "X and Y"
                if (part.start, part.end, part.actor, part.country) not in seen:
                    seen.add((part.start, part.end, part.actor, part.country))
                    out.append(part)
        if len(out) > 1 and out[0].country:
            for arg in out[1:]:
                if arg.country is None and arg.actor is None and not arg.text[:1].isupper():
                    arg.country = out[0].country
        return out
