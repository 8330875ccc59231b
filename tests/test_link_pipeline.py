"""Invented articles through the whole pipeline, the store and the link stage."""
from __future__ import annotations

import pytest

from newsgraph.link import harmonise_actors, update_links
from newsgraph.link import discrepancies
from newsgraph.link import timeline
from newsgraph.store import Store

A1 = ("Kremlin spokesman Dmitry Peskov said on Monday that Russia rejected the ceasefire proposal.\n\n"
      "In Lyon, more than 2,000 people according to the police and 8,000 according to the organisers "
      "marched against the war.")
A2 = "Dmitri Peskov, the Kremlin spokesman, told reporters that Moscow rejected the ceasefire proposal."


@pytest.fixture(scope="module")
def linked(extractor, tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("pipe") / "pipe.db")
    for aid, text in (("p1", A1), ("p2", A2)):
        record = extractor.extract_text(text, aid, published="2024-03-04")
        store.save(harmonise_actors(record, store))
        update_links(store, [aid], infer_dates=False)
    yield store
    store.close()


def test_two_spellings_of_one_spokesman_get_one_id(linked):
    first = {a.id for a in linked.get("p1").actors if a.kind == "person"}
    second = {a.id for a in linked.get("p2").actors if a.kind == "person"}
    assert len(first) == 1 and first == second
    assert linked.conn.execute("SELECT count(*) FROM link_actor_aliases").fetchone()[0] == 1


def test_police_and_organisers_figures_become_an_estimate_range(linked):
    (d,) = discrepancies(linked, measure="participants")
    assert d.kind == "estimate_range"
    assert sorted(r.value for r in d.reports) == [2000, 8000]


def test_timeline_lists_the_stored_events(linked):
    entries = timeline(linked)
    assert entries and all(e.mentions for e in entries)
    for e in entries:
        for m in e.mentions:
            text = linked.get(m.article).text
            assert text[m.trigger.start:m.trigger.end] == m.trigger.text


def _linked_store(extractor, path, articles):
    store = Store(path)
    for aid, text, published in articles:
        store.save(harmonise_actors(extractor.extract_text(text, aid, published=published), store))
        update_links(store, [aid], infer_dates=False)
    return store


def test_two_short_articles_on_different_strikes_give_no_discrepancy(extractor, tmp_path):
    store = _linked_store(extractor, tmp_path / "strikes.db", [
        ("s1", "A Russian missile strike on Kharkiv killed 12 people on Monday, regional officials said.",
         "2022-03-08"),
        ("s2", "A Russian missile strike on Odesa killed 20 people on Thursday, the governor said.", "2022-03-11")])
    assert discrepancies(store) == []
    store.close()


def test_two_short_articles_on_one_march_give_one_discrepancy(extractor, tmp_path):
    store = _linked_store(extractor, tmp_path / "march.db", [
        ("m1", "Thousands marched through Marseille on Thursday against the port reform. "
               "Police put the crowd at 8,000.", "2024-03-14"),
        ("m2", "Police counted some 9,500 marchers in Thursday's demonstration in Marseille against the "
               "port reform.", "2024-03-15")])
    (d,) = discrepancies(store, measure="participants")
    assert sorted(r.value for r in d.reports) == [8000, 9500]
    store.close()
