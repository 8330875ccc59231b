"""Quotes as reports of statement events: "a statement event and the quote reporting it".

Why this module exists: a statement reaches readers as quoted words. One
outlet writes that the foreign ministry "condemned" the operation and
quotes its call on Azerbaijan; another quotes the minister saying "we hold
Azerbaijan responsible for the fate of Armenians". The events stage codes
some of these as events (ACCUSE, REQUEST) and leaves the rest as quotes, so
the link stage clusters quotes too: each quote whose speaker is resolved is a
link mention (index ``-(QUOTE_BASE + k)`` for ``record.quotes[k]``), listed
under an entry's ``quotes``, never under its event ``mentions``.

A quote is one statement with (``quote_evidence``):

- a statement event of its article that it reports: the event's trigger lies
  in the quoted words ("France calls on Azerbaijan ...", it read), is the
  quote's cue, or the event is in the quote's sentence with the same speaker;
- a report whose speaker is a pronoun right after the same speaker's words
  ("... ," Colonna added. / She opposed the "use of heavy weapons";
  "... ," it read, a sub-heading after the ministry's statement);
- another quote of the same speaker in the same paragraph, one sentence
  apart at most ("... unacceptable," Colonna told reporters. "... we hold
  Azerbaijan responsible ...," Colonna added);
- a quote or statement event elsewhere sharing *quoted words* (four words in
  a row, two of them content words, names of actors left out: "responsible
  for the fate of"), with speakers that agree (the same actor or the same
  country) and dates that agree.

A quote alone never makes a timeline entry, and it dates nothing.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from unidecode import unidecode

from newsgraph.records import ArticleRecord
from newsgraph.link.dates import dates_agree
from newsgraph.link.lexicon import LinkLexicon

QUOTE_BASE = 1_000_000          # quote k of an article is link mention -(QUOTE_BASE + k)
SHINGLE = 4                     # words in a row that make "the same quoted words"
MIN_CONTENT = 2                 # content words (four letters or more) such a run needs
_TOKEN = re.compile(r"[A-Za-z0-9]+|@")
_QUOTED = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"|«([^»]{3,})»")


def is_quote(m) -> bool:
    """True for a link mention standing for a quote."""
    return m.extra.get("quote") is not None


def shingles(lex: LinkLexicon, record: ArticleRecord, spans: list[tuple[int, int]]) -> list[str]:
    """Runs of ``SHINGLE`` words of the text spans with ``MIN_CONTENT`` content words; actor names cut."""
    out: set[str] = set()
    names = sorted((s, e) for a in record.actors for s, e in a.mentions)
    for lo, hi in spans:
        pieces, pos = [], lo
        for s, e in names:
            if s >= pos and e <= hi:
                pieces.append(record.text[pos:s])
                pieces.append(" @ ")
                pos = e
        pieces.append(record.text[pos:hi])
        # names (capitalised words) are cut too: "in Nagorno-Karabakh" is every report's wording
        tokens = ["@" if t[0].isupper() else t.lower() for t in _TOKEN.findall(unidecode("".join(pieces)))]
        # a content word of four letters or more: "build up", "as the" carry no identity
        content = [t != "@" and len(t) >= 4 and bool(lex.words(t)) for t in tokens]
        for i in range(len(tokens) - SHINGLE + 1):
            run = tokens[i:i + SHINGLE]
            if "@" not in run and sum(content[i:i + SHINGLE]) >= MIN_CONTENT:
                out.add(" ".join(run))
    return sorted(out)


_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")


def reach(text: str, start: int) -> int:
    """Start of the sentence two before the one opening at ``start`` (0 near the top).

    A report continuing a statement lies at most one sentence after it: the
    earlier words must end after this offset.
    """
    bounds = [m.end() for m in _BOUNDARY.finditer(text, 0, start + 1) if m.end() <= start]
    if bounds and bounds[-1] < start - 1 and text[bounds[-1]:start].strip():
        bounds.append(start)   # ``start`` opens no sentence of its own: count it as one
    return bounds[-3] if len(bounds) >= 3 else 0


def quoted_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The stretches of ``text[lo:hi]`` inside quotation marks."""
    return [(lo + m.start(g), lo + m.end(g)) for m in _QUOTED.finditer(text[lo:hi])
            for g in (1, 2, 3) if m.group(g)]


def quote_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding ``text[start:end]`` (a quote and its cue), split at stops and line breaks.

    Split here, not taken from the events stage: a parse may run a quote's
    closing ``.”`` into the next sentence.
    """
    lo = max([m.end() for m in _BOUNDARY.finditer(text, 0, start) if m.end() <= start] or [0])
    after = _BOUNDARY.search(text, max(end - 1, lo))
    return lo, after.start() if after else len(text)


def quote_items(record: ArticleRecord, lex: LinkLexicon) -> list[dict[str, Any]]:
    """What a link mention needs to know about each quote with a resolved speaker."""
    countries = {a.id: a.country for a in record.actors}
    out = []
    for k, q in enumerate(record.quotes):
        speaker = q.speaker.actor if q.speaker is not None else None
        if not speaker:
            continue
        lo, hi = quote_sentence(record.text, min(q.content.start, q.cue.start if q.cue else q.content.start),
                                max(q.content.end, q.cue.end if q.cue else q.content.end))
        parts = [(p.start, p.end) for p in (q.parts or [q.content])]
        out.append({
            "idx": -(QUOTE_BASE + k), "quote": k, "speaker": speaker, "country": countries.get(speaker),
            "span": (q.content.start, q.content.end, q.content.text), "sentence": (lo, hi),
            "cue": [q.cue.start, q.cue.end] if q.cue is not None else None,
            "parts": [list(p) for p in parts],
            "paragraph": record.text.rfind("\n", 0, q.content.start),
            "quoted": shingles(lex, record, parts),
            "pronoun": q.speaker.text.lower() in lex.pronouns, "reach": reach(record.text, lo),
        })
    return out


def _speakers_agree(x, y, lex: LinkLexicon) -> Optional[str]:
    """"actor" (one speaker), "country" (speakers of one country), or None."""
    sx, sy = lex.same_party(x.sources), lex.same_party(y.sources)
    if sx & sy:
        return "actor"
    cx = set(x.src_countries) | {a for a in sx if len(a) == 3 and a.isupper()}
    cy = set(y.src_countries) | {a for a in sy if len(a) == 3 and a.isupper()}
    return "country" if cx & cy else None


def _reports(q, e, lex: LinkLexicon) -> Optional[str]:
    """Why quote ``q`` reports statement event ``e`` of its article, or None."""
    start, end = e.trigger[:2]
    if any(lo <= start and end <= hi for lo, hi in q.extra["parts"]):
        return f"'{e.trigger[2]}' is in the quoted words"
    if q.extra.get("cue") and q.extra["cue"][0] <= start < q.extra["cue"][1]:
        return f"'{e.trigger[2]}' introduces the quote"
    lo, hi = q.extra["sentence"]
    if lo <= start < hi and lex.same_party(q.sources) & lex.same_party(e.sources):
        return "the quote and the statement share a sentence and a speaker"
    return None


def quote_evidence(x, y, lex: LinkLexicon) -> Optional[tuple[float, list[str]]]:
    """``(score, reasons)`` when quote ``x`` (or ``y``) and the other mention are one statement."""
    if not is_quote(x):
        x, y = y, x
    if y.extra.get("reference") or (not is_quote(y) and (y.type not in lex.statements or not y.clusterable)):
        return None
    if x.article == y.article and not is_quote(y):
        why = _reports(x, y, lex) or _continues(x, y, lex)
        return (0.6, [why]) if why else None
    speakers = _speakers_agree(x, y, lex)
    if speakers is None or not dates_agree(x.when, y.when, int(lex.setting("day_tolerance"))):
        return None
    if x.article == y.article and speakers == "actor" and x.extra["paragraph"] == y.extra["paragraph"] \
            and _sentence_gap(x, y) <= 1:
        return 0.5, ["one speaker, one paragraph"]
    if x.article == y.article and _continues(x, y, lex):
        return 0.5, [_continues(x, y, lex)]
    words = sorted(set(x.extra.get("quoted") or ()) & set(y.extra.get("quoted") or ()))
    if words:
        who = "same speaker" if speakers == "actor" else "speakers of one country"
        return 0.5, [f"same quoted words: '{words[0]}'", who]
    return None


def _continues(x, y, lex: LinkLexicon) -> Optional[str]:
    """Why the later of two reports of one article carries on the earlier one's statement, or None.

    "... we hold Azerbaijan responsible ...," Colonna added. / She opposed the
    "use of heavy weapons": a report whose speaker is written as a pronoun,
    with no more than one sentence (a sub-heading) since the same speaker's
    previous words, is the same statement going on.
    """
    first, later = sorted((x, y), key=lambda m: m.extra["sentence"][0] if is_quote(m) else m.trigger[0])
    if not later.extra.get("pronoun") or not lex.same_party(first.sources) & lex.same_party(later.sources):
        return None
    end = first.extra["sentence"][1] if is_quote(first) else first.extra.get("sentence_end")
    start = later.extra["sentence"][0] if is_quote(later) else later.extra.get("sentence")
    if end is None or start is None or start < end or end <= later.extra.get("reach", start):
        return None
    return "the same speaker, named by a pronoun, carries on"


def _sentence_gap(x, y) -> int:
    """How many sentence starts lie between two quotes of one paragraph (0: the same sentence)."""
    a, b = sorted((x.extra["sentence"], y.extra["sentence"]))
    if a == b:
        return 0
    return 1 if b[0] - a[1] <= 3 else 2
