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
