"""Dask: a LocalCluster of 2 worker processes codes the same events as one process, writes
Parquet partitions the store merges idempotently, and reports a failing partition as E206."""

from __future__ import annotations

import logging

import pytest
from distributed import LocalCluster
from synthetic_stories import stories

from eventwire.config import Config
from eventwire.errors import ErrorCode, StoreError
from eventwire.model import Document, DocumentResult

CONFIG = Config(workers=2, batch_size=3)


@pytest.fixture(scope="module")
def scheduler() -> str:
    """One cluster for the module (worker start-up and model loading take seconds)."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def reference(pipeline) -> list[DocumentResult]:
    return list(pipeline.code_documents(stories(8)))


def _events(results):
    return {(r.document.id, e.id) for r in results if r.document for e in r.events}


def test_dask_codes_the_same_events_as_one_process(scheduler, reference):
    from eventwire.distributed import run_on_dask

    results = list(run_on_dask(stories(8), CONFIG, scheduler, partition_size=2))
    assert [r.document.id for r in results] == [r.document.id for r in reference]
    assert _events(results) == _events(reference)
    assert len(_events(results)) >= 8
    assert [r.quotes for r in results] == [r.quotes for r in reference]


def test_a_failing_partition_is_retried_then_reported(scheduler, reference):
    from eventwire.distributed import code_partition, run_on_dask

    def fail_on_marked(chunk, name):
        # defined here so cloudpickle ships it by value to the workers
        if any(isinstance(r, Document) and r.id.startswith("boom") for r in chunk):
            raise RuntimeError("synthetic partition failure")
        return code_partition(chunk, name)

    docs = stories(8)
    docs[2] = Document(id="boom-2", text=docs[2].text, published=docs[2].published)
    results = list(run_on_dask(docs, CONFIG, scheduler, partition_size=2,
                               coder=fail_on_marked))
    assert len(results) == 8
    failed = [r for r in results if r.document is None]
    assert [r.errors[0].document_id for r in failed] == ["boom-2", "syn-3"]
    assert {r.errors[0].code for r in failed} == {ErrorCode.WORKER_FAILED.value}
    assert "synthetic partition failure" in failed[0].errors[0].message
    kept = {(d, e) for d, e in _events(reference) if d not in {"syn-2", "syn-3"}}
    assert _events(results) == kept


def test_parquet_partitions_merge_into_the_store_idempotently(scheduler, reference, tmp_path):
    from eventwire.distributed import (
        merge_parquet_partitions,
        partition_dirs,
        write_parquet_partitions,
    )
    from eventwire.store import open_store

    out = tmp_path / "parts"
    summary = write_parquet_partitions(stories(8), CONFIG, scheduler, out, partition_size=3)
    assert summary.partitions == 3 == len(partition_dirs(out))
    assert summary.documents == 8 and summary.failed_partitions == 0
    assert summary.events == len(_events(reference))

    with open_store(tmp_path / "store.duckdb") as store:
        first = merge_parquet_partitions(store, out, dedup=True)
        again = merge_parquet_partitions(store, out, dedup=True)
        stored = {(row["document_id"], row["id"]) for row in
                  store.table("events").read_all().to_pylist() if row["kind"] == "story"}
    assert stored == _events(reference)
    assert (first.documents_added, first.events_added) == (8, len(stored))
    assert (again.documents_added, again.documents_unchanged, again.events_added) == (0, 8, 0)
    with pytest.raises(StoreError):
        write_parquet_partitions(stories(1), CONFIG, scheduler, out)


def test_code_cli_runs_on_the_cluster(scheduler, tmp_path, reference):
    import json

    from click.testing import CliRunner

    from eventwire.cli import main

    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text,
                                          "published": d.published.isoformat()}) + "\n"
                              for d in stories(8)), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["code", str(corpus), "--out", str(out), "--dask",
                                       scheduler, "--no-progress"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    assert {(e["evidence"]["document_id"], e["id"]) for e in events} == _events(reference)


def test_ingest_cli_merges_dask_partitions_into_the_store(scheduler, tmp_path, reference):
    import json

    from click.testing import CliRunner

    from eventwire.cli import main
    from eventwire.store import open_store

    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text,
                                          "published": d.published.isoformat()}) + "\n"
                              for d in stories(8)), encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    args = ["ingest", str(corpus), "--db", db, "--dask", scheduler]
    first = CliRunner().invoke(main, [*args, "--partitions-dir", str(tmp_path / "p1")])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(main, args)  # default: a temporary partitions directory
    assert again.exit_code == 0, again.output
    assert json.loads(again.output.strip().splitlines()[-1])["documents_unchanged"] == 8
    with open_store(db, read_only=True) as store:
        stored = {(row["document_id"], row["id"]) for row in
                  store.table("events").read_all().to_pylist() if row["kind"] == "story"}
    assert stored == _events(reference)
