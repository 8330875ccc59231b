"""Events told as nouns: a said act with its content clause, the parties of a signed
accord in its between-phrase, the place a withdrawal leaves, the claimer of an attack,
and the other senses of event nouns (a move in a game, a showing of a product)."""
from __future__ import annotations

from eventkit import countries, events, first_of_type


def test_a_possessed_accusation_with_a_that_clause_is_made_and_aimed_at_its_subject(nlp):
    e = first_of_type(nlp, "Ankara's accusation that Athens was arming the islands drew a swift denial.", "ACCUSE")
    assert countries(e.source) == {"TUR"} and countries(e.target) == {"GRC"}


def test_a_possessed_threat_to_act_is_made_and_aimed_at_the_acts_object(nlp):
    e = first_of_type(nlp, "Manila's threat to expel the Chinese envoy stunned diplomats in the region.", "THREATEN")
    assert countries(e.source) == {"PHL"} and countries(e.target) == {"CHN"}


def test_a_demand_noun_with_a_that_clause_is_aimed_at_the_clause_subject(nlp):
    e = first_of_type(nlp, "Hanoi's demand that Beijing withdraw its oil rig went unanswered for weeks.", "REQUEST")
    assert countries(e.source) == {"VNM"} and countries(e.target) == {"CHN"}


def test_a_threat_to_something_with_no_actor_is_still_no_event(nlp):
    found = events(nlp, "Drought remains the gravest threat to harvests across the Sahel, experts said.")
    assert not any(e.type == "THREATEN" for e in found)


def test_a_signed_accord_between_parties_has_the_parties_as_sources(nlp):
    text = "A border treaty between Laos and Vietnam was signed in Vientiane on Monday."
    signed = [e for e in events(nlp, text) if e.type == "AGREE"]    # signing an agreement is AGREE
    assert {c for e in signed for c in countries(e.source)} == {"LAO", "VNM"}   # a joint act: each party


def test_the_place_a_withdrawal_leaves_is_its_target(nlp):
    e = first_of_type(nlp, "The withdrawal of Ethiopian troops from Somalia began on Friday.", "RETREAT")
    assert countries(e.source) == {"ETH"} and countries(e.target) == {"SOM"}


def test_from_names_the_source_of_a_noun_with_no_other_doer(nlp):
    e = first_of_type(nlp, "A demand from Caracas for the return of its gold was filed in London.", "REQUEST")
    assert countries(e.source) == {"VEN"}


def test_a_group_claiming_an_attack_in_a_relative_clause_is_its_source(nlp):
    e = first_of_type(nlp, "The bombing of a hotel in Nairobi, which al-Shabaab claimed hours later, "
                           "left nine people dead.", "ASSAULT")
    assert countries(e.source) == {"SOM"}


def test_an_attack_on_goal_in_a_match_is_no_assault(nlp):
    found = events(nlp, "Arsenal's late attack on the Tottenham goal brought a penalty but no winner in the match.")
    assert not any(e.type == "ASSAULT" for e in found)


def test_fans_attacking_police_after_a_match_still_attack(nlp):
    found = events(nlp, "Fans attacked police officers after the match in Marseille.")
    assert any(e.type == "ASSAULT" for e in found)


def test_a_demonstration_of_a_product_is_no_protest(nlp):
    found = events(nlp, "Samsung's demonstration of its folding phone drew crowds in Seoul on Tuesday.")
    assert not any(e.type == "PROTEST" for e in found)


def test_a_demonstration_of_anger_against_a_tax_is_still_a_protest(nlp):
    e = first_of_type(nlp, "Thousands of traders staged a demonstration of anger against the new tax in Accra.",
                      "PROTEST")
    assert countries(e.source) == {"GHA"}


def test_a_possessed_act_that_is_the_subject_of_another_event_is_made(nlp):
    e = first_of_type(nlp, "Hungary's veto of the Ukraine aid package ended the summit without a deal.", "REJECT")
    assert countries(e.source) == {"HUN"}


def test_a_to_phrase_the_parser_hangs_on_the_by_phrase_is_the_nouns_target(nlp):
    e = first_of_type(nlp, "A visit by Indian Prime Minister Narendra Modi to Kyiv ended with a pledge of support.",
                      "CONSULT")
    assert countries(e.source) == {"IND"} and countries(e.target) == {"UKR"}


def test_a_casualty_verb_whose_subject_is_an_act_takes_the_acts_doer(nlp):
    e = first_of_type(nlp, "A rocket attack by Hezbollah on the town of Metula wounded two Israeli farmers.",
                      "ASSAULT")
    assert countries(e.source) == {"LBN"}


def test_a_noun_naming_a_verbs_act_takes_the_verbs_entry_for_its_object(nlp):
    e = first_of_type(nlp, "Turkey's donation of medicine to Libya arrived in Tripoli on Friday.", "AID")
    assert countries(e.source) == {"TUR"} and countries(e.target) == {"LBY"}


def test_the_restored_relations_between_two_states_have_both_as_sources(nlp):
    e = first_of_type(nlp, "The resumption of diplomatic relations between Egypt and Qatar was announced in Cairo.",
                      "SUPPORT")
    assert countries(e.source) == {"EGY", "QAT"} and not countries(e.target)


def test_a_nominal_offer_of_something_no_one_cooperates_on_is_no_event(nlp):
    found = events(nlp, "The club confirmed the offer of a new contract to its striker.")
    assert not any(e.type == "AGREE" for e in found)


def test_a_demand_with_a_by_phrase_is_made_even_when_the_parser_hangs_for_on_the_doer(nlp):
    e = first_of_type(nlp, "Calls by the Kenyan opposition for new elections grew louder in Nairobi.", "REQUEST")
    assert countries(e.source) == {"KEN"}


def test_a_demand_with_no_named_doer_is_still_only_what_it_does(nlp):
    found = events(nlp, "Its demands would hurt the poor, the finance minister said.")
    assert not any(e.type == "REQUEST" for e in found)
