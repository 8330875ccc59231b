"""Small SQL helpers every store module shares: identifiers, the INSERT builder, IN lists.

Why one module: the dict-to-INSERT builder and the chunked ``IN (?, ...)``
lookup were written several times over; one copy means one place to get
quoting and SQLite's bound-parameter limit right.
"""
from __future__ import annotations

import sqlite3
from typing import Any, Iterable, Iterator, Sequence

CHUNK = 500   # ids per IN list: well under SQLite's bound-parameter limit


def quote(name: str) -> str:
    """Quote an identifier (column names such as "end" are SQL keywords)."""
    return '"' + name.replace('"', '""') + '"'


def connection(source: Any) -> sqlite3.Connection:
    """The SQLite connection of a ``Store`` (or the connection itself)."""
    return getattr(source, "conn", source)


def insert_rows(conn: sqlite3.Connection, table: str, rows: Sequence[dict[str, Any]], replace: bool = False) -> None:
    """Insert dict rows (all with the keys of the first) into ``table`` with one prepared statement.

    Args:
        replace: ``INSERT OR REPLACE`` (a row with the same key is overwritten).
    """
    if not rows:
        return
    columns = list(rows[0])
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    sql = (f"{verb} INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    conn.executemany(sql, [tuple(r[c] for c in columns) for r in rows])


def marks(values: Sequence[Any]) -> str:
    """``?, ?, ?`` for an IN list of ``values``."""
    return ", ".join("?" for _ in values)


def rows_in(conn: sqlite3.Connection, sql: str, ids: Iterable[Any], first: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
    """Run ``sql`` (holding one ``{ids}`` slot for an IN list) over ``ids`` in chunks; yield every row.

    Args:
        first: parameters bound before the ids (for ``?`` earlier in ``sql``).
    """
    wanted = sorted({i for i in ids if i is not None})
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        yield from conn.execute(sql.format(ids=marks(chunk)), [*first, *chunk])
