"""Whom a protest is aimed at: the authority it defies, named anywhere in its clause.

Found on development gold only (PLOVER GSR): annotators code the authority protesters defy or
want removed as the recipient, not the street or town where they protest. The rule is
:func:`eventwire.coding.fallbacks.protest_authority`, used by the detector for protests whose
recipient names no party.
"""

from __future__ import annotations

import pytest

from eventwire.coding.detect import detect
from eventwire.coding.lexicon import Lexicon


@pytest.fixture(scope="module")
def protests(pipeline):
    lexicon = Lexicon.load()

    def _protests(text: str) -> list[list[str]]:
        doc = pipeline.nlp(text)
        return [[t.text for t in c.recipients] for s in doc.sents for c in detect(s, lexicon)
                if c.event_type == "PROTEST"]

    return _protests


@pytest.mark.parametrize("text, target", [
    ("Thousands of people blocked roads in Lima in defiance of Peruvian authorities.",
     "authorities"),
    ("Chilean students rioted, calling for the resignation of President Pinera.", "Pinera"),
])
def test_the_defied_authority_receives_the_protest(protests, text, target):
    assert [target] in protests(text)


def test_a_protest_against_a_party_keeps_it(protests):
    assert protests("Farmers protested against the government in defiance of the police.") == [
        ["government"]]
