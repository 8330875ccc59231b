"""spaCy batches are capped by Docs and by tokens, so a run of long articles cannot raise peak memory."""
from __future__ import annotations

import spacy

from newsgraph.pipeline.nlp import _batches

NLP = spacy.blank("en")


def _doc(words: int):
    return NLP.make_doc(" ".join(["word"] * words))


def test_batches_hold_at_most_the_token_budget_and_a_long_doc_goes_alone():
    docs = [_doc(n) for n in (300, 300, 300, 2000, 100, 100)]
    sizes = [[len(d) for d in batch] for batch in _batches(docs, size=16, tokens=700)]
    assert sizes == [[300, 300], [300], [2000], [100, 100]]


def test_batches_hold_at_most_size_docs():
    sizes = [len(batch) for batch in _batches([_doc(1) for _ in range(40)], size=16, tokens=10_000)]
    assert sizes == [16, 16, 8]
