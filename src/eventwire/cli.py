"""Command line: thin layer over the library (parse args, call it, show progress)."""

from __future__ import annotations

import click

from eventwire.commands import register_all


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: raw news in, PLOVER-coded political events out."""


register_all(main)
