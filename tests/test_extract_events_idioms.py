"""Events told by multiword idioms (issue 11, plover.yaml `idioms`, events/idioms.py): the idiom's
words, wherever they hang under the head verb, give the type; its preposition gives the target;
the literal use of the same verb is no event.

Each test pins one general rule with short sentences written for these tests (none is taken
from a gold or evaluation file); the full default pipeline runs, as in production.
"""
from __future__ import annotations

from eventkit import countries, events


def of_type(nlp, text, kind):
    return [e for e in events(nlp, text) if e.type == kind]


def test_cold_water_on_a_plan_rejects_it_active_or_passive(nlp):
    found = of_type(nlp, "Austria's chancellor poured cold water on Hungarian plans for a new border fence.",
                    "REJECT")
    assert found and countries(found[0].source) == {"AUT"} and countries(found[0].target) == {"HUN"}
    assert of_type(nlp, "Japan pours cold water on the Chinese proposal for a joint patrol.", "REJECT")
    passive = of_type(nlp, "Cold water was poured on the Kenyan plan by Tanzania.", "REJECT")
    assert passive and countries(passive[0].source) == {"TZA"}


def test_literal_water_is_no_rejection(nlp):
    assert not events(nlp, "Rescuers poured water on the smouldering ruins of the warehouse in Chittagong.")


def test_blame_at_the_feet_of_someone_accuses_them(nlp):
    found = of_type(nlp, "Zambia's main opposition party laid the blame for the maize shortage squarely "
                         "at the feet of President Edgar Lungu.", "ACCUSE")
    assert found and countries(found[0].source) == {"ZMB"} and countries(found[0].target) == {"ZMB"}
    assert of_type(nlp, "Seoul laid the blame on North Korea for the sinking of the corvette.", "ACCUSE")


def test_saying_no_or_yes_to_a_proposal_rejects_or_accepts_it(nlp):
    no = of_type(nlp, "Greece said no to a Turkish proposal for joint drilling in the Aegean.", "REJECT")
    assert no and countries(no[0].source) == {"GRC"} and countries(no[0].target) == {"TUR"}
    yes = of_type(nlp, "Niger says yes to Algerian offer of mediation", "AGREE")
    assert yes and countries(yes[0].source) == {"NER"} and countries(yes[0].target) == {"DZA"}


def test_saying_no_decision_was_taken_is_no_refusal(nlp):
    assert not of_type(nlp, "The Thai spokesman said no decision had been made on the submarine deal.", "REJECT")


def test_green_light_and_signatures_agree(nlp):
    found = of_type(nlp, "Brussels gave the green light to Poland's recovery plan on Thursday.", "AGREE")
    assert found and countries(found[0].target) == {"POL"}
    signed = of_type(nlp, "The presidents of Rwanda and Congo put their signatures to a peace accord.", "AGREE")
    assert signed and {"RWA", "COD"} <= countries(signed[0].source) | countries(signed[0].target)
    assert of_type(nlp, "Sudan's army signed off on a transition timetable.", "AGREE")


def test_coming_out_in_favour_of_a_bid_supports_its_owner(nlp):
    found = of_type(nlp, "Hungary came out in favour of Ukraine's bid to open accession talks.", "SUPPORT")
    assert found and countries(found[0].source) == {"HUN"} and countries(found[0].target) == {"UKR"}


def test_turning_ones_back_on_a_bid_rejects_it_but_turning_back_is_no_event(nlp):
    found = of_type(nlp, "Austria's chancellor turned his back on Romania's bid to join Schengen.", "REJECT")
    assert found and countries(found[0].target) == {"ROU"}
    assert not events(nlp, "The aid convoy turned back on Monday because of snow on the pass.")


def test_sanctions_slapped_or_aid_put_on_hold_are_sanctions_not_aid(nlp):
    slapped = of_type(nlp, "Canada slapped sanctions on Iranian officials over the crackdown.", "SANCTION")
    assert slapped and countries(slapped[0].source) == {"CAN"} and countries(slapped[0].target) == {"IRN"}
    held = events(nlp, "Sweden put its development aid to Mali on hold after the coup.")
    assert [e.type for e in held] == ["SANCTION"] and countries(held[0].target) == {"MLI"}
    hit = of_type(nlp, "The European Union hit Belarus with new sanctions on Monday.", "SANCTION")
    assert hit and countries(hit[0].target) == {"BLR"}


def test_people_hauled_into_vans_are_arrested(nlp):
    found = of_type(nlp, "Russian police bundled dozens of protesters into vans in central Moscow.", "COERCE")
    assert found and found[0].mode == "arrest" and countries(found[0].source) == {"RUS"}
    assert not of_type(nlp, "Workers loaded the crates into vans at the depot.", "COERCE")


def test_an_ambassador_hauled_in_is_summoned_not_arrested(nlp):
    found = events(nlp, "Poland's foreign ministry hauled in the Belarusian ambassador over the border incident.")
    assert [e.type for e in found] == ["ACCUSE"] and countries(found[0].target) == {"BLR"}


def test_rivals_sitting_down_face_to_face_meet(nlp):
    assert of_type(nlp, "The rival Somali leaders sat down face to face in Mogadishu on Sunday.", "CONSULT")


def test_joining_forces_with_someone_cooperates_and_deploys_nothing(nlp):
    found = events(nlp, "Senegal joined forces with Mauritania to fight illegal fishing.")
    assert "COOPERATE" in {e.type for e in found} and "MOBILIZE" not in {e.type for e in found}


def test_an_idiom_under_a_refusal_is_negated_not_asserted(nlp):
    found = [e for e in events(nlp, "Germany refused to give the green light to the Italian proposal.")
             if e.type in ("AGREE", "REJECT")]
    assert found and all(e.type == "REJECT" or e.status != "asserted" for e in found)


def test_rounding_up_or_picking_up_people_arrests_them_but_not_cattle_or_a_bill(nlp):
    found = of_type(nlp, "Ethiopian police rounded up hundreds of suspected Oromo rebels in Addis Ababa.", "COERCE")
    assert found and countries(found[0].source) == {"ETH"}
    assert of_type(nlp, "Egyptian police picked up an opposition activist at his home in Cairo.", "COERCE")
    assert not of_type(nlp, "Herders rounded up their goats before the sandstorm.", "COERCE")
    assert not of_type(nlp, "The ministry picked up the bill for the conference.", "COERCE")


def test_taking_out_a_target_needs_an_armed_doer(nlp):
    found = of_type(nlp, "Israeli jets took out a Hezbollah weapons depot in southern Lebanon.", "ASSAULT")
    assert found and countries(found[0].source) == {"ISR"}
    assert not of_type(nlp, "The retailer took out a loan to refurbish its stores.", "ASSAULT")


def test_pressure_put_on_a_government_is_a_request(nlp):
    found = of_type(nlp, "Britain put pressure on Rwanda to withdraw its troops from Congo.", "REQUEST")
    assert found and countries(found[0].source) == {"GBR"} and countries(found[0].target) == {"RWA"}


def test_refugees_taken_in_or_let_in_are_given_refuge(nlp):
    took = of_type(nlp, "Poland took in more than a million Ukrainian refugees.", "AID")
    assert took and countries(took[0].source) == {"POL"} and countries(took[0].target) == {"UKR"}
    assert of_type(nlp, "Uganda opened its borders to South Sudanese refugees.", "AID")


def test_an_infinitive_to_or_a_date_is_no_idiom_word(nlp):
    signed = of_type(nlp, "Slovakia refused to sign the joint statement on Moldova's accession.", "AGREE")
    assert all("sign on to" not in e.trigger.text for e in signed)
    assert not of_type(nlp, "The patrol boat turned back on Sunday because of high seas.", "REJECT")


def test_refusing_to_say_yes_refuses_but_declining_to_say_is_no_comment(nlp):
    found = of_type(nlp, "Vietnam refused to say yes to the Chinese proposal for joint exploration.", "REJECT")
    assert found and countries(found[0].source) == {"VNM"}
    assert not events(nlp, "The Peruvian spokesman declined to say whether the talks would resume.")


def test_people_placed_under_arrest_whatever_the_parse(nlp):
    found = of_type(nlp, "Kenyan police placed opposition leader Raila Odinga under house arrest hours before "
                         "a planned rally in Nairobi.", "COERCE")
    assert found and countries(found[0].source) == {"KEN"}


def test_pushing_back_against_demands_refuses_them_but_criticism_is_answered(nlp):
    found = of_type(nlp, "Pyongyang pushed back against American demands to dismantle its reactor.", "REJECT")
    assert found and countries(found[0].target) == {"USA"}
    assert not of_type(nlp, "The governor pushed back against criticism of the budget.", "REJECT")


def test_winning_someones_backing_or_green_light_makes_them_the_source(nlp):
    won = of_type(nlp, "Ghana won the backing of the World Bank for its debt plan.", "SUPPORT")
    assert won and countries(won[0].target) == {"GHA"} and not countries(won[0].source) & {"GHA"}
    got = of_type(nlp, "Zambia got the green light from China for a debt restructuring.", "AGREE")
    assert got and countries(got[0].source) == {"CHN"} and countries(got[0].target) == {"ZMB"}


def test_ideas_winning_support_back_no_one(nlp):
    assert not of_type(nlp, "The party debated which policies could win the support of rural voters.", "SUPPORT")
