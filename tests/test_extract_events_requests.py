"""Threats and requests told through constructions (issue 11, ev-frames round): pressing or
leaning on someone to act, passive directives, wishes under "would", wanted acts, ultimatums
that threaten strikes, conditional force, and the one home of penalty phrases.

Sentences are written for these tests (none is taken from a gold or evaluation file); the
full default pipeline runs, as in production.
"""
from __future__ import annotations

from eventkit import countries, events


def of_type(nlp, text, kind):
    return [e for e in events(nlp, text) if e.type == kind]


def test_pushing_or_leaning_on_an_actor_to_act_is_a_request_and_the_act_is_not_coded(nlp):
    found = events(nlp, "Pacific leaders are pushing Wellington to send more police to Bougainville.")
    asked = [e for e in found if e.type == "REQUEST"]
    assert asked and countries(asked[0].target) == {"NZL"}
    assert not [e for e in found if e.type == "MOBILIZE"]     # the police are only asked for
    leaned = of_type(nlp, "Paris is leaning on Rome to reopen the Alpine tunnel to lorries.", "REQUEST")
    assert leaned and countries(leaned[0].source) == {"FRA"} and countries(leaned[0].target) == {"ITA"}


def test_pushing_things_or_crowds_asks_nobody(nlp):
    assert not of_type(nlp, "Riot police pushed protesters to the edge of the square.", "REQUEST")
    assert not of_type(nlp, "Floods pushed food prices to record highs.", "REQUEST")


def test_a_passive_directive_is_the_by_phrase_asking_the_subject(nlp):
    urged = of_type(nlp, "Serbia was urged by Austria to recognise the court's ruling.", "REQUEST")
    assert urged and countries(urged[0].source) == {"AUT"} and countries(urged[0].target) == {"SRB"}
    told = of_type(nlp, "Bolivia's interior minister was told to resign by President Arce.", "REQUEST")
    assert told and countries(told[0].target) == {"BOL"}


def test_a_wish_under_would_asks_its_object_to_act(nlp):
    liked = of_type(nlp, "Chile would like Argentina to extradite the former guerrilla leader.", "REQUEST")
    assert liked and countries(liked[0].source) == {"CHL"} and countries(liked[0].target) == {"ARG"}


def test_wanting_an_actor_to_do_something_is_a_request_even_without_an_event_word(nlp):
    wanted = of_type(nlp, "Denmark wants Sweden to scrap the border checks on the Oresund bridge.", "REQUEST")
    assert wanted and countries(wanted[0].target) == {"SWE"}
    assert not of_type(nlp, "Washington wants Kyiv to win the war.", "REQUEST")


def test_a_sought_hostile_act_asks_nothing_of_its_victim(nlp):
    found = events(nlp, "Israel seeks the destruction of Hamas.")
    assert not [e for e in found if e.type == "REQUEST"]
    threats = [e for e in found if e.type == "THREATEN"]
    assert threats and countries(threats[0].source) == {"ISR"}


def test_an_ultimatum_may_threaten_a_strike(nlp):
    found = of_type(nlp, "Ghana's nurses gave the government until Friday to pay their allowances or face "
                         "an indefinite strike.", "THREATEN")
    assert found and countries(found[0].source) == {"GHA"} and countries(found[0].target) == {"GHA"}


def test_force_turned_on_whoever_sets_a_condition_is_a_threat(nlp):
    found = of_type(nlp, "Somalia's president said his troops would march on Kismayo if the regional "
                         "leaders refused to disarm.", "THREATEN")
    assert found and countries(found[0].source) == {"SOM"}


def test_a_firms_conditional_plan_is_no_threat(nlp):
    assert not of_type(nlp, "Lufthansa said it would suspend its flights to Beirut if the fighting spread.",
                       "THREATEN")
    assert not of_type(nlp, "Volkswagen said it would close its plant in Brussels if no buyer was found.",
                       "THREATEN")
    state = of_type(nlp, "Turkey said it would close its airspace to Israel if the strikes went on.", "THREATEN")
    assert state and countries(state[0].source) == {"TUR"}


def test_a_penalty_is_coded_once_with_its_penalty_phrase(nlp):
    found = of_type(nlp, "Pakistan will pay dearly for the border raid, Afghanistan's defence ministry said.",
                    "THREATEN")
    assert len(found) == 1 and countries(found[0].source) == {"AFG"} and countries(found[0].target) == {"PAK"}
    faced = of_type(nlp, "Morocco's foreign minister said Algeria would face the consequences of its decision.",
                    "THREATEN")
    assert faced and faced[0].trigger.text == "face the consequences"


def test_telling_or_begging_an_actor_to_act_is_a_request_but_telling_reporters_to_expect_is_not(nlp):
    told = of_type(nlp, "Peru's foreign minister told Ecuador to pull its troops back from the border.", "REQUEST")
    assert told and countries(told[0].source) == {"PER"} and countries(told[0].target) == {"ECU"}
    begged = of_type(nlp, "Manila begged Beijing to free the detained fishermen.", "REQUEST")
    assert begged and countries(begged[0].target) == {"CHN"}
    assert not of_type(nlp, "The interior minister told reporters to expect more arrests.", "REQUEST")


def test_wanting_to_see_an_actor_act_asks_it(nlp):
    seen = of_type(nlp, "Brussels would like to see Belgrade hand over the suspects.", "REQUEST")
    assert seen and countries(seen[0].target) == {"SRB"}


def test_not_hesitating_to_use_force_is_a_threat_and_to_help_a_promise(nlp):
    found = of_type(nlp, "Azerbaijan said it would not hesitate to strike Armenian positions if provoked.",
                    "THREATEN")
    assert found and countries(found[0].source) == {"AZE"}
    assert not of_type(nlp, "Norway will not hesitate to send aid to Gaza.", "THREATEN")
    assert not of_type(nlp, "The senator did not hesitate to criticise the budget.", "THREATEN")


def test_vowing_to_crush_an_armed_group_or_any_attempt_at_secession_is_a_threat(nlp):
    vowed = of_type(nlp, "Sudan's army chief vowed to crush the rebel militia in Darfur.", "THREATEN")
    assert vowed and countries(vowed[0].source) == {"SDN"}
    said = of_type(nlp, "Madrid will crush any attempt at Catalan secession, the interior minister vowed.",
                   "THREATEN")
    assert said and countries(said[0].source) == {"ESP"}
    assert not of_type(nlp, "The central bank vowed to crush inflation.", "THREATEN")


def test_a_deadline_set_for_an_actor_or_face_a_penalty_threatens_it(nlp):
    found = events(nlp, "Opposition parties set a deadline for the Malawian government to scrap the levy "
                        "or face a general strike.")
    threats = [e for e in found if e.type == "THREATEN"]
    assert threats and countries(threats[0].target) == {"MWI"}
    assert not [e for e in found if e.type == "CONCEDE"]      # the scrapping is only demanded


def test_a_headline_passive_directive_takes_its_asker_from_the_by_phrase(nlp):
    found = of_type(nlp, "Guinea army chief told to step down by West African bloc", "REQUEST")
    assert found and countries(found[0].target) == {"GIN"}


def test_seeking_police_or_peacekeepers_asks_for_them(nlp):
    found = of_type(nlp, "Haiti's prime minister has sought more Kenyan police to help restore order.", "REQUEST")
    assert found and countries(found[0].source) == {"HTI"}
    assert not of_type(nlp, "Detectives sought witnesses to the crash.", "REQUEST")


def test_workers_named_by_their_trade_still_threaten(nlp):
    found = of_type(nlp, "Oil workers in Kuwait threatened to shut down refineries unless their pay was raised.",
                    "THREATEN")
    assert found and countries(found[0].source) == {"KWT"}
    assert not of_type(nlp, "Oil traders demanded higher prices.", "REQUEST")


def test_being_asked_to_comment_is_a_question_not_a_request(nlp):
    assert not of_type(nlp, "The general, asked by journalists to comment on the raid, said nothing.", "REQUEST")
    assert of_type(nlp, "Vietnam asked China to clarify its naval manoeuvres.", "REQUEST")


def test_reserving_the_right_to_respond_or_being_ready_to_use_force_is_a_threat(nlp):
    reserved = of_type(nlp, "Georgia said it reserved the right to respond to any provocation on its border.",
                       "THREATEN")
    assert reserved and countries(reserved[0].source) == {"GEO"}
    ready = of_type(nlp, "Venezuela said it was ready to use force to defend the Essequibo claim.", "THREATEN")
    assert ready and countries(ready[0].source) == {"VEN"}
    assert not of_type(nlp, "The museum reserves the right to refuse entry.", "THREATEN")
    assert not of_type(nlp, "Norway is ready to send aid to Gaza.", "THREATEN")


def test_a_deadline_given_to_act_is_a_request_and_the_act_is_only_demanded(nlp):
    found = events(nlp, "Protesters in Peru gave President Boluarte three days to resign.")
    asked = [e for e in found if e.type == "REQUEST"]
    assert asked and countries(asked[0].target) == {"PER"}
    assert not [e for e in found if e.type == "RETREAT"]
    assert not of_type(nlp, "The IMF gave Argentina a new loan.", "REQUEST")


def test_hours_given_to_act_or_face_an_assault_is_an_ultimatum(nlp):
    found = of_type(nlp, "Sudan's army gave the rebels 48 hours to lay down their arms or face an all-out assault.",
                    "THREATEN")
    assert found and countries(found[0].source) == {"SDN"} and countries(found[0].target) == {"SDN"}


def test_calling_for_an_actor_to_act_asks_that_actor(nlp):
    called = of_type(nlp, "Chile called for Bolivia to return to the negotiating table.", "REQUEST")
    assert called and countries(called[0].source) == {"CHL"} and countries(called[0].target) == {"BOL"}
    renewed = of_type(nlp, "Argentina's president renewed his call for Britain to open talks on the islands.",
                      "REQUEST")
    assert renewed and countries(renewed[0].target) == {"GBR"}
    found = events(nlp, "Activists in Uganda pushed for the government to free the detained journalists.")
    assert [e for e in found if e.type == "REQUEST"] and not [e for e in found if e.type == "RETREAT"]
    assert not of_type(nlp, "Commuters waited for the train to arrive.", "REQUEST")


def test_a_that_clause_whose_bare_verb_is_misread_as_a_noun_is_still_a_demand(nlp):
    assert of_type(nlp, "Kabul insisted that Islamabad act against the militants on its soil.", "REQUEST")
    assert not of_type(nlp, "The minister insisted that the plan was sound.", "REQUEST")
