"""Numbers in an event's sentence: the dead, the injured and crowd sizes.

Why this module exists: PLOVER events carry magnitudes (``dead``,
``injured``, ``size``) and news gives them in many shapes: "at least 27
dead", "more than 200 injured", "killing 156 people", "claimed 29 lives",
"Some 10,000 people rallied", "a thousand", "tens of thousands". This module
reads the number phrases of one sentence from the parse (no regex over the
text) and says what each one counts. Which event gets which figure is decided
in ``events.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.prefilter import sentence_words

_DIGITS = re.compile(r"^\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


@dataclass
class Quantity:
    """One number phrase: its value, what it counts and where it sits.

    ``kind`` is ``dead``, ``injured`` or None (a plain count); ``counted`` is
    the token index of the noun (or number) that carries the phrase in the
    parse, which events match against their source and target heads.
    """

    value: int
    kind: Optional[str]
    counted: int
    start: int
    end: int


def _word_value(token: Token, lex: Lexicon) -> Optional[float]:
    """The numeric value of one token ("27", "10,000", "thousand", "thousands")."""
    text = token.text.lower()
    if _DIGITS.match(text):
        try:
            return float(re.sub(r"[,\u202f\u00a0 ]", "", text))
        except ValueError:
            return None
    if text in lex.vague_numbers:
        return float(lex.vague_numbers[text])
    if text in lex.numbers:
        return float(lex.numbers[text])
    return None


def _is_number(token: Token, lex: Lexicon) -> bool:
    """Whether a token can be part of a number phrase."""
    return _number_word(token.text.lower(), lex)


def _number_word(text: str, lex: Lexicon) -> bool:
    """``_is_number`` on a lower-case word (also read by the sentence-level early exit)."""
    if text in ("a", "an", "one"):
        return text == "one"
    return bool(_DIGITS.match(text)) or text in lex.numbers or text in lex.vague_numbers


def number_phrase(sent: Span, i: int, lex: Lexicon) -> Optional[tuple[int, int, int]]:
    """The number phrase holding token ``i``: (value, first index, last index).

    Handles digits with separators, number words ("two hundred", "a
    thousand"), vague plurals ("thousands") and their multiples ("tens of
    thousands" = 20,000), and "1.5 million". Returns None when ``i`` is not
    part of a number.
    """
    doc = sent.doc
    if not _is_number(doc[i], lex):
        return None
    first = i
    while first - 1 >= sent.start and _is_number(doc[first - 1], lex):
        first -= 1
    if first - 1 >= sent.start and doc[first - 1].lower_ in ("a", "an") and \
            doc[first].lower_ in _MULTIPLIERS | {"dozen": 12, "score": 20}:
        first -= 1
    last = i
    while last + 1 < sent.end and (_is_number(doc[last + 1], lex) or (
            doc[last + 1].lower_ in ("of", "and") and last + 2 < sent.end
            and (doc[last + 2].lower_ in ("thousands", "millions", "hundreds", "thousand", "million")
                 or (doc[last].lower_ == "hundred" and _is_number(doc[last + 2], lex))))):
        last += 2 if doc[last + 1].lower_ in ("of", "and") else 1
    total, current = 0.0, 0.0
    for token in doc[first:last + 1]:
        low = token.lower_
        if low in ("a", "an"):
            current = current or 1.0
            continue
        if low in ("of", "and"):
            continue
        value = _word_value(token, lex)
        if value is None:
            continue
        base = _MULTIPLIERS.get(low) or _MULTIPLIERS.get(low.rstrip("s"))
        if base and low.endswith("s") and low in lex.vague_numbers and current:
            current *= base                      # "tens of thousands"
        elif base and not low.endswith("s"):
            current = (current or 1.0) * base
            if base >= 1000:
                total, current = total + current, 0.0
        else:
            current = current + value if current and value < 100 and current >= 20 and current % 10 == 0 else (
                current * value if current and value >= 100 else value)
    value = int(round(total + current))
    if value <= 0 or value > 100_000_000:
        return None
    return value, first, last


def _carrier(doc, first: int, last: int) -> Token:
    """The token that carries a number phrase in the parse (its noun, or the number)."""
    token = doc[last]
    if token.dep_ in ("nummod", "quantmod", "amod", "compound") and token.head.i > last:
        return token.head
    if token.head.lower_ == "of" and token.head.head.i > last:
        return token.head.head                   # "thousands of (people)" keeps "thousands"
    return token


def _toll(token: Token) -> bool:
    """Whether a number is what a death toll rose to ("the toll rose to 200")."""
    for ancestor in list(token.ancestors)[:3]:
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() == "toll" for c in ancestor.children):
            return True
    return False


def quantities(sent: Span, lex: Lexicon) -> list[Quantity]:
    """Every number phrase of the sentence, with what it counts.

    Args:
        sent: the sentence (a spaCy Span).
        lex: the event lexicon (number words, dead/injured word classes).
    Returns:
        ``Quantity`` objects in text order; years and times are skipped.
    """
    if not any(_number_word(w, lex) for w in sentence_words(sent, lex)):
        return []                             # no word _is_number takes: no number phrase
    doc = sent.doc
    dead_words = lex.cls("dead")
    injured_words = lex.cls("injured")
    dead_verbs = lex.cls("dead_verbs")
    injured_verbs = lex.cls("injured_verbs")
    out: list[Quantity] = []
    i = sent.start
    while i < sent.end:
        token = doc[i]
        if token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL") or not _is_number(token, lex):
            i += 1
            continue
        found = number_phrase(sent, i, lex)
        if found is None:
            i += 1
            continue
        value, first, last = found
        i = last + 1
        carrier = _carrier(doc, first, last)
        kind = None
        following = [t for t in doc[carrier.i + 1:min(carrier.i + 3, sent.end)] if not t.is_punct]
        if lex.lemma(carrier) in dead_words or carrier.lower_ in dead_words:
            kind = "dead"
        elif lex.lemma(carrier) in injured_words or carrier.lower_ in injured_words:
            kind = "injured"
        elif following and following[0].lower_ in dead_words:
            kind = "dead"
        elif following and following[0].lower_ in injured_words:
            kind = "injured"
        else:
            head = carrier.head
            if carrier.dep_ in ("nsubjpass", "dobj", "nsubj", "pobj") or head.dep_ == "conj":
                lemma = lex.lemma(head)
                if lemma in dead_verbs and not (carrier.dep_ == "nsubj" and lemma != "die"):
                    kind = "dead"
                elif lemma in injured_verbs and carrier.dep_ != "nsubj":
                    kind = "injured"
                elif carrier.dep_ == "nsubj" and lemma in ("die", "perish"):
                    kind = "dead"
            if kind is None and _toll(carrier):
                kind = "dead"
        out.append(Quantity(value, kind, carrier.i, doc[first].idx, doc[last].idx + len(doc[last])))
    return out
