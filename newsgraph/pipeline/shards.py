"""Record shards: write them whole or not at all, read them back without NLP.

The Ray engine writes each batch of records as one shard (JSON Lines or
Parquet) to a local folder or any pyarrow filesystem URI (``s3://…``,
``gs://…``, ``file://…``). A shard is written under a hidden temporary name
and renamed when complete, so an interrupted run leaves complete shards only.
``newsgraph ingest --records`` reads them back with ``read_record_files``.

Parquet shards keep the record's scalar fields as columns and its lists
(actors, events, quotes, claims, …) as JSON text columns, so the file is
queryable as a table and still round-trips to the exact record.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Union

from newsgraph.errors import SkippedInput, message
from newsgraph.records import ArticleRecord

FORMATS = ("jsonl", "parquet")
TMP_PREFIX = ".partial-"
_JSON_COLUMNS_KEY = b"newsgraph_json_columns"


def filesystem(uri: str):
    """``(pyarrow filesystem, path)`` for a local path or a filesystem URI."""
    from pyarrow import fs
    if "://" in uri:
        return fs.FileSystem.from_uri(uri)
    return fs.LocalFileSystem(), str(Path(uri).resolve())


def prepare_dir(uri: str) -> None:
    """Create the output folder (when the filesystem has folders) before workers write."""
    handle, base = filesystem(uri)
    handle.create_dir(base, recursive=True)


def write_shard(uri: str, name: str, records: list[dict], fmt: str = "jsonl") -> str:
    """Write ``records`` (record dicts) as shard ``name`` under ``uri``; returns its path.

    Raises:
        ValueError: for an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown shard format {fmt!r} (use one of {', '.join(FORMATS)})")
    handle, base = filesystem(uri)
    handle.create_dir(base, recursive=True)
    final = f"{base.rstrip('/')}/{name}.{fmt}"
    partial = f"{base.rstrip('/')}/{TMP_PREFIX}{name}.{fmt}"
    try:
        if fmt == "jsonl":
            with handle.open_output_stream(partial) as out:
                for record in records:
                    out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        else:
            import pyarrow.parquet as pq
            with handle.open_output_stream(partial) as out:
                pq.write_table(_to_table(records), out)
    except BaseException:   # Ctrl-C or a bad record: the half-written file goes, nothing takes the final name
        try:
            handle.delete_file(partial)
        except OSError:
            pass
        raise
    handle.move(partial, final)
    return final


def remove_partials(uri: str) -> int:
    """Delete shards an interrupted run left half-written; returns how many."""
    from pyarrow import fs
    handle, base = filesystem(uri)
    try:
        infos = handle.get_file_info(fs.FileSelector(base, allow_not_found=True))
    except OSError:
        return 0
    partial = [i.path for i in infos if i.base_name.startswith(TMP_PREFIX)]
    for path in partial:
        handle.delete_file(path)
    return len(partial)


def _to_table(records: list[dict]):
    import pyarrow as pa
    names = list(dict.fromkeys(key for record in records for key in record))
    nested = [n for n in names if any(isinstance(r.get(n), (list, dict)) for r in records)]
    columns = {}
    for name in names:
        values = [r.get(name) for r in records]
        if name in nested:
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
            columns[name] = pa.array(values, type=pa.string())
        else:
            columns[name] = pa.array(values)
    table = pa.table(columns)
    return table.replace_schema_metadata({_JSON_COLUMNS_KEY: json.dumps(nested).encode()})


def read_record_files(path: str) -> Iterator[Union[ArticleRecord, SkippedInput]]:
    """Records from a shard file, or every shard of a folder (hidden files ignored).

    A line or file that is not a record becomes a ``SkippedInput`` naming it.
    """
    from pyarrow import fs
    handle, base = filesystem(path)
    info = handle.get_file_info(base)
    if info.type == fs.FileType.NotFound:
        yield SkippedInput(path, message("E015"), "E015")
        return
    if info.type == fs.FileType.Directory:
        infos = handle.get_file_info(fs.FileSelector(base, recursive=True))
        files = sorted(i.path for i in infos if i.type == fs.FileType.File
                       and not i.base_name.startswith(".") and i.extension in FORMATS)
    else:
        files = [base]
    for name in files:
        yield from _read_one(handle, name)


def _read_one(handle, name: str) -> Iterator[Union[ArticleRecord, SkippedInput]]:
    if name.endswith(".parquet"):
        import pyarrow.parquet as pq
        try:
            with handle.open_input_file(name) as src:
                table = pq.read_table(src)
        except Exception as exc:  # a broken file is named, the rest go on
            yield SkippedInput(name, message("E011", detail=f"not a Parquet record shard: {exc}"), "E011")
            return
        nested = json.loads((table.schema.metadata or {}).get(_JSON_COLUMNS_KEY, b"[]"))
        for row, data in enumerate(table.to_pylist(), 1):
            for column in nested:
                if data.get(column) is not None:
                    data[column] = json.loads(data[column])
            yield from _record(data, f"{name}:{row}")
        return
    with handle.open_input_stream(name) as src:
        text = src.read().decode("utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SkippedInput(f"{name}:{lineno}", message("E006", detail=exc.msg), "E006")
            continue
        yield from _record(data, f"{name}:{lineno}")


def _record(data, where: str) -> Iterator[Union[ArticleRecord, SkippedInput]]:
    if not isinstance(data, dict):
        yield SkippedInput(where, message("E012"), "E012")
        return
    for name in ("id", "text"):
        if data.get(name) is None:
            yield SkippedInput(where, message("E007", field=name), "E007")
            return
    try:
        yield ArticleRecord.from_dict({k: v for k, v in data.items() if v is not None or k == "id"})
    except (TypeError, ValueError, KeyError) as exc:
        yield SkippedInput(where, message("E014", detail=f"not a newsgraph record: {exc}"), "E014")
