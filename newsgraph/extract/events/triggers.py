"""Which words of a sentence are PLOVER event triggers, and of what type.

Why this module exists: a keyword hit is not an event ("support" in
"demonstrations in support of", "beat the record", "calls Armenians our
citizens"). Here each verb and noun is looked up once in the lexicon and then
checked in context: phrasal particles ("called on" vs "called with"), the
object ("withdraw troops" vs "withdraw diplomats", "fire shells"), reversals
("lifted the curfew" is a concession, "suspended aid" a sanction), blockers
("police prevented the demonstration"), and the lexicon's `needs`
constraints. Nouns must also be anchored (object of a light verb, subject of
an occurrence verb, tied to an actor) to count.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from newsgraph.extract.events.args import ArgBuilder
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.carried import adopted_measure
from newsgraph.extract.events.lexicon import Entry, Lexicon
from newsgraph.extract.events.constraints import Constraints, temporal
from newsgraph.extract.events.idioms import Idioms
from newsgraph.extract.events.petrarch import load_verb_dictionary
from newsgraph.extract.events.prefilter import doc_words, trigger_words
from newsgraph.extract.events.prefixes import Prefixes
from newsgraph.extract.events.reach import cameo_sense
from newsgraph.extract.events.transfers import cargo, sent_as_aid

VERB_POS = ("VERB",)
NOUN_POS = ("NOUN", "PROPN")


class TriggerFinder(Constraints, Prefixes, Idioms):
    """Finds trigger candidates in sentences with one dict lookup per word."""

    def __init__(self, lex: Lexicon, args: ArgBuilder):
        """Args: lex: the event lexicon; args: the Doc's argument builder (for actor tests)."""
        self.lex = lex
        self.args = args
        self.verbs = load_verb_dictionary()
        self.words = doc_words(args.doc, lex, self.verbs)
        self.keys = trigger_words(lex, self.verbs)

    def possible(self, tokens) -> list[Token]:
        """The ``tokens`` where ``verb`` or ``noun`` can find anything (``event_prefilter``)."""
        return self.words.candidates(tokens)

    # ----- lookups ------------------------------------------------------------------
    def transparent(self, obj: Token) -> Token:
        """The noun a quantity or part word stands for ("25,000 tons of aid" -> aid)."""
        for _ in range(2):
            if self.lex.lemma(obj) not in self.lex.cls("transparent"):
                return obj
            inner = self._of_object(obj) or cargo(self.lex, obj)   # "planes loaded with tents"
            if inner is None:
                return obj
            obj = inner
        return obj

    def object_entry(self, trigger_lemma: str, obj: Token) -> Optional[Entry]:
        """The `objects` entry for a trigger and its object (lemma, word class, or @actor)."""
        table = self.lex.objects
        for item in (obj, *obj.conjuncts):              # "sent rescue teams and tents"
            item = self.transparent(item)
            if (trigger_lemma, "@riot_control") in table and any(
                    c.dep_ in ("compound", "amod") and self.lex.lemma(c) in self.lex.cls("riot_control")
                    for c in item.children):
                return table[(trigger_lemma, "@riot_control")]   # "rubber bullets", "stun grenades"
            for word in (self.lex.lemma(item), item.lower_):
                if (trigger_lemma, word) in table:
                    return table[(trigger_lemma, word)]
            inner = self._of_object(item)       # "signed a treaty of friendship": a bond, not a settlement
            if inner is not None and (trigger_lemma, "@bonds") in table and \
                    self.lex.lemma(inner) in self.lex.cls("bonds"):
                return table[(trigger_lemma, "@bonds")]
            words = (self.lex.lemma(item),) + tuple(self.lex.lemma(c) for c in item.children if c.dep_ == "compound")
            words += tuple(self.lex.cls("suspect_marks").get(c.lower_) for c in item.children   # "suspected ETA members"
                           if c.dep_ == "amod" and c.lower_ in self.lex.cls("suspect_marks"))
            if item.ent_type_ == "MONEY" and self._recipient(item.head):
                words += ("money",)               # "gave Lebanon $60 million": a sum given to someone
            for word in words:
                for cls in self.lex.word_classes.get(word, ()):
                    if cls == "aid" and word in self.lex.cls("traded_goods") and self._traded(item):
                        continue                  # "delivered corn under a commercial contract": trade
                    if (trigger_lemma, "@" + cls) in table:
                        return table[(trigger_lemma, "@" + cls)]
        if (trigger_lemma, "@actor") in table and any(   # "received a delegation of Ukrainian bishops"
                (item.pos_ in ("PROPN", "PRON") or any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in (
                    "NORP", "GPE") for c in item.children) or self.lex.sectors.get(self.lex.lemma(item)) in ("GOV", "OPP")
                 ) and self.args.actorish(item)      # "received Argentina's president / opposition leaders"
                for item in {obj, self.transparent(obj)}):
            return table[(trigger_lemma, "@actor")]
        return None

    def _traded(self, goods: Token) -> bool:
        """Whether the sentence tells goods that are also traded (grain, fuel) as trade, not aid:
        a word of sale, contract or market (``classes.trade_cues``)."""
        cues = self.lex.cls("trade_cues")
        return any(self.lex.lemma(t) in cues or t.lower_ in cues for t in goods.sent)

    def noun_entry(self, token: Token, table: Optional[dict] = None) -> Optional[tuple[Entry, int]]:
        """The noun entry for ``token`` (multiword keys first) and the trigger's first token index."""
        table = self.lex.nouns if table is None else table
        lemma = self.lex.lemma(token)
        doc = token.doc
        if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
            joined = f"{doc[token.i - 2].lower_}-{token.lower_}"   # "sit - in" -> "sit-in"
            entry = table.get(joined) or table.get(joined.rstrip("s"))
            if entry is not None:
                return entry, token.i - 2
        for child in token.lefts:
            if child.dep_ in ("compound", "amod", "nmod", "npadvmod"):
                for word in (self.lex.lemma(child), child.lower_,
                             "".join(t.text_with_ws for t in child.subtree).strip().lower()):
                    entry = table.get(f"{word} {lemma}")
                    if entry is not None and self.needs_ok(entry, token):
                        return entry, min(child.left_edge.i, child.i)
        for child in token.rights:
            if child.dep_ == "prep":
                entry = table.get(f"{lemma} {child.lower_}")
                if entry is not None and self.needs_ok(entry, token):
                    return entry, token.i
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    entry = table.get(f"{lemma} of {self.lex.lemma(pobj)}")
                    if entry is not None:
                        return entry, token.i
        entry = table.get(lemma)
        if entry is not None and self.needs_ok(entry, token):
            return entry, token.i
        return None

    def _direct_object(self, verb: Token) -> Optional[Token]:
        """The verb's direct object (or passive subject), if any."""
        for child in verb.children:
            if child.dep_ == "dobj":
                return child
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return child
        return None

    def _of_object(self, noun: Token) -> Optional[Token]:
        """The of-phrase object of a noun ("withdrawal of troops" -> troops), or the in-phrase
        of a sum ("$500 million in humanitarian assistance" -> assistance)."""
        preps = ("of", "in") if noun.ent_type_ == "MONEY" else ("of",)
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        return None

    def _event_type_of(self, noun: Token, relations: bool = True) -> Optional[Entry]:
        """The type a noun would have as an event or relation ("curfew", "aid", "ties"),
        looking through quantity words and at compounds ("aid deliveries"); relation nouns
        ("flights", "trade") only when ``relations``."""
        noun = self.transparent(noun)
        tables = (self.lex.nouns, self.lex.relation_nouns) if relations else (self.lex.nouns,)
        for word in (noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))):
            for table in tables:
                found = self.noun_entry(word, table)
                if found is not None:
                    return found[0]
        return None

    def _reversal(self, lemma: str, obj: Optional[Token], subject_crowd: bool,
                  phrasal: bool = False, relations: bool = True) -> Optional[Entry]:
        """Stopping or lifting an event: the reversed type ("lift curfew" -> CONCEDE)."""
        if obj is None:
            return None
        inner = self._event_type_of(obj, relations)
        if (inner is None or inner.type is None) and self.lex.lemma(self.transparent(obj)) in self.lex.cls("deal"):
            inner = Entry(key="deal", type="AGREE", mode=None)   # "tore up the nuclear deal", "scrapped a pact"
        if inner is None or inner.type is None:
            return None
        if lemma in self.lex.blockers and inner.type == "PROTEST" and not subject_crowd:
            return Entry(key=f"{lemma} protest", type="COERCE", mode="restrict")
        if phrasal or lemma in self.lex.reversal_verbs or lemma in self.lex.reversal_nouns:
            return self.lex.reversal_types.get(inner.type)
        return None

    # ----- main -------------------------------------------------------------------------
    def verb(self, token: Token) -> Optional[Candidate]:
        """A verbal trigger at ``token`` or None; an attack written with a display prefix
        ("test-fired a missile") is a show of force (MOBILIZE weapons)."""
        cand = self._verb(token)
        doc = token.doc
        if cand is not None and cand.type == "ASSAULT" and token.i >= 2 and doc[token.i - 1].text == "-" \
                and not doc[token.i - 2].whitespace_ and doc[token.i - 2].lower_ in self.lex.display_prefixes:
            cand.type, cand.mode, cand.start = "MOBILIZE", "weapons", token.i - 2
        if cand is not None and cand.type in self.lex.cooperative and not cand.preset:
            swallowed = self.swallowed_subject(token)
            if swallowed:                        # "With the signing of X, the government and Y agreed"
                cand.sources, cand.preset = swallowed, True
                cand.targets = self.args.objects(token, cand.type, cand.target_preps)
        if cand is not None and cand.type == "PROTEST":
            stray = self.stray_subject(token)
            if stray:                            # "In Paris, thousands of people ... gathered"
                cand.sources, cand.preset = self.args.expand(stray), True
                cand.targets = self.args.objects(token, cand.type, cand.target_preps)
        return cand

    def _verb(self, token: Token) -> Optional[Candidate]:
        """A verbal trigger at ``token`` or None (prefixes aside)."""
        lemma = self.lex.lemma(token)
        lex = self.lex
        undone = self._prefixed(token, lemma)
        if undone is not None:
            start = token.i - 2 if self.undoing_prefix(token) else token.i
            parts = token.doc[start:token.i + 1]     # the parse may hang the subject on "de"
            anchor = next((t for t in parts if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)),
                          parts.root)
            return Candidate(anchor, anchor, "verb", undone.type, undone.mode, start, token.i + 1)
        if self.idiom_match(token) is not None:     # "poured cold water on" (events/idioms.py)
            return self.idiom(token)
        kids = list(token.children)
        obj = self._direct_object(token)
        if obj is None and token.tag_ == "VBD" and token.sent[-1].text not in (".", "!", "?", '"'):
            obj = next((c for c in kids if c.dep_ == "nsubj" and self.lex.lemma(c) in self.lex.cls("deal")),
                       None)                  # headline reduced passive: "Deal struck between X and Y"
        expelled = self.expulsion(token) if lemma in lex.cls("expulsion_order_verbs") else None
        if expelled is not None:              # "ordered the envoy to leave": the one told is the target
            cand = Candidate(token, token, "verb", expelled[0], expelled[1], token.i, token.i + 1, preset=True)
            cand.sources, cand.targets = self.args.agents(token), self.args.expand(list(expelled[2:]))
            return cand
        if obj is not None and self.gives_up_arms(token, obj):     # "rebels handed over their rifles"
            cand = Candidate(token, token, "verb", "RETREAT", "disarm", token.i, token.i + 1, preset=True)
            cand.sources, cand.targets = self.args.expand(self.args.agents(token)), []   # a disarmament has no target
            return cand
        if obj is not None and self.keys.heads(lemma, self.keys.objects):
            entry = self.object_entry(lemma, obj)
            if entry is not None and entry.needs and not self.needs_ok(entry, token):
                entry = None                      # "drove tractors into": only a crowd protests
            if entry is None and self.args.actorish(obj):     # "provided Zambia with a loan"
                entry = self.with_gift(lemma, token)
            if entry is not None and entry.type is not None and lemma in lex.light_verbs:
                own = self.noun_entry(obj)       # "imposed export controls": the compound noun's
                if own is not None and " " in own[0].key and own[0].type:   # type beats the class
                    entry = own[0]
            aid = sent_as_aid(lex, token, lemma, entry.type if entry is not None else None, self.args.actorish)
            if aid is not None:                  # troops sent to help, oil shipped on credit
                return Candidate(token, token, "verb", aid[0], aid[1], token.i, token.i + 1)
            if entry is not None:
                if entry.type is None:
                    return None
                mode = entry.mode
                if mode and mode.startswith("@"):
                    mode = lex.cls(mode[1:]).get(self.lex.lemma(self.transparent(obj)))
                retyped = self.doer_type(entry, token)   # "police blocked roads": not a protest
                if retyped is not None:
                    return Candidate(token, token, "verb", retyped[0], retyped[1], token.i, token.i + 1)
                return Candidate(token, token, "verb", entry.type, mode, token.i, token.i + 1,
                                 target_preps=entry.target_preps)
        if (adopted := adopted_measure(lex, self._event_type_of, token, lemma, obj, self._leader)) is not None:
            return adopted                    # "an embargo was endorsed by X": the embargo is the event
        marks = [m for c in kids if c.dep_ in ("advcl", "xcomp", "ccomp") for m in c.children   # "called for X to act":
                 if m.dep_ == "mark" and m.lower_ == "for" and m.i == token.i + 1]              # a for-to clause
        for child in kids + marks if self.keys.heads(lemma, self.keys.phrasal) else ():
            if temporal(child):
                continue                      # "called on Friday" is no "call on"
            if child.dep_ in ("prt", "prep", "dobj", "oprd", "attr", "agent", "mark") or \
                    (child.dep_ == "advmod" and (child.i == token.i + 1 or child.pos_ == "ADJ")):   # "set X ablaze"
                words = [child.lower_, self.lex.lemma(child)]
                if child.dep_ == "prep":          # "took to the streets", "took X to court"
                    words = [f"{child.lower_} {self.lex.lemma(g)}" for g in child.children if g.dep_ == "pobj"] + words
                for word in words:
                    entry = lex.phrasal.get(f"{lemma} {word}")
                    if entry is not None and entry.need("particle") and child.dep_ == "prep" and any(
                            g.dep_ == "pobj" for g in child.children):
                        continue              # "an address she gave in Cairo" is no "give in"
                    if entry is not None and self.needs_ok(entry, token):
                        if entry.type is None:
                            return None
                        end = child.i + 1 if child.i == token.i + 1 and child.dep_ in ("prt", "prep") else token.i + 1
                        if entry.need("crowd_type") and self.crowd_doer(token):
                            return Candidate(token, token, "verb", entry.need("crowd_type"),
                                             entry.need("crowd_mode"), token.i, end)   # "rioters set fire to"
                        return Candidate(token, token, "verb", entry.type, entry.mode, token.i, end,
                                         target_preps=entry.target_preps)
        subjects = [c for c in kids if c.dep_ == "nsubj"]
        particle = next((f"{lemma} {c.lower_}" for c in kids if c.dep_ in ("prt", "prep")
                         and f"{lemma} {c.lower_}" in lex.reversal_phrasal), None)
        if particle is not None:
            if obj is None:                    # "pulled out of the treaty": the undone act is the pobj
                obj = next((g for c in kids if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None)
            entry = self._reversal(lemma, obj, False, phrasal=True)
            if entry is not None and entry.type:
                cand = Candidate(token, token, "verb", entry.type, entry.mode, token.i, token.i + 1)
                cand.event_object = obj
                return cand
        if lemma in lex.reversal_verbs or lemma in lex.blockers:
            official = not subjects or any(self._leader(s) for s in subjects)
            if obj is None and lemma in lex.blockers:     # "to disperse students marching on X"
                obj = next((c for c in kids if c.dep_ == "ccomp" and c.tag_ == "VBG"), None)
            entry = self._reversal(lemma, obj, any(self._crowd(s) for s in subjects), relations=official)
            if entry is not None and entry.type:
                cand = Candidate(token, token, "verb", entry.type, entry.mode, token.i, token.i + 1)
                cand.event_object = obj if entry.type != "COERCE" else None
                return cand
        entry = lex.verbs.get(lemma)
        if entry is None and lemma not in lex.known:
            return self._cameo_verb(token, lemma)
        callee = self.phoned(token) if lemma in lex.cls("phoning_verbs") else None
        if callee is not None:                 # "Macron called Putin on Sunday" (Putin may be parsed oprd)
            cand = Candidate(token, token, "verb", "CONSULT", "phone", token.i, token.i + 1, preset=True)
            cand.sources, cand.targets = self.args.expand([c for c in kids if c.dep_ == "nsubj"]), [callee]
            return cand
        if entry is None or (entry.type is not None and not self.needs_ok(entry, token)):
            # our entry gives no event here: the CAMEO dictionary may (for a verb we know in
            # another sense or construction, only when its context words decide: "hit out at")
            return self._cameo_verb(token, lemma, entry is not None, True)
        if entry.type is None:
            return None
        if entry.need("legal_type") and any(
                (self.lex.sectors.get(self.lex.lemma(s)) or "").lower() in lex.frame("legal_sectors") for s in subjects):
            return Candidate(token, token, "verb", entry.need("legal_type"), entry.need("legal_mode"),
                             token.i, token.i + 1)      # "police charged X with": legal action
        retyped = self.doer_type(entry, token)   # "students occupied the office", "warplanes blasted"
        if retyped is not None:
            return Candidate(token, token, "verb", retyped[0], retyped[1], token.i, token.i + 1)
        return Candidate(token, token, "verb", entry.type, entry.mode, token.i, token.i + 1,
                         target_preps=entry.target_preps)

    def _cameo_verb(self, token: Token, lemma: str, own: bool = False, known: bool = False) -> Optional[Candidate]:
        """A trigger from the CAMEO verb dictionary where our lexicon gives no event
        (``reach.cameo_sense`` says when)."""
        found = cameo_sense(self, token, lemma, own, known)
        if found is None:
            return None
        sense, preps = found
        cand = Candidate(token, token, "verb", sense.type, sense.mode, token.i, token.i + 1, target_preps=preps)
        cand.cameo = True
        cand.cameo_code, cand.cameo_pattern = sense.code, sense.pattern
        return cand

    def _nominal_entry(self, lemma: str, obj: Optional[Token]) -> Optional[Entry]:
        """The entry a noun naming a verb's act takes from its verb (``classes.nominalisations``): the
        verb's `objects` entry for the of-phrase ("seizure of a tanker"), else the verb's own entry."""
        verb = self.lex.cls("nominalisations").get(lemma)
        if not verb or obj is None:
            return None
        entry = self.object_entry(verb, obj)
        if entry is not None:
            return entry
        entry = self.lex.verbs.get(verb)
        if entry is None or any(name not in ("object", "object_class") for name, _ in entry.needs):
            return None
        wanted = entry.need("object_class")
        if wanted:
            wanted = {wanted} if isinstance(wanted, str) else set(wanted)
            if not wanted & set(self.lex.word_classes.get(self.lex.lemma(self.transparent(obj)), ())):
                return None
        return entry

    def noun(self, token: Token) -> Optional[Candidate]:
        """A nominal trigger at ``token`` (anchoring is checked by the caller) or None."""
        lemma = self.lex.lemma(token)
        if token.dep_ == "dobj" and self.lex.lemma(token.head) in self.lex.cls("defiance_verbs") or \
                self.idiom_word(token):      # "flouted UN sanctions", "put aid on hold": no event of its own
            return None
        obj = self._of_object(token)
        if lemma in self.lex.reversal_nouns:
            entry = self._reversal(lemma, obj, False)
            if entry is not None and entry.type:
                return Candidate(token, token, "noun", entry.type, entry.mode, token.i, token.i + 1)
            return None
        found = self.noun_entry(token)
        if found is None and lemma in self.lex.cls("generic_event_heads"):
            for child in token.lefts:
                if child.dep_ in ("compound", "amod", "nmod"):
                    inner = self.noun_entry(child)
                    if inner is not None:
                        found = (inner[0], min(inner[1], child.i))
                        break
        if found is None and (nominal := self._nominal_entry(lemma, obj)) is not None:
            found = (nominal, token.i)                  # "the restoration of ties" = "restore ties"
        if found is None:
            return None
        entry, first = found
        if obj is not None:
            special = self.object_entry(lemma, obj)
            if special is not None:
                entry = special
        if entry.type is None:
            return None
        mode = entry.mode
        if mode and mode.startswith("@"):
            mode = None
        end = token.i + 1
        for child in reversed(list(token.lefts)):       # "a military offensive": keep "military"
            if child.i == first - 1 and child.dep_ in ("amod", "compound") and \
                    self.lex.lemma(child) in self.lex.cls("trigger_modifiers"):
                first = child.i
        if " of " in entry.key and obj is not None:
            end = obj.i + 1                       # "use of force": the trigger holds its object
        return Candidate(token, token, "noun", entry.type, mode, first, end,
                         target_preps=entry.target_preps)
