"""Find which resolved actor a stretch of text refers to.

The actors component leaves ``doc._.ng_actors`` with every mention (names,
titles, pronouns, metonyms) as character offsets. Quotes, events and claims
all ask the same question, "who is this?", so the answer lives here once.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

from spacy.tokens import Doc, Span, Token

from newsgraph.records import Actor

_INDEX_KEY = "newsgraph_mention_index"


def mention_index(doc: Doc) -> list[tuple[int, int, Actor]]:
    """Every (start, end, actor) mention of the doc, sorted by start (cached)."""
    cached = doc.user_data.get(_INDEX_KEY)
    actors = doc._.ng_actors or []
    if cached is not None and cached[0] == id(actors) and cached[1] == sum(len(a.mentions) for a in actors):
        return cached[2]
    # Sort on offsets only: two actors may share a span, and Actors do not compare.
    index = sorted(((m[0], m[1], a) for a in actors for m in a.mentions), key=lambda m: (m[0], m[1]))
    starts = [m[0] for m in index]
    longest = max((m[1] - m[0] for m in index), default=0)
    doc.user_data[_INDEX_KEY] = (id(actors), sum(len(a.mentions) for a in actors), index, starts, longest)
    return index


def _window(doc: Doc, start: int, end: int) -> list[tuple[int, int, Actor]]:
    """Mentions that can overlap [start, end), found by bisection (long docs stay fast)."""
    index = mention_index(doc)
    _, _, _, starts, longest = doc.user_data[_INDEX_KEY]
    lo = bisect_left(starts, start - longest)
    hi = bisect_left(starts, end)
    return index[lo:hi]


def actors_in(doc: Doc, start: int, end: int) -> list[tuple[int, int, Actor]]:
    """Mentions lying inside [start, end), in text order."""
    return [m for m in _window(doc, start, end) if m[0] >= start and m[1] <= end]


def actor_at(doc: Doc, start: int, end: int) -> Optional[Actor]:
    """The actor best matching the characters [start, end), or None.

    A mention that covers the span wins; otherwise the mention overlapping it
    most (so "French President Emmanuel Macron" finds Macron through the name).
    """
    best, best_overlap = None, 0
    for m_start, m_end, actor in _window(doc, start, end):
        overlap = min(end, m_end) - max(start, m_start)
        if overlap <= 0:
            continue
        if m_start <= start and m_end >= end:
            overlap += end - start  # full cover beats partial overlap
        if overlap > best_overlap:
            best, best_overlap = actor, overlap
    return best


def actor_for_span(span: Span) -> Optional[Actor]:
    """``actor_at`` for a spaCy Span (token-aligned text)."""
    return actor_at(span.doc, span.start_char, span.end_char)


def actor_for_token(doc: Doc, i: int) -> Optional[Actor]:
    """The actor whose mention contains token ``i``, or None."""
    token = doc[i]
    return actor_at(doc, token.idx, token.idx + len(token.text))


def entity_range(token: Token) -> tuple[int, int]:
    """Token range [start, end) of the named entity ``token`` sits in (``token`` alone outside one)."""
    doc = token.doc
    if token.ent_iob_ == "O":
        return token.i, token.i + 1
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end
