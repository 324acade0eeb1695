"""Run the pipeline over inputs on one process, several, or a Dask cluster.

Every command that codes documents (``code``, ``ingest``) goes through :func:`run_inputs`, so the
choice of execution never changes what is coded: all paths call the same
:meth:`eventwire.pipeline.Pipeline.code_documents`.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from eventwire.config import Config
from eventwire.model import DocumentResult


def run_inputs(inputs: Iterable[str], config: Config, *, dask: str | None = None
               ) -> Iterator[DocumentResult]:
    """Read INPUT paths (files, directories, ``-``) and code them; results stream in order."""
    from eventwire.ingest import read_inputs

    return run_documents(read_inputs(inputs, config), config, dask=dask)


def run_documents(items: Iterable, config: Config, *, dask: str | None = None
                  ) -> Iterator[DocumentResult]:
    """Code Documents / ErrorRecords / dicts with ``config.workers`` processes or Dask."""
    from eventwire.pipeline import Pipeline

    if dask is not None:
        from eventwire.distributed import run_on_dask

        return run_on_dask(items, config, address=dask)
    return Pipeline(config).code_documents(items)
