"""Everything newsgraph knows, as data files users can read and extend.

The files live in ``knowledge/data/``; each stage reads its own file through the
loaders here, so a path is spelled once.
"""
from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    """The path of a shipped knowledge file, e.g. ``data_path("plover.yaml")``."""
    return DATA_DIR / name
