"""The reach of the trigger lexicon: verbs our lexicon names in another sense or
construction, whose sense the CAMEO patterns decide from the verb's own arguments."""
from __future__ import annotations

from eventkit import countries, events, first_of_type


def test_cameo_particles_decide_a_verb_our_lexicon_knows_otherwise(nlp):
    e = first_of_type(nlp, "Moscow hit out at Warsaw over the closure of its consulate.", "ACCUSE")
    assert countries(e.source) == {"RUS"} and countries(e.target) == {"POL"}


def test_cameo_object_noun_decides_a_light_verb(nlp):
    e = first_of_type(nlp, "Seoul issued a warning to Tokyo over the disputed islands.", "THREATEN")
    assert countries(e.source) == {"KOR"} and countries(e.target) == {"JPN"}


def test_cameo_object_decides_with_an_actor_subject(nlp):
    e = first_of_type(nlp, "Poland has stepped up security along its border with Belarus.", "MOBILIZE")
    assert countries(e.source) == {"POL"}


def test_a_time_phrase_does_not_decide_a_cameo_sense(nlp):
    assert events(nlp, "The Bank of Korea held interest rates steady for a third straight month.") == []



def test_a_pattern_preposition_names_no_source_as_target(nlp):
    found = events(nlp, "Armenia benefited from Russia at that time.")   # CAMEO: "benefit * from"
    assert found and all("RUS" not in countries(e.target) for e in found)


def test_received_aid_goes_from_the_giver_to_the_subject(nlp):
    e = first_of_type(nlp, "Moldova received a $200 million loan from Romania.", "AID")
    assert countries(e.source) == {"ROU"} and countries(e.target) == {"MDA"}


def test_receiving_an_actor_is_hosting_not_aid(nlp):
    e = first_of_type(nlp, "Erdogan received Aliyev in Ankara on Tuesday.", "CONSULT")
    assert countries(e.source) == {"TUR"} and countries(e.target) == {"AZE"}
