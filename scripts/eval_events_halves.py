"""Score the event coder on the two halves of a PLOVER gold file, per type.

Why this exists: rules are changed while looking at half A only; a change is
kept only if half B (never read while changing rules) improves too. The split
is deterministic (``newsgraph.evaluate.events.half_of``: a hash of the row id).

    python scripts/eval_events_halves.py ../shared/dev/plover_dev.jsonl [--show A] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import sys

from newsgraph.evaluate.events import evaluate_events, format_event_scores, half_of, score_events


def main(argv: list[str] | None = None) -> int:
    """Run the pipeline once over the file, then score all rows, half A and half B."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--show", choices=["A", "B"], help="print the wrong rows of this half")
    parser.add_argument("--json", help="write the figures as JSON to this file")
    opts = parser.parse_args(argv)
    scores = evaluate_events(opts.gold)
    from newsgraph.evaluate.events import read_gold
    rows = read_gold(opts.gold)
    detail = scores["rows_detail"]
    out = {"all": {k: v for k, v in scores.items() if k != "rows_detail"}}
    for half in ("A", "B"):
        keep = [i for i, r in enumerate(rows) if half_of(r.get("id", "")) == half]
        preds = [[{"type": p[0], "source": [{"country": c} for c in p[2]],
                   "target": [{"country": c} for c in p[3]]} for p in detail[i]["predicted"]] for i in keep]
        out[half] = score_events([rows[i] for i in keep], preds)
    for name, figures in out.items():
        print(f"== {name}")
        print(format_event_scores(figures))
    if opts.show:
        for row, item in zip(rows, detail):
            if half_of(row.get("id", "")) != opts.show:
                continue
            gold = row["gold"]
            wanted = {c["country"] for c in gold.get("source") or [] if c.get("country")}
            wanted_t = {c["country"] for c in gold.get("target") or [] if c.get("country")}
            same = [p for p in item["predicted"] if p[0] == gold["type"]]
            ok = same and (not wanted or any(set(p[2]) & wanted for p in same)) and \
                (not wanted_t or any(set(p[3]) & wanted_t for p in same))
            wrong_extra = [p for p in item["predicted"] if p[0] not in {gold["type"], *gold.get("other_types", [])}]
            if not ok or wrong_extra:
                print(f"\n{row['id']} gold {gold['type']} {sorted(wanted)}->{sorted(wanted_t)} "
                      f"[{gold.get('event_text')}]\n  {row['text']}\n  pred {item['predicted']}")
    if opts.json:
        with open(opts.json, "w", encoding="utf-8") as handle:
            json.dump(out, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
