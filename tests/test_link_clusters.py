"""Event clusters across articles: what merges, what stays apart, incremental = rebuild."""
from __future__ import annotations

import pytest
from test_link_builders import article, event

from newsgraph.link import rebuild_links, update_links
from newsgraph.link import timeline
from newsgraph.link.clusters import pair_score
from newsgraph.link.features import mentions_of
from newsgraph.link.lexicon import load_lexicon
from newsgraph.store import Store

MARSEILLE = {"name": "Marseille", "country": "FRA", "lat": 43.297, "lon": 5.381}
LYON = {"name": "Lyon", "country": "FRA", "lat": 45.748, "lon": 4.847}

T22 = "Azerbaijan launched large-scale attacks on Armenia on September 13, 2022, along the eastern border."
T23 = "On September 19, 2023, Azerbaijan launched a large-scale offensive against Nagorno-Karabakh."
T23B = "Azerbaijan launched an assault on Nagorno-Karabakh on September 19, 2023, killing dozens."
T_UNDATED = "Baku launched a military offensive against Nagorno-Karabakh, demanding the surrender of its adversary."


def a22():
    return article("a22", T22, events=[event(T22, "attacks", "ASSAULT", ["AZE"], ["ARM"], date="2022-09-13")])


def a23():
    return article("a23", T23, events=[event(T23, "offensive", "ASSAULT", ["AZE"], ["org:nagorno-karabakh"],
                                             date="2023-09-19")])


def b23():
    return article("b23", T23B, events=[event(T23B, "assault", "ASSAULT", ["AZE"], ["org:nagorno-karabakh"],
                                              date="2023-09-19")])


def undated():
    return article("u1", T_UNDATED, events=[event(T_UNDATED, "offensive", "ASSAULT", ["AZE"],
                                                  ["org:nagorno-karabakh"])])


def ingest(store, *records, infer_dates=False):
    for rec in records:
        store.save(rec)
        update_links(store, [rec.id], infer_dates=infer_dates)


def groups(store) -> set:
    """Every cluster as a frozenset of (article, event index)."""
    return {frozenset((m.article, m.event) for m in e.mentions) for e in timeline(store)}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "links.db") as s:
        yield s


def test_attacks_of_2022_and_offensive_of_2023_stay_apart(store):
    lex = load_lexicon()
    assert pair_score(mentions_of(a22(), lex)[0], mentions_of(a23(), lex)[0], lex) is None
    ingest(store, a22(), a23())
    entries = timeline(store)
    assert [e.date for e in entries] == ["2022-09-13", "2023-09-19"]
    assert all(len(e.articles) == 1 for e in entries)


def test_same_day_same_month_other_year_never_merge(store):
    text = "On September 19, 2022, Azerbaijan launched a large-scale offensive against Nagorno-Karabakh."
    old = article("old", text, events=[event(text, "offensive", "ASSAULT", ["AZE"], ["org:nagorno-karabakh"],
                                             date="2022-09-19")])
    ingest(store, old, a23())
    assert len(timeline(store)) == 2


def test_two_articles_dating_one_offensive_are_one_cluster(store):
    ingest(store, a23(), b23())
    (entry,) = timeline(store)
    assert entry.articles == ["a23", "b23"] and entry.date == "2023-09-19"
    assert entry.source == ["AZE"] and entry.type == "ASSAULT"
    assert [(m.article, m.event, m.trigger.text) for m in entry.mentions] == [
        ("a23", 0, "offensive"), ("b23", 0, "assault")]


def test_undated_report_joins_dated_cluster_on_strong_agreement(store):
    ingest(store, a23(), undated())
    (entry,) = timeline(store)
    assert set(entry.articles) == {"a23", "u1"} and entry.date == "2023-09-19"


def test_undated_report_with_other_source_or_type_stays_apart(store):
    other_src = "Armenia launched a military offensive against Nagorno-Karabakh, officials said."
    accuse = "Azerbaijan denounced the offensive against Nagorno-Karabakh, officials said."
    ingest(store, a23(),
           article("x1", other_src, events=[event(other_src, "offensive", "ASSAULT", ["ARM"], ["org:nagorno-karabakh"])]),
           article("x2", accuse, events=[event(accuse, "denounced", "ACCUSE", ["AZE"], ["org:nagorno-karabakh"])]))
    assert all(len(e.articles) == 1 for e in timeline(store))


def test_undated_report_fitting_two_events_joins_the_more_reported(store):
    ingest(store, a22(), a23(), b23(), undated())
    by_date = {e.date: set(e.articles) for e in timeline(store)}
    assert by_date == {"2022-09-13": {"a22"}, "2023-09-19": {"a23", "b23", "u1"}}


def test_undated_report_fitting_two_equal_events_joins_neither(store):
    text = "Azerbaijan launched large-scale attacks, officials said."
    vague = article("v1", text, events=[event(text, "attacks", "ASSAULT", ["AZE"])])
    t22 = "On September 13, 2022, Azerbaijan launched large-scale attacks, officials said."
    t23 = "On September 19, 2023, Azerbaijan launched large-scale attacks, officials said."
    ingest(store,
           article("d22", t22, events=[event(t22, "attacks", "ASSAULT", ["AZE"], date="2022-09-13")]),
           article("d23", t23, events=[event(t23, "attacks", "ASSAULT", ["AZE"], date="2023-09-19")]),
           vague)
    assert {frozenset(e.articles) for e in timeline(store)} == {
        frozenset({"d22"}), frozenset({"d23"}), frozenset({"v1"})}


def test_rallies_in_two_cities_stay_apart_and_one_city_merges(store):
    t1 = "Thousands rallied in Marseille on Sunday in support of Armenians."
    t2 = "About 500 people gathered in Lyon on Sunday in support of Armenians."
    t3 = "A rally in Marseille drew thousands on Sunday in support of Armenians."
    ingest(store,
           article("m1", t1, events=[event(t1, "rallied", "PROTEST", date="2023-10-01", place=MARSEILLE)]),
           article("l1", t2, events=[event(t2, "gathered", "PROTEST", date="2023-10-01", place=LYON)]),
           article("m2", t3, events=[event(t3, "rally", "PROTEST", date="2023-10-01", place=MARSEILLE)]))
    assert {frozenset(e.articles) for e in timeline(store)} == {frozenset({"m1", "m2"}), frozenset({"l1"})}


def test_mutual_call_merges_across_articles_when_both_leaders_agree(store):
    t1 = "French President Emmanuel Macron also called Armenian Prime Minister Nikol Pashinyan."
    t2 = "Pashinyan spoke by phone with Macron about the humanitarian crisis."
    macron, pashinyan = "person:emmanuel-macron", "person:nikol-pashinyan"
    ingest(store,
           article("c1", t1, events=[event(t1, "called", "CONSULT", [macron], [pashinyan])]),
           article("c2", t2, events=[event(t2, "spoke", "CONSULT", [pashinyan], [macron])]))
    (entry,) = timeline(store)
    assert entry.articles == ["c1", "c2"]


def test_undated_reports_sharing_only_a_source_stay_apart(store):
    t1 = "Baku denounced France's policy in a statement."
    t2 = "The resolution was denounced by Azerbaijani authorities."
    ingest(store, article("d1", t1, events=[event(t1, "denounced", "ACCUSE", ["AZE"], ["FRA"])]),
           article("d2", t2, events=[event(t2, "denounced", "ACCUSE", ["AZE"])]))
    assert len(timeline(store)) == 2


def test_hypothetical_and_demanded_events_are_not_on_the_timeline(store):
    text = "Azerbaijan may launch an offensive. France demanded that it withdraw."
    rec = article("h1", text, events=[event(text, "launch", "ASSAULT", ["AZE"], status="hypothetical"),
                                      event(text, "withdraw", "RETREAT", ["AZE"], status="demanded")])
    ingest(store, rec)
    assert timeline(store) == []


def test_incremental_ingest_gives_the_same_clusters_as_rebuild(store):
    # the undated report and the 2022 attacks arrive first: order must not matter
    ingest(store, undated(), a22(), a23(), b23())
    incremental = groups(store)
    rebuild_links(store, infer_dates=False)
    assert groups(store) == incremental
    assert frozenset({("a23", 0), ("b23", 0), ("u1", 0)}) in incremental
    assert frozenset({("a22", 0)}) in incremental


def test_replaced_and_deleted_articles_leave_their_clusters(store):
    ingest(store, a23(), b23())
    changed = article("b23", T23B)   # the new version has no event
    store.save(changed)
    update_links(store, ["b23"], infer_dates=False)
    assert {frozenset(e.articles) for e in timeline(store)} == {frozenset({"a23"})}
    store.delete("a23")
    update_links(store, ["a23"], infer_dates=False)
    assert timeline(store) == []
    assert store.conn.execute("SELECT count(*) FROM link_mentions").fetchone()[0] == 0


def test_timeline_filters_and_order(store):
    undated_call = "Macron spoke with Pashinyan by phone."
    ingest(store, a23(), a22(), article("c1", undated_call, events=[
        event(undated_call, "spoke", "CONSULT", ["person:emmanuel-macron"], ["person:nikol-pashinyan"])]))
    assert [e.date for e in timeline(store)] == ["2022-09-13", "2023-09-19", None]
    assert [e.date for e in timeline(store, actor="ARM")] == ["2022-09-13"]
    assert [e.type for e in timeline(store, type="consult")] == ["CONSULT"]
    assert [e.date for e in timeline(store, since="2023")] == ["2023-09-19"]
    assert [e.date for e in timeline(store, until="2023-09-18")] == ["2022-09-13"]
    assert [e.date for e in timeline(store, since="2022-09", until="2022-09")] == ["2022-09-13"]


def test_read_only_store_without_link_tables_still_answers(tmp_path):
    db = tmp_path / "old.db"
    with Store(db) as s:
        s.save(a23())
        s.save(b23())
        s.conn.execute("DROP TABLE link_mentions")   # as if made before the link stage existed
    with Store(db, readonly=True) as ro:
        (entry,) = timeline(ro)
        assert entry.articles == ["a23", "b23"]


def test_one_politician_calling_for_different_things_in_two_articles_stays_apart(store):
    t1 = "Donald Trump called for the complete repeal of the health law on Monday."
    t2 = "Donald Trump called for a tax cut on capital investment, his campaign said."
    ingest(store, article("c1", t1, published="2016-09-20",
                              events=[event(t1, "called for", "REQUEST", ["person:donald-trump"])]),
               article("c2", t2, published="2016-09-21",
                       events=[event(t2, "called for", "REQUEST", ["person:donald-trump"])]))
    assert all(len(e.articles) == 1 for e in timeline(store))


def test_one_call_reported_with_the_same_wording_in_two_articles_is_one_statement(store):
    t1 = "Donald Trump called for the complete repeal of the health law on Monday."
    t2 = "At a rally, Donald Trump called for the complete repeal of the health law."
    ingest(store, article("w1", t1, published="2016-09-20",
                              events=[event(t1, "called for", "REQUEST", ["person:donald-trump"])]),
               article("w2", t2, published="2016-09-21",
                       events=[event(t2, "called for", "REQUEST", ["person:donald-trump"])]))
    (entry,) = timeline(store)
    assert entry.articles == ["w1", "w2"] and "same wording" in entry.links[0]["why"][0]


def test_a_rally_in_paris_and_a_rally_in_brussels_on_one_day_stay_apart(store):
    t1 = "Armenians rallied in Paris on Sunday against Azerbaijan."
    t2 = "Armenians rallied in Brussels on Sunday against Azerbaijan."
    ingest(store,
           article("p1", t1, events=[event(t1, "rallied", "PROTEST", ["org:arm-protesters"], ["AZE"],
                                           date="2023-10-01")]),
           article("b1", t2, events=[event(t2, "rallied", "PROTEST", ["org:arm-protesters"], ["AZE"],
                                           date="2023-10-01")]))
    assert {frozenset(e.articles) for e in timeline(store)} == {frozenset({"p1"}), frozenset({"b1"})}
