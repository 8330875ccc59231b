"""Put articles into the store: hash → skip unchanged → extract → save → link.

This is the Python API that ``newsgraph ingest`` is a thin layer over::

    from newsgraph.pipeline.ingest import Ingest
    from newsgraph.store import Store
    with Store("news.db") as store:
        job = Ingest(store)
        for item in job.run(read_inputs(["articles/"])):
            ...                      # ArticleRecord saved, SkippedInput, or Unchanged
        report = job.link()          # cross-article links for what was saved

Unchanged inputs are recognised by their content hash *before* anything asks
for the spaCy pipeline, and the pipeline is loaded lazily, so re-ingesting an
unchanged corpus never loads the model. ``run_records`` does the same for
records that were extracted elsewhere (``newsgraph extract --engine ray``):
no NLP at all, only save and link.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Union

from newsgraph.errors import SkippedInput
from newsgraph.records import ArticleRecord

if TYPE_CHECKING:
    from newsgraph.link.run import Reextract
    from newsgraph.pipeline.run import Extractor
    from newsgraph.store import Store



@dataclass
class Unchanged:
    """An input whose content hash matches the stored one: nothing to do."""

    id: str


Outcome = Union[ArticleRecord, SkippedInput, Unchanged]


@dataclass
class IngestCounts:
    """What happened to each input, for the command's closing line."""

    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, int]:
        """The counts in the order the command prints them."""
        return {"inserted": self.inserted, "replaced": self.replaced,
                "unchanged": self.unchanged, "skipped": self.skipped}


@dataclass
class Ingest:
    """One ingest job over an open, writable store.

    Args:
        store: a writable ``newsgraph.store.Store``.
        extractor: a ``pipeline.run.Extractor``; created on first need, so a
            run that finds nothing new never builds one (nor loads spaCy).
        force: re-extract even when the content hash is unchanged.
        harmonise: give people the store's existing ids before saving (the
            first half of linking; off with ``--no-link``).
    """

    store: "Store"
    extractor: Optional["Extractor"] = None
    force: bool = False
    harmonise: bool = True
    counts: IngestCounts = field(default_factory=IngestCounts)
    saved_ids: list[str] = field(default_factory=list)
    _digests: dict[str, str] = field(default_factory=dict)

    def _extractor(self):
        if self.extractor is None:
            from newsgraph.pipeline.run import Extractor
            self.extractor = Extractor()
        return self.extractor

    def changed(self, items: Iterable[Union[ArticleRecord, SkippedInput]]) -> Iterator[Outcome]:
        """Pass on changed records and skip notices; report unchanged ones as ``Unchanged``."""
        from newsgraph.store import content_hash
        for item in items:
            if isinstance(item, ArticleRecord):
                digest = content_hash(item)
                if not self.force and self.store.stored_hash(item.id) == digest:
                    self.counts.unchanged += 1
                    yield Unchanged(item.id)
                    continue
                self._digests[item.id] = digest
            yield item

    def run(self, items: Iterable[Union[ArticleRecord, SkippedInput]]) -> Iterator[Outcome]:
        """Extract and save every changed input; yield one outcome per input.

        Unchanged inputs come out as soon as they are read (interleaved with
        the extracted ones), so a caller's progress bar moves for them too.
        """
        queue: list[Unchanged] = []

        def to_extract() -> Iterator[Union[ArticleRecord, SkippedInput]]:
            for item in self.changed(items):
                if isinstance(item, Unchanged):
                    queue.append(item)
                else:
                    yield item

        extracted = _lazy_extract(self._extractor, to_extract())
        for item in extracted:
            while queue:
                yield queue.pop(0)
            yield self._save(item)
        while queue:
            yield queue.pop(0)

    def run_records(self, records: Iterable[Union[ArticleRecord, SkippedInput]]) -> Iterator[Outcome]:
        """Save already-extracted records (no NLP); unchanged ones are skipped by hash."""
        for item in self.changed(records):
            yield item if isinstance(item, Unchanged) else self._save(item)

    def _save(self, item: Union[ArticleRecord, SkippedInput]) -> Union[ArticleRecord, SkippedInput]:
        if isinstance(item, SkippedInput):
            self.counts.skipped += 1
            return item
        if self.harmonise:
            from newsgraph.link import harmonise_actors
            item = harmonise_actors(item, self.store)
        outcome = self.store.save(item, self._digests.pop(item.id, None))
        setattr(self.counts, outcome, getattr(self.counts, outcome) + 1)
        self.saved_ids.append(item.id)
        return item

    def link(self):
        """Link what this job saved, and whatever an interrupted run left pending (None when nothing is)."""
        from newsgraph.store.links import pending_ids
        if not pending_ids(self.store.conn):
            return None
        return link_saved(self.store, self.saved_ids, reextract=lambda r: self._extractor().extract_one(r))


def _lazy_extract(make_extractor: Callable[[], object], items: Iterable) -> Iterator:
    """Hand ``items`` to the extractor, building it only when a changed article arrives.

    Skip notices before the first changed article pass through untouched, so a
    corpus with nothing new never loads the pipeline.
    """
    iterator = iter(items)
    for item in iterator:
        if isinstance(item, SkippedInput):
            yield item
            continue
        yield from make_extractor().extract_records(_chain(item, iterator))
        return


def _chain(first, rest: Iterator) -> Iterator:
    yield first
    yield from rest


def link_saved(store, article_ids: list[str], reextract: Optional[Reextract] = None):
    """The one place ingest links new articles into the store.

    Every ingest path (files, extracted records, the CLI, the Python API)
    calls linking here, so a resumable "pending link" step plugs in at this
    single point.
    """
    from newsgraph.link import finish_pending   # saved ids are queued by the store itself
    return finish_pending(store, reextract=reextract)
