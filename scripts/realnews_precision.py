"""Precision of the event coder on real news articles judged by hand (PolNeAR train texts).

Why this exists: the PLOVER dev file scores well because rules were tuned on it;
real articles nobody coded show how many coded events are events at all. The
articles are split in two folds by a hash of their id (md5, even = A, odd = B);
rules are changed looking at fold A, and fold B's events, judged by hand once
before any change (``eval/realnews_judged.json``), measure the change. Events a
change brings that have no judgement yet are listed, to be judged the same way.

    python scripts/realnews_precision.py ../shared/dev/polnear_train.jsonl [--fold B] [--show]
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

JUDGED = Path(__file__).resolve().parent.parent / "eval" / "realnews_judged.json"


def key(article: str, event) -> str:
    """The judgement key of one event: article, sentence start, type, trigger text."""
    return f"{article}|{event.sentence[0]}|{event.type}|{event.trigger.text}"


def main(argv: list[str] | None = None) -> int:
    """Code the fold's articles once and score their events against the judgements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", help="polnear_train.jsonl")
    parser.add_argument("--fold", choices=["A", "B"], default="B")
    parser.add_argument("--judged", default=str(JUDGED))
    parser.add_argument("--show", action="store_true", help="print the events that have no judgement")
    opts = parser.parse_args(argv)
    from newsgraph.pipeline import Extractor

    judged = json.loads(Path(opts.judged).read_text(encoding="utf-8"))
    wanted = set(judged[f"fold_{opts.fold}_articles"])
    rows = [json.loads(line) for line in Path(opts.articles).read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["id"] in wanted]
    extractor, counts, classes, unjudged = Extractor(), collections.Counter(), collections.Counter(), []
    for row in rows:
        record = extractor.extract_text(row["text"], article_id=row["id"], published=row.get("published"))
        for event in record.events:
            found = judged["judgements"].get(key(row["id"], event))
            if found is None:
                sent = row["text"][event.sentence[0]:event.sentence[1]].replace("\n", " ")
                unjudged.append(f"{key(row['id'], event)}  {sent[:200]}")
                continue
            code = found["code"]
            counts["judged"] += 1
            counts["strict"] += code == "ok"
            counts["type"] += not code.startswith("x")
            if code != "ok":
                classes[code] += 1
    n = counts["judged"] or 1
    print(f"fold {opts.fold}: {len(rows)} articles, {counts['judged']} judged events, {len(unjudged)} unjudged")
    print(f"precision strict {counts['strict'] / n:.3f}  right type {counts['type'] / n:.3f}")
    print("wrong events by class:", ", ".join(f"{c} {k}" for c, k in classes.most_common()))
    if opts.show:
        print("\n".join(unjudged))
    return 0


if __name__ == "__main__":
    sys.exit(main())
