"""Linking is its own recorded step: an interrupted ingest or link is finished by the next run.

The fast tests pin the queue (saves and deletes queue an article in the same
transaction; only finished links take it off). The slow ones really kill a
``newsgraph`` process, once mid-batch and once mid-link, rerun ``ingest`` on
the same inputs and compare the store with one made by an uninterrupted run.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time

import pytest
from test_link_builders import article, event

from newsgraph.link import discrepancies, finish_pending, timeline, update_links
from newsgraph.store import Store
from newsgraph.store.links import pending_ids

from conftest import shared_path

T1 = "On September 19, 2023, Azerbaijan launched a large-scale offensive against Nagorno-Karabakh."
T2 = "Azerbaijan launched an assault on Nagorno-Karabakh on September 19, 2023, killing dozens."


def a1():
    return article("a1", T1, events=[event(T1, "offensive", "ASSAULT", ["AZE"], ["ARM"], date="2023-09-19")])


def a2():
    return article("a2", T2, events=[event(T2, "assault", "ASSAULT", ["AZE"], ["ARM"], date="2023-09-19")])


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "resume.db") as s:
        yield s


def groups(store) -> set:
    return {frozenset((m.article, m.event) for m in e.mentions) for e in timeline(store)}


def test_a_saved_article_waits_for_its_links(store):
    store.save(a1())
    assert pending_ids(store.conn) == ["a1"]
    finish_pending(store)
    assert pending_ids(store.conn) == []
    assert groups(store) == {frozenset({("a1", 0)})}


def test_an_article_stored_by_an_interrupted_run_is_linked_by_the_next(store):
    store.save(a1())
    update_links(store, ["a1"])
    store.save(a2())          # stored, then the process died before linking
    report = finish_pending(store)
    assert report.articles == 1
    assert groups(store) == {frozenset({("a1", 0), ("a2", 0)})}


def test_a_link_run_that_fails_midway_leaves_the_work_queued(store):
    store.save(a1())
    store.save(article("u", "Baku launched a military offensive on Tuesday against Nagorno-Karabakh.",
                       events=[event("Baku launched a military offensive on Tuesday against Nagorno-Karabakh.",
                                     "offensive", "ASSAULT", ["AZE"], ["ARM"])]))

    def crash(record):
        raise KeyboardInterrupt    # as a Ctrl-C in the middle of linking

    with pytest.raises(KeyboardInterrupt):
        finish_pending(store, reextract=crash)
    assert set(pending_ids(store.conn)) == {"a1", "u"}


def test_finishing_twice_changes_nothing(store):
    store.save(a1())
    store.save(a2())
    finish_pending(store)
    before = (groups(store), store.counts())
    assert finish_pending(store).articles == 0
    assert (groups(store), store.counts()) == before


def test_a_deleted_article_leaves_its_cluster_on_the_next_run(store):
    store.save(a1())
    store.save(a2())
    finish_pending(store)
    store.delete("a2")
    finish_pending(store)
    assert groups(store) == {frozenset({("a1", 0)})}


# -- real processes, killed --------------------------------------------------------
def _cli(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsgraph", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, **kw)


def _snapshot(db) -> tuple:
    with Store(db, readonly=True) as s:
        clusters = groups(s)
        figures = {frozenset((r.article, r.claim) for r in d.reports) for d in discrepancies(s)}
        dates = {r.id: (r.published, r.published_source) for r in s.records()}
        return clusters, figures, dates, pending_ids(s.conn)


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory):
    seeds = shared_path("seeds")
    db = tmp_path_factory.mktemp("whole") / "whole.db"
    proc = _cli("ingest", str(seeds), "--db", str(db), "-q")
    assert proc.wait(timeout=600) == 0, proc.stderr.read().decode()
    return seeds, _snapshot(db)


def _count(db, table: str) -> int:
    try:
        with Store(db, readonly=True) as s:
            return s.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except Exception:   # not created yet
        return 0


def test_ingest_killed_mid_batch_then_rerun_equals_an_uninterrupted_run(tmp_path, uninterrupted):
    seeds, whole = uninterrupted
    db = tmp_path / "killed.db"
    proc = _cli("ingest", str(seeds), "--db", str(db), "-q")
    deadline = time.time() + 300
    while _count(db, "articles") < 1 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=60) == -signal.SIGKILL, "ingest finished before it could be killed"
    stored = _count(db, "articles")
    assert 1 <= stored < len(whole[2])
    assert _count(db, "link_mentions") == 0          # killed before any linking
    rerun = _cli("ingest", str(seeds), "--db", str(db), "-q")
    assert rerun.wait(timeout=600) == 0, rerun.stderr.read().decode()
    assert _snapshot(db) == whole


def test_link_killed_midway_then_ingest_of_unchanged_inputs_finishes_it(tmp_path, uninterrupted):
    seeds, whole = uninterrupted
    db = tmp_path / "killed.db"
    assert _cli("ingest", str(seeds), "--db", str(db), "-q", "--no-link").wait(timeout=600) == 0
    # a linking process killed (SIGKILL) when it re-extracts the first article it dates:
    # clusters are written by then, claim facts and discrepancies are not
    script = textwrap.dedent(f"""
        import os, signal
        from newsgraph.link import finish_pending
        from newsgraph.store import Store
        def die(record):
            os.kill(os.getpid(), signal.SIGKILL)
        finish_pending(Store({str(db)!r}), reextract=die)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=600)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert _count(db, "link_mentions") > 0 and _count(db, "link_discrepancies") == 0
    rerun = _cli("ingest", str(seeds), "--db", str(db), "-q")   # every input unchanged
    assert rerun.wait(timeout=600) == 0, rerun.stderr.read().decode()
    assert _snapshot(db) == whole
    assert whole[1], "the seeds have discrepancies to compare"
