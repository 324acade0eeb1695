"""Recipients that are things: the named party behind them receives the act.

Found on development gold only (PLV train, PLOVER GSR): annotators code "condemned Netanyahu's
decision" with Netanyahu as the recipient. The rule lives in :func:`eventwire.coding.detect`
(``_with_roles``) through :func:`eventwire.coding.roles.owner`.
"""

from __future__ import annotations

import pytest

from eventwire.coding.detect import detect
from eventwire.coding.lexicon import Lexicon


@pytest.fixture(scope="module")
def recipients(pipeline):
    lexicon = Lexicon.load()

    def _recipients(text: str, trigger: str) -> list[str]:
        doc = pipeline.nlp(text)
        found = [c for s in doc.sents for c in detect(s, lexicon) if c.trigger.text == trigger]
        assert found, text
        return [t.text for t in found[0].recipients]

    return _recipients


@pytest.mark.parametrize("text, trigger, expected", [
    ("The opposition condemned Chile's decision to close the border.", "condemned", ["Chile"]),
    ("Oslo welcomed the plan of the African Union.", "welcomed", ["Union"]),
])
def test_owner_of_a_targeted_thing_receives_the_act(recipients, text, trigger, expected):
    assert recipients(text, trigger) == expected


def test_an_unowned_thing_stays_the_recipient(recipients):
    assert recipients("The opposition condemned the decision to close the border.",
                      "condemned") == ["decision"]


def test_an_actor_object_is_kept_even_when_it_has_an_owner(recipients):
    assert recipients("The minister criticised Chile's president.", "criticised") == [
        "president"]
