"""Crash safety: an ingest killed with SIGKILL mid-run, then rerun, ends with the same store as
an uninterrupted run (no duplicates, no partial documents)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from eventwire.store import open_store

TESTS_DIR = Path(__file__).resolve().parents[1]
N_DOCUMENTS, EVENTS_PER_DOCUMENT, BATCH = 1500, 5, 25

INGEST_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[2])
    from factories import synthetic_results
    from eventwire.store import open_store

    def announced(results):
        for i, result in enumerate(results):
            if i and i % {batch} == 0:
                print("batch", i, flush=True)
            yield result

    with open_store(sys.argv[1]) as store:
        store.write(announced(synthetic_results({n}, {per})), batch_size={batch})
    print("done", flush=True)
""").format(n=N_DOCUMENTS, per=EVENTS_PER_DOCUMENT, batch=BATCH)


def _run(script: Path, db: Path, kill_after_batches: int | None = None) -> bool:
    """Run the ingest; with ``kill_after_batches`` SIGKILL it then. True if it was killed."""
    proc = subprocess.Popen([sys.executable, str(script), str(db), str(TESTS_DIR)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    killed = False
    seen = 0
    for line in proc.stdout:
        if line.startswith("batch"):
            seen += 1
            if kill_after_batches is not None and seen >= kill_after_batches:
                os.kill(proc.pid, signal.SIGKILL)
                killed = True
                break
    proc.stdout.close()
    code = proc.wait(timeout=300)
    assert killed or code == 0
    return killed


def _state(db: Path) -> dict:
    with open_store(db, read_only=True) as store, store._cursor() as cur:
        def ids(sql: str) -> list:
            return sorted(r[0] for r in cur.execute(sql).fetchall())

        return {
            "documents": ids("SELECT id FROM documents"),
            "events": ids("SELECT id FROM events WHERE kind = 'story'"),
            "canonical": ids("SELECT id FROM events WHERE canonical_id = id"),
            "members": ids("SELECT id || '>' || canonical_id FROM events"),
            "quotes": ids("SELECT id FROM quotes"),
            "stats": {k: v for k, v in store.stats().items()},
        }


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_equals_uninterrupted_run(tmp_path):
    script = tmp_path / "ingest.py"
    script.write_text(INGEST_SCRIPT)
    reference, crashed = tmp_path / "reference.duckdb", tmp_path / "crashed.duckdb"
    _run(script, reference)

    assert _run(script, crashed, kill_after_batches=8)
    with open_store(crashed) as partial:  # reopening replays the WAL
        stats = partial.stats()
        with partial._cursor() as cur:
            counts = {n for (n,) in cur.execute(
                "SELECT count(*) FROM events WHERE kind = 'story' GROUP BY document_id"
            ).fetchall()}
    # whole batches only: every stored document has all of its events
    assert 0 < stats["documents"] < N_DOCUMENTS
    assert stats["documents"] % BATCH == 0
    assert counts == {EVENTS_PER_DOCUMENT}

    _run(script, crashed)
    assert _state(crashed) == _state(reference)
    assert _state(reference)["stats"]["documents"] == N_DOCUMENTS


@pytest.mark.slow
def test_cli_ingest_through_the_pipeline_is_idempotent(tmp_path):
    """The real pipeline end to end: good stories coded, bad inputs become error rows, and a
    second ingest of the same inputs changes nothing."""
    from click.testing import CliRunner

    from eventwire.cli import main

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "story.jsonl").write_text(
        '{"id": "a", "text": "Rebels attacked an army base near Aleppo on Tuesday.", '
        '"published": "2016-05-12", "outlet": "Wire A"}\n'
        '{"id": "b", "text": "Police arrested twelve protesters in Baghdad on Monday.", '
        '"published": "2016-05-12", "outlet": "Wire B"}\n'
        '{"id": "empty", "text": "   "}\n', encoding="utf-8")
    (inputs / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(inputs), "--db", db])
    assert first.exit_code == 0, first.output
    with open_store(db, read_only=True) as store:
        before = _state(tmp_path / "cli.duckdb")
        assert store.stats()["documents"] == 2
        assert sorted(store.errors()["document_id"].to_pylist()) == ["empty", "picture"]
        assert store.count_events(canonical=False) >= 2
    second = runner.invoke(main, ["ingest", str(inputs), "--db", db])
    assert second.exit_code == 0, second.output
    assert '"documents_added": 0' in second.output and '"events_added": 0' in second.output
    assert _state(tmp_path / "cli.duckdb") == before
