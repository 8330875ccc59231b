"""Named event references ("the 2020 war", "the previous war") join the event they name, and only it."""
from __future__ import annotations

import pytest
from test_link_builders import article, timex

from newsgraph.link import timeline, update_links
from newsgraph.link.lexicon import load_lexicon
from newsgraph.link.references import find_references
from newsgraph.records import Actor
from newsgraph.store import Store


def country(text: str, code: str, name: str) -> Actor:
    actor = Actor(id=code, name=name, kind="country", country=code)
    start = text.index(name)
    actor.add_mention(start, start + len(name), name)
    return actor


def with_countries(aid: str, text: str, *names, published=None, timexes=()):
    codes = {"Azerbaijan": "AZE", "Armenia": "ARM", "Ethiopia": "ETH"}
    return article(aid, text, published=published, actors=[country(text, codes[n], n) for n in names],
                   timexes=list(timexes))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "r.db") as s:
        yield s


def ingest(store, *records):
    for rec in records:
        store.save(rec)
        update_links(store, [rec.id], infer_dates=False)


def test_previous_war_gets_its_year_from_how_long_ago():
    text = "Azerbaijan launched an offensive on Tuesday, three years after the previous war."
    rec = with_countries("p", text, "Azerbaijan", timexes=[timex(text, "Tuesday", "2023-09-19")])
    (ref,) = find_references(rec, load_lexicon())
    assert (ref["noun"], ref["when"].value(), ref["past"]) == ("war", "2020", True)


def test_a_year_a_date_and_a_name_make_references():
    text = ("The Senate acted after the war of 2020. It condemned the blockade of the Lachin Corridor "
            "and the September 19, 2023 attack.")
    found = {(r["noun"], r["when"].value() if r["when"] else None, r["name"])
             for r in find_references(article("x", text), load_lexicon())}
    assert found == {("war", "2020", ""), ("blockade", None, "lachin corridor"), ("attack", "2023-09-19", "")}


def test_the_same_war_named_in_two_articles_is_one_entry(store):
    ingest(store, with_countries("a", "Azerbaijan has held the region since the war of 2020.", "Azerbaijan"),
           with_countries("b", "Armenia lost land in the 2020 war with Azerbaijan.", "Armenia", "Azerbaijan"))
    (entry,) = timeline(store)
    assert entry.articles == ["a", "b"] and entry.date == "2020" and len(entry.references) == 2
    assert "same countries: AZE" in entry.links[0]["why"]


def test_wars_of_one_year_in_other_countries_or_with_other_names_stay_apart(store):
    ingest(store, with_countries("a", "Azerbaijan has held the region since the war of 2020.", "Azerbaijan"),
           with_countries("e", "Ethiopia has been scarred by the war of 2020.", "Ethiopia"),
           with_countries("k", "Azerbaijan recalled the 2020 Artsakh War.", "Azerbaijan"),
           with_countries("t", "Azerbaijan recalled the 2020 Tigray War.", "Azerbaijan"))
    together = [set(e.articles) for e in timeline(store)]
    assert not any({"a", "e"} <= g or {"k", "t"} <= g for g in together)


def test_a_lone_reference_is_no_timeline_entry(store):
    ingest(store, with_countries("a", "Azerbaijan has held the region since the war of 2020.", "Azerbaijan"))
    assert timeline(store) == []


def test_a_loose_reference_joins_only_the_nearest_mention_of_its_article(store):
    from test_link_builders import event
    text = ("Azerbaijan launched attacks on Armenia on September 13, 2022. Following the attacks, troops dug in. "
            "Separately, attacks on farmers in Artsakh by Azerbaijan are ongoing.")
    rec = with_countries("f", text, "Azerbaijan", "Armenia")
    rec.events = [event(text, "attacks", "ASSAULT", ["AZE"], ["ARM"], date="2022-09-13"),
                  event(text, "attacks", "ASSAULT", ["AZE"], ["org:artsakh-farmers"], nth=2)]
    ingest(store, rec)
    groups = [sorted((m.article, m.event) for m in e.mentions) + [r["index"] for r in e.references]
              for e in timeline(store)]
    assert [("f", 0), -1] in groups


def test_the_event_noun_opening_a_sentence_refers_back():
    text = "Azerbaijan launched an offensive on Tuesday. The offensive occurred as talks went on."
    rec = with_countries("o", text, "Azerbaijan")
    from test_link_builders import event
    rec.events = [event(text, "offensive", "ASSAULT", ["AZE"])]
    (ref,) = find_references(rec, load_lexicon())
    assert ref["loose"] and ref["start"] == text.index("offensive occurred")


def test_a_closed_named_road_is_the_blockade_named_by_that_road(store):
    ingest(store, article("c1", "Aid stalled because the Lachin corridor had been closed for months."),
           article("c2", "The MPs condemned the blockade of the Lachin Corridor."))
    (entry,) = timeline(store)
    assert entry.articles == ["c1", "c2"] and entry.type == "COERCE"
    assert "Lachin Corridor" in " ".join(entry.links[0]["why"])


def test_the_blockades_of_two_roads_stay_apart(store):
    ingest(store, article("g1", "Aid stalled because the Goris road had been closed for months."),
           article("g2", "The MPs condemned the blockade of the Lachin Corridor."))
    assert timeline(store) == []   # two lone references, no entry


def test_a_possessive_names_the_attack_its_article_reports_but_a_title_does_not():
    text = "Azerbaijan's advance erupted into bloodshed. An analyst spoke on the Crisis Group's War & Peace podcast."
    found = [(r["noun"], r["loose"]) for r in find_references(article("p", text), load_lexicon())]
    assert found == [("advance", True)]


def test_the_launch_of_an_operation_names_the_attack_its_article_reports():
    text = "Baku launched an offensive. Paris condemned the launch by Azerbaijan of a military operation."
    found = [(r["noun"], r["loose"]) for r in find_references(article("l", text), load_lexicon())]
    assert found == [("operation", True)]


def test_one_road_closed_in_articles_years_apart_is_two_closures(store):
    ingest(store, article("y1", "Aid stalled because the Rafah crossing had been closed for weeks.", published="2019-05-01"),
           article("y2", "Aid stalled because the Rafah crossing had been closed for weeks.", published="2024-05-01"))
    assert timeline(store) == []


def test_each_reference_keeps_its_own_date_and_how_long_it_lasted(store):
    t1 = "The exodus followed a nine-month blockade. MPs condemned the blockade of the Lachin Corridor."
    t2 = "Aid stalled because the Lachin corridor had been closed for months."
    ingest(store, article("d1", t1, timexes=[timex(t1, "nine-month", "P9M", "DURATION")]),
           article("d2", t2, timexes=[timex(t2, "months", "PXM", "DURATION")]),
           with_countries("w1", "Azerbaijan has held the region since the war of 2020.", "Azerbaijan"),
           with_countries("w2", "Armenia lost land in the 2020 war with Azerbaijan.", "Armenia", "Azerbaijan"))
    said = {(r["article"], r["date"], r["duration"]) for e in timeline(store) for r in e.references}
    assert {("d1", None, "P9M"), ("d2", None, "PXM"), ("w1", "2020", None), ("w2", "2020", None)} <= said
