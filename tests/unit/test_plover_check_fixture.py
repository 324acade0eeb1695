"""Shape of tests/fixtures/plover_check.jsonl, our held-out PLOVER check set (docs/plover_check.md).

The set was written by hand from the PLOVER manual before eventwire was run on it; these tests
keep it well-formed (the normalised gold shape the eval reads) and honest (balanced types,
argument spans that really occur in their sentence, no text lifted from the gold files). They
hold no accuracy floor: scores are measured with ``eventwire eval --gold``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eventwire.eval.gold import load_gold

FIXTURE = Path(__file__).parents[1] / "fixtures" / "plover_check.jsonl"
GOLD_DIR = Path(__file__).parents[2] / ".." / "shared" / "gold"
PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
NEGATIVE_CATEGORIES = frozenset({"business", "sports", "weather", "science", "culture",
                                 "accident", "crime", "near-miss"})
# gold files whose text a fixture writer could have seen; held-out test sets are not read here
GOLD_FILES = ("plover_gsr.jsonl", "zsp_plv_train.jsonl", "petrarch2_unittest.jsonl",
              "ngec_synthetic.jsonl")
# a shared run of 12 words means a copied clause; shorter runs can be a public figure's full
# title and name ("Qatar's emir, Sheikh Tamim bin Hamad Al Thani" is 9 words)
NGRAM = 12
_WORD = re.compile(r"[a-z0-9]+")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    with FIXTURE.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _events(records: list[dict]) -> list[tuple[dict, dict]]:
    return [(r, e) for r in records for e in r["events"]]


def test_ids_are_unique_and_numbered_in_order(records):
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    assert ids == [f"plover_check-{n:04d}" for n in range(1, len(ids) + 1)]


def test_records_have_the_normalised_gold_shape(records):
    for r in records:
        assert r["source"] == "plover_check" and r["split"] == "check", r["id"]
        assert isinstance(r["text"], str) and r["text"].strip() == r["text"] and r["text"], r["id"]
        assert isinstance(r["events"], list), r["id"]  # [] = annotated, no event; never null
        assert {"title", "date", "meta"} <= r.keys(), r["id"]


def test_every_event_is_one_plover_type_with_itself_as_the_only_candidate(records):
    for r, e in _events(records):
        assert e["plover"] in PLOVER_TYPES, r["id"]
        assert e["plover_raw"] == e["plover"], r["id"]
        assert e["plover_candidates"] == [e["plover"]], r["id"]


def test_all_sixteen_types_are_present_and_balanced(records):
    counts = Counter(e["plover"] for _, e in _events(records))
    assert set(counts) == PLOVER_TYPES
    assert min(counts.values()) >= 15, counts  # enough per class for a per-class F1


def test_argument_spans_occur_verbatim_in_their_sentence(records):
    for r, e in _events(records):
        assert e["actor"], f"{r['id']}: every check event names its actor"
        for field in ("actor", "recipient"):
            if e[field] is None:
                continue
            for part in e[field].split("; "):  # compound arguments, as in the gold README
                assert part and part == part.strip(), (r["id"], field, e[field])
                assert part in r["text"], (r["id"], field, part)


def test_negatives_are_present_and_categorised(records):
    negatives = [r for r in records if r["events"] == []]
    assert len(negatives) >= 50
    categories = Counter(r["meta"]["category"] for r in negatives)
    assert set(categories) == NEGATIVE_CATEGORIES
    assert categories["near-miss"] >= 10  # negated, hypothetical, questions, history


def test_sentences_are_not_repeated(records):
    texts = [" ".join(_WORD.findall(r["text"].lower())) for r in records]
    assert len(set(texts)) == len(texts)


def test_the_eval_reads_every_record(records):
    _, items = load_gold(None, FIXTURE)
    assert [i.id for i in items] == [r["id"] for r in records]
    assert sum(len(i.events or ()) for i in items) == len(_events(records))
    assert all(not i.events for i, r in zip(items, records, strict=True) if r["events"] == [])


def test_no_sentence_copies_text_from_the_gold_files(records):
    files = [GOLD_DIR / name for name in GOLD_FILES if (GOLD_DIR / name).is_file()]
    if not files:
        pytest.skip(f"shared gold data not found at {GOLD_DIR.resolve()}")
    ours: dict[tuple[str, ...], str] = {}
    for r in records:
        words = _WORD.findall(r["text"].lower())
        for i in range(len(words) - NGRAM + 1):
            ours[tuple(words[i:i + NGRAM])] = r["id"]
    copied: set[str] = set()
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                words = _WORD.findall((json.loads(line).get("text") or "").lower())
                copied.update(ours[g] for g in zip(*(words[k:] for k in range(NGRAM)))
                              if g in ours)
    assert not copied, sorted(copied)
