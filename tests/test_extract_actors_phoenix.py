"""The Phoenix actor dictionaries: names give a country and sector, dates choose the code."""
from __future__ import annotations

from newsgraph.extract.actors.phoenix import load_agents, load_phoenix


def test_code_in_force_on_the_article_date_gives_the_sector():
    book = load_phoenix()
    assert book.lookup("Michel Aoun", "1989-06-01").sector == "GOV"
    assert book.lookup("Michel Aoun", "1989-06-01").country == "LBN"


def test_out_of_range_dates_keep_the_country_but_not_the_office():
    found = load_phoenix().lookup("Moody Awori", "1990-01-01")
    assert found.country == "KEN" and found.sector is None


def test_international_organisations_have_no_country():
    found = load_phoenix().lookup("Amnesty International", "2010-01-01")
    assert found.country is None and found.sector == "NGO"


def test_first_and_last_name_find_a_unique_person():
    assert load_phoenix().lookup("Omar al-Bashir", None).country == "SDN"


def test_unknown_name_is_none():
    assert load_phoenix().lookup("Zzyzx Qwerty", "2020-01-01") is None


def test_agent_words_map_to_plover_sectors():
    agents = load_agents()
    assert agents["police officer"] == "COP" and agents["peasant"] == "AGR" and agents["journalist"] == "JRN"


def test_out_of_range_name_with_two_countries_gives_none():
    book = load_phoenix()   # John Warburton Paul: posts for the Bahamas (to 2004) and Belize (to 1972)
    assert book.lookup("John Warburton Paul", "1970-06-01").country == "BLZ"
    assert book.lookup("John Warburton Paul", "2020-06-01") is None


def test_first_and_last_name_need_a_code_in_force():
    book = load_phoenix()   # only "Abakar Mallah Mourcha" is listed, a minister in 2008-2010
    assert book.lookup("Abakar Mourcha", "2009-01-01").country == "TCD"
    assert book.lookup("Abakar Mourcha", "2024-01-01") is None
