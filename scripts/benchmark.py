#!/usr/bin/env python3
"""newsgraph's scale figures, each a ratio of two runs made in this one call.

    python scripts/benchmark.py [--corpus FILE.jsonl] [--articles 120] [--workers 2]
                                [--reingest 60] [--memory 200,2000] [--skip ray,memory,...] [--fast]

Sections (``--skip`` any of them by name):
  spacy    plain ``nlp.pipe`` of the same model (its full default pipeline) on the raw texts
           vs the whole newsgraph pipeline (clean → nlp → extract), in this process, both
           warmed up, alternating slices of articles; wall and CPU-time ratios, plus every
           component's CPU seconds and share of its own run, for both pipelines (spaCy's
           components too), and the clean stage and record filling of the newsgraph run.
  workers  ``--workers 1`` vs ``--workers N``: steady-state throughput (articles after
           each worker's first chunk / time since then), so start-up is left out.
  ray      the local engine (N processes) vs the Ray engine (N actors on a local Ray
           started before the clock), same articles, model loads included in both.
  reingest ``newsgraph ingest`` of a corpus into a new store vs the same command again
           (whole processes), and again with one article changed (it must say
           "1 replaced").
  memory   peak resident memory of ``newsgraph extract`` on the first and the second
           size of ``--memory`` (whole processes).

The machine's load moves absolute times; the ratios, measured back to back, are
the figures to quote. The default corpus is ../shared/dev/polnear_train.jsonl when
present, else examples/ (repeated with new ids to reach the sizes asked for).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "newsgraph.cli.main"]
SECTIONS = ("spacy", "workers", "ray", "reingest", "memory")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--articles", type=int, default=120, help="articles for the throughput sections")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reingest", type=int, default=60)
    parser.add_argument("--memory", default="200,2000")
    parser.add_argument("--skip", default="")
    parser.add_argument("--fast", action="store_true",
                        help="a quick subset: 24 articles, re-ingest 12, memory 30,300, no Ray")
    args = parser.parse_args(argv)
    if args.fast:
        args.articles, args.reingest, args.memory = min(args.articles, 24), min(args.reingest, 12), "30,300"
        args.skip = ",".join(filter(None, [args.skip, "ray"]))
    skip = {s for s in args.skip.split(",") if s}
    source = _source(args.corpus)
    work = Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    print(f"machine: {os.cpu_count()} cores, load average {_load()} at start; corpus {source}")
    results: dict[str, str] = {}
    sample = _write(source, work / "sample.jsonl", args.articles)
    if "spacy" not in skip:
        results["newsgraph / plain spaCy throughput"] = _spacy(sample)
    if "workers" not in skip:
        results[f"{args.workers} workers / 1 worker throughput"] = _workers(sample, args.workers)
    if "ray" not in skip:
        results["ray / local engine throughput"] = _ray(sample, work, args.workers)
    if "reingest" not in skip:
        results.update(_reingest(source, work, args.reingest))
    if "memory" not in skip:
        small, large = (int(x) for x in args.memory.split(","))
        results[f"peak memory {large} / {small} articles"] = _memory(source, work, small, large)
    print(f"\nload average {_load()} at end")
    print("summary:")
    for name, figure in results.items():
        print(f"  {name:42s} {figure}")
    return 0


def _load() -> str:
    """The 1, 5 and 15 minute load averages, as ``uptime`` prints them."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _source(corpus: str | None) -> Path:
    if corpus:
        return Path(corpus)
    train = REPO.parent / "shared" / "dev" / "polnear_train.jsonl"
    if train.exists():
        return train
    return REPO / "examples" / "briefs.jsonl"


def _write(source: Path, out: Path, count: int, changed: int | None = None) -> Path:
    """``count`` articles of ``source`` as JSON Lines, cycling with fresh ids when it is short."""
    base = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    with out.open("w", encoding="utf-8") as handle:
        for i in range(count):
            row = dict(base[i % len(base)])
            row["id"] = f"{row['id']}#{i}"
            if i == changed:
                row["text"] = row["text"] + "\n\nThis paragraph was added to change the article."
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


def _records(path: Path):
    from newsgraph.ingest import read_inputs
    from newsgraph.records import ArticleRecord
    return [r for r in read_inputs([str(path)]) if isinstance(r, ArticleRecord)]


def _spacy(sample: Path, rounds: int = 16) -> str:
    """Plain ``nlp.pipe`` vs newsgraph on the same articles, ``rounds`` articles at a time, alternating.

    Both pipelines are loaded and warmed up on a few articles first (model and
    data loading are not throughput). Alternating slices means both see the
    same load from other jobs on a shared machine; CPU seconds of this process
    are reported next to wall seconds because they move much less with that load.
    Every component of both pipelines is timed (CPU seconds, its share of its
    pipeline's run); what is left of the newsgraph run is tokenising, the clean
    stage and filling records, timed apart where they can be.
    """
    from newsgraph.pipeline.nlp import load_model
    from newsgraph.pipeline.run import Extractor
    records = _records(sample)
    texts = [r.text for r in records]
    plain = load_model()
    extractor = Extractor()
    for _ in plain.pipe(texts[:4], batch_size=16):
        pass
    for _ in extractor.extract_records(_records(sample)[:4]):
        pass
    plain_parts = _instrument(plain)
    ng_parts = _instrument(extractor.nlp)
    stages = _instrument_stages()
    spent = {"plain": [0.0, 0.0], "newsgraph": [0.0, 0.0]}
    done = 0
    for at in range(0, len(records), rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in plain.pipe(texts[at:at + rounds], batch_size=16):
            pass
        spent["plain"][0] += time.perf_counter() - wall
        spent["plain"][1] += time.process_time() - cpu
        wall, cpu = time.perf_counter(), time.process_time()
        done += sum(1 for _ in extractor.extract_records(records[at:at + rounds]))
        spent["newsgraph"][0] += time.perf_counter() - wall
        spent["newsgraph"][1] += time.process_time() - cpu
    (plain_s, plain_cpu), (ng_s, ng_cpu) = spent["plain"], spent["newsgraph"]
    print(f"\n[spacy] {len(records)} articles: plain spaCy {len(records) / plain_s:.2f}/s "
          f"({plain_s:.1f}s wall, {plain_cpu:.1f}s CPU), newsgraph {done / ng_s:.2f}/s "
          f"({ng_s:.1f}s wall, {ng_cpu:.1f}s CPU); CPU-time ratio {plain_cpu / ng_cpu:.2f}")
    _shares("plain spaCy", plain_parts, plain_cpu, "tokenizer and nlp.pipe itself")
    _shares("newsgraph", {**ng_parts, **stages}, ng_cpu, "tokenizer, chunking, nlp.pipe itself")
    return f"{plain_s / ng_s:.2f} (CPU time {plain_cpu / ng_cpu:.2f})"


def _shares(title: str, parts: dict[str, float], total: float, rest: str) -> None:
    """Each timed part's CPU seconds and share of ``total``, and what is left."""
    print(f"  {title} run, CPU seconds and share:")
    for name, secs in parts.items():
        print(f"    {name:24s} {secs:8.3f}s {100 * secs / total:6.1f}%")
    left = total - sum(parts.values())
    print(f"    {'(rest: ' + rest + ')':24s} {left:8.3f}s {100 * left / total:6.1f}%")


def _instrument(nlp) -> dict[str, float]:
    """Time each running component in CPU seconds (a batch is gathered, then timed as one call)."""
    timings: dict[str, float] = {}
    for position, (name, proc) in enumerate(list(nlp._components)):
        if name in nlp.disabled:
            continue
        timings[name] = 0.0
        nlp._components[position] = (name, _Timed(name, proc, timings))
    return timings


class _Timed:
    """A component wrapper adding its CPU time to ``timings[name]``; output unchanged."""

    def __init__(self, name: str, proc, timings: dict[str, float]):
        self.name, self.proc, self.timings = name, proc, timings

    def __call__(self, doc):
        start = time.process_time()
        try:
            return self.proc(doc)
        finally:
            self.timings[self.name] += time.process_time() - start

    def pipe(self, docs, **kwargs):
        docs = list(docs)   # the batch upstream components made, so only this one is timed
        start = time.process_time()
        if hasattr(self.proc, "pipe"):
            out = list(self.proc.pipe(docs, **kwargs))
        else:
            out = []
            for doc in docs:   # spaCy's own loop for a component without pipe()
                try:
                    out.append(self.proc(doc))
                except Exception as exc:
                    self.get_error_handler()(self.name, self.proc, [doc], exc)
        self.timings[self.name] += time.process_time() - start
        yield from out

    def get_error_handler(self):
        handler = getattr(self.proc, "get_error_handler", None)
        if handler is not None:
            return handler()
        from newsgraph.pipeline.run import mark_failed
        return mark_failed


def _instrument_stages() -> dict[str, float]:
    """Time the clean stage and record filling of ``Extractor`` (CPU seconds)."""
    import newsgraph.clean as clean
    import newsgraph.extract.record as record
    timings = {"clean (junk, metadata)": 0.0, "fill records": 0.0}

    def timed(fn, key):
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                timings[key] += time.process_time() - start
        return run
    clean.clean_text = timed(clean.clean_text, "clean (junk, metadata)")
    clean.mask_boilerplate = timed(clean.mask_boilerplate, "clean (junk, metadata)")
    record.fill_record = timed(record.fill_record, "fill records")
    return timings


def _steady(records, workers: int, chunk: int = 8) -> float:
    """Articles per second once every worker has delivered its first chunk.

    The clock starts after ``workers`` chunks have come out, so start-up and
    model loads are left out for 1 and for N workers alike (starting at the
    very first output would credit N workers with chunks done before it).
    """
    from newsgraph.pipeline.run import Extractor
    extractor = Extractor(workers=workers, chunk_size=chunk)
    warm = workers * chunk
    start = None
    count = 0
    for _ in extractor.extract_records(records):
        count += 1
        if count == warm:
            start = time.perf_counter()
    return (count - warm) / (time.perf_counter() - start)


def _workers(sample: Path, workers: int) -> str:
    records = _records(sample)
    one = _steady(records, 1)
    many = _steady(_records(sample), workers)
    print(f"\n[workers] {len(records)} articles: 1 worker {one:.2f}/s, {workers} workers {many:.2f}/s")
    return f"{many / one:.2f}"


def _ray(sample: Path, work: Path, workers: int) -> str:
    try:
        import ray
        from newsgraph.pipeline.ray_engine import extract_with_ray
    except ImportError:
        print("\n[ray] skipped: pip install 'newsgraph[ray]'")
        return "not measured (ray not installed)"
    from newsgraph.pipeline.run import Extractor
    records = _records(sample)
    start = time.perf_counter()
    local = sum(1 for _ in Extractor(workers=workers).extract_records(records))
    local_s = time.perf_counter() - start
    ray.init(num_cpus=os.cpu_count(), include_dashboard=False, log_to_driver=False)
    try:
        start = time.perf_counter()
        report = extract_with_ray([str(sample)], str(work / "ray-out"), actors=workers)
        ray_s = time.perf_counter() - start
    finally:
        ray.shutdown()
    print(f"\n[ray] {len(records)} articles, {workers} processes/actors: local {local / local_s:.2f}/s, "
          f"ray {report.written / ray_s:.2f}/s ({len(report.shards)} shards)")
    return f"{(report.written / ray_s) / (local / local_s):.2f}"


def _run(cmd: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (MiB) and stderr of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss // 1024, err


def _reingest(source: Path, work: Path, count: int) -> dict[str, str]:
    corpus = _write(source, work / f"reingest-{count}.jsonl", count)
    db = work / "reingest.db"
    first, _, _ = _run(CLI + ["ingest", str(corpus), "--db", str(db), "-q"])
    again, _, _ = _run(CLI + ["ingest", str(corpus), "--db", str(db), "-q"])
    _write(source, corpus, count, changed=count // 2)
    changed, _, err = _run(CLI + ["ingest", str(corpus), "--db", str(db)])
    found = re.search(r"(\d+) inserted, (\d+) replaced, (\d+) unchanged", " ".join(err.split()))
    summary = found.group(0) if found else "no summary line"
    print(f"\n[reingest] {count} articles: first ingest {first:.1f}s, unchanged again {again:.1f}s, "
          f"one changed {changed:.1f}s ({summary})")
    return {f"first ingest / unchanged re-ingest ({count})": f"{first / again:.1f}",
            f"one of {count} changed": summary}


def _memory(source: Path, work: Path, small: int, large: int) -> str:
    peaks = []
    for size in (small, large):
        corpus = _write(source, work / f"memory-{size}.jsonl", size)
        wall, peak, _ = _run(CLI + ["extract", str(corpus), "-o", str(work / f"memory-{size}.out.jsonl"), "-q"])
        print(f"\n[memory] {size} articles: {wall:.0f}s, peak {peak} MiB")
        peaks.append(peak)
    return f"{peaks[1] / peaks[0]:.2f}"


if __name__ == "__main__":
    sys.exit(main())
