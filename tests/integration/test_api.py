"""HTTP API over a small synthetic store: every endpoint, filters, paging, errors, /api/code."""

from __future__ import annotations

import re
import sys
import threading
import time
import types
from pathlib import Path

import pytest
from api_fixtures import STORIES, build_store
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.api.coder import CodeLimits, LazyCoder
from eventwire.config import Config
from eventwire.errors import QueryError
from eventwire.model import PLOVER_TYPES

STATIC = Path(__file__).parents[2] / "src" / "eventwire" / "api" / "static"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_store(tmp_path_factory.mktemp("api") / "events.duckdb"))


def fake_coder(text: str, published: str | None) -> list[dict]:
    """Stands in for the pipeline: one event per sentence that says 'attacked'."""
    return [{"event_type": "ASSAULT", "sentence": s, "published": published}
            for s in text.split(".") if "attacked" in s]


@pytest.fixture(scope="module")
def client(db_path: str) -> TestClient:
    app = create_app(db_path, coder=fake_coder)
    with TestClient(app) as c:
        yield c


def assert_error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]["message"]


# -- events -------------------------------------------------------------------------------------
def test_events_lists_canonical_events_in_contract_shape(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 7  # 8 story reports, two of them merged into one
    assert len(body["events"]) == 7
    for event in body["events"]:
        assert event["event_type"] in PLOVER_TYPES
        assert {"id", "actor", "recipient", "location", "date", "evidence", "sources",
                "confidence", "quotes"} <= set(event)
        assert set(event["evidence"]) == {"document_id", "sentence", "start", "end"}
    merged = [e for e in body["events"] if len(e["sources"]) == 2]
    assert len(merged) == 1
    assert sorted(merged[0]["sources"]) == ["wire-aleppo-1", "wire-aleppo-2"]
    assert merged[0]["n_sources"] == 2


def test_per_story_reports_with_canonical_false(client: TestClient) -> None:
    body = client.get("/api/events", params={"canonical": "false", "limit": 1000}).json()
    assert body["total"] == 8
    assert all(len(e["sources"]) == 1 for e in body["events"])


@pytest.mark.parametrize(("params", "expected_sentences"), [
    ({"type": "ASSAULT"}, {"Rebels attacked", "Nusra fighters shelled"}),
    ({"type": "protest,coerce"}, {"Hundreds of people marched", "The army arrested"}),
    ({"country": "IRQ"}, {"The Iraqi government met", "Police accused Nusra"}),
    ({"country": "Iraq"}, {"The Iraqi government met", "Police accused Nusra"}),
    ({"actor": "NUSRA"}, {"Nusra fighters shelled"}),
    ({"actor": "Iraqi Police"}, {"Police accused Nusra"}),
    ({"recipient": "SYRMIL", "type": "ASSAULT"}, {"Rebels attacked"}),
    ({"since": "2016-06-01", "until": "2016-06-02"},
     {"The Iraqi government met", "Police accused Nusra"}),
    ({"since": "2016-06"}, {"The Iraqi government met", "Police accused Nusra",
                            "Nusra fighters shelled"}),
    ({"near": "36.20,37.13,10"}, {"Rebels attacked", '"We will respond'}),
    ({"q": "marched"}, {"Hundreds of people marched"}),
])
def test_event_filters(client: TestClient, params: dict, expected_sentences: set[str]) -> None:
    body = client.get("/api/events", params=params).json()
    got = {e["evidence"]["sentence"] for e in body["events"]}
    assert body["total"] == len(got)
    assert {next(p for p in expected_sentences if s.startswith(p)) for s in got} == \
        expected_sentences


def test_paging_covers_every_event_once(client: TestClient) -> None:
    seen: list[str] = []
    for offset in range(0, 8, 3):
        page = client.get("/api/events", params={"limit": 3, "offset": offset}).json()
        assert page["total"] == 7 and page["limit"] == 3 and page["offset"] == offset
        seen += [e["id"] for e in page["events"]]
    assert len(seen) == len(set(seen)) == 7


def test_cursor_paging_matches_offset_paging(client: TestClient) -> None:
    by_offset = [e["id"] for e in client.get("/api/events", params={"limit": 100})
                 .json()["events"]]
    seen, cursor = [], None
    for _ in range(10):
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=params).json()
        assert page["total"] == 7
        seen += [e["id"] for e in page["events"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == by_offset
    assert_error(client.get("/api/events", params={"cursor": "nonsense"}), 400, "E302")


def test_one_event_has_every_evidence_source_and_quote(client: TestClient) -> None:
    merged = client.get("/api/events", params={"type": "ASSAULT", "country": "SYR",
                                               "until": "2016-05-31"}).json()["events"][0]
    event = client.get(f"/api/events/{merged['id']}").json()
    assert {e["document_id"] for e in event["evidence_list"]} == {"wire-aleppo-1",
                                                                  "wire-aleppo-2"}
    assert {d["id"] for d in event["documents"]} == {"wire-aleppo-1", "wire-aleppo-2"}
    threat = client.get("/api/events", params={"type": "THREATEN"}).json()["events"][0]
    detail = client.get(f"/api/events/{threat['id']}").json()
    assert [q["speaker"] for q in detail["quote_records"]] == ["an army spokesman"]


def test_missing_event_is_404(client: TestClient) -> None:
    message = assert_error(client.get("/api/events/ev_nope"), 404, "E303")
    assert "ev_nope" in message


# -- documents: evidence offsets slice the stored text -------------------------------------------
@pytest.mark.parametrize("doc_id", sorted(STORIES))
def test_document_spans_slice_the_text(client: TestClient, doc_id: str) -> None:
    doc = client.get(f"/api/documents/{doc_id}").json()
    text = doc["text"]
    evidence = [s for s in doc["spans"] if s["kind"] == "evidence"]
    assert evidence, "every synthetic story has at least one event"
    sentences = {s.text for s in STORIES[doc_id][1] if s.event_type}
    assert {text[s["start"]:s["end"]] for s in evidence} == sentences
    for quote in (s for s in doc["spans"] if s["kind"] == "quote"):
        assert text[quote["start"]:quote["end"]] == "We will respond with force,"


def test_missing_document_is_404(client: TestClient) -> None:
    assert_error(client.get("/api/documents/nope"), 404, "E303")


# -- actors, quotes, stats ------------------------------------------------------------------------
def test_actors_and_one_actor(client: TestClient) -> None:
    actors = client.get("/api/actors").json()["actors"]
    ids = {a["id"] for a in actors}
    assert {"FSA", "SYRMIL", "NUSRA", "IRQCOP", "IRQGOV"} == ids
    iraq = client.get("/api/actors", params={"country": "IRQ"}).json()["actors"]
    assert {a["id"] for a in iraq} == {"IRQCOP", "IRQGOV"}
    nusra = client.get("/api/actors/NUSRA").json()
    assert nusra["name"] == "Nusra Front"
    assert [e["event_type"] for e in nusra["events_as_actor"]] == ["ASSAULT"]
    assert [e["event_type"] for e in nusra["events_as_recipient"]] == ["ACCUSE"]
    assert_error(client.get("/api/actors/NOBODY"), 404, "E303")


def test_quotes(client: TestClient) -> None:
    quotes = client.get("/api/quotes").json()["quotes"]
    assert [q["text"] for q in quotes] == ["We will respond with force,"]
    assert client.get("/api/quotes", params={"speaker": "nobody"}).json()["quotes"] == []
    by_doc = client.get("/api/quotes", params={"document_id": "wire-homs"}).json()
    assert by_doc["quotes"] == []


def test_stats_totals_and_filtered_counts(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 5 and stats["canonical_events"] == 7
    assert stats["by_country"] == {"IRQ": 2, "SYR": 5}
    syria = client.get("/api/stats", params={"country": "SYR"}).json()
    assert syria["matching"] == 5 and set(syria["by_country"]) == {"SYR"}
    assert syria["documents"] == 5  # totals stay store-wide


# -- errors: one body shape, 4xx for bad input ----------------------------------------------------
@pytest.mark.parametrize(("path", "fragment"), [
    ("/api/events?type=BOGUS", "unknown event type"),
    ("/api/events?country=Atlantis", "unknown country"),
    ("/api/events?since=2016-13-40", "since"),
    ("/api/events?since=2016-06-01&until=2016-05-01", "after"),
    ("/api/events?near=36,37", "near"),
    ("/api/events?near=95,37,10", "near"),
    ("/api/events?near=nan,1,1", "near"),
    ("/api/events?limit=1001", "limit"),
    ("/api/events?limit=-1", "limit"),
    ("/api/events?limit=abc", "limit"),
    ("/api/events?offset=-3", "offset"),
    ("/api/events?canonical=maybe", "canonical"),
    ("/api/actors?limit=5000", "limit"),
    ("/api/quotes?offset=x", "offset"),
])
def test_bad_parameters_are_400_with_a_clear_message(client: TestClient, path: str,
                                                     fragment: str) -> None:
    message = assert_error(client.get(path), 400, "E302")
    assert fragment in message


def test_unknown_route_and_wrong_method_use_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "E303")
    assert_error(client.delete("/api/events"), 405, "E302")
    assert_error(client.post("/api/events"), 405, "E302")


def test_store_is_read_only_by_default(client: TestClient) -> None:
    assert client.app.state.store.read_only is True
    methods = {(path, m) for path, item in client.get("/openapi.json").json()["paths"].items()
               for m in item}
    assert {m for _, m in methods} == {"get", "post"}
    assert {p for p, m in methods if m == "post"} == {"/api/code"}


def test_unexpected_failure_is_a_500_in_the_error_shape(db_path: str) -> None:
    app = create_app(db_path, coder=fake_coder)

    class Broken:
        read_only = True

        def stats(self, **_: object) -> dict:
            raise RuntimeError("disk on fire")

    with TestClient(app, raise_server_exceptions=False) as c:
        app.state.store, real = Broken(), app.state.store
        try:
            message = assert_error(c.get("/api/stats"), 500, "E301")
        finally:
            app.state.store = real
    assert "RuntimeError" in message and "disk on fire" not in message


# -- POST /api/code --------------------------------------------------------------------------------
def test_code_returns_events_without_storing(client: TestClient) -> None:
    before = client.get("/api/stats").json()
    response = client.post("/api/code", json={
        "text": "Rebels attacked a base. Talks went on.", "published": "2016-05-11"})
    assert response.status_code == 200, response.text
    assert response.json() == {"events": [{"event_type": "ASSAULT", "sentence": "Rebels attacked a base",
                                           "published": "2016-05-11"}]}
    assert client.get("/api/stats").json() == before


@pytest.mark.parametrize("body", [b"not json", b"{}", b'{"text": ""}', b'{"text": 5}', b"[]", b""])
def test_code_rejects_malformed_bodies(client: TestClient, body: bytes) -> None:
    response = client.post("/api/code", content=body,
                           headers={"content-type": "application/json"})
    assert_error(response, 400, "E302")


def test_code_size_limit_is_413_with_or_without_content_length(client: TestClient) -> None:
    big = b'{"text": "' + b"a" * 100_100 + b'"}'
    assert_error(client.post("/api/code", content=big), 413, "E304")

    def chunks():  # streamed: no Content-Length header, the cap must still hold
        for _ in range(30):
            yield b"x" * 10_000

    assert_error(client.post("/api/code", content=chunks()), 413, "E304")


def test_code_timeout_is_504_and_busy_coder_is_503(db_path: str) -> None:
    release = threading.Event()

    def stuck(text: str, published: str | None) -> list:
        release.wait(10)
        return []

    app = create_app(db_path, coder=stuck,
                     code_limits=CodeLimits(timeout_s=0.2, concurrency=1))
    try:
        with TestClient(app) as c:
            assert_error(c.post("/api/code", json={"text": "x"}), 504, "E204")
            # the stuck call still holds the only slot: the next one cannot start
            assert_error(c.post("/api/code", json={"text": "y"}), 503, "E306")
    finally:
        release.set()


def test_code_errors_from_the_pipeline_become_4xx(db_path: str) -> None:
    def picky(text: str, published: str | None) -> list:
        raise QueryError(f"bad published date {published!r}")

    with TestClient(create_app(db_path, coder=picky)) as c:
        message = assert_error(c.post("/api/code", json={"text": "x", "published": "soon"}),
                               400, "E302")
    assert "soon" in message


def test_pipeline_is_loaded_lazily_and_once(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[object] = []

    class FakePipeline:
        def __init__(self, config: Config) -> None:
            time.sleep(0.05)  # widen the race window between the two threads
            made.append(config)

        def code_text(self, text: str, published: str | None = None) -> list:
            return [text]

    module = types.ModuleType("eventwire.pipeline")
    module.Pipeline = FakePipeline  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "eventwire.pipeline", module)
    monkeypatch.setattr("eventwire.pipeline", module, raising=False)
    coder = LazyCoder(Config())
    assert made == []  # nothing loaded at construction
    results: list[list] = []
    threads = [threading.Thread(target=lambda i=i: results.append(coder(f"t{i}", None)))
               for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(made) == 1
    assert sorted(r[0] for r in results) == ["t0", "t1", "t2", "t3"]


# -- docs and static files work offline ----------------------------------------------------------
def test_docs_page_uses_only_vendored_assets(client: TestClient) -> None:
    html = client.get("/docs").text
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs and all(r.startswith("/static/vendor/swagger-ui/") for r in refs)
    for ref in refs:
        assert client.get(ref).status_code == 200
    assert "/api/events" in client.get("/openapi.json").json()["paths"]
    assert not re.search(r"https?://", html.replace("http://127.0.0.1", ""))


def test_dashboard_and_every_asset_it_references_are_served(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]
    refs = re.findall(r'(?:src|href)="(/static/[^"]+)"', response.text)
    assert len(refs) >= 10
    for ref in refs:
        assert client.get(ref).status_code == 200, ref
    assert client.get("/static/vendor/world-atlas/countries-110m.json").json()["type"] == \
        "Topology"


def _own_assets() -> list[Path]:
    return [p for p in STATIC.rglob("*") if p.suffix in (".html", ".js", ".css")
            and "vendor" not in p.parts]


ALLOWED_URLS = ("http://www.w3.org/2000/svg",)  # XML namespace names, never fetched


@pytest.mark.parametrize("path", _own_assets(), ids=lambda p: p.name)
def test_no_external_urls_in_dashboard_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    absolute = re.findall(r"(?:https?|wss?|ftp):\\?/\\?/[^\s\"'`)<>]+", text)
    protocol_relative = re.findall(r"[\"'(=]\s*(//[^\s\"'`)<>]+)", text)
    urls = [u for u in absolute + protocol_relative if not u.startswith(ALLOWED_URLS)]
    assert urls == [], f"{path.name} references external hosts: {urls}"


def test_vendored_packages_carry_their_licences() -> None:
    vendor = STATIC / "vendor"
    for package in ("leaflet", "markercluster", "world-atlas", "topojson-client", "swagger-ui"):
        assert (vendor / package / "LICENSE").is_file(), package
    assert len(list((vendor / "d3").glob("LICENSE.*"))) == 4
    assert "leaflet@1.9.4" in (vendor / "VERSIONS.txt").read_text()


# -- counts are memoised only while nothing can write the store -----------------------------------
class CountingStore:
    """Wraps the real store and counts ``count_events`` calls."""

    def __init__(self, store) -> None:
        self._store = store
        self.counts = 0

    def count_events(self, **kw):
        self.counts += 1
        return self._store.count_events(**kw)

    def __getattr__(self, name: str):
        return getattr(self._store, name)


@pytest.mark.parametrize(("read_only", "expected_counts"), [(True, 1), (False, 3)])
def test_total_is_counted_once_per_filter_set_when_read_only(
        tmp_path: Path, read_only: bool, expected_counts: int) -> None:
    db = build_store(tmp_path / "events.duckdb")
    app = create_app(str(db), read_only=read_only, coder=fake_coder)
    with TestClient(app) as c:
        counting = CountingStore(app.state.store)
        app.state.store = counting
        totals = [c.get("/api/events", params={"country": "SYR", "limit": 2, "offset": o})
                  .json()["total"] for o in (0, 2, 4)]
        app.state.store = counting._store
    assert totals == [5, 5, 5]
    assert counting.counts == expected_counts


# -- eventwire serve ------------------------------------------------------------------------------
def test_serve_command_refuses_a_missing_store(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from eventwire.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no store at" in result.output
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "--host" in help_text and "127.0.0.1" in help_text and "--port" in help_text


def test_code_with_the_real_pipeline(db_path: str) -> None:
    """End to end through the lead's pipeline (loaded on first use): an attack in Aleppo."""
    text = "Rebels attacked an army base near Aleppo on Tuesday."
    with TestClient(create_app(db_path)) as c:
        response = c.post("/api/code", json={"text": text, "published": "2016-05-12"})
        empty = c.post("/api/code", json={"text": "   "})
    assert response.status_code == 200, response.text
    events = response.json()["events"]
    assert [e["event_type"] for e in events] == ["ASSAULT"]
    evidence = events[0]["evidence"]
    assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]
    assert events[0]["location"]["name"] == "Aleppo"
    assert_error(empty, 422, "E102")


def test_one_app_can_be_served_again_after_a_shutdown(db_path: str) -> None:
    app = create_app(db_path, coder=fake_coder)
    for _ in range(2):
        with TestClient(app) as c:
            assert c.get("/api/events").json()["total"] == 7
    assert app.state.store is None  # the last run closed it


# -- response cache and worker processes -----------------------------------------------------------
def test_read_only_app_answers_repeats_from_its_cache(db_path: str, tmp_path: Path) -> None:
    params = {"country": "SYR", "limit": 3}
    with TestClient(create_app(db_path, coder=fake_coder)) as c:
        first = c.get("/api/events", params=params)
        again = c.get("/api/events", params=dict(reversed(params.items())))
        bad = [c.get("/api/events", params={"type": "NOPE"}) for _ in range(2)]
    assert first.headers["x-eventwire-cache"] == "miss"
    assert again.headers["x-eventwire-cache"] == "hit"
    assert again.json() == first.json() and first.json()["total"] == 5
    assert [r.headers["x-eventwire-cache"] for r in bad] == ["miss", "miss"]
    writable = build_store(tmp_path / "rw.duckdb")
    with TestClient(create_app(str(writable), read_only=False, coder=fake_coder)) as c:
        answers = [c.get("/api/events", params=params) for _ in range(2)]
    assert [r.status_code for r in answers] == [200, 200]
    assert all("x-eventwire-cache" not in r.headers for r in answers)


def test_worker_factory_serves_the_store_named_in_its_environment(
        db_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.api.app import app_from_env

    monkeypatch.delenv("EVENTWIRE_SERVE_DB", raising=False)
    with pytest.raises(RuntimeError, match="EVENTWIRE_SERVE_DB"):
        app_from_env()
    monkeypatch.setenv("EVENTWIRE_SERVE_DB", db_path)
    monkeypatch.setenv("EVENTWIRE_SERVE_CACHE_MB", "1")
    with TestClient(app_from_env()) as c:
        assert c.get("/api/events").json()["total"] == 7


def test_serve_refuses_several_workers_on_a_writable_store(db_path: str) -> None:
    from click.testing import CliRunner

    from eventwire.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", db_path, "--writable",
                                       "--workers", "2"])
    assert result.exit_code == 2
    assert "one worker" in result.output
