"""Constructions that decide an event's type: a verb of wanting whose complement is another
party's act, consenting to an act, and threats told as a consequence (issue 11).

Each test pins one general rule with short sentences written for these tests (none is taken
from a gold or evaluation file); the full default pipeline runs, as in production.
"""
from __future__ import annotations

from eventkit import countries, events


def of_type(nlp, text, kind):
    return [e for e in events(nlp, text) if e.type == kind]


def test_wanting_another_partys_act_requests_it_from_them(nlp):
    text = "Madrid wants the fugitive mayor arrested by Portuguese police, officials said."
    found = of_type(nlp, text, "REQUEST")
    assert found and countries(found[0].source) == {"ESP"} and countries(found[0].target) == {"PRT"}
    assert not of_type(nlp, text, "COERCE")          # the arrest is only asked for
    found = of_type(nlp, "Washington wants Islamabad to extradite the bomb maker.", "REQUEST")
    assert found and countries(found[0].target) == {"PAK"}


def test_seeking_an_act_from_someone_requests_it(nlp):
    text = "Kenya is seeking the extradition of the businessman from Tanzania."
    found = of_type(nlp, text, "REQUEST")
    assert found and countries(found[0].source) == {"KEN"} and countries(found[0].target) == {"TZA"}
    assert not of_type(nlp, text, "COOPERATE")


def test_wanting_ones_own_act_or_a_thing_is_no_request(nlp):
    for text in ("Germany wants to join the naval mission in the Red Sea.",
                 "Investors want higher yields on Italian debt.",
                 "Voters are seeking a leader who can counter threats from Russia."):
        assert not of_type(nlp, text, "REQUEST"), text


def test_consenting_to_talks_agrees_to_them(nlp):
    text = "The Houthi rebels consented to talks with the Saudi government in Muscat."
    assert of_type(nlp, text, "AGREE")
    assert not of_type(nlp, text, "CONSULT")


def test_a_hostile_act_met_with_force_is_a_threat_by_the_speaker(nlp):
    text = "Any Turkish incursion into its territory would be met with force, the Greek defence minister said."
    found = of_type(nlp, text, "THREATEN")
    assert found and countries(found[0].source) == {"GRC"} and countries(found[0].target) == {"TUR"}
    told = "An attack on its oil terminals would draw a crushing response, Riyadh's envoy told Iran."
    found = of_type(nlp, told, "THREATEN")
    assert found and countries(found[0].target) == {"IRN"}


def test_a_forecast_of_consequences_is_no_threat(nlp):
    for text in ("Any delay would trigger a response from bond markets, the finance minister said.",
                 "The raid drew a swift response from the army, residents said.",
                 "The new tax would draw criticism from farmers, analysts said."):
        assert not of_type(nlp, text, "THREATEN"), text


def test_vowing_a_response_threatens(nlp):
    found = of_type(nlp, "Tehran vowed a harsh response to the Israeli strike on its consulate.", "THREATEN")
    assert found and countries(found[0].source) == {"IRN"}


def test_an_own_harmful_act_under_another_actors_condition_is_a_threat(nlp):
    text = "Algiers said it would halt gas deliveries to Spain if Madrid did not change its stance."
    found = of_type(nlp, text, "THREATEN")
    assert found and countries(found[0].source) == {"DZA"} and countries(found[0].target) == {"ESP"}
    found = of_type(nlp, "Delhi will take strong action against Pakistan if the infiltration goes on.", "THREATEN")
    assert found and countries(found[0].target) == {"PAK"}
    refusal = "Ankara said it would suspend the refugee accord with Brussels unless visa rules were eased."
    assert of_type(nlp, refusal, "THREATEN") and not of_type(nlp, refusal, "REJECT")


def test_a_conditional_forecast_or_offer_is_no_threat(nlp):
    for text in ("The central bank said it would cut rates if inflation kept falling.",
                 "The airline said it would cut two routes if fuel prices rose again.",
                 "Economists said exports would fall sharply if the drought continued."):
        assert not of_type(nlp, text, "THREATEN"), text


def test_a_penalty_promised_to_another_side_is_a_threat(nlp):
    found = of_type(nlp, "Ankara will pay a heavy price for the shelling, the Kurdish commander said.", "THREATEN")
    assert found and countries(found[0].target) == {"TUR"}
    text = "Any Azerbaijani attack on Syunik will not go unanswered, the Armenian defence ministry said."
    found = of_type(nlp, text, "THREATEN")
    assert found and countries(found[0].source) == {"ARM"} and countries(found[0].target) == {"AZE"}
    assert not of_type(nlp, text, "ASSAULT")          # the attack is only supposed


def test_a_penalty_forecast_or_a_crime_answered_is_no_threat(nlp):
    for text in ("Consumers will pay a heavy price for the tariffs, economists said.",
                 "The theft will not go unpunished, the museum director said."):
        assert not of_type(nlp, text, "THREATEN"), text


def test_seeking_something_from_an_actor_or_its_consent_asks_it(nlp):
    for text, target in (("Hanoi sought guarantees from Beijing over the fishing grounds.", "CHN"),
                         ("Quito is seeking Colombia's approval for joint border patrols.", "COL")):
        found = of_type(nlp, text, "REQUEST")
        assert found and countries(found[0].target) == {target}, text
    assert not of_type(nlp, "Britain wants a free trade deal with Canberra.", "REQUEST")
    assert of_type(nlp, "Caracas wants the oil embargo lifted.", "REQUEST")
