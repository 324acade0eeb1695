"""Whole-response cache for the read-only JSON API (an ASGI middleware).

While ``eventwire serve`` holds a DuckDB file read-only, no process can write it (DuckDB's file
lock), so the answer to a GET under ``/api/`` cannot change while the server runs: a stored
response is exact, not an approximation. Dashboards repeat the same few queries (every analyst
opens the same default view, every filter change refetches events, stats and the network), so
serving a repeat from memory takes it off the two cores that the cold queries need.

Hand-written because the caching middlewares on PyPI either target HTTP caches (they honour
``Cache-Control`` and keep nothing server-side) or need an external store (Redis); we need an
in-process, byte-bounded memo that also lets concurrent identical requests share one
computation ("single flight"), which a burst of dashboard loads produces.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Responses bigger than this share of the budget are never kept (one huge page must not
#: evict hundreds of small ones).
_MAX_SHARE = 0.05
CACHE_HEADER = b"x-eventwire-cache"


@dataclass(frozen=True)
class CachedResponse:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


def cache_key(scope: Scope) -> tuple[str, str]:
    """Path plus the query with its parameters sorted: ``?a=1&b=2`` and ``?b=2&a=1`` are one
    entry. Parsing (not the raw bytes) also folds the different percent-encodings of a value."""
    query = scope.get("query_string", b"").decode("latin-1")
    items = sorted(parse_qsl(query, keep_blank_values=True))
    return scope["path"], urlencode(items)


class ResponseCache:
    """Keeps successful GET ``/api/*`` responses, least recently used dropped first.

    ``max_bytes`` bounds the bodies kept (0 disables the cache). ``exclude`` lists path
    prefixes never cached. Runs on the server's event loop, so its dicts need no lock.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int, prefix: str = "/api/",
                 exclude: tuple[str, ...] = ()) -> None:
        self.app = app
        self.max_bytes = max(0, int(max_bytes))
        self.prefix = prefix
        self.exclude = exclude
        self._items: OrderedDict[tuple[str, str], CachedResponse] = OrderedDict()
        self._pending: dict[tuple[str, str], asyncio.Future[CachedResponse | None]] = {}
        self.size = 0
        self.hits = 0
        self.misses = 0

    def _cacheable(self, scope: Scope) -> bool:
        path = scope.get("path", "")
        return (self.max_bytes > 0 and scope["type"] == "http"
                and scope.get("method") == "GET" and path.startswith(self.prefix)
                and not path.startswith(self.exclude))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        key = cache_key(scope)
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        elif key in self._pending:
            # The same request is being answered: wait for it instead of querying twice.
            found = await asyncio.shield(self._pending[key])
        if found is not None:
            self.hits += 1
            await _replay(found, send)
            return
        self.misses += 1
        future: asyncio.Future[CachedResponse | None] = (
            asyncio.get_running_loop().create_future())
        self._pending[key] = future
        response: CachedResponse | None = None
        try:
            response = await _capture(self.app, scope, receive, send)
        finally:
            # Waiters get the kept response, or None (an error, too big, the app raised):
            # then they ask the app themselves.
            del self._pending[key]
            future.set_result(self._keep(key, response))

    def _keep(self, key: tuple[str, str], response: CachedResponse | None
              ) -> CachedResponse | None:
        if response is None or response.status != 200:
            return None
        size = len(response.body)
        if size > self.max_bytes * _MAX_SHARE:
            return None
        old = self._items.pop(key, None)
        self.size += size - (len(old.body) if old else 0)
        self._items[key] = response
        while self.size > self.max_bytes and self._items:
            _, dropped = self._items.popitem(last=False)
            self.size -= len(dropped.body)
        return response


async def _capture(app: ASGIApp, scope: Scope, receive: Receive, send: Send
                   ) -> CachedResponse | None:
    """Run the app, passing its messages on, and return what it sent (None if streamed in a
    way we do not keep, e.g. a response without a start message)."""
    start: Message | None = None
    chunks: list[bytes] = []

    async def tee(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
            message = {**message, "headers": [*message.get("headers", ()),
                                              (CACHE_HEADER, b"miss")]}
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))
        await send(message)

    await app(scope, receive, tee)
    if start is None:
        return None
    headers = tuple((bytes(k), bytes(v)) for k, v in start.get("headers", ()))
    return CachedResponse(int(start["status"]), headers, b"".join(chunks))


async def _replay(response: CachedResponse, send: Send) -> None:
    await send({"type": "http.response.start", "status": response.status,
                "headers": [*response.headers, (CACHE_HEADER, b"hit")]})
    await send({"type": "http.response.body", "body": response.body})
