"""The ingest API: unchanged inputs skipped by hash before any model loads, only changed ones re-extracted,
already-extracted records stored without NLP."""
from __future__ import annotations

import json

import pytest

from newsgraph.errors import SkippedInput
from newsgraph.pipeline.ingest import Ingest, Unchanged
from newsgraph.pipeline.run import Extractor
from newsgraph.pipeline.shards import read_record_files, remove_partials, write_shard
from newsgraph.records import ArticleRecord
from newsgraph.store import Store

STORIES = [
    "Kenya and Somalia agreed on Tuesday to reopen their border, officials said.",
    "Police in Lima arrested 12 protesters on Monday after clashes near the congress.",
    "The European Union imposed new sanctions on Belarus on Friday, diplomats said.",
]


def _inputs(changed: int | None = None) -> list[ArticleRecord]:
    out = []
    for i, text in enumerate(STORIES):
        if i == changed:
            text += " A later report said talks would resume next week."
        out.append(ArticleRecord(id=f"a{i}", text=text, published="2024-05-10", published_source="input"))
    return out


class CountingExtractor(Extractor):
    """An Extractor that remembers which articles reached NLP."""

    def __init__(self, nlp):
        super().__init__(nlp=nlp)
        self.seen: list[str] = []

    def extract_records(self, items):
        def note(stream):
            for item in stream:
                if isinstance(item, ArticleRecord):
                    self.seen.append(item.id)
                yield item
        yield from super().extract_records(note(items))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.db") as s:
        yield s


def test_unchanged_inputs_never_build_the_pipeline(store, extractor):
    first = Ingest(store, extractor=Extractor(nlp=extractor.nlp), harmonise=False)
    list(first.run(_inputs()))
    assert first.counts.inserted == len(STORIES)
    first.link()   # else the next job links what this one left pending
    again = Ingest(store, harmonise=False)
    outcomes = list(again.run(_inputs()))
    assert again.extractor is None, "the pipeline was built although nothing changed"
    assert [type(o) for o in outcomes] == [Unchanged] * len(STORIES)
    assert again.counts.unchanged == len(STORIES) and again.link() is None


def test_one_changed_input_is_the_only_one_extracted(store, extractor):
    list(Ingest(store, extractor=Extractor(nlp=extractor.nlp), harmonise=False).run(_inputs()))
    counting = CountingExtractor(extractor.nlp)
    job = Ingest(store, extractor=counting, harmonise=False)
    list(job.run(_inputs(changed=1)))
    assert counting.seen == ["a1"]
    assert (job.counts.replaced, job.counts.unchanged) == (1, len(STORIES) - 1)
    assert "resume" in store.get("a1").text


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_extracted_records_are_stored_without_nlp(tmp_path, store, extractor, fmt):
    records = [r for r in Extractor(nlp=extractor.nlp).extract_records(_inputs())
               if isinstance(r, ArticleRecord)]
    write_shard(str(tmp_path / "shards"), "part-0", [r.to_dict() for r in records], fmt)
    loaded = list(read_record_files(str(tmp_path / "shards")))
    assert [r.to_dict() for r in loaded] == [r.to_dict() for r in records]
    job = Ingest(store, harmonise=False)
    list(job.run_records(loaded))
    assert job.extractor is None and job.counts.inserted == len(records)
    stored = store.get("a1")
    assert [e.type for e in stored.events] == [e.type for e in records[1].events]
    assert [c.value for c in stored.claims] == [c.value for c in records[1].claims]


def test_a_bad_record_line_is_named_and_the_rest_load(tmp_path):
    shard = tmp_path / "part-1.jsonl"
    good = ArticleRecord(id="ok", text="Some text.").to_dict()
    shard.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n")
    items = list(read_record_files(str(shard)))
    assert isinstance(items[0], ArticleRecord) and items[0].id == "ok"
    assert [i.where for i in items[1:]] == [f"{shard}:2", f"{shard}:3"]
    assert all(isinstance(i, SkippedInput) for i in items[1:])


def test_an_unfinished_shard_is_never_read_and_is_cleaned_up(tmp_path):
    out = tmp_path / "out"
    write_shard(str(out), "part-a", [ArticleRecord(id="done", text="Whole.").to_dict()])
    (out / ".partial-part-b.jsonl").write_text('{"id": "half", "te')
    assert [r.id for r in read_record_files(str(out))] == ["done"]
    assert remove_partials(str(out)) == 1
    assert sorted(p.name for p in out.iterdir()) == ["part-a.jsonl"]
