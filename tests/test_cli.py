"""The command line as a user meets it: exit codes, skip lines, no tracebacks."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import shared_path

ARTICLE = ("Moscow rejected the proposal on Monday, the Kremlin said.\n\n"
           "“We will not accept this ultimatum,” said Foreign Minister Anatoly Petrov. "
           "The government of Georgia called on Russia to withdraw its troops.")


def run_cli(*args: str, stdin: bytes | None = None, timeout: int = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], input=stdin,
                          capture_output=True, timeout=timeout)


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    (folder / "good.txt").write_text(ARTICLE)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n ")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "latin.txt").write_bytes("Athènes a dénoncé l’accord, a déclaré le ministre.".encode("cp1252"))
    (folder / "broken.html").write_text("<html><body><div><nav>Home</nav><script>x()</script>")
    (folder / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Ankara summoned the Greek ambassador.", "published": "2024-02-01"})
        + "\n{oops\n" + json.dumps({"id": "j2"}) + "\n")
    return folder


def test_bad_inputs_each_get_one_line_and_good_ones_are_stored(bad_batch, tmp_path):
    db = tmp_path / "n.db"
    result = run_cli("ingest", str(bad_batch), "--db", str(db), "--quiet")
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err
    skipped = [line for line in err.splitlines() if line.startswith("newsgraph: skipped ")]
    named = {line.split(":")[1].strip().split(" ", 1)[1] for line in skipped}
    assert any(n.endswith("empty.txt") for n in named)
    assert any(n.endswith("blank.txt") for n in named)
    assert any(n.endswith("binary.txt") for n in named)
    assert any(n.endswith("broken.html") for n in named)
    assert any(line.split(": ")[1].endswith("batch.jsonl:2") for line in skipped)
    assert any(line.split(": ")[1].endswith("batch.jsonl:3") for line in skipped)
    ids = {r[0] for r in sqlite3.connect(db).execute("SELECT id FROM articles")}
    assert ids == {"good", "latin", "j1"}


def test_ingest_twice_changes_nothing_and_a_changed_article_replaces(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE)
    (src / "b.txt").write_text("Paris and Berlin agreed to hold talks on Friday.")
    db = tmp_path / "n.db"
    assert run_cli("ingest", str(src), "--db", str(db), "--quiet").returncode == 0
    second = run_cli("ingest", str(src), "--db", str(db))
    assert second.returncode == 0 and "2 unchanged" in second.stderr.decode()
    (src / "b.txt").write_text("Paris and Berlin agreed to hold talks on Saturday.")
    third = run_cli("ingest", str(src), "--db", str(db))
    assert "1 replaced" in third.stderr.decode() and "1 unchanged" in third.stderr.decode()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    assert "Saturday" in conn.execute("SELECT text FROM articles WHERE id = 'b'").fetchone()[0]


def test_extract_from_stdin_to_stdout():
    line = json.dumps({"id": "s1", "text": ARTICLE, "published": "2023-03-06"}).encode()
    result = run_cli("extract", "-", "-o", "-", stdin=line + b"\n")
    assert result.returncode == 0, result.stderr.decode()
    record = json.loads(result.stdout.decode().splitlines()[0])
    assert record["id"] == "s1" and record["published"] == "2023-03-06"


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("extract").returncode == 2
    assert run_cli("show", "x", "--db", str(tmp_path / "none.db")).returncode == 2
    assert run_cli("nonsense-command").returncode == 2


def test_show_and_stats(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    db = tmp_path / "n.db"
    run_cli("ingest", str(src), "--db", str(db), "--quiet")
    shown = run_cli("show", "a", "--db", str(db))
    assert shown.returncode == 0 and "Actors" in shown.stdout.decode()
    assert run_cli("show", "missing", "--db", str(db)).returncode == 1
    stats = run_cli("stats", "--db", str(db)).stdout.decode()
    assert "articles" in stats and "events" in stats


def test_seeds_ingested_twice_leave_five_articles(tmp_path):
    seeds = shared_path("seeds")
    db = tmp_path / "s.db"
    for _ in range(2):
        assert run_cli("ingest", str(seeds), "--db", str(db), "--quiet").returncode == 0
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 5


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_ingest_keeps_every_finished_article_intact(tmp_path, sig):
    batch = tmp_path / "many.jsonl"
    with batch.open("w") as out:
        for i in range(400):
            out.write(json.dumps({"id": f"n{i:03d}", "text": f"Story {i}. " + ARTICLE * 3}) + "\n")
    db = tmp_path / "n.db"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(batch), "--db", str(db),
                             "--quiet", "--no-link"], stderr=subprocess.PIPE, env=env)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = sqlite3.connect(db, timeout=1).execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 3:
                break
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    proc.send_signal(sig)
    proc.wait(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert b"stored intact" in proc.stderr.read()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute("SELECT id, record FROM articles").fetchall()
    assert 3 <= len(rows) < 400
    for article_id, record_json in rows:
        record = json.loads(record_json)
        for table, field in (("quotes", "quotes"), ("events", "events"), ("claims", "claims")):
            n = conn.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?", (article_id,)).fetchone()[0]
            assert n == len(record[field]), (article_id, table)
    # the same batch can be resumed: finished articles are skipped as unchanged
    again = run_cli("ingest", str(batch), "--db", str(db), "--no-link")
    assert again.returncode == 0
    assert f"{len(rows)} unchanged" in again.stderr.decode()


def test_interrupted_extract_leaves_only_complete_lines(tmp_path):
    batch = tmp_path / "many.jsonl"
    with batch.open("w") as out:
        for i in range(400):
            out.write(json.dumps({"id": f"x{i:03d}", "text": f"Story {i}. " + ARTICLE * 3}) + "\n")
    output = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "extract", str(batch), "-o", str(output),
                             "--quiet"], stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if output.exists() and output.read_text().count("\n") >= 3:
            break
    assert proc.poll() is None, "extract finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    assert proc.returncode == 130
    assert b"complete records written" in proc.stderr.read()
    lines = output.read_text().splitlines()
    assert 3 <= len(lines) < 400
    assert all(json.loads(line)["id"].startswith("x") for line in lines)


def test_workers_give_the_same_records_as_one_process(tmp_path):
    src = tmp_path / "batch.jsonl"
    with src.open("w") as out:
        for i in range(6):
            out.write(json.dumps({"id": f"w{i}", "text": f"Report {i}. " + ARTICLE, "published": "2024-03-04"}) + "\n")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run_cli("extract", str(src), "-o", str(one), "--quiet").returncode == 0
    assert run_cli("extract", str(src), "-o", str(two), "--quiet", "--workers", "2").returncode == 0
    assert one.read_text() == two.read_text() and one.read_text().count("\n") == 6


def test_user_actor_registry_and_a_broken_one(tmp_path):
    registry = tmp_path / "actors.csv"
    registry.write_text("id,name,aliases,kind,country,sector,role\n"
                        "org:kessra-watch,Kessra Valley Watch,KVW|the Watch,organization,KGZ,NGO,\n")
    src = tmp_path / "r.jsonl"
    src.write_text(json.dumps({"id": "r1", "published": "2025-06-16",
                               "text": "KVW accused Tajikistan of shelling the village, the Watch said on Monday."}) + "\n")
    result = run_cli("extract", str(src), "-o", "-", "--actors", str(registry), "--quiet")
    record = json.loads(result.stdout.decode().splitlines()[0])
    watch = [a for a in record["actors"] if a["id"] == "org:kessra-watch"]
    assert watch and watch[0]["country"] == "KGZ" and len(watch[0]["mentions"]) == 2
    broken = tmp_path / "broken.csv"
    broken.write_text("id,name,kind\nx,,weird\n")
    bad = run_cli("extract", str(src), "-o", "-", "--actors", str(broken), "--quiet")
    assert bad.returncode == 2 and b"without a name" in bad.stderr and b"skipped" not in bad.stderr
