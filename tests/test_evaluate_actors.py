"""The actor scorer, on hand-made actors (no pipeline)."""
from __future__ import annotations

import pytest

from newsgraph.evaluate.actors import format_actor_scores, score_actors

TEXT = "Baku denounced Paris. Pashinian met Pashinyan in Yerevan."


def actor(id_, country, sector, *spans):
    return {"id": id_, "country": country, "sector": sector, "mentions": [list(s) for s in spans]}


ROW = {"id": "r1", "part": "tuning", "text": TEXT, "actors": [
    {"text": "Baku", "country": "AZE", "sector": "GOV", "id": "AZE"},
    {"text": "Paris", "country": "FRA", "sector": "GOV"},
    {"text": "Yerevan", "actor": False},
    {"text": "Pashinyan", "country": "ARM"},
], "same": [["Pashinian", "Pashinyan"]]}


def test_country_sector_id_and_places_are_counted_separately():
    system = [actor("AZE", "AZE", None, (0, 4)), actor("FRA", "FRA", "GOV", (15, 20)),
              actor("person:a", "ARM", "GOV", (22, 31)), actor("person:b", "ARM", "GOV", (36, 45))]
    scores = score_actors([ROW], [system])["all"]
    assert scores["found"] == [3, 3] and scores["country"] == [3, 3]
    assert scores["sector"] == [1, 2] and scores["id"] == [1, 1]
    assert scores["not_actor"] == [1, 1]
    assert scores["same"] == [0, 1]   # two ids for one person


def test_a_place_taken_for_an_actor_and_a_missed_phrase_are_wrong():
    system = [actor("ARM", "ARM", "GOV", (49, 56))]
    scores = score_actors([ROW], [system])["all"]
    assert scores["not_actor"] == [0, 1] and scores["found"] == [0, 3] and scores["country"] == [0, 3]


def test_held_out_rows_give_totals_but_no_details():
    held = dict(ROW, id="r2", part="held-out")
    scores = score_actors([ROW, held], [[], []])
    assert scores["parts"]["held-out"]["country"] == [0, 3]
    assert {row for row, _what in scores["details"]} == {"r1"}
    assert "held-out" in format_actor_scores(scores, details=True)


def test_a_gold_phrase_missing_from_the_text_is_an_error():
    bad = dict(ROW, actors=[{"text": "Ankara", "country": "TUR"}])
    with pytest.raises(ValueError, match="Ankara"):
        score_actors([bad], [[]])


def test_cli_names_a_missing_gold_file(tmp_path):
    from typer.testing import CliRunner

    from newsgraph.cli.main import app

    result = CliRunner().invoke(app, ["eval", "actors", str(tmp_path / "none.jsonl")])
    assert result.exit_code != 0 and "none.jsonl" in result.output
