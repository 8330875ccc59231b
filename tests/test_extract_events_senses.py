"""Trigger senses that hold on news nobody tuned for (issue 11, the trigger side).

Each test pins one general rule with sentences written for newsgraph; the full
default pipeline runs, as in production.
"""
from __future__ import annotations

from eventkit import events


def kinds(nlp, text):
    return [e.type for e in events(nlp, text)]


def test_a_rule_for_the_public_is_not_a_request_but_a_demand_on_an_actor_is(nlp):
    assert "REQUEST" not in kinds(nlp, "Residents should stay indoors, police said.")
    assert "REQUEST" not in kinds(nlp, "Arriving passengers must quarantine for two weeks, the minister said.")
    assert "REQUEST" in kinds(nlp, "The prime minister said Sudan must return the helicopter immediately.")


def test_attacking_a_policy_or_a_rival_in_a_speech_is_criticism(nlp):
    for text in ("The opposition leader attacked the government's immigration policy as cruel.",
                 "Trump attacked Harris in a speech on Saturday."):
        assert kinds(nlp, text) == ["ACCUSE"], text


def test_armed_attacks_stay_attacks(nlp):
    for text in ("Gunmen attacked the senator's convoy near Peshawar.", "Israel attacked Hamas positions in Gaza."):
        assert kinds(nlp, text) == ["ASSAULT"], text


def test_misleading_or_lacking_empathy_is_criticism_by_whoever_says_it(nlp):
    (e,) = events(nlp, "The Dutch prime minister misled parliament about the gas fields, the opposition said.")
    assert e.type == "ACCUSE" and [a.text for a in e.source] == ["opposition"]
    assert e.target and "prime minister" in e.target[0].text
    (e,) = events(nlp, "Critics say the Canadian government lacked empathy for the wildfire victims.")
    assert e.type == "ACCUSE" and {a.country for a in e.target} == {"CAN"}


def test_drawing_criticism_from_someone_is_their_accusation(nlp):
    (e,) = events(nlp, "The Serbian minister faced condemnation from rights groups over the remarks.")
    assert e.type == "ACCUSE" and "rights groups" in e.source[0].text and "minister" in e.target[0].text


def test_coming_under_fire_is_force_with_weapons_and_criticism_for_a_deed(nlp):
    (e,) = events(nlp, "The town of Bakhmut came under heavy Russian artillery fire on Monday.")
    assert (e.type, e.mode) == ("ASSAULT", "heavy-weapons")
    assert kinds(nlp, "The Turkish president came under fire for his handling of the earthquake.") == ["ACCUSE"]


def test_a_passive_attack_by_an_armed_agent_is_an_attack(nlp):
    assert "ASSAULT" in kinds(nlp, "A hospital in northern Gaza was hit by Israeli airstrikes overnight.")
    assert kinds(nlp, "Shares were hit by fears of a recession.") == []


def test_restrictions_fines_and_tariffs_are_government_measures(nlp):
    assert "COERCE" in kinds(nlp, "The government restricted exports of rice to keep domestic prices low.")
    assert "COERCE" in kinds(nlp, "The regulator fined Meta 1.2 billion euros over data transfers.")
    assert "SANCTION" in kinds(nlp, "Brussels imposed tariffs on Chinese steel.")


def test_undoing_an_agreement_or_a_ban_reverses_its_type(nlp):
    found = kinds(nlp, "Niger revoked its defence agreement with France.")
    assert "REJECT" in found and "AGREE" not in found
    assert kinds(nlp, "The new government repealed the ban on abortion.") == ["CONCEDE"]


def test_calling_off_a_strike_is_a_concession_not_a_protest(nlp):
    found = kinds(nlp, "Teachers' unions called off a national strike on Friday.")
    assert "CONCEDE" in found and "PROTEST" not in found


def test_rallying_behind_someone_is_support_and_prices_do_not_protest(nlp):
    assert kinds(nlp, "The ruling coalition rallied behind the prime minister after the vote.") == ["SUPPORT"]
    assert kinds(nlp, "Gold prices rallied on Friday after weak US jobs data.") == []


def test_a_negating_prefix_or_a_date_is_no_trigger(nlp):
    assert "ASSAULT" not in kinds(nlp, "The two countries signed a non-aggression pact in Moscow.")
    assert kinds(nlp, "Thousands of people marched in Paris in March against the pension reform.").count("PROTEST") == 1


def test_a_weapons_test_is_a_show_of_force_not_an_attack(nlp):
    for text in ("Iran tested a new ballistic missile on Saturday.",
                 "North Korea test-launched a ballistic missile into the sea."):
        assert kinds(nlp, text) == ["MOBILIZE"], text


def test_striking_a_deal_agrees_and_exchanging_prisoners_releases_them(nlp):
    assert kinds(nlp, "The union struck a deal with the carmaker late on Sunday.") == ["AGREE"]
    assert "RETREAT" in kinds(nlp, "Israel and Hamas exchanged hostages for prisoners on Friday.")


def test_a_denied_bombing_is_a_rejection_and_not_a_bombing(nlp):
    found = kinds(nlp, "The Russian defence ministry denied that its jets had bombed a hospital in Idlib.")
    assert found == ["REJECT"]


def test_a_question_codes_nothing(nlp):
    assert kinds(nlp, "Will Japan apologise to South Korea?") == []


def test_tear_gas_on_a_crowd_is_repression(nlp):
    assert "COERCE" in kinds(nlp, "Police fired tear gas at hundreds of protesters in Nairobi on Tuesday.")


def test_a_state_protesting_something_complains(nlp):
    found = kinds(nlp, "Japan protested Chinese naval drills near its islands.")
    assert "ACCUSE" in found and "PROTEST" not in found


def test_a_law_targeting_a_group_is_no_attack_but_a_state_targeting_a_grid_is(nlp):
    assert kinds(nlp, "The new law targets foreign-funded NGOs.") == []
    assert kinds(nlp, "Russia targeted Ukraine's energy grid with missiles overnight.") == ["ASSAULT"]


def test_lockdowns_and_nationalisations_are_coercion_and_lifting_a_lockdown_concedes(nlp):
    assert kinds(nlp, "China imposed a lockdown on the city of Xian after a spike in cases.") == ["COERCE"]
    assert kinds(nlp, "Venezuela nationalised the country's largest steelmaker.") == ["COERCE"]
    assert kinds(nlp, "Shanghai lifted its lockdown after two months.") == ["CONCEDE"]


def test_street_protests_occupations_and_court_cases(nlp):
    assert kinds(nlp, "Tens of thousands took to the streets of Buenos Aires against austerity.") == ["PROTEST"]
    assert kinds(nlp, "Students occupied the university rector's office for a third day.") == ["PROTEST"]
    assert kinds(nlp, "The European Commission took Hungary to court over its asylum law.") == ["ACCUSE"]


def test_cutting_lending_or_downgrading_ties_is_a_sanction(nlp):
    assert kinds(nlp, "The World Bank suspended lending to Uganda over the anti-gay law.") == ["SANCTION"]
    assert kinds(nlp, "Lithuania downgraded diplomatic relations with China.") == ["SANCTION"]


def test_a_warning_of_necessary_measures_to_an_addressee_is_a_threat(nlp):
    found = kinds(nlp, "Beijing warned Manila it would take all necessary measures to defend its sovereignty.")
    assert found == ["THREATEN"]


def test_a_promised_sum_of_aid_is_an_agreement(nlp):
    assert kinds(nlp, "Japan will provide $500 million in humanitarian assistance to Gaza.") == ["AGREE"]


def test_a_state_striking_targets_attacks_but_striking_a_tone_does_not(nlp):
    assert kinds(nlp, "Israel strikes Hezbollah targets in southern Lebanon") == ["ASSAULT"]
    assert kinds(nlp, "The president struck a conciliatory tone in his speech.") == []


def test_barring_people_is_coercion(nlp):
    assert kinds(nlp, "The Taliban barred women from attending university.") == ["COERCE"]


def test_charges_brought_by_police_or_prosecutors_are_legal_action(nlp):
    assert kinds(nlp, "Police in Hong Kong charged 47 pro-democracy activists with subversion.") == ["COERCE"]


def test_a_relative_clause_is_background_to_the_main_event(nlp):
    text = "The senator, who has long criticised the administration's Gaza policy, called for an arms embargo."
    assert kinds(nlp, text) == ["REQUEST"]


def test_a_company_cancelling_flights_is_no_sanction_but_a_state_suspending_them_is(nlp):
    assert kinds(nlp, "The airline cancelled 300 flights on Monday.") == []
    assert kinds(nlp, "Russia suspended flights to Georgia.") == ["SANCTION"]


def test_fighting_a_bill_is_not_force(nlp):
    assert "ASSAULT" not in kinds(nlp, "The opposition will fight the bill in court, its leader said.")


def test_an_act_that_must_stop_is_a_demand_on_whoever_does_it(nlp):
    text = "\u201cThe offensive must stop immediately,\u201d the French president wrote on Tuesday."
    assert "REQUEST" in kinds(nlp, text)


def test_a_relative_clause_about_an_event_is_kept(nlp):
    text = "The Security Council meeting which France has requested may take place on Thursday."
    assert "REQUEST" in kinds(nlp, text)


def test_impeachment_is_an_accusation(nlp):
    assert kinds(nlp, "South Korea's parliament impeached President Yoon on Saturday.") == ["ACCUSE"]
