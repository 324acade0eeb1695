"""``documents in = coded + errored`` as a property over random folders (issue 9).

Hypothesis draws a folder of text, binary, JSONL and CSV files whose lines and rows are good,
malformed, empty or badly dated, each with a known expected outcome; the library path the CLI
uses (``read_inputs`` → ``Pipeline.code_documents``) must give exactly one result per input,
coded or errored as expected, with date warnings riding on their coded document.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_corpus import GOOD_STORIES, PNG_HEAD, Expected

from eventwire.config import Config
from eventwire.ingest import read_inputs

#: JSONL line kinds: (line, outcome, code) with ``{n}`` standing for a unique number.
LINE_KINDS = {
    "good": ('{{"id": "l{n}", "text": "%s"}}', "coded", None),
    "bad-date": ('{{"id": "l{n}", "text": "%s", "published": "31/31/31"}}', "coded", "E108"),
    "future": ('{{"id": "l{n}", "text": "%s", "published": "2999-12-31"}}', "coded", "E108"),
    "broken": ('{{"id": "l{n}", "text": ', "errored", "E105"),
    "not-object": ("[{n}]", "errored", "E105"),
    "no-text": ('{{"id": "l{n}", "title": "x"}}', "errored", "E105"),
    "empty-text": ('{{"id": "l{n}", "text": "   "}}', "errored", "E102"),
    "blank": ("", None, None),  # blank lines are not inputs
}
FILE_KINDS = ("text", "empty", "binary", "jsonl", "csv")


@st.composite
def folder_plan(draw: st.DrawFn) -> list[tuple[str, bytes, list[Expected]]]:
    """Files to write: (name, bytes, expected outcome of each input in the file)."""
    plan = []
    for number, kind in enumerate(draw(st.lists(st.sampled_from(FILE_KINDS), min_size=1,
                                                max_size=5))):
        story = GOOD_STORIES[number % len(GOOD_STORIES)]
        stem = f"f{number}"
        if kind == "text":
            plan.append((f"{stem}.txt", story.encode(), [Expected(stem, "coded")]))
        elif kind == "empty":
            plan.append((f"{stem}.txt", b" \n", [Expected(stem, "errored", "E102")]))
        elif kind == "binary":
            plan.append((f"{stem}.png", PNG_HEAD, [Expected(stem, "errored", "E103")]))
        elif kind == "jsonl":
            kinds = draw(st.lists(st.sampled_from(sorted(LINE_KINDS)), min_size=1, max_size=6))
            lines, expected = [], []
            for line_no, line_kind in enumerate(kinds, start=1):
                template, outcome, code = LINE_KINDS[line_kind]
                n = f"{number}-{line_no}"
                lines.append((template % story if "%s" in template else template).format(n=n))
                if outcome is not None:
                    ident = f"l{n}" if line_kind not in ("broken", "not-object") \
                        else f"{stem}:{line_no}"
                    expected.append(Expected(ident, outcome, code))
            if not expected:  # only blank lines: the file itself is one empty input
                expected.append(Expected(stem, "errored", "E102"))
            plan.append((f"{stem}.jsonl", "\n".join(lines).encode(), expected))
        else:
            texts = draw(st.lists(st.booleans(), min_size=1, max_size=4))
            rows = ["id,text"] + [f'r{number}-{i},"{story if ok else ""}"'
                                  for i, ok in enumerate(texts)]
            plan.append((f"{stem}.csv", "\n".join(rows).encode(), [
                Expected(f"r{number}-{i}", "coded" if ok else "errored",
                         None if ok else "E102") for i, ok in enumerate(texts)]))
    return plan


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(plan=folder_plan())
def test_every_input_is_coded_or_errored_exactly_once(pipeline, plan) -> None:
    expected = [e for _, _, entries in plan for e in entries]
    with tempfile.TemporaryDirectory() as folder:
        for name, data, _ in plan:
            Path(folder, name).write_bytes(data)
        results = list(pipeline.code_documents(read_inputs([folder], Config(workers=1))))
    coded = [r for r in results if r.document is not None]
    errored = [r for r in results if r.document is None]
    assert len(results) == len(expected)  # documents in = coded + errored
    assert sorted(r.document.id for r in coded) == sorted(
        e.id for e in expected if e.outcome == "coded")
    assert sorted((r.errors[0].document_id, r.errors[0].code) for r in errored) == sorted(
        (e.id, e.code) for e in expected if e.outcome == "errored")
    assert all(len(r.errors) == 1 for r in errored)
    warnings = {(r.document.id, w.code) for r in coded for w in r.errors}
    assert warnings == {(e.id, e.code) for e in expected if e.outcome == "coded" and e.code}
    assert all(r.events for r in coded)  # every good story is really coded

