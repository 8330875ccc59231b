"""Requests told without a demand verb: "leaders are pushing Canberra to send more police",
"Washington is leaning on Cairo to open the crossing", "the army chief was told to resign by
the regional bloc".

Why this module exists: PLOVER codes asking another party to act as REQUEST (CAMEO 02)
whatever the verb. Pressing someone to act ("push / prod / nudge X to", "lean on / prevail
upon X to") is a demand, and a passive directive ("X was told / asked / urged to act by Y")
is Y's demand of X; without these rules the requested act's own verb ("send", "resign")
wins and is coded as done, with the asker lost. The requested act is wrapped by the frame
rules (``frames.link``) like any directive's complement. A deadline given to act ("gave the
prime minister three days to resign") demands the act too (with "or face ..." it is an
ultimatum, ``stances.ultimatums``); being asked by reporters "to comment" is a question. Words:
``plover.yaml`` frames ``push_verbs``, ``push_on_verbs`` / ``push_on_preps``,
``passive_directive_verbs``, ``deadline_*``, ``question_acts``.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from newsgraph.extract.events.args import ArgBuilder
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.prefilter import sentence_words
from newsgraph.extract.events.resolve import first_person
from newsgraph.extract.events.status import negated
from newsgraph.extract.events.argwords import infinitive, to_infinitive


def _infinitive(verb: Token, moved: bool = False) -> Optional[Token]:
    """The to-infinitive that says what is asked ("to send more police"), or None. The parse may
    hang it as an advcl ("leaned on Cairo to open ..."); after a verb of moving someone
    (``moved``: "pushed troops deeper into Rafah to destroy tunnels") an advcl is a purpose."""
    return infinitive(verb, ("xcomp", "ccomp") if moved else ("xcomp", "advcl", "ccomp"))


def _pressed(verb: Token, lex: Lexicon, args: ArgBuilder) -> list[Token]:
    """Who is pressed to act: the object of a push verb, or the object of "on / upon" after
    a push-on verb ("leaning on Cairo")."""
    lemma = lex.lemma(verb)
    if lemma in lex.frame("push_verbs"):
        found = [c for c in verb.children if c.dep_ == "dobj"]
    else:
        found = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in lex.frame("push_on_preps")
                 for g in c.children if g.dep_ == "pobj"]
    return [t for t in found if args.actorish(t) and not first_person(t)]


def _passive_asker(verb: Token, asked_act: Token) -> list[Token]:
    """The by-phrase of a passive directive, on the verb or (as the parse may hang it) on the
    asked act ("was told to resign by the party")."""
    out = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return out or [g for c in asked_act.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                   for g in c.children if g.dep_ == "pobj"]


def _passive(verb: Token, act: Token) -> bool:
    """Whether ``verb`` is a passive participle ("was told"; a headline's bare "told to quit by",
    whose by-phrase the parse may hang on the asked act)."""
    kids = list(verb.children)
    return verb.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in kids) or (
        any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in kids + list(act.children))
        and not any(c.dep_ in ("dobj", "dative") for c in kids))


def _request(verb: Token, sources: list[Token], targets: list[Token], args: ArgBuilder) -> Candidate:
    """A REQUEST candidate on ``verb`` with its actors set."""
    cand = Candidate(verb, verb, "verb", "REQUEST", None, verb.i, verb.i + 1, role="directive")
    cand.sources, cand.targets, cand.preset = args.expand(sources), args.expand(targets), True
    return cand


def _deadline(verb: Token, lex: Lexicon, args: ArgBuilder) -> Optional[tuple[list[Token], list[Token], Token]]:
    """(askers, asked, act) of "gave X three days / until Friday to act" (frames ``deadline_*``): a
    time given to an actor to act demands the act; None for any other use of the verb."""
    if lex.lemma(verb) not in lex.frame("deadline_verbs") or negated(verb, lex):
        return None
    kids = list(verb.children)
    times = [c for c in kids if c.dep_ == "dobj" and (lex.lemma(c) in lex.frame("deadline_units") or c.ent_type_ in (
        "DATE", "TIME"))] + [c for c in kids if c.dep_ == "prep" and c.lower_ in lex.frame("deadline_preps")]
    if not times:
        return None
    act = _infinitive(verb) or next((a for t in times for a in [_infinitive(t)] if a is not None), None)
    if act is None:
        act = next((c for t in times for c in t.children if c.dep_ in ("relcl", "acl") and to_infinitive(c)), None)
    asked = [c for c in kids if c.dep_ in ("dative", "dobj") and c not in times and args.actorish(c)]
    askers = [c for c in kids if c.dep_ == "nsubj" and args.actorish(c)]
    return (askers, asked, act) if act is not None and asked and askers else None


def pressed_requests(sent: Span, cands: list[Candidate], lex: Lexicon, args: ArgBuilder) -> list[Candidate]:
    """REQUEST candidates for "X pushes / leans on Y to act" and "Y was told / urged to act by
    X" (module docstring). A trigger already on the verb keeps its place, retyped as the
    request with these actors; another verb's request on the same words is left alone."""
    out: list[Candidate] = []
    active = lex.frame("push_verbs") | lex.frame("push_on_verbs")
    passive = lex.frame("passive_directive_verbs")
    if (active | passive | lex.frame("deadline_verbs")).isdisjoint(sentence_words(sent, lex)):
        return out
    at = {c.head.i: c for c in cands}
    for token in sent:
        lemma = lex.lemma(token)
        if token.i not in at and (given := _deadline(token, lex, args)) is not None:
            out.append(_request(token, given[0], given[1], args))
            for inner in cands:               # "three days to resign": the resigning is only demanded
                if inner.anchor.i == given[2].i and inner.wrapper is None:
                    inner.wrapper = out[-1]
            continue
        if token.pos_ != "VERB" or lemma not in active | passive or negated(token, lex):
            continue
        act = _infinitive(token, any(c.dep_ in ("advmod", "prt", "prep") and c.lower_ in lex.frame("push_directions")
                                     for c in token.children))
        if act is None or lex.lemma(act) in lex.frame("want_not_acts"):
            continue                          # "told reporters to expect more arrests": no act asked
        if lex.lemma(act) in lex.frame("question_acts"):
            for found in (c for c in cands if c.head.i == token.i and c.type == "REQUEST"):
                found.drop = True             # "asked by reporters to comment": a question
            continue
        if lemma in passive and _passive(token, act):
            askers = [a for a in _passive_asker(token, act) if args.actorish(a)]
            asked = [c for c in token.children if c.dep_ in ("nsubjpass", "nsubj") and args.actorish(c)]
            if not askers or not asked:
                continue                      # "was asked to comment": nobody named asks
        elif lemma in active:
            asked = _pressed(token, lex, args)
            askers = [c for c in token.children if c.dep_ == "nsubj" and args.actorish(c)]
            if not asked or not askers:
                continue                      # "pushed prices to rise", "pushed the crowd back"
        else:
            continue
        found = at.get(token.i)
        if found is not None:
            if found.type != "REQUEST":
                continue                      # another reading of the verb won; leave it
            found.sources, found.targets, found.preset = args.expand(askers), args.expand(asked), True
            continue
        out.append(_request(token, askers, asked, args))
    return out
