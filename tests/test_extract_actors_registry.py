"""Actor ids, the country lexicon and the registry: the helpers other stages import."""
from __future__ import annotations

import pytest
import yaml

from newsgraph.extract.actors.lexicon import DATA_DIR, country_of_text, default_lexicon
from newsgraph.extract.actors.registry import (canonical_person_id, load_registry, person_key,
                                              slugify)


@pytest.mark.parametrize("text, code", [
    ("Azerbaijan", "AZE"), ("Azeri", "AZE"), ("Azeris", "AZE"), ("Baku", "AZE"),
    ("the French Republic", "FRA"), ("U.S.", "USA"), ("the United States", "USA"),
    ("Republic of Armenia", "ARM"), ("Armenia’s", "ARM"), ("Kiev", "UKR"),
    ("Democratic People's Republic of Korea", "PRK"), ("Turkey", "TUR"), ("Swiss", "CHE"),
])
def test_country_of_text(text, code):
    assert country_of_text(text) == code


@pytest.mark.parametrize("text", ["Nagorno-Karabakh", "Victoria", "Europe", "the Republic", "", "   "])
def test_not_a_country(text):
    assert country_of_text(text) is None


def test_every_sovereign_state_has_a_demonym():
    lex = default_lexicon()
    shared = {"DMA", "COG"}   # "Dominican" and "Congolese" name the larger namesake
    missing = [c for c in lex.sovereign if c not in lex.adjective and c not in shared]
    assert missing == []


@pytest.mark.parametrize("a, b", [
    ("Nikol Pashinian", "Nikol Pashinyan"), ("Benoît Payan", "Benoit Payan"),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky"), ("Dmitriy Peskov", "Dmitry Peskov"),
])
def test_spelling_variants_share_an_id(a, b):
    assert canonical_person_id(a) == canonical_person_id(b)


def test_different_people_keep_different_ids():
    assert canonical_person_id("Philippe Gosselin") != canonical_person_id("Béatrice Gosselin")
    assert canonical_person_id("Nikol Pashinyan") == "person:nikol-pashinyan"


def test_slugify():
    assert slugify("Quai d’Orsay") == "quai-dorsay"
    assert slugify("  Médecins Sans Frontières ") == "medecins-sans-frontieres"
    assert slugify("") == ""


def test_builtin_person_ids_are_their_canonical_ids():
    wrong = [(e.id, e.name) for e in load_registry() if e.kind == "person"
             and e.id != canonical_person_id(e.name)]
    assert wrong == []


def test_dated_roles_follow_the_article_date():
    putin = load_registry().get("person:vladimir-putin")
    assert putin.role_on("2010-05-01") == "Prime Minister of Russia"
    assert putin.role_on("2023-05-01") == "President of Russia"


def test_registry_finds_people_by_variant_and_by_role():
    registry = load_registry()
    assert registry.person("Pashinian").id == "person:nikol-pashinyan"
    assert registry.person("Abdelaziz Bouteflicka").id == "person:abdelaziz-bouteflika"
    assert registry.holder("President of France", "2023-09-19").id == "person:emmanuel-macron"
    assert registry.holder("President of France", None) is None
    assert registry.body_for_role("President of France").id == "org:fra-presidency"


def test_user_yaml_registry_overrides_by_id(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - {id: 'igo:un', name: Nations Unies, kind: igo, aliases: [ONU]}\n",
                    encoding="utf-8")
    registry = load_registry([path])
    assert registry.get("igo:un").name == "Nations Unies"
    assert "ONU" in registry.get("igo:un").aliases


def test_bad_user_registry_says_what_is_wrong(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("- {name: X, kind: planet}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="kind 'planet'"):
        load_registry([path])
    with pytest.raises(FileNotFoundError):
        load_registry([tmp_path / "absent.csv"])


@pytest.mark.parametrize("name, sections", [
    ("actors.yaml", ["actors", "places"]),
    ("sectors.yaml", ["bodies", "groups", "name_words"]),
    ("roles.yaml", ["roles", "honorifics"]),
    ("demonyms.yaml", ["country_aliases", "capital_aliases", "capital_exclude", "display_names"]),
])
def test_every_data_entry_says_why(name, sections):
    data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    for section in sections:
        for entry in data[section]:
            assert entry.get("why"), (name, section, entry)


def test_person_key_drops_honorifics():
    assert person_key("Mr. Ilham Aliyev") == "ilham-aliyev"


def test_leaders_after_the_phoenix_years_are_known_with_dated_roles():
    entry = load_registry().person("Boris Johnson")
    assert entry.country == "GBR"
    assert entry.role_on("2021-02-24") == "Prime Minister of the United Kingdom"
    assert entry.role_on("2024-06-01") is None   # out of office: still British, no office
