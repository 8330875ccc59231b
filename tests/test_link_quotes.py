"""Quotes as reports of statements: the quote reporting a statement event, and quoted words across outlets."""
from __future__ import annotations

import pytest
from test_link_builders import article, event, find, person

from newsgraph.link import timeline, update_links
from newsgraph.records import Actor, Quote, Span, Speaker
from newsgraph.store import Store

A = ("The foreign ministry condemned the offensive. “France calls on Azerbaijan to cease its offensive. "
     "It will hold Azerbaijan responsible for the fate of the civilian populations,” the ministry said.")
B = ("“We hold Azerbaijan responsible for the fate of Armenians,” Foreign Minister Catherine Colonna said.\n"
     "She opposed the use of heavy weapons.")
C = "“We hold Azerbaijan responsible for the fate of the Azerbaijani people,” Ilham Aliyev said."


def quote(text: str, words: str, speaker: str, actor: str, cue: str = "said") -> Quote:
    start, who, said = find(text, words), find(text, speaker), find(text, cue)
    return Quote("direct", Span.of(text, start, start + len(words)),
                 Speaker(who, who + len(speaker), speaker, actor=actor), Span.of(text, said, said + len(cue)))


def ministry(text: str) -> Actor:
    actor = Actor(id="org:fra-foreign-ministry", name="French Foreign Ministry", kind="organisation", country="FRA")
    for phrase in ("foreign ministry", "the ministry"):
        if phrase in text:
            actor.add_mention(find(text, phrase), find(text, phrase) + len(phrase), phrase)
    return actor


def a_ministry():
    rec = article("qa", A, published="2023-09-19",
                  events=[event(A, "calls on", "REQUEST", ["FRA"], ["AZE"])],
                  actors=[ministry(A)])
    rec.quotes = [quote(A, A[A.index("“") + 1:A.index("”")], "the ministry", "org:fra-foreign-ministry")]
    return rec


def b_minister():
    rec = article("qb", B, published="2023-09-19",
                  events=[event(B, "opposed", "ACCUSE", ["person:catherine-colonna"])],
                  actors=[person(B, "person:catherine-colonna", "Catherine Colonna", "FRA")])
    rec.events[0].source[0].text = "She"
    rec.quotes = [quote(B, B[1:B.index("”")], "Catherine Colonna", "person:catherine-colonna")]
    return rec


def c_other_country():
    rec = article("qc", C, published="2023-09-19", events=[],
                  actors=[person(C, "person:ilham-aliyev", "Ilham Aliyev", "AZE")])
    rec.quotes = [quote(C, C[1:C.index("”")], "Ilham Aliyev", "person:ilham-aliyev")]
    return rec


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "q.db") as s:
        yield s


def ingest(store, *records):
    for rec in records:
        store.save(rec)
        update_links(store, [rec.id], infer_dates=False)


def test_a_statement_event_and_the_quote_reporting_it_are_one_entry(store):
    ingest(store, a_ministry())
    (entry,) = timeline(store)
    assert [q["speaker"] for q in entry.quotes] == ["org:fra-foreign-ministry"]
    assert any("in the quoted words" in " ".join(link["why"]) for link in entry.links)


def test_two_outlets_quoting_the_same_words_of_one_country_are_one_statement(store):
    ingest(store, a_ministry(), b_minister())
    (entry,) = timeline(store)
    assert entry.articles == ["qa", "qb"]
    assert {(m.article, m.trigger.text) for m in entry.mentions} == {("qa", "calls on"), ("qb", "opposed")}
    reasons = " ".join(w for link in entry.links for w in link["why"])
    assert "same quoted words: 'responsible for the fate'" in reasons and "pronoun" in reasons


def test_the_same_words_from_another_country_s_speaker_stay_apart(store):
    ingest(store, a_ministry(), c_other_country())
    (entry,) = timeline(store)   # Aliyev's quote alone is no entry
    assert entry.articles == ["qa"]


def test_quotes_alone_make_no_entry(store):
    ingest(store, c_other_country())
    assert timeline(store) == []
