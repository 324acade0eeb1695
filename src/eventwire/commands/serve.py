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
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["debug", "info", "warning", "error"]),
              help="Server log level; below info there is no access log.")
def serve(db_path: str, host: str, port: int, config_path: str | None, writable: bool,
          log_level: str) -> None:
    """Serve the JSON API (/api, docs at /docs) and the dashboard (/) for a store."""
    import uvicorn

    from eventwire.api import create_app
    from eventwire.config import Config
    from eventwire.errors import EventwireError

    if not Path(db_path).exists():
        raise click.UsageError(f"no store at {db_path}; create one with `eventwire code ... "
                               "--db PATH` first")
    try:
        app = create_app(db_path, read_only=not writable, config=Config.load(config_path))
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"eventwire: dashboard at http://{host}:{port}/  API docs at "
               f"http://{host}:{port}/docs", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level,
                access_log=log_level in ("debug", "info"))


def register(group: click.Group) -> None:
    group.add_command(serve)
