"""The newsgraph_events component on short texts: one behaviour per test.

The pipeline here has only the events component (no actors), so these tests
also pin the component's own fallback resolution of countries and sectors.
"""
from __future__ import annotations

import logging

import pytest

from newsgraph.pipeline.nlp import build_nlp, make_doc
from newsgraph.records import EVENT_STATUSES, PLOVER_TYPES


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(["newsgraph_events"])


@pytest.fixture(scope="module")
def nlp_embedded():
    return build_nlp(["newsgraph_events"], config={"newsgraph_events": {"embedded_events": True}})


def events(nlp, text, published="2023-09-20"):
    doc = nlp(make_doc(nlp, text, "t", published))
    for e in doc._.ng_events:   # every span points at the real characters
        assert e.type in PLOVER_TYPES and e.status in EVENT_STATUSES
        for span in [e.trigger, *e.source, *e.target] + ([e.location] if e.location else []):
            assert text[span.start:span.end] == span.text
        assert 0 <= e.sentence[0] <= e.trigger.start < e.trigger.end <= e.sentence[1] <= len(text)
    return doc._.ng_events


def one(nlp, text, kind):
    found = [e for e in events(nlp, text) if e.type == kind]
    assert found, f"no {kind} in {text!r}: {[(e.type, e.trigger.text) for e in events(nlp, text)]}"
    return found[0]


def countries(args):
    return {a.country for a in args}


# ----- triggers -----------------------------------------------------------------------
def test_light_verb_with_nominal_trigger(nlp):
    e = one(nlp, "Azerbaijan launched a military offensive in Nagorno-Karabakh on Tuesday.", "ASSAULT")
    assert e.trigger.text == "military offensive"
    assert countries(e.source) == {"AZE"} and e.status == "asserted"


def test_passive_trigger_takes_source_from_by_agent(nlp):
    e = one(nlp, "A refugee camp was attacked by Burundian militiamen, killing at least 156 people.", "ASSAULT")
    assert countries(e.source) == {"BDI"} and e.dead == 156


def test_nominal_subject_of_occurrence_verb(nlp):
    e = one(nlp, "Numerous rallies took place in Lyon on Sunday.", "PROTEST")
    assert e.trigger.text == "rallies" and e.mode == "demo"


def test_call_on_is_request_and_call_with_is_consult(nlp):
    request = one(nlp, "France called on the Security Council to convene immediately.", "REQUEST")
    assert countries(request.source) == {"FRA"} and request.target[0].sector == "IGO"
    consult = one(nlp, "French President Emmanuel Macron also called with Armenian Prime Minister Nikol Pashinyan.",
                  "CONSULT")
    assert consult.mode == "phone" and countries(consult.source) == {"FRA"} and countries(consult.target) == {"ARM"}


def test_in_support_of_is_not_a_support_event(nlp):
    found = events(nlp, "Rallies took place in Paris on Sunday in support of refugees.")
    assert "SUPPORT" not in {e.type for e in found}


def test_sentence_without_event(nlp):
    assert events(nlp, "The weather in Paris was mild on Tuesday.") == []


def test_refused_to_is_reject_not_negation(nlp):
    found = events(nlp, "Pakistan has refused to deploy peacekeepers in Iraq.")
    assert [e.type for e in found] == ["REJECT"] and found[0].status == "asserted"


def test_will_not_accept_is_reject(nlp):
    e = one(nlp, "Syria says it will not accept any more refugees.", "REJECT")
    assert countries(e.source) == {"SYR"}


def test_threat_takes_its_mode_from_the_threatened_act(nlp):
    e = one(nlp, "Iran threatened to launch a new military offensive against Iraq.", "THREATEN")
    assert e.mode == "violence" and countries(e.source) == {"IRN"}


def test_promise_of_a_cooperative_act_is_agree(nlp):
    found = events(nlp, "Japan said it will provide 500 million dollars in aid to the Philippines.")
    assert [e.type for e in found] == ["AGREE"]
    assert countries(found[0].source) == {"JPN"} and "PHL" in countries(found[0].target)


def test_modes_from_the_trigger(nlp):
    assert one(nlp, "Algerian landowners began a hunger strike outside Parliament.", "PROTEST").mode == "strike-hun"
    assert one(nlp, "Israeli warplanes carried out an airstrike on Gaza.", "ASSAULT").mode == "heavy-weapons"
    assert one(nlp, "The EU imposed an embargo on arms sales to Belarus.", "SANCTION").mode == "sever"
    assert one(nlp, "Switzerland expelled two Russian diplomats.", "SANCTION").mode == "expel"


def test_reversal_of_a_restriction_is_a_concession(nlp):
    e = one(nlp, "Sudan's government lifted a state of emergency in West Darfur.", "CONCEDE")
    assert countries(e.source) == {"SDN"}


# ----- actors -----------------------------------------------------------------------------
def test_compound_subject_gives_two_sources(nlp):
    e = one(nlp, "The United States and France condemned the attack on Tuesday.", "ACCUSE")
    assert countries(e.source) == {"USA", "FRA"}


def test_capital_as_subject_is_an_actor_not_a_location(nlp):
    e = one(nlp, "Baku denounced France's Islamophobic policy.", "ACCUSE")
    assert e.source[0].country == "AZE" and e.source[0].sector == "GOV"
    assert countries(e.target) == {"FRA"} and e.location is None


def test_demonym_and_sector_from_the_noun_phrase(nlp):
    e = one(nlp, "Azerbaijani forces shelled Armenian positions near Jermuk.", "ASSAULT")
    assert (e.source[0].country, e.source[0].sector) == ("AZE", "MIL")


def test_pronoun_subject_takes_the_speaker(nlp):
    e = one(nlp, "Uganda said on Sunday it had paid compensation to 67 British nationals.", "RETREAT")
    assert countries(e.source) == {"UGA"} and "GBR" in countries(e.target)


# ----- reported speech and status -----------------------------------------------------------
def test_reported_obligation_is_a_request_by_the_speaker(nlp):
    found = events(nlp, "Russia said on Tuesday that Sudan must return the helicopter.")
    request = [e for e in found if e.type == "REQUEST"]
    assert request and countries(request[0].source) == {"RUS"} and countries(request[0].target) == {"SDN"}
    assert request[0].status == "asserted"
    assert "RETREAT" not in {e.type for e in found}     # the demanded act is not coded by default


def test_demanded_act_is_coded_with_status_demanded_when_asked(nlp_embedded):
    found = events(nlp_embedded, "Macron said Azerbaijan must stop the offensive.")
    by_type = {e.type: e for e in found}
    assert by_type["REQUEST"].status == "asserted"
    assert by_type["RETREAT"].status == "demanded"


def test_a_negated_act_is_not_coded_by_default_and_negated_when_asked(nlp, nlp_embedded):
    assert "ASSAULT" not in {e.type for e in events(nlp, "Government troops did not attack the village.")}
    assert one(nlp_embedded, "Government troops did not attack the village.", "ASSAULT").status == "negated"


def test_hypothetical(nlp):
    assert one(nlp, "Rebel fighters could attack the capital within days.", "ASSAULT").status == "hypothetical"


def test_future(nlp):
    assert one(nlp, "The foreign ministers of Armenia and Azerbaijan are expected to meet in Geneva.",
               "CONSULT").status == "future"


def test_asserted(nlp):
    assert one(nlp, "Israeli soldiers arrested 100 Palestinians in Hebron.", "COERCE").status == "asserted"


def test_condition_of_another_event_is_not_coded(nlp):
    found = events(nlp, "Iran threatened to launch an offensive unless Baghdad accepted its conditions.")
    assert [e.type for e in found] == ["THREATEN"]


# ----- magnitudes and places ------------------------------------------------------------------
def test_dead_and_injured(nlp):
    e = one(nlp, "The fighting in Sudan left at least 27 dead, including two civilians, and more than 200 injured.",
            "ASSAULT")
    assert (e.dead, e.injured) == (27, 200)


def test_crowd_size_in_digits_and_words(nlp):
    assert one(nlp, "Some 10,000 people rallied in Brussels on Sunday.", "PROTEST").size == 10000
    assert one(nlp, "Tens of thousands of students staged demonstrations in Jakarta.", "PROTEST").size == 20000
    assert one(nlp, "In Marseille, more than a thousand people gathered at the Old Port.", "PROTEST").size == 1000


def test_arrest_count_is_the_size(nlp):
    assert one(nlp, "Israeli soldiers arrested more than 100 Palestinians on Saturday.", "COERCE").size == 100


def test_location_with_gazetteer_coordinates(nlp):
    e = one(nlp, "Thousands of people demonstrated on Sunday in Brussels.", "PROTEST")
    assert e.location.name == "Brussels" and e.location.country == "BEL"
    assert abs(e.location.lat - 50.85) < 0.1 and abs(e.location.lon - 4.35) < 0.1


def test_date_from_the_timex_component():
    nlp = build_nlp(["newsgraph_timex", "newsgraph_events"])
    found = events(nlp, "Azerbaijan launched a military offensive on Tuesday.", published="2023-09-20")
    assert found[0].date == "2023-09-19"


# ----- component contract -----------------------------------------------------------------------
def test_span_group_labels_are_types(nlp):
    doc = nlp(make_doc(nlp, "Baku denounced France. France called on Azerbaijan to stop."))
    assert [s.label_ for s in doc.spans["ng_events"]] == [e.type for e in doc._.ng_events]


def test_headline_is_its_own_sentence(nlp):
    text = "French Senate demands withdrawal of Azerbaijani troops\n\nThe vote was held on Tuesday."
    e = one(nlp, text, "REQUEST")
    assert e.sentence[1] <= text.index("\n")
    assert e.source[0].sector == "LEG" and countries(e.target) == {"AZE"}


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\u200b💥 ¿¡ \x00 ﷽ 𝔘𝔫𝔦", "((((((((", "a" * 3000,
                                  "killed killed killed", "1,000,000,000,000,000,000 people rallied."])
def test_odd_input_never_fails(nlp, text, caplog):
    with caplog.at_level(logging.WARNING, logger="newsgraph.extract.events.component"):
        events(nlp, text)
    assert not caplog.records


def test_long_document_is_coded_in_one_pass(nlp):
    text = " ".join(["Azerbaijan launched an offensive against Armenia and France called on Baku to stop."] * 400)
    found = events(nlp, text)
    assert 400 <= len(found) <= 1200


def test_user_lexicon_extends_the_triggers(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text('verbs:\n  lambast: {type: ACCUSE, why: "misspelling seen in our feeds"}\n', encoding="utf-8")
    nlp = build_nlp(["newsgraph_events"], config={"newsgraph_events": {"lexicon_paths": [str(extra)]}})
    assert one(nlp, "Serbia lambasted Albania on Tuesday.", "ACCUSE")


def test_user_lexicon_with_unknown_type_is_refused(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text('verbs:\n  frobnicate: {type: FROBNICATE, why: "no"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="FROBNICATE"):
        build_nlp(["newsgraph_events"], config={"newsgraph_events": {"lexicon_paths": [str(bad)]}})


# ----- generalisation fixes (own check set, 2024): one behaviour each -----------------------

def test_warning_with_addressee_and_harm_is_a_threat(nlp):
    text = "Norway warned Belarus of retaliation unless it freed the pilots."
    e = one(nlp, text, "THREATEN")
    assert e.trigger.text == "warned" and e.status == "asserted"
    assert {a.country for a in e.source} == {"NOR"} and {a.country for a in e.target} == {"BLR"}
    assert not [x for x in events(nlp, text)
                if x.type == "RETREAT"]          # the condition is not an event


def test_warning_that_addressee_faces_sanctions_is_a_threat(nlp):
    e = one(nlp, "Canada warned Caracas it would face new sanctions.", "THREATEN")
    assert {a.country for a in e.target} == {"VEN"}


def test_forecast_warning_is_not_a_threat(nlp):
    assert not [e for e in events(nlp, "Aid agencies warned of a new offensive in the north.")
                if e.type == "THREATEN"]


def test_not_ruling_out_force_is_a_threat(nlp):
    e = one(nlp, "India has not ruled out the use of force against the militants.", "THREATEN")
    assert e.status == "asserted"
    assert not [x for x in events(nlp, "India has not ruled out the use of force against the militants.")
                if x.type == "ASSAULT"]


def test_ruling_out_talks_is_a_rejection(nlp):
    assert one(nlp, "Peru ruled out any negotiations with the guerrillas.", "REJECT")


def test_ordering_an_investigation_is_one_investigation(nlp):
    found = events(nlp, "The Kenyan president ordered an investigation into the shooting.")
    assert [e.type for e in found] == ["INVESTIGATE"]


def test_passive_forces_are_the_source_of_their_move(nlp):
    e = one(nlp, "Pakistani troops were sent to Afghanistan on Monday.", "MOBILIZE")
    assert {a.country for a in e.source} == {"PAK"} and {a.country for a in e.target} == {"AFG"}


def test_passive_withdrawal_keeps_the_forces_as_source(nlp):
    e = one(nlp, "Chadian forces were pulled back from the border.", "RETREAT")
    assert {a.country for a in e.source} == {"TCD"}


@pytest.mark.parametrize("text, kind", [
    ("Nigeria called up thousands of reservists.", "MOBILIZE"),
    ("Russian tanks are massing near the border.", "MOBILIZE"),
    ("Syrian aircraft struck rebel positions.", "ASSAULT"),
    ("Turkey held consultations with Iraq on Monday.", "CONSULT"),
    ("The Arab League expressed solidarity with Sudan.", "SUPPORT"),
    ("French and Belgian police launched a joint operation against smugglers.", "COOPERATE"),
    ("Iranian and Iraqi engineers worked together on the dam.", "COOPERATE"),
    ("Chile declined an invitation to the summit.", "REJECT"),
    ("Syria dismissed the allegations made by Turkey.", "REJECT"),
    ("Rebel troops abandoned their positions near the town.", "RETREAT"),
    ("Israel handed back the bodies of three fighters.", "RETREAT"),
    ("Britain reduced its military presence in Iraq.", "RETREAT"),
    ("The Commonwealth suspended Zimbabwe's membership.", "SANCTION"),
    ("German police are questioning two Moroccan nationals.", "INVESTIGATE"),
])
def test_new_lexicon_entries(nlp, text, kind):
    assert one(nlp, text, kind)


def test_bosnian_serb_forces_are_bosnian(nlp):
    e = one(nlp, "Bosnian Serb forces shelled the town of Gorazde.", "ASSAULT")
    assert {a.country for a in e.source} == {"BIH"}


def test_mediating_between_two_states_targets_both(nlp):
    e = one(nlp, "Qatar offered to mediate between Sudan and Chad.", "AGREE")
    assert {a.country for a in e.target} == {"SDN", "TCD"}
