"""Read files, folders, JSON Lines and stdin into article records.

Each input yields either an ``ArticleRecord`` (id, text and whatever metadata
the input carried) or a ``SkippedInput`` saying, in one line, why it could not
be read. Nothing here raises for a bad input, so one broken file never stops a
batch.
"""
from __future__ import annotations

import codecs
import json
import re
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Union

from newsgraph.errors import InputError, SkippedInput
from newsgraph.records import ArticleRecord
from newsgraph.ingest.decode import _bom_encoding, decode_bytes
from newsgraph.ingest.fetch import fetch
from newsgraph.ingest.html import extract_html
from newsgraph.ingest.walk import SUFFIXES, iter_files

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")

Item = Union[ArticleRecord, SkippedInput]


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Yield one record or skip notice per article found in ``paths``.

    Args:
        paths: files, folders (read recursively) or ``-`` for JSONL on stdin.
        max_bytes: files larger than this are skipped, not read.
        stdin: where ``-`` reads from (defaults to the process's stdin).
    """
    seen: dict[str, str] = {}
    for item in iter_files(paths):
        if isinstance(item, SkippedInput):
            yield item
            continue
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            results = _read_jsonl_stream(stream, "<stdin>", max_bytes)
        elif isinstance(item, str):
            results = _read_url(item, max_bytes)
        else:
            results = _read_file(item, max_bytes)
        for result in results:
            if isinstance(result, ArticleRecord):
                first = seen.get(result.id)
                if first is not None:
                    yield SkippedInput.of(result.source_path, "E008", id=result.id, first=first)
                    continue
                seen[result.id] = result.source_path
            yield result


def _read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    kind = SUFFIXES.get(path.suffix.lower())
    where = str(path)
    if kind is None:
        yield SkippedInput.of(where, "E010", suffix=path.suffix)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield SkippedInput.of(where, "E005", size=size, limit=max_bytes)
            return
        if kind == "jsonl" and _plain_utf8(path):
            yield from _read_jsonl_lines(path, where)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield SkippedInput.of(where, "E011", detail=exc.strerror or str(exc))
        return
    if kind == "jsonl":
        yield from _read_jsonl_bytes(data, where, max_bytes)
        return
    try:
        decoded = decode_bytes(data)
        record = _article_from_text(path.stem, decoded.text, kind, where)
    except InputError as exc:
        yield SkippedInput(where, str(exc), exc.code)
        return
    if decoded.warning:
        record.warnings.append(decoded.warning)
    yield record


def _read_url(url: str, max_bytes: int) -> Iterator[Item]:
    """One web page: fetched, decoded, main text extracted; the URL is kept."""
    try:
        body, content_type = fetch(url, max_bytes)
        decoded = decode_bytes(body)
        kind = "txt" if content_type.startswith("text/plain") else "html"
        record = _article_from_text(_id_from_url(url), decoded.text, kind, url)
    except InputError as exc:
        yield SkippedInput(url, str(exc), exc.code)
        return
    record.url = record.url or url
    if decoded.warning:
        record.warnings.append(decoded.warning)
    yield record


def _id_from_url(url: str) -> str:
    """A readable, stable id: the last path segment, else the host."""
    trimmed = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    tail = trimmed.rsplit("/", 1)[-1]
    if "://" in trimmed and "/" not in trimmed.split("://", 1)[1]:
        tail = trimmed.split("://", 1)[1]
    return re.sub(r"\.(html?|php|aspx?)$", "", tail) or "page"


def _article_from_text(article_id: str, text: str, kind: str, where: str) -> ArticleRecord:
    if not text.strip():
        raise InputError.of("E003")
    if kind == "html":
        page = extract_html(text)
        published_source = "metadata" if page.published else None
        return ArticleRecord(
            id=article_id, text=page.text, title=page.title, author=page.author,
            outlet=page.outlet, url=page.url, published=page.published,
            published_source=published_source, source_path=where, input_format="html",
        )
    return ArticleRecord(id=article_id, text=text, source_path=where, input_format="txt")


def _read_jsonl_bytes(data: bytes, where: str, max_bytes: int) -> Iterator[Item]:
    """A whole JSON Lines file (already checked against the size limit), decoded as one text."""
    try:
        decoded = decode_bytes(data)
    except InputError as exc:
        yield SkippedInput(where, str(exc), exc.code)
        return
    damaged = decoded.encoding == "utf-8" and decoded.warning is not None
    for lineno, line in enumerate(decoded.text.splitlines(), 1):
        yield from _jsonl_line(line, f"{where}:{lineno}", damaged)


_CHUNK = 1 << 20


def _plain_utf8(path: Path) -> bool:
    """Whether the file is non-empty, valid UTF-8 (BOM allowed) with no NUL in its first 64 KiB:
    then ``decode_bytes`` would return it unchanged, so it can be read a line at a time.

    Checked in 1 MiB chunks, so a corpus-sized file is never held whole; any
    other file takes the whole-file path, which detects its encoding.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        head = handle.read(65536)
        if not head or _bom_encoding(head) or b"\x00" in head:
            return False
        chunk = head
        try:
            while chunk:
                decoder.decode(chunk)
                chunk = handle.read(_CHUNK)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _read_jsonl_lines(path: Path, where: str) -> Iterator[Item]:
    """A valid UTF-8 JSON Lines file read one line at a time (memory stays flat on any size).

    Lines are numbered exactly as ``str.splitlines`` numbers the whole text
    (a raw U+2028 inside a line counts as a break there too), so skip notices
    name the same lines as the whole-file reader.
    """
    lineno = 0
    with path.open("rb") as handle:
        for n, raw in enumerate(handle):
            text = raw.decode("utf-8")
            if n == 0:
                text = text.removeprefix("\ufeff")
            for line in text.splitlines():
                lineno += 1
                yield from _jsonl_line(line, f"{where}:{lineno}")


def _read_jsonl_stream(stream: IO[bytes], where: str, max_bytes: int) -> Iterator[Item]:
    """JSON Lines from a pipe, one line at a time: memory stays bounded and articles flow
    before the input ends; past ``max_bytes`` in all, reading stops with one skip line."""
    total = lineno = 0
    while True:
        raw = stream.readline(max_bytes - total + 1)
        if not raw:
            return
        lineno += 1
        total += len(raw)
        if total > max_bytes:
            yield SkippedInput.of(f"{where}:{lineno}", "E018", limit=max_bytes, line=lineno)
            return
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        try:
            line, damaged = raw.decode("utf-8"), False
        except UnicodeDecodeError:
            try:
                decoded = decode_bytes(raw)
            except InputError as exc:
                yield SkippedInput(f"{where}:{lineno}", str(exc), exc.code)
                continue
            line, damaged = decoded.text, decoded.encoding == "utf-8"
        yield from _jsonl_line(line, f"{where}:{lineno}", damaged)


def _jsonl_line(line: str, spot: str, damaged: bool = False) -> Iterator[Item]:
    """One JSON line; in a file whose UTF-8 had bad bytes, the records of the lines that held
    them say how many were replaced."""
    if not line.strip():
        return
    try:
        record = _article_from_json(line, spot)
    except InputError as exc:
        yield SkippedInput(spot, str(exc), exc.code)
        return
    bad = line.count("\ufffd") if damaged else 0
    if bad:
        record.warnings.append(f"not valid UTF-8: {bad} bad byte{'s' * (bad != 1)} replaced with U+FFFD")
    yield record


def _article_from_json(line: str, where: str) -> ArticleRecord:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError.of("E006", detail=f"{exc.msg.removesuffix(' at')} at column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise InputError.of("E012")
    for name in ("id", "text"):
        if obj.get(name) is None:
            raise InputError.of("E007", field=name)
    if not isinstance(obj["text"], str):
        raise InputError.of("E013", field="text")
    for name in ("title", "url", "outlet", "published", "author"):
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise InputError.of("E013", field=name)
    if not obj["text"].strip():
        raise InputError.of("E003")
    published = obj.get("published")
    if published and not _DATE_RE.match(published):
        published = None
    return ArticleRecord(
        id=str(obj["id"]), text=obj["text"], title=obj.get("title"), url=obj.get("url"),
        outlet=obj.get("outlet"), author=obj.get("author"),
        published=published[:10] if published else None,
        published_source="input" if published else None,
        source_path=where, input_format="jsonl",
    )
