"""Verbs of headlines that the parser read as nouns or adjectives.

Why this module exists: headlines drop articles and write the present tense
("Sudan's army chief rejects ceasefire talks", "India, Canada expel diplomats",
"Protesters storm parliament"). The small English model often tags such a verb
as a noun or an adjective and builds a tree without a verb, so no trigger is
found. In a short sentence without a full stop, before any finite verb, a word
spelt as a lexicon verb (its base or -s form) right after a named subject is
read as the verb: with the parser's own subject and object when it gave them,
otherwise with the subject on its left and the object on its right, taken
from the word order.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from newsgraph.extract.events.countries import named_place_country
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.triggers import TriggerFinder

FINITE_TAGS = frozenset(("VBZ", "VBP", "VBD", "MD"))
MAX_HEADLINE_TOKENS = 16
NP_POS = frozenset(("NOUN", "PROPN", "ADJ", "NUM", "DET"))


def is_headline(sent: Span) -> bool:
    """A short sentence with no closing full stop."""
    return len(sent) <= MAX_HEADLINE_TOKENS and sent[-1].text not in (".", "?", "!", '"')


def _stems(token: Token) -> tuple[str, ...]:
    """The base forms a headline verb may be written from ("rejects" -> reject, "expel")."""
    low = token.lower_
    out = [low]
    if low.endswith("es"):
        out.append(low[:-2])
    if low.endswith("s"):
        out.append(low[:-1])
    return tuple(out)


def _subject(sent: Span, at: int, finder: TriggerFinder) -> list[Token]:
    """The named subjects left of position ``at``: the noun just before it and the
    names listed before that with commas or "and" ("India, Canada expel")."""
    before = at - 1
    if before < sent.start or sent.doc[before].pos_ not in ("NOUN", "PROPN"):
        return []
    heads = [sent.doc[before]]
    i = before - 1
    while i >= sent.start and sent.doc[i].pos_ in ("NOUN", "PROPN", "PART", "ADJ"):
        i -= 1                                   # the rest of the subject's noun phrase
    while i - 1 >= sent.start and sent.doc[i].lower_ in (",", "and") and sent.doc[i - 1].pos_ == "PROPN":
        heads.insert(0, sent.doc[i - 1])
        i -= 2
    return heads if any(finder.args.actorish(h) for h in heads) else []


def _object(sent: Span, at: int) -> list[Token]:
    """The head of the noun phrase right after position ``at`` (its last noun)."""
    head = None
    for token in sent.doc[at + 1:sent.end]:
        if token.pos_ not in NP_POS and token.text != "'s":
            break
        if token.pos_ in ("NOUN", "PROPN"):
            head = token
    return [head] if head is not None else []


def headline_verbs(sent: Span, found: list[Candidate], finder: TriggerFinder, lex: Lexicon) -> list[Candidate]:
    """Triggers of a headline whose verb the parser tagged as another part of speech (none
    when the sentence is no headline); only words before the first verbal trigger already
    ``found`` are tried ("... expel diplomats as row over killing deepens")."""
    if not is_headline(sent):
        return []
    _verbless(sent, found, finder, lex)
    out: list[Candidate] = _event_subject(sent, found, finder, lex)
    stop = min((c.head.i for c in found if c.kind == "verb"), default=sent.end)
    for token in sent.doc[sent.start:stop]:
        if token.i == sent.start or token.pos_ not in ("NOUN", "ADJ", "PROPN") or token.ent_type_:
            continue
        if any(t.tag_ in FINITE_TAGS for t in sent.doc[sent.start:token.i]):
            break                                # the headline's verb came earlier
        entry = next((lex.verbs[s] for s in _stems(token) if s in lex.verbs), None)
        if entry is None or entry.type is None:
            continue
        if any(c.dep_ == "nsubj" for c in token.children) and any(c.dep_ == "dobj" for c in token.children):
            cand = finder.verb(token)            # "Protesters storm parliament": the tree holds
            if cand is not None:
                out.append(cand)
            continue
        found = _flat(sent, token, entry.type, entry.mode, finder)
        if found is not None:
            out.append(found)
    return out


def _flat(sent: Span, token: Token, kind: str, mode: Optional[str], finder: TriggerFinder) -> Optional[Candidate]:
    """A candidate read from the word order: subject before, object after."""
    subjects = _subject(sent, token.i, finder)
    if not subjects:
        return None
    cand = Candidate(token, token, "verb", kind, mode, token.i, token.i + 1)
    cand.sources, cand.targets, cand.preset = subjects, _object(sent, token.i), True
    cand.fixed_status = "asserted"                 # a headline's present tense tells what happened
    return cand


def _verbless(sent: Span, found: list[Candidate], finder: TriggerFinder, lex: Lexicon) -> None:
    """"Xi in Moscow for talks with Putin": in a headline whose root is a named actor and that
    has no verb, an event noun under the root without an actor of its own is the root's."""
    root, args = sent.root, finder.args
    if root.pos_ != "PROPN" or any(t.pos_ in ("VERB", "AUX") for t in sent) or not args.actorish(root):
        return
    for cand in found:
        if cand.kind != "noun" or cand.preset or cand.head is root or cand.head not in root.subtree:
            continue
        sources, targets = args.noun_args(cand.head, lex.lemma(cand.head) in lex.cls("patient_nouns"))
        if not sources:
            cand.sources, cand.targets, cand.preset = args.expand([root]), targets, True


def _event_subject(sent: Span, found: list[Candidate], finder: TriggerFinder, lex: Lexicon) -> list[Candidate]:
    """"Riots rock Nairobi slums", "Airstrikes pound towns in Idlib": the small model reads an
    occurrence verb after a headline's event noun as one more noun. An event noun that ends the
    headline's first noun phrase, right before a word spelt as an occurrence verb (its base or -s
    form) that the parser did not take for a verb, is the event: its own modifiers name who did
    it, the noun phrase after that word what it struck (none for a protest: that is its place)."""
    doc = sent.doc
    for token in sent:
        if token.pos_ not in NP_POS and token.text != "-":
            break
        after = doc[token.i + 1] if token.i + 1 < sent.end else None
        if after is None or after.pos_ in ("VERB", "AUX") or token.pos_ != "NOUN" or \
                not any(stem in lex.occurrence_verbs for stem in _stems(after)):
            continue
        if after.dep_ == "compound" or after.head.i > after.i:
            continue   # "Protest halt call ignored": the verb-like word is a noun modifier
        if any(c.head.i == token.i for c in found):
            return []
        cand = finder.noun(token)
        if cand is None:
            return []
        sources, _ = finder.args.noun_args(token, lex.lemma(token) in lex.cls("patient_nouns"))
        struck = _object(sent, after.i)
        while struck and struck[0].dep_ in ("compound", "amod", "npadvmod", "nmod") and struck[0].head.i > struck[0].i:
            struck = [struck[0].head]            # "rebel-held towns": the towns
        if struck and not finder.args.actorish(struck[0]):   # "towns in Idlib", "Odesa port warehouses": the place
            struck = [t for t in struck[0].subtree if t.ent_type_ in ("GPE", "LOC", "FAC") or (
                t.pos_ == "PROPN" and named_place_country(t.text))][:1] or struck
        cand.anchor, cand.sources, cand.preset, cand.fixed_status = after, sources, True, "asserted"
        cand.targets = struck if cand.type != "PROTEST" else []
        return [cand]
    return []
