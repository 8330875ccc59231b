"""Article-level entity chains: who a description stands for, across sentences.

``coref.Resolver`` resolves pronouns and role nouns while the actors component
runs. Some speakers are named only by a description whose referent is a chain
over the whole article ("The Senate adopted a resolution ... It calls for
..."); reading those needs the finished actors, so it happens here, once, for
quotes (and events and claims, which may ask the same question). Word lists
live in ``knowledge/data/speaker_chains.yaml``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Callable, Optional

from spacy.tokens import Doc

from newsgraph.extract import pronouns

NEUTER = pronouns.words("neuter", reflexive=True)     # words in knowledge/data/pronouns.yaml

_CHAIN_FILE = "speaker_chains.yaml"
_DEFINITE = {"the", "this", "that", "these", "those"}
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")


@dataclass
class ChainWords:
    """The word lists of ``speaker_chains.yaml`` as sets (see that file)."""

    documents: frozenset[str]
    author_verbs: frozenset[str]
    groups: dict[str, str]          # lowercase plural noun -> sector code
    person_titles: frozenset[str]
    honorifics: frozenset[str]
    members: frozenset[str]
    genders: dict[str, str]         # lowercase noun -> "m" / "f" ("brother", "widow")

    @classmethod
    def load(cls, extra_paths=()) -> "ChainWords":
        """The shipped lists plus users' files (lists appended)."""
        from newsgraph.knowledge.loader import merged
        data = merged(_CHAIN_FILE, extra_paths)
        low = lambda xs: frozenset(str(x).lower() for x in xs or [])   # noqa: E731
        groups = {str(w).lower(): sector for sector, words in
                  ((data.get("groups") or {}).get("sectors") or {}).items() for w in words or []}
        return cls(low((data.get("documents") or {}).get("nouns")),
                   low((data.get("author_verbs") or {}).get("verbs")), groups,
                   low((data.get("person_titles") or {}).get("nouns")),
                   low((data.get("honorifics") or {}).get("words")),
                   low((data.get("members") or {}).get("nouns")),
                   {str(w).lower(): g for g in ("m", "f")
                    for w in (data.get("gendered_nouns") or {}).get(g) or []})


class ArticleChains:
    """Who a description stands for, read over the whole article once actors are known.

    The actors component resolves names, titles and most pronouns; what it
    leaves open are descriptions whose referent is a chain across sentences:
    a document speaking for its authors ("The Senate adopted a resolution ...
    The resolution condemned ... It calls for ..."), a group noun for the
    body of its sector ("The MPs" -> French legislators), a definite title
    right after a named person ("Senator Bob Menendez ... The Democrat
    declared"), and a surname with an honorific ("Mr Smith" -> the John Smith
    named earlier). Quotes, events and claims share this one reading.

    Args:
        doc: a Doc the actors component has run on (``doc._.ng_actors``).
        words: the chain word lists (default: the shipped file).
    """

    def __init__(self, doc: Doc, words: Optional[ChainWords] = None):
        from newsgraph.extract import mentions as _mentions
        self.doc, self.words, self._m = doc, words or _chain_words(), _mentions
        self.actors = list(doc._.ng_actors or [])
        self.sent_starts = [s.start for s in doc.sents] if len(doc) else [0]
        self.quoted: Callable[[int], bool] = lambda i: False   # set by the quote finder

    def actor_id(self, i: int, depth: int = 0) -> Optional[str]:
        """The actor id token ``i`` (a speaker's head word) stands for, or None."""
        if depth > 3 or not self.actors:
            return None
        tok = self.doc[i]
        actor = self._m.actor_for_token(self.doc, i)
        if actor is not None and (actor.kind == "person" or tok.pos_ != "PRON" or tok.lower_ in NEUTER):
            return actor.id
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.pos_ == "PRON" and low in ("it", "they"):
            return self._pronoun(i, depth)
        definite = any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in tok.children)
        if lemma in self.words.documents and (definite or tok.dep_ in _SUBJECTS):
            return self._document(i, lemma, depth)
        if low in self.words.groups or lemma in self.words.groups:
            return self._group(i, self.words.groups.get(low) or self.words.groups[lemma])
        if definite and lemma in self.words.person_titles:
            return self._recent_person(i, lemma)
        if tok.pos_ == "PROPN":
            return self._surname(tok)
        return self.body_of_members(i)

    def body_of_members(self, i: int) -> Optional[str]:
        """"31 members of France's National Assembly and Senate": the body they sit in
        (the article's group of that sector when there is one); "the signatories" with
        no body named: the authors of the nearest document before; or None."""
        tok = self.doc[i]
        body = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), None)
        if tok.lemma_.lower() not in self.words.members:
            return None
        if body is None:
            # "the signatories reaffirm": the authors of the text named before
            definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children)
            prev = self._previous_document(i, reach=len(self.doc)) if definite else None
            return self._author_id(prev, 1) if prev is not None else None
        owner = self._m.actor_for_token(self.doc, body.i)
        if owner is None or owner.kind == "person":
            return None
        return (self._group(i, owner.sector) if owner.sector else None) or owner.id

    def _sent(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1

    def _pronoun(self, i: int, depth: int) -> Optional[str]:
        """"It calls for ..." after "The resolution condemned ...": the subject before."""
        here = self._sent(i)
        for n in range(here - 1, max(-1, here - 3), -1):
            sent = self.doc[self.sent_starts[n]:self.sent_starts[n + 1]]
            subj = next((t for t in sent if t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT"
                         and not self.quoted(t.i)), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return self.actor_id(subj.i, depth + 1)
        prev = self._previous_document(i)
        return self._author_id(prev, depth) if prev is not None else None

    def _previous_document(self, i: int, lemma: Optional[str] = None, reach: int = 400):
        """The nearest earlier document noun (of ``lemma`` when given) with an author."""
        for j in range(i - 1, max(-1, i - reach), -1):
            tok = self.doc[j]
            low = tok.lemma_.lower()
            if (low == lemma if lemma else low in self.words.documents) and tok.pos_ == "NOUN" \
                    and self._author(tok) is not None:
                return tok
        return None

    def _document(self, i: int, lemma: str, depth: int) -> Optional[str]:
        own = self._author(self.doc[i])
        if own is not None:
            return self.actor_id(own.i, depth + 1)
        prev = self._previous_document(i, lemma) or self._previous_document(i)
        return self._author_id(prev, depth) if prev is not None else None

    def _author_id(self, tok, depth: int) -> Optional[str]:
        author = self._author(tok)
        return self.actor_id(author.i, depth + 1) if author is not None else None

    def _author(self, tok):
        """Who wrote a document: "X's statement", "a statement from X", "X adopted a
        resolution", "in a statement, X said"."""
        for c in tok.children:
            if c.dep_ == "poss" and c.lower_ not in NEUTER:
                return c
            if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() not in self.words.documents:
                    return obj
        head = tok.head
        if tok.dep_ == "dobj" and head.lemma_.lower() in self.words.author_verbs:
            return _subject(head)
        if tok.dep_ == "pobj" and head.lower_ in ("in", "through", "via") and head.head.pos_ in ("VERB", "AUX"):
            return _subject(head.head)
        if tok.dep_ == "nsubj":   # "(I)n a declaration ..., X stressed" parsed with two subjects
            return next((c for c in head.children if c.dep_ == "nsubj" and c.i != tok.i
                         and c.pos_ in ("NOUN", "PROPN")), None)
        return None

    def _group(self, i: int, sector: str) -> Optional[str]:
        """"The MPs": the body of that sector the article names, nearest first."""
        char = self.doc[i].idx
        best = None
        for kind_rank, kinds in enumerate((("group",), ("organization",))):
            for actor in self.actors:
                if actor.sector != sector or actor.kind not in kinds:
                    continue
                for start, _ in actor.mentions:
                    dist = (char - start) if start <= char else 10 * (start - char)
                    if best is None or (kind_rank, dist) < best[0]:
                        best = ((kind_rank, dist), actor.id)
        return best[1] if best else None

    def _recent_person(self, i: int, lemma: str) -> Optional[str]:
        """"The Democrat" after "Senator Bob Menendez": the last person within two sentences,
        unless "a/an <same noun>" came between (an unnamed person)."""
        here = self._sent(i)
        floor = self.sent_starts[max(0, here - 2)]
        for j in range(i - 1, floor - 1, -1):
            tok = self.doc[j]
            if tok.lemma_.lower() == lemma and any(c.lower_ in ("a", "an") for c in tok.children):
                return None
            actor = self._m.actor_for_token(self.doc, j)
            if actor is not None and actor.kind == "person":
                return actor.id
        return None

    def _surname(self, tok) -> Optional[str]:
        """"Mr Smith" -> the only person of the article whose name ends in "Smith"."""
        name = tok.text.lower()
        found = {a.id for a in self.actors if a.kind == "person"
                 and any(n.lower().split()[-1:] == [name] for n in [a.name, *a.aliases] if n)}
        return found.pop() if len(found) == 1 else None


def _subject(verb):
    """The subject (or passive agent) of a verb, climbing conjuncts."""
    for _ in range(3):
        agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


_WORDS: list = []


def _chain_words() -> ChainWords:
    """The shipped chain words, read once per process."""
    if not _WORDS:
        _WORDS.append(ChainWords.load())
    return _WORDS[0]
