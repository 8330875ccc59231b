"""Measure how well real-looking web pages come out: article kept, junk removed, metadata right.

Why: the HTML path (trafilatura, then the clean stage) decides what the NLP
stages read and what the record says about the article. This scores that path
alone, without loading spaCy, against a folder of pages, each ``NAME.html``
beside a ``NAME.gold.json``::

    {"title": "...", "author": "..." | null, "outlet": "...", "date": "YYYY-MM-DD" | null,
     "paragraphs": ["the article's paragraphs, as the page shows them"],
     "ignore": ["visible text that is neither article nor junk (standfirsts, editor's notes)"]}

Every other visible text block of the page is junk. The article text that
survives is the record's ``text`` minus its ``boilerplate`` spans.

- text kept: characters of gold paragraphs found in what survives (a paragraph
  found only in pieces counts by its matched words);
- junk removed: characters of junk blocks absent from what survives (a block
  of one or two words counts only on a short junk line of its own, such as a
  row of share buttons);
- title, author, outlet, date: exact match after folding case, spaces, quotes
  and dashes, over the pages whose gold has the field;
- no_h1: the title a page without an ``h1`` would get (its ``<title>`` without the
  site's name) against the gold title, since every page here has an ``h1``;
- no_meta: the date found once the page's ``<meta>`` tags and JSON-LD are removed,
  against the gold date (what the page shows, for sites whose metadata is missing);
- no_au: over the pages whose gold author is null (press releases, agency copy), the
  share given no author (a company or agency named as the author is a mistake).

Pages are split in two halves by a hash of their name (``A``: tune rules on
these; ``B``: check that a change also helps pages not looked at).
"""
from __future__ import annotations

import difflib
import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

FIELDS = ("title", "author", "outlet", "date", "no_h1", "no_meta", "no_au")
_META_RE = re.compile(r"<meta\b[^>]*>|<script[^>]*ld\+json[^>]*>.*?</script>", re.I | re.S)
_INLINE = {"a", "span", "strong", "em", "b", "i", "u", "time", "abbr", "small", "sup", "sub",
           "mark", "cite", "q", "code", "font", "label", "s"}
_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "meta", "link"}
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


def fold(text: str | None) -> str:
    """Lower-case, single-spaced, straight quotes and hyphens: how texts are compared."""
    return " ".join((text or "").translate(_FOLD).lower().split())


def half_of(name: str) -> str:
    """``A`` or ``B``: a stable split by a hash of the page name."""
    return "A" if zlib.crc32(name.encode()) % 2 == 0 else "B"


def visible_blocks(html: str) -> list[str]:
    """The page's visible text, one string per block element (inline tags join their text)."""
    root = lxml.html.fromstring(html)
    body = root.find("body") if root.find("body") is not None else root
    blocks: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buf).split())
        if text:
            blocks.append(text)
        buf.clear()

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _INVISIBLE or not tag:
            if tag == "" and el.tail:   # a comment's tail is still text
                buf.append(el.tail)
            return
        inline = tag in _INLINE
        if not inline:
            flush()
        if tag == "br":
            buf.append(" ")
        buf.append(el.text or "")
        for child in el:
            walk(child)
        if not inline:
            flush()
        buf.append(el.tail or "")

    walk(body)
    flush()
    return blocks


@dataclass
class PageScore:
    """One page's figures and the mistakes behind them."""

    name: str
    half: str
    article_chars: int = 0
    article_kept: float = 0.0
    junk_chars: int = 0
    junk_left: int = 0
    fields: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)   # gold, got
    lost: list[str] = field(default_factory=list)
    junk_kept: list[str] = field(default_factory=list)


def _surviving(text: str, spans: list[list[int]]) -> list[str]:
    """The article's lines after removing the junk spans, folded."""
    pieces, pos = [], 0
    for start, end in sorted(spans):
        pieces.append(text[pos:start])
        pos = max(pos, end)
    pieces.append(text[pos:])
    return [fold(line) for piece in pieces for line in piece.split("\n") if line.strip()]


def score_page(html: str, gold: dict, text: str, spans: list[list[int]],
               got: dict[str, str | None], name: str = "page") -> PageScore:
    """Score one extracted page against its gold."""
    score = PageScore(name, half_of(name))
    lines = _surviving(text, spans)
    kept = " " + " ".join(lines) + " "
    kept_words = kept.split()
    paragraphs = [fold(p) for p in gold.get("paragraphs", [])]
    for p in paragraphs:
        score.article_chars += len(p)
        if f" {p} " in kept or p in kept:
            score.article_kept += len(p)
            continue
        words = p.split()
        matcher = difflib.SequenceMatcher(None, words, kept_words, autojunk=False)
        matched = sum(b.size for b in matcher.get_matching_blocks() if b.size >= 3)
        score.article_kept += len(p) * matched / max(1, len(words))
        score.lost.append(p[:80])
    known = paragraphs + [fold(x) for x in gold.get("ignore", [])] + [fold(gold.get("title"))]
    junk_lines = [ln for ln in lines if not any(ln in k or k in ln for k in paragraphs if k)]
    for block in dict.fromkeys(fold(b) for b in visible_blocks(html)):
        if not block or any(block in k for k in known if k):
            continue
        score.junk_chars += len(block)
        if len(block.split()) >= 3:
            present = f" {block} " in kept
        else:
            present = any(ln == block or (len(ln.split()) <= 6 and f" {block} " in f" {ln} ")
                          for ln in junk_lines)
        if present:
            score.junk_left += len(block)
            score.junk_kept.append(block[:80])
    for name_ in FIELDS:
        want = gold.get({"no_h1": "title", "no_meta": "date"}.get(name_, name_))
        if want is not None:
            score.fields[name_] = (want, got.get(name_))
    if "author" in gold and gold["author"] is None:
        score.fields["no_au"] = ("", got.get("author") or "")
    return score


def extract_page(path: Path, patterns=None, html_signals: bool = True
                 ) -> tuple[str, list[list[int]], dict[str, str | None]]:
    """Run the HTML path of the pipeline (ingest, clean, metadata) on one page, without NLP.

    ``html_signals=False`` leaves out the HTML pruning, to measure the text rules alone.
    """
    from newsgraph.clean import clean_text
    from newsgraph.errors import InputError
    from newsgraph.ingest.html import extract_html

    try:
        page = extract_html(path.read_text(encoding="utf-8"), html_signals=html_signals)
    except InputError:
        return "", [], {}
    cleaned = clean_text(page.text, patterns)
    meta = cleaned.metadata
    got = {"title": page.title or meta.title, "author": page.author or meta.author,
           "outlet": page.outlet or meta.outlet, "date": page.published or meta.published,
           "no_h1": _title_without_h1(path, page.outlet), "no_meta": _date_without_meta(path)}
    return page.text, cleaned.boilerplate, got


def _title_without_h1(path: Path, outlet: str | None) -> str | None:
    from newsgraph.clean.page_meta import strip_site_name

    node = lxml.html.fromstring(path.read_bytes()).find(".//title")
    return strip_site_name(node.text_content(), [outlet] if outlet else []) if node is not None else None


def _date_without_meta(path: Path) -> str | None:
    from newsgraph.clean import clean_text
    from newsgraph.errors import InputError
    from newsgraph.ingest.html import extract_html

    try:
        page = extract_html(_META_RE.sub("", path.read_text(encoding="utf-8")))
    except InputError:
        return None
    return page.published or clean_text(page.text).metadata.published


def evaluate_pages(folder: Path, patterns=None, html_signals: bool = True) -> list[PageScore]:
    """Score every ``*.html`` page of ``folder`` that has a ``.gold.json`` beside it."""
    scores = []
    for page in sorted(Path(folder).glob("*.html")):
        gold_path = page.with_suffix(".gold.json")
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text, spans, got = extract_page(page, patterns, html_signals)
        scores.append(score_page(page.read_text(encoding="utf-8"), gold, text, spans, got, page.stem))
    return scores


def summarize(scores: list[PageScore]) -> dict[str, float | int]:
    """Percentages over a list of pages: text kept, junk removed and each metadata field."""
    out: dict[str, float | int] = {"pages": len(scores)}
    art = sum(s.article_chars for s in scores)
    junk = sum(s.junk_chars for s in scores)
    out["text_kept"] = 100 * sum(s.article_kept for s in scores) / art if art else 0.0
    out["junk_removed"] = 100 * (1 - sum(s.junk_left for s in scores) / junk) if junk else 0.0
    for name in FIELDS:
        pairs = [s.fields[name] for s in scores if name in s.fields]
        right = sum(1 for g, p in pairs if fold(g) == fold(p))
        out[name] = 100 * right / len(pairs) if pairs else 0.0
    return out


def format_page_scores(scores: list[PageScore], details: bool = False) -> str:
    """A table per half (A, B, all) and, with ``details``, every mistake by page."""
    rows = [f"{'half':<5}{'pages':>6}{'text kept':>11}{'junk removed':>14}"
            + "".join(f"{n:>8}" for n in FIELDS)]
    for label, part in (("A", [s for s in scores if s.half == "A"]),
                        ("B", [s for s in scores if s.half == "B"]), ("all", scores)):
        m = summarize(part)
        rows.append(f"{label:<5}{m['pages']:>6}{m['text_kept']:>10.1f}%{m['junk_removed']:>13.1f}%"
                    + "".join(f"{m[n]:>7.0f}%" if any(n in s.fields for s in part) else f"{'-':>8}"
                              for n in FIELDS))
    if details:
        for s in scores:
            wrong = [f"{n}: want {g!r}, got {p!r}" for n, (g, p) in s.fields.items() if fold(g) != fold(p)]
            if wrong or s.lost or s.junk_kept:
                rows.append(f"\n{s.name} ({s.half})")
                rows += [f"  {w}" for w in wrong]
                rows += [f"  lost article: {x!r}" for x in s.lost]
                rows += [f"  junk kept: {x!r}" for x in s.junk_kept]
    return "\n".join(rows)
