"""Who performs a reporting verb, read off the parse (and repaired where it often fails).

Split from ``clauses`` so the reporting clauses and the subject rules can be read apart.
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Token

from newsgraph.extract.quotes.shapes import by_doing


def subject_of(verb: Token, quoted: Optional[Callable[[int], bool]] = None) -> Optional[Token]:
    """Who performs a reporting verb: agent, subject, or the subject it inherits.

    Args:
        verb: the cue token.
        quoted: tells whether a token index lies inside a quotation; a subject
            there is the parser mistaking the quotation for the speaker.
    Returns:
        The speaker's head token, or None.
    """
    tok = verb
    for _ in range(4):
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if quoted is not None and len(subjects) > 1:
            # "“One of the brightest …,” Rep. X said": the parser took the
            # quotation for a second subject.
            subjects = [c for c in subjects if not quoted(c.i)] or subjects
        if subjects:   # of two left, the one next to the verb is the speaker more often
            return min(subjects, key=lambda c: abs(c.i - tok.i))
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return None                      # "he was urged to ...": the addressee
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head                  # "a statement saying ...", "officials who said"
        glued = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN")]
        if glued:
            return glued[-1]                 # headline "Marseille mayor denounces ..." misparsed
        if tok.dep_ in ("conj", "xcomp", "advcl", "dep") and tok.head.i != tok.i:
            tok = tok.head
            continue
        if by_doing(tok):
            tok = tok.head.head              # "X landed in trouble by saying ...": X says
            continue
        return None
    return None


_UP_DEPS = {"appos", "compound", "pobj", "prep", "amod", "det", "poss", "nmod", "npadvmod"}


def stranded_subject(verb: Token) -> Optional[Token]:
    """The name the parser cut off from a subjectless cue: in "Col. Jane Roe, a military
    spokeswoman in Baghdad, said, ..." or "..., her adviser, Jake Sullivan, said:" the name
    hangs as an apposition of an earlier phrase and the verb is left without a subject.

    From the word before the comma that precedes the verb, climb the heads through
    appositions and prepositional phrases (never through a verb); the first person or
    organisation name met that is not itself the object of a preposition speaks.
    """
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    tok = doc[verb.i - 2]
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX") or tok.i >= verb.i or tok.sent != verb.sent:
            return None
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG") and tok.dep_ != "pobj":
            return tok
        if tok.head.i == tok.i or tok.head.i == verb.i or tok.dep_ not in _UP_DEPS:
            return None
        tok = tok.head
    return None
