"""Claims inside the full pipeline: the event a figure belongs to, the actor who gave it."""
from __future__ import annotations

import pytest

TEXT = ("Azerbaijan launched a military offensive in Nagorno-Karabakh on Tuesday.\n\n"
        "The fighting left at least 27 dead, including two civilians, and more than 200 injured, "
        "according to the separatists. Azerbaijan reported that two civilians had died in areas under its control.\n\n"
        "Thousands of people demonstrated in Brussels on Sunday. Police said 40 protesters were arrested.")


@pytest.fixture(scope="module")
def record(extractor):
    return extractor.extract_text(TEXT, "claims-demo", published="2023-09-20")


def by_span(record, text):
    return next(c for c in record.claims if c.span.text == text)


def test_claims_are_found_with_their_spans(record):
    assert [(c.measure, c.value, c.span.text) for c in record.claims] == [
        ("dead", 27, "at least 27 dead"), ("dead", 2, "two civilians"), ("injured", 200, "more than 200 injured"),
        ("dead", 2, "two civilians"), ("participants", 2000, "Thousands of people"), ("detained", 40, "40 protesters")]
    for c in record.claims:
        assert record.text[c.span.start:c.span.end] == c.span.text


def test_each_figure_points_at_a_fitting_event_of_its_sentence(record):
    for claim in record.claims:
        if claim.event is None:
            continue
        event = record.events[claim.event]
        assert event.sentence[0] <= claim.span.start < event.sentence[1]
        fitting = {"dead": {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}, "injured": {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"},
                   "participants": {"PROTEST", "MOBILIZE"}, "detained": {"COERCE", "ASSAULT", "SANCTION"}}[claim.measure]
        assert event.type in fitting
    crowd = by_span(record, "Thousands of people")
    assert crowd.event is not None and record.events[crowd.event].type == "PROTEST"


def test_sources_resolve_to_actors_when_they_can(record):
    first, second = [c for c in record.claims if c.span.text == "two civilians"]
    assert first.attributed_to.text == "the separatists"
    assert second.attributed_to.text == "Azerbaijan" and second.attributed_to.actor == "AZE"
    assert by_span(record, "40 protesters").attributed_to.text == "Police"
