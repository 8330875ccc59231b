"""Did it happen? The status of an event: asserted, negated, hypothetical, future, demanded.

Why this module exists: "did not attack", "could attack", "will attack" and
"must stop attacking" all contain an ASSAULT trigger, and an analyst counting
attacks must be able to tell them apart. The status is read from the parse
around the word that carries the event's tense (the light verb of "launched
an offensive", the verb itself otherwise): negation, modal auxiliaries,
if/unless clauses, governing verbs ("plans to", "is expected to") and, for
nouns, adjectives such as "planned" or "possible". Complements of frame verbs
take the frame's status (a demanded act is ``demanded``).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from newsgraph.extract.events.lexicon import Lexicon

FRAME_STATUS = {"directive": "demanded", "commissive": "future", "threat": "hypothetical",
                "refusal": "negated"}




def negated(token: Token, lex: Lexicon) -> bool:
    """Whether ``token`` is negated ("did not attack", "no talks", "never met")."""
    negs = lex.frame("negations")
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ == "advmod" and child.lower_ == "never":
            return True
        if child.dep_ == "aux" and child.lower_ in negs:
            return True
    return False


def modals(token: Token) -> set[str]:
    """Lower-case modal auxiliaries of a verb ("will", "could", "must")."""
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"}


def conditional(token: Token, lex: Lexicon) -> Optional[str]:
    """The conditional mark ("if", "unless") on or inside the clause of ``token``, else None."""
    marks = lex.frame("conditional_marks")
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in marks and token.dep_ == "advcl":
            return child.lower_
        if child.dep_ == "advcl":
            for grand in child.children:
                if grand.dep_ == "mark" and grand.lower_ in marks:
                    return grand.lower_
    return None


def reported_past(token: Token, lex: Lexicon) -> bool:
    """Whether the clause of ``token`` is reported by a past-tense verb of saying."""
    walk = token
    for _ in range(3):
        if walk.dep_ in ("ccomp", "xcomp", "conj") and walk.head is not walk:
            walk = walk.head
            if lex.lemma(walk) in lex.frame("say") and walk.tag_ in ("VBD", "VBN"):
                return True
        else:
            break
    for child in token.children:
        if child.dep_ in ("parataxis", "ccomp") and lex.lemma(child) in lex.frame("say") and child.tag_ == "VBD":
            return True
    return False


def headline_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is the "X to do Y" of a headline ("Kenya to deploy police to Haiti",
    "Macron to visit Algeria"): a to-infinitive that is the sentence root, or that hangs as a
    clause on a root noun before it. Headlines write the future this way."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ == "ROOT":
        return True
    head = verb.head
    return verb.dep_ in ("relcl", "acl") and head.dep_ == "ROOT" and head.pos_ in ("PROPN", "NOUN") \
        and head.i < verb.i


def clause_status(anchor: Token, head: Token, lex: Lexicon) -> str:
    """Status of an event whose tense sits on ``anchor`` and whose trigger is ``head``.

    Args:
        anchor: the verb carrying tense (or the noun itself for bare nominals).
        head: the trigger word.
        lex: the lexicon (modal and governor word lists).
    Returns:
        ``negated``, ``hypothetical``, ``future`` or ``asserted``.
    """
    if negated(anchor, lex) or (head is not anchor and head.pos_ in ("NOUN", "PROPN") and negated(head, lex)):
        return "negated"
    future_gov = lex.frame("future")
    hyp_gov = lex.frame("hypothetical")
    future_modals = lex.frame("future_modals")
    hyp_modals = lex.frame("hypothetical_modals")
    if head.pos_ in ("NOUN", "PROPN"):
        for child in head.children:
            if child.dep_ in ("amod", "compound") and lex.lemma(child) in lex.frame("future_adjectives"):
                return "hypothetical" if lex.lemma(child) in hyp_gov or lex.lemma(child) == "possible" else "future"
            if child.dep_ == "amod" and lex.lemma(child) in lex.frame("demand_adjectives") and anchor is head:
                return "demanded"            # "Immediate release of all prisoners"
    if headline_infinitive(anchor):
        return "future"
    walk = anchor
    for _ in range(4):
        found = modals(walk)
        if found & future_modals:
            return "future"
        if "would" in found or "'d" in found:
            return "future" if reported_past(walk, lex) else "hypothetical"
        if found & lex.frame("obligation_modals"):
            return "demanded"
        if found & hyp_modals:
            return "hypothetical"
        if conditional(walk, lex):
            return "hypothetical"
        if walk.dep_ in ("xcomp", "ccomp") and walk.head is not walk:
            governor = walk.head
            if negated(governor, lex) and walk.dep_ == "xcomp":
                return "negated"
            lemma = lex.lemma(governor)
            if lemma in future_gov or (lemma == "go" and governor.tag_ == "VBG"):
                return "future"
            if lemma in hyp_gov:
                return "hypothetical"
            if walk.dep_ == "ccomp":
                break
            walk = governor
            continue
        if walk.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in walk.children):
            return "hypothetical"             # "positions from which to launch attacks"
        if walk.dep_ == "advcl" and walk.head is not walk and not any(c.dep_ == "mark" for c in walk.children) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in walk.children):
            walk = walk.head                 # "it would take days to take over the road"
            continue
        if walk.dep_ == "conj" and walk.head is not walk and walk.head.pos_ in ("VERB", "AUX"):
            walk = walk.head
            continue
        break
    return "asserted"


def frame_status(role: Optional[str]) -> Optional[str]:
    """The status a frame gives its complement ("demanded" for a directive), or None."""
    return FRAME_STATUS.get(role) if role else None
