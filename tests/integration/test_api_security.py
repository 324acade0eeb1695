"""Hostile input against the API (issue 9): injection strings in every filter, malformed and
huge parameters, path traversal on the static routes. Each gets a 4xx or an honest empty
answer: never a 500, never data that should not come back, never a change to the store."""

from __future__ import annotations

import http.client
from urllib.parse import quote

import pytest
from api_fixtures import build_store, live_server
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.api import create_app

INJECTIONS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    "x'; DROP TABLE events; --",
    "\" OR \"\"=\"",
    "1; SELECT * FROM documents",
    "' UNION SELECT text, text, text FROM documents --",
    "%' OR '%'='",
    "ASSAULT' OR event_type IS NOT NULL --",
    "') OR ('a'='a",
    "*/ OR /*",
    "$$; COPY events TO '/tmp/pwned.csv'; $$",
    "read_csv('/etc/passwd')",
    "\\'; ATTACH '/tmp/x.db' AS x; --",
]

EVENT_FILTERS = ["type", "actor", "recipient", "country", "since", "until", "near", "q"]
LIST_FILTERS = {
    "/api/events": EVENT_FILTERS,
    "/api/stats": EVENT_FILTERS,
    "/api/actors": ["q", "country", "sector"],
    "/api/quotes": ["speaker", "event_id", "document_id", "q"],
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    db = build_store(tmp_path_factory.mktemp("sec") / "events.duckdb")
    return create_app(str(db), coder=lambda text, published: [])


@pytest.fixture(scope="module")
def client(app) -> TestClient:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _fingerprint(client: TestClient) -> dict:
    stats = client.get("/api/stats").json()
    return {k: stats[k] for k in ("documents", "events", "quotes", "actors", "errors")}


@pytest.mark.parametrize("path", sorted(LIST_FILTERS))
def test_injection_strings_in_every_filter(client: TestClient, path: str) -> None:
    before = _fingerprint(client)
    for name in LIST_FILTERS[path]:
        for payload in INJECTIONS:
            response = client.get(path, params={name: payload})
            assert response.status_code in (200, 400), (name, payload, response.text)
            body = response.json()
            if response.status_code == 400:
                assert body["error"]["code"] == "E302"
                continue
            # accepted as a literal string: it matches nothing, so nothing comes back
            if path == "/api/stats":
                assert body["matching"] == 0 and body["by_type"] == {}, (name, payload)
            else:
                key = path.rsplit("/", 1)[1]
                assert body[key] == [], (name, payload)
            if path == "/api/events":
                assert body["total"] == 0, (name, payload)
    assert _fingerprint(client) == before


@pytest.mark.parametrize("path", ["/api/events/{}", "/api/actors/{}", "/api/documents/{}"])
def test_injection_strings_as_ids_are_404(client: TestClient, path: str) -> None:
    for payload in INJECTIONS:
        response = client.get(path.format(quote(payload, safe="")))
        assert response.status_code == 404, (payload, response.text)
        assert response.json()["error"]["code"] == "E303"


@pytest.mark.parametrize("query", [
    "limit=99999999999999999999999999", "limit=1e3", "limit=", "limit=0x10", "limit=1000000",
    "offset=99999999999999999999999999", "offset=-1", "offset=1.5",
    "near=1,2,3,4", "near=,,", "near=inf,0,1", "near=0,0,-5", "near=0,0,999999",
    "since=yesterday", "since=2016-02-30", "until=0000-00-00", "since=99999",
    "type=ASSAULT,,NOPE", "country=ZZZ", "country=%00", "actor=%00abc", "q=a%0Ab",
    "q=" + "x" * 5000, "actor=" + "y" * 201, "canonical=2",
])
def test_malformed_parameters_are_400(client: TestClient, query: str) -> None:
    response = client.get("/api/events?" + query)
    assert response.status_code == 400, (query, response.text)
    assert response.json()["error"]["code"] == "E302"


@pytest.mark.parametrize("query", ["q=%FF%FE", "actor=%C3%28", "q=%ED%A0%80", "type=%FF"])
def test_undecodable_bytes_in_parameters_are_not_a_500(client: TestClient, query: str) -> None:
    response = client.get("/api/events?" + query)
    assert response.status_code in (200, 400), (query, response.text)
    if response.status_code == 200:
        assert response.json()["total"] == 0


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(EVENT_FILTERS + ["limit", "offset", "canonical"]),
       value=st.text(max_size=300))
def test_arbitrary_parameter_values_never_500(client: TestClient, name: str, value: str) -> None:
    response = client.get("/api/events", params={name: value})
    assert response.status_code in (200, 400), (name, value, response.text)
    assert "error" in response.json() or "events" in response.json()


TRAVERSALS = [
    "/static/../../etc/passwd",
    "/static/../../../../../../etc/passwd",
    "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static/..%5c..%5c..%5cetc%5cpasswd",
    "/static/....//....//....//etc/passwd",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/vendor/../../../../../../etc/passwd",
    "/static/..%c0%af..%c0%af..%c0%afetc/passwd",
    "/static/../api/app.py",
    "/static/%2e%2e/app.py",
    "/static/%2e%2e/__init__.py",
    "/static/index.html%00.png",
]


def _raw_get(base: str, path: str) -> tuple[int, bytes]:
    """Send the path byte for byte (http clients normalise ``..`` away; attackers do not)."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_path_traversal_on_static_routes_is_404(app) -> None:
    with live_server(app) as base:
        status, body = _raw_get(base, "/static/app.js")
        assert status == 200 and b"EWDetail" in body  # the raw client itself works
        for path in TRAVERSALS:
            status, body = _raw_get(base, path)
            assert status in (400, 404), (path, status)
            assert b"root:" not in body and b"create_app" not in body, path
            assert b'"error"' in body or status == 400, path


def test_code_body_limit_on_a_real_socket(app) -> None:
    """A declared huge body is refused before it is read (no 100 MB buffered in memory)."""
    with live_server(app) as base:
        host, port = base.removeprefix("http://").split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        try:
            conn.putrequest("POST", "/api/code")
            conn.putheader("Content-Type", "application/json")
            conn.putheader("Content-Length", str(100 * 1024 * 1024))
            conn.endheaders()
            conn.send(b'{"text": "' + b"a" * 1000)
            response = conn.getresponse()
            assert response.status == 413
            assert b"E304" in response.read()
        finally:
            conn.close()


def test_200_concurrent_clients_all_get_correct_answers(app) -> None:
    """Many clients at once over real sockets: no errors, and every answer is the right one
    (one store shared by the server's worker threads must not mix results up)."""
    import asyncio

    import httpx

    queries = [
        ({"type": "ASSAULT"}, 2), ({"country": "IRQ"}, 2), ({"actor": "NUSRA"}, 1),
        ({"q": "marched"}, 1), ({}, 7), ({"since": "2016-06"}, 3),
        ({"near": "36.20,37.13,10"}, 2), ({"type": "BOGUS"}, None),
    ]

    async def run(base: str) -> list[tuple[int, dict, int | None]]:
        limits = httpx.Limits(max_connections=200)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
            async def one(i: int) -> tuple[int, dict, int | None]:
                params, expected = queries[i % len(queries)]
                response = await client.get("/api/events", params=params)
                return response.status_code, response.json(), expected

            return await asyncio.gather(*(one(i) for i in range(200)))

    with live_server(app) as base:
        results = asyncio.run(run(base))
    for status, body, expected in results:
        if expected is None:
            assert status == 400 and body["error"]["code"] == "E302"
        else:
            assert status == 200, body
            assert body["total"] == expected == len(body["events"])
