"""Events told as nouns that another verb only carries: a measure approved, endorsed or
renewed, a deal signed with its parties inside its own words, an act announced in a passive
with its doer in the possessive, a possessed act that others back or criticise, and event
nouns that headlines use as subjects."""
from __future__ import annotations

from eventkit import countries, events, first_of_type


def test_an_embargo_endorsed_by_a_body_is_the_sanction_not_support(nlp):
    found = events(nlp, "A weapons embargo against Eritrea was endorsed by the African Union on Monday.")
    assert [e.type for e in found] == ["SANCTION"]
    assert countries(found[0].target) == {"ERI"}


def test_sanctions_renewed_by_a_council_are_a_sanction_on_their_target(nlp):
    e = first_of_type(nlp, "The Security Council renewed the arms embargo on Libya for another year.", "SANCTION")
    assert countries(e.target) == {"LBY"}


def test_endorsing_a_peace_plan_stays_support(nlp):
    found = events(nlp, "Washington endorsed the Egyptian peace plan for Gaza.")
    assert "SUPPORT" in {e.type for e in found} and "SANCTION" not in {e.type for e in found}


def test_a_ban_imposed_in_a_passive_takes_its_target_from_its_on_phrase(nlp):
    e = first_of_type(nlp, "A travel ban on senior Zimbabwean officials was imposed by Canada.", "COERCE")
    assert countries(e.source) == {"CAN"} and countries(e.target) == {"ZWE"}


def test_a_signed_deal_takes_its_parties_from_its_of_phrase(nlp):
    text = "A deal to connect the railways of Kenya and Uganda was signed on Thursday."
    signed = [e for e in events(nlp, text) if e.type == "AGREE"]
    assert {c for e in signed for c in countries(e.source)} == {"KEN", "UGA"}


def test_a_possessed_acceptance_announced_by_someone_else_is_the_possessors(nlp):
    e = first_of_type(nlp, "Peru's acceptance of a Japanese offer to rebuild the port was announced "
                           "by a ministry spokesman.", "AGREE")
    assert countries(e.source) == {"PER"} and countries(e.target) == {"JPN"}


def test_a_possessed_demand_backed_by_another_is_made_as_well(nlp):
    found = events(nlp, "Zambia's call for debt relief was backed by the World Bank on Monday.")
    request = [e for e in found if e.type == "REQUEST"]
    assert request and countries(request[0].source) == {"ZMB"}
    assert "SUPPORT" in {e.type for e in found}


def test_a_rejection_with_a_date_before_its_of_phrase_is_still_an_event(nlp):
    e = first_of_type(nlp, "Syria's rejection on Friday of a Turkish proposal for a buffer zone "
                           "angered Ankara, diplomats said.", "REJECT")
    assert countries(e.source) == {"SYR"}


def test_a_headline_barrage_that_hits_a_place_is_an_attack_on_its_country(nlp):
    e = first_of_type(nlp, "Mortar barrage hits Mogadishu airport, three hurt", "ASSAULT")
    assert countries(e.target) == {"SOM"}


def test_a_prisoner_swap_is_a_release(nlp):
    e = first_of_type(nlp, "A prisoner swap between Armenia and Azerbaijan was completed on Thursday.", "RETREAT")
    assert countries(e.source) >= {"ARM"}


def test_acceptance_of_things_that_are_no_offer_is_no_event(nlp):
    assert not events(nlp, "The acceptance of mobile payments by shoppers in Kenya has grown fast.")


def test_a_headline_event_noun_before_a_misread_verb_is_the_event(nlp):
    found = events(nlp, "Riots rock Lusaka townships after vote")
    assert [e.type for e in found] == ["PROTEST"]


def test_headline_air_strikes_that_pound_towns_in_a_place_strike_its_country(nlp):
    e = first_of_type(nlp, "Airstrikes pound rebel-held villages near Homs", "ASSAULT")
    assert countries(e.target) == {"SYR"}


def test_a_car_bomb_that_rocks_a_city_is_a_bombing(nlp):
    e = first_of_type(nlp, "Car bomb rocks central Mogadishu", "ASSAULT")
    assert countries(e.target) == {"SOM"}


def test_a_bomb_that_is_a_weapon_is_no_attack(nlp):
    assert not events(nlp, "Police defused a car bomb outside the stadium in Istanbul.")


def test_unnamed_enforcers_of_a_coerced_national_are_of_that_state(nlp):
    e = first_of_type(nlp, "The arrest of a Cambodian opposition leader by police sparked protests.", "COERCE")
    assert countries(e.source) == {"KHM"}


def test_restrictions_tightened_by_a_state_coerce_whom_they_restrict(nlp):
    e = first_of_type(nlp, "Restrictions on Uighur worshippers were tightened by Beijing.", "COERCE")
    assert countries(e.source) == {"CHN"} and countries(e.target) == {"CHN"}


def test_calling_measures_names_is_no_measure(nlp):
    assert not events(nlp, "Russia called the new sanctions illegal.")


def test_a_demand_for_a_withdrawal_is_addressed_to_those_who_must_withdraw(nlp):
    e = first_of_type(nlp, "Georgia's demand for the withdrawal of Russian troops from Abkhazia went unheeded.",
                      "REQUEST")
    assert countries(e.source) == {"GEO"} and countries(e.target) == {"RUS"}


def test_a_call_for_a_release_names_no_addressee_without_a_jailer(nlp):
    e = first_of_type(nlp, "Lithuania's call for the release of jailed Belarusian activists was repeated.", "REQUEST")
    assert countries(e.target) == set()


def test_a_threat_whose_condition_names_no_one_is_aimed_at_the_threatened_acts_target(nlp):
    e = first_of_type(nlp, "Hezbollah warned that it would resume rocket fire on Israeli towns if the "
                           "siege of Gaza was not lifted.", "THREATEN")
    assert countries(e.target) == {"ISR"}


def test_a_rejected_organisations_target_has_no_country_of_its_own(nlp):
    e = first_of_type(nlp, "Nicaragua's rejection of the OAS resolution on its elections was swift.", "REJECT")
    assert countries(e.source) == {"NIC"} and countries(e.target) == set()
