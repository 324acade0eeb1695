"""Accuracy floors: fail when a headline metric drops more than 0.02 below docs/accuracy.md.

The recorded numbers live in a fenced ``json floors`` block of docs/accuracy.md, so the doc and
this test cannot drift apart: improving a number means updating the doc. Reads the gold sets
from ``../shared/gold`` beside the repository and skips (with the reason) when it is absent; a
set named ``fixture:NAME`` is our own ``tests/fixtures/NAME.jsonl`` and always runs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire import eval as ev

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / ".." / "shared" / "gold"
DOC = REPO / "docs" / "accuracy.md"
TOLERANCE = 0.02
#: Metrics where smaller is better (events emitted on non-political snippets).
LOWER_IS_BETTER = frozenset({"non_political_event_rate", "non_political_acled_event_rate",
                             "negatives_with_events"})
FIXTURE = "fixture:"

pytestmark = [pytest.mark.gold, pytest.mark.slow]


def recorded() -> dict[str, dict[str, dict[str, float]]]:
    match = re.search(r"```json floors\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert match, "docs/accuracy.md has no ```json floors block"
    return json.loads(match.group(1))


def gold_dir() -> Path:
    if not (GOLD / "zsp_plv_test.jsonl").is_file():
        pytest.skip(f"gold data not found at {GOLD.resolve()} (clone shared/ beside the repo)")
    return GOLD


@pytest.fixture(scope="module")
def predictors():
    from eventwire.coding.typer import EventTyper

    return {"typer": ev.typer_predictor(EventTyper.load()),
            "pipeline": ev.pipeline_predictor()}


CASES = [(component, name) for component, sets in recorded().items() for name in sets]


@pytest.mark.parametrize(("component", "set_name"), CASES)
def test_headline_metric_has_not_dropped(component: str, set_name: str, predictors) -> None:
    same_actor = ev.dictionary_identity() if component == "pipeline" else None
    if set_name.startswith(FIXTURE):
        path = REPO / "tests" / "fixtures" / f"{set_name[len(FIXTURE):]}.jsonl"
        report = ev.evaluate(predictors[component], gold=path, same_actor=same_actor)
    else:
        report = ev.evaluate(predictors[component], set_name, gold_dir(),
                             same_actor=same_actor)
    floors = recorded()[component][set_name]
    failures = []
    for metric, value in floors.items():
        got = report.get(metric)
        assert got is not None, f"{component}/{set_name}: report has no {metric}"
        if metric in LOWER_IS_BETTER:
            if got > value + TOLERANCE:
                failures.append(f"{metric} rose to {got:.4f} (recorded {value:.4f})")
        elif got < value - TOLERANCE:
            failures.append(f"{metric} fell to {got:.4f} (recorded {value:.4f})")
    assert not failures, f"{component}/{set_name}: " + "; ".join(failures)
