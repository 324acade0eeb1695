"""Helpers for tests that look inside a spaCy parse of a sentence we wrote."""

from __future__ import annotations


def token(doc, word):
    """The first token whose text is ``word``."""
    return next(t for t in doc if t.text == word)


def texts(tokens):
    return [t.text for t in tokens]
