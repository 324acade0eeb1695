"""Publication dates: parse what the input says, never invent one from the clock.

Event dates ("on Tuesday", "last month") are resolved against ``Document.published`` later, so a
wrong publication date silently moves every event. Hence: only absolute dates with day, month and
year are accepted; relative expressions ("yesterday") are rejected rather than resolved against
today; dates in the future are rejected as data errors.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from eventwire.errors import ErrorCode, InputError

#: Allowed slack for time zones: a story stamped "tomorrow" in UTC+14 is still plausible.
FUTURE_SLACK = timedelta(days=1)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[T ])")
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    # Only absolute dates: "relative-time" would resolve "yesterday" against the clock.
    "PARSERS": ["custom-formats", "absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A wire-service dateline at the start of a line: "ALEPPO, Syria, May 12, 2016 (Reuters) -".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,40}){0,2},?\s+"
    rf"(?P<date>{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}})"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?[-–—:]",
    re.MULTILINE,
)
_DATELINE_WINDOW = 600  # a dateline sits in the first lines of a story


def parse_date_text(text: str) -> date | None:
    """Parse an absolute date string (ISO 8601, RFC 2822, common written forms) or return None."""
    value = text.strip()
    if not value:
        return None
    if _ISO_DATE.match(value):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; only reached for non-ISO, non-RFC 2822 strings

    try:
        parsed = dateparser.parse(value, settings=_DATEPARSER_SETTINGS)
    except (ValueError, TypeError, OverflowError, RecursionError):
        return None
    return parsed.date() if parsed is not None else None


def parse_published(value: Any, *, today: date | None = None) -> date | None:
    """Turn a ``published`` field into a date; None when absent.

    Raises ``InputError`` (E108) when a value is present but is not a day-precise date, or lies
    in the future (after ``today`` plus one day of time-zone slack). ``today`` exists for tests;
    it is only a sanity bound and is never used as a date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        parsed: date | None = value.date()
    elif isinstance(value, date):
        parsed = value
    elif isinstance(value, str):
        if not value.strip():
            return None
        parsed = parse_date_text(value)
    else:
        raise InputError(
            f"published date {value!r} is a {type(value).__name__}; give an ISO date string "
            "such as 2016-05-12", code=ErrorCode.INVALID_DATE)
    if parsed is None:
        raise InputError(
            f"published date {value!r} is not a date with day, month and year; use ISO "
            "8601 (2016-05-12)", code=ErrorCode.INVALID_DATE)
    limit = (today or date.today()) + FUTURE_SLACK
    if parsed > limit:
        raise InputError(
            f"published date {parsed.isoformat()} is in the future; check the source's date "
            "field", code=ErrorCode.INVALID_DATE)
    return parsed


def dateline_date(text: str, *, today: date | None = None) -> date | None:
    """Publication date from a wire dateline near the top of ``text``, if one is there."""
    match = _DATELINE.search(text[:_DATELINE_WINDOW])
    if match is None:
        return None
    try:
        return parse_published(match.group("date"), today=today)
    except InputError:
        return None  # a dateline is a hint, not a field: an odd one is ignored, not reported
