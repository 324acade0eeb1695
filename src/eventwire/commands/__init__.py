"""CLI commands beyond ``code``, one module per area, each exposing ``register(group)``.

Keeping them apart keeps ``cli.py`` thin and lets each area own its commands.
"""

from __future__ import annotations

import importlib

import click

#: Modules whose ``register(group)`` adds commands to the ``eventwire`` group.
COMMAND_MODULES: tuple[str, ...] = (
    "eventwire.commands.code",
    "eventwire.commands.actors",
    "eventwire.commands.serve",
    "eventwire.commands.store",
    "eventwire.commands.places",
    "eventwire.commands.eval",
)


def register_all(group: click.Group) -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(group)
