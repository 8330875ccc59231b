"""Count the articles a command will read, so the progress bar has an ETA.

Every item the batch will report on counts: an article, and a skipped input
too (the bar advances once for its skip line), so the bar never reads "1/0".
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from newsgraph.ingest.walk import iter_files


def estimate_total(paths: Sequence[str], max_bytes: int) -> int | None:
    """Number of articles in ``paths`` (None when reading stdin)."""
    total = 0
    for item in iter_files(paths):
        if item == "-":
            return None
        if isinstance(item, Path) and item.suffix.lower() == ".jsonl":
            total += _jsonl_items(item, max_bytes)
        else:  # a file, a URL (one page) or a skip notice: one item each
            total += 1
    return total


def _jsonl_items(path: Path, max_bytes: int) -> int:
    """Non-blank lines of a JSON Lines file; 1 when it will be skipped whole (too big, unreadable, empty)."""
    try:
        if path.stat().st_size > max_bytes:
            return 1
        with path.open("rb") as handle:  # line by line: the file is never held in memory whole
            return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1
