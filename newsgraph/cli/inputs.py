"""Count the articles a command will read, so the progress bar has an ETA."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from newsgraph.ingest.sources import iter_files


def estimate_total(paths: Sequence[str], max_bytes: int) -> int | None:
    """Number of articles in ``paths`` (None when reading stdin)."""
    total = 0
    for item in iter_files(paths):
        if item == "-":
            return None
        if isinstance(item, str):  # a URL: one page
            total += 1
            continue
        if not isinstance(item, Path):
            continue
        if item.suffix.lower() == ".jsonl":
            try:
                if item.stat().st_size <= max_bytes:
                    total += sum(1 for line in item.read_bytes().splitlines() if line.strip())
            except OSError:
                pass
        else:
            total += 1
    return total
