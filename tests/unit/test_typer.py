"""The trained sentence typer: artefact format, round trip, and the shipped model's behaviour."""

from __future__ import annotations

from pathlib import Path

import joblib
import pytest
import sklearn

from eventwire.coding.typer import LABELS, NONE_LABEL, EventTyper, make_model, shipped_artefact

TINY = [
    ("Rebels attacked an army post with rockets.", "ASSAULT"),
    ("Gunmen shelled the village overnight.", "ASSAULT"),
    ("Troops opened fire on the convoy.", "ASSAULT"),
    ("The two ministers signed a trade agreement.", "AGREE"),
    ("Both sides agreed to a ceasefire deal.", "AGREE"),
    ("The leaders signed a peace accord.", "AGREE"),
    ("The team won the cup final on penalties.", NONE_LABEL),
    ("Shares rose after strong quarterly earnings.", NONE_LABEL),
    ("Sunny weather is expected all week.", NONE_LABEL),
]


def _tiny_typer() -> EventTyper:
    model = make_model(min_df=(1, 1))
    model.fit([t for t, _ in TINY], [y for _, y in TINY])
    return EventTyper(model, "test-1", sklearn.__version__, tuple(model.classes_))


def test_round_trip_keeps_version_and_predictions(tmp_path: Path) -> None:
    typer = _tiny_typer()
    path = typer.save(tmp_path / "typer.joblib")
    loaded = EventTyper.load(path)
    assert loaded.version == "test-1"
    before = typer.predict_proba(["Militants bombed a market."])
    assert loaded.predict_proba(["Militants bombed a market."]) == before


def test_probabilities_cover_every_label_and_sum_to_one() -> None:
    [proba] = _tiny_typer().predict_proba(["Rebels shelled the town."])
    assert set(proba) == set(LABELS)
    assert sum(proba.values()) == pytest.approx(1.0)
    assert proba["CONSULT"] == 0.0  # a class the tiny model never saw
    assert max(proba, key=proba.get) == "ASSAULT"
    assert _tiny_typer().predict_proba([]) == []


def test_wrong_format_and_missing_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.joblib"
    joblib.dump({"format": 0, "version": "x", "sklearn_version": "1.0", "model": None}, path)
    with pytest.raises(ValueError, match="retrain"):
        EventTyper.load(path)
    with pytest.raises(FileNotFoundError):
        EventTyper.load(tmp_path / "absent.joblib")


@pytest.mark.skipif(not shipped_artefact().is_file(), reason="no shipped typer artefact")
def test_shipped_typer_reads_obvious_sentences() -> None:
    typer = EventTyper.load()
    assert typer.version
    labels = [label for label, _ in typer.predict([
        "Government troops shelled rebel positions outside the city, killing twelve fighters.",
        "Thousands of workers marched through the capital to protest against the new tax.",
        "The striker scored twice as the home side won 3-0 on Saturday.",
    ])]
    assert labels == ["ASSAULT", "PROTEST", NONE_LABEL]
