"""Small tests on argument words shared by the event modules: pronouns, "pro-/anti-" words.

Why this module exists: the argument finder, the resolver and the merging step all ask
whether a word is a pronoun or an allegiance modifier; one definition keeps them agreeing.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from newsgraph.extract import pronouns
from newsgraph.extract.actors.lexicon import default_lexicon
from newsgraph.knowledge.loader import merged, require

PRONOUNS = pronouns.PERSONAL | pronouns.DEMONSTRATIVE      # words in knowledge/data/pronouns.yaml
FIRST_PERSON = pronouns.FIRST_PERSON


def allegiance(token: Token) -> bool:
    """Whether a word is a "pro-X" / "anti-X" modifier (or the X of one)."""
    low = token.lower_
    if low.startswith(("pro-", "anti-")):
        return True
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("pro", "anti")


def compound_word(token: Token) -> str | None:
    """The word after "X-" when ``token`` is the X of "X-backed", "X-led", "X-made" ...
    ("Iranian" in "Iranian-supplied missiles"), else None."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != "-" or token.whitespace_ \
            or doc[token.i + 1].whitespace_:
        return None
    return doc[token.i + 2].lower_


def sponsor(token: Token) -> bool:
    """Whether a word names who backs, arms, makes or supplies something, not who acts
    ("Iranian" in "Iranian-supplied missiles", "Russian" in "Russian-backed separatists"):
    ``backer_words`` of demonyms.yaml. Its country is not the user's."""
    word = compound_word(token)
    return word is not None and word in default_lexicon().backer_words


def not_sponsor(actor, head: Token, span, actor_at):
    """``actor`` unless the phrase names it only as a backer, maker or supplier
    ("Iranian-supplied missiles", "Russian-made jets"): its country is not the user's.
    ``actor_at(start_char, end_char)`` gives the actor of a stretch of text."""
    if actor is None or actor_at(head.idx, head.idx + len(head)) is actor:
        return actor
    own = [t for t in span if actor_at(t.idx, t.idx + len(t)) is actor]
    return None if own and all(sponsor(t) for t in own) else actor


def to_infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("to send more police", "to resign"): the one test the
    frames, requests and argument rules share for "what is asked, promised or meant"."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def infinitive(head: Token, deps: tuple[str, ...]) -> Token | None:
    """The first to-infinitive verb hanging on ``head`` by one of ``deps``, or None."""
    return next((c for c in head.children if c.dep_ in deps and c.pos_ in ("VERB", "AUX") and to_infinitive(c)), None)


def people_home(token: Token) -> str | None:
    """The state of a people without one ("Catalan" -> ESP, "Tamil" -> LKA) when
    ``peoples`` in demonyms.yaml gives a single home or a default one; "Kurdish" (four
    homes, no default) gives None. Only a word that modifies a common noun counts: in
    "Karen Bass" or "Sergio Moro" the word is part of a person's name."""
    if token.ent_type_ == "PERSON" or token.dep_ not in ("amod", "compound", "nmod") or token.head.pos_ != "NOUN":
        return None
    found = default_lexicon().people_homes(token.text)
    if not found:
        return None
    homes, first = found
    return homes[0] if len(homes) == 1 or first else None


def leads(token: Token) -> bool:
    """Whether a word is the X of "X-led", "X-backed" ... that names a group by who leads or
    backs it ("the Saudi-led coalition", "U.S.-backed forces"): such a group is an actor
    (``owner_words`` and ``backer_words`` of demonyms.yaml)."""
    lex = default_lexicon()
    word = compound_word(token)
    return word is not None and (word in lex.owner_words or word in lex.backer_words)


def informative(arg) -> bool:
    """Whether a resolved Arg (or None) says who it is: an actor, a country or a sector."""
    return arg is not None and bool(arg.actor or arg.country or arg.sector)


def is_pronoun(token: Token) -> bool:
    """A personal or possessive pronoun that may stand for an actor ("it", "their")."""
    return token.pos_ == "PRON" and token.lower_ in PRONOUNS


def first_person(token: Token) -> bool:
    """"we", "I", "our": the speaker, not a third party."""
    return token.pos_ == "PRON" and token.lower_ in FIRST_PERSON


def same_party(a: list, b: list) -> bool:
    """Whether two Arg lists share an actor or a country (or one of them is empty)."""
    if not a or not b:
        return True
    ids = {x.actor for x in a if x.actor} | {x.country for x in a if x.country}
    other = {x.actor for x in b if x.actor} | {x.country for x in b if x.country}
    return not ids or not other or bool(ids & other)


@lru_cache(maxsize=1)
def topic_preps() -> dict[str, frozenset]:
    """Type -> prepositions naming a joint act's topic, not its partner (``event_roles.yaml``)."""
    data = merged("event_roles.yaml")
    out: dict[str, frozenset] = {}
    for entry in data.get("topic_preps") or []:
        entry = require(entry, ("type", "words", "why"), "event_roles.yaml topic_preps")
        out[str(entry["type"]).upper()] = out.get(str(entry["type"]).upper(), frozenset()) | frozenset(
            str(w).lower() for w in entry["words"])
    return out


@lru_cache(maxsize=1)
def particles() -> frozenset:
    """Adverb particles whose prepositions belong to the verb ("pulled back from X")."""
    data = merged("event_roles.yaml")
    return frozenset(str(require(e, ("word", "why"), "event_roles.yaml particles")["word"]).lower()
                     for e in data.get("particles") or [])


@lru_cache(maxsize=1)
def foreign_markers() -> frozenset:
    """Words saying an official is from another state ("visiting", "counterpart")."""
    data = merged("event_roles.yaml")
    return frozenset(str(require(e, ("word", "why"), "event_roles.yaml foreign_markers")["word"]).lower()
                     for e in data.get("foreign_markers") or [])


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset:
    """Verbs of speaking whose place is the speaker's seat ("Speaking in Ankara, ...")."""
    data = merged("event_roles.yaml")
    return frozenset(str(require(e, ("word", "why"), "event_roles.yaml speech_verbs")["word"]).lower()
                     for e in data.get("speech_verbs") or [])


@lru_cache(maxsize=1)
def solo_words() -> frozenset:
    """Words of joint types each party does on its own ("X and Y pledged to act")."""
    data = merged("event_roles.yaml")
    return frozenset(str(require(e, ("word", "why"), "event_roles.yaml solo_words")["word"]).lower()
                     for e in data.get("solo_words") or [])


@lru_cache(maxsize=1)
def concessive_preps() -> frozenset:
    """Prepositions naming pressure a refusal resists ("despite calls from X"; ``event_roles.yaml``)."""
    data = merged("event_roles.yaml")
    return frozenset(require(e, ("word", "why"), "event_roles.yaml concessive_preps")["word"].lower()
                     for e in data.get("concessive_preps") or [])
