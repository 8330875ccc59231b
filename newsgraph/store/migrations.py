"""Named schema migrations, recorded in the database itself.

Each migration runs once, in order, inside a transaction; the table
``schema_migrations`` remembers which ran, so a store made by an older
newsgraph opens with a newer one. Add new migrations at the end; never edit
one that has shipped.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

MIGRATIONS: list[tuple[str, str]] = [
    ("001_articles", """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            title TEXT, outlet TEXT, author TEXT, url TEXT,
            published TEXT, published_source TEXT,
            input_format TEXT, source_path TEXT,
            text TEXT NOT NULL,
            record TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE TABLE boilerplate (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL
        );
        CREATE INDEX boilerplate_article ON boilerplate(article_id);
    """),
    ("002_actors", """
        CREATE TABLE actors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL, kind TEXT NOT NULL,
            country TEXT, sector TEXT, role TEXT
        );
        CREATE TABLE article_actors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL,
            name TEXT NOT NULL, kind TEXT NOT NULL,
            country TEXT, sector TEXT, role TEXT,
            mention_count INTEGER NOT NULL,
            PRIMARY KEY (article_id, actor_id)
        );
        CREATE INDEX article_actors_actor ON article_actors(actor_id);
        CREATE TABLE actor_mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
        );
        CREATE INDEX actor_mentions_article ON actor_mentions(article_id);
        CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);
    """),
    ("003_quotes_events_claims_timexes", """
        CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            kind TEXT NOT NULL,
            content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content_text TEXT NOT NULL,
            speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT, speaker_actor TEXT,
            cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX quotes_speaker ON quotes(speaker_actor);
        CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            type TEXT NOT NULL, mode TEXT, status TEXT NOT NULL, date TEXT,
            trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
            sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
            location_name TEXT, location_country TEXT, location_lat REAL, location_lon REAL,
            dead INTEGER, injured INTEGER, size INTEGER,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX events_type ON events(type);
        CREATE INDEX events_status ON events(status);
        CREATE INDEX events_date ON events(date);
        CREATE TABLE event_args (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_idx INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('source', 'target')),
            pos INTEGER NOT NULL,
            actor_id TEXT, country TEXT, sector TEXT,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
        );
        CREATE INDEX event_args_event ON event_args(article_id, event_idx);
        CREATE INDEX event_args_actor ON event_args(actor_id);
        CREATE TABLE claims (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            measure TEXT NOT NULL, value REAL NOT NULL, value_max REAL, qualifier TEXT NOT NULL,
            about TEXT, attributed_text TEXT, attributed_actor TEXT,
            span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, span_text TEXT NOT NULL,
            event_idx INTEGER,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX claims_measure ON claims(measure);
        CREATE TABLE timexes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            type TEXT NOT NULL, value TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
    """),
    ("004_article_search", """
        CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, text);
    """),
    # Cross-article links (newsgraph.link). No foreign keys on the per-article
    # rows: the link stage must still see the old rows of a replaced or
    # deleted article to know which clusters to redo.
    ("005_links", """
        CREATE TABLE link_mentions (
            article_id TEXT NOT NULL,
            event_idx INTEGER NOT NULL,
            cluster_id TEXT NOT NULL,
            type TEXT NOT NULL, family TEXT NOT NULL, status TEXT NOT NULL,
            date_lo TEXT, date_hi TEXT, date_kind TEXT, partial TEXT,
            trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
            features TEXT NOT NULL,
            PRIMARY KEY (article_id, event_idx)
        );
        CREATE INDEX link_mentions_cluster ON link_mentions(cluster_id);
        CREATE INDEX link_mentions_family_date ON link_mentions(family, date_lo);
        CREATE TABLE link_clusters (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL, date TEXT, date_end TEXT, status TEXT,
            location TEXT, source TEXT NOT NULL, target TEXT NOT NULL,
            articles TEXT NOT NULL, mention_count INTEGER NOT NULL, summary TEXT
        );
        CREATE INDEX link_clusters_date ON link_clusters(date);
        CREATE INDEX link_clusters_type ON link_clusters(type);
        CREATE TABLE link_cluster_actors (
            cluster_id TEXT NOT NULL REFERENCES link_clusters(id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('source', 'target'))
        );
        CREATE INDEX link_cluster_actors_actor ON link_cluster_actors(actor_id);
        CREATE INDEX link_cluster_actors_cluster ON link_cluster_actors(cluster_id);
        CREATE TABLE link_claims (
            article_id TEXT NOT NULL,
            claim_idx INTEGER NOT NULL,
            measure TEXT NOT NULL, population TEXT, event_idx INTEGER, place TEXT,
            date_lo TEXT, date_hi TEXT, vague INTEGER NOT NULL,
            features TEXT NOT NULL,
            PRIMARY KEY (article_id, claim_idx)
        );
        CREATE INDEX link_claims_measure ON link_claims(measure);
        CREATE TABLE link_discrepancies (
            id TEXT PRIMARY KEY,
            measure TEXT NOT NULL, about TEXT, date TEXT, event_type TEXT,
            kind TEXT NOT NULL, cluster_id TEXT,
            record TEXT NOT NULL
        );
        CREATE INDEX link_discrepancies_measure ON link_discrepancies(measure);
        CREATE TABLE link_discrepancy_reports (
            discrepancy_id TEXT NOT NULL REFERENCES link_discrepancies(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL,
            claim_idx INTEGER NOT NULL
        );
        CREATE INDEX link_discrepancy_reports_article ON link_discrepancy_reports(article_id);
        CREATE TABLE link_actor_aliases (
            alias_id TEXT PRIMARY KEY,
            actor_id TEXT NOT NULL,
            name TEXT NOT NULL,
            article_id TEXT,
            method TEXT NOT NULL,
            score REAL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX link_actor_aliases_actor ON link_actor_aliases(actor_id);
        CREATE TABLE link_article_dates (
            article_id TEXT PRIMARY KEY,
            published TEXT NOT NULL,
            previous TEXT,
            previous_source TEXT,
            cluster_id TEXT,
            evidence TEXT NOT NULL
        );
    """),
    # Indexes that match the read queries of the web API (measured with the
    # load test, scripts/loadtest.py): covering indexes for "events of actor
    # X", and the timeline, discrepancy and newest-first orders, so a page is
    # read off an index instead of sorting the whole table.
    ("006_read_indexes", """
        DROP INDEX IF EXISTS event_args_actor;
        CREATE INDEX event_args_actor ON event_args(actor_id, role, article_id, event_idx);
        CREATE INDEX event_args_country ON event_args(country, article_id, event_idx);
        CREATE INDEX articles_newest ON articles(published IS NULL, published DESC, id);
        CREATE INDEX link_clusters_order ON link_clusters(date IS NULL, date, id);
        CREATE INDEX link_cluster_actors_pair ON link_cluster_actors(actor_id, cluster_id);
        CREATE INDEX link_discrepancies_order ON link_discrepancies(measure, date IS NULL, date, id);
    """),
    # Which full-text row is which article, by integer key. Reading the
    # unindexed ``id`` column of ``articles_fts`` loads each matching row's
    # whole text (8 ms for a word found in 1,000 articles; 0.2 ms by rowid).
    ("007_article_search", """
        CREATE TABLE article_search (
            docid INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE
        );
        INSERT OR IGNORE INTO article_search (docid, article_id) SELECT rowid, id FROM articles_fts;
    """),
    # Per-actor counts kept up to date by every save and delete (``rows.actor_counts``),
    # so the actor directory is a read of a few hundred rows, not an aggregate
    # over every mention, event argument and quote of the store per request.
    ("008_actor_counts", """
        CREATE TABLE actor_counts (
            actor_id TEXT PRIMARY KEY,
            mentions INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0,
            events INTEGER NOT NULL DEFAULT 0, as_source INTEGER NOT NULL DEFAULT 0,
            as_target INTEGER NOT NULL DEFAULT 0, quotes INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO actor_counts (actor_id, mentions, articles)
            SELECT actor_id, sum(mention_count), count(*) FROM article_actors GROUP BY actor_id;
        INSERT INTO actor_counts (actor_id, events, as_source, as_target)
            SELECT actor_id, count(DISTINCT article_id || char(31) || event_idx),
                   count(DISTINCT CASE WHEN role = 'source' THEN article_id || char(31) || event_idx END),
                   count(DISTINCT CASE WHEN role = 'target' THEN article_id || char(31) || event_idx END)
            FROM event_args WHERE actor_id IS NOT NULL GROUP BY actor_id
            ON CONFLICT(actor_id) DO UPDATE SET events = excluded.events, as_source = excluded.as_source,
                as_target = excluded.as_target;
        INSERT INTO actor_counts (actor_id, quotes)
            SELECT speaker_actor, count(*) FROM quotes WHERE speaker_actor IS NOT NULL GROUP BY speaker_actor
            ON CONFLICT(actor_id) DO UPDATE SET quotes = excluded.quotes;
    """),
    # The whole actor network, kept up to date like actor_counts: events per
    # (source actor, target actor, PLOVER type), so the unfiltered network
    # (the dashboard's first view) is read, not aggregated over every event.
    ("009_actor_edges", """
        CREATE TABLE actor_edges (
            source TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL,
            events INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source, target, type)
        );
        INSERT INTO actor_edges (source, target, type, events)
            SELECT s.actor_id, t.actor_id, e.type, count(DISTINCT e.article_id || char(31) || e.idx)
            FROM events e
            JOIN event_args s ON s.article_id = e.article_id AND s.event_idx = e.idx AND s.role = 'source'
            JOIN event_args t ON t.article_id = e.article_id AND t.event_idx = e.idx AND t.role = 'target'
            WHERE s.actor_id IS NOT NULL AND t.actor_id IS NOT NULL AND s.actor_id <> t.actor_id
            GROUP BY s.actor_id, t.actor_id, e.type;
    """),
    # Events in timeline order straight off an index: the order (date, then
    # the article's publication date) needs the publication date on the row.
    ("010_events_order", """
        ALTER TABLE events ADD COLUMN published TEXT;
        UPDATE events SET published = (SELECT published FROM articles WHERE articles.id = events.article_id);
        CREATE INDEX events_order ON events(date IS NULL, date, published, article_id, idx);
    """),
    # Title, outlet, date and url of many articles at once (beside timeline
    # entries and discrepancy reports) without reading their large rows.
    ("011_article_info", """
        CREATE INDEX articles_info ON articles(id, title, outlet, published, url);
    """),
    # Oldest first (quotes and claims pages): the newest-first index read
    # backwards does not give this order, and sorting read every article row.
    ("012_articles_oldest", """
        CREATE INDEX articles_oldest ON articles(published IS NULL, published, id);
    """),
    # Linking as its own recorded step (``store.links``): every save or delete of an
    # article queues it in ``link_pending`` inside the save's own transaction; the
    # link stage takes it off only once its links are written. Articles stored
    # before this migration without link rows are queued once. Timeline rows keep
    # their contract JSON (``record``) so reading the timeline is one query.
    ("013_link_steps", """
        CREATE TABLE link_pending (article_id TEXT PRIMARY KEY);
        CREATE TRIGGER link_pending_on_save AFTER INSERT ON articles
            BEGIN INSERT OR IGNORE INTO link_pending (article_id) VALUES (NEW.id); END;
        CREATE TRIGGER link_pending_on_delete AFTER DELETE ON articles
            BEGIN INSERT OR IGNORE INTO link_pending (article_id) VALUES (OLD.id); END;
        INSERT OR IGNORE INTO link_pending (article_id)
            SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM link_mentions)
            AND id NOT IN (SELECT article_id FROM link_claims);
        ALTER TABLE link_clusters ADD COLUMN record TEXT;
    """),
]


def applied(conn: sqlite3.Connection) -> set[str]:
    """Names of the migrations this database has already run."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return {row[0] for row in conn.execute("SELECT name FROM schema_migrations")}


def pending(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations a database has not run yet (works on a read-only connection)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").fetchone():
        return [name for name, _ in MIGRATIONS]
    done = {row[0] for row in conn.execute("SELECT name FROM schema_migrations")}
    return [name for name, _ in MIGRATIONS if name not in done]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Run every migration not yet applied; return the names that ran.

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    done = applied(conn)
    ran = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")  # one transaction per migration, DDL included
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                         (name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        ran.append(name)
    return ran


def _statements(sql: str) -> list[str]:
    """Split a script into statements; a trigger body's inner ``;`` stays in its statement."""
    out, buf = [], ""
    for part in sql.split(";"):
        buf += part + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n;"):
                out.append(buf.strip().rstrip(";").strip())
            buf = ""
    if buf.strip(" \n;"):
        out.append(buf.strip().rstrip(";").strip())
    return out
