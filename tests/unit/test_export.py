"""Exports: PLOVER JSONL, CAMEO TSV, ACLED CSV, GeoJSON and Parquet (with re-import)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from factories import dedup_clusters, make_document, make_event

from eventwire.cli import main
from eventwire.errors import QueryError
from eventwire.export import ACLED_COLUMNS, CAMEO_COLUMNS, export
from eventwire.model import DocumentResult, Event
from eventwire.store import open_store


@pytest.fixture
def store(tmp_path):
    results = [DocumentResult(document=make_document(r.event.evidence.document_id),
                              events=(r.event,)) for r in dedup_clusters()]
    consult = make_event("talks", event_type="CONSULT", town=None)  # no ACLED type, no place
    results.append(DocumentResult(document=make_document("talks"), events=(consult,)))
    with open_store(tmp_path / "x.duckdb") as s:
        s.write(results)
        yield s


def _text(store, fmt, **filters):
    out = io.StringIO()
    count = export(store, fmt, out, **filters)
    return count, out.getvalue()


def test_plover_jsonl_is_the_canonical_records(store):
    count, text = _text(store, "plover-jsonl")
    records = [Event.from_dict(json.loads(line)) for line in text.splitlines()]
    assert count == len(records) == store.count_events()
    assert {e.id for e in records} == set(store.events(limit=100)["id"].to_pylist())
    assert max(len(e.sources) for e in records) == 3


def test_cameo_tsv_has_gdelt_like_columns(store):
    count, text = _text(store, "cameo-tsv", type="ASSAULT")
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t"))
    assert tuple(rows[0]) == CAMEO_COLUMNS
    assert count == len(rows) == store.count_events(type="ASSAULT")
    merged = next(r for r in rows if r["NumSources"] == "3")
    assert (merged["EventCode"], merged["EventRootCode"], merged["QuadClass"]) == (
        "190", "19", "4")
    assert merged["Actor1Code"] == "SYRREB" and merged["Actor2Code"] == "SYRMIL"
    assert merged["Day"] == "20160511" or merged["Day"] == "20160510"
    assert merged["SOURCEURL"].startswith("https://example.org/outlet")
    assert float(merged["ActionGeo_Lat"]) == pytest.approx(36.2, abs=0.2)


def test_acled_csv_rows_only_for_events_with_an_acled_type(store):
    count, text = _text(store, "acled-csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert count == len(rows) == store.count_events(type="ASSAULT")
    baghdad = next(r for r in rows if r["location"] == "Baghdad")
    assert (baghdad["country"], baghdad["iso3"], baghdad["admin1"]) == ("Iraq", "IRQ", "Baghdad")
    assert baghdad["event_type"] == "Battles" and baghdad["source"] == "Example Wire"
    assert baghdad["notes"].endswith("in Baghdad.")


def test_geojson_lists_located_events_as_points(store):
    count, text = _text(store, "geojson")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    assert count == len(collection["features"]) == store.count_events() - 1  # talks: no place
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert 30 < lat < 40 and 35 < lon < 45


def test_parquet_round_trip_rebuilds_the_same_store(store, tmp_path):
    counts = export(store, "parquet", tmp_path / "pq")
    assert counts["documents"] == store.stats()["documents"]
    with open_store(tmp_path / "copy.duckdb") as copy:
        copy.import_parquet(tmp_path / "pq")
        assert sorted(copy.events(limit=100)["id"].to_pylist()) == sorted(
            store.events(limit=100)["id"].to_pylist())
        assert copy.import_parquet(tmp_path / "pq").documents_added == 0


def test_export_argument_errors(store, tmp_path):
    with pytest.raises(QueryError, match="unknown export format"):
        export(store, "xml", io.StringIO())
    with pytest.raises(QueryError, match="parquet"):
        export(store, "parquet", io.StringIO())


def test_cli_export_to_stdout_and_file(store, tmp_path):
    db = store.path
    store.close()
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--db", db, "--format", "plover-jsonl",
                                  "--type", "COERCE"])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("{")]
    assert {json.loads(ln)["event_type"] for ln in lines} == {"COERCE"}
    out = tmp_path / "events.tsv"
    result = runner.invoke(main, ["export", "--db", db, "--format", "cameo-tsv",
                                  "--out", str(out)])
    assert result.exit_code == 0 and out.read_text().startswith("GlobalEventID\t")
    result = runner.invoke(main, ["export", "--db", db, "--format", "parquet"])
    assert result.exit_code == 2 and "--out" in result.output


def test_cli_query_commands(store):
    db = store.path
    store.close()
    runner = CliRunner()
    result = runner.invoke(main, ["events", "--db", db, "--format", "jsonl", "--country", "IQ"])
    assert result.exit_code == 0, result.output
    assert {json.loads(ln)["location"]["country"] for ln in result.stdout.splitlines()} == {
        "IRQ"}
    result = runner.invoke(main, ["events", "--db", db, "--since", "yesterday"])
    assert result.exit_code == 2 and "bad since" in result.output
    result = runner.invoke(main, ["stats", "--db", db, "--format", "json"])
    assert json.loads(result.stdout)["merged_events"] == 2
    for command in (["actors"], ["quotes"], ["events", "--format", "geojson"],
                    ["events", "--format", "csv", "--per-story"]):
        result = runner.invoke(main, [*command, "--db", db])
        assert result.exit_code == 0, (command, result.output)
