"""Run every stage over a batch of inputs: ingest → clean → nlp → extract.

This is the Python API the CLI is a thin layer over::

    from newsgraph.batch import Extractor
    extractor = Extractor()
    for item in extractor.extract_paths(["articles/"]):
        ...  # ArticleRecord, or SkippedInput with a one-line reason

Articles are cleaned in chunks so that lines repeated across a chunk (site
menus, footers) count as junk; NLP sees only the article body, with junk
blanked to spaces so every offset still points into the original text.
"""
from __future__ import annotations

import logging
from collections import Counter
from typing import Iterable, Iterator, Sequence, Union

from .errors import SkippedInput, message
from .ingest import DEFAULT_MAX_BYTES, read_inputs
from .nlp.pipeline import build_nlp, make_doc, run
from .records import ArticleRecord

log = logging.getLogger(__name__)
Item = Union[ArticleRecord, SkippedInput]


class Extractor:
    """Holds the loaded spaCy pipeline and turns inputs into records.

    Args:
        components: newsgraph component names (default: all available).
        component_config: per-component config, e.g. ``{"newsgraph_actors":
            {"registry_paths": ["my_actors.yaml"]}}``.
        batch_size: documents per ``nlp.pipe`` batch.
        workers: processes for ``nlp.pipe``.
        chunk_size: articles cleaned together (cross-article repetition).
        max_bytes: larger input files are skipped.
    """

    def __init__(self, components: Sequence[str] | None = None,
                 component_config: dict | None = None, batch_size: int = 16,
                 workers: int = 1, chunk_size: int = 64,
                 max_bytes: int = DEFAULT_MAX_BYTES, nlp=None):
        self.nlp = nlp if nlp is not None else build_nlp(components, component_config)
        # Our components fall back to the default handler: a failure on one
        # article marks that article instead of killing the batch.
        self.nlp.default_error_handler = mark_failed
        self.batch_size = batch_size
        self.workers = workers
        self.chunk_size = chunk_size
        self.max_bytes = max_bytes

    def extract_paths(self, paths: Iterable[str], stdin=None) -> Iterator[Item]:
        """Read ``paths`` (files, folders, ``-``) and yield records or skip notices."""
        yield from self.extract_records(read_inputs(paths, self.max_bytes, stdin=stdin))

    def extract_records(self, items: Iterable[Item]) -> Iterator[Item]:
        """Process already-read records (skip notices pass straight through)."""
        chunk: list[ArticleRecord] = []
        for item in items:
            if isinstance(item, SkippedInput):
                yield item
                continue
            chunk.append(item)
            if len(chunk) >= self.chunk_size:
                yield from self._process_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._process_chunk(chunk)

    def extract_text(self, text: str, article_id: str = "article", **metadata) -> ArticleRecord:
        """Extract one article given as a string (convenience for scripts)."""
        record = ArticleRecord(id=article_id, text=text, **metadata)
        if record.published and not record.published_source:
            record.published_source = "input"
        result = next(iter(self._process_chunk([record])))
        if isinstance(result, SkippedInput):
            raise ValueError(result.reason)
        return result

    def _process_chunk(self, records: list[ArticleRecord]) -> Iterator[Item]:
        from .clean import clean_text, mask_boilerplate
        from .clean.boilerplate import count_lines

        corpus_lines = count_lines([r.text for r in records]) if len(records) > 2 else Counter()
        docs, ready = [], []
        for record in records:
            try:
                cleaned = clean_text(record.text, corpus_lines=corpus_lines)
                record.boilerplate = cleaned.boilerplate
                _apply_metadata(record, cleaned.metadata)
                body = mask_boilerplate(record.text, record.boilerplate)
                docs.append(make_doc(self.nlp, body, record.id, record.published,
                                     record.published_source))
                ready.append(record)
            except Exception as exc:  # one bad article never stops the batch
                log.debug("clean failed", exc_info=True)
                yield SkippedInput(record.source_path or record.id,
                                   message("E014", detail=f"{type(exc).__name__}: {exc}"))
        from .extract.record import fill_record

        done = run(self.nlp, docs, self.batch_size, self.workers)
        for record, doc in zip(ready, _guarded(done, ready)):
            failure = doc.user_data.get(FAILURE_KEY) if not isinstance(doc, Exception) else doc
            if failure is not None:
                yield SkippedInput(record.source_path or record.id, message("E014", detail=str(failure)))
                continue
            yield fill_record(record, doc)


FAILURE_KEY = "newsgraph_failure"


def mark_failed(proc_name, proc, docs, error) -> None:
    """spaCy error handler: remember which component failed on which doc."""
    for doc in docs:
        doc.user_data[FAILURE_KEY] = f"{proc_name}: {type(error).__name__}: {error}"


def _guarded(docs: Iterator, records: list) -> Iterator:
    """Yield docs; if the pipeline raises, yield the error for the rest."""
    count = 0
    try:
        for doc in docs:
            count += 1
            yield doc
    except Exception as exc:  # pragma: no cover - defensive: spaCy errors mid-batch
        log.debug("pipeline failed", exc_info=True)
        for _ in range(count, len(records)):
            yield exc


def _apply_metadata(record: ArticleRecord, meta) -> None:
    """Fill metadata the input did not give from what the clean stage found."""
    for name in ("title", "author", "outlet"):
        if not getattr(record, name) and getattr(meta, name, None):
            setattr(record, name, getattr(meta, name))
    if not record.published and getattr(meta, "published", None):
        record.published = meta.published
        record.published_source = meta.published_source or "text"
