"""Event arguments and who they are (actors round, issue 11): an IGO has no country, a
backer or supplier is not the user, a group named by its leader is an actor. Sentences
written for these tests (none is a dev or eval sentence)."""
from __future__ import annotations

from eventkit import countries, first_of_type


def test_an_igo_acronym_takes_no_country_from_a_homonym(nlp):
    event = first_of_type(nlp, "The OAS condemned the detention of two candidates in Managua.", "ACCUSE")
    assert any("OAS" in a.text for a in event.source)
    assert countries(event.source) == set()


def test_a_supplier_of_the_weapons_is_not_their_user(nlp):
    event = first_of_type(nlp, "Iranian-supplied rockets slammed into the port of Aden on Friday.", "ASSAULT")
    assert "IRN" not in countries(event.source)


def test_a_maker_of_the_jets_is_not_the_attacker(nlp):
    event = first_of_type(nlp, "Syrian government forces flying Russian-made jets bombed a market in Idlib.",
                          "ASSAULT")
    assert "RUS" not in countries(event.source)


def test_a_group_named_by_its_leader_acting_by_a_phrase_is_the_source(nlp):
    event = first_of_type(nlp, "The port was hit by air raids by the Saudi-led coalition.", "ASSAULT")
    assert "SAU" in countries(event.source)


def test_unnamed_assailants_take_the_country_they_strike_in(nlp):
    event = first_of_type(nlp, "Unidentified assailants stabbed a university lecturer to death in Rajshahi "
                               "on Saturday.", "ASSAULT")
    assert countries(event.source) == {"BGD"}


def test_a_stateless_peoples_adjective_with_one_home_gives_that_state(nlp):
    event = first_of_type(nlp, "Madrid refused to accept the outcome of the Catalan independence vote.",
                          "REJECT")
    assert countries(event.target) == {"ESP"}
