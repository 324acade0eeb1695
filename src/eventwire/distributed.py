"""Dask: partitions of documents → the same Pipeline on every worker → results or Parquet.

There is no separate code path for the logic: each Dask worker process holds one
:class:`~eventwire.pipeline.Pipeline` (loaded once, by a worker plugin, when the worker joins)
and runs :meth:`Pipeline.code_documents` on a partition, exactly like ``--workers 1`` does.

* :func:`run_on_dask` streams :class:`DocumentResult` back to the caller in input order (what
  ``eventwire code --dask`` writes as JSONL).
* :func:`write_parquet_partitions` has each worker write its partition as a small Parquet
  directory (the store's own table layout) so results never funnel through the driver;
  :func:`merge_parquet_partitions` then loads them into the store through its normal idempotent
  write, with dedup once at the end (what ``eventwire ingest --dask`` does).

Partitions are submitted lazily with a bounded number in flight, so the driver never holds the
corpus. A failed partition is retried (``retries=1``; a worker that dies mid-task is also
rescheduled by Dask) and, if it still fails, its documents are reported as ``E206`` records.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import shutil
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from distributed import Client, LocalCluster, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from eventwire.config import Config
from eventwire.errors import StoreError
from eventwire.model import DocumentResult
from eventwire.parallel import Chunk, failed_results, iter_chunks, worker_config
from eventwire.pipeline import InputItem, Pipeline

if TYPE_CHECKING:
    from distributed import Future

    from eventwire.store.core import Store, WriteSummary

log = logging.getLogger(__name__)

PartitionCoder = Callable[[Chunk, str], list[DocumentResult]]
PARTITION_PREFIX = "part-"


class PipelinePlugin(WorkerPlugin):
    """Loads one Pipeline per Dask worker at start-up and keeps it for every task.

    A lock serialises coding when a worker runs several threads: the pipeline (and the SQLite
    gazetteer connection) is not meant to be shared by concurrent threads, and CPU-bound Python
    gains nothing from threads anyway. Start workers with ``--nthreads 1``.
    """

    idempotent = True

    def __init__(self, config: Config) -> None:
        self.config = worker_config(config)
        self.name = plugin_name(self.config)
        self.pipeline: Pipeline | None = None
        self.lock: threading.Lock | None = None

    def setup(self, worker: Any) -> None:
        self.lock = threading.Lock()
        self.pipeline = Pipeline(self.config).warm_up()

    def code(self, chunk: Chunk) -> list[DocumentResult]:
        if self.pipeline is None or self.lock is None:
            raise RuntimeError("eventwire pipeline plugin was not set up on this worker")
        with self.lock:
            return list(self.pipeline.code_documents(chunk))


def plugin_name(config: Config) -> str:
    """One plugin per configuration, so runs with different settings never share a model; the
    number of workers and the batch size do not change what is coded, so they are left out
    (a second run with other values reuses the loaded pipelines)."""
    settings = {k: v for k, v in asdict(config).items() if k not in {"workers", "batch_size"}}
    digest = hashlib.blake2b(json.dumps(settings, sort_keys=True, default=str).encode(),
                             digest_size=6).hexdigest()
    return f"eventwire-pipeline-{digest}"


def code_partition(chunk: Chunk, name: str) -> list[DocumentResult]:
    """Runs on a Dask worker: code a partition with the worker's Pipeline."""
    return get_worker().plugins[name].code(chunk)


@contextmanager
def connect(address: str, config: Config) -> Iterator[Client]:
    """A client for ``address``; ``"local"`` starts a LocalCluster of ``config.workers``
    single-threaded worker processes for the duration."""
    if address == "local":
        with LocalCluster(n_workers=config.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            yield client
    else:
        with Client(address) as client:
            yield client


def _prepare(client: Client, config: Config) -> str:
    plugin = PipelinePlugin(config)
    client.register_plugin(plugin, name=plugin.name)
    return plugin.name


def _in_flight(client: Client, max_in_flight: int | None) -> int:
    return max_in_flight or 2 * max(1, sum(client.nthreads().values()))


def _submit_all(client: Client, chunks: Iterable[Chunk], limit: int,
                task: Callable[[int, Chunk], Future]) -> Iterator[tuple[int, Chunk, Any, str | None]]:
    """Submit partitions lazily, ``limit`` at a time; yield (index, chunk, value, failure)."""
    pending: deque[tuple[int, Chunk, Future]] = deque()

    def oldest() -> tuple[int, Chunk, Any, str | None]:
        index, chunk, future = pending.popleft()
        try:
            return index, chunk, future.result(), None
        except Exception as exc:  # noqa: BLE001 - the partition is reported as E206, not dropped
            log.warning("partition %d failed after retries: %r", index, exc)
            return index, chunk, None, f"{exc.__class__.__name__}: {exc}"
        finally:
            future.release()

    for index, chunk in enumerate(chunks):
        pending.append((index, chunk, task(index, chunk)))
        while len(pending) >= limit:
            yield oldest()
    while pending:
        yield oldest()


def run_on_dask(items: Iterable[InputItem], config: Config, address: str, *,
                partition_size: int | None = None, max_in_flight: int | None = None,
                coder: PartitionCoder = code_partition) -> Iterator[DocumentResult]:
    """Code documents on a Dask cluster; one result per document, in input order.

    ``coder`` is the function each task runs (a seam for tests; defaults to
    :func:`code_partition`).
    """
    run = uuid.uuid4().hex[:8]
    with connect(address, config) as client:
        name = _prepare(client, config)
        chunks = iter_chunks(items, config, partition_size or config.batch_size)

        def task(index: int, chunk: Chunk) -> Future:
            return client.submit(coder, chunk, name, key=f"eventwire-code-{run}-{index}",
                                 retries=1, pure=False)

        for _index, chunk, results, failure in _submit_all(
                client, chunks, _in_flight(client, max_in_flight), task):
            yield from failed_results(chunk, failure) if failure else results


# -- Parquet partitions ----------------------------------------------------------------------
@dataclass(frozen=True)
class PartitionSummary:
    """What :func:`write_parquet_partitions` wrote."""

    partitions: int = 0
    documents: int = 0
    events: int = 0
    errors: int = 0
    failed_partitions: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def write_partition(results: Iterable[DocumentResult], directory: Path) -> dict[str, int]:
    """Write results as ``documents/events/quotes/errors.parquet`` in ``directory``, the layout
    :func:`eventwire.store.parquet.read_results` reads. Written to a sibling temporary directory
    and renamed, so a retried task never leaves half a partition behind."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from eventwire.store.rows import documents_table, errors_table, events_table, quotes_table

    results = list(results)
    events = [e for r in results for e in r.events]
    events_flat = events_table(events)
    if "record" not in events_flat.column_names:
        # the store builds the contract JSON at read time; its Parquet layout (what
        # ``export --format parquet`` writes and ``read_results`` reads) carries it as a column
        events_flat = events_flat.append_column(
            "record", pa.array([json.dumps(e.to_dict(), ensure_ascii=False) for e in events],
                               pa.string()))
    tables = {
        "documents": documents_table(r.document for r in results if r.document is not None),
        "events": events_flat,
        "quotes": quotes_table(q for r in results for q in r.quotes),
        "errors": errors_table(e for r in results for e in r.errors),
    }
    tmp = directory.with_name(f".{directory.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.mkdir(parents=True)
    for name, table in tables.items():
        pq.write_table(table, tmp / f"{name}.parquet")
    if directory.exists():
        shutil.rmtree(directory)
    tmp.rename(directory)
    return {"documents": tables["documents"].num_rows, "events": tables["events"].num_rows,
            "errors": tables["errors"].num_rows}


def _partition_path(out_dir: Path, index: int) -> Path:
    return out_dir / f"{PARTITION_PREFIX}{index:06d}"


def code_and_write_partition(chunk: Chunk, name: str, out_dir: str, index: int,
                             coder: PartitionCoder = code_partition) -> dict[str, int]:
    """Runs on a Dask worker: code a partition and write it under ``out_dir``."""
    return write_partition(coder(chunk, name), _partition_path(Path(out_dir), index))


def write_parquet_partitions(items: Iterable[InputItem], config: Config, address: str,
                             out_dir: str | Path, *, partition_size: int | None = None,
                             max_in_flight: int | None = None,
                             coder: PartitionCoder = code_partition) -> PartitionSummary:
    """Code documents on Dask; every partition becomes ``out_dir/part-NNNNNN/*.parquet``.

    ``out_dir`` must be empty or absent, and visible to the workers *and* this machine (the
    same path on a shared file system) for a remote cluster. A partition that fails after its
    retry is written here as E206 error records instead.
    """
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()):
        raise StoreError(f"{out} is not empty; give a new directory for the partitions")
    out.mkdir(parents=True, exist_ok=True)
    run = uuid.uuid4().hex[:8]
    totals = {"partitions": 0, "documents": 0, "events": 0, "errors": 0, "failed_partitions": 0}
    with connect(address, config) as client:
        name = _prepare(client, config)
        chunks = iter_chunks(items, config, partition_size or config.batch_size)

        def task(index: int, chunk: Chunk) -> Future:
            return client.submit(code_and_write_partition, chunk, name, str(out), index, coder,
                                 key=f"eventwire-parquet-{run}-{index}", retries=1, pure=False)

        for index, chunk, counts, failure in _submit_all(
                client, chunks, _in_flight(client, max_in_flight), task):
            if failure:
                counts = write_partition(failed_results(chunk, failure),
                                         _partition_path(out, index))
                totals["failed_partitions"] += 1
            elif not _partition_path(out, index).is_dir():
                raise StoreError(
                    f"a worker wrote {_partition_path(out, index)} but it is not visible on "
                    "this machine: put the partitions on storage shared by the workers and "
                    "this machine (e.g. --partitions-dir on NFS)")
            totals["partitions"] += 1
            for key in ("documents", "events", "errors"):
                totals[key] += counts[key]
    return PartitionSummary(**totals)


def partition_dirs(out_dir: str | Path) -> list[Path]:
    """Finished partitions under ``out_dir``, in order (temporary ones are skipped)."""
    return sorted(p for p in Path(out_dir).glob(f"{PARTITION_PREFIX}*") if p.is_dir())


def merge_parquet_partitions(store: Store, out_dir: str | Path, *, batch_size: int = 500,
                             dedup: bool = True) -> WriteSummary:
    """Load every partition into the store through ``Store.write`` (idempotent: unchanged
    documents are skipped), then run dedup once over everything merged."""
    from eventwire.store.parquet import read_results

    results = itertools.chain.from_iterable(read_results(p) for p in partition_dirs(out_dir))
    return store.write(results, batch_size=batch_size, dedup=dedup)
