"""Helpers for tests that look inside a spaCy parse of a sentence we wrote."""

from __future__ import annotations


def token(doc, word):
    """The first token whose text is ``word``."""
    return next(t for t in doc if t.text == word)


def texts(tokens):
    return [t.text for t in tokens]


def recipients(events, event_type=None):
    """Lower-cased recipient texts of the events (of one type), "" where there is none."""
    return [(e.recipient.text if e.recipient else "").lower() for e in events
            if event_type is None or e.event_type == event_type]
