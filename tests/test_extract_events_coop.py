"""Cooperative events (AGREE, CONSULT, SUPPORT, COOPERATE, AID) in the sense news means them.

Each test pins one general rule of the cooperative triggers (issue 11) with sentences
written for newsgraph; the full default pipeline runs, as in production.
"""
from __future__ import annotations

from eventkit import countries, events, first_of_type


def kinds(nlp, text):
    return [e.type for e in events(nlp, text)]


def test_offering_a_thing_that_is_no_cooperation_is_no_agreement(nlp):
    for text in ("The senator offered his thoughts on the debate to reporters.",
                 "The governor jokingly offered the comedian a job in his cabinet."):
        assert "AGREE" not in kinds(nlp, text), text
    assert "AGREE" in kinds(nlp, "Algeria offered talks to the rebels in northern Mali.")
    assert "AGREE" in kinds(nlp, "Oman offered to mediate between Iran and Saudi Arabia.")


def test_offered_condolences_are_support_not_a_promise(nlp):
    event = first_of_type(nlp, "Kenya's president offered condolences to Tanzania after the ferry disaster.", "SUPPORT")
    assert countries(event.source) == {"KEN"}
    assert "AGREE" not in kinds(nlp, "Kenya's president offered condolences to Tanzania after the ferry disaster.")


def test_agreeing_with_a_view_or_a_fact_is_no_agreement(nlp):
    for text in ("The Bolivian finance minister agreed that inflation had peaked in March.",
                 "Most analysts in Lagos agreed with the central bank's forecast."):
        assert "AGREE" not in kinds(nlp, text), text
    for text in ("Peru and Ecuador agreed that their navies would patrol the coast together.",
                 "Peru and Ecuador agreed on a joint coast guard plan."):
        assert "AGREE" in kinds(nlp, text), text


def test_teams_meeting_in_a_match_do_not_consult(nlp):
    assert "CONSULT" not in kinds(nlp, "Senegal met Egypt in the Africa Cup of Nations final in Yaounde.")
    assert "CONSULT" in kinds(nlp, "Senegal's president met Egypt's foreign minister in Dakar on Monday.")


def test_visiting_a_thing_meets_no_one_but_visiting_a_state_does(nlp):
    assert "CONSULT" not in kinds(nlp, "The Ghanaian president visited a cocoa farm near Kumasi on Friday.")
    event = first_of_type(nlp, "Modi visited Japan's Kansai airport on his way to Tokyo.", "CONSULT")
    assert countries(event.target) == {"JPN"}


def test_a_sum_of_money_given_to_a_state_is_aid(nlp):
    for text, target in (("Kuwait gave Jordan $200 million to support its budget.", "JOR"),
                         ("China provided Laos with a $500 million loan for the railway.", "LAO"),
                         ("Japan provided $1.5 billion in economic aid to Egypt.", "EGY")):
        event = first_of_type(nlp, text, "AID")
        assert target in countries(event.target), text


def test_sealing_or_inking_a_deal_is_agreeing_but_a_friendship_treaty_is_support(nlp):
    assert "AGREE" in kinds(nlp, "Chile and Argentina sealed a gas supply deal on Thursday.")
    assert kinds(nlp, "Vietnam inks defence pact with Australia") == ["AGREE"]
    assert kinds(nlp, "Mongolia and Kazakhstan signed a treaty of friendship in Astana.") == ["SUPPORT"]


def test_a_leader_travelling_to_a_state_visits_it(nlp):
    event = first_of_type(nlp, "Brazil's foreign minister travelled to Caracas on Monday.", "CONSULT")
    assert event.mode == "visit" and countries(event.target) == {"VEN"}
    assert "AGREE" in kinds(nlp, "The Indonesian president will travel to Canberra next month.")


def test_hosting_a_delegation_of_an_actor_hosts_that_actor(nlp):
    event = first_of_type(nlp, "Egypt received a delegation of Sudanese army officers in Cairo.", "CONSULT")
    assert event.mode == "host" and countries(event.target) == {"SDN"}


def test_joint_drills_are_cooperation(nlp):
    assert "COOPERATE" in kinds(nlp, "Egyptian and Saudi navies held joint drills in the Red Sea.")


def test_recognising_a_thing_is_no_recognition_but_a_state_is(nlp):
    assert "SUPPORT" not in kinds(nlp, "The minister seemed to recognise the scale of the problem.")
    assert "SUPPORT" in kinds(nlp, "Ireland recognised the State of Palestine on Tuesday.")
    assert "SUPPORT" in kinds(nlp, "Russia recognised the independence of Abkhazia in 2008.")


def test_aides_are_staff_not_aid(nlp):
    assert "AID" not in kinds(nlp, "The Kenyan president's aides briefed reporters in Nairobi.")


def test_an_agreement_told_in_the_passive_is_made_by_the_parties_between(nlp):
    for text, parties in (("A prisoner swap was agreed between Armenia and Azerbaijan on Thursday.", {"ARM", "AZE"}),
                          ("Pact struck between Guyana and Suriname on fishing rights", {"GUY", "SUR"})):
        first_of_type(nlp, text, "AGREE")
        agreed = [e for e in events(nlp, text) if e.type == "AGREE"]   # one event per party (joint acts)
        assert set().union(*(countries(e.source) for e in agreed)) == parties, text


def test_a_plan_meeting_with_resistance_meets_no_one(nlp):
    assert "CONSULT" not in kinds(nlp, "The pension reform met with stiff resistance from Chilean unions.")
    assert "CONSULT" in kinds(nlp, "The Chilean president met with union leaders in Santiago.")


def test_taking_in_refugees_is_aid_not_praise(nlp):
    event = first_of_type(nlp, "Uganda welcomed 50,000 Congolese refugees last year.", "AID")
    assert event.mode == "asylum"
    assert "SUPPORT" not in kinds(nlp, "Uganda welcomed 50,000 Congolese refugees last year.")


def test_giving_weapons_or_writing_off_debt_is_aid(nlp):
    event = first_of_type(nlp, "Iran supplied the Houthis with armed drones, the report said.", "AID")
    assert event.mode == "military"
    event = first_of_type(nlp, "Brazil wrote off $900 million of Mozambique's debt.", "AID")
    assert countries(event.source) == {"BRA"}


def test_parties_the_parser_hung_under_a_fronted_phrase_still_agree(nlp):
    text = ("With the signing of a Memorandum of Understanding (MOU) on Border Trade, the Ethiopian government "
            "and TPLF/A have agreed to reopen the roads.")
    event = first_of_type(nlp, text, "AGREE")
    assert "ETH" in countries(event.source)


def test_pledged_delegates_and_accepted_donations_are_no_agreements(nlp):
    for text in ("Clinton leads Sanders by 271 pledged delegates.",
                 "The senator accepted about $200,000 in donations from oil companies.",
                 "Senegalese analyst Aminata Diop agreed."):
        assert "AGREE" not in kinds(nlp, text), text
    assert "AGREE" in kinds(nlp, "The junta accepted the mediators' proposal for a transition.")


def test_joint_bodies_and_searches_set_up_by_two_states_are_cooperation(nlp):
    for text in ("Tanzanian and Kenyan police set up a joint task force on poaching.",
                 "Niger and Benin formed a joint commission to manage the pipeline."):
        first_of_type(nlp, text, "COOPERATE")
        joint = [e for e in events(nlp, text) if e.type == "COOPERATE"]   # one event per party (joint acts)
        assert len(set().union(*(countries(e.source) for e in joint))) == 2, text


def test_training_given_to_a_state_is_aid(nlp):
    event = first_of_type(nlp, "Britain provided training to Somali coast guards last year.", "AID")
    assert event.mode == "military"


def test_calling_a_named_leader_is_a_phone_consultation_but_calling_him_names_is_not(nlp):
    event = first_of_type(nlp, "Erdogan called Putin on Tuesday to discuss the grain corridor.", "CONSULT")
    assert event.mode == "phone" and countries(event.source) == {"TUR"} and countries(event.target) == {"RUS"}
    for text in ("Erdogan called Netanyahu a terrorist.", "The president called the election a fraud.",
                 "Baku calls the Armenians of the region 'our citizens' and then fires at them."):
        assert "CONSULT" not in kinds(nlp, text), text


def test_aid_told_from_the_receivers_side_goes_from_giver_to_receiver(nlp):
    event = first_of_type(nlp, "Sri Lanka secured an emergency loan from India in March.", "AID")
    assert countries(event.source) == {"IND"} and countries(event.target) == {"LKA"}
    assert "AID" not in kinds(nlp, "The senator received $200,000 from oil companies.")


def test_sending_peacekeepers_is_aid_but_sending_troops_is_mobilisation(nlp):
    event = first_of_type(nlp, "Burundi sent 800 peacekeepers to Somalia last year.", "AID")
    assert event.mode == "military" and countries(event.source) == {"BDI"}
    assert "AID" not in kinds(nlp, "Russia sent 800 troops to Belarus last year.")
