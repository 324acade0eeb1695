"""Standard exports of the store's canonical events: PLOVER JSONL, CAMEO TSV (GDELT-like),
ACLED CSV, GeoJSON, and Parquet (whole tables, for re-import or analysis).

Column conventions are documented in docs/store.md. Text formats stream event by event so a
large store never has to fit in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow.parquet as pq
import pycountry

from eventwire.errors import QueryError
from eventwire.model import Actor, Event

FORMATS: tuple[str, ...] = ("plover-jsonl", "cameo-tsv", "acled-csv", "geojson", "parquet")
PARQUET_TABLES: tuple[str, ...] = ("documents", "events", "quotes", "errors", "actors", "places")

# CAMEO actor role codes (3 letters) for our sectors; unknown sectors get no role code.
_SECTOR_ROLE = {
    "government": "GOV", "military": "MIL", "police": "COP", "rebels": "REB",
    "insurgents": "INS", "militia": "UAF", "party": "PTY", "opposition": "OPP",
    "civilians": "CVL", "media": "MED", "igo": "IGO", "ngo": "NGO", "business": "BUS",
    "religious": "REL", "judiciary": "JUD", "legislature": "LEG", "education": "EDU",
    "refugees": "REF", "labor": "LAB", "criminals": "CRM", "health": "HLH",
}
# QuadClass (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict) by
# PLOVER type, used when an event has no CAMEO code to derive it from.
_PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "REQUEST": 3, "CONCEDE": 2, "COOPERATE": 2,
    "AID": 2, "RETREAT": 2, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4,
    "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

CAMEO_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "Actor2Type1Code", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "NumSources", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "PLOVERType", "SOURCEURL",
)
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "iso3", "admin1", "location", "latitude", "longitude",
    "source", "notes",
)


def _quad_class(event: Event) -> int:
    if event.cameo and event.cameo[:2].isdigit():
        root = int(event.cameo[:2])
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    return _PLOVER_QUAD[event.event_type]


def _actor_cols(actor: Actor | None) -> list[str]:
    if actor is None:
        return ["", "", "", ""]
    role = _SECTOR_ROLE.get((actor.sector or "").lower(), "")
    return [f"{actor.country or ''}{role}", (actor.name or actor.text).upper(),
            actor.country or "", role]


def cameo_row(event: Event, url: str = "") -> list[Any]:
    """One GDELT-like row (subset of GDELT 2.0 event columns; codes are ISO alpha-3)."""
    day = (event.date or "").replace("-", "")[:8] if event.date_precision == "day" else ""
    cameo = event.cameo or ""
    loc = event.location
    return [
        event.id, day, (event.date or "").replace("-", "")[:6], (event.date or "")[:4],
        *_actor_cols(event.actor), *_actor_cols(event.recipient),
        cameo, cameo[:3], cameo[:2], _quad_class(event), len(event.sources),
        (", ".join(p for p in (loc.name or loc.text, loc.admin1, loc.country) if p)
         if loc else ""),
        loc.country or "" if loc else "", loc.admin1 or "" if loc else "",
        "" if loc is None or loc.lat is None else loc.lat,
        "" if loc is None or loc.lon is None else loc.lon,
        "" if loc is None or loc.geonameid is None else loc.geonameid,
        event.event_type, url,
    ]


def _country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    country = pycountry.countries.get(alpha_3=iso3)
    return str(country.name) if country else iso3


def acled_row(event: Event, outlets: str = "") -> list[Any] | None:
    """One ACLED-like row, or None for events with no ACLED type (e.g. CONSULT)."""
    if event.acled is None:
        return None
    loc = event.location
    precision = {"day": 1, "month": 3, "year": 3}.get(event.date_precision or "", "")
    return [
        event.id, event.date or "", (event.date or "")[:4], precision,
        event.acled.event_type, event.acled.sub_event_type or "",
        (event.actor.name or event.actor.text) if event.actor else "",
        (event.recipient.name or event.recipient.text) if event.recipient else "",
        _country_name(loc.country if loc else None), loc.country or "" if loc else "",
        loc.admin1 or "" if loc else "", (loc.name or loc.text) if loc else "",
        "" if loc is None or loc.lat is None else loc.lat,
        "" if loc is None or loc.lon is None else loc.lon,
        outlets, event.evidence.sentence,
    ]


def geojson_feature(event: Event) -> dict[str, Any] | None:
    """A Point feature for a located event (None when it has no coordinates)."""
    loc = event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    return {
        "type": "Feature", "id": event.id,
        "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
        "properties": {
            "id": event.id, "event_type": event.event_type, "mode": event.mode,
            "date": event.date, "date_precision": event.date_precision,
            "actor": event.actor.name or event.actor.text if event.actor else None,
            "recipient": (event.recipient.name or event.recipient.text
                          if event.recipient else None),
            "place": loc.name or loc.text, "country": loc.country,
            "sentence": event.evidence.sentence, "sources": list(event.sources),
            "confidence": event.confidence,
        },
    }


def _document_lookup(store: Any) -> Callable[[Iterable[str]], dict[str, dict[str, Any]]]:
    """Fetch url/outlet of source documents in bulk, with a per-export cache."""
    cache: dict[str, dict[str, Any]] = {}

    def lookup(ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        missing = [i for i in ids if i not in cache]
        if missing:
            found = store.document_meta(missing)
            for i in missing:
                meta = found.get(i, {})
                cache[i] = {"url": meta.get("url") or "", "outlet": meta.get("outlet") or ""}
        return {i: cache[i] for i in ids}

    return lookup


def _chunks(events: Iterable[Event], size: int = 2000) -> Iterator[list[Event]]:
    chunk: list[Event] = []
    for e in events:
        chunk.append(e)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_text(store: Any, format: str, out: IO[str], **filters: Any) -> int:
    """Write canonical events in a text format to an open stream; returns rows written."""
    events = store.iter_events(canonical=True, **filters)
    count = 0
    if format == "plover-jsonl":
        for e in events:
            out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    elif format in ("cameo-tsv", "acled-csv"):
        tsv = format == "cameo-tsv"
        writer = csv.writer(out, delimiter="\t" if tsv else ",", lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL)
        writer.writerow(CAMEO_COLUMNS if tsv else ACLED_COLUMNS)
        lookup = _document_lookup(store)
        for chunk in _chunks(events):
            docs = lookup(sorted({s for e in chunk for s in e.sources}))
            for e in chunk:
                if tsv:
                    url = next((docs[s]["url"] for s in e.sources if docs[s]["url"]), "")
                    row = cameo_row(e, url)
                else:
                    outlets = "; ".join(sorted({docs[s]["outlet"] for s in e.sources}
                                               - {""}))
                    row = acled_row(e, outlets)
                if row is not None:
                    writer.writerow(row)
                    count += 1
    elif format == "geojson":
        out.write('{"type": "FeatureCollection", "features": [')
        for e in events:
            feature = geojson_feature(e)
            if feature is not None:
                out.write(("," if count else "") + "\n" + json.dumps(feature, ensure_ascii=False))
                count += 1
        out.write("\n]}\n")
    else:
        raise QueryError(f"unknown text export format {format!r}; one of {', '.join(FORMATS)}")
    return count


def write_parquet(store: Any, directory: str | Path) -> dict[str, int]:
    """Every table as ``<directory>/<table>.parquet`` (streamed); returns rows per table."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for name in PARQUET_TABLES:
        reader = store.table(name)
        rows = 0
        with pq.ParquetWriter(directory / f"{name}.parquet", reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
                rows += batch.num_rows
        counts[name] = rows
    return counts


def export(store: Any, format: str, out: str | Path | IO[str] | None = None,
           **filters: Any) -> int | dict[str, int]:
    """Export canonical events (or, for parquet, whole tables) to a path or open stream.

    ``out`` is a file path, a text stream, or (parquet only) a directory. Filters are the same
    keyword filters as ``Store.events`` (type, actor, country, since, …).
    """
    if format not in FORMATS:
        raise QueryError(f"unknown export format {format!r}; one of {', '.join(FORMATS)}")
    if format == "parquet":
        if out is None or not isinstance(out, (str, Path)):
            raise QueryError("parquet export needs --out DIRECTORY")
        return write_parquet(store, out)
    if out is None:
        raise QueryError("give an output path or stream")
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return write_text(store, format, stream, **filters)
    return write_text(store, format, out, **filters)
