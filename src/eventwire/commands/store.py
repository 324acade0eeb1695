"""Store commands: ingest, events, event, actors, quotes, stats, export, dedup, import.

Thin over ``eventwire.store`` and ``eventwire.export``: parse options, call one library
function, print (rich tables for people, JSONL/CSV/GeoJSON for pipes).
"""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

import click

from eventwire.errors import EventwireError, QueryError

DB_OPTION = click.option("--db", "db_path", default="eventwire.duckdb", show_default=True,
                         type=click.Path(dir_okay=False), help="DuckDB store file.")
LIMIT_OPTION = click.option("--limit", default=20, show_default=True, type=int,
                            help="Rows to show (max 10000).")
OFFSET_OPTION = click.option("--offset", default=0, show_default=True, type=int,
                             help="Rows to skip (paging).")

EVENT_TABLE_COLUMNS = ("date", "event_type", "actor_name", "recipient_name", "location_name",
                       "location_country", "n_sources", "sentence")


def _friendly_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into click errors: bad filters are usage errors (exit 2)."""
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except QueryError as exc:
            raise click.UsageError(str(exc)) from exc
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from exc
    return wrapper


def _open(db_path: str, read_only: bool = True) -> Any:
    from eventwire.store import open_store

    return open_store(db_path, read_only=read_only)


def _rich_table(rows: list[dict[str, Any]], columns: Iterable[str], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    columns = list(columns)
    for name in columns:
        table.add_column(name, overflow="fold", max_width=60 if name == "sentence" else 30)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    Console().print(table)


def _write_rows(rows: list[dict[str, Any]], fmt: str, columns: Iterable[str], title: str,
                records: list[dict[str, Any]] | None = None) -> None:
    columns = list(columns)
    if fmt == "table":
        _rich_table(rows, columns, title)
    elif fmt == "jsonl":
        for row in records if records is not None else rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        flat = [c for c in rows[0] if c != "record"] if rows else columns
        writer = csv.DictWriter(sys.stdout, fieldnames=flat, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ";".join(v) if isinstance(v, list) else v
                             for k, v in row.items()})
    else:
        raise QueryError(f"unknown format {fmt!r}")


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False),
              help="TOML config file.")
@click.option("--batch-size", default=200, show_default=True, type=click.IntRange(1),
              help="Documents per store transaction.")
@click.option("--workers", default=None, type=click.IntRange(1),
              help="Processes to use (default: all cores).")
@click.option("--dask", "dask_address", default=None,
              help="Dask scheduler address, or 'local' to start a LocalCluster: workers write "
                   "Parquet partitions that are merged into the store.")
@click.option("--partitions-dir", default=None, type=click.Path(file_okay=False),
              help="Where Dask workers write partitions (shared storage for a remote "
                   "cluster; default: a temporary directory).")
@click.option("--no-dedup", is_flag=True, help="Skip cross-story dedup (run `eventwire dedup`).")
@_friendly_errors
def ingest(inputs: tuple[str, ...], db_path: str, config_path: str | None, batch_size: int,
           workers: int | None, dask_address: str | None, partitions_dir: str | None,
           no_dedup: bool) -> None:
    """Code INPUT files/directories (or - for stdin) and write everything to the store.

    Idempotent: unchanged documents are skipped, changed ones replace their own events.
    """
    import os

    from eventwire.config import Config
    from eventwire.runner import ingest_inputs

    config = Config.load(config_path, workers=workers or os.cpu_count() or 1)
    with _open(db_path, read_only=False) as store:
        summary = ingest_inputs(inputs, config, store, dask=dask_address, batch_size=batch_size,
                                dedup=not no_dedup, partitions_dir=partitions_dir)
    click.echo(json.dumps(summary.to_dict()), err=True)


def _event_filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--type", "type_", default=None, help="PLOVER type(s), comma-separated."),
        click.option("--actor", default=None, help="Actor id, canonical name or text."),
        click.option("--recipient", default=None, help="Recipient id, name or text."),
        click.option("--country", default=None, help="Event country (SYR, SY or Syria)."),
        click.option("--since", default=None, help="Earliest date YYYY[-MM[-DD]]."),
        click.option("--until", default=None, help="Latest date YYYY[-MM[-DD]]."),
        click.option("--near", default=None, help="LAT,LON,KM around a point."),
        click.option("--q", default=None, help="Text in the evidence sentence."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filters(**kw: Any) -> dict[str, Any]:
    kw["type"] = kw.pop("type_")
    return kw


@click.command("events")
@DB_OPTION
@_event_filter_options
@LIMIT_OPTION
@OFFSET_OPTION
@click.option("--per-story", is_flag=True, help="Per-story reports instead of merged events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "geojson"]),
              default="table", show_default=True)
@_friendly_errors
def events(db_path: str, limit: int, offset: int, per_story: bool, fmt: str,
           **filter_kw: Any) -> None:
    """List events (newest first) matching the filters."""
    filters = _filters(**filter_kw)
    with _open(db_path) as store:
        table = store.events(**filters, limit=limit, offset=offset, canonical=not per_story)
        total = store.count_events(**filters, canonical=not per_story)
    rows = table.to_pylist()
    records = [json.loads(r["record"]) for r in rows]
    if fmt == "geojson":
        from eventwire.export import geojson_feature
        from eventwire.model import Event

        features = [f for f in (geojson_feature(Event.from_dict(r)) for r in records) if f]
        click.echo(json.dumps({"type": "FeatureCollection", "features": features},
                              ensure_ascii=False))
        return
    _write_rows(rows, fmt, EVENT_TABLE_COLUMNS,
                f"events {offset + 1}-{offset + len(rows)} of {total}", records)


@click.command("event")
@click.argument("event_id")
@DB_OPTION
@_friendly_errors
def event(event_id: str, db_path: str) -> None:
    """Show one event as JSON: sources, every evidence span, member reports, quotes."""
    with _open(db_path) as store:
        found = store.event(event_id)
    if found is None:
        raise click.ClickException(f"no event with id {event_id!r}")
    click.echo(json.dumps(found, ensure_ascii=False, indent=2, default=str))


@click.command("actors")
@DB_OPTION
@click.option("--q", default=None, help="Id, name or text contains.")
@click.option("--country", default=None, help="Actor country.")
@click.option("--sector", default=None, help="government, military, rebels, …")
@LIMIT_OPTION
@OFFSET_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]),
              default="table", show_default=True)
@_friendly_errors
def actors(db_path: str, q: str | None, country: str | None, sector: str | None, limit: int,
           offset: int, fmt: str) -> None:
    """Distinct actors seen, most active first."""
    with _open(db_path) as store:
        rows = store.actors(q=q, country=country, sector=sector, limit=limit,
                            offset=offset).to_pylist()
    _write_rows(rows, fmt, ("key", "name", "country", "sector", "n_as_actor",
                            "n_as_recipient", "first_date", "last_date"), "actors")


@click.command("quotes")
@DB_OPTION
@click.option("--speaker", default=None, help="Speaker name contains (or speaker actor id).")
@click.option("--event", "event_id", default=None, help="Quotes tied to this event id.")
@click.option("--document", "document_id", default=None, help="Quotes from this document.")
@click.option("--q", default=None, help="Quote text contains.")
@LIMIT_OPTION
@OFFSET_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]),
              default="table", show_default=True)
@_friendly_errors
def quotes(db_path: str, speaker: str | None, event_id: str | None, document_id: str | None,
           q: str | None, limit: int, offset: int, fmt: str) -> None:
    """Direct quotations and who said them."""
    with _open(db_path) as store:
        rows = store.quotes(speaker=speaker, event_id=event_id, document_id=document_id, q=q,
                            limit=limit, offset=offset).to_pylist()
    _write_rows(rows, fmt, ("speaker", "role", "organisation", "text", "document_id"),
                "quotes")


@click.command("stats")
@DB_OPTION
@_event_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@_friendly_errors
def stats(db_path: str, fmt: str, **filter_kw: Any) -> None:
    """Totals and counts by type, country and month."""
    with _open(db_path) as store:
        result = store.stats(**_filters(**filter_kw))
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
        return
    totals = [{"what": k, "count": v} for k, v in result.items() if isinstance(v, int)]
    _rich_table(totals, ("what", "count"), "totals")
    for key in ("by_type", "by_country", "by_month"):
        rows = [{"value": k, "events": v} for k, v in result[key].items()]
        _rich_table(rows, ("value", "events"), f"canonical events {key.replace('_', ' ')}")


@click.command("export")
@DB_OPTION
@click.option("--format", "fmt", required=True,
              type=click.Choice(["plover-jsonl", "cameo-tsv", "acled-csv", "geojson",
                                 "parquet"]))
@click.option("--out", default=None, type=click.Path(),
              help="Output file (a directory for parquet); stdout when omitted.")
@_event_filter_options
@_friendly_errors
def export_cmd(db_path: str, fmt: str, out: str | None, **filter_kw: Any) -> None:
    """Export canonical events (PLOVER JSONL, CAMEO TSV, ACLED CSV, GeoJSON) or Parquet tables."""
    from eventwire.export import export

    filters = {k: v for k, v in _filters(**filter_kw).items() if v is not None}
    if fmt == "parquet" and out is None:
        raise click.UsageError("--format parquet needs --out DIRECTORY")
    if fmt == "parquet" and filters:
        raise click.UsageError("parquet exports whole tables; filters do not apply")
    with _open(db_path) as store:
        result = export(store, fmt, out if out is not None else sys.stdout, **filters)
    click.echo(f"exported {json.dumps(result)} ({fmt})", err=True)


@click.command("dedup")
@DB_OPTION
@click.option("--full", is_flag=True, help="Recompute every event type, not just pending ones.")
@click.option("--radius-km", default=25.0, show_default=True, type=click.FloatRange(0),
              help="Max distance between two reports' towns.")
@click.option("--days", default=1, show_default=True, type=click.IntRange(0),
              help="Slack in days around each report's date.")
@_friendly_errors
def dedup(db_path: str, full: bool, radius_km: float, days: int) -> None:
    """Merge reports of the same event across stories (deterministic, reversible)."""
    from eventwire.dedup import DedupParams

    with _open(db_path, read_only=False) as store:
        merged = store.dedup(params=DedupParams(radius_km=radius_km, day_tolerance=days),
                             full=full)
    click.echo(f"{merged} merged events in the processed types", err=True)


@click.command("optimize")
@DB_OPTION
@_friendly_errors
def optimize(db_path: str) -> None:
    """Re-sort events by date for faster page queries (after big out-of-order loads)."""
    with _open(db_path, read_only=False) as store:
        store.optimize()


@click.command("import")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@DB_OPTION
@_friendly_errors
def import_cmd(directory: str, db_path: str) -> None:
    """Load a Parquet directory written by `export --format parquet` (idempotent)."""
    with _open(db_path, read_only=False) as store:
        summary = store.import_parquet(directory)
    click.echo(json.dumps(summary.to_dict()), err=True)


def register(group: click.Group) -> None:
    for command in (ingest, events, event, actors, quotes, stats, export_cmd, dedup,
                    optimize, import_cmd):
        group.add_command(command)
