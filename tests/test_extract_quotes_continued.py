"""Split, continued and multi-paragraph quotes; headlines and story links that are not quotes."""
from __future__ import annotations

import pytest

from newsgraph.pipeline.nlp import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(["newsgraph_actors", "newsgraph_quotes"])


def parts_of(nlp, text):
    return [([p.text for p in q.parts], q.speaker.text if q.speaker else None)
            for q in nlp(text)._.ng_quotes]


def test_split_quote_after_the_cue_sentence_joins_the_quote(nlp):
    text = "“We will not back down,” Smith said on Tuesday. “The workers deserve better.”"
    assert parts_of(nlp, text) == [(["We will not back down", "The workers deserve better."], "Smith")]


def test_continued_sentence_with_unquoted_words_is_part_of_the_quote(nlp):
    text = ("“There were no public campaigns,” said Jeremy Bash, a former official. "
            "“This was an example of President Obama” and his team “just quietly deciding.”")
    [(parts, speaker)] = parts_of(nlp, text)
    assert speaker == "Jeremy Bash"
    assert parts[1] == "This was an example of President Obama” and his team “just quietly deciding"


def test_multi_paragraph_quote_keeps_every_paragraph(nlp):
    text = ("John Smith, the union leader, spoke at the rally.\n\n"
            "“We have waited for years for this day. Nobody listened to us.\n\n"
            "“Now they will have to listen. The strike starts on Monday.\n\n"
            "“We will not stop until we win,” he said.")
    [(parts, speaker)] = parts_of(nlp, text)
    assert speaker == "he" and len(parts) == 3
    assert parts[1].startswith("Now they will have to listen")


def test_related_story_line_is_not_a_quote(nlp):
    text = ("The vote was close.\n\nRELATED: Macron says France “will not abandon the Armenians”\n\n"
            "Read more: “I am not afraid of them,” says mayor of Lyon\n\nThe count ended at noon.")
    assert parts_of(nlp, text) == []


def test_unattributed_quote_on_a_headline_line_is_not_a_quote(nlp):
    text = "Armenians flee Karabakh.\n\n“We are being erased from our land”: a people leaves\n\nThe roads were full."
    assert parts_of(nlp, text) == []


def test_unattributed_sentence_in_running_text_is_kept(nlp):
    text = "The hall fell silent.\n\n“We are being erased from our land and nobody cares.”\n\nThe roads were full."
    assert parts_of(nlp, text) == [(["We are being erased from our land and nobody cares."], None)]


def test_continuations_never_keeps_the_cue_less_fragment_apart(nlp):
    nlp_never = build_nlp(["newsgraph_quotes"], config={"newsgraph_quotes": {"continuations": "never"}})
    text = "Mayor Jane Doe spoke.\n\n“The budget is balanced,” she said.\n\n“We cut waste. We kept services.”"
    found = parts_of(nlp_never, text)
    assert found[0] == (["The budget is balanced"], "she")
    assert found[1][1] is None


def test_quoted_opening_before_a_mid_sentence_cue_is_the_first_part(nlp):
    text = "“We will not back down” from this fight, Smith said, “and the workers deserve better.”"
    assert parts_of(nlp, text) == [(["We will not back down” from this fight",
                                     "and the workers deserve better."], "Smith")]


@pytest.mark.parametrize("text, speaker", [
    ("POLLS FAVOR CRUZ - Philip Bump: “Two weeks ago his strongest territory had been the South.”", "Philip Bump"),
    ("More from the report: “Today numerous online survey vendors condition their samples.”", "the report"),
    ("Kasich resisted: “Ohio governors do not have the power to suspend state laws.”", "Kasich"),
])
def test_colon_hands_the_quotation_to_the_name_before_it(nlp, text, speaker):
    [(parts, who)] = parts_of(nlp, text)
    assert who == speaker


def test_dateline_is_not_the_speaker(nlp):
    text = ("WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell "
            "an American story, one of ''suffering and delight, one of fear, but also of hope.''")
    assert [who for _, who in parts_of(nlp, text)] == ["President Obama"]


@pytest.mark.parametrize("text, content", [
    ("But, according to the poll, 46 percent of voters remain undecided.", "46 percent of voters remain undecided"),
    ("Verizon has struck a deal with the unions, according to the Labor Department, ending a long strike.",
     "Verizon has struck a deal with the unions"),
])
def test_according_to_reports_the_clause_without_the_source_phrase(nlp, text, content):
    [quote] = nlp(text)._.ng_quotes
    assert quote.content.text == content


def test_linking_word_before_the_second_fragment_keeps_the_quote_whole(nlp):
    text = ("“I don’t think it’s do or die,” he said outside the building. "
            "But “the candidacy is strengthened with an endorsement. It helps.”")
    [(parts, speaker)] = parts_of(nlp, text)
    assert speaker == "he" and len(parts) == 2
    assert parts[1].startswith("the candidacy is strengthened")


def test_prepared_remarks_with_will_say_are_split_quotes(nlp):
    text = ("“Until you have sat at that desk, you don’t know what it is like,” the president will say. "
            "“But she has been in the room; she has been part of those decisions.”")
    [(parts, speaker)] = parts_of(nlp, text)
    assert speaker == "the president" and parts[1].startswith("But she has been in the room")


def test_scheduled_speech_with_no_quotation_is_not_a_quote(nlp):
    assert parts_of(nlp, "The president will say in his speech that the economy is strong.") == []


def test_aside_in_the_cue_sentence_does_not_break_the_split_quote(nlp):
    text = ("“The candidates left just don’t understand the military,” said Army Capt. Christian Pardo, "
            "who said he would not vote for either candidate. “Their policies are just so far out there.”")
    direct = [q for q in nlp(text)._.ng_quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert [p.text for p in direct[0].parts][1] == "Their policies are just so far out there."


def test_run_of_quoted_paragraphs_after_a_sentence_about_one_person_is_theirs(nlp):
    text = ("Trump spoke only in evasive bromides during the interview.\n\n"
            "“We have to do something and it’s the only way you stop it.”\n"
            "“We have to be a lot tougher. We are playing with a different set of rules.”\n\n"
            "The interview ended.")
    [(parts, speaker)] = parts_of(nlp, text)
    assert speaker == "Trump" and len(parts) == 2


def test_dash_credits_keep_one_quotation_per_paragraph(nlp):
    text = ("“He does not answer to anyone and respects no one at all.” ― Jane Doe\n"
            "“I would rather stay home than vote for either of them this year.” ― John Roe")
    assert [s for _, s in parts_of(nlp, text)] == ["Jane Doe", "John Roe"]


def test_cue_that_opens_a_quotation_takes_the_quotation_to_its_mark(nlp):
    text = ("The Senate adopted a resolution on Monday.\n\n"
            "The resolution also “condemns the attacks on civilians in the strongest terms.”")
    [q] = [q for q in nlp(text)._.ng_quotes if q.cue is not None and q.cue.text == "condemns"]
    assert q.content.text.rstrip(".”").endswith("in the strongest terms")


def test_crosshead_in_quotation_marks_between_paragraphs_is_not_a_quote(nlp):
    text = ("Thousands marched in Brussels on Sunday.\n\n"
            "“Sell 2000 years of Armenian civilization against Azeri gas”\n\n"
            "The police counted 3,000 people.")
    assert parts_of(nlp, text) == []


def test_name_right_before_a_colon_speaks_the_quotation_after_it(nlp):
    text = ("The timing of the surge does not surprise Republican pollster Daron Shaw: “Historically, "
            "lesser-known candidates beating establishment candidates have seen the biggest boost.”")
    [(parts, speaker)] = parts_of(nlp, text)
    assert speaker == "Daron Shaw" and parts[0].startswith("Historically")


def test_object_of_a_preposition_before_a_colon_is_not_the_speaker(nlp):
    text = ("Perez contrasted the Republican candidate with Clinton: “What I have seen working with "
            "Secretary Clinton is she is a steady hand.”")
    assert all(s != "Clinton" for _, s in parts_of(nlp, text))


def test_quotation_closing_the_sentence_after_a_report_is_part_of_it(nlp):
    text = ("Pashinyan proposed creating a demilitarized zone around Artsakh with international guarantees, "
            "“as a result of which Nagorno-Karabakh may not need a defense army of such a scale.”")
    [q] = [q for q in nlp(text)._.ng_quotes if q.cue is not None and q.cue.text == "proposed"]
    assert q.content.text.startswith("creating a demilitarized zone")
    assert "may not need a defense army" in q.content.text
