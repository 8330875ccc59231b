"""Score ``newsgraph_actors`` on hand-coded phrases: who a phrase is, from which country.

Why this module exists: the event scores mix two questions (which phrase is
the source, and who that phrase is); this one asks only the second, so a
change to actor resolution ("Baku" as Azerbaijan's government, a president
the dictionaries do not know, "Houthi rebels") can be judged on its own.

Gold format (JSON Lines, one passage per line)::

    {"id": str, "part": str?, "text": str, "published": "YYYY-MM-DD"?,
     "actors": [{"text": str, "nth": int?, "country": ISO3|null,
                 "sector": str?, "id": str?, "actor": false?}],
     "same": [[text, text], ...]?}

``text`` is found in the passage (its ``nth`` occurrence, default the first).
An item with ``"actor": false`` is a place or a word that must not be an
actor ("rallied in Baku"). ``same`` lists mentions that must resolve to one
actor id ("Pashinyan" and "Pashinian").

The system actor of an item is the one with a mention overlapping its span
most. Measures:

- ``found``: items (actor items) that some actor covers.
- ``country``: actor items whose actor's country equals the gold (null
  included: an IGO has no country); an uncovered item is wrong.
- ``sector``: items with a gold sector whose actor has that sector.
- ``id``: items with a gold id whose actor has that id.
- ``not_actor``: ``"actor": false`` items no actor covers.
- ``same``: ``same`` pairs resolved to one id.

Every measure is given over all rows and per ``part`` (e.g. tuning and
held-out rows). ``details`` lists the wrong items of rows that are not in
the part named ``held-out``: held-out rows are read as totals only.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Optional

from spacy.language import Language

MEASURES = ("found", "country", "sector", "id", "not_actor", "same")
HELD_OUT = "held-out"


def _get(obj: Any, name: str, default=None):
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def read_gold(path: str | Path) -> list[dict]:
    """The gold rows of a JSON Lines file (blank lines skipped)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def item_span(text: str, phrase: str, nth: int = 1) -> Optional[tuple[int, int]]:
    """Character span of the ``nth`` occurrence of ``phrase`` in ``text``, or None."""
    at = -1
    for _ in range(max(1, nth)):
        at = text.find(phrase, at + 1)
        if at < 0:
            return None
    return at, at + len(phrase)


def actor_at(actors: list, span: tuple[int, int]):
    """The actor whose mentions overlap ``span`` most (None when none does)."""
    best, best_overlap = None, 0
    for actor in actors:
        for start, end in _get(actor, "mentions") or ():
            overlap = min(end, span[1]) - max(start, span[0])
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
    return best


def _judge_row(row: dict, actors: list) -> list[tuple[str, bool, str]]:
    """(measure, right, what) for every scored item of one row."""
    text = row["text"]
    out = []
    for item in row.get("actors") or ():
        span = item_span(text, item["text"], item.get("nth", 1))
        if span is None:
            raise ValueError(f"{row.get('id')}: {item['text']!r} is not in the text")
        got = actor_at(actors, span)
        if item.get("actor") is False:
            out.append(("not_actor", got is None, f"{item['text']!r} is no actor, got {_get(got, 'id')}"))
            continue
        desc = (f"{item['text']!r}: got {_get(got, 'id')} country={_get(got, 'country')} "
                f"sector={_get(got, 'sector')}")
        out.append(("found", got is not None, desc))
        out.append(("country", got is not None and _get(got, "country") == item.get("country"),
                    f"{desc}, want country={item.get('country')}"))
        if item.get("sector"):
            out.append(("sector", got is not None and _get(got, "sector") == item["sector"],
                        f"{desc}, want sector={item['sector']}"))
        if item.get("id"):
            out.append(("id", got is not None and _get(got, "id") == item["id"], f"{desc}, want id={item['id']}"))
    for first, second in row.get("same") or ():
        a = actor_at(actors, item_span(text, first) or (0, 0))
        b = actor_at(actors, item_span(text, second) or (0, 0))
        ok = a is not None and b is not None and _get(a, "id") == _get(b, "id")
        out.append(("same", ok, f"{first!r} and {second!r} one actor: {_get(a, 'id')} / {_get(b, 'id')}"))
    return out


def score_actors(gold_rows: list[dict], actors_per_row: list[list]) -> dict:
    """Compare the actors of each row with its gold items.

    Args:
        gold_rows: rows as in the module docstring.
        actors_per_row: for each row, its ``records.Actor`` objects (or dicts).
    Returns:
        ``{"rows", "all": {measure: [right, total]}, "parts": {part: {measure:
        [right, total]}}, "details": [(row id, what)]}``.
    """
    if len(gold_rows) != len(actors_per_row):
        raise ValueError(f"{len(gold_rows)} gold rows but {len(actors_per_row)} predictions")
    total: dict[str, list[int]] = {m: [0, 0] for m in MEASURES}
    parts: dict[str, dict[str, list[int]]] = defaultdict(lambda: {m: [0, 0] for m in MEASURES})
    details = []
    for row, actors in zip(gold_rows, actors_per_row):
        part = row.get("part") or "all"
        for measure, right, what in _judge_row(row, list(actors or ())):
            for table in (total, parts[part]):
                table[measure][0] += int(right)
                table[measure][1] += 1
            if not right and part != HELD_OUT:
                details.append((row.get("id"), what))
    return {"rows": len(gold_rows), "all": total, "parts": dict(parts), "details": details}


def evaluate_actors(gold_path: str | Path, nlp: Optional[Language] = None) -> dict:
    """Run the pipeline over a gold file and score its actors (``score_actors``'s dict)."""
    from newsgraph.pipeline.nlp import build_nlp, make_doc, run

    if nlp is None:
        nlp = build_nlp()
    rows = read_gold(gold_path)
    docs = [make_doc(nlp, r["text"], r.get("id"), r.get("published")) for r in rows]
    actors = [list(doc._.ng_actors or []) for doc in run(nlp, docs)]
    return score_actors(rows, actors)


def _line(name: str, table: dict[str, list[int]]) -> str:
    cells = []
    for measure in MEASURES:
        right, n = table[measure]
        cells.append(f"{measure} {right / n:.3f} ({right}/{n})" if n else f"{measure} -")
    return f"{name:<10} " + "  ".join(cells)


def format_actor_scores(scores: dict, details: bool = False) -> str:
    """Totals for all rows and per part; with ``details``, the wrong items outside held-out rows."""
    lines = [f"rows: {scores['rows']}", _line("all", scores["all"])]
    lines += [_line(part, table) for part, table in sorted(scores["parts"].items())]
    if details:
        lines += ["", "wrong (held-out rows not shown):"]
        lines += [f"  {row}: {what}" for row, what in scores["details"]]
    return "\n".join(lines)
