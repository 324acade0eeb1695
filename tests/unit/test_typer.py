"""The trained sentence typer: artefact format, round trip, and the shipped model's behaviour."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import sklearn

from eventwire.coding.typer import (
    LABELS,
    NONE_LABEL,
    SYNTAX,
    EventTyper,
    fit_model,
    shipped_artefact,
)

# (sentence, hand-written parse features in the typer_syntax format, label)
TINY = [
    ("Rebels attacked an army post with rockets.", "v_attack root_attack vo_attack_post", "ASSAULT"),
    ("Gunmen shelled the village overnight.", "v_shell root_shell vo_shell_village", "ASSAULT"),
    ("Troops opened fire on the convoy.", "v_open root_open vo_open_fire", "ASSAULT"),
    ("The two ministers signed a trade agreement.", "v_sign root_sign vo_sign_agreement",
     "AGREE"),
    ("Both sides agreed to a ceasefire deal.", "v_agree root_agree vp_agree_to_deal", "AGREE"),
    ("The leaders signed a peace accord.", "v_sign root_sign vo_sign_accord", "AGREE"),
    ("The team won the cup final on penalties.", "v_win root_win vo_win_final", NONE_LABEL),
    ("Shares rose after strong quarterly earnings.", "v_rise root_rise", NONE_LABEL),
    ("Sunny weather is expected all week.", "v_expect root_expect", NONE_LABEL),
]


def _tiny_typer() -> EventTyper:
    model = fit_model([t for t, _, _ in TINY], [f for _, f, _ in TINY], [y for _, _, y in TINY],
                      min_df=(1, 1, 1))
    return EventTyper(model, "test-1", sklearn.__version__, tuple(model.classes_))


def test_linear_model_predicts_exactly_like_the_fitted_logistic_regression() -> None:
    from sklearn.linear_model import LogisticRegression

    texts, syntax, labels = zip(*TINY, strict=True)
    model = fit_model(texts, syntax, labels, min_df=(1, 1, 1))
    assert [source for source, _, _ in model.blocks][-1] == SYNTAX
    features = model.features(texts, syntax)
    reference = LogisticRegression(C=10.0, max_iter=3000, class_weight="balanced")
    reference.fit(features, labels)
    probe = ["Militants shelled a market.", "The ministers signed a deal."]
    probe_syntax = ["v_shell root_shell vo_shell_market", "v_sign root_sign vo_sign_deal"]
    expected = reference.predict_proba(model.features(probe, probe_syntax))
    # the shipped coefficients are float32, so agreement is to float32 precision
    assert model.predict_proba(probe, probe_syntax) == pytest.approx(expected, abs=1e-5)


def test_a_typer_that_reads_parse_features_refuses_text_alone() -> None:
    with pytest.raises(ValueError, match="parse features"):
        _tiny_typer().predict_proba(["Rebels shelled the town."])
    with pytest.raises(ValueError, match="one syntax string per text"):
        _tiny_typer().predict_proba(["Rebels shelled the town.", "x"], ["v_shell"])


def test_parse_features_change_the_answer() -> None:
    typer = _tiny_typer()
    text = "They did it again."
    [as_attack, as_deal] = typer.predict_proba([text, text],
                                               ["v_shell vo_shell_village", "v_sign vo_sign_accord"])
    assert max(as_attack, key=as_attack.get) == "ASSAULT"
    assert max(as_deal, key=as_deal.get) == "AGREE"


def test_round_trip_keeps_version_and_predictions(tmp_path: Path) -> None:
    typer = _tiny_typer()
    path = typer.save(tmp_path / "typer.npz")
    assert path == tmp_path / "typer.npz"  # numpy must not append a second suffix
    loaded = EventTyper.load(path)
    assert (loaded.version, loaded.classes) == ("test-1", typer.classes)
    sentences = ["Militants bombed a market.", "The ministers signed a deal.", "Rain all week.",
                 "", "Troops opened fire on protesters after the ceasefire deal collapsed."]
    syntax = ["v_bomb root_bomb", "v_sign vo_sign_deal", "", "", "v_open vo_open_fire v_collapse"]
    for before, after in zip(typer.predict_proba(sentences, syntax),
                             loaded.predict_proba(sentences, syntax), strict=True):
        assert after == pytest.approx(before, abs=1e-9)


def test_artefact_is_plain_arrays_not_a_pickle(tmp_path: Path) -> None:
    path = _tiny_typer().save(tmp_path / "typer.npz")
    with np.load(path, allow_pickle=False) as arrays:  # raises if anything needs unpickling
        meta = json.loads(str(arrays["meta"]))
        assert meta["format"] == 3 and meta["sklearn_version"] == sklearn.__version__
        assert arrays["coef"].shape[0] == len(arrays["classes"])


def test_probabilities_cover_every_label_and_sum_to_one() -> None:
    [proba] = _tiny_typer().predict_proba(["Rebels shelled the town."], ["v_shell root_shell"])
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
def test_shipped_typer_reads_obvious_sentences(pipeline) -> None:
    typer = EventTyper.load()
    assert typer.version
    labels = [label for label, _ in typer.predict([pipeline.nlp(text) for text in (
        "Government troops shelled rebel positions outside the city, killing twelve fighters.",
        "Thousands of workers marched through the capital to protest against the new tax.",
        "The striker scored twice as the home side won 3-0 on Saturday.",
    )])]
    assert labels == ["ASSAULT", "PROTEST", NONE_LABEL]
