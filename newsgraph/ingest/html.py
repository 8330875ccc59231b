"""Main text and page metadata from a web page, via trafilatura.

trafilatura is the best-maintained main-content extractor for news pages; it
also reads the page's own metadata (title, author, site name, publication
date). The extracted text becomes the article text that every offset points
into, so it is written out as the record's ``text``.
"""
from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from newsgraph.errors import InputError, message

MIN_WORDS = 8

# Only dates the page states: no guessing from the URL or the page's text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass
class PageContent:
    """What trafilatura found in one page."""

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


def extract_html(html: str, url: str | None = None) -> PageContent:
    """Extract the article text and metadata from ``html``.

    Raises:
        InputError: when no article text can be found (broken or empty page).
    """
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            include_tables=False, date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura raises many types on broken markup
        raise InputError(message("E009") + f" ({type(exc).__name__})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_WORDS:  # a menu or a title alone is not an article
        raise InputError(message("E009"))
    date = getattr(doc, "date", None)
    return PageContent(
        text=text,
        title=getattr(doc, "title", None) or None,
        author=getattr(doc, "author", None) or None,
        outlet=getattr(doc, "sitename", None) or None,
        published=date if date and len(date) == 10 else None,
        url=getattr(doc, "url", None) or url,
    )
