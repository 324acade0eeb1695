"""Records → column batches (Arrow) for the store, and the reverse (JSON record → Event).

Why not ``Record.to_dict()`` + ``json.dumps`` per event: that costs ~80 µs per event, which
alone would blow the 60 s budget for a 1M-row ingest. Events are flattened column by column
instead, and the contract JSON record is built from those columns inside DuckDB
(``RECORD_SQL``). ``tests/unit/test_store_rows.py`` round-trips generated events through the
store, so a model field missing here fails a test instead of being silently dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

import pyarrow as pa

from eventwire.dedup import parse_event_date
from eventwire.model import Actor, Document, ErrorRecord, Event, Quote


def event_from_json(record: str) -> Event:
    return Event.from_dict(json.loads(record))


_ACTOR_COLS = ("text", "name", "id", "country", "sector", "affiliations")

EVENT_SCHEMA = pa.schema([
    ("id", pa.string()), ("document_id", pa.string()), ("kind", pa.string()),
    ("canonical_id", pa.string()), ("event_type", pa.string()), ("mode", pa.string()),
    ("context", pa.list_(pa.string())), ("cameo", pa.string()),
    ("acled_event_type", pa.string()), ("acled_sub_event_type", pa.string()),
    *[(f"actor_{c}", pa.string()) for c in _ACTOR_COLS],
    *[(f"recipient_{c}", pa.string()) for c in _ACTOR_COLS],
    ("location_text", pa.string()), ("location_name", pa.string()),
    ("location_country", pa.string()), ("location_admin1", pa.string()),
    ("lat", pa.float64()), ("lon", pa.float64()), ("geonameid", pa.int64()),
    ("location_precision", pa.string()), ("location_inherited", pa.bool_()),
    ("date", pa.string()), ("date_day", pa.date32()), ("date_precision", pa.string()),
    ("date_text", pa.string()), ("date_inherited", pa.bool_()),
    ("evidence_document_id", pa.string()), ("sentence", pa.string()),
    ("evidence_start", pa.int64()), ("evidence_end", pa.int64()),
    ("sources", pa.list_(pa.string())), ("n_sources", pa.int32()),
    ("confidence", pa.float64()), ("quotes", pa.list_(pa.string())),
    ("trigger_text", pa.string()), ("trigger_lemma", pa.string()),
    ("trigger_start", pa.int64()), ("trigger_end", pa.int64()),
    ("modality", pa.string()), ("rule", pa.string()),
])


def _actor_struct(role: str) -> str:
    return (f"CASE WHEN {role}_text IS NULL THEN NULL ELSE struct_pack(text := {role}_text, "
            f"name := {role}_name, id := {role}_id, country := {role}_country, "
            f"sector := {role}_sector, affiliations := coalesce(json({role}_affiliations), "
            f"'[]'::JSON)) END")


#: SQL building the contract JSON record from the flat columns, at read time (view
#: ``event_records``). Not stored: a stored copy doubled the bytes written per commit, and
#: ``json.dumps`` per event in Python cost more than the whole rest of the ingest. DuckDB's
#: JSON writer round-trips floats exactly (checked by the hypothesis round-trip test).
RECORD_SQL = f"""to_json(struct_pack(
    id := id, event_type := event_type, mode := mode, context := context, cameo := cameo,
    acled := CASE WHEN acled_event_type IS NULL THEN NULL ELSE struct_pack(
        event_type := acled_event_type, sub_event_type := acled_sub_event_type) END,
    actor := {_actor_struct("actor")}, recipient := {_actor_struct("recipient")},
    location := CASE WHEN location_text IS NULL THEN NULL ELSE struct_pack(
        text := location_text, name := location_name, country := location_country,
        admin1 := location_admin1, lat := lat, lon := lon, geonameid := geonameid,
        precision := location_precision, inherited := location_inherited) END,
    date := date, date_precision := date_precision, date_text := date_text,
    evidence := struct_pack(document_id := evidence_document_id, sentence := sentence,
        start := evidence_start, "end" := evidence_end),
    sources := sources, confidence := confidence, quotes := quotes,
    trigger := CASE WHEN trigger_text IS NULL THEN NULL ELSE struct_pack(
        text := trigger_text, lemma := trigger_lemma, start := trigger_start,
        "end" := trigger_end) END,
    modality := modality, rule := rule, date_inherited := date_inherited))::VARCHAR"""


def insert_events_sql(source: str) -> str:
    """INSERT of an Arrow table in ``EVENT_SCHEMA`` layout, deriving the ``canonical`` flag."""
    return (f"INSERT INTO events BY NAME SELECT *, canonical_id = id AS canonical "
            f"FROM {source}")


def _affiliations(actor: Actor | None) -> str | None:
    if actor is None or not actor.affiliations:
        return None
    return json.dumps([{"relation": a.relation, "target": a.target, "since": a.since,
                        "until": a.until} for a in actor.affiliations])


def events_table(events: Iterable[Event], kind: str = "story",
                 canonical_ids: dict[str, str] | None = None) -> pa.Table:
    """Flatten events into the ``events`` table layout, one column at a time.

    Column-wise list comprehensions are several times faster than building a dict per event,
    which matters for the 1M-row ingest budget.
    """
    evs = list(events)
    canonical_ids = canonical_ids or {}
    ev = [e.evidence for e in evs]
    trig = [e.trigger for e in evs]
    acl = [e.acled for e in evs]
    loc = [e.location for e in evs]
    cols: dict[str, list[Any]] = {
        "id": [e.id for e in evs],
        "document_id": [x.document_id for x in ev] if kind == "story" else [None] * len(evs),
        "kind": [kind] * len(evs),
        "canonical_id": [canonical_ids.get(e.id, e.id) for e in evs],
        "event_type": [e.event_type for e in evs],
        "mode": [e.mode for e in evs],
        "context": [e.context for e in evs],  # tuples convert as lists
        "cameo": [e.cameo for e in evs],
        "acled_event_type": [a.event_type if a else None for a in acl],
        "acled_sub_event_type": [a.sub_event_type if a else None for a in acl],
    }
    for role, people in (("actor", [e.actor for e in evs]),
                         ("recipient", [e.recipient for e in evs])):
        cols[f"{role}_text"] = [a.text if a else None for a in people]
        cols[f"{role}_name"] = [a.name if a else None for a in people]
        cols[f"{role}_id"] = [a.id if a else None for a in people]
        cols[f"{role}_country"] = [a.country if a else None for a in people]
        cols[f"{role}_sector"] = [a.sector if a else None for a in people]
        cols[f"{role}_affiliations"] = [
            _affiliations(a) if a and a.affiliations else None for a in people]
    days: dict[str | None, date | None] = {}  # few distinct dates per batch: parse each once
    for e in evs:
        if e.date not in days:
            days[e.date] = parse_event_date(e.date)
    cols.update({
        "location_text": [p.text if p else None for p in loc],
        "location_name": [p.name if p else None for p in loc],
        "location_country": [p.country if p else None for p in loc],
        "location_admin1": [p.admin1 if p else None for p in loc],
        "lat": [p.lat if p else None for p in loc],
        "lon": [p.lon if p else None for p in loc],
        "geonameid": [p.geonameid if p else None for p in loc],
        "location_precision": [p.precision if p else None for p in loc],
        "location_inherited": [p.inherited if p else None for p in loc],
        "date": [e.date for e in evs],
        "date_day": [days[e.date] for e in evs],
        "date_precision": [e.date_precision for e in evs],
        "date_text": [e.date_text for e in evs],
        "date_inherited": [e.date_inherited for e in evs],
        "evidence_document_id": [x.document_id for x in ev],
        "sentence": [x.sentence for x in ev],
        "evidence_start": [x.start for x in ev],
        "evidence_end": [x.end for x in ev],
        "sources": [e.sources for e in evs],
        "n_sources": [len(e.sources) for e in evs],
        "confidence": [e.confidence for e in evs],
        "quotes": [e.quotes for e in evs],
        "trigger_text": [t.text if t else None for t in trig],
        "trigger_lemma": [t.lemma if t else None for t in trig],
        "trigger_start": [t.start if t else None for t in trig],
        "trigger_end": [t.end if t else None for t in trig],
        "modality": [e.modality for e in evs],
        "rule": [e.rule for e in evs],
    })
    return pa.table(cols, schema=EVENT_SCHEMA)


DOCUMENT_SCHEMA = pa.schema([
    ("id", pa.string()), ("content_hash", pa.string()), ("title", pa.string()),
    ("url", pa.string()), ("published", pa.date32()), ("outlet", pa.string()),
    ("source", pa.string()), ("text", pa.string()),
    ("ingested_at", pa.timestamp("us", tz="UTC")),
])


def documents_table(documents: Iterable[Document]) -> pa.Table:
    now = datetime.now(UTC)
    rows = [
        {"id": d.id, "content_hash": d.content_hash, "title": d.title, "url": d.url,
         "published": d.published, "outlet": d.outlet, "source": d.source, "text": d.text,
         "ingested_at": now}
        for d in documents
    ]
    return pa.Table.from_pylist(rows, schema=DOCUMENT_SCHEMA)


QUOTE_SCHEMA = pa.schema([
    ("id", pa.string()), ("document_id", pa.string()), ("speaker", pa.string()),
    ("role", pa.string()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
    ("event_ids", pa.list_(pa.string())), ("organisation", pa.string()),
    ("speaker_actor_id", pa.string()), ("record", pa.string()),
])


def quote_dict(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id, "document_id": q.document_id, "speaker": q.speaker, "role": q.role,
        "text": q.text, "start": q.start, "end": q.end, "event_ids": list(q.event_ids),
        "organisation": q.organisation, "speaker_actor_id": q.speaker_actor_id,
    }


def quotes_table(quotes: Iterable[Quote]) -> pa.Table:
    rows = []
    for q in quotes:
        d = quote_dict(q)
        rows.append({**d, "record": json.dumps(d, ensure_ascii=False)})
    return pa.Table.from_pylist(rows, schema=QUOTE_SCHEMA)


ERROR_SCHEMA = pa.schema([
    ("document_id", pa.string()), ("code", pa.string()), ("message", pa.string()),
    ("source", pa.string()), ("recorded_at", pa.timestamp("us", tz="UTC")),
])


def errors_table(errors: Iterable[ErrorRecord]) -> pa.Table:
    now = datetime.now(UTC)
    rows = [{"document_id": e.document_id, "code": str(getattr(e.code, "value", e.code)),
             "message": e.message,
             "source": e.source, "recorded_at": now} for e in errors]
    return pa.Table.from_pylist(rows, schema=ERROR_SCHEMA)
