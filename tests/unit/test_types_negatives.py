"""Sentences the new type rules must leave alone: everyday uses of the same words.

Each rule in :mod:`eventwire.coding.retype`, :mod:`eventwire.coding.speech_acts` and the
lexicon entries added with them keys on a political reading ("left the meeting", "walked off
the job", "critics say the president ..."); these synthetic sentences pin the readings that
are no event.
"""

from __future__ import annotations

import pytest

from eventwire.coding.detect import detect
from eventwire.coding.lexicon import Lexicon


@pytest.fixture(scope="module")
def types_in(pipeline):
    lexicon = Lexicon.load()

    def _types(text: str) -> set[str]:
        doc = pipeline.nlp(text)
        return {c.event_type for s in doc.sents for c in detect(s, lexicon)}

    return _types


@pytest.mark.parametrize("text, absent", [
    ("The minister left Paris on Monday.", "RETREAT"),
    ("The team left the meeting room at noon.", "REJECT"),
    ("Fans gathered outside the stadium before the match.", "PROTEST"),
    ("Doctors walked off the stage after the ceremony.", "PROTEST"),
    ("The bank blocked the customer's account.", "COERCE"),
    ("The critics say the film is too long.", "ACCUSE"),
    ("She called her coach a hero.", "ACCUSE"),
    ("The teacher summoned the pupils to the hall.", "ACCUSE"),
    ("Schoolchildren took part in a fire drill.", "MOBILIZE"),
    ("The singer spoke with reporters after the concert.", "CONSULT"),
])
def test_everyday_uses_are_not_coded_as_political_acts(types_in, text, absent):
    assert absent not in types_in(text)
