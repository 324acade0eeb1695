"""Fixtures of the reliability suite; the corpus generators live in ``reliability_corpus``."""

from __future__ import annotations

import pytest
from reliability_corpus import Corpus, build_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The bad-input corpus, written once per session (the 50 MB page takes a moment)."""
    return build_corpus(tmp_path_factory.mktemp("reliability"))
