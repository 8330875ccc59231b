"""Set look-ups that pass over words and sentences no trigger rule can fire on.

Why this module exists: the events component asked every token of every
sentence the full trigger questions (lexicon entries, phrasal particles,
objects, the CAMEO patterns, the frame rules), and nearly every word is in
none of those tables. Each table the trigger finder reads is keyed by the
trigger's lemma (alone, or as the first or last word of a multi-word key), so
one set look-up per token tells whether a question can have an answer. The
sets are built from the loaded lexicon and CAMEO dictionary (user lexicons
included), so a word added to a data file is never filtered out. The
prefilter only skips work: every answer is the one the full rules give
(``tests/test_extract_events_prefilter.py`` pins both).
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Optional

from spacy import symbols
from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.petrarch import VerbDictionary, load_verb_dictionary


@dataclass(frozen=True)
class TriggerWords:
    """Lemmas that may head a verbal or a nominal trigger, and the verbs with entries
    keyed by their object or by a particle (``TriggerFinder`` asks those only of these)."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    objects: frozenset[str] = frozenset()
    phrasal: frozenset[str] = frozenset()

    @staticmethod
    def heads(lemma: str, keys: frozenset[str]) -> bool:
        """Whether a key starting with ``lemma`` may exist in the table ``keys`` stands for
        (a lemma with a space is never ruled out)."""
        return lemma in keys or " " in lemma


def _first(key: str) -> str:
    return key.split(" ")[0]


def _last(key: str) -> str:
    return key.split(" ")[-1]


def build_trigger_words(lex: Lexicon, cameo: VerbDictionary) -> TriggerWords:
    """Every lemma a lookup of ``triggers.TriggerFinder`` can succeed with.

    Verbs: lexicon verbs, the trigger side of ``objects``, the first word of
    phrasal and reversal-phrasal keys, reversal and blocking verbs, the verbs
    that order envoys out (``expulsion_order_verbs``), and the
    CAMEO dictionary's verbs (single and multi-word) that the lexicon does not
    know or knows as light verbs (it is consulted only for those and for our
    own verb entries, already in the set). Nouns: the first and
    last word of every noun key ("use of force", "peace talks"), reversal
    nouns and the generic event heads whose modifier names the event.
    """
    verbs = set(lex.verbs) | {trigger for trigger, _ in lex.objects}
    verbs |= {_first(k) for k in lex.phrasal} | {_first(k) for k in lex.reversal_phrasal}
    cameo_verbs = set(cameo.verbs) | set(cameo.multi)
    verbs |= lex.reversal_verbs | lex.blockers | (cameo_verbs - lex.known) | (cameo_verbs & lex.light_verbs)
    verbs |= set(lex.cls("adoption_verbs"))            # "endorsed an embargo" (carried.adopted_measure)
    verbs |= set(lex.cls("expulsion_order_verbs"))     # "told the diplomats to leave" (constraints.expulsion)
    verbs |= {_first(k) for k in lex.idioms}           # "poured cold water on" (events/idioms.py)
    nouns = {_first(k) for k in lex.nouns} | {_last(k) for k in lex.nouns}
    nouns |= lex.reversal_nouns | set(lex.cls("generic_event_heads")) | set(lex.cls("nominalisations"))
    objects = frozenset(trigger for trigger, _ in lex.objects)
    return TriggerWords(frozenset(verbs), frozenset(nouns), objects, frozenset(_first(k) for k in lex.phrasal))


_BUILT: dict[int, tuple[Lexicon, VerbDictionary, TriggerWords, dict]] = {}


def _built(lex: Lexicon, cameo: VerbDictionary) -> tuple[Lexicon, VerbDictionary, TriggerWords, dict]:
    found = _BUILT.get(id(lex))
    if found is None or found[0] is not lex or found[1] is not cameo:
        found = _BUILT[id(lex)] = (lex, cameo, build_trigger_words(lex, cameo), {})
    return found


def trigger_words(lex: Lexicon, cameo: VerbDictionary) -> TriggerWords:
    """``build_trigger_words`` once per (lexicon, dictionary) pair (both live for the process)."""
    return _built(lex, cameo)[2]


_KNOWN_MAX = 50_000


def _describe(token: Token, lex: Lexicon, words: TriggerWords) -> tuple[str, str, bool]:
    """(lemma, lower form, may trigger) of a word, hyphens before it aside."""
    lemma = lex.lemma(token)
    if " " in lemma or "-" in lemma:
        return lemma, token.lower_, True
    if token.pos == symbols.VERB:
        return lemma, token.lower_, lemma in words.verbs
    return lemma, token.lower_, token.pos in (symbols.NOUN, symbols.PROPN) and lemma in words.nouns


class DocWords:
    """Each token's lemma (``Lexicon.lemma``) and lower-case form, and whether it may be a trigger,
    read once per Doc from spaCy's arrays (no Token objects: most tokens are never looked at again)."""

    def __init__(self, doc: Doc, lex: Lexicon, words: TriggerWords, known: dict):
        """``known``: key of the (lemma, pos, lower) ids -> (lemma, lower form, may trigger),
        shared by the Docs of one lexicon (filled here)."""
        lemma_ids, pos_ids, lower_ids, orths = doc.to_array([LEMMA, POS, LOWER, ORTH]).T.tolist()
        # one int per (lemma, pos, lower) triple (pos < 256, lower < 2**64): no tuple per token
        keys = [(lemma << 72) | (lower << 8) | pos for lemma, pos, lower in zip(lemma_ids, pos_ids, lower_ids)]
        if len(known) > _KNOWN_MAX:             # bounded: a long run meets ever more words
            known.clear()
        for i, key in enumerate(keys):
            if key not in known:
                known[key] = _describe(doc[i], lex, words)
        info = [known[key] for key in keys]
        self.lemmas: list[str] = [x[0] for x in info]
        self.lowers: list[str] = [x[1] for x in info]
        self.possible: list[bool] = [x[2] for x in info]
        hyphen, at = doc.vocab.strings.add("-"), 0
        while hyphen in orths[at:]:               # words after a hyphen: "de-escalate", "sit-in"
            at = orths.index(hyphen, at) + 1
            if 2 <= at < len(orths):
                self.possible[at] = True
        self._sentences: dict[tuple[int, int], frozenset[str]] = {}

    def candidates(self, tokens) -> list[Token]:
        """The tokens (a Span or a list of Tokens) that may be a verbal or nominal trigger:
        a verb whose lemma is in ``TriggerWords.verbs``, a noun in ``TriggerWords.nouns``,
        any word with a hyphen in its lemma or right after a hyphen."""
        if isinstance(tokens, Span):
            doc, possible = tokens.doc, self.possible
            return [doc[i] for i in range(tokens.start, tokens.end) if possible[i]]
        return [t for t in tokens if self.possible[t.i]]

    def sentence(self, start: int, end: int) -> frozenset[str]:
        """The lemmas and lower-case forms of tokens [start, end)."""
        found = self._sentences.get((start, end))
        if found is None:
            found = self._sentences[(start, end)] = frozenset(self.lemmas[start:end]) | frozenset(
                self.lowers[start:end])
        return found


_SEEN: list = [None, None, None]     # weakref to the Doc, id of the Lexicon, its DocWords (no Doc kept alive)


def doc_words(doc: Doc, lex: Lexicon, cameo: Optional[VerbDictionary] = None) -> DocWords:
    """The Doc's ``DocWords`` (built on the first call for this Doc; the last Doc's are kept)."""
    held = _SEEN[0]() if _SEEN[0] is not None else None
    if held is doc and _SEEN[1] == id(lex):
        return _SEEN[2]
    _lex, _cameo, words, known = _built(lex, cameo or load_verb_dictionary())
    found = DocWords(doc, lex, words, known)
    _SEEN[:] = [weakref.ref(doc), id(lex), found]
    return found


def sentence_words(sent: Span, lex: Lexicon) -> frozenset[str]:
    """The lemmas (``Lexicon.lemma``) and lower-case forms of the sentence's words: a frame
    rule whose words are all absent from a sentence has nothing to do there."""
    return doc_words(sent.doc, lex).sentence(sent.start, sent.end)
