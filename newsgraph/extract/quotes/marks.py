"""Find what an article puts inside quotation marks, from the characters alone.

Scraped news mixes every quoting convention ("straight", “curly”, ‘single’,
« guillemets », „low-high“), misdirects curly marks (”Mr. Trump said...),
loses marks at paragraph starts, and reopens a mark at each paragraph of a
long quote without closing the previous one. Apostrophes (don't,
Azerbaijan’s, the Armenians’ land) look like single closing marks. A
tokenizer or parser does not settle any of this, so this module reads the
text once, judges every mark by its neighbours, and pairs openers with
closers per paragraph. It also tells Title Case names in marks (“Shark
Tank”) from speech. ``quotes.py`` decides who said what; the evaluation
reuses :func:`quoted_share` so "how much is quoted" means one thing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Every quotation mark we read, and the family it pairs within.
FAMILIES = {
    '"': "double", "“": "double", "”": "double", "„": "double", "‟": "double",
    "«": "angle", "»": "angle",
    "'": "single", "‘": "single", "’": "single", "‚": "single", "‛": "single",
    "‹": "angle1", "›": "angle1",
}
# Which way a mark points when its neighbours do not say (None: either way).
_HINTS = {"“": "open", "„": "open", "‟": "open", "«": "open", "‘": "open", "‚": "open",
          "‛": "open", "‹": "open", "”": "close", "»": "close", "’": "close", "›": "close"}
# Two typewriter apostrophes (or backticks) stand for a double mark in some archives.
_PAIRS = {"''": "double", "``": "double"}
_MARK_RE = re.compile("''|``|[" + re.escape("".join(FAMILIES)) + "\n]")
_OPEN_AFTER = set("([{<—–-/ \t\u00a0\u2009\u202f") | set(FAMILIES)
_CLOSE_BEFORE = set(".,;:!?)]}>—–-…/ \t\u00a0\u2009\u202f") | set(FAMILIES)
_SPACES = " \t\u00a0\u2009\u202f\u200b\ufeff"


@dataclass
class Quoted:
    """One stretch of text inside quotation marks, within one paragraph.

    ``start``/``end`` bound the words inside (marks and edge spaces excluded).
    ``open``/``close`` are the marks' offsets, or -1 when the mark is missing:
    a recovered quote (closing mark with no opener) has ``open == -1`` and
    starts at its paragraph's start; a quote running on into the next
    paragraph has ``close == -1``. ``chain`` is shared by the paragraphs of
    one multi-paragraph quote; ``depth`` is 0 for top-level quotes.
    """

    start: int
    end: int
    open: int
    close: int
    family: str
    depth: int = 0
    chain: int = -1

    @property
    def recovered(self) -> bool:
        """True when the opening mark was missing and the start was inferred."""
        return self.open < 0


def _family(mark: str) -> str:
    return _PAIRS.get(mark) or FAMILIES[mark]


def _role(text: str, i: int, mark: str | None = None) -> str | None:
    """Judge the mark at ``i``: "open", "close", "either", "close_if_open" or None.

    Args:
        text: the article text.
        i: offset of a quotation mark.
        mark: the mark's characters when longer than one ("''").
    Returns:
        None for an apostrophe or an inch sign, otherwise what the mark can do.
    """
    ch = mark or text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + len(ch)] if i + len(ch) < len(text) else "\n"
    left_free = prev in _OPEN_AFTER or prev == "\n"
    right_free = nxt in _CLOSE_BEFORE or nxt in "\r\n"
    family = _family(ch)
    if family == "single":
        if prev.isalnum() and nxt.isalnum():
            return None                      # don't, Azerbaijan’s
        if left_free and nxt.isdigit():
            return None                      # ’90s
        if left_free and not right_free:
            return None if ch == "’" and nxt.isalpha() and _elision(text, i) else "open"
        if right_free and not left_free:
            if prev.isdigit() and ch == "'":
                return None                  # 5' (feet)
            return "close_if_open" if prev in "sSzZ" else "close"
        return None                          # a lone mark between spaces
    if left_free and not right_free:
        return "open"
    if right_free and not left_free:
        if prev.isdigit() and ch in ('"', "''"):
            return "close_if_open"           # 12" (inches) unless closing
        return "close"
    if left_free and ch in ('"', "''"):
        return "close_if_open"               # a straight mark between spaces never opens
    return _HINTS.get(ch) or "either"


def _straight(ch: str) -> bool:
    """True for the typewriter marks, which cannot show their direction."""
    return ch in ('"', "'", "''")


def _elision(text: str, i: int) -> bool:
    """True for a leading apostrophe that elides letters (’em, ’cause, ’til)."""
    word = re.match(r"[A-Za-z]+", text[i + 1:i + 8])
    return bool(word) and word.group(0).lower() in {"em", "cause", "til", "tis", "twas", "n"}


class _Scanner:
    """Pair marks paragraph by paragraph; one pass over the marks of the text."""

    def __init__(self, text: str, run_on: bool = False):
        self.text = text
        self.run_on = run_on
        self.found: list[Quoted] = []
        self.stack: list[tuple] = []   # (family, mark, content start, chain, straight)
        self.para_start = 0
        self.chain_next = 0
        self.carry: dict[str, int] = {}               # family -> chain id running on

    def run(self) -> list[Quoted]:
        for m in _MARK_RE.finditer(self.text):
            i, mark = m.start(), m.group()
            if mark == "\n":
                self._paragraph_end(i)
                self.para_start = i + 1
                continue
            role = _role(self.text, i, mark)
            if role is not None:
                self._mark(i, mark, role)
        self._paragraph_end(len(self.text))
        self.found.sort(key=lambda q: (q.start, -q.end))
        return self.found

    def _open_depth(self, family: str, straight: bool | None = None) -> int:
        """Stack index of the innermost open quote of ``family`` (and style), or -1."""
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == family and (straight is None or self.stack[k][4] == straight):
                return k
        return -1

    def _mark(self, i: int, mark: str, role: str) -> None:
        family = _family(mark)
        straight = _straight(mark)
        k = self._open_depth(family, straight)
        if k < 0:
            k = self._open_depth(family)
        if role == "either":
            role = "close" if k >= 0 else "open"
        if role == "open":
            if k >= 0 and family != "single" and self.stack[k][4] == straight:
                # A second opener of the same style while one is open: the first
                # lost its closing mark, so it cannot be trusted; start again.
                # (A straight and a curly pair can nest: "He said “no”.")
                del self.stack[k:]
            chain = self.carry.pop(family, -1) if not self.stack and self._at_para_start(i) else -1
            self.stack.append((family, i, i + len(mark), chain, straight))
            return
        if k < 0:
            if role == "close" and family in ("double", "angle") and not self.stack:
                self._recover(i, family)
            return
        _, opened, start, chain, _ = self.stack[k]
        del self.stack[k:]
        self._emit(start, i, opened, i, family, k, chain)

    def _at_para_start(self, i: int) -> bool:
        return not self.text[self.para_start:i].strip(_SPACES)

    def _recover(self, i: int, family: str) -> None:
        """A closing mark with no opener: the opener was lost at the paragraph start."""
        here = [q for q in self.found if q.end > self.para_start]
        if any(q.family != "single" for q in here) or i - self.para_start < 3:
            return
        for q in here:          # ‘single’ quotes inside the recovered one are nested
            q.depth += 1
        self._emit(self.para_start, i, -1, i, family, 0, -1)

    def _paragraph_end(self, i: int) -> None:
        """Close what is still open at a line break: run-on quotes or lost marks."""
        for family, opened, start, chain, straight in self.stack:
            if family == "single":
                continue
            depth = 0
            if self._reopens(i, family, straight):
                if chain < 0:
                    chain = self.chain_next
                    self.chain_next += 1
                self.carry[family] = chain
                self._emit(start, i, opened, -1, family, depth, chain)
            elif self._at_para_start(opened) or self._after_colon(opened) or (
                    self.run_on and i >= len(self.text)):
                self._emit(start, i, opened, -1, family, depth, chain)
            break   # only the outermost open quote can run on
        self.stack = []

    def _reopens(self, i: int, family: str, straight: bool) -> bool:
        """True when the next paragraph starts with an opening mark of the same family and style."""
        j = i
        n = len(self.text)
        while j < n and (self.text[j] in _SPACES or self.text[j] in "\r\n"):
            j += 1
        m = _MARK_RE.match(self.text, j)
        if m is None or m.group() == "\n":
            return False
        return (_family(m.group()) == family and _straight(m.group()) == straight
                and _role(self.text, j, m.group()) in ("open", "either"))

    def _after_colon(self, opened: int) -> bool:
        before = self.text[self.para_start:opened].rstrip(_SPACES)
        return before.endswith(":")

    def _emit(self, start: int, end: int, opened: int, closed: int, family: str,
              depth: int, chain: int) -> None:
        text = self.text
        while start < end and text[start] in _SPACES:
            start += 1
        while end > start and text[end - 1] in _SPACES + "\r":
            end -= 1
        if end > start:
            self.found.append(Quoted(start, end, opened, closed, family, depth, chain))


def find_quoted(text: str, run_on: bool = False) -> list[Quoted]:
    """Every quoted stretch of ``text``, top-level and nested, in text order.

    Args:
        text: the article text (any length; a mark-free text costs one regex scan).
        run_on: close a quotation still open at the very end of ``text`` there
            (for excerpts that stop before the closing mark).
    Returns:
        ``Quoted`` items sorted by start; nested quotes have ``depth > 0``.
    """
    if not text:
        return []
    return _Scanner(text, run_on).run()


def quoted_share(text: str) -> float:
    """The fraction of letters and digits of ``text`` that lie inside quotation marks.

    Args:
        text: any string, e.g. the content of a quote.
    Returns:
        A number from 0 to 1 (0 for a text without letters or digits).
    """
    total = sum(ch.isalnum() for ch in text)
    if not total:
        return 0.0
    covered = [False] * len(text)
    for q in find_quoted(text, run_on=True):
        if q.depth == 0:
            covered[q.start:q.end] = [True] * (q.end - q.start)
    inside = sum(1 for ch, c in zip(text, covered) if c and ch.isalnum())
    return inside / total


_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with",
                "from", "is", "as", "vs", "vs.", "de", "la", "le", "du"}


def looks_like_title(text: str) -> bool:
    """True for Title Case words in quotation marks: a book, show or article name, not speech.

    Args:
        text: the words inside the marks.
    Returns:
        True when at least two significant words and every one of them is capitalised.
    """
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)
             if w.lower() not in _SMALL_WORDS and not w.isupper()]
    return 2 <= len(words) <= 12 and all(w[0].isupper() for w in words)
