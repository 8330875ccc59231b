"""One person id across articles, whatever the transliteration."""
from __future__ import annotations

import pytest
from test_link_builders import article, claim, event, person

from newsgraph.link import harmonise_actors, update_links
from newsgraph.link import timeline
from newsgraph.link.actors import PersonKey, same_person, spelling_key
from newsgraph.records import Quote, Span, Speaker
from newsgraph.store import Store

T_STORED = "Emmanuel Macron called Armenian Prime Minister Nikol Pashinyan on Tuesday."
T_NEW = ('Macron also spoke with Nikol Pashinian. "Three civilians were killed," Pashinian said, '
         "and three civilians died, according to Pashinian.")


def stored_article():
    return article("old", T_STORED, actors=[
        person(T_STORED, "person:emmanuel-macron", "Emmanuel Macron", "FRA"),
        person(T_STORED, "person:nikol-pashinyan", "Nikol Pashinyan", "ARM")],
        events=[event(T_STORED, "called", "CONSULT", ["person:emmanuel-macron"], ["person:nikol-pashinyan"])])


def new_article():
    text = T_NEW
    rec = article("new", text, actors=[
        person(text, "person:emmanuel-macron", "Emmanuel Macron", "FRA", surfaces=("Macron",)),
        person(text, "person:nikol-pashinian", "Nikol Pashinian", "ARM", surfaces=("Nikol Pashinian", "Pashinian"))],
        events=[event(text, "spoke", "CONSULT", ["person:emmanuel-macron"], ["person:nikol-pashinian"])],
        claims=[claim(text, "three civilians", "dead", 3, about="civilians", by="Pashinian",
                      by_actor="person:nikol-pashinian", nth=0)])
    content = text.index("Three")
    said = text.index("Pashinian said")
    rec.quotes = [Quote("direct", Span.of(text, content, content + len("Three civilians were killed,")),
                        Speaker(said, said + 9, "Pashinian", actor="person:nikol-pashinian"))]
    return rec


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "a.db") as s:
        s.save(stored_article())
        yield s


def test_spelling_keys_fold_transliterations():
    assert spelling_key("pashinian") == spelling_key("pashinyan")
    assert spelling_key("aliev") == spelling_key("aliyev")
    assert spelling_key("zelensky") == spelling_key("zelenskyy")
    assert PersonKey.of("Prime Minister Nikol Pashinian").full == PersonKey.of("Nikol Pashinyan").full


def test_different_first_names_are_different_people():
    assert same_person(PersonKey.of("Anna Pashinyan"), PersonKey.of("Nikol Pashinyan"), True) is None
    assert same_person(PersonKey.of("N. Pashinian"), PersonKey.of("Nikol Pashinyan"), False) is not None


def test_pashinian_becomes_the_stored_pashinyan_everywhere(store):
    rec = harmonise_actors(new_article(), store)
    ids = [a.id for a in rec.actors]
    assert "person:nikol-pashinyan" in ids and "person:nikol-pashinian" not in ids
    assert rec.events[0].target[0].actor == "person:nikol-pashinyan"
    assert rec.quotes[0].speaker.actor == "person:nikol-pashinyan"
    assert rec.claims[0].attributed_to.actor == "person:nikol-pashinyan"
    alias = store.conn.execute("SELECT actor_id, name, article_id FROM link_actor_aliases "
                               "WHERE alias_id = 'person:nikol-pashinian'").fetchone()
    assert tuple(alias) == ("person:nikol-pashinyan", "Nikol Pashinian", "new")


def test_surname_alone_maps_to_the_single_stored_candidate(store):
    text = "Pashinian said the talks would resume."
    rec = article("solo", text, actors=[person(text, "person:pashinian", "Pashinian", "ARM")])
    assert [a.id for a in harmonise_actors(rec, store).actors] == ["person:nikol-pashinyan"]


def test_other_country_or_first_name_is_left_alone(store):
    text = "Anna Pashinyan and Nikol Pashinian spoke."
    rec = article("other", text, actors=[person(text, "person:anna-pashinyan", "Anna Pashinyan", "ARM"),
                                         person(text, "person:nikol-pashinian", "Nikol Pashinian", "USA")])
    assert [a.id for a in harmonise_actors(rec, store).actors] == ["person:anna-pashinyan", "person:nikol-pashinian"]


def test_one_id_across_articles_puts_both_calls_in_one_cluster(store):
    update_links(store, ["old"], infer_dates=False)
    rec = harmonise_actors(new_article(), store)
    store.save(rec)
    update_links(store, ["new"], infer_dates=False)
    calls = [e for e in timeline(store) if e.type == "CONSULT"]
    assert len(calls) == 1 and calls[0].articles == ["new", "old"]
    assert set(calls[0].target) | set(calls[0].source) == {"person:emmanuel-macron", "person:nikol-pashinyan"}


def test_update_links_harmonises_records_saved_without_it(store):
    store.save(new_article())
    report = update_links(store, ["new"], infer_dates=False)
    assert report.renamed == 1
    assert "person:nikol-pashinyan" in [a.id for a in store.get("new").actors]
