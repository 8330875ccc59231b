"""Shapes of reporting clause the plain reading in ``clauses.py`` misses.

- "called for the US to step up its efforts": the parser makes "for" the
  mark of an infinitival clause rather than a preposition, so the particle
  is not a child of the verb; the demand is everything after "for".
- "X landed in trouble by saying that ...": a cue gerund after a preposition
  is done by the subject of the verb the preposition hangs on.
- "As Speaker Ryan has pointed out, that is the definition of racism", "...,
  as Clinton supporters point out": a speech verb in an "as" clause reports
  the clause it hangs on.
- "The meeting was first reported by Politico", "The senator is expected to
  attend": a passive cue reports its grammatical subject (with the
  infinitive, when there is one). PolNeAR's content is the subject phrase
  plus the infinitive, two pieces around the cue.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token


def marked_particle(tok: Token, particles) -> Optional[Token]:
    """The particle of a phrasal cue parsed as the mark of a clause after it, or None.

    Args:
        tok: the cue verb.
        particles: the particle words of its lemma ("for", "on").
    Returns:
        The particle token ("for" in "called for X to ..."), whose head is the
        reported clause, or None.
    """
    for child in tok.rights:
        if child.dep_ not in ("advcl", "ccomp", "xcomp") or child.i > tok.i + 12:
            continue
        mark = next((m for m in child.children if m.dep_ == "mark" and m.lower_ in particles), None)
        if mark is not None and mark.i <= tok.i + 2 and mark.i == child.left_edge.i:
            return mark
    return None


def passive_subject(tok: Token, by_agent: bool = False) -> Optional[tuple[int, int]]:
    """Token range of the subject of a passive cue ("The meeting was reported ..."), or None.

    Args:
        tok: the cue verb.
        by_agent: when the subject is all the content, demand a named reporter
            ("reported by Politico") and a noun subject: "The plan was
            announced" or "that was reported" alone tells a reader nothing
            about who said what.
    Returns:
        ``[start, end)`` of the subject phrase, or None.
    """
    subj = next((c for c in tok.lefts if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return None
    if by_agent and (subj.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "agent" for c in tok.children)):
        return None
    return subj.left_edge.i, subj.right_edge.i + 1


def as_report(tok: Token, speech: bool) -> bool:
    """True for a speech cue in an "as" clause ("as X noted"), whose content is the
    clause around it; "as X continues to ..." or "as voters learned" report nothing."""
    return speech and tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def by_doing(tok: Token) -> bool:
    """True for a gerund after a preposition on a verb ("by saying", "before insisting"):
    whoever does the verb says it."""
    return tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX")


def with_passive_subject(tok: Token, right: list, content: Optional[tuple[int, int]]):
    """``(content, pieces)``: for "X is expected to attend" the subject and the infinitive
    as two pieces (the content spans both); otherwise ``content`` and no pieces."""
    subject = passive_subject(tok) if right and all(c.dep_ == "xcomp" for c in right) else None
    if subject is None or content is None:
        return content, None
    return (subject[0], content[1]), [subject, content]
