"""Plural pronouns that point back to one group: "The Houthis seized a ship. They said ...".

Why this module exists: the he/she/it coreference of ``coref.py`` leaves "they",
"them" and "their" alone, so an armed group, a party or a set of officials named
once and then referred to by a pronoun loses its actor there. Issue 11's rule
holds here: a pronoun is resolved only when the antecedent is clear, i.e. exactly
one plural group or organisation named earlier in the same sentence or the one
before it (agreement: the antecedent's head word is a plural noun, "Houthi rebels",
"Kurdish fighters", or the group is an armed movement, which English news calls
"they" whatever its name: "the Houthis", "the Taliban", "Hamas"). Pronouns inside quotations are left alone:
a speaker's "they" usually means someone else.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from newsgraph.extract import pronouns
from newsgraph.extract.actors.context import inside
from newsgraph.extract.actors.mentions import Mention

PLURAL = pronouns.words("plural")
_KINDS = ("group", "organization")
_ARMED = {"REB", "MIL"}   # an armed movement is "they" whatever its name's number ("the Taliban", "Hamas")


def _plural_head(doc: Doc, start: int, end: int) -> bool:
    """Whether the mention over characters [start, end) ends in a plural noun."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[-1].tag_ in ("NNS", "NNPS")


def plural_mentions(doc: Doc, book, quotes: list[tuple[int, int]]) -> list[Mention]:
    """Mentions for "they"/"them"/"their" whose one clear antecedent is a plural group.

    Args:
        doc: the parsed Doc.
        book: the component's ``ActorBook`` (actors and their mentions so far).
        quotes: quoted character ranges of the article.
    Returns:
        New coreference mentions (not yet added to the book).
    """
    sents = list(doc.sents)
    sent_at = {}
    for n, sent in enumerate(sents):
        for tok in sent:
            sent_at[tok.i] = n
    spans = []   # (start, end, key, sentence number) of plural group mentions
    for key, ms in book.info.items():
        actor = book.by_id.get(key)
        if actor is None or actor.kind not in _KINDS:
            continue
        armed = actor.kind == "organization" and actor.sector in _ARMED
        for m in ms:
            if m.origin != "coref" and m.first < len(doc) and (armed or _plural_head(doc, m.start, m.end)):
                spans.append((m.start, m.end, key, sent_at.get(m.first, 0)))
    out = []
    for tok in doc:
        if tok.lower_ not in PLURAL or tok.pos_ not in ("PRON", "DET") or inside(quotes, tok.idx):
            continue
        if any(s <= tok.idx < e for s, e, _k, _n in spans):
            continue
        here = sent_at.get(tok.i, 0)
        keys = {k for s, _e, k, n in spans if s < tok.idx and here - 1 <= n <= here}
        key: Optional[str] = next(iter(keys)) if len(keys) == 1 else None
        if key is None:
            continue
        actor = book.by_id[key]
        out.append(Mention.over(doc, tok.i, tok.i + 1, kind=actor.kind, key=key, name=tok.text,
                                country=actor.country, sector=actor.sector, origin="coref", named=False,
                                person_like=False, subject=tok.dep_.startswith("nsubj")))
    return out
