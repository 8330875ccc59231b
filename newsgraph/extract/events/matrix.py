"""Requests made by a verb of wanting: "Quito wants the suspects handed over", "Washington is
seeking the extradition of the hacker from Britain".

Why this module exists: PLOVER codes the act an actor performs, and wanting another party's
act is asking for it (CAMEO 02, "appeal or request"; PETRARCH2 codes SEEK and WANT there).
Without this rule the event word inside the complement ("handed over", "extradition",
"arrest") wins and the sentence is coded as the very act that is only asked for, with the
wrong actors. The matrix verb becomes a REQUEST (a directive frame, so ``frames.link`` wraps
the complement, which then has status ``demanded``) only when its complement is another
party's act: an event noun as its object, or a clause with its own subject ("wants Pakistan
to arrest", "wants sanctions lifted"). "X wants to leave" and "X sought to expel" are the
subject's own aims, not requests. The verbs live in ``plover.yaml`` (``frames.want_verbs``).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from newsgraph.extract.events.args import ArgBuilder
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.prefilter import sentence_words
from newsgraph.extract.events.resolve import first_person, is_pronoun
from newsgraph.extract.events.status import modals, negated


def _unrealised(verb: Token, lex: Lexicon) -> bool:
    """Whether ``verb`` heads an if / unless clause (a condition, not a request made)."""
    marks = lex.frame("conditional_marks") | lex.frame("ultimatum_marks")
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)


def _event_at(token: Token, at: dict, finder) -> Optional[str]:
    """The event type of a trigger at ``token`` (found already, or by the finder), else None."""
    if token.i in at:
        return at[token.i]
    cand = finder.noun(token) if token.pos_ in ("NOUN", "PROPN") else finder.verb(token)
    return cand.type if cand is not None else None


def _from_phrase(token: Token) -> list[Token]:
    """The pobj heads of "from X" on ``token`` or on its of-phrase ("the extradition of Y
    from Britain", where the parse may hang "from" on Y); not deeper ("a leader to counter
    threats from X")."""
    heads = [token] + [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
    return [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children if g.dep_ == "pobj"]


def _actor_asked(clause: Token, asked: list[Token], lex: Lexicon, args: ArgBuilder) -> bool:
    """Whether a wanted clause that names no event still asks an actor to act: an active verb
    of doing ("wants Britain to drop the measures", "would like Seoul to scrap the order") whose
    doer is a named actor; not a state or outcome ("wants Ukraine to win")."""
    if clause.dep_ == "acl" or lex.lemma(clause) in lex.frame("want_not_acts"):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children):
        return False                          # "wants X to be punished": whoever punishes is unnamed
    return any(a.dep_ in ("nsubj", "dobj") and args.actorish(a) and not is_pronoun(a) for a in asked)


def _asked_act(verb: Token, at: dict, lex: Lexicon, args: ArgBuilder, finder) -> Optional[list[Token]]:
    """Who is asked, when ``verb``'s complement is another party's act; None when it is not.

    The complement is a clause with its own subject or a passive one ("wants the suspects
    handed over by X": X is asked), an object with an infinitive ("wants Pakistan to
    arrest": Pakistan is asked), or an event noun ("sought the release of Y from X": X
    is asked; without a from-phrase or an owner, "Britain's agreement", nobody in
    particular is). Seeking anything from an actor asks it ("sought assurances from X").
    """
    kids = list(verb.children)
    objs = [c for c in kids if c.dep_ == "dobj"]
    clauses = [c for c in kids if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    clauses += [g for o in objs for g in o.children if g.dep_ == "acl" and g.tag_ == "VBN"]  # "wants X arrested"
    clauses = [g for c in clauses for g in ([k for k in c.children if k.dep_ in ("ccomp", "xcomp") and k.pos_ in (
        "VERB", "AUX")] if lex.lemma(c) in lex.frame("want_see_verbs") else [c])]   # "wants to see X act": X's act
    for clause in clauses:
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and not objs:
            continue                          # "wants to leave": its own aim
        if not _event_at(clause, at, finder) and not any(   # "wants the sanctions lifted": undoing an event
                _event_at(n, at, finder) for n in subjects + ([clause.head] if clause.dep_ == "acl" else [])) \
                and not _actor_asked(clause, subjects + objs, lex, args):
            continue
        if any(first_person(s) for s in subjects):   # a passive's doer is asked, not its patient
            continue                          # "wants us to ...": a wish, not a request to someone
        agents = [g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        asked = agents or ([] if clause.dep_ == "acl" else [s for s in subjects if s.dep_ == "nsubj"] + objs)
        return args.expand([a for a in asked if args.actorish(a)])
    for obj in objs:
        if lex.lemma(obj) in lex.frame("want_not_asked"):
            continue
        kind = _event_at(obj, at, finder)
        owners = [c for c in obj.children if c.dep_ == "poss" and not is_pronoun(c)]   # "Britain's agreement"
        asked = args.expand([a for a in _from_phrase(obj) + _from_phrase(verb) + owners if args.actorish(a)])
        if asked and lex.lemma(verb) in lex.frame("seek_from_verbs"):
            return asked                      # "sought assurances from Washington", "the handover of X from Y"
        if kind and (asked or kind.lower() not in lex.frame("want_joint_types") | lex.frame("want_own_types")):
            return asked                      # "wants a trade deal", "seeks the destruction of X": its own
    return None


def _own_hostile_aim(verb: Token, at: dict, lex: Lexicon, finder) -> bool:
    """Whether the verb of wanting has a hostile act as its object that nobody is asked to do
    ("seeks the destruction of Hamas"): an aim the subject pursues itself, so announcing it
    threatens the act's victim (as "vowed to destroy"), and the victim is asked nothing."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        kind = _event_at(obj, at, finder)
        if kind and kind.lower() in lex.frame("want_own_types"):
            return True
    return False


def wanted_acts(sent: Span, cands: list[Candidate], lex: Lexicon, args: ArgBuilder, finder) -> list[Candidate]:
    """REQUEST candidates for verbs of wanting whose complement is another party's act
    (see the module docstring); sources are the verb's subjects, targets who is asked."""
    words = lex.frame("want_verbs")
    out: list[Candidate] = []
    if (words | lex.frame("wish_verbs")).isdisjoint(sentence_words(sent, lex)):
        return out
    at = {c.head.i: c.type for c in cands}
    taken = {c.anchor.i for c in cands if c.anchor is c.head} | set(at)
    for token in sent:
        if token.pos_ != "VERB" or token.i in taken or negated(token, lex) or lex.lemma(token) not in words and not (
                lex.lemma(token) in lex.frame("wish_verbs") and modals(token) & lex.frame("foretold_modals")):
            continue                          # "would like X to act" wants it as "wants" does
        if token.dep_ == "relcl" or _unrealised(token, lex):
            continue                          # "supporters who wanted ...", "if it wanted a deal": background
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if not subjects or not args.actorish(subjects[0]):
            continue                          # "investors want higher yields": no actor asks
        asked = _asked_act(token, at, lex, args, finder)
        if asked is None:
            if _own_hostile_aim(token, at, lex, finder):   # "Israel seeks the destruction of Hamas"
                cand = Candidate(token, token, "verb", "THREATEN", None, token.i, token.i + 1, role="threat")
                cand.fixed_status = "asserted"
                out.append(cand)
            continue
        cand = Candidate(token, token, "verb", "REQUEST", None, token.i, token.i + 1, role="directive")
        cand.sources, cand.targets, cand.preset = args.expand(subjects), asked, True
        if lex.lemma(token) in lex.frame("wish_verbs"):
            cand.fixed_status = "asserted"    # "would like X to act": the wish is voiced now
        out.append(cand)
    return out
