"""The DuckDB store: idempotent writes, replacement of changed documents, queries, validation."""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pytest
from factories import (
    make_document,
    make_error_result,
    make_event,
    make_quote,
    make_result,
    synthetic_results,
)

import eventwire.store.core as store_core
from eventwire.errors import ErrorCode, QueryError, StoreError
from eventwire.model import DocumentResult, ErrorRecord
from eventwire.store import SCHEMA_VERSION, open_store


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "s.duckdb") as s:
        yield s


def _snapshot(store) -> dict:
    """Everything a user could see, in a comparable form."""
    with store._cursor() as cur:
        return {table: sorted(cur.execute(f"SELECT * EXCLUDE ({ex}) FROM {table}").fetchall(),
                              key=repr)
                for table, ex in (("documents", "ingested_at"), ("events", "context"),
                                  ("quotes", "event_ids"), ("errors", "recorded_at"),
                                  ("actors", "texts"), ("places", "key"))}


def test_write_then_reingest_adds_nothing(store):
    results = list(synthetic_results(30, 4)) + [make_error_result("broken-file")]
    first = store.write(results, batch_size=7)
    assert (first.documents_added, first.events_added, first.errors_added) == (30, 120, 1)
    before = _snapshot(store)
    again = store.write(results, batch_size=5)
    assert again.documents_added == again.events_added == again.errors_added == 0
    assert again.documents_unchanged == 31
    assert _snapshot(store) == before
    assert store.count_events(canonical=False) == 120


def test_changed_document_replaces_only_its_own_rows(store):
    store.write([make_result("a", 3), make_result("b", 2)])
    b_before = sorted(r["id"] for r in store.events(canonical=False, limit=100).to_pylist()
                      if r["document_id"] == "b")
    summary = store.write([make_result("a", 1, version="v2", town="Mosul")])
    assert (summary.documents_replaced, summary.events_added) == (1, 1)
    rows = store.events(canonical=False, limit=100).to_pylist()
    a_rows = [r for r in rows if r["document_id"] == "a"]
    assert [r["location_name"] for r in a_rows] == ["Mosul"]
    assert sorted(r["id"] for r in rows if r["document_id"] == "b") == b_before
    assert store.quotes(document_id="a").num_rows == 1
    assert store.document("a")["text"].endswith("v2")


def test_error_records_are_idempotent_and_cleared_when_the_document_codes(store):
    store.write([make_error_result("x", message="empty")])
    assert store.write([make_error_result("x", message="empty")]).errors_added == 0
    assert store.errors().num_rows == 1
    store.write([make_result("x", 1)])
    assert store.errors().num_rows == 0


def test_a_warning_after_its_document_in_one_batch_is_kept_with_it(store):
    warning = DocumentResult(document=None, errors=(ErrorRecord("w", "E108", "bad date"),))
    summary = store.write([make_result("w", 1), warning])
    assert summary.documents_added == 1
    assert store.errors()["code"].to_pylist() == ["E108"]
    assert store.write([make_result("w", 1), warning]).errors_added == 0
    assert store.errors().num_rows == 1


def test_a_failing_batch_leaves_no_partial_documents(store, monkeypatch):
    store.write([make_result("ok", 2)])

    def broken_quotes(quotes):  # the third insert of the transaction fails
        return pa.table({"id": ["q"], "start": ["not a number"]})

    monkeypatch.setattr(store_core, "quotes_table", broken_quotes)
    with pytest.raises(StoreError):
        store.write([make_result("new", 2)])
    assert store.document("new") is None
    assert store.count_events(canonical=False) == 2
    assert store.stats()["documents"] == 1


def test_queries_filter_and_page(store):
    store.write([
        make_result("d1", 1, event_type="ASSAULT", town="Aleppo", day="2016-05-10"),
        make_result("d2", 1, event_type="COERCE", actor="POL", recipient=None, town="Mosul",
                    day="2016-06-02"),
        make_result("d3", 1, event_type="PROTEST", actor="GOV", town="Baghdad",
                    day="2017-01-01", sentence="Thousands marched on the ministry."),
    ], dedup=False)
    def ids(**kw):
        return sorted(store.events(canonical=False, **kw)["document_id"].to_pylist())

    assert ids(type="assault") == ["d1"]
    assert ids(type="ASSAULT,COERCE") == ["d1", "d2"]
    assert ids(actor="fsa") == ids(actor="free syrian army") == ids(actor="REBELS") == ["d1"]
    assert ids(recipient="syrmil") == ["d1", "d3"]
    assert ids(country="IQ") == ids(country="iraq") == ["d2", "d3"]
    assert ids(since="2016-06") == ["d2", "d3"]
    assert ids(until="2016-05") == ["d1"]
    assert ids(since="2016", until="2016") == ["d1", "d2"]
    assert ids(near=(36.3, 43.1, 10)) == ["d2"]
    assert ids(near="36.2,37.1,50") == ["d1"]
    assert ids(q="MARCHED") == ["d3"]
    assert store.count_events(canonical=False, since="2016-06") == 2
    page = store.events(canonical=False, limit=1, offset=1)
    assert page.num_rows == 1 and page["date"].to_pylist() == ["2016-06-02"]


def test_cursor_pages_walk_the_same_order_as_offsets(store):
    """Keyset pages (``after``) visit every event once, in the offset order, undated last."""
    days = ["2016-05-10", "2016-05-10", None, "2016-06-02", None, "2015-01-01", "2016-05-10"]
    store.write([make_result(f"d{i}", 2, day=day, precision="day" if day else None)
                 for i, day in enumerate(days)], dedup=False)
    by_offset = store.events(canonical=False, limit=100)["id"].to_pylist()
    assert len(by_offset) == 14
    walked, cursor, pages = [], None, 0
    while True:
        page = store.events(canonical=False, limit=3, after=cursor)
        walked += page["id"].to_pylist()
        pages += 1
        cursor = store.next_cursor(page, 3)
        if cursor is None:
            break
    assert walked == by_offset and pages == 5
    fourth = store.next_cursor(store.events(canonical=False, limit=4), 4)
    assert store.events(canonical=False, limit=100, after=fourth)["id"].to_pylist() \
        == by_offset[4:]
    for bad in ("yesterday|ev_1", "2016-05-10|", "no separator"):
        with pytest.raises(QueryError, match="bad cursor"):
            store.events(after=bad)


@pytest.mark.parametrize("kwargs, fragment", [
    ({"type": "BOMBING"}, "unknown event type"),
    ({"since": "last tuesday"}, "bad since"),
    ({"until": "2016-13"}, "bad until"),
    ({"since": "2017", "until": "2016"}, "after until"),
    ({"near": "36,37"}, "bad near"),
    ({"near": (95, 0, 10)}, "out of range"),
    ({"near": (0, 0, -1)}, "radius"),
    ({"near": "nan,0,5"}, "finite"),
    ({"country": "Atlantis"}, "unknown country"),
    ({"limit": 10**9}, "limit"),
    ({"offset": -1}, "offset"),
])
def test_bad_filters_raise_query_errors(store, kwargs, fragment):
    with pytest.raises(QueryError, match=fragment) as info:
        store.events(**kwargs)
    assert info.value.code is ErrorCode.BAD_QUERY


@pytest.mark.parametrize("evil", [
    "'; DROP TABLE events; --", "x' OR '1'='1", "%", "_", "\\", "FSA') OR (1=1",
])
def test_filter_values_are_parameters_not_sql(store, evil):
    store.write([make_result("d1", 2)])
    assert store.events(actor=evil).num_rows == 0
    assert store.events(q=evil).num_rows == 0
    assert store.actors(q=evil).num_rows == 0
    assert store.quotes(speaker=evil, q=evil).num_rows == 0
    assert store.event(evil) is None and store.actor(evil) is None
    assert store.count_events(canonical=False) == 2


def test_event_detail_links_documents_and_quotes(store):
    store.write([make_result("d1", 2)])
    event_id = store.events(canonical=False, limit=100)["id"].to_pylist()[-1]
    detail = store.event(event_id)
    assert detail["members"] == [event_id]
    assert detail["documents"][0]["url"] == "https://example.org/d1"
    assert detail["evidence_list"][0]["document_id"] == "d1"
    quoted = [store.event(i) for i in store.events(canonical=False)["id"].to_pylist()]
    assert sum(len(d["quote_records"]) for d in quoted) == 1
    assert store.event("nope") is None


def test_actors_places_and_actor_detail(store):
    store.write([make_result("d1", 2), make_result("d2", 1, actor="NUSRA")], dedup=False)
    table = store.actors()
    counts = dict(zip(table["key"].to_pylist(), table["n_events"].to_pylist()))
    assert counts == {"SYRMIL": 3, "FSA": 2, "NUSRA": 1}
    assert store.actors(q="nusra")["key"].to_pylist() == ["NUSRA"]
    detail = store.actor("free syrian army")
    assert detail["id"] == "FSA" and len(detail["events_as_actor"]) == 2
    assert detail["events_as_recipient"] == []
    assert store.actor("SYRMIL")["n_as_recipient"] == 3
    assert store.stats()["places"] == 1


def test_quotes_filters(store):
    first = make_result("d1", 1)
    extra = DocumentResult(document=make_document("d2"), events=(make_event("d2"),),
                           quotes=(make_quote("d2", n=1),))
    store.write([first, extra])
    assert store.quotes().num_rows == 2
    assert store.quotes(document_id="d2").num_rows == 1
    assert store.quotes(event_id=first.events[0].id)["document_id"].to_pylist() == ["d1"]
    assert store.quotes(speaker="spokes", q="respond").num_rows == 2


def test_stats_counts(store):
    store.write(list(synthetic_results(20, 3)))
    stats = store.stats()
    assert stats["documents"] == 20 and stats["events"] == 60
    assert sum(stats["by_type"].values()) == stats["canonical_events"]
    assert sum(stats["by_month"].values()) == stats["canonical_events"]
    filtered = store.stats(type="PROTEST")
    assert set(filtered["by_type"]) <= {"PROTEST"}
    assert filtered["matching"] == store.count_events(type="PROTEST")


def test_document_lists_its_event_spans(store):
    result = make_result("d1", 2)
    store.write([result])
    doc = store.document("d1")
    assert doc["content_hash"] == result.document.content_hash
    assert [e["evidence"]["start"] for e in doc["events"]] == [0, 100]


def test_read_only_store_refuses_writes(tmp_path):
    path = tmp_path / "ro.duckdb"
    with open_store(path) as s:
        s.write([make_result("d1", 1)])
    with open_store(path, read_only=True) as ro:
        assert ro.count_events() == 1
        with pytest.raises(StoreError, match="read-only"):
            ro.write([make_result("d2", 1)])
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    open_store(path).close()
    conn = duckdb.connect(str(path))
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION + 1])
    conn.close()
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert info.value.code is ErrorCode.SCHEMA_MISMATCH


def test_derived_tables_heal_after_a_crash_between_commit_and_refresh(store, monkeypatch):
    def crash(self):
        raise KeyboardInterrupt("killed after the batch committed")

    with monkeypatch.context() as patch:
        patch.setattr(store_core.Store, "refresh_derived", crash)
        with pytest.raises(KeyboardInterrupt):
            store.write([make_result("d1", 2), make_result("d2", 2)])
    assert store.stats()["actors"] == 0 and store.stats()["merged_events"] == 0
    summary = store.write([make_result("d1", 2), make_result("d2", 2)])
    assert summary.documents_unchanged == 2
    assert store.stats()["actors"] == 2 and store.stats()["merged_events"] == 2
