"""Mentions: one stretch of text that names, describes or points at an actor.

The actor modules each find some mentions (registry names, people, groups,
entities, pronouns); this module holds the shared ``Mention`` type, the
phrase matchers built once per pipeline from the registry and the sector
vocabulary, and the clean-up of raw NER spans ("Said Julien Harounyan",
"Marseille Benoît Payan", "Armenia\\n\\n").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from unidecode import unidecode

from newsgraph.extract.actors.registry import Registry, RegistryEntry
from newsgraph.extract.actors.vocab import Vocabulary

NAME_PARTICLES = {
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "du",
    "la", "le", "al", "al-", "el", "bin", "ibn", "ben", "abu", "y", "st.", "jr.", "sr.",
}


@dataclass
class Mention:
    """One mention of an actor, before actors are merged.

    ``key`` is the actor id (for people a provisional key until names are
    clustered). ``named`` is True for proper names; ``person_like`` for
    mentions of one human being (named or not), which pronouns may point at.
    """

    start: int
    end: int
    first: int
    last: int
    kind: str
    key: Optional[str]
    name: str
    country: Optional[str] = None
    sector: Optional[str] = None
    role: Optional[str] = None
    gender: Optional[str] = None
    origin: str = "ner"
    named: bool = True
    person_like: bool = False
    subject: bool = False
    in_quote: bool = False

    @classmethod
    def over(cls, doc: Doc, first: int, last: int, **fields) -> "Mention":
        """A mention covering tokens ``[first, last)`` of ``doc``."""
        start = doc[first].idx
        end = doc[last - 1].idx + len(doc[last - 1].text)
        return cls(start=start, end=end, first=first, last=last, **fields)


def _variants(alias: str) -> set[str]:
    """An alias as written, with straight/curly apostrophes and without accents."""
    alias = alias.strip()
    if alias.lower().startswith("the "):
        alias = alias[4:]
    out = {alias, unidecode(alias)}
    out |= {a.replace("'", "’") for a in out} | {a.replace("’", "'") for a in out}
    return {a for a in out if a}


def _case_sensitive(alias: str, entry: RegistryEntry) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return entry.kind == "person" or (bool(letters) and all(c.isupper() for c in letters)) or len(alias) <= 3 \
        or alias in entry.proper


class ActorMatcher:
    """Phrase matchers for registry names and sector nouns, built once.

    Args:
        vocab: the spaCy Vocab of the pipeline.
        make_doc: the pipeline's tokenizer (``nlp.make_doc``).
        registry: the actor registry.
        words: the sector/role vocabulary.
    """

    def __init__(self, vocab, make_doc, registry: Registry, words: Vocabulary):
        tokenizer = make_doc
        self.entries: dict[str, tuple[RegistryEntry, bool]] = {}
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.folded = PhraseMatcher(vocab, attr="LOWER")
        exact, folded = {}, {}
        for entry in registry:
            for names, metonym in ((entry.aliases + entry.proper, False), (entry.metonyms, True)):
                for alias in names:
                    for form in _variants(alias):
                        label = f"{entry.id}|{int(metonym)}"
                        self.entries[label] = (entry, metonym)
                        table = exact if _case_sensitive(alias, entry) else folded
                        table.setdefault(label, []).append(tokenizer(form))
        for label, docs in exact.items():
            self.exact.add(label, docs)
        for label, docs in folded.items():
            self.folded.add(label, docs)
        self.sector = PhraseMatcher(vocab, attr="LOWER")
        for phrase in words.sector_nouns:
            self.sector.add(phrase, [tokenizer(phrase)])

    def registry_matches(self, doc: Doc) -> list[tuple[int, int, RegistryEntry, bool, str]]:
        """Non-overlapping registry hits: (first, last, entry, is_metonym, alias).

        Longest hits win; a generic alias right after a nationality ("Armenia's
        Security Council") is left to the body rules.
        """
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, first, last in matcher(doc):
                label = doc.vocab.strings[match_id]
                spans.append(Span(doc, first, last, label=label))
        found = []
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            entry, metonym = self.entries[span.label_]
            found.append((span.start, span.end, entry, metonym, span.text))
        return found

    def sector_matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Non-overlapping sector-noun hits: (first, last, lower-case phrase)."""
        spans = [Span(doc, s, e, label=m) for m, s, e in self.sector(doc)]
        return [(s.start, s.end, s.label_) for s in sorted(filter_spans(spans), key=lambda s: s.start)]


def trim_entity(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Drop what NER glues onto a name: determiners, verbs, possessives, lines.

    Args:
        doc: the Doc.
        first, last: the entity's token range.
    Returns:
        The trimmed range (empty when nothing is left, ``first == last``).
    """
    for i in range(first, last):
        if doc[i].text == "(":
            last = i
            break
    for i in range(first, last):
        if "\n" in doc[i].text or (i < last - 1 and "\n" in doc[i].whitespace_):
            if i + 1 - first >= 1 and not doc[i].is_space:
                last = i + 1
            else:
                last = i
            break
    while first < last and (doc[first].pos_ in ("DET", "VERB", "AUX", "ADP", "PUNCT", "SPACE", "CCONJ")
                            or doc[first].is_space or doc[first].lower_ == "the"):
        first += 1
    while last > first and (doc[last - 1].is_punct or doc[last - 1].is_space
                            or doc[last - 1].text in ("'s", "’s", "'", "’")
                            or doc[last - 1].pos_ in ("ADP", "DET", "CCONJ")):
        last -= 1
    return first, last


CONNECTORS = {"of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la", "al", "'s", "’s"}


def looks_like_name(doc: Doc, first: int, last: int, connectors: bool = False) -> bool:
    """Whether tokens read as a proper name: capitalised words, a letter or more.

    Rejects lower-case strings, numbers, single characters and lines of
    page furniture ("Stay Connected" is caught by the caller's registry of
    junk only if blanked; here: every word must be capitalised or a particle).
    """
    words = [t for t in doc[first:last] if not t.is_punct]
    if not words:
        return False
    if sum(ch.isalpha() for t in words for ch in t.text) < 2:
        return False
    for tok in words:
        if len(re.findall(r"[a-z][A-Z]", tok.text)) >= 2:
            return False   # glued page furniture ("HomePoliticsEmmanuel")
        if tok.lower_ in NAME_PARTICLES or tok.text in ("-", ".") or connectors and tok.lower_ in CONNECTORS \
                and tok.i not in (first, last - 1):
            continue
        if not tok.text[:1].isupper() or tok.like_num:
            return False
    return True
