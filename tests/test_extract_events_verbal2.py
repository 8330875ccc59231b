"""Verbal conflict and demands, second pass (issue 11): classes of wording that unseen wire
copy uses for ACCUSE, REJECT, THREATEN, REQUEST and CONCEDE, and the senses that are none.

Each test pins one general rule with short sentences written for these tests (none is taken
from a gold or evaluation file); the full default pipeline runs, as in production.
"""
from __future__ import annotations

from eventkit import countries, events


def of_type(nlp, text, kind):
    return [e for e in events(nlp, text) if e.type == kind]


def test_a_penalty_announced_to_another_actor_is_a_threat(nlp):
    warned = of_type(nlp, "Iran's foreign minister warned that Britain would pay a heavy price if it "
                          "seized another tanker.", "THREATEN")
    assert warned and countries(warned[0].source) == {"IRN"} and countries(warned[0].target) == {"GBR"}
    said = of_type(nlp, "China's defence ministry said Japan would face the consequences of its "
                        "military build-up.", "THREATEN")
    assert said and countries(said[0].source) == {"CHN"} and countries(said[0].target) == {"JPN"}
    assert of_type(nlp, "Serbia's president said Kosovo would regret the arrests.", "THREATEN")


def test_a_forecast_or_ones_own_cost_is_no_threat(nlp):
    assert not of_type(nlp, "Economists warned that consumers would pay a higher price for fuel.", "THREATEN")
    assert not of_type(nlp, "Norway's premier said we would pay a price for inaction.", "THREATEN")


def test_refusing_to_stand_idly_by_threatens_the_one_acting(nlp):
    found = of_type(nlp, "Turkey will not stand idly by while Syrian Kurdish militias expand along "
                         "its border, Ankara said.", "THREATEN")
    assert found and countries(found[0].source) == {"TUR"}
    assert not of_type(nlp, "The senator stood by her remarks on Tuesday.", "THREATEN")


def test_insisting_that_someone_act_is_a_demand(nlp):
    found = of_type(nlp, "Lithuania insisted that Minsk close the nuclear plant near the border.", "REQUEST")
    assert found and countries(found[0].source) == {"LTU"} and countries(found[0].target) == {"BLR"}


def test_insisting_on_a_fact_is_no_demand(nlp):
    assert not of_type(nlp, "The Bolivian minister insisted that the vote was fair.", "REQUEST")
    assert not of_type(nlp, "The Kenyan police insisted that officers had acted lawfully.", "REQUEST")


def test_seeking_help_or_an_extradition_from_someone_is_a_request(nlp):
    found = of_type(nlp, "Mozambique sought troops from Rwanda to fight the insurgents in Cabo Delgado.",
                    "REQUEST")
    assert found and countries(found[0].source) == {"MOZ"} and countries(found[0].target) == {"RWA"}
    assert of_type(nlp, "Peru sought the extradition of the former president from the United States.",
                   "REQUEST")


def test_seeking_office_or_shelter_asks_nothing_of_anyone(nlp):
    assert not of_type(nlp, "The Ghanaian president will seek re-election in December.", "REQUEST")
    assert not of_type(nlp, "The mayor of Lyon sought a second term.", "REQUEST")


def test_lobbying_or_petitioning_a_government_is_a_request(nlp):
    lobbied = of_type(nlp, "Australian wine makers lobbied Canberra to challenge the Chinese duties.", "REQUEST")
    assert lobbied and countries(lobbied[0].source) == {"AUS"}
    assert of_type(nlp, "Nepalese villagers petitioned the government to rebuild the bridge.", "REQUEST")


def test_the_accused_of_a_that_clause_is_the_target(nlp):
    for verb in ("charged", "alleged"):
        found = of_type(nlp, f"Georgia {verb} that Russian troops had moved the border fence overnight.",
                        "ACCUSE")
        assert found and countries(found[0].source) == {"GEO"} and countries(found[0].target) == {"RUS"}, verb


def test_pointing_the_finger_at_someone_blames_them(nlp):
    found = of_type(nlp, "Kinshasa pointed the finger at Kigali for the rebel advance on Goma.", "ACCUSE")
    assert found and countries(found[0].source) == {"COD"} and countries(found[0].target) == {"RWA"}


def test_being_said_to_be_behind_a_trend_blames_but_behind_an_achievement_credits(nlp):
    found = of_type(nlp, "Lithuanian officials said Minsk was behind the rise in border crossings.", "ACCUSE")
    assert found and countries(found[0].target) == {"BLR"}
    assert not of_type(nlp, "Officials said Oslo was behind the breakthrough in the talks.", "ACCUSE")


def test_throwing_out_or_snubbing_a_proposal_rejects_it(nlp):
    assert of_type(nlp, "Peru's Congress threw out the president's bill on early elections.", "REJECT")
    snub = of_type(nlp, "Hungary's prime minister snubbed an invitation from Brussels to the summit.", "REJECT")
    assert snub and countries(snub[0].source) == {"HUN"}
    assert not of_type(nlp, "The cleaners threw out the old chairs.", "REJECT")


def test_ruling_out_a_diagnosis_refuses_nothing(nlp):
    assert not of_type(nlp, "Doctors in Quito ruled out a heart attack.", "REJECT")
    assert of_type(nlp, "Tokyo ruled out talks with Pyongyang until the abductees return.", "REJECT")


def test_refusing_to_keep_a_commitment_rejects_it_and_keeping_one_is_no_event(nlp):
    assert of_type(nlp, "Ecuador will not repay the bonds held by foreign creditors.", "REJECT")
    assert of_type(nlp, "Caracas would not comply with the ruling of the arbitration panel.", "REJECT")
    assert not events(nlp, "Ecuador repaid the bonds held by foreign creditors.")


def test_giving_permission_is_a_concession(nlp):
    found = of_type(nlp, "Myanmar's junta gave permission for the envoy to visit the detained leader.",
                    "CONCEDE")
    assert found and countries(found[0].source) == {"MMR"}


def test_lifting_a_tariff_or_sanction_is_a_concession(nlp):
    for text in ("Washington scrapped its tariffs on Canadian lumber.",
                 "The European Union lifted its sanctions on Belarusian potash."):
        assert of_type(nlp, text, "CONCEDE") and not of_type(nlp, text, "RETREAT"), text


def test_a_thing_endangered_is_not_threatened_but_an_actor_or_a_measure_is(nlp):
    assert not events(nlp, "Rising seas threaten the coral atolls of the Maldives.")
    assert not of_type(nlp, "Mounting debts threatened the survival of Zambia's national airline.", "THREATEN")
    found = of_type(nlp, "Beijing threatened tariffs on Canadian canola.", "THREATEN")
    assert found and countries(found[0].source) == {"CHN"}
    assert of_type(nlp, "Moscow threatened Vilnius with a gas cut-off.", "THREATEN")


def test_a_request_or_plea_made_is_a_request(nlp):
    found = of_type(nlp, "Moldova made a formal request to Romania for emergency gas supplies.", "REQUEST")
    assert found and countries(found[0].source) == {"MDA"} and countries(found[0].target) == {"ROU"}
    assert of_type(nlp, "Sudan's army chief renewed his plea for Egyptian help.", "REQUEST")
    rejected = events(nlp, "Vienna rejected Belgrade's request for an extradition hearing.")
    assert [e.type for e in rejected] == ["REJECT"]


def test_shooting_down_a_proposal_rejects_it(nlp):
    assert of_type(nlp, "The Thai senate shot down the opposition's plan for a new constitution.", "REJECT")
    assert not of_type(nlp, "Rebels shot down a government helicopter near Kidal.", "REJECT")


def test_keeping_all_options_on_the_table_against_someone_is_a_threat(nlp):
    found = of_type(nlp, "Canberra said all options were on the table regarding Beijing's trade curbs.",
                    "THREATEN")
    assert found and countries(found[0].source) == {"AUS"} and countries(found[0].target) == {"CHN"}
    assert of_type(nlp, "Seoul kept all options on the table after Pyongyang launched another missile.",
                   "THREATEN")
    assert not events(nlp, "All options are on the table, the finance minister said of the pension budget.")


def test_taking_up_arms_again_under_a_condition_is_a_threat(nlp):
    found = of_type(nlp, "The Tuareg rebels cautioned that they would take up arms again if Bamako "
                         "broke the accord.", "THREATEN")
    assert found and countries(found[0].target) == {"MLI"}


def test_countermeasures_taken_are_a_sanction_and_promised_under_a_condition_a_threat(nlp):
    assert of_type(nlp, "Moscow took countermeasures against Estonian diplomats.", "SANCTION")
    assert of_type(nlp, "Beijing said it would take countermeasures if Manila signed the basing deal.",
                   "THREATEN")


def test_taking_aim_at_someone_criticises_them(nlp):
    assert of_type(nlp, "Mexico's president took aim at the US ambassador over the judicial reform.", "ACCUSE")


def test_dismissing_a_ruling_rejects_it(nlp):
    found = of_type(nlp, "Caracas dismissed the Hague court's ruling as interference.", "REJECT")
    assert found and countries(found[0].source) == {"VEN"}


def test_easing_rules_or_dropping_a_policy_gives_way(nlp):
    for text in ("Hanoi eased its visa rules for Chinese tourists.",
                 "Facing strikes, the Nigerian government withdrew the fuel levy.",
                 "Ghana's government scrapped its plan to tax mobile payments."):
        assert of_type(nlp, text, "CONCEDE"), text
    assert not of_type(nlp, "The Dutch army withdrew its troops from Uruzgan.", "CONCEDE")


def test_who_pressed_for_what_is_refused_is_the_target(nlp):
    found = of_type(nlp, "Serbia refused to extradite the commander despite repeated calls from Croatia.",
                    "REJECT")
    assert found and countries(found[0].source) == {"SRB"} and countries(found[0].target) == {"HRV"}
    found = of_type(nlp, "Pretoria declined to arrest the visiting leader despite pressure from Kyiv.", "REJECT")
    assert found and countries(found[0].target) == {"UKR"}
    rain = of_type(nlp, "Manila refused to postpone the vote despite the heavy rains.", "REJECT")
    assert rain and not countries(rain[0].target)
