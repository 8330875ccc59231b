"""When the CAMEO verb dictionary may give a verb its event, and which.

Why this module exists: our lexicon (plover.yaml) is precise but small; the
CAMEO verb patterns reach further but are noisy on real news. A verb our
lexicon does not know takes CAMEO's sense as before (with an actor-like
object). A verb we know in another sense or construction takes it only when
the words that decide are the verb's own: its particle for a verb with an
entry whose ``needs`` fail ("hit out at X", where our "hit" wants an armed
subject), its object noun for a light verb ("issued a warning to X"). Other
verbs we know (saying, wanting, reaching) never: on 60 PolNeAR articles their
CAMEO particles and clause words gave 3 right events in 12.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from newsgraph.extract.events.constraints import temporal
from newsgraph.extract.events.petrarch import VerbSense

_ARGUMENT_DEPS = ("dobj", "dative", "prt", "prep", "agent", "attr", "oprd", "nsubjpass", "acomp")


def argument_tokens(verb: Token) -> frozenset[int]:
    """The heads of a verb's object, particle and prepositional phrases (the preposition,
    its object): where a CAMEO pattern's context words must stand to decide the sense of a
    verb we know ("hit out at X"; not a time phrase, a later clause or a modifier deep in a
    phrase)."""
    out = set()
    for child in verb.children:
        if child.dep_ in _ARGUMENT_DEPS and not temporal(child):
            out.add(child.i)
            out.update(g.i for g in child.children if g.dep_ == "pobj")
    return frozenset(out)


def cameo_sense(finder, token: Token, lemma: str, own: bool, known: bool
                ) -> Optional[tuple[VerbSense, tuple[str, ...]]]:
    """The CAMEO sense (with a PLOVER type) of verb ``token`` and its target prepositions, or None.

    Args:
        finder: the ``TriggerFinder`` (its lexicon, CAMEO dictionary, argument builder).
        own: our lexicon has a verb entry for ``lemma`` (whose needs failed here).
        known: our lexicon names ``lemma`` anywhere (frames, light verbs, nouns...).
    Every CAMEO event needs an actor-like object (direct, dative, passive subject
    or prepositional), so that a generic verb ("continue", "debate") is no event
    by itself; a light verb also an actor subject ("rhetoric sends a message": no).
    """
    lex, args = finder.lex, finder.args
    kids = list(token.children)
    objects = [c for c in kids if c.dep_ in ("dobj", "nsubjpass", "dative")] + [
        g for c in kids if c.dep_ in ("prep", "agent", "dative") for g in c.children if g.dep_ == "pobj"]
    if not objects:
        return None                        # (before the costly sense: no object, no event)
    if not known:
        sense, actors = finder.verbs.sense(token, lemma), objects
    elif own and any(c.dep_ == "prt" for c in kids):
        sense = finder.verbs.sense(token, lemma, argument_tokens(token))
        if sense is None or not any(c.dep_ == "prt" and c.lower_ in sense.pattern for c in kids):
            return None                    # the particle must decide, not the default code
        actors = objects
    elif lemma in lex.light_verbs:
        nouns = [c for c in kids if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        if any(lex.lemma(c) in lex.nouns for c in nouns):
            return None                    # "held a rally": our noun entry (and its sense guards) decide
        sense = finder.verbs.sense(token, lemma, frozenset(c.i for c in nouns)) if nouns else None
        if sense is None or not sense.pattern or not any(c.dep_ == "nsubj" and args.actorish(c) for c in kids):
            return None                    # the object noun decides, and an actor does it
        actors = [o for o in objects if o not in nouns]
    else:
        return None
    if sense is None or sense.type is None:
        return None
    if not any(args.actorish(o) for o in actors):
        return None                        # a CAMEO event is done to someone
    preps = tuple(c.lower_ for c in kids if c.dep_ == "prep" and c.lower_ in sense.pattern
                  and c.lower_ in lex.cls("cameo_target_preps"))   # "hit out at X": X is the target
    return sense, preps
