"""The quote scorer: matching rule, speaker accuracy, the direct view, the CLI text."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.quotes import evaluate_quotes, format_quote_scores, score_quotes
from newsgraph.records import Quote, Span, Speaker

TEXT = "“We will win,” the mayor said. Officials said the talks failed. He called it “a plain disgrace”."
DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "polnear_dev.jsonl"


def at(text, words):
    start = text.index(words)
    return [start, start + len(words)]


def gold(attributions, text=TEXT):
    return {"id": "a", "text": text, "gold": {"attributions": attributions}}


def attribution(content, source, direct):
    return {"content": [at(TEXT, c) for c in content], "source": [at(TEXT, s) for s in source],
            "cue": [], "direct": direct}


GOLD = gold([
    attribution(["“We will win,”"], ["the mayor"], True),
    attribution(["the talks failed"], ["Officials"], False),
])


def quote(kind, content, speaker=None):
    span = Span.of(TEXT, *at(TEXT, content))
    spk = Speaker(*at(TEXT, speaker), speaker) if speaker else None
    return Quote(kind, span, spk, None)


def test_perfect_output_scores_one():
    pred = [[quote("direct", "We will win", "the mayor"), quote("indirect", "the talks failed", "Officials")]]
    scores = score_quotes([GOLD], pred)
    for view in ("direct", "all"):
        assert scores[view]["content"]["f1"] == 1.0
        assert scores[view]["end_to_end"]["f1"] == 1.0
        assert scores[view]["speaker_accuracy"] == 1.0


def test_quotation_marks_and_punctuation_do_not_matter_but_words_do():
    near = score_quotes([GOLD], [[quote("direct", "We will", "the mayor")]])   # 6 of 9 letters
    assert near["direct"]["matched"] == 1
    far = score_quotes([GOLD], [[quote("direct", "We", "the mayor")]])          # 2 of 9 letters
    assert far["direct"]["matched"] == 0
    assert far["direct"]["content"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_wrong_speaker_counts_for_content_not_end_to_end():
    scores = score_quotes([GOLD], [[quote("direct", "We will win", "Officials")]])
    assert scores["direct"]["content"]["f1"] == 1.0
    assert scores["direct"]["speaker_accuracy"] == 0.0
    assert scores["direct"]["end_to_end"]["f1"] == 0.0


def test_matching_is_one_to_one():
    pred = [[quote("direct", "We will win", "the mayor"), quote("direct", "We will win", "the mayor")]]
    scores = score_quotes([GOLD], pred)["direct"]
    assert (scores["matched"], scores["system"]) == (1, 2)
    assert scores["content"]["precision"] == 0.5 and scores["content"]["recall"] == 1.0


def test_parts_are_compared_as_a_whole():
    text = "“The offensive must stop,” wrote X, “and talks on the rights of residents must resume.”"
    g = gold([{"content": [at(text, "“The offensive must stop,”"),
                           at(text, "“and talks on the rights of residents must resume.”")],
               "source": [at(text, "X")], "cue": [], "direct": True}], text)
    first = Span.of(text, *at(text, "The offensive must stop"))
    second = Span.of(text, *at(text, "and talks on the rights of residents must resume."))
    only_first = score_quotes([g], [[{"kind": "direct", "content": first.to_dict(), "speaker": None}]])
    both = score_quotes([g], [[{"kind": "direct", "content": first.to_dict(), "speaker": None,
                                "parts": [first.to_dict(), second.to_dict()]}]])
    assert only_first["direct"]["matched"] == 0
    assert both["direct"]["matched"] == 1


def test_direct_view_takes_mixed_quotes_only_when_mostly_quoted():
    text = "He called the tax plan of the government “a disgrace”. She said it was “a betrayal of all we stood for”."
    g = gold([], text)
    light = Quote("mixed", Span.of(text, *at(text, "the tax plan of the government “a disgrace”")), None, None)
    heavy = Quote("mixed", Span.of(text, *at(text, "it was “a betrayal of all we stood for”")),
                  None, None)
    scores = score_quotes([g], [[light, heavy]])
    assert scores["direct"]["system"] == 1 and scores["all"]["system"] == 2


def test_gold_without_source_wants_a_null_speaker():
    g = gold([attribution(["the talks failed"], [], False)])
    assert score_quotes([g], [[quote("indirect", "the talks failed")]])["all"]["speaker_accuracy"] == 1.0
    assert score_quotes([g], [[quote("indirect", "the talks failed", "Officials")]])["all"]["speaker_accuracy"] == 0.0


def test_lengths_must_agree():
    with pytest.raises(ValueError):
        score_quotes([GOLD], [])


def test_format_has_one_line_per_measure():
    lines = format_quote_scores(score_quotes([GOLD], [[quote("direct", "We will win", "the mayor")]])).splitlines()
    assert any(line.strip().startswith("direct content") for line in lines)
    assert any(line.strip().startswith("direct end-to-end") for line in lines)
    assert any(line.strip().startswith("all    speaker") for line in lines)


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.pipeline.nlp import build_nlp
    return build_nlp(["newsgraph_quotes"])


def test_evaluate_quotes_runs_the_pipeline(tmp_path, nlp):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    scores = evaluate_quotes(path, nlp)
    assert scores["documents"] == 1
    assert scores["direct"]["end_to_end"]["f1"] == 1.0
    assert scores["all"]["gold"] == 2


def test_dev_sample_stays_above_its_floor(nlp):
    """Twenty dev articles: guards against regressions (full-file figures are in the report)."""
    if not DEV.exists():
        pytest.skip(f"{DEV} is absent (the dev gold ships only with the project's workspace)")
    from newsgraph.evaluate.quotes import load_gold
    from newsgraph.pipeline.nlp import make_doc

    sample = load_gold(DEV)[::4][:21]
    preds = [nlp(make_doc(nlp, d["text"])) for d in sample]
    scores = score_quotes(sample, preds)
    assert scores["direct"]["content"]["f1"] >= 0.80
    assert scores["direct"]["end_to_end"]["f1"] >= 0.72
    assert scores["all"]["end_to_end"]["f1"] >= 0.50


def test_eval_command_shows_progress_on_stderr_and_scores_on_stdout(tmp_path):
    import subprocess
    import sys
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    shown = subprocess.run([sys.executable, "-m", "newsgraph", "eval", "quotes", str(path)],
                           capture_output=True, text=True, timeout=300)
    assert shown.returncode == 0, shown.stderr
    assert "eval quotes" in shown.stderr and "1/1" in shown.stderr
    assert shown.stdout.startswith("quotes: 1 articles")
    quiet = subprocess.run([sys.executable, "-m", "newsgraph", "eval", "quotes", "--quiet", str(path)],
                           capture_output=True, text=True, timeout=300)
    assert quiet.stderr == "" and quiet.stdout == shown.stdout
