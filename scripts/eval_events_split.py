"""Score an own event set in two parts: tuning rows (may be read) and held-out rows (totals only).

Why this exists: the own sets in eval/ hold negatives (``"type": null``: the
same words in a non-event sense) that ``newsgraph eval events`` counts as
missed rows; here recall is over the positive rows, precision over every event
(an event on a negative row is wrong), and the held-out part is never printed
row by row.

    python scripts/eval_events_split.py eval/events_reach_own.jsonl --held 30 [--show]
"""
from __future__ import annotations

import argparse
import sys

from newsgraph.evaluate.events import read_gold, score_events


def _figures(rows: list[dict], preds: list[list]) -> str:
    """One line: rows, recall on positives, precision on all events, countries."""
    positives = [(r, p) for r, p in zip(rows, preds) if (r.get("gold") or {}).get("type")]
    scores = score_events([r for r, _ in positives], [p for _, p in positives])
    allowed = [{r["gold"].get("type"), *r["gold"].get("other_types", [])} for r in rows]
    events = sum(len(p) for p in preds)
    right = sum(1 for ok, p in zip(allowed, preds) for e in p if e.type in ok)
    return (f"rows {len(rows)} (positive {len(positives)})  recall {scores['type_recall']:.3f}  "
            f"precision {right / events if events else 0:.3f} ({events} events)  "
            f"source {scores['source_country_accuracy']:.3f}  target {scores['target_country_accuracy']:.3f}")


def main(argv: list[str] | None = None) -> int:
    """Run the pipeline once over the file and print the two parts' totals."""
    from newsgraph.pipeline.nlp import build_nlp, make_doc, run

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--held", type=int, required=True, help="index of the first held-out row")
    parser.add_argument("--show", action="store_true", help="print the wrong rows of the tuning part")
    opts = parser.parse_args(argv)
    rows = read_gold(opts.gold)
    nlp = build_nlp()
    preds = [list(d._.ng_events or []) for d in run(nlp, [make_doc(nlp, r["text"], r.get("id"), r.get("published"))
                                                          for r in rows])]
    for name, part in (("tuning", slice(0, opts.held)), ("held-out", slice(opts.held, None))):
        print(f"{name:9} {_figures(rows[part], preds[part])}")
    for row, found in zip(rows[:opts.held], preds[:opts.held]) if opts.show else ():
        gold = row["gold"]
        got = [(e.type, e.trigger.text, sorted({a.country for a in e.source if a.country}),
                sorted({a.country for a in e.target if a.country})) for e in found]
        if gold.get("type") not in {g[0] for g in got} or any(
                g[0] not in {gold.get("type"), *gold.get("other_types", [])} for g in got):
            print(f"  {row['id']} {gold.get('type')}: {row['text']}\n    got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
