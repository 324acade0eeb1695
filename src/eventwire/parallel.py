"""Code documents on several processes of one machine, each holding one loaded Pipeline.

``nlp.pipe(n_process=N)`` parallelises only the spaCy parse: the coding and resolve steps then run
in the parent and become the bottleneck. Here each worker process runs the *whole*
:meth:`eventwire.pipeline.Pipeline.code_documents` on a chunk of documents, so parse, coding and
resolution all scale with the number of workers, and the logic is the very same function the
in-process path and Dask call.

* Start-up: with the ``fork`` start method (Linux default) the parent loads the model and
  dictionaries once and the workers share those pages copy-on-write; with ``spawn`` (macOS,
  Windows) each worker loads its own copy in the pool initializer.
* Memory: the input is read lazily and at most ``max_in_flight`` chunks are queued, so memory is
  bounded whatever the corpus size. Results come back in input order.
* Failures: a chunk whose worker dies (killed, segfault, out of memory) or raises is retried once
  on its own; if it fails again each of its documents becomes an ``E206`` error record and the
  batch goes on.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from eventwire.config import Config
from eventwire.errors import ErrorCode
from eventwire.model import Document, DocumentResult, ErrorRecord
from eventwire.pipeline import InputItem, Pipeline

log = logging.getLogger(__name__)

Chunk = list[Document | ErrorRecord]
ChunkCoder = Callable[[Chunk], list[DocumentResult]]

#: Documents per task. Small enough to balance the load over the workers on short inputs and to
#: keep memory low, large enough that pickling a chunk costs nothing next to coding it.
DEFAULT_CHUNK_SIZE = 8
#: Finished chunks held back for input order, as a multiple of the chunks kept running.
BUFFER_FACTOR = 4

#: Per-worker-process slot filled once by the pool initializer. ProcessPoolExecutor offers no
#: other place to keep state between tasks in a worker; the parent process never writes it.
_WORKER_SLOT: dict[str, Pipeline] = {}


# -- shared with eventwire.distributed ----------------------------------------------------------
def iter_chunks(items: Iterable[InputItem], config: Config, size: int) -> Iterator[Chunk]:
    """Normalise inputs to Documents / ErrorRecords and cut them into chunks of ``size``
    documents, lazily. A warning record (e.g. E108) is never separated from the document it
    precedes, because the pipeline attaches it to that document's result."""
    from eventwire.ingest import WARNING_CODES
    from eventwire.pipeline import as_documents

    chunk: Chunk = []
    documents = 0
    for number, item in enumerate(items, start=1):
        # normalised here, with the position in the whole stream, so that documents without
        # an id get the same "python:N" id as in one process
        for record in as_documents(item, number, config):
            chunk.append(record)
            if isinstance(record, Document):
                documents += 1
            if documents >= size and not (
                    isinstance(record, ErrorRecord) and record.code in WARNING_CODES):
                yield chunk
                chunk, documents = [], 0
    if chunk:
        yield chunk


def failed_results(chunk: Chunk, reason: str) -> list[DocumentResult]:
    """What a chunk that could not be coded yields: an E206 record per document (input errors
    of the chunk are kept as they were), so no document is silently dropped."""
    from eventwire.ingest import WARNING_CODES

    message = (f"worker failed while coding this document's chunk, after one retry: {reason}. "
               "Run it again with --workers 1 to see the underlying error.")
    results: list[DocumentResult] = []
    for record in chunk:
        if isinstance(record, Document):
            error = ErrorRecord(record.id, ErrorCode.WORKER_FAILED.value, message, record.source)
            results.append(DocumentResult(document=None, errors=(error,)))
        elif record.code not in WARNING_CODES:
            results.append(DocumentResult(document=None, errors=(record,)))
    return results


def worker_config(config: Config) -> Config:
    """The config a worker's own Pipeline uses: one process, no nested pools."""
    return replace(config, workers=1)


# -- worker side ---------------------------------------------------------------------------------
def _init_worker(pipeline: Pipeline) -> None:
    """Pool initializer: keep the worker's Pipeline (inherited warm under fork, else loaded)."""
    _WORKER_SLOT["pipeline"] = pipeline.warm_up()


def code_chunk(chunk: Chunk) -> list[DocumentResult]:
    """Code one chunk with this worker's Pipeline (runs in the worker process)."""
    return list(_WORKER_SLOT["pipeline"].code_documents(chunk))


# -- parent side ---------------------------------------------------------------------------------
def prepared_pipeline(config: Config, start_method: str) -> Pipeline:
    """The Pipeline handed to workers. Under ``fork`` it is loaded here so workers share it;
    the gazetteer index is built here in every case (once, not by N workers racing) but its
    SQLite connection is opened by each worker, since a connection must not cross a fork."""
    from eventwire.resolve.gazetteer import Gazetteer

    pipeline = Pipeline(worker_config(config))
    Gazetteer.open(pipeline.config).close()
    if start_method == "fork":
        _ = (pipeline.nlp, pipeline.resources, pipeline.date_resolver)
    return pipeline


def default_start_method() -> str:
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


class _Pool:
    """A ProcessPoolExecutor that can be rebuilt after a worker died (it breaks as a whole)."""

    def __init__(self, workers: int, pipeline: Pipeline, start_method: str) -> None:
        self._workers = workers
        self._pipeline = pipeline
        self._context = multiprocessing.get_context(start_method)
        self._executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self._workers, mp_context=self._context,
                                   initializer=_init_worker, initargs=(self._pipeline,))

    def submit(self, coder: ChunkCoder, chunk: Chunk) -> Future[list[DocumentResult]]:
        return self._executor.submit(coder, chunk)

    def restart(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def code_parallel(items: Iterable[InputItem], config: Config, *, chunk_size: int | None = None,
                  max_in_flight: int | None = None, start_method: str | None = None,
                  coder: ChunkCoder = code_chunk) -> Iterator[DocumentResult]:
    """Code documents with ``config.workers`` processes; one result per document, input order.

    ``chunk_size`` documents go to a worker at a time (default :data:`DEFAULT_CHUNK_SIZE`);
    ``max_in_flight`` chunks (default 2 per worker) are kept running. Finished chunks wait for
    the ones before them (results keep input order), up to ``BUFFER_FACTOR`` times as many, so a
    chunk holding one very long story does not leave the other workers idle. ``coder`` is the
    function run in the worker on each chunk (a seam for tests; defaults to :func:`code_chunk`).
    """
    method = start_method or default_start_method()
    size = chunk_size or DEFAULT_CHUNK_SIZE
    running_limit = max_in_flight or 2 * config.workers
    buffer_limit = BUFFER_FACTOR * running_limit
    chunks = iter_chunks(items, config, size)
    pool = _Pool(config.workers, prepared_pipeline(config, method), method)
    pending: deque[tuple[Chunk, Future[list[DocumentResult]]]] = deque()
    try:
        while True:
            while (len(pending) < buffer_limit
                   and sum(not f.done() for _, f in pending) < running_limit):
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, pool.submit(coder, chunk)))
            if not pending:
                return
            if pending[0][1].done():
                yield from _collect(pool, coder, pending)
            else:
                wait([f for _, f in pending if not f.done()], return_when=FIRST_COMPLETED)
    finally:
        pool.close()


def _collect(pool: _Pool, coder: ChunkCoder,
             pending: deque[tuple[Chunk, Future[list[DocumentResult]]]]) -> Iterator[DocumentResult]:
    """Results of the oldest chunk; after a pool break, every unfinished chunk is retried alone."""
    chunk, future = pending.popleft()
    try:
        yield from future.result()
        return
    except BrokenProcessPool:
        # Every queued future broke with the pool and the culprit is unknown: finished chunks
        # keep their results, the others are retried one by one so only the culprit fails.
        broken = [(chunk, future)] + list(pending)
        pending.clear()
        pool.restart()
        for other_chunk, other in broken:
            if other.done() and not other.cancelled() and other.exception() is None:
                yield from other.result()
            else:
                yield from _retry_alone(pool, coder, other_chunk, "worker process died")
    except Exception as exc:  # noqa: BLE001 - any failure of a chunk is retried, then reported
        yield from _retry_alone(pool, coder, chunk, f"{exc.__class__.__name__}: {exc}")


def _retry_alone(pool: _Pool, coder: ChunkCoder, chunk: Chunk, first: str) -> list[DocumentResult]:
    log.warning("retrying a chunk of %d records after: %s", len(chunk), first)
    try:
        return pool.submit(coder, chunk).result()
    except BrokenProcessPool:
        pool.restart()
        return failed_results(chunk, "worker process died (killed, crashed or out of memory)")
    except Exception as exc:  # noqa: BLE001 - reported as E206 records, never swallowed
        return failed_results(chunk, f"{exc.__class__.__name__}: {exc}")
