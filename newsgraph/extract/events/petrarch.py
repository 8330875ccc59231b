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

    def plover(self, code: str) -> tuple[Optional[str], Optional[str]]:
        """The PLOVER (type, mode) of a CAMEO code, trying shorter prefixes ("1831" -> "183")."""
        code = code.strip()
        for cut in range(len(code), 1, -1):
            found = self.table.get(code[:cut])
            if found:
                return found[0], found[1] or None
        return None, None

    def _word_ok(self, word: str, token: Token) -> bool:
        """Whether a pattern word matches a token (PETRARCH words may be stems: "prepar")."""
        if word.startswith("&"):
            members = self.synsets.get(word, ())
            return token.lower_ in members or token.lemma_.lower() in members or \
                any(m.split(" ")[0] == token.lower_ for m in members)
        low = token.lower_
        return low == word or token.lemma_.lower() == word or (len(word) >= 4 and low.startswith(word))

    def _in_order(self, words: list, tokens: list) -> bool:
        """Whether ``words`` match some of ``tokens`` in this order."""
        at = 0
        for word in words:
            while at < len(tokens) and not self._word_ok(word, tokens[at]):
                at += 1
            if at == len(tokens):
                return False
            at += 1
        return True

    def sense(self, token: Token, lemma: str) -> Optional[VerbSense]:
        """The CAMEO sense of verb ``token`` (lemma ``lemma``) in its sentence, or None if unknown."""
        sent = token.sent
        before = [t for t in sent if token.i - _BEFORE_WINDOW <= t.i < token.i]
        after = [t for t in sent if token.i < t.i <= token.i + _AFTER_WINDOW]
        choices: list[tuple[int, str]] = []
        for words_before, words_after, block, code in self.multi.get(lemma, ()):
            if self._adjacent(words_before, before, reverse=True) and self._adjacent(words_after, after):
                choices = [(block, code)]
                break
        if not choices:
            choices = self.verbs.get(lemma, [])
        if not choices:
            return None
        for block, _own in choices:
            for pre, post, code in self.blocks[block]["patterns"]:
                if self._in_order(pre, before) and self._in_order(post, after):
                    kind, mode = self.plover(code) if code != "---" else (None, None)
                    return VerbSense(code, kind, mode, tuple(pre) + ("*",) + tuple(post))
        block, own = choices[0]
        code = own or self.blocks[block]["code"]
        kind, mode = self.plover(code) if code != "---" else (None, None)
        return VerbSense(code, kind, mode)

    @staticmethod
    def _adjacent(words, tokens, reverse: bool = False) -> bool:
        """Whether the words of a multi-word verb stand right next to the verb."""
        if not words:
            return True
        near = tokens[-len(words):] if reverse else tokens[:len(words)]
        return [t.lower_ for t in near] == list(words)


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
