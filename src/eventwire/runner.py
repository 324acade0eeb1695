"""Run the pipeline over inputs on one process, several, or a Dask cluster.

Every command that codes documents (``code``, ``ingest``) goes through this module, so the choice
of execution never changes what is coded: all paths call the same
:meth:`eventwire.pipeline.Pipeline.code_documents`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.config import Config
from eventwire.model import DocumentResult

if TYPE_CHECKING:
    from eventwire.pipeline import InputItem
    from eventwire.store.core import Store, WriteSummary


def run_inputs(inputs: Iterable[str], config: Config, *, dask: str | None = None
               ) -> Iterator[DocumentResult]:
    """Read INPUT paths (files, directories, ``-``) and code them; results stream in order."""
    from eventwire.ingest import read_inputs

    return run_documents(read_inputs(inputs, config), config, dask=dask)


def run_documents(items: Iterable[InputItem], config: Config, *, dask: str | None = None
                  ) -> Iterator[DocumentResult]:
    """Code Documents / ErrorRecords / dicts in this process (``workers=1``), a process pool
    (``workers>1``) or on Dask (``dask`` = scheduler address or ``"local"``)."""
    if dask is not None:
        from eventwire.distributed import run_on_dask

        return run_on_dask(items, config, address=dask)
    if config.workers > 1:
        from eventwire.parallel import code_parallel

        return code_parallel(items, config)
    from eventwire.pipeline import Pipeline

    return Pipeline(config).code_documents(items)


def ingest_inputs(inputs: Iterable[str], config: Config, store: Store, *,
                  dask: str | None = None, batch_size: int = 200, dedup: bool = True,
                  partitions_dir: str | Path | None = None) -> WriteSummary:
    """Code INPUT paths into ``store`` (idempotent), then dedup once.

    Without Dask, results stream from :func:`run_inputs` into the store. With Dask, workers
    write Parquet partitions (``partitions_dir``: must be storage every worker and this machine
    share; a temporary directory by default, fine for ``dask="local"``) which are then merged
    through the store's normal idempotent write, and dedup runs after the merge.
    """
    if dask is None:
        return store.write(run_inputs(inputs, config), batch_size=batch_size, dedup=dedup)
    from eventwire.distributed import merge_parquet_partitions, write_parquet_partitions
    from eventwire.ingest import read_inputs

    with tempfile.TemporaryDirectory(prefix="eventwire-partitions-") as scratch:
        out_dir = Path(partitions_dir) if partitions_dir is not None else Path(scratch)
        write_parquet_partitions(read_inputs(inputs, config), config, dask, out_dir)
        return merge_parquet_partitions(store, out_dir, batch_size=batch_size, dedup=dedup)
