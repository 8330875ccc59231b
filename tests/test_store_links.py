"""The link tables' SQL (store.links): timeline rows precomputed, paged and filtered by SQLite."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from newsgraph.link.timeline import matches, sort_key
from newsgraph.records import EventMention, Span, TimelineEntry
from newsgraph.store import Store
from newsgraph.store import links
from newsgraph.store.migrations import _statements

DATES = [("2022-09-13", None), ("2023-09-19", "2023-09-20"), ("2023-09", None), ("2023", None), (None, None),
         ("2024-03-14", None)]


def entries() -> list[TimelineEntry]:
    out = []
    for i, (date, end) in enumerate(DATES):
        out.append(TimelineEntry(f"ev-{i}", "ASSAULT" if i % 2 else "PROTEST", date, end, None,
                                 ["AZE"] if i < 3 else ["FRA"], [], [EventMention("a", i, Span(0, 1, "x"))],
                                 ["a"], "asserted", f"entry {i}", links=[{"why": ["test"]}]))
    return out


@pytest.fixture
def conn(tmp_path):
    with Store(tmp_path / "t.db") as s:
        with s.transaction():
            links.write_entries(s.conn, [], entries())
        yield s.conn


@pytest.mark.parametrize("actor,type,since,until", [
    (None, None, None, None), ("AZE", None, None, None), (None, "assault", None, None),
    (None, None, "2023-09", None), (None, None, "2023-09-20", None), (None, None, None, "2023"),
    (None, None, "2022", "2023-09-19"), ("FRA", "protest", "2024", "2024-03")])
def test_sql_filters_mean_what_the_python_filter_means(conn, actor, type, since, until):
    expected = sorted((e for e in entries() if matches(e, actor, type, since, until)), key=sort_key)
    got = links.read_entries(conn, actor=actor, type=type, since=since, until=until)
    assert [e.id for e in got] == [e.id for e in expected]
    assert links.count_entries(conn, actor=actor, type=type, since=since, until=until) == len(expected)


def test_pages_follow_the_timeline_order(conn):
    whole = [e.id for e in links.read_entries(conn)]
    assert [e.id for e in links.read_entries(conn, limit=2, offset=2)] == whole[2:4]
    assert [e.id for e in links.read_entries(conn, offset=4)] == whole[4:]


def test_a_stored_entry_reads_back_whole(conn):
    back = {e.id: e for e in links.read_entries(conn)}
    for e in entries():
        assert back[e.id] == e


def test_timeline_reads_one_indexed_table_without_rebuilding(conn):
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT id, record FROM link_clusters WHERE type = ? ORDER BY date IS NULL, date, id",
        ("ASSAULT",)))
    assert "link_clusters" in plan and "link_mentions" not in plan


def test_saving_and_deleting_queue_the_article_in_the_same_transaction(tmp_path):
    from test_link_builders import article
    with Store(tmp_path / "q.db") as s:
        s.save(article("x", "Some text."))
        assert links.pending_ids(s.conn) == ["x"]
        with s.transaction():
            links.mark_linked(s.conn, ["x"])
        s.delete("x")
        assert links.pending_ids(s.conn) == ["x"]


def test_a_trigger_body_stays_one_statement():
    sql = "CREATE TABLE t (a);\nCREATE TRIGGER g AFTER INSERT ON t BEGIN INSERT INTO t VALUES (1); END;\nSELECT 1;"
    assert len(_statements(sql)) == 3


def test_link_never_imports_the_extractors_the_pipeline_or_sqlite():
    root = Path(__file__).resolve().parents[1] / "newsgraph" / "link"
    for path in root.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert not name.startswith(("newsgraph.extract", "newsgraph.pipeline", "sqlite3")), (path.name, name)
        assert "SELECT " not in path.read_text(encoding="utf-8"), path.name
