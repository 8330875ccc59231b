"""Aid said through sending: what a carrier holds, troops sent to help, goods on credit.

Why this module exists: wire copy tells aid by the act of sending ("dispatched two
cargo planes loaded with tents to Morocco", "sent police officers to Haiti to lead
a multinational force", "shipped oil to Cuba on credit", "doctors arrived to help
Italian hospitals"), and the object rules of ``plover.yaml`` see only the object
word: a plane is no aid, troops sent are a show of force, oil is trade. The
context that makes these aid is general - the cargo a carrier holds, the purpose
clause of the sending, the terms of a sale - so it lives here, its words in the
lexicon classes (``cargo_verbs``, ``help_verbs``, ``peace_mission_words``,
``aid_terms``, ``sending_verbs``, ``movement_verbs``).
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Token

from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.argwords import to_infinitive


def cargo(lex: Lexicon, carrier: Token) -> Optional[Token]:
    """What a carrier or container holds ("planes loaded with tents" -> tents,
    "trucks carrying food" -> food), or None."""
    for child in carrier.children:
        if child.dep_ not in ("acl", "relcl") or lex.lemma(child) not in lex.cls("cargo_verbs"):
            continue
        for grand in child.children:
            if grand.dep_ == "dobj":
                return grand
            if grand.dep_ == "prep" and grand.lower_ == "with":
                return next((g for g in grand.children if g.dep_ == "pobj"), None)
    return None


def _purposes(verb: Token) -> list[Token]:
    """The verb's purpose clauses ("sent troops ... to help fight", "in order to")."""
    return [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
            and to_infinitive(c)]


def helping_purpose(lex: Lexicon, verb: Token) -> bool:
    """Whether a sending verb's purpose is to help someone or to serve in a peace or
    multinational mission: then the troops sent are aid (CAMEO 074), not a show of force."""
    for clause in _purposes(verb):
        if lex.lemma(clause) in lex.cls("help_verbs"):
            return True
        for obj in clause.children:
            if obj.dep_ in ("dobj", "prep") and any(
                    lex.lemma(m) in lex.cls("peace_mission_words")
                    for t in (obj, *[g for g in obj.children if g.dep_ == "pobj"]) for m in t.children
                    if m.dep_ in ("amod", "compound")):
                return True
    return False


def _foreign_goal(verb: Token, named: Callable[[Token], bool]) -> bool:
    """Whether the sending names the country or actor it goes to ("to Haiti", "to
    Mozambique's Cabo Delgado province"; ``named`` tells an actor or country phrase):
    troops sent "to support the NATO mission" may be one's own deployment."""
    return any(named(g) or any(named(m) for m in g.children if m.dep_ in ("poss", "compound", "amod"))
               for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "into")
               for g in p.children if g.dep_ == "pobj")


def on_aid_terms(lex: Lexicon, verb: Token) -> bool:
    """Whether goods are sent on the terms of aid ("shipped oil to Cuba on credit",
    "free of charge"): a prepositional phrase of the verb or its object."""
    for holder in (verb, *[c for c in verb.children if c.dep_ == "dobj"]):
        for prep in holder.children:
            if prep.dep_ != "prep":
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and f"{prep.lower_} {lex.lemma(obj)}" in lex.cls("aid_terms"):
                    return True
    return False


def sent_as_aid(lex: Lexicon, verb: Token, lemma: str, etype: Optional[str],
                named: Callable[[Token], bool]) -> Optional[tuple[str, str]]:
    """The (type, mode) of aid a sending verb carries here, or None: troops sent to a
    country to help or another's soldiers trained (a MOBILIZE reading becomes AID),
    anything sent on credit (no reading becomes AID). ``named``: whether a phrase names
    an actor or country."""
    if etype == "MOBILIZE" and lemma in lex.cls("training_verbs") and any(
            named(m) and m.pos_ != "PRON" for o in verb.children if o.dep_ == "dobj"
            for m in o.children if m.dep_ in ("amod", "compound", "poss")):
        return "AID", "military"          # "agreed to train Ukrainian soldiers": training another's forces
    if lemma not in lex.cls("sending_verbs"):
        return None
    if etype == "MOBILIZE" and helping_purpose(lex, verb) and _foreign_goal(verb, named):
        return "AID", "military"
    if etype is None and on_aid_terms(lex, verb) and any(c.dep_ == "dobj" for c in verb.children):
        return "AID", "economic"
    return None


def helps_on_arrival(lex: Lexicon, verb: Token) -> bool:
    """Whether ``verb`` ("help") is the purpose of someone coming or being sent
    ("doctors arrived in Lombardy to help Italian hospitals"): aid to its object."""
    return verb.dep_ in ("advcl", "xcomp") and to_infinitive(verb) \
        and lex.lemma(verb.head) in lex.cls("movement_verbs")
