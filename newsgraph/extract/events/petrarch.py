"""PETRARCH2's CAMEO verb dictionary as a fallback trigger source, typed through PLOVER.

Why this module exists: newsgraph's own lexicon (plover.yaml) is precise but
small, and it learned the sentences it was tuned on. The CAMEO verb patterns
(``petrarch_verbs.json``, converted by scripts/convert_knowledge.py) name
about 1,900 verbs in synonym blocks, each with the context words that tell one
sense from another ("abandon ... ceasefire" is a ceasefire violation,
"abandon ... plan" no event). A verb that our lexicon does not know is looked
up here; its CAMEO code becomes a PLOVER type and mode through the official
table (``cameo_plover.tsv``). Our lexicon always wins where it has the word.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from spacy.tokens import Token

from newsgraph.knowledge import data_path

_BEFORE_WINDOW = 8     # context words before the verb that a pattern may use
_AFTER_WINDOW = 10     # and after it


@dataclass(frozen=True)
class VerbSense:
    """What the CAMEO dictionary says a verb means here."""

    code: str                 # CAMEO code, "---" for "no event"
    type: Optional[str]       # PLOVER type (None: no event, or a statement)
    mode: Optional[str]
    pattern: tuple[str, ...] = ()   # the context words that decided it (empty: the verb's default)


@dataclass
class VerbDictionary:
    """Verbs -> (block, own code), multi-word verbs, patterns and synonym sets."""

    verbs: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    multi: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], int, str]]] = field(default_factory=dict)
    blocks: list[dict[str, Any]] = field(default_factory=list)
    synsets: dict[str, frozenset[str]] = field(default_factory=dict)
    table: dict[str, tuple[str, str]] = field(default_factory=dict)
    synset_heads: dict[str, frozenset[str]] = field(default_factory=dict)

    def plover(self, code: str) -> tuple[Optional[str], Optional[str]]:
        """The PLOVER (type, mode) of a CAMEO code, trying shorter prefixes ("1831" -> "183")."""
        code = code.strip()
        for cut in range(len(code), 1, -1):
            found = self.table.get(code[:cut])
            if found:
                return found[0], found[1] or None
        return None, None

    def _word_ok(self, word: str, low: str, lemma: str) -> bool:
        """Whether a pattern word matches a token's lower form and lemma (PETRARCH words may be stems: "prepar")."""
        if word.startswith("&"):
            return lemma in self.synsets.get(word, ()) or low in self._synset_heads(word)
        return low == word or lemma == word or (len(word) >= 4 and low.startswith(word))

    def _synset_heads(self, name: str) -> frozenset[str]:
        """The first words of a synonym set's members (a token matches a member by its first word)."""
        heads = self.synset_heads.get(name)
        if heads is None:
            heads = frozenset(m.split(" ")[0] for m in self.synsets.get(name, ()))
            self.synset_heads[name] = heads
        return heads

    def _in_order(self, words, window: "_Window") -> bool:
        """Whether ``words`` match some of the window's tokens in this order (greedy, leftmost first).

        Why bit masks: a verb's block holds hundreds of patterns that reuse the
        same words, so each word is tested against the window once and the
        order test is a few integer operations.
        """
        at = 0
        for word in words:
            rest = window.mask(self, word) >> at
            if not rest:
                return False
            at += (rest & -rest).bit_length()
        return True

    def sense(self, token: Token, lemma: str, within: Optional[frozenset[int]] = None) -> Optional[VerbSense]:
        """The CAMEO sense of verb ``token`` (lemma ``lemma``) in its sentence, or None if unknown.

        ``within``: the token indices a pattern's context words may match (the
        verb's own arguments); None for the whole window.
        """
        sent = token.sent
        doc = token.doc
        before = doc[max(sent.start, token.i - _BEFORE_WINDOW):token.i]
        after = doc[token.i + 1:min(sent.end, token.i + _AFTER_WINDOW + 1)]
        if within is not None:
            before = [t for t in before if t.i in within]
            after = [t for t in after if t.i in within]
        choices: list[tuple[int, str]] = []
        for words_before, words_after, block, code in self.multi.get(lemma, ()):
            if self._adjacent(words_before, before, reverse=True) and self._adjacent(words_after, after):
                choices = [(block, code)]
                break
        if not choices:
            choices = self.verbs.get(lemma, [])
        if not choices:
            return None
        ahead, behind = _Window(before), _Window(after)
        best: Optional[tuple[int, str, tuple[str, ...]]] = None   # (distance, code, pattern)
        for block, _own in choices:
            for pre, post, code in self.blocks[block]["patterns"]:
                if self._in_order(pre, ahead) and self._in_order(post, behind):
                    if within is None:
                        kind, mode = self.plover(code) if code != "---" else (None, None)
                        return VerbSense(code, kind, mode, tuple(pre) + ("*",) + tuple(post))
                    near = self._nearest(pre, post, ahead, behind)
                    if best is None or near < best[0]:
                        best = (near, code, tuple(pre) + ("*",) + tuple(post))
        if best is not None:         # among the verb's own arguments, the word nearest the verb decides
            kind, mode = self.plover(best[1]) if best[1] != "---" else (None, None)
            return VerbSense(best[1], kind, mode, best[2])
        block, own = choices[0]
        code = own or self.blocks[block]["code"]
        kind, mode = self.plover(code) if code != "---" else (None, None)
        return VerbSense(code, kind, mode)

    def _nearest(self, pre, post, ahead: "_Window", behind: "_Window") -> int:
        """How far from the verb a matched pattern's closest context word stands (in tokens)."""
        if post:
            first = behind.mask(self, post[0])
            return (first & -first).bit_length()
        if pre:
            last = ahead.mask(self, pre[-1])
            return len(ahead.words) - last.bit_length() + 1
        return 1 << 20

    @staticmethod
    def _adjacent(words, tokens, reverse: bool = False) -> bool:
        """Whether the words of a multi-word verb stand right next to the verb."""
        if not words:
            return True
        tokens = list(tokens)
        near = tokens[-len(words):] if reverse else tokens[:len(words)]
        return [t.lower_ for t in near] == list(words)


class _Window:
    """The words around a verb, read once and indexed, with each pattern word's matching positions cached.

    Why the indexes: a verb's block holds hundreds of patterns over a few
    thousand words, nearly all absent from a window of a dozen tokens; a
    dictionary look-up answers "which tokens" for a plain word (surface form,
    lemma, or a stem of four letters or more that a surface form starts with).
    """

    def __init__(self, tokens) -> None:
        self.words = [(t.lower_, t.lemma_.lower()) for t in tokens]
        self.masks: dict[str, int] = {}
        self.exact: dict[str, int] = {}
        self.stems: dict[str, int] = {}
        for i, (low, lemma) in enumerate(self.words):
            bit = 1 << i
            self.exact[low] = self.exact.get(low, 0) | bit
            self.exact[lemma] = self.exact.get(lemma, 0) | bit
            for cut in range(4, len(low) + 1):
                stem = low[:cut]
                self.stems[stem] = self.stems.get(stem, 0) | bit

    def mask(self, verbs: VerbDictionary, word: str) -> int:
        """Bit ``i`` set when window token ``i`` matches ``word``."""
        found = self.masks.get(word)
        if found is None:
            if word.startswith("&"):
                found = 0
                for i, (low, lemma) in enumerate(self.words):
                    if verbs._word_ok(word, low, lemma):
                        found |= 1 << i
            else:
                found = self.exact.get(word, 0) | (self.stems.get(word, 0) if len(word) >= 4 else 0)
            self.masks[word] = found
        return found


@lru_cache(maxsize=1)
def load_verb_dictionary() -> VerbDictionary:
    """The shipped CAMEO verb dictionary and CAMEO->PLOVER table (read once per process)."""
    raw = json.loads(data_path("petrarch_verbs.json").read_text(encoding="utf-8"))
    out = VerbDictionary()
    out.synsets = {k: frozenset(v) for k, v in raw["synsets"].items()}
    out.blocks = raw["blocks"]
    for index, block in enumerate(out.blocks):
        for verb, pre, post, code in block["verbs"]:
            if pre or post:
                out.multi.setdefault(verb, []).append((tuple(pre), tuple(post), index, code))
            else:
                out.verbs.setdefault(verb, []).append((index, code))
    for line in data_path("cameo_plover.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, kind, mode = (line.split("\t") + ["", ""])[:3]
            out.table[code] = (kind, mode)
    return out
