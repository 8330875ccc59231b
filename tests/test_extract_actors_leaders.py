"""Actors round (issue 11): leaders by surname or possessive, seats and capitals acting,
peoples with a home country, IGOs without one. Sentences written for these tests."""
from __future__ import annotations

import pytest

from newsgraph.extract.mentions import actor_at
from newsgraph.pipeline.nlp import build_nlp, make_doc


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(["newsgraph_actors"])


def actor(nlp, text, phrase, published):
    doc = nlp(make_doc(nlp, text, "t", published))
    start = doc.text.index(phrase)
    return actor_at(doc, start, start + len(phrase))


def test_an_untagged_surname_acting_is_the_leader_in_office(nlp):
    found = actor(nlp, "Mahama accused the opposition of stoking violence in northern Ghana.", "Mahama", "2016-10-15")
    assert found is not None and found.kind == "person" and found.country == "GHA"


def test_a_possessive_surname_is_the_leader(nlp):
    found = actor(nlp, "Kabila's bid to delay the vote angered the bishops in Kinshasa.", "Kabila", "2016-09-20")
    assert found is not None and found.country == "COD"


def test_a_word_of_a_state_name_is_no_surname(nlp):
    found = actor(nlp, "Seoul urged the Democratic People's Republic of Korea to return to talks.",
                  "Republic", "2006-10-10")
    assert found is None or found.country == "PRK"


def test_a_leader_phoenix_lacks_comes_from_the_registry(nlp):
    found = actor(nlp, "Milosevic rejected the peace plan on Tuesday.", "Milosevic", "1999-03-23")
    assert found is not None and found.country == "SRB"


@pytest.mark.parametrize("text, phrase, country", [
    ("Itamaraty rejected the proposal on Monday.", "Itamaraty", "BRA"),
    ("Baabda denied the report on Monday.", "Baabda", "LBN"),
    ("Naypyidaw ordered the arrest of three reporters.", "Naypyidaw", "MMR"),
])
def test_seats_and_listed_capitals_act_for_their_government(nlp, text, phrase, country):
    found = actor(nlp, text, phrase, "2021-03-04")
    assert found is not None and found.country == country


@pytest.mark.parametrize("text, phrase, country", [
    ("Maasai herders blocked the road to the reserve.", "Maasai herders", "KEN"),
    ("Zapatista rebels seized four towns in the highlands.", "Zapatista rebels", "MEX"),
])
def test_a_people_without_a_state_takes_its_home(nlp, text, phrase, country):
    found = actor(nlp, text, phrase, "2022-06-11")
    assert found is not None and found.country == country


def test_an_armed_movement_named_by_acronym_has_its_country(nlp):
    found = actor(nlp, "The ELN freed six hostages on Sunday.", "ELN", "2023-06-09")
    assert found is not None and found.country == "COL" and found.sector == "REB"
