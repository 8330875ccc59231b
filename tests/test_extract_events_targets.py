"""Who an event is aimed at (issue 11, argument selection): one rule per test.

The full default pipeline runs, as in production. The sentences were written
for these tests; none is a dev or eval sentence.
"""
from __future__ import annotations

from eventkit import events, first_of_type as of_type, countries


def test_a_date_phrase_is_never_a_target(nlp):
    event = of_type(nlp, "Niger expelled Benin's envoy on Thursday.", "SANCTION")
    assert countries(event.target) == {"BEN"}
    assert not any("Thursday" in a.text for a in event.target)


def test_a_participle_after_an_order_is_done_by_who_gave_the_order(nlp):
    event = of_type(nlp, "The Estonian government told the Russian consul to leave within a week, "
                         "accusing him of spying.", "ACCUSE")
    assert countries(event.source) == {"EST"}
    assert "EST" not in countries(event.target)


def test_an_object_pronoun_is_not_its_own_clause_subject(nlp):
    event = of_type(nlp, "Chile deported twelve Bolivian smugglers, accusing them of trafficking.", "ACCUSE")
    assert "CHL" in countries(event.source)
    assert countries(event.target) == {"BOL"}


def test_tear_gas_fired_at_a_crowd_makes_the_crowd_the_target(nlp):
    event = of_type(nlp, "Togolese police fired tear gas at students of the University of Lome.", "COERCE")
    assert countries(event.source) == {"TGO"}
    assert countries(event.target) == {"TGO"}


def test_unnamed_victims_are_of_the_place_they_were_hit_in(nlp):
    event = of_type(nlp, "Militants killed nine villagers in Mozambique on Saturday.", "ASSAULT")
    assert countries(event.target) == {"MOZ"}


def test_an_offensive_in_another_country_targets_that_country(nlp):
    event = of_type(nlp, "Turkey's offensive in northern Syria has displaced thousands.", "ASSAULT")
    assert countries(event.source) == {"TUR"}
    assert countries(event.target) == {"SYR"}


def test_an_offensive_at_home_has_no_place_target(nlp):
    event = of_type(nlp, "Nigeria's offensive in Borno state has displaced thousands.", "ASSAULT")
    assert countries(event.source) == {"NGA"}
    assert event.target == []


def test_an_attack_on_a_facility_is_on_the_body_that_keeps_it(nlp):
    event = of_type(nlp, "Insurgents shelled an army base near Kandahar on Sunday.", "ASSAULT")
    assert [a.text for a in event.target] == ["army"]
    assert countries(event.target) == {"AFG"}


def test_a_stance_stated_in_the_passive_is_held_by_its_subject(nlp):
    event = of_type(nlp, "Ghana's finance minister said Ghana is committed to repaying its creditors.", "AGREE")
    assert countries(event.source) == {"GHA"}
    assert "GHA" not in countries(event.target)


def test_a_two_word_agent_names_the_sector_before_the_head_noun_alone(nlp):
    event = of_type(nlp, "The opposition leader accused the Kenyan government of vote rigging.", "ACCUSE")
    assert [a.sector for a in event.source] == ["OPP"]


def test_condemning_an_act_targets_its_named_doer_not_its_victim(nlp):
    event = of_type(nlp, "Canada condemned the detention of the journalist by Iranian security forces.", "ACCUSE")
    assert countries(event.target) == {"IRN"}
    assert not any("journalist" in a.text for a in event.target)


def test_an_object_pronoun_skips_whoever_its_subject_stands_for(nlp):
    found = [e for e in events(nlp, "Chile's president met Peru's president in Lima. He thanked him for "
                                    "his help with the fires.") if e.type == "SUPPORT"]
    assert found and countries(found[0].source) == {"CHL"}
    assert countries(found[0].target) == {"PER"}


def test_a_possessor_with_an_of_phrase_does_the_act(nlp):
    event = of_type(nlp, "Iran's expulsion of Afghan migrants has accelerated this year.", "COERCE")
    assert countries(event.source) == {"IRN"}
    assert countries(event.target) == {"AFG"}


def test_a_nationality_inside_a_compound_trigger_is_its_source(nlp):
    event = of_type(nlp, "Turkish drone strikes on Kurdish fighters in Syria intensified last month.", "ASSAULT")
    assert "TUR" in countries(event.source)


def test_a_headline_comma_joins_two_subjects(nlp):
    agreed = [e for e in events(nlp, "Kenya, Ethiopia agree to reopen border trade") if e.type == "AGREE"]
    assert {"KEN", "ETH"} <= {c for e in agreed for c in countries(e.source) | countries(e.target)}


def test_a_protest_outside_an_embassy_is_aimed_at_the_state_it_represents(nlp):
    event = of_type(nlp, "Students protested outside the Turkish embassy in Athens on Friday.", "PROTEST")
    assert countries(event.target) == {"TUR"}


def test_a_protest_outside_parliament_names_no_target_by_its_place(nlp):
    event = of_type(nlp, "Farmers protested outside the parliament in Warsaw on Friday.", "PROTEST")
    assert event.target == []


def test_they_after_two_joined_actors_stands_for_both(nlp):
    found = [e for e in events(nlp, "Ghana and Togo signed a border accord. They urged Burkina Faso "
                                    "to join it.") if e.type == "REQUEST"]
    assert found and {"GHA", "TGO"} <= countries(found[0].source)
    assert countries(found[0].target) == {"BFA"}
