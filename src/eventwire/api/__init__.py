"""HTTP API and offline dashboard over the event store (FastAPI, thin over store queries)."""

from __future__ import annotations

from eventwire.api.app import create_app

__all__ = ["create_app"]
