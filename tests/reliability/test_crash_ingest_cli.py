"""Crash safety of the real ``eventwire ingest`` command (issue 9).

tests/integration/test_crash_safety.py kills a writer of synthetic results through the store
API; this test kills the CLI itself (real files, real pipeline, real store writes) with SIGKILL
after a few committed batches, reruns it, and compares the store with an uninterrupted run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from reliability_corpus import GOOD_STORIES, PNG_HEAD

from eventwire.store import open_store

N_STORIES = 24
STORE_BATCH = 2
KILL_AFTER_COMMITS = 3

#: Runs the real CLI, announcing each committed store batch on stdout so the test can kill it
#: at a known point (the announcement comes *after* the commit returned).
ANNOUNCING_CLI = textwrap.dedent("""
    import sys
    import eventwire.store.core as core
    from eventwire.cli import main

    commit = core.Store._commit_batch

    def announced(self, *args, **kwargs):
        commit(self, *args, **kwargs)
        print("committed", flush=True)

    core.Store._commit_batch = announced
    main(sys.argv[1:], prog_name="eventwire")
""")


def write_inputs(folder: Path) -> None:
    folder.mkdir()
    for n in range(N_STORIES):
        first, second = GOOD_STORIES[n % len(GOOD_STORIES)], GOOD_STORIES[(n * 5 + 1) % 12]
        (folder / f"story{n:02d}.txt").write_text(f"Report {n}.\n\n{first}\n\n{second}\n")
    (folder / "empty.txt").write_text("")
    (folder / "logo.png").write_bytes(PNG_HEAD)
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "dated", "text": GOOD_STORIES[2], "published": "2016-05-12"},
        {"id": "bad-date", "text": GOOD_STORIES[3], "published": "someday"},
        {"id": "broken", "text": 7},
    ]) + "\n")


def run_ingest(script: Path, inputs: Path, db: Path, kill_after: int | None = None) -> bool:
    """Run ``eventwire ingest``; with ``kill_after``, SIGKILL it after that many commits.
    Returns True if it was killed."""
    env = {**os.environ, "EVENTWIRE_BATCH_SIZE": "2"}  # parse in small batches: results stream
    proc = subprocess.Popen(
        [sys.executable, str(script), "ingest", str(inputs), "--db", str(db), "--workers", "1",
         "--batch-size", str(STORE_BATCH)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env)
    assert proc.stdout is not None
    commits = 0
    killed = False
    for line in proc.stdout:
        commits += line.strip() == "committed"
        if kill_after is not None and commits >= kill_after:
            os.kill(proc.pid, signal.SIGKILL)
            killed = True
            break
    _, stderr = proc.communicate(timeout=600)
    assert killed or proc.returncode == 0, stderr[-3000:]
    return killed


def snapshot(db: Path) -> dict:
    """Everything the store holds, minus wall-clock timestamps."""
    with open_store(db, read_only=True) as store, store._cursor() as cur:
        def rows(sql: str) -> list:
            return sorted(cur.execute(sql).fetchall(), key=repr)

        return {
            "documents": rows("SELECT id, content_hash, text, published FROM documents"),
            "events": rows("SELECT id, kind, canonical_id, document_id, record FROM event_records"),
            "quotes": rows("SELECT id, document_id, text, start, \"end\" FROM quotes"),
            "errors": rows("SELECT document_id, code, message, source FROM errors"),
            "actors": rows("SELECT key, n_as_actor, n_as_recipient FROM actors"),
            "places": rows("SELECT key, n_events FROM places"),
        }


@pytest.mark.slow
def test_sigkill_mid_cli_ingest_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    script = tmp_path / "announcing_cli.py"
    script.write_text(ANNOUNCING_CLI)
    inputs = tmp_path / "inputs"
    write_inputs(inputs)
    reference, crashed = tmp_path / "reference.duckdb", tmp_path / "crashed.duckdb"

    assert not run_ingest(script, inputs, reference)
    expected = snapshot(reference)
    assert len(expected["documents"]) == N_STORIES + 2  # the stories + "dated" + "bad-date"
    assert {(e[0], e[1]) for e in expected["errors"]} == {
        ("empty", "E102"), ("logo", "E103"), ("broken", "E105"), ("bad-date", "E108")}

    assert run_ingest(script, inputs, crashed, kill_after=KILL_AFTER_COMMITS)
    partial = snapshot(crashed)  # opening replays the write-ahead log
    stored = {d[0] for d in partial["documents"]}
    assert 0 < len(stored) < len(expected["documents"])
    # whole documents only: each stored document has exactly its events of the full run
    story_events = [e for e in expected["events"] if e[1] == "story"]
    assert sorted(e[0] for e in partial["events"] if e[1] == "story") == sorted(
        e[0] for e in story_events if e[3] in stored)

    assert not run_ingest(script, inputs, crashed)
    assert snapshot(crashed) == expected
