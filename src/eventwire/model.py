"""Typed records that flow through every stage (ingest → nlp → code → resolve → store → serve).

The JSON shape produced by ``to_dict()`` is the output contract described in DOMAIN.md; the store,
exports, API and dashboard all read these field names. Records are frozen so a stage can never
mutate what an earlier stage produced: it returns a new record with ``dataclasses.replace``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import date
from typing import Any

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year")


def stable_id(prefix: str, *parts: object) -> str:
    """Deterministic id from the parts: the same input gives the same id on every machine."""
    digest = hashlib.blake2b("\x1f".join(str(p) for p in parts).encode("utf-8"), digest_size=10)
    return f"{prefix}_{digest.hexdigest()}"


def content_hash(text: str) -> str:
    """Hash of a document's text, used as the idempotency key of the store."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _plain(value: Any) -> Any:
    """Turn records, tuples and dates into JSON-ready values."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """Mixin giving every record the same ``to_dict`` (JSON-ready, contract field names)."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True)
class Document(Record):
    """One input story after ingest. ``text`` is the stored text every offset points into."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None
    source: str | None = None  # where it came from: file path, "stdin", WARC record id, …

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        published = data.get("published")
        if isinstance(published, str):
            published = date.fromisoformat(published[:10])
        return cls(
            id=str(data["id"]), text=data["text"], title=data.get("title"), url=data.get("url"),
            published=published, outlet=data.get("outlet"), source=data.get("source"),
        )


@dataclass(frozen=True)
class Affiliation(Record):
    """A time-bounded link from one actor to another (member of, branch of, renamed to…)."""

    relation: str
    target: str
    since: str | None = None  # ISO date (or year) when it began, None = unknown/always
    until: str | None = None  # ISO date (or year) when it ended, None = still current


@dataclass(frozen=True)
class Actor(Record):
    """Who acted or was acted upon; ``text`` as written, the rest from the dictionaries."""

    text: str
    name: str | None = None
    id: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None
    affiliations: tuple[Affiliation, ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Actor | None:
        if not data:
            return None
        return cls(
            text=data["text"], name=data.get("name"), id=data.get("id"),
            country=data.get("country"), sector=data.get("sector"),
            affiliations=tuple(Affiliation(**a) for a in data.get("affiliations") or ()),
        )


@dataclass(frozen=True)
class Place(Record):
    """Where an event happened, resolved against the gazetteer."""

    text: str
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None  # country | admin1 | city | point
    inherited: bool = False  # True when taken from the story's dominant place, not the clause

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Place | None:
        return cls(**data) if data else None


@dataclass(frozen=True)
class Acled(Record):
    event_type: str
    sub_event_type: str | None = None


@dataclass(frozen=True)
class Evidence(Record):
    """The sentence that reports an event, with offsets into ``Document.text``."""

    document_id: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Trigger(Record):
    """The word(s) that signalled the event, with offsets into ``Document.text``."""

    text: str
    lemma: str
    start: int
    end: int


@dataclass(frozen=True)
class Event(Record):
    """One real-world political event: who did what to whom, where, when."""

    id: str
    event_type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    acled: Acled | None
    actor: Actor | None
    recipient: Actor | None
    location: Place | None
    date: str | None
    date_precision: str | None
    date_text: str | None
    evidence: Evidence
    sources: tuple[str, ...]
    confidence: float
    quotes: tuple[str, ...] = ()
    trigger: Trigger | None = None
    modality: str = "asserted"  # asserted | intended | hypothetical | reported_denial
    rule: str = ""  # which rule or model produced it (shown by --explain)
    date_inherited: bool = False  # True when the date is the publication date, not stated

    def __post_init__(self) -> None:
        if self.event_type not in PLOVER_TYPES:
            raise ValueError(f"unknown PLOVER type {self.event_type!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside 0..1")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        acled = data.get("acled")
        trig = data.get("trigger")
        return cls(
            id=data["id"], event_type=data["event_type"], mode=data.get("mode"),
            context=tuple(data.get("context") or ()), cameo=data.get("cameo"),
            acled=Acled(**acled) if acled else None,
            actor=Actor.from_dict(data.get("actor")),
            recipient=Actor.from_dict(data.get("recipient")),
            location=Place.from_dict(data.get("location")),
            date=data.get("date"), date_precision=data.get("date_precision"),
            date_text=data.get("date_text"), evidence=Evidence(**data["evidence"]),
            sources=tuple(data.get("sources") or ()), confidence=float(data["confidence"]),
            quotes=tuple(data.get("quotes") or ()), trigger=Trigger(**trig) if trig else None,
            modality=data.get("modality", "asserted"), rule=data.get("rule", ""),
            date_inherited=bool(data.get("date_inherited", False)),
        )

    def with_changes(self, **changes: Any) -> Event:
        return replace(self, **changes)


@dataclass(frozen=True)
class Quote(Record):
    """A direct quotation and who said it."""

    id: str
    document_id: str
    speaker: str | None
    role: str | None
    text: str
    start: int
    end: int
    event_ids: tuple[str, ...] = ()
    organisation: str | None = None
    speaker_actor_id: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        values = dict(data)
        values["event_ids"] = tuple(values.get("event_ids") or ())
        return cls(**values)


@dataclass(frozen=True)
class ErrorRecord(Record):
    """A document that could not be read or coded, and why. The batch goes on."""

    document_id: str
    code: str
    message: str
    source: str | None = None


@dataclass(frozen=True)
class DocumentResult(Record):
    """Everything the pipeline produced for one document."""

    document: Document | None
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    errors: tuple[ErrorRecord, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.document is not None and not self.errors


def events_to_dicts(events: Iterable[Event]) -> list[dict[str, Any]]:
    return [e.to_dict() for e in events]
