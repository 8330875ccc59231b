"""Run every stage over a batch of inputs: ingest → clean → nlp → extract.

This is the Python API the CLI is a thin layer over::

    from newsgraph.pipeline.run import Extractor
    extractor = Extractor()
    for item in extractor.extract_paths(["articles/"]):
        ...  # ArticleRecord, or SkippedInput with a one-line reason

Each article is cleaned on its own (never by what else is in its chunk, so the
same inputs give the same records however they are batched or resumed); NLP
sees only the article body, with junk blanked to spaces so every offset still
points into the original text.
"""
from __future__ import annotations

import logging
from typing import Iterable, Iterator, Sequence, Union

from newsgraph.errors import SkippedInput, message
from newsgraph.ingest import DEFAULT_MAX_BYTES, read_inputs
from newsgraph.pipeline.nlp import build_nlp, make_doc, run
from newsgraph.records import ArticleRecord

log = logging.getLogger(__name__)
Item = Union[ArticleRecord, SkippedInput]


class Extractor:
    """Holds the loaded spaCy pipeline and turns inputs into records.

    Args:
        components: newsgraph component names (default: all available).
        component_config: per-component config, e.g. ``{"newsgraph_actors":
            {"registry_paths": ["my_actors.yaml"]}}``.
        batch_size: documents per ``nlp.pipe`` batch.
        workers: processes; each loads its own pipeline and takes whole chunks of
            articles (records travel between processes by pickle).
        chunk_size: articles handed to spaCy together.
        max_bytes: larger input files are skipped.
        boilerplate_paths: extra junk-pattern YAML files (same format as
            ``newsgraph/data/boilerplate.yaml``) for site-specific page junk.
    """

    def __init__(self, components: Sequence[str] | None = None,
                 component_config: dict | None = None, batch_size: int = 16,
                 workers: int = 1, chunk_size: int = 64,
                 max_bytes: int = DEFAULT_MAX_BYTES, nlp=None,
                 boilerplate_paths: Sequence[str] = ()):
        from newsgraph.clean import BoilerplatePatterns
        self.patterns = BoilerplatePatterns.load(extra_paths=boilerplate_paths) if boilerplate_paths else None
        self._settings = dict(components=components, component_config=component_config,
                              batch_size=batch_size, chunk_size=chunk_size, max_bytes=max_bytes,
                              boilerplate_paths=tuple(boilerplate_paths))
        self._nlp = nlp
        self.batch_size = batch_size
        self.workers = workers
        self.chunk_size = chunk_size
        self.max_bytes = max_bytes

    @property
    def settings(self) -> dict:
        """The keyword arguments that rebuild this Extractor elsewhere (a worker process, a Ray actor)."""
        return dict(self._settings)

    @property
    def nlp(self):
        """The spaCy pipeline (loaded on first use; worker processes load their own)."""
        if self._nlp is None:
            self._nlp = build_nlp(self._settings["components"], self._settings["component_config"])
        # Our components fall back to the default handler: a failure on one
        # article marks that article instead of killing the batch.
        self._nlp.default_error_handler = mark_failed
        return self._nlp

    def extract_paths(self, paths: Iterable[str], stdin=None) -> Iterator[Item]:
        """Read ``paths`` (files, folders, ``-``) and yield records or skip notices."""
        yield from self.extract_records(read_inputs(paths, self.max_bytes, stdin=stdin))

    def extract_records(self, items: Iterable[Item]) -> Iterator[Item]:
        """Process already-read records (skip notices pass straight through)."""
        if self.workers > 1:
            from newsgraph.pipeline.parallel import extract_in_processes
            yield from extract_in_processes(self._settings, items, self.workers)
            return
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
        return self.extract_one(record)

    def extract_one(self, record: ArticleRecord) -> ArticleRecord:
        """Extract one record in this process (used to re-anchor a re-dated article).

        Raises:
            ValueError: when the article cannot be extracted.
        """
        for item in self._process_chunk([record]):
            if isinstance(item, SkippedInput):
                raise ValueError(item.reason)
            return item
        raise ValueError("extraction returned nothing")

    def _process_chunk(self, records: list[ArticleRecord]) -> Iterator[Item]:
        from newsgraph.clean import clean_text, mask_boilerplate

        pending, ready = [], []
        for record in records:
            try:   # each article is cleaned on its own: its record never depends on the batch
                cleaned = clean_text(record.text, self.patterns)
                record.boilerplate = cleaned.boilerplate
                _apply_metadata(record, cleaned.metadata)
                body = mask_boilerplate(record.text, record.boilerplate)
                pending.append(make_doc(self.nlp, body, record.id, record.published,
                                        record.published_source))
                ready.append(record)
            except Exception as exc:  # one bad article never stops the batch
                log.debug("clean failed", exc_info=True)
                yield SkippedInput(record.source_path or record.id,
                                   message("E014", detail=f"{type(exc).__name__}: {exc}"))
        from newsgraph.extract.record import fill_record

        def docs() -> Iterator:
            # Handed over one at a time and forgotten here, so a parsed Doc (its
            # tensor, spans and extension data) lives only until its record is
            # filled: memory follows spaCy's batch, not the chunk.
            for position in range(len(pending)):
                doc, pending[position] = pending[position], None
                doc.user_data[POSITION_KEY] = position
                yield doc

        expected = 0  # docs come back in order; spaCy drops one whose component raised
        try:
            for doc in run(self.nlp, docs(), self.batch_size):
                position = doc.user_data.get(POSITION_KEY)
                for missing in range(expected, position):
                    yield self._failed(ready[missing], missing)
                expected = position + 1
                yield fill_record(ready[position], doc)
        except Exception as exc:  # a spaCy-internal failure loses the rest of the chunk
            log.debug("pipeline failed", exc_info=True)
            _FAILURES.setdefault(None, f"{type(exc).__name__}: {exc}")
        for missing in range(expected, len(ready)):
            yield self._failed(ready[missing], missing)
        _FAILURES.clear()

    @staticmethod
    def _failed(record: ArticleRecord, position: int) -> SkippedInput:
        reason = _FAILURES.pop(position, None) or _FAILURES.get(None) or "the NLP pipeline failed"
        return SkippedInput(record.source_path or record.id, message("E014", detail=reason))


POSITION_KEY = "newsgraph_position"
_FAILURES: dict = {}


def mark_failed(proc_name, proc, docs, error) -> None:
    """spaCy error handler: remember which component failed on which doc.

    spaCy drops the doc and goes on with the batch; ``_process_chunk`` then
    reports the article as skipped with this reason.
    """
    for doc in docs:
        _FAILURES[doc.user_data.get(POSITION_KEY)] = f"{proc_name}: {type(error).__name__}: {error}"


def _apply_metadata(record: ArticleRecord, meta) -> None:
    """Fill metadata the input did not give from what the clean stage found."""
    for name in ("title", "author", "outlet"):
        if not getattr(record, name) and getattr(meta, name, None):
            setattr(record, name, getattr(meta, name))
    if not record.published and getattr(meta, "published", None):
        record.published = meta.published
        record.published_source = meta.published_source or "text"
