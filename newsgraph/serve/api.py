"""The JSON API routes (``/api/...``): thin wrappers over the store's read queries.

Each route declares its parameters as types (``models``: a bad value is a
422 naming the parameter, and ``/docs`` lists the choices), borrows a
read-only connection from the app's bounded pool for the length of the
request, and answers in the record contract's shapes. No SQL here: every
query lives in ``newsgraph.store``.
"""
from __future__ import annotations

from typing import Annotated, Any, AsyncIterator, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse

from newsgraph.serve import links
from newsgraph.serve.models import (ActorQ, DateQ, DiscrepancyPage, KindQ, Limit, MeasureQ, NamedPage, Network,
                                    Offset, Page, SortQ, StatusQ, Stats, TimelinePage, TypeQ)
from newsgraph.store import Store
from newsgraph.store import actors as actor_queries
from newsgraph.store import queries
from newsgraph.store.filters import EventFilter, check_date, check_text

router = APIRouter(prefix="/api")


def answer(data: dict | str) -> Response:
    """Send a route's result as JSON as is.

    The response models document each shape in ``/openapi.json``; re-validating
    our own output against them cost more than the query on large pages
    (50 discrepancies are 225 kB), and the shapes are pinned by the tests.
    """
    if isinstance(data, str):   # already JSON text (a page assembled from stored JSON)
        return Response(data, media_type="application/json")
    return JSONResponse(data)


async def open_store(request: Request) -> AsyncIterator[Store]:
    """A read-only store from the app's pool for one request, given back afterwards.

    Async on purpose: waiting for a connection holds no worker thread (see
    ``newsgraph.store.pool``); the route itself then runs in a worker thread.
    """
    async with request.app.state.pool.borrow() as store:
        yield store


StoreDep = Annotated[Store, Depends(open_store)]


@router.get("/stats", summary="Counts, outlets and date range of the store", response_model=Stats)
def get_stats(store: StoreDep) -> JSONResponse:
    result = queries.stats(store)
    result["link"] = links.available(store)
    return answer(result)


@router.get("/articles", summary="Articles, newest first; full-text search with q", response_model=Page)
def get_articles(store: StoreDep, q: Annotated[Optional[str], Query(max_length=500, description=
                                                                     "Words to find in title or text.")] = None,
                 outlet: Annotated[Optional[str], Query(max_length=200)] = None, since: DateQ = None,
                 until: DateQ = None, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    return answer(queries.list_articles(store, q=q, outlet=check_text("outlet", outlet),
                                 since=check_date("since", since), until=check_date("until", until),
                                 limit=limit, offset=offset))


@router.get("/articles/{article_id:path}", summary="One article's full record",
            responses={200: {"description": "The contract record, as stored.",
                             "content": {"application/json": {"schema": {"type": "object"}}}}})
def get_article(article_id: str, store: StoreDep) -> Response:
    record = queries.article_json(store, article_id)
    if record is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return Response(record, media_type="application/json")   # stored as JSON: sent without re-encoding


@router.get("/events", summary="Events (who did what to whom), by event date", response_model=NamedPage)
def get_events(store: StoreDep, actor: ActorQ = None,
               source: Annotated[Optional[str], Query(max_length=200, description="Actor id as source.")] = None,
               target: Annotated[Optional[str], Query(max_length=200, description="Actor id as target.")] = None,
               country: Annotated[Optional[str], Query(max_length=200, description=
                                                       "ISO alpha-3 country of a participant.")] = None,
               type: TypeQ = None, status: StatusQ = None, since: DateQ = None, until: DateQ = None,
               article: Annotated[Optional[str], Query(max_length=500, description="Article id.")] = None,
               limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    flt = EventFilter(actor, source, target, country, type, status, since, until, article).checked()
    return answer(queries.list_events(store, flt, limit, offset))


@router.get("/quotes", summary="Quotes, by speaker, content or article", response_model=NamedPage)
def get_quotes(store: StoreDep,
               speaker: Annotated[Optional[str], Query(max_length=200, description="Speaker actor id.")] = None,
               q: Annotated[Optional[str], Query(max_length=500, description=
                                                 "Text found in the quote's content.")] = None,
               article: Annotated[Optional[str], Query(max_length=500, description="Article id.")] = None,
               limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    return answer(queries.list_quotes(store, speaker=check_text("speaker", speaker), q=check_text("q", q, 500),
                               article=check_text("article", article, 500), limit=limit, offset=offset))


@router.get("/speakers", summary="Speakers with the most quotes", response_model=Page)
def get_speakers(store: StoreDep, limit: Limit = 50) -> JSONResponse:
    items = queries.quote_speakers(store, limit)
    return answer({"total": len(items), "limit": limit, "offset": 0, "items": items})


@router.get("/claims", summary="Reported figures (deaths, injured, participants...)", response_model=Page)
def get_claims(store: StoreDep, measure: MeasureQ = None,
               article: Annotated[Optional[str], Query(max_length=500, description="Article id.")] = None,
               limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    return answer(queries.list_claims(store, measure=measure, article=check_text("article", article, 500),
                               limit=limit, offset=offset))


@router.get("/actors", summary="Actors with counts of mentions, articles, events and quotes", response_model=Page)
def get_actors(store: StoreDep,
               q: Annotated[Optional[str], Query(max_length=200, description="Text in the actor's name or id.")] = None,
               kind: KindQ = None,
               country: Annotated[Optional[str], Query(max_length=3, description="ISO alpha-3 code.")] = None,
               sort: SortQ = "mentions", limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    return answer(actor_queries.list_actors(store, q=check_text("q", q), kind=kind,
                                     country=check_text("country", country, 3), sort=sort,
                                     limit=limit, offset=offset))


@router.get("/actors/{actor_id:path}", summary="One actor: mentions, events, quotes, articles",
            response_model=dict[str, Any])
def get_actor(actor_id: str, store: StoreDep, limit: Limit = 50) -> JSONResponse:
    actor = actor_queries.get_actor(store, actor_id, limit)
    if actor is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return answer(actor)


@router.get("/network", summary="Who acts on whom: actor nodes and weighted, typed edges", response_model=Network)
def get_network(store: StoreDep, actor: ActorQ = None, type: TypeQ = None, status: StatusQ = None,
                since: DateQ = None, until: DateQ = None,
                max_nodes: Annotated[int, Query(ge=1, le=500, description=
                                                "Keep the actors with most events.")] = 40) -> JSONResponse:
    flt = EventFilter(actor=actor, type=type, status=status, since=since, until=until).checked()
    return answer(actor_queries.network(store, flt, max_nodes))


@router.get("/timeline", summary="Event clusters across articles, by date (each with its first sentence)",
            response_model=TimelinePage)
def get_timeline(store: StoreDep, actor: ActorQ = None, type: TypeQ = None, since: DateQ = None,
                 until: DateQ = None, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    flt = EventFilter(actor=actor, type=type, since=since, until=until).checked()
    return answer(links.timeline(store, flt, limit, offset))


@router.get("/discrepancies", summary="One fact reported with different figures", response_model=DiscrepancyPage)
def get_discrepancies(store: StoreDep, measure: MeasureQ = None, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    return answer(links.discrepancies(store, measure, limit, offset))
