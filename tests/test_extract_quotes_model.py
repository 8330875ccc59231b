"""The learned attribution tagger: shipped in the package, off by default, adds what rules miss."""
from __future__ import annotations

import socket

import pytest
import spacy

from newsgraph.extract.quotes import learned
from newsgraph.extract.quotes.component import QuoteFinder
from newsgraph.pipeline.nlp import build_nlp


@pytest.fixture(scope="module")
def model():
    return learned.load_attribution_model()


@pytest.fixture(scope="module")
def parsed():
    """Docs parsed by every component before quotes (so both finders see the same input)."""
    return build_nlp(["newsgraph_actors"])


def test_model_loads_from_package_data_without_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network used")
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    learned.load_attribution_model.cache_clear()
    model = learned.load_attribution_model()
    assert learned.MODEL_DIR.is_relative_to(learned.Path(learned.__file__).parents[2])
    assert set(model.get_pipe("ner").labels) == {"CONTENT", "SOURCE", "CUE"}


def test_model_is_off_by_default_and_rules_still_find_quotes(parsed, monkeypatch):
    monkeypatch.delenv(learned.ENV_SWITCH, raising=False)
    finder = QuoteFinder()
    assert finder.model is None
    doc = finder(parsed("“We will not leave,” the mayor said on Monday."))
    assert [(q.content.text, q.speaker.text) for q in doc._.ng_quotes] == [("We will not leave", "the mayor")]


def test_environment_switch_turns_the_model_on(monkeypatch):
    monkeypatch.setenv(learned.ENV_SWITCH, "1")
    assert QuoteFinder().model is not None
    monkeypatch.setenv(learned.ENV_SWITCH, "0")
    assert QuoteFinder().model is None


def test_tagger_marks_source_cue_and_content_of_a_reported_sentence(model):
    doc = spacy.blank("en")("The finance minister said the new tax would hurt farmers in the north.")
    found = {(label, doc[s:e].text) for label, s, e in learned.tag(model, doc)}
    assert ("CUE", "said") in found
    assert ("SOURCE", "The finance minister") in found
    assert any(label == "CONTENT" and "tax would hurt farmers" in text for label, text in found)


def test_split_contents_join_their_cue_and_its_source():
    doc = spacy.blank("en")("“We are ready,” the general said, “and we will win.”\nOther news.")
    words = [t.text for t in doc]
    said, general = words.index("said"), words.index("general")
    spans = [("CONTENT", 1, 4), ("SOURCE", general - 1, general + 1), ("CUE", said, said + 1),
             ("CONTENT", said + 3, said + 8)]
    [one] = learned.group(doc, spans)
    assert one.contents == [(1, 4), (said + 3, said + 8)]
    assert one.cue == (said, said + 1) and one.source == (general - 1, general + 1)


def test_content_without_a_cue_in_its_paragraph_is_dropped():
    doc = spacy.blank("en")("Prices rose again.\nThe minister said so.")
    assert learned.group(doc, [("CONTENT", 0, 3), ("CUE", 6, 7)]) == []


def test_model_adds_reported_speech_the_rules_miss_and_keeps_theirs(parsed):
    text = ("“We will not leave,” the mayor said on Monday.\n"
            "Mr Jones, the party chairman, hopes that voters will forgive the scandal by November.")
    rules = [(q.content.text, q.speaker.text) for q in QuoteFinder(use_model=False)(parsed(text))._.ng_quotes]
    both = QuoteFinder(use_model=True)(parsed(text))._.ng_quotes
    assert rules == [("We will not leave", "the mayor")]
    assert [(q.content.text, q.speaker.text) for q in both if q.kind == "direct"] == rules
    [added] = [q for q in both if q.kind != "direct"]
    assert added.kind == "indirect" and added.cue.text == "hopes"
    assert "voters will forgive the scandal" in added.content.text and added.content.text[-1] != "."
    assert added.speaker.text in ("Mr Jones", "the party chairman", "Mr Jones, the party chairman")
