"""`eventwire gazetteer`: build the offline place index ahead of time, look names up in it."""

from __future__ import annotations

import json
import time

import click

_CONFIG_OPTION = click.option(
    "--config", "config_path", default=None, type=click.Path(dir_okay=False, exists=True),
    help="TOML config file (its cache_dir says where the index lives).")
_CACHE_OPTION = click.option(
    "--cache-dir", default=None, type=click.Path(file_okay=False),
    help="Directory for the index (default: config cache_dir, else the user cache dir).")


def _open(config_path: str | None, cache_dir: str | None, rebuild: bool = False):
    from eventwire.config import Config
    from eventwire.errors import EventwireError
    from eventwire.resolve.gazetteer import Gazetteer

    try:
        return Gazetteer.open(Config.load(config_path, cache_dir=cache_dir), rebuild=rebuild)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group("gazetteer")
def gazetteer() -> None:
    """Offline gazetteer (GeoNames + ISO 3166) used to place events."""


@gazetteer.command("build")
@click.option("--force", is_flag=True, help="Rebuild even when the cached index is current.")
@_CONFIG_OPTION
@_CACHE_OPTION
def build_command(force: bool, config_path: str | None, cache_dir: str | None) -> None:
    """Build the index now (e.g. in a container image) instead of on first use."""
    started = time.perf_counter()
    index = _open(config_path, cache_dir, rebuild=force)
    click.echo(f"{index.path} ({time.perf_counter() - started:.1f} s)")


@gazetteer.command("lookup")
@click.argument("names", nargs=-1, required=True)
@click.option("--limit", default=5, show_default=True, help="Candidates shown per name.")
@_CONFIG_OPTION
@_CACHE_OPTION
def lookup_command(names: tuple[str, ...], limit: int, config_path: str | None,
                   cache_dir: str | None) -> None:
    """Print the candidates of each NAME (most populous first), one JSON object per line."""
    from dataclasses import asdict

    index = _open(config_path, cache_dir)
    for name in names:
        found = [asdict(entry) for entry in index.candidates(name)[:limit]]
        click.echo(json.dumps({"name": name, "candidates": found}, ensure_ascii=False))


def register(group: click.Group) -> None:
    group.add_command(gazetteer)
