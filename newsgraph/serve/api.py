"""The JSON API routes (``/api/...``): thin wrappers over ``queries`` and ``actors``.

Each route validates its parameters with ``filters`` (422 on a bad value),
opens the store read-only for the length of the request, and answers in the
record contract's shapes.
"""
from __future__ import annotations

from typing import Iterator, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from newsgraph.store import Store
from newsgraph.serve import actors as actor_queries
from newsgraph.serve import links
from newsgraph.serve import queries
from newsgraph.serve.filters import EventFilter, check_date, check_kind, check_measure, check_page, check_text

router = APIRouter(prefix="/api")

Limit = Query(50, ge=0, le=500, description="Items per page (0 to 500).")
Offset = Query(0, ge=0, description="Items to skip.")
Since = Query(None, description="On or after this date: YYYY-MM-DD, YYYY-MM or YYYY.")
Until = Query(None, description="On or before this date: YYYY-MM-DD, YYYY-MM or YYYY.")
ActorQ = Query(None, description="Actor id as source or target, e.g. AZE or person:nikol-pashinyan.")
TypeQ = Query(None, description="PLOVER event type, e.g. ASSAULT.")


def open_store(request: Request) -> Iterator[Store]:
    """A read-only store for one request, closed afterwards."""
    store = Store(request.app.state.db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


def paged(items: list, limit: int, offset: int) -> dict:
    """Page a list computed in Python into the standard envelope."""
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}


@router.get("/stats", summary="Counts, outlets and date range of the store")
def get_stats(store: Store = Depends(open_store)) -> dict:
    result = queries.stats(store.conn)
    result["link"] = links.available()
    return result


@router.get("/articles", summary="Articles, newest first; full-text search with q")
def get_articles(q: Optional[str] = Query(None, max_length=500, description="Words to find in title or text."),
                 outlet: Optional[str] = Query(None, max_length=200), since: Optional[str] = Since,
                 until: Optional[str] = Until, limit: int = Limit, offset: int = Offset,
                 store: Store = Depends(open_store)) -> dict:
    limit, offset = check_page(limit, offset)
    return queries.list_articles(store.conn, q=q, outlet=check_text("outlet", outlet),
                                 since=check_date("since", since), until=check_date("until", until),
                                 limit=limit, offset=offset)


@router.get("/articles/{article_id:path}", summary="One article's full record")
def get_article(article_id: str, store: Store = Depends(open_store)) -> dict:
    record = queries.get_article(store.conn, article_id)
    if record is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return record


@router.get("/events", summary="Events (who did what to whom), by event date")
def get_events(actor: Optional[str] = ActorQ,
               source: Optional[str] = Query(None, description="Actor id as source."),
               target: Optional[str] = Query(None, description="Actor id as target."),
               country: Optional[str] = Query(None, description="ISO alpha-3 country of a participant."),
               type: Optional[str] = TypeQ,
               status: Optional[str] = Query(None, description="asserted, negated, hypothetical, future, demanded."),
               since: Optional[str] = Since, until: Optional[str] = Until,
               article: Optional[str] = Query(None, description="Article id."),
               limit: int = Limit, offset: int = Offset, store: Store = Depends(open_store)) -> dict:
    flt = EventFilter(actor, source, target, country, type, status, since, until, article).checked()
    limit, offset = check_page(limit, offset)
    return queries.list_events(store.conn, flt, limit, offset)


@router.get("/quotes", summary="Quotes, by speaker, content or article")
def get_quotes(speaker: Optional[str] = Query(None, description="Speaker actor id."),
               q: Optional[str] = Query(None, description="Text found in the quote's content."),
               article: Optional[str] = Query(None, description="Article id."),
               limit: int = Limit, offset: int = Offset, store: Store = Depends(open_store)) -> dict:
    limit, offset = check_page(limit, offset)
    return queries.list_quotes(store.conn, speaker=check_text("speaker", speaker), q=check_text("q", q, 500),
                               article=check_text("article", article, 500), limit=limit, offset=offset)


@router.get("/speakers", summary="Speakers with the most quotes")
def get_speakers(limit: int = Limit, store: Store = Depends(open_store)) -> dict:
    items = queries.quote_speakers(store.conn, limit)
    return {"total": len(items), "limit": limit, "offset": 0, "items": items}


@router.get("/claims", summary="Reported figures (deaths, injured, participants...)")
def get_claims(measure: Optional[str] = Query(None, description="dead, injured, displaced, participants, ..."),
               article: Optional[str] = Query(None, description="Article id."),
               limit: int = Limit, offset: int = Offset, store: Store = Depends(open_store)) -> dict:
    limit, offset = check_page(limit, offset)
    return queries.list_claims(store.conn, measure=check_measure(measure),
                               article=check_text("article", article, 500), limit=limit, offset=offset)


@router.get("/actors", summary="Actors with counts of mentions, articles, events and quotes")
def get_actors(q: Optional[str] = Query(None, description="Text in the actor's name or id."),
               kind: Optional[str] = Query(None, description="person, country, organization, igo or group."),
               country: Optional[str] = Query(None, description="ISO alpha-3 code."),
               sort: str = Query("mentions", pattern="^(mentions|articles|events|quotes|name)$"),
               limit: int = Limit, offset: int = Offset, store: Store = Depends(open_store)) -> dict:
    limit, offset = check_page(limit, offset)
    return actor_queries.list_actors(store.conn, q=check_text("q", q), kind=check_kind(kind),
                                     country=check_text("country", country, 3), sort=sort,
                                     limit=limit, offset=offset)


@router.get("/actors/{actor_id:path}", summary="One actor: mentions, events, quotes, articles")
def get_actor(actor_id: str, limit: int = Limit, store: Store = Depends(open_store)) -> dict:
    actor = actor_queries.get_actor(store.conn, actor_id, limit)
    if actor is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return actor


@router.get("/network", summary="Who acts on whom: actor nodes and weighted, typed edges")
def get_network(actor: Optional[str] = ActorQ, type: Optional[str] = TypeQ,
                status: Optional[str] = Query(None, description="Event status."),
                since: Optional[str] = Since, until: Optional[str] = Until,
                max_nodes: int = Query(40, ge=1, le=500, description="Keep the actors with most events."),
                store: Store = Depends(open_store)) -> dict:
    flt = EventFilter(actor=actor, type=type, status=status, since=since, until=until).checked()
    return actor_queries.network(store.conn, flt, max_nodes)


@router.get("/timeline", summary="Event clusters across articles, by date (each with its first sentence)")
def get_timeline(actor: Optional[str] = ActorQ, type: Optional[str] = TypeQ, since: Optional[str] = Since,
                 until: Optional[str] = Until, limit: int = Limit, offset: int = Offset,
                 store: Store = Depends(open_store)) -> dict:
    flt = EventFilter(actor=actor, type=type, since=since, until=until).checked()
    limit, offset = check_page(limit, offset)
    result = paged(links.timeline(store, flt), limit, offset)
    for entry in result["items"]:
        _add_excerpt(store, entry)
    ids = {a for e in result["items"] for role in ("source", "target") for a in e.get(role) or []}
    result["actor_names"] = queries.actor_names(store.conn, ids)
    result["articles"] = _article_info(store, {a for e in result["items"] for a in e.get("articles") or []})
    return result


@router.get("/discrepancies", summary="One fact reported with different figures")
def get_discrepancies(measure: Optional[str] = Query(None, description="dead, injured, participants, ..."),
                      limit: int = Limit, offset: int = Offset, store: Store = Depends(open_store)) -> dict:
    limit, offset = check_page(limit, offset)
    result = paged(links.discrepancies(store, check_measure(measure)), limit, offset)
    info = _article_info(store, {r.get("article") for d in result["items"] for r in d.get("reports") or []})
    for item in result["items"]:
        for report in item.get("reports") or []:
            if not report.get("outlet") and report.get("article") in info:
                report["outlet"] = info[report["article"]]["outlet"]
    result["articles"] = info
    return result


def _add_excerpt(store: Store, entry: dict) -> None:
    """Give a timeline entry the sentence of its first mention (``sentence_text``, ``trigger_at``)."""
    mentions = entry.get("mentions") or []
    if not mentions or "sentence_text" in entry:
        return
    row = store.conn.execute(
        "SELECT substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), "
        "e.trigger_start - e.sentence_start FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.article_id = ? AND e.idx = ?", (mentions[0].get("article"), mentions[0].get("event"))).fetchone()
    if row:
        entry["sentence_text"], entry["trigger_at"] = row[0], row[1]


def _article_info(store: Store, ids) -> dict[str, dict]:
    """Title, outlet and publication date of the given article ids."""
    wanted = sorted(i for i in ids if i)
    info: dict[str, dict] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for r in store.conn.execute(f"SELECT id, title, outlet, published, url FROM articles WHERE id IN "
                                    f"({', '.join('?' for _ in chunk)})", chunk):
            info[r[0]] = {"title": r[1], "outlet": r[2], "published": r[3], "url": r[4]}
    return info

