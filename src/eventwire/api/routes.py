"""Read-only JSON endpoints, each a thin call into one store query.

Endpoints are plain ``def`` functions: FastAPI runs them in its thread pool, and each thread
gets its own store connection from :class:`StoreProvider` (a DuckDB connection must not be
shared between threads that query at the same time).
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request

from eventwire.api.params import Page, clean_text, event_filters, page, text_query
from eventwire.errors import NotFoundError

RecordId = Annotated[str, Path(min_length=1, max_length=200, description="stable record id")]


class StoreProvider:
    """Opens one store connection per worker thread, lazily, and closes them all at shutdown."""

    def __init__(self, opener: Callable[[], Any]) -> None:
        self._opener = opener
        self._local = threading.local()
        self._opened: list[Any] = []
        self._lock = threading.Lock()

    def get(self) -> Any:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._opener()
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            close = getattr(store, "close", None)
            if close is not None:
                close()


def get_store(request: Request) -> Any:
    return request.app.state.stores.get()


def rows(table: Any) -> list[dict[str, Any]]:
    """Arrow table (or anything list-like of dicts) → JSON-ready list of dicts."""
    return table.to_pylist() if hasattr(table, "to_pylist") else list(table)


def _accepted(method: Callable[..., Any], values: dict[str, Any]) -> dict[str, Any]:
    """Keep the keyword arguments ``method`` accepts (store list methods differ in filters)."""
    params = inspect.signature(method).parameters
    if any(p.kind is p.VAR_KEYWORD for p in params.values()):
        return values
    return {k: v for k, v in values.items() if k in params}


def _found(value: Any, kind: str, ident: str) -> Any:
    if value is None:
        raise NotFoundError(f"no {kind} with id {ident!r}")
    return value


StoreDep = Annotated[Any, Depends(get_store)]
EventFilters = Annotated[dict[str, Any], Depends(event_filters)]
Paging = Annotated[Page, Depends(page)]

router = APIRouter(prefix="/api")


@router.get("/events", summary="Events matching the filters, paged")
def list_events(
    filters: EventFilters,
    paging: Paging,
    store: StoreDep,
) -> dict[str, Any]:
    events = store.events(**filters, limit=paging.limit, offset=paging.offset)
    return {"events": rows(events), "total": store.count_events(**filters),
            "limit": paging.limit, "offset": paging.offset}


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
    args = _accepted(store.actors, {**filters, "limit": paging.limit, "offset": paging.offset})
    return {"actors": rows(store.actors(**args)), "limit": paging.limit, "offset": paging.offset}


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
    args = _accepted(store.quotes, {**filters, "limit": paging.limit, "offset": paging.offset})
    return {"quotes": rows(store.quotes(**args)), "limit": paging.limit, "offset": paging.offset}


@router.get("/stats", summary="Counts by type, country and day (filters as /api/events)")
def stats(
    filters: EventFilters,
    store: StoreDep,
) -> dict[str, Any]:
    return store.stats(**_accepted(store.stats, filters))


@router.get("/documents/{document_id}", summary="A story's text with its events' evidence spans")
def get_document(document_id: RecordId, store: StoreDep) -> dict[str, Any]:
    return _found(store.document(document_id), "document", document_id)
