"""An event takes only the dates the parse ties to it (``event_dates``)."""
from __future__ import annotations

import pytest

from newsgraph.pipeline.nlp import build_nlp, make_doc


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(["newsgraph_timex", "newsgraph_events"])


def dates(nlp, text, published="2023-10-02"):
    doc = nlp(make_doc(nlp, text, "d", published))
    return {e.trigger.text: e.date for e in doc._.ng_events}


def test_date_of_another_clause_is_not_the_event_date(nlp):
    found = dates(nlp, "Numerous rallies took place on Sunday (October 1st) in support of Armenians who fled "
                       "Nagorno-Karabakh, retaken by Azerbaijan after a lightning offensive.")
    assert found["rallies"] == "2023-10-01"
    assert found["retaken"] is None


def test_reference_points_date_nothing(nlp):
    found = dates(nlp, "Baku launched a military offensive on Tuesday, three years after the previous war in 2020.")
    assert found["military offensive"] == "2023-09-26"
    assert dates(nlp, "Since 1991, Armenia has accused Azerbaijan of aggression.")["accused"] is None


def test_direct_modifier_and_same_clause_dates(nlp):
    assert dates(nlp, "Tuesday's offensive killed 27 people.")["killed"] == "2023-09-26"
    assert dates(nlp, "On September 19, 2023, Azerbaijan launched a military assault on the region.") \
        == {"military assault": "2023-09-19"}


def test_reported_and_complement_clauses_share_the_date(nlp):
    said = dates(nlp, "The foreign ministry said on Tuesday that Azerbaijani troops had attacked Armenian villages.")
    assert said["attacked"] == "2023-09-26"
    # the date of an open complement dates the agreement too (its value is the timex stage's reading)
    agreed = dates(nlp, "Armenia agreed to recognise Azerbaijan's borders on Tuesday.")
    assert agreed["agreed"] is not None


def test_headline_without_a_verb_keeps_its_date(nlp):
    assert dates(nlp, "Azerbaijan offensive: Tuesday, 19 September 2023")["offensive"] == "2023-09-19"
