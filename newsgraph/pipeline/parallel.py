"""Extract articles in several processes (``--workers N``).

spaCy's own ``n_process`` sends Docs between processes with msgpack, which
cannot carry newsgraph's typed records. So parallelism happens one level up:
each worker process loads its own pipeline once and turns whole chunks of
articles into finished records, which come back by pickle, in input order.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterable, Iterator

from newsgraph.errors import SkippedInput
from newsgraph.records import ArticleRecord

_worker = None  # the Extractor of this worker process


def _init_worker(settings: dict) -> None:
    global _worker
    from newsgraph.pipeline.run import Extractor
    _worker = Extractor(workers=1, **settings)
    _ = _worker.nlp  # load the model now, not on the first chunk


def _run_chunk(records: list[ArticleRecord]) -> list[ArticleRecord | SkippedInput]:
    return list(_worker.extract_records(records))


def extract_in_processes(settings: dict, items: Iterable, workers: int) -> Iterator:
    """Yield records and skip notices; chunks are processed ``workers`` at a time."""
    chunk_size = max(1, min(settings.get("chunk_size") or 16, 16))
    context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_init_worker, initargs=(settings,)) as pool:
        pending: deque[Future] = deque()
        chunk: list[ArticleRecord] = []

        def drain(limit: int) -> Iterator:
            while len(pending) > limit:
                yield from pending.popleft().result()

        for item in items:
            if isinstance(item, SkippedInput):
                yield item
                continue
            chunk.append(item)
            if len(chunk) >= chunk_size:
                pending.append(pool.submit(_run_chunk, chunk))
                chunk = []
                yield from drain(workers * 2)
        if chunk:
            pending.append(pool.submit(_run_chunk, chunk))
        yield from drain(0)
