"""Penalties announced to someone: "Sweden would pay a price", "Israel would face a crushing
response", "Poland would regret it", "X will not stand idly by while Y ...".

Why this module exists: wire copy reports many threats without a threat verb. A speaker
saying that another actor *would pay / face / suffer* a penalty, or *would regret* an act,
announces harm to it (PETRARCH2 codes "WARN * WOULD PAY * PRICE" and "SAID * WOULD REGRET"
as 130-139, threaten). Refusing to "stand idly by" announces that one will act against
what another does (as "will not tolerate", 130). The words live in ``plover.yaml``
(``classes.penalty_verbs``, ``frames.idle_*``, ``frames.option_*``); :func:`penalty` is
also how ``frames.warnings`` sees such a harm in a warning's that-clause.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from newsgraph.extract.events.args import ArgBuilder
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.prefilter import sentence_words
from newsgraph.extract.events.resolve import first_person
from newsgraph.extract.events.status import modals, negated

PENALTY = "penalty"     # the harm a penalty phrase names: no THREATEN mode of its own


def _future(token: Token, lex: Lexicon) -> bool:
    """Whether a verb is told as to come ("will pay", "would face"), not a past fact."""
    return bool(modals(token) & lex.frame("foretold_modals"))


def penalty(token: Token, lex: Lexicon) -> Optional[str]:
    """``PENALTY`` when ``token`` is a penalty verb in the future with its penalty object
    ("would pay a heavy price", "will face the consequences", "would regret"), else None."""
    if token.pos_ != "VERB" or not _future(token, lex) or negated(token, lex):
        return None
    table = lex.cls("penalty_verbs")
    lemma = lex.lemma(token)
    if lemma not in table:
        return None
    wanted = table[lemma]
    if not wanted:                            # "would regret": no object needed
        return PENALTY
    objs = [c for c in token.children if c.dep_ == "dobj"]
    return PENALTY if any(lex.lemma(o) in wanted for o in objs) else None


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


def _threat(head: Token, sources: list[Token], targets: list[Token]) -> Candidate:
    """A THREATEN candidate with its actors set (the penalty is announced, so asserted)."""
    cand = Candidate(head, head, "verb", "THREATEN", None, head.i, head.i + 1, role="threat")
    cand.sources, cand.targets, cand.preset = sources, targets, True
    cand.fixed_status = "asserted"
    return cand


def penalties(sent: Span, lex: Lexicon, args: ArgBuilder) -> list[Candidate]:
    """THREATEN for "X said Y would pay a price / face consequences / regret it": the
    speaker threatens Y. The one who pays must be another actor ("we would pay" is no threat)."""
    out: list[Candidate] = []
    if set(lex.cls("penalty_verbs")).isdisjoint(sentence_words(sent, lex)):
        return out
    for token in sent:
        if penalty(token, lex) is None:
            continue
        say = _reported(token, lex)
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if say is None or not subjects or first_person(subjects[0]) or not args.actorish(subjects[0]):
            continue
        speakers = args.agents(say)
        if speakers:
            out.append(_threat(token, speakers, args.expand(subjects)))
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
