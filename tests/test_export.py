"""`newsgraph export`: every format opens in its tool, filters apply, output streams."""
from __future__ import annotations

import csv
import inspect
import io
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from newsgraph.cli.serve_cmds import register
from newsgraph.records import Actor, Arg, ArticleRecord, Event, Span
from newsgraph.store.filters import EventFilter, ParamError
from newsgraph.serve.sample import build_sample_store, sample_records
from newsgraph.store import Store
from newsgraph.store.export import COLUMNS, event_rows, export, plover_record

RECORDS = {r.id: r for r in sample_records()}
N_EVENTS = sum(len(r.events) for r in RECORDS.values())


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = build_sample_store(tmp_path_factory.mktemp("export") / "sample.db", link=False)
    odd = "Tab\tand <b>&amp;</b> \"quoted\" \x01 name; with semicolon"   # junk an XML writer must survive
    text = f"{odd} hit Ruritania."
    record = ArticleRecord(id="odd", text=text, published="2023-09-22", published_source="input")
    record.actors = [Actor("org:odd", odd, "group", None, None, None, [[0, len(odd)]]),
                     Actor("RUR", "Ruritania", "country", "RUR", "GOV", None, [[len(odd) + 5, len(odd) + 14]])]
    trigger = Span.of(text, len(odd) + 1, len(odd) + 4)
    record.events = [Event("ASSAULT", trigger, [0, len(text)], source=[Arg(0, len(odd), odd, "org:odd")],
                           target=[Arg(len(odd) + 5, len(odd) + 14, "Ruritania", "RUR", "RUR", "GOV")])]
    with Store(path) as store:
        store.save(record)
    return path


@pytest.fixture(scope="module")
def conn(db):
    with Store(db, readonly=True) as store:
        yield store.conn


def test_jsonl_is_the_stored_contract_records(conn, tmp_path):
    out = tmp_path / "a.jsonl"
    assert export(conn, "jsonl", out).count == 6
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records[0] == RECORDS["wire-0919-offensive"].to_dict()
    assert [r["id"] for r in records][-1] == "paper-1001-rallies"


def test_csv_has_one_row_per_event_with_actors_sentence_and_article(conn, tmp_path):
    out = tmp_path / "e.csv"
    assert export(conn, "csv", out).count == N_EVENTS + 1
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")   # spreadsheets then read it as UTF-8
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert list(rows[0]) == list(COLUMNS["events"])
    fra = next(r for r in rows if r["article"] == "daily-0920-ceasefire" and r["type"] == "REQUEST")
    assert (fra["source_actors"], fra["source_names"], fra["target_countries"]) == ("FRA", "France", "AZE")
    assert fra["status"] == "demanded" and fra["trigger"] == "called on"
    assert fra["sentence"].startswith("France condemned") and fra["url"] == "https://example.org/daily/0920"
    frame = pd.read_csv(out)
    assert len(frame) == N_EVENTS + 1 and frame["dead"].max() == 32


@pytest.mark.parametrize("table, key, expected", [
    ("quotes", "speaker_name", "Catherine Colonna"), ("claims", "attributed_text", "the police"),
    ("actors", "name", "Azerbaijan")])
def test_csv_of_other_tables(conn, tmp_path, table, key, expected):
    out = tmp_path / f"{table}.csv"
    export(conn, "csv", out, table=table)
    frame = pd.read_csv(out)
    assert list(frame.columns) == list(COLUMNS[table]) and expected in set(frame[key])


@pytest.mark.parametrize("table", ["events", "quotes", "claims", "actors"])
def test_parquet_reads_back_with_typed_columns(conn, tmp_path, table):
    out = tmp_path / f"{table}.parquet"
    result = export(conn, "parquet", out, table=table)
    parquet = pq.read_table(out)
    assert parquet.num_rows == result.count > 0
    assert parquet.column_names == list(COLUMNS[table])
    frame = pd.read_parquet(out)
    if table == "events":
        assert str(parquet.schema.field("dead").type) == "int64"
        assert frame.loc[frame["article"] == "paper-1001-rallies", "size"].max() == 1000


def test_parquet_writes_in_batches(conn, tmp_path, monkeypatch):
    import newsgraph.store.export as module
    monkeypatch.setattr(module, "BATCH", 3)
    out = tmp_path / "small-batches.parquet"
    export(conn, "parquet", out)
    assert pq.read_table(out).num_rows == N_EVENTS + 1
    assert pq.ParquetFile(out).metadata.num_row_groups >= 4


def test_graphml_is_the_actor_network_networkx_can_read(conn, tmp_path):
    out = tmp_path / "g.graphml"
    export(conn, "graphml", out)
    graph = nx.read_graphml(out)
    assert graph.is_directed()
    assert graph.nodes["AZE"]["name"] == "Azerbaijan" and graph.nodes["AZE"]["kind"] == "country"
    assert graph.nodes["AZE"]["mentions"] == 6
    edge = graph.edges["FRA", "AZE"]
    assert (edge["weight"], edge["n_ACCUSE"], edge["n_REQUEST"], edge["dominant_type"]) == (3, 2, 1, "ACCUSE")
    assert "<b>&amp;</b>" in graph.nodes["org:odd"]["name"]        # escaped, not parsed as markup
    assert graph.has_edge("org:odd", "RUR")


def test_plover_records_map_every_field(conn, tmp_path):
    out = tmp_path / "p.jsonl"
    export(conn, "plover", out, flt=EventFilter(type="PROTEST"))
    (rec,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rec["id"] == "paper-1001-rallies:0" and rec["event_type"] == "PROTEST" and rec["date"] == "2023-10-01"
    assert rec["target_actor"] == "Azerbaijan" and rec["target_country"] == "AZE"
    assert rec["source_actor"] is None and rec["source_actors"] == []
    assert rec["location"] == {"name": "Marseille", "country": "FRA", "lat": 43.2965, "lon": 5.3698}
    assert rec["size"] == 1000 and rec["event_text"] == "gathered"
    assert rec["url"] == "https://example.org/paper/1001" and rec["article"] == "paper-1001-rallies"
    text = RECORDS["paper-1001-rallies"].text
    assert rec["text"] == text[rec["sentence"][0]:rec["sentence"][1]]
    assert {"mode", "context", "dead", "injured", "source_sector", "target_sector"} <= set(rec)


def test_plover_keeps_compound_actor_members_apart():
    row = {"article": "a", "event_idx": 0, "date": None, "published": "2023-01-02", "type": "AGREE",
           "mode": None, "status": "asserted", "location": None, "dead": None, "injured": None, "size": None,
           "trigger": "agreed", "sentence": "s", "url": None, "outlet": None, "trigger_start": 0,
           "trigger_end": 6, "sentence_start": 0, "sentence_end": 1,
           "_args": {"source": [{"actor": "FRA", "name": "France; the Republic", "country": "FRA", "sector": "GOV",
                                 "text": "Paris"}, {"actor": "DEU", "name": "Germany", "country": "DEU",
                                                     "sector": "GOV", "text": "Berlin"}], "target": []}}
    rec = plover_record(row)
    assert rec["source_actor"] == "France; the Republic" and len(rec["source_actors"]) == 2
    assert rec["date"] == "2023-01-02" and rec["date_source"] == "published"


def test_filters_apply_to_each_export(conn, tmp_path):
    def rows(**flt):
        buffer = io.StringIO()
        export(conn, "csv", buffer, flt=EventFilter(**flt))
        return list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert {r["type"] for r in rows(type="accuse")} == {"ACCUSE"}
    assert all("AZE" in (r["source_actors"] + r["target_actors"]) for r in rows(actor="AZE"))
    assert {r["date"] for r in rows(since="2023-09-28")} == {"2023-09-28", "2023-10-01"}
    assert {r["status"] for r in rows(status="future")} == {"future"}
    buffer = io.StringIO()
    export(conn, "jsonl", buffer, flt=EventFilter(actor="person:catherine-colonna"))
    assert [json.loads(line)["id"] for line in buffer.getvalue().splitlines()] == ["paper-0928-refugees"]
    quotes = io.StringIO()
    export(conn, "csv", quotes, table="quotes", flt=EventFilter(since="2023-09-28"))
    assert {r["article"] for r in csv.DictReader(io.StringIO(quotes.getvalue()))} == {"paper-0928-refugees"}


@pytest.mark.parametrize("fmt, table, flt, param", [
    ("xml", "events", {}, "format"), ("csv", "places", {}, "table"),
    ("csv", "quotes", {"type": "ASSAULT"}, "type"), ("csv", "actors", {"since": "2023"}, "since"),
    ("csv", "events", {"type": "BOMB"}, "type"), ("plover", "events", {"until": "2023-02-30"}, "until"),
])
def test_bad_requests_are_refused_with_the_parameter_named(conn, tmp_path, fmt, table, flt, param):
    with pytest.raises(ParamError) as info:
        export(conn, fmt, tmp_path / "x", table=table, flt=EventFilter(**flt))
    assert info.value.param == param


def test_rows_stream_from_a_cursor(conn):
    rows = event_rows(conn, EventFilter())
    assert inspect.isgenerator(rows)
    assert next(rows)["date"] == "2023-09-19"


def test_cli_export_writes_files_and_stdout(db, tmp_path):
    app = typer.Typer()
    app.callback()(lambda: None)
    register(app)
    runner = CliRunner()
    out = tmp_path / "events.parquet"
    done = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "-o", str(out), "--type", "ASSAULT"])
    assert done.exit_code == 0, done.output
    assert pq.read_table(out).num_rows == 3
    shown = runner.invoke(app, ["export", "--db", str(db), "-f", "plover", "-o", "-", "--actor", "RUS"])
    assert shown.exit_code == 0 and json.loads(shown.stdout.splitlines()[0])["target_actor_id"] == "RUS"
    bad = runner.invoke(app, ["export", "--db", str(db), "-f", "parquet", "-o", "-"])
    assert bad.exit_code == 2 and "stdout" in bad.output
    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db"), "-f", "csv", "-o", "-"])
    assert missing.exit_code == 2 and "no database" in missing.output
