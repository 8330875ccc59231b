"""Reading inputs: every bad file becomes one clear skip line, good ones still come through."""
from __future__ import annotations

import io
import json

from newsgraph.errors import SkippedInput
from newsgraph.ingest import read_inputs
from newsgraph.ingest.decode import decode_bytes
from newsgraph.records import ArticleRecord
import pytest
from newsgraph.errors import InputError


def _split(items):
    good = [i for i in items if isinstance(i, ArticleRecord)]
    bad = [i for i in items if isinstance(i, SkippedInput)]
    return good, bad


def test_utf8_text_file_keeps_text_and_id(tmp_path):
    (tmp_path / "a1.txt").write_text("Paris condemned the strike on Monday.", encoding="utf-8")
    good, bad = _split(list(read_inputs([str(tmp_path)])))
    assert not bad and good[0].id == "a1" and good[0].text.startswith("Paris")


def test_windows_1252_is_decoded_with_a_warning(tmp_path):
    data = "Le ministre a déclaré: « Nous refusons » — fin.".encode("cp1252")
    (tmp_path / "latin.txt").write_bytes(data)
    good, bad = _split(list(read_inputs([str(tmp_path / "latin.txt")])))
    assert not bad
    assert "déclaré" in good[0].text
    assert any("not UTF-8" in w for w in good[0].warnings)


@pytest.mark.parametrize("data, words", [
    (b"", "empty"),
    (b"   \n\t \n", "whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
])
def test_bad_text_files_are_skipped_with_a_reason(tmp_path, data, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    good, bad = _split(list(read_inputs([str(path)])))
    assert not good
    assert bad[0].where == str(path) and words in bad[0].reason
    assert bad[0].line().startswith(f"newsgraph: skipped {path}: ")


def test_decode_rejects_nul_bytes():
    with pytest.raises(InputError):
        decode_bytes(b"abc\x00def")


def test_oversized_file_is_skipped_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("word " * 1000)
    good, bad = _split(list(read_inputs([str(path)], max_bytes=100)))
    assert not good and "limit" in bad[0].reason


def test_jsonl_bad_lines_are_named_by_line_and_the_rest_read(tmp_path):
    lines = [
        json.dumps({"id": "ok1", "text": "Moscow rejected the proposal.", "published": "2023-09-20"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"text": "no id here"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok1", "text": "duplicate id"}),
        json.dumps({"id": "num", "text": 42}),
        json.dumps({"id": "ok2", "text": "Kyiv asked for aid."}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    good, bad = _split(list(read_inputs([str(path)])))
    assert [g.id for g in good] == ["ok1", "ok2"]
    assert good[0].published == "2023-09-20" and good[0].published_source == "input"
    where = {b.where: b.reason for b in bad}
    assert set(where) == {f"{path}:{n}" for n in (2, 3, 4, 5, 6, 7)}
    assert "malformed JSON" in where[f"{path}:2"] and " at at " not in where[f"{path}:2"]
    assert "'text'" in where[f"{path}:3"] and "'id'" in where[f"{path}:4"]
    assert "duplicate id" in where[f"{path}:6"]


def test_stdin_jsonl(tmp_path):
    stream = io.BytesIO(b'{"id": "s1", "text": "Ankara summoned the envoy."}\n')
    good, bad = _split(list(read_inputs(["-"], stdin=stream)))
    assert good[0].id == "s1" and not bad


def test_html_main_text_and_metadata(tmp_path):
    html = """<html><head><title>Site | Story</title>
    <meta property="og:site_name" content="The Daily Ledger">
    <meta name="author" content="Rosa Quintero">
    <meta property="article:published_time" content="2023-09-19T08:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Talks resume in Geneva</h1>
    <p>Negotiators from both delegations met in Geneva on Tuesday for a second round of talks, officials said.</p>
    <p>The mediators called on both parties to respect the ceasefire agreed last month.</p></article>
    <div class="comments">Great article! Subscribe now</div></body></html>"""
    (tmp_path / "page.html").write_text(html)
    good, bad = _split(list(read_inputs([str(tmp_path)])))
    assert not bad
    rec = good[0]
    assert "Negotiators from both delegations" in rec.text and "Subscribe now" not in rec.text
    assert rec.outlet == "The Daily Ledger" and rec.author == "Rosa Quintero"
    assert rec.published == "2023-09-19" and rec.published_source == "metadata"


def test_html_without_article_text_is_skipped(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><script>var a=1;</script></head><body><nav></nav></body></html>")
    good, bad = _split(list(read_inputs([str(tmp_path)])))
    assert not good and "no article text" in bad[0].reason


def test_missing_path_and_unknown_suffix(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    good, bad = _split(list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "notes.pdf")])))
    assert not good
    assert "no such file" in bad[0].reason and "unsupported file type" in bad[1].reason


def test_json_error_reads_as_one_clean_sentence(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_text('{"id": "cut", "text": "the line ends mid-string\n')
    (bad,) = list(read_inputs([str(path)]))
    assert bad.reason == "malformed JSON: Unterminated string starting at column 23"
