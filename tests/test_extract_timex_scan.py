"""The timex scan's gates only skip patterns that cannot match: gated and ungated scans agree."""
from __future__ import annotations

import json

import pytest

from newsgraph.extract.timex import patterns
from tests.conftest import shared_path

SAMPLES = ["In the late '90s and the 1980s, a 10-year-long war; the 21st century.",
           "On 3 March 2021 and the second quarter, fighting resumed in the first half of 2020.",
           "Nothing dated here at all."]


def _ungated(text: str) -> list[tuple]:
    found = []
    for order, (_kind, pattern, _gate) in enumerate(patterns.compiled()):
        found += [(order, m.span(), sorted((k, v) for k, v in m.groupdict().items() if v)) for m in pattern.finditer(text)]
    return found


def _gated(text: str) -> list[tuple]:
    return [(c.order, None, None) for c in patterns.scan(text)]


def test_gated_scan_finds_every_match_on_samples():
    for text in SAMPLES:
        assert [o for o, _, _ in _gated(text)] == [o for o, _, _ in _ungated(text)]


def test_gated_scan_finds_every_match_on_the_dev_set():
    path = shared_path("dev", "polnear_dev.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        assert [o for o, _, _ in _gated(text)] == [o for o, _, _ in _ungated(text)]


def test_every_gate_is_part_of_its_patterns_matches():
    gated = [(kind, pattern, gate) for kind, pattern, gate in patterns.compiled() if gate is not None]
    assert {kind for kind, _, _ in gated} >= {"decade", "century", "long"}
    for text in SAMPLES:
        for kind, pattern, gate in gated:
            for m in pattern.finditer(text):
                assert gate.search(m.group(0)), (kind, m.group(0))


@pytest.mark.parametrize("text", SAMPLES[:2])
def test_samples_hit_the_gated_patterns(text):
    kinds = {patterns.compiled()[c.order][0] for c in patterns.scan(text)}
    assert kinds & {"decade", "century", "long", "quarter", "dmy"}


def test_word_gates_skip_only_texts_without_their_words():
    text = "They met overnight, then the day before Christmas, every week and per year at noon."
    word_gated = {kind for kind, _, gate in patterns.compiled() if isinstance(gate, patterns.WordGate)}
    assert {"night", "holiday", "set", "time"} <= word_gated
    assert [o for o, _, _ in _gated(text)] == [o for o, _, _ in _ungated(text)]
    assert {patterns.compiled()[c.order][0] for c in patterns.scan(text)} >= {"night", "holiday", "set"}


def test_a_character_ignorecase_reads_as_ascii_turns_word_gates_off():
    # IGNORECASE matches the long s with "s": lower-casing alone would miss "Chriſtmas".
    text = "Shops close on Chriſtmas Eve."
    assert patterns.lowered_text(text) is None
    assert [o for o, _, _ in _gated(text)] == [o for o, _, _ in _ungated(text)]
    assert any(patterns.compiled()[c.order][0] == "holiday" for c in patterns.scan(text))


def _reference(text: str) -> list[tuple]:
    """Every pattern's matches as IGNORECASE finds them in the text as given."""
    found = []
    for order, (_kind, pattern, _gate) in enumerate(patterns.compiled()):
        for m in pattern.finditer(text):
            start, end = m.span("x") if "x" in pattern.groupindex and m.group("x") else m.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            groups = {k: v.lower() for k, v in m.groupdict().items() if v is not None}
            found.append((order, start, end, groups, {k: m.span(k) for k in groups}))
    return found


def _scanned(text: str) -> list[tuple]:
    return [(c.order, c.start, c.end, c.groups, c.spans) for c in patterns.scan(text)]


def test_scan_on_lower_cased_text_finds_what_ignorecase_finds():
    texts = SAMPLES + ["MONDAY, 3 MARCH 2021 AT 10:30 GMT; Q3 2020 — the Day Before; İstanbul, Sunday."]
    path = shared_path("dev", "polnear_dev.jsonl")
    texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    for text in texts:
        assert _scanned(text) == _reference(text)
