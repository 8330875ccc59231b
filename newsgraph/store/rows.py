"""Flatten one article record into rows for the normalised tables.

Kept apart from the database code so the mapping from contract fields to
columns can be read (and tested) at a glance.
"""
from __future__ import annotations

import json
from typing import Iterator

from newsgraph.records import ArticleRecord


def article_rows(record: ArticleRecord, digest: str, now: str) -> Iterator[tuple[str, list[dict]]]:
    """Yield ``(table, rows)`` pairs for every table one article fills."""
    yield "articles", [{
        "id": record.id, "content_hash": digest, "title": record.title,
        "outlet": record.outlet, "author": record.author, "url": record.url,
        "published": record.published, "published_source": record.published_source,
        "input_format": record.input_format, "source_path": record.source_path,
        "text": record.text, "record": json.dumps(record.to_dict(), ensure_ascii=False),
        "ingested_at": now,
    }]
    yield "boilerplate", [{"article_id": record.id, "start": s, "end": e} for s, e in record.boilerplate]
    yield "article_actors", [{
        "article_id": record.id, "actor_id": a.id, "name": a.name, "kind": a.kind,
        "country": a.country, "sector": a.sector, "role": a.role, "mention_count": len(a.mentions),
    } for a in record.actors]
    yield "actor_mentions", [{
        "article_id": record.id, "actor_id": a.id, "start": s, "end": e, "text": record.text[s:e],
    } for a in record.actors for s, e in a.mentions]
    yield "quotes", [_quote_row(record.id, i, q) for i, q in enumerate(record.quotes)]
    yield "events", [{**_event_row(record.id, i, e), "published": record.published}
                     for i, e in enumerate(record.events)]
    yield "event_args", [{
        "article_id": record.id, "event_idx": i, "role": role, "pos": j,
        "actor_id": arg.actor, "country": arg.country, "sector": arg.sector,
        "start": arg.start, "end": arg.end, "text": arg.text,
    } for i, e in enumerate(record.events) for role in ("source", "target")
        for j, arg in enumerate(getattr(e, role))]
    yield "claims", [_claim_row(record.id, i, c) for i, c in enumerate(record.claims)]
    yield "timexes", [{
        "article_id": record.id, "idx": i, "type": t.type, "value": t.value,
        "start": t.start, "end": t.end, "text": t.text,
    } for i, t in enumerate(record.timexes)]


def _quote_row(article_id: str, i: int, q) -> dict:
    sp, cue = q.speaker, q.cue
    return {
        "article_id": article_id, "idx": i, "kind": q.kind,
        "content_start": q.content.start, "content_end": q.content.end, "content_text": q.content.text,
        "speaker_start": sp.start if sp else None, "speaker_end": sp.end if sp else None,
        "speaker_text": sp.text if sp else None, "speaker_actor": sp.actor if sp else None,
        "cue_start": cue.start if cue else None, "cue_end": cue.end if cue else None,
        "cue_text": cue.text if cue else None,
    }


def _event_row(article_id: str, i: int, e) -> dict:
    loc = e.location
    return {
        "article_id": article_id, "idx": i, "type": e.type, "mode": e.mode, "status": e.status,
        "date": e.date, "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
        "trigger_text": e.trigger.text, "sentence_start": e.sentence[0], "sentence_end": e.sentence[1],
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
        "dead": e.dead, "injured": e.injured, "size": e.size,
    }


def _claim_row(article_id: str, i: int, c) -> dict:
    att = c.attributed_to
    return {
        "article_id": article_id, "idx": i, "measure": c.measure, "value": c.value,
        "value_max": c.value_max, "qualifier": c.qualifier, "about": c.about,
        "attributed_text": att.text if att else None, "attributed_actor": att.actor if att else None,
        "span_start": c.span.start, "span_end": c.span.end, "span_text": c.span.text,
        "event_idx": c.event,
    }


COUNTS = ("mentions", "articles", "events", "as_source", "as_target", "quotes")


def actor_counts(data: dict, sign: int = 1) -> list[tuple]:
    """``(actor id, mentions, articles, events, as_source, as_target, quotes)`` one article adds.

    ``data`` is a record in its contract (dict) form; ``sign=-1`` gives what
    removing it takes away. Counted as the directory counts: an event once per
    actor however many of its arguments the actor fills.
    """
    counts: dict[str, list[int]] = {}

    def row(actor_id: str) -> list[int]:
        return counts.setdefault(actor_id, [0] * len(COUNTS))

    for actor in data.get("actors") or []:
        row(actor["id"])[0] += len(actor.get("mentions") or [])
        row(actor["id"])[1] += 1
    for event in data.get("events") or []:
        roles = {role: {a.get("actor") for a in event.get(role) or [] if a.get("actor")} for role in ("source", "target")}
        for actor_id in roles["source"] | roles["target"]:
            r = row(actor_id)
            r[2] += 1
            r[3] += actor_id in roles["source"]
            r[4] += actor_id in roles["target"]
    for quote in data.get("quotes") or []:
        speaker = (quote.get("speaker") or {}).get("actor")
        if speaker:
            row(speaker)[5] += 1
    return [(actor_id, *(sign * n for n in values)) for actor_id, values in counts.items()]


def actor_edges(data: dict, sign: int = 1) -> list[tuple]:
    """``(source id, target id, PLOVER type, events)`` one article adds to the actor network.

    An event counts once for every distinct (source, target) pair of
    different resolved actors, as the network query counts it.
    """
    edges: dict[tuple[str, str, str], int] = {}
    for event in data.get("events") or []:
        sources = {a.get("actor") for a in event.get("source") or [] if a.get("actor")}
        targets = {a.get("actor") for a in event.get("target") or [] if a.get("actor")}
        for src in sources:
            for dst in targets - {src}:
                key = (src, dst, event["type"])
                edges[key] = edges.get(key, 0) + 1
    return [(*key, sign * n) for key, n in edges.items()]
