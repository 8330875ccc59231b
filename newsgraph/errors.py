"""One catalogue of the errors newsgraph reports, with stable codes.

A bad input never raises out of a batch: readers turn problems into
``SkippedInput`` values carrying one line a person can act on. Programming
errors still raise, so they are not hidden.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


class NewsgraphError(Exception):
    """Base class for every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input cannot be read as an article; the message says why.

    ``code`` is the catalogue code; raise with ``InputError.of(code, ...)`` so
    the code travels with the message to the ``SkippedInput`` it becomes.
    """

    def __init__(self, reason: str, code: str = "") -> None:
        super().__init__(reason)
        self.code = code or code_of(reason)

    @classmethod
    def of(cls, code: str, **kwargs) -> "InputError":
        return cls(message(code, **kwargs), code)


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
    "E016": "cannot fetch: HTTP {status}",
    "E017": "cannot fetch: {detail}",
    "E018": "standard input passed the {limit:,}-byte limit (--max-bytes) at line {line}; the rest was not read",
    "E019": "symlink loop ({detail}), not followed",
    "E020": "broken symlink (its target {target} does not exist)",
}
UNCLASSIFIED = "E000"


def _template_pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{[^}]*\}", template)
    return re.compile(".+?".join(re.escape(p) for p in parts), re.S)


_PATTERNS = {code: _template_pattern(text) for code, text in MESSAGES.items()}


def code_of(reason: str) -> str:
    """The catalogue code whose message ``reason`` is (``E000`` when none is).

    Lets a reader that built its reason with ``message()`` but forgot the code
    still report one, so every skip line carries a code a user can look up.
    """
    for code, pattern in _PATTERNS.items():
        if pattern.match(reason):
            return code
    return UNCLASSIFIED


def printable(text: str) -> str:
    """``text`` with control and line-separator characters escaped (``\\n``, ``\\x1b``).

    A file name may contain a newline or a terminal escape; printed raw it
    would split a skip line in two or forge a fake one.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or unicodedata.category(ch) == "Zs" else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    if ch in "\t\n\r":
        return repr(ch)[1:-1]
    return f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}"


def message(code: str, **kwargs) -> str:
    """The catalogue message for ``code``, filled in."""
    return MESSAGES[code].format(**kwargs)


@dataclass
class SkippedInput:
    """An input that was not extracted, and why (one line for stderr)."""

    where: str
    reason: str
    code: str = ""

    def __post_init__(self) -> None:
        if not self.code:
            self.code = code_of(self.reason)

    @classmethod
    def of(cls, where: str, code: str, **kwargs) -> "SkippedInput":
        return cls(where, message(code, **kwargs), code)

    def line(self) -> str:
        """One line, whatever the name or reason holds: control characters are escaped."""
        return printable(f"newsgraph: skipped {self.where}: {self.reason} [{self.code}]")
