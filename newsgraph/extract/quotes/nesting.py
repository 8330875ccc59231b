"""Reports inside reports: keep the outer attribution only.

"He told The Huffington Post that he thought Sanders would eke out a win" is
one attribution: Rice told the paper [that he thought ...]. The belief verb
inside the reported clause is part of what was reported, not a second act of
speech; "Cook told reporters that Carter believes X" is Cook's claim about
Carter, not Carter's words. A reported (``indirect`` or ``mixed``) quote whose
cue lies inside the content of another reported quote is therefore dropped;
its words stay in the outer quote's content. Direct quotations are never
dropped here: quoted words are someone's own.
"""
from __future__ import annotations

import bisect

_REPORTED = ("indirect", "mixed")


def drop_nested_reports(quotes: list) -> list:
    """``quotes`` (text order) without reported quotes whose cue sits inside another reported quote.

    Args:
        quotes: QuoteWithParts in text order.
    Returns:
        The kept quotes, in the same order.
    """
    outer = sorted((p.start, p.end) for q in quotes if q.kind in _REPORTED
                   for p in (q.parts or [q.content]))
    starts = [s for s, _ in outer]
    kept = []
    for q in quotes:
        if q.kind in _REPORTED and q.cue is not None and _inside(q, outer, starts):
            continue
        kept.append(q)
    return kept


def _inside(q, outer: list, starts: list) -> bool:
    """True when the cue of ``q`` lies in a content part of another reported quote."""
    own = {(p.start, p.end) for p in (q.parts or [q.content])}
    k = bisect.bisect_right(starts, q.cue.start)
    return any(e >= q.cue.end and (s, e) not in own for s, e in outer[:k])
