"""Record shards are written whole or not at all: an interrupted write leaves no shard under the final name."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from newsgraph.errors import SkippedInput
from newsgraph.pipeline.shards import TMP_PREFIX, read_record_files, remove_partials, write_shard
from tests.conftest import EXAMPLES, REPO

RECORD = {"id": "a1", "text": "Rebels shelled the town on Monday."}


def _interrupted_after_one(records):
    """Records that stop with Ctrl-C after the first, as an interrupted worker would."""
    yield records[0]
    raise KeyboardInterrupt


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_interrupted_shard_write_leaves_no_shard(tmp_path, fmt):
    out = tmp_path / "out"
    write_shard(str(out), "part-done", [RECORD], fmt)
    with pytest.raises(KeyboardInterrupt):
        write_shard(str(out), "part-cut", _interrupted_after_one([RECORD, dict(RECORD, id="a2")]), fmt)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(TMP_PREFIX)) == [f"part-done.{fmt}"]
    assert [r.id for r in read_record_files(str(out))] == ["a1"]   # a half-written file is never read
    remove_partials(str(out))
    assert [p.name for p in out.iterdir()] == [f"part-done.{fmt}"]


def test_shard_that_fails_to_encode_leaves_no_shard(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(TypeError):
        write_shard(str(out), "part-bad", [RECORD, {"id": "b", "text": "x", "actors": {1, 2}}], "jsonl")
    assert not list(out.glob("part-*"))


@pytest.mark.slow
def test_interrupting_a_ray_run_leaves_complete_shards_only(tmp_path):
    pytest.importorskip("ray", reason="the ray extra is not installed (pip install 'newsgraph[ray]')")
    rows = [json.loads(line) for line in (EXAMPLES / "briefs.jsonl").read_text().splitlines() if line.strip()]
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w") as handle:
        for i in range(400):  # long enough that a loaded machine cannot finish before the signal
            handle.write(json.dumps(dict(rows[i % len(rows)], id=f"a{i}")) + "\n")
    out = tmp_path / "out"
    code = ("from newsgraph.pipeline.ray_engine import extract_with_ray\n"
            f"extract_with_ray([{str(corpus)!r}], {str(out)!r}, settings={{'chunk_size': 2}}, actors=1)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None and not list(out.glob("part-*")):
        time.sleep(0.2)
    if proc.poll() is not None:
        pytest.fail(f"the run ended before it could be interrupted: {proc.stderr.read().decode()[-2000:]}")
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    shards = sorted(out.iterdir())
    assert shards and not [p for p in shards if p.name.startswith(TMP_PREFIX)]
    got = list(read_record_files(str(out)))
    assert got and not [r for r in got if isinstance(r, SkippedInput)]
    assert len(got) < 400, "the run finished before the interrupt: nothing was tested"
