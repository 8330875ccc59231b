"""Scoring time expressions (TIMEX3) against hand-annotated gold, TempEval-3 style.

Why this module exists: the timex rules are tuned by numbers, not by
impressions; this is the one scorer every change to ``newsgraph_timex`` is
measured with (``eval/time_dev.jsonl`` is the development gold).

The measures (UzZaman et al., TempEval-3 task A, as newsgraph computes them):

- **strict span** P/R/F1: a prediction counts when its ``[start, end)`` is
  exactly a gold span's.
- **relaxed span** P/R/F1: a prediction counts when it overlaps a gold span;
  matching is one-to-one, greedily by exact match first, then by the largest
  overlap, then by text order, so one long prediction cannot claim two golds.
- **value** P/R/F1: over the relaxed-matched pairs whose TIMEX3 values are
  equal (as strings): P = correct values / predicted timexes, R = correct
  values / gold timexes. This is TempEval-3's headline normalisation score.
- **type accuracy**: the share of relaxed-matched pairs with the same type
  (DATE, TIME, DURATION, SET).

Precision is 0 when nothing was predicted and recall 0 when there is no gold,
except that an empty prediction for an empty gold scores 1 everywhere.
"""
from __future__ import annotations

import json
from pathlib import Path

MEASURES = ("strict", "relaxed", "value")


def _prf(correct: int, n_pred: int, n_gold: int) -> dict:
    if n_pred == 0 and n_gold == 0:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _timexes(item: dict) -> list[dict]:
    """The timex list of one document dict (``timexes`` or ``gold.timexes``)."""
    if "timexes" in item:
        return item["timexes"] or []
    return (item.get("gold") or {}).get("timexes") or []


def _as_documents(items: list[dict]) -> list[tuple[str, list[dict]]]:
    """Accept either one document's timexes or a list of documents with ids."""
    if not items or "start" in items[0]:
        return [("", list(items))]
    return [(str(item.get("id", i)), _timexes(item)) for i, item in enumerate(items)]


def match_relaxed(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of overlapping spans.

    Exact matches are taken first, then larger overlaps, then earlier spans.
    Runs in O((g + p) log(g + p) + overlapping pairs).
    """
    order_g = sorted(range(len(gold)), key=lambda i: gold[i]["start"])
    order_p = sorted(range(len(pred)), key=lambda j: pred[j]["start"])
    pairs, k = [], 0
    for i in order_g:
        g = gold[i]
        while k < len(order_p) and pred[order_p[k]]["end"] <= g["start"]:
            k += 1
        for j in order_p[k:]:
            p = pred[j]
            if p["start"] >= g["end"]:
                break
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                exact = g["start"] == p["start"] and g["end"] == p["end"]
                pairs.append((not exact, -overlap, g["start"], p["start"], i, j))
    used_g, used_p, out = set(), set(), []
    for *_, i, j in sorted(pairs):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def score_timexes(gold: list[dict], pred: list[dict]) -> dict:
    """TempEval-3 scores of predicted timexes against gold ones.

    Args:
        gold, pred: either the timexes of one document (dicts with
            ``start``, ``end``, ``type``, ``value``), or lists of documents
            (dicts with ``id`` and ``timexes``, or gold lines with
            ``gold.timexes``), paired by ``id``.
    Returns:
        ``{"strict": {precision, recall, f1}, "relaxed": {...}, "value": {...},
        "type_accuracy": float, "counts": {gold, pred, strict, relaxed,
        value, type}, "by_type": {TYPE: {gold, matched, value}}}``.
    """
    pred_by_id = dict(_as_documents(pred))
    counts = {"gold": 0, "pred": 0, "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    by_type: dict[str, dict] = {}
    gold_docs = _as_documents(gold)
    for doc_id, g_list in gold_docs:
        p_list = pred_by_id.pop(doc_id, [])
        counts["gold"] += len(g_list)
        counts["pred"] += len(p_list)
        spans = {(p["start"], p["end"]) for p in p_list}
        counts["strict"] += sum((g["start"], g["end"]) in spans for g in g_list)
        for g in g_list:
            by_type.setdefault(g["type"], {"gold": 0, "matched": 0, "value": 0})["gold"] += 1
        for i, j in match_relaxed(g_list, p_list):
            g, p = g_list[i], p_list[j]
            counts["relaxed"] += 1
            counts["value"] += g["value"] == p["value"]
            counts["type"] += g["type"] == p["type"]
            by_type[g["type"]]["matched"] += 1
            by_type[g["type"]]["value"] += g["value"] == p["value"]
    for _, p_list in pred_by_id.items():   # predictions for documents without gold
        counts["pred"] += len(p_list)
    scores = {m: _prf(counts[m], counts["pred"], counts["gold"]) for m in MEASURES}
    scores["type_accuracy"] = round(counts["type"] / counts["relaxed"], 4) if counts["relaxed"] else 0.0
    scores["counts"] = counts
    scores["by_type"] = by_type
    return scores


def evaluate_time(gold_path: str | Path, nlp, details: bool = False) -> dict:
    """Run ``nlp`` (with ``newsgraph_timex``) over a gold file and score it.

    Args:
        gold_path: JSON Lines, one ``{"id", "text", "published", "gold":
            {"timexes": [...]}}`` per line.
        nlp: a spaCy pipeline that sets ``doc._.ng_timexes``.
        details: also return, per document with a difference, the gold and
            predicted timexes (key ``"mismatches"``).
    Returns:
        ``score_timexes`` output plus ``"documents"`` (how many were read).
    """
    lines = [json.loads(line) for line in Path(gold_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = []
    for item in lines:
        doc = nlp.make_doc(item["text"])
        doc._.ng_published = item.get("published")
        doc._.ng_article_id = item.get("id")
        docs.append(doc)
    preds = []
    for item, doc in zip(lines, nlp.pipe(docs)):
        preds.append({"id": item["id"], "timexes": [t.to_dict() for t in doc._.ng_timexes or []]})
    scores = score_timexes(lines, preds)
    scores["documents"] = len(lines)
    if details:
        scores["mismatches"] = [
            {"id": g["id"], "text": g["text"], "gold": _timexes(g), "pred": p["timexes"]}
            for g, p in zip(lines, preds)
            if sorted((t["start"], t["end"], t["type"], t["value"]) for t in _timexes(g))
            != sorted((t["start"], t["end"], t["type"], t["value"]) for t in p["timexes"])
        ]
    return scores


def format_time_scores(scores: dict) -> str:
    """A short plain-text table of ``score_timexes`` / ``evaluate_time`` output."""
    c = scores["counts"]
    lines = [f"timexes: {c['gold']} gold, {c['pred']} predicted"
             + (f", {scores['documents']} documents" if "documents" in scores else ""),
             f"{'measure':<14}{'P':>8}{'R':>8}{'F1':>8}"]
    for m in MEASURES:
        s = scores[m]
        lines.append(f"{m + ' span' if m != 'value' else 'value':<14}{s['precision']:>8.3f}"
                     f"{s['recall']:>8.3f}{s['f1']:>8.3f}")
    lines.append(f"{'type accuracy':<14}{scores['type_accuracy']:>24.3f}")
    for t, row in sorted(scores.get("by_type", {}).items()):
        lines.append(f"  {t:<10} gold {row['gold']:>4}  matched {row['matched']:>4}  value ok {row['value']:>4}")
    return "\n".join(lines)
