"""Find the parts of a scraped article text that are page junk, not article.

Scraped plain text keeps navigation, share counters, comment forms, promo
lists, ads, weather/clock widgets, photo captions, bylines and author bios.
NLP run over them invents actors, quotes and dates, so this module marks them
as ``[start, end]`` spans (the record's ``boilerplate``) and never edits the
text, so every offset stays valid. Whole lines are judged by general signals:
known UI phrases and widget regexes from ``newsgraph/data/boilerplate.yaml``
(users add their own files), line shape (short lines that do not read as
sentences), position (junk gathers at the top and bottom; once a footer
starts, its short lines are junk too), repetition across a batch, photo
credits, and the "<Name> / <Name> is the editor of ..." author bio. A line
that reads as a sentence is only marked by an explicit pattern or the bio rule.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from newsgraph.clean.layout import (
    keep_article_lines, mark_closing_sections, mark_head_labels, mark_lists, menu_row, reader_prompt, mark_pull_quotes,
    mark_release_end, mark_teasers,
)
from newsgraph.clean.patterns import (
    BIO_START_RE, CALENDAR_RE, CAPTION_RE, CLOCK_RE, CLOSERS, DATE_HINT_RE, DATE_ONLY_RE, EDGE_ROWS,
    READING_RE, TEMPERATURE_RE, TERMINAL, BoilerplatePatterns, default_patterns, line_key, normalize_line,
)

_EMPLOYER_RE = re.compile(r"\b(?:for|of|at|with)\s+(?:(?:the|a|an)\s+)?[A-Z]")   # "... a columnist for The Review"


@dataclass(slots=True)
class Row:
    """One non-blank line: its trimmed character range, text and verdict."""

    index: int
    start: int
    end: int
    text: str
    words: int
    prose: bool
    reason: str | None = None   # why it is junk, once decided


def is_prose(line: str, words: int | None = None) -> bool:
    """True when a stripped line reads as sentences: 20+ words, or 8+ ending a sentence."""
    words = len(line.split()) if words is None else words
    return words >= 20 or (words >= 8 and line.rstrip(CLOSERS)[-1:] in TERMINAL)


def split_rows(text: str) -> list[Row]:
    """The non-blank lines of ``text``, offsets trimmed to their visible text."""
    rows: list[Row] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start, words = pos + len(raw) - len(raw.lstrip()), len(stripped.split())
            rows.append(Row(len(rows), start, start + len(stripped), stripped, words,
                            words >= 8 and is_prose(stripped, words)))
        pos += len(raw) + 1
    return rows


def count_lines(texts: Iterable[str]) -> Counter:
    """Count, for each distinct line, how many of ``texts`` contain it.

    Args:
        texts: the article texts of one batch (usually one site or crawl).
    Returns:
        A ``Counter`` from ``line_key(line)`` to the number of texts holding
        that line (each text counts once); pass it to ``find_boilerplate``.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({line_key(r.text) for r in split_rows(text) if len(r.text) <= 500})
    return counts


def byline_match(line: str, pats: BoilerplatePatterns) -> re.Match | None:
    """The first byline pattern matching the whole line (a weekday or month is no author)."""
    return _first_full(pats.bylines, line, 120, lambda m: not (
        m.groupdict().get("author") and CALENDAR_RE.match(m.group("author"))))


def dateline_match(line: str, pats: BoilerplatePatterns, regexes: list | None = None) -> re.Match | None:
    """The first dateline regex (of ``regexes``; default all) matching the whole line with a real ``date``."""
    return _first_full(pats.datelines if regexes is None else regexes, line, 100,
                       lambda m: DATE_HINT_RE.search(m.group("date")))


def _first_full(rxs: list, line: str, limit: int, ok) -> re.Match | None:
    matches = (rx.fullmatch(line) for rx in rxs) if len(line) <= limit else ()
    return next((m for m in matches if m and ok(m)), None)


def _caption(line: str, pats: BoilerplatePatterns) -> bool:
    """A short label ending in a parenthesised photo credit: "Senate building (Reuters/File)".

    A caption that is a sentence counts only with an explicit credit: "... on Tuesday. (Credit: A / B)".
    """
    m = CAPTION_RE.fullmatch(line)
    if not m or len(m.group("body").split()) > 25:
        return False
    credit = m.group("credit").strip()
    tokens = [t for t in re.split(r"[\s/,:;.&|-]+", credit.lower()) if t]
    if not 0 < len(tokens) <= 8:
        return False
    explicit = credit[0] == "©" or (tokens[0] in pats.credit_words and (":" in credit or "/" in credit))
    if m.group("body").rstrip()[-1:] in TERMINAL and not explicit:
        return False
    return tokens[0] in pats.credit_words or "/" in credit or credit[0] == "©"


def _strong(row: Row, pats: BoilerplatePatterns, corpus: Counter | None, min_docs: int) -> str | None:
    """Why a line is junk wherever it stands, or None."""
    line, limit, rx = row.text, pats.setting("max_junk_line_chars", 300), pats.joined()
    if rx["prefix"].match(line[:limit]):
        return "pattern"
    if len(line) > limit:
        return None
    norm = normalize_line(line)
    if norm in pats.phrases or (line[-1] not in TERMINAL and rx["ui"].fullmatch(norm)):
        return "ui"
    if rx["line"].fullmatch(line):
        return "pattern"
    if not row.prose and len(line) <= 160 and rx["contains"].search(line):
        return "promo"
    if not row.prose and menu_row(line):
        return "menu"
    if row.index and reader_prompt(line, pats):   # the first line is the headline
        return "prompt"
    if line.endswith(")") and _caption(line, pats):
        return "caption"
    if corpus and not row.prose and corpus.get(line_key(line), 0) >= min_docs:
        return "repeated"
    return None


def _mark_widget(rows: list[Row], pats: BoilerplatePatterns) -> None:
    """Above any sentence: a temperature, or a clock beside a date, plus the date lines and city around it."""
    first_sentence = next((r.index for r in rows if r.prose and not r.reason), len(rows))
    top = rows[:min(first_sentence, pats.setting("header_widget_lines", 8))]

    def dated(r: Row) -> bool:   # a clock alone may be a live-blog time stamp; beside a date it is a widget
        return any(DATE_ONLY_RE.fullmatch(x.text) for x in rows[max(0, r.index - 1):r.index + 2])

    hit = next((r.index for r in top if TEMPERATURE_RE.fullmatch(r.text)
                or (CLOCK_RE.fullmatch(r.text) and dated(r))), None)
    for step in (-1, 1) if hit is not None else ():
        i = hit
        while 0 <= i < len(rows) and abs(i - hit) <= 3:
            r = rows[i]
            place = abs(i - hit) == 1 and r.words <= 3 and len(r.text) <= 30 and r.text[0].isupper() \
                and not re.search(r"[\d.!?:;,]", r.text)
            if not (i == hit or place or READING_RE.fullmatch(r.text) or DATE_ONLY_RE.fullmatch(r.text)):
                break
            r.reason = r.reason or "widget"
            i += step


def _truncated_duplicate(row: Row, following: list[Row]) -> bool:
    """A line ending in '...' whose tail repeats the start of a later line (breadcrumb headline)."""
    body = row.text.rstrip(" .…") if row.text.endswith(("...", "…")) else ""
    for other in following if body else ():
        idx = body.find(other.text[:20]) if len(other.text) >= 20 else -1
        if idx >= 0 and len(body) - idx >= 20 and other.text.startswith(body[idx:]):
            return True
    return False


def _bio_name(row: Row, rows: list[Row], pats: BoilerplatePatterns) -> tuple[str, bool] | None:
    """(name, name line just above) when a late row opens "<Name> is the <role> ...", else None."""
    m = BIO_START_RE.match(row.text) if row.index >= max(len(rows) // 2, len(rows) - EDGE_ROWS) else None
    if not m:
        return None
    above = row.index > 0 and rows[row.index - 1].text == m.group("name")
    has_role = bool(pats.joined()["roles"].search(row.text.split(". ")[0]))
    return (m.group("name"), above) if above or has_role else None


def classify_rows(text: str, patterns: BoilerplatePatterns | None = None,
                  corpus_lines: Counter | None = None) -> list[Row]:
    """Split ``text`` into non-blank rows and set ``Row.reason`` on the junk ones.

    Args:
        text: the article text, as given.
        patterns: junk patterns; None uses the packaged ones.
        corpus_lines: optional ``count_lines`` result for the batch.
    Returns:
        Every non-blank row; ``reason`` is None for article lines, else a label:
        ``ui``, ``pattern``, ``promo``, ``caption``, ``repeated``, ``widget``,
        ``breadcrumb``, ``byline``, ``dateline``, ``nav``, ``tail`` or ``bio``.
    """
    pats = patterns or default_patterns()
    rows = split_rows(text)
    min_docs = pats.setting("repeat_min_docs", 3)
    prose = [r for r in rows if r.prose]
    again = {r.index for r in prose if corpus_lines and corpus_lines.get(line_key(r.text), 0) >= min_docs}
    if len(again) * 2 > len(prose):   # a syndicated copy of a story in the batch: repetition proves nothing
        corpus_lines, again = None, set()
    seen: dict[str, str | None] = {}   # identical lines get the same verdict
    for r in rows:
        if r.text not in seen:
            seen[r.text] = _strong(r, pats, corpus_lines, min_docs)
        r.reason = seen[r.text]
        if r.reason is None and r.index < EDGE_ROWS and _truncated_duplicate(r, rows[r.index + 1:r.index + 6]):
            r.reason = "breadcrumb"
    _mark_widget(rows, pats)
    mark_release_end(rows, pats)
    mark_closing_sections(rows, pats)
    mark_pull_quotes(rows)
    bios = {r.index: b for r in rows if r.prose and (b := _bio_name(r, rows, pats))}
    body = [r.index for r in rows if r.prose and r.reason is None and r.index not in bios]
    first, last = (body[0], body[-1]) if body else (len(rows), -1)
    head_end = min(first, EDGE_ROWS)
    for r in rows[:head_end] + rows[max(last + 1, len(rows) - EDGE_ROWS, head_end):]:
        if r.reason is None:   # bylines and datelines only count above or below the body
            r.reason = "byline" if byline_match(r.text, pats) else (
                "dateline" if dateline_match(r.text, pats) or DATE_ONLY_RE.fullmatch(r.text) else None)
    for r in rows[head_end:last + 1]:   # inside the body only a bare "Published 3 March 2025" line
        m = None if r.reason or r.prose else dateline_match(r.text, pats)
        if m and DATE_ONLY_RE.fullmatch(m.group("date").strip(" .,")):
            r.reason = "dateline"
    mark_teasers(rows, first)
    _mark_header(rows, first)
    mark_head_labels(rows, first, pats)
    _mark_tail(rows, bios, again)
    for i, (name, above) in bios.items():
        if rows[i].reason == "release":
            continue   # a company blurb closing a press release, not an author bio
        last = i + 1 == len(rows) and _EMPLOYER_RE.search(rows[i].text.split(". ")[0])
        if above or ((i + 1 < len(rows) or last) and all(r.reason for r in rows[i + 1:])):
            rows[i].reason = "bio"
            j = i - 1
            while j >= 0 and rows[j].text == name:
                rows[j].reason, j = "bio", j - 1
    mark_lists(rows)
    keep_article_lines(rows, pats)
    return rows


def _mark_header(rows: list[Row], first: int) -> None:
    """Above the body: runs of 3+ menu items, and 1-2 word labels between junk lines.

    The headline is the first line of 4+ words there or, failing one, the last
    unmarked line; it is never taken for a menu item.
    """
    head = rows[:first]
    long = next((r.index for r in head if r.reason is None and r.words >= 4), None)
    title = long if long is not None else next((r.index for r in reversed(head) if r.reason is None), -1)

    def label(r: Row, words: int, chars: int) -> bool:
        return not r.reason and r.index != title and r.words <= words and len(r.text) <= chars \
            and r.text[-1] not in TERMINAL

    run: list[Row] = []
    for r in head[:first if long is None else long] + [None]:
        if r is not None and (r.reason or label(r, 3, 25)):
            run.append(r)
            continue
        if sum(1 for x in run if x.reason is None) >= 3:
            for x in run:
                x.reason = x.reason or "nav"
        run = []
    k = 1
    while k < len(head):   # up to three 1-2 word labels with junk right above and below
        j = k
        while j < min(len(head), k + 3) and label(head[j], 2, 20):
            j += 1
        if j > k and rows[k - 1].reason and j < len(rows) and rows[j].reason:
            for r in head[k:j]:
                r.reason = "nav"
        k = max(j, k + 1)


def _mark_tail(rows: list[Row], bios: dict, again: set) -> None:
    """Walk up from the end over junk and label-like lines; from the first junk on, labels are junk.

    ``bios`` (candidate author bios) and ``again`` (sentences repeated across the
    batch) do not stop the walk; other sentences do.
    """
    def label(r: Row) -> bool:   # not a sentence: no final punctuation, or only a few words
        return not r.prose and (r.words < 4 or r.text.rstrip(CLOSERS)[-1:] not in TERMINAL)

    i = len(rows) - 1
    while i >= 0 and (rows[i].reason or label(rows[i]) or i in bios or i in again):
        i -= 1
    start = next((r.index for r in rows[i + 1:] if r.reason), len(rows))
    for r in rows[start:]:
        if r.reason is None and (label(r) or r.index in again):
            r.reason = "tail"


def find_boilerplate(text: str, patterns: BoilerplatePatterns | None = None,
                     corpus_lines: Counter | None = None) -> list[list[int]]:
    """Spans of ``text`` that are page junk rather than article.

    Args:
        text: the article text, as given (never modified).
        patterns: junk patterns; None uses ``newsgraph/data/boilerplate.yaml``.
        corpus_lines: optional ``count_lines(batch_texts)``; lines seen in
            ``repeat_min_docs`` texts of the batch then count as junk.
    Returns:
        Sorted, non-overlapping ``[start, end]`` spans (end exclusive); junk
        lines separated only by whitespace are merged into one span.
    """
    return spans_of(text, classify_rows(text, patterns, corpus_lines))


def spans_of(text: str, rows: list[Row]) -> list[list[int]]:
    """The ``[start, end]`` spans of the junk ``rows``, merged across blank lines."""
    spans: list[list[int]] = []
    for r in rows:
        if r.reason and spans and not text[spans[-1][1]:r.start].strip():
            spans[-1][1] = r.end
        elif r.reason:
            spans.append([r.start, r.end])
    return spans
