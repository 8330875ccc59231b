"""The newsgraph_claims component on its own: figures, measures, qualifiers, sources."""
from __future__ import annotations

import time

import pytest

from newsgraph.pipeline.nlp import build_nlp, make_doc

SEPARATISTS = ("The fighting left at least 27 dead, including two civilians, and more than 200 injured in this "
               "region where some 7,000 inhabitants of 16 towns were evacuated, according to the separatists.")


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(["newsgraph_claims"])


def claims(nlp, text):
    doc = nlp(make_doc(nlp, text, "t"))
    for c in doc._.ng_claims:
        assert text[c.span.start:c.span.end] == c.span.text
    return doc._.ng_claims


def brief(nlp, text):
    """(measure, value, value_max, qualifier, about, source text) of each claim."""
    return [(c.measure, c.value, c.value_max, c.qualifier, c.about,
             c.attributed_to.text if c.attributed_to else None) for c in claims(nlp, text)]


def test_separatists_toll_sentence(nlp):
    assert brief(nlp, SEPARATISTS) == [
        ("dead", 27, None, "at_least", None, "the separatists"),
        ("dead", 2, None, "exact", "civilians", "the separatists"),
        ("injured", 200, None, "at_least", None, "the separatists"),
        ("displaced", 7000, None, "about", "inhabitants of 16 towns", "the separatists"),
    ]
    assert [c.span.text for c in claims(nlp, SEPARATISTS)] == [
        "at least 27 dead", "two civilians", "more than 200 injured", "some 7,000 inhabitants"]


def test_police_and_organisers_in_one_sentence(nlp):
    text = ('In Marseille, more than a thousand people according to the police and "nearly 5,000" '
            "according to the organizers gathered at the Old Port.")
    assert brief(nlp, text) == [
        ("participants", 1000, None, "at_least", "people", "the police"),
        ("participants", 5000, None, "about", "people", "the organizers"),
    ]
    assert [c.span.text for c in claims(nlp, text)] == ["more than a thousand people", "nearly 5,000"]


def test_ranges_and_elliptical_second_figure(nlp):
    text = "About 80 people participated in Clermont-Ferrand and between 100 and 150 in Châteauroux, according to the organizers."
    assert brief(nlp, text) == [
        ("participants", 80, None, "about", "people", "the organizers"),
        ("participants", 100, 150, "range", "people", "the organizers"),
    ]
    assert [(c.value, c.value_max) for c in claims(nlp, "Police said 100-150 protesters were arrested.")] == [(100, 150)]
    assert [(c.value, c.value_max, c.qualifier) for c in claims(nlp, "The death toll rose from 10 to 30 on Friday.")] \
        == [(30, None, "exact")]


def test_a_pronoun_estimate_continues_the_previous_count(nlp):
    text = ("Some 10,000 people were present in Brussels, according to the organisers. Police in the Belgian "
            "capital put them at more than 3,000, adding that this is an estimate made at the beginning of the rally.")
    assert brief(nlp, text) == [
        ("participants", 10000, None, "about", "people", "the organisers"),
        ("participants", 3000, None, "at_least", "people", "Police"),
    ]


@pytest.mark.parametrize("text, expected", [
    ("Tens of thousands of students demonstrated in Jakarta.", ("participants", 20000, "at_least")),
    ("Dozens of people were killed in the blast.", ("dead", 24, "at_least")),
    ("A thousand refugees arrived overnight.", ("displaced", 1000, "exact")),
    ("Two civilians had died, Azerbaijan reported.", ("dead", 2, "exact")),
    ("Up to 100 ethnic Albanians demonstrated on Tuesday.", ("participants", 100, "at_most")),
    ("Fewer than 50 people attended the rally.", ("participants", 50, "at_most")),
    ("Over 100,000 people fled to Armenia.", ("displaced", 100000, "at_least")),
    ("An estimated 3,000 people marched through the city.", ("participants", 3000, "about")),
    ("As few as 20 Armenians remain in the region.", ("other", 20, "at_most")),
    ("Police arrested 100 or more protesters.", ("detained", 100, "at_least")),
    ("Soldiers arrested more than 100 Palestinians on Saturday.", ("detained", 100, "at_least")),
    ("The resolution was adopted with 295 votes.", ("votes", 295, "exact")),
    ("Twelve people are missing after the storm.", ("missing", 12, "exact")),
    ("The attack has claimed at least 29 lives.", ("dead", 29, "at_least")),
    ("On November 12, a civilian was injured in the shooting.", ("injured", 1, "exact")),
    ("The death toll rose to 30, officials said.", ("dead", 30, "exact")),
])
def test_measures_qualifiers_and_written_numbers(nlp, text, expected):
    found = [(c.measure, c.value, c.qualifier) for c in claims(nlp, text)]
    assert found[:1] == [expected]


@pytest.mark.parametrize("text", [
    "The war ended in 2020 and talks resumed on September 19, 2023.",
    "The Senate voted on November 15.",
    "Annabelle Jallud, 38, president of the Armenian House of Culture, spoke.",
    '"Sell 2000 years of Armenian civilization," read a sign held up by one protester.',
    "The offensive began three years after the previous war.",
    "Support rose to 20% of voters, and the fund reached $5 million.",
    "Article 14 of the Rome Statute applies.",
    "About fifty buses made the trip; 16 towns were evacuated.",
    "Two men spent months lobbing insults at each other.",
    "Eight of 10 voters say they will watch.",
    "The storm could displace 1 million people.",
])
def test_not_claims(nlp, text):
    assert claims(nlp, text) == []


def test_figures_inside_the_source_are_not_claims(nlp):
    text = "According to two officials, the meeting may take place Thursday, and 40 people were arrested."
    assert brief(nlp, text) == [("detained", 40, None, "exact", "people", "two officials")]


def test_attribution_by_reporting_verb_not_by_the_event(nlp):
    assert brief(nlp, "Azerbaijan reported that two civilians had died in areas under its control.")[0][-1] == "Azerbaijan"
    assert brief(nlp, "The attack has claimed at least 29 lives.")[0][-1] is None
    assert brief(nlp, "Three people were killed, the military said.")[0][-1] == "the military"


def test_span_group_for_spacy_users(nlp):
    doc = nlp(make_doc(nlp, SEPARATISTS, "t"))
    assert [s.label_ for s in doc.spans["ng_claims"]] == ["dead", "dead", "injured", "displaced"]
    assert doc.spans["ng_claims"][0].text == "at least 27 dead"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\u200b\ufeff 🙂 ¤¤¤ 1,2,3 ---", "12345678901234567890 people"])
def test_odd_input_never_crashes(nlp, text):
    doc = nlp(make_doc(nlp, text, "odd"))
    assert isinstance(doc._.ng_claims, list)


def test_long_document_is_fast(nlp):
    text = "\n".join(f"Police arrested {i % 90 + 10} people in town {i}." for i in range(2000))
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline[:-1]:
        doc = proc(doc)
    start = time.perf_counter()
    found = nlp.get_pipe("newsgraph_claims")(doc)._.ng_claims
    assert len(found) == 2000 and all(c.measure == "detained" for c in found)
    assert time.perf_counter() - start < 20   # linear: a few seconds on a slow machine
