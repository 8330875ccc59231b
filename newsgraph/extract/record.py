"""Turn a finished spaCy Doc into the article's record.

The components leave typed lists on the Doc; this is the one place that moves
them onto the ``ArticleRecord``, re-reading every span's text from the
original article so the contract's ``text[start:end] == span.text`` holds even
where NLP saw blanked-out junk.
"""
from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.records import ArticleRecord, Span


def fill_record(record: ArticleRecord, doc: Doc) -> ArticleRecord:
    """Copy the components' results from ``doc`` onto ``record`` and return it."""
    record.actors = list(doc._.ng_actors or [])
    record.quotes = list(doc._.ng_quotes or [])
    record.events = list(doc._.ng_events or [])
    record.claims = list(doc._.ng_claims or [])
    record.timexes = list(doc._.ng_timexes or [])
    if not record.published and doc._.ng_published:
        record.published = doc._.ng_published
        record.published_source = doc._.ng_published_source or "inferred"
    _resync_span_texts(record)
    return record


def _resync_span_texts(record: ArticleRecord) -> None:
    """Make every span's text equal the article's characters at its offsets."""
    text = record.text
    for span in iter_spans(record):
        span.text = text[span.start:span.end]


def iter_spans(record: ArticleRecord):
    """Every Span-like object inside the record (for checks and rewrites)."""
    for quote in record.quotes:
        yield quote.content
        if quote.speaker is not None:
            yield quote.speaker
        if quote.cue is not None:
            yield quote.cue
        for part in getattr(quote, "parts", None) or []:
            if isinstance(part, Span):
                yield part
    for event in record.events:
        yield event.trigger
        yield from event.source
        yield from event.target
        if event.location is not None:
            yield event.location
    for claim in record.claims:
        yield claim.span
    yield from record.timexes
