"""``POST /api/code``: code a posted text with the pipeline, without storing anything.

The pipeline (spaCy model, dictionaries, gazetteer) takes seconds to load, so it is loaded on
the first request and kept on the app, never at import time. Coding runs in a worker thread with
a time limit and a small concurrency bound, so a slow or huge text cannot stall the server.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio
from fastapi import APIRouter, Request
from pydantic import BaseModel, Field, ValidationError

from eventwire.config import Config
from eventwire.errors import (
    CoderBusy,
    CodingTimeout,
    PayloadTooLarge,
    QueryError,
)

#: Default cap on the request body of POST /api/code.
MAX_CODE_BYTES = 100_000

CodeFunction = Callable[[str, "str | None"], list[Any]]


class CodeRequest(BaseModel):
    """Body of ``POST /api/code``."""

    text: str = Field(min_length=1, description="the story text to code")
    published: str | None = Field(
        None, description="publication date (ISO) that relative dates resolve against")


class LazyCoder:
    """Loads the pipeline once, on first use, and codes texts with it (thread-safe)."""

    def __init__(self, config: Config, code: CodeFunction | None = None) -> None:
        self._config = config
        self._code = code
        self._lock = threading.Lock()

    def _load(self) -> CodeFunction:
        with self._lock:
            if self._code is None:
                from eventwire import pipeline

                instance = pipeline.Pipeline(self._config)
                warm_up = getattr(instance, "warm_up", None)
                if warm_up is not None:
                    warm_up()  # load every resource here, under the lock, exactly once
                self._code = lambda text, published: instance.code_text(
                    text, published=published)
            return self._code

    def __call__(self, text: str, published: str | None) -> list[Any]:
        return self._load()(text, published)


@dataclass(frozen=True)
class CodeLimits:
    max_bytes: int = MAX_CODE_BYTES
    timeout_s: float = 60.0
    concurrency: int = 1  # one pipeline instance; spaCy is not promised to be thread-safe


async def _read_capped(request: Request, max_bytes: int) -> bytes:
    """Read the body, refusing it as soon as it passes ``max_bytes`` (even without a length)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise PayloadTooLarge(f"request body is {declared} bytes; the limit is {max_bytes}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise PayloadTooLarge(f"request body exceeds the limit of {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _event_dict(event: Any) -> Any:
    return event.to_dict() if hasattr(event, "to_dict") else event


def _release(slots: asyncio.Semaphore) -> Callable[[asyncio.Future[Any]], None]:
    def done(task: asyncio.Future[Any]) -> None:
        slots.release()
        if not task.cancelled():
            task.exception()  # mark retrieved: a late failure was already answered as a timeout

    return done


def code_router(coder: Callable[[str, str | None], list[Any]], limits: CodeLimits) -> APIRouter:
    """The router for ``POST /api/code`` bound to one coder and its limits."""
    router = APIRouter()
    slots = asyncio.Semaphore(limits.concurrency)

    @router.post(
        "/api/code",
        summary="Code a posted text (nothing is stored)",
        openapi_extra={"requestBody": {
            "required": True,
            "content": {"application/json": {"schema": CodeRequest.model_json_schema()}},
        }},
        responses={413: {"description": "body too large"}, 504: {"description": "timed out"},
                   503: {"description": "coder busy"}},
    )
    async def code(request: Request) -> dict[str, Any]:
        body = await _read_capped(request, limits.max_bytes)
        try:
            payload = CodeRequest.model_validate(json.loads(body or b"null"))
        except (ValueError, RecursionError, ValidationError) as exc:
            # RecursionError: JSON nested deeper than the parser's stack (``[[[[…``), a 400
            raise QueryError(f"body must be JSON {{'text': str, 'published': str?}}: {exc}")
        try:
            await asyncio.wait_for(slots.acquire(), timeout=limits.timeout_s)
        except TimeoutError as exc:
            raise CoderBusy("the coder is busy; retry later") from exc
        # A worker thread cannot be killed: on timeout it finishes in the background and keeps
        # its slot until then, which is what bounds the damage a pathological text can do.
        work = asyncio.ensure_future(
            anyio.to_thread.run_sync(coder, payload.text, payload.published))
        work.add_done_callback(_release(slots))
        try:
            events = await asyncio.wait_for(asyncio.shield(work), timeout=limits.timeout_s)
        except TimeoutError as exc:
            raise CodingTimeout(
                f"coding took longer than {limits.timeout_s:g} s; send a shorter text") from exc
        return {"events": [_event_dict(e) for e in events]}

    return router
