"""Whether an earlier argument can be what a pronoun stands for.

Why this module exists: most wrong actors on unseen news came from "its",
"them", "he" resolved to whichever actor came last ("since X launched its
assault on the enclave" gave X as the target). A pronoun is resolved only
to an antecedent in its own or the previous sentence that agrees with it:
"he"/"she" need a person, "it"/"its" a single non-person (a country, a
body, an army), "they"/"their" a plural or a collective (a group, a
government, a country's people). Anything else stays unresolved.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from newsgraph.extract import pronouns
from newsgraph.records import Arg

PERSON_PRONOUNS = pronouns.MASCULINE | pronouns.FEMININE     # words in knowledge/data/pronouns.yaml
FEMININE = pronouns.FEMININE
THING_PRONOUNS = pronouns.NEUTER
PLURAL_PRONOUNS = pronouns.PLURAL


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    """Actor id -> "m"/"f" for the people the registry (actors.yaml) knows."""
    from newsgraph.extract.actors.registry import load_registry
    return {e.id: e.gender for e in load_registry() if e.gender}


def pronoun_kind(token: Token) -> Optional[str]:
    """"person", "thing" or "plural" for a personal pronoun; None for others ("this")."""
    low = token.lower_
    if low in PERSON_PRONOUNS:
        return "person"
    if low in THING_PRONOUNS:
        return "thing"
    if low in PLURAL_PRONOUNS:
        return "plural"
    return None


def _head(doc: Doc, arg: Arg) -> Optional[Token]:
    """The syntactic head of an argument's span."""
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def arg_kind(doc: Doc, arg: Arg) -> set[str]:
    """Which pronouns may stand for ``arg``: a subset of {"person", "thing", "plural"}.

    A person actor or a singular noun naming one person ("the president") takes
    "he"/"she"; a country, organisation or singular body noun takes "it" and, as a
    collective, "they"; a plural noun or a group takes "they".
    """
    head = _head(doc, arg)
    actor = arg.actor or ""
    if actor.startswith("person:") or (head is not None and head.ent_type_ == "PERSON"):
        return {"person"}
    if head is None:
        return {"thing", "plural"}
    plural = head.tag_ in ("NNS", "NNPS") or bool(head.conjuncts) or (
        head.ent_type_ == "NORP" and head.text.endswith("s"))
    if plural:
        return {"plural"}
    if head.ent_type_ in ("GPE", "ORG", "NORP") or actor.startswith(("org:", "igo:")) or len(actor) == 3:
        if head.pos_ == "PROPN" or head.ent_type_ or arg.sector not in ("GOV", "ELI", "JUD"):
            return {"thing", "plural"}
    if arg.sector in ("GOV", "ELI", "JUD", "LEG", "OPP", "MED", "REL") and head.tag_ == "NN" and \
            head.ent_type_ == "":
        return {"person", "thing", "plural"}   # "the president", "the minister"; "the government"
    return {"thing", "plural"}


def within_reach(doc: Doc, pronoun: Token, arg: Arg) -> bool:
    """Whether ``arg`` ends before the pronoun, in its own or the previous sentence."""
    sent = pronoun.sent
    first = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    return first <= arg.start and arg.end <= pronoun.idx


def agrees(doc: Doc, pronoun: Token, arg: Optional[Arg]) -> bool:
    """Whether ``arg`` is a clear antecedent for ``pronoun`` (identified, in reach, agreeing)."""
    if arg is None or not (arg.actor or arg.country or arg.sector):
        return False
    kind = pronoun_kind(pronoun)
    if kind is None or kind not in arg_kind(doc, arg):
        return False
    gender = _genders().get(arg.actor or "") if kind == "person" else None
    return gender is None or gender == ("f" if pronoun.lower_ in FEMININE else "m")


def clause_mates(head: Token) -> list[Token]:
    """The subject (said or implied) of the clause a pronoun is the object of, which the
    pronoun cannot stand for: "X ordered Y to leave, accusing him" (him is not X), "X urged
    Y to punish them" (them is not Y)."""
    if head.dep_ in ("dobj", "dative", "iobj"):
        verb = head.head
    elif head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):
        verb = head.head.head
    else:
        return []
    mates = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if mates or verb.head is verb:
        return mates
    if verb.dep_ == "xcomp":
        controllers = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
        if controllers:
            return controllers
    if verb.dep_ in ("xcomp", "advcl", "conj"):
        return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return []
