"""Threats told as a consequence: "any incursion would be met with force, the defence chief
said", "an attack on its facilities would draw a devastating response, Iran told Israel".

Why this module exists: many threats carry no threat verb. The speaker announces what an act
of the other side would bring upon it; PLOVER codes that as THREATEN by the speaker against
the one who would act (CAMEO 13; PETRARCH2 reads "WOULD BE MET WITH FORCE" as 138). The
shape is narrow so that forecasts stay out ("prices would rise if", "the move would draw
criticism"): a verb of bringing about (``frames.consequence_verbs``) under "would" or
"will", an answer of force as its object (``frames.consequence_nouns``), a hostile act or
provocation as its subject, and someone who says so (a verb of saying or a quotation).
The source is the speaker; the target is whoever the act belongs to ("Chinese incursion"),
else the one told ("Iran told Israel").
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from newsgraph.extract.events.args import ArgBuilder
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.prefilter import sentence_words
from newsgraph.extract.events.resolve import is_pronoun
from newsgraph.extract.events.frames import harm_noun
from newsgraph.extract.events.penalties import hostile_act
from newsgraph.extract.events.reporting import public_arg, reporter, told
from newsgraph.extract.events.status import modals, negated


def _answer(verb: Token, lex: Lexicon) -> Optional[Token]:
    """The consequence noun the verb brings ("met with force", "draw a response"), or None."""
    nouns = lex.frame("consequence_nouns")
    for child in verb.children:
        if child.dep_ == "dobj" and lex.lemma(child) in nouns:
            return child
        if child.dep_ == "prep" and child.lower_ == "with":
            found = next((g for g in child.children if g.dep_ == "pobj" and lex.lemma(g) in nouns), None)
            if found is not None:
                return found
    return None


def threats(sent: Span, cands: list[Candidate], lex: Lexicon, args: ArgBuilder, finder) -> list[Candidate]:
    """THREATEN candidates of both shapes of the module docstring (found triggers may be retyped)."""
    return announced(sent, lex, args, finder) + conditional_threats(sent, cands, lex, args)


def announced(sent: Span, lex: Lexicon, args: ArgBuilder, finder) -> list[Candidate]:
    """THREATEN candidates for consequences announced to the other side (module docstring)."""
    out: list[Candidate] = []
    verbs = lex.frame("consequence_verbs")
    if verbs.isdisjoint(sentence_words(sent, lex)):
        return out
    future = lex.frame("foretold_modals")
    for token in sent:
        if token.pos_ != "VERB" or lex.lemma(token) not in verbs or negated(token, lex):
            continue
        if not modals(token) & future:
            continue                          # "the raid drew a response": told, not threatened
        answer = _answer(token, lex)
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if answer is None or not subjects or not hostile_act(subjects[0], lex, finder):
            continue
        speakers = reporter(token, args, lex)
        if not speakers:
            continue
        say = speakers[0].head
        sources, _ = args.noun_args(subjects[0], False)
        cand = Candidate(token, token, "verb", "THREATEN", lex.threaten_modes.get("ASSAULT"),
                         token.i, answer.i + 1, role="threat")
        cand.sources = args.expand(speakers)
        cand.targets = args.expand([t for t in sources if args.actorish(t)] or told(say, args))
        cand.preset, cand.fixed_status = True, "asserted"
        out.append(cand)
    return out


def _condition(verb: Token, lex: Lexicon) -> Optional[Token]:
    """The if / unless / should clause on ``verb``, or None."""
    marks = lex.frame("conditional_marks") | lex.frame("ultimatum_marks")
    return next((c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in marks for m in c.children)), None)


def _harmful(verb: Token, lex: Lexicon) -> bool:
    """A verb of cutting off or answering, or a harm noun as its object ("take measures")."""
    if lex.lemma(verb) in lex.frame("conditional_harm_verbs"):
        return True
    return any(c.dep_ == "dobj" and harm_noun(c, lex) for c in verb.children)


def conditional_threats(sent: Span, cands: list[Candidate], lex: Lexicon, args: ArgBuilder) -> list[Candidate]:
    """THREATEN for an actor's own harmful act announced under another actor's condition
    (module docstring). A refusal or sanction found on the verb ("would suspend the deal
    unless") is retyped; a cooperative one is a conditional offer and stays."""
    out: list[Candidate] = []
    if (lex.frame("conditional_marks") | lex.frame("ultimatum_marks")).isdisjoint(sentence_words(sent, lex)):
        return out
    future = lex.frame("foretold_modals")
    at = {c.head.i: c for c in cands}
    carried = {c.anchor.i for c in cands if c.anchor is not c.head}   # "would launch an offensive": told already
    for token in sent:
        if token.pos_ != "VERB" or not modals(token) & future or negated(token, lex):
            continue
        found = at.get(token.i)
        if found is None and token.i in carried:
            continue
        if found is not None and found.type.lower() not in lex.frame("retyped_by_condition"):
            continue
        condition = _condition(token, lex)
        subjects = args.expand([c for c in token.children if c.dep_ == "nsubj"])
        if condition is None or not subjects or not _harmful(token, lex) and found is None:
            continue
        setters = args.expand([c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")])
        others = [t for t in setters if args.actorish(t) and t.lower_ not in {s.lower_ for s in subjects}]
        holders = [token] + [c for c in token.children if c.dep_ == "dobj"]   # "take action | against X"
        objects = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("to", "against", "with")
                   for g in c.children if g.dep_ == "pobj" and args.actorish(g)]
        if not others and not objects:
            continue                          # "the bank would cut rates if inflation fell": a forecast
        if not objects and any(c.dep_ == "dobj" and any(p.dep_ == "poss" and is_pronoun(p) for p in c.children)
                               for c in token.children):
            continue                          # "would close its coal plants if Russia ...": its own plan
        speakers = [s for s in subjects if args.actorish(s)]
        if not speakers or not others and not any(public_arg(args.arg(s)) for s in speakers):
            continue                          # "Lufthansa would close routes to X if ...": a firm's plan
        mode = lex.threaten_modes.get(found.type) if found is not None else None
        if found is not None:
            found.type, found.mode, found.role, found.converted = "THREATEN", mode, "threat", True
            found.fixed_status = "asserted"
            continue
        cand = Candidate(token, token, "verb", "THREATEN", mode, token.i, token.i + 1, role="threat")
        cand.sources, cand.targets = speakers, args.expand(objects) or others
        cand.preset, cand.fixed_status = True, "asserted"
        out.append(cand)
    return out
