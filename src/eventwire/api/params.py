"""Query parameters shared by the list endpoints.

The store validates every filter (types, country names/codes, dates, ``near``) and raises
``QueryError``, which the app turns into a 400; this module only adds what is HTTP-specific: a
smaller page cap than the library's, bounded text length, and no control characters. The store
builds parameterised SQL: nothing here is ever spliced into a query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query

from eventwire.errors import QueryError

#: Largest page a client may ask for; a bigger one is a 400, not a silent clamp, so a client
#: never believes it got everything when it did not.
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
MAX_TEXT = 200

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def clean_text(name: str, value: str | None) -> str | None:
    """A text parameter: trimmed, bounded, no control characters (a NUL confuses logs/drivers)."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_TEXT:
        raise QueryError(f"parameter {name!r} is longer than {MAX_TEXT} characters")
    if _CONTROL_RE.search(value):
        raise QueryError(f"parameter {name!r} contains control characters")
    return value


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


def text_query(description: str) -> Any:
    """An optional text query parameter (``Annotated`` spec, reused by every list endpoint)."""
    return Annotated[str | None, Query(description=description)]


def page(
    limit: Annotated[int, Query(ge=0, le=MAX_LIMIT, description="page size")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


def event_filters(
    type: text_query("PLOVER type(s): ASSAULT or ASSAULT,COERCE") = None,
    actor: text_query("actor id, canonical name or text") = None,
    recipient: text_query("recipient id, name or text as written") = None,
    country: text_query("event country: SYR, SY or Syria") = None,
    since: text_query("earliest event date: YYYY[-MM[-DD]]") = None,
    until: text_query("latest event date: YYYY[-MM[-DD]]") = None,
    near: text_query("LAT,LON,KM: events within KM of a point") = None,
    q: text_query("full text over evidence sentences") = None,
) -> dict[str, Any]:
    """The event filters, as keyword arguments for ``store.events`` / ``store.count_events``."""
    raw = {"type": type, "actor": actor, "recipient": recipient, "country": country,
           "since": since, "until": until, "near": near, "q": q}
    return {name: clean_text(name, value) for name, value in raw.items()}
