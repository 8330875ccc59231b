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

from newsgraph.extract.events.argwords import particles, topic_preps
from newsgraph.extract.events.constraints import temporal
from newsgraph.extract.events.countries import named_place_country
from newsgraph.extract.events.resolve import ArgResolver, allegiance, is_pronoun
from newsgraph.extract.events.status import headline_infinitive

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


class ArgBuilder(ArgResolver):
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
        return []

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
        kids += [g for c in kids if c.dep_ in ("advmod", "prt") and c.lower_ in particles()
                 for g in c.children if g.dep_ == "prep"]          # "pulled back from X"
        heads = [c for c in kids if c.dep_ in ("nsubjpass",)] if self.passive(pred) else []
        direct = [c for c in kids if c.dep_ in ("dobj", "dative")]
        heads += direct
        heads += [g for c in direct if c.dep_ == "dative" and c.pos_ == "ADP"
                  for g in c.children if g.dep_ == "pobj"]          # "were sent to Jakarta"
        object_preps = {"at", "against", "on", "upon"} | _OBJECT_PREPS.get(etype, set())
        on_object = [g for d in direct for g in d.children if d.dep_ == "dobj"
                     and g.dep_ == "prep" and g.lower_ in object_preps
                     and not (etype == "ACCUSE" and self.doers(d))]
        for child in kids:
            if child.dep_ in ("prep", "prt") and child.lower_ in preps and not temporal(child) and \
                    not (child.lower_ == "to" and any(c.dep_ == "aux" for c in child.children)):
                heads += [g for g in child.children if g.dep_ == "pobj"] or self.stranded(child)
        if etype in ("ASSAULT", "SANCTION", "COERCE", "THREATEN", "ACCUSE") or etype in _OBJECT_PREPS:
            heads += [g for p in on_object for g in p.children if g.dep_ == "pobj"]   # "fired shells at X"
        if not heads:                       # "allowed Ouattara to run": the parser's clause subject
            heads += [g for c in kids if c.dep_ in ("ccomp", "xcomp") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for g in c.children if g.dep_ == "nsubj" and self.actorish(g)]
        if not any(self.actorish(h) for h in heads):
            heads += [g for d in direct for c in d.children if c.dep_ == "acl" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for g in c.children if g.dep_ == "nsubj" and self.actorish(g)]   # "gave permission for X to go"
        heads = [h for h in heads if self.lex.lemma(h) not in self.lex.cls("projectile")]
        if etype == "SANCTION":              # "recalled its ambassador to Argentina": the host country
            heads += [g for h in heads if self.lex.lemma(h) in self.lex.cls("personnel")
                      for p in h.children if p.dep_ == "prep" and p.lower_ in ("to", "in", "from")
                      for g in p.children if g.dep_ == "pobj" and self.actorish(g)]
        if etype == "MOBILIZE" or (etype == "SANCTION" and heads):
            own = self.lex.cls("forces") if etype == "MOBILIZE" else self.lex.cls("personnel")
            kept = [h for h in heads if self.lex.lemma(h) not in own]
            heads = kept if kept or etype == "MOBILIZE" else heads   # troops sent are the source's own
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
        for child in head.children:
            if child.dep_ == "poss":
                found = self.dig(child, depth + 1)
                if found:
                    return found
        return []

    def noun_args(self, noun: Token, patient: bool, skip_until: int = 0,
                  etype: str = "") -> tuple[list[Token], list[Token]]:
        """(sources, targets) hanging on a nominal event ("Azerbaijan's offensive against X").

        Args:
            noun: the event noun.
            patient: True for nouns whose possessor / of-phrase is acted upon
                ("the arrest of X", "X's release").
            skip_until: token index up to which the words belong to the
                trigger itself ("use of force") and are not arguments.
            etype: the event type; support and aid take their target with
                "for" ("support for Ukraine").
        """
        target_words = {"against", "on", "upon", "with", "at", "to", "toward", "towards", "into"}
        if etype in ("SUPPORT", "AID"):
            target_words.add("for")
        sources, targets, between = [], [], []
        undergoer = patient and any(c.dep_ == "prep" and c.lower_ == "of" and c.i >= skip_until and
                                    any(g.dep_ == "pobj" for g in c.children) for c in noun.children)
        for child in noun.children:
            if noun.i < child.i < skip_until:
                continue
            dep = child.dep_
            if dep == "poss":        # "X's arrest": X undergoes it; "X's expulsion of Y": X does it
                (targets if patient and not undergoer else sources).append(child)
            elif dep in ("amod", "compound", "nmod") and child.i < noun.i and self.actorish(child) \
                    and self.lex.lemma(child) not in self.lex.sectors:
                if not self.city_modifier(child):      # "the Paris attacks": where, not who
                    sources.append(child)
            elif dep == "compound" and child.i < noun.i:      # "Russian missile strikes": Russian
                sources += [g for g in child.children if g.dep_ in ("amod", "compound") and g.i < child.i
                            and self.actorish(g) and self.lex.lemma(g) not in self.lex.sectors
                            and not allegiance(g)]
            elif dep == "prep":
                pobjs = [g for g in child.children if g.dep_ == "pobj"]
                word = child.lower_
                if word == "by" or word == "from":
                    sources += [p for p in pobjs if self.actorish(p)]
                elif word == "between":
                    between += pobjs
                elif word in target_words:
                    targets += [t for p in pobjs for t in self.dig(p)]
                elif word == "of":
                    for pobj in pobjs:
                        found = self.dig(pobj)
                        if not found:
                            continue
                        arg = self.arg(found[0]) if found[0] is pobj else None
                        armed = arg is not None and arg.sector in ("MIL", "REB", "COP")
                        (sources if armed and not patient else targets).extend(found)
            elif dep == "acl":
                for grand in child.children:
                    if grand.dep_ == "agent":
                        sources += [g for g in grand.children if g.dep_ == "pobj"]
        if sources and not targets:
            targets = between                        # "Egypt's mediation between X and Y"
        else:
            sources += between                       # "talks between X and Y"
        if not sources:
            for token in noun.rights:                # "attacks on civilians in Artsakh by X"
                for inner in token.subtree:
                    if inner.lower_ == "by" and inner.dep_ in ("prep", "agent") and inner.head is not noun:
                        sources += [g for g in inner.children if g.dep_ == "pobj" and self.actorish(g)]
                if sources:
                    break
        head = noun.head
        if not sources and head.dep_ == "pobj" and head.head.pos_ == "NOUN" and \
                self.lex.lemma(head.head) in self.lex.light_verbs:
            launch = head.head                      # "the launch by Azerbaijan of an operation"
            for child in launch.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    sources += [g for g in child.children if g.dep_ == "pobj"]
                if child.dep_ == "poss":
                    sources.append(child)
        return self.expand(sources), self.expand(targets)
