"""Commitments to force told without a threat verb: "will not hesitate to strike", "reserves
the right to retaliate against X", "is ready to use force".

Why this module exists: PLOVER codes a promise of a hostile act as THREATEN (CAMEO 13; PETRARCH2
reads "WILL NOT HESITATE" and "RESERVE THE RIGHT" with force as 138). The frame rules turn a
commissive into THREATEN only when the promised act is a coded event, but wire copy often names
force with words no trigger table holds ("strike US bases", "use nuclear weapons", "use force").
Here a refusal to hold back, a reserved right and a readiness (``frames.commissive_adjectives``)
whose act is force by its words become threats. Words: ``plover.yaml`` frames
``hesitation_verbs``, ``reserve_verbs`` / ``reserved_nouns``, ``conditional_harm_verbs``, and the
harm nouns and weapon classes.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from newsgraph.extract.events.args import ArgBuilder
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.frames import harm_noun
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.prefilter import sentence_words
from newsgraph.extract.events.reporting import public_arg
from newsgraph.extract.events.status import modals, negated
from newsgraph.extract.events.argwords import infinitive


def _promised_act(head: Token) -> Optional[Token]:
    """The to-infinitive on ``head`` that names the promised act ("ready to use force"), or None."""
    return infinitive(head, ("xcomp", "advcl", "ccomp", "acl"))


def _hostile(act: Token, lex: Lexicon, args: ArgBuilder) -> bool:
    """Whether an act named by a bare verb is force or harm: an object that is a harm or a weapon
    ("use force", "use nuclear weapons", "take all necessary measures"), or a verb of striking or
    cutting off (``frames.conditional_harm_verbs``) aimed at no thing but an actor or its assets:
    "respond (to any provocation)", "strike Israel / Armenian positions" are force; "recall more
    cars", "close schools", "respond to questions" are not."""
    objs = [c for c in act.children if c.dep_ == "dobj"]
    if any(harm_noun(c, lex) or lex.in_class(lex.lemma(c), "weapons") or lex.in_class(lex.lemma(c), "arms")
           for c in objs):
        return True
    if lex.lemma(act) not in lex.frame("conditional_harm_verbs"):
        return False
    aimed = all(args.actorish(o) or any(m.ent_type_ in ("NORP", "GPE") for m in o.children) for o in objs)
    answered = [g for c in act.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return aimed and all(harm_noun(g, lex) or lex.lemma(g) in lex.frame("answerable_acts") for g in answered)   # "strike Armenian positions", "respond to any attack"


def _threat(head: Token, end: int, lex: Lexicon) -> Candidate:
    """An asserted THREATEN of force on ``head``."""
    cand = Candidate(head, head, "verb", "THREATEN", lex.threaten_modes.get("ASSAULT"), head.i, end, role="threat")
    cand.fixed_status = "asserted"
    return cand


def _unhesitating(token: Token, coded: set, lex: Lexicon, args: ArgBuilder) -> Optional[Candidate]:
    """"will / would not hesitate to act": with a coded act a commissive (THREATEN for a hostile
    act, AGREE for "would not hesitate to send aid" by the frame rules), with an uncoded act of
    force a THREATEN; "did not hesitate to criticise" is told, not promised."""
    if lex.lemma(token) not in lex.frame("hesitation_verbs") or not negated(token, lex) or not (
            modals(token) & lex.frame("foretold_modals")):
        return None
    act = _promised_act(token)
    if act is None or not any(c.dep_ == "nsubj" and public_arg(args.arg(c)) for c in token.children):
        return None                           # "Toyota would not hesitate to recall cars": no one threatened
    if act.i in coded:
        cand = Candidate(token, token, "verb", "AGREE", None, token.i, token.i + 1, role="commissive")
        cand.fixed_status = "asserted"        # the refusal to hold back is what is said
        return cand
    return _threat(token, act.i + 1, lex) if _hostile(act, lex, args) else None


def _reserved(token: Token, coded: dict, lex: Lexicon, args: ArgBuilder) -> Optional[Candidate]:
    """"reserves / retains the right to respond, retaliate, use force (against X)": keeping
    force open is a threat; its target is the actor after against / on / at on the act."""
    if lex.lemma(token) not in lex.frame("reserve_verbs") or negated(token, lex):
        return None
    right = next((c for c in token.children if c.dep_ == "dobj" and lex.lemma(c) in lex.frame("reserved_nouns")), None)
    act = _promised_act(right) if right is not None else None
    subjects = [c for c in token.children if c.dep_ == "nsubj" and args.actorish(c) and public_arg(args.arg(c))]
    if act is None or not subjects or not (_hostile(act, lex, args) or coded.get(act.i) in lex.hostile):
        return None
    cand = _threat(token, act.i + 1, lex)
    aimed = [g for c in act.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "at")
             for g in c.children if g.dep_ == "pobj" and args.actorish(g)]
    cand.sources, cand.targets, cand.preset = args.expand(subjects), args.expand(aimed), True
    return cand


def commitments(sent: Span, cands: list[Candidate], lex: Lexicon, args: ArgBuilder) -> list[Candidate]:
    """New THREATEN (or commissive) candidates for the shapes of the module docstring; a
    readiness to use force found already ("is ready to use force") is retyped in place."""
    out: list[Candidate] = []
    coded = {c.anchor.i: c.type for c in cands} | {c.head.i: c.type for c in cands}
    for cand in cands:                        # "ready / prepared to use force": no coded act inside
        act = _promised_act(cand.head) if cand.role == "commissive" and cand.kind == "adj" else None
        if act is not None and act.i not in coded and _hostile(act, lex, args):
            cand.type, cand.mode, cand.role, cand.converted = "THREATEN", lex.threaten_modes.get("ASSAULT"), "threat", True
            cand.fixed_status = "asserted"
    if (lex.frame("hesitation_verbs") | lex.frame("reserve_verbs")).isdisjoint(sentence_words(sent, lex)):
        return out
    for token in sent:
        if token.pos_ != "VERB":
            continue
        found = _unhesitating(token, set(coded), lex, args) or _reserved(token, coded, lex, args)
        if found is not None:
            out.append(found)
    return out
