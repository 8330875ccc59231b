"""What the lines just under a page's headline say: a bare byline, the date, the credited source.

Why: many pages carry no author or source metadata and no "byline" class,
yet show both under the headline as a reader sees them: "Kwame Asante ·
July 22, 2025", a name above "Western Broadcasting News, Caernarfon", the
logo of the agency an aggregator took the story from, or a government
portal's "From: Department for Rural Development", or a date ("Published
February 27, 2025") on a page whose metadata gives none. Only the elements
between the ``h1`` and the second paragraph of prose are read, so article
text, related lists, footers and the header's clock never name the author, the
outlet or the date.
"""
from __future__ import annotations

import re

from newsgraph.clean.page import is_prose, label_of, text_of
from newsgraph.clean.page_meta import SEPARATOR_RE, clean_author, outlet_data
from newsgraph.clean.metadata import parse_date
from newsgraph.clean.patterns import DATE_HINT_RE, DATE_ONLY_RE, default_patterns

_HEAD_WORDS = 12    # a byline or credit line under the headline is this short
_PARTS_RE = re.compile(r"\s*[·•|–—]\s*|\s+-\s+|,\s+")
_FROM_RE = re.compile(r"^(?:from|source|provided by)\s*:?\s*$|^(?:from|source)\s*:", re.I)
_LOGO_RE = re.compile(r"(?<![a-z])(?:logo|provider|source[-_]?name|attribution)", re.I)
_BLOCK = {"p", "div", "span", "li", "dd", "dt", "address", "time", "a", "small", "strong", "b", "i", "em", "font",
          "h2", "h3", "h4", "h5", "h6", "td"}


def head_elements(root) -> list:
    """The elements after the first ``h1`` and before the second prose paragraph, in page order
    (a standfirst often sits between the headline and the byline or "From:" line). The readers
    below take this list as ``head`` so a page is walked once."""
    h1 = next(root.iter("h1"), None)
    if h1 is None:
        h1 = _shown_title(root)   # no h1: the element showing the <title>'s headline
    if h1 is None:
        return []
    out, seen, prose = [], False, 0
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el is h1:
            seen = True
            continue
        if not seen or h1 in el.iterancestors():
            continue
        if el.tag == "p" and is_prose(text_of(el)):
            prose += 1
            if prose == 2:
                break
            continue
        out.append(el)
    return out


def _shown_title(root):
    """On a page without an ``h1``, the first element whose whole text is a segment of three or
    more words of the ``<title>`` ("<font><b>County commissioners reject ...</b></font>")."""
    node = root.find(".//title")
    segments = {seg.strip() for seg in SEPARATOR_RE.split(text_of(node) if node is not None else "")
                if len(seg.split()) >= 3}
    body = root.find(".//body")
    for el in (body if body is not None else root).iter():
        if isinstance(el.tag, str) and segments and text_of(el) in segments:
            return el
    return None


def _affiliation(text: str) -> bool:
    """A short line naming an outlet, a role or a date: "Western Broadcasting News, Caernarfon"."""
    if not text or len(text.split()) > 8 or re.search(r"\b(?:by|from)\W*$", text, re.I):
        return False   # "News provided by": a label naming the company below it, no byline
    words = {w.lower() for w in re.findall(r"[\w'’]+", text)}
    return bool(DATE_HINT_RE.search(text) or words & outlet_data().outlet_words
                or words & default_patterns().bio_roles)


def _introduced(el) -> bool:
    """An element right after a label that introduces it ("News provided by", "From:"): the
    company or source it names is no author."""
    while el.getprevious() is None and el.getparent() is not None and text_of(el.getparent()) == text_of(el):
        el = el.getparent()   # <p><a>Name</a></p>: the label sits before the paragraph
    prev = el.getprevious()
    label = text_of(prev) if prev is not None else ""
    return bool(re.search(r"(?:\bby|\bfrom|:)\W*$", label, re.I))


def head_byline(root, outlet: str | None, head: list | None = None) -> str | None:
    """A person named under the headline without a byline label.

    Either one line "Name · date" (a name, a separator, a date), or a line that
    is only a name of two or more words with a date, role or outlet line right
    beside it. Single words and outlet names are never taken.
    """
    for el in head if head is not None else head_elements(root):
        if el.tag not in _BLOCK or any(isinstance(c.tag, str) and c.tag in ("p", "div") for c in el):
            continue
        text = text_of(el)
        if not text or len(text.split()) > _HEAD_WORDS or _introduced(el):
            continue
        parts = [p for p in _PARTS_RE.split(text) if p.strip()]
        dated = len(parts) >= 2 and any(DATE_HINT_RE.search(p) for p in parts[1:])
        if not dated:
            near = [x for x in (el.getprevious(), el.getnext()) if x is not None]
            if not near or not any(_affiliation(text_of(x)) for x in near):
                continue
            parts = [text]
        name = clean_author(parts[0], outlet)
        if name and len(name.split()) >= 2 and "," not in name:
            return name
    return None


def credited_outlet(root, head: list | None = None) -> str | None:
    """The outlet a page credits under its headline: "From: <a>Ministry ...</a>", or a
    source logo in the story's attribution (an aggregator's copy of an agency story)."""
    junk = default_patterns().joined()["html"]
    agencies = {a.lower() for a in default_patterns().agencies}
    for el in head if head is not None else head_elements(root):
        label = label_of(el)
        text = text_of(el)
        if _FROM_RE.match(text):
            holder = el.getnext() if el.tag == "dt" else el
            link = next((a for a in holder.iter("a")), None) if holder is not None else None
            name = text_of(link) if link is not None else _FROM_RE.sub("", text).strip()
            if 1 <= len(name.split()) <= 8 and name.lower() not in agencies:   # "Source: AFP" credits the agency
                return name
        elif _LOGO_RE.search(label) and not junk.search(label) and 2 <= len(text.split()) <= 6:
            return text
    return None


_UPDATED_RE = re.compile(r"\b(?:updated|modified|edited|last)\b", re.I)


def head_date(root, head: list | None = None) -> str | None:
    """The publication date shown under the headline (``YYYY-MM-DD``): a ``<time datetime>``
    or a short line holding a date; an "Updated ..." date only when no other is shown."""
    updated = None
    for el in head if head is not None else head_elements(root):
        text = text_of(el)
        if el.tag == "time" and el.get("datetime"):
            date = parse_date(el.get("datetime")[:10])
        elif el.tag in _BLOCK and text and len(text.split()) <= 15 and not any(
                isinstance(c.tag, str) and c.tag in ("p", "div") for c in el):
            m = DATE_ONLY_RE.search(text)
            date = parse_date(m.group(0)) if m else None
        else:
            continue
        if not date:
            continue
        if _UPDATED_RE.search(text) and not re.search(r"publish|posted", text, re.I):
            updated = updated or date
            continue
        return date
    return updated


def headline_text(h1) -> str:
    """The ``h1``'s text without a section label inside it ("<span class=kicker>Transport</span>
    Chile and Argentina agree ..."): an element whose class names junk, at the start of the
    headline, of at most three words, before a headline of four or more."""
    junk = default_patterns().joined()["html"]
    text = text_of(h1)
    first = next((c for c in h1 if isinstance(c.tag, str)), None)
    if first is None or (h1.text or "").strip() or not junk.search(label_of(first)):
        return text
    label = text_of(first)
    rest = text[len(label):].strip() if text.startswith(label) else text
    return rest if label and len(label.split()) <= 3 and len(rest.split()) >= 4 else text


_HEADLINE_RE = re.compile(r"(?<![a-z])(?:headline|(?:entry|post|article|story|news|page|detail)[-_]?(?:title|headline)"
                          r"|title[-_]?detail)", re.I)


def headline_candidates(root) -> list[str]:
    """Texts that may be the headline on a page whose ``h1`` is missing or is the site's logo:
    the element showing the ``<title>``'s headline, ``h2``/``h3`` elements and elements called
    "headline", "entry-title", "post-title" (or with ``itemprop=headline``) above the first
    paragraph of prose, in page order; dates excluded."""
    shown = _shown_title(root)
    found = [text_of(shown)] if shown is not None else []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "title", "meta"):
            continue
        text = text_of(el)
        if el.tag == "p" and is_prose(text):
            break
        named = bool(_HEADLINE_RE.search(label_of(el))) or el.get("itemprop") == "headline"
        if (el.tag in ("h2", "h3") or (named and el.tag in _BLOCK | {"h1", "h4"})) and text \
                and 3 <= len(text.split()) <= 40 and not DATE_ONLY_RE.search(text) and text not in found:
            found.append(text)
    return found
