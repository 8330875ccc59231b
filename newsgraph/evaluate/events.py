"""Score ``newsgraph_events`` against PLOVER-coded sentences.

Why this module exists: event rules are easy to overfit and hard to judge by
eye; every change to the lexicon or the rules should move these figures the
right way on held-out data of the same kind.

Gold format (JSON Lines, one sentence per line)::

    {"id": str, "text": str, "published": "YYYY-MM-DD"?,
     "gold": {"type": PLOVER type, "other_types": [types],
              "source": [{"text", "country": ISO3|null, ...}],
              "target": [{"text", "country": ISO3|null, ...}]}}

Several lines may hold the same sentence coded with different events; each
line is scored on its own.

Measures (all over the rows of the file):

- ``type_recall``: share of rows where some predicted event has the gold type.
- ``type_precision``: share of all predicted events whose type is one the row
  is coded with (the gold type or one of ``other_types``).
- ``events_per_sentence``: predicted events per row.
- ``source_country_accuracy`` / ``target_country_accuracy``: over the rows
  whose gold source (target) has at least one non-null country: the row is
  right when some predicted event of the gold type has a source (target)
  country set that intersects the gold set. A row with no predicted event of
  the gold type counts as wrong.
- ``per_type_recall``: type recall per gold type, with the row counts.

``evaluate_events`` also returns ``rows``: per row the gold type and the
predicted (type, trigger, source countries, target countries), for error
analysis.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Optional

from spacy.language import Language

from newsgraph.evaluate.folds import fold_of


def _get(obj: Any, name: str, default=None):
    """Attribute or key ``name`` of a record or a dict."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _countries(args: Iterable) -> set:
    """The non-null countries of a list of Args (records or dicts)."""
    return {_get(a, "country") for a in args or () if _get(a, "country")}


def half_of(row_id: str) -> str:
    """"A" or "B": a fixed split of a gold file by a hash of the row id.

    Rules are changed while looking at half A only; half B says whether the
    change generalises (see scripts/eval_events_halves.py).
    """
    return fold_of(row_id)


def read_gold(path: str | Path) -> list[dict]:
    """The gold rows of a JSON Lines file (blank lines skipped)."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


def score_events(gold_rows: list[dict], pred_events_per_row: list[list]) -> dict:
    """Compare predicted events with gold rows, one list of events per row.

    Args:
        gold_rows: rows as in the module docstring.
        pred_events_per_row: for each row, the predicted events
            (``records.Event`` objects or their dicts), in row order.
    Returns:
        A dict with ``rows``, ``events``, ``type_recall``, ``type_precision``,
        ``events_per_sentence``, ``source_country_accuracy``,
        ``target_country_accuracy``, ``source_rows``, ``target_rows`` and
        ``per_type_recall`` ({type: {"recall", "rows"}}).
    """
    if len(gold_rows) != len(pred_events_per_row):
        raise ValueError(f"{len(gold_rows)} gold rows but {len(pred_events_per_row)} predictions")
    hits = correct_types = n_events = 0
    src_rows = src_ok = tgt_rows = tgt_ok = 0
    per_type: defaultdict[Optional[str], list[int]] = defaultdict(lambda: [0, 0])   # type -> [hits, rows]
    for row, preds in zip(gold_rows, pred_events_per_row):
        gold = row.get("gold") or {}
        gtype = gold.get("type")
        allowed = {gtype, *(gold.get("other_types") or [])}
        preds = list(preds or [])
        n_events += len(preds)
        correct_types += sum(1 for e in preds if _get(e, "type") in allowed)
        same = [e for e in preds if _get(e, "type") == gtype]
        per_type[gtype][1] += 1
        if same:
            hits += 1
            per_type[gtype][0] += 1
        for key, counter in (("source", "src"), ("target", "tgt")):
            wanted = _countries(gold.get(key))
            if not wanted:
                continue
            ok = any(_countries(_get(e, key)) & wanted for e in same)
            if counter == "src":
                src_rows += 1
                src_ok += ok
            else:
                tgt_rows += 1
                tgt_ok += ok
    n_rows = len(gold_rows)
    return {
        "rows": n_rows,
        "events": n_events,
        "type_recall": hits / n_rows if n_rows else 0.0,
        "type_precision": correct_types / n_events if n_events else 0.0,
        "events_per_sentence": n_events / n_rows if n_rows else 0.0,
        "source_country_accuracy": src_ok / src_rows if src_rows else 0.0,
        "target_country_accuracy": tgt_ok / tgt_rows if tgt_rows else 0.0,
        "source_rows": src_rows,
        "target_rows": tgt_rows,
        "per_type_recall": {t: {"recall": h / n if n else 0.0, "rows": n}
                            for t, (h, n) in sorted(per_type.items(), key=lambda kv: str(kv[0]))},
    }


def evaluate_events(gold_path: str | Path, nlp: Optional[Language] = None) -> dict:
    """Run the pipeline over a gold file and score its events.

    Args:
        gold_path: JSON Lines gold file (see the module docstring).
        nlp: a pipeline with ``newsgraph_events``; default
            ``newsgraph.pipeline.nlp.build_nlp()`` with every available component.
    Returns:
        ``score_events``'s dict plus ``rows_detail``: per row ``id``, ``gold``
        type and ``predicted`` [type, trigger text, source countries, target
        countries].
    """
    from newsgraph.pipeline.nlp import build_nlp, make_doc, run

    if nlp is None:
        nlp = build_nlp()
    rows = read_gold(gold_path)
    docs = [make_doc(nlp, r["text"], r.get("id"), r.get("published")) for r in rows]
    preds = [list(doc._.ng_events or []) for doc in run(nlp, docs)]
    scores = score_events(rows, preds)
    scores["rows_detail"] = [
        {"id": r.get("id"), "gold": (r.get("gold") or {}).get("type"),
         "predicted": [[e.type, e.trigger.text, sorted(_countries(e.source)), sorted(_countries(e.target))]
                       for e in p]}
        for r, p in zip(rows, preds)
    ]
    return scores


def format_event_scores(scores: dict) -> str:
    """The scores as a short plain-text report (overall figures, then recall per type)."""
    lines = [
        f"rows: {scores['rows']}   predicted events: {scores['events']}",
        f"type recall              {scores['type_recall']:.3f}",
        f"type precision           {scores['type_precision']:.3f}",
        f"events per sentence      {scores['events_per_sentence']:.2f}",
        f"source country accuracy  {scores['source_country_accuracy']:.3f}  (on {scores['source_rows']} rows)",
        f"target country accuracy  {scores['target_country_accuracy']:.3f}  (on {scores['target_rows']} rows)",
        "",
        "recall per type:",
    ]
    for kind, item in scores.get("per_type_recall", {}).items():
        lines.append(f"  {str(kind):<12} {item['recall']:.3f}  ({item['rows']} rows)")
    return "\n".join(lines)
