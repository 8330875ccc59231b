"""The ``link``, ``timeline`` and ``discrepancies`` commands."""
from __future__ import annotations

import json

import pytest
import typer
from test_link_builders import article, claim, event
from typer.testing import CliRunner

from newsgraph.cli.link_cmds import register
from newsgraph.store import Store

T1 = "On September 19, 2023, Azerbaijan launched an offensive. It killed 27 people, the separatists said."
T2 = "Azerbaijan launched an offensive on September 19, 2023. It killed 29 people."


@pytest.fixture(scope="module")
def app():
    app = typer.Typer()
    register(app)
    return app


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    with Store(path) as store:
        for aid, text, value, by in (("s1", T1, 27, "the separatists"), ("s2", T2, 29, None)):
            store.save(article(aid, text, published="2023-09-19", events=[
                event(text, "offensive", "ASSAULT", ["AZE"], date="2023-09-19")],
                claims=[claim(text, f"{value} people", "dead", value, about="people", by=by, event_idx=0)]))
    return path


def test_link_then_timeline_json(app, db):
    runner = CliRunner()
    linked = runner.invoke(app, ["link", "--db", str(db)])
    assert linked.exit_code == 0, linked.output
    out = runner.invoke(app, ["timeline", "--db", str(db), "--json", "--actor", "AZE"])
    entries = json.loads(out.stdout)
    assert len(entries) == 1
    entry = entries[0]
    assert {"id", "type", "date", "date_end", "location", "source", "target", "mentions", "articles"} <= set(entry)
    assert entry["articles"] == ["s1", "s2"] and entry["date"] == "2023-09-19"
    assert entry["mentions"][0] == {"article": "s1", "event": 0,
                                    "trigger": {"start": T1.index("offensive"), "end": T1.index("offensive") + 9,
                                                "text": "offensive"}}
    assert json.loads(runner.invoke(app, ["timeline", "--db", str(db), "--json", "--until", "2022"]).stdout) == []


def test_discrepancies_json_and_table(app, db):
    runner = CliRunner()
    runner.invoke(app, ["link", "--db", str(db)])
    found = json.loads(runner.invoke(app, ["discrepancies", "--db", str(db), "--json", "--measure", "dead"]).stdout)
    assert [d["kind"] for d in found] == ["conflict"]
    assert [(r["article"], r["claim"], r["value"]) for r in found[0]["reports"]] == [("s1", 0, 27), ("s2", 0, 29)]
    assert set(found[0]) >= {"measure", "about", "date", "event_type", "kind", "reports"}
    table = runner.invoke(app, ["discrepancies", "--db", str(db)]).output
    assert "conflict" in table and "the separatists" in table
    timeline_table = runner.invoke(app, ["timeline", "--db", str(db)]).output
    assert "2023-09-19" in timeline_table and "ASSAULT" in timeline_table


def test_readable_timeline_lists_every_report_with_its_words(app, db):
    runner = CliRunner()
    runner.invoke(app, ["link", "--db", str(db)])
    out = runner.invoke(app, ["timeline", "--db", str(db)], env={"COLUMNS": "200"}).output
    assert "2023-09-19  ASSAULT  AZE" in out and "2 mentions, 2 articles" in out
    assert "On September 19, 2023, Azerbaijan launched an offensive.  [s1]" in out
    assert "Azerbaijan launched an offensive on September 19, 2023.  [s2]" in out


def test_bad_options_and_missing_database(app, db, tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["timeline", "--db", str(db), "--type", "PARTY"]).exit_code == 2
    assert runner.invoke(app, ["timeline", "--db", str(db), "--since", "last week"]).exit_code == 2
    assert runner.invoke(app, ["discrepancies", "--db", str(db), "--measure", "money"]).exit_code == 2
    assert runner.invoke(app, ["timeline", "--db", str(tmp_path / "none.db")]).exit_code == 1


def test_readable_timeline_says_why_reports_were_merged(app, db):
    runner = CliRunner()
    runner.invoke(app, ["link", "--db", str(db)])
    out = runner.invoke(app, ["timeline", "--db", str(db)], env={"COLUMNS": "200"}).stdout
    assert "↳ dates agree; same source: AZE" in out


def test_compatible_figures_read_as_consistent_reports(app, tmp_path):
    path = tmp_path / "c.db"
    with Store(path) as store:
        for aid, text, value in (("c1", T1, 27), ("c2", T2, 29)):
            store.save(article(aid, text, published="2023-09-19", events=[
                event(text, "offensive", "ASSAULT", ["AZE"], date="2023-09-19")],
                claims=[claim(text, f"{value} people", "dead", value, "at_least", about="people", event_idx=0)]))
    runner = CliRunner()
    runner.invoke(app, ["link", "--db", str(path)])
    out = runner.invoke(app, ["discrepancies", "--db", str(path)], env={"COLUMNS": "200"}).stdout
    assert "consistent reports" in out


def test_readable_timeline_lists_the_quotes_reporting_a_statement(app, tmp_path):
    from test_link_quotes import a_ministry, b_minister
    path = tmp_path / "q.db"
    with Store(path) as store:
        store.save(a_ministry())
        store.save(b_minister())
    runner = CliRunner()
    runner.invoke(app, ["link", "--db", str(path)])
    out = runner.invoke(app, ["timeline", "--db", str(path)], env={"COLUMNS": "200"}).stdout
    assert "quoted in qb: “We hold Azerbaijan responsible for the fate of Armenians,” — Catherine Colonna" in out
    assert "↳ same quoted words: 'responsible for the fate'" in out
