"""Expand command-line paths into the files to read, saying what is left out and why.

Folders are read recursively in name order. Symlinked folders are followed,
once: a link that leads back to a folder being walked (``up -> ..``) or a
chain of links that never ends (``a -> b -> a``) would otherwise loop or be
dropped without a word, so each gets a skip line instead. Hidden files and
files of other types inside folders are left out quietly (folders hold
sidecar files); a path named on the command line is always reported on.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Iterable, Iterator, Union

from newsgraph.errors import SkippedInput
from newsgraph.ingest.fetch import is_url

SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}

Found = Union[Path, SkippedInput, str]


def iter_files(paths: Iterable[str]) -> Iterator[Found]:
    """Files as given, folders recursively, ``-`` and URLs as is; skip notices for the rest."""
    for raw in paths:
        if raw == "-" or is_url(raw):
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, {os.path.realpath(path)})
        elif path.is_file():
            yield path
        elif path.is_symlink():
            yield _link_problem(path)
        else:
            yield SkippedInput.of(raw, "E015")


def _walk(folder: Path, ancestors: set[str]) -> Iterator[Found]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield SkippedInput.of(str(folder), "E011", detail=exc.strerror or str(exc))
        return
    for entry in entries:
        path = Path(entry.path)
        wanted = entry.name.lower().endswith(tuple(SUFFIXES)) and not entry.name.startswith(".")
        if entry.is_symlink():
            try:
                os.stat(path)
            except OSError as exc:
                if exc.errno == errno.ELOOP or wanted:
                    yield _link_problem(path)
                continue
        if entry.is_dir():
            real = os.path.realpath(path)
            if real in ancestors:
                yield SkippedInput.of(str(path), "E019", detail=f"leads back to {real}")
                continue
            yield from _walk(path, ancestors | {real})
        elif wanted and entry.is_file():
            yield path


def _link_problem(path: Path) -> SkippedInput:
    """A symlink whose target cannot be reached: a loop of links, or a target that is gone."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return SkippedInput.of(str(path), "E019", detail="a chain of links that never ends")
    return SkippedInput.of(str(path), "E020", target=os.readlink(path))
