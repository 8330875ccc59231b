"""Read files, folders, JSON Lines and stdin into article records.

Each input yields either an ``ArticleRecord`` (id, text and whatever metadata
the input carried) or a ``SkippedInput`` saying, in one line, why it could not
be read. Nothing here raises for a bad input, so one broken file never stops a
batch.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Union

from newsgraph.errors import InputError, SkippedInput, message
from newsgraph.records import ArticleRecord
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.fetch import fetch, is_url
from newsgraph.ingest.html import extract_html

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")

Item = Union[ArticleRecord, SkippedInput]


def iter_files(paths: Iterable[str]) -> Iterator[Union[Path, SkippedInput, str]]:
    """Expand the command-line paths: files as given, folders recursively, ``-`` and URLs as is."""
    for raw in paths:
        if raw == "-" or is_url(raw):
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield SkippedInput(raw, message("E015"), "E015")


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
            results = _read_jsonl_bytes(stream.read(), "<stdin>", max_bytes)
        elif isinstance(item, str):
            results = _read_url(item, max_bytes)
        else:
            results = _read_file(item, max_bytes)
        for result in results:
            if isinstance(result, ArticleRecord):
                first = seen.get(result.id)
                if first is not None:
                    yield SkippedInput(result.source_path, message("E008", id=result.id, first=first), "E008")
                    continue
                seen[result.id] = result.source_path
            yield result


def _read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    kind = SUFFIXES.get(path.suffix.lower())
    where = str(path)
    if kind is None:
        yield SkippedInput(where, message("E010", suffix=path.suffix), "E010")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield SkippedInput(where, message("E005", size=size, limit=max_bytes), "E005")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield SkippedInput(where, message("E011", detail=exc.strerror or str(exc)), "E011")
        return
    if kind == "jsonl":
        yield from _read_jsonl_bytes(data, where, max_bytes)
        return
    try:
        decoded = decode_bytes(data)
        record = _article_from_text(path.stem, decoded.text, kind, where)
    except InputError as exc:
        yield SkippedInput(where, str(exc))
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
        yield SkippedInput(url, str(exc))
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
        raise InputError(message("E003"))
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
    if len(data) > max_bytes:
        yield SkippedInput(where, message("E005", size=len(data), limit=max_bytes), "E005")
        return
    try:
        text = decode_bytes(data).text
    except InputError as exc:
        yield SkippedInput(where, str(exc))
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        spot = f"{where}:{lineno}"
        try:
            yield _article_from_json(line, spot)
        except InputError as exc:
            yield SkippedInput(spot, str(exc))


def _article_from_json(line: str, where: str) -> ArticleRecord:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(message("E006", detail=f"{exc.msg.removesuffix(' at')} at column {exc.colno}")) from None
    if not isinstance(obj, dict):
        raise InputError(message("E012"))
    for name in ("id", "text"):
        if obj.get(name) is None:
            raise InputError(message("E007", field=name))
    if not isinstance(obj["text"], str):
        raise InputError(message("E013", field="text"))
    for name in ("title", "url", "outlet", "published", "author"):
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise InputError(message("E013", field=name))
    if not obj["text"].strip():
        raise InputError(message("E003"))
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
