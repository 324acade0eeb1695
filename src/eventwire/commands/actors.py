"""`eventwire dictionary`: look phrases up in the actor dictionaries, check user YAML files.

(`eventwire actors` lists actors in the store; this group is about the dictionaries.)"""

from __future__ import annotations

import json

import click


def _load(dictionaries: tuple[str, ...]):
    from eventwire.errors import DictionaryError
    from eventwire.resolve.actors import ActorDictionary

    try:
        return ActorDictionary.load(dictionaries)
    except DictionaryError as exc:
        raise click.ClickException(str(exc)) from exc


_DICTIONARY_OPTION = click.option(
    "--dictionary", "-d", "dictionaries", multiple=True, type=click.Path(dir_okay=False),
    help="Extra actor YAML file, loaded after the shipped ones (repeatable).")


@click.group("dictionary")
def dictionary() -> None:
    """Actor dictionaries: resolve phrases, validate your own YAML files."""


@dictionary.command("resolve")
@click.argument("phrases", nargs=-1, required=True)
@click.option("--date", "on_date", default=None,
              help="Event date (YYYY, YYYY-MM or YYYY-MM-DD): renames and affiliations as of it.")
@click.option("--label", "ent_label", default=None,
              help="spaCy entity label of the phrase (PERSON stops bare-country matches).")
@_DICTIONARY_OPTION
def resolve_command(phrases: tuple[str, ...], on_date: str | None, ent_label: str | None,
                    dictionaries: tuple[str, ...]) -> None:
    """Print the actor each PHRASE resolves to, one JSON object per line."""
    table = _load(dictionaries)
    for phrase in phrases:
        click.echo(json.dumps(table.resolve(phrase, ent_label=ent_label, on_date=on_date)
                              .to_dict(), ensure_ascii=False))


@dictionary.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
def check_command(paths: tuple[str, ...]) -> None:
    """Validate actor YAML files together with the shipped ones; exit 1 on the first error."""
    table = _load(paths)
    for key, lost, won in table.collisions:
        click.echo(f"warning: alias {key!r} of {lost} is now {won}", err=True)
    click.echo(f"ok: {len(table.entries)} actors, {len(table.sectors)} sectors")


def register(group: click.Group) -> None:
    group.add_command(dictionary)
