"""Main text and page metadata from a web page: trafilatura, helped by what the page's HTML says.

trafilatura is the best-maintained main-content extractor for news pages; it
also reads the page's own metadata (title, author, site name, publication
date). It keeps junk that sits inside the article container and can lose a
lede that sits outside it, so the page is pruned first by its HTML signals
(``newsgraph.clean.page``: junk classes, captions, link-only teasers, drop
caps) and a lost lede is put back. Title, author and outlet are then read as
the page shows them (``newsgraph.clean.page_meta``). The extracted text
becomes the article text every offset points into, so it is written out as
the record's ``text``. Nothing here depends on other pages: the same page
always gives the same record.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

import trafilatura
from trafilatura.metadata import extract_metadata

from newsgraph.clean.page import is_prose, missing_lede, prune, text_of
from newsgraph.clean.page_head import (
    credited_outlet, head_byline, head_date, head_elements, headline_candidates, headline_text,
)
from newsgraph.clean.page_meta import (
    byline_author, choose_title, clean_author, outlet_from_title, outlet_name, pick_author,
)
from newsgraph.errors import InputError, message

MIN_WORDS = 8

# Only dates the page states: no guessing from the URL or the page's text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass
class PageContent:
    """What was found in one page."""

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    dropped: list[str] = field(default_factory=list)   # texts of the page elements pruned as junk


def _main_text(tree, url: str | None) -> str:
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=False, include_comments=False,
                                      include_tables=False)
    return (getattr(doc, "text", None) or "").strip() if doc is not None else ""


def extract_html(html: str, url: str | None = None, html_signals: bool = True) -> PageContent:
    """Extract the article text and metadata from ``html``.

    Args:
        html: the page.
        url: where it came from, if known (the page's canonical link wins).
        html_signals: prune junk elements and restore ledes before and after
            trafilatura (False: trafilatura alone, to measure what the text
            rules catch by themselves).

    Raises:
        InputError: when no article text can be found (broken or empty page).
    """
    try:
        tree = trafilatura.load_html(html)
        if tree is None:
            raise InputError(message("E009"))
        meta = extract_metadata(copy.deepcopy(tree), url, _DATE_PARAMS, False)
        pruned = copy.deepcopy(tree)
        dropped = prune(pruned) if html_signals else []
        lede_view = copy.deepcopy(pruned)
        text = _main_text(pruned, url or meta.url)
        if len(text.split()) < MIN_WORDS:   # pruning must never cost the article: fall back to the whole page
            text, dropped, lede_view = _main_text(copy.deepcopy(tree), url or meta.url), [], tree
    except InputError:
        raise
    except Exception as exc:  # trafilatura and lxml raise many types on broken markup
        raise InputError(message("E009") + f" ({type(exc).__name__})") from None
    if len(text.split()) < MIN_WORDS:  # a menu or a title alone is not an article
        raise InputError(message("E009"))
    lede = missing_lede(lede_view, text) if html_signals else []
    if lede:
        text = _with_lede(text, lede)
    page_url = getattr(meta, "url", None) or url
    head = head_elements(tree)
    outlet = credited_outlet(tree, head) or outlet_name(getattr(meta, "sitename", None), page_url, _name_texts(tree, meta))
    h1s = [headline_text(h) for h in tree.iter("h1")]
    others = headline_candidates(tree)
    outlet = outlet or outlet_from_title(_title_tag(tree), h1s or others[:1])
    names = [n for n in (outlet, getattr(meta, "sitename", None)) if n]
    author = pick_author(clean_author(getattr(meta, "author", None), outlet),
                         byline_author(tree, outlet)) or head_byline(tree, outlet, head)
    date = getattr(meta, "date", None)
    date = date if date and len(date) == 10 else head_date(tree, head)
    return PageContent(
        text=text,
        title=choose_title(h1s, getattr(meta, "title", None) or _title_tag(tree), names, others),
        author=author,
        outlet=outlet,
        published=date,
        url=page_url,
        dropped=dropped,
    )


def _with_lede(text: str, lede: list[str]) -> str:
    """``text`` with the lost lede paragraphs put just before its first paragraph of prose,
    so a section label, headline or date line trafilatura kept stays above them."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if is_prose(line.strip())), 0)
    return "\n".join([*lines[:first], *lede, *lines[first:]])


def _title_tag(tree) -> str | None:
    node = tree.find(".//title")
    return text_of(node) if node is not None else None


def _name_texts(tree, meta) -> list[str]:
    """Texts that may spell the site's name with spaces: the title tag, logos, ``h1`` (a blog's
    name), copyright lines; a text counts only where it spells the site name or the domain."""
    texts = [t for t in (_title_tag(tree), getattr(meta, "title", None)) if t]
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        label = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if "logo" in label or "site-title" in label or "brand" in label or el.tag == "h1":
            texts.append(text_of(el))
        alt = el.get("alt") if el.tag == "img" else None
        if alt and ("logo" in alt.lower() or "logo" in label or "masthead" in label):
            texts.append(re.sub(r"\s*\blogo\b\s*", " ", alt, flags=re.I).strip())   # <img alt="Kilkenny Voice logo">
    texts += [t.strip() for t in tree.itertext() if "©" in t or "copyright" in t.lower()][:5]
    return texts
