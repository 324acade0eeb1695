"""Limits are explicit ``Config`` fields; going over one is an error record, never a hang or an
OOM, and the other documents of the batch are still coded (issue 9).

Each limit is set small here so a few hundred characters exceed it; the session pipeline's
loaded model is reused (``with_config``) so no test pays for loading spaCy again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from reliability_corpus import GOOD_STORIES, read_jsonl, with_config, write_config

from eventwire.cli import main
from eventwire.config import Config
from eventwire.errors import ConfigError, ErrorCode, EventwireError
from eventwire.model import DocumentResult

LIMITS = ("max_document_chars", "max_input_bytes", "max_sentence_chars",
          "document_time_budget_s")
GOOD = GOOD_STORIES[1]  # "Rebels attacked an army checkpoint near Aleppo ..."
RUN_ON = "protesters marched through the capital and police watched them " * 20  # ~1300 chars


def by_id(results: list[DocumentResult]) -> dict[str, DocumentResult]:
    return {(r.document.id if r.document else r.errors[0].document_id): r for r in results}


def test_every_limit_is_a_config_field_settable_from_toml_and_env(tmp_path: Path) -> None:
    toml = write_config(tmp_path / "c.toml", max_document_chars=123, max_input_bytes=456)
    env = {"EVENTWIRE_MAX_SENTENCE_CHARS": "78", "EVENTWIRE_DOCUMENT_TIME_BUDGET_S": "0.5"}
    config = Config.load(toml, env=env)
    assert (config.max_document_chars, config.max_input_bytes) == (123, 456)
    assert (config.max_sentence_chars, config.document_time_budget_s) == (78, 0.5)
    with pytest.raises(ConfigError):
        Config.load(env={"EVENTWIRE_MAX_DOCUMENT_CHARS": "a lot"})
    assert all(getattr(Config(), name) > 0 for name in LIMITS)


def test_document_over_max_document_chars_is_e106_and_the_batch_goes_on(pipeline) -> None:
    small = with_config(pipeline, max_document_chars=200)
    results = by_id(list(small.code_documents([
        {"id": "long", "text": " ".join(GOOD_STORIES)},  # ~800 characters
        {"id": "short", "text": GOOD},
    ])))
    assert results["long"].document is None
    assert [e.code for e in results["long"].errors] == [ErrorCode.DOCUMENT_TOO_LARGE.value]
    assert "max_document_chars=200" in results["long"].errors[0].message
    assert results["short"].ok and results["short"].events


def test_raw_field_over_max_input_bytes_is_e106_before_extraction(pipeline) -> None:
    small = with_config(pipeline, max_input_bytes=300)
    page = "<html><body>" + "<div class='ad'></div>" * 50 + f"<p>{GOOD}</p></body></html>"
    results = by_id(list(small.code_documents([
        {"id": "page", "html": page}, {"id": "story", "text": GOOD}])))
    assert [e.code for e in results["page"].errors] == [ErrorCode.DOCUMENT_TOO_LARGE.value]
    assert "max_input_bytes=300" in results["page"].errors[0].message
    assert results["story"].ok and results["story"].events


def test_sentence_over_max_sentence_chars_is_skipped_with_e203_and_the_rest_coded(
        pipeline) -> None:
    small = with_config(pipeline, max_sentence_chars=300)
    text = f"{GOOD}\n\n{RUN_ON}\n\n{GOOD_STORIES[0]}"
    [result] = small.code_documents([{"id": "mixed", "text": text}])
    assert result.document is not None  # a warning, not a lost document
    assert [e.code for e in result.errors] == [ErrorCode.SENTENCE_TOO_LONG.value]
    assert {e.event_type for e in result.events} >= {"ASSAULT", "COERCE"}
    for event in result.events:
        assert event.evidence.end - event.evidence.start <= 300
        assert "marched" not in event.evidence.sentence
    # the same text under the default limit codes the long sentence too
    [default] = pipeline.code_documents([{"id": "mixed", "text": text}])
    assert not default.errors
    assert any("marched" in e.evidence.sentence for e in default.events)


def test_time_budget_exceeded_is_e204_for_that_document_only(pipeline) -> None:
    tiny = with_config(pipeline, document_time_budget_s=1e-9)
    results = list(tiny.code_documents([{"id": "a", "text": GOOD}, {"id": "b", "text": GOOD}]))
    assert [r.errors[0].document_id for r in results] == ["a", "b"]
    for result in results:
        assert result.document is None and not result.events
        assert [e.code for e in result.errors] == [ErrorCode.TIME_BUDGET_EXCEEDED.value]
        assert "document_time_budget_s" in result.errors[0].message
    # code_text turns the record into an exception of the public error family
    with pytest.raises(EventwireError) as raised:
        tiny.code_text(GOOD)
    assert raised.value.code is ErrorCode.TIME_BUDGET_EXCEEDED


def test_limits_from_a_config_file_apply_to_the_cli(tmp_path: Path) -> None:
    """The knobs reach the real command: a tiny sentence limit gives E203 warnings in
    errors.jsonl, a tiny document limit an E106 record, and the run still exits 0."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text(GOOD)
    (tmp_path / "in" / "runon.txt").write_text(f"{GOOD}\n\n{RUN_ON}")
    (tmp_path / "in" / "big.txt").write_text(" ".join(GOOD_STORIES) * 3)
    config = write_config(tmp_path / "c.toml", max_sentence_chars=300, max_document_chars=2000)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [
        "code", str(tmp_path / "in"), "--out", str(out), "--workers", "1", "--no-progress",
        "--config", str(config)])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stderr.strip().splitlines()[-1])
    assert (counts["documents"], counts["errored"]) == (2, 1)
    errors = {(e["document_id"], e["code"]) for e in read_jsonl(out / "errors.jsonl")}
    assert errors == {("runon", "E203"), ("big", "E106")}
    sources = {e["evidence"]["document_id"] for e in read_jsonl(out / "events.jsonl")}
    assert sources == {"ok", "runon"}
