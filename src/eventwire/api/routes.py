"""Read-only JSON endpoints, each a thin call into one store query.

Endpoints are plain ``def`` functions: FastAPI runs them in its thread pool. One ``Store`` serves
every thread (each of its reads opens its own DuckDB cursor).
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated, Any

import pyarrow as pa
from fastapi import APIRouter, Depends, Path, Query, Request, Response

from eventwire.api.params import Page, clean_text, event_filters, page, text_query
from eventwire.errors import NotFoundError
from eventwire.store import Store

RecordId = Annotated[str, Path(min_length=1, max_length=200, description="stable record id")]


class CountCache:
    """Memo of counts and stats per filter set, for a store opened read-only.

    While the server holds a DuckDB file read-only no process can write it, so a count cannot
    go stale; paging through a result set then costs one query per page instead of two.
    Bounded (oldest entry dropped first) and thread-safe; lives on the app, not the module
    (hand-written because ``functools.lru_cache`` would be module-wide and cannot take the
    query to run per call).
    """

    def __init__(self, enabled: bool, size: int = 1024) -> None:
        self.enabled = enabled
        self._size = size
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        if not self.enabled:
            return compute()
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_cache(request: Request) -> CountCache:
    return request.app.state.count_cache


def rows(table: pa.Table) -> list[dict[str, Any]]:
    return table.to_pylist()


def event_records_json(table: pa.Table) -> str:
    """Store rows → a JSON array of events in the DOMAIN.md contract shape (the record DuckDB
    serialised), each with how many stories report it.

    The records are spliced as text, not parsed and re-encoded: for a page of events that
    round trip cost more than the query (bench/api_load.py).
    """
    records = table.column("record").to_pylist()
    n_sources = table.column("n_sources").to_pylist()
    return "[" + ",".join(f'{r[:-1]},"n_sources":{int(n or 0)}}}'
                          for r, n in zip(records, n_sources)) + "]"


def _found(value: Any, kind: str, ident: str) -> Any:
    if value is None:
        raise NotFoundError(f"no {kind} with id {ident!r}")
    return value


StoreDep = Annotated[Store, Depends(get_store)]
EventFilters = Annotated[dict[str, Any], Depends(event_filters)]
Paging = Annotated[Page, Depends(page)]
CacheDep = Annotated[CountCache, Depends(get_cache)]

router = APIRouter(prefix="/api")


EVENTS_EXAMPLE = {"events": [{"id": "…", "event_type": "ASSAULT", "n_sources": 2}],
                  "total": 1, "limit": 100, "offset": 0, "next_cursor": None}


@router.get("/events", summary="Events matching the filters, paged", response_class=Response,
            responses={200: {"description": "`events`: records as in docs/record.md, each "
                             "with `n_sources`; `total`: all matches (the cursor does not "
                             "narrow it); `next_cursor`: pass as `cursor` for the next page, "
                             "null after the last",
                             "content": {"application/json": {"example": EVENTS_EXAMPLE}}}})
def list_events(
    filters: EventFilters,
    paging: Paging,
    store: StoreDep,
    cache: CacheDep,
    canonical: Annotated[bool, Query(
        description="true: merged events (one per real-world event); false: per-story reports",
    )] = True,
    cursor: text_query("continue after this cursor (next_cursor of the previous page); "
                       "deep pages stay fast, unlike a large offset") = None,
) -> Response:
    events = store.events(**filters, limit=paging.limit, offset=paging.offset,
                          canonical=canonical, after=clean_text("cursor", cursor))
    key = ("count", canonical, *sorted(filters.items()))
    total = cache.get(key, lambda: store.count_events(**filters, canonical=canonical))
    following = store.next_cursor(events, paging.limit)
    body = (f'{{"events":{event_records_json(events)},"total":{int(total)},'
            f'"limit":{paging.limit},"offset":{paging.offset},'
            f'"next_cursor":{json.dumps(following)}}}')
    return Response(body, media_type="application/json")


@router.get("/events/{event_id}", summary="One event with sources, evidence and quotes")
def get_event(event_id: RecordId, store: StoreDep) -> dict[str, Any]:
    return _found(store.event(event_id), "event", event_id)


@router.get("/actors", summary="Actors, most active first")
def list_actors(
    paging: Paging,
    store: StoreDep,
    q: text_query("name contains") = None,
    country: text_query("ISO 3166-1 alpha-3") = None,
    sector: text_query("government, military, rebels, …") = None,
) -> dict[str, Any]:
    filters = {"q": clean_text("q", q), "country": clean_text("country", country),
               "sector": clean_text("sector", sector)}
    actors = store.actors(**filters, limit=paging.limit, offset=paging.offset)
    return {"actors": rows(actors), "limit": paging.limit, "offset": paging.offset}


@router.get("/actors/{actor_id}", summary="One actor: affiliations, events as actor/recipient")
def get_actor(actor_id: RecordId, store: StoreDep) -> dict[str, Any]:
    return _found(store.actor(actor_id), "actor", actor_id)


@router.get("/quotes", summary="Quotes, optionally by speaker, event or document")
def list_quotes(
    paging: Paging,
    store: StoreDep,
    speaker: text_query("speaker name contains") = None,
    event_id: text_query("quotes tied to this event") = None,
    document_id: text_query("quotes from this document") = None,
    q: text_query("quote text contains") = None,
) -> dict[str, Any]:
    filters = {"speaker": clean_text("speaker", speaker),
               "event_id": clean_text("event_id", event_id),
               "document_id": clean_text("document_id", document_id), "q": clean_text("q", q)}
    quotes = store.quotes(**filters, limit=paging.limit, offset=paging.offset)
    return {"quotes": rows(quotes), "limit": paging.limit, "offset": paging.offset}


@router.get("/stats", summary="Totals, and counts by type, country, month and day")
def stats(filters: EventFilters, store: StoreDep, cache: CacheDep) -> dict[str, Any]:
    """Store-wide totals; the filters (as for /api/events) narrow ``matching`` and the
    grouped counts."""
    return cache.get(("stats", *sorted(filters.items())), lambda: store.stats(**filters))


@router.get("/documents/{document_id}", summary="A story's text with evidence and quote spans")
def get_document(document_id: RecordId, store: StoreDep) -> dict[str, Any]:
    """The stored text every offset points into, plus ``spans``: each event's evidence
    sentence and each quote (character offsets), so a client can highlight them."""
    doc = _found(store.document(document_id), "document", document_id)
    spans = [{"kind": "evidence", "event_id": e["id"], "canonical_id": e.get("canonical_id"),
              "event_type": e["event_type"], "start": e["evidence"]["start"],
              "end": e["evidence"]["end"], "trigger": e.get("trigger")}
             for e in doc.get("events", ())]
    quotes = rows(store.quotes(document_id=document_id, limit=1000))
    spans += [{"kind": "quote", "quote_id": q["id"], "start": q["start"], "end": q["end"]}
              for q in quotes]
    return {**doc, "spans": sorted(spans, key=lambda s: (s["start"], s["end"]))}
