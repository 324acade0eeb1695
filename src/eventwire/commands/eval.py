"""`eventwire eval`: score the pipeline (or the trained typer alone) against a gold set."""

from __future__ import annotations

import json
from typing import Any

import click

from eventwire.eval import GOLD_SETS


def _render(report: dict[str, Any], show_matrix: bool) -> None:
    """Terminal tables: headline, per-class scores, top confusions, worst errors."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    headline = Table(title=f"{report['set']}: {report['description']} ({report['items']} items)")
    headline.add_column("metric")
    headline.add_column("value", justify="right")
    for key in ("accuracy", "macro_f1", "weighted_f1", "actor_match", "recipient_match",
                "actor_missing_rate", "recipient_missing_rate", "no_event_rate",
                "negatives_with_events",
                "plover_coarse_match", "non_political_event_rate", "non_political_acled_event_rate",
                "detection_rate", "false_positive_rate"):
        if report.get(key) is not None:
            headline.add_row(key, f"{report[key]:.3f}")
    for label, rate in (report.get("unseen_event_rate") or {}).items():
        headline.add_row(f"events emitted on {label}", "-" if rate is None else f"{rate:.3f}")
    console.print(headline)
    if report.get("per_class"):
        table = Table(title="per class")
        for column in ("class", "precision", "recall", "f1", "support", "predicted"):
            table.add_column(column, justify="left" if column == "class" else "right")
        for label, s in report["per_class"].items():
            table.add_row(label, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                          str(s["support"]), str(s["predicted"]))
        console.print(table)
    matrix = report.get("confusion") or {}
    pairs = sorted(((n, g, p) for g, row in matrix.items() for p, n in row.items() if g != p),
                   reverse=True)
    if pairs:
        table = Table(title="top confusions (gold → predicted)")
        for column in ("gold", "predicted", "count"):
            table.add_column(column)
        for n, g, p in pairs[:12 if not show_matrix else len(pairs)]:
            table.add_row(g, p, str(n))
        console.print(table)
    if report.get("worst_errors"):
        table = Table(title="most confident errors", show_lines=True)
        for column in ("gold", "predicted", "conf", "sentence"):
            table.add_column(column, overflow="fold")
        for e in report["worst_errors"]:
            table.add_row(e["gold"], e["predicted"], f"{e['confidence']:.2f}", e["sentence"][:300])
        console.print(table)
    if report.get("note"):
        console.print(report["note"])


def register(group: click.Group) -> None:
    @group.command("eval")
    @click.option("--set", "set_name", type=click.Choice(sorted(GOLD_SETS)), default=None,
                  help="Named gold set (read from the gold directory).")
    @click.option("--gold", "gold", default=None, type=click.Path(exists=True),
                  help="Gold directory for --set (default ../shared/gold or $EVENTWIRE_GOLD), "
                       "or a JSONL file in the normalised gold shape.")
    @click.option("--component", type=click.Choice(["pipeline", "typer", "fused"]),
                  default="pipeline", show_default=True,
                  help="What to score: the full pipeline, the trained typer alone, or rule events "
                       "combined with the typer by eventwire.coding.typer.fuse.")
    @click.option("--typer-model", default=None, type=click.Path(exists=True, dir_okay=False),
                  help="Typer artefact to use (default: the shipped one).")
    @click.option("--limit", type=int, default=None, help="Score only the first N items.")
    @click.option("--worst", type=int, default=15, show_default=True,
                  help="How many of the most confident errors to list.")
    @click.option("--matrix", is_flag=True, help="List every confusion, not just the top ones.")
    @click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
    def eval_command(set_name: str | None, gold: str | None, component: str,
                     typer_model: str | None, limit: int | None, worst: int, matrix: bool,
                     as_json: bool) -> None:
        """Score eventwire against a gold set: per-class P/R/F1, macro/weighted F1, actor and
        recipient match, confusions and the worst errors (see docs/accuracy.md)."""
        from eventwire.config import Config
        from eventwire.errors import EventwireError
        from eventwire.eval import (
            dictionary_identity,
            evaluate,
            fused_predictor,
            pipeline_predictor,
            typer_predictor,
        )

        if set_name is None and gold is None:
            raise click.UsageError("give --set NAME or --gold FILE.jsonl")
        try:
            same_actor = None if component == "typer" else dictionary_identity(Config.load())
            if component in ("typer", "fused"):
                from eventwire.coding.typer import EventTyper

                typer = EventTyper.load(typer_model)
                predict = typer_predictor(typer) if component == "typer" else \
                    fused_predictor(typer, Config.load())
            else:
                predict = pipeline_predictor(Config.load(typer_model=typer_model))
            report = evaluate(predict, set_name, gold, limit=limit, worst=worst,
                              same_actor=same_actor)
        except (EventwireError, FileNotFoundError) as exc:
            raise click.ClickException(str(exc)) from exc
        report["component"] = component
        if as_json:
            click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        else:
            _render(report, matrix)
