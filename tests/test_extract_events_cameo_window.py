"""CAMEO patterns match their words in order around the verb, by form, lemma, stem or synonym set."""
from __future__ import annotations

import random
from types import SimpleNamespace

from newsgraph.extract.events.petrarch import VerbDictionary, _Window

BOOK = VerbDictionary(synsets={"&FORCE": frozenset({"army", "police force", "troop"})})
WORDS = ["the", "army", "armies", "troops", "police", "prepared", "prepar", "plan", "plans", "&FORCE", "cease"]


def _token(low: str) -> SimpleNamespace:
    return SimpleNamespace(lower_=low, lemma_=low.rstrip("s"))


def _reference(words: list[str], tokens: list) -> bool:
    """The plain greedy left-to-right reading the windowed matcher must agree with."""
    at = 0
    for word in words:
        while at < len(tokens) and not BOOK._word_ok(word, tokens[at].lower_, tokens[at].lemma_):
            at += 1
        if at == len(tokens):
            return False
        at += 1
    return True


def test_window_matches_stems_lemmas_and_synonym_heads():
    window = _Window([_token(w) for w in ("police", "prepared", "troops")])
    assert BOOK._in_order(["&FORCE", "prepar"], window)      # "police" heads "police force"
    assert BOOK._in_order(["troop"], window)                   # by lemma
    assert not BOOK._in_order(["prepar", "police"], window)    # order matters
    assert not BOOK._in_order(["pre"], window)                 # a stem needs four letters


def test_window_agrees_with_the_greedy_reading():
    rng = random.Random(7)
    for _ in range(2000):
        tokens = [_token(rng.choice(WORDS[:9])) for _ in range(rng.randint(0, 10))]
        words = [rng.choice(WORDS) for _ in range(rng.randint(0, 3))]
        assert BOOK._in_order(words, _Window(tokens)) == _reference(words, tokens), (words, tokens)
