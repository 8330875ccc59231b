"""Who gave a figure: "according to the police", "the separatists said".

Why a separate module: the source of a figure is what lets analysts set the
police's crowd count beside the organisers'. Three places are read, nearest
first: an "according to X" phrase, the subject of a reporting verb the
figure's clause depends on, and the speaker of a quote holding the figure.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.records import Attribution
from newsgraph.extract.claims.lexicon import ClaimLexicon
from newsgraph.extract.claims.measure import looks_like_people
from newsgraph.extract.mentions import actor_at

_CUT_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "prep", "parataxis", "ccomp"}
MAX_SOURCE_TOKENS = 10


@dataclass
class Source:
    """A stretch of the sentence naming whoever gave figures."""

    start: int          # token index (inclusive)
    end: int            # token index (exclusive)
    cue_start: int      # first token of "according to", or of the phrase itself


def source_phrase(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``, without clauses.

    Keeps determiners, numbers, compounds and "of" phrases ("the spokesman
    of the ministry"); drops relative clauses, appositions and other
    prepositions, so "Police in the Belgian capital" gives "Police".
    """
    keep = {tok.i}
    stack = [tok]
    while stack:
        cur = stack.pop()
        for child in cur.children:
            if child.dep_ in _CUT_DEPS and not (child.dep_ == "prep" and child.lower_ == "of"):
                if not (child.dep_ in ("cc", "conj") and cur.i == tok.i and child.pos_ in ("CCONJ", "NOUN", "PROPN")):
                    continue
            keep.add(child.i)
            stack.append(child)
    lo, hi = min(keep), max(keep) + 1
    # keep it contiguous from the head outwards
    while lo < tok.i and lo not in keep:
        lo += 1
    while hi - 1 > tok.i and (hi - 1) not in keep:
        hi -= 1
    doc = tok.doc
    while hi > lo + 1 and doc[hi - 1].is_punct:
        hi -= 1
    while lo < hi - 1 and doc[lo].is_punct:
        lo += 1
    if hi - lo > MAX_SOURCE_TOKENS:
        lo = max(lo, tok.i - MAX_SOURCE_TOKENS + 1)
        hi = min(hi, tok.i + 1)
    return lo, hi


def according_phrases(sent: SpacySpan) -> list[Source]:
    """Every "according to X" in the sentence, in order."""
    doc, out = sent.doc, []
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if objs:
            lo, hi = source_phrase(objs[0])
        else:  # a parse without the object: take the next noun phrase
            hi = tok.i + 2
            while hi < sent.end and not doc[hi].is_punct and hi - tok.i < 8 and doc[hi].pos_ not in ("VERB", "AUX"):
                hi += 1
            lo = tok.i + 2
        if hi > lo:
            out.append(Source(lo, hi, tok.i))
    return out


def _reporting_subject(tok: Token, lex: ClaimLexicon, skip: set[int]) -> Optional[tuple[int, int]]:
    """Subject of a reporting verb the token's clause depends on, as a token range."""
    cur, seen = tok, 0
    candidates = []
    while cur.head.i != cur.i and seen < 8:
        cur = cur.head
        seen += 1
        candidates.append(cur)
    root = cur
    candidates += [c for c in root.children if c.dep_ in ("parataxis", "advcl", "ccomp") and c.i > tok.i]
    for verb in candidates:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lex.reporting_verbs:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in skip]
        if subjects and can_give_figures(subjects[0], lex):
            return source_phrase(subjects[0])
    return None


def can_give_figures(tok: Token, lex: ClaimLexicon) -> bool:
    """A name, pronoun, people or a body that issues figures ("the attack" is not)."""
    if tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return tok.lemma_.lower() in lex.sources or looks_like_people(tok, lex)


def attribute(doc: Doc, sent: SpacySpan, head: int, span_end: int, lex: ClaimLexicon,
              according: list[Source], own_tokens: set[int]) -> tuple[Optional[Attribution], Optional[tuple[int, int]]]:
    """Who gave the figure whose head token is ``head``.

    Args:
        doc: the parsed document.
        sent: the figure's sentence.
        head: token index carrying the figure.
        span_end: token index just after the figure's phrase.
        lex: the loaded claims lexicon.
        according: ``according_phrases(sent)``.
        own_tokens: token indices of the counted phrase (never its own source).
    Returns:
        ``(Attribution or None, (start_char, end_char) of the source or None)``.
    """
    rng = None
    after = [s for s in according if s.cue_start >= span_end]
    before = [s for s in according if s.end <= head]
    if after:
        rng = (after[0].start, after[0].end)
    elif before:
        rng = (before[-1].start, before[-1].end)
    else:
        rng = _reporting_subject(doc[head], lex, own_tokens)
    if rng is not None:
        start, end = doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text)
        actor = actor_at(doc, start, end)
        return Attribution(_text_of(doc, rng[0], rng[1]), actor.id if actor else None), (start, end)
    return _quote_speaker(doc, doc[head].idx)


def _text_of(doc: Doc, start_tok: int, end_tok: int) -> str:
    """The characters of tokens [start_tok, end_tok) (``doc.text`` is rebuilt on every call)."""
    span = doc[start_tok:end_tok]
    return span.text


def _quote_speaker(doc: Doc, char: int) -> tuple[Optional[Attribution], Optional[tuple[int, int]]]:
    """The speaker of the quote whose content holds character ``char``."""
    for quote in doc._.ng_quotes or []:
        content, speaker = getattr(quote, "content", None), getattr(quote, "speaker", None)
        if content is None or speaker is None:
            continue
        if content.start <= char < content.end:
            span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
            text = span.text if span is not None else speaker.text
            return Attribution(text, getattr(speaker, "actor", None)), (speaker.start, speaker.end)
    return None, None
