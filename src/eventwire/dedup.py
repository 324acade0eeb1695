"""Cross-story dedup: reports of the same real-world event → one canonical event, many sources.

Pure functions over ``Event`` records; the store calls ``cluster_events`` + ``merge_cluster``
and keeps the per-story events, so merging is reversible (canonical ↔ members).

Two reports are *compatible* when they have the same PLOVER type and modality, come from
different documents, have compatible actor and recipient (same actor id — or same canonical
name when ids are missing — or one side unknown), compatible places (within ``radius_km`` when
both are located at town level or finer; same country/admin1 when one is only a region or
country) and overlapping dates once each date is widened to its precision (a month-precision
date covers the whole month) plus ``day_tolerance``. Undated reports never merge: a missing date
is no evidence of sameness.

Clustering is greedy complete-linkage in a fixed order (date, then id): a report joins the best
existing cluster only if it is compatible with *every* member, which stops chains such as
"Aleppo report ~ unlocated report ~ Homs report" from gluing two attacks together. The order
depends only on the records, so the same set of events always gives the same clusters.
"""

from __future__ import annotations

import calendar
import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypeVar

from eventwire.model import Actor, Event, Place, stable_id

T = TypeVar("T")

_DATE_RANK = {"day": 3, "month": 2, "year": 1}
_PLACE_RANK = {"point": 4, "city": 3, "admin1": 2, "country": 1}
_COARSE_PLACES = ("country", "admin1")


@dataclass(frozen=True)
class DedupParams:
    """Thresholds for deciding two reports describe one event."""

    radius_km: float = 25.0
    day_tolerance: int = 1  # slack for time zones and "yesterday" read against another day
    inherited_date_slack: int = 2  # a publication date stands for "on or a few days before"


def parse_event_date(value: str | None) -> date | None:
    """First day covered by an ISO date of any precision ("2016", "2016-05", "2016-05-10")."""
    if not value:
        return None
    text = value.strip()[:10]
    try:
        if len(text) == 4:
            return date(int(text), 1, 1)
        if len(text) == 7:
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text)
    except ValueError:
        return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; hand-written because it is one line of maths, not a dependency."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def date_interval(event: Event, params: DedupParams = DedupParams()) -> tuple[date, date] | None:
    """Days the event's date could mean, widened by the tolerance; None when undated."""
    start = parse_event_date(event.date)
    if start is None:
        return None
    precision = event.date_precision or {4: "year", 7: "month"}.get(len(event.date or ""), "day")
    if precision == "year":
        end = date(start.year, 12, 31)
        start = date(start.year, 1, 1)
    elif precision == "month":
        start = start.replace(day=1)
        end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
    else:
        end = start
    if event.date_inherited:
        start -= timedelta(days=params.inherited_date_slack)
    slack = timedelta(days=params.day_tolerance)
    return start - slack, end + slack


def actors_compatible(a: Actor | None, b: Actor | None) -> bool:
    """Same actor, or at least one side unknown (no id and no canonical name)."""
    if a is None or b is None:
        return True
    if a.id and b.id:
        return a.id == b.id
    if a.name and b.name:
        return a.name.casefold() == b.name.casefold()
    return True


def places_compatible(a: Place | None, b: Place | None, radius_km: float) -> bool:
    """Within the radius when both are towns/points; same region/country when one is coarse."""
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    coarse = a.precision in _COARSE_PLACES or b.precision in _COARSE_PLACES
    if coarse:
        if "country" in (a.precision, b.precision):
            return True
        return not (a.admin1 and b.admin1) or a.admin1.casefold() == b.admin1.casefold()
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= radius_km  # type: ignore[arg-type]
    if a.name and b.name:
        return a.name.casefold() == b.name.casefold()
    return True


def compatible(a: Event, b: Event, params: DedupParams = DedupParams()) -> bool:
    """True when two reports could describe the same real-world event (see module doc)."""
    return _compatible(a, b, date_interval(a, params), date_interval(b, params), params)


Interval = tuple[date, date]


def _compatible(a: Event, b: Event, ia: Interval | None, ib: Interval | None,
                params: DedupParams) -> bool:
    """``compatible`` with the date intervals already computed (clustering reuses them)."""
    if a.event_type != b.event_type or a.modality != b.modality:
        return False
    if ia is None or ib is None or ia[1] < ib[0] or ib[1] < ia[0]:
        return False
    return (actors_compatible(a.actor, b.actor)
            and actors_compatible(a.recipient, b.recipient)
            and places_compatible(a.location, b.location, params.radius_km)
            and a.evidence.document_id != b.evidence.document_id
            and set(a.sources).isdisjoint(b.sources))


def _agreement(e: Event, members: Sequence[Event]) -> int:
    """How many known facts a report shares with a cluster; picks the best of several fits."""
    score = 0
    for m in members:
        for x, y in ((e.actor, m.actor), (e.recipient, m.recipient)):
            if x and y and x.id and x.id == y.id:
                score += 1
        if e.location and m.location and e.location.name and e.location.name == m.location.name:
            score += 1
    return score


def cluster_events(events: Iterable[Event], params: DedupParams = DedupParams(), *,
                   seeds: Sequence[Sequence[Event]] = ()) -> list[tuple[Event, ...]]:
    """Group reports of the same event; every input event is in exactly one cluster.

    ``seeds`` resumes an earlier sweep (the store's incremental dedup): clusters, in creation
    order, formed by reports that all sort before every report in ``events`` of their type.
    Because the sweep only ever looks back at clusters that are still open, resuming from the
    open clusters at a cut-off gives exactly what sweeping everything would. Seeds are
    returned (possibly grown) with the other clusters.
    """
    dated: list[tuple[Interval, Event]] = []
    clusters: list[list[Event]] = []
    for e in events:
        interval = date_interval(e, params)
        if interval is None:
            clusters.append([e])
        else:
            dated.append((interval, e))
    dated.sort(key=lambda item: (item[1].event_type, item[0][0], item[1].id))
    # open clusters per type: [latest interval end, members, members' intervals]
    seeded: dict[str, list[tuple[date, list[Event], list[Interval]]]] = {}
    for seed in seeds:
        members = list(seed)
        spans = [date_interval(m, params) for m in members]
        if not members or None in spans:
            raise ValueError("seed clusters must hold dated reports")
        clusters.append(members)
        seeded.setdefault(members[0].event_type, []).append(
            (max(span[1] for span in spans), members, spans))  # type: ignore[index]
    active: list[tuple[date, list[Event], list[Interval]]] = []
    current_type: str | None = None
    for interval, e in dated:
        if e.event_type != current_type:
            current_type, active = e.event_type, list(seeded.get(e.event_type, ()))
        active = [c for c in active if c[0] >= interval[0]]
        best: tuple[int, int] | None = None
        for index, (_, members, spans) in enumerate(active):
            if all(_compatible(e, m, interval, span, params)
                   for m, span in zip(members, spans)):
                candidate = (-_agreement(e, members), index)
                best = candidate if best is None or candidate < best else best
        if best is None:
            clusters.append([e])
            active.append((interval[1], clusters[-1], [interval]))
        else:
            last, members, spans = active[best[1]]
            members.append(e)
            spans.append(interval)
            active[best[1]] = (max(last, interval[1]), members, spans)
    return [tuple(sorted(c, key=lambda m: m.id)) for c in sorted(clusters, key=lambda c: min(
        m.id for m in c))]


def sweep_key(event: Event, params: DedupParams = DedupParams()) -> tuple[date, str] | None:
    """Where a report sits in the clustering sweep (interval start, id); None when undated."""
    interval = date_interval(event, params)
    return None if interval is None else (interval[0], event.id)


def canonical_id(member_ids: Iterable[str]) -> str:
    """Deterministic id of a merged event: the same members always give the same id."""
    return stable_id("evc", *sorted(member_ids))


def _most_common(values: Iterable[T | None], key: Callable[[T], Hashable] = repr) -> T | None:
    """Most frequent non-null value; ties go to the smallest key so the result is stable."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(key(v) for v in present)
    return min(present, key=lambda v: (-counts[key(v)], key(v)))  # type: ignore[arg-type]


def _best_actor(actors: Iterable[Actor | None]) -> Actor | None:
    present = [a for a in actors if a is not None]
    identified = [a for a in present if a.id] or [a for a in present if a.name] or present
    return _most_common(identified, key=lambda a: (a.id or "", a.name or "", a.text))


def merge_cluster(members: Sequence[Event]) -> Event:
    """One canonical event: most precise place and date, every source, quotes and contexts."""
    if len(members) == 1:
        return members[0]
    ordered = sorted(members, key=lambda m: m.id)
    primary = max(ordered, key=lambda m: (m.confidence, -ordered.index(m)))
    place_from = max(ordered, key=lambda m: (
        m.location is not None,
        _PLACE_RANK.get(m.location.precision or "", 0) if m.location else 0,
        bool(m.location and not m.location.inherited),
        bool(m.location and m.location.lat is not None), -ordered.index(m)))
    date_from = max(ordered, key=lambda m: (
        _DATE_RANK.get(m.date_precision or "", 0 if m.date is None else 1),
        not m.date_inherited, -ordered.index(m)))
    acled = _most_common((m.acled for m in ordered),
                         key=lambda a: (a.event_type, a.sub_event_type or ""))
    return replace(
        primary,
        id=canonical_id(m.id for m in ordered),
        mode=_most_common((m.mode for m in ordered), key=str),
        context=tuple(sorted({c for m in ordered for c in m.context})),
        cameo=_most_common((m.cameo for m in ordered), key=str),
        acled=acled,
        actor=_best_actor(m.actor for m in ordered),
        recipient=_best_actor(m.recipient for m in ordered),
        location=place_from.location,
        date=date_from.date, date_precision=date_from.date_precision,
        date_text=date_from.date_text, date_inherited=date_from.date_inherited,
        sources=tuple(sorted({s for m in ordered for s in (m.sources or (
            m.evidence.document_id,))})),
        quotes=tuple(sorted({q for m in ordered for q in m.quotes})),
        confidence=max(m.confidence for m in ordered),
        rule=f"dedup:{len(ordered)} reports",
    )


def pairwise_scores(clusters: Sequence[Sequence[str]],
                    truth: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of merging against true labels (event id → true event).

    A pair counts as predicted when both ids share a cluster and as true when both share a
    label; precision/recall are 1.0 when there is nothing to predict or find.
    """
    predicted = {(a, b) for c in clusters for a in c for b in c if a < b}
    by_label: dict[str, list[str]] = {}
    for event_id, label in truth.items():
        by_label.setdefault(label, []).append(event_id)
    actual = {(a, b) for ids in by_label.values() for a in ids for b in ids if a < b}
    hits = len(predicted & actual)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(actual) if actual else 1.0
    return precision, recall
