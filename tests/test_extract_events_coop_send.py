"""Cooperation said the way wire copy says it: aid told by sending and arriving, talks by
telephone, agreements by their terms, blessings and backing, hand-overs (issue 11).

Each test pins one general rule with sentences written for newsgraph (none from an
evaluation set); the full default pipeline runs, as in production.
"""
from __future__ import annotations

from eventkit import countries, events, first_of_type


def kinds(nlp, text):
    return [e.type for e in events(nlp, text)]


def test_goods_shipped_to_a_country_are_aid_through_quantities_and_carriers(nlp):
    for text, giver, taker in (
            ("Vietnam shipped 5,000 tonnes of rice to flood-hit Laos on Monday.", "VNM", "LAO"),
            ("Algeria sent three planes loaded with tents and blankets to Libya.", "DZA", "LBY"),
            ("India flew 20 tonnes of medicine to quake-hit Nepal on Sunday.", "IND", "NPL")):
        event = first_of_type(nlp, text, "AID")
        assert countries(event.source) == {giver} and taker in countries(event.target), text


def test_goods_sold_on_credit_are_aid_but_goods_shipped_to_stores_are_trade(nlp):
    event = first_of_type(nlp, "Iran shipped fuel oil to Syria on credit throughout the war.", "AID")
    assert countries(event.target) == {"SYR"}
    assert kinds(nlp, "The carmaker will ship its new model to dealers in Europe from May.") == []


def test_troops_sent_to_a_country_to_help_are_aid_not_a_show_of_force(nlp):
    event = first_of_type(nlp, "Chad dispatched 2,000 troops to northern Mali to help French forces.", "AID")
    assert countries(event.source) == {"TCD"} and countries(event.target) == {"MLI"}
    assert "MOBILIZE" in kinds(nlp, "Portugal will send two frigates to support the NATO mission in the Baltic.")
    assert "MOBILIZE" in kinds(nlp, "North Korea deployed additional troops along its border with China.")


def test_coming_to_help_someone_is_aid_but_going_to_help_is_a_plan(nlp):
    event = first_of_type(nlp, "Russian rescuers arrived in Izmir to help Turkish firefighters.", "AID")
    assert countries(event.source) == {"RUS"} and countries(event.target) == {"TUR"}
    assert "AID" not in kinds(nlp, "I am going to help Ted in every way I can, the senator said.")


def test_aid_that_arrives_names_giver_and_recipient(nlp):
    event = first_of_type(nlp, "Humanitarian aid sent by Egypt arrived in Khartoum on Tuesday.", "AID")
    assert countries(event.source) == {"EGY"} and countries(event.target) == {"SDN"}


def test_a_phone_call_names_the_partner_hung_on_the_means(nlp):
    event = first_of_type(nlp, "The Kenyan president spoke by telephone with his Ugandan counterpart.", "CONSULT")
    assert countries(event.target) == {"UGA"}


def test_a_crowd_meeting_somewhere_and_a_plan_meeting_resistance_meet_no_one(nlp):
    for text in ("Hundreds of pilgrims met at the shrine on Friday for the annual feast.",
                 "The pension reform met stiff resistance in the senate."):
        assert "CONSULT" not in kinds(nlp, text), text
    assert "CONSULT" in kinds(nlp, "Hundreds of farmers met with the agriculture minister on Monday.")


def test_acting_under_an_accord_is_agreeing(nlp):
    found = [e for e in events(nlp, "Under an agreement announced on Monday, Chile and Peru will share radar data.")
             if e.type == "AGREE"]
    assert {c for e in found for c in countries(e.source)} == {"CHL", "PER"}
    assert kinds(nlp, "The suspect was detained under a treaty signed in 1990.") == []


def test_signing_an_accord_agrees_and_signing_into_law_is_no_event(nlp):
    assert kinds(nlp, "Bolivia and Paraguay signed an accord on river navigation on Friday.")[:1] == ["AGREE"]
    assert kinds(nlp, "The president signed the budget bill into law on Friday.") == []


def test_blessing_backing_and_consent(nlp):
    assert first_of_type(nlp, "The Arab League gave its blessing to the Saudi peace initiative.", "SUPPORT")
    event = first_of_type(nlp, "France threw its weight behind Morocco's autonomy plan for Western Sahara.", "SUPPORT")
    assert countries(event.target) == {"MAR"}
    event = first_of_type(nlp, "Serbia consented to the deployment of EU police monitors.", "AGREE")
    assert countries(event.source) == {"SRB"}


def test_handing_people_over_cooperates_and_handing_goods_over_aids(nlp):
    assert "COOPERATE" in kinds(nlp, "Uganda handed over two Rwandan army deserters to Kigali on Friday.")
    assert "AID" in kinds(nlp, "Kenya handed over 30 tonnes of maize to Somalia.")


def test_training_another_states_soldiers_is_military_aid_training_ones_own_is_not(nlp):
    event = first_of_type(nlp, "Turkey has trained Somali soldiers at a base in Mogadishu.", "AID")
    assert countries(event.source) == {"TUR"} and countries(event.target) == {"SOM"}
    assert "AID" not in kinds(nlp, "Russia trained its reservists near the border.")


def test_a_donor_disbursing_money_to_a_state_is_aid(nlp):
    event = first_of_type(nlp, "The World Bank disbursed $300 million to Kenya on Friday.", "AID")
    assert countries(event.target) == {"KEN"}


def test_aid_sent_to_help_a_country_names_it_as_the_target(nlp):
    event = first_of_type(nlp, "Morocco sent rescue teams to help Spain after the floods.", "AID")
    assert countries(event.target) == {"ESP"}
