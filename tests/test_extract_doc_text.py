"""Components read a Doc's text once (spaCy rebuilds ``Doc.text`` from every token on each access)."""
from __future__ import annotations

import spacy

from newsgraph.extract.extensions import doc_text


def test_doc_text_is_the_docs_text_built_once():
    doc = spacy.blank("en")("Rebels  shelled\n\nthe town. ")
    first = doc_text(doc)
    assert first == doc.text and doc_text(doc) is first


def test_pipeline_docs_carry_their_text_from_the_start(extractor):
    from newsgraph.pipeline.nlp import make_doc
    text = "Talks resumed on Monday.\n\n   \nThe army withdrew."
    doc = make_doc(extractor.nlp, text, "a1")
    assert doc_text(doc) is text and doc.text == text
