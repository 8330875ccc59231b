"""Sources and targets of an event told as a noun ("Azerbaijan's offensive against X",
"an airstrike by the Saudi-led coalition", "the bombing, which al-Shabaab claimed").

Why this module exists: a noun's doer and object are not a verb's subject and object - they
hang on it as a possessive, a demonym, a by-phrase, a claiming relative clause, or of / on /
against / to / from / between phrases - so nominal events need their own reading. It is a mixin
of the argument builder (``args.ArgBuilder``), whose helpers (``dig``, ``actorish``,
``expand``, ``led``) it uses.
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.resolve import allegiance


class NounArgs:
    """Mixin: the arguments of nominal events and of claimed attacks."""

    def claimers(self, act: Token) -> list[Token]:
        """Who owned an attack told without its attacker ("the bombing, which al-Shabaab
        claimed", "the attack, for which IS claimed responsibility", "an ambush claimed by X"):
        CAMEO codes a claimed attack to the claimer. The parser may hang the clause on the noun
        phrase's last word, so the whole subtree is searched; a relative clause needs its pronoun."""
        for clause in act.subtree:
            lemma = self.lex.lemma(clause)
            if clause.dep_ not in ("relcl", "acl") or lemma not in self.lex.cls("claiming_verbs"):
                continue
            if clause.dep_ == "relcl" and not any(t.tag_ in ("WDT", "WP") for t in clause.subtree):
                continue
            kids = list(clause.children)
            if lemma not in self.lex.cls("claim_alone_verbs") and not any(
                    c.dep_ == "dobj" and self.lex.lemma(c) in self.lex.cls("claimed_objects") for c in kids):
                continue                          # "the town, which rebels took": a place taken, no act owned
            if any(c.dep_ == "prep" and c.lower_ == "as" for c in kids):
                continue                          # "a district that Armenia claimed as its own"
            found = [g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            found += [c for c in clause.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]
            found = [t for t in found if self.actorish(t)]
            if found:
                return self.expand(found)
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
        sources, targets, between, origins, stray = [], [], [], [], []
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
                if word == "by":
                    sources += [p for p in pobjs if self.actorish(p) or self.led(p)]
                    stray += [g for p in pobjs for c in p.children if c.dep_ == "prep" and c.lower_ in
                              target_words - {"with"} for g in c.children if g.dep_ == "pobj"]
                elif word == "from":
                    origins += [p for p in pobjs if self.actorish(p)]
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
                    elif etype == "AID" and grand.dep_ in ("prep", "dative") and grand.lower_ == "to":
                        targets += [g for g in grand.children if g.dep_ == "pobj"]   # "aid sent by X to Y"
        if etype == "AID" and not targets and noun.dep_ == "nsubj" and \
                self.lex.lemma(noun.head) in self.lex.cls("arrival_verbs"):   # "aid sent by X reached Y"
            targets = [g for c in noun.head.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in (
                "in", "at", "to")) for g in ([c] if c.dep_ == "dobj" else c.children) if g.dep_ in ("dobj", "pobj")
                and self.actorish(g)]
        if not targets:                              # "a visit by Xi to Moscow": the parser hangs the
            targets = [t for p in stray for t in self.dig(p)]   # noun's "to" on the by-phrase
        if sources and "from" in self.lex.type_target_preps.get(etype, ()):
            targets += origins                       # "the withdrawal of French troops from Mali"
        else:
            sources += origins                       # "a demand from Washington", "aid from Japan"
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
        if not sources:
            sources = self.claimers(noun)            # "the bombing, which X claimed"
        head = noun.head
        if not sources and head.dep_ == "pobj" and head.head.pos_ == "NOUN" and \
                self.lex.lemma(head.head) in self.lex.light_verbs:
            launch = head.head                      # "the launch by Azerbaijan of an operation"
            for child in launch.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    sources += [g for g in child.children if g.dep_ == "pobj"]
                if child.dep_ == "poss":
                    sources.append(child)
        if etype == "REQUEST" and not targets:
            targets = self.asked_to_act(noun)       # "Armenia's demand for the withdrawal of Azerbaijani troops"
        return self.expand(sources), self.expand(targets)

    def asked_to_act(self, noun: Token) -> list[Token]:
        """Whom a demand noun asks to act, read from the act it asks for ("the demand for the
        withdrawal of Azerbaijani troops", "calls for the resignation of the prime minister",
        "a demand for the release of its nationals by North Korea"): the act's doer; for an act
        done to someone (``patient_nouns``: release, arrest) only a doer named as such."""
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            for act in prep.children:
                if act.dep_ != "pobj" or act.pos_ != "NOUN":
                    continue
                patient = self.lex.lemma(act) in self.lex.cls("patient_nouns")
                doers, undergoers = self.noun_args(act, patient)
                doers = [t for t in doers if t.head.lower_ != "from"]    # not the place left
                return [t for t in doers or ([] if patient else undergoers) if self.actorish(t)]
        return []
