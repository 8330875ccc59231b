#!/usr/bin/env python3
"""Train the attribution model shipped in newsgraph/knowledge/models/attribution/.

    python scripts/train_attribution.py [--gold ../shared/dev/polnear_train.jsonl]
                                        [--work /tmp/attribution] [--max-steps N]

Steps, all reproducible from the gold file (seed fixed in the config):
  1. Tokenise every fold-A article of the gold file (``evaluate/folds.py``: SHA-1 of
     the id, even first byte) with spaCy's English tokenizer and mark its gold
     attributions' CONTENT, SOURCE and CUE spans as entities (PolNeAR's spans do not
     nest). One fold-A article in ten (``is_tuning``) goes to the tuning set that
     picks the best checkpoint; fold B is never read.
  2. ``spacy train scripts/attribution_model.cfg`` (own tok2vec: hash embeddings and
     a small CNN, then a transition-based ``ner``), CPU only.
  3. Copy the best checkpoint into the package, without the optimizer state.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.util import filter_spans

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from newsgraph.evaluate.folds import fold_of, is_tuning  # noqa: E402
from newsgraph.extract.quotes.learned import MODEL_DIR, LABELS  # noqa: E402

CONFIG = REPO / "scripts" / "attribution_model.cfg"


def gold_doc(nlp, article: dict):
    """The article as a Doc whose entities are its attribution spans."""
    doc = nlp.make_doc(article["text"])
    spans = []
    for attribution in (article.get("gold") or {}).get("attributions") or []:
        for key, label in LABELS.items():
            for start, end in attribution.get(key) or []:
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                if span is not None and span.text.strip():
                    spans.append(span)
    doc.ents = filter_spans(spans)
    return doc


def prepare(gold_path: Path, work: Path) -> dict[str, int]:
    """Write train.spacy and tune.spacy from fold A; return article counts."""
    nlp = spacy.blank("en")
    train, tune = DocBin(), DocBin()
    counts = {"train": 0, "tune": 0, "fold_b_skipped": 0}
    with open(gold_path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            article = json.loads(line)
            if fold_of(article["id"]) != "A":
                counts["fold_b_skipped"] += 1
                continue
            target = "tune" if is_tuning(article["id"]) else "train"
            (tune if target == "tune" else train).add(gold_doc(nlp, article))
            counts[target] += 1
    work.mkdir(parents=True, exist_ok=True)
    train.to_disk(work / "train.spacy")
    tune.to_disk(work / "tune.spacy")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(REPO.parent / "shared" / "dev" / "polnear_train.jsonl"))
    parser.add_argument("--work", default="/tmp/newsgraph-attribution")
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    parser.add_argument("--model-dir", default=str(MODEL_DIR), help="where the best checkpoint goes")
    args = parser.parse_args(argv)
    work = Path(args.work)
    started = time.time()
    print("articles:", prepare(Path(args.gold), work), flush=True)
    from spacy.cli.train import train

    overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "tune.spacy")}
    if args.max_steps:
        overrides["training.max_steps"] = args.max_steps
    train(CONFIG, work / "out", use_gpu=-1, overrides=overrides)
    best, target = work / "out" / "model-best", Path(args.model_dir)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(best, target)
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"model: {target} ({size / 1e6:.1f} MB), {time.time() - started:.0f} s wall clock")
    return 0


if __name__ == "__main__":
    sys.exit(main())
