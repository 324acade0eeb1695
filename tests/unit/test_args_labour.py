"""Whom a strike is against: the employer named anywhere in the clause.

Found on development gold only (PLV train, PLOVER GSR): annotators code the employer or the
government a union strikes against as the recipient of the strike, of its calling off and of
the refusal to end it. The rule is :func:`eventwire.coding.fallbacks.labour_counterpart`,
called by the detector for strikes that name no recipient of their own.
"""

from __future__ import annotations

import pytest

from eventwire.coding.detect import detect
from eventwire.coding.lexicon import Lexicon


@pytest.fixture(scope="module")
def recipients(pipeline):
    lexicon = Lexicon.load()

    def _recipients(text: str) -> list[tuple[str, list[str]]]:
        doc = pipeline.nlp(text)
        return [(c.event_type, [t.text for t in c.recipients])
                for s in doc.sents for c in detect(s, lexicon)]

    return _recipients


@pytest.mark.parametrize("text, event_type, employer", [
    ("Dock workers called off their strike after talks with the port authorities.", "CONCEDE",
     "authorities"),
    ("Nurses will not end the strike until the hospital management resigns.", "REJECT",
     "management"),
    ("Car workers went on strike for better pay at the Volkswagen plant.", "PROTEST",
     "Volkswagen"),
])
def test_strike_is_against_the_employer(recipients, text, event_type, employer):
    assert (event_type, [employer]) in recipients(text)


def test_a_strike_naming_no_employer_has_no_recipient(recipients):
    assert ("PROTEST", []) in recipients("Teachers went on strike on Monday.")


def test_an_air_strike_is_not_a_labour_dispute(recipients):
    found = recipients("Jets carried out a strike after talks with the company failed.")
    assert not any(kind == "ASSAULT" and names == ["company"] for kind, names in found)
