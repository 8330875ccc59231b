"""The SQLite store: atomic per-article writes, replacement, migrations."""
from __future__ import annotations

import sqlite3

import pytest

from newsgraph.records import (Actor, Arg, ArticleRecord, Claim, Event, Quote, Span,
                               Speaker, Timex)
from newsgraph.store import Store, content_hash
from newsgraph.store.migrations import MIGRATIONS

TEXT = "Baku denounced France on Tuesday. “We will respond,” the ministry said. At least 27 died."


def make_record(article_id: str = "a1", text: str = TEXT) -> ArticleRecord:
    rec = ArticleRecord(id=article_id, text=text, title="Baku denounces Paris", published="2023-09-19",
                        published_source="input")
    rec.actors = [Actor("AZE", "Azerbaijan", "country", "AZE", "GOV", None, [[0, 4]]),
                  Actor("FRA", "France", "country", "FRA", "GOV", None, [[15, 21]])]
    rec.events = [Event(type="ACCUSE", trigger=Span.of(text, 5, 14), sentence=[0, 33],
                        source=[Arg(0, 4, "Baku", "AZE", "AZE", "GOV")],
                        target=[Arg(15, 21, "France", "FRA", "FRA", "GOV")], date="2023-09-19")]
    rec.quotes = [Quote("direct", Span.of(text, 35, 50), Speaker(53, 65, text[53:65], None),
                        Span.of(text, 66, 70))]
    rec.claims = [Claim("dead", 27, Span.of(text, 72, 83), qualifier="at_least")]
    rec.timexes = [Timex(25, 32, "Tuesday", "DATE", "2023-09-19")]
    return rec


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.db") as s:
        yield s


def test_save_fills_every_table_and_roundtrips(store):
    assert store.save(make_record()) == "inserted"
    counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] == 1 and counts["event_args"] == 2
    assert counts["quotes"] == 1 and counts["claims"] == 1 and counts["timexes"] == 1
    assert store.get("a1").to_dict() == make_record().to_dict()
    row = store.conn.execute("SELECT actor_id FROM event_args WHERE role = 'target'").fetchone()
    assert row[0] == "FRA"


def test_wal_mode_and_migrations_recorded(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in store.conn.execute("SELECT name FROM schema_migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]


def test_reopening_runs_no_migration_twice(tmp_path):
    Store(tmp_path / "t.db").close()
    with Store(tmp_path / "t.db") as again:
        assert again.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)


def test_changed_article_replaces_old_rows(store):
    store.save(make_record())
    changed = make_record()
    changed.events = []
    assert store.save(changed) == "replaced"
    assert store.counts()["events"] == 0 and store.counts()["event_args"] == 0
    assert store.counts()["articles"] == 1


def test_content_hash_ignores_extraction_but_not_input():
    a, b = make_record(), make_record()
    b.events = []
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(make_record(text=TEXT + " More."))


def test_failed_write_leaves_previous_version_intact(store, monkeypatch):
    store.save(make_record())
    broken = make_record()
    broken.claims = [Claim("dead", None, Span.of(TEXT, 72, 83))]  # value NOT NULL violates the schema
    with pytest.raises(sqlite3.IntegrityError):
        store.save(broken)
    assert store.get("a1").to_dict() == make_record().to_dict()
    assert store.counts()["claims"] == 1


def test_full_text_search_table_follows_replacements(store):
    store.save(make_record())
    store.save(make_record(text=TEXT.replace("France", "Greece")))
    hits = store.conn.execute("SELECT id FROM articles_fts WHERE articles_fts MATCH 'Greece'").fetchall()
    assert [h[0] for h in hits] == ["a1"]
    assert not store.conn.execute("SELECT id FROM articles_fts WHERE articles_fts MATCH 'France'").fetchall()


def test_readonly_store_refuses_missing_file(tmp_path):
    from newsgraph.errors import StoreError
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "missing.db", readonly=True)


def test_not_a_database_is_a_clear_error(tmp_path):
    from newsgraph.errors import StoreError
    bad = tmp_path / "x.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable newsgraph database"):
        Store(bad)


AGGREGATE = """
SELECT id, (SELECT coalesce(sum(mention_count), 0) FROM article_actors WHERE actor_id = x.id),
       (SELECT count(*) FROM article_actors WHERE actor_id = x.id),
       (SELECT count(DISTINCT article_id || '/' || event_idx) FROM event_args WHERE actor_id = x.id),
       (SELECT count(DISTINCT article_id || '/' || event_idx) FROM event_args WHERE actor_id = x.id AND role = 'source'),
       (SELECT count(DISTINCT article_id || '/' || event_idx) FROM event_args WHERE actor_id = x.id AND role = 'target'),
       (SELECT count(*) FROM quotes WHERE speaker_actor = x.id)
FROM (SELECT actor_id AS id FROM actor_counts) x ORDER BY id"""


def test_actor_counts_follow_saves_replacements_and_deletes(tmp_path):
    from newsgraph.serve.sample import sample_records
    records = sample_records()
    with Store(tmp_path / "c.db") as store:
        for record in records:
            store.save(record)
        changed = ArticleRecord.from_dict(records[0].to_dict())
        changed.events = changed.events[1:]
        changed.quotes = []
        changed.text += " Updated."
        assert store.save(changed) == "replaced"
        assert store.delete(records[1].id)
        kept = store.conn.execute("SELECT actor_id, mentions, articles, events, as_source, as_target, quotes "
                                  "FROM actor_counts ORDER BY actor_id").fetchall()
        assert [tuple(r) for r in kept] == [tuple(r) for r in store.conn.execute(AGGREGATE)]
        assert any(r["events"] for r in kept) and any(r["quotes"] for r in kept)
        edges = store.conn.execute("SELECT source, target, type, events FROM actor_edges ORDER BY 1, 2, 3").fetchall()
        live = store.conn.execute(EDGES).fetchall()
        assert edges and [tuple(r) for r in edges] == [tuple(r) for r in live]


EDGES = """
SELECT s.actor_id, t.actor_id, e.type, count(DISTINCT e.article_id || '/' || e.idx) FROM events e
JOIN event_args s ON s.article_id = e.article_id AND s.event_idx = e.idx AND s.role = 'source'
JOIN event_args t ON t.article_id = e.article_id AND t.event_idx = e.idx AND t.role = 'target'
WHERE s.actor_id IS NOT NULL AND t.actor_id IS NOT NULL AND s.actor_id <> t.actor_id
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""


def test_optimize_gives_the_planner_statistics(tmp_path):
    with Store(tmp_path / "o.db") as store:
        store.save(make_record())
    with Store(tmp_path / "o.db", readonly=True) as store:   # closing a written store analysed it
        assert store.conn.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0


def test_an_older_store_gets_its_actor_counts_on_opening(tmp_path):
    from newsgraph.serve.sample import sample_records
    with Store(tmp_path / "old.db") as store:
        for record in sample_records():
            store.save(record)
        store.conn.execute("DROP TABLE actor_counts")
        store.conn.execute("DELETE FROM schema_migrations WHERE name = '008_actor_counts'")
    with Store(tmp_path / "old.db") as store:
        kept = store.conn.execute("SELECT actor_id, mentions, articles, events, as_source, as_target, quotes "
                                  "FROM actor_counts ORDER BY actor_id").fetchall()
        assert kept and [tuple(r) for r in kept] == [tuple(r) for r in store.conn.execute(AGGREGATE)]


def test_a_read_connection_recomputes_cached_answers_after_another_writes(tmp_path):
    from newsgraph.store.queries import stats
    with Store(tmp_path / "s.db") as writer:
        writer.save(make_record("a1"))
        with Store(tmp_path / "s.db", readonly=True) as reader:
            assert stats(reader)["counts"]["articles"] == 1
            assert stats(reader)["counts"]["articles"] == 1   # from the cache
            writer.save(make_record("a2"))
            assert stats(reader)["counts"]["articles"] == 2
            assert stats(writer)["counts"]["articles"] == 2
