"""Who does the purpose of a contact: "summoned the envoy *to complain*" is the caller's
complaint, "summoned the envoy *to explain*" the envoy's explanation.

Found on development gold only (PLV train): the rule is
:func:`eventwire.coding.syntax.verb_has_subject_control` (used by ``syntax.subjects``).
"""

from __future__ import annotations

import pytest

from eventwire.coding import syntax


@pytest.fixture(scope="module")
def doc_of(pipeline):
    return lambda text: pipeline.nlp(text)


def subject_of(doc, word):
    verb = next(t for t in doc if t.text == word)
    return [t.text for t in syntax.subjects(verb)]


@pytest.mark.parametrize("text, verb, caller", [
    ("The government summoned the Peruvian ambassador to complain about the raid.", "complain",
     "government"),
    ("The minister called his Spanish counterpart to congratulate him.", "congratulate",
     "minister"),
])
def test_the_caller_does_the_purpose_of_the_call(doc_of, text, verb, caller):
    assert subject_of(doc_of(text), verb) == [caller]


def test_the_one_summoned_to_explain_explains(doc_of):
    doc = doc_of("The ministry summoned the Peruvian ambassador to explain the remarks.")
    summon = next(t for t in doc if t.lemma_ == "summon")
    explain = next(t for t in doc if t.lemma_ == "explain")
    complain = doc_of("They summoned him to complain.")[4]
    assert not syntax.verb_has_subject_control(summon, explain)
    assert syntax.verb_has_subject_control(summon, complain)


def test_object_control_verbs_are_unchanged(doc_of):
    doc = doc_of("The council urged all sides to respect the truce.")
    assert subject_of(doc, "respect") == ["sides"]
