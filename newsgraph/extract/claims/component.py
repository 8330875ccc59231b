"""Reported figures: the ``newsgraph_claims`` spaCy component.

Why this module exists: death tolls, crowd sizes and refugee counts are the
numbers sources disagree on; each must be kept with what it counts, how it
is hedged ("at least", "some"), who gave it and which event it belongs to,
so the link stage can set one source's figure beside another's.

How: ``claim_numbers`` finds the figures of each sentence, ``claim_measure``
reads what each counts, ``claim_attribution`` who gave it; this module
assembles ``records.Claim`` objects, links each to the nearest fitting event
of its sentence, and writes ``doc._.ng_claims`` and ``doc.spans["ng_claims"]``
(label = measure). Runs after the events component; reads actors, quotes and
events when present and works without them.
"""
from __future__ import annotations

import logging
from typing import Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsgraph.extract import extensions  # noqa: F401  (registers doc._.ng_*)
from newsgraph.records import Claim, Span
from newsgraph.extract.claims.attribution import according_phrases, attribute
from newsgraph.extract.claims.lexicon import ClaimLexicon, load_lexicon
from newsgraph.extract.claims.measure import Reading, read_measure
from newsgraph.extract.claims.numbers import Figure, find_figures
from newsgraph.extract.extensions import doc_text

log = logging.getLogger(__name__)
SPAN_KEY = "ng_claims"
MAX_SENTENCE_TOKENS = 400


class ClaimFinder:
    """Find reported quantities about people and events in a Doc.

    Args:
        lexicon_paths: extra YAML lexicons extending ``data/claims.yaml``.
        keep_other: keep counts of people with no measure as ``other``.
        max_sentence_tokens: longer "sentences" (tables, junk) are skipped.
    """

    def __init__(self, lexicon_paths: Sequence[str] = (), keep_other: bool = True,
                 max_sentence_tokens: int = MAX_SENTENCE_TOKENS):
        self.lex: ClaimLexicon = load_lexicon(tuple(lexicon_paths or ()))
        self.keep_other = keep_other
        self.max_sentence_tokens = max_sentence_tokens

    def __call__(self, doc: Doc) -> Doc:
        claims: list[Claim] = []
        text = doc_text(doc)
        if text.strip() and doc.has_annotation("DEP"):
            recent: list[tuple[int, Reading]] = []   # (sentence number, reading)
            for n, sent in enumerate(doc.sents):
                if len(sent) > self.max_sentence_tokens or not any(t.like_num or t.is_alpha for t in sent):
                    continue
                recent = [(k, r) for k, r in recent if n - k <= 2]
                try:
                    found = self._sentence(doc, text, sent, [r for _, r in recent])
                except Exception:  # one odd sentence never costs the article its claims
                    log.debug("claims failed on a sentence of %s", doc._.ng_article_id, exc_info=True)
                    continue
                for claim, reading in found:
                    claims.append(claim)
                    recent.append((n, reading))
        doc._.ng_claims = claims
        doc.spans[SPAN_KEY] = [s for s in (_spacy_span(doc, c) for c in claims) if s is not None]
        return doc

    def _sentence(self, doc: Doc, text: str, sent: SpacySpan, earlier: list[Reading]) -> list[tuple[Claim, Reading]]:
        """Claims of one sentence, with the readings later sentences may continue."""
        figures = sorted(find_figures(sent, self.lex) + _singular_figures(sent), key=lambda f: f.start)
        if not figures:
            return []  # most sentences: no figure, so no source phrases to look for
        according = according_phrases(sent)
        in_sources = {i for s in according for i in range(s.start, s.end)}
        out: list[tuple[Claim, Reading]] = []
        for fig in figures:
            if fig.head in in_sources or fig.num_start in in_sources:
                continue  # "according to two officials": the figure is the source
            reading = read_measure(sent, fig, self.lex, earlier + [r for _, r in out])
            if reading is None or (reading.measure == "other" and not self.keep_other):
                continue
            if fig.value < 2 and not _plain_single(doc, fig, reading):
                continue  # "one protester" holding a sign is not a crowd
            if reading.about is None:
                reading.about = _about_from_earlier(reading, [r for _, r in out])
            start_tok, end_tok = _phrase_tokens(doc, fig, reading, self.lex)
            own = set(range(start_tok, end_tok))
            attributed, _ = attribute(doc, sent, fig.head, end_tok, self.lex, according, own)
            start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
            claim = Claim(
                measure=reading.measure, value=_number(fig.value), span=Span.of(text, start, end),
                value_max=_number(fig.value_max) if fig.value_max is not None else None,
                qualifier=fig.qualifier, about=reading.about, attributed_to=attributed,
                event=self._event(doc, sent, start, end, reading),
            )
            out.append((claim, reading))
        return out

    def _event(self, doc: Doc, sent: SpacySpan, start: int, end: int, reading: Reading) -> Optional[int]:
        """Index of the nearest event of the sentence whose type fits the measure."""
        events = doc._.ng_events or []
        fitting = self.lex.event_types.get(reading.measure, set())
        verb_char = doc[reading.verb].idx if reading.verb is not None else None
        best, best_key = None, None
        for i, event in enumerate(events):
            trig = getattr(event, "trigger", None)
            if trig is None or not (sent.start_char <= trig.start < sent.end_char):
                continue
            on_verb = verb_char is not None and trig.start <= verb_char < trig.end
            if event.type not in fitting and not on_verb:
                continue
            distance = 0 if trig.start < end and start < trig.end else min(abs(trig.start - end), abs(start - trig.end))
            key = (not on_verb, getattr(event, "status", "asserted") != "asserted", distance)
            if best_key is None or key < best_key:
                best, best_key = i, key
        return best


_SINGLE_MEASURES = {"dead", "injured", "detained", "missing", "votes"}


def _singular_figures(sent: SpacySpan) -> list[Figure]:
    """"a civilian was injured": one person, counted by the article before its noun."""
    out = []
    for tok in sent:
        if tok.lower_ in ("a", "an") and tok.dep_ == "det" and tok.head.i > tok.i \
                and tok.head.dep_ in ("nsubjpass", "nsubj", "dobj") and tok.head.tag_ == "NN":
            out.append(Figure(tok.i, tok.i + 1, tok.i, tok.i + 1, tok.i, 1.0))
    return out


def _plain_single(doc: Doc, fig: Figure, reading: Reading) -> bool:
    """A figure of one (or less) is kept only when a verb kills, wounds or holds it."""
    if reading.measure == "votes":  # "295 votes to one", never "a single vote"
        return doc[fig.num_start].lower_ not in ("a", "an")
    return reading.measure in _SINGLE_MEASURES and reading.verb is not None


def _about_from_earlier(reading: Reading, earlier: list[Reading]) -> Optional[str]:
    """"nearly 5,000" after "a thousand people": the same group, same verb."""
    for prev in reversed(earlier):
        if prev.measure == reading.measure and prev.about and (reading.inherited or prev.verb == reading.verb):
            return prev.about
    return None


def _phrase_tokens(doc: Doc, fig: Figure, reading: Reading, lex: ClaimLexicon) -> tuple[int, int]:
    """Tokens of the figure's phrase: qualifier, number and the counted word next to it.

    Args:
        doc: the parsed document.
        fig: the figure.
        reading: what it counts (``counted`` is the counted noun, if any).
        lex: the claims lexicon (an ``after`` cue ends the phrase: "200 injured").
    Returns:
        ``(first token, token after the last)``.
    """
    end = fig.end
    if reading.counted is not None and fig.end <= reading.counted <= fig.end + 3 \
            and all(not doc[j].is_punct for j in range(fig.end, reading.counted)):
        end = reading.counted + 1
    elif end < len(doc) and doc[end].pos_ in ("ADJ", "VERB", "NOUN") \
            and lex.cue((doc[end].lemma_.lower(), doc[end].lower_), "after"):
        end += 1
    start = fig.start
    while start < end - 1 and doc[start].text in ('"', "“", "‘", "("):
        start += 1
    return start, end


def _number(value: Optional[float]):
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def _spacy_span(doc: Doc, claim: Claim) -> Optional[SpacySpan]:
    """The claim as a spaCy span labelled with its measure (for ``doc.spans``)."""
    return doc.char_span(claim.span.start, claim.span.end, label=claim.measure, alignment_mode="expand")


@Language.factory(
    "newsgraph_claims",
    default_config={"lexicon_paths": [], "keep_other": True, "max_sentence_tokens": MAX_SENTENCE_TOKENS},
    # Actors are optional (a claim's source then has no actor id), so they are not required.
    requires=["token.pos", "token.tag", "token.dep", "token.lemma", "token.ent_type", "doc.sents"],
    assigns=["doc._.ng_claims", "doc.spans"],
)
def make_claim_finder(nlp: Language, name: str, lexicon_paths: list, keep_other: bool,
                      max_sentence_tokens: int) -> ClaimFinder:
    """Factory of the ``newsgraph_claims`` component (see ``ClaimFinder``)."""
    return ClaimFinder(lexicon_paths, keep_other, max_sentence_tokens)
