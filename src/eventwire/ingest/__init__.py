"""Ingest: files, directories, stdin and dicts → ``Document`` records (or ``ErrorRecord``).

Formats: plain text, HTML (trafilatura), JSONL, JSON, CSV/TSV, WARC(.gz). See
``docs/input-formats.md`` for fields, limits and error codes.
"""

from __future__ import annotations

from eventwire.ingest.clean import clean_text
from eventwire.ingest.dates import parse_published
from eventwire.ingest.readers import read_inputs
from eventwire.ingest.records import (
    FIELD_ALIASES,
    WARNING_CODES,
    document_from_text,
    documents_from_records,
)

__all__ = [
    "FIELD_ALIASES", "WARNING_CODES", "clean_text", "document_from_text",
    "documents_from_records", "parse_published", "read_inputs",
]
