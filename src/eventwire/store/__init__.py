"""The embedded event store (DuckDB): ``open_store(path)`` is the one way in.

Layout: ``schema`` (versioned DDL + ``migrate``), ``rows`` (records → Arrow), ``core``
(``Store`` writes, dedup step), ``reads`` (queries → Arrow), ``queries`` (filter validation),
``parquet`` (whole-table import). See docs/store.md.
"""

from __future__ import annotations

from eventwire.store.core import DEFAULT_PATH, Store, WriteSummary, open_store
from eventwire.store.reads import EVENT_COLUMNS
from eventwire.store.schema import SCHEMA_VERSION, migrate

__all__ = ["DEFAULT_PATH", "EVENT_COLUMNS", "SCHEMA_VERSION", "Store", "WriteSummary",
           "migrate", "open_store"]
