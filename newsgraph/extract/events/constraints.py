"""The context a lexicon entry needs before a word is an event trigger (its ``needs``).

Why this module exists: one word has several senses, and the lexicon's entries say
which context picks the event sense: an object, a preposition, a crowd or an armed
subject ("people rallied", "warplanes struck"), an actor object, a modifier. The
tests here read the parse around the word; the words they use are lexicon classes.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from newsgraph.extract.events.clauses import content_clause, mandative, noun_preps
from newsgraph.extract.events.status import negated
from newsgraph.extract.events.lexicon import Entry, Lexicon
from newsgraph.extract.events.transfers import helps_on_arrival
from newsgraph.extract.events.argwords import to_infinitive

_OBJ_DEPS = ("dobj", "nsubjpass", "oprd", "attr")


def temporal(prep: Token) -> bool:
    """Whether a preposition only carries a date or time ("on Friday", "in March")."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return prep.dep_ == "prep" and bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


class Constraints:
    """The ``needs`` tests of TriggerFinder (which provides ``lex``, ``args``,
    ``transparent`` and ``noun_entry``)."""

    lex: Lexicon

    # ----- constraints ------------------------------------------------------------
    def _crowd(self, subject: Token) -> bool:
        """Whether a subject names a crowd ("people", "thousands", "Armenians", "500 workers")."""
        crowd = self.lex.cls("crowd")
        if self.lex.lemma(subject) in crowd or subject.lower_ in crowd:
            return True
        if self.lex.sectors.get(self.lex.lemma(subject)) in ("CVL", "LAB", "EDU", "OPP"):
            return True
        if subject.ent_type_ == "NORP" and subject.tag_ in ("NNPS", "NNS"):
            return True
        return any(c.dep_ in ("nummod", "quantmod") for c in subject.children) or subject.like_num

    def crowd_doer(self, verb: Token) -> bool:
        """Whether a crowd does the act of ``verb``: a crowd subject, or a subjectless clause
        hung on a protest verb ("prisoners rioted, setting fire to mattresses": part of the riot)."""
        if any(self._crowd(s) for s in verb.children if s.dep_ == "nsubj"):
            return True
        head = verb.head
        entry = self.lex.verbs.get(self.lex.lemma(head))
        return verb.dep_ in ("advcl", "conj", "xcomp") and head is not verb and entry is not None and \
            entry.type == "PROTEST" and not any(c.dep_ == "nsubj" for c in verb.children)

    def stray_subject(self, verb: Token) -> list[Token]:
        """A counted crowd the parser hung before a subjectless verb as a preposition's object
        ("In Marseille, more than a thousand people ... gathered": "people" under "In"); the
        verb has no subject of its own. Empty when the verb has one or no such noun exists."""
        if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            return []
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.i > verb.i:
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.pos_ == "NOUN" and any(
                        c.dep_ in ("nummod", "quantmod") for c in noun.children) and self._crowd(noun):
                    return [noun]
        return []

    def swallowed_subject(self, verb: Token) -> list[Token]:
        """The actors right before a subjectless verb, after the comma that closes a fronted
        phrase the parser let them join ("With the signing of an MOU, the Sudanese government
        and SPLM/A have agreed to ...": "government" hangs under "With"). Empty when the verb
        has a subject, or the words between comma and verb name no actor."""
        if verb.pos_ != "VERB" or verb.dep_ not in ("ROOT", "conj") or any(
                c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            return []
        end = verb.i
        while end > verb.sent.start and verb.doc[end - 1].dep_ in ("aux", "neg", "advmod"):
            end -= 1
        start = end
        while start > verb.sent.start and verb.doc[start - 1].text != "," and end - start < 12:
            start -= 1
        if start == end or start == verb.sent.start or verb.doc[start - 1].text != ",":
            return []
        span = range(start, end)
        roots = [t for t in verb.doc[start:end] if t.pos_ in ("NOUN", "PROPN") and t.head.i not in span]
        heads = [t for t in self.args.expand(roots) if t.i in span]
        return heads if any(self.args.actorish(h) for h in heads) else []

    def _leader(self, subject: Token) -> bool:
        """Whether a subject names an official actor (a named entity, or a government,
        military, legislative or international body), as visits need."""
        if subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        return self.lex.sectors.get(self.lex.lemma(subject)) in ("GOV", "MIL", "LEG", "IGO")

    def _official(self, subject: Token) -> bool:
        """Whether a subject is an authority that can open an inquiry: an official actor, the
        police or the judiciary ("prosecutors", "auditors"), or a pronoun standing for one
        named before ("it said it was looking into")."""
        if subject.lower_ in ("it", "they"):      # only when the one who says so is an authority
            said = subject.head
            while said.dep_ in ("ccomp", "xcomp", "conj") and said.head is not said:
                said = said.head
            return any(c.dep_ == "nsubj" and c is not subject and c.lower_ not in ("it", "they") and
                       self._official(c) for c in said.children)
        return self._leader(subject) or self.lex.sectors.get(self.lex.lemma(subject)) in ("JUD", "COP") or \
            self.lex.lemma(subject) in self.lex.cls("inquiring_bodies")

    def gives_up_arms(self, verb: Token, obj: Token) -> bool:
        """Whether a verb of handing over gives up the doer's own arms ("handed over their
        rifles", "fighters gave up weapons"): a disarmament (RETREAT), not arms given as aid.
        The arms are the doer's own when a possessive pronoun marks them or the doer is an
        armed group, not a state ("the U.S. handed weapons to Kyiv" is aid)."""
        if self.lex.lemma(verb) not in self.lex.cls("handing_verbs") or \
                self.lex.lemma(self.transparent(obj)) not in self.lex.cls("arms") or any(
                c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
            return False                      # "handed out rifles to villagers" arms others
        own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        armed = any(self._armed(d) and d.ent_type_ not in ("GPE", "NORP") for d in doers)
        return own or armed

    def _armed(self, subject: Token) -> bool:
        """Whether a subject names armed forces or weapons ("warplanes", "Russian missiles")."""
        lemma = self.lex.lemma(subject)
        return self.lex.sectors.get(lemma) in ("MIL", "REB", "COP") or lemma in self.lex.cls("forces")

    def _armed_instrument(self, verb: Token, objs: list[Token]) -> bool:
        """Whether a named state hits something "with" weapons ("Ukraine hit a refinery with
        drones"; the parser may hang the with-phrase on the object)."""
        if not any(c.dep_ == "nsubj" and c.ent_type_ in ("GPE", "NORP", "ORG") for c in verb.children):
            return False
        weapons = self.lex.cls("weapons")
        return any(c.dep_ == "prep" and c.lower_ == "with" and any(
            self._violent(g) or self.lex.lemma(g) in weapons for g in c.children if g.dep_ == "pobj")
            for holder in (verb, *objs) for c in holder.children)

    def _violent(self, token: Token) -> bool:
        """Whether a noun names force or what it fires ("airstrikes", "shells", "a missile")."""
        found = self.noun_entry(token)
        return (found is not None and found[0].type == "ASSAULT") or \
            self.lex.lemma(token) in self.lex.cls("projectile")

    def _visitable(self, token: Token, objs: list[Token]) -> bool:
        """Whether what a visit goes to is someone to meet: an actor, a named place or a place
        noun (class ``visitable``). The object of a verb, the to-phrase of a verb of travel or
        of the noun "visit"; none at all passes ("Putin is due to visit")."""
        goals = [o for o in objs if o.dep_ != "dative"]
        if not goals:
            goals = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
                     for g in c.children if g.dep_ == "pobj"]
        return not goals or any(
            self.args.actorish(h) or h.ent_type_ in ("GPE", "LOC", "FAC") or h.pos_ == "PROPN"
            or self.lex.lemma(h) in self.lex.cls("visitable")
            for g in goals for h in (g, *(c for c in g.children if c.dep_ == "poss")))   # "Russia's cosmodrome"

    def _recipient(self, verb: Token) -> bool:
        """Whether a verb of giving names an actor it gives to (a dative, or "to"/"for" an
        actor): a sum given to someone is aid, a sum "for a project" is spending."""
        return any(c.dep_ == "dative" and self.args.actorish(c) for c in verb.children) or any(
            c.dep_ == "prep" and c.lower_ in ("to", "for") and any(
                g.dep_ == "pobj" and self.args.actorish(g) for g in c.children) for c in verb.children)

    def with_gift(self, lemma: str, verb: Token):
        """The AID entry of a verb that gives its object something named in a with-phrase
        ("provided Zambia with a loan", "supplied Iran with fighter jets"): the with-phrase's
        own noun (not its modifiers: "jet travel") must be aid or weapons. None otherwise."""
        for child in verb.children:
            if child.dep_ != "prep" or child.lower_ != "with":
                continue
            for gift in (g for g in child.children if g.dep_ == "pobj"):
                for cls in self.lex.word_classes.get(self.lex.lemma(self.transparent(gift)), ()):
                    entry = self.lex.objects.get((lemma, "@" + cls))
                    if entry is not None and entry.type == "AID":
                        return entry
        return None

    def phoned(self, verb: Token) -> Optional[Token]:
        """Whether "X called Y" is a phone call: one named actor as the object (the parser may
        give it as dobj or oprd), no second noun ("called Y a terrorist"), no "for"/"on"
        ("called for", "called on"), no reported clause, active voice."""
        kids = list(verb.children)
        nominals = [c for c in kids if c.dep_ in ("dobj", "oprd", "attr", "ccomp")]
        if len(nominals) != 1 or any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) or any(
                c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon", "off", "up", "out", "as", "in")
                and not temporal(c) for c in kids):
            return None
        callee = nominals[0]
        after = verb.doc[callee.right_edge.i + 1] if callee.right_edge.i + 1 < len(verb.doc) else None
        if verb.dep_ in ("acl", "amod") or (after is not None and (
                after.is_quote or after.pos_ in ("NOUN", "PROPN", "ADJ", "DET"))):
            return None                       # "a company called X", "calling Christie 'a loser'"
        trailing = [t for c in kids if c.dep_ == "prep" and c.i > callee.i for t in c.subtree]
        if any(t.is_quote or t.dep_ == "appos" for t in list(callee.subtree) + trailing):
            return None                       # "calls Armenians of Karabakh 'our citizens'": the name hung on "of"
        named = callee.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") and callee.pos_ == "PROPN"
        plain = not any(c.dep_ in ("oprd", "attr", "acomp") for c in callee.children)
        return callee if named and plain and self.args.actorish(callee) else None

    def _abroad(self, token: Token) -> bool:
        """Whether a verb of travel goes from one country to another: its subject and the
        place of its to-phrase resolve to two different countries ("flew to Boise for a
        speech" is a trip at home, not a visit to a host)."""
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        goals = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
                 for g in c.children if g.dep_ == "pobj"]
        home = {a.country for a in (self.args.arg(s) for s in subjects) if a is not None and a.country}
        away = {a.country for a in (self.args.arg(g) for g in goals) if a is not None and a.country}
        return bool(home and away and not home & away)

    def expulsion(self, verb: Token) -> Optional[tuple]:
        """(type, mode, who) or, for forces sent, (type, mode) when an order verb tells envoys or people to leave ("ordered the
        ambassador to leave", "gave the diplomats 72 hours to leave") or declares them persona non grata: expelling envoys is
        SANCTION expel, individuals COERCE deport; ordering forces somewhere deploys them
        (MOBILIZE); None otherwise (an ordinary order)."""
        kids = list(verb.children)
        if any(t.lower_ in self.lex.cls("unwelcome_words") and verb in (t.head, t.head.head)
               for t in verb.subtree):                   # "declared two diplomats persona non grata"
            for person in (t for t in verb.subtree if t.i > verb.i and t.pos_ == "NOUN"):
                if self.lex.lemma(person) in self.lex.cls("personnel"):
                    return "SANCTION", "expel", person
                if self.lex.lemma(person) in self.lex.cls("individuals"):
                    return "COERCE", "deport", person
        told = [c for c in kids if c.dep_ in ("dobj", "dative", "nsubjpass")]   # "diplomats were ordered out"
        if told and self.lex.lemma(told[0]) in self.lex.cls("forces") and not any(
                c.dep_ in ("xcomp", "ccomp") for c in kids) and any(
                c.dep_ in ("prep", "prt", "advmod") and c.lower_ in self.lex.cls("deployment_preps")
                for t in (verb, told[0]) for c in t.children):
            return "MOBILIZE", "troops"   # "ordered the army onto the streets": forces sent are no target
        leaving = [c for c in kids if c.dep_ in ("xcomp", "advcl")] + [
            g for c in told for g in c.children if g.dep_ in ("relcl", "acl")]
        if not any(self.lex.lemma(v) in self.lex.cls("departure_verbs") and to_infinitive(v) for v in leaving) and not any(
                c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "out" for c in kids):
            return None                       # "ordered the envoy out (of the country)" departs too
        for person in told:
            lemma = self.lex.lemma(person)
            if lemma in self.lex.cls("personnel"):
                return "SANCTION", "expel", person
            if lemma in self.lex.cls("individuals"):
                return "COERCE", "deport", person
        return None

    def doer_type(self, entry: Entry, verb: Token) -> Optional[tuple]:
        """(type, mode) an entry takes for its doer: a crowd (``crowd_type``: "students
        occupied the office" protest) or armed forces (``armed_type``: "warplanes blasted
        rebel positions" is force, not criticism); None keeps the entry's own type."""
        if entry.need("crowd_type") and self.crowd_doer(verb):
            return entry.need("crowd_type"), entry.need("crowd_mode")
        if entry.need("armed_type") and any(self._armed(s) for s in verb.children if s.dep_ == "nsubj"):
            return entry.need("armed_type"), None
        if entry.need("official_type") and not self.crowd_doer(verb) and any(
                s.ent_type_ == "GPE" or self.lex.sectors.get(self.lex.lemma(s)) in ("GOV", "MIL", "COP", "JUD")
                for s in verb.children if s.dep_ == "nsubj"):
            return entry.need("official_type"), entry.need("official_mode")   # "authorities blocked access"
        return None

    def _eventful(self, obj: Token, classes: str = "eventful_objects") -> bool:
        """Whether an object names an act, a proposal or a deal ("ruled out talks / a deal /
        any military presence / resigning"), not a thing or a diagnosis ("ruled out a stroke")."""
        found = self._event_type_of(obj)
        if obj.pos_ in ("VERB", "AUX") or (found is not None and found.type):
            return True
        found_in = set(self.lex.word_classes.get(self.lex.lemma(self.transparent(obj)), ()))
        return bool(found_in & set(self.lex.cls(classes)))

    def needs_ok(self, entry: Entry, token: Token) -> bool:
        """Whether ``token`` meets the entry's ``needs`` constraints."""
        if not entry.needs:
            return True
        kids = list(token.children)
        objs = [c for c in kids if c.dep_ in _OBJ_DEPS or (c.dep_ == "dative")]
        if entry.need("object") and not objs:
            return False
        if entry.need("no_clause") and any(c.dep_ in ("ccomp", "xcomp") for c in kids):
            return False                      # "demonstrated that he has the guts": shows, no protest
        if entry.need("object_or_clause") and not objs and not any(c.dep_ in ("ccomp", "xcomp") for c in kids):
            return False
        if entry.need("actor_object") and not any(
                self.args.actorish(o) or self.args.actorish(self.transparent(o)) for o in objs):   # "a delegation of X"
            return False
        if entry.need("actor_or_defiance_object") and not any(   # "crush any attempt at secession"
                self.args.actorish(o) or self.lex.in_class(self.lex.lemma(o), "defiance") for o in objs):
            return False
        if entry.need("actor_or_place_object") and not self._visitable(token, objs):
            return False
        if entry.need("foreign_goal") and not self._abroad(token):
            return False
        if entry.need("with_person") and any(
                self.lex.lemma(self.transparent(g)) in self.lex.cls("reception") for c in kids
                if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj") or \
                entry.need("with_person") and any(c.dep_ == "dobj" and self.lex.lemma(c) in self.lex.cls("reception")
                                                  for c in kids):
            return False                      # "the plan met (with) resistance": no one was met
        wanted_class = entry.need("object_class")
        if isinstance(wanted_class, str):
            wanted_class = (wanted_class,)
        if wanted_class and objs and not any(
                set(wanted_class) & set(self.lex.word_classes.get(self.lex.lemma(self.transparent(o)), ()))
                for o in objs):
            return False
        if entry.need("act_or_actor_object") and objs and not any(c.dep_ == "prep" and c.lower_ == "with" for c in kids) \
                and not any(self.args.actorish(o) or self._eventful(o, "threatened_objects") for o in objs):
            return False                      # "debts threatened the survival of the airline": endangered
        if entry.need("event_object") and objs and not any(self._eventful(o) for o in objs):
            return False                      # "ruled out a stroke": no act or proposal is refused
        if entry.need("xcomp") and not any(c.dep_ == "xcomp" or (c.dep_ == "advcl" and to_infinitive(c)) for c in kids + (
                list(token.head.children) if token.dep_ == "dobj" else [])):   # "took steps | to ease"
            return False
        subjects = [c for c in kids if c.dep_ in ("nsubj",)] or self.stray_subject(token)
        if entry.need("no_crowd_subject") and subjects and all(self._crowd(s) for s in subjects) and not any(
                c.dep_ in _OBJ_DEPS or (c.dep_ == "prep" and c.lower_ == "with") for c in kids):
            return False                      # "thousands of mourners met at the cathedral": a gathering
        if entry.need("purpose_of_arrival") and not (helps_on_arrival(self.lex, token) and any(
                self.args.actorish(o) or any(m.ent_type_ in ("NORP", "GPE") for m in o.children) or
                self.lex.lemma(self.transparent(o)) in self.lex.cls("relief_recipients") for o in objs)):
            return False                      # "doctors arrived to help Italian hospitals / to treat the wounded"
        if entry.need("crowd_subject"):
            if not subjects or not any(self._crowd(s) for s in subjects):
                return False
        if entry.need("crowd_or_intransitive"):
            if any(c.dep_ == "dobj" for c in kids) and not any(self._crowd(s) for s in subjects):
                return False
        preps = {c.lower_ for c in kids if c.dep_ in ("prep", "prt", "agent") and not temporal(c)}
        if token.pos_ in ("NOUN", "PROPN"):
            preps |= {c.lower_ for c in noun_preps(token) if not temporal(c)}
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "nsubjpass"):
            preps |= {c.lower_ for c in token.head.children if c.dep_ in ("prep", "dative") and not temporal(c)}
        preps |= {m.lower_ for c in kids if c.dep_ in ("advcl", "acl", "relcl") for m in c.children
                  if m.dep_ == "mark" and m.lower_ == "for"}   # "his call for Venezuela to hold elections"
        wanted = entry.need("prep")
        clause = entry.need("or_clause")
        if wanted and not preps & set(wanted) and not (clause and (any(
                c.dep_ == "ccomp" and (clause != "mandative" or mandative(c)) for c in kids) or (
                clause != "mandative" and content_clause(token) is not None))):
            return False                      # "charged that X ...", "insisted that X send", "its threat to expel X"
        banned = entry.need("not_prep")
        if banned and preps & set(banned):
            return False
        if entry.need("actor_pobj"):
            pobjs = [g for c in kids if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            if not any(self.args.actorish(p) for p in pobjs):
                return False
        mods = entry.need("mods")
        if mods:
            near = [self.lex.lemma(c) for c in kids] + [self.lex.lemma(token.head), self.lex.lemma(token.head.head)]
            if not set(mods) & set(near):
                return False
        head_prep = entry.need("head_prep")
        if head_prep and not (token.dep_ == "pobj" and token.head.lower_ in head_prep):
            return False
        not_head_prep = entry.need("not_head_prep")
        if not_head_prep and token.dep_ == "pobj" and token.head.lower_ in not_head_prep:
            return False
        if entry.need("actor_subject") and not any(self._leader(c) for c in subjects):
            return False
        if entry.need("not_own_object") and any(c.dep_ == "poss" and c.pos_ == "PRON" for o in objs for c in o.children):
            return False                      # "troops left their barracks": no withdrawal from anyone
        if entry.need("plural_object") and not any(self.transparent(o).tag_ in ("NNS", "NNPS") for o in objs):
            return False                      # "drove their tractors into Madrid", not "his tractor"
        if entry.need("state_party") and not any(
                t.ent_type_ in ("GPE", "NORP") for o in objs for t in o.subtree) and not any(
                g.ent_type_ in ("GPE", "NORP") for c in kids if c.dep_ == "prep" for g in c.subtree):
            return False                      # "banned imports of Russian oil", not "banned wheat exports"
        if entry.need("official_subject") and not any(self._official(c) for c in subjects):
            return False                      # "prosecutors are looking into", not "scientists are looking into"
        if entry.need("weapon_subject") and not any(
                self._armed(c) or self._violent(c) or self.lex.lemma(c) in self.lex.cls("weapons")
                or self.lex.lemma(c) in self.lex.cls("explosives") for c in subjects):
            return False                      # "two rockets slammed into", not "a car slammed into"
        if entry.need("actor_or_armed_subject"):
            doers = subjects + [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if not any(self._leader(c) or self._armed(c) or self._violent(c) for c in doers):
                return False                  # "Russia targeted the grid", not "the law targets NGOs"
        if entry.need("armed_subject") and not any(self._armed(c) for c in subjects) and \
                not (token.dep_ not in ("acl", "relcl", "advcl", "amod") and any(
                    self._armed(g) or self._violent(g) for c in kids if c.dep_ == "agent"
                    for g in c.children if g.dep_ == "pobj")) and not self._armed_instrument(token, objs):
            return False                      # "the camp was hit by airstrikes": the agent is armed
        if entry.need("negated") and not negated(token, self.lex):
            return False                      # "repaid the loan": a kept commitment is no event
        if entry.need("plural") and token.tag_ not in ("NNS", "NNPS"):
            return False
        return True
