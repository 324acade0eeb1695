"""Hand-made records for tests and benches: documents, events, results and dedup clusters.

Everything here is synthetic text we wrote; nothing comes from gold data. Other test modules
may import these helpers (``from tests.factories import make_event``) or put ``tests/`` on
``sys.path`` (``from factories import ...``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.model import (
    Acled,
    Actor,
    Document,
    DocumentResult,
    ErrorRecord,
    Event,
    Evidence,
    Place,
    Quote,
    Trigger,
    stable_id,
)

ACTORS = {
    "REB": Actor("rebels", "Free Syrian Army", "FSA", "SYR", "rebels"),
    "ARMY": Actor("the army", "Syrian Arab Army", "SYRMIL", "SYR", "military"),
    "POL": Actor("police", "Iraqi Police", "IRQCOP", "IRQ", "police"),
    "GOV": Actor("the government", "Government of Iraq", "IRQGOV", "IRQ", "government"),
    "NUSRA": Actor("Nusra", "Nusra Front", "NUSRA", "SYR", "rebels"),
}

# Synthetic towns (name, country, admin1, lat, lon, geonameid); distances are what matter.
TOWNS = {
    "Aleppo": ("Aleppo", "SYR", "Aleppo", 36.2021, 37.1343, 170063),
    "Azaz": ("Azaz", "SYR", "Aleppo", 36.5866, 37.0463, 170017),  # ~43 km from Aleppo
    "Anadan": ("Anadan", "SYR", "Aleppo", 36.2950, 37.0440, 170800),  # ~13 km from Aleppo
    "Homs": ("Homs", "SYR", "Homs", 34.7268, 36.7234, 169577),
    "Mosul": ("Mosul", "IRQ", "Nineveh", 36.3350, 43.1189, 99072),
    "Baghdad": ("Baghdad", "IRQ", "Baghdad", 33.3406, 44.4009, 98182),
}


def make_place(town: str, precision: str = "city") -> Place:
    name, country, admin1, lat, lon, gid = TOWNS[town]
    return Place(town, name, country, admin1, lat, lon, gid, precision)


def make_event(document_id: str = "doc1", n: int = 0, *, event_type: str = "ASSAULT",
               actor: Actor | str | None = "REB", recipient: Actor | str | None = "ARMY",
               town: str | None = "Aleppo", day: str | None = "2016-05-10",
               precision: str | None = "day", sentence: str | None = None,
               confidence: float = 0.8, **changes: object) -> Event:
    """One per-story event with a sentence at offset ``n * 100`` of its document."""
    a = ACTORS[actor] if isinstance(actor, str) else actor
    r = ACTORS[recipient] if isinstance(recipient, str) else recipient
    sentence = sentence or f"{a.text if a else 'Someone'} acted against " \
                           f"{r.text if r else 'someone'} in {town or 'somewhere'}."
    start = n * 100
    event = Event(
        id=stable_id("ev", document_id, start, event_type), event_type=event_type,
        mode=None, context=("military",), cameo="190" if event_type == "ASSAULT" else None,
        acled=Acled("Battles", "Armed clash") if event_type == "ASSAULT" else None,
        actor=a, recipient=r, location=make_place(town) if town else None,
        date=day if precision != "month" or day is None else day[:7],
        date_precision=precision if day else None, date_text=day,
        evidence=Evidence(document_id, sentence, start, start + len(sentence)),
        sources=(document_id,), confidence=confidence,
        trigger=Trigger("acted", "act", start + 4, start + 9), rule="test",
    )
    return event.with_changes(**changes) if changes else event


def make_document(document_id: str = "doc1", text: str | None = None, **kw: object) -> Document:
    return Document(id=document_id, text=text or f"Synthetic story {document_id}.",
                    title=f"Title {document_id}", url=f"https://example.org/{document_id}",
                    published=date(2016, 5, 11), outlet="Example Wire", **kw)  # type: ignore[arg-type]


def make_quote(document_id: str, event_ids: tuple[str, ...] = (), n: int = 0) -> Quote:
    return Quote(id=stable_id("q", document_id, n), document_id=document_id,
                 speaker="A spokesman", role="spokesman", text="We will respond.",
                 start=n * 10, end=n * 10 + 16, event_ids=event_ids)


def make_result(document_id: str = "doc1", n_events: int = 2, version: str = "",
                **event_kw: object) -> DocumentResult:
    """A document with ``n_events`` events and one quote tied to the first event."""
    doc = make_document(document_id, text=f"Synthetic story {document_id}.{version}")
    events = tuple(make_event(document_id, i, **event_kw) for i in range(n_events))  # type: ignore[arg-type]
    quotes = (make_quote(document_id, (events[0].id,)),) if events else ()
    return DocumentResult(document=doc, events=events, quotes=quotes)


def make_error_result(document_id: str, code: str = "E102",
                      message: str = "empty document") -> DocumentResult:
    return DocumentResult(document=None, errors=(ErrorRecord(document_id, code, message),))


def synthetic_results(n_documents: int, events_per_document: int = 10,
                      seed: int = 7) -> Iterator[DocumentResult]:
    """Many varied documents (for crash tests and benches); deterministic for a seed."""
    rng = random.Random(seed)
    types = ("ASSAULT", "COERCE", "PROTEST", "CONSULT", "ACCUSE", "MOBILIZE")
    towns, actors = list(TOWNS), list(ACTORS)
    start = date(2015, 1, 1)
    for d in range(n_documents):
        doc_id = f"syn{d:07d}"
        events = tuple(
            make_event(doc_id, i, event_type=rng.choice(types), actor=rng.choice(actors),
                       recipient=rng.choice(actors + [None]), town=rng.choice(towns),
                       day=(start + timedelta(days=rng.randrange(730))).isoformat(),
                       confidence=round(rng.random(), 3))
            for i in range(events_per_document))
        yield DocumentResult(document=make_document(doc_id), events=events,
                             quotes=(make_quote(doc_id, (events[0].id,)),) if events else ())


@dataclass(frozen=True)
class LabelledReport:
    """A per-story event and the id of the real-world event it reports."""

    event: Event
    truth: str


def dedup_clusters() -> list[LabelledReport]:
    """Synthetic dedup set: true clusters told several ways plus near-misses that must not merge.

    - "aleppo-attack": one attack told by three outlets — exact town, a nearby village with a
      one-day-later date, and a coarse month-precision report with the recipient unknown.
    - near-misses: the same actors attacking Azaz (43 km away), the same attack a week later,
      a different type (COERCE) the same day, different actors (NUSRA) the same day and town,
      an Iraqi event, and an undated report.
    - "mosul-arrest": a second true cluster of two reports (COERCE in Mosul).
    """
    reports = [
        LabelledReport(make_event("outletA-1", event_type="ASSAULT", town="Aleppo",
                                  day="2016-05-10", confidence=0.9), "aleppo-attack"),
        LabelledReport(make_event("outletB-7", event_type="ASSAULT", town="Anadan",
                                  day="2016-05-11", confidence=0.7), "aleppo-attack"),
        LabelledReport(make_event("outletC-3", event_type="ASSAULT", town="Aleppo",
                                  day="2016-05-10", precision="month", recipient=None,
                                  confidence=0.6), "aleppo-attack"),
        LabelledReport(make_event("outletD-1", event_type="ASSAULT", town="Azaz",
                                  day="2016-05-10"), "azaz-attack"),
        LabelledReport(make_event("outletE-1", event_type="ASSAULT", town="Aleppo",
                                  day="2016-05-17"), "aleppo-attack-next-week"),
        LabelledReport(make_event("outletF-1", event_type="COERCE", town="Aleppo",
                                  day="2016-05-10"), "aleppo-arrests"),
        LabelledReport(make_event("outletG-1", event_type="ASSAULT", actor="NUSRA",
                                  town="Aleppo", day="2016-05-10"), "nusra-attack"),
        LabelledReport(make_event("outletH-1", event_type="ASSAULT", actor="POL",
                                  recipient="GOV", town="Baghdad", day="2016-05-10"),
                       "baghdad-attack"),
        LabelledReport(make_event("outletI-1", event_type="ASSAULT", town="Aleppo", day=None),
                       "undated-report"),
        LabelledReport(make_event("outletJ-2", event_type="COERCE", actor="POL",
                                  recipient=None, town="Mosul", day="2016-06-01"),
                       "mosul-arrest"),
        LabelledReport(make_event("outletK-5", event_type="COERCE", actor="POL",
                                  recipient=None, town="Mosul", day="2016-06-02"),
                       "mosul-arrest"),
    ]
    return reports


def synthetic_dedup_set(n_events: int = 80, seed: int = 11) -> list[LabelledReport]:
    """A larger randomised dedup set: each true event told by 1-4 outlets with realistic noise
    (town jitter up to ~9 km, dates off by a day, month-precision dates, unknown recipients,
    missing places), plus deliberate near-misses: the same actors and type the same day ~60 km
    away, and the same place 4-10 days later. Labels are the true event ids.
    """
    rng = random.Random(seed)
    types = ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE")
    names = list(ACTORS)
    start = date(2015, 1, 1)
    reports: list[LabelledReport] = []

    def report(doc: str, truth: str, event_type: str, actor: str, recipient: str | None,
               lat: float, lon: float, day: date, precision: str = "day",
               located: bool = True) -> None:
        place = Place(f"Town {truth}", f"Town {truth}", "SYR", None, round(lat, 4),
                      round(lon, 4), None, "city") if located else None
        event = make_event(doc, 0, event_type=event_type, actor=actor, recipient=recipient,
                           town=None, day=day.isoformat(), precision=precision)
        reports.append(LabelledReport(event.with_changes(location=place), truth))

    for k in range(n_events):
        event_type = rng.choice(types)
        actor, recipient = rng.sample(names, 2)
        lat, lon = rng.uniform(30, 40), rng.uniform(35, 45)
        day = start + timedelta(days=rng.randrange(730))
        for r in range(rng.randint(1, 4)):
            report(f"t{k}-o{r}", f"true{k}", event_type, actor,
                   None if rng.random() < 0.2 else recipient,
                   lat + rng.uniform(-0.06, 0.06), lon + rng.uniform(-0.06, 0.06),
                   day + timedelta(days=rng.choice((0, 0, 0, 1))),
                   precision="month" if r and rng.random() < 0.15 else "day",
                   located=rng.random() > 0.1)
        if rng.random() < 0.5:
            report(f"m{k}", f"miss{k}", event_type, actor, recipient, lat + 0.55, lon, day)
        if rng.random() < 0.5:
            report(f"l{k}", f"later{k}", event_type, actor, recipient, lat, lon,
                   day + timedelta(days=rng.randint(4, 10)))
    return reports


def sentence_event(sentence: str, event_type: str = "ASSAULT", actor: Actor | None = None,
                   recipient: Actor | None = None, rule: str = "verb:kill") -> Event:
    """A bare coded event whose evidence is one sentence (for the sentence-level filters)."""
    return Event(id="e", event_type=event_type, mode=None, context=(), cameo=None, acled=None,
                 actor=actor, recipient=recipient, location=None, date=None,
                 date_precision=None, date_text=None,
                 evidence=Evidence("d", sentence, 0, len(sentence)), sources=("d",),
                 confidence=0.8, rule=rule)
