"""The SQLite store: one file, WAL mode, one transaction per article.

Why SQLite: an embedded, zero-setup database that analysts can open with any
tool, that survives a crash mid-batch (WAL + per-article transactions), and
that is fast enough for millions of rows. The full record is kept as JSON next
to normalised tables (actors, quotes, events, event_args, claims, timexes) that
make "every event where AZE is the target" one indexed query.
"""
from __future__ import annotations

import copy
import hashlib
import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from newsgraph.errors import StoreError
from newsgraph.records import ArticleRecord
from newsgraph.store.migrations import migrate, pending
from newsgraph.store.rows import COUNTS, actor_counts, actor_edges, article_rows
from newsgraph.store.sql import insert_rows, quote

TABLES = ("articles", "actors", "article_actors", "actor_mentions", "quotes", "events",
          "event_args", "claims", "timexes", "boilerplate")


DERIVED = ("article_search", "actor_counts", "actor_edges")   # kept by the store itself, not records: not counted


def content_hash(record: ArticleRecord) -> str:
    """Hash of what the input gave (text and metadata), before any extraction."""
    given = {k: getattr(record, k) for k in ("id", "text", "title", "outlet", "author", "url")}
    given["published"] = record.published if record.published_source in ("input", "metadata") else None
    return hashlib.sha256(json.dumps(given, sort_keys=True).encode("utf-8")).hexdigest()


class Store:
    """A newsgraph SQLite database.

    Args:
        path: the database file (created when missing), or ``":memory:"``.
        readonly: open without write access (the web server does).
    """

    def __init__(self, path: str | Path = "newsgraph.db", readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).exists():
                    raise StoreError(f"no database at {self.path} (run `newsgraph ingest` first)")
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.changed = False   # something was written: refresh planner statistics on close
            self._cache: dict[str, object] = {}
            self._cache_version: int | None = None
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=5000")
            if not readonly:
                migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable newsgraph database: {exc}") from None

    def close(self) -> None:
        """Close the database; a store written to is first optimised (see ``optimize``)."""
        if self.changed and not self.readonly:
            try:
                self.optimize()
            except sqlite3.Error:
                pass   # statistics are an optimisation: never lose a close over them
        self.conn.close()

    def optimize(self) -> None:
        """Refresh the query planner's statistics (``ANALYZE``, then ``PRAGMA optimize``).

        Why: without statistics SQLite guesses, and for "events of actor X" it
        guessed a full scan (seconds on 1,000 articles, instead of 40 ms).
        ``analysis_limit`` samples each index, so this takes milliseconds
        whatever the store's size. Called by ``close`` after any write.
        """
        self.conn.execute("PRAGMA analysis_limit=1000")
        self.conn.execute("ANALYZE")
        self.conn.execute("PRAGMA optimize")
        self.changed = False

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: all of it is stored, or none of it."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def cached(self, key: str, compute):
        """``compute()``, remembered on this connection until the database changes.

        ``PRAGMA data_version`` changes when another connection commits, so a
        long-lived read connection (the server's pool) recomputes only after
        an ingest or link run, never serves stale answers. A writable store
        (whose own commits do not change ``data_version``) always recomputes.
        """
        if not self.readonly:
            return compute()
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._cache_version:
            self._cache, self._cache_version = {}, version
        if key not in self._cache:
            self._cache[key] = compute()
        return copy.deepcopy(self._cache[key])

    @classmethod
    def open_current(cls, path: str | Path) -> "Store":
        """Open ``path`` read-only, first bringing an older store's schema up to date.

        Why: the web server only reads, but the queries it runs rely on the
        tables and indexes of every migration; a store written by an older
        newsgraph is upgraded once (in its own transactions) before serving.

        Raises:
            StoreError: missing, not a newsgraph store, or older and not writable.
        """
        store = cls(path, readonly=True)
        todo = pending(store.conn)
        if not todo:
            return store
        store.close()
        if "001_articles" in todo:
            raise StoreError(f"{path} is not a newsgraph store (run `newsgraph ingest` to make one)")
        try:
            cls(path).close()
        except (StoreError, sqlite3.Error) as exc:
            raise StoreError(f"{path} was made by an older newsgraph and cannot be upgraded "
                             f"({', '.join(todo)}): {exc}") from None
        return cls(path, readonly=True)

    # -- writing -------------------------------------------------------------
    def stored_hash(self, article_id: str) -> str | None:
        """The content hash stored for ``article_id``, or None if absent."""
        row = self.conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def is_unchanged(self, record: ArticleRecord) -> bool:
        """True when the same input is already stored (nothing to do)."""
        return self.stored_hash(record.id) == content_hash(record)

    def save(self, record: ArticleRecord, digest: str | None = None) -> str:
        """Store one article atomically; returns ``inserted`` or ``replaced``.

        The old rows of a changed article are deleted and the new ones written
        in the same transaction, so readers never see half an article.
        """
        digest = digest or content_hash(record)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction() as conn:
            existed = conn.execute("SELECT 1 FROM articles WHERE id = ?", (record.id,)).fetchone()
            if existed:
                self._delete(conn, record.id)
            _count(conn, record.to_dict(), 1)
            for table, rows in article_rows(record, digest, now):
                insert_rows(conn, table, rows)
            for actor in record.actors:
                conn.execute(
                    "INSERT INTO actors (id, name, kind, country, sector, role) VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET "
                    "name = CASE WHEN length(excluded.name) > length(actors.name) THEN excluded.name ELSE actors.name END, "
                    "country = coalesce(actors.country, excluded.country), "
                    "sector = coalesce(actors.sector, excluded.sector), "
                    "role = coalesce(actors.role, excluded.role)",
                    (actor.id, actor.name, actor.kind, actor.country, actor.sector, actor.role))
            docid = conn.execute("INSERT INTO articles_fts (id, title, text) VALUES (?, ?, ?)",
                                 (record.id, record.title or "", record.text)).lastrowid
            conn.execute("INSERT INTO article_search (docid, article_id) VALUES (?, ?)", (docid, record.id))
        self.changed = True
        return "replaced" if existed else "inserted"

    def delete(self, article_id: str) -> bool:
        """Remove one article and everything extracted from it."""
        with self.transaction() as conn:
            found = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            self._delete(conn, article_id)
        self.changed = True
        return bool(found)

    @staticmethod
    def _delete(conn: sqlite3.Connection, article_id: str) -> None:
        old = conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if old:
            _count(conn, json.loads(old[0]), -1)
        conn.execute("DELETE FROM articles_fts WHERE rowid IN "
                     "(SELECT docid FROM article_search WHERE article_id = ?)", (article_id,))
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))  # cascades

    # -- reading -------------------------------------------------------------
    def get(self, article_id: str) -> ArticleRecord | None:
        """The full record of one article, or None."""
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return ArticleRecord.from_dict(json.loads(row[0])) if row else None

    def ids(self) -> list[str]:
        """Every stored article id, by publication date then id."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM articles ORDER BY published IS NULL, published, id")]

    def records(self) -> Iterator[ArticleRecord]:
        """Every stored record, one at a time (streams; low memory)."""
        cursor = self.conn.execute("SELECT record FROM articles ORDER BY published IS NULL, published, id")
        for (data,) in cursor:
            yield ArticleRecord.from_dict(json.loads(data))

    def counts(self) -> dict[str, int]:
        """Row counts for every table that exists."""
        existing = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        names = [t for t in TABLES if t in existing] + sorted(
            t for t in existing if t not in TABLES and t not in DERIVED and not t.startswith(("sqlite_", "articles_fts"))
            and t != "schema_migrations")
        return {t: self.conn.execute(f"SELECT count(*) FROM {quote(t)}").fetchone()[0] for t in names}


def _count(conn: sqlite3.Connection, data: dict, sign: int) -> None:
    """Add (``sign=1``) or take away (``-1``) one article's share of ``actor_counts`` and ``actor_edges``."""
    conn.executemany(
        f"INSERT INTO actor_counts (actor_id, {', '.join(COUNTS)}) VALUES (?, {', '.join('?' for _ in COUNTS)}) "
        f"ON CONFLICT(actor_id) DO UPDATE SET {', '.join(f'{c} = {c} + excluded.{c}' for c in COUNTS)}",
        actor_counts(data, sign))
    conn.executemany("INSERT INTO actor_edges (source, target, type, events) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT(source, target, type) DO UPDATE SET events = events + excluded.events",
                     actor_edges(data, sign))
    if sign < 0:
        conn.execute("DELETE FROM actor_edges WHERE events <= 0")
