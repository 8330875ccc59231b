"""Small helpers the event tests share: run the full pipeline on one sentence and
pick events by type. Tests import it by name (pytest puts tests/ on sys.path)."""
from __future__ import annotations

from newsgraph.pipeline.nlp import make_doc, run


def events(nlp, text, published="2024-06-01"):
    """The events newsgraph codes in ``text``, dated as if published on ``published``."""
    return list(run(nlp, [make_doc(nlp, text, "t", published)]))[0]._.ng_events


def first_of_type(nlp, text, kind):
    """The first event of ``kind``; fails naming what was coded instead."""
    found = [e for e in events(nlp, text) if e.type == kind]
    assert found, f"no {kind} in {text!r}: {[(e.type, e.trigger.text) for e in events(nlp, text)]}"
    return found[0]


def countries(args):
    """The set of countries of some event arguments (unresolved ones left out)."""
    return {a.country for a in args if a.country}
