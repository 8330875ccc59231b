"""Score quotes against PolNeAR-style attribution gold (``newsgraph eval quotes``).

Gold: JSON Lines, one article per line, ``{"id", "text", "published"?,
"gold": {"attributions": [{"source": [[s, e], ...], "cue": [[s, e], ...],
"content": [[s, e], ...], "direct": bool}, ...]}}``, offsets into ``text``.

How a system quote is compared with a gold attribution:

- **Content positions.** Each side's content is the set of offsets of the
  letters and digits (``str.isalnum``) covered by its spans: all gold
  ``content`` spans; the system quote's ``parts`` when present, else its
  ``content``. Quotation marks, spaces and punctuation therefore never
  matter, and a split quotation is compared as a whole.
- **Match.** Jaccard of the two position sets (|A ∩ B| / |A ∪ B|) must be at
  least 0.5. Within each article, pairs are matched one-to-one greedily,
  highest Jaccard first (ties: earlier gold, then earlier system quote).
- **Content P/R/F1.** Precision = matched / system quotes, recall =
  matched / gold attributions, F1 their harmonic mean; counts are summed
  over all articles first (micro-average).
- **Speaker accuracy.** Over matched pairs: the system speaker span overlaps
  (shares at least one character with) any gold ``source`` span. A pair
  whose gold has no source counts as right only when the system speaker is
  null too.
- **End-to-end P/R/F1.** As content P/R/F1, counting only matched pairs
  whose speaker is right.

Two views are reported. **all**: every system quote against every gold
attribution. **direct**: gold attributions with ``direct: true`` (in the
PolNeAR export, content at least half inside quotation marks) against system
quotes of kind ``direct``, plus ``mixed`` quotes whose content is at least
half quoted (``quote_marks.quoted_share`` of the content text ≥ 0.5): the
same "mostly verbatim" criterion on both sides, so a reported clause that
only borrows a word or two ("called it “unjustifiable”") is not a direct
quote, while "said the plan was “a betrayal of everything we stood for”"
is.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from newsgraph.extract.quotes.marks import quoted_share

THRESHOLD = 0.5


def _positions(text: str, spans: Iterable) -> frozenset:
    """Offsets of the letters and digits covered by ``spans`` ([start, end] pairs)."""
    out = set()
    for start, end in spans:
        start, end = max(0, int(start)), min(len(text), int(end))
        out.update(i for i in range(start, end) if text[i].isalnum())
    return frozenset(out)


def _overlaps(a: tuple, spans: Iterable) -> bool:
    return any(min(a[1], e) > max(a[0], s) for s, e in spans)


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _pair(span: Any) -> tuple[int, int] | None:
    if span is None:
        return None
    return int(_get(span, "start")), int(_get(span, "end"))


def _system_items(text: str, quotes: Iterable) -> list[dict]:
    """Normalise system quotes (records, QuoteWithParts or dicts) for scoring."""
    items = []
    for q in quotes or []:
        content = _pair(_get(q, "content"))
        parts = [_pair(p) for p in (_get(q, "parts") or [])] or [content]
        kind = _get(q, "kind")
        direct = kind == "direct" or (kind == "mixed" and quoted_share(text[content[0]:content[1]]) >= 0.5)
        items.append({"chars": _positions(text, parts), "speaker": _pair(_get(q, "speaker")),
                      "direct": direct})
    return items


def _gold_items(doc: dict) -> list[dict]:
    text = doc["text"]
    return [{"chars": _positions(text, a.get("content") or []),
             "sources": [tuple(s) for s in a.get("source") or []],
             "direct": bool(a.get("direct"))}
            for a in (doc.get("gold") or {}).get("attributions") or []]


def _match(gold: list[dict], system: list[dict]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by highest Jaccard ≥ THRESHOLD."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            inter = len(g["chars"] & s["chars"])
            if not inter:
                continue
            jaccard = inter / len(g["chars"] | s["chars"])
            if jaccard >= THRESHOLD:
                pairs.append((-jaccard, gi, si))
    pairs.sort()
    used_g, used_s, out = set(), set(), []
    for _, gi, si in pairs:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out.append((gi, si))
    return out


def _speaker_right(g: dict, s: dict) -> bool:
    if not g["sources"]:
        return s["speaker"] is None
    return s["speaker"] is not None and _overlaps(s["speaker"], g["sources"])


def _prf(hits: int, n_sys: int, n_gold: int) -> dict:
    p = hits / n_sys if n_sys else 0.0
    r = hits / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_quotes(gold_docs: list[dict], pred_docs: list) -> dict:
    """Score system quotes against gold attributions (see the module docstring).

    Args:
        gold_docs: gold articles as parsed from the JSON Lines file.
        pred_docs: one entry per gold article, in the same order: a spaCy Doc
            (its ``doc._.ng_quotes`` is read), an ``ArticleRecord`` or record
            dict (its ``quotes``), or a list of quotes (records or dicts).
    Returns:
        ``{"documents", "threshold", "direct": {...}, "all": {...}}`` where each
        view holds ``gold``, ``system``, ``matched``, ``content`` (P/R/F1),
        ``speaker_accuracy``, ``speaker_right`` and ``end_to_end`` (P/R/F1).
    Raises:
        ValueError: when the two lists differ in length.
    """
    if len(gold_docs) != len(pred_docs):
        raise ValueError(f"{len(gold_docs)} gold articles but {len(pred_docs)} predictions")
    totals = {view: {"gold": 0, "system": 0, "matched": 0, "speaker_right": 0} for view in ("direct", "all")}
    for gold_doc, pred in zip(gold_docs, pred_docs):
        quotes = _quotes_of(pred)
        gold = _gold_items(gold_doc)
        system = _system_items(gold_doc["text"], quotes)
        for view in ("direct", "all"):
            g = [x for x in gold if x["direct"]] if view == "direct" else gold
            s = [x for x in system if x["direct"]] if view == "direct" else system
            matches = _match(g, s)
            t = totals[view]
            t["gold"] += len(g)
            t["system"] += len(s)
            t["matched"] += len(matches)
            t["speaker_right"] += sum(_speaker_right(g[gi], s[si]) for gi, si in matches)
    scores: dict[str, Any] = {"documents": len(gold_docs), "threshold": THRESHOLD}
    for view, t in totals.items():
        scores[view] = {
            **t,
            "content": _prf(t["matched"], t["system"], t["gold"]),
            "speaker_accuracy": round(t["speaker_right"] / t["matched"], 4) if t["matched"] else 0.0,
            "end_to_end": _prf(t["speaker_right"], t["system"], t["gold"]),
        }
    return scores


def _quotes_of(pred: Any) -> list:
    if hasattr(pred, "_") and hasattr(pred._, "ng_quotes"):
        return pred._.ng_quotes or []
    if isinstance(pred, dict):
        return pred.get("quotes") or []
    if hasattr(pred, "quotes"):
        return pred.quotes or []
    return list(pred or [])


def load_gold(path: str | Path) -> list[dict]:
    """Read a gold JSON Lines file (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate_quotes(gold_path: str | Path, nlp=None, batch_size: int = 8) -> dict:
    """Run the pipeline over a gold file's articles and score the quotes.

    Args:
        gold_path: PolNeAR-style gold JSON Lines.
        nlp: a pipeline holding ``newsgraph_quotes``; default: the full
            default pipeline (``build_nlp()``).
        batch_size: articles per ``nlp.pipe`` batch.
    Returns:
        The scores of :func:`score_quotes`; print them with
        :func:`format_quote_scores`.
    """
    from newsgraph.pipeline.nlp import build_nlp, make_doc

    gold = load_gold(gold_path)
    nlp = nlp if nlp is not None else build_nlp()
    docs = [make_doc(nlp, d["text"], str(d.get("id")), d.get("published")) for d in gold]
    preds = list(nlp.pipe(docs, batch_size=batch_size))
    return score_quotes(gold, preds)


def format_quote_scores(scores: dict) -> str:
    """One line per measure, for people (the CLI prints this)."""
    lines = [f"quotes: {scores['documents']} articles, content match = Jaccard of "
             f"letter/digit positions >= {scores['threshold']}"]
    for view in ("direct", "all"):
        s = scores[view]
        label = "direct quotes" if view == "direct" else "all attributions"
        lines.append(f"{label}: gold {s['gold']}, system {s['system']}, matched {s['matched']}")
        for measure in ("content", "end_to_end"):
            m = s[measure]
            name = "content" if measure == "content" else "end-to-end"
            lines.append(f"  {view:<6} {name:<11} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
        lines.append(f"  {view:<6} speaker     accuracy {s['speaker_accuracy']:.3f} "
                     f"({s['speaker_right']}/{s['matched']} matched)")
    return "\n".join(lines)


if __name__ == "__main__":   # python -m newsgraph.evaluate.quotes GOLD.jsonl
    import sys

    print(format_quote_scores(evaluate_quotes(sys.argv[1])))
