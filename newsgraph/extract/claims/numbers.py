"""Find figures in a sentence and read their value, range and qualifier.

Why a separate module: "more than a thousand", "between 100 and 150",
"tens of thousands", "some 7,000" and "\"nearly 5,000\"" are all one figure
each; reading them is independent of what they count (``claim_measure``)
and of who gave them (``claim_attribution``). Works on the tokens spaCy
already made, never re-tokenising.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.extract.claims.lexicon import ClaimLexicon

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DASH_RANGE = re.compile(r"^(\d[\d,.]*)[-–](\d[\d,.]*)$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_SKIP_BEFORE = {'"', "“", "”", "'", "‘", "’", "(", "«"}
_CURRENCY = {"$", "€", "£", "¥", "us$", "usd", "eur", "gbp", "rs", "₹"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
           "sept", "oct", "nov", "dec"}
_NON_COUNT_ENTS = {"DATE", "TIME", "PERCENT", "ORDINAL", "MONEY", "QUANTITY"}


@dataclass
class Figure:
    """One figure in the text: tokens, value and how it is qualified.

    ``start``/``end`` are token indices of the whole phrase (qualifier
    included); ``num_start``/``num_end`` of the number words only; ``head``
    is the token that carries the figure in the parse.
    """

    start: int
    end: int
    num_start: int
    num_end: int
    head: int
    value: float
    value_max: Optional[float] = None
    qualifier: str = "exact"
    vague: bool = False


def digit_value(text: str) -> Optional[float]:
    """The value of ``7,000`` or ``1.5``; None when not a plain figure."""
    if not _DIGITS.match(text):
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def words_value(words: list[str], lex: ClaimLexicon) -> Optional[float]:
    """The value of written numbers ("a thousand", "two hundred and fifty", "1.5 million")."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word in ("and", "-"):
            continue
        value = digit_value(word)
        if value is not None:
            current += value
            seen = True
        elif word in lex.numbers:
            current += lex.numbers[word]
            seen = True
        elif word in lex.scales:
            scale = lex.scales[word]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def _is_num_word(tok: Token, lex: ClaimLexicon) -> bool:
    low = tok.lower_
    if low in ("a", "an"):
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ in lex.scales
    return digit_value(low) is not None or low in lex.numbers or low in lex.scales


def _match_vague(sent: SpacySpan, i: int, lex: ClaimLexicon) -> tuple[int, float] | None:
    """(end token index, value) of the longest vague plural starting at token i."""
    doc, best = sent.doc, None
    for words, value in _vague_by_first(lex).get(doc[i].lower_, ()):
        end = i + len(words)
        if end <= sent.end and tuple(t.lower_ for t in doc[i:end]) == words:
            if best is None or end > best[0]:
                best = (end, value)
    return best


_VAGUE_INDEX: dict[int, tuple[ClaimLexicon, dict[str, list[tuple[tuple[str, ...], float]]]]] = {}


def _vague_by_first(lex: ClaimLexicon) -> dict[str, list[tuple[tuple[str, ...], float]]]:
    """The lexicon's vague phrases keyed by first word, so most tokens are ruled out by one lookup."""
    cached = _VAGUE_INDEX.get(id(lex))
    if cached is None or cached[0] is not lex:
        index: dict[str, list[tuple[tuple[str, ...], float]]] = {}
        for words, value in lex.vague.items():
            index.setdefault(words[0], []).append((words, value))
        cached = _VAGUE_INDEX[id(lex)] = (lex, index)
    return cached[1]


def _number_run(sent: SpacySpan, i: int, lex: ClaimLexicon) -> int:
    """End (exclusive) of the run of number words starting at token i."""
    doc, j = sent.doc, i
    while j < sent.end:
        tok = doc[j]
        if _is_num_word(tok, lex):
            j += 1
            continue
        # "two hundred and fifty", "twenty-five": a joiner between number words
        if tok.lower_ in ("and", "-") and j > i and j + 1 < sent.end and doc[j + 1].lower_ in lex.numbers \
                and doc[j - 1].lower_ in set(lex.numbers) | set(lex.scales) and doc[j + 1].lower_ not in ("a", "an"):
            j += 1
            continue
        break
    # "1,000 or 2,000" must not eat the second figure; digits followed by digits are two figures
    k = i + 1
    while k < j:
        if digit_value(doc[k].lower_) is not None and digit_value(doc[k - 1].lower_) is not None:
            return k
        k += 1
    return j


def _qualifier_before(sent: SpacySpan, start: int, lex: ClaimLexicon) -> tuple[int, str] | None:
    """(first token index, qualifier) of a qualifier phrase ending at ``start``."""
    doc, j = sent.doc, start
    while j > sent.start and doc[j - 1].text in _SKIP_BEFORE:
        j -= 1
    for size in range(lex.max_qualifier_len, 0, -1):
        first = j - size
        if first < sent.start:
            continue
        words = tuple(t.lower_ for t in doc[first:j])
        if words in lex.qualifiers:
            return first, lex.qualifiers[words]
    return None


def _qualifier_after(sent: SpacySpan, end: int, lex: ClaimLexicon) -> tuple[int, str] | None:
    doc = sent.doc
    for words, qualifier in lex.after_qualifiers.items():
        start = end + (1 if end < sent.end and doc[end].text == "-" else 0)
        stop = start + len(words)
        if stop <= sent.end and tuple(t.lower_ for t in doc[start:stop]) == words:
            return stop, qualifier
    return None


def _range_end(sent: SpacySpan, end: int, low: float, opened: str | None,
               lex: ClaimLexicon) -> tuple[int, float, int] | None:
    """A second figure closing a range after ``end``: (end, value, head index)."""
    doc = sent.doc
    if end >= sent.end - 1:
        return None
    joiner = doc[end].lower_
    allowed = {"between": ("and",), "from": ("to", "-", "–")}.get(opened or "", ("to", "-", "–", "or"))
    if joiner not in allowed:
        return None
    j = end + 1
    if not _is_num_word(doc[j], lex):
        return None
    stop = _number_run(sent, j, lex)
    high = words_value([t.lower_ for t in doc[j:stop]], lex)
    if high is None or high <= low:
        return None
    return stop, high, stop - 1


def _excluded(sent: SpacySpan, fig: Figure, lex: ClaimLexicon) -> bool:
    """True for figures that are not counts: years, ages, units, money, ids."""
    doc = sent.doc
    first, last = doc[fig.num_start], doc[fig.num_end - 1]
    after = doc[fig.end] if fig.end < sent.end else None
    after_low = (after.lemma_.lower(), after.lower_) if after is not None else ("", "")
    before = doc[fig.start - 1] if fig.start > sent.start else None
    # followed by a unit (years, %, km, money) or by "-year-old", "-day"
    nxt = [doc[k] for k in range(fig.num_end, min(fig.num_end + 3, sent.end))]
    if any(t.lemma_.lower() in lex.units or t.lower_ in lex.units for t in nxt[:1]):
        return True
    if len(nxt) >= 2 and nxt[0].text == "-" and (nxt[1].lemma_.lower() in lex.units or nxt[1].lower_ in lex.units):
        return True
    if before is not None and before.lower_ in _CURRENCY or after is not None and after.lower_ in _CURRENCY:
        return True
    # a year: four digits, not followed by a counted noun; "from 2001 to 2014"
    if fig.num_end - fig.num_start == 1 and _YEAR.match(first.text) and not _counts_people(after, lex):
        return True
    if fig.value_max is not None and _YEAR.match(str(int(fig.value))) and _YEAR.match(str(int(fig.value_max))) \
            and "," not in doc[fig.num_start:fig.num_end].text:
        return True
    # a day of a month: "Feb. 13", "September 19", "13 February"
    if before is not None and before.lower_.rstrip(".") in _MONTHS or \
            after is not None and after.lower_.rstrip(".") in _MONTHS:
        return True
    # a ratio: "eight of 10 voters", "1 in 4 residents"
    if before is not None and before.lower_ in ("of", "in", "out") and fig.start - 2 >= sent.start \
            and doc[fig.start - 2].like_num:
        return True
    # an identifier: "Article 14", "Resolution 2334", "town 12", "flight 370"
    if before is not None and before.lower_ in lex.identifiers:
        return True
    if before is not None and before.tag_ in ("NN", "NNP") and fig.num_end - fig.num_start == 1 \
            and fig.qualifier == "exact" and fig.value_max is None \
            and (after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB")):
        return True
    # an age: "Annabelle Jallud, 38, president"
    if before is not None and before.text == "," and fig.start - 2 >= sent.start \
            and doc[fig.start - 2].pos_ == "PROPN" and (after is None or after.text in (",", ")", ".")) \
            and fig.value < 120 and not fig.vague:
        return True
    if before is not None and before.lower_ in ("aged", "age"):
        return True
    # inside a date, time or percentage entity, unless it plainly counts people
    if last.ent_type_ in _NON_COUNT_ENTS and not _counts_people(after, lex) \
            and not (last.ent_type_ not in ("DATE", "TIME") and after_low[0] in lex.cues):
        return True
    # "one of the organizers", "one day": a pronoun use of "one"
    if fig.value == 1 and first.lower_ == "one" and after is not None and after.lower_ in ("of", "another", "side"):
        return True
    return False


def _counts_people(tok: Token | None, lex: ClaimLexicon) -> bool:
    if tok is None:
        return False
    return tok.lemma_.lower() in lex.people or tok.lower_ in lex.people or tok.lemma_.lower() in lex.cues


def find_figures(sent: SpacySpan, lex: ClaimLexicon) -> list[Figure]:
    """Every figure in one sentence, in text order, years/ages/units left out.

    Args:
        sent: a sentence of a parsed Doc.
        lex: the loaded claims lexicon.
    Returns:
        ``Figure`` objects (token indices into ``sent.doc``).
    """
    found: list[Figure] = []
    vague, resume = _vague_by_first(lex), sent.start
    for tok in sent:
        i = tok.i
        # only a vague phrase, a dashed range or a number word can open a figure:
        # test those cheaply before the full reading
        if i < resume or not (tok.lower_ in vague or _DASH_RANGE.match(tok.text) or _is_num_word(tok, lex)):
            continue
        fig = _figure_at(sent, i, lex)
        if fig is None:
            continue
        if not _excluded(sent, fig, lex):
            found.append(fig)
        resume = max(fig.end, i + 1)
    return found


def _figure_at(sent: SpacySpan, i: int, lex: ClaimLexicon) -> Optional[Figure]:
    doc = sent.doc
    tok = doc[i]
    vague = _match_vague(sent, i, lex)
    if vague is not None:
        end, value = vague
        fig = Figure(i, end, i, end, _vague_head(doc, i, end), value, None, "at_least", True)
        qual = _qualifier_before(sent, i, lex)
        if qual is not None:
            fig.start = qual[0]
        return fig
    dashed = _DASH_RANGE.match(tok.text)
    if dashed:
        low, high = digit_value(dashed.group(1)), digit_value(dashed.group(2))
        if low is None or high is None or high <= low:
            return None
        fig = Figure(i, i + 1, i, i + 1, i, low, high, "range")
        _opening(sent, fig, lex)
        return fig
    if not _is_num_word(tok, lex) or tok.lower_ in lex.scales and tok.lower_ != "dozen":
        return None
    end = _number_run(sent, i, lex)
    value = words_value([t.lower_ for t in doc[i:end]], lex)
    if value is None:
        return None
    fig = Figure(i, end, i, end, end - 1, value)
    opened = _opening(sent, fig, lex)
    closing = _range_end(sent, end, value, opened, lex)
    if closing is not None:
        fig.end, fig.value_max, fig.qualifier = closing[0], closing[1], "range"
        fig.num_end = closing[0]
        if opened == "from" and fig.start > sent.start and doc[fig.start - 1].pos_ in ("VERB", "AUX"):
            # "the toll rose from 10 to 20": a change, the figure is the new value
            fig.value, fig.value_max, fig.qualifier = closing[1], None, "exact"
            fig.head = closing[2]
            fig.start = fig.num_start = _run_start(sent, closing[2], lex)
    elif opened:
        fig.start = i  # "between 100" with no "and ...": not a range after all
    after = _qualifier_after(sent, fig.end, lex)
    if after is not None and fig.qualifier == "exact":
        fig.end, fig.qualifier = after
    return fig


def _run_start(sent: SpacySpan, last: int, lex: ClaimLexicon) -> int:
    """First token of the run of number words ending at token ``last``."""
    k = last
    while k - 1 >= sent.start and _is_num_word(sent.doc[k - 1], lex):
        k -= 1
    return k


def _opening(sent: SpacySpan, fig: Figure, lex: ClaimLexicon) -> str | None:
    """Attach the qualifier or range opener written before the figure."""
    doc = sent.doc
    if fig.num_start > sent.start and doc[fig.num_start - 1].lower_ in ("between", "from"):
        opener = doc[fig.num_start - 1].lower_
        fig.start = fig.num_start - 1
        return opener
    qual = _qualifier_before(sent, fig.num_start, lex)
    if qual is not None:
        fig.start, fig.qualifier = qual
    return None


def _vague_head(doc, start: int, end: int) -> int:
    """The token of "tens of thousands" the parse hangs the phrase on."""
    for k in range(end - 1, start - 1, -1):
        if doc[k].head.i < start or doc[k].head.i >= end:
            return k
    return end - 1
