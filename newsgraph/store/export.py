"""Export a store for other tools: JSON Lines, CSV, Parquet, GraphML, PLOVER JSON.

Every export streams: rows come from a cursor one at a time and are written
as they come (Parquet in record batches), so a store of any size exports in
constant memory. The same filters as the web API apply (``EventFilter``).

Formats
  ``jsonl``    the contract records, one article per line, exactly as stored.
  ``csv``      one row per event (or per quote, claim, actor with ``table``).
  ``parquet``  the same tables as CSV, typed columns.
  ``graphml``  the actor network: nodes are actor ids (name, kind, country,
               sector, role, mentions, articles); directed edges carry
               ``weight`` (events), ``dominant_type`` and ``n_<TYPE>`` counts.
  ``plover``   one PLOVER-style JSON object per event, one per line (mapping
               in ``plover_record``).
"""
from __future__ import annotations

import csv
import json
import re
import sqlite3
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterator

from newsgraph.store.actors import actor_info, actors_sql, dominant, edge_rows, mention_counts
from newsgraph.store.filters import EventFilter, ParamError, Where
from newsgraph.store.sql import connection

FORMATS = ("jsonl", "csv", "parquet", "graphml", "plover")
TABLES = ("events", "quotes", "claims", "actors")
BATCH = 2000
JOIN = "; "  # separates the members of a compound source or target in one CSV cell

# column name -> type ("str", "int", "float"), in output order
COLUMNS: dict[str, dict[str, str]] = {
    "events": {
        "article": "str", "event_idx": "int", "date": "str", "type": "str", "mode": "str", "status": "str",
        "source_actors": "str", "source_names": "str", "source_countries": "str", "source_sectors": "str",
        "source_text": "str", "target_actors": "str", "target_names": "str", "target_countries": "str",
        "target_sectors": "str", "target_text": "str", "dead": "int", "injured": "int", "size": "int",
        "location": "str", "location_country": "str", "lat": "float", "lon": "float",
        "trigger": "str", "trigger_start": "int", "trigger_end": "int",
        "sentence": "str", "sentence_start": "int", "sentence_end": "int",
        "published": "str", "outlet": "str", "title": "str", "url": "str"},
    "quotes": {
        "article": "str", "quote_idx": "int", "kind": "str", "speaker_actor": "str", "speaker_name": "str",
        "speaker_text": "str", "cue": "str", "content": "str", "content_start": "int", "content_end": "int",
        "published": "str", "outlet": "str", "title": "str", "url": "str"},
    "claims": {
        "article": "str", "claim_idx": "int", "measure": "str", "value": "float", "value_max": "float",
        "qualifier": "str", "about": "str", "attributed_text": "str", "attributed_actor": "str",
        "text": "str", "start": "int", "end": "int", "event_idx": "int", "event_type": "str",
        "published": "str", "outlet": "str", "title": "str", "url": "str"},
    "actors": {
        "id": "str", "name": "str", "kind": "str", "country": "str", "sector": "str", "role": "str",
        "mentions": "int", "articles": "int", "events": "int", "quotes": "int"},
}
# which filters each table understands (anything else is refused, not silently ignored)
APPLIES = {"events": {"actor", "type", "status", "since", "until"},
           "quotes": {"actor", "since", "until"}, "claims": {"actor", "type", "since", "until"},
           "actors": {"actor"}, "articles": {"actor", "type", "since", "until"}}


@dataclass
class ExportResult:
    """What an export wrote: ``count`` items of kind ``what`` (articles, rows, events, edges)."""

    count: int
    what: str


def _check_filters(flt: EventFilter, scope: str) -> None:
    given = {k for k in ("actor", "type", "status", "since", "until") if getattr(flt, k)}
    extra = given - APPLIES[scope]
    if extra:
        raise ParamError(sorted(extra)[0], f"does not apply to {scope}; usable here: "
                                           f"{', '.join(sorted(APPLIES[scope])) or 'none'}")


def _published_where(flt: EventFilter, alias: str = "a") -> Where:
    return Where().dates(f"{alias}.published", flt.since, flt.until)


# -- row sources ---------------------------------------------------------------
def event_rows(conn, flt: EventFilter) -> Iterator[dict]:
    """One flat row per event matching ``flt`` (participants joined with ``"; "``)."""
    where, params = flt.where("e")
    cursor = conn.execute(
        "SELECT e.*, a.published, a.outlet, a.title, a.url, "
        "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence_text "
        f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} "
        "ORDER BY e.date IS NULL, e.date, e.article_id, e.idx", params)
    args_sql = ("SELECT x.role, x.actor_id, ac.name, x.country, x.sector, x.text FROM event_args x "
                "LEFT JOIN actors ac ON ac.id = x.actor_id WHERE x.article_id = ? AND x.event_idx = ? "
                "ORDER BY x.role, x.pos")
    for e in cursor:
        row = {"article": e["article_id"], "event_idx": e["idx"], "date": e["date"], "type": e["type"],
               "mode": e["mode"], "status": e["status"]}
        args = conn.execute(args_sql, (e["article_id"], e["idx"])).fetchall()
        row["_args"] = {}  # the participants unjoined, for PLOVER (CSV and Parquet ignore it)
        for role in ("source", "target"):
            mine = [a for a in args if a[0] == role]
            for key, col in (("actors", 1), ("names", 2), ("countries", 3), ("sectors", 4), ("text", 5)):
                row[f"{role}_{key}"] = JOIN.join(a[col] or "" for a in mine) if mine else None
            row["_args"][role] = [{"actor": a[1], "name": a[2], "country": a[3], "sector": a[4], "text": a[5]}
                                  for a in mine]
        row.update(dead=e["dead"], injured=e["injured"], size=e["size"], location=e["location_name"],
                   location_country=e["location_country"], lat=e["location_lat"], lon=e["location_lon"],
                   trigger=e["trigger_text"], trigger_start=e["trigger_start"], trigger_end=e["trigger_end"],
                   sentence=e["sentence_text"], sentence_start=e["sentence_start"],
                   sentence_end=e["sentence_end"], published=e["published"], outlet=e["outlet"],
                   title=e["title"], url=e["url"])
        yield row


def quote_rows(conn, flt: EventFilter) -> Iterator[dict]:
    """One row per quote; ``actor`` filters the speaker, dates the publication."""
    w = _published_where(flt).add("q.speaker_actor = ?", flt.actor)
    where, params = w.sql, w.params
    for r in conn.execute(
            "SELECT q.*, ac.name AS speaker_name, a.published, a.outlet, a.title, a.url FROM quotes q "
            "JOIN articles a ON a.id = q.article_id LEFT JOIN actors ac ON ac.id = q.speaker_actor "
            f"WHERE {where} ORDER BY a.published IS NULL, a.published, q.article_id, q.idx", params):
        yield {"article": r["article_id"], "quote_idx": r["idx"], "kind": r["kind"],
               "speaker_actor": r["speaker_actor"], "speaker_name": r["speaker_name"],
               "speaker_text": r["speaker_text"], "cue": r["cue_text"], "content": r["content_text"],
               "content_start": r["content_start"], "content_end": r["content_end"],
               "published": r["published"], "outlet": r["outlet"], "title": r["title"], "url": r["url"]}


def claim_rows(conn, flt: EventFilter) -> Iterator[dict]:
    """One row per claim; ``actor`` filters who gave the figure, ``type`` the linked event."""
    w = _published_where(flt).add("c.attributed_actor = ?", flt.actor).add("e.type = ?", flt.type)
    where, params = w.sql, w.params
    for r in conn.execute(
            "SELECT c.*, e.type AS event_type, a.published, a.outlet, a.title, a.url FROM claims c "
            "JOIN articles a ON a.id = c.article_id "
            "LEFT JOIN events e ON e.article_id = c.article_id AND e.idx = c.event_idx "
            f"WHERE {where} ORDER BY a.published IS NULL, a.published, c.article_id, c.idx", params):
        yield {"article": r["article_id"], "claim_idx": r["idx"], "measure": r["measure"], "value": r["value"],
               "value_max": r["value_max"], "qualifier": r["qualifier"], "about": r["about"],
               "attributed_text": r["attributed_text"], "attributed_actor": r["attributed_actor"],
               "text": r["span_text"], "start": r["span_start"], "end": r["span_end"],
               "event_idx": r["event_idx"], "event_type": r["event_type"], "published": r["published"],
               "outlet": r["outlet"], "title": r["title"], "url": r["url"]}


def actor_rows(conn, flt: EventFilter) -> Iterator[dict]:
    """One row per actor with counts of mentions, articles, events and quotes."""
    select, _ = actors_sql("a.id = ?" if flt.actor else "1")
    for r in conn.execute(select + " ORDER BY a.id", [flt.actor] if flt.actor else []):
        yield {k: r[k] for k in COLUMNS["actors"]}


ROWS: dict[str, Callable[[sqlite3.Connection, EventFilter], Iterator[dict]]] = {
    "events": event_rows, "quotes": quote_rows, "claims": claim_rows, "actors": actor_rows}


# -- writers -------------------------------------------------------------------
@contextmanager
def _text_out(out: str | Path | IO[str], encoding: str = "utf-8"):
    """A text stream for ``out``: a path, ``"-"`` for stdout, or an open file."""
    if hasattr(out, "write"):
        yield out
    elif str(out) == "-":
        yield sys.stdout
    else:
        with open(out, "w", encoding=encoding, newline="") as handle:
            yield handle


def write_jsonl(conn, out, flt: EventFilter) -> ExportResult:
    """The stored contract records, one article per line, by publication date."""
    w = _published_where(flt)
    w.add("EXISTS (SELECT 1 FROM article_actors x WHERE x.article_id = a.id AND x.actor_id = ?)", flt.actor)
    w.add("EXISTS (SELECT 1 FROM events x WHERE x.article_id = a.id AND x.type = ?)", flt.type)
    where, params = w.sql, w.params
    n = 0
    with _text_out(out) as handle:
        for (record,) in conn.execute(f"SELECT a.record FROM articles a WHERE {where} "
                                      "ORDER BY a.published IS NULL, a.published, a.id", params):
            handle.write(record + "\n")  # stored by json.dumps: never a raw line break inside
            n += 1
    return ExportResult(n, "articles")


def write_csv(rows: Iterator[dict], columns: list[str], out) -> ExportResult:
    """Rows as CSV with a header line (UTF-8, RFC 4180 quoting).

    A CSV file starts with a UTF-8 byte-order mark: spreadsheets (Excel,
    LibreOffice) then read "Benoît" and "Pashinyan’s" right instead of
    guessing a legacy code page; pandas and ``csv`` with ``utf-8-sig`` skip it.
    Written to stdout, there is no mark.
    """
    n = 0
    with _text_out(out, encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            n += 1
    return ExportResult(n, "rows")


def write_parquet(rows: Iterator[dict], columns: dict[str, str], out) -> ExportResult:
    """Rows as a Parquet file, written in record batches of ``BATCH`` rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    if str(out) == "-" or hasattr(out, "write"):
        raise ParamError("output", "Parquet needs a file path, not stdout")
    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(name, kinds[kind]) for name, kind in columns.items()])
    n, batch = 0, []
    with pq.ParquetWriter(str(out), schema) as writer:
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            n += len(batch)
    return ExportResult(n, "rows")


_XML_BAD = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NODE_KEYS = ("name", "kind", "country", "sector", "role", "mentions", "articles")


def _xml(value):
    """A value XML 1.0 can hold: characters it forbids (control bytes) are dropped from text."""
    return _XML_BAD.sub("", value) if isinstance(value, str) else value


def network_graph(conn, flt: EventFilter):
    """The actor network as a ``networkx.DiGraph``: actor nodes, edges weighted and typed.

    Node attributes: name, kind, country, sector, role (when known), mentions,
    articles. Edge attributes: ``weight`` (events), ``dominant_type`` and one
    ``n_<TYPE>`` count per PLOVER type present.
    """
    import networkx as nx
    edges: dict[tuple[str, str], Counter] = {}
    for src, dst, type_, n in edge_rows(conn, flt):
        edges.setdefault((src, dst), Counter())[type_] += n
    ids = sorted({a for pair in edges for a in pair})
    info = actor_info(conn, ids)
    counts = mention_counts(conn) if ids else {}
    graph = nx.DiGraph(id="newsgraph")
    for actor_id in ids:
        data = dict(info.get(actor_id, {}))
        data["mentions"], data["articles"] = counts.get(actor_id, (0, 0))
        graph.add_node(_xml(actor_id), **{k: _xml(data[k]) for k in NODE_KEYS if data.get(k) is not None})
    for (src, dst), types in sorted(edges.items()):
        graph.add_edge(_xml(src), _xml(dst), weight=sum(types.values()), dominant_type=dominant(types),
                       **{f"n_{t}": c for t, c in types.items()})
    return graph


def write_graphml(conn, out, flt: EventFilter) -> ExportResult:
    """The actor network as GraphML (directed; readable by Gephi and networkx), written by networkx."""
    import networkx as nx
    graph = network_graph(conn, flt)
    with _text_out(out) as handle:
        for line in nx.generate_graphml(graph, encoding="utf-8"):
            handle.write(line + "\n")
    return ExportResult(graph.number_of_edges(), "edges")


def plover_record(row: dict) -> dict:
    """One event row as a PLOVER-style record.

    Mapping (newsgraph → PLOVER): ``article:idx`` → ``id``; event date (or
    the article's publication date when undated, flagged by
    ``date_source``) → ``date``; ``type`` → ``event_type``; ``mode`` →
    ``mode``; ``context`` is always null (newsgraph does not code PLOVER
    contexts); the first source/target participant → ``source_actor``
    (name, else the text as written), ``source_actor_id``,
    ``source_country``, ``source_sector`` (same for target), with every
    participant of a compound actor in ``source_actors``/``target_actors``;
    ``location`` → ``{name, country, lat, lon}``; ``dead``, ``injured``,
    ``size`` unchanged; trigger text → ``event_text``; the sentence →
    ``text``; plus provenance: ``status``, ``article``, ``url``, ``outlet``,
    ``published``, ``trigger`` and ``sentence`` offsets.
    """
    rec = {"id": f"{row['article']}:{row['event_idx']}", "date": row["date"] or row["published"],
           "date_source": "event" if row["date"] else ("published" if row["published"] else None),
           "event_type": row["type"], "mode": row["mode"], "context": None}
    for role in ("source", "target"):
        members = row["_args"][role]
        first = members[0] if members else {}
        rec[f"{role}_actor"] = first.get("name") or first.get("text")
        rec[f"{role}_actor_id"] = first.get("actor")
        rec[f"{role}_country"] = first.get("country")
        rec[f"{role}_sector"] = first.get("sector")
        rec[f"{role}_actors"] = members
    rec["location"] = ({"name": row["location"], "country": row["location_country"], "lat": row["lat"],
                        "lon": row["lon"]} if row["location"] else None)
    rec.update(dead=row["dead"], injured=row["injured"], size=row["size"], event_text=row["trigger"],
               text=row["sentence"], status=row["status"], article=row["article"], url=row["url"],
               outlet=row["outlet"], published=row["published"],
               trigger={"start": row["trigger_start"], "end": row["trigger_end"], "text": row["trigger"]},
               sentence=[row["sentence_start"], row["sentence_end"]])
    return rec


def write_plover(conn, out, flt: EventFilter) -> ExportResult:
    """Events as PLOVER-style JSON, one object per line."""
    n = 0
    with _text_out(out) as handle:
        for row in event_rows(conn, flt):
            handle.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
            n += 1
    return ExportResult(n, "events")


def export(conn, fmt: str, out: str | Path | IO[str], table: str = "events",
           flt: EventFilter | None = None) -> ExportResult:
    """Write the store (or the part matching ``flt``) in format ``fmt`` to ``out``.

    Args:
        conn: an open store connection (``Store(path, readonly=True).conn``).
        fmt: one of ``FORMATS``.
        out: a file path, ``"-"`` for stdout (not for parquet), or an open text file.
        table: for csv and parquet: events, quotes, claims or actors.
        flt: filters (actor, type, status, since, until); each table uses the ones that apply.
    Returns:
        How many items were written.
    Raises:
        ParamError: unknown format or table, a bad filter value, or a filter that
            does not apply to what is exported.
    """
    if fmt not in FORMATS:
        raise ParamError("format", f"{fmt!r} is not a format; use one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ParamError("table", f"{table!r} is not a table; use one of {', '.join(TABLES)}")
    flt = (flt or EventFilter()).checked()
    conn = connection(conn)
    if fmt == "jsonl":
        _check_filters(flt, "articles")
        return write_jsonl(conn, out, flt)
    if fmt in ("graphml", "plover"):
        _check_filters(flt, "events")
        return (write_graphml if fmt == "graphml" else write_plover)(conn, out, flt)
    _check_filters(flt, table)
    rows = ROWS[table](conn, flt)
    if fmt == "csv":
        return write_csv(rows, list(COLUMNS[table]), out)
    return write_parquet(rows, COLUMNS[table], out)
