"""Who reports a clause, and whom a verb of saying addresses.

Why this module exists: threats told without a threat verb ("Y will pay a price, X said",
"any attack would be met with force, Iran told Israel") are made by whoever says them. The
frame rules (``frames``), penalties (``penalties``) and consequences (``consequences``) all
ask the same two questions; one home keeps their answers the same and their imports acyclic.
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.args import ArgBuilder
from newsgraph.extract.events.lexicon import Lexicon


def reporter(token: Token, args: ArgBuilder, lex: Lexicon) -> list[Token]:
    """Who reports the clause of ``token``: the subject of a governing verb of saying, else []."""
    say = lex.frame("say") | lex.frame("sworn_reports")
    walk = token
    for _ in range(3):
        if walk.dep_ in ("ccomp", "conj", "xcomp") and walk.head is not walk:
            walk = walk.head
            if lex.lemma(walk) in say:
                return args.agents(walk)
        else:
            break
    for child in token.children:
        if child.dep_ in ("parataxis", "ccomp", "advcl") and lex.lemma(child) in say:
            return args.agents(child)
        if child.dep_ == "prep" and child.lower_ == "according":
            return [g for p in child.children for g in p.children if g.dep_ == "pobj"]
    return []


def told(say: Token, args: ArgBuilder) -> list[Token]:
    """Who a verb of saying addresses ("Iran's minister told Israel")."""
    return [c for c in say.children if c.dep_ in ("dobj", "dative") and args.actorish(c)]


def public_arg(arg) -> bool:
    """Whether a resolved actor (an ``Arg``) can threaten by announcing its own conduct: one
    with a country or a sector that is not business. A firm's plan for its routes, plants or
    prices ("Lufthansa would close routes to X if ...", "Apple would move production out of
    China if tariffs rose") threatens nobody (review finding, ev-frames round)."""
    return arg is not None and arg.sector != "BUS" and bool(arg.country or arg.sector)
