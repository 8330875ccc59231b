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
