"""The ``newsgraph_quotes`` component: who said what, direct, reported or mixed.

Three readings of the same Doc are joined here. ``quote_marks`` finds what
is inside quotation marks (from the characters, so scrapes with odd or
missing marks still work); ``quote_clauses`` reads reporting clauses off the
parse ("X said that ...", "according to X", "..., the official added");
``quote_units`` attributes each quotation from the words around its marks.
This module turns the verdicts into ``records.Quote`` objects:

- a quotation attributed by a cue next to it is ``direct``; the fragments
  of a split quotation ("“A,” wrote X, “B.”") and sentences that carry on
  an attributed quotation with no new cue become one quote whose ``parts``
  list every fragment (``content`` is the first, since a Span must be one
  contiguous stretch);
- a reporting clause holding quoted words inside running text ("called the
  offensive “unjustifiable”") is ``mixed``; without quoted words, ``indirect``;
- headline and transcript labels ("Pence: ...", "WALLACE: ...") and dash
  credits (“...” ― Jane Doe) attribute to the name, with the mark as cue.

Speakers are the mention as written in the attributing sentence; their
actor comes from the actors component (``mentions.actor_for_token`` on the
mention's head word, so "a senior US official" never becomes the USA).
When actors left a personal pronoun unresolved, the previous quotation's
speaker within two paragraphs is taken as a documented fallback.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterable, Optional

from spacy.attrs import IDX, LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.extensions import register_extensions
from newsgraph.records import Span
from newsgraph.extract.quotes.clauses import CLAUSE_DEPS, ClauseReader
from newsgraph.extract.quotes.cues import CueLexicon
from newsgraph.extract.quotes.marks import Quoted, find_quoted, looks_like_title
from newsgraph.extract.quotes.speakers import SpeakerMaker
from newsgraph.extract.quotes.continuations import Continuations, QuoteWithParts
from newsgraph.extract.quotes.unit_types import Attribution, Unit, is_break
from newsgraph.extract.quotes.units import UnitResolver
from newsgraph.extract.quotes import learned
from newsgraph.extract.quotes.nesting import drop_nested_reports
from newsgraph.extract.extensions import doc_text

_TRANSCRIPT_LABEL = re.compile(r"[A-Z][A-Z.' -]{1,30}:\s")
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "PRON", "NUM", "ADJ", "AUX"}
_CONTINUE_MODES = ("paragraph", "never", "always")
_LINK_LABEL = re.compile(r"[ \t\u00a0]*([A-Za-z][A-Za-z ]{0,24}?)\s*(?::|\s[-–—|])\s")
_CLOSERS = {"”", '"', "''", "»", "’"}


@Language.factory("newsgraph_quotes", default_config={
    "cue_paths": [], "continuations": "paragraph", "min_unattributed_words": 4, "use_model": False},
    # Actors are optional (speakers then have no actor id), so they are not required.
    requires=["token.dep", "token.lemma", "token.tag", "doc.sents"],
    assigns=["doc._.ng_quotes", "doc.spans"])
def make_quote_finder(nlp: Language, name: str, cue_paths: list, continuations: str,
                      min_unattributed_words: int, use_model: bool = False) -> "QuoteFinder":
    """Factory for ``nlp.add_pipe("newsgraph_quotes", config={...})``.

    Args:
        nlp: the pipeline (unused; spaCy passes it).
        name: the component's name in the pipeline.
        cue_paths: extra cue YAML files in the format of ``data/cues.yaml``.
        continuations: when a quotation with no cue of its own joins the
            previous quote's speaker: ``paragraph`` (same or next paragraph),
            ``never`` or ``always``.
        min_unattributed_words: shorter quotations with no speaker are dropped
            (scare quotes); longer ones are kept with a null speaker.
        use_model: also run the learned attribution tagger (``learned.py``)
            and add the attributions the rules missed; off by default, also
            turned on by ``NEWSGRAPH_QUOTE_MODEL=1``.
    Returns:
        The component.
    """
    return QuoteFinder(name, cue_paths=cue_paths, continuations=continuations,
                       min_unattributed_words=min_unattributed_words, use_model=use_model)


class QuoteFinder:
    """Sets ``doc._.ng_quotes`` (list[QuoteWithParts]) and ``doc.spans["ng_quotes"]``."""

    def __init__(self, name: str = "newsgraph_quotes", cue_paths: Iterable = (),
                 continuations: str = "paragraph", min_unattributed_words: int = 4, use_model: bool = False):
        if continuations not in _CONTINUE_MODES:
            raise ValueError(f"continuations={continuations!r}; use one of {', '.join(_CONTINUE_MODES)}")
        register_extensions()
        self.name = name
        self.lexicon = CueLexicon.load(cue_paths)
        self.reader = ClauseReader(self.lexicon)
        self.continuations = continuations
        self.min_unattributed_words = min_unattributed_words
        # The learned tagger (model files in package data), or None when off.
        self.model = learned.load_attribution_model() if learned.wanted(use_model) else None

    def __call__(self, doc: Doc) -> Doc:
        """Find the quotes of one Doc.

        Args:
            doc: a parsed Doc (tagger, parser and lemmatizer have run).
        Returns:
            The same Doc with ``doc._.ng_quotes`` and ``doc.spans["ng_quotes"]`` set.
        """
        text = doc_text(doc)
        quotes = _DocQuotes(doc, self, text).find() if text.strip() else []
        doc._.ng_quotes = quotes
        spans = []
        for quote in quotes:
            for part in quote.parts or [quote.content]:
                span = doc.char_span(part.start, part.end, label=quote.kind, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["ng_quotes"] = spans
        return doc


class _DocQuotes(Continuations):
    """The work for one Doc; built per call, never shared."""

    def __init__(self, doc: Doc, finder: QuoteFinder, text: str):
        self.doc = doc
        self.text = text
        self.finder = finder
        self.starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.paragraphs = [m.start() for m in re.finditer(r"[^\n]+", self.text)] or [0]
        self.speakers = SpeakerMaker(doc, text, finder.lexicon, self.chars)
        self.speaker = self.speakers.speaker

    # -- positions -----------------------------------------------------------------
    def tok_of(self, char: int) -> int:
        """Index of the token holding character ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def para_of(self, char: int) -> int:
        """Number of the paragraph (line) holding character ``char``."""
        return bisect.bisect_right(self.paragraphs, char) - 1

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Character range of the token range ``[start, end)``."""
        last = self.doc[end - 1]
        return self.doc[start].idx, last.idx + len(last.text)

    def span(self, start: int, end: int) -> Span:
        """A records.Span read from the article text."""
        return Span.of(self.text, start, end)

    # -- the whole pass ---------------------------------------------------------------
    def find(self) -> list[QuoteWithParts]:
        """Every quote of the Doc in text order (quotations, clauses, labels, orphans)."""
        units = self.build_units([q for q in find_quoted(self.text)
                                  if q.depth == 0 and not looks_like_title(self.text[q.start:q.end])])
        tok_unit = [-1] * len(self.doc)
        for k, unit in enumerate(units):
            for j in range(unit.first_tok, unit.last_tok + 1):
                tok_unit[j] = k
        clauses = {}
        reader = self.finder.reader
        def quoted(i: int) -> bool:
            return tok_unit[i] >= 0
        wanted = reader.candidate_hashes(self.doc.vocab)
        for i, (lemma, lower) in enumerate(self.doc.to_array([LEMMA, LOWER]).tolist()):
            if lemma not in wanted and lower not in wanted:
                continue      # one set lookup per token; only cue words are looked at closely
            tok = self.doc[i]
            clause = (reader.verb_clause(tok, quoted) or reader.source_clause(tok)
                      or reader.channel_clause(tok) or reader.noun_clause(tok))
            if clause is not None:
                clauses[clause.head] = clause
        if self.speakers.chains is not None:
            self.speakers.chains.quoted = quoted   # a pronoun never points into quoted speech
        self.resolver = UnitResolver(self.doc, self.finder.lexicon, self.quotation_cues(clauses), tok_unit, self.text)
        for unit in units:
            self.resolver.resolve(unit)
        quotes = self.direct_quotes(units)
        direct_ids = {k for k, u in enumerate(units) if u.status == "direct"}
        quoted_ids = {k for k, u in enumerate(units) if u.status in ("direct", "orphan")}
        quotes += self.clause_quotes(clauses, units, tok_unit, direct_ids, quoted_ids)
        quotes += self.label_quotes(units, tok_unit, quotes)
        quotes.sort(key=lambda q: (q.content.start, q.content.end))
        quotes = self.place_orphans(units, drop_nested_reports(quotes))
        if self.finder.model is not None:
            quotes = learned.add_model_quotes(self, quotes, self.finder.model)
        # A line linking to another story is its headline; "“771156540103417856”" (an id, a
        # year, a score) holds no word anyone said.
        quotes = [q for q in quotes if not self.on_link_line(q.content.start)
                  and any(ch.isalpha() for p in (q.parts or [q.content]) for ch in p.text)]
        self.speakers.resolve_pronouns(quotes, self.para_of)
        return quotes

    def quotation_cues(self, clauses: dict) -> dict:
        """The clauses that may attribute a quotation: a report-only verb ("supports",
        "showed", "refused to") with an object or infinitive of its own reports that,
        so "said the city supports “a full review”" stays with "said"."""
        report_only = self.finder.lexicon.report_only
        return {h: c for h, c in clauses.items() if c.kind != "verb" or c.content is None
                or self.doc[h].lemma_.lower() not in report_only
                or any(k.dep_ in CLAUSE_DEPS for k in self.doc[h].children)}

    def on_link_line(self, char: int) -> bool:
        """True when ``char`` lies on a line such as "Related: ..." or "READ MORE - ..."."""
        start = self.paragraphs[self.para_of(char)]
        label = _LINK_LABEL.match(self.text, start)
        return bool(label) and label.group(1).strip().lower() in self.finder.lexicon.link_labels

    def build_units(self, regions: list[Quoted]) -> list[Unit]:
        """Group paragraphs of one run-on quotation; a transcript label starts a new one."""
        units: list[Unit] = []
        for q in regions:
            labelled = bool(_TRANSCRIPT_LABEL.match(self.text, q.start))
            prev = units[-1].parts[-1] if units else None
            if prev is not None and q.chain >= 0 and prev.chain == q.chain and not labelled:
                units[-1].parts.append(q)
                units[-1].last_tok = self.tok_of((q.close if q.close >= 0 else q.end) - (0 if q.close >= 0 else 1))
                continue
            first = self.tok_of(q.open if q.open >= 0 else q.start)
            last = self.tok_of(q.close if q.close >= 0 else q.end - 1)
            units.append(Unit([q], first, last))
        return units

    # -- quotations attributed by the words around them -------------------------------
    def direct_quotes(self, units: list[Unit]) -> list[QuoteWithParts]:
        """One direct quote per attributing clause; split quotations become its parts."""
        out, by_clause = [], {}
        for unit in units:
            if unit.status != "direct":
                continue
            parts = self.unit_parts(unit)
            if not parts:
                continue
            attribution = unit.attribution
            key = id(attribution.clause) if attribution.clause is not None else None
            if key is not None and key in by_clause:
                by_clause[key].parts.extend(parts)
                continue
            quote = QuoteWithParts("direct", parts[0], self.speaker(attribution), self.cue(attribution), parts)
            out.append(quote)
            if key is not None:
                by_clause[key] = quote
        return out

    def unit_parts(self, unit: Unit) -> list[Span]:
        """The fragments of a quotation as Spans, without a transcript label or final comma."""
        parts = []
        for k, q in enumerate(unit.parts):
            start, end = q.start, q.end
            if k == 0 and unit.label_end > 0:
                start = unit.label_end
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1] in " ,\u00a0":
                end -= 1
            if end > start:
                parts.append(self.span(start, end))
        return parts

    def cue(self, attribution: Optional[Attribution]) -> Optional[Span]:
        """The cue Span of an attribution, or None."""
        if attribution is not None and attribution.cue_chars is not None:
            return self.span(*attribution.cue_chars)
        if attribution is None or attribution.cue is None:
            return None
        return self.span(*self.chars(*attribution.cue))

    # -- reported speech from the parse --------------------------------------------
    def clause_quotes(self, clauses: dict, units: list[Unit], tok_unit: list,
                      direct_ids: set, quoted_ids: set) -> list[QuoteWithParts]:
        """Reported speech from the parse, skipping cues inside quotations of their own."""
        used = {id(u.attribution.clause) for u in units if u.status == "direct" and u.attribution.clause}
        direct_chars = sorted((p.start, p.end) for k in direct_ids for p in units[k].parts)
        all_chars = sorted((p.start, p.end) for u in units for p in u.parts)
        direct_cues = [self.doc[u.attribution.cue[0]].idx for u in units
                       if u.status == "direct" and u.attribution.cue is not None]
        out = []
        for head in sorted(clauses):
            clause = clauses[head]
            if id(clause) in used or clause.content is None or tok_unit[head] in quoted_ids:
                continue
            if tok_unit[head] >= 0 and (clause.speaker is None or tok_unit[clause.speaker] == tok_unit[head]):
                continue   # a cue inside quoted words, said by the quoted speaker ("do you think")
            if clause.speaker is None and not self._passive(head):
                continue   # "Imagine that ...", "to ban all Muslims": nobody is reported
            if not any(t.pos_ in _CONTENT_POS for t in self.doc[clause.content[0]:clause.content[1]]):
                continue   # "has requested for": nothing was reported
            start, end = self.chars(clause.content[0], self._cut_participle(*clause.content, clause.cue))
            if tok_unit[head] >= 0 and clause.content[0] > head:
                # “condemns the attacks in the strongest terms”: the cue opens a quotation
                # the speaker outside it is credited with, so its content runs to the mark.
                part = next((p for p in units[tok_unit[head]].parts if p.start <= self.doc[head].idx < p.end), None)
                if part is not None and end < part.end <= end + 200:
                    end = part.end
            end = self._quoted_tail(self._to_closing_mark(start, end, units, tok_unit), units, tok_unit)
            nested = clause.kind == "source" and any(start <= c < end for c in direct_cues)
            if _covered(self.text, start, end, direct_chars) >= (0.9 if nested else 0.5):
                # ("X pleaded “…”, according to Y" is Y's report of X's words: keep both)
                continue
            kind = "mixed" if _covered(self.text, start, end, all_chars) > 0 else "indirect"
            attribution = Attribution(None, clause.cue, clause, clause.speaker)
            content = self.span(start, end)
            parts = [self.span(*self.chars(*p)) for p in clause.pieces] if clause.pieces else [content]
            out.append(QuoteWithParts(kind, content, self.speaker(attribution), self.cue(attribution), parts))
        return out

    def _quoted_tail(self, end: int, units: list[Unit], tok_unit: list) -> int:
        """"proposed a buffer zone, “as a result of which …”": a quotation that takes the
        sentence from the end of a report to its full stop is more of the same report."""
        j = end
        while j < len(self.text) and self.text[j] in " ,\u00a0":
            j += 1
        if j >= len(self.text) or self.text[j] not in "“\"«„" or j - end > 3:
            return end
        k = tok_unit[self.tok_of(j)]
        if k < 0 or units[k].parts[0].open != j or len(units[k].parts) != 1:
            return end
        q = units[k].parts[0]
        stop = q.close + 1 if q.close >= 0 else q.end
        rest = self.text[stop:stop + 3].lstrip(" ")
        if not (q.end > q.start and self.text[q.end - 1] in ".!?" or rest[:1] in (".", "\n", "")):
            return end   # the sentence goes on after the quotation: not a tail
        return stop

    def _to_closing_mark(self, start: int, end: int, units: list[Unit], tok_unit: list) -> int:
        """said he had spent his life “fighting for the Constitution. I tell you ...”: a
        quotation opened inside a report is reported whole, so the report never ends
        between its marks (the parse stops at the first full stop inside them)."""
        k = tok_unit[self.tok_of(end - 1)] if end > start else -1
        if k < 0:
            return end
        part = next((p for p in units[k].parts if p.start < end <= p.end), None)
        if part is None or part.open < start or part.end <= end:
            return end
        return part.close + 1 if part.close >= 0 else part.end

    def _cut_participle(self, start: int, end: int, cue: tuple) -> int:
        """End a report at "”, claiming that ..." / "”, linking to ...": after a closing mark
        the participle starts a new act of the speaker, not more of this content."""
        doc = self.doc
        for j in range(start + 1, end - 1):
            pair = {doc[j - 1].text, doc[j].text}
            if "," in pair and pair & _CLOSERS and doc[j + 1].tag_ == "VBG" and not cue[0] <= j + 1 < cue[1]:
                return j
        return end

    def _passive(self, head: int) -> bool:
        """True for "it was announced that ...": reported, with the reporter left out."""
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in self.doc[head].children)

    def label_quotes(self, units: list[Unit], tok_unit: list, found: list) -> list[QuoteWithParts]:
        """Lines such as "Pat Caddell: Democrat voters worried ..." (headlines, transcripts)."""
        doc, out = self.doc, []
        taken = sorted((q.content.start, q.content.end) for q in found)
        for para in self.paragraphs:
            i = self.tok_of(para)
            while i < len(doc) and doc[i].is_space:
                i += 1
            if i >= len(doc) or tok_unit[i] >= 0 or (i > 0 and not is_break(doc[i - 1])):
                continue
            label = self.resolver.colon_label(i)
            if label is None:
                continue
            end = label.cue[1]
            while end < len(doc) and not is_break(doc[end]):
                end += 1
            first = label.cue[1]
            if end <= first or not any(doc[j].is_alpha for j in range(first, end)):
                continue   # "Clinton: 2,316." is a tally, not speech
            start, stop = self.chars(first, end)
            if _covered(self.text, start, stop, taken) > 0.5:
                continue
            kind = "direct" if all(tok_unit[j] >= 0 or doc[j].is_punct for j in range(first, end)) else (
                "mixed" if any(tok_unit[j] >= 0 for j in range(first, end)) else "indirect")
            content = self.span(start, stop)
            out.append(QuoteWithParts(kind, content, self.speaker(label), self.cue(label), [content]))
        return out


def _covered(text: str, start: int, end: int, ranges: list) -> float:
    """Share of the letters/digits of text[start:end] that lie inside ``ranges`` (sorted)."""
    total = sum(ch.isalnum() for ch in text[start:end])
    if not total or not ranges:
        return 0.0
    k = bisect.bisect_left(ranges, (start, -1))
    k = max(0, k - 1)
    inside = 0
    while k < len(ranges) and ranges[k][0] < end:
        s, e = max(start, ranges[k][0]), min(end, ranges[k][1])
        if e > s:
            inside += sum(ch.isalnum() for ch in text[s:e])
        k += 1
    return min(1.0, inside / total)
