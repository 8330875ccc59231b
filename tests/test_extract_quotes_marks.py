"""Pairing quotation marks from the characters alone (no model needed)."""
from __future__ import annotations

import pytest

from newsgraph.extract.quotes.marks import find_quoted, looks_like_title, quoted_share


def inside(text, depth=0):
    return [text[q.start:q.end] for q in find_quoted(text) if q.depth == depth]


@pytest.mark.parametrize("text,expected", [
    ("“Stop,” he said, “now.”", ["Stop,", "now."]),
    ('"Stop," he said.', ["Stop,"]),
    ("‘Stop,’ he said.", ["Stop,"]),
    ("'Stop,' he said.", ["Stop,"]),
    ("« Arrêtez », dit-il.", ["Arrêtez"]),
    ("„Halt“, sagte er.", ["Halt"]),
    ("‹Stop›, he said.", ["Stop"]),
    ("''Stop,'' he said.", ["Stop,"]),
    ("”Stop,” he said.", ["Stop,"]),
])
def test_every_style_pairs(text, expected):
    assert inside(text) == expected


def test_apostrophes_and_measures_are_not_marks():
    assert find_quoted("Azerbaijan’s army, the Armenians’ homes, don't, the ’90s, a 5' wall, a 12\" screen.") == []


def test_nested_quote_is_deeper():
    text = "“Is this the narrative saying ‘the issue is solved’?”"
    assert inside(text) == ["Is this the narrative saying ‘the issue is solved’?"]
    assert inside(text, depth=1) == ["the issue is solved"]


def test_straight_and_curly_marks_nest():
    assert inside('"He called it “a show” today," she said.') == ["He called it “a show” today,"]


def test_lost_opening_mark_is_recovered_from_the_paragraph_start():
    text = "Intro.\nThere is no army here,” he said. “My view is clear.”"
    (first, second) = find_quoted(text)
    assert first.recovered and text[first.start:first.end] == "There is no army here,"
    assert not second.recovered


def test_run_on_paragraphs_share_a_chain():
    text = "“First paragraph.\n\n“Second paragraph,” she said.\n\nAfter."
    first, second = find_quoted(text)
    assert first.close == -1 and second.close > 0
    assert first.chain == second.chain >= 0


def test_unclosed_mark_inside_a_paragraph_is_dropped():
    assert find_quoted("He called it “a show and left.\n\nNext paragraph.") == []


def test_lone_straight_mark_at_a_line_start_is_junk():
    assert find_quoted('" READ ALSO In Goris, aid is organized') == []


def test_quoted_share():
    assert quoted_share('that “there were issues”') == pytest.approx(len("therewereissues") / len("thattherewereissues"))
    assert quoted_share("no marks at all") == 0.0
    assert quoted_share("") == 0.0
    assert quoted_share("the nation has become “more interested") == pytest.approx(14 / 32)


@pytest.mark.parametrize("text,title", [
    ("All Bets Are Off", True), ("Keepin' It Real", True), ("The Wall Street Journal", True),
    ("Sell 2000 years of Armenian civilization", False), ("betrayal", False), ("Azeri gas", False),
    ("U-S-A! U-S-A!", False), ("We will win", False),
])
def test_titles_are_told_from_speech(text, title):
    assert looks_like_title(text) is title
