"""Who did it and to whom: which heads of the parse are an event's source and target.

Why this module exists: an event is only useful to an analyst when it says
which actors were involved. This module reads dependency relations:
subjects and "by"-agents become sources, objects and "against/on/with/to"
phrases targets; control verbs ("urged X to ...") and conjoined subjects
("The United States and France") are followed, and nominal events take their
possessor, demonym or by-phrase ("Azerbaijan's offensive"). The heads found
here are turned into ``records.Arg`` objects by ``event_resolve``.
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.argwords import leads, particles, to_infinitive, topic_preps
from newsgraph.extract.events.constraints import temporal
from newsgraph.extract.events.nounargs import NounArgs
from newsgraph.extract.events.countries import named_place_country
from newsgraph.extract.events.resolve import ArgResolver, allegiance, is_pronoun
from newsgraph.extract.events.status import headline_infinitive
from newsgraph.extract.events.transfers import helps_on_arrival

# Prepositions on a direct object that name the recipient ("delivered aid to X", "recalled
# its envoy from X", "moved troops to the border with X").
_OBJECT_PREPS = {"AID": {"to", "for"}, "COOPERATE": {"to"}, "RETREAT": {"to", "from"}, "SANCTION": {"from"},
                 "INVESTIGATE": {"to", "into"}, "CONCEDE": {"on", "to", "for"},
                 "MOBILIZE": {"to", "along", "near", "toward", "towards"}, "COERCE": {"from"}}
# Acts whose condemnation is aimed at whoever did them, when named, not at their
# victims ("condemned Russia's strikes on Kyiv": Russia).
CONDEMNED_ACTS = frozenset(("ASSAULT", "COERCE", "SANCTION", "MOBILIZE"))


def dateline(token: Token) -> bool:
    """Whether a name opens the sentence as a wire dateline ("ATHENS, June 2 (AP) -- ..."):
    the place the story was filed from, never an actor of its events."""
    doc, i = token.doc, token.i
    if i != token.sent.start or i + 2 >= len(doc) or doc[i + 1].text != ",":
        return False
    if doc[i + 2].ent_type_ == "DATE":
        return True
    agency = any(t.text in ("(", "--", "—", "–") for t in doc[i + 2:i + 6])   # "KYIV, Ukraine (AP) --"
    return token.text.isupper() and len(token.text) > 1 and agency     # not "NATO, Russia hold talks"


def subject_and_agents(verb: Token) -> list[Token]:
    """Who does ``verb`` as the parse says it: its subjects, then the objects of its by-phrase
    ("killed by floods"); the sense rules ask this of the verb itself, with no controller search."""
    kids = list(verb.children)
    return [c for c in kids if c.dep_ == "nsubj"] + [
        g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


class ArgBuilder(ArgResolver, NounArgs):
    """Finds source and target heads in the parse and resolves them (one per Doc)."""

    @staticmethod
    def expand(heads: list[Token]) -> list[Token]:
        """Heads plus their conjuncts ("The United States and France"), in order, unique."""
        out, seen = [], set()
        for head in heads:
            for token in (head, *head.conjuncts):
                if token.i not in seen and token.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
                    seen.add(token.i)
                    out.append(token)
        return sorted(out, key=lambda t: t.i)

    @staticmethod
    def passive(pred: Token) -> bool:
        """Whether a verb is passive ("was attacked")."""
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in pred.children)

    def agents(self, pred: Token, depth: int = 0) -> list[Token]:
        """Who does ``pred``: its subject or by-agent, else the controller up the tree."""
        kids = list(pred.children)
        agent = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        subj = [c for c in kids if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "PRON", "X")
                and not c.like_num and not dateline(c)]
        if subj:                                  # headline "Philippines, Vietnam agree": both agree
            subj = [c for c in kids if c.dep_ in ("dep", "npadvmod") and c.i < subj[0].i and c.ent_type_ in
                    ("GPE", "NORP", "ORG", "PERSON") and c.right_edge.i + 2 == subj[0].left_edge.i
                    and c.doc[c.right_edge.i + 1].text == ","] + subj     # not a dateline "CITY, July 29 -"
        if subj and not agent and not any(self.actorish(s) for s in subj) and pred.head is not pred and \
                pred.dep_ in ("ccomp", "xcomp", "advcl") and depth < 4 and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
            return self.agents(pred.head, depth + 1)   # "made the trip to support X": not the trip
        if agent or subj:
            return self.expand(agent or subj)
        if self.passive(pred):
            return self._deep_agent(pred)
        if depth >= 4:
            return []
        head = pred.head
        if head is pred:
            return []
        dep = pred.dep_
        if dep == "advcl" and head.dep_ == "ROOT" and head.i == head.sent.start and head.i + 1 < pred.i and \
                head.text.istitle() and head.pos_ in ("VERB", "NOUN") and not any(c.dep_.startswith("nsubj") for c in
                                                                       head.children) and self.actorish(head):
            return [head]                          # headline "Modi to visit Moscow": the name read as a verb
        if dep == "xcomp" or (dep == "advcl" and pred.tag_ in ("VB", "VBG") and not any(
                c.dep_ == "mark" for c in kids)):
            infinitive = dep == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            if infinitive and self.lex.lemma(head) in self.lex.frame("object_control"):
                controllers = self.addressees(head)     # "ordered X to leave": X leaves;
                if controllers:                         # not "ordered X ..., accusing him": the orderer
                    return controllers
            if head.pos_ == "ADJ" and head.head is not head:
                return self.agents(head.head, depth + 1)
            return self.agents(head, depth + 1)
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            return self.agents(head, depth + 1)
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
        if dep in ("relcl", "acl") and infinitive and headline_infinitive(pred) and self.actorish(head):
            return self.expand([head])                 # headline "Macron to visit Algeria"
        if dep == "relcl" and infinitive:
            return self.agents(head.head, depth + 1) if head.head.pos_ in ("VERB", "AUX") else []
        if dep == "relcl" or (dep == "acl" and pred.tag_ in ("VBG", "VB", "VBD")):
            if dep == "acl" and pred.tag_ == "VB" and not self.actorish(head) and \
                    self.lex.lemma(head) not in self.lex.cls("instruments") and head.head is not head:
                return self.agents(head.head, depth + 1)      # "made the trip to support X"
            return [head] if head.pos_ in ("NOUN", "PROPN", "PRON") else []
        if dep == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
            return self.agents(head.head, depth + 1)
        return []

    def _deep_agent(self, pred: Token) -> list[Token]:
        """A by-agent the parser hung lower down ("killed in Artsakh by Azerbaijani forces")."""
        for token in pred.subtree:
            if token.lower_ == "by" and token.dep_ in ("prep", "agent") and token.i > pred.i and \
                    sum(1 for _ in token.ancestors) - sum(1 for _ in pred.ancestors) <= 4:
                pobjs = [g for g in token.children if g.dep_ == "pobj" and self.actorish(g)]
                if pobjs:
                    return self.expand(pobjs)
        return []

    def addressees(self, pred: Token) -> list[Token]:
        """Whom a directive verb addresses: "urged X", "called on X", "pleaded with X", passive subject."""
        kids = list(pred.children)
        passive_subj = [c for c in kids if c.dep_ == "nsubjpass"]
        if passive_subj:
            return self.expand(passive_subj)
        objs = [c for c in kids if c.dep_ in ("dobj", "dative") and self.actorish(c)]
        if objs:
            return self.expand(objs)
        for child in kids:
            if child.dep_ in ("prep", "prt") and child.lower_ in ("on", "upon", "with", "to"):
                pobjs = [g for g in child.children if g.dep_ == "pobj"]
                if pobjs and self.actorish(pobjs[0]):
                    return self.expand(pobjs)
        told = [s for c in kids if c.dep_ in ("advcl", "xcomp", "ccomp") and any(   # "called for Venezuela to hold"
            m.dep_ == "mark" and m.lower_ == "for" for m in c.children) for s in c.children if s.dep_ == "nsubj"]
        return self.expand([t for t in told if self.actorish(t)])

    def objects(self, pred: Token, etype: str, extra: tuple = (), depth: int = 0) -> list[Token]:
        """Targets of a verb: direct object (or passive subject), dative, and target prepositions.

        Args:
            pred: the verb; etype: the event type (some types take more
                prepositions, "fired at"); extra: prepositions from the entry.
        """
        preps = set(self.lex.cls("target_preps")) & {"against", "on", "upon", "with", "to", "toward", "towards"}
        preps |= self.lex.type_target_preps.get(etype, frozenset()) | set(extra)
        preps -= topic_preps().get(etype, frozenset())    # "agreed on a ceasefire": a topic
        kids = list(pred.children)
        hung = [g for c in kids if c.dep_ in ("advmod", "prt", "prep") and c.lower_ in particles()
                and not any(o.dep_ == "pobj" for o in c.children)
                for g in c.children if g.dep_ == "prep"]           # "pulled back from X", "pulled out of X"
        kids += hung
        if "from" in preps and any(g.lower_ == "of" for g in hung):
            preps.add("of")                                         # "out of X" is "from X"
        kids += [p for c in kids if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
                 and self.lex.lemma(g) in self.lex.cls("contact_means")
                 for p in g.children if p.dep_ == "prep"]          # "spoke by telephone | with X"
        kids += [p for c in kids if c.dep_ == "dobj" for a in c.children if a.dep_ == "acl"
                 and self.lex.lemma(a) in self.lex.cls("cargo_verbs")
                 for p in a.children if p.dep_ == "prep" and p.lower_ == "to"]   # "planes loaded with tents | to X"
        heads = [c for c in kids if c.dep_ in ("nsubjpass",)] if self.passive(pred) else []
        direct = [c for c in kids if c.dep_ in ("dobj", "dative")]
        heads += direct
        heads += [g for c in direct if c.dep_ == "dative" and c.pos_ == "ADP"
                  for g in c.children if g.dep_ == "pobj"]          # "were sent to Jakarta"
        object_preps = {"at", "against", "on", "upon"} | _OBJECT_PREPS.get(etype, set())
        on_object = [g for d in heads for g in d.children if (d.dep_ == "dobj" or (   # "a ban on X was imposed"
                     d.dep_ == "nsubjpass" and self.lex.lemma(d) in self.lex.nouns))
                     and g.dep_ == "prep" and g.lower_ in object_preps
                     and not (etype == "ACCUSE" and self.doers(d))]
        grounds: list[Token] = []
        for child in kids:
            if child.dep_ in ("prep", "prt") and child.lower_ in preps and not temporal(child) and \
                    not (child.lower_ == "to" and any(c.dep_ == "aux" for c in child.children)):
                pobjs = [g for g in child.children if g.dep_ == "pobj"]
                grounds += [g for g in pobjs if self.lex.lemma(g) in self.lex.cls("grounds_nouns")]
                heads += [g for g in pobjs if g not in grounds] or ([] if pobjs else self.stranded(child))
        if not any(self.dig(h) for h in heads):
            heads += grounds    # "expelled Russian diplomats on suspicion of spying": not the grounds
        if etype in ("ASSAULT", "SANCTION", "COERCE", "THREATEN", "ACCUSE") or etype in _OBJECT_PREPS:
            heads += [g for p in on_object for g in p.children if g.dep_ == "pobj"]   # "fired shells at X"
        if not heads:                       # "allowed Ouattara to run": the parser's clause subject
            heads += [g for c in kids if c.dep_ in ("ccomp", "xcomp") and to_infinitive(c)
                for g in c.children if g.dep_ == "nsubj" and self.actorish(g)]
        if not any(self.actorish(h) for h in heads):
            heads += [g for d in direct for c in d.children if c.dep_ == "acl" and to_infinitive(c)
                for g in c.children if g.dep_ == "nsubj" and self.actorish(g)]   # "gave permission for X to go"
        heads = [h for h in heads if self.lex.lemma(h) not in self.lex.cls("projectile")]
        if etype in ("SANCTION", "SUPPORT"):   # "recalled its ambassador to Argentina": the host country
            envoys = set(self.lex.cls("personnel")) | set(self.lex.cls("missions"))   # "closed its embassy in X"
            hosts = [g for h in heads if self.lex.lemma(h) in envoys
                     for p in h.children if p.dep_ == "prep" and p.lower_ in ("to", "in", "from")
                     for g in p.children if g.dep_ == "pobj" and self.actorish(g)]
            if etype == "SUPPORT":            # "reopened its embassy in Damascus": Syria, not the embassy
                heads = [h for h in heads if self.lex.lemma(h) not in self.lex.cls("missions")]
            heads += hosts
        if etype == "AID":                   # troops, doctors or goods sent to X are the giver's; X is the target
            given = set(self.lex.cls("forces")) | set(self.lex.cls("aid"))
            kept = [h for h in heads if h.dep_ not in ("dobj", "conj") or not given & {self.lex.lemma(h), *(
                self.lex.lemma(c) for c in h.children if c.dep_ == "compound")}]
            helps = [c for c in kids if c.dep_ in ("advcl", "xcomp")
                     and self.lex.lemma(c) in self.lex.cls("help_verbs")]
            helped = [g for c in helps for g in [*c.children, *(
                x for k in c.children if k.dep_ in ("ccomp", "xcomp") for x in k.children)]
                if g.dep_ in ("dobj", "nsubj") and self.actorish(g)]    # "to help Peru (fight ...)"
            heads = kept or helped or heads  # "sent rescue teams to help Spain": the one helped
            if not any(self.actorish(h) for h in heads) and helps_on_arrival(self.lex, pred):
                heads += [g for p in pred.head.children if p.dep_ == "prep" and p.lower_ in ("in", "to", "at")
                          for g in p.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")]
                # "doctors arrived in Haiti to treat victims": the place reached is the recipient
        if etype == "MOBILIZE" or (etype == "SANCTION" and heads):
            own = set(self.lex.cls("forces")) if etype == "MOBILIZE" else \
                set(self.lex.cls("personnel")) | set(self.lex.cls("missions"))   # "closed its embassy in X"
            kept = [h for h in heads if self.lex.lemma(h) not in own]
            heads = kept if kept or etype == "MOBILIZE" else heads   # troops sent are the source's own
        if etype == "RETREAT":                # "withdrew its soldiers from X": its soldiers are the source's
            heads = [h for h in heads if not (self.lex.lemma(h) in self.lex.cls("forces") and any(
                c.dep_ == "poss" and is_pronoun(c) for c in h.children))]
        if not heads and depth == 0 and not any(c.dep_ in ("xcomp", "ccomp") for c in kids):
            partners = [c for c in kids if c.dep_ == "conj" and c.pos_ == "VERB"]
            if pred.dep_ == "conj" and pred.head.pos_ == "VERB":
                partners.append(pred.head)
            for partner in partners:                       # "donated and delivered X to Y"
                found = self.objects(partner, etype, extra, depth=1)
                if found:
                    return found
        out = []
        for head in self.expand(heads):
            doers = self.doers(head) if etype == "ACCUSE" else []
            out.extend(doers or self.dig(head))     # "condemned Russia's strikes on X": Russia, not X
        return out

    def led(self, head: Token) -> bool:
        """Whether a group is named by who leads or backs it ("the Saudi-led coalition",
        "U.S.-backed forces"): the leader's country is the group's, so it is an actor."""
        for child in head.lefts:
            if child.dep_ == "amod" and any(g.i < child.i and self.actorish(g) and leads(g)
                                            for g in child.children):
                return True
        return False

    @staticmethod
    def stranded(prep: Token) -> list[Token]:
        """The noun phrase right after a preposition the parser left without an object, when it
        made that phrase the subject of the clause that follows ("granted asylum to five
        officers holed up in ...": "officers" parsed as the subject of "holed")."""
        if any(c.dep_ in ("pobj", "pcomp") for c in prep.children) or prep.i + 1 >= len(prep.doc):
            return []
        start = prep.i + 1
        found = [t for t in prep.doc[start:min(len(prep.doc), start + 8)]
                 if t.left_edge.i == start and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")
                 and t.head.i > t.i and t.head.dep_ in ("advcl", "relcl", "acl", "ccomp", "conj")]
        return found[:1]

    def city_modifier(self, token: Token) -> bool:
        """Whether a name before an event noun is a city or region the tagger knows as a place
        ("the Paris attacks", "the Benghazi attack"), not a state or people that acts."""
        if token.dep_ != "compound" or token.pos_ != "PROPN" or token.ent_type_ in ("NORP", "PERSON"):
            return False
        country, sector = self.resolver.resolve(token.text)
        if country is not None and sector != "GOV":
            return False                           # a state: "Israel strikes", "U.S. sanctions"
        return token.ent_type_ in ("GPE", "LOC", "FAC") or named_place_country(token.text) is not None

    def doers(self, noun: Token) -> list[Token]:
        """Who did the hostile act a noun names ("Russia's strikes", "the arrest ... by the
        police"): a condemnation is aimed at them rather than at the act's victims."""
        entry = self.lex.nouns.get(self.lex.lemma(noun)) if noun.pos_ == "NOUN" else None
        if entry is None or entry.type not in CONDEMNED_ACTS:
            return []
        return self.noun_args(noun, self.lex.lemma(noun) in self.lex.cls("patient_nouns"))[0]

    def dig(self, head: Token, depth: int = 0) -> list[Token]:
        """``head`` if it names an actor, else the actor inside it ("a US offer", "positions of X")."""
        if self.actorish(head):
            return [head]
        if depth >= 3:
            return []
        for child in head.children:
            if child.dep_ == "poss" and not is_pronoun(child):
                found = self.dig(child, depth + 1)
                if found:
                    return found                    # "Europe's betrayal", "Belarus's rulers"
        kept_by = self.lex.lemma(head) in self.lex.cls("facilities")     # "a police station": the police
        done_by = head.pos_ == "NOUN" and self.lex.lemma(head) in self.lex.nouns   # "opposition rallies"
        for child in head.lefts:
            if child.dep_ in ("amod", "compound", "nmod") and self.actorish(child) and (
                    kept_by or (done_by and child.dep_ == "compound" and child.pos_ == "NOUN") or
                    self.lex.lemma(child) not in self.lex.sectors) and not allegiance(child):
                return [child]
        if self.lex.lemma(head) in self.lex.cls("craft"):    # "a British-flagged tanker": the flag's state
            for child in head.lefts:
                found = [g for g in child.lefts if child.dep_ == "amod" and g.dep_ in ("amod", "npadvmod", "compound")
                         and g.ent_type_ in ("NORP", "GPE") and self.actorish(g)]
                if found:
                    return found[:1]
        for child in head.rights:
            if child.dep_ == "acl":
                agents = [g for a in child.children if a.dep_ == "agent" for g in a.children
                          if g.dep_ == "pobj" and self.actorish(g)]
                if agents:
                    return self.expand(agents)          # "an offer made by Armenia"
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "by", "for", "to", "with", "against",
                                                         "between", "in"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.dig(pobj, depth + 1)
                        if found:
                            return self.expand(found)
            elif child.dep_ == "prep" and child.lower_ in ("on", "into") and head.pos_ == "NOUN" and not done_by:
                for pobj in child.children:          # "a probe into spending on X's residence": X
                    found = self.dig(pobj, depth + 1) if pobj.dep_ == "pobj" else []
                    if found and not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in found):
                        return self.expand(found)    # not "a checkpoint on the Lachin corridor"
        for child in head.children:
            if child.dep_ == "poss":
                found = self.dig(child, depth + 1)
                if found:
                    return found
        return []
