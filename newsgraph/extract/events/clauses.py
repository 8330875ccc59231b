"""What a said act says: the content clause of an accusation, threat or demand.

Why this module exists: "Iran's accusation that Israel sabotaged ...", "Seoul's threat to
expel ...", "insisted that Germany send tanks" carry their act in a clause, and whether that
clause is a content clause (not a relative one), and whether it asks for an act (a bare verb)
or reports a fact, decides both the event and its target. The trigger constraints, the
noun anchoring and the role assigner all ask these questions, so they are answered once here.
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Token


def content_clause(noun: Token) -> Optional[Token]:
    """The verb of a noun's content clause ("its accusation | that X sabotaged",
    "Seoul's threat | to expel"): an acl opened by a complementiser or an infinitive
    marker, not a relative or participle clause ("the attack that killed", "talks held")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in noun.children:
        if child.dep_ == "acl" and child.i > noun.i and child.pos_ in ("VERB", "AUX") and any(
                (c.dep_ == "mark" and c.lower_ == "that") or (c.dep_ == "aux" and c.lower_ == "to")
                for c in child.children):
            return child
    return None


def noun_preps(noun: Token) -> list[Token]:
    """A noun's prepositions, with those the parser hangs on its by-phrase's object ("calls by
    the opposition | for his resignation": "for" belongs to "calls") or on a date between
    ("Iran's rejection on Sunday | of a proposal")."""
    preps = [c for c in noun.children if c.dep_ == "prep"]
    return preps + [g for c in preps if c.lower_ == "by" or all(
        p.ent_type_ in ("DATE", "TIME") for p in c.children if p.dep_ == "pobj") for p in c.children if p.dep_ == "pobj"
                    for g in p.children if g.dep_ == "prep" and g.lower_ != "by"]


def owned_act(noun: Token, actorish: Callable[[Token], bool]) -> bool:
    """Whether a said act is told whole: a named possessor (or by-phrase) makes it about something named
    or said ("Seoul's rejection of Tokyo's plan deepened the rift", "Seoul's threat to expel
    the envoy raised tensions": the rejection and the threat were made), unlike
    "its demands would hurt the poor", which only says what a demand does."""
    owner = any(c.dep_ == "poss" and c.pos_ == "PROPN" and actorish(c) for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pobj" and actorish(g) for g in c.children)
        for c in noun.children)               # "calls by the opposition for his resignation grew"
    return owner and (any(c.lower_ in ("of", "for") and any(
        g.dep_ in ("pobj", "pcomp") for g in c.children) for c in noun_preps(noun)) or
        content_clause(noun) is not None)     # "Iran's accusation that Israel sabotaged ..."


def mandative(clause: Token) -> bool:
    """Whether a that-clause asks for an act: its verb is bare ("insisted that Germany send
    tanks", "that the government release them") or takes "should", not a reported fact
    ("insisted that the elections were fair"). The small model tags a bare verb after a
    singular subject VBP, which a statement cannot have."""
    if any(c.dep_ == "aux" and c.lower_ == "should" for c in clause.children):
        return True
    if clause.pos_ == "NOUN" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return True                           # "insisted that Pakistan act": a bare verb the tagger read as a noun
    if any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].tag_ in ("PRP", "NNS", "NNPS"):
        return clause.tag_ == "VB" and bool(subjects) and subjects[0].lower_ not in ("i", "we", "you")
    return clause.tag_ in ("VB", "VBP")
