"""A JSON Lines file is read a line at a time, with the same records and line numbers as a whole-file read."""
from __future__ import annotations

import json
from pathlib import Path

from newsgraph.errors import SkippedInput
from newsgraph.ingest import read_inputs
from newsgraph.ingest.sources import _read_jsonl_bytes


def _summary(items):
    return [(i.where, i.reason) if isinstance(i, SkippedInput) else (i.id, i.source_path, i.text, i.warnings)
            for i in items]


def test_streamed_jsonl_matches_the_whole_file_reading(tmp_path):
    lines = [json.dumps({"id": "a", "text": "One\u2028two"}, ensure_ascii=False),   # a raw line separator
             "", "  ", '{"id": "b", "text": "Unfinished',
             json.dumps({"id": "c", "text": "Three é"}, ensure_ascii=False)]
    data = ("\ufeff" + "\r\n".join(lines) + "\n").encode("utf-8")
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(data)
    streamed = _summary(read_inputs([str(path)]))
    assert streamed == _summary(_read_jsonl_bytes(data, str(path), len(data)))
    assert [s[0] for s in streamed][-1] == "c"


def test_valid_utf8_jsonl_is_never_read_whole(tmp_path, monkeypatch):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": "Words."}) + "\n" for i in range(50)))

    def whole(self):
        raise AssertionError(f"read whole: {self}")
    monkeypatch.setattr(Path, "read_bytes", whole)
    assert [r.id for r in read_inputs([str(path)])] == [f"a{i}" for i in range(50)]


def test_non_utf8_jsonl_is_still_decoded_as_a_whole(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(json.dumps({"id": "x", "text": "Caf\u00e9 cr\u00e8me"}, ensure_ascii=False).encode("cp1252"))
    [record] = list(read_inputs([str(path)]))
    assert record.text == "Café crème"
