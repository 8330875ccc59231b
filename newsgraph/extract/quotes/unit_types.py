"""The types the quote modules hand each other: a quotation unit and its attribution.

Kept apart from ``units`` (which decides them) so the readers of a verdict
(``continuations``, ``speakers``, ``component``) need not import the resolver.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from newsgraph.extract.quotes.clauses import Clause
from newsgraph.extract.quotes.marks import Quoted

SENT_END = {".", "!", "?", "…", "...", "?!", "!?"}


@dataclass
class Attribution:
    """Who a quotation is attributed to: a clause, or a bare speaker and cue.

    ``speaker`` and ``cue`` are token ranges ``[start, end)``; ``clause`` is
    the reporting clause when the attribution came from the parse.
    """

    speaker: Optional[tuple[int, int]]
    cue: Optional[tuple[int, int]]
    clause: Optional[Clause] = None
    speaker_head: Optional[int] = None
    cue_chars: Optional[tuple[int, int]] = None   # characters of the cue when it is part of a token


@dataclass
class Unit:
    """One quotation: its fragments (paragraphs of a run-on quote) and verdict."""

    parts: list[Quoted]
    first_tok: int                   # token of the opening mark (or first word)
    last_tok: int                    # token of the closing mark (or last word)
    status: str = "orphan"           # "direct", "embedded", "orphan", "dropped"
    attribution: Optional[Attribution] = None
    label_end: int = -1              # char offset after "NAME:" in a transcript turn


def is_break(tok: Token) -> bool:
    """True for a whitespace token holding a line break (a paragraph boundary)."""
    return tok.is_space and "\n" in tok.text
