"""Line rules that need the lines around them: release ends, teasers, pull quotes, lists, drop caps.

Why: some junk is only junk by where it stands or what it repeats — the
contact lines after a press release's "ENDS", a headline of another story in
capitals in the middle of the body, a pull quote that repeats a sentence of
the article, the headlines listed under a "Trending" heading — and some
article text looks like junk on its own line: the drop-cap letter a scrape put
on a line of its own, an "Additional reporting by ..." credit. These rules run
after the single-line ones in ``boilerplate.classify_rows`` and only set or
clear ``Row.reason`` (rows are ``boilerplate.Row``).
"""
from __future__ import annotations

import re

from newsgraph.clean.page_meta import outlet_data   # outlet words live with the outlet names
from newsgraph.clean.patterns import CLOSERS, TERMINAL, BoilerplatePatterns

NAME_LINE_RE = re.compile(   # "Tomasz Wierzbicki" alone on a line: a byline without "By"
    r"[A-Z][a-zà-ÿ'’.-]+(?:\s+(?:[A-Z][a-zà-ÿ'’.-]+|de|da|del|van|von|der|al|el|bin|ibn)){1,3}")
_READER_RE = re.compile(r"\b(?:your|yours|us|our)\b", re.I)
_FIRST_WORD_RE = re.compile(r"[\w'’]+")
_ITEM_SEP_RE = re.compile(r"\s+[|•·]\s+")
_HEADINGS = {"ui", "pattern", "promo", "menu"}   # junk that can head a list of links
_QUOTES = "\"'“”‘’«»"
_LETTERS_RE = re.compile(r"[^\W\d_]")


def menu_row(line: str) -> bool:
    """Three or more short items joined by "|", "•" or "·": a menu or a row of page tools."""
    items = _ITEM_SEP_RE.split(line)
    return len(items) >= 3 and all(0 < len(i.split()) <= 4 and i.rstrip(CLOSERS)[-1:] not in TERMINAL
                                   for i in items)


def reader_prompt(line: str, pats: BoilerplatePatterns) -> bool:
    """A line that speaks to the reader about the site: opens with a reader verb
    ("Sign", "Enjoyed", "Catch", "Help") and says your/us/our, outside quotation marks
    ("Read the speech and you would think ..." opens an op-ed: a bare "you" is not enough)."""
    if len(line) > 400 or any(q in line for q in "\"“”«»"):
        return False
    first = _FIRST_WORD_RE.match(line)
    return bool(first) and first.group(0).lower().replace("’", "'") in pats.reader_verbs \
        and bool(_READER_RE.search(line))


def mark_release_end(rows: list, pats: BoilerplatePatterns) -> None:
    """After an end marker ("ENDS", "###") that follows article text, every line is junk."""
    end = pats.joined()["end"]
    seen_prose = False
    for i, r in enumerate(rows):
        seen_prose = seen_prose or r.prose
        if seen_prose and len(r.text) <= 12 and end.fullmatch(r.text):
            for x in rows[i:]:
                x.reason = x.reason or "release"
            return


_CLOSING_WORDS = 10   # a closing heading is a short line ...
_CLOSING_AFTER = 4    # ... with at most this many sentences below it


def mark_closing_sections(rows: list, pats: BoilerplatePatterns) -> None:
    """From a press release's closing heading near the end ("About <Company>",
    "Forward-looking statements", "Media contacts"), every line is junk.

    Why: the company blurb, legal notice and contacts that close a release are
    sentences, so no line rule takes them, yet they are not the news. A heading
    counts only near the end: at least two sentences above it, at most
    ``_CLOSING_AFTER`` below, and more sentence text above than below, so a
    crosshead such as "About Face" in a story's middle is left alone.
    """
    rx = pats.joined()["closing"]
    prose = [r for r in rows if r.prose and r.reason is None]
    if len(prose) < 3:
        return
    for r in rows:
        if r.prose or r.words > _CLOSING_WORDS or r.text.rstrip(CLOSERS)[-1:] in TERMINAL \
                or not rx.fullmatch(r.text):
            continue
        above = [x for x in prose if x.index < r.index]
        below = [x for x in prose if x.index > r.index]
        if len(above) >= 2 and len(below) <= _CLOSING_AFTER \
                and sum(len(x.text) for x in above) >= sum(len(x.text) for x in below):
            for x in rows[r.index:]:
                x.reason = x.reason or "release"
            return


def _shouting(text: str) -> bool:
    if text != text.upper():   # cheap test first: any lower-case letter means no
        return False
    return len(_LETTERS_RE.findall(text)) >= 12


def mark_teasers(rows: list, first_body: int) -> None:
    """Below the start of the body, a line of 5+ words all in capitals, not ending a sentence,
    is another story's headline."""
    for r in rows[first_body + 1:]:   # 5+ words: "THE WEEKEND'S POLLS" is a crosshead; a final period, a list item
        if r.reason is None and not r.prose and r.words >= 5 and r.text.rstrip(CLOSERS)[-1:] not in TERMINAL \
                and r.text[0] not in _QUOTES and _shouting(r.text):
            r.reason = "teaser"


def _bare(text: str) -> str:
    return " ".join(text.strip(_QUOTES + " ").split()).lower()


def mark_pull_quotes(rows: list) -> None:
    """A short line that is not a sentence but repeats, word for word, part of an article sentence."""
    first = next((r.index for r in rows if r.prose), len(rows))   # the headline above the body is no pull quote
    candidates = [r for r in rows[first + 1:] if r.reason is None and not r.prose and 6 <= r.words <= 40]
    if not candidates:
        return
    prose = "\n".join(_bare(r.text) for r in rows if r.prose and r.reason is None)
    verdicts: dict[str, bool] = {}
    for r in candidates:
        if r.text not in verdicts:
            verdicts[r.text] = _bare(r.text) in prose
        if verdicts[r.text]:
            r.reason = "pullquote"


def _headline_like(r) -> bool:
    return 2 <= r.words <= 16 and not r.prose and r.text.rstrip(CLOSERS)[-1:] not in TERMINAL


def mark_lists(rows: list) -> None:
    """Two or more headline-like lines right under a short junk heading are its list of links."""
    heads = [i for i, r in enumerate(rows[:-2]) if r.reason in _HEADINGS and r.words <= 8 and r.text[-1] not in TERMINAL
             and rows[i + 1].reason is None and rows[i + 2].reason is None]
    for i in heads:
        j = i + 1
        while j < len(rows) and rows[j].reason is None and _headline_like(rows[j]):
            j += 1
        if j - i - 1 >= 2:
            for r in rows[i + 1:j]:
                r.reason = "list"


def keep_article_lines(rows: list, pats: BoilerplatePatterns) -> None:
    """Clear the verdict of lines that are article text whatever the rules said.

    Lines matching ``keep_regexes`` ("Additional reporting by ..."), and a lone
    capital letter followed by a line starting in lower case (a drop cap a
    scrape put on its own line) with that line.
    """
    keep = pats.joined()["keep"]
    verdicts: dict[str, bool] = {}
    for r in rows:
        if r.reason and len(r.text) <= 300:
            if r.text not in verdicts:
                verdicts[r.text] = bool(keep.fullmatch(r.text))
            if verdicts[r.text]:
                r.reason = None
    for r in rows[:-1]:
        if len(r.text) == 1 and r.text.isupper() and rows[r.index + 1].text[:1].islower():
            r.reason = rows[r.index + 1].reason = None


def affiliation_line(row, pats: BoilerplatePatterns) -> bool:
    """A short line, not a sentence, naming an outlet or a job: "Western Broadcasting News, Caernarfon"."""
    if row.reason or row.prose or row.words > 8 or row.text.rstrip(CLOSERS)[-1:] in TERMINAL:
        return False
    words = {w.lower() for w in _FIRST_WORD_RE.findall(row.text)}
    return bool(words & (outlet_data().outlet_words | pats.bio_roles))


def mark_head_labels(rows: list, first: int, pats: BoilerplatePatterns) -> None:
    """Above the body: a 1-2 word section label right above the headline ("Commentary"),
    and a bare name beside a date, byline or outlet line (a byline without "By")."""
    head = [r for r in rows[:first] if r.reason is None]
    long = next((r.index for r in head if r.words >= 4), None)
    title = long if long is not None else (head[-1].index if head else -1)
    if title > 0:
        k = rows[title - 1]
        if k.reason is None and k.words <= 2 and k.text[-1] not in TERMINAL and (title == 1 or rows[title - 2].reason):
            k.reason = "nav"
    for r in head:   # with no 4+ word headline above the body, a name beside a date is still a byline
        if r.reason is None and (r.index != title or long is None) and NAME_LINE_RE.fullmatch(r.text):
            near = [x for x in rows[max(0, r.index - 1):r.index + 2] if x is not r]
            if any(x.reason in ("dateline", "byline") for x in near):
                r.reason = "byline"
            elif any(affiliation_line(x, pats) for x in near):   # "Alun Pryce" / "Western Broadcasting News, Caernarfon"
                r.reason = "byline"
                for x in near:
                    if affiliation_line(x, pats):
                        x.reason = "byline"

