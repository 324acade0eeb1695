"""A progress bar on stderr that shows documents/s and events, shared by `code` and `ingest`."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from eventwire.model import DocumentResult


class _Bar:
    def __init__(self, progress: object | None) -> None:
        self._progress = progress
        self._task = None
        self._started = time.monotonic()
        self.documents = 0
        self.events = 0
        if progress is not None:
            self._task = progress.add_task("coding", total=None, events=0, rate=0.0)  # type: ignore[attr-defined]

    def advance(self, result: DocumentResult) -> None:
        self.documents += 1
        self.events += len(result.events)
        if self._progress is not None:
            rate = self.documents / max(time.monotonic() - self._started, 1e-6)
            self._progress.update(self._task, advance=1, events=self.events, rate=rate)  # type: ignore[attr-defined]


@contextmanager
def progress_bar(enabled: bool = True) -> Iterator[_Bar]:
    """Yields an object with ``advance(result)``; draws only when stderr is a terminal."""
    import sys

    if not enabled or not sys.stderr.isatty():
        yield _Bar(None)
        return
    from rich.console import Console
    from rich.progress import (
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(),
               TextColumn("docs · {task.fields[events]} events · {task.fields[rate]:.1f} docs/s"),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        yield _Bar(progress)
