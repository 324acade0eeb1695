"""Text cleaning and publication-date parsing at ingest."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import ErrorCode, InputError
from eventwire.ingest import clean_text, parse_published
from eventwire.ingest.dates import dateline_date

SCRAPED = """.
.
. . . .

Militants regroup as talks unravel

Published: Updated:

Militants in Syria are mobilising again for war, taking advantage of the collapse of talks.
Share this article
Facebook Twitter WhatsApp

Click here to subscribe to our newsletter

We use cookies to improve your experience. By continuing you accept our cookie policy.

The group was excluded from a ceasefire put in place in February.

***
"""


def test_scraped_debris_is_removed_and_paragraphs_kept() -> None:
    assert clean_text(SCRAPED) == (
        "Militants regroup as talks unravel\n\n"
        "Militants in Syria are mobilising again for war, taking advantage of the collapse of "
        "talks.\n\n"
        "The group was excluded from a ceasefire put in place in February."
    )


@pytest.mark.parametrize("line", [
    "The two countries agreed to share intelligence on the group.",
    "Facebook shares fell after the ban was announced.",
    "Published reports said the army had withdrawn.",
    "Officials said the law on cookies and consent would be debated by parliament next year.",
    "Follow-up talks are planned in Geneva.",
])
def test_sentences_that_mention_furniture_words_are_kept(line: str) -> None:
    assert clean_text(line) == line


def test_unicode_is_nfc_and_whitespace_normalised() -> None:
    raw = "Cafe\u0301\u00a0 owner  said\r\nhe\u200b left.\r\n\r\n\r\n\tNew paragraph.  "
    assert clean_text(raw) == "Café owner said\nhe left.\n\nNew paragraph."


def test_control_characters_and_lone_surrogates_are_dropped() -> None:
    assert clean_text("Rebels\x07 attacked\ud800 a base.") == "Rebels attacked a base."


@given(st.text())
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    once.encode("utf-8")  # always storable


@pytest.mark.parametrize(("value", "expected"), [
    ("2016-05-12", date(2016, 5, 12)),
    ("2016-05-12T23:30:00-05:00", date(2016, 5, 12)),
    ("2016-05-12T10:00:00Z", date(2016, 5, 12)),
    ("Thu, 12 May 2016 10:00:00 +0000", date(2016, 5, 12)),
    ("May 12, 2016", date(2016, 5, 12)),
    ("12 May 2016", date(2016, 5, 12)),
    (date(2016, 5, 12), date(2016, 5, 12)),
    (datetime(2016, 5, 12, 8, 0), date(2016, 5, 12)),
    (None, None),
    ("  ", None),
])
def test_published_dates_that_parse(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", [
    "yesterday", "Tuesday", "May 2016", "2016", "banana", "2016-02-30", 1463011200,
])
def test_published_values_without_a_full_date_are_rejected(value: object) -> None:
    with pytest.raises(InputError) as raised:
        parse_published(value)
    assert raised.value.code is ErrorCode.INVALID_DATE


def test_future_dates_are_rejected_with_one_day_of_slack() -> None:
    today = date(2020, 1, 10)
    assert parse_published("2020-01-11", today=today) == date(2020, 1, 11)
    with pytest.raises(InputError, match="future"):
        parse_published("2020-01-12", today=today)


@pytest.mark.parametrize(("text", "expected"), [
    ("ALEPPO, Syria, May 12, 2016 (Reuters) - Militants are mobilising.", date(2016, 5, 12)),
    ("Headline\n\nBEIRUT, 3 June 2015 - Talks resumed.", date(2015, 6, 3)),
    ("WASHINGTON, Sept. 4, 2019 (AP) — The Senate voted.", date(2019, 9, 4)),
    ("BEIRUT (Reuters) - No date here.", None),
    ("Rebels said on May 12, 2016 - in a statement - that they had won.", None),
])
def test_dateline_dates(text: str, expected: date | None) -> None:
    assert dateline_date(text) == expected
