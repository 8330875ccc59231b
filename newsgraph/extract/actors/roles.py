"""Titles and roles: "French President Emmanuel Macron" is President of France.

People get their role from a title right before the name ("US Secretary of
State Antony Blinken", "the mayor of Marseille Benoit Payan", "Senator Bob
Menendez") or from an apposition ("Julien Harounyan, president of ...",
"one of the organizers, Talline Tashdian"). A title with no name after it
("the French president", "the Elysée tenant") is a role noun, resolved later
to whoever holds that role. Title words and their sectors are data
(``roles.yaml``); the role string is "<Role> of <country, IGO or place>".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from newsgraph.extract.actors.context import span_head
from newsgraph.extract.actors.qualify import Qualifier, Qualifiers
from newsgraph.extract.actors.vocab import RoleTitle, Vocabulary
from newsgraph.extract.extensions import doc_text



@dataclass
class TitleInfo:
    """A title found in the text and what it says about its holder."""

    first: int                 # token range of title + qualifier words
    last: int
    title: RoleTitle
    role: str
    country: Optional[str]
    sector: Optional[str]
    gender: Optional[str]
    qualifier: Optional[Qualifier] = None
    holder_of: Optional[str] = None   # registry id of a seat ("the Elysée tenant")


def _of_name(qual: Qualifier, doc: Doc) -> str:
    if qual.kind == "country":
        return qual.name
    if qual.kind == "igo":
        name = qual.name
        return name if " " not in name or name.lower().startswith("the ") else "the " + name
    if qual.kind == "body":
        text = doc[qual.first:qual.last].text
        return text if " " not in text or text.lower().startswith("the ") else "the " + text
    if qual.kind == "name":
        text = doc[qual.first:qual.last].text
        return text if " " not in text else "the " + text
    return qual.name


class RoleReader:
    """Reads titles around names in one Doc.

    Args:
        doc: the parsed Doc.
        words: the role/sector vocabulary.
        quals: qualifier lookups for this Doc.
    """

    def __init__(self, doc: Doc, words: Vocabulary, quals: Qualifiers):
        self.doc, self.words, self.quals = doc, words, quals
        self.text = doc_text(doc)
        self.lowers = [t.lower_ for t in doc]
        self.first_words = {w.split()[0].split("-")[0].rstrip(".") for w in words.titles}

    def _phrase(self, a: int, b: int) -> str:
        doc = self.doc
        return " ".join(self.text[doc[a].idx: doc[b - 1].idx + len(doc[b - 1].text)].lower().split())

    def title_ending_at(self, end: int) -> Optional[tuple[int, RoleTitle]]:
        """The longest title whose last token is ``end - 1``: (first token, title)."""
        doc = self.doc
        for size in range(min(self.words.max_title_tokens + 2, end), 0, -1):
            a = end - size
            if a < 0 or self.lowers[a].split("-")[0].rstrip(".") not in self.first_words:
                continue
            if any("\n" in t.text for t in doc[a:end]):
                continue
            title = self.words.title(self._phrase(a, end))
            if title is not None:
                return a, title
        return None

    def _former(self, lo: int, hi: int) -> bool:
        return any(t.lower_ in self.words.former for t in self.doc[max(0, lo - 1):hi])

    def build(self, a: int, last: int, title: RoleTitle, qual: Optional[Qualifier],
              of_text: Optional[str] = None) -> TitleInfo:
        """Turn a title and its qualifier into a role, country and sector.

        Args:
            a, last: token range of the title words (the qualifier may extend it).
            title: the matched title.
            qual: the country/IGO/place/body owning the title, or None.
            of_text: for "<title> of <organisation>" with no known qualifier,
                the organisation's words.
        Returns:
            The ``TitleInfo``.
        """
        first = min(a, qual.first) if qual else a
        end = max(last, qual.last) if qual else last
        former = self._former(first, a)
        owner = _of_name(qual, self.doc) if qual else of_text
        doc = self.doc
        if qual and qual.last + 1 < len(doc) and doc[qual.last].text == "-" and doc[qual.last + 1].lower_ == "based":
            owner = None   # "Yerevan-based analyst": where, not whose
        role = f"{title.role} of {owner}" if owner else title.role
        country = qual.country if qual else None
        if qual is None and of_text is None:
            country = title.default_country
        sector = title.sector
        if qual is None and of_text is not None or qual is not None and qual.kind == "name":
            sector = None   # head of an organisation the vocabulary does not know
        if qual is not None and qual.kind == "body":
            sector = title.sector if title.sector and title.sector != "GOV" else (qual.sector or title.sector)
        if former:
            role, sector = "Former " + role, "ELI"
        return TitleInfo(first, end, title, role, country, sector, title.gender, qual)

    def before(self, first: int) -> Optional[TitleInfo]:
        """The title right before a name starting at token ``first``, or None.

        Handles "[former] [qualifier] <title> Name" and "<title> of <place
        or body> Name" ("the mayor of Marseille Benoit Payan").
        """
        doc = self.doc
        end = first
        gender = None
        if end > 0 and doc[end - 1].lower_ in self.words.honorifics:
            gender = self.words.honorifics[doc[end - 1].lower_]
            end -= 1
        found = self.title_ending_at(end) if end > 0 else None
        if found:
            a, title = found
            qual = self.quals.left(a)
            if qual is not None and qual.kind == "name" and qual.first not in self.quals.ent_at:
                qual = None   # "Planning and Investment Minister": words of the title, not an owner
            info = self.build(a, end, title, qual)
            info.gender = info.gender or gender
            return info
        for of_i in range(end - 2, max(end - 8, 0), -1):
            if doc[of_i].lower_ != "of":
                continue
            found = self.title_ending_at(of_i)
            qual = self.quals.resolve(of_i + 1, end)
            if found and qual:
                info = self.build(found[0], end, found[1], qual)
                info.gender = info.gender or gender
                return info
        return None

    def _of_text(self, head) -> Optional[str]:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                toks = sorted(child.subtree, key=lambda t: t.i)[1:]
                words = []
                for tok in toks:
                    if tok.text in ("(", ",", ";", "—", "–") or tok.lower_ in ("for", "in", "from", "since"):
                        break
                    words.append(tok)
                if words:
                    text = self.doc[words[0].i: words[-1].i + 1].text
                    return re.sub(r"^(the|a|an)\s+", "the ", text, flags=re.I)
        return None

    def apposition(self, first: int, last: int) -> Optional[TitleInfo]:
        """A title given in apposition to a name, or None.

        "Julien Harounyan, president of the council ..." (title after the
        name) and "one of the organizers of this demonstration, Talline
        Tashdian" (name after the title).
        """
        doc = self.doc
        head = span_head(doc, first, last)
        nouns = [c for c in head.rights if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
        if head.dep_ == "appos" and head.head.i < first:
            nouns.append(head.head)
        for noun in nouns:
            target = noun
            if noun.lower_ == "one":
                inner = [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                         for c in p.children if c.dep_ == "pobj"]
                if not inner:
                    continue
                target = inner[0]
            found = self.title_ending_at(target.i + 1)
            if found is None and target.lemma_ != target.lower_:
                title = self.words.title(target.lemma_.lower())
                found = (target.i, title) if title else None
            if found is None:
                continue
            a, title = found
            qual = self.quals.of_phrase(target) or self.quals.left(a)
            of_text = None if qual or target is not noun else self._of_text(target)
            if target is not noun:
                qual, of_text = None, None
            return self.build(a, target.i + 1, title, qual, of_text)
        return None

    def role_nouns(self, taken: list) -> list[TitleInfo]:
        """Titles with no name attached: "the French president", "the mayor".

        Args:
            taken: per-token flags; tokens already in a mention are skipped.
        Returns:
            One ``TitleInfo`` per singular, definite or qualified title noun
            (plurals and modifiers of other nouns are left out).
        """
        doc = self.doc
        found = []
        for i, tok in enumerate(doc):
            if taken[i] or tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS"):
                continue
            hit = self.title_ending_at(i + 1)
            if hit is None:
                continue
            a, title = hit
            if any(taken[a:i + 1]):
                continue
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is not None and (nxt.pos_ == "PROPN" and nxt.text[:1].isupper()
                                    or tok.dep_ == "compound" and tok.head.i > i and tok.head.pos_ == "NOUN"):
                continue
            if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children) or (
                    tok.dep_ == "appos" and tok.head.pos_ == "PROPN"):
                continue   # "the chairman ..., Senator Bob Menendez": a title of a named person
            qual = self.quals.left(a)
            if qual is None:
                qual = self.quals.of_phrase(tok)
                if qual is not None and qual.kind == "name":
                    qual = None
            det = a > 0 and doc[a - 1].lower_ in ("the", "its", "his", "her", "their") or (
                qual is not None and qual.first > 0 and doc[qual.first - 1].lower_ == "the")
            if qual is None and not det:
                continue
            info = self.build(a, i + 1, title, qual)
            found.append(info)
        return found
