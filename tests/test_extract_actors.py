"""The newsgraph_actors component on short texts: one behaviour per test."""
from __future__ import annotations

import pytest

from newsgraph.extract.mentions import actor_at
from newsgraph.pipeline.nlp import build_nlp, make_doc


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(["newsgraph_actors"])


def actors(nlp, text, published="2023-09-20"):
    doc = nlp(make_doc(nlp, text, "t", published))
    for actor in doc._.ng_actors:   # every mention points at real characters
        for start, end in actor.mentions:
            assert 0 <= start < end <= len(text)
    return doc, {a.id: a for a in doc._.ng_actors}


def surfaces(doc, actor):
    return [doc.text[s:e] for s, e in actor.mentions]


def at(doc, phrase, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    found = actor_at(doc, start, start + len(phrase))
    return found.id if found else None


def test_capital_as_subject_is_the_government(nlp):
    doc, found = actors(nlp, "Baku denounced the resolution on Tuesday.")
    assert found["AZE"].kind == "country" and found["AZE"].sector == "GOV"
    assert "Baku" in surfaces(doc, found["AZE"])


def test_capital_as_place_is_not_an_actor(nlp):
    doc, found = actors(nlp, "Thousands of people held a rally in Paris. Delegates arrived in Moscow on Monday.")
    assert "FRA" not in found and "RUS" not in found


def test_possessive_capital_acts_but_its_prisons_are_a_place(nlp):
    doc, found = actors(nlp, "Faced with Paris' condemnation, Baku denounced France's policy. "
                              "Prisoners are still held in Baku's prisons.")
    assert at(doc, "Paris") == "FRA"
    assert at(doc, "Baku", 0) == "AZE"
    assert at(doc, "Baku", 1) is None


def test_seat_of_power_acts_for_its_body(nlp):
    doc, found = actors(nlp, "The Kremlin said the talks had failed. Journalists waited outside the Kremlin.")
    assert surfaces(doc, found["org:rus-presidency"]) == ["Kremlin"]
    assert found["org:rus-presidency"].country == "RUS"


def test_spelling_variants_merge_within_an_article(nlp):
    doc, found = actors(nlp, "Armenian Prime Minister Nikol Pashinian spoke to reporters. "
                              "Later Nikol Pashinyan said Pashinian would travel.")
    people = [a for a in found.values() if a.kind == "person"]
    assert [p.id for p in people] == ["person:nikol-pashinyan"]
    assert len(people[0].mentions) == 3


def test_spelling_variants_get_one_id_across_articles(nlp):
    _, first = actors(nlp, "Armenian Defence Minister Suren Papikian said the border was calm.")
    _, second = actors(nlp, "Armenian Defence Minister Suren Papikyan said the border was calm.")
    ids = {a.id for a in first.values() if a.kind == "person"} | {a.id for a in second.values() if a.kind == "person"}
    assert len(ids) == 1


def test_accents_fold_to_one_person(nlp):
    doc, found = actors(nlp, "The mayor of Marseille Benoit Payan spoke. Benoît Payan later left.")
    payan = found["person:benoit-payan"]
    assert payan.role == "Mayor of Marseille" and payan.country == "FRA"
    assert len(payan.mentions) == 2


def test_two_people_sharing_a_surname_stay_apart(nlp):
    _, found = actors(nlp, "The text was signed by Philippe Gosselin and Béatrice Gosselin.")
    assert {"person:philippe-gosselin", "person:beatrice-gosselin"} <= set(found)


def test_title_before_name_gives_role_country_sector(nlp):
    _, found = actors(nlp, "French Foreign Minister Catherine Colonna told reporters. "
                           "US Secretary of State Antony Blinken called Baku.")
    colonna = found["person:catherine-colonna"]
    assert (colonna.role, colonna.country, colonna.sector) == ("Foreign Minister of France", "FRA", "GOV")
    assert found["person:antony-blinken"].role == "Secretary of State of the United States"


def test_bare_senator_title_is_us(nlp):
    _, found = actors(nlp, "Senator Bob Menendez charged Azerbaijan with ethnic cleansing.")
    menendez = found["person:bob-menendez"]
    assert (menendez.country, menendez.sector, menendez.role) == ("USA", "LEG", "Senator")


def test_former_office_holder_is_an_elite(nlp):
    _, found = actors(nlp, "Former French Foreign Minister Bernard Kouchner made the trip.")
    kouchner = found["person:bernard-kouchner"]
    assert kouchner.role == "Former Foreign Minister of France" and kouchner.sector == "ELI"


def test_apposition_gives_a_role(nlp):
    _, found = actors(nlp, "European leaders are criminals, said one of the organizers of this "
                           "demonstration, Talline Tashdian, in front of the crowd.")
    assert found["person:talline-tashdyan"].role == "Organizer"


def test_pronoun_joins_the_person(nlp):
    doc, found = actors(nlp, "French Foreign Minister Catherine Colonna spoke on Tuesday. "
                              "She opposed the use of heavy weapons.")
    assert "She" in surfaces(doc, found["person:catherine-colonna"])


def test_its_follows_the_clause_subject_not_the_nearest_name(nlp):
    doc, found = actors(nlp, "France calls on Azerbaijan to immediately cease its offensive. "
                              "It will hold Azerbaijan responsible.")
    assert at(doc, "its") == "AZE"
    assert at(doc, "It") == "FRA"


def test_the_ministry_points_back_to_the_ministry(nlp):
    doc, found = actors(nlp, "The Azerbaijani Foreign Ministry rejected the report. "
                              "The ministry said the claims were false.")
    ministry = found["org:aze-foreign-ministry"]
    assert ministry.country == "AZE" and ministry.kind == "organization"
    assert at(doc, "ministry", 0) == "org:aze-foreign-ministry"
    assert at(doc, "The ministry") == "org:aze-foreign-ministry"


def test_kind_nouns_point_back(nlp):
    doc, found = actors(nlp, "The European Union announced sanctions. The bloc said Azerbaijan must withdraw. "
                              "The country rejected the demand.")
    assert at(doc, "bloc") == "igo:eu"
    assert at(doc, "country") == "AZE"


def test_role_noun_finds_the_holder(nlp):
    doc, found = actors(nlp, "Emmanuel Macron spoke with Nikol Pashinyan. "
                              "The French president then called the Armenian prime minister.")
    assert at(doc, "French president") == "person:emmanuel-macron"
    assert at(doc, "Armenian prime minister") == "person:nikol-pashinyan"


def test_seat_holder_noun_is_the_office_holder(nlp):
    doc, found = actors(nlp, "Emmanuel Macron is in close contact, said the Elysée tenant.")
    assert at(doc, "Elysée tenant") == "person:emmanuel-macron"


def test_unnamed_official_is_no_named_person(nlp):
    doc, found = actors(nlp, "Antony Blinken met Ilham Aliyev. A senior US official said the talks "
                              "were tense. \u201cWe were hopeful,\u201d he added.")
    assert at(doc, "he added") not in ("person:antony-blinken", "person:ilham-aliyev")
    assert at(doc, "official") not in ("person:antony-blinken", "person:ilham-aliyev")


def test_demonym_and_sector_noun_make_a_group_not_the_country(nlp):
    doc, found = actors(nlp, "Azerbaijani forces shelled the village. The French Senate condemned it.")
    mil = found["org:aze-mil"]
    assert (mil.kind, mil.country, mil.sector) == ("group", "AZE", "MIL")
    assert found["org:fra-senate"].sector == "LEG"
    assert "AZE" not in found or "Azerbaijani forces" not in surfaces(doc, found["AZE"])


def test_government_noun_is_the_country(nlp):
    doc, found = actors(nlp, "The Azerbaijani government rejected the resolution.")
    assert found["AZE"].sector == "GOV"
    assert at(doc, "Azerbaijani government") == "AZE"


def test_police_take_the_country_of_their_place(nlp):
    doc, found = actors(nlp, "Police in the Belgian capital put the crowd at 3,000.")
    assert at(doc, "Police") == "org:bel-police"


def test_unqualified_separatists_join_the_earlier_group(nlp):
    doc, found = actors(nlp, "Armenian separatists agreed to disarm. Azerbaijan said the separatists had surrendered.")
    assert at(doc, "the separatists") == "org:arm-reb"


def test_igo_from_registry(nlp):
    doc, found = actors(nlp, "The UN Security Council met. The European Union and NATO issued statements.")
    assert {"igo:un-security-council", "igo:eu", "igo:nato"} <= set(found)
    assert found["igo:eu"].kind == "igo"


def test_national_security_council_is_not_the_un(nlp):
    _, found = actors(nlp, "Armenia's Security Council met on Monday.")
    assert "igo:un-security-council" not in found


def test_junk_entities_are_not_actors(nlp):
    _, found = actors(nlp, "Stay Connected\n16,985FansLike\nHomePoliticsEmmanuel Macron asks Azerbaijan.")
    assert not any(a.id.startswith("org:stay") or "homepolitics" in a.id for a in found.values())


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\u200b\ufeff", "a", "??? 123 !!!",
                                  "“unclosed quote by Macron", "He said it. It did. She left."])
def test_odd_input_does_not_crash(nlp, text):
    doc = nlp(make_doc(nlp, text))
    assert isinstance(doc._.ng_actors, list)
    assert len(doc.spans["ng_actors"]) == sum(len(a.mentions) for a in doc._.ng_actors)


def test_span_group_labels_are_actor_ids(nlp):
    doc, found = actors(nlp, "Azerbaijan accused Armenia.")
    assert {s.label_ for s in doc.spans["ng_actors"]} == {"AZE", "ARM"}


def test_user_registry_adds_and_overrides(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("id,name,aliases,kind,country,sector,role\n"
                    "org:karabakh-monitor,Karabakh Monitor,KM|Karabakh Watch,organization,ARM,NGO,\n"
                    "igo:eu,Union européenne,EU|European Union,igo,,IGO,\n", encoding="utf-8")
    nlp = build_nlp(["newsgraph_actors"], config={"newsgraph_actors": {"registry_paths": [str(path)]}})
    doc = nlp("Karabakh Watch said the EU had been silent.")
    found = {a.id: a for a in doc._.ng_actors}
    assert found["org:karabakh-monitor"].country == "ARM"
    assert found["igo:eu"].name == "Union européenne"
