"""What the command line says: one line per input whatever its name, checks before the model
loads, dates refused alike, counts in good English, quiet when a reader stops early."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsgraph.cli.inputs import estimate_total
from newsgraph.cli.main import app
from newsgraph.cli.show import render_record
from newsgraph.records import Actor, Arg, ArticleRecord, Event, Span

FORGED = "x\nnewsgraph: skipped forged.txt: empty file\n.txt"


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="80")
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True,
                          timeout=300, env=env, **kwargs)


def test_every_bad_input_is_one_line_whatever_its_name_or_length(tmp_path):
    (tmp_path / FORGED).write_bytes(b"")
    deep = tmp_path / ("a-folder-with-a-rather-long-name-" * 3) / ("and-another-one-" * 4)
    deep.mkdir(parents=True)
    (deep / "blank.txt").write_text("  \n")
    (tmp_path / "good.txt").write_text("Paris and Berlin agreed on Friday to hold talks next month.")
    result = run_cli("extract", str(tmp_path), "-o", "-")
    lines = result.stderr.splitlines()
    skipped = [line for line in lines if line.startswith("newsgraph: skipped")]
    assert result.returncode == 1 and len(skipped) == 2, result.stderr
    assert not any(line.startswith("newsgraph: skipped forged.txt") for line in lines)
    assert any("x\\nnewsgraph: skipped forged.txt: empty file\\n.txt: empty file [E002]" in line for line in skipped)
    assert any(line.endswith(f"{deep / 'blank.txt'}: only whitespace, no text [E003]") for line in skipped)
    assert "1 article written to -, 2 skipped" in lines


def test_output_into_a_missing_folder_fails_before_the_model_loads(tmp_path, monkeypatch):
    import newsgraph.pipeline.run as run

    def no_model(*args, **kwargs):
        raise AssertionError("the model was loaded before -o was checked")

    monkeypatch.setattr(run, "Extractor", no_model)
    (tmp_path / "a.txt").write_text("Kyiv asked for aid.")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "no" / "out.jsonl")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"newsgraph: -o {tmp_path / 'no' / 'out.jsonl'}: "
                                                  f"no folder {tmp_path / 'no'} (create it first)"]


@pytest.mark.parametrize("command", ["timeline", "export"])
@pytest.mark.parametrize("value, why", [("2023-13", "is not a calendar date"), ("2023-02-30", "is not a calendar date"),
                                        ("yesterday", "is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")])
def test_since_and_until_are_checked_alike_everywhere(tmp_path, command, value, why):
    extra = ["-f", "jsonl", "-o", "-"] if command == "export" else []
    result = CliRunner().invoke(app, [command, "--db", str(tmp_path / "none.db"), "--since", value, *extra])
    assert result.exit_code == 2
    assert result.output.strip() == f"newsgraph: --since: {value!r} {why}"


def test_progress_total_counts_a_missing_path_as_one_item(tmp_path):
    (tmp_path / "b.jsonl").write_text('{"id": "1", "text": "a"}\n\n{"id": "2", "text": "b"}\n')
    assert estimate_total([str(tmp_path / "gone.txt")], 1000) == 1
    assert estimate_total([str(tmp_path / "gone.txt"), str(tmp_path / "b.jsonl")], 1000) == 3


def test_export_into_a_closed_pipe_says_nothing(tmp_path):
    from newsgraph.serve.sample import sample_records
    from newsgraph.store import Store
    db = tmp_path / "big.db"
    with Store(db) as store:
        for i in range(60):
            for record in sample_records():
                record.id = f"{record.id}-{i}"
                store.save(record)
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "export", "--db", str(db), "-f", "jsonl", "-o", "-"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(200)
    proc.stdout.close()                 # what `| head -c 200` does
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert err == "", err


def shelling_record() -> ArticleRecord:
    text = "Tajik border troops shelled Vorukh on Tuesday, the Kyrgyz interior ministry said."
    at = text.index
    record = ArticleRecord(id="kgz-0917-vorukh", text=text, published="2022-09-17", published_source="inferred",
                           warnings=["published 2022-09-17 from another article", "published 2022-09-17 from another article"])
    record.actors = [Actor("org:tjk-mil", "Tajikistan military", "organization", "TJK", "MIL", None, [[0, 19]]),
                     Actor("org:kgz-interior-ministry", "Kyrgyz interior ministry", "organization", "KGZ", "GOV", None,
                           [[at("the Kyrgyz"), at(" said")]])]
    record.events = [Event("ASSAULT", Span.of(text, at("shelled"), at("shelled") + 7), [0, len(text)],
                           status="hypothetical", date="2022-09-13",
                           source=[Arg(0, 19, "Tajik border troops", "org:tjk-mil", "TJK", "MIL")],
                           target=[Arg(at("Vorukh"), at("Vorukh") + 6, "Vorukh", "org:kgz-civilians", "KGZ", "CVL")])]
    return record


def test_show_at_80_columns_wraps_and_never_cuts_a_code():
    out = io.StringIO()
    render_record(shelling_record(), Console(file=out, width=80, color_system=None))
    shown = out.getvalue()
    assert "…" not in shown
    for code in ("ASSAULT", "hypothetical", "org:tjk-mil", "org:kgz-interior-ministry", "org:kgz-civilians",
                 "2022-09-13", "Kyrgyz interior ministry"):
        assert code in shown, code
    assert shown.count("published 2022-09-17 from another article") == 1
    assert max(len(line) for line in shown.splitlines()) <= 80


def test_head_on_the_dashboard_answers_like_get(tmp_path):
    from fastapi.testclient import TestClient

    from newsgraph.serve import create_app
    from newsgraph.serve.sample import build_sample_store
    client = TestClient(create_app(build_sample_store(tmp_path / "s.db", link=False)), base_url="http://127.0.0.1")
    head, get = client.head("/"), client.get("/")
    assert head.status_code == get.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


def test_readme_bad_input_lines_are_what_the_command_prints():
    repo = Path(__file__).resolve().parents[1]
    readme = (repo / "README.md").read_text(encoding="utf-8")
    block = readme.split("### Bad input", 1)[1].split("```", 2)[1]
    promised = [line for line in block.splitlines() if line.startswith("newsgraph:")]
    result = run_cli("extract", "examples/bad", "-o", "-", "--quiet", cwd=repo)
    printed = [line for line in result.stderr.splitlines() if line.startswith("newsgraph:")]
    assert promised and printed == promised


def test_extract_help_says_urls_are_inputs():
    shown = CliRunner().invoke(app, ["extract", "--help"], terminal_width=100).output
    assert "http(s)" in shown and "URL" in shown


def test_stdin_over_the_limit_keeps_the_lines_before_it_and_says_where_it_stopped():
    import json
    line = json.dumps({"id": "s1", "text": "Ankara summoned the Greek ambassador on Monday."}) + "\n"
    lines = line + line.replace("s1", "s2") + line.replace("s1", "s3")
    result = run_cli("extract", "-", "-o", "-", "--max-bytes", str(len(line) * 2 + 5), input=lines)
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["s1", "s2"]
    assert result.returncode == 1
    assert [x for x in result.stderr.splitlines() if x.startswith("newsgraph:")] == [
        f"newsgraph: skipped <stdin>:3: standard input passed the {len(line) * 2 + 5:,}-byte limit (--max-bytes) "
        "at line 3; the rest was not read [E018]"]
