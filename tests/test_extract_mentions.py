"""Looking up which actor a stretch of text refers to."""
from __future__ import annotations

import spacy

from newsgraph.extract.mentions import actor_at, actors_in
from newsgraph.extract.extensions import register_extensions
from newsgraph.records import Actor


def make_doc(text, actors):
    register_extensions()
    doc = spacy.blank("en")(text)
    doc._.ng_actors = actors
    return doc


def test_covering_mention_wins_and_shared_spans_do_not_crash():
    text = "French President Emmanuel Macron spoke to the Senate."
    macron = Actor("person:emmanuel-macron", "Emmanuel Macron", "person", "FRA", "GOV", None, [[17, 32]])
    france = Actor("FRA", "France", "country", "FRA", None, None, [[0, 6]])
    senate_a = Actor("org:fra-senate", "French Senate", "organization", "FRA", "LEG", None, [[45, 51]])
    senate_b = Actor("org:senate", "Senate", "organization", None, "LEG", None, [[45, 51]])
    doc = make_doc(text, [macron, france, senate_a, senate_b])
    assert actor_at(doc, 0, 32) is macron          # overlaps the name most
    assert actor_at(doc, 0, 6) is france
    assert actor_at(doc, 45, 51) in (senate_a, senate_b)
    assert actor_at(doc, 33, 38) is None
    assert [m[2] for m in actors_in(doc, 0, 40)] == [france, macron]


def test_lookup_stays_correct_on_many_mentions():
    text = "Ann met Bob. " * 2000
    ann = Actor("person:ann", "Ann", "person", mentions=[[i * 12, i * 12 + 3] for i in range(2000)])
    bob = Actor("person:bob", "Bob", "person", mentions=[[i * 12 + 8, i * 12 + 11] for i in range(2000)])
    doc = make_doc(text, [ann, bob])
    assert actor_at(doc, 12 * 1500 + 8, 12 * 1500 + 11) is bob
    assert actor_at(doc, 12 * 1999, 12 * 1999 + 3) is ann
