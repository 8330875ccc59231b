"""Inputs that used to be refused, garbled or skipped without a word: UTF-16, damaged UTF-8,
symlink loops, over-long standard input; and every skip carries a catalogue code."""
from __future__ import annotations

import io
import json
import os

import pytest

from newsgraph.errors import MESSAGES, SkippedInput, printable
from newsgraph.ingest import read_inputs
from newsgraph.ingest.decode import decode_bytes
from newsgraph.records import ArticleRecord

TEXT = "“Nous refusons l’ultimatum,” a déclaré le ministre à Bakou mardi."


def _split(items):
    return ([i for i in items if isinstance(i, ArticleRecord)], [i for i in items if isinstance(i, SkippedInput)])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_text_with_a_utf16_or_utf32_byte_order_mark_is_read(tmp_path, encoding):
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (tmp_path / "unicode.txt").write_bytes(data)
    good, bad = _split(list(read_inputs([str(tmp_path / "unicode.txt")])))
    assert not bad and good[0].text == TEXT


def test_utf8_with_a_few_bad_bytes_stays_utf8_and_counts_them():
    data = TEXT.encode("utf-8").replace(b"mardi", b"ma\xffrdi\x92")
    decoded = decode_bytes(data)
    assert decoded.text == TEXT.replace("mardi", "ma\ufffdrdi\ufffd")   # curly quotes intact, no mojibake
    assert decoded.encoding == "utf-8" and "2 bad bytes replaced" in decoded.warning


def test_a_real_windows_1252_file_is_still_detected_as_such():
    decoded = decode_bytes("Le ministre a déclaré « non » à Bakou.".encode("cp1252"))
    assert decoded.encoding == "cp1252" and "déclaré" in decoded.text


def test_utf8_damage_is_reported_as_a_warning_on_the_record(tmp_path):
    (tmp_path / "damaged.txt").write_bytes(TEXT.encode("utf-8") + b" \xff")
    good, bad = _split(list(read_inputs([str(tmp_path)])))
    assert not bad and good[0].warnings == ["not valid UTF-8: 1 bad byte replaced with U+FFFD"]


def test_symlink_loops_inside_a_folder_are_named(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Kyiv asked for aid.")
    os.symlink("..", tmp_path / "sub" / "up")                  # leads back to an enclosing folder
    os.symlink("loop-b.txt", tmp_path / "loop-a.txt")          # a chain of links that never ends
    os.symlink("loop-a.txt", tmp_path / "loop-b.txt")
    good, bad = _split(list(read_inputs([str(tmp_path)])))
    assert [g.id for g in good] == ["a"]
    reasons = {os.path.basename(b.where): b for b in bad}
    assert set(reasons) == {"loop-a.txt", "loop-b.txt", "up"}
    assert all(b.code == "E019" and "symlink loop" in b.reason for b in bad)


def test_a_symlinked_folder_is_followed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "b.txt").write_text("Paris condemned the strike.")
    (tmp_path / "in").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "in" / "linked")
    good, bad = _split(list(read_inputs([str(tmp_path / "in")])))
    assert [g.id for g in good] == ["b"] and not bad


class CountingStream:
    """An endless JSON Lines pipe that records how many bytes were taken from it."""

    def __init__(self, line: bytes):
        self.line, self.taken = line, 0

    def readline(self, size: int = -1) -> bytes:
        chunk = self.line if size < 0 else self.line[:size]
        self.taken += len(chunk)
        return chunk


def test_stdin_is_streamed_and_reading_stops_at_the_size_limit():
    line = (json.dumps({"id": "s", "text": "Ankara summoned the envoy."}) + "\n").encode()
    stream = CountingStream(line)
    items = list(read_inputs(["-"], max_bytes=len(line) * 5 + 3, stdin=stream))
    good, bad = _split(items)
    assert len(good) == 1 and len(bad) == 5   # the same id four more times, then the limit
    assert bad[-1].code == "E018" and bad[-1].where == "<stdin>:6" and "limit" in bad[-1].reason
    assert stream.taken <= len(line) * 5 + 4


def test_one_line_longer_than_the_limit_is_not_read_whole():
    stream = CountingStream(b'{"id": "big", "text": "' + b"x" * 10_000_000 + b'"}\n')
    (bad,) = list(read_inputs(["-"], max_bytes=1000, stdin=stream))
    assert bad.code == "E018" and stream.taken <= 1001


def test_every_skip_carries_a_catalogue_code(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01" * 10)
    (tmp_path / "blank.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "b.jsonl").write_text('{oops\n{"id": 1}\n[1]\n{"id": "x", "text": 3}\n')
    items = list(read_inputs([str(tmp_path), str(tmp_path / "gone.txt")], stdin=io.BytesIO(b"")))
    _, bad = _split(items)
    assert len(bad) == 8
    assert all(b.code in MESSAGES for b in bad), [(b.reason, b.code) for b in bad]
    assert all(b.line().endswith(f"[{b.code}]") for b in bad)


def test_control_characters_in_names_cannot_split_or_forge_a_line():
    skip = SkippedInput("evil\nnewsgraph: skipped fake.txt: empty file\x1b[2J.txt", MESSAGES["E002"])
    line = skip.line()
    assert "\n" not in line and "\x1b" not in line
    assert line == "newsgraph: skipped evil\\nnewsgraph: skipped fake.txt: empty file\\x1b[2J.txt: empty file [E002]"
    assert printable("a\u2028b") == "a\\u2028b"


def test_jsonl_lines_with_damaged_utf8_say_so_on_their_records(tmp_path):
    good_line = json.dumps({"id": "ok", "text": TEXT}, ensure_ascii=False).encode()
    bad_line = json.dumps({"id": "bad", "text": TEXT}, ensure_ascii=False).encode().replace(b"mardi", b"m\xffardi\xfe")
    (tmp_path / "b.jsonl").write_bytes(good_line + b"\n" + bad_line + b"\n")
    good, bad = _split(list(read_inputs([str(tmp_path / "b.jsonl")])))
    assert not bad and good[0].warnings == [] and good[0].text == TEXT
    assert good[1].warnings == ["not valid UTF-8: 2 bad bytes replaced with U+FFFD"]
    streamed, _ = _split(list(read_inputs(["-"], stdin=io.BytesIO(good_line + b"\n" + bad_line + b"\n"))))
    assert [r.warnings for r in streamed] == [[], ["not valid UTF-8: 2 bad bytes replaced with U+FFFD"]]
