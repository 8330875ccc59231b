"""The rules of issue 11, each pinned on short sentences written for newsgraph.

The full default pipeline runs here (actors included), as in production.
"""
from __future__ import annotations

from eventkit import events


def kinds(nlp, text):
    return [e.type for e in events(nlp, text)]


def test_no_event_points_an_actor_at_itself(nlp):
    for text in ("Pakistan has refused to deploy peacekeepers and has urged its citizens to stay home.",
                 "In Belgium and in many French cities, numerous rallies took place on Sunday."):
        for e in events(nlp, text):
            ids = {a.actor for a in e.source if a.actor}
            assert not ids & {a.actor for a in e.target if a.actor}, (text, e)


def test_each_other_allows_a_reciprocal_event(nlp):
    assert "ASSAULT" in kinds(nlp, "Armenian forces clashed with each other near the border.")


def test_the_event_word_is_not_its_own_actor(nlp):
    (e,) = [e for e in events(nlp, "The fighting in Sudan left at least 27 dead.") if e.type == "ASSAULT"]
    assert all("fighting" not in a.text for a in e.source + e.target)
    assert e.dead == 27


def test_every_event_names_someone_or_is_a_reportable_protest_or_attack(nlp):
    for e in events(nlp, "Parliament will debate the bill next week. The talks resumed. Numerous rallies took place."):
        assert e.source or e.target or e.type in ("PROTEST", "ASSAULT")


def test_modal_obligation_without_addressee_is_not_a_request(nlp):
    assert "REQUEST" not in kinds(nlp, "The minister said arriving travellers must self-isolate for ten days.")


def test_retorts_are_criticism_not_shooting(nlp):
    for text in ("Argentina's president fired back at the IMF on Tuesday.",
                 "The senator hit back at her critics on Monday."):
        assert "ASSAULT" not in kinds(nlp, text)
        assert "ACCUSE" in kinds(nlp, text)


def test_verbal_attack_over_a_record_is_criticism(nlp):
    found = kinds(nlp, "Trump attacked Clinton over her record as secretary of state.")
    assert "ACCUSE" in found and "ASSAULT" not in found


def test_attack_over_a_weekend_stays_an_attack(nlp):
    assert "ASSAULT" in kinds(nlp, "Rebels attacked an army base in Mali over the weekend.")


def test_leaving_an_agreement_rejects_it(nlp):
    found = kinds(nlp, "The United States withdrew from the Iran nuclear deal.")
    assert "REJECT" in found and "SUPPORT" not in found and "RETREAT" not in found


def test_other_senses_of_rally_are_not_protests(nlp):
    assert "PROTEST" not in kinds(nlp, "Stocks rallied on Wall Street after the central bank decision.")


def test_a_word_inside_an_organisation_name_is_not_a_trigger(nlp):
    assert "PROTEST" not in kinds(nlp, "Members of the Strike Force Alliance met the governor on Monday.")


def test_refused_to_is_a_rejection(nlp):
    assert "REJECT" in kinds(nlp, "Russia refused to extend the grain deal.")


def test_phoenix_person_gives_the_country(nlp):
    (e,) = [e for e in events(nlp, "Vice-President Moody Awori declined to resign on Monday.", "2005-01-01")
            if e.type == "REJECT"]
    assert {a.country for a in e.source} == {"KEN"}


def test_cameo_verb_fills_a_sentence_our_lexicon_leaves_silent(nlp):
    found = events(nlp, "Chinese troops bludgeoned Indian soldiers in the Galwan valley.")
    assert any(e.type == "ASSAULT" for e in found)


def test_an_undoing_prefix_reverses_the_type(nlp):
    found = events(nlp, "The two armies de-escalated along the border on Monday.")
    assert [e.type for e in found] == ["RETREAT"]
    assert found[0].trigger.text == "de-escalated"


def test_phoenix_agent_words_give_the_sector(nlp):
    (e,) = [e for e in events(nlp, "Peasants blocked the main highway in Bolivia on Monday.") if e.type == "PROTEST"]
    assert [a.sector for a in e.source] == ["AGR"]


def test_phoenix_armed_group_gives_its_country(nlp):
    (e,) = [e for e in events(nlp, "Hezbollah fighters fired rockets at northern Israel.") if e.type == "ASSAULT"]
    assert {a.country for a in e.source} == {"LBN"} and {a.country for a in e.target} == {"ISR"}
