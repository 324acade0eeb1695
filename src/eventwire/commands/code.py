"""`eventwire code`: documents in, events.jsonl / quotes.jsonl / errors.jsonl out."""

from __future__ import annotations

import json
import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

import click

from eventwire.errors import EventwireError


def _dump(record: dict[str, Any], stream: IO[str]) -> None:
    stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def _explain(event: dict[str, Any]) -> str:
    actor = (event.get("actor") or {}).get("name") or (event.get("actor") or {}).get("text")
    recipient = (event.get("recipient") or {}).get("name") or (
        event.get("recipient") or {}).get("text")
    trig = event.get("trigger") or {}
    return (f"{event['event_type']:<10} {actor or '-'} -> {recipient or '-'}  "
            f"[{trig.get('text')!r} via {event['rule']}, conf {event['confidence']:.2f}, "
            f"{event['modality']}]\n    {event['evidence']['sentence']}")


@click.command("code")
@click.argument("inputs", nargs=-1)
@click.option("--sample", is_flag=True, help="Code the synthetic sample story bundled with "
              "eventwire (a quick check that the install works).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Directory for events.jsonl, quotes.jsonl and errors.jsonl "
                   "(default: events as JSONL on stdout).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              default=None, help="TOML config file ([eventwire] table).")
@click.option("--model", default=None, help="spaCy model name or path.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Processes to use (default: all cores).")
@click.option("--dask", "dask_address", default=None,
              help="Dask scheduler address, or 'local' to start a LocalCluster.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Drop events below this confidence.")
@click.option("--explain", is_flag=True, help="Print each event with the rule that made it "
              "(to stderr).")
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
def code(inputs: tuple[str, ...], sample: bool, out_dir: str | None, config_path: str | None,
         model: str | None, workers: int | None, dask_address: str | None,
         min_confidence: float | None, explain: bool, no_progress: bool) -> None:
    """Code INPUT files, directories or - (stdin) into PLOVER events.

    Formats: .txt, .html, .jsonl, .json, .csv, .warc(.gz). Exit status is non-zero only when
    nothing could be processed or the arguments are wrong.
    """
    from eventwire.config import Config
    from eventwire.progress import progress_bar
    from eventwire.runner import run_inputs

    if sample:
        inputs = (*inputs, str(sample_story_path()))
    if not inputs:
        raise click.UsageError("give at least one INPUT (file, directory or -), or --sample")

    try:
        config = Config.load(config_path, model=model, min_confidence=min_confidence,
                             workers=workers or os.cpu_count() or 1)
    except EventwireError as exc:
        raise click.UsageError(str(exc)) from exc
    counts = {"documents": 0, "errored": 0, "events": 0, "quotes": 0, "errors": 0}
    with ExitStack() as stack:
        if out_dir:
            Path(out_dir).mkdir(parents=True, exist_ok=True)
            files = {name: stack.enter_context(
                open(Path(out_dir) / f"{name}.jsonl", "w", encoding="utf-8"))
                for name in ("events", "quotes", "errors")}
        else:
            files = {"events": sys.stdout, "quotes": None, "errors": None}
        bar = stack.enter_context(progress_bar(enabled=not no_progress))
        try:
            for result in run_inputs(inputs, config, dask=dask_address):
                counts["documents" if result.document is not None else "errored"] += 1
                for event in result.events:
                    record = event.to_dict()
                    _dump(record, files["events"])
                    if explain:
                        click.echo(_explain(record), err=True)
                counts["events"] += len(result.events)
                counts["quotes"] += len(result.quotes)
                if files["quotes"] is not None:
                    for quote in result.quotes:
                        _dump(quote.to_dict(), files["quotes"])
                for error in result.errors:
                    counts["errors"] += 1
                    if files["errors"] is not None:
                        _dump(error.to_dict(), files["errors"])
                    else:
                        click.echo(f"error {error.code} {error.document_id}: {error.message}",
                                   err=True)
                bar.advance(result)
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(counts), err=True)
    if counts["documents"] == 0:
        raise click.ClickException("no document could be processed (see the errors above)")


def sample_story_path() -> Path:
    """The synthetic story shipped in the package (written for eventwire, not a real report)."""
    from importlib import resources

    return Path(str(resources.files("eventwire.data").joinpath("samples/sample-story.txt")))


def register(group: click.Group) -> None:
    group.add_command(code)
