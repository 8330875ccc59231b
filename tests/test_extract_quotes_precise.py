"""Quotes found with the right boundaries and speaker, and no false quotes."""
from __future__ import annotations

import pytest

from newsgraph.pipeline.nlp import available_components, build_nlp


@pytest.fixture(scope="module")
def nlp():
    wanted = ["newsgraph_actors", "newsgraph_quotes"]
    return build_nlp([c for c in wanted if c in available_components()])


def found(nlp, text):
    return nlp(text)._.ng_quotes


def test_belief_inside_a_report_is_part_of_the_outer_quote(nlp):
    text = "The farmer told local radio on Monday that he thought the harvest would fail."
    qs = found(nlp, text)
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in qs] == [
        ("The farmer", "told", "that he thought the harvest would fail")]


def test_claim_about_someone_else_stays_with_the_reporter(nlp):
    text = "A spokeswoman said the mayor believes the bridge is unsafe."
    qs = found(nlp, text)
    assert [(q.speaker.text, q.content.text) for q in qs] == [
        ("A spokeswoman", "the mayor believes the bridge is unsafe")]


def test_mixed_quote_runs_to_the_closing_mark_past_a_full_stop(nlp):
    text = ("The senator said he had spent his life “fighting for the farmers of this state. "
            "I will not stop now, whatever they say about me.”")
    q = found(nlp, text)[0]
    assert q.kind == "mixed" and q.speaker.text == "The senator"
    assert q.content.text.startswith("he had spent") and q.content.text.endswith("about me.”")


def test_name_cut_off_from_its_verb_by_an_apposition_still_speaks(nlp):
    text = ("But in a phone call with reporters on Nov. 3, Col. Mark T. Baker, an army spokesman "
            "in Kabul, said, “The convoy was never in danger. We moved it as planned.”")
    q = found(nlp, text)[0]
    assert q.kind == "direct" and q.speaker.text == "Col. Mark T. Baker"


def test_quotation_after_a_report_goes_to_the_reporter_not_to_someone_inside_it(nlp):
    text = ("The minister said that for years critics had been predicting the closure of the mine, "
            "but this would not happen. “The mine is the heart of this town and it will stay open.”")
    q = next(q for q in found(nlp, text) if q.kind == "direct")
    assert q.speaker.text == "The minister"


def test_sentence_after_a_closed_quotation_does_not_claim_it(nlp):
    text = ("Mayor Ana Ruiz spoke after the vote.\n\n“We will never accept this plan and we will fight it "
            "in court.” The unions demand a new vote on Friday.")
    q = next(q for q in found(nlp, text) if q.kind == "direct")
    assert q.speaker is None or q.speaker.text != "The unions"


def test_channel_phrase_without_anything_said_is_no_quote(nlp):
    assert found(nlp, "In an interview on Sunday, Governor Tom Hale went even further.") == []


def test_channel_phrase_with_an_act_is_a_report(nlp):
    q = found(nlp, "In a letter on Monday, the ministry issued a warning to the mining companies.")[0]
    assert q.cue.text == "In a letter" and q.content.text.startswith("issued a warning")


def test_name_and_tally_lines_are_no_quotes(nlp):
    text = "Delegates won so far.\n\nTom Hale: 1,204.\n\nAna Ruiz: 988."
    assert found(nlp, text) == []


def test_phrase_after_the_object_of_a_cue_is_part_of_the_report(nlp):
    q = found(nlp, "Senator Tom Hale questioned the governor's judgment in supporting the new mine.")[0]
    assert q.content.text == "the governor's judgment in supporting the new mine"


def test_date_and_channel_after_the_object_stay_out_of_the_report(nlp):
    assert found(nlp, "The minister announced the plan on Tuesday.")[0].content.text == "the plan"
    assert found(nlp, "Ruiz criticized the company in a statement on Monday.")[0].content.text == "the company"


def test_cue_describing_a_noun_hands_the_quotation_to_the_speech_around_it(nlp):
    text = "“Let them decide,” said Mayor Ana Ruiz, urging those calling for a strike to “give the talks more time.”"
    qs = found(nlp, text)
    assert [q.speaker.text for q in qs] == ["Mayor Ana Ruiz", "Mayor Ana Ruiz"]


def test_quoted_crosshead_is_no_quote(nlp):
    text = "Peter Brown spoke to residents on Monday.\n\n“A city that works for everyone”\n\nThe council meets on Friday."
    assert found(nlp, text) == []


def test_related_story_headline_is_no_quote(nlp):
    text = ("Peter Brown spoke to residents on Monday about the roads.\n\n"
            "Related: “We will fix every road in this city” - mayor\n\nThe council meets on Friday.")
    assert found(nlp, text) == []


def test_he_said_after_a_paragraph_about_someone_else_is_that_person(nlp):
    text = ("Senator John Smith opened the hearing on Monday. “The budget is a disgrace,” Smith said.\n\n"
            "The mayor, Peter Brown, defended the budget for an hour and took questions from reporters.\n\n"
            "“We had no choice,” he said.")
    # ("defended the budget" is a report of its own; only the quotations are asked about here)
    assert [q.speaker.actor for q in found(nlp, text) if q.kind == "direct"] == ["person:john-smith", "person:peter-brown"]


def test_mixed_quote_content_is_the_whole_reported_clause(nlp):
    q = found(nlp, "Senator John Smith said he is “winning big in every state.”")[0]
    assert (q.kind, q.content.text) == ("mixed", "he is “winning big in every state.”")
    q = found(nlp, "Senator John Smith called the governor “a nasty woman who lies all the time.”")[0]
    assert (q.kind, q.content.text) == ("mixed", "the governor “a nasty woman who lies all the time.”")


def test_statement_speaks_for_whoever_issued_it(nlp):
    q = found(nlp, "Her office put out a statement saying the bridge “will reopen next week and stay open.”")[0]
    assert q.speaker.text == "Her office"
    q = found(nlp, "The city council passed a resolution condemning the attack on the mosque.")[0]
    assert (q.speaker.text, q.content.text) == ("The city council", "the attack on the mosque")


def test_quotation_without_a_word_is_no_quote(nlp):
    assert found(nlp, "Tom Hale wrote in a tweet: “771156540103417856”") == []
    assert found(nlp, "Senator Tom Hale said: “2,316.”") == []


def test_term_in_marks_is_no_quote_of_its_own(nlp):
    qs = found(nlp, "Tom Hale said: “useless.”")
    assert qs and all(q.kind != "direct" for q in qs)


def test_short_exclamation_is_still_a_quote(nlp):
    q = found(nlp, "“Never again!” shouted Tom Hale.")[0]
    assert (q.kind, q.speaker.text, q.content.text) == ("direct", "Tom Hale", "Never again!")
