"""The newsgraph_quotes component on short texts: one behaviour per test."""
from __future__ import annotations

import pytest

from newsgraph.pipeline.nlp import available_components, build_nlp


@pytest.fixture(scope="module")
def nlp():
    wanted = ["newsgraph_actors", "newsgraph_quotes"]
    return build_nlp([c for c in wanted if c in available_components()])


def quotes(nlp, text):
    doc = nlp(text)
    for q in doc._.ng_quotes:   # every span points at the exact characters
        for span in [q.content, q.speaker, q.cue, *q.parts]:
            if span is not None:
                assert text[span.start:span.end] == span.text
    return doc._.ng_quotes


def only(nlp, text):
    found = quotes(nlp, text)
    assert len(found) == 1, [q.to_dict() for q in found]
    return found[0]


def test_split_quote_is_one_quote_with_every_fragment(nlp):
    q = only(nlp, "“The offensive must stop,” wrote the President, “and discussions must resume.”")
    assert q.kind == "direct"
    assert [p.text for p in q.parts] == ["The offensive must stop", "and discussions must resume."]
    assert q.content.text == "The offensive must stop"
    assert q.speaker.text == "the President" and q.cue.text == "wrote"


def test_colon_intro_on_the_line_before(nlp):
    text = "The statement reads:\n“On Monday the army attacked the villages. The attack must be condemned.”"
    q = only(nlp, text)
    assert q.kind == "direct" and q.speaker.text == "The statement" and q.cue.text == "reads"
    assert q.content.text.startswith("On Monday") and q.content.text.endswith("condemned.")


def test_colon_intro_in_the_same_sentence(nlp):
    q = only(nlp, "The minister said: “We will not give up.”")
    assert (q.kind, q.speaker.text, q.cue.text, q.content.text) == (
        "direct", "The minister", "said", "We will not give up.")


def test_continuation_in_the_same_paragraph_joins_the_quote(nlp):
    q = only(nlp, "“We had good news yesterday,” the official said. “Now the situation is dangerous.”")
    assert [p.text for p in q.parts] == ["We had good news yesterday", "Now the situation is dangerous."]


def test_continuation_in_the_next_paragraph_is_the_next_part_of_the_quote(nlp):
    q = only(nlp, "“We had good news yesterday,” the official said.\n\n“Now it is dangerous.”")
    assert q.kind == "direct" and q.speaker.text == "the official"
    assert [p.text for p in q.parts] == ["We had good news yesterday", "Now it is dangerous."]


def test_pronoun_speaker_is_the_pronoun_as_written(nlp):
    found = quotes(nlp, "Emmanuel Macron spoke on Tuesday. “The offensive must stop,” he said.")
    assert [(q.kind, q.speaker.text, q.cue.text) for q in found] == [("direct", "he", "said")]
    if "newsgraph_actors" in nlp.pipe_names:
        assert found[0].speaker.actor == "person:emmanuel-macron"


def test_title_speaker_is_the_title_as_written(nlp):
    q = only(nlp, "“The offensive must stop,” said the Elysée tenant.")
    assert q.speaker.text == "the Elysée tenant" and q.cue.text == "said"


def test_unnamed_speaker_gets_a_span_but_no_actor(nlp):
    q = only(nlp, "US officials met on Monday. “We are worried,” a senior US official said.")
    assert q.speaker.text == "a senior US official"
    assert q.speaker.actor is None


def test_unnamed_sources_in_reported_speech(nlp):
    q = only(nlp, "Sources said the ceasefire was holding.")
    assert (q.kind, q.speaker.text, q.speaker.actor, q.content.text) == (
        "indirect", "Sources", None, "the ceasefire was holding")


def test_nested_single_quote_stays_inside_the_double_one(nlp):
    q = only(nlp, "“He told me ‘never again’ and left,” she said.")
    assert q.kind == "direct" and q.content.text == "He told me ‘never again’ and left"
    assert q.speaker.text == "she"


@pytest.mark.parametrize("opening,closing", [
    ("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("« ", " »"), ("„", "“"), ("‹", "›"), ("''", "''"),
])
def test_every_quotation_mark_style(nlp, opening, closing):
    q = only(nlp, f"{opening}We will rebuild the city,{closing} the mayor said.")
    assert (q.kind, q.content.text, q.speaker.text) == ("direct", "We will rebuild the city", "the mayor")


def test_misdirected_curly_mark_still_opens(nlp):
    q = only(nlp, "”We will rebuild the city,” the mayor said.")
    assert q.content.text == "We will rebuild the city"


def test_apostrophes_never_open_quotes(nlp):
    assert quotes(nlp, "Azerbaijan’s army entered the Armenians’ homes, and officials don't know why.") == []


def test_scare_quote_makes_the_reported_clause_mixed(nlp):
    q = only(nlp, "Macron called the offensive “unjustifiable”.")
    assert q.kind == "mixed" and q.cue.text == "called"
    assert q.content.text == "the offensive “unjustifiable”"


def test_reported_clause_with_a_long_quoted_tail_is_mixed(nlp):
    q = only(nlp, "He said the nation has become “more interested in protecting the criminals.”")
    assert q.kind == "mixed" and q.speaker.text == "He"
    assert q.content.text == "the nation has become “more interested in protecting the criminals.”"


def test_headline_with_quoted_words(nlp):
    text = 'Marseille mayor denounces Europe\'s "betrayal" for "Azeri gas"\n\nThousands marched in Marseille.'
    q = only(nlp, text)
    assert (q.kind, q.cue.text, q.speaker.text) == ("mixed", "denounces", "Marseille mayor")
    assert q.content.text == 'Europe\'s "betrayal" for "Azeri gas"'


def test_headline_name_and_colon(nlp):
    q = only(nlp, "Pence: Gennifer Flowers Won’t Be at Debate\n\nThe governor spoke on Sunday.")
    assert (q.speaker.text, q.cue.text, q.content.text) == ("Pence", ":", "Gennifer Flowers Won’t Be at Debate")


def test_according_to(nlp):
    q = only(nlp, "According to the police, 1,000 people attended the rally.")
    assert (q.kind, q.speaker.text, q.cue.text, q.content.text) == (
        "indirect", "the police", "According to", "1,000 people attended the rally")


def test_told_reporters_is_the_cue(nlp):
    q = only(nlp, "Catherine Colonna told reporters that the action was illegal.")
    assert (q.cue.text, q.speaker.text, q.content.text) == (
        "told reporters", "Catherine Colonna", "that the action was illegal")


def test_said_in_a_statement_that(nlp):
    found = quotes(nlp, "Iran warns of response\n\nThe ministry said in a statement that at least 12 people were killed.")
    q = [q for q in found if q.cue.text == "said"][0]
    assert (q.kind, q.speaker.text, q.content.text) == ("indirect", "The ministry", "that at least 12 people were killed")


def test_cue_led_quotation_with_a_colon(nlp):
    q = only(nlp, "Kremlin spokesman Dmitry Peskov told reporters: “There are no talks.”")
    assert (q.kind, q.speaker.text, q.cue.text, q.content.text) == (
        "direct", "Kremlin spokesman Dmitry Peskov", "told reporters", "There are no talks.")


def test_post_posed_the_official_said(nlp):
    q = only(nlp, "The talks will resume next week, the official said.")
    assert (q.kind, q.speaker.text, q.cue.text, q.content.text) == (
        "indirect", "the official", "said", "The talks will resume next week")


def test_post_posed_attribution_of_a_partly_quoted_sentence(nlp):
    q = only(nlp, "The action is “illegal, unjustifiable, and unacceptable,” "
                  "French Foreign Minister Catherine Colonna told reporters.")
    assert q.kind == "mixed" and q.cue.text == "told reporters"
    assert q.speaker.text == "French Foreign Minister Catherine Colonna"


def test_passive_reporting_verb_takes_the_agent(nlp):
    q = only(nlp, "It was announced by the ministry that the border would close.")
    assert (q.speaker.text, q.cue.text, q.content.text) == ("the ministry", "announced", "that the border would close")


def test_call_on_and_urge(nlp):
    q = only(nlp, "The president urged Azerbaijan to stop the offensive.")
    assert (q.cue.text, q.content.text) == ("urged", "Azerbaijan to stop the offensive")
    q = only(nlp, "The mayor called on the European Union to take action.")
    assert (q.cue.text, q.content.text) == ("called on", "the European Union to take action")


def test_phone_call_is_not_a_quote(nlp):
    assert quotes(nlp, "French President Emmanuel Macron called Armenian Prime Minister Nikol Pashinyan.") == []


def test_speech_that_did_not_happen_is_not_a_quote(nlp):
    assert quotes(nlp, "The minister did not say whether talks would resume. She will announce plans Friday.") == []


def test_missing_opening_mark_is_recovered_from_the_paragraph_start(nlp):
    q = only(nlp, "Azerbaijan calls them ‘our citizens’ and shoots at them,” Pashinyan tweeted.")
    assert (q.kind, q.speaker.text, q.cue.text) == ("direct", "Pashinyan", "tweeted")
    assert q.content.text == "Azerbaijan calls them ‘our citizens’ and shoots at them"


def test_dash_credit_after_a_quotation(nlp):
    q = only(nlp, "“Mr. Trump embodies the legacy of racism.” ― Sonya Herridge")
    assert (q.speaker.text, q.cue.text) == ("Sonya Herridge", "―")


def test_titles_in_quotation_marks_are_not_quotes(nlp):
    assert [q.kind for q in quotes(nlp, "She wrote a book called “All Bets Are Off” in 2010.")] == []


def test_multi_paragraph_quote_reopening_each_paragraph(nlp):
    text = ("The minister said:\n\n“We will rebuild every house.\n\n"
            "“We will not leave anyone behind,” she added.")
    found = quotes(nlp, text)
    direct = [q for q in found if q.kind == "direct"]
    assert [p.text for q in direct for p in q.parts] == [
        "We will rebuild every house.", "We will not leave anyone behind"]


def test_spacy_span_group_is_set(nlp):
    doc = nlp("“We will not give up,” the minister said.")
    assert [(s.text, s.label_) for s in doc.spans["ng_quotes"]] == [("We will not give up", "direct")]


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "“", "”", "\"'‘’«»„", "\u200b\u00a0\ufeff", ": “", "“A,” said", "\x00 “abc",
    "“" * 300, "He said: “" + "word " * 2000,
])
def test_odd_input_never_crashes(nlp, text):
    quotes(nlp, text)


def test_many_sentences(nlp):
    text = "“We will win,” he said. The war, officials said, is over. " * 300
    found = quotes(nlp, text)
    assert len(found) == 600


def test_user_cue_file_adds_verbs(tmp_path):
    extra = tmp_path / "cues.yaml"
    extra.write_text("verbs:\n  - group: mine\n    why: test\n    needs: clause\n    lemmas: [opine]\n",
                     encoding="utf-8")
    text = "The senator opined that the treaty was dead."
    plain = build_nlp(["newsgraph_quotes"])
    assert plain(text)._.ng_quotes == []
    custom = build_nlp(["newsgraph_quotes"], config={"newsgraph_quotes": {"cue_paths": [str(extra)]}})
    (q,) = custom(text)._.ng_quotes
    assert (q.cue.text, q.speaker.text, q.content.text) == ("opined", "The senator", "that the treaty was dead")
