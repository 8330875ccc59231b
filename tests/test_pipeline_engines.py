"""The Ray engine runs the local engine's stages: same inputs, same records; without the extra, one line."""
from __future__ import annotations

import subprocess
import sys

import pytest

from newsgraph.records import ArticleRecord
from tests.conftest import EXAMPLES, REPO, SHARED

COMPARED = ("id", "text", "boilerplate", "actors", "events", "quotes", "claims", "timexes", "published")


def test_ray_engine_gives_the_same_records_as_the_local_engine(tmp_path, extractor):
    ray = pytest.importorskip("ray", reason="the ray extra is not installed (pip install 'newsgraph[ray]')")
    from newsgraph.pipeline.ray_engine import extract_with_ray
    from newsgraph.pipeline.run import Extractor
    from newsgraph.pipeline.shards import read_record_files
    paths = [str(EXAMPLES)] + ([str(SHARED / "seeds")] if (SHARED / "seeds").exists() else [])
    local = [r for r in Extractor(nlp=extractor.nlp).extract_paths(paths) if isinstance(r, ArticleRecord)]
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        report = extract_with_ray(paths, str(tmp_path / "out"), fmt="parquet")
    finally:
        ray.shutdown()
    remote = list(read_record_files(str(tmp_path / "out")))
    assert report.written == len(local) and report.shards
    by_id = {r.id: r.to_dict() for r in remote}
    assert sorted(by_id) == sorted(r.id for r in local)
    for record in local:
        mine = record.to_dict()
        assert {k: by_id[record.id][k] for k in COMPARED} == {k: mine[k] for k in COMPARED}, record.id
    assert report.skipped, "the bad examples should be reported as skipped"


def test_ray_engine_without_the_extra_says_how_to_install(tmp_path):
    code = ("import sys; sys.modules['ray'] = None\n"
            "from newsgraph.cli.main import main\n"
            f"sys.argv = ['newsgraph', 'extract', {str(EXAMPLES / 'briefs.jsonl')!r}, '--engine', 'ray',"
            f" '-o', {str(tmp_path / 'out')!r}]\n"
            "main()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "pip install 'newsgraph[ray]'" in lines[0]
    assert not (tmp_path / "out").exists()


def test_cli_ray_shards_then_ingest_records_without_nlp(tmp_path):
    pytest.importorskip("ray", reason="the ray extra is not installed (pip install 'newsgraph[ray]')")
    out, db = tmp_path / "shards", tmp_path / "t.db"
    cli = [sys.executable, "-m", "newsgraph.cli.main"]
    made = subprocess.run(cli + ["extract", str(EXAMPLES / "briefs.jsonl"), "--engine", "ray", "--workers", "2",
                                 "--format", "parquet", "-o", str(out), "-q"],
                          capture_output=True, text=True, cwd=REPO)
    assert made.returncode == 0, made.stderr
    assert list(out.glob("part-*.parquet")) and not list(out.glob(".partial-*"))
    stored = subprocess.run(cli + ["ingest", "--records", str(out), "--db", str(db), "--no-link"],
                            capture_output=True, text=True, cwd=REPO)
    assert stored.returncode == 0, stored.stderr
    assert "4 inserted" in " ".join(stored.stderr.split())
