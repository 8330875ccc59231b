"""Penalties announced to someone: "Sweden would pay a price", "Israel would face a crushing
response", "Poland would regret it", "any aggression will not go unanswered", "X will not stand
idly by while Y ...".

Why this module exists: wire copy reports many threats without a threat verb. A speaker
saying that another actor *would pay / face / suffer* a penalty, or *would regret* an act,
announces harm to it (PETRARCH2 codes "WARN * WOULD PAY * PRICE" and "SAID * WOULD REGRET"
as 130-139, threaten); saying that an act "will not go unanswered" threatens whoever does it.
Refusing to "stand idly by" announces that one will act against what another does (as "will
not tolerate", 130). This is the one home of penalty phrases: the words live in
``plover.yaml`` (``classes.penalty_verbs`` / ``penalty_adverbs``, ``frames.unanswered_*``,
``frames.idle_*``, ``frames.option_*``); :func:`penalty` is also how ``frames.warnings`` sees
such a harm in a warning's that-clause.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from newsgraph.extract.events.args import ArgBuilder
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.prefilter import sentence_words
from newsgraph.extract.events.reporting import reporter, told
from newsgraph.extract.events.resolve import first_person, is_pronoun
from newsgraph.extract.events.status import modals, negated

PENALTY = "penalty"     # the harm a penalty phrase names: no THREATEN mode of its own


def _future(token: Token, lex: Lexicon) -> bool:
    """Whether a verb is told as to come ("will pay", "would face"), not a past fact."""
    return bool(modals(token) & lex.frame("foretold_modals"))


def penalty(token: Token, lex: Lexicon) -> Optional[str]:
    """``PENALTY`` when ``token`` is a penalty verb in the future with its penalty object or
    adverb ("would pay a heavy price", "will pay dearly", "will face the consequences",
    "would regret"), else None."""
    if token.pos_ != "VERB" or not _future(token, lex) or negated(token, lex):
        return None
    table = lex.cls("penalty_verbs")
    lemma = lex.lemma(token)
    if lemma not in table:
        return None
    wanted = table[lemma]
    if not wanted:                            # "would regret": no object needed
        return PENALTY
    kids = list(token.children)
    if any(c.dep_ == "dobj" and lex.lemma(c) in wanted for c in kids) or any(
            c.dep_ == "advmod" and c.lower_ in lex.cls("penalty_adverbs") for c in kids):
        return PENALTY
    return None


def _unanswered(token: Token, lex: Lexicon) -> bool:
    """Whether ``token`` is "(will not) go / remain unanswered, unpunished"."""
    return lex.lemma(token) in lex.frame("unanswered_verbs") and any(
        c.dep_ in ("acomp", "oprd", "advmod") and c.lower_ in lex.frame("unanswered_words") for c in token.children)


def hostile_act(subject: Token, lex: Lexicon, finder) -> bool:
    """Whether the subject names a hostile act: a hostile trigger ("attack") or one of the
    acts a consequence makes hostile ("any move to ...", "a provocation"); "any delay
    would trigger a response from markets" is a forecast."""
    if lex.lemma(subject) in lex.frame("consequence_acts"):
        return True
    cand = finder.noun(subject) if subject.pos_ in ("NOUN", "PROPN") else None
    return cand is not None and cand.type in lex.hostile


def _reported(token: Token, lex: Lexicon) -> Optional[Token]:
    """The verb of saying whose that-clause holds ``token`` (not a warning verb: a warning
    is coded by ``frames.warnings``), else None."""
    head = token.head
    if token.dep_ != "ccomp" or head is token:
        return None
    lemma = lex.lemma(head)
    if lemma not in lex.frame("say") or lemma in lex.frame("warning_verbs"):
        return None
    return head


def _threat(head: Token, sources: list[Token], targets: list[Token], mode: Optional[str] = None,
            end: Optional[int] = None) -> Candidate:
    """A THREATEN candidate with its actors set (the penalty is announced, so asserted)."""
    cand = Candidate(head, head, "verb", "THREATEN", mode, head.i, end or head.i + 1, role="threat")
    cand.sources, cand.targets, cand.preset = sources, targets, True
    cand.fixed_status = "asserted"
    return cand


def penalties(sent: Span, cands: list[Candidate], lex: Lexicon, args: ArgBuilder, finder) -> list[Candidate]:
    """THREATEN for a penalty promised to another actor: "X said Y would pay a price / face
    consequences / regret it" (X threatens Y; "we would pay" is no threat, nor "consumers
    will pay a heavy price") and "any aggression will not go unanswered, X said" (X threatens
    whoever would commit it; the supposed act itself is dropped)."""
    out: list[Candidate] = []
    if (set(lex.cls("penalty_verbs")) | lex.frame("unanswered_verbs")).isdisjoint(sentence_words(sent, lex)):
        return out
    for token in sent:
        if token.pos_ != "VERB" or not _future(token, lex):
            continue
        shape = "payer" if penalty(token, lex) else "act" if _unanswered(token, lex) else None
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        speakers = reporter(token, args, lex) if shape and subjects else []
        if not speakers:
            continue
        if shape == "payer":
            if first_person(subjects[0]) or not args.actorish(subjects[0]):
                continue                      # "consumers will pay a heavy price": a forecast
            addressed = told(speakers[0].head, args) if is_pronoun(subjects[0]) else []
            targets = args.expand(addressed or subjects)      # "warned Greece it will pay": Greece
        else:
            if not negated(token, lex) or not hostile_act(subjects[0], lex, finder):
                continue                      # "the crime will not go unpunished": no other side
            targets = [t for t in args.noun_args(subjects[0], False)[0] if args.actorish(t)]
            targets = args.expand(targets or told(speakers[0].head, args))
        nouns = lex.cls("penalty_verbs").get(lex.lemma(token)) or ()
        end = max([token.i] + [c.i for c in token.children if c.i > token.i and (c.dep_ in ("acomp", "oprd", "advmod")
                               or c.dep_ == "dobj" and lex.lemma(c) in nouns)]) + 1   # "pay a heavy price", "go unanswered"
        cand = _threat(token, args.expand(speakers), targets, lex.threaten_modes.get("ASSAULT"), end)
        for act in cands:
            if shape == "act" and act.head.i == subjects[0].i:
                act.wrapper, act.drop = cand, True   # "any aggression" is supposed; its victim is no target
        out.append(cand)
    return out


def idle_refusals(sent: Span, lex: Lexicon, args: ArgBuilder) -> list[Candidate]:
    """THREATEN for "X will not stand / sit idly by (while Y ...)": the one who will not stay
    idle threatens to act against what Y does (the target is the subject of the while-clause)."""
    out: list[Candidate] = []
    verbs, adverbs = lex.frame("idle_verbs"), lex.frame("idle_adverbs")
    words = sentence_words(sent, lex)
    if verbs.isdisjoint(words) or adverbs.isdisjoint(words):
        return out
    for token in sent:
        if token.pos_ != "VERB" or lex.lemma(token) not in verbs or not negated(token, lex):
            continue
        if not _future(token, lex) or not any(c.dep_ == "advmod" and c.lower_ in adverbs for c in token.children):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if not subjects or not args.actorish(subjects[0]):
            continue
        targets = _marked_clause_subjects(token, lex.frame("idle_marks"), args)
        out.append(_threat(token, args.expand(subjects), args.expand(targets)))
    return out


def _provoker(verb: Token, lex: Lexicon, args: ArgBuilder) -> list[Token]:
    """Whom an open threat is aimed at: an actor (or the owner of a thing) after "regarding /
    against / over ..." on the clause, else the subject of its "if / unless / after ..." clause."""
    preps = lex.frame("option_target_preps")
    objs = [g for t in verb.subtree if t.dep_ == "prep" and t.lower_ in preps for g in t.children if g.dep_ == "pobj"]
    found = [o for g in objs for o in [g, *(c for c in g.children if c.dep_ == "poss")]   # "regarding X's curbs"
             if args.actorish(o) and not (o.dep_ == "poss" and o.pos_ == "PRON")]
    if found:
        return args.expand(found[:1])
    return args.expand(_marked_clause_subjects(verb, lex.frame("option_clause_marks"), args)[:1])


def _marked_clause_subjects(verb: Token, marks: frozenset, args: ArgBuilder) -> list[Token]:
    """The actor subjects of ``verb``'s adverbial clauses opened by one of ``marks`` ("while Y
    ...", "if Tehran ..."): whom a threat told without a threat verb is aimed at."""
    return [s for c in verb.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks
                                                                   for m in c.children)
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and args.actorish(s)]


def open_options(sent: Span, lex: Lexicon, args: ArgBuilder) -> list[Candidate]:
    """THREATEN for "all options are / remain on the table" said by X, or "X kept all options
    on the table": keeping every course, force included, open is a veiled threat (CAMEO 13).
    Only with an actor it is aimed at ("regarding Iran", "if Tehran ..."): "all options are on
    the table" for a budget threatens no one."""
    out: list[Candidate] = []
    nouns, places = lex.frame("option_nouns"), lex.frame("option_places")
    words = sentence_words(sent, lex)
    if nouns.isdisjoint(words) or places.isdisjoint(words):
        return out
    for token in sent:
        if lex.lemma(token) not in nouns or not any(
                c.dep_ in ("det", "amod", "predet") and c.lower_ in lex.frame("option_marks") for c in token.children):
            continue
        verb = token.head
        on_table = any(c.dep_ == "prep" and c.lower_ == "on" and any(lex.lemma(g) in places for g in c.children)
                       for c in list(token.children) + list(verb.children))
        if not on_table or verb.pos_ not in ("VERB", "AUX") or negated(verb, lex):
            continue
        if token.dep_ == "dobj":              # "Washington kept all options on the table"
            speakers = [c for c in verb.children if c.dep_ == "nsubj" and args.actorish(c)]
        else:
            say = _reported(verb, lex)
            speakers = args.agents(say) if say is not None else []
        aimed = _provoker(verb, lex, args)
        if speakers and aimed:
            out.append(_threat(token, args.expand(speakers), aimed))
    return out
