"""Non-political news makes no event, political near-misses still do: floors on our own
snippets (tests/fixtures/nonpolitical_dev.jsonl, written by us; no gold text).

Run as a script to print the numbers for a fixture:
``.venv/bin/python tests/unit/test_nonpolitical_fixture.py tests/fixtures/nonpolitical_check.jsonl``
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def measure(code: Callable[[str], list[Any]], path: Path,
            verbose: bool = False) -> dict[str, Any]:
    """Event rates on a fixture of ``{"text", "political", "category", "plover"?,
    "plover_ok"?}`` rows.

    ``event_rate``/``acled_rate``: share of non-political rows with any event / with an
    ACLED-typed event; ``strict_rate``: with any event, leaving out the rows marked
    ``plover_ok`` (police and court work on crime, which PLOVER codes and ACLED does not);
    ``recall``/``type_recall``: share of political rows with any event / with an event of the
    expected PLOVER type. ``misses`` lists what went wrong.
    """
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    hits = typed = n_pol = strict = n_strict = 0
    misses: list[str] = []
    for row in rows:
        events = code(row["text"])
        if row["political"]:
            n_pol += 1
            hits += bool(events)
            ok = any(e.event_type == row["plover"] for e in events)
            typed += ok
            if not ok:
                misses.append(f"MISS {row['plover']} got "
                              f"{[e.event_type for e in events]}: {row['text']}")
            continue
        if not row.get("plover_ok"):
            n_strict += 1
            strict += bool(events)
        cell = by_cat[row["category"]]
        cell[0] += bool(events)
        cell[1] += any(e.acled for e in events)
        cell[2] += 1
        if events:
            misses.append(f"FP {row['category']}{'(ok)' if row.get('plover_ok') else ''} " + "; ".join(
                f"{e.event_type}/{e.acled.sub_event_type if e.acled else '-'} "
                f"{e.actor.text if e.actor else None}->"
                f"{e.recipient.text if e.recipient else None} [{e.rule}]"
                for e in events) + f": {row['text']}")
    total = sum(c[2] for c in by_cat.values())
    return {
        "n_nonpolitical": total, "n_political": n_pol,
        "event_rate": round(sum(c[0] for c in by_cat.values()) / max(total, 1), 3),
        "strict_rate": round(strict / max(n_strict, 1), 3),
        "acled_rate": round(sum(c[1] for c in by_cat.values()) / max(total, 1), 3),
        "by_category": {k: round(v[0] / v[2], 3) for k, v in sorted(by_cat.items())},
        "recall": round(hits / max(n_pol, 1), 3),
        "type_recall": round(typed / max(n_pol, 1), 3),
        **({"misses": misses} if verbose else {}),
    }


def test_dev_fixture_floor(code):
    """Measured on 2026-11-25 with the default pipeline (rules + typer) on the 310
    non-political and 70 political snippets: before the crime/disaster/sport/company rules of
    coding.nonpolitical, any event 0.258, ACLED-typed 0.145, political recall 0.929
    (type 0.857); after, 0.077, 0.026, 0.957 (type 0.886). Floors leave a little
    room for noise."""
    found = measure(code, FIXTURES / "nonpolitical_dev.jsonl")
    assert found["n_nonpolitical"] >= 305 and found["n_political"] >= 68
    assert found["event_rate"] <= 0.09, found
    assert found["acled_rate"] <= 0.05, found
    assert found["recall"] >= 0.93, found
    assert found["type_recall"] >= 0.86, found



def test_check_fixture_floor(code):
    """tests/fixtures/nonpolitical_check.jsonl was written after the rules were designed and
    never tuned on (an honest number, not a target). Measured on 2026-11-25, default pipeline:
    before coding.nonpolitical's rules any event 0.236, ACLED-typed 0.127, recall 0.958;
    after round 1 0.109, 0.073, 0.958 (round 2 then looked at its misses: 0.036, 0.000, so it
    is a regression check now, and check2 holds the honest number)."""
    found = measure(code, FIXTURES / "nonpolitical_check.jsonl")
    assert found["n_nonpolitical"] >= 50 and found["n_political"] >= 20
    assert found["event_rate"] <= 0.15, found
    assert found["acled_rate"] <= 0.10, found
    assert found["recall"] >= 0.91, found


def test_second_check_fixture_floor(code):
    """tests/fixtures/nonpolitical_check2.jsonl was written after round 2 of the rules and
    never tuned on. Measured on 2026-11-25, default pipeline: before coding.nonpolitical's
    rules any event 0.238, ACLED-typed 0.190, recall 0.950; after round 2 0.167, 0.143,
    0.950 (strict rate, without the police and court work PLOVER codes: 0.118 -> 0.059).
    Round 3 then looked at its misses (0.071, 0.024): a regression check from here on."""
    found = measure(code, FIXTURES / "nonpolitical_check2.jsonl")
    assert found["n_nonpolitical"] >= 40 and found["n_political"] >= 20
    assert found["event_rate"] <= 0.21, found
    assert found["acled_rate"] <= 0.17, found
    assert found["recall"] >= 0.90, found


def test_third_check_fixture_floor(code):
    """tests/fixtures/nonpolitical_check3.jsonl was written after round 3 of the rules and
    never tuned on: the honest number for the rules as they stand. Measured on 2026-11-25,
    default pipeline: before coding.nonpolitical's rules any event 0.200, ACLED-typed 0.067,
    strict 0.045, recall 0.833; after round 3 0.133, 0.033, 0.000, 0.833."""
    found = measure(code, FIXTURES / "nonpolitical_check3.jsonl")
    assert found["n_nonpolitical"] >= 30 and found["n_political"] >= 12
    assert found["event_rate"] <= 0.17, found
    assert found["acled_rate"] <= 0.07, found
    assert found["recall"] >= 0.80, found

if __name__ == "__main__":
    from eventwire.config import Config
    from eventwire.pipeline import Pipeline

    use_typer = "--rules" not in sys.argv
    pipe = Pipeline(Config(workers=1, use_typer=use_typer)).warm_up()
    paths = [Path(a) for a in sys.argv[1:] if not a.startswith("--")]
    for fixture in paths or [FIXTURES / "nonpolitical_dev.jsonl"]:
        result = measure(lambda t: pipe.code_text(t, document_id="t"), fixture, verbose=True)
        for line in result.pop("misses"):
            print(line)
        print(fixture.name, json.dumps(result))
