"""A learned attribution tagger that runs beside the quote rules (off by default).

A small spaCy pipeline (own hash-embedding tok2vec plus a transition-based
``ner``) marks CONTENT, SOURCE and CUE spans, trained on fold A of PolNeAR's
train split by ``scripts/train_attribution.py``; its files ship in
``newsgraph/knowledge/models/attribution/`` and :func:`load_attribution_model`
is their only reader, so nothing is downloaded at run time.

The tagger reads a copy of the article's tokens with no sentence boundaries
(an attribution's content may run over several sentences) and no parse.
:func:`predict` groups its spans into attributions: each CONTENT span joins
the nearest CUE in its paragraph, several contents of one cue become the parts
of one report ("“A,” X said, “B.”"), and the cue takes the nearest SOURCE
beside it. ``component`` adds the attributions that hold no quotation marks
and share no letter with a rule quote, with speakers from the rules' own
speaker resolution. Both limits were measured on held-out fold-A articles: for
quoted speech and for the boundaries of reports the rules also found, the
rules score better than the model (figures: README, "Quotes: the learned
attribution tagger").
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

MODEL_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "models" / "attribution"
# Gold attribution key -> entity label of the tagger.
LABELS = {"content": "CONTENT", "source": "SOURCE", "cue": "CUE"}
_MAX_CUE_GAP = 40      # tokens between a content and its cue
_MAX_SOURCE_GAP = 4    # tokens between a cue and its source


@dataclass
class LearnedAttribution:
    """One attribution read off the tagger, as token ranges ``[start, end)`` of the Doc."""

    contents: list[tuple[int, int]]
    cue: tuple[int, int]
    source: Optional[tuple[int, int]] = None


class ModelMissing(RuntimeError):
    """The package was installed without the attribution model files."""


@functools.lru_cache(maxsize=2)
def load_attribution_model(path: str | None = None) -> Language:
    """The shipped tagger (cached per path), read from package data only.

    Raises:
        ModelMissing: when the folder holds no trained model.
    """
    import spacy

    folder = Path(path) if path else MODEL_DIR
    if not (folder / "config.cfg").is_file():
        raise ModelMissing(f"{folder}: no attribution model here (train it with scripts/train_attribution.py)")
    return spacy.load(folder)


def tag(model: Language, doc: Doc) -> list[tuple[str, int, int]]:
    """The tagger's ``(label, start, end)`` token spans over a copy of ``doc``'s tokens."""
    copy = Doc(model.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    for _, proc in model.pipeline:
        copy = proc(copy)
    return [(ent.label_, ent.start, ent.end) for ent in copy.ents]


def group(doc: Doc, spans: list[tuple[str, int, int]]) -> list[LearnedAttribution]:
    """Attributions from tagged spans: contents to the nearest cue, the cue to its source."""
    para = _paragraph_numbers(doc)
    cues = [(s, e) for label, s, e in spans if label == "CUE"]
    sources = [r for label, s, e in spans if label == "SOURCE" and (r := _unpunct(doc, (s, e))) is not None]
    by_cue: dict[tuple[int, int], LearnedAttribution] = {}
    for label, s, e in spans:
        if label != "CONTENT":
            continue
        near = [(_gap((s, e), c), c) for c in cues
                if para[c[0]] in (para[s], para[e - 1]) and _gap((s, e), c) <= _MAX_CUE_GAP]
        if not near:
            continue
        cue = min(near)[1]
        found = by_cue.get(cue)
        if found is None:
            by_cue[cue] = LearnedAttribution([(s, e)], cue, _source_of(cue, sources, para))
        else:
            found.contents.append((s, e))
    return sorted(by_cue.values(), key=lambda a: a.contents[0])


def predict(model: Language, doc: Doc) -> list[LearnedAttribution]:
    """Tag ``doc`` and group the spans into attributions."""
    return group(doc, tag(model, doc)) if len(doc) else []


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Tokens strictly between two ranges (0 when they touch or overlap)."""
    return max(0, b[0] - a[1], a[0] - b[1])


def _source_of(cue: tuple[int, int], sources: list, para: list[int]) -> Optional[tuple[int, int]]:
    near = [(_gap(cue, s), s) for s in sources if para[s[0]] == para[cue[0]] and _gap(cue, s) <= _MAX_SOURCE_GAP]
    return min(near)[1] if near else None


def _unpunct(doc: Doc, span: tuple[int, int]) -> Optional[tuple[int, int]]:
    """The range without punctuation at its edges ("the party chairman," -> "the party chairman")."""
    start, end = span
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return (start, end) if end > start else None


def _paragraph_numbers(doc: Doc) -> list[int]:
    """Paragraph (line) number of every token: a token holding a newline starts a new one."""
    out, number = [], 0
    for tok in doc:
        out.append(number)
        if "\n" in tok.text or "\n" in tok.whitespace_:
            number += 1
    return out


ENV_SWITCH = "NEWSGRAPH_QUOTE_MODEL"


def wanted(use_model: bool) -> bool:
    """The component's ``use_model`` flag, or ``NEWSGRAPH_QUOTE_MODEL=1`` in the environment
    (so ``newsgraph extract`` and its worker processes can turn the model on without a flag)."""
    return bool(use_model) or os.environ.get(ENV_SWITCH, "").strip().lower() in ("1", "true", "yes", "on")


def add_model_quotes(work, quotes: list, model: Language) -> list:
    """The rules' quotes plus the model's attributions whose content the rules did not find.

    Args:
        work: the component's per-Doc worker (``_DocQuotes``): its Doc, text,
            ``chars``/``span`` helpers and ``speaker`` (the rules' speaker
            resolution, so model speakers get actor ids the same way).
        quotes: the rules' quotes in text order.
        model: the tagger from :func:`load_attribution_model`.
    Returns:
        A new list in text order; the rules' quotes are unchanged.
    """
    from newsgraph.extract.quotes.continuations import QuoteWithParts
    from newsgraph.extract.quotes.marks import quoted_share
    from newsgraph.extract.quotes.unit_types import Attribution

    doc, text = work.doc, work.text
    taken = [set(_letters(text, p.start, p.end)) for q in quotes for p in q.parts or [q.content]]
    added = []
    for found in predict(model, doc):
        parts = [_trimmed(work, *work.chars(s, e)) for s, e in found.contents]
        parts = [p for p in parts if p is not None]
        letters = set().union(*(_letters(text, p.start, p.end) for p in parts)) if parts else set()
        if len(letters) < _MIN_LETTERS or any(quoted_share(text[p.start:p.end]) > 0 for p in parts):
            continue   # quoted words are the rules' strength: the model only adds reported speech
        if any(chars & letters for chars in taken):
            continue   # the rules found this report (their boundaries measured better than the model's)
        head = doc[found.source[0]:found.source[1]].root.i if found.source else _subject_of(doc, found.cue)
        attribution = Attribution(found.source, found.cue, None, speaker_head=head)
        added.append(QuoteWithParts("indirect", parts[0], work.speaker(attribution), work.cue(attribution), parts))
    return sorted(quotes + added, key=lambda q: (q.content.start, q.content.end))


_MIN_LETTERS = 8       # shorter model contents are noise ("it", "so")


def _subject_of(doc: Doc, cue: tuple[int, int]) -> Optional[int]:
    """When the tagger marked no source: the cue's subject in the parse ("officials believe"),
    the noun a participle describes ("delegates seeking to ..."),
    or the subject of the verb a participle or infinitive hangs from ("X refused, saying ...").
    None for a passive cue ("was expected to"): PolNeAR gives those no source."""
    tok = doc[cue[0]:cue[1]].root
    for _ in range(_MAX_CLIMB):
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            return None
        for child in tok.children:
            if child.dep_ == "nsubj" and not child.is_punct:
                return child.i
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head.i
        if tok.dep_ not in _CLIMB_DEPS or tok.head is tok:
            return None
        tok = tok.head
    return None


_MAX_CLIMB = 3
_CLIMB_DEPS = {"xcomp", "advcl", "conj", "acl", "pcomp", "prep"}


def _letters(text: str, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if text[i].isalnum()]


def _trimmed(work, start: int, end: int):
    """The content Span without surrounding spaces, commas or a final full stop."""
    text = work.text
    while start < end and text[start] in " \n\t,\u00a0":
        start += 1
    while end > start and text[end - 1] in " \n\t,.\u00a0":
        end -= 1
    return work.span(start, end) if end > start else None
