"""Hostile clients against the HTTP API, beyond tests/integration/test_api*.py (issue 9).

Those cover injection in every filter, malformed /api/events parameters, static-route traversal,
and the /api/code size limit and timeout with a fake coder. Here: the other list endpoints
under arbitrary and huge parameters, ``POST /api/code`` with the *real* pipeline under hostile
bodies, and a bounded loopback load of 200 concurrent clients against ``eventwire serve``.
Every answer is a 2xx or a 4xx in the one error shape: never a 5xx, never a store change.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from factories import synthetic_results
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.api import create_app
from eventwire.store import open_store

INJECTION = "x'; DROP TABLE events; --"
LIST_PARAMS = {
    "/api/actors": ["q", "country", "sector", "limit", "offset"],
    "/api/quotes": ["speaker", "event_id", "document_id", "q", "limit", "offset"],
    "/api/stats": ["type", "actor", "recipient", "country", "since", "until", "near", "q"],
}
#: Paging values every list endpoint must refuse (limit cap 1,000; offset cap 10,000,000).
HUGE = ["99999999999999999999999999999", "100000000", "1e309", "-99999999999999999999"]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic store: 200 documents, 1,000 events, 200 quotes (tests/factories.py)."""
    path = tmp_path_factory.mktemp("abuse") / "events.duckdb"
    with open_store(path) as store:
        store.write(synthetic_results(200, 5))
    return path


@pytest.fixture(scope="module")
def client(db_path: Path, pipeline):
    """The app with the real pipeline behind POST /api/code (the session's, already loaded)."""
    app = create_app(str(db_path),
                     coder=lambda text, published: pipeline.code_text(text, published=published))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def totals(client: TestClient) -> dict:
    stats = client.get("/api/stats").json()
    return {k: stats[k] for k in ("documents", "events", "quotes", "actors", "errors")}


def assert_4xx_shape(response: httpx.Response) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"].startswith("E")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(sorted(LIST_PARAMS)), data=st.data())
def test_arbitrary_parameters_on_every_list_endpoint_never_500(client: TestClient, path: str,
                                                               data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(LIST_PARAMS[path]))
    value = data.draw(st.one_of(st.text(max_size=300), st.sampled_from(HUGE + [INJECTION])))
    response = client.get(path, params={name: value})
    if response.status_code != 200:
        assert_4xx_shape(response)


@pytest.mark.parametrize("path", ["/api/events", "/api/actors", "/api/quotes"])
@pytest.mark.parametrize("name", ["limit", "offset"])
@pytest.mark.parametrize("value", HUGE)
def test_huge_paging_values_are_400_on_every_list_endpoint(client: TestClient, path: str,
                                                           name: str, value: str) -> None:
    response = client.get(path, params={name: value})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "E302"


HOSTILE_BODIES = [
    b"[" * 50_000 + b"]" * 50_000,  # nesting deeper than the JSON parser's recursion limit
    b'{"text": ' + b"[" * 30_000 + b"]" * 30_000 + b"}",
    b'{"text": "caf\xe9 attacked"}',  # not UTF-8
    b'\xff\xfe{\x00"\x00',  # a UTF-16 BOM and garbage
    b'{"text": "Rebels attacked a base.", "text": 7}',  # duplicate key, last one wins
    b'{"text": "Rebels attacked a base.", "published": 20160512}',
    b'{"text": "Rebels attacked a base.", "published": {"$gt": ""}}',
    b'{"text": null}',
    b"null",
    b'"just a string"',
    b"NaN",
    b'{"text": "\\ud800\\udc00\\ud800"}',  # a lone surrogate
]


@pytest.mark.parametrize("body", HOSTILE_BODIES, ids=range(len(HOSTILE_BODIES)))
def test_hostile_code_bodies_are_4xx(client: TestClient, body: bytes) -> None:
    before = totals(client)
    response = client.post("/api/code", content=body, headers={"content-type": "application/json"})
    if response.status_code != 200:
        assert_4xx_shape(response)
    else:
        assert isinstance(response.json()["events"], list)
    assert totals(client) == before


@pytest.mark.parametrize(("text", "published"), [
    (" \n\t ", None),
    ("\x00\x01\x02", None),
    (". . . .\nShare this article", None),
    ("Rebels attacked a base. " + INJECTION, INJECTION),
    ("Rebels attacked a base.", "2999-01-01"),
    ("Rebels attacked a base.", "yesterday"),
    ("<html><body><script>alert(1)</script></body></html>", None),
    ("<div>" * 5_000 + "Rebels attacked a base." + "</div>" * 5_000, None),
    ("word " * 8_000, None),  # one 40 kB sentence, over max_sentence_chars
])
def test_hostile_texts_through_the_real_pipeline_are_never_500(
        client: TestClient, text: str, published: str | None) -> None:
    before = totals(client)
    response = client.post("/api/code", json={"text": text, "published": published})
    if response.status_code == 200:
        for event in response.json()["events"]:
            ev = event["evidence"]
            assert ev["sentence"] and ev["start"] < ev["end"]
    else:
        assert_4xx_shape(response)
    assert totals(client) == before


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400), published=st.one_of(st.none(), st.text(max_size=20)))
def test_arbitrary_texts_through_the_real_pipeline_are_never_500(
        client: TestClient, text: str, published: str | None) -> None:
    response = client.post("/api/code", json={"text": text, "published": published})
    if response.status_code != 200:
        assert_4xx_shape(response)


# -- bounded loopback load -------------------------------------------------------------------
CLIENTS = 200
REQUESTS_PER_CLIENT = 3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _paths(client_number: int, event_ids: list[str]) -> list[str]:
    """A mix like the dashboard's: pages, filters, detail views, stats, actors, quotes."""
    pick = event_ids[client_number % len(event_ids)]
    mix = [f"/api/events?limit=50&offset={client_number % 7}", "/api/events?type=ASSAULT",
           f"/api/events/{pick}", "/api/stats?country=SYR", "/api/actors?limit=20",
           "/api/quotes?limit=20", "/api/events?near=36.2,37.1,50", "/api/events?q=attacked",
           f"/api/events?q={INJECTION}", f"/api/documents/syn{client_number % 200:07d}"]
    return [mix[(client_number + k) % len(mix)] for k in range(REQUESTS_PER_CLIENT)]


async def _load(base: str, event_ids: list[str]) -> list[str]:
    """CLIENTS independent clients (own connection each) start together; returns failures."""
    failures: list[str] = []
    start = asyncio.Event()

    async def one_client(number: int) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=120) as http:
            await start.wait()
            for path in _paths(number, event_ids):
                try:
                    response = await http.get(path)
                except httpx.HTTPError as exc:
                    failures.append(f"{path}: {type(exc).__name__}: {exc}")
                    continue
                if response.status_code != 200:
                    failures.append(f"{path}: {response.status_code} {response.text[:200]}")

    tasks = [asyncio.create_task(one_client(n)) for n in range(CLIENTS)]
    await asyncio.sleep(0)
    start.set()
    await asyncio.gather(*tasks)
    return failures


@pytest.mark.slow
def test_200_concurrent_clients_on_loopback_get_no_errors(db_path: Path) -> None:
    """``eventwire serve`` in its own process, 200 clients at once, 600 requests: all 200 OK.
    No timing is asserted (bench/api_load.py measures latency)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ})
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None, server.stderr.read().decode()[-2000:]
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        event_ids = [e["id"] for e in httpx.get(base + "/api/events?limit=100").json()["events"]]
        assert event_ids
        failures = asyncio.run(_load(base, event_ids))
        assert failures == []
        assert server.poll() is None  # still serving
    finally:
        server.terminate()
        server.wait(timeout=30)
