"""Countries of source and target told by the setting (issue 11, extract/events/places.py):
one class per test, sentences written for these tests (none is a dev or eval sentence).

The full default pipeline runs, as in production.
"""
from __future__ import annotations

from eventkit import countries, events, first_of_type


def test_an_unnamed_band_acting_in_a_town_is_of_that_towns_country(nlp):
    event = first_of_type(nlp, "Unknown attackers hacked a shopkeeper to death outside a mosque in Sylhet on Friday.",
                          "ASSAULT")
    assert countries(event.source) == {"BGD"}


def test_strikers_who_block_a_road_into_a_town_are_of_its_country(nlp):
    event = first_of_type(nlp, "Striking truckers blockaded the main road into Cochabamba for a third day.", "PROTEST")
    assert countries(event.source) == {"BOL"}


def test_a_building_stormed_in_a_town_is_a_target_of_the_towns_country(nlp):
    event = first_of_type(nlp, "Militiamen stormed a clinic in Bunia, the army said.", "ASSAULT")
    assert countries(event.target) == {"COD"}


def test_a_weapon_set_off_in_a_place_is_not_the_target(nlp):
    event = first_of_type(nlp, "Rebels detonated a car bomb in Kirkuk, police said.", "ASSAULT")
    assert not any("bomb" in a.text for a in event.target)


def test_troops_sent_to_a_named_frontier_are_moved_against_its_country(nlp):
    event = first_of_type(nlp, "Algeria sent two brigades to the Malian frontier after the coup.", "MOBILIZE")
    assert countries(event.target) == {"MLI"}


def test_a_mobilisation_amid_tensions_with_a_state_is_aimed_at_that_state(nlp):
    event = first_of_type(nlp, "Seoul put its troops on alert as tensions with Pyongyang rose.", "MOBILIZE")
    assert countries(event.target) == {"PRK"}


def test_a_pull_back_as_border_tension_eases_is_towards_the_other_side(nlp):
    event = first_of_type(nlp, "Greek troops pulled back as border tension with Turkey eased.", "RETREAT")
    assert countries(event.target) == {"TUR"}


def test_friction_nouns_with_no_event_make_no_event(nlp):
    assert events(nlp, "Tensions with Russia were the main topic at the summit in Riga.") == []


def test_a_loan_worth_a_sum_to_a_state_goes_to_that_state(nlp):
    event = first_of_type(nlp, "Japan will extend a loan worth $500 million to Vietnam for a metro line.", "AGREE")
    assert countries(event.target) == {"VNM"}


def test_a_deposit_in_a_central_bank_goes_to_its_state(nlp):
    event = first_of_type(nlp, "Kuwait vowed to deposit $1 billion in Jordan's central bank.", "AGREE")
    assert countries(event.target) == {"JOR"}


def test_the_partner_counterparts_outrank_the_topic_of_shared_intelligence(nlp):
    event = first_of_type(nlp, "Nigeria's police are sharing intelligence on Boko Haram cells with their "
                               "Chadian counterparts.", "COOPERATE")
    assert countries(event.target) == {"TCD"}


def test_a_call_for_someones_resignation_targets_them(nlp):
    event = first_of_type(nlp, "Opposition parties in Malawi called for the resignation of President Peter "
                               "Mutharika.", "REQUEST")
    assert any("Mutharika" in a.text for a in event.target)


def test_a_protest_at_a_leaders_decision_hung_beside_the_verb_targets_the_leader(nlp):
    event = first_of_type(nlp, "Dockers blocked the port and burned tyres in protest at President Emmanuel "
                               "Macron's pension reform.", "PROTEST")
    assert any("Macron" in a.text for a in event.target)


def test_troops_massed_on_the_sources_own_border_do_not_target_the_source(nlp):
    event = first_of_type(nlp, "Russia massed troops near its western border on Tuesday.", "MOBILIZE")
    assert "RUS" not in countries(event.target)


def test_a_border_with_a_named_state_gives_the_deployment_its_target(nlp):
    event = first_of_type(nlp, "Ethiopia deployed troops along its border with Eritrea.", "MOBILIZE")
    assert countries(event.target) == {"ERI"}


def test_a_town_named_in_the_object_places_a_siege_and_its_parties(nlp):
    event = first_of_type(nlp, "Pro-government militias besieged the rebel stronghold of Homs.", "COERCE")
    assert countries(event.source) == {"SYR"}


def test_a_rally_told_as_a_noun_during_a_crowds_clash_is_the_crowds(nlp):
    event = first_of_type(nlp, "Students in Caracas clashed with riot police during a march against President "
                               "Nicolas Maduro.", "PROTEST")
    assert countries(event.source) == {"VEN"}
    assert not any("police" in a.text for a in event.source)


def test_rockets_fired_from_afar_do_not_take_the_country_they_hit(nlp):
    event = first_of_type(nlp, "Rockets fired from Gaza struck a house in Ashkelon, wounding two people.", "ASSAULT")
    assert "ISR" not in countries(event.source)


def test_an_inquiry_into_claims_is_aimed_at_the_claims_subject(nlp):
    event = first_of_type(nlp, "Zambia's auditor general is looking into reports that President Edgar Lungu "
                               "benefited from inflated contracts.", "INVESTIGATE")
    assert any("Lungu" in a.text for a in event.target)


def test_an_inquiry_into_claims_about_a_thing_names_no_target(nlp):
    event = first_of_type(nlp, "Police are investigating claims that the fire was started deliberately.",
                          "INVESTIGATE")
    assert not any("fire" in a.text for a in event.target)
