"""Parquet directory (as written by ``export(store, "parquet", dir)``) → DocumentResults.

Importing goes through ``Store.write`` so it gets the same idempotency and transactions as
ingest; derived tables (actors, places, merged events) are rebuilt, not copied.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq

from eventwire.errors import StoreError
from eventwire.model import Document, DocumentResult, ErrorRecord, Event, Quote


def _read(directory: Path, name: str, columns: list[str]) -> list[dict]:
    path = directory / f"{name}.parquet"
    if not path.exists():
        return []
    try:
        return pq.read_table(path, columns=columns).to_pylist()
    except (OSError, ValueError, KeyError) as exc:
        raise StoreError(f"cannot read {path}: {exc}") from exc


def read_results(directory: Path) -> Iterator[DocumentResult]:
    """One DocumentResult per stored document, plus one per error-only document id."""
    if not (directory / "documents.parquet").exists():
        raise StoreError(f"{directory} has no documents.parquet; export with --format parquet")
    events: dict[str, list[Event]] = {}
    for row in _read(directory, "events", ["kind", "document_id", "record"]):
        if row["kind"] == "story":
            events.setdefault(row["document_id"], []).append(
                Event.from_dict(json.loads(row["record"])))
    quotes: dict[str, list[Quote]] = {}
    for row in _read(directory, "quotes", ["document_id", "record"]):
        quotes.setdefault(row["document_id"], []).append(
            Quote.from_dict(json.loads(row["record"])))
    errors: dict[str, list[ErrorRecord]] = {}
    for row in _read(directory, "errors", ["document_id", "code", "message", "source"]):
        errors.setdefault(row["document_id"], []).append(ErrorRecord(**row))
    columns = ["id", "text", "title", "url", "published", "outlet", "source"]
    for row in _read(directory, "documents", columns):
        doc = Document(**row)
        yield DocumentResult(document=doc, events=tuple(events.get(doc.id, ())),
                             quotes=tuple(quotes.get(doc.id, ())),
                             errors=tuple(errors.pop(doc.id, ())))
    for document_id, records in sorted(errors.items()):
        yield DocumentResult(document=None, errors=tuple(records))
