"""Score quotes against hand gold on plain-text articles (``newsgraph eval quotes GOLD.yaml --seeds DIR``).

PolNeAR gold has offsets; hand gold written by reading real pages is easier
to keep as verbatim snippets. The gold YAML (``tests/fixtures/quote_seed_gold.yaml``)
lists ``quotes``, each ``{article, content, also?, nth?, speaker, speaker_text?}``
and ``optional`` snippets ``{article, content}``; ``article`` is the prefix of
a ``.txt`` file name in DIR.

- **Found.** A system quote covers a snippet when its parts hold at least
  half of the snippet's letters and digits. A gold quote is found when a
  system quote covers its ``content``; recall = found / gold quotes.
- **Precision.** A system quote is right when it covers at least half of
  some gold snippet (``content`` or ``also``) or an ``optional`` one;
  quotes covering only optional text are left out of the count.
- **Parts.** Of the ``also`` snippets of found quotes, the share covered by
  the same system quote: split and multi-paragraph quotations kept whole.
- **Speaker accuracy.** Over found quotes: the system actor id is one of
  ``speaker``, or the system has no actor (or a listed one) and its speaker
  text contains one of ``speaker_text`` (sources with no actor id).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

SHARE = 0.5


def _letters(text: str, start: int, end: int) -> frozenset[int]:
    return frozenset(i for i in range(start, end) if text[i].isalnum())


def _locate(text: str, snippet: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(max(1, nth)):
        start = text.find(snippet, start + 1)
        if start < 0:
            raise ValueError(f"snippet not in article: {snippet!r}")
    return start, start + len(snippet)


def _covers(quote_chars: frozenset[int], snippet_chars: frozenset[int]) -> bool:
    return bool(snippet_chars) and len(quote_chars & snippet_chars) >= SHARE * len(snippet_chars)


def _quote_chars(text: str, quote: Any) -> frozenset[int]:
    out: set[int] = set()
    for part in quote.parts or [quote.content]:
        out |= _letters(text, part.start, part.end)
    return frozenset(out)


def _speaker_right(gold: dict, quote: Any) -> bool:
    speaker = quote.speaker
    if speaker is None:
        return False
    ids = set(gold.get("speaker") or [])
    if speaker.actor is not None and speaker.actor in ids:
        return True
    words = [w.lower() for w in gold.get("speaker_text") or []]
    return speaker.actor is None and any(w in speaker.text.lower() for w in words)


def score_seed_quotes(gold: dict, texts: dict[str, str], quotes: dict[str, list]) -> dict:
    """Score system quotes per article against the snippet gold.

    Args:
        gold: the parsed gold YAML (``quotes`` and ``optional`` lists).
        texts: article prefix -> article text.
        quotes: article prefix -> that article's system quotes (records.Quote
            or QuoteWithParts).
    Returns:
        Counts and ``recall``, ``precision``, ``speaker_accuracy``, ``parts``
        plus ``missed``, ``wrong_speaker`` and ``false`` lists for people.
    Raises:
        ValueError: a snippet is not in its article.
    """
    golds = [g for g in gold.get("quotes") or [] if str(g["article"]) in texts]
    optional = [o for o in gold.get("optional") or [] if str(o["article"]) in texts]
    snip = {}
    for k, g in enumerate(golds):
        text = texts[str(g["article"])]
        snip[k] = [_letters(text, *_locate(text, s, g.get("nth", 1)))
                   for s in [g["content"], *(g.get("also") or [])]]
    opt = [(str(o["article"]), _letters(texts[str(o["article"])], *_locate(texts[str(o["article"])], o["content"])))
           for o in optional]
    found = right = parts_total = parts_kept = system = correct = 0
    missed, wrong_speaker, false = [], [], []
    chars = {a: [(_quote_chars(texts[a], q), q) for q in qs] for a, qs in quotes.items() if a in texts}
    for k, g in enumerate(golds):
        article = str(g["article"])
        hits = [q for qc, q in chars.get(article, []) if _covers(qc, snip[k][0])]
        if not hits:
            missed.append(f"{article}: {g['content']}")
            continue
        found += 1
        best = max(hits, key=lambda q: sum(_covers(_quote_chars(texts[article], q), s) for s in snip[k][1:]))
        qc = _quote_chars(texts[article], best)
        parts_total += len(snip[k]) - 1
        parts_kept += sum(_covers(qc, s) for s in snip[k][1:])
        if any(_speaker_right(g, q) for q in hits):
            right += 1
        else:
            spk = best.speaker
            wrong_speaker.append(f"{article}: {g['content']} -> "
                                 f"{None if spk is None else (spk.text, spk.actor)}")
    for article, pairs in chars.items():
        own = [s for k, g in enumerate(golds) if str(g["article"]) == article for s in snip[k]]
        for qc, q in pairs:
            if any(_covers(qc, s) or _covers(s, qc) for s in own):
                system += 1
                correct += 1
            elif any(a == article and (_covers(qc, s) or _covers(s, qc)) for a, s in opt):
                continue
            else:
                system += 1
                false.append(f"{article}: {q.content.text[:70]}")
    ratio = lambda a, b: round(a / b, 4) if b else 0.0   # noqa: E731
    return {"articles": len(texts), "gold": len(golds), "found": found, "system": system,
            "correct": correct, "speaker_right": right,
            "recall": ratio(found, len(golds)), "precision": ratio(correct, system),
            "speaker_accuracy": ratio(right, found), "parts": ratio(parts_kept, parts_total),
            "missed": missed, "wrong_speaker": wrong_speaker, "false": false}


def evaluate_seed_quotes(gold_path: str | Path, seeds_dir: str | Path, nlp=None) -> dict:
    """Run the pipeline over the ``.txt`` articles in ``seeds_dir`` and score them.

    Args:
        gold_path: the snippet gold YAML.
        seeds_dir: folder of ``NNN_*.txt`` articles (the prefix names them).
        nlp: a pipeline holding ``newsgraph_quotes``; default: actors + quotes.
    Returns:
        The scores of :func:`score_seed_quotes`.
    """
    import yaml

    from newsgraph.pipeline.nlp import available_components, build_nlp

    with open(gold_path, encoding="utf-8") as fh:
        gold = yaml.safe_load(fh) or {}
    wanted = {str(g["article"]) for g in gold.get("quotes") or []}
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(Path(seeds_dir).glob("*.txt"))
             if p.name[:3] in wanted}
    if nlp is None:
        nlp = build_nlp([c for c in ("newsgraph_actors", "newsgraph_quotes") if c in available_components()])
    quotes = {name: list(doc._.ng_quotes or []) for name, doc in zip(texts, nlp.pipe(texts.values()))}
    return score_seed_quotes(gold, texts, quotes)


def format_seed_scores(scores: dict, details: Iterable[str] = ("missed", "wrong_speaker", "false")) -> str:
    """The figures, then the misses, wrong speakers and false quotes, one a line."""
    lines = [f"seed quotes: {scores['articles']} articles, gold {scores['gold']}, system {scores['system']}",
             f"  recall {scores['recall']:.3f} ({scores['found']}/{scores['gold']})  "
             f"precision {scores['precision']:.3f} ({scores['correct']}/{scores['system']})  "
             f"speaker {scores['speaker_accuracy']:.3f} ({scores['speaker_right']}/{scores['found']})  "
             f"parts kept {scores['parts']:.3f}"]
    for name in details:
        for item in scores.get(name) or []:
            lines.append(f"  {name}: {item}")
    return "\n".join(lines)
