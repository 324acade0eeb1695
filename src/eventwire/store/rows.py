"""Records → column batches (Arrow) for the store, and the reverse (JSON record → Event).

Why hand-written converters instead of ``Record.to_dict()``: the generic ``to_dict`` walks
``dataclasses.fields`` recursively and costs ~80 µs per event, which alone would blow the 60 s
budget for a 1M-row ingest. ``event_dict`` below builds the same dict with attribute access
(~10x faster); ``tests/unit/test_store_rows.py`` checks it equals ``to_dict()`` on generated
events so a new model field cannot be silently dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

import pyarrow as pa

from eventwire.dedup import parse_event_date
from eventwire.model import Actor, Document, ErrorRecord, Event, Place, Quote


def _actor_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "text": actor.text, "name": actor.name, "id": actor.id, "country": actor.country,
        "sector": actor.sector,
        "affiliations": [
            {"relation": a.relation, "target": a.target, "since": a.since, "until": a.until}
            for a in actor.affiliations
        ],
    }


def _place_dict(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "text": place.text, "name": place.name, "country": place.country,
        "admin1": place.admin1, "lat": place.lat, "lon": place.lon,
        "geonameid": place.geonameid, "precision": place.precision,
        "inherited": place.inherited,
    }


def event_dict(e: Event) -> dict[str, Any]:
    """Same result as ``e.to_dict()``, built with plain attribute access for speed."""
    ev, tr, ac = e.evidence, e.trigger, e.acled
    return {
        "id": e.id, "event_type": e.event_type, "mode": e.mode, "context": list(e.context),
        "cameo": e.cameo,
        "acled": None if ac is None else {
            "event_type": ac.event_type, "sub_event_type": ac.sub_event_type},
        "actor": _actor_dict(e.actor), "recipient": _actor_dict(e.recipient),
        "location": _place_dict(e.location),
        "date": e.date, "date_precision": e.date_precision, "date_text": e.date_text,
        "evidence": {"document_id": ev.document_id, "sentence": ev.sentence,
                     "start": ev.start, "end": ev.end},
        "sources": list(e.sources), "confidence": e.confidence, "quotes": list(e.quotes),
        "trigger": None if tr is None else {
            "text": tr.text, "lemma": tr.lemma, "start": tr.start, "end": tr.end},
        "modality": e.modality, "rule": e.rule, "date_inherited": e.date_inherited,
    }


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
    ("location_precision", pa.string()), ("date", pa.string()), ("date_day", pa.date32()),
    ("date_precision", pa.string()), ("date_text", pa.string()), ("sentence", pa.string()),
    ("evidence_start", pa.int64()), ("evidence_end", pa.int64()),
    ("sources", pa.list_(pa.string())), ("n_sources", pa.int32()),
    ("confidence", pa.float64()), ("modality", pa.string()), ("trigger_text", pa.string()),
    ("rule", pa.string()), ("record", pa.string()),
])


def events_table(events: Iterable[Event], kind: str = "story",
                 canonical_ids: dict[str, str] | None = None) -> pa.Table:
    """Flatten events into the ``events`` table layout (one column list per field)."""
    cols: dict[str, list[Any]] = {name: [] for name in EVENT_SCHEMA.names}
    canonical_ids = canonical_ids or {}
    for e in events:
        d = event_dict(e)
        cols["id"].append(e.id)
        cols["document_id"].append(e.evidence.document_id if kind == "story" else None)
        cols["kind"].append(kind)
        cols["canonical_id"].append(canonical_ids.get(e.id, e.id))
        cols["event_type"].append(e.event_type)
        cols["mode"].append(e.mode)
        cols["context"].append(d["context"])
        cols["cameo"].append(e.cameo)
        cols["acled_event_type"].append(e.acled.event_type if e.acled else None)
        cols["acled_sub_event_type"].append(e.acled.sub_event_type if e.acled else None)
        for role in ("actor", "recipient"):
            a = d[role]
            for c in _ACTOR_COLS:
                if a is None:
                    cols[f"{role}_{c}"].append(None)
                elif c == "affiliations":
                    cols[f"{role}_{c}"].append(json.dumps(a[c]) if a[c] else None)
                else:
                    cols[f"{role}_{c}"].append(a[c])
        loc = e.location
        cols["location_text"].append(loc.text if loc else None)
        cols["location_name"].append(loc.name if loc else None)
        cols["location_country"].append(loc.country if loc else None)
        cols["location_admin1"].append(loc.admin1 if loc else None)
        cols["lat"].append(loc.lat if loc else None)
        cols["lon"].append(loc.lon if loc else None)
        cols["geonameid"].append(loc.geonameid if loc else None)
        cols["location_precision"].append(loc.precision if loc else None)
        cols["date"].append(e.date)
        cols["date_day"].append(parse_event_date(e.date))
        cols["date_precision"].append(e.date_precision)
        cols["date_text"].append(e.date_text)
        cols["sentence"].append(e.evidence.sentence)
        cols["evidence_start"].append(e.evidence.start)
        cols["evidence_end"].append(e.evidence.end)
        cols["sources"].append(d["sources"])
        cols["n_sources"].append(len(e.sources))
        cols["confidence"].append(e.confidence)
        cols["modality"].append(e.modality)
        cols["trigger_text"].append(e.trigger.text if e.trigger else None)
        cols["rule"].append(e.rule)
        cols["record"].append(json.dumps(d, ensure_ascii=False))
    return pa.table(cols, schema=EVENT_SCHEMA)


DOCUMENT_SCHEMA = pa.schema([
    ("id", pa.string()), ("content_hash", pa.string()), ("title", pa.string()),
    ("url", pa.string()), ("published", pa.date32()), ("outlet", pa.string()),
    ("source", pa.string()), ("text", pa.string()),
    ("ingested_at", pa.timestamp("us", tz="UTC")),
])


def documents_table(documents: Iterable[Document]) -> pa.Table:
    now = datetime.now(timezone.utc)
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
    now = datetime.now(timezone.utc)
    rows = [{"document_id": e.document_id, "code": str(getattr(e.code, "value", e.code)),
             "message": e.message,
             "source": e.source, "recorded_at": now} for e in errors]
    return pa.Table.from_pylist(rows, schema=ERROR_SCHEMA)
