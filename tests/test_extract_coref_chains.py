"""Article-level chains: descriptive speakers get the actor the article names elsewhere."""
from __future__ import annotations

import pytest

from newsgraph.pipeline.nlp import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(["newsgraph_actors", "newsgraph_quotes"])


def speakers(nlp, text):
    return [(q.speaker.text, q.speaker.actor) for q in nlp(text)._.ng_quotes if q.speaker]


def test_document_speaks_for_the_body_that_adopted_it_across_sentences(nlp):
    text = ("The French Senate adopted a resolution on Tuesday.\n\n"
            "The resolution condemned the “repeated aggressions” against Armenia.\n\n"
            "It calls for the “immediate withdrawal” of the troops.")
    found = speakers(nlp, text)
    assert ("The resolution", "org:fra-senate") in found
    assert ("It", "org:fra-senate") in found


def test_definite_title_after_a_named_person_is_that_person(nlp):
    text = ("Senator Bob Menendez charged Azerbaijan with a campaign of “ethnic cleansing”. "
            "The Democrat declared that he will put up legislation to sanction Aliyev.")
    assert ("The Democrat", "person:bob-menendez") in speakers(nlp, text)


def test_unnamed_official_stays_unresolved(nlp):
    text = ("A senior US official expressed irritation at the violence. "
            "“We had actually good news yesterday,” the official said.")
    assert ("the official", None) in speakers(nlp, text)


def test_surname_with_honorific_finds_the_person_named_earlier(nlp):
    text = ("Emmanuel Macron met the ministers on Monday.\n\n"
            "“We will not accept this,” Mr Macron said.")
    assert speakers(nlp, text) == [("Mr Macron", "person:emmanuel-macron")]


def test_evidence_clause_goes_to_the_subject_not_a_possessive(nlp):
    text = ("Pashinyan spoke on Tuesday. He referenced Azerbaijan’s refusal to let observers in, and its demand "
            "that all Armenian forces leave as evidence that Aliyev “is already preparing the genocide "
            "of the Armenians.”")
    genocide = [q for q in nlp(text)._.ng_quotes if "genocide" in q.content.text]
    assert genocide and genocide[0].speaker.text == "He"
    assert genocide[0].speaker.actor == "person:nikol-pashinyan"


def test_he_said_after_a_paragraph_about_someone_else_is_that_person(nlp):
    text = ("Anna Berg met the press.\n\n“We will win,” Berg said.\n\n"
            "Her rival, Tom Lee, was in Ohio, where he spoke to farmers about prices.\n\n"
            "“We are ready,” he said.")
    assert speakers(nlp, text) == [("Berg", "person:anna-berg"), ("he", "person:tom-lee")]


def test_the_signatories_speak_for_the_authors_of_the_declaration_before(nlp):
    text = ("In a joint declaration, 31 members of France’s National Assembly and Senate stressed the need "
            "to hold perpetrators accountable.\n\nThe blockade lasted nine months and emptied the region.\n\n"
            "On this somber anniversary, the signatories reaffirm that the expulsion must not be treated "
            "as inevitable.")
    (members, body), (signatories, actor) = speakers(nlp, text)
    assert signatories == "the signatories" and body is not None and actor == body


def test_kinship_noun_in_apposition_keeps_she_from_the_brother(nlp):
    text = ("Maria Lopez runs the shelter. Her brother, Tom Lopez, drove the truck.\n\n"
            "“We had no food for days,” she said.")
    assert speakers(nlp, text) == [("she", "person:maria-lopez")]
