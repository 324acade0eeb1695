"""When did each event happen: date expressions resolved against the publication date.

News reports the past, so expressions are read with ``dateparser`` using the publication date as
``RELATIVE_BASE`` and ``PREFER_DATES_FROM='past'``. dateparser already returns a *period* (day,
week, month, year) with each date; this module only adds what it lacks:

* precision and output shape: day → ``YYYY-MM-DD``; month → ``YYYY-MM-01``; year →
  ``YYYY-01-01``; a week becomes month precision when it lies in one month (else year);
* a few news modifiers dateparser rejects ("earlier this month", "late last year", "mid-March");
* guards: durations ("two years") are not dates, and a relative expression is never resolved
  without a publication date (dateparser would silently use *today*). An expression counts as
  absolute only when it names a year and parses to the same value against two different bases.

Which expression belongs to which event comes from the dependency parse (``_rank``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span, Token

from eventwire.model import Document, Event

#: dateparser periods → our precisions; other periods ("time") are not event dates.
_PERIOD_PRECISION: dict[str, str] = {
    "day": "day", "part_of_day": "day", "week": "week", "month": "month", "year": "year",
}

#: Leading words that soften or bound a date without changing the period it names; dateparser
#: returns nothing for them, so they are stripped (hand-written: not a dateparser feature).
_MODIFIER = re.compile(
    r"^(?:(?:early|earlier|late|later|mid|the\s+(?:end|beginning|start|middle)\s+of|"
    r"since|until|till|by|from|during|throughout|as\s+of|at\s+the\s+(?:end|start)\s+of|"
    r"only|just|nearly|almost|about|around|roughly|some|more\s+than|less\s+than|at\s+least)"
    r"[\s-]+)+",
    re.IGNORECASE,
)
#: "the past week" means "last week"; dateparser does not know the first form.
_PAST = re.compile(r"^(?:the\s+)?(?:past|previous)\s+(week|month|year)$", re.IGNORECASE)
#: A span of time, not a point in it ("two years", "11 days"); dateparser reads these as "ago".
_DURATION = re.compile(
    r"^(?:the\s+(?:past|last|next|first)\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|several|few|a\s+few|many|\d+)\s+(?:days?|weeks?|months?|years?|"
    r"decades?|hours?)$",
    re.IGNORECASE,
)
#: Not a date on its own: a bare day number is more often an age ("Begum, 19,") than a date, and
#: "two days later" / "a day earlier" count from another event, not from the publication date.
_NOT_A_POINT = re.compile(
    r"^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?$|\b(?:later|earlier|before|after|afterwards)$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_WEEKDAY = re.compile(
    r"^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.IGNORECASE
)
#: Two unrelated bases: an expression that names the same date against both does not depend on
#: the base, i.e. it is absolute and may be resolved without a publication date.
_PROBE_BASES: tuple[datetime, datetime] = (datetime(2001, 7, 18), datetime(2013, 2, 5))

#: Dependency labels that open a clause describing a participant ("a ceasefire put in place in
#: February", "an alliance that won last year"): its dates do not date the main event.
_DESCRIPTIVE_CLAUSES = frozenset({"relcl", "acl"})
#: Clauses under the trigger that report other events (descriptive ones, or reported speech).
_EMBEDDED_CLAUSES = _DESCRIPTIVE_CLAUSES | {"ccomp", "csubj"}


@dataclass(frozen=True)
class ResolvedDate:
    """A date expression and what it resolved to (``date`` None = relative, no base to read it)."""

    text: str
    date: str | None
    precision: str | None


@dataclass
class DateResolver:
    """Resolves expressions; holds one dateparser parser per base (the cache lives here)."""

    languages: tuple[str, ...] = ("en",)
    _parsers: dict[datetime, DateDataParser] = field(default_factory=dict, repr=False)
    _probes: dict[str, tuple[tuple[date, str] | None, ...]] = field(
        default_factory=dict, repr=False
    )

    def _parse(self, text: str, base: datetime) -> tuple[date, str] | None:
        parser = self._parsers.get(base)
        if parser is None:
            if len(self._parsers) > 512:  # a corpus has many publication dates; bound the cache
                self._parsers.clear()
            parser = DateDataParser(
                languages=list(self.languages),
                settings={
                    "PREFER_DATES_FROM": "past",
                    "RETURN_TIME_AS_PERIOD": True,
                    "RELATIVE_BASE": base,
                },
            )
            self._parsers[base] = parser
        data = parser.get_date_data(text)
        if data is None or data.date_obj is None:
            return None
        precision = _PERIOD_PRECISION.get(data.period or "")
        if precision is None:
            return None
        return data.date_obj.date(), precision

    def _parse_normalised(self, text: str, base: datetime) -> tuple[date, str] | None:
        """Parse as written, then with news modifiers stripped."""
        found = self._parse(text, base)
        if found is not None:
            return found
        stripped = _MODIFIER.sub("", text).strip()
        past = _PAST.match(stripped)
        if past:
            stripped = f"last {past.group(1)}"
        if stripped and stripped != text:
            return self._parse(stripped, base)
        return None

    def resolve(self, text: str, published: date | None) -> ResolvedDate | None:
        """Resolve one expression; None when it is not a point in time (duration, vague, anaphor).

        Without ``published`` only absolute expressions (naming a year) resolve; relative ones
        come back with ``date=None`` and their text, never read against today's date.
        """
        text = " ".join(text.split())
        if not text or _NOT_A_POINT.search(text) or _DURATION.match(_MODIFIER.sub("", text).strip()):
            return None
        probes = self._probes.get(text)
        if probes is None:  # the probe reading does not depend on the story: parse it once
            if len(self._probes) > 50_000:
                self._probes.clear()
            probes = tuple(self._parse_normalised(text, base) for base in _PROBE_BASES)
            self._probes[text] = probes
        if any(p is None for p in probes):
            return None
        absolute = bool(_YEAR.search(text)) and len({_render(*p) for p in probes if p}) == 1
        if published is None:
            if not absolute:
                return ResolvedDate(text=text, date=None, precision=None)
            day, precision = probes[0]  # type: ignore[misc]  # both probes agree
            return _finish(text, day, precision, None)
        base = datetime.combine(published, datetime.min.time())
        found = self._parse_normalised(text, base)
        if found is None:
            return None
        day, precision = found
        weekday = _WEEKDAY.match(text)
        if weekday and weekday.group(1).lower() == calendar.day_name[published.weekday()].lower():
            # Hand-written: "on Thursday" in a Thursday story is that day; dateparser's
            # past preference moves it back a week.
            day, precision = published, "day"
        if not absolute and day > published + timedelta(days=366):
            return None  # a relative expression never lands more than a year ahead
        return _finish(text, day, precision, published)


def _week_precision(day: date, published: date | None) -> tuple[date, str]:
    """A week is not one of our precisions: keep the coarsest period that holds all of it."""
    start = day - timedelta(days=day.weekday())
    end = start + timedelta(days=6)
    if published is not None and start <= published < end:
        end = published
    if (start.year, start.month) == (end.year, end.month):
        return start, "month"
    return start, "year"


def _render(day: date, precision: str) -> str:
    """ISO string for a date at a precision: the first day of its month or year."""
    if precision == "year":
        return f"{day.year:04d}-01-01"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}-01"
    return day.isoformat()


def _finish(text: str, day: date, precision: str, published: date | None) -> ResolvedDate:
    if precision == "week":
        day, precision = _week_precision(day, published)
    return ResolvedDate(text=text, date=_render(day, precision), precision=precision)


def resolve_date_expression(
    text: str, published: date | None, resolver: DateResolver | None = None
) -> ResolvedDate | None:
    """Convenience wrapper: resolve one expression with a fresh or given resolver."""
    return (resolver or DateResolver()).resolve(text, published)


# --- which expression belongs to which event -------------------------------------------------


def _clause_head(token: Token) -> Token:
    """The verb that governs a token's clause (the token itself when it is a verb)."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
        current = current.head
    return current


def _is_ancestor(ancestor: Token, token: Token) -> bool:
    return any(a.i == ancestor.i for a in token.ancestors)


def _through(low: Token, high: Token, labels: frozenset[str]) -> bool:
    """True when the path from ``low`` up to ``high`` leaves a clause attached with ``labels``."""
    current = low
    while current.i != high.i and current.head.i != current.i:
        if current.dep_ in labels:
            return True
        current = current.head
    return False


def _rank(entity: Span, trigger: Token) -> int | None:
    """How closely a date belongs to the trigger's clause (0 best); None = it dates something else.

    0: same clause; 1: a clause that governs the trigger's (coordinated or subordinate events share
    its time); 2: a clause under the trigger's ("…, killing five on Tuesday"); 3: a sibling clause.
    A date inside, or a trigger inside, a clause describing a participant ("a ceasefire put in
    place in February", "an alliance that won last year") is excluded: it dates something else.
    """
    trigger_clause = _clause_head(trigger)
    date_clause = _clause_head(entity.root)
    if date_clause.i == trigger_clause.i:
        return 0
    if _is_ancestor(date_clause, trigger_clause):
        return None if _through(trigger_clause, date_clause, _DESCRIPTIVE_CLAUSES) else 1
    if _is_ancestor(trigger_clause, date_clause):
        return None if _through(date_clause, trigger_clause, _EMBEDDED_CLAUSES) else 2
    root = date_clause.sent.root
    if _through(date_clause, root, _DESCRIPTIVE_CLAUSES):
        return None
    return 3


def _trigger_token(doc: Doc, event: Event, sentence: Span) -> Token:
    if event.trigger is not None:
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is not None and len(span):
            return span.root
    return sentence.root


def _candidates(doc: Doc, event: Event, date_entities: Sequence[Span]) -> list[Span]:
    """DATE entities of the evidence sentence, best-attached first."""
    ev = event.evidence
    sentence = doc.char_span(ev.start, ev.end, alignment_mode="expand")
    if sentence is None or not len(sentence):
        return []
    trigger = _trigger_token(doc, event, sentence)
    ranked: list[tuple[int, int, Span]] = []
    for ent in date_entities:
        if ent.start_char < ev.start or ent.end_char > ev.end:
            continue
        rank = _rank(ent, trigger)
        if rank is not None:
            distance = min(abs(ent.start - trigger.i), abs(ent.end - 1 - trigger.i))
            ranked.append((rank, distance, ent))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [ent for _, _, ent in ranked]


def date_event(
    doc: Doc,
    document: Document,
    event: Event,
    resolver: DateResolver,
    date_entities: Sequence[Span] | None = None,
) -> Event:
    """Fill ``date``, ``date_precision``, ``date_text`` and ``date_inherited`` of one event."""
    if date_entities is None:
        date_entities = _date_entities(doc)
    for ent in _candidates(doc, event, date_entities):
        resolved = resolver.resolve(ent.text, document.published)
        if resolved is not None:
            return event.with_changes(
                date=resolved.date, date_precision=resolved.precision,
                date_text=resolved.text, date_inherited=False,
            )
    if document.published is not None:
        # No expression: a fresh report is dated by its publication day, flagged as inherited.
        return event.with_changes(
            date=document.published.isoformat(), date_precision="day",
            date_text=None, date_inherited=True,
        )
    return event.with_changes(date=None, date_precision=None, date_text=None, date_inherited=False)


def date_events(
    doc: Doc, document: Document, events: Iterable[Event], resolver: DateResolver | None = None
) -> list[Event]:
    """Date every event of a document; never invents a date when the story has none."""
    resolver = resolver or DateResolver()
    date_entities = _date_entities(doc)  # doc.ents is rebuilt on every access: read once
    return [date_event(doc, document, event, resolver, date_entities) for event in events]


def _date_entities(doc: Doc) -> list[Span]:
    return [ent for ent in doc.ents if ent.label_ == "DATE"]
