"""The output contract: records for the shipped examples and the seeds pass the checker."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES, shared_path
from newsgraph.errors import SkippedInput
from newsgraph.extract.record import iter_spans
from newsgraph.records import PLOVER_TYPES, ArticleRecord

EXAMPLE_INPUTS = sorted(str(p) for p in EXAMPLES.glob("*") if p.suffix in {".txt", ".html", ".jsonl"})


@pytest.fixture(scope="module")
def example_records(extractor):
    if not EXAMPLE_INPUTS:
        pytest.skip("examples/ has no articles")
    items = list(extractor.extract_paths(EXAMPLE_INPUTS))
    assert not [i for i in items if isinstance(i, SkippedInput)]
    return items


def _write(records, path):
    with open(path, "w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")


def test_every_span_points_at_its_text(example_records):
    for rec in example_records:
        for span in iter_spans(rec):
            assert rec.text[span.start:span.end] == span.text
        for actor in rec.actors:
            for start, end in actor.mentions:
                assert 0 <= start < end <= len(rec.text)
        assert all(e.type in PLOVER_TYPES for e in rec.events)


def test_records_roundtrip_through_json(example_records):
    for rec in example_records:
        again = ArticleRecord.from_dict(json.loads(json.dumps(rec.to_dict())))
        assert again.to_dict() == rec.to_dict()


def test_examples_pass_the_shared_checker(example_records, tmp_path):
    checker = shared_path("tools", "check_records.py")
    out = tmp_path / "examples.jsonl"
    _write(example_records, out)
    inputs = [p for p in EXAMPLE_INPUTS if not p.endswith(".html")]
    result = subprocess.run([sys.executable, str(checker), str(out), *inputs], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def test_seeds_pass_the_shared_checker(extractor, tmp_path):
    seeds = shared_path("seeds")
    checker = shared_path("tools", "check_records.py")
    records = [r for r in extractor.extract_paths([str(seeds)]) if not isinstance(r, SkippedInput)]
    assert len(records) == 5
    out = tmp_path / "seeds.jsonl"
    _write(records, out)
    result = subprocess.run([sys.executable, str(checker), str(out), *map(str, sorted(seeds.glob("*.txt")))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert all(r.published != "2024-07-19" for r in records), "the clock widget date is never a publication date"
