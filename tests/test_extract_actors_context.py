"""Actors whose country comes from the words around them, not from a dictionary."""
from __future__ import annotations

import pytest

from newsgraph.extract.mentions import actor_at
from newsgraph.pipeline.nlp import build_nlp, make_doc


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(["newsgraph_actors"])


def actor(nlp, text, phrase, published="2024-05-01"):
    doc = nlp(make_doc(nlp, text, "t", published))
    start = doc.text.index(phrase)
    found = actor_at(doc, start, start + len(phrase))
    return found and next(a for a in doc._.ng_actors if a.id == found.id)


def test_name_tagged_as_an_organisation_with_a_title_after_it_is_a_person(nlp):
    found = actor(nlp, "Santiago Peña, the Paraguayan president, accused Argentina's opposition of meddling.",
                  "Santiago Peña")
    assert found.kind == "person" and found.country == "PRY" and found.sector == "GOV"


def test_newspaper_named_before_a_plural_apposition_stays_an_organisation(nlp):
    found = actor(nlp, "In the French newspaper Le Monde, mayors of major French cities call on France to act.",
                  "Le Monde")
    assert found.kind == "organization" and found.sector == "JRN"


def test_bare_state_title_joins_the_one_country_of_the_article(nlp):
    text = "Downing Street said the prime minister had full confidence in the home secretary."
    found = actor(nlp, text, "home secretary")
    assert found.country == "GBR"


def test_bare_title_in_a_story_of_two_countries_stays_unresolved(nlp):
    text = "France and Germany disagreed, and the home secretary said nothing."
    assert actor(nlp, text, "home secretary") is None


def test_title_joined_to_a_country_makes_it_the_government(nlp):
    found = actor(nlp, "President Emmanuel Macron will host the Moroccan king next month.", "Moroccan king")
    assert found.id == "MAR" and found.sector == "GOV"


def test_big_capital_as_subject_is_its_government(nlp):
    assert actor(nlp, "Kyiv said Russian drones had hit an energy facility.", "Kyiv").id == "UKR"
    assert actor(nlp, "The move angered Moscow and Kyiv.", "Kyiv").id == "UKR"
    assert actor(nlp, "Talks were held in Moscow and Kyiv.", "Kyiv") is None


def test_noun_after_a_registry_group_is_that_group(nlp):
    text = "Houthi rebels fired a missile at a tanker, the US military said."
    found = actor(nlp, text, "rebels")
    assert found.id == "org:houthis" and found.country == "YEM" and found.sector == "REB"


def test_peacekeepers_of_an_igo_are_not_of_the_country_the_story_names(nlp):
    found = actor(nlp, "UN peacekeepers left the town, France said.", "peacekeepers")
    assert found.country is None


def test_country_inside_an_organisation_name(nlp):
    assert actor(nlp, "Members of La France Insoumise marched on Sunday.", "La France Insoumise").country == "FRA"


def test_organisation_naming_two_countries_has_none(nlp):
    text = "The India Pakistan Friendship Forum called for talks."
    found = actor(nlp, text, "Friendship Forum")
    assert found is not None and found.country is None


def test_person_takes_the_country_of_the_government_they_own(nlp):
    assert actor(nlp, "Mark Tobin's Czech government won a confidence vote.", "Mark Tobin").country == "CZE"


def test_person_listed_after_their_city_takes_its_country(nlp):
    text = "The signatories include the mayors of Paris Anne Hidalgo and Strasbourg Jeanne Barseghian."
    assert actor(nlp, text, "Anne Hidalgo").country == "FRA"
    assert actor(nlp, "In Paris Anne Hidalgo said the plan had failed.", "Anne Hidalgo").country is None


def test_unlisted_person_keeps_the_country_of_their_title_in_later_mentions(nlp):
    text = ("Prime Minister Tarek Halabi of Lebanon resigned on Monday. "
            "Mr Halabi said he had no choice.")
    found = actor(nlp, text, "Halabi said")
    assert found.country == "LBN" and found.role == "Prime Minister of Lebanon"


def test_stateless_people_take_the_home_their_sentence_names(nlp):
    assert actor(nlp, "Kurdish fighters in northern Syria repelled the attack.", "Kurdish fighters").country == "SYR"
    assert actor(nlp, "Kurdish fighters repelled the attack.", "Kurdish fighters").country is None
    assert actor(nlp, "Rohingya refugees fled to Bangladesh.", "Rohingya refugees").country == "MMR"
    assert actor(nlp, "Tamil rebels attacked an army camp.", "Tamil rebels").country == "LKA"


def test_a_nationality_with_weapons_or_criminals_is_a_group_of_that_country(nlp):
    assert actor(nlp, "Kyiv said Russian drones had hit an energy facility.", "Russian drones").sector == "MIL"
    found = actor(nlp, "Somali pirates hijacked a ship.", "Somali pirates")
    assert found.country == "SOM" and found.sector == "CRM"


def test_bare_parliament_and_opposition_leader_belong_to_the_one_country(nlp):
    text = "The Greek prime minister misled parliament about the scandal, the opposition leader said."
    assert actor(nlp, text, "parliament").id == "org:grc-parliament"
    found = actor(nlp, text, "opposition leader")
    assert found.country == "GRC" and found.sector == "OPP" and found.id != "GRC"
    assert actor(nlp, "A new parliament will be elected in Greece.", "parliament") is None


def test_leaders_of_an_armed_group_are_the_group_but_its_authorities_govern(nlp):
    assert actor(nlp, "The UN envoy met Houthi leaders.", "leaders").id == "org:houthis"
    assert actor(nlp, "Taliban authorities banned women from universities.", "authorities").sector == "GOV"


def test_companies_in_the_dictionaries_have_their_country():
    from newsgraph.extract.actors.phoenix import load_phoenix

    found = load_phoenix().lookup("Microsoft", "2024-01-01")
    assert found.country == "USA" and found.sector == "BUS"


def test_a_title_after_an_owner_does_not_start_with_the_possessive(nlp):
    doc = nlp(make_doc(nlp, "The Kremlin's spokesman Dmitry Peskov said talks were possible.", "t", "2024-03-01"))
    peskov = next(a for a in doc._.ng_actors if a.kind == "person")
    assert not any(doc.text[s:e].startswith("'s") for s, e in peskov.mentions)


def test_a_longer_title_is_read_as_a_role_not_as_the_government(nlp):
    found = actor(nlp, "Iran's supreme leader said Tehran would respond.", "supreme leader")
    assert found.id == "person:ali-khamenei"


def test_unqualified_local_group_takes_the_one_country_of_the_article(nlp):
    text = "Boris Johnson told lawmakers on Wednesday that the lockdown would be lifted in stages."
    found = actor(nlp, text, "lawmakers", published="2021-02-24")
    assert found.country == "GBR" and found.sector == "LEG"
    other = actor(nlp, "The MPs called for the protection of Armenian detainees' rights.", "MPs")
    assert other is None or other.country != "ARM"


def test_actor_context_words_come_from_the_data_file_and_users_extend_them(tmp_path, monkeypatch):
    from newsgraph.extract.actors import context
    extra = tmp_path / "extra.yaml"
    extra.write_text("addressee_heads:\n  why: a user's word\n  words: [telegraph]\n")
    monkeypatch.setenv("NEWSGRAPH_ACTOR_CONTEXT", str(extra))
    words = context._word_lists()
    assert "telegraph" in words["addressee_heads"] and "protest" in words["addressee_heads"]
    assert "telegraph" not in context.ADDRESSEE_HEADS


def test_actor_context_section_without_why_is_one_clear_error(tmp_path, monkeypatch):
    import pytest
    from newsgraph.extract.actors import context
    from newsgraph.knowledge.loader import KnowledgeError
    bad = tmp_path / "bad.yaml"
    bad.write_text("place_verbs: [visit]\n")
    monkeypatch.setenv("NEWSGRAPH_ACTOR_CONTEXT", str(bad))
    with pytest.raises(KnowledgeError, match="actor_context.yaml"):
        context._word_lists()
