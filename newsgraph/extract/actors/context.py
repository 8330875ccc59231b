"""Reading the parse around a mention: acting or place, who qualifies it.

"Paris condemned" is the French government, "a rally in Paris" is a place;
"Azerbaijani forces" belong to Azerbaijan, "police in the Belgian capital" to
Belgium. These questions are answered from spaCy's dependency parse only (no
re-parsing); the small word lists they use describe English grammar, not any
actor, and live in ``knowledge/data/actor_context.yaml`` like every other word list.
"""
from __future__ import annotations

import os
import re
from typing import Optional

from spacy.tokens import Doc, Token
from newsgraph.extract.extensions import doc_text
from newsgraph.knowledge.loader import KnowledgeError, merged


def _word_lists() -> dict[str, frozenset[str]]:
    """Each section of ``actor_context.yaml`` as a set of lower-case words: the shipped file plus
    users' files named in ``NEWSGRAPH_ACTOR_CONTEXT`` (separated by ``:``), lists appended."""
    data = merged(_FILE, [p for p in os.environ.get("NEWSGRAPH_ACTOR_CONTEXT", "").split(":") if p])
    out: dict[str, frozenset[str]] = {}
    for name, section in data.items():
        if not isinstance(section, dict) or "words" not in section or "why" not in section:
            raise KnowledgeError(f"{_FILE}: section {name!r} needs 'why' and 'words'")
        out[name] = frozenset(str(w).lower() for w in section["words"] or [])
    return out


_FILE = "actor_context.yaml"
_WORDS = _word_lists()
PLACE_PREPS = _WORDS["place_preps"]              # "in Paris", "arrived at the Kremlin"
PLACE_NOUNS = _WORDS["place_nouns"]              # "Baku's prisons"
PLACE_VERBS = _WORDS["place_verbs"]              # "visited Moscow", "shelled Kyiv"
ADDRESSEE_HEADS = _WORDS["addressee_heads"]      # "protested to Beijing": whom, not where
SETTLEMENT_NOUNS = _WORDS["settlement_nouns"]    # "the village of Nerkin Hand"
POSSESSIVE = {"'s", "’s", "'", "’"}


def span_head(doc: Doc, first: int, last: int) -> Token:
    """The token of ``doc[first:last]`` whose head lies outside the span.

    Args:
        doc: the parsed Doc.
        first, last: token range (``last`` exclusive).
    Returns:
        The syntactic head of the range (its last token if the parse is flat).
    """
    for token in doc[first:last]:
        if not first <= token.head.i < last or token.head.i == token.i:
            return token
    return doc[last - 1]


def _governing_prep(token: Token) -> Optional[Token]:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.pos_ in ("ADP", "SCONJ"):
        return token.head
    return None


def acts_as_actor(doc: Doc, first: int, last: int) -> bool:
    """Whether a place-like name (capital, seat) acts or speaks here.

    Acting: subject ("Baku denounced"), object of a non-motion verb ("urged
    Moscow"), agent ("denounced by Paris"), possessor of a non-place noun
    ("Paris' condemnation"), object of with/against/on ("complicity with
    Baku"). A place: object of a locative preposition ("in Yerevan"),
    modifier of a noun ("a Paris rally"), owner of a place noun ("Baku's
    prisons"), object of a motion verb ("arrived in", "visited").

    Args:
        doc: the parsed Doc.
        first, last: the token range of the name.
    Returns:
        True when the name stands for its government or body.
    """
    if first > 0 and doc[first - 1].lower_ == "to" and doc[first - 1].head.lemma_.lower() in ADDRESSEE_HEADS:
        return True   # "protested to Beijing": the one addressed
    if first > 0 and doc[first - 1].lower_ in PLACE_PREPS:
        return False
    if first > 1 and doc[first - 1].lower_ == "the" and doc[first - 2].lower_ in PLACE_PREPS:
        return False
    head = span_head(doc, first, last)
    after = doc[last] if last < len(doc) else None
    if head.dep_ == "poss" or (after is not None and after.text in POSSESSIVE):
        owned = head.head if head.dep_ == "poss" else (doc[last + 1] if last + 1 < len(doc) else None)
        return owned is None or owned.lower_ not in PLACE_NOUNS
    token = head
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    prep = _governing_prep(token)
    if prep is not None:
        word = prep.lower_
        if word == "by" or prep.dep_ == "agent":
            return True
        if word in PLACE_PREPS:
            return False
        if word == "of":
            return prep.head.lower_ not in PLACE_NOUNS
        return True
    dep = token.dep_
    if dep in ("nsubj", "nsubjpass", "csubj", "iobj", "dative"):
        return True
    if dep == "dobj":
        return token.head.lemma_.lower() not in PLACE_VERBS
    return False


def is_place_use(doc: Doc, first: int, last: int) -> bool:
    """Whether a name is used as a location: "in Goris", "the village of Nerkin Hand"."""
    if first > 0 and doc[first - 1].lower_ in PLACE_PREPS - {"to"}:
        return True
    prep = _governing_prep(span_head(doc, first, last))
    return prep is not None and prep.lower_ == "of" and prep.head.lower_ in SETTLEMENT_NOUNS


def is_subject(token: Token) -> bool:
    """Whether the token (or the conjunct it hangs on) is a clause subject."""
    while token.dep_ in ("conj", "appos", "compound", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass", "csubj") or (
        token.dep_ == "pobj" and token.head.dep_ == "agent")


def quote_regions(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, paired left to right.

    Straight double quotes alternate open/close; curly quotes and guillemets
    pair by shape. A quote left open ends at the next blank line.

    Args:
        doc: the Doc.
    Returns:
        Sorted ``(start, end)`` ranges of quoted text.
    """
    text = doc_text(doc)
    regions, start = [], None
    for match in re.finditer(r'["“”«»„]|\n\s*\n', text):
        mark, at = match.group(), match.start()
        if mark[0] == "\n":
            if start is not None:
                regions.append((start, at))
                start = None
        elif mark == '"':
            if start is None:
                start = at
            else:
                regions.append((start, at))
                start = None
        elif mark in "“«„":
            start = at if start is None else start
        elif start is not None:
            regions.append((start, at))
            start = None
    if start is not None:
        regions.append((start, len(text)))
    return regions


def inside(regions: list[tuple[int, int]], char: int) -> bool:
    """Whether a character offset lies inside one of the (sorted) regions."""
    lo, hi = 0, len(regions)
    while lo < hi:
        mid = (lo + hi) // 2
        if regions[mid][1] < char:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(regions) and regions[lo][0] <= char <= regions[lo][1]


ZONE_STOP_POS = {"DET", "ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PRON", "NUM", "PUNCT", "SYM", "X", "SPACE", "INTJ"}


def _compound_words() -> frozenset[str]:
    """Words after "X-" that the modifier zone reads across ("Yerevan-based", "Saudi-led",
    "Iran-backed"): ``owner_words``, ``backer_words`` and ``base_words`` of demonyms.yaml."""
    from newsgraph.extract.actors.lexicon import default_lexicon   # lexicon is built lazily, once
    lex = default_lexicon()
    return frozenset(lex.owner_words | lex.backer_words | lex.base_words)


def prenominal_zone(doc: Doc, first: int, limit: int = 5) -> int:
    """Start of the run of modifiers right before token ``first``.

    Walks left over adjectives, proper nouns, compound nouns, possessive
    markers ("Armenia's") and word-internal hyphens ("Yerevan-based"), and
    stops at a determiner, preposition, verb, punctuation or line break.

    Args:
        doc: the Doc.
        first: index of the first token of the noun (or title) being modified.
        limit: at most this many tokens are taken.
    Returns:
        The index of the leftmost modifier (``first`` when there is none).
    """
    i = first - 1
    sent_start = doc[first].sent.start if first < len(doc) else 0
    while i >= max(sent_start, first - limit):
        tok = doc[i]
        if "\n" in tok.whitespace_ or "\n" in tok.text:
            break
        if tok.text in POSSESSIVE and tok.tag_ == "POS" or tok.text in ("'s", "’s"):
            i -= 1
            continue
        if tok.text == "-" and not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_:
            i -= 1
            continue
        if (tok.lower_ in _compound_words() or tok.tag_ == "VBN") and i > 0 \
                and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:   # "Iran-funded", "US-armed"
            i -= 1
            continue
        if tok.pos_ in ZONE_STOP_POS and tok.lower_ not in ("u.s.", "u.n.", "u.k."):
            break
        i -= 1
    return i + 1
