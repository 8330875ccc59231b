"""Page junk told apart by what the HTML says, before and after trafilatura.

Why: trafilatura keeps much of what sits inside an article container —
newsletter boxes, related-story teasers, captions, author bios, paywall and
app prompts — and sometimes drops what sits outside it (a lede in the page
header) or splits a paragraph whose first letter is a separate drop-cap
element. The HTML says which is which better than the flattened text can:
element classes and ids ("newsletter-signup", "related-coverage",
"author-bio"), tags (``figcaption``, ``aside``, ``form``), and blocks made only
of links. This module prunes such elements from the parsed page before
trafilatura reads it, joins drop caps back onto their paragraph, and finds
lede paragraphs trafilatura left out. Every decision looks at this one page
only, so the same page always gives the same text whatever else is in the batch.

The class and id words are data (``html_classes`` in ``boilerplate.yaml``);
an element holding much of the page's prose, or the headline, is never pruned,
so a junk-sounding class on a wrapper cannot take the article with it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from newsgraph.clean.patterns import BoilerplatePatterns, TERMINAL, CLOSERS, default_patterns

if TYPE_CHECKING:
    from lxml.etree import _Element

_NEVER = {"html", "body", "head", "main", "h1"}
_JUNK_TAGS = {"figcaption", "form", "button", "nav", "aside", "dialog", "select", "footer"}
_INLINE = {"a", "span", "strong", "em", "b", "i", "u", "time", "abbr", "small", "sup", "sub", "br", "mark"}
_BLOCKS = {"p", "li", "div", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "blockquote", "section"}
_SHARE_LIMIT = 0.3       # an element holding this share of the page's prose is never pruned
_LINK_SHARE = 0.7        # a short block this much link text is a teaser or a menu
_LINK_BLOCK_WORDS = 25   # ... when it has fewer words than this
_PROSE_WORDS = 12        # a paragraph with this many words, ending a sentence, reads as article text


def words(text: str | None) -> int:
    """How many words ``text`` has."""
    return len((text or "").split())


def text_of(el) -> str:
    """All the text inside ``el``, single-spaced."""
    return " ".join("".join(el.itertext()).split())


def is_prose(text: str) -> bool:
    """A paragraph that reads as article text: enough words and a sentence ending."""
    return words(text) >= _PROSE_WORDS and text.rstrip(CLOSERS)[-1:] in TERMINAL


_LABEL_ATTRS = ("class", "id", "data-testid", "data-component", "data-module", "role", "aria-label")


def label_of(el) -> str:
    """What the page's code calls an element: its class, id and test/component names, lower-cased."""
    return " ".join(el.get(a) or "" for a in _LABEL_ATTRS).lower()


def _elements(root) -> Iterator:
    return (el for el in root.iter() if isinstance(el.tag, str))


def _prose_held(root) -> dict[_Element, tuple[int, int]]:
    """For every element, (characters, paragraphs) of the prose paragraphs it holds."""
    held: dict[_Element, tuple[int, int]] = {}
    for p in root.iter("p"):
        text = text_of(p)
        if not is_prose(text):
            continue
        el = p
        while el is not None:
            chars, count = held.get(el, (0, 0))
            held[el] = (chars + len(text), count + 1)
            el = el.getparent()
    return held


def _holds_article(el, held: dict[_Element, tuple[int, int]], total: int) -> bool:
    """Much of the page's prose, or several paragraphs of it (the rest of an article in a
    "subscriber-only" box): never pruned, whatever its class says."""
    chars, count = held.get(el, (0, 0))
    return chars > _SHARE_LIMIT * total or (count >= 3 and chars > _SHARE_LIMIT / 2 * total)


def _link_dense(el) -> bool:
    """A short block that is mostly link text: a teaser, a list of related stories, a menu."""
    text = text_of(el)
    limit = _LINK_BLOCK_WORDS if el.tag in ("p", "li") else 2 * _LINK_BLOCK_WORDS
    if not text or words(text) >= limit or el.tag not in _BLOCKS:
        return False
    linked = sum(len(text_of(a)) for a in el.iter("a"))
    return linked >= _LINK_SHARE * len(text)


def junk_elements(root, patterns: BoilerplatePatterns | None = None) -> list:
    """The elements of a parsed page that are page junk, outermost first.

    Args:
        root: the page, parsed with lxml.html.
        patterns: junk patterns (the ``html_classes`` section); None uses the packaged ones.
    Returns:
        Elements to drop: junk tags, elements whose class or id names junk,
        short link-only blocks — never one that holds the headline or a large
        share of the page's prose.
    """
    pats = patterns or default_patterns()
    rx = pats.joined()["html"]
    held = _prose_held(root)
    total = held.get(root, (0, 0))[0] or 1
    found, inside = [], set()
    for el in _elements(root):
        if el.tag in _NEVER or el in inside:
            continue
        junk = el.tag in _JUNK_TAGS or bool(rx.search(label_of(el))) or _link_dense(el)
        if not junk or _holds_article(el, held, total) or next(el.iter("h1"), None) is not None:
            continue
        found.append(el)
        inside.update(el.iter())
    return found


def join_drop_caps(root) -> int:
    """Put a drop-cap letter kept in its own element back in front of its paragraph.

    "<span class=dropcap>W</span> hen" or "<div>W</div><p>hen ...</p>" would
    otherwise become "W hen" or a line "W" apart from its paragraph.
    Returns how many were joined.
    """
    joined = 0
    for el in list(_elements(root)):
        letter = (el.text or "").strip()
        if len(el) or len(letter) != 1 or not letter.isupper() or el.getparent() is None:
            continue
        tail = el.tail or ""
        nxt = el.getnext()
        if tail.strip():
            if tail.lstrip()[:1].islower():
                _drop_keep_tail(el, letter + tail.lstrip())
                joined += 1
        elif nxt is not None and (nxt.text or "").lstrip()[:1].islower():
            nxt.text = letter + (nxt.text or "").lstrip()
            _drop_keep_tail(el, tail)
            joined += 1
    return joined


def _drop_keep_tail(el, tail: str) -> None:
    """Remove ``el`` but keep ``tail`` where it stood."""
    parent, prev = el.getparent(), el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def prune(root, patterns: BoilerplatePatterns | None = None) -> list[str]:
    """Drop the junk elements of ``root`` in place and join drop caps; returns the dropped texts."""
    join_drop_caps(root)
    dropped = []
    for el in junk_elements(root, patterns):
        text = text_of(el)
        if text:
            dropped.append(text)
        if el.getparent() is not None:
            _drop_keep_tail(el, el.tail or "")
    return dropped


def missing_lede(root, text: str) -> list[str]:
    """Prose paragraphs between the headline and the first paragraph trafilatura kept.

    Why: a lede or intro paragraph often sits in the page header, outside the
    container trafilatura picks, and is then lost. Only paragraphs below the
    ``h1``, reading as sentences, mostly not links, and absent from ``text``
    are returned, in page order, with the highlight bullets that open the
    article's own container (see ``_top_highlight``).
    """
    folded = " ".join(text.split())
    seen_h1, found = False, []
    for el in _elements(root):
        if el.tag == "h1":
            seen_h1 = True
            continue
        if not seen_h1 or not (el.tag in ("p", "li") or (el.tag in ("div", "section") and not any(
                isinstance(c.tag, str) and c.tag not in _INLINE for c in el))):
            continue   # a paragraph, a list item, or a box holding only text ("<div class=lead>...</div>")
        para = text_of(el)
        if para and para in folded:
            break   # trafilatura's text has begun
        if el.tag == "li" and not _top_highlight(el, para, folded):
            continue
        if (el.tag == "li" or is_prose(para)) and not _link_dense(el) \
                and not any(a.tag == "figure" for a in el.iterancestors()):
            found.append(para)
    return found


def _top_highlight(li, text: str, folded: str) -> bool:
    """A highlight bullet opening the article's own container ("HB-204 met its primary
    endpoint ..." above a release's first paragraph): a list item of 5+ words whose list
    sits beside paragraphs trafilatura kept. Menus and summary boxes elsewhere do not."""
    lst = li.getparent()
    box = lst.getparent() if lst is not None else None
    if box is None or words(text) < 5 or len(lst) > 6:
        return False
    return any(c.tag == "p" and text_of(c) and text_of(c) in folded for c in box)


