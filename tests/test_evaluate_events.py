"""The PLOVER event scorer: hand-made rows first, then the dev file when present."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.events import evaluate_events, format_event_scores, score_events
from newsgraph.records import Arg, Event, Span

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "dev" / "plover_dev.jsonl"


def row(kind, src=(), tgt=(), other=()):
    return {"gold": {"type": kind, "other_types": list(other),
                     "source": [{"text": c or "?", "country": c} for c in src],
                     "target": [{"text": c or "?", "country": c} for c in tgt]}}


def event(kind, src=(), tgt=()):
    return Event(type=kind, trigger=Span(0, 1, "x"), sentence=[0, 1],
                 source=[Arg(0, 1, "x", country=c) for c in src],
                 target=[Arg(0, 1, "x", country=c) for c in tgt])


def test_perfect_prediction():
    scores = score_events([row("ASSAULT", ["AZE"], ["ARM"])], [[event("ASSAULT", ["AZE"], ["ARM"])]])
    assert scores["type_recall"] == scores["type_precision"] == 1.0
    assert scores["source_country_accuracy"] == scores["target_country_accuracy"] == 1.0
    assert scores["events_per_sentence"] == 1.0


def test_other_types_count_for_precision_but_not_recall():
    scores = score_events([row("ASSAULT", other=["COERCE"])], [[event("COERCE")]])
    assert scores["type_precision"] == 1.0 and scores["type_recall"] == 0.0


def test_missing_event_counts_as_wrong_country():
    scores = score_events([row("REQUEST", ["FRA"], ["AZE"])], [[event("ACCUSE", ["FRA"], ["AZE"])]])
    assert scores["source_country_accuracy"] == 0.0 and scores["target_country_accuracy"] == 0.0
    assert scores["type_precision"] == 0.0


def test_best_matching_event_of_the_gold_type_decides_countries():
    preds = [[event("REQUEST", ["RUS"], []), event("REQUEST", ["FRA"], ["AZE"])]]
    scores = score_events([row("REQUEST", ["FRA"], ["AZE"])], preds)
    assert scores["source_country_accuracy"] == 1.0 and scores["target_country_accuracy"] == 1.0


def test_rows_without_gold_countries_are_not_counted():
    scores = score_events([row("PROTEST", [None], []), row("PROTEST", ["IRQ"], [])],
                          [[event("PROTEST")], [event("PROTEST", ["IRQ"])]])
    assert scores["source_rows"] == 1 and scores["target_rows"] == 0
    assert scores["source_country_accuracy"] == 1.0


def test_per_type_recall_and_event_rate():
    gold = [row("ASSAULT"), row("ASSAULT"), row("AGREE")]
    preds = [[event("ASSAULT"), event("ACCUSE")], [], [event("AGREE")]]
    scores = score_events(gold, preds)
    assert scores["per_type_recall"]["ASSAULT"] == {"recall": 0.5, "rows": 2}
    assert scores["per_type_recall"]["AGREE"] == {"recall": 1.0, "rows": 1}
    assert scores["events_per_sentence"] == 1.0
    assert scores["type_precision"] == pytest.approx(2 / 3)


def test_dict_events_are_accepted_and_lengths_must_match():
    scores = score_events([row("SANCTION", [], ["RUS"])], [[event("SANCTION", [], ["RUS"]).to_dict()]])
    assert scores["target_country_accuracy"] == 1.0
    with pytest.raises(ValueError):
        score_events([row("SANCTION")], [])


def test_report_names_every_figure():
    scores = score_events([row("ASSAULT", ["AZE"])], [[event("ASSAULT", ["AZE"])]])
    text = format_event_scores(scores)
    for words in ("type recall", "type precision", "events per sentence", "source country accuracy",
                  "target country accuracy", "ASSAULT"):
        assert words in text


def test_evaluate_runs_the_pipeline_with_the_row_date(tmp_path):
    from newsgraph.pipeline.nlp import build_nlp

    gold = tmp_path / "gold.jsonl"
    lines = [{"id": "a", "text": "Azerbaijan launched a military offensive on Tuesday.", "published": "2023-09-20",
              "gold": {"type": "ASSAULT", "source": [{"country": "AZE"}], "target": []}},
             {"id": "b", "text": "The weather in Paris was mild.", "published": "2023-09-20",
              "gold": {"type": "CONSULT", "source": [], "target": []}}]
    gold.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    scores = evaluate_events(gold, build_nlp(["newsgraph_timex", "newsgraph_events"]))
    assert scores["type_recall"] == 0.5 and scores["source_country_accuracy"] == 1.0
    assert scores["rows_detail"][0]["predicted"][0][:3] == ["ASSAULT", "military offensive", ["AZE"]]
    assert scores["rows_detail"][1]["predicted"] == []


def test_dev_file_figures():
    if not DEV.is_file():
        pytest.skip(f"{DEV} is absent (the dev gold ships only with the project's workspace)")
    from newsgraph.pipeline.nlp import build_nlp

    scores = evaluate_events(DEV, build_nlp(["newsgraph_events"]))
    assert scores["rows"] == 161
    assert scores["type_recall"] >= 0.85
    assert scores["type_precision"] >= 0.75
    assert scores["source_country_accuracy"] >= 0.70
    assert scores["target_country_accuracy"] >= 0.60
