"""Which resolved Args an event candidate gets as source and target.

Why this module exists: the parse says who is subject and object of a word,
but an event's roles depend on the kind of trigger: a noun carried by a
light verb takes the verb's subject ("Baku launched an offensive"), a demand
is addressed to whoever must act ("called on X", "demanded that X ...", "said
X must ..."), a protest is against whom its purpose names. This module
applies those rules on top of ``event_args`` and returns resolved Args.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from newsgraph.knowledge.loader import merged, require

from newsgraph.records import Arg
from newsgraph.extract.events.args import CONDEMNED_ACTS, ArgBuilder
from newsgraph.extract.events.argwords import is_pronoun, speech_verbs
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.candidate import Candidate


# Stances a passive form states of its subject ("is committed to", "is opposed to"): the
# subject holds them; other passives ("was urged to", "was sent to") act on it.
STANCE_TYPES = frozenset(("AGREE", "REJECT"))
# Acts done to a protest, whose unnamed crowd is their target ("banned the marches").
CROWD_TARGET_TYPES = frozenset(("COERCE", "SANCTION", "ASSAULT"))
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
            if not src_tokens and anchor is head and cand.type == "CONSULT" and head.dep_ == "pobj" \
                    and head.head.head.pos_ in ("VERB", "AUX"):
                src_tokens = args.agents(head.head.head)   # "In a phone chat with X, Blinken ..."
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
                    src_tokens = agents or src_tokens
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
            between = [g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "between"
                       for g in c.children if g.dep_ == "pobj"]
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
        if cand.role == "directive" and cand.kind != "modal":
            tgt_tokens = args.addressees(head) or self._clause_subjects(head) or tgt_tokens
        if cand.role and not cand.complements and not tgt_tokens:
            for child in (anchor if cand.kind == "adj" else head).children:
                if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
                    tgt_tokens = args.objects(child, cand.type)   # "threatened to deliver blows to X"
                    break
        if cand.type == "ACCUSE" and cand.kind == "verb" and not cand.preset and not tgt_tokens:
            tgt_tokens = [t for t in self._clause_subjects(head) if args.actorish(t)]   # "charged that Russia shelled"
        if cand.type == "REJECT" and not tgt_tokens:
            tgt_tokens = self._pressers(anchor)      # "declined to resign despite pressure from X"
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
                    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                    if subjects:
                        return self.args.expand(subjects)
        return []

    def _pressers(self, verb: Token) -> list:
        """Who pressed for what a refusal refuses: the actor behind "despite pressure / calls /
        demands from (by) X" or "despite X's appeals" on the refusing verb."""
        lex, args = self.lex, self.args
        verbs = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]   # "refused to go despite"
        for prep in (c for v in verbs for c in v.children):
            if prep.dep_ != "prep" or prep.lower_ not in lex.frame("refusal_despite_preps"):
                continue
            for noun in (g for g in prep.children if g.dep_ == "pobj"):
                if "pressures" not in lex.word_classes.get(lex.lemma(noun), ()):
                    continue
                found = [c for c in noun.children if c.dep_ == "poss" and args.actorish(c)] + [
                    g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                    for g in c.children if g.dep_ == "pobj" and args.actorish(g)]
                if found:
                    return args.expand(found[:1])
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
