"""Material-conflict triggers, second pass: less common verbs of force, the weapon as the
subject, disarmament, censorship by authorities, protests by thrown eggs and tractors,
inquiries by prosecutors and auditors, and the other senses of the same words (a match
score, a car crash, a domestic export ban, arms handed to an ally). Sentences written for
newsgraph, not taken from any gold file."""
from __future__ import annotations

from eventkit import countries, events, first_of_type


def kinds(nlp, text):
    return [e.type for e in events(nlp, text)]


def test_less_common_verbs_of_force_are_attacks(nlp):
    for text in ("Rebels dynamited a railway bridge near the border, officials said.",
                 "Insurgents mortared a government base outside Kandahar on Monday.",
                 "Attackers firebombed the offices of a Kurdish newspaper in Istanbul.",
                 "Separatists rocketed the port city of Mariupol."):
        assert "ASSAULT" in kinds(nlp, text), text
    assert "ASSAULT" not in kinds(nlp, "Shares in the carmaker rocketed on Tuesday.")


def test_killing_to_death_with_a_weapon_verb_is_an_attack(nlp):
    for text in ("Machete-wielding attackers hacked to death four villagers in eastern Congo.",
                 "Soldiers clubbed two demonstrators to death, witnesses said."):
        assert "ASSAULT" in kinds(nlp, text), text
    assert "ASSAULT" not in kinds(nlp, "Hackers hacked into the ministry's email server.")


def test_a_projectile_slamming_into_a_place_is_an_attack_a_car_is_not(nlp):
    event = first_of_type(nlp, "Two rockets slammed into a residential building in Kyiv on Thursday.", "ASSAULT")
    assert countries(event.target) == {"UKR"}
    assert "ASSAULT" in kinds(nlp, "A mortar round crashed into a crowded market in Mogadishu.")
    assert kinds(nlp, "A lorry crashed into a bus shelter in Leeds on Friday.") == []


def test_setting_ablaze_is_arson_and_a_riot_when_a_crowd_does_it(nlp):
    assert "ASSAULT" in kinds(nlp, "Militiamen set ablaze dozens of homes in the village.")
    assert "PROTEST" in kinds(nlp, "Rioters set a police station ablaze in Dhaka.")


def test_a_match_score_makes_a_contest_verb_a_game(nlp):
    for text in ("Egypt beat Guinea 3-1 in Cairo on Sunday.",
                 "Brazil crushed Argentina 4-0 in Belo Horizonte."):
        assert "ASSAULT" not in kinds(nlp, text), text
    assert "ASSAULT" in kinds(nlp, "Government troops beat back the rebels in 2-3 hour battles.")


def test_fighters_giving_up_their_own_weapons_disarm_a_state_arming_an_ally_aids(nlp):
    for text in ("Rebels handed in their weapons to peacekeepers.",
                 "Thousands of FARC fighters handed over their rifles under the peace deal.",
                 "Militiamen gave up their weapons in exchange for an amnesty."):
        assert "RETREAT" in kinds(nlp, text) and "AID" not in kinds(nlp, text), text
    assert "AID" in kinds(nlp, "The United States handed over weapons to the Afghan army.")


def test_censorship_and_removal_by_authorities_is_coercion(nlp):
    for text in ("The regulator took the private channel off the air for a week.",
                 "The government jammed foreign radio broadcasts.",
                 "Dozens of activists were hauled off to police stations by Ugandan security forces."):
        assert "COERCE" in kinds(nlp, text), text


def test_blocking_roads_is_a_protest_for_crowds_and_a_restriction_for_authorities(nlp):
    assert kinds(nlp, "Authorities blocked access to several news websites ahead of the vote.") == ["COERCE"]
    assert kinds(nlp, "Police blocked the road to the airport.") == ["COERCE"]
    assert kinds(nlp, "Hezbollah supporters blocked roads in Beirut.") == ["PROTEST"]


def test_an_import_ban_on_a_named_state_is_a_sanction_a_domestic_export_ban_is_not(nlp):
    event = first_of_type(nlp, "China banned imports of seafood from Japan.", "SANCTION")
    assert countries(event.target) == {"JPN"}
    assert kinds(nlp, "India banned exports of wheat to curb soaring domestic prices.") == ["COERCE"]


def test_eggs_and_tractors_are_protests_not_force(nlp):
    event = first_of_type(nlp, "Angry voters hurled eggs at the prime minister during a campaign stop.", "PROTEST")
    assert event.target and "ASSAULT" not in kinds(nlp, "Angry voters hurled eggs at the prime minister.")
    assert "PROTEST" in kinds(nlp, "Thousands of farmers drove their tractors into central Madrid.")
    assert kinds(nlp, "The farmer drove his tractor to the market.") == []


def test_forces_on_a_war_footing_are_mobilised(nlp):
    event = first_of_type(nlp, "North Korea placed its army on a war footing.", "MOBILIZE")
    assert countries(event.source) == {"PRK"}


def test_authorities_looking_into_or_reviewing_a_case_investigate(nlp):
    for text in ("Prosecutors are looking into reports that the minister took bribes.",
                 "Kenya's anti-graft agency said it was looking into allegations of fraud.",
                 "The watchdog is reviewing the contracts awarded by the ministry.",
                 "Peruvian prosecutors are examining whether the former president took bribes."):
        assert "INVESTIGATE" in kinds(nlp, text), text
    assert "INVESTIGATE" not in kinds(nlp, "The government is reviewing its policy on Syria.")


def test_troops_leaving_a_country_withdraw_and_handing_over_a_town_is_no_aid(nlp):
    event = first_of_type(nlp, "The last Italian troops left Afghanistan on Tuesday.", "RETREAT")
    assert countries(event.source) == {"ITA"} and countries(event.target) == {"AFG"}
    assert "RETREAT" not in kinds(nlp, "The fighting left 27 dead.")
    assert "RETREAT" not in kinds(nlp, "Troops left their barracks to help flood victims in Bavaria.")
    assert "AID" not in kinds(nlp, "Armenian forces pulled back, handing the area over to Baku.")


def test_an_ing_word_naming_a_body_is_no_act(nlp):
    assert "INVESTIGATE" not in kinds(
        nlp, "Authorities cut mobile internet in the province on Friday, monitoring group NetBlocks said.")
    assert "INVESTIGATE" in kinds(nlp, "OSCE observers are monitoring the ceasefire line.")


def test_envoys_told_to_leave_or_declared_persona_non_grata_are_expelled(nlp):
    for text in ("Lithuania told three Russian diplomats to leave within five days.",
                 "Turkey declared two Dutch diplomats persona non grata."):
        event = first_of_type(nlp, text, "SANCTION")
        assert event.mode == "expel" and event.target, text


def test_crowds_paralysing_or_besieging_a_city_protest(nlp):
    for text in ("Tens of thousands of protesters brought the capital to a standstill on Monday.",
                 "Taxi drivers paralysed central Paris in a protest against ride-hailing apps.",
                 "Truckers besieged Ottawa for three weeks to protest vaccine mandates."):
        assert "PROTEST" in kinds(nlp, text) and "COERCE" not in kinds(nlp, text), text
    assert "COERCE" in kinds(nlp, "Government forces besieged the rebel-held town.")


def test_an_act_done_in_protest_is_a_protest(nlp):
    event = first_of_type(nlp, "Opposition lawmakers walked out of parliament in protest at the new law.", "PROTEST")
    assert event.source


def test_attacks_in_a_game_are_play_attacks_on_a_stadium_are_force(nlp):
    for text in ("Arsenal's attack overwhelmed the Chelsea goalkeeper on Saturday.",
                 "Liverpool's strikers attacked relentlessly in the second half.",
                 "Real Madrid's attack was unstoppable as they won 4-1 in Seville."):
        assert "ASSAULT" not in kinds(nlp, text), text
    assert "ASSAULT" in kinds(nlp, "Militants attacked a football stadium in Kabul, killing six fans.")
    assert "ASSAULT" in kinds(nlp, "Gunmen attacked the defence ministry in Kabul on Tuesday.")


def test_investigating_the_cause_of_an_accident_is_no_inquiry_into_anyone(nlp):
    assert "INVESTIGATE" not in kinds(nlp, "Investigators are probing the cause of the plane crash.")
    assert "INVESTIGATE" in kinds(nlp, "Prosecutors are investigating the minister over the delays.")


def test_sealing_a_border_restricts_movement(nlp):
    event = first_of_type(nlp, "Hungary sealed its border with Serbia.", "COERCE")
    assert countries(event.source) == {"HUN"}


def test_a_bomb_tearing_through_a_place_is_an_attack_a_storm_is_not(nlp):
    event = first_of_type(nlp, "An explosion tore through a police station in Quetta.", "ASSAULT")
    assert countries(event.target) == {"PAK"}
    assert "ASSAULT" in kinds(nlp, "A suicide car bomb ripped through a market in Baghdad.")
    assert kinds(nlp, "The storm tore through the town.") == []


def test_crowds_pouring_into_the_streets_protest_refugees_crossing_a_border_do_not(nlp):
    assert "PROTEST" in kinds(nlp, "Thousands of Iranians poured into the streets of Tehran.")
    assert "PROTEST" not in kinds(nlp, "Thousands of refugees poured into Poland.")


def test_beefing_up_forces_mobilises_beefing_up_security_does_not(nlp):
    assert "MOBILIZE" in kinds(nlp, "NATO beefed up its presence in the Baltic states.")
    assert "MOBILIZE" not in kinds(nlp, "Police beefed up security around the stadium.")


def test_flogging_is_an_attack(nlp):
    event = first_of_type(nlp, "The Taliban publicly flogged three men in Ghazni province.", "ASSAULT")
    assert countries(event.source) == {"AFG"}


def test_police_breaking_up_a_rally_coerce(nlp):
    event = first_of_type(nlp, "Hundreds were arrested as police broke up the rally.", "COERCE")
    assert "CONCEDE" not in kinds(nlp, "Hundreds were arrested as police broke up the rally.") and event.source


def test_envoys_ordered_out_in_the_passive_are_expelled(nlp):
    event = first_of_type(nlp, "Three Russian diplomats were ordered to leave the country.", "SANCTION")
    assert event.mode == "expel" and countries(event.target) == {"RUS"}


def test_being_under_investigation_is_an_inquiry_into_the_subject(nlp):
    event = first_of_type(nlp, "Israel's prime minister is under investigation for corruption.", "INVESTIGATE")
    assert countries(event.target) == {"ISR"}
    assert kinds(nlp, "The plan is under review.") == []
