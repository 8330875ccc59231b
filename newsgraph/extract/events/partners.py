"""Whom an act is aimed at or shared with when the parser hangs that party off the event's
own arguments: the other side of a frontier or of "tensions with X", a recipient inside a
long object, the official whose resignation is sought, whom a protest is against.

Why this module exists: ``roles.py`` reads the event verb's own subject and objects; wire
copy often names the other party in a phrase beside them ("called up reservists as
tensions with Moscow mounted", "a loan worth $300 million to Sri Lanka", "blocked roads
and burned tyres in protest at X's refusal"). ``places.settle`` calls these on the finished
event, only where its target has no country yet (or only a topic); the words come from
``plover.yaml`` classes (``friction_nouns``, ``frontier_nouns``, ``removal_nouns``,
``recipient_preps``, ``protest_purpose_verbs``, ``claim_nouns``).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from newsgraph.records import Arg, Event
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.argwords import to_infinitive


def own_clause(token: Token, verbs: list[Token]) -> bool:
    """Whether ``token`` is said in the event's own clause: the path up to an event verb
    crosses no other finite clause ("... as tensions with X mounted" still counts; "..., a
    charge X denied" does not)."""
    walk = token
    for _ in range(8):
        if walk in verbs:
            return True
        if walk.dep_ in ("ccomp", "relcl", "parataxis", "conj") and walk.pos_ in ("VERB", "AUX"):
            return False
        if walk.head.i == walk.i:
            return False
        walk = walk.head
    return False


def source_countries(event: Event) -> set:
    return {a.country for a in event.source if a.country}


def foreign_target(event: Event) -> bool:
    """Whether a target with a country other than the source's is already there."""
    home = source_countries(event)
    return any(a.country and a.country not in home for a in event.target)


def topical_arg(doc: Doc, arg: Arg, verbs: list[Token]) -> bool:
    """Whether an argument was found inside what the act is about ("sharing information on
    al-Shabaab movements with ...": al-Shabaab is the topic, not the partner)."""
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    walk, topical = span.root, False
    while walk not in verbs and walk.head.i != walk.i:
        topical = topical or (walk.dep_ == "prep" and walk.lower_ in ("on", "about", "over", "regarding"))
        walk = walk.head
    return topical and walk in verbs


def topical(doc: Doc, event: Event, verbs: list[Token]) -> bool:
    """Whether every target is only what the act is about."""
    return bool(event.target) and all(topical_arg(doc, a, verbs) for a in event.target)


def replace_targets(event: Event, found: list[Arg], doc: Optional[Doc] = None,
                     verbs: tuple = ()) -> None:
    """Put ``found`` in place of targets that say nothing new (no country, or the source's own:
    "massed troops near its border")."""
    home = source_countries(event)
    kept = [] if doc is not None and topical(doc, event, list(verbs)) else \
        [a for a in event.target if a.country and a.country not in home]
    event.target = kept + found


def partner(token: Token, args, home: set) -> Optional[Arg]:
    """The resolved Arg of ``token`` when it names an actor of a country other than ``home``."""
    for head in args.dig(token):
        arg = args.arg(head)
        if arg is not None and arg.country and arg.country not in home:
            return arg
    return None


def frontier_target(event: Event, verbs: list[Token], args, lex: Lexicon) -> None:
    """"ordered battalions to the Colombian frontier", "sent police to its border with Turkey",
    "withdrew from positions near the Malian border": the country across the border."""
    frontier = lex.cls("frontier_nouns")
    home = source_countries(event)
    for verb in verbs:
        for token in verb.subtree:
            if lex.lemma(token) not in frontier or token.pos_ != "NOUN" or not own_clause(token, verbs):
                continue
            owners = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
            owners += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                       for g in c.children if g.dep_ == "pobj"]
            for owner in owners:
                found = partner(owner, args, home)
                if found is not None:
                    replace_targets(event, [found])
                    return


def drop_own_places(doc: Doc, event: Event) -> None:
    """"massed troops near its western border", "pulled back to their bases": the source's own
    ground ("its", "their") is no target of its own deployment."""
    home = source_countries(event)
    actors = {a.actor for a in event.source if a.actor}
    kept = []
    for arg in event.target:
        span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
        own = span is not None and len(span) == 1 and span.root.dep_ == "poss" and span.root.pos_ == "PRON"
        if not (own and arg.country in home and (arg.actor is None or arg.actor in actors)):
            kept.append(arg)
    event.target = kept


def friction_partner(event: Event, verbs: list[Token], args, lex: Lexicon) -> None:
    """"called up reservists as tensions with Moscow mounted", "stand down as border tension
    with Cambodia eases", "expelled two diplomats amid a row with Lisbon": the other party."""
    friction = lex.cls("friction_nouns")
    home = source_countries(event)
    if not home and not any(a.actor for a in event.source):
        return
    for verb in verbs:
        for token in verb.subtree:
            if lex.lemma(token) not in friction or not own_clause(token, verbs):
                continue
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ != "with":
                    continue
                for pobj in prep.children:
                    found = partner(pobj, args, home) if pobj.dep_ == "pobj" else None
                    if found is not None:
                        replace_targets(event, [found])
                        return


def recipient(event: Event, verbs: list[Token], args, lex: Lexicon) -> None:
    """"extend a yen loan worth $300 million to Sri Lanka", "deposit $3 billion in Pakistan's
    central bank", "sharing information on X with its Ethiopian counterparts": the recipient
    or partner the parser hung inside the long object, or on the verb by a preposition the
    verb's entry in ``recipient_preps`` names."""
    preps = lex.cls("recipient_preps")
    home = source_countries(event)
    for verb in verbs:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        own = set(preps.get(lex.lemma(verb)) or ())
        spots = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in own]
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            spots += [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ in ("to", "with")
                      and t.head.i != verb.i and not any(a.pos_ in ("VERB", "AUX") and a in obj.subtree and a.dep_ in (
                          "relcl", "acl", "advcl", "ccomp", "xcomp") for a in t.ancestors)]   # not "a loan to build X"
        for prep in spots:
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                found = partner(pobj, args, home)
                if found is not None:
                    replace_targets(event, [found], pobj.doc, tuple(verbs))
                    return


def removed(event: Event, verbs: list[Token], args, lex: Lexicon) -> None:
    """"called for the resignation of President X", "demanding X's ouster": X is asked to go."""
    removal = lex.cls("removal_nouns")
    for verb in verbs:
        for token in verb.subtree:
            if lex.lemma(token) not in removal or token.pos_ != "NOUN" or not own_clause(token, verbs):
                continue
            holders = [c for c in token.children if c.dep_ == "poss"]
            holders += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"]
            for holder in holders:
                arg = next((a for a in map(args.arg, args.dig(holder)) if a is not None and a.country), None)
                if arg is not None:
                    event.target = [a for a in event.target if a.country] + [arg]
                    return


def drop_topics(doc: Doc, event: Event, verbs: list[Token]) -> None:
    """A partner named with "with" or "to" outranks actors named only as what the act is about
    ("sharing intelligence on Boko Haram cells with their Chadian counterparts")."""
    topical = [a for a in event.target if topical_arg(doc, a, verbs)]
    if topical and len(topical) < len(event.target):
        event.target = [a for a in event.target if a not in topical]


def protest_aim(event: Event, cand, args, lex: Lexicon) -> None:
    """Whom a protest with no target yet is against: "blocked roads and burned tyres in protest
    at X's refusal" (the "at" phrase hangs on the verb beside "in protest"), "boycotted
    classes to protest against the junta's arrest of ..." (a purpose clause of protest). A seat of power it
    is held at ("outside the parliament in Warsaw") is where it happened, not its target."""
    anchor = cand.anchor
    verbs = [anchor] + [c for c in anchor.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    protest_words = lex.cls("protest_purpose_verbs")
    for verb in verbs:
        kids = list(verb.children)
        said = any(c.dep_ == "prep" and c.lower_ == "in" and any(lex.lemma(g) == "protest" for g in c.children)
                   for c in kids)
        heads = [g for c in kids if said and c.dep_ == "prep" and c.lower_ in ("at", "over", "against")
                 for g in c.children if g.dep_ == "pobj"]
        purposes = [c for c in kids if c.dep_ in ("advcl", "xcomp")]
        purposes += [c for o in kids if o.dep_ == "dobj" for c in o.children if c.dep_ in ("acl", "relcl")
                     and to_infinitive(c)]   # "classes to protest"
        heads += [t for c in purposes if lex.lemma(c) in protest_words for t in args.objects(c, "PROTEST")]
        found = [a for a in map(args.arg, (d for h in heads for d in args.dig(h))) if a is not None and a.country]
        if found:
            event.target = found
            return


CROWD_SECTORS = frozenset(("CVL", "OPP", "LAB", "EDU", "AGR", "MED", "REL", "PTY", "REF"))


def crowd_at(event: Event, cand, args) -> None:
    """A protest told as a noun in a "during / at" phrase is held by the crowd the clause is
    about: "Opposition supporters in Kinshasa clashed with police during a rally against X"
    (the supporters rallied). Only a crowd: police firing tear gas "during a march" did not
    march."""
    head = cand.head
    if head.dep_ != "pobj" or head.head.lower_ not in ("during", "at", "amid") or head.head.head.pos_ != "VERB":
        return
    verb = head.head.head
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        arg = args.arg(subject)
        if arg is not None and arg.sector in CROWD_SECTORS and arg.country:
            event.source = [arg]
            return


def claimed_doer(event: Event, verbs: list[Token], args, lex: Lexicon) -> None:
    """"is examining claims that President X benefited from ...", "looking into reports that
    the army sold fuel": an inquiry into a claim is aimed at whom the claim is about, the
    subject of its that-clause (nouns in the ``claim_nouns`` class). A domestic-looking
    subject with no country of its own ("the health minister") is of the inquirer's state."""
    claims = lex.cls("claim_nouns")
    home = source_countries(event)
    for verb in verbs:
        heads = [c for c in verb.children if c.dep_ == "dobj"]
        heads += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for noun in heads:
            if lex.lemma(noun) not in claims:
                continue
            for clause in (c for c in noun.children if c.dep_ in ("acl", "ccomp") and
                           any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
                for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                    found = args.dig(subject)
                    arg = args.arg(found[0]) if found else None
                    if arg is not None and arg.country is None and arg.sector and len(home) == 1 and \
                            not (arg.actor or "").startswith("igo:"):
                        arg.country = next(iter(home))
                    if arg is not None and arg.country:
                        event.target = [a for a in event.target if a.country] + [arg]
                        return
