"""The Ray Data engine: the same stages as the local engine, over a Ray cluster.

``newsgraph extract PATHS --engine ray [--address ADDR] -o OUT`` turns the
input files into a Ray Dataset (one row per file, read into article rows by
``flat_map`` with the ingest stage's own reader), then runs
``Extractor.extract_records`` — the local engine's function, not a copy —
through ``map_batches`` on a pool of actors that each load the spaCy pipeline
once. Each actor writes its batch as one shard (``shards.write_shard``), so
the cluster writes in parallel and the driver only collects counts.

Differences from the local engine: duplicate ids in *different* input files
are not detected (each file is read on its own worker). Batches are cut to
the local engine's chunk size in input order, so cross-article junk
detection sees the same chunks.

Ray is an optional extra (``pip install 'newsgraph[ray]'``); importing this
module does not import Ray.
"""
from __future__ import annotations

import json
import math
import uuid
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional, Sequence

from newsgraph.errors import SkippedInput
from newsgraph.records import ArticleRecord

INSTALL_HINT = "the Ray engine needs the ray extra: pip install 'newsgraph[ray]'"


class RayMissing(ImportError):
    """Ray (or Ray Data) is not installed."""


def require_ray():
    """Import Ray Data, or raise ``RayMissing`` with the one-line install hint."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise RayMissing(INSTALL_HINT) from exc
    return ray


@dataclass
class RayReport:
    """What a Ray run wrote."""

    written: int = 0
    skipped: list[SkippedInput] = field(default_factory=list)
    shards: list[str] = field(default_factory=list)


def _rows_of_file(row: dict, max_bytes: int) -> Iterator[dict]:
    """Read one input file into rows: a record dict or a skip notice, in file order.

    A generator, so a corpus-sized JSON Lines file flows into blocks a line at
    a time instead of becoming one list on the reading worker.
    """
    from newsgraph.ingest import read_inputs
    for item in read_inputs([row["path"]], max_bytes):
        if isinstance(item, SkippedInput):
            yield {"record": "", "skip": json.dumps([item.where, item.reason, item.code])}
        else:  # "" not None: a column of only nulls would reach the actor as floats
            yield {"record": json.dumps(item.to_dict(), ensure_ascii=False), "skip": ""}


class ExtractActor:
    """A Ray actor: loads the pipeline once, extracts a batch, writes it as one shard."""

    def __init__(self, settings: dict, output: str, fmt: str):
        from newsgraph.pipeline.run import Extractor
        self.extractor = Extractor(workers=1, **settings)
        _ = self.extractor.nlp  # load once per actor, not per batch
        self.output = output
        self.fmt = fmt

    def __call__(self, batch: dict) -> dict:
        from newsgraph.pipeline.shards import write_shard
        items = [SkippedInput(*json.loads(skip)) if skip else ArticleRecord.from_dict(json.loads(record))
                 for record, skip in zip(batch["record"], batch["skip"])]
        done, skipped = [], []
        for item in self.extractor.extract_records(items):
            if isinstance(item, SkippedInput):
                skipped.append([item.where, item.reason, item.code])
            else:
                done.append(item.to_dict())
        shard = write_shard(self.output, f"part-{uuid.uuid4().hex[:16]}", done, self.fmt) if done else ""
        return {"shard": [shard], "written": [len(done)], "skipped": [json.dumps(skipped)]}


def extract_with_ray(paths: Sequence[str], output: str, *, address: Optional[str] = None,
                     fmt: str = "jsonl", settings: Optional[dict] = None, actors: Optional[int] = None,
                     on_skip: Callable[[SkippedInput], None] = lambda s: None) -> RayReport:
    """Extract ``paths`` on Ray and write record shards under ``output``.

    Args:
        paths: files or folders (``-`` and URLs are read on the driver's side:
            not supported here, use the local engine).
        output: a local folder or a pyarrow filesystem URI.
        address: a running cluster (``ray://host:10001``, ``auto``); default:
            start a local Ray on this machine.
        fmt: ``jsonl`` or ``parquet``.
        settings: ``Extractor`` keyword arguments (components, config, …).
        actors: size of the actor pool (default: the cluster's CPUs).
        on_skip: called for every input that could not be used.
    Raises:
        RayMissing: when the ray extra is not installed.
    """
    ray = require_ray()
    from newsgraph.ingest.walk import iter_files
    from newsgraph.pipeline.shards import prepare_dir, remove_partials

    settings = dict(settings or {})
    chunk = int(settings.get("chunk_size") or 64)
    max_bytes = settings.get("max_bytes") or _default_max_bytes()
    report = RayReport()
    files = []
    for item in iter_files(paths):
        if isinstance(item, SkippedInput):
            report.skipped.append(item)
            on_skip(item)
        elif isinstance(item, str):
            skip = SkippedInput(item, "stdin and URLs are read by the local engine only (drop --engine ray)")
            report.skipped.append(skip)
            on_skip(skip)
        else:
            files.append(str(item))
    prepare_dir(output)
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, include_dashboard=False, log_to_driver=False,
                 configure_logging=False) if address else ray.init(include_dashboard=False,
                                                                  log_to_driver=False)
    try:
        if files:
            _run(ray, files, output, fmt, settings, chunk, max_bytes, actors, report, on_skip)
    finally:
        if started:
            ray.shutdown()
        remove_partials(output)
    return report


def _run(ray, files, output, fmt, settings, chunk, max_bytes, actors, report, on_skip) -> None:
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    # Small blocks: one JSON Lines file must not stay one block (one actor);
    # map_batches bundles them back into chunk-sized batches in input order.
    # (A repartition step would need a CPU of its own, which the actors hold.)
    context.target_max_block_size = 256 * 1024
    pool = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
    ds = ray.data.from_items([{"path": f} for f in files],
                             override_num_blocks=max(1, math.ceil(len(files) / chunk)))
    # Reading asks for no CPU of its own: with every CPU held by an extraction
    # actor, a reader that needs one would wait for ever.
    ds = ds.flat_map(_rows_of_file, fn_kwargs={"max_bytes": max_bytes}, num_cpus=0)
    ds = ds.map_batches(ExtractActor, fn_constructor_kwargs={"settings": settings, "output": output, "fmt": fmt},
                        batch_size=chunk, compute=ray.data.ActorPoolStrategy(size=pool), num_cpus=1,
                        batch_format="numpy")
    for row in ds.iter_rows():
        if row["shard"]:
            report.shards.append(str(row["shard"]))
        report.written += int(row["written"])
        for path, reason, code in json.loads(row["skipped"]):
            skip = SkippedInput(path, reason, code)
            report.skipped.append(skip)
            on_skip(skip)


def _default_max_bytes() -> int:
    from newsgraph.ingest import DEFAULT_MAX_BYTES
    return DEFAULT_MAX_BYTES
