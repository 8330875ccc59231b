"""Event arguments, fourth pass (issue 11): which phrase is source or target, one rule per
test, sentences written for these tests (none is a dev or eval sentence).

The full default pipeline runs, as in production.
"""
from __future__ import annotations

from eventkit import countries, first_of_type


def test_the_accused_in_a_that_clause_is_the_target(nlp):
    event = first_of_type(nlp, "Bolivia's ombudsman charged that army units had fired on unarmed miners.",
                          "ACCUSE")
    assert countries(event.source) == {"BOL"}
    assert any("army units" in a.text for a in event.target)


def test_a_claimed_attack_takes_its_claimant_as_source(nlp):
    event = first_of_type(nlp, "The ambush, which the Allied Democratic Forces claimed, killed "
                               "eleven Ugandan soldiers.", "ASSAULT")
    assert any("Allied Democratic Forces" in a.text for a in event.source)
    assert "UGA" in countries(event.target)


def test_an_attack_by_a_coalition_named_by_its_leader_is_the_leaders(nlp):
    event = first_of_type(nlp, "Raids by the French-led coalition struck a depot near Tessalit.", "ASSAULT")
    assert "FRA" in countries(event.source)


def test_a_place_no_gazetteer_knows_belongs_to_the_country_that_owns_it(nlp):
    event = first_of_type(nlp, "Rebels attacked a village in Congo's Ituri province, killing 22 people.", "ASSAULT")
    assert event.location is not None and event.location.country == "COD"


def test_forces_pulling_out_of_a_place_leave_that_place(nlp):
    event = first_of_type(nlp, "Ethiopian troops pulled out of the town of Baidoa on Sunday.", "RETREAT")
    assert countries(event.source) == {"ETH"}
    assert countries(event.target) == {"SOM"}


def test_forces_withdrawing_with_no_place_named_do_not_target_their_own_state(nlp):
    event = first_of_type(nlp, "Chadian troops pulled back overnight.", "RETREAT")
    assert "TCD" not in countries(event.target)


def test_a_probe_into_spending_on_a_leaders_property_targets_the_leader(nlp):
    event = first_of_type(nlp, "Kenya's ethics commission opened a probe into spending on Governor Mike "
                               "Sonko's official residence.", "INVESTIGATE")
    assert countries(event.target) == {"KEN"}
    assert any("Sonko" in a.text for a in event.target)


def test_a_person_investigated_by_prosecutors_at_home_is_of_their_state(nlp):
    event = first_of_type(nlp, "Portuguese prosecutors questioned banker Ricardo Salgado over losses at a "
                               "Brazilian subsidiary.", "INVESTIGATE")
    assert countries(event.target) == {"PRT"}


def test_a_refusal_despite_pressure_rebuffs_whoever_pressed(nlp):
    event = first_of_type(nlp, "The Peruvian interior minister refused to resign despite mounting pressure "
                               "from Congress.", "REJECT")
    assert any("Congress" in a.text for a in event.target)


def test_an_attack_named_with_its_attacker_as_a_verbs_subject_is_the_attackers(nlp):
    event = first_of_type(nlp, "An ambush by Tuareg rebels on an army convoy in Mali killed nine soldiers.",
                          "ASSAULT")
    assert any("rebels" in a.text for a in event.source)


def test_a_toll_told_after_a_bombing_is_located_where_the_bomb_went_off(nlp):
    event = first_of_type(nlp, "A truck bomb exploded outside a market in Kirkuk, killing 11 people.", "ASSAULT")
    assert event.location is not None and event.location.country == "IRQ"
    assert "IRQ" in countries(event.target)


def test_an_arrest_in_a_city_targets_the_person_not_the_city(nlp):
    event = first_of_type(nlp, "Tunisian police arrested an opposition journalist in Sfax.", "COERCE")
    assert countries(event.target) == {"TUN"}
    assert all("Sfax" not in a.text for a in event.target)


def test_those_who_died_in_an_attack_are_its_target(nlp):
    event = first_of_type(nlp, "Four Burkinabe gendarmes died in an ambush by jihadists near Djibo.", "ASSAULT")
    assert "BFA" in countries(event.target)


def test_forces_readied_against_a_state_named_deep_in_the_object_target_it(nlp):
    event = first_of_type(nlp, "Venezuela has trained militias capable of waging guerrilla war against Colombia.",
                          "MOBILIZE")
    assert countries(event.source) == {"VEN"}
    assert countries(event.target) == {"COL"}


def test_a_states_own_troops_withdrawn_are_not_the_target(nlp):
    event = first_of_type(nlp, "Burundi withdrew its soldiers from the Central African Republic.", "RETREAT")
    assert countries(event.target) == {"CAF"}
    assert all("soldiers" not in a.text for a in event.target)


def test_tear_gas_fired_to_disperse_a_crowd_targets_that_crowd(nlp):
    event = first_of_type(nlp, "Zambian police fired tear gas to disperse opposition supporters in Lusaka.", "COERCE")
    assert any("supporters" in a.text for a in event.target)
