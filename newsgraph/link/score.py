"""Pair recall and precision of event clusters against hand gold.

Why this module exists: whether the link stage puts together what analysts
expect as one entry, and keeps apart what they expect apart, is measured on
mention *pairs*: a gold cluster of n mentions gives n(n-1)/2 pairs that
should share a timeline entry. A gold mention is a phrase of an article; a
system mention (a timeline entry's event mention, or one of its named
references such as "the 2020 war") stands for it when its trigger lies
inside the phrase.

- recall: gold pairs whose two mentions are in one system cluster, over all
  gold pairs (a mention the extractors never found counts as missed);
  ``recall_extracted`` counts only pairs whose two mentions were extracted.
- cross-article recall: the same over gold pairs of two articles.
- precision: system pairs (within one entry) whose mentions both stand for
  gold mentions, that are in one gold cluster.
- apart: gold cluster pairs that must stay distinct but share an entry.

Run: ``python -m newsgraph.link.score --db DB GOLD.yaml [--half A|B]`` (prints JSON).
"""
from __future__ import annotations

import argparse
import json
import sys
import zlib
from dataclasses import dataclass, field
from itertools import combinations
from typing import Optional

import yaml

from newsgraph.records import TimelineEntry


@dataclass
class GoldMention:
    """One gold mention: a phrase of one article, located in its text."""

    cluster: str
    article: str
    start: int
    end: int
    phrase: str


@dataclass
class PairScores:
    """What ``score_pairs`` measured."""

    recall: float
    recall_cross: float
    recall_extracted: float
    precision: float
    gold_pairs: int
    gold_cross_pairs: int
    system_pairs: int
    merged_apart: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)      # gold phrases no article text holds

    def to_dict(self) -> dict:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def locate_gold(gold: dict, texts: dict[str, str]) -> tuple[list[GoldMention], list[str]]:
    """The gold mentions placed in the article texts (``texts``: article id -> text).

    Articles are named by an id prefix ("001"); a phrase is found by its
    n-th occurrence (first by default). Returns the mentions and the phrases
    that could not be found.
    """
    out, missing = [], []
    for name, cluster in (gold.get("clusters") or {}).items():
        for item in cluster["mentions"]:
            prefix, phrase = str(item[0]), item[1]
            nth = int(item[2]) if len(item) > 2 else 1
            article = next((a for a in sorted(texts) if a.startswith(prefix)), None)
            pos = -1
            if article is not None:
                for _ in range(nth):
                    pos = texts[article].find(phrase, pos + 1)
                    if pos < 0:
                        break
            if pos < 0:
                missing.append(f"{prefix}: {phrase}")
                continue
            out.append(GoldMention(name, article, pos, pos + len(phrase), phrase))
    return out, missing


def _gold_of(article: str, start: int, end: int, gold: list[GoldMention]) -> Optional[int]:
    for i, g in enumerate(gold):
        if g.article == article and g.start <= start and end <= g.end:
            return i
    return None


def score_pairs(entries: list[TimelineEntry], gold_doc: dict, texts: dict[str, str]) -> PairScores:
    """Pair recall / precision of ``entries`` against the gold document (see module doc)."""
    gold, missing = locate_gold(gold_doc, texts)
    system_of: dict[int, str] = {}      # gold mention index -> system entry id
    system_pairs, correct = 0, 0
    for entry in entries:
        mapped = []
        spans = [(m.article, m.trigger.start, m.trigger.end) for m in entry.mentions]
        spans += [(r["article"], r["span"]["start"], r["span"]["end"]) for r in entry.references or []]
        for article, start, end in spans:
            g = _gold_of(article, start, end, gold)
            if g is not None:
                system_of.setdefault(g, entry.id)
                mapped.append(g)
        for a, b in combinations(sorted(set(mapped)), 2):
            system_pairs += 1
            correct += gold[a].cluster == gold[b].cluster
    pairs = [(a, b) for a, b in combinations(range(len(gold)), 2) if gold[a].cluster == gold[b].cluster]
    found = [(a, b) for a, b in pairs if a in system_of and system_of[a] == system_of.get(b)]
    cross = [(a, b) for a, b in pairs if gold[a].article != gold[b].article]
    extracted = [(a, b) for a, b in pairs if a in system_of and b in system_of]
    apart = []
    for x, y in gold_doc.get("apart") or []:
        ix = {system_of[i] for i, g in enumerate(gold) if g.cluster == x and i in system_of}
        iy = {system_of[i] for i, g in enumerate(gold) if g.cluster == y and i in system_of}
        if ix & iy:
            apart.append((x, y))

    def ratio(n: int, d: int) -> float:
        return n / d if d else 1.0
    return PairScores(
        recall=ratio(len(found), len(pairs)),
        recall_cross=ratio(len([p for p in found if p in set(cross)]), len(cross)),
        recall_extracted=ratio(len([p for p in found if p in set(extracted)]), len(extracted)),
        precision=ratio(correct, system_pairs), gold_pairs=len(pairs), gold_cross_pairs=len(cross),
        system_pairs=system_pairs, merged_apart=apart, missing=missing)


def in_half(key: str, which: Optional[str]) -> bool:
    """Whether ``key`` falls in half ``A`` (even CRC-32) or ``B`` (odd); every key when ``which`` is None."""
    return which is None or zlib.crc32(key.encode("utf-8")) % 2 == (0 if which == "A" else 1)


def half(gold_doc: dict, which: str) -> dict:
    """The gold clusters of one half (``in_half`` of the cluster name), for tuning on one."""
    keep = {name: c for name, c in (gold_doc.get("clusters") or {}).items() if in_half(name, which)}
    apart = [p for p in gold_doc.get("apart") or [] if p[0] in keep and p[1] in keep]
    return {"clusters": keep, "apart": apart}


def main(argv: Optional[list[str]] = None) -> int:
    """Score a store's timeline against a gold file; print the scores as JSON."""
    from newsgraph.link import timeline
    from newsgraph.store import Store
    parser = argparse.ArgumentParser(prog="python -m newsgraph.link.score", description=__doc__.split("\n")[0])
    parser.add_argument("gold", help="gold YAML (clusters of [article prefix, phrase] mentions)")
    parser.add_argument("--db", default="newsgraph.db", help="a store made by `newsgraph ingest`")
    parser.add_argument("--half", choices=("A", "B"), help="only the gold clusters of one half (by name hash)")
    args = parser.parse_args(argv)
    with open(args.gold, encoding="utf-8") as handle:
        gold_doc = yaml.safe_load(handle)
    if args.half:
        gold_doc = half(gold_doc, args.half)
    with Store(args.db, readonly=True) as store:
        texts = {r.id: r.text for r in store.records()}
        scores = score_pairs(timeline(store), gold_doc, texts)
    print(json.dumps(scores.to_dict(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
