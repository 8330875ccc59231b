#!/usr/bin/env python3
"""Quotes with the rules alone vs rules + the learned attribution model, on held-out folds.

    python scripts/eval_attribution.py [--train ../shared/dev/polnear_train.jsonl]
                                       [--dev ../shared/dev/polnear_dev.jsonl]
                                       [--cache /tmp/newsgraph-attr-docs.pkl] [--limit N]

Sets: fold B of the train split (``evaluate/folds.py``; the model never trains on
it) and the dev file. The pipeline up to the quotes component runs once per
article (parsed Docs are pickled to ``--cache`` for re-runs); then the quotes
component runs twice on each Doc, ``use_model`` off and on, and both are scored
with ``evaluate/quotes.score_quotes``.
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from newsgraph.evaluate.folds import fold_of, is_tuning  # noqa: E402
from newsgraph.evaluate.quotes import load_gold, score_quotes  # noqa: E402


def parsed_docs(sets: dict, cache: Path):
    """Docs after every component before quotes, per set (pickled to ``cache``)."""
    if cache.is_file():
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    from newsgraph.pipeline.nlp import build_nlp, make_doc

    nlp = build_nlp(components=["newsgraph_actors", "newsgraph_timex"])
    out = {}
    for name, gold in sets.items():
        docs = [make_doc(nlp, d["text"], str(d.get("id")), d.get("published")) for d in gold]
        out[name] = list(nlp.pipe(docs, batch_size=8))
    with open(cache, "wb") as fh:
        pickle.dump(out, fh)
    return out


def line(view: dict) -> str:
    c, e = view["content"], view["end_to_end"]
    return (f"content P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f} | "
            f"e2e P {e['precision']:.3f} R {e['recall']:.3f} F1 {e['f1']:.3f} | speaker {view['speaker_accuracy']:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = REPO.parent / "shared" / "dev"
    parser.add_argument("--train", default=str(shared / "polnear_train.jsonl"))
    parser.add_argument("--dev", default=str(shared / "polnear_dev.jsonl"))
    parser.add_argument("--cache", default="/tmp/newsgraph-attr-docs.pkl")
    parser.add_argument("--limit", type=int, default=0, help="articles per set (0: all)")
    parser.add_argument("--json", default=None, help="write the scores here")
    parser.add_argument("--tune", action="store_true",
                        help="score the fold-A tuning articles instead (held out from training; "
                             "the set to look at when changing how model output is merged)")
    args = parser.parse_args(argv)
    if args.tune:
        sets = {"tune": [d for d in load_gold(args.train) if is_tuning(d["id"])]}
    else:
        sets = {"fold B": [d for d in load_gold(args.train) if fold_of(d["id"]) == "B"],
                "dev": load_gold(args.dev)}
    if args.limit:
        sets = {k: v[:args.limit] for k, v in sets.items()}
    docs = parsed_docs(sets, Path(args.cache))
    from newsgraph.extract.quotes.component import QuoteFinder

    finders = {"rules": QuoteFinder(use_model=False), "rules+model": QuoteFinder(use_model=True)}
    results = {}
    for name, gold in sets.items():
        for label, finder in finders.items():
            started = time.perf_counter()
            preds = [list(finder(doc)._.ng_quotes) for doc in docs[name]]
            seconds = time.perf_counter() - started
            scores = score_quotes(gold, preds)
            results[f"{name} / {label}"] = {**scores, "seconds": round(seconds, 2)}
            print(f"{name:<7} {label:<12} ({len(gold)} articles, quotes {seconds:.1f} s)")
            for view in ("direct", "all"):
                print(f"    {view:<6} {line(scores[view])}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
