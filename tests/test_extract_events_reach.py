"""The reach of the trigger lexicon: verbs our lexicon names in another sense or
construction, whose sense the CAMEO patterns decide from the verb's own particle or
object noun."""
from __future__ import annotations

from eventkit import countries, events, first_of_type

from newsgraph.extract.events.lexicon import load_lexicon


def test_cameo_particles_decide_a_verb_our_lexicon_knows_otherwise(nlp):
    e = first_of_type(nlp, "Moscow hit out at Warsaw over the closure of its consulate.", "ACCUSE")
    assert countries(e.source) == {"RUS"} and countries(e.target) == {"POL"}


def test_cameo_object_noun_decides_a_light_verb(nlp):
    e = first_of_type(nlp, "Seoul issued a warning to Tokyo over the disputed islands.", "THREATEN")
    assert countries(e.source) == {"KOR"} and countries(e.target) == {"JPN"}


def test_a_light_verb_object_noun_without_an_actor_object_is_no_cameo_event(nlp):
    found = events(nlp, "The farmer was seen carrying weapons near the refuge on Sunday.")
    assert not any(e.type == "AID" for e in found)


def test_a_verb_known_for_saying_takes_no_cameo_particle_sense(nlp):
    found = events(nlp, "The senator said she had reached out to Mr. Sanders about unity.")
    assert not any(e.type == "REQUEST" for e in found)


def test_a_time_phrase_does_not_decide_a_cameo_sense(nlp):
    assert events(nlp, "The Bank of Korea held interest rates steady for a third straight month.") == []


def test_a_pattern_preposition_names_no_source_as_target(nlp):
    # "from" in a CAMEO pattern ("benefit * from") names where something comes from, never the target;
    # the category-code guard (guards_talk) now also drops this vague CAMEO reading altogether
    assert "from" not in load_lexicon().cls("cameo_target_preps")
    assert events(nlp, "Armenia benefited from Russia at that time.") == []


def test_receiving_an_actor_is_hosting_not_aid(nlp):
    e = first_of_type(nlp, "Erdogan received Aliyev in Ankara on Tuesday.", "CONSULT")
    assert countries(e.source) == {"TUR"} and countries(e.target) == {"AZE"}


def test_a_light_verb_with_no_actor_doing_it_is_no_cameo_event(nlp):
    found = events(nlp, "Such rhetoric is sending a message to Muslims around the world.")
    assert not any(e.type == "CONSULT" for e in found)
