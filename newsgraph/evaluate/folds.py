"""Deterministic folds of a gold file by a hash of the article id.

The learned attribution model (``extract/quotes/learned.py``) is trained on
fold A of PolNeAR's train split and reported on fold B, which it never sees;
rule changes use the same split (look at A, keep only what also helps B).
A hash, not the file order, decides, so the folds survive re-sorting and
additions to the file.
"""
from __future__ import annotations

import hashlib


def _digest(article_id: str) -> bytes:
    return hashlib.sha1(str(article_id).encode("utf-8")).digest()


def fold_of(article_id: str) -> str:
    """``"A"`` or ``"B"``: the first byte of SHA-1 of the id, even or odd."""
    return "A" if _digest(article_id)[0] % 2 == 0 else "B"


def is_tuning(article_id: str) -> bool:
    """True for about one fold-A article in ten: kept out of training to pick the best checkpoint."""
    return fold_of(article_id) == "A" and _digest(article_id)[1] % 10 == 0
