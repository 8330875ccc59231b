"""The seed-article quote scorer: snippet gold, recall, precision, parts and speaker ids."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newsgraph.evaluate.quote_seeds import evaluate_seed_quotes, format_seed_scores, score_seed_quotes
from newsgraph.extract.quotes.continuations import QuoteWithParts
from newsgraph.records import Span, Speaker

from conftest import shared_path

GOLD_FILE = Path(__file__).parent / "fixtures" / "quote_seed_gold.yaml"
TEXT = ("Demonstrators marched on Sunday.\n\n“We will not be silent,” said Ann Lee. “The world must act.”\n\n"
        "Police said 300 people came.")
GOLD = {"quotes": [{"article": "001", "content": "We will not be silent", "also": ["The world must act"],
                    "speaker": ["person:ann-lee"]},
                   {"article": "001", "content": "300 people came", "speaker": [], "speaker_text": ["Police"]}],
        "optional": [{"article": "001", "content": "Demonstrators marched on Sunday"}]}


def quote(words, speaker=None, actor=None, more=()):
    parts = [Span.of(TEXT, TEXT.index(w), TEXT.index(w) + len(w)) for w in (words, *more)]
    spk = Speaker(TEXT.index(speaker), TEXT.index(speaker) + len(speaker), speaker, actor) if speaker else None
    return QuoteWithParts("direct", parts[0], spk, None, parts)


def test_perfect_output_scores_one():
    found = [quote("We will not be silent", "Ann Lee", "person:ann-lee", ["The world must act."]),
             quote("300 people came", "Police")]
    scores = score_seed_quotes(GOLD, {"001": TEXT}, {"001": found})
    assert (scores["recall"], scores["precision"], scores["speaker_accuracy"], scores["parts"]) == (1, 1, 1, 1)


def test_lost_second_part_wrong_actor_and_false_quote_are_counted():
    found = [quote("We will not be silent", "Ann Lee", "person:someone-else"), quote("The world must act."),
             quote("300 people came", "Police"), quote("Police said"), quote("Demonstrators marched")]
    scores = score_seed_quotes(GOLD, {"001": TEXT}, {"001": found})
    assert scores["parts"] == 0.0                      # the second fragment is a quote of its own
    assert scores["speaker_accuracy"] == 0.5           # Police right by its words, Ann Lee's actor wrong
    assert (scores["system"], scores["correct"]) == (4, 3)   # the optional line is not counted
    assert scores["false"] == ["001: Police said"]
    assert "person:someone-else" in scores["wrong_speaker"][0]


def test_snippet_missing_from_its_article_is_an_error():
    bad = {"quotes": [{"article": "001", "content": "never written", "speaker": []}]}
    with pytest.raises(ValueError, match="never written"):
        score_seed_quotes(bad, {"001": TEXT}, {"001": []})


def test_seed_articles_meet_the_targets():
    seeds = shared_path("seeds")
    scores = evaluate_seed_quotes(GOLD_FILE, seeds)
    assert scores["gold"] == len(yaml.safe_load(GOLD_FILE.read_text(encoding="utf-8"))["quotes"])
    assert min(scores["recall"], scores["precision"], scores["speaker_accuracy"]) >= 0.85, \
        format_seed_scores(scores)


def test_cli_scores_a_folder_of_seed_articles(tmp_path):
    (tmp_path / "001_rally.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "newsgraph", "eval", "quotes", str(gold), "--seeds", str(tmp_path)],
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    assert "recall 1.000 (2/2)" in done.stdout.decode()


def test_cli_names_a_missing_seed_folder(tmp_path):
    gold = tmp_path / "gold.yaml"
    gold.write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "newsgraph", "eval", "quotes", str(gold), "--seeds",
                           str(tmp_path / "nowhere")], capture_output=True, timeout=300)
    assert done.returncode != 0 and "nowhere" in done.stderr.decode()
