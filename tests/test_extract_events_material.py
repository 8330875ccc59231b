"""Material-conflict triggers and their senses (ASSAULT, COERCE, SANCTION, MOBILIZE,
PROTEST, RETREAT, INVESTIGATE) on sentences written for newsgraph, not taken from any
gold file: whole classes of verbs and constructions, and the other senses of the same
words (election contests, campaign rallies, published statements)."""
from __future__ import annotations

from eventkit import countries, events, first_of_type


def kinds(nlp, text):
    return [e.type for e in events(nlp, text)]


def test_artillery_verbs_with_armed_subjects_are_attacks(nlp):
    for text in ("Russian artillery pummelled Ukrainian positions near Bakhmut overnight.",
                 "Government warplanes blasted rebel strongholds in the north."):
        assert "ASSAULT" in kinds(nlp, text), text
    assert kinds(nlp, "The senator blasted the budget proposal on Tuesday.") == ["ACCUSE"]


def test_rounding_up_people_is_arrest_but_rounding_up_delegates_is_not(nlp):
    event = first_of_type(nlp, "Ugandan police rounded up 40 journalists covering the protest.", "COERCE")
    assert event.mode == "arrest" and countries(event.source) == {"UGA"}
    assert "COERCE" in kinds(nlp, "The regime locked up hundreds of dissidents.")
    assert "COERCE" not in kinds(nlp, "The governor has hauled in 81 delegates so far.")


def test_an_order_to_leave_is_an_expulsion(nlp):
    event = first_of_type(nlp, "Beijing ordered the Lithuanian ambassador to leave.", "SANCTION")
    assert event.mode == "expel" and countries(event.target) == {"LTU"}
    assert "REQUEST" not in kinds(nlp, "Beijing ordered the Lithuanian ambassador to leave.")
    assert "REQUEST" in kinds(nlp, "The president ordered the ministry to publish the figures.")


def test_tear_gassing_is_coercion(nlp):
    for text in ("Police tear-gassed and beat protesters in Kampala on Monday.",
                 "Police teargassed protesters in Kampala."):
        assert "COERCE" in kinds(nlp, text), text


def test_a_states_strike_among_arms_is_force_a_workers_strike_is_labour(nlp):
    assert "ASSAULT" in kinds(nlp, "Pakistan put its air force on alert after the Indian strike.")
    assert kinds(nlp, "Doctors in Nigeria began an indefinite strike.") == ["PROTEST"]


def test_winning_an_election_is_no_attack(nlp):
    for text in ("Ted Cruz has captured Texas and Oklahoma.",
                 "Clinton beat rival Bernie Sanders in the state's Democratic caucuses on Saturday.",
                 "She swept primary challenger Bernie Sanders in five states."):
        assert not {"ASSAULT", "INVESTIGATE"} & set(kinds(nlp, text)), text
    assert "ASSAULT" in kinds(nlp, "The rebels captured the town of Kidal.")


def test_attacks_between_politicians_are_words_and_their_battles_no_event(nlp):
    assert kinds(nlp, "Trump launched a pre-emptive attack against Obama at a press conference.") == ["ACCUSE"]
    assert "ASSAULT" not in kinds(nlp, "The battle between Clinton and Sanders exposed deep rifts.")
    assert "ASSAULT" in kinds(nlp, "Al-Shabaab's attack on the hotel killed 20 people.")


def test_fighting_for_a_cause_is_no_attack_unless_arms_are_in_sight(nlp):
    assert "ASSAULT" not in kinds(nlp, "He has fought for our religious liberty.")
    assert "ASSAULT" in kinds(nlp, "Government troops fought for control of the airport, killing 12 rebels.")


def test_a_candidates_rally_is_no_protest(nlp):
    assert "PROTEST" not in kinds(nlp, "Supporters cheered at Trump's campaign rally in Arizona.")
    assert "PROTEST" in kinds(nlp, "Thousands rallied in Hong Kong against the extradition bill.")


def test_demonstrating_that_is_no_protest(nlp):
    assert "PROTEST" not in kinds(nlp, "The senator has clearly demonstrated that he has the guts to lead.")
    assert "PROTEST" in kinds(nlp, "Hundreds demonstrated outside parliament in Kampala.")


def test_releasing_a_statement_is_no_release(nlp):
    assert "RETREAT" not in kinds(nlp, "The ministry released a statement on Friday.")
    assert "RETREAT" in kinds(nlp, "Iran freed a jailed French tourist on Friday.")


def test_suspending_the_internet_is_censorship(nlp):
    event = first_of_type(nlp, "Authorities in Ethiopia suspended mobile internet in Amhara.", "COERCE")
    assert event.mode == "censor"


def test_strikes_carried_out_by_states_or_on_targets_are_attacks(nlp):
    for text in ("Israel carried out strikes in Syria overnight.",
                 "The U.S. military conducted strikes against Houthi targets in Yemen."):
        assert "ASSAULT" in kinds(nlp, text) and "PROTEST" not in kinds(nlp, text), text
    for text in ("Nurses staged a strike in Nairobi.", "Workers launched a strike at the Grasberg mine."):
        assert kinds(nlp, text) == ["PROTEST"], text


def test_a_state_protesting_to_another_complains(nlp):
    event = first_of_type(nlp, "Japan protested to China over the detention of a Japanese businessman.", "ACCUSE")
    assert countries(event.target) == {"CHN"}
    assert "PROTEST" not in kinds(nlp, "Japan protested to China over the detention of a Japanese businessman.")


def test_firing_back_is_a_retort_unless_troops_do_it(nlp):
    assert "ASSAULT" not in kinds(nlp, "The minister fired back at critics, saying the figures were accurate.")
    assert "ASSAULT" in kinds(nlp, "Troops fired back after coming under attack.")


def test_an_alert_hung_on_the_object_is_still_a_mobilisation(nlp):
    event = first_of_type(nlp, "North Korea placed its artillery units on combat alert.", "MOBILIZE")
    assert countries(event.source) == {"PRK"}


def test_crowds_and_forces_on_the_move(nlp):
    assert "MOBILIZE" in kinds(nlp, "Taiwan scrambled jets to warn off Chinese aircraft.")
    assert "MOBILIZE" in kinds(nlp, "Soldiers fanned out across Conakry after the coup.")
    assert "PROTEST" in kinds(nlp, "Thousands of people poured onto the streets of Tbilisi.")
    assert "PROTEST" in kinds(nlp, "Protesters stormed parliament in Colombo.")


def test_ordering_forces_somewhere_deploys_them_and_envoys_out_expels_them(nlp):
    event = first_of_type(nlp, "Ecuador's president ordered the army onto the streets after gang violence.", "MOBILIZE")
    assert countries(event.source) == {"ECU"}
    assert not any(word in a.text for a in event.target for word in ("army", "streets"))   # the force and the place
    assert "SANCTION" in kinds(nlp, "Nicaragua ordered the Vatican envoy out of the country.")
    assert "SANCTION" in kinds(nlp, "Burkina Faso kicked out the French ambassador.")


def test_acts_done_while_rioting_are_part_of_the_riot(nlp):
    found = kinds(nlp, "Palestinian prisoners rioted at the jail, setting fire to mattresses.")
    assert "PROTEST" in found and "ASSAULT" not in found


def test_politicians_and_their_ads_attacking_each_other_trade_words(nlp):
    assert "ASSAULT" not in kinds(nlp, "The club spent $1.1 million on ads attacking Trump.")
    assert "ASSAULT" not in kinds(nlp, "Hillary Clinton and Bernie Sanders clashed on the Miami debate stage.")
    assert "ASSAULT" in kinds(nlp, "A man attacked the lawmaker with a knife outside her office.")
    assert "ASSAULT" in kinds(nlp, "Police clashed with protesters in Harare.")


def test_everyday_senses_of_force_verbs_with_private_doers(nlp):
    assert "COERCE" not in kinds(nlp, "Democrats don't think Hillary Clinton can catch Bernie Sanders in New Hampshire.")
    assert "COERCE" not in kinds(nlp, "Senator Marco Rubio of Florida and Jeb Bush occupied a third tier.")
    assert "PROTEST" not in kinds(nlp, "Even with the latest obstacle in Trump's march to the nomination, he still has time.")
    assert "COERCE" in kinds(nlp, "Ethiopia continues to occupy the town of Badme.")


def test_more_forms_of_force_shows_of_force_and_pullbacks(nlp):
    assert "ASSAULT" in kinds(nlp, "Militants lobbed grenades at a police post in Srinagar.")
    assert "MOBILIZE" in kinds(nlp, "China conducted live-fire exercises off Taiwan.")
    assert "COOPERATE" in kinds(nlp, "Turkey and Azerbaijan held joint military exercises.")
    assert "RETREAT" in kinds(nlp, "Moscow scaled back its military presence in Syria.")
    assert "RETREAT" in kinds(nlp, "Azerbaijan evacuated its troops from the Lachin corridor.")


def test_figurative_offensives_are_words_or_nothing(nlp):
    assert kinds(nlp, "Trump took to Twitter to continue his verbal assault on the presumptive Democratic nominee.") \
        == ["ACCUSE"]
    assert "ASSAULT" not in kinds(nlp, "Fiorina had waged a cross-country charm offensive.")
    assert "ASSAULT" in kinds(nlp, "Russian troops launched an offensive near Kharkiv.")
