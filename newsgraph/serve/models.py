"""Query parameter types and response models of the JSON API.

Why types instead of hand checks: FastAPI then validates every choice
(422 naming the parameter) and ``/openapi.json`` — and so ``/docs`` — lists
the allowed values. Choices are read case-insensitively (``type=assault``
works) by normalising before validation. The response models declare each
envelope's fixed keys and allow extra ones, so the contract's shapes pass
through unchanged.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from fastapi import Query
from pydantic import BaseModel, BeforeValidator, ConfigDict

from newsgraph.records import ACTOR_KINDS, CLAIM_MEASURES, EVENT_STATUSES, PLOVER_TYPES
from newsgraph.store.filters import MAX_LIMIT, MAX_OFFSET

PloverType = Literal[PLOVER_TYPES]          # type: ignore[valid-type]
EventStatus = Literal[EVENT_STATUSES]       # type: ignore[valid-type]
ActorKind = Literal[ACTOR_KINDS]            # type: ignore[valid-type]
ClaimMeasure = Literal[CLAIM_MEASURES]      # type: ignore[valid-type]
ActorSort = Literal["mentions", "articles", "events", "quotes", "name"]


def _upper(value: Any) -> Any:
    return value.strip().upper() or None if isinstance(value, str) else value


def _lower(value: Any) -> Any:
    return value.strip().lower() or None if isinstance(value, str) else value


Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"Items per page (0 to {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
DateQ = Annotated[Optional[str], Query(max_length=10, description="YYYY-MM-DD, YYYY-MM or YYYY.")]
ActorQ = Annotated[Optional[str], Query(max_length=200,
                                        description="Actor id as source or target, e.g. AZE or person:nikol-pashinyan.")]
TypeQ = Annotated[Optional[PloverType], BeforeValidator(_upper), Query(description="PLOVER event type (any case).")]
StatusQ = Annotated[Optional[EventStatus], BeforeValidator(_lower), Query(description="Event status.")]
KindQ = Annotated[Optional[ActorKind], BeforeValidator(_lower), Query(description="Actor kind.")]
MeasureQ = Annotated[Optional[ClaimMeasure], BeforeValidator(_lower), Query(description="What a figure counts.")]
SortQ = Annotated[ActorSort, Query(description="Order of the actor directory.")]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(_Open):
    """Every list: ``{"total", "limit", "offset", "items"}``."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class NamedPage(Page):
    """A page whose items name actors by id; ``actor_names`` maps those ids to names."""

    actor_names: dict[str, str]


class TimelinePage(NamedPage):
    """Timeline entries plus the title, outlet and date of every article they cite."""

    articles: dict[str, dict[str, Any]]


class DiscrepancyPage(Page):
    """Discrepancies plus the title, outlet and date of every reporting article."""

    articles: dict[str, dict[str, Any]]


class Stats(_Open):
    """The dashboard header: counts, publication range, outlets, event types, link stage."""

    counts: dict[str, int]
    published: dict[str, Optional[str]]
    outlets: list[dict[str, Any]]
    event_types: dict[str, int]
    link: dict[str, bool]


class Network(_Open):
    """Actor nodes and weighted, typed edges."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    total_nodes: int
