"""End to end through the CLI: files in, events.jsonl / quotes.jsonl / errors.jsonl out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHARED

from eventwire.cli import main

STORY_A = """Rebels shell army base near Homs

HOMS, Syria, June 3, 2019 (Wire) - Rebel fighters shelled an army base near Homs on Monday,
killing three soldiers, a monitoring group said.

"We hit them because they bombed our villages," said Abu Yasser, a commander of Jaish al-Islam.
"""
STORY_B = """Police detain opposition leader in Caracas

Venezuelan police arrested opposition leader Carlos Mendez in Caracas on Friday, his party said.
The United States condemned the arrest and urged the government to release him.
"""


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run_cli(args: list[str]):
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY_A, encoding="utf-8")
    (folder / "b.txt").write_text(STORY_B, encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_directory_with_binary_and_empty_files_codes_the_good_ones(mixed_dir, tmp_path):
    out = tmp_path / "out"
    result = run_cli(["code", str(mixed_dir), "--out", str(out), "--workers", "1",
                      "--no-progress"])
    assert result.exit_code == 0, result.output
    events = read_jsonl(out / "events.jsonl")
    errors = read_jsonl(out / "errors.jsonl")
    assert {e["evidence"]["document_id"] for e in events} == {"a", "b"}
    assert sorted(e["document_id"] for e in errors) == ["empty", "picture"]
    assert {e["code"] for e in errors} == {"E102", "E103"}
    types = {(e["evidence"]["document_id"], e["event_type"]) for e in events}
    assert ("a", "ASSAULT") in types and ("b", "COERCE") in types and ("b", "ACCUSE") in types
    quotes = read_jsonl(out / "quotes.jsonl")
    assert any(q["speaker"] == "Abu Yasser" for q in quotes)


def test_stdout_jsonl_and_stable_ids(mixed_dir):
    first = run_cli(["code", str(mixed_dir / "b.txt"), "--workers", "1", "--no-progress"])
    second = run_cli(["code", str(mixed_dir / "b.txt"), "--workers", "1", "--no-progress"])
    ids = [json.loads(line)["id"] for line in first.stdout.splitlines() if line.startswith("{")]
    assert ids and ids == [json.loads(line)["id"] for line in second.stdout.splitlines()
                           if line.startswith("{")]


def test_nothing_processable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    result = run_cli(["code", str(tmp_path / "empty.txt"), "--workers", "1", "--no-progress"])
    assert result.exit_code != 0


def test_wrong_arguments_exit_non_zero():
    assert run_cli(["code"]).exit_code == 2
    assert run_cli(["code", "--min-confidence", "7", "x"]).exit_code == 2


def test_every_command_has_help():
    result = run_cli(["--help"])
    commands = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines()
                if line.strip()]
    assert "code" in commands
    for command in commands:
        assert run_cli([command, "--help"]).exit_code == 0, command


def test_python_dash_m_runs_the_bundled_sample():
    completed = subprocess.run(
        [sys.executable, "-m", "eventwire", "code", "--sample", "--workers", "1"],
        capture_output=True, text=True, timeout=300, check=True)
    events = [json.loads(line) for line in completed.stdout.splitlines()]
    assert {"ASSAULT", "COERCE", "PROTEST"} <= {e["event_type"] for e in events}


@pytest.mark.skipif(not (SHARED / "docs" / "seed-article.txt").exists(),
                    reason="../shared/docs/seed-article.txt not present (fresh clone)")
def test_seed_story(tmp_path):
    out = tmp_path / "out"
    result = run_cli(["code", str(SHARED / "docs" / "seed-article.txt"), "--out", str(out),
                      "--workers", "1", "--no-progress"])
    assert result.exit_code == 0
    events = read_jsonl(out / "events.jsonl")
    attack = [e for e in events if e["event_type"] == "ASSAULT" and e["actor"]
              and e["actor"]["id"] == "NUSRA" and e["recipient"]
              and "militias" in e["recipient"]["text"]]
    assert attack, "the Nusra attack on Iranian militias near Aleppo is missing"
    assert attack[0]["location"]["name"] == "Aleppo"
    assert attack[0]["location"]["country"] == "SYR"
    revival = [e for e in events if e["event_type"] in ("COOPERATE", "MOBILIZE")
               and e["recipient"] and e["recipient"]["name"] == "Jaish al-Fatah"]
    assert revival, "the revival of Jaish al-Fatah is missing"
    for event in events:
        sentence = event["evidence"]["sentence"]
        assert "Published" not in sentence and ". ." not in sentence
    blame = [e for e in events if e["date_text"] == "last month"]
    assert blame and blame[0]["date"] is None  # the story has no date: nothing invented
    speakers = {q["speaker"] for q in read_jsonl(out / "quotes.jsonl")}
    assert {"Abu Shaimaa", "Zaher Abu Hassan"} <= speakers
