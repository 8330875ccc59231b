"""Senses that real political news gives trigger words outside the events PLOVER codes.

Why this module exists: judged by hand on PolNeAR news articles (US campaign
coverage, opinion, wire copy) that nobody here coded, most wrong events came
from a trigger word used in another sense, not from a missing rule: rivals
"attacking" each other or "fighting for" a bill (no force), a moderator who
"asked" a question (no demand), a campaign "rally", a poll finding that
"28 percent supported" someone, a candidate who "defended himself", a CAMEO
verb whose dictionary code only names its category ("introduce", "serve",
"include"). Each rule below reads the parse around one candidate after its
type is set (``senses.refine``) and drops it, retypes it or negates it. This
module holds the force side (attacks, contests, rallies) and the entry point;
``guards_talk.py`` the talk side (asking, agreeing, allowing, releasing). The
words live in ``plover.yaml`` (section ``guard_classes``); ideas the trigger senses
share (contest verbs, figurative war words, a candidate's "rally", who is on which side)
are asked of ``contests.py``, so the two layers cannot drift apart. One idea keeps two
rules on purpose, named apart: rivals' attacks (``contests._people_at_odds`` needs a named
person and runs at refine; ``_contest`` here also accepts parties, the press and office
holders).
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.contests import PERSON_WORDS, contest_verbs, sides
from newsgraph.extract.events.guards_talk import TALK_RULES
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.candidate import Candidate

_ARMED_SECTORS = ("MIL", "REB", "COP", "CRM", "SPY")     # sector codes (sectors.yaml), not words


def _force_context(cand: Candidate, lex: Lexicon) -> bool:
    """Whether the sentence shows physical force: armed actors, weapons, wounds or deaths."""
    words = lex.cls("news_force_words")
    for token in cand.head.sent:
        if token.i == cand.head.i:
            continue                          # the trigger itself ("beating Clinton") shows nothing
        lemma = lex.lemma(token)
        if lemma in words or token.lower_ in words:
            return True
        if token.pos_ in ("NOUN", "PROPN") and (lemma in lex.cls("forces") or lemma in lex.cls("projectile")
                                                or lex.sectors.get(lemma) in _ARMED_SECTORS):
            return True                       # "troops", "police", "rockets" (not "forced", "fired")
    return False


def _political(token: Token, lex: Lexicon) -> bool:
    """Whether ``token`` names a politician, a party, a campaign or the press (people who
    contend with words), not a state, a place, an armed group or a crowd."""
    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return False
    lemma = lex.lemma(token)
    if token.ent_type_ == "PERSON" or token.lower_ in PERSON_WORDS or any(
            c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in token.children):
        return True                           # "Graham", "he", "the Koch brothers", "the Clinton campaign"
    return lemma in lex.cls("news_political_people") or \
        lex.sectors.get(lemma) in ("LEG", "PTY", "JRN") or \
        (lex.sectors.get(lemma) == "GOV" and lemma in lex.cls("news_office_holders"))


def _contest(cand: Candidate, lex: Lexicon) -> None:
    """Rivals who "attack", "beat" or "fight" each other in politics use words and votes:
    an attack verb or noun becomes ACCUSE, a contest or struggle verb no event. Only with
    no force in the sentence, and only when everyone named is a politician, a party, a
    campaign or the press ("Graham attacked GOP voters", "Trump's Twitter attacks",
    "fought for the bill", "beat Trump in November")."""
    if cand.type != "ASSAULT" or _force_context(cand, lex):
        return
    lemma = lex.lemma(cand.head)
    verbal = lemma in lex.cls("verbal_attack_verbs")
    if cand.kind == "verb" and not verbal and any(
            c.dep_ == "dobj" and lex.lemma(c) in lex.cls("criticised_things") for c in cand.head.children):
        cand.drop = True                      # "killing the bill", "torpedoed the deal": votes, not force
        return
    if not verbal and lemma not in contest_verbs(lex):
        return
    speech = lex.frame("say") | set(lex.cls("news_speech_manner_verbs"))
    if verbal and any(c.dep_ == "prep" and c.lower_ == "by" and any(
            g.dep_ == "pcomp" and lex.lemma(g) in speech for g in c.children) for c in cand.head.children):
        cand.type, cand.mode = "ACCUSE", None     # "attacked Fiorina by reminding voters that ..."
        return
    doers, done, passive = sides(cand, lex)
    if passive:
        return                                # "two reporters were attacked": who did it is untold
    if cand.kind == "noun" and verbal and not doers and not done:
        manner = lex.cls("news_verbal_attack_modifiers")
        if any(c.dep_ in ("amod", "compound") and lex.lemma(c) in manner for c in cand.head.children):
            cand.type, cand.mode = "ACCUSE", None        # "personal attacks", "Twitter attacks"
        return
    if lemma in lex.cls("news_struggle_verbs"):
        if not done and doers and all(_political(d, lex) for d in doers):
            cand.drop = True                  # "Rubio fought for the bill", "keeps fighting"
            return
        if done and not any(_actor_like(t, lex) for t in done):
            cand.drop = True                  # "fight against religious liberty", "fight Zika"
            return
    people = doers + done
    said = lex.cls("criticised_things") | lex.cls("news_contest_objects") | lex.cls("works")
    if not people or not all(_political(t, lex) or lex.lemma(t) in said for t in people):
        return
    if verbal:
        cand.type, cand.mode = "ACCUSE", None
    else:
        cand.drop = True


def _protest_sense(cand: Candidate, lex: Lexicon) -> None:
    """A protest verb in another sense: "demonstrated that it helps" (showed), candidates who
    "participate in the debate" (no protest named). (A candidate's "rally": contests.campaign_event.)"""
    if cand.type != "PROTEST":
        return
    head = cand.head
    if cand.kind == "verb" and any(c.dep_ == "ccomp" and c.i > head.i and c.left_edge.lower_ == "that"
                                   for c in head.children):
        cand.drop = True                      # "demonstrated that ..."
        return
    if cand.kind == "verb" and lex.lemma(head) in lex.cls("news_joining_verbs"):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                objs = [g for g in child.children if g.dep_ == "pobj" and (g.pos_ == "NOUN" or g.ent_type_ == "EVENT")
                        and lex.lemma(g) not in lex.cls("place_nouns")]   # not "80 people participated in Lyon"
                if objs and not any(lex.nouns.get(lex.lemma(o)) is not None and
                                    lex.nouns[lex.lemma(o)].type == "PROTEST" for o in objs):
                    cand.drop = True          # "participate in the Republican debate"
                    return


def _actor_like(token: Token, lex: Lexicon) -> bool:
    """Whether ``token`` could name an actor at all: a named person, organisation, state or
    group, a pronoun, or a sector noun ("fight Zika" names none)."""
    return token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.pos_ == "PRON" or \
        lex.sectors.get(lex.lemma(token)) is not None or _political(token, lex) or \
        lex.lemma(token) in lex.cls("forces")


_RULES = (_contest, _protest_sense) + TALK_RULES   # figurative war words: contests.figurative, at refine


def guard(cand: Candidate, lex: Lexicon) -> None:
    """Apply every sense guard to ``cand`` (it may be retyped, negated or dropped)."""
    for rule in _RULES:
        if cand.drop:
            return
        rule(cand, lex)
