"""Title, author and outlet of a web page, as a reader of the page would give them.

Why: the page's own metadata is written for search engines and sharing
buttons, not for analysts. Titles carry the site's name ("… | Site"), an
``og:title`` may be a rewrite of the headline the page shows, author fields
get a date, a URL or the outlet glued on ("Name; January", "CBS News
February", "https; Www …"), and a site without ``og:site_name`` is named after
its domain ("Timesofisrael"). This module reads the page (its ``h1``, byline
elements, title segments) to give the headline, the person and a readable
outlet name. Known domains and the words that mark outlet names are data
(``knowledge/data/outlets.yaml``, extended by the files named in the
``NEWSGRAPH_OUTLETS`` environment variable).
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from newsgraph.clean.page import label_of, text_of
from newsgraph.clean.patterns import CALENDAR_RE, MONTH, BoilerplatePatterns, default_patterns
from newsgraph.knowledge.loader import KnowledgeError, layers, require

OUTLETS_ENV = "NEWSGRAPH_OUTLETS"
SEPARATOR_RE = re.compile(r"\s+(?:::|[|–—:·•»~])\s+|\s+-\s+|\s*\|\s*")
_BYLINE_LABEL_RE = re.compile(r"by[-_]?line|author|writer|columnist|reporter|contributor[-_]?name", re.I)
_PERSON_HREF_RE = re.compile(r"/(?:authors?|people|person|profiles?|staff|journalists?|writers?|columnists?)/", re.I)
_CUT_RE = re.compile(rf"\b(?:{MONTH}(?!\w)|\d|(?:published|updated|posted|on)\b)", re.I)
_URLISH_RE = re.compile(r"https?\b|\bwww\b|\.(?:com|org|net|co)\b|/|@", re.I)
_LEAD_RE = re.compile(r"^(?:by|written by|words by|story by|author|authors|posted by)\s*:?\s+", re.I)
_NAME_TOKEN_RE = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]*|de|da|del|van|von|der|den|al|el|bin|ibn|la|le|di|du)$")
_BIO_LABEL_RE = re.compile(r"(?<![a-z])(?:bio|about|profile|author[-_]?(?:info|box|card))", re.I)
_BY_RE = re.compile(r"\s*(?:(?:Posted|Written|Published) )?[Bb]y\s+[A-Z]")
_INNER_BY_RE = re.compile(r"(?<=\S)\s+(?:By|BY)\s+(?=[A-Z])")
_BY_PIECE_RE = re.compile(r"(?:by|written by)\b", re.I)
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"}


@dataclass
class OutletData:
    """Known sites (domain -> name) and the words that mark an outlet's name."""

    sites: dict[str, str] = field(default_factory=dict)
    outlet_words: set[str] = field(default_factory=set)
    platforms: set[str] = field(default_factory=set)   # blog hosts: the sub-domain names the outlet


@functools.lru_cache(maxsize=8)
def _load_outlets(extra: tuple[str, ...]) -> OutletData:
    data = OutletData()
    for path, layer in layers("outlets.yaml", extra):
        for section, entries in layer.items():
            if section not in ("sites", "outlet_words", "platforms"):
                raise KnowledgeError(f"{path}: unknown section {section!r}; expected sites, platforms or outlet_words")
            for i, entry in enumerate(entries or []):
                where = f"{path}: {section}[{i}]"
                if section == "sites":
                    e = require(entry, ("domain", "name", "why"), where)
                    data.sites[str(e["domain"]).lower().removeprefix("www.")] = str(e["name"])
                elif section == "platforms":
                    data.platforms.add(str(require(entry, ("name", "why"), where)["name"]).lower())
                else:
                    data.outlet_words.add(str(require(entry, ("word", "why"), where)["word"]).lower())
    return data


def outlet_data() -> OutletData:
    """The shipped outlet data with the user's files (``NEWSGRAPH_OUTLETS``) layered over it."""
    extra = tuple(p for p in os.environ.get(OUTLETS_ENV, "").split(os.pathsep) if p)
    return _load_outlets(extra)


def squash(text: str | None) -> str:
    """Letters and digits only, lower-cased: "The Times-of Israel" and "thetimesofisrael" compare equal."""
    return re.sub(r"[\W_]+", "", (text or "").lower())


def host_of(url: str | None) -> str:
    """The host of ``url`` without "www.", or ""."""
    try:
        return (urlparse(url or "").hostname or "").removeprefix("www.")
    except ValueError:
        return ""


def domain_core(host: str) -> str:
    """The name part of a host: "coastal-affairs" for "www.coastal-affairs.gov.uk", the blog's
    "shirenotes" for "shirenotes.blogspot.com" (hosts listed under ``platforms``)."""
    labels = host.split(".")
    if len(labels) > 1:
        labels = labels[:-1]
        if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
            labels = labels[:-1]
        if len(labels) > 1 and labels[-1] in outlet_data().platforms:
            labels = labels[:-1]
    return labels[-1] if labels and labels[-1] else ""


def _known_site(host: str, data: OutletData) -> str | None:
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = data.sites.get(".".join(parts[i:]))
        if name:
            return name
    return None


def _readable(name: str) -> bool:
    """A name a reader would write: not a domain, not glued, not one lower-case word."""
    return bool(name) and not re.search(r"[_]|\.[a-z]{2,}\b", name) and (" " in name or not name.islower())


def outlet_name(site_name: str | None, url: str | None, title_texts: list[str]) -> str | None:
    """The outlet's readable name.

    Args:
        site_name: what the page's metadata calls the site (``og:site_name``
            or trafilatura's guess), as given.
        url: the page's URL (canonical link), if known.
        title_texts: texts that may spell the name with spaces: the page
            title, the logo, the copyright line.
    Returns:
        The name in ``outlets.yaml`` for the page's domain; else the site name
        when it reads as a name; else a spelling of it (or of the domain) found
        in ``title_texts``; else the domain, hyphens made spaces.
    """
    data, host = outlet_data(), host_of(url)
    known = _known_site(host, data) if host else None
    if known:
        return known
    name = (site_name or "").strip()
    looks_like_domain = bool(host) and squash(name) in (squash(host), squash(domain_core(host)))
    if name and _readable(name) and (" " in name or not looks_like_domain):
        return name
    targets = {t for t in (squash(name), squash(domain_core(host))) if t}
    for text in title_texts:
        for seg in SEPARATOR_RE.split(text or "") + re.findall(r"^([^:|]{2,60}):\s", text or ""):
            seg = seg.strip(" ©.,")
            seg = re.sub(r"^(?:copyright\s*)?(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?", "", seg, flags=re.I)
            seg = re.sub(r"\s*\d{4}$", "", seg).strip()
            if seg and squash(seg) in targets and " " in seg:
                return seg if not seg.isupper() else seg.title()
    for text in title_texts:   # "Gulftribune" from gulftribune.example: the title's "Gulf Daily Tribune"
        for seg in SEPARATOR_RE.split(text or ""):
            seg = seg.strip(" ©.,")
            if " " in seg and len(seg.split()) <= 6 and any(_spelled_by(t, seg) for t in targets):
                return seg if not seg.isupper() else seg.title()
    if name and _readable(name):
        return name
    core = domain_core(host) if host else re.sub(r"\.[a-z]{2,}$", "", name.replace("_", "."), flags=re.I)
    core = core.split(".")[0] if core else ""
    return " ".join(w.capitalize() for w in re.split(r"[-_]+", core) if w) or (name or None)


def _spelled_by(glued: str, name: str) -> bool:
    """True when ``glued`` ("gulftribune", "panafricannews") is made of the words of ``name``
    ("Gulf Daily Tribune", "Pan-African News Agency") in order, each whole or as its initial,
    some skipped, with its first or second word and at least two words used."""
    words = [w for w in re.split(r"[\W_]+", name.lower()) if w]

    def fit(i: int, pos: int, used: int, whole: int) -> bool:
        if pos == len(glued):
            return used >= 2 and 2 * whole >= len(glued)   # mostly whole words, not a string of initials
        if i == len(words):
            return False
        w = words[i]
        return (glued.startswith(w, pos) and fit(i + 1, pos + len(w), used + 1, whole + len(w))) \
            or (glued[pos] == w[0] and fit(i + 1, pos + 1, used + 1, whole)) \
            or ((used or i == 0) and fit(i + 1, pos, used, whole))

    return bool(glued) and len(words) <= 8 and fit(0, 0, 0, 0)


def outlet_from_title(title: str | None, h1s: list[str]) -> str | None:
    """The site's name as the one segment of the page title that is not the headline
    ("Pacific Islands Courier :: Flooding closes ..."), for a page that names its site nowhere else."""
    heads = {squash(h) for h in h1s if h}
    parts = [p.strip() for p in SEPARATOR_RE.split(title or "") if p.strip()]
    rest = [p for p in parts if squash(p) not in heads]
    if len(parts) == 2 and len(rest) == 1 and len(rest[0].split()) <= 6:
        return rest[0]
    return None


def strip_site_name(title: str | None, names: list[str]) -> str | None:
    """``title`` without the segments that name the site ("Headline | Site" -> "Headline"),
    with a section label or region beside the site's name ("Headline | Transport | Site",
    "Headline | Site | NSW") and a section label in front ("Opinion | Headline")."""
    if not title:
        return None
    targets = {squash(n) for n in names if n and squash(n)}
    lead = re.match(r"([^:|]{2,60}):\s+(?=\S)", title)
    if lead and (squash(lead.group(1)) in targets or _names_site(lead.group(1), names)) \
            and len(title[lead.end():].split()) >= 3:
        title = title[lead.end():]   # "Kilkenny Voice: Local bakery wins ..."
    parts = [p.strip() for p in SEPARATOR_RE.split(title) if p.strip()]
    site = next((i for i, p in enumerate(parts) if i and (squash(p) in targets or _names_site(p, names))
                 and all(len(x.split()) <= 3 for x in parts[i + 1:])), None)
    if site is not None:
        kept = parts[:site]
        while len(kept) > 1 and len(kept[-1].split()) <= 2:
            kept.pop()   # "Headline | Transport | Site": the section label before the site's name
    else:
        kept = [p for p in parts if squash(p) not in targets]
    if len(kept) > 1 and len(kept[0].split()) <= 2 and len(" ".join(kept[1:]).split()) >= 4 and "|" in title:
        kept = kept[1:]   # "Opinion | Headline": a section label in front
    if not kept:
        return title.strip()
    if len(kept) < len(parts) or len(kept) == 1:
        return _join_like(title, kept)
    return title.strip()


def _names_site(segment: str, names: list[str]) -> bool:
    """A title segment that names the site without spelling its name exactly: a domain, the
    name with a word added or "The" dropped ("BBC News" for "BBC", "Chronicle Online"), or
    its initials ("NBS News" for "National Broadcasting Service")."""
    if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", segment.strip().lower()):
        return True
    if len(segment.split()) > 5:
        return False
    seg = squash(segment)
    targets = {squash(n) for n in names if n and squash(n)}
    bare = {t.removeprefix("the") for t in targets}
    if any((len(t) >= 3 and seg.startswith(t)) or (len(t) >= 4 and (t in seg or seg in t)) for t in targets | bare):
        return True
    first, *rest = segment.split()
    initials = {"".join(w[0] for w in n.split() if w[:1].isupper()) for n in names if n and len(n.split()) >= 2}
    outletish = all(w[:1].isupper() for w in rest) and any(w.lower() in outlet_data().outlet_words for w in rest)
    return first.isupper() and 2 <= len(first) <= 5 and first in initials and (not rest or outletish)


def _join_like(title: str, kept: list[str]) -> str:
    """Rebuild ``title`` from the kept segments with its own separators between them."""
    if len(kept) == 1:
        return kept[0]
    start, end = title.find(kept[0]), title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(kept)


def choose_title(h1s: list[str], meta_title: str | None, names: list[str],
                 others: list[str] | None = None) -> str | None:
    """The headline the page shows: its ``h1`` (the one most like the metadata title
    when there are several); on a page whose ``h1`` is missing or names the site, the
    headline-like element (``others``, in page order) most like the metadata title, or the
    first of them when the metadata title is only the site's name; else the metadata
    title without the site name."""
    stripped = strip_site_name(meta_title, names)
    targets = {squash(n) for n in names if n}
    heads = [h for h in h1s if 2 <= len(h.split()) <= 40 and squash(h) not in targets]
    ref = set(_fold(stripped).split()) if squash(stripped) not in targets else set()
    if not heads:
        return _other_headline(others or [], ref, targets) or stripped
    best = max(heads, key=lambda h: len(ref & set(_fold(h).split())) / (len(set(_fold(h).split())) or 1))
    if ref and not ref & set(_fold(best).split()) and len(heads) > 1:
        return stripped
    return best


def _other_headline(others: list[str], ref: set[str], targets: set[str]) -> str | None:
    """The headline-like text sharing most words (at least half) with the metadata title's
    words ``ref``; the first one when ``ref`` is empty; None when none fits."""
    cands = [c for c in others if 3 <= len(c.split()) <= 40 and squash(c) not in targets]
    if not cands:
        return None
    if not ref:
        return cands[0]
    best = max(cands, key=lambda c: len(ref & set(_fold(c).split())))
    shared = len(ref & set(_fold(best).split()))
    return best if shared >= max(2, min(len(ref), len(set(_fold(best).split()))) / 2) else None


def _fold(text: str | None) -> str:
    return re.sub(r"[^\w\s]", " ", (text or "").lower())


def _person(part: str, outlet: str | None, pats: BoilerplatePatterns, data: OutletData) -> str | None:
    """``part`` as a person's name, with dates, roles and an outlet glued on cut away; or None."""
    part = _LEAD_RE.sub("", part.strip(" .,;:-–—|")).strip()
    if not part or _URLISH_RE.search(part):
        return None
    for cut in _CUT_RE.finditer(part):
        before, after = part[:cut.start()], part[cut.end():]
        month = cut.group(0)[:1].isalpha() and cut.group(0).lower() not in ("published", "updated", "posted", "on")
        # "Theresa May" is a name; "Hannah Voss November" and "Maria Lopez May 3" carry a date
        if not month or after.strip()[:1].isdigit() or (not after.strip() and len(before.split()) >= 2):
            part = before
            break
    tokens = part.replace(",", " ").split()
    outlet_tokens = [t.lower() for t in (outlet or "").split()]
    for i, tok in enumerate(tokens):
        low = tok.lower().strip(".")
        glued_outlet = outlet_tokens and [t.lower() for t in tokens[i:]] == outlet_tokens[:len(tokens) - i]
        if i and (low in data.outlet_words or low in pats.bio_roles or glued_outlet):
            # "Kerry Blake Crime Reporter", "Hannah Voss CBS News": a word before the role is its modifier
            tokens = tokens[:i - 1] if i >= 3 else tokens[:i] if i == 2 else []
            break
        if not i and (low in data.outlet_words or low in pats.bio_roles):
            return None
    while tokens and (tokens[-1].lower() in ("and", "&", "in", "at", "for")
                      or (len(tokens) > 2 and CALENDAR_RE.match(tokens[-1]))):
        tokens.pop()
    if not 1 <= len(tokens) <= 6 or not all(_NAME_TOKEN_RE.match(t) for t in tokens):
        return None
    if any(t.lower().strip(".") in data.outlet_words | pats.bio_roles for t in tokens):
        return None
    if len(tokens) == 1 and (tokens[0].isupper() or len(tokens[0]) < 3 or CALENDAR_RE.match(tokens[0])):
        return None
    return " ".join(tokens)


def clean_author(raw: str | None, outlet: str | None = None,
                 patterns: BoilerplatePatterns | None = None) -> str | None:
    """A person's name (or several, comma-separated) from a messy author field.

    "Tom Brennan; August" -> "Tom Brennan"; "Hannah Voss, CBS News November" ->
    "Hannah Voss"; "https; Www.Facebook.Com" -> None.
    """
    if not raw or (outlet and squash(raw) == squash(outlet)):
        return None   # the site's own name in the author field
    inner_by = _INNER_BY_RE.search(raw)
    if inner_by:   # "ABC Rural By Sophie Lindqvist": the name follows the "By"
        raw = raw[inner_by.end():]
    pats, data = patterns or default_patterns(), outlet_data()
    names: list[str] = []
    for part in re.split(r"\s*(?:[;|•·\n]|,|\s+and\s+|\s+&\s+|\s+-\s+)\s*", raw):
        name = _person(part, outlet, pats, data)
        if names and name and " " not in name:
            break   # "Rafiqul Islam, Chattogram": one word after a full name is a place, not a co-author
        if name and name not in names:
            names.append(name)
        elif names:
            break   # a role, date or outlet after the names ends the list
    return ", ".join(names) or None


def byline_author(root, outlet: str | None, patterns: BoilerplatePatterns | None = None) -> str | None:
    """The author named in the page's byline elements (author links, "byline" classes).

    Each piece of text in such an element is tried on its own, so "By <a>Name</a>
    <span>Channel 9 News</span>" gives "Name" without the outlet.
    """
    pats = patterns or default_patterns()
    junk = pats.joined()["html"]
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("meta", "link", "script", "style"):
            continue
        label = f"{label_of(el)} {el.get('rel') or ''} {el.get('itemprop') or ''}"
        is_link = el.tag == "a" and _PERSON_HREF_RE.search(el.get("href") or "")
        by_line = _BY_RE.match(el.text or "") and words_in(el) <= 15
        if not (is_link or by_line or _BYLINE_LABEL_RE.search(label)) or _elsewhere(label.lower(), junk):
            continue
        if any(_elsewhere(label_of(a), junk) for a in el.iterancestors()):
            continue
        pieces = [t.strip() for t in el.itertext() if t.strip()]
        by = next((i for i, p in enumerate(pieces) if _BY_PIECE_RE.match(p)), 0)
        pieces = pieces[by:]   # "ABC Rural / By / Sophie Lindqvist": the name follows the "By"
        for piece in ([" ".join(pieces)] if len(pieces) == 1 else pieces):
            name = clean_author(piece, outlet, pats)
            if name:
                return name
    return None


def _elsewhere(label: str, junk) -> bool:
    """An element whose names say it is junk other than a byline: an author bio, a related list."""
    return bool(_BIO_LABEL_RE.search(label) or (junk.search(label) and not _BYLINE_LABEL_RE.search(label)))


def words_in(el) -> int:
    """How many words of text ``el`` holds."""
    return len(text_of(el).split())


def pick_author(meta_author: str | None, byline: str | None) -> str | None:
    """The metadata author, cleaned; the byline's when it is that author without what was glued on."""
    if meta_author and byline and squash(meta_author).startswith(squash(byline)):
        return byline
    return meta_author or byline
