"""Quotations with no cue of their own: continuations, colon intros, orphans.

A quotation can carry on the previous quote's speaker ("“A,” X said. “B.”",
the next paragraph of a long quote), be introduced by a colon at the end of
the previous line ("The statement reads:"), or stand alone. ``component``
mixes these methods into its per-Doc worker; they use its positions
(``para_of``, ``tok_of``, ``span``) and its resolver.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from newsgraph.records import Quote, Span
from newsgraph.extract.quotes.units import Attribution, SENT_END, Unit, is_break


@dataclass
class QuoteWithParts(Quote):
    """A Quote plus ``parts``: every fragment of its content, in text order.

    ``parts[0]`` is ``content``. Split and continued quotations have several
    parts; the contract's ``content`` stays one contiguous Span.
    """

    parts: list = field(default_factory=list)   # list[records.Span]



class Continuations:
    """Mixin for ``component._DocQuotes``: the quotations attributed without a cue."""

    # -- quotations with no cue of their own --------------------------------------
    def place_orphans(self, units: list[Unit], quotes: list) -> list:
        """Attribute quotations with no cue nearby, keeping ``quotes`` in text order."""
        starts = [q.content.start for q in quotes]
        for unit in units:
            parts = self.unit_parts(unit) if unit.status == "orphan" else []
            quote = self.orphan_quote(unit, parts, quotes, starts) if parts else None
            if quote is not None:
                k = bisect.bisect_left(starts, quote.content.start)
                starts.insert(k, quote.content.start)
                quotes.insert(k, quote)
        return quotes

    def orphan_quote(self, unit: Unit, parts: list, quotes: list, starts: list) -> Optional[QuoteWithParts]:
        """A colon-introduced quote, a continuation (None when merged into the previous
        quote's parts), an unattributed quote, or None for a short scare quote."""
        intro = self.colon_intro(unit)
        if intro is not None:
            return QuoteWithParts("direct", parts[0], self.speaker(intro), self.cue(intro), parts)
        prev = self.previous_speech(parts[0].start, quotes, starts)
        if prev is not None and self.continues(prev, parts):
            last = (prev.parts or [prev.content])[-1]
            if prev.kind == "direct" and self.para_of(last.end) == self.para_of(parts[0].start):
                prev.parts.extend(parts)
                return None
            return QuoteWithParts("direct", parts[0], prev.speaker, None, parts)
        if sum(len(p.text.split()) for p in parts) >= self.finder.min_unattributed_words:
            return QuoteWithParts("direct", parts[0], None, None, parts)
        return None

    def previous_speech(self, start: int, quotes: list, starts: list) -> Optional[QuoteWithParts]:
        """The quote a cue-less quotation carries on: the previous one, or the last direct
        quote of the paragraph when only an aside of the same speaker came between
        ("“…,” he said, speaking of X. “…”")."""
        k = bisect.bisect_left(starts, start) - 1
        if k < 0:
            return None
        prev, para = quotes[k], self.para_of(start)
        while k >= 0 and self.para_of(quotes[k].content.start) == para and quotes[k].kind != "direct":
            k -= 1
        if (k >= 0 and quotes[k] is not prev and quotes[k].kind == "direct"
                and self.para_of(quotes[k].content.start) == para
                and prev.speaker is not None and quotes[k].speaker is not None
                and quotes[k].speaker.start == prev.speaker.start):
            return quotes[k]
        return prev

    def continues(self, prev: QuoteWithParts, parts: list) -> bool:
        """Whether a cue-less quotation (``parts``) keeps the speaker of ``prev``."""
        mode = self.finder.continuations
        if mode == "never" or prev.speaker is None:
            return False
        start = parts[0].start
        last = (prev.parts or [prev.content])[-1]
        if mode == "always" or self.para_of(start) == self.para_of(last.end):
            return True
        # Across a paragraph break only a full sentence carries on; an unpunctuated
        # line in quotation marks is a crosshead or pull quote.
        tail = self.text[parts[-1].start:parts[-1].end + 2].rstrip(" \u00a0\n\r\t”\"’'»")
        return self.para_of(start) - self.para_of(last.end) == 1 and tail.endswith((".", "!", "?", "…"))

    def colon_intro(self, unit: Unit) -> Optional[Attribution]:
        """"The statement reads:" closing the previous line introduces the quotation."""
        doc = self.doc
        j = unit.first_tok - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j < 0 or doc[j].text != ":":
            return None
        sent = doc[j].sent
        for k in range(j - 1, sent.start - 1, -1):
            clause = self.resolver.clauses.get(k)
            if clause is not None and clause.kind in ("verb", "source"):
                return Attribution(None, clause.cue, clause, clause.speaker)
        return self.resolver.colon_label(sent.start, stop=j)
