"""The process pool codes exactly what one process codes, in order, with bounded memory, and a
crashed worker costs only its own chunk (E206), never the batch."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from synthetic_stories import stories

from eventwire.config import Config
from eventwire.errors import ErrorCode
from eventwire.model import Document, DocumentResult, ErrorRecord
from eventwire.parallel import BUFFER_FACTOR, Chunk, code_chunk, code_parallel, iter_chunks
from eventwire.runner import run_documents

POOL = Config(workers=2, batch_size=4)


def _summary(results: list[DocumentResult]) -> list[tuple[str | None, tuple[str, ...], tuple]]:
    return [(r.document.id if r.document else None, tuple(e.id for e in r.events),
             tuple((e.document_id, e.code) for e in r.errors)) for r in results]


# -- chunk coders run in the worker processes (module level: pickled by reference) ------------
def crash_on(marker: str, chunk: Chunk) -> list[DocumentResult]:
    """Kill the worker process outright (as the OOM killer would) on a marked document."""
    if any(isinstance(r, Document) and r.id.startswith(marker) for r in chunk):
        os._exit(1)
    return code_chunk(chunk)


def raise_on(marker: str, chunk: Chunk) -> list[DocumentResult]:
    if any(isinstance(r, Document) and r.id.startswith(marker) for r in chunk):
        raise RuntimeError("synthetic failure")
    return code_chunk(chunk)


def fail_first_time(flag: str, chunk: Chunk) -> list[DocumentResult]:
    """Fail once (whichever chunk comes first), then work: the retry must rescue the chunk."""
    path = Path(flag)
    if not path.exists():
        path.write_text("failed once")
        raise RuntimeError("transient failure")
    return code_chunk(chunk)


@pytest.fixture(scope="module")
def reference(pipeline) -> list[DocumentResult]:
    return list(pipeline.code_documents(stories(10)))


def test_pool_codes_the_same_events_in_the_same_order(reference):
    results = list(code_parallel(stories(10), POOL, chunk_size=3))
    assert _summary(results) == _summary(reference)
    assert sum(len(r.events) for r in results) >= 10
    assert [r.quotes for r in results] == [r.quotes for r in reference]


def test_runner_uses_the_pool_for_several_workers(reference):
    results = list(run_documents(stories(10), POOL))
    assert {e.id for r in results for e in r.events} == {e.id for r in reference for e in r.events}


def test_input_errors_and_dicts_keep_their_place(pipeline):
    items = [stories(1)[0], ErrorRecord("bad-1", ErrorCode.BINARY_CONTENT.value, "binary"),
             {"id": "dict-1", "text": stories(2)[1].text, "published": "2024-03-02"}]
    results = list(code_parallel(items, POOL, chunk_size=1))
    assert [r.document.id if r.document else r.errors[0].document_id for r in results] == [
        "syn-0", "bad-1", "dict-1"]
    assert results[1].errors[0].code == ErrorCode.BINARY_CONTENT.value
    assert _summary(results) == _summary(list(pipeline.code_documents(items)))


def test_warning_stays_with_its_document_across_chunk_boundaries(pipeline):
    docs = stories(3)
    warning = ErrorRecord("syn-1", ErrorCode.INVALID_DATE.value, "unparsable date")
    items = [docs[0], warning, docs[1], docs[2]]
    chunks = list(iter_chunks(items, POOL, 1))
    assert [[getattr(r, "id", None) or r.document_id for r in c] for c in chunks] == [
        ["syn-0"], ["syn-1", "syn-1"], ["syn-2"]]
    results = list(code_parallel(items, POOL, chunk_size=1))
    assert results[1].document.id == "syn-1"
    assert ErrorCode.INVALID_DATE.value in [e.code for e in results[1].errors]


def test_input_is_read_lazily_with_bounded_chunks_in_flight():
    pulled = 0

    def corpus():
        nonlocal pulled
        for document in stories(80):
            pulled += 1
            yield document

    results = code_parallel(corpus(), POOL, chunk_size=2, max_in_flight=2)
    first = next(results)
    assert first.document is not None
    # at most BUFFER_FACTOR x 2 chunks of 2 documents are held: never the whole corpus
    assert pulled <= BUFFER_FACTOR * 2 * 2
    assert len(list(results)) == 79


def test_killed_worker_fails_only_its_chunk_and_the_batch_goes_on(reference):
    docs = stories(10)
    docs[4] = Document(id="crash-4", text=docs[4].text, published=docs[4].published)
    results = list(code_parallel(docs, POOL, chunk_size=2,
                                 coder=functools.partial(crash_on, "crash")))
    assert len(results) == 10
    failed = [r for r in results if r.document is None]
    # the crashing chunk holds documents 4 and 5: both reported, nothing silently dropped
    assert [r.errors[0].document_id for r in failed] == ["crash-4", "syn-5"]
    assert {r.errors[0].code for r in failed} == {ErrorCode.WORKER_FAILED.value}
    kept = [r for r in results if r.document is not None]
    expected = [r for r in reference if r.document.id not in {"syn-4", "syn-5"}]
    assert _summary(kept) == _summary(expected)


def test_raising_chunk_is_reported_as_e206(reference):
    docs = stories(6)
    docs[0] = Document(id="boom-0", text=docs[0].text)
    results = list(code_parallel(docs, POOL, chunk_size=3,
                                 coder=functools.partial(raise_on, "boom")))
    assert [r.errors[0].code for r in results[:3]] == [ErrorCode.WORKER_FAILED.value] * 3
    assert "synthetic failure" in results[0].errors[0].message
    assert all(r.document is not None for r in results[3:])


def test_a_transient_failure_is_rescued_by_the_retry(tmp_path, reference):
    results = list(code_parallel(stories(10), POOL, chunk_size=5,
                                 coder=functools.partial(fail_first_time, str(tmp_path / "f"))))
    assert (tmp_path / "f").exists()
    assert _summary(results) == _summary(reference)


@pytest.mark.parametrize("method", ["spawn"])
def test_spawned_workers_load_their_own_pipeline(method, reference):
    results = list(code_parallel(stories(4), POOL, chunk_size=2, start_method=method))
    assert _summary(results) == _summary(reference[:4])
