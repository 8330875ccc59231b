"""The one reader for knowledge files: read, validate, merge users' files.

Every lexicon newsgraph ships is a YAML file in ``knowledge/data/`` that users
extend with files of their own. Reading them in one place means one behaviour
everywhere: a broken file is a :class:`KnowledgeError` naming the file (and the
line, for YAML syntax errors, or the entry, for a bad entry), user files are
layered over the shipped one in the order given, and nothing is read twice.
"""
from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from newsgraph.errors import NewsgraphError
from newsgraph.knowledge import data_path


class KnowledgeError(NewsgraphError, ValueError):
    """A knowledge file cannot be read or holds an entry newsgraph cannot use."""


def read_yaml(path: str | Path) -> Any:
    """One YAML knowledge file: a mapping of sections (empty when the file is
    empty), or a list of entries for files that are one list (actor registries).

    Args:
        path: the file to read.
    Returns:
        The top-level mapping.
    Raises:
        KnowledgeError: the file is missing, is not YAML, or is not a mapping.
    """
    return copy.deepcopy(_read_cached(str(path)))


@lru_cache(maxsize=64)
def _read_cached(path: str) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except FileNotFoundError:
        raise KnowledgeError(f"{path}: no such knowledge file") from None
    except UnicodeDecodeError as exc:
        raise KnowledgeError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise KnowledgeError(f"{path}:{where} not valid YAML: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, (dict, list)):
        raise KnowledgeError(f"{path}: expected a mapping of sections (or a list of entries), "
                             f"got {type(data).__name__}")
    return data


def layers(name: str, extra_paths: Iterable[str | Path] = ()) -> list[tuple[str, dict[str, Any]]]:
    """The shipped file ``name`` then each user file, as ``(path, data)`` pairs."""
    paths = [data_path(name), *map(Path, extra_paths)]
    return [(str(path), read_yaml(path)) for path in paths]


def merged(name: str, extra_paths: Iterable[str | Path] = ()) -> dict[str, Any]:
    """The shipped file ``name`` with user files layered over it.

    Lists are concatenated, mappings merged key by key (later files win) and
    other values replaced, so a user file only needs the entries it adds.
    """
    result: dict[str, Any] = {}
    for _, data in layers(name, extra_paths):
        merge_into(result, data)
    return result


def merge_into(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Layer ``extra`` over ``base`` in place (see :func:`merged`) and return it."""
    for key, value in extra.items():
        old = base.get(key)
        if isinstance(old, list) and isinstance(value, list):
            base[key] = old + value
        elif isinstance(old, dict) and isinstance(value, dict):
            base[key] = merge_into(dict(old), value)
        else:
            base[key] = value
    return base


def require(entry: Any, keys: Iterable[str], where: str) -> Mapping[str, Any]:
    """Check that an entry is a mapping holding ``keys``; the error names it.

    Args:
        entry: one item of a section.
        keys: the fields it must have.
        where: ``"FILE: section[index]"``, used in the error.
    """
    if not isinstance(entry, Mapping):
        raise KnowledgeError(f"{where}: expected a mapping, got {entry!r:.60}")
    missing = [key for key in keys if key not in entry]
    if missing:
        raise KnowledgeError(f"{where}: entry lacks {', '.join(missing)} ({dict(entry)!r:.80})")
    return entry
