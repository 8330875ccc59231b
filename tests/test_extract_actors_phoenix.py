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


def test_a_surname_finds_the_one_person_in_office_when_the_article_names_the_state():
    book = load_phoenix()
    assert book.by_surname("Mahama", "2016-10-15", {"GHA"}).country == "GHA"
    assert book.by_surname("Kabila", "2016-09-20", {"COD"}).country == "COD"   # "joseph kabila kabange"


def test_a_surname_with_no_state_named_gives_nothing():
    book = load_phoenix()                 # "Chen", "Henderson": a lone name is mostly somebody else
    assert book.by_surname("Mahama", "2016-10-15") is None
    assert book.by_surname("Henderson", "2024-01-01") is None


def test_a_surname_many_states_share_gives_nothing():
    assert load_phoenix().by_surname("Smith", "2005-01-01") is None


def test_the_article_country_picks_among_namesakes_and_vetoes_a_stranger():
    book = load_phoenix()
    assert book.by_surname("Ouattara", "2011-02-24") is None                      # Ivorian and Burkinabe
    assert book.by_surname("Ouattara", "2011-02-24", frozenset({"CIV"})).country == "CIV"
    assert book.by_surname("Mahama", "2016-10-15", frozenset({"FRA"})) is None    # a namesake


def test_an_acronym_is_not_a_surname():
    assert load_phoenix().by_surname("ALBA", "2019-05-05") is None


def test_a_surname_borne_in_several_states_over_the_years_gives_nothing():
    assert load_phoenix().by_surname("Harris", "2024-06-01") is None   # one Anguillan in office, others elsewhere
