"""The API's response cache on its own: keys, byte bound, what is never kept, single flight."""

from __future__ import annotations

import asyncio

from eventwire.api.cache import ResponseCache, cache_key


class FakeApp:
    """An ASGI app answering ``status`` with a body naming the path and query; counts calls."""

    def __init__(self, status: int = 200, size: int = 10, delay: float = 0.0) -> None:
        self.status, self.size, self.delay = status, size, delay
        self.calls = 0

    async def __call__(self, scope, receive, send) -> None:
        self.calls += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        body = (scope["path"] + "?" + scope["query_string"].decode()).encode()
        body = body.ljust(self.size, b".")
        await send({"type": "http.response.start", "status": self.status,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": body})


def _scope(path: str = "/api/events", query: str = "", method: str = "GET") -> dict:
    return {"type": "http", "method": method, "path": path,
            "query_string": query.encode()}


async def _get(cache: ResponseCache, **scope_args) -> tuple[int, dict, bytes]:
    sent = []

    async def send(message) -> None:
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b""}

    await cache(_scope(**scope_args), receive, send)
    start, body = sent[0], b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], dict(start["headers"]), body


def test_key_ignores_parameter_order_and_encoding() -> None:
    assert cache_key(_scope(query="b=2&a=1")) == cache_key(_scope(query="a=1&b=2"))
    assert cache_key(_scope(query="q=cease%20fire")) == cache_key(_scope(query="q=cease+fire"))
    assert cache_key(_scope(query="a=1")) != cache_key(_scope(query="a=2"))


def test_repeat_is_answered_from_memory_with_the_same_body() -> None:
    app = FakeApp()
    cache = ResponseCache(app, max_bytes=10_000)

    async def run():
        return [await _get(cache, query=q) for q in ("type=ASSAULT&limit=5",
                                                      "limit=5&type=ASSAULT")]

    (s1, h1, b1), (s2, h2, b2) = asyncio.run(run())
    assert (s1, s2) == (200, 200) and b1 == b2
    assert (h1[b"x-eventwire-cache"], h2[b"x-eventwire-cache"]) == (b"miss", b"hit")
    assert app.calls == 1 and (cache.hits, cache.misses) == (1, 1)


def test_errors_posts_and_excluded_paths_are_never_kept() -> None:
    async def twice(app, **scope_args) -> int:
        cache = ResponseCache(app, max_bytes=10_000, exclude=("/api/code",))
        await _get(cache, **scope_args)
        await _get(cache, **scope_args)
        return app.calls

    assert asyncio.run(twice(FakeApp(status=400))) == 2
    assert asyncio.run(twice(FakeApp(), method="POST")) == 2
    assert asyncio.run(twice(FakeApp(), path="/api/code")) == 2
    assert asyncio.run(twice(FakeApp(), path="/static/app.js")) == 2
    assert asyncio.run(twice(FakeApp(), path="/api/stats")) == 1


def test_byte_bound_drops_the_least_recently_used() -> None:
    app = FakeApp(size=40)  # 40 bytes each (under the 5% share of 1,000); 25 fit
    cache = ResponseCache(app, max_bytes=1_000)

    async def run():
        for i in range(30):
            await _get(cache, query=f"offset={i}")
        await _get(cache, query="offset=29")  # most recent: still there
        await _get(cache, query="offset=0")  # oldest: dropped

    asyncio.run(run())
    assert cache.size <= 1_000
    assert app.calls == 31 and cache.hits == 1


def test_a_response_too_big_for_its_share_is_not_kept() -> None:
    app = FakeApp(size=600)  # more than 5% of the 10 kB bound
    cache = ResponseCache(app, max_bytes=10_000)

    async def run():
        await _get(cache)
        await _get(cache)

    asyncio.run(run())
    assert app.calls == 2 and cache.size == 0


def test_concurrent_identical_requests_share_one_computation() -> None:
    app = FakeApp(delay=0.05)
    cache = ResponseCache(app, max_bytes=10_000)

    async def run():
        return await asyncio.gather(*(_get(cache, query="country=SYR") for _ in range(20)))

    answers = asyncio.run(run())
    assert app.calls == 1
    assert len({body for _, _, body in answers}) == 1
    assert sum(h[b"x-eventwire-cache"] == b"hit" for _, h, _ in answers) == 19


def test_zero_bytes_turns_it_off() -> None:
    app = FakeApp()
    cache = ResponseCache(app, max_bytes=0)

    async def run():
        await _get(cache)
        return await _get(cache)

    _, headers, _ = asyncio.run(run())
    assert app.calls == 2 and b"x-eventwire-cache" not in headers
