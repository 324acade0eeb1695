"""``eventwire serve``: the HTTP API and the offline dashboard over a store."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("serve")
@click.option("--db", "db_path", default="eventwire.duckdb", show_default=True,
              type=click.Path(dir_okay=False), help="DuckDB store to serve.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; the default keeps it on this machine.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False),
              help="TOML config (limits for POST /api/code, model for coding).")
@click.option("--writable", is_flag=True, default=False,
              help="Open the store read-write (default: read-only).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (read-only store only); one per core serves more "
                   "concurrent clients.")
@click.option("--cache-mb", default=256, show_default=True, type=click.IntRange(0, 1_000_000),
              help="Memory for repeated API responses per process (read-only store; 0 = off).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["debug", "info", "warning", "error"]),
              help="Server log level; below info there is no access log.")
def serve(db_path: str, host: str, port: int, config_path: str | None, writable: bool,
          workers: int, cache_mb: int, log_level: str) -> None:
    """Serve the JSON API (/api, docs at /docs) and the dashboard (/) for a store."""
    import os

    import uvicorn

    from eventwire.api import create_app
    from eventwire.api.app import SERVE_ENV
    from eventwire.config import Config
    from eventwire.errors import EventwireError

    if not Path(db_path).exists():
        raise click.UsageError(f"no store at {db_path}; create one with `eventwire code ... "
                               "--db PATH` first")
    if writable and workers > 1:
        raise click.UsageError("--writable allows one worker: DuckDB lets only one process "
                               "open a store read-write")
    try:
        # Built here even with --workers, so a bad store or config fails before forking.
        app = create_app(db_path, read_only=not writable, config=Config.load(config_path),
                         cache_bytes=cache_mb * 2**20)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"eventwire: dashboard at http://{host}:{port}/  API docs at "
               f"http://{host}:{port}/docs", err=True)
    options = {"host": host, "port": port, "log_level": log_level,
               "access_log": log_level in ("debug", "info")}
    if workers == 1:
        uvicorn.run(app, **options)
        return
    app.state.store.close()  # the workers open their own read-only connections
    os.environ.update(zip(SERVE_ENV, (str(Path(db_path).resolve()), config_path or "",
                                      str(cache_mb))))
    uvicorn.run("eventwire.api.app:app_from_env", factory=True, workers=workers, **options)


def register(group: click.Group) -> None:
    group.add_command(serve)
