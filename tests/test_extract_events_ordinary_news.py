"""Ordinary news is no political event (issue 11, the round's review): the idioms, senses and
frames added for wire copy must not fire on crime, sport, business or everyday sentences that
use the same words, while the political use still does.

Each test pins one guard with short sentences written for these tests (none is taken from a
gold or evaluation file); the full default pipeline runs, as in production.
"""
from __future__ import annotations

import pytest

from eventkit import countries, events


def of_type(nlp, text, kind):
    return [e for e in events(nlp, text) if e.type == kind]


@pytest.mark.parametrize("text", [
    "The thief threw the stolen laptops into a van and drove off.",
    "The robbers forced the cashier into a car.",
    "Workers hauled the crates into the truck on Monday.",
])
def test_into_a_van_is_an_arrest_only_when_an_authority_takes_people(nlp, text):
    assert not of_type(nlp, text, "COERCE")


def test_police_hauling_marchers_into_vans_arrest_them(nlp):
    found = of_type(nlp, "Belarusian riot police hauled scores of marchers into vans in central Minsk.", "COERCE")
    assert found and countries(found[0].source) == {"BLR"}


def test_taking_people_into_custody_is_an_arrest_not_asylum(nlp):
    text = "Italian police took dozens of migrants into custody in Lampedusa."
    assert of_type(nlp, text, "COERCE") and not of_type(nlp, text, "AID")


def test_turning_people_away_is_no_handover(nlp):
    assert not of_type(nlp, "Hungary turned away hundreds of migrants at the border.", "COOPERATE")
    found = of_type(nlp, "Spanish police turned the suspects over to France on Tuesday.", "COOPERATE")
    assert found and countries(found[0].target) == {"FRA"}


@pytest.mark.parametrize("text", [
    "The airline reopened the route to Lisbon.",
    "Firefighters rescued three children from a blaze in Leeds.",
    "Ten-man Leeds held out against Arsenal for a draw.",
    "The manager gave the nod to the young striker.",
    "Police have put a name to the woman found dead.",
    "He laid down his tools and went home for lunch.",
    "Shoppers shunned the high street.",
    "The Lakers leaned on LeBron James in the fourth quarter.",
    "The school introduced a ban on mobile phones in classrooms.",
    "Protest halt call ignored by unions",
])
def test_everyday_uses_of_political_words_are_no_events(nlp, text):
    assert not events(nlp, text)


def test_a_state_rescuing_hostages_still_aids_them(nlp):
    assert of_type(nlp, "The Nigerian army rescued 40 hostages held by Boko Haram.", "AID")


def test_moving_troops_somewhere_to_fight_is_no_request(nlp):
    text = "Israel pushed troops deeper into Rafah to destroy tunnels."
    assert not of_type(nlp, text, "REQUEST") and of_type(nlp, text, "ASSAULT")
    found = of_type(nlp, "Washington leaned on Cairo to open the Rafah crossing.", "REQUEST")
    assert found and countries(found[0].target) == {"EGY"}


@pytest.mark.parametrize("text", [
    "Toyota said it would not hesitate to recall more cars.",
    "France would not hesitate to respond to questions from parliament.",
])
def test_not_hesitating_to_act_threatens_only_with_force_by_a_public_actor(nlp, text):
    assert not of_type(nlp, text, "THREATEN")


def test_not_hesitating_to_strike_a_state_threatens_it(nlp):
    found = of_type(nlp, "Iran said it would not hesitate to strike Israel if attacked.", "THREATEN")
    assert found and countries(found[0].target) == {"ISR"}


def test_a_deal_made_amid_tensions_with_a_third_state_is_not_with_it(nlp):
    found = of_type(nlp, "Germany agreed to buy gas from Qatar as tensions with Russia grew.", "AGREE")
    assert found and "RUS" not in countries(found[0].target)
    mobilised = of_type(nlp, "Kyiv called up reservists as tensions with Moscow mounted.", "MOBILIZE")
    assert mobilised and countries(mobilised[0].target) == {"RUS"}


@pytest.mark.parametrize("text", [
    "Karen Bass criticised the fire department over its response.",
    "Chen accused the company of fraud.",
    "Henderson criticised the referee after Liverpool lost.",
])
def test_a_name_alone_gives_no_country(nlp, text):
    for event in events(nlp, text):
        assert not countries(event.source)


def test_a_people_word_before_a_noun_gives_its_home(nlp):
    found = events(nlp, "Catalan protesters blocked roads in Barcelona.")
    assert found and countries(found[0].source) == {"ESP"}
