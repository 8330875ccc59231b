"""Discrepancies: one fact, different figures — and what is not one fact."""
from __future__ import annotations

import pytest
from test_link_builders import article, claim, event

from newsgraph.link import update_links
from newsgraph.link import discrepancies
from newsgraph.store import Store

OFFENSIVE = "On September 19, 2023, Azerbaijan launched an offensive against Nagorno-Karabakh. "


def toll_article(aid: str, sentence: str, phrase: str, value, qualifier="exact", by=None, published="2023-09-19",
                 about=None, anchored=True, outlet=None):
    """An article dating the offensive, then giving one death toll (anchored to it or not)."""
    text = OFFENSIVE + sentence
    return article(aid, text, published=published, outlet=outlet,
                   events=[event(text, "offensive", "ASSAULT", ["AZE"], ["org:nagorno-karabakh"], date="2023-09-19")],
                   claims=[claim(text, phrase, "dead", value, qualifier, about=about, by=by,
                                 event_idx=0 if anchored else None)])


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "d.db") as s:
        yield s


def ingest(store, *records):
    for rec in records:
        store.save(rec)
        update_links(store, [rec.id], infer_dates=False)


def test_at_least_27_and_at_least_29_are_compatible(store):
    ingest(store,
           toll_article("s1", "The fighting left at least 27 dead, the separatists said.", "at least 27 dead", 27,
                        "at_least", by="the separatists", anchored=False, outlet="BFM TV"),
           toll_article("s2", "The attack has claimed at least 29 lives.", "at least 29 lives", 29, "at_least",
                        anchored=False))
    (d,) = discrepancies(store)
    assert (d.measure, d.kind, d.event_type, d.date) == ("dead", "compatible", "ASSAULT", "2023-09-19")
    first = d.reports[0]
    assert (first.article, first.claim, first.value, first.qualifier, first.outlet) == ("s1", 0, 27, "at_least", "BFM TV")
    assert first.span.text == "at least 27 dead" and first.attributed_to.text == "the separatists"
    assert first.published == "2023-09-19"


def test_two_exact_tolls_of_one_event_conflict(store):
    ingest(store, toll_article("e1", "It killed 27 people.", "27 people", 27),
           toll_article("e2", "It killed 29 people.", "29 people", 29))
    (d,) = discrepancies(store, measure="dead")
    assert d.kind == "conflict" and [r.value for r in d.reports] == [27, 29]


def test_a_floor_above_an_exact_figure_conflicts(store):
    ingest(store, toll_article("f1", "It killed 27 people.", "27 people", 27),
           toll_article("f2", "It killed more than 30 people.", "more than 30 people", 30, "at_least"))
    assert [d.kind for d in discrepancies(store)] == ["conflict"]


def test_early_and_later_counts_are_an_estimate_range(store):
    ingest(store, toll_article("g1", "It killed 27 people.", "27 people", 27, published="2023-09-19"),
           toll_article("g2", "It killed 32 people.", "32 people", 32, published="2023-09-21"))
    assert [d.kind for d in discrepancies(store)] == ["estimate_range"]


def test_police_and_organisers_counting_one_crowd(store):
    text = ('In Marseille, more than a thousand people according to the police and "nearly 5,000" '
            "according to the organizers gathered at the Old Port.")
    ingest(store, article("r1", text, claims=[
        claim(text, "more than a thousand people", "participants", 1000, "at_least", "people", by="the police"),
        claim(text, "nearly 5,000", "participants", 5000, "about", "people", by="the organizers")]))
    (d,) = discrepancies(store, measure="participants")
    assert d.kind == "estimate_range"
    assert [r.attributed_to.text for r in d.reports] == ["the police", "the organizers"]


def test_police_and_organisers_in_two_articles_about_one_rally(store):
    place = {"name": "Brussels", "country": "BEL", "lat": 50.85, "lon": 4.35}
    t1 = "Some 10,000 people rallied in Brussels on Sunday, according to the organisers."
    t2 = "Police put the crowd that rallied in Brussels on Sunday at more than 3,000."
    ingest(store,
           article("b1", t1, published="2023-10-01",
                   events=[event(t1, "rallied", "PROTEST", date="2023-10-01", place=place)],
                   claims=[claim(t1, "Some 10,000 people", "participants", 10000, "about", "people",
                                 by="the organisers", event_idx=0)]),
           article("b2", t2, published="2023-10-01",
                   events=[event(t2, "rallied", "PROTEST", date="2023-10-01", place=place)],
                   claims=[claim(t2, "more than 3,000", "participants", 3000, "at_least", "crowd", by="Police",
                                 event_idx=0)]))
    (d,) = discrepancies(store)
    assert d.kind == "estimate_range" and d.event_type == "PROTEST" and d.date == "2023-10-01"


def test_a_sub_population_is_not_a_discrepancy(store):
    text = OFFENSIVE + "The fighting left at least 27 dead, including two civilians, the separatists said."
    ingest(store, article("p1", text, published="2023-09-19",
                          events=[event(text, "offensive", "ASSAULT", ["AZE"], date="2023-09-19")],
                          claims=[claim(text, "at least 27 dead", "dead", 27, "at_least", by="the separatists"),
                                  claim(text, "two civilians", "dead", 2, about="civilians", by="the separatists")]))
    assert discrepancies(store) == []


def test_two_civilians_on_each_side_is_not_a_discrepancy(store):
    ingest(store,
           toll_article("c1", "Two civilians died, the separatists said.", "Two civilians", 2, about="civilians",
                        by="the separatists", anchored=False),
           toll_article("c2", "Azerbaijan said two civilians died in areas it controls.", "two civilians", 2,
                        about="civilians", by="Azerbaijan", anchored=False),
           toll_article("c3", "At least 27 people died.", "At least 27 people", 27, "at_least", about="people",
                        anchored=False))
    assert discrepancies(store) == []


def test_crowds_in_different_places_and_tallies_are_not_discrepancies(store):
    text = ("About 80 people participated in Clermont-Ferrand and between 100 and 150 in Châteauroux, "
            "according to the organizers. In Lyon, about 500 people participated. "
            "The resolution was adopted with 295 votes to one.")
    ingest(store, article("x1", text, claims=[
        claim(text, "About 80 people", "participants", 80, "about", "people", by="the organizers"),
        claim(text, "between 100 and 150", "participants", 100, "range", "people", by="the organizers",
              value_max=150),
        claim(text, "about 500 people", "participants", 500, "about", "people"),
        claim(text, "295 votes", "votes", 295, about="votes"),
        claim(text, "one", "votes", 1, about="votes", nth=0)]))
    assert discrepancies(store) == []


def test_vague_plurals_are_left_out(store):
    text = "Thousands of people demonstrated in Brussels. Some 10,000 people were present in Brussels."
    ingest(store, article("v1", text, claims=[
        claim(text, "Thousands of people", "participants", 2000, "at_least", "people"),
        claim(text, "Some 10,000 people", "participants", 10000, "about", "people")]))
    assert discrepancies(store) == []


def test_unrelated_articles_do_not_compare_their_tolls(store):
    t1 = "A bombing in Kabul killed 12 people on Monday."
    t2 = "Floods in Dhaka killed 40 people."
    ingest(store, article("k1", t1, published="2023-05-01", claims=[claim(t1, "12 people", "dead", 12)]),
           article("k2", t2, published="2023-05-01", claims=[claim(t2, "40 people", "dead", 40)]))
    assert discrepancies(store) == []


KHARKIV = {"name": "Kharkiv", "country": "UKR", "lat": 49.99, "lon": 36.23}
ODESA = {"name": "Odesa", "country": "UKR", "lat": 46.48, "lon": 30.72}
WAR = "On February 24, 2022, Russia launched a full-scale invasion of Ukraine. "


def strike_article(aid: str, sentence: str, phrase: str, value: int, place=None, target=(), date=None):
    """An article on the war (a story both share), then one strike and its dead."""
    text = WAR + sentence
    return article(aid, text, published="2022-03-10",
                   events=[event(text, "invasion", "ASSAULT", ["RUS"], ["UKR"], date="2022-02-24"),
                           event(text, "strike", "ASSAULT", ["RUS"], list(target), place=place, date=date)],
                   claims=[claim(text, phrase, "dead", value, about="people", event_idx=1)])


def test_two_strikes_in_different_cities_give_no_discrepancy(store):
    ingest(store, strike_article("k", "A missile strike on Kharkiv killed 12 people.", "12 people", 12, KHARKIV),
           strike_article("o", "A missile strike on Odesa killed 20 people.", "20 people", 20, ODESA))
    assert discrepancies(store) == []


def test_two_strikes_on_different_days_give_no_discrepancy(store):
    ingest(store, strike_article("d1", "A missile strike killed 12 people.", "12 people", 12, date="2022-03-01"),
           strike_article("d2", "A missile strike killed 20 people.", "20 people", 20, date="2022-03-07"))
    assert discrepancies(store) == []


def test_the_dead_at_a_camp_are_not_the_dead_at_un_sites(store):
    ingest(store, strike_article("c", "A strike on the camp killed 12 people.", "12 people", 12,
                                 target=["org:camp-residents"]),
           strike_article("u", "A strike on UN sites killed 20 people.", "20 people", 20, target=["igo:un"]))
    assert discrepancies(store) == []


def test_one_march_counted_by_police_in_two_outlets_is_one_discrepancy(store):
    t1 = "Thousands marched through Marseille on Thursday. The crowd numbered about 8,000 according to police."
    t2 = "Police counted some 9,500 marchers in Thursday's demonstration in Marseille."
    ingest(store,
           article("m1", t1, published="2024-03-14",
                   events=[event(t1, "marched", "PROTEST", date="2024-03-14")],
                   claims=[claim(t1, "about 8,000", "participants", 8000, "about", by="police")]),
           article("m2", t2, published="2024-03-15",
                   events=[event(t2, "demonstration", "PROTEST", date="2024-03-14")],
                   claims=[claim(t2, "some 9,500 marchers", "participants", 9500, "about", "marchers",
                                 by="Police", event_idx=0)]))
    (d,) = discrepancies(store, measure="participants")
    assert sorted(r.value for r in d.reports) == [8000, 9500]
    assert d.date == "2024-03-14"


def test_a_weekday_beside_a_yearless_date_meets_the_full_date_in_one_city(store):
    from test_link_builders import timex
    t1 = "Dockers marched through Marseille on Thursday (March 14). The crowd numbered about 8,000 according to police."
    t2 = "Police counted some 9,500 marchers in Thursday's demonstration in Marseille."
    ingest(store,
           article("y1", t1, events=[event(t1, "marched", "PROTEST")],
                   timexes=[timex(t1, "Thursday", "XXXX-WXX-4"), timex(t1, "March 14", "XXXX-03-14")],
                   claims=[claim(t1, "about 8,000", "participants", 8000, "about", by="police", event_idx=0)]),
           article("y2", t2, published="2024-03-15",
                   events=[event(t2, "demonstration", "PROTEST", date="2024-03-14")],
                   claims=[claim(t2, "some 9,500 marchers", "participants", 9500, "about", "marchers",
                                 by="Police", event_idx=0)]))
    (d,) = discrepancies(store, measure="participants")
    assert sorted(r.value for r in d.reports) == [8000, 9500]


def test_the_same_weekday_and_date_in_another_city_stays_apart(store):
    from test_link_builders import timex
    t1 = "Dockers marched through Lyon on Thursday (March 14). The crowd numbered about 8,000 according to police."
    t2 = "Police counted some 9,500 marchers in Thursday's demonstration in Marseille."
    ingest(store,
           article("z1", t1, events=[event(t1, "marched", "PROTEST")],
                   timexes=[timex(t1, "Thursday", "XXXX-WXX-4"), timex(t1, "March 14", "XXXX-03-14")],
                   claims=[claim(t1, "about 8,000", "participants", 8000, "about", by="police", event_idx=0)]),
           article("z2", t2, published="2024-03-15",
                   events=[event(t2, "demonstration", "PROTEST", date="2024-03-14")],
                   claims=[claim(t2, "some 9,500 marchers", "participants", 9500, "about", "marchers",
                                 by="Police", event_idx=0)]))
    assert discrepancies(store, measure="participants") == []
