"""Quotations with no cue of their own: continuations, colon intros, orphans.

A quotation can carry on the previous quote's speaker ("“A,” X said. “B.”",
the next paragraph of a long quote), be introduced by a colon at the end of
the previous line ("The statement reads:"), or stand alone. ``component``
mixes these methods into its per-Doc worker; they use its positions
(``para_of``, ``tok_of``, ``span``) and its resolver.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from newsgraph.records import Quote, Span
from newsgraph.extract import mentions
from newsgraph.extract.quotes.unit_types import SENT_END, Attribution, Unit, is_break

_MARKS = "\"“”«»„'’‘"
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z])")
_ABBREVIATION = re.compile(r"(?:^|\s)[A-Z][a-z]{0,3}\.$")   # "Capt.", "Sen.", "Mr." end no sentence


@dataclass
class QuoteWithParts(Quote):
    """A Quote plus ``parts``: every fragment of its content, in text order.

    ``parts[0]`` is ``content``. Split and continued quotations have several
    parts; the contract's ``content`` stays one contiguous Span.
    """

    parts: list[Span] = field(default_factory=list)



def _aside(direct: Quote, other: Quote, text: str) -> bool:
    """“A,” said X, who said Y. “B.”: a report inside the cue sentence of a direct quote
    (a relative clause or apposition on its speaker) is an aside; the quotation after
    that sentence still carries A on."""
    last = (getattr(direct, "parts", None) or [direct.content])[-1]
    if other.content.start < last.end or other.speaker is None or other.speaker.start < last.end:
        return False
    return not any(not _ABBREVIATION.search(text, 0, m.start() + 1)
                   for m in _SENTENCE_BREAK.finditer(text, last.end, other.content.start + 1))


class Continuations:
    """Mixin for ``component._DocQuotes``: the quotations attributed without a cue."""

    # -- quotations with no cue of their own --------------------------------------
    def place_orphans(self, units: list[Unit], quotes: list) -> list:
        """Attribute quotations with no cue nearby, keeping ``quotes`` in text order."""
        starts = [q.content.start for q in quotes]
        for unit in units:
            if unit.status == "embedded":
                named = self.named_colon(unit)
                if named is None:
                    self.continue_sentence(unit, units, quotes, starts)
                    continue
                parts = self.unit_parts(unit)
                quote = QuoteWithParts("direct", parts[0], self.speaker(named), self.cue(named), parts) \
                    if parts else None
                if quote is not None:
                    k = bisect.bisect_left(starts, quote.content.start)
                    starts.insert(k, quote.content.start)
                    quotes.insert(k, quote)
                continue
            parts = self.unit_parts(unit) if unit.status == "orphan" else []
            quote = self.orphan_quote(unit, parts, quotes, starts) if parts else None
            if quote is not None:
                k = bisect.bisect_left(starts, quote.content.start)
                starts.insert(k, quote.content.start)
                quotes.insert(k, quote)
        return quotes

    def continue_sentence(self, unit: Unit, units: list[Unit], quotes: list, starts: list) -> None:
        """“A,” X said. “B” and his team “C.”: a sentence that opens with a quotation,
        has no cue of its own and follows a direct quote in the same paragraph carries
        that quote on, unquoted words and all (they are part of the report)."""
        if not unit.parts or unit.parts[0].open < 0 or not self._opens_sentence(unit):
            return
        if self.lead_fragment(unit, units, quotes, starts):
            return
        end = self._sentence_end(unit, units)
        doc, clauses = self.doc, self.resolver.clauses
        if end is None or any(clauses[h].kind != "channel" and self.resolver.tok_unit[h] < 0
                              for h in clauses if unit.first_tok <= h < end):
            return   # someone else's report ("“B” is what Y called it")
        start = unit.parts[0].start
        prev = self.previous_speech(start, quotes, starts)
        if prev is None or prev.kind != "direct" or prev.speaker is None:
            return
        last = (prev.parts or [prev.content])[-1]
        between = self.text[last.end:start].strip(_MARKS + " ,.!?")
        if self.para_of(last.end) != self.para_of(start) or len(between) > 240 or any(
                m in between for m in ("\"", "“", "”", "«", "»", "''")):
            return   # only the cue sentence may stand between the two
        stop = doc[end - 1].idx + len(doc[end - 1].text)
        while stop > start and self.text[stop - 1] in ".,;:!?…\"”’' ":
            stop -= 1
        if stop > start:
            prev.parts.append(self.span(start, stop))

    def _opens_sentence(self, unit: Unit) -> bool:
        """The quotation opens its sentence, or follows only a linking word ("But “B.”")."""
        words = self.resolver._words(self.resolver.before(unit))
        return len(words) <= 1 and all(self.doc[j].lower_ in self.finder.lexicon.continuation_openers
                                       for j in words)

    def lead_fragment(self, unit: Unit, units: list[Unit], quotes: list, starts: list) -> bool:
        """“A” by the allies, X said, “B.”: a quoted opening whose sentence goes on to the
        cue of the next quotation is that quotation's first part (words between included)."""
        doc, tok_unit = self.doc, self.resolver.tok_unit
        j = unit.last_tok + 1
        while j < len(doc) and tok_unit[j] < 0 and not is_break(doc[j]) and doc[j].text not in SENT_END:
            j += 1
        if j >= len(doc) or tok_unit[j] < 0:
            return False
        nxt = units[tok_unit[j]]
        clause = nxt.attribution.clause if nxt.status == "direct" and nxt.attribution else None
        if clause is None or not unit.last_tok < clause.cue[0] < nxt.first_tok or clause.speaker is None:
            return False
        who = doc[clause.speaker]
        stop = min(who.left_edge.i, clause.cue[0])
        if not unit.last_tok < stop or any(h in self.resolver.clauses and h != clause.head
                                           for h in range(unit.last_tok + 1, stop)):
            return False
        first = self.unit_parts(nxt)
        target = next((q for q in quotes if first and any(p.start == first[0].start for p in q.parts)), None)
        if target is None:
            return False
        end = doc[stop - 1].idx + len(doc[stop - 1].text)
        while end > unit.parts[0].start and self.text[end - 1] in " ,;:—–-":
            end -= 1
        lead = self.span(unit.parts[0].start, end)
        target.parts.insert(0, lead)
        target.content = lead
        k = next(i for i, q in enumerate(quotes) if q is target)
        starts[k] = lead.start   # nothing lies between the lead and the old content: order holds
        return True

    def _sentence_end(self, unit: Unit, units: list[Unit]) -> Optional[int]:
        """Token index just past the sentence that ``unit`` opens (quotations skipped whole)."""
        doc, tok_unit = self.doc, self.resolver.tok_unit
        j, n = unit.first_tok, len(doc)
        while j < n and j - unit.first_tok < 120:
            k = tok_unit[j]
            if k >= 0:
                last = units[k].last_tok
                inner = self.text[units[k].parts[-1].start:units[k].parts[-1].end].rstrip()
                nxt = last + 1
                while nxt < n and doc[nxt].is_space and not is_break(doc[nxt]):
                    nxt += 1
                if inner.endswith(tuple(SENT_END)) and (nxt >= n or is_break(doc[nxt]) or doc[nxt].is_title
                                                       or tok_unit[nxt] >= 0):
                    return last + 1
                j = last + 1
                continue
            if is_break(doc[j]):
                return j
            if doc[j].text in SENT_END:
                return j + 1
            j += 1
        return None

    def orphan_quote(self, unit: Unit, parts: list, quotes: list, starts: list) -> Optional[QuoteWithParts]:
        """A colon-introduced quote, a continuation (None when merged into the previous
        quote's parts), an unattributed quote, or None for a short scare quote."""
        intro = self.colon_intro(unit)
        if intro is not None:
            return QuoteWithParts("direct", parts[0], self.speaker(intro), self.cue(intro), parts)
        prev = self.previous_speech(parts[0].start, quotes, starts)
        if prev is not None and self.continues(prev, parts):
            last = (prev.parts or [prev.content])[-1]
            credited = prev.cue is not None and prev.cue.text in self.finder.lexicon.dashes
            if prev.kind == "direct" and (self.para_of(parts[0].start) == self.para_of(last.end) or (
                    self.para_of(parts[0].start) - self.para_of(last.end) == 1 and not credited)):
                # the next paragraph of the same speech; a dash credit ("“…” ― Jane Doe")
                # marks one quotation per paragraph, so there a new quote starts
                prev.parts.extend(parts)
                return None
            return QuoteWithParts("direct", parts[0], prev.speaker, None, parts)
        if self.headline_line(parts[0].start):
            return None   # a crosshead, pull quote or another story's headline: nobody speaks
        if (prev is not None and prev.speaker is None and prev.cue is None and prev.kind == "direct"
                and self.para_of(parts[0].start) - self.para_of((prev.parts or [prev.content])[-1].end) <= 1
                and not self.text[(prev.parts or [prev.content])[-1].end:parts[0].start].strip(_MARKS + " \n.,")):
            prev.parts.extend(parts)   # a run of quoted paragraphs with no cue is one quotation
            return None
        if sum(len(p.text.split()) for p in parts) >= self.finder.min_unattributed_words:
            return QuoteWithParts("direct", parts[0], self.speaker(self.lead_in_subject(unit)), None, parts)
        return None

    def lead_in_subject(self, unit: Unit) -> Optional[Attribution]:
        """A quotation right after a sentence about one named person ("Trump spoke only in
        bromides during the interview." then “…”; "Hall was blunt. “…”") is that person's:
        the sentence before ends in the same or the previous paragraph."""
        doc = self.doc
        j = unit.first_tok - 1
        while j >= 0 and (doc[j].is_space or doc[j].text in _MARKS):
            j -= 1
        if j < 0 or doc[j].text not in (".", ":", "!"):
            return None
        if not 0 <= self.para_of(unit.parts[0].start) - self.para_of(doc[j].idx) <= 1:
            return None
        sent = doc[j].sent
        if self.resolver.tok_unit[sent.start] >= 0:
            return None   # the sentence before is itself a quotation
        subj = next((t for t in sent if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        if subj is None or subj.pos_ != "PROPN":
            return None
        actor = mentions.actor_for_token(doc, subj.i) if doc._.ng_actors is not None else None
        if subj.ent_type_ != "PERSON" and (actor is None or actor.kind != "person"):
            return None
        return Attribution(None, None, None, speaker_head=subj.i)

    def headline_line(self, char: int) -> bool:
        """True for a short line without sentence punctuation at its end (a headline)."""
        para = self.para_of(char)
        start = self.paragraphs[para]
        end = self.paragraphs[para + 1] if para + 1 < len(self.paragraphs) else len(self.text)
        line = self.text[start:end].strip().rstrip(_MARKS + " ")
        return len(line.split()) <= 20 and not line.endswith((".", "!", "?", "…", ",", ";"))

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
                and (quotes[k].speaker.start == prev.speaker.start or _aside(quotes[k], prev, self.text))):
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
        return self.resolver.colon_label(sent.start, stop=j) or self.name_before_colon(j)

    def named_colon(self, unit: Unit) -> Optional[Attribution]:
        """The speaker of a quotation opened right after "<person's name>:", or None."""
        j = unit.first_tok - 1
        while j >= 0 and self.doc[j].is_space:
            j -= 1
        return self.name_before_colon(j) if j >= 0 and self.doc[j].text == ":" else None

    def name_before_colon(self, colon: int) -> Optional[Attribution]:
        """"… doesn't surprise pollster Daron Shaw: “…”": a person's name right before the
        colon that opens the quotation is its speaker, the colon its cue."""
        doc = self.doc
        k = colon - 1
        if k < 0 or doc[k].pos_ != "PROPN" or doc[k].dep_ == "pobj":   # "contrasted him with Clinton: “…”"
            return None
        actor = mentions.actor_for_token(doc, k) if doc._.ng_actors is not None else None
        if doc[k].ent_type_ != "PERSON" and (actor is None or actor.kind != "person"):
            return None
        start = k
        while start > 0 and doc[start - 1].pos_ == "PROPN" and not is_break(doc[start - 1]):
            start -= 1
        if start == 0 or is_break(doc[start - 1]):
            return None   # "Name: …" opening a line is a label, read by label_quotes
        return Attribution((start, k + 1), (colon, colon + 1), speaker_head=k)
