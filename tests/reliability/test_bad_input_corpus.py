"""The real CLI over the bad-input corpus mixed with good stories (issue 9).

``eventwire code`` and ``eventwire ingest`` each run once over the same corpus. The run goes on
past every bad input, every good story is coded, and the outputs account for every input:
``documents in = coded + errored``, checked id by id against what the corpus declares
(see ``reliability_corpus`` for how inputs map to documents).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from reliability_corpus import (
    ARABIC_STORY,
    CORPUS_LIMITS,
    GERMAN_STORY,
    WARNING_CODES,
    Corpus,
    read_jsonl,
    write_config,
)

from eventwire.cli import main
from eventwire.store import open_store


@pytest.fixture(scope="module")
def coded(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """``eventwire code CORPUS MISSING --out OUT --workers 1`` once; its outputs, parsed."""
    work = tmp_path_factory.mktemp("code-run")
    config = write_config(work / "eventwire.toml", **CORPUS_LIMITS)
    out = work / "out"
    result = CliRunner().invoke(main, [
        "code", str(corpus.root), *corpus.extra_args, "--out", str(out), "--workers", "1",
        "--no-progress", "--config", str(config)])
    assert result.exit_code == 0, (result.output, result.exception)
    counts = json.loads(result.stderr.strip().splitlines()[-1])
    return {"counts": counts, "events": read_jsonl(out / "events.jsonl"),
            "quotes": read_jsonl(out / "quotes.jsonl"), "errors": read_jsonl(out / "errors.jsonl")}


@pytest.fixture(scope="module")
def ingested(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """``eventwire ingest`` of the same inputs into a fresh store, in small batches (so a
    document and its warning can land in different store transactions)."""
    work = tmp_path_factory.mktemp("ingest-run")
    config = write_config(work / "eventwire.toml", **CORPUS_LIMITS)
    db = work / "events.duckdb"
    result = CliRunner().invoke(main, [
        "ingest", str(corpus.root), *corpus.extra_args, "--db", str(db), "--workers", "1",
        "--batch-size", "3", "--config", str(config)])
    assert result.exit_code == 0, (result.output, result.exception)
    with open_store(db, read_only=True) as store, store._cursor() as cur:
        documents = [r[0] for r in cur.execute("SELECT id FROM documents").fetchall()]
        errors = cur.execute("SELECT document_id, code FROM errors").fetchall()
        events = [r[0] for r in cur.execute(
            "SELECT id FROM events WHERE kind = 'story'").fetchall()]
    return {"summary": json.loads(result.stderr.strip().splitlines()[-1]),
            "documents": documents, "errors": errors, "events": events}


def _split(errors: list[tuple[str, str]]) -> tuple[set, set]:
    """(warnings on coded documents, errors that replace a document)."""
    return ({e for e in errors if e[1] in WARNING_CODES},
            {e for e in errors if e[1] not in WARNING_CODES})


def test_code_run_accounts_for_every_input(corpus: Corpus, coded: dict) -> None:
    counts = coded["counts"]
    n_inputs = len(corpus.expected)
    assert counts["documents"] + counts["errored"] == n_inputs
    assert counts["documents"] == len(corpus.ids("coded"))
    assert counts["errored"] == len(corpus.ids("errored"))
    warnings, failures = _split([(e["document_id"], e["code"]) for e in coded["errors"]])
    # errors.jsonl names each failed input exactly once, with the right code ...
    assert Counter(e["document_id"] for e in coded["errors"]
                   if e["code"] not in WARNING_CODES) == Counter(corpus.ids("errored"))
    assert failures == corpus.errored()
    # ... and carries the date warnings of documents that were still coded
    assert warnings == corpus.warned()
    assert counts["errors"] == len(coded["errors"])
    for error in coded["errors"]:
        assert error["message"] and error["code"].startswith("E"), error


def test_every_good_story_is_coded_and_events_come_only_from_coded_documents(
        corpus: Corpus, coded: dict) -> None:
    per_document = Counter(e["evidence"]["document_id"] for e in coded["events"])
    assert set(per_document) <= corpus.ids("coded")
    for expected in corpus.expected:
        n = per_document.get(expected.id, 0)
        assert n >= expected.min_events, (expected.id, n)
        if expected.max_events is not None:
            assert n <= expected.max_events, (expected.id, n)
    assert coded["counts"]["events"] == len(coded["events"])
    assert len({e["id"] for e in coded["events"]}) == len(coded["events"])


def test_foreign_language_stories_are_a_clean_no_event_result(corpus: Corpus,
                                                              coded: dict) -> None:
    """Decision (docs/reliability.md): non-English text is read and coded like any story; the
    English coder finds nothing in it, so it yields zero events and no error record."""
    for name in ("german", "arabic", "feed:10"):
        assert name in corpus.ids("coded")
        assert not [e for e in coded["errors"] if e["document_id"] == name]
        assert not [e for e in coded["events"] if e["evidence"]["document_id"] == name]
    assert GERMAN_STORY and ARABIC_STORY  # the texts the corpus wrote


def test_ingest_store_accounts_for_every_input(corpus: Corpus, ingested: dict) -> None:
    documents = ingested["documents"]
    assert len(documents) == len(set(documents))
    assert set(documents) == corpus.ids("coded")
    warnings, failures = _split(ingested["errors"])
    assert failures == corpus.errored()
    assert warnings == corpus.warned()
    assert len(ingested["errors"]) == len(warnings) + len(failures)  # no duplicate rows
    # every input is in exactly one of the two tables
    failed_ids = {doc_id for doc_id, _ in failures}
    assert not failed_ids & set(documents)
    assert len(failed_ids) + len(documents) == len(corpus.expected)
    summary = ingested["summary"]
    assert summary["documents_added"] == len(corpus.ids("coded"))


def test_ingest_and_code_produce_the_same_events(coded: dict, ingested: dict) -> None:
    assert sorted(ingested["events"]) == sorted(e["id"] for e in coded["events"])


def test_corpus_holds_what_the_issue_lists(corpus: Corpus) -> None:
    """Guard against the corpus shrinking: the kinds of bad input issue 9 names are all here."""
    names = {p.name for p in corpus.root.iterdir()}
    assert {"empty.txt", "blank.txt", "logo.png", "story.gz", "utf16.txt", "latin1.txt",
            "mixed.txt", "huge.html", "run-on.txt", "deep.html", "feed.jsonl", "rows.csv",
            "crawl.warc.gz", "german.txt", "arabic.txt"} <= names
    assert (corpus.root / "huge.html").stat().st_size >= 50_000_000
    assert (corpus.root / "run-on.txt").stat().st_size >= 5_000_000
    codes = {e.code for e in corpus.expected}
    assert {"E101", "E102", "E103", "E104", "E105", "E106", "E107", "E108"} <= codes


def test_huge_page_is_refused_from_its_size_without_being_read(corpus: Corpus,
                                                               coded: dict) -> None:
    [error] = [e for e in coded["errors"] if e["document_id"] == "huge"]
    # the message quotes the file size: the refusal came from stat(), before reading
    assert f"{(corpus.root / 'huge.html').stat().st_size:,} bytes" in error["message"]
    assert Path(error["source"]).name == "huge.html"


@pytest.mark.slow
@pytest.mark.parametrize("parallel", [["--workers", "2"], ["--dask", "local", "--workers", "2"]],
                         ids=["processes", "dask"])
def test_parallel_runs_give_the_same_outputs(corpus: Corpus, coded: dict, tmp_path: Path,
                                             parallel: list[str]) -> None:
    """The CLI's default is one process per core, and --dask spreads partitions over a
    cluster: the bad inputs must not make a parallel run lose, duplicate or misattribute
    anything."""
    config = write_config(tmp_path / "eventwire.toml", **CORPUS_LIMITS)
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", "code", str(corpus.root), *corpus.extra_args,
         "--out", str(out), *parallel, "--no-progress", "--config", str(config)],
        check=False, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert json.loads(proc.stderr.strip().splitlines()[-1]) == coded["counts"]

    def key(record: dict) -> str:
        return json.dumps(record, sort_keys=True)

    for name in ("events", "quotes", "errors"):
        assert sorted(map(key, read_jsonl(out / f"{name}.jsonl"))) == sorted(
            map(key, coded[name])), name
