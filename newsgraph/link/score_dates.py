"""Publication dates and time-expression values of stored articles against hand gold.

Why this module exists: dating follows linking (an undated article that
reports an event another article dates is dated from it, and its relative
dates are re-read), so whether dates are right is measured on the store
*after* ``ingest``, not on the extractor alone (``newsgraph eval time``).

- published: articles whose ``published`` equals the gold day (or is null
  where the gold says nothing supports a day), over the gold articles;
- timex values: gold expressions (a phrase of an article, first or n-th
  occurrence) that a stored timex covers with one of the accepted values,
  over all gold expressions (a missed expression counts as wrong).

Run: ``python -m newsgraph.link.score_dates --db DB GOLD.yaml [--half A|B]``
(prints JSON; halves split the articles by the CRC-32 of their prefix).
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Optional

import yaml

from newsgraph.link.score import in_half
from newsgraph.records import ArticleRecord


def _article(prefix: str, records: dict[str, ArticleRecord]) -> Optional[ArticleRecord]:
    return next((records[a] for a in sorted(records) if a.startswith(prefix)), None)




def score_dates(gold: dict, records: dict[str, ArticleRecord], half: Optional[str] = None) -> dict:
    """Accuracy of publication dates and timex values (see module doc), with the misses listed."""
    dated, dates_ok, wrong_dates = 0, 0, []
    for prefix, day in (gold.get("published") or {}).items():
        record = _article(str(prefix), records)
        if not in_half(str(prefix), half):
            continue
        dated += 1
        got = record.published if record is not None else None
        if got == day:
            dates_ok += 1
        else:
            wrong_dates.append(f"{prefix}: {got} (gold {day})")
    total, values_ok, wrong = 0, 0, []
    for item in gold.get("timexes") or []:
        prefix, phrase, accepted = str(item[0]), item[1], [str(v) for v in item[2]]
        nth = int(item[3]) if len(item) > 3 else 1
        if not in_half(prefix, half):
            continue
        total += 1
        record = _article(prefix, records)
        pos = -1
        for _ in range(nth if record is not None else 0):
            pos = record.text.find(phrase, pos + 1)
            if pos < 0:
                break
        if record is None or pos < 0:
            wrong.append(f"{prefix}: {phrase!r} not in the text")
            continue
        end = pos + len(phrase)
        found = [t for t in record.timexes if t.start < end and pos < t.end]
        if any(t.value in accepted for t in found):
            values_ok += 1
        else:
            wrong.append(f"{prefix}: {phrase!r} -> {[t.value for t in found] or 'not found'} (gold {accepted})")
    return {"published": round(dates_ok / dated, 3) if dated else 1.0, "articles": dated,
            "timex_value": round(values_ok / total, 3) if total else 1.0, "timexes": total,
            "wrong_published": wrong_dates, "wrong_timexes": wrong}


def main(argv: Optional[list[str]] = None) -> int:
    """Score a store's dates against a gold file; print the scores as JSON."""
    from newsgraph.store import Store
    parser = argparse.ArgumentParser(prog="python -m newsgraph.link.score_dates",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("gold", help="gold YAML (published per article prefix, timexes with accepted values)")
    parser.add_argument("--db", default="newsgraph.db", help="a store made by `newsgraph ingest`")
    parser.add_argument("--half", choices=("A", "B"), help="only the articles of one half (by prefix hash)")
    args = parser.parse_args(argv)
    with open(args.gold, encoding="utf-8") as handle:
        gold = yaml.safe_load(handle)
    with Store(args.db, readonly=True) as store:
        records = {r.id: r for r in store.records()}
    print(json.dumps(score_dates(gold, records, args.half), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
