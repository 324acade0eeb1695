"""The trained sentence typer: artefact format, round trip, and the shipped model's behaviour."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
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
    path = typer.save(tmp_path / "typer.npz")
    assert path == tmp_path / "typer.npz"  # numpy must not append a second suffix
    loaded = EventTyper.load(path)
    assert (loaded.version, loaded.classes) == ("test-1", typer.classes)
    sentences = ["Militants bombed a market.", "The ministers signed a deal.", "Rain all week.",
                 "", "Troops opened fire on protesters after the ceasefire deal collapsed."]
    for before, after in zip(typer.predict_proba(sentences), loaded.predict_proba(sentences),
                             strict=True):
        assert after == pytest.approx(before, abs=1e-9)


def test_artefact_is_plain_arrays_not_a_pickle(tmp_path: Path) -> None:
    path = _tiny_typer().save(tmp_path / "typer.npz")
    with np.load(path, allow_pickle=False) as arrays:  # raises if anything needs unpickling
        meta = json.loads(str(arrays["meta"]))
        assert meta["format"] == 2 and meta["sklearn_version"] == sklearn.__version__
        assert arrays["coef"].shape[0] == len(arrays["classes"])


def test_probabilities_cover_every_label_and_sum_to_one() -> None:
    [proba] = _tiny_typer().predict_proba(["Rebels shelled the town."])
    assert set(proba) == set(LABELS)
    assert sum(proba.values()) == pytest.approx(1.0)
    assert proba["CONSULT"] == 0.0  # a class the tiny model never saw
    assert max(proba, key=proba.get) == "ASSAULT"
    assert _tiny_typer().predict_proba([]) == []


def test_wrong_format_and_missing_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.npz"
    with path.open("wb") as handle:
        np.savez(handle, meta=np.asarray(json.dumps({"format": 0, "version": "x"})))
    with pytest.raises(ValueError, match="retrain"):
        EventTyper.load(path)
    pickled = tmp_path / "pickled.npz"
    with pickled.open("wb") as handle:
        np.savez(handle, meta=np.asarray([{"format": 2}], dtype=object))
    with pytest.raises(ValueError, match="allow_pickle"):
        EventTyper.load(pickled)
    with pytest.raises(FileNotFoundError):
        EventTyper.load(tmp_path / "absent.npz")


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
