"""Events told as nouns that another verb only carries.

Why this module exists: wire copy often names the act with a noun and puts
a verb of adoption, signature or announcement around it: "an arms embargo
against Myanmar was endorsed by the Assembly", "a deal to link the power
grids of Mozambique and Malawi was signed", "Fiji's acceptance of an offer
was announced by the government". The verb is not the event: the measure,
the deal or the acceptance is, with the adopter as its source. The light-verb
rules (``component._anchor_noun``, ``roles``) already carry a noun's type and
arguments through "imposed", "signed", "announced"; these helpers add the
verbs of adoption (``classes.adoption_verbs``: a measure approved, renewed,
endorsed) and who the parties and doers of a carried noun are.
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Token

from newsgraph.extract.events.argwords import is_pronoun
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.lexicon import Entry, Lexicon


def adopted_measure(lex: Lexicon, event_type_of: Callable[..., Optional[Entry]], verb: Token, lemma: str,
                    obj: Optional[Token], official: Callable[[Token], bool]) -> Optional[Candidate]:
    """The measure an adoption verb puts in force, as the verb's event: "the Assembly endorsed
    an arms embargo against Myanmar", "a ban on Russian ships was approved by the government",
    "EU ministers renewed sanctions" are the embargo, the ban, the sanctions (SANCTION, COERCE,
    MOBILIZE: ``classes.adopted_types``), done by whoever adopts them, not support for a text.
    None when the verb is no adoption verb or its object (or passive subject) names no such act.
    ``event_type_of(noun, relations=False)`` is the trigger finder's lookup of a noun's event entry;
    ``official(token)`` says whether an adopter named as subject or by-phrase is an official actor:
    "the school introduced a ban on phones" puts no measure of state in force."""
    if obj is None or lemma not in lex.cls("adoption_verbs"):
        return None
    adopters = [c for c in verb.children if c.dep_ == "nsubj"] + \
        [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if adopters and not any(is_pronoun(a) or official(a) for a in adopters):
        return None
    entry = event_type_of(obj, relations=False)
    if entry is None or (entry.type or "").lower() not in lex.cls("adopted_types"):
        return None
    mode = entry.mode if entry.mode and not entry.mode.startswith("@") else None
    return Candidate(verb, verb, "verb", entry.type, mode, verb.i, verb.i + 1, target_preps=entry.target_preps)


def carried_sources(noun: Token, agents: list[Token], own: list[Token]) -> list[Token]:
    """Who did an act named by a noun in a passive carrying verb: "Fiji's acceptance of the offer
    was announced by the government in Suva", "Iran's rejection was confirmed by its envoy":
    the possessor did it, the by-phrase only tells it; so with a verb of saying the parser made
    the noun's head ("Syria's rejection of the plan ..., diplomats said"). Otherwise the carrying
    verb's agents ("a curfew was imposed by the army"), else the noun's own."""
    if noun.dep_ in ("nsubjpass", "ccomp") and any(t.dep_ == "poss" and not is_pronoun(t) for t in own):
        return own
    return agents or own


def deal_parties(holders: list[Token], actorish: Callable[[Token], bool], lex: Lexicon) -> list[Token]:
    """The parties of a signed deal named inside its own words, when no "between" hangs on it:
    "a deal to link the power grids of Mozambique and Malawi was signed" (the states joined by
    "and" in an of- or between-phrase of the deal's subtree). Only for a deal noun
    (``classes.deal``) that is the passive subject of the signing verb."""
    for holder in holders:
        if holder.dep_ != "nsubjpass" or lex.lemma(holder) not in lex.cls("deal"):
            continue
        for token in holder.subtree:
            if token.dep_ == "pobj" and token.head.lower_ in ("of", "between") and actorish(token) and \
                    any(c.dep_ == "conj" and actorish(c) for c in token.children):
                return [token] + [c for c in token.children if c.dep_ == "conj" and actorish(c)]
    return []
