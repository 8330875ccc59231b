"""Reporting cues beyond "said": stances, refusals, findings and phrasal cues (cues.yaml)."""
from __future__ import annotations

import pytest

from newsgraph.extract.quotes.cues import CueLexicon
from newsgraph.pipeline.nlp import available_components, build_nlp


@pytest.fixture(scope="module")
def nlp():
    wanted = ["newsgraph_actors", "newsgraph_quotes"]
    return build_nlp([c for c in wanted if c in available_components()])


def found(nlp, text):
    return [(q.kind, q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, q.content.text)
            for q in nlp(text)._.ng_quotes]


def test_a_refusal_reports_the_infinitive(nlp):
    assert found(nlp, "The senator refused to endorse the nominee before the convention.") == [
        ("indirect", "The senator", "refused", "to endorse the nominee before the convention")]


def test_declining_to_comment_is_attributed_to_the_subject(nlp):
    assert found(nlp, "The ministry declined to comment on the report.") == [
        ("indirect", "The ministry", "declined", "to comment on the report")]


def test_a_poll_shows_a_noun_phrase(nlp):
    assert found(nlp, "A new poll of likely voters shows a narrow lead for the governor.") == [
        ("indirect", "A new poll", "shows", "a narrow lead for the governor")]


def test_backing_a_policy_reports_the_policy(nlp):
    assert found(nlp, "Most farmers in the county support a ban on the new pesticide.") == [
        ("indirect", "Most farmers", "support", "a ban on the new pesticide")]


@pytest.mark.parametrize("text, cue, content", [
    ("The mayor responded to the criticism from the union on Tuesday.", "responded to", "the criticism from the union"),
    ("The council member commented on the budget shortfall at the meeting.", "commented on", "the budget shortfall"),
])
def test_phrasal_cues_keep_the_preposition_in_the_cue(nlp, text, cue, content):
    [(kind, _, got_cue, got_content)] = found(nlp, text)
    assert (kind, got_cue, got_content) == ("indirect", cue, content)


def test_a_report_only_verb_does_not_take_the_quotation_from_said(nlp):
    quotes = found(nlp, "The mayor said the city supports “a full review of the police budget and the union contracts.”")
    assert quotes[0][:3] == ("mixed", "The mayor", "said")
    assert ("direct", "the city", "supports") not in [q[:3] for q in quotes]


def test_a_report_only_verb_with_no_object_still_attributes_the_quotation(nlp):
    assert found(nlp, "“The numbers are clear,” the report shows.") == [
        ("direct", "the report", "shows", "The numbers are clear")]


def test_report_only_groups_are_read_from_the_data():
    lexicon = CueLexicon()
    lexicon.add({"verbs": [{"group": "a", "needs": "any", "lemmas": ["say"]},
                           {"group": "b", "needs": "any", "introduces_quotations": False, "lemmas": ["say", "back"]}]})
    assert lexicon.report_only == {"back"}       # a lemma listed first elsewhere keeps that group's role
    assert CueLexicon.load().report_only >= {"support", "refuse", "show"}


def test_called_for_parsed_as_a_clause_mark_reports_the_demand(nlp):
    assert found(nlp, "The candidate has called for the city to hire more teachers before the fall.") == [
        ("indirect", "The candidate", "called for", "the city to hire more teachers before the fall")]


def test_a_passive_cue_with_a_named_reporter_reports_its_subject(nlp):
    assert found(nlp, "The meeting was first reported by a local newspaper.") == [
        ("indirect", "a local newspaper", "reported", "The meeting")]


def test_a_passive_cue_with_nobody_named_and_no_other_content_is_no_quote(nlp):
    assert found(nlp, "The plan was announced on Monday.") == []


def test_expected_to_reports_the_subject_and_the_infinitive_as_two_parts(nlp):
    [q] = nlp("The governor is expected to sign the bill next week.")._.ng_quotes
    assert q.speaker is None and [p.text for p in q.parts] == ["The governor", "to sign the bill next week"]


def test_a_gerund_after_a_preposition_is_said_by_the_subject_of_the_sentence(nlp):
    assert found(nlp, "The mayor landed in trouble last week by saying that the police chief should resign.") == [
        ("indirect", "The mayor", "saying", "that the police chief should resign")]


@pytest.mark.parametrize("text", ["As the mayor pointed out, the bridge has been closed for three years.",
                                  "The bridge has been closed for three years, as the mayor noted on Tuesday."])
def test_a_speech_verb_in_an_as_clause_reports_the_clause_around_it(nlp, text):
    [(kind, speaker, _, content)] = found(nlp, text)
    assert (kind, speaker, content.lower()) == ("indirect", "the mayor", "the bridge has been closed for three years")


def test_an_as_clause_without_a_speech_verb_reports_nothing(nlp):
    assert found(nlp, "As the river continues to rise, the bridge has been closed.") == []
