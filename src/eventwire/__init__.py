"""eventwire: raw news in, structured political events out.

Public API::

    import eventwire
    events = eventwire.code_text("Rebels attacked an army base near Aleppo on Tuesday.",
                                 published="2016-05-12")
    for result in eventwire.code_documents(documents):
        ...
"""

from __future__ import annotations

from eventwire.config import Config
from eventwire.model import (
    Actor,
    Document,
    DocumentResult,
    ErrorRecord,
    Event,
    Evidence,
    Place,
    Quote,
)

__all__ = [
    "Actor", "Config", "Document", "DocumentResult", "ErrorRecord", "Event", "Evidence",
    "Pipeline", "Place", "Quote", "code_documents", "code_text", "open_store",
]
__version__ = "0.1.0"


def __getattr__(name: str):
    """Import the pipeline lazily so ``import eventwire`` (and ``eventwire --help``) stays fast."""
    if name in ("Pipeline", "code_documents", "code_text"):
        from eventwire import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


def open_store(path: str = "eventwire.duckdb", *, read_only: bool = False):
    """Open (or create) the DuckDB event store; see :mod:`eventwire.store`."""
    from eventwire.store import open_store as _open_store

    return _open_store(path, read_only=read_only)
