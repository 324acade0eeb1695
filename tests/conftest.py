"""Shared pytest setup. Its presence puts ``tests/`` on ``sys.path`` (pytest's default
"prepend" import mode), so test modules can ``from factories import make_event``."""

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
GOLD = SHARED / "gold"


@pytest.fixture(scope="session")
def pipeline():
    """One loaded pipeline for the whole session: the spaCy model loads in seconds, not ms."""
    from eventwire.config import Config
    from eventwire.pipeline import Pipeline

    return Pipeline(Config(workers=1)).warm_up()


@pytest.fixture(scope="session")
def parse(pipeline):
    """``parse("text")`` → spaCy Doc from the shared pipeline's model."""
    return lambda text: pipeline.nlp(text)


@pytest.fixture(scope="session")
def code(pipeline):
    """``code("text", published=...)`` → list of events, with the shared pipeline."""

    def _code(text: str, published: str | None = None, document_id: str = "t"):
        return pipeline.code_text(text, published=published, document_id=document_id)

    return _code


@pytest.fixture(scope="session")
def found(pipeline):
    """``found("text")`` → the detector's candidates for every sentence of the text."""
    from eventwire.coding.detect import detect

    lexicon = pipeline.resources.lexicon
    return lambda text: [c for sent in pipeline.nlp(text).sents for c in detect(sent, lexicon)]


@pytest.fixture(scope="session")
def types_of(found):
    """``types_of("text")`` → {trigger text: event type} of the detector's candidates."""
    return lambda text: {c.trigger.text: c.event_type for c in found(text)}
