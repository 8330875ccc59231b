"""Which of a sentence's time expressions dates which event.

Why this module exists: a sentence often holds several events and several
dates, and the nearest or most precise date is often someone else's. In
"rallies took place on Sunday (October 1st) in support of Armenians who fled
Nagorno-Karabakh, retaken by Azerbaijan after a lightning offensive", Sunday
dates the rallies, not the offensive; giving the offensive that Sunday would
split it from every other report of it. So a date goes to an event only when
the parse ties them:

1. *direct*: the time expression modifies the trigger itself ("Tuesday's
   offensive", "the September 19 attack");
2. *same clause*: it modifies the predicate of the trigger's clause ("rallies
   took place on Sunday", "Baku launched an offensive on Tuesday"), or a
   predicate the trigger's clause is the complement or conjunct of ("said on
   Tuesday that troops had crossed", "launched on Tuesday and captured");
   relative clauses, adverbial clauses and modifiers of nouns stop the climb;
3. a date that only gives a reference point ("three years after the war in
   2020", "since 1991") dates nothing but its own noun.

When the sentence has no verb (a headline fragment), every date in it counts,
as before.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable, Optional

from spacy.tokens import Doc, Token

PREDICATE_POS = frozenset(("VERB", "AUX"))
# dependencies through which an event's clause inherits its governor's date
INHERIT_DEPS = frozenset(("ccomp", "xcomp", "conj", "parataxis", "ROOT"))
# prepositions whose object is a reference point, not the time of the governor
OPEN_COMPLEMENT = frozenset(("xcomp",))
REFERENCE_PREPS = frozenset(("after", "before", "since", "until", "till", "following", "prior", "ahead"))


def _chain(token: Token) -> Iterable[Token]:
    """``token`` and its heads up to the sentence root."""
    while True:
        yield token
        if token.head.i == token.i:
            return
        token = token.head


def _predicate(token: Token) -> Optional[Token]:
    """The nearest verb at or above ``token``."""
    return next((t for t in _chain(token) if t.pos_ in PREDICATE_POS), None)


def _inherits(event_predicate: Token, governor: Token, deps: frozenset = INHERIT_DEPS) -> bool:
    """True when the event's clause is (a complement or conjunct of) the governor's clause."""
    tok = event_predicate
    while True:
        if tok.i == governor.i:
            return True
        if tok.dep_ not in deps or tok.head.i == tok.i:
            return False
        tok = tok.head


def _shares_time(event_predicate: Token, governor: Token) -> bool:
    """The governor's date is the event's: same clause, the event's clause is its
    complement or conjunct, or the governor is the event verb's open complement
    ("agreed to recognise the borders on Tuesday": the agreement is dated too)."""
    return _inherits(event_predicate, governor) or _inherits(governor, event_predicate, OPEN_COMPLEMENT)


def attached_timexes(doc: Doc, timexes: list, trigger: set, anchor: Token) -> list:
    """The timexes of one sentence that date the event triggered at ``trigger``.

    Args:
        doc: the parsed Doc.
        timexes: the sentence's ``records.Timex`` objects (char offsets).
        trigger: token indices of the trigger (and its anchor verb).
        anchor: the token carrying the event's clause (verb, or the noun).
    Returns:
        The direct modifiers when there are any, else the same-clause ones
        (see the module docstring), else, in a sentence without a verb, all.
    """
    direct, clause, verbless = [], [], True
    event_predicate = _predicate(anchor)
    for t in timexes:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        inside = set(range(span.start, span.end))
        governor, via_reference = None, False
        for tok in _chain(span.root):
            if tok.i in trigger:
                if not via_reference:
                    direct.append(t)
                break
            if tok.i in inside:
                continue
            if tok.lower_ in REFERENCE_PREPS and tok.dep_ in ("prep", "mark", "advmod"):
                via_reference = True
            if tok.pos_ in PREDICATE_POS:
                governor = tok
                break
        else:
            continue
        if governor is None:
            continue
        verbless = False
        if not via_reference and event_predicate is not None and _shares_time(event_predicate, governor):
            clause.append(t)
    if direct:
        return direct
    if clause:
        return clause
    return list(timexes) if verbless and event_predicate is None else []


def event_date(doc: Doc, start: int, end: int, cand=None) -> Optional[str]:
    """The date from ``newsgraph_timex`` for the event ``cand`` (a ``triggers.Candidate``, or
    None) of sentence [start, end).

    Only the sentence's time expressions the parse ties to the event count
    (``event_dates.attached_timexes``); None when none does or the timex
    component is absent.
    """
    timexes = doc._.ng_timexes
    if not timexes:
        return None
    try:
        from newsgraph.extract.timex.component import event_date as timex_event_date
    except ImportError:  # pragma: no cover - timex component not installed
        return None
    starts = doc.user_data.get("newsgraph_events_timex_starts")
    if starts is None or len(starts) != len(timexes):
        starts = [t.start for t in timexes]          # timexes come in text order
        doc.user_data["newsgraph_events_timex_starts"] = starts
    ordered = all(a <= b for a, b in zip(starts, starts[1:]))
    inside = timexes[bisect_left(starts, start):bisect_left(starts, end)] if ordered else timexes
    if cand is not None and inside:
        trigger = set(range(cand.start, cand.end)) | {cand.anchor.i, cand.head.i}
        inside = attached_timexes(doc, [t for t in inside if t.start >= start and t.end <= end], trigger,
                                  cand.anchor)
    try:
        return timex_event_date(inside, start, end)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None
