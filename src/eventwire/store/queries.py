"""Filter validation and parameterised WHERE clauses for store queries.

Every user value goes into a ``?`` parameter; only fixed column names from this module are ever
put into SQL text. Bad input raises ``QueryError`` with a message that says what is accepted.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pycountry

from eventwire.errors import QueryError
from eventwire.model import PLOVER_TYPES

MAX_LIMIT = 10_000
MAX_OFFSET = 10_000_000
EARTH_KM = 6371.0088


@dataclass
class Where:
    """A growing list of SQL conditions and their parameters, joined with AND."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "TRUE"


def parse_types(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """PLOVER types from "ASSAULT", "assault,coerce" or a list; unknown names are an error."""
    if value is None or value == "":
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    types = tuple(str(t).strip().upper() for t in items if str(t).strip())
    bad = [t for t in types if t not in PLOVER_TYPES]
    if bad:
        raise QueryError(f"unknown event type {', '.join(bad)}; expected one of "
                         f"{', '.join(PLOVER_TYPES)}")
    return types


def parse_country(value: str | None) -> str | None:
    """ISO 3166-1 alpha-3 from alpha-3, alpha-2 or an English name ("SYR", "SY", "Syria")."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    try:
        country = pycountry.countries.lookup(text)
    except LookupError:
        matches = []
        if len(text) >= 3:
            try:
                matches = pycountry.countries.search_fuzzy(text)
            except LookupError:
                matches = []
        if len(matches) != 1:
            raise QueryError(f"unknown country {text!r}; use an ISO 3166 code such as SYR or "
                             "a country name") from None
        country = matches[0]
    return str(country.alpha_3)


def parse_day(value: str | date | None, *, end: bool = False, name: str = "date") -> date | None:
    """A day from YYYY, YYYY-MM or YYYY-MM-DD; ``end`` picks the last day of a month/year."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 4 and text.isdigit():
            year = int(text)
            return date(year, 12, 31) if end else date(year, 1, 1)
        if len(text) == 7 and text[4] == "-":
            year, month = int(text[:4]), int(text[5:])
            day = calendar.monthrange(year, month)[1] if end else 1
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise QueryError(f"bad {name} {text!r}; use YYYY-MM-DD, YYYY-MM or YYYY") from None


def parse_near(value: str | Sequence[float] | None) -> tuple[float, float, float] | None:
    """(lat, lon, km) from a tuple or "LAT,LON,KM"; range-checked."""
    if value is None or value == "":
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        lat, lon, km = (float(p) for p in parts)
    except (TypeError, ValueError):
        raise QueryError(f"bad near {value!r}; use LAT,LON,KM e.g. 36.2,37.1,50") from None
    if not all(math.isfinite(x) for x in (lat, lon, km)):
        raise QueryError("near values must be finite numbers")
    if not -90 <= lat <= 90 or not -180 <= lon <= 180:
        raise QueryError(f"near lat {lat} / lon {lon} out of range (-90..90, -180..180)")
    if not 0 < km <= 20_040:
        raise QueryError(f"near radius {km} km must be > 0 and <= 20040")
    return lat, lon, km


def parse_page(limit: Any, offset: Any) -> tuple[int, int]:
    try:
        limit_i, offset_i = int(limit), int(offset)
    except (TypeError, ValueError):
        raise QueryError("limit and offset must be integers") from None
    if not 0 <= limit_i <= MAX_LIMIT:
        raise QueryError(f"limit {limit_i} must be between 0 and {MAX_LIMIT}")
    if not 0 <= offset_i <= MAX_OFFSET:
        raise QueryError(f"offset {offset_i} must be between 0 and {MAX_OFFSET}")
    return limit_i, offset_i


#: Separates the day and the id in a page cursor ("2016-05-10|ev_…"; "|ev_…" for no date).
CURSOR_SEP = "|"


def page_cursor(day: date | None, event_id: str) -> str:
    """The cursor that continues after the event (``day`` = its ``date_day``)."""
    return f"{day.isoformat() if day else ''}{CURSOR_SEP}{event_id}"


def parse_cursor(value: str | None) -> tuple[date | None, str] | None:
    """(day, id) from a cursor made by :func:`page_cursor`; anything else is a QueryError."""
    if value is None or value == "":
        return None
    day_text, sep, event_id = str(value).partition(CURSOR_SEP)
    bad = QueryError(f"bad cursor {value!r}; pass the next_cursor of the previous page")
    if not sep or not event_id or len(event_id) > 200:
        raise bad
    try:
        day = date.fromisoformat(day_text) if day_text else None
    except ValueError:
        raise bad from None
    return day, event_id


def after_cursor(where: Where, cursor: tuple[date | None, str]) -> None:
    """Rows after the cursor in the page order (newest day first, undated last, then id).

    Keyset paging: the condition prunes row groups by day (zone maps), so page 20,000 costs
    what page 1 does, where OFFSET reads and discards every row before it.
    """
    day, event_id = cursor
    if day is None:
        where.add("(date_day IS NULL AND id > ?)", event_id)
    else:
        where.add("(date_day < ? OR (date_day = ? AND id > ?) OR date_day IS NULL)",
                  day, day, event_id)


def _text(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    text = str(value).strip()
    if len(text) > 500:
        raise QueryError(f"{name} filter longer than 500 characters")
    return text or None


def actor_clause(where: Where, role: str, value: str) -> None:
    """Match canonical name, id or text as written, case-insensitively."""
    where.add(f"(lower({role}_id) = lower(?) OR lower({role}_name) = lower(?) "
              f"OR lower({role}_text) = lower(?))", value, value, value)


def event_where(*, type: str | Sequence[str] | None = None, actor: str | None = None,
                recipient: str | None = None, country: str | None = None,
                since: str | date | None = None, until: str | date | None = None,
                near: str | Sequence[float] | None = None, q: str | None = None,
                canonical: bool = True) -> Where:
    """Validated filters → WHERE over the ``events`` table."""
    where = Where()
    where.add("canonical" if canonical else "kind = 'story'")
    types = parse_types(type)
    if len(types) == 1:
        where.add("event_type = ?", types[0])
    elif types:
        where.add("list_contains(?, event_type)", list(types))
    for role, value in (("actor", actor), ("recipient", recipient)):
        text = _text(value, role)
        if text:
            actor_clause(where, role, text)
    iso3 = parse_country(country)
    if iso3:
        where.add("location_country = ?", iso3)
    start, stop = parse_day(since, name="since"), parse_day(until, end=True, name="until")
    if start and stop and start > stop:
        raise QueryError(f"since {start} is after until {stop}")
    if start:
        where.add("date_day >= ?", start)
    if stop:
        where.add("date_day <= ?", stop)
    point = parse_near(near)
    if point:
        lat, lon, km = point
        dlat = math.degrees(km / EARTH_KM)
        where.add("lat BETWEEN ? AND ?", lat - dlat, lat + dlat)
        coslat = math.cos(math.radians(lat))
        dlon = 360.0 if coslat < 1e-6 else math.degrees(km / (EARTH_KM * coslat))
        if dlon < 180 and -180 <= lon - dlon and lon + dlon <= 180:
            where.add("lon BETWEEN ? AND ?", lon - dlon, lon + dlon)
        where.add(
            "2 * ? * asin(least(1, sqrt(pow(sin(radians(lat - ?) / 2), 2) + cos(radians(?)) "
            "* cos(radians(lat)) * pow(sin(radians(lon - ?) / 2), 2)))) <= ?",
            EARTH_KM, lat, lat, lon, km)
    text = _text(q, "q")
    if text:
        where.add("contains(lower(sentence), lower(?))", text)
    return where
