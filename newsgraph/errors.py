"""One catalogue of the errors newsgraph reports, with stable codes.

A bad input never raises out of a batch: readers turn problems into
``SkippedInput`` values carrying one line a person can act on. Programming
errors still raise, so they are not hidden.
"""
from __future__ import annotations

from dataclasses import dataclass


class NewsgraphError(Exception):
    """Base class for every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input cannot be read as an article; the message says why."""


class UsageError(NewsgraphError):
    """The command was called wrongly (exit status 2)."""


class StoreError(NewsgraphError):
    """The database cannot be opened or is not a newsgraph store."""


# Stable codes and their messages (format with keyword arguments).
MESSAGES = {
    "E001": "binary file (NUL bytes), not text",
    "E002": "empty file",
    "E003": "only whitespace, no text",
    "E004": "cannot decode text: {detail}",
    "E005": "file is {size:,} bytes, over the {limit:,}-byte limit (--max-bytes)",
    "E006": "malformed JSON: {detail}",
    "E007": "JSON line lacks {field!r}",
    "E008": "duplicate id {id!r} (first seen in {first})",
    "E009": "no article text could be extracted from the HTML",
    "E010": "unsupported file type {suffix!r} (use .txt, .html, .htm or .jsonl)",
    "E011": "cannot read: {detail}",
    "E012": "JSON line is not an object",
    "E013": "field {field!r} must be a string",
    "E014": "processing failed: {detail}",
    "E015": "no such file or folder",
}


def message(code: str, **kwargs) -> str:
    """The catalogue message for ``code``, filled in."""
    return MESSAGES[code].format(**kwargs)


@dataclass
class SkippedInput:
    """An input that was not extracted, and why (one line for stderr)."""

    where: str
    reason: str
    code: str = ""

    def line(self) -> str:
        return f"newsgraph: skipped {self.where}: {self.reason}"
