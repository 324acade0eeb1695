"""Pronoun antecedents: an object pronoun never stands for the subject of its own verb, and a
pronoun standing for an undictionaried person carries that person's words as its name."""

from __future__ import annotations


def _by_type(events, event_type):
    return [e for e in events if e.event_type == event_type]


def test_object_pronoun_is_not_its_own_clauses_subject(code) -> None:
    events = code("Activist Peter Malual was released on Saturday after President Salva Kiir "
                  "pardoned him.")
    pardon = [e for e in events if e.recipient is not None and e.recipient.text == "him"]
    assert pardon, [(e.event_type, e.actor, e.recipient) for e in events]
    assert pardon[0].recipient.name == "Activist Peter Malual"
    assert "Kiir" in pardon[0].actor.text


def test_object_pronoun_resolves_to_an_earlier_sentences_person(code) -> None:
    events = code("Opposition leader Tom Brandt returned to Ruritania on Monday. "
                  "President Anna Velez received him at the palace.")
    meeting = _by_type(events, "CONSULT")
    assert meeting and meeting[0].recipient is not None
    assert meeting[0].recipient.text == "him"
    assert "Tom Brandt" in meeting[0].recipient.name
