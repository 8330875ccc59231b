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
from newsgraph.extract.events.frames import harm_noun, reporter
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


def _hostile_act(subject: Token, lex: Lexicon, finder) -> bool:
    """Whether the subject names a hostile act: a hostile trigger ("attack") or one of the
    acts a consequence makes hostile ("any move to ...", "a provocation"); "any delay
    would trigger a response from markets" is a forecast."""
    if lex.lemma(subject) in lex.frame("consequence_acts"):
        return True
    cand = finder.noun(subject) if subject.pos_ in ("NOUN", "PROPN") else None
    return cand is not None and cand.type in lex.hostile


def _told(say: Token, args: ArgBuilder) -> list[Token]:
    """Who a verb of saying addresses ("Iran's minister told Israel")."""
    return [c for c in say.children if c.dep_ in ("dobj", "dative") and args.actorish(c)]


def threats(sent: Span, cands: list[Candidate], lex: Lexicon, args: ArgBuilder, finder) -> list[Candidate]:
    """THREATEN candidates of both shapes of the module docstring (found triggers may be retyped)."""
    return announced(sent, lex, args, finder) + conditional_threats(sent, cands, lex, args) + \
        penalties(sent, cands, lex, args, finder)


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
        if answer is None or not subjects or not _hostile_act(subjects[0], lex, finder):
            continue
        speakers = reporter(token, args, lex)
        if not speakers:
            continue
        say = speakers[0].head
        sources, _ = args.noun_args(subjects[0], False)
        cand = Candidate(token, token, "verb", "THREATEN", lex.threaten_modes.get("ASSAULT"),
                         token.i, answer.i + 1, role="threat")
        cand.sources = args.expand(speakers)
        cand.targets = args.expand([t for t in sources if args.actorish(t)] or _told(say, args))
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
    if lex.lemma(verb) in lex.frame("retaliation_verbs"):
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
        if not speakers:
            continue
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


def _penalty(verb: Token, lex: Lexicon) -> Optional[str]:
    """"pay" (a heavy price, dearly): the subject is punished; "go" (unanswered,
    unpunished): the subject's act will be answered; else None."""
    lemma, kids = lex.lemma(verb), list(verb.children)
    if lemma in lex.frame("penalty_verbs") and any(
            (c.dep_ == "dobj" and lex.lemma(c) in lex.frame("penalty_objects")) or
            (c.dep_ == "advmod" and c.lower_ in lex.frame("penalty_adverbs")) for c in kids):
        return "payer"
    if lemma in lex.frame("unanswered_verbs") and any(
            c.dep_ in ("acomp", "oprd", "advmod") and c.lower_ in lex.frame("unanswered_words") for c in kids):
        return "act"
    return None


def penalties(sent: Span, cands: list[Candidate], lex: Lexicon, args: ArgBuilder, finder) -> list[Candidate]:
    """THREATEN for a penalty promised to another actor (module docstring): the source is
    who says it; the target is who will pay, or whose act will not go unanswered."""
    out: list[Candidate] = []
    if (lex.frame("penalty_verbs") | lex.frame("unanswered_verbs")).isdisjoint(sentence_words(sent, lex)):
        return out
    future = lex.frame("foretold_modals")
    for token in sent:
        if token.pos_ != "VERB" or not modals(token) & future:
            continue
        shape = _penalty(token, lex)
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        speakers = reporter(token, args, lex) if shape and subjects else []
        if not speakers:
            continue
        if shape == "payer":
            if not args.actorish(subjects[0]):
                continue                      # "consumers will pay a heavy price": a forecast
            told = _told(speakers[0].head, args) if is_pronoun(subjects[0]) else []
            targets = args.expand(told or subjects)      # "warned Greece it will pay": Greece
        else:
            if not negated(token, lex) or not _hostile_act(subjects[0], lex, finder):
                continue                      # "the crime will not go unpunished": no other side
            targets = [t for t in args.noun_args(subjects[0], False)[0] if args.actorish(t)]
            targets = args.expand(targets or _told(speakers[0].head, args))
        end = max([token.i] + [c.i for c in token.children if c.dep_ in ("dobj", "acomp", "oprd", "advmod")
                               and c.i > token.i]) + 1   # "pay a heavy price", "go unanswered"
        cand = Candidate(token, token, "verb", "THREATEN", lex.threaten_modes.get("ASSAULT"),
                         token.i, end, role="threat")
        cand.sources, cand.targets = args.expand(speakers), targets
        cand.preset, cand.fixed_status = True, "asserted"
        for act in cands:
            if shape == "act" and act.head.i == subjects[0].i:
                act.wrapper, act.drop = cand, True   # "any aggression" is supposed; its victim is no target
        out.append(cand)
    return out
