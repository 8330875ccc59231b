"""The clean stage: tell the article apart from the page junk around it.

Scraped article texts carry navigation, share counters, comment forms, promo
lists, ads, weather/clock widgets, captions, bylines and author bios. This
stage marks them (the record's ``boilerplate`` spans, never editing the text)
and reads what the junk says about the article (title, author, outlet,
publication date). ``mask_boilerplate`` then blanks the junk so the NLP
stages see only the article body while every offset stays valid.

    >>> result = clean_text(text)
    >>> body = mask_boilerplate(text, result.boilerplate)
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsgraph.clean.boilerplate import (
    BoilerplatePatterns, classify_rows, count_lines, find_boilerplate, spans_of,
)
from newsgraph.clean.metadata import TextMetadata, find_metadata

_NOT_NEWLINE = re.compile(r"[^\n]")
__all__ = [
    "BoilerplatePatterns", "CleanResult", "TextMetadata", "clean_text", "count_lines",
    "find_boilerplate", "find_metadata", "mask_boilerplate",
]


@dataclass
class CleanResult:
    """The boilerplate spans of one text and the metadata found in it."""

    boilerplate: list[list[int]] = field(default_factory=list)   # [start, end] character spans
    metadata: TextMetadata = field(default_factory=TextMetadata)


def clean_text(text: str, patterns: BoilerplatePatterns | None = None,
               corpus_lines: Counter | None = None) -> CleanResult:
    """Find the junk in one article text and the metadata the text carries.

    Args:
        text: the article text, as given (never modified).
        patterns: junk patterns; None uses ``newsgraph/data/boilerplate.yaml``.
        corpus_lines: optional ``count_lines(batch_texts)`` so lines repeated
            across the batch count as junk.

    Returns:
        ``CleanResult(boilerplate, metadata)``.
    """
    rows = classify_rows(text, patterns, corpus_lines)
    spans = spans_of(text, rows)
    return CleanResult(spans, find_metadata(text, spans, patterns, rows))


def mask_boilerplate(text: str, spans: list[list[int]]) -> str:
    """``text`` with every boilerplate character blanked out.

    Args:
        text: the article text.
        spans: ``[start, end]`` boilerplate spans into ``text``.

    Returns:
        A string of the same length: characters inside a span become spaces,
        except newlines, which are kept so lines and paragraphs stay apart.
    """
    if not spans:
        return text
    parts, pos = [], 0
    for start, end in sorted((max(0, int(s)), min(len(text), int(e))) for s, e in spans):
        start = max(start, pos)
        if end <= start:
            continue
        parts.append(text[pos:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
