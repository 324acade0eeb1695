"""Train (or cross-validate) eventwire's sentence typer from the development gold splits.

    python scripts/train_typer.py --gold ../shared/gold            # writes the shipped artefact
    python scripts/train_typer.py --gold ../shared/gold --cv 5     # CV on PLV train only

Training data, and only these (never zsp_plv_test or case2021):
* zsp_plv_train.jsonl: one row per labelled (sentence, actor, recipient); legacy YIELD rows are
  labelled RETREAT when the sentence says withdraw/ceasefire/disarm... or tells a release or
  hand-back (not a pardon or amnesty), else CONCEDE
  (``yield_label``);
* plover_gsr.jsonl: every event's type;
* ngec_synthetic.jsonl: title + first sentence, weight ``--synthetic-weight`` (noisy labels);
* src/eventwire/data/typer/negatives.txt: sentences we wrote with no political event (NONE).
Every text is also parsed (the pipeline's default spaCy model, about a minute) for the typer's
parse features (``eventwire.coding.typer_syntax``). Deterministic: the same data and spaCy model
give the same artefact.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from eventwire.coding.typer import (
    NONE_LABEL,
    SYNTAX_WEIGHT,
    EventTyper,
    fit_model,
    shipped_artefact,
)
from eventwire.coding.typer_syntax import syntax_features
from eventwire.eval import classification_scores, find_gold_dir, read_jsonl

RETREAT_WORDS = re.compile(
    r"withdr[ae]w|withdraw|pull(s|ed|ing)? (out|back)|retreat|cease-?fire|cessation of "
    r"hostilities|truce|disarm|demobili|ceased|troops? (leav|left)|evacuat", re.IGNORECASE)
#: The actual release or hand-back of people and property is RETREAT in the PLOVER manual
#: ("the actual release or exchange of prisoners should be coded as RETREAT"); a formal pardon,
#: amnesty or acquittal is CONCEDE, also when the sentence tells the release that follows.
RELEASE_WORDS = re.compile(
    r"releas|freed|set free|let (go|free)|hand(s|ed|ing)? (back|over)|repatriat|"
    r"prisoner (swap|exchange)|exchange of prisoners|swap of prisoners", re.IGNORECASE)
CONCESSION_WORDS = re.compile(r"pardon|amnest|acquit", re.IGNORECASE)
logger = logging.getLogger("train_typer")
FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def yield_label(text: str) -> str:
    """Legacy YIELD split by keyword, as the PLOVER manual splits it: military de-escalation
    and the release or return of people and property are RETREAT, the rest CONCEDE."""
    if RETREAT_WORDS.search(text):
        return "RETREAT"
    if RELEASE_WORDS.search(text) and not CONCESSION_WORDS.search(text):
        return "RETREAT"
    return "CONCEDE"


def negatives_path() -> Path:
    return shipped_artefact().parent / "negatives.txt"


def training_rows(gold: Path, synthetic_weight: float
                  ) -> tuple[list[str], list[str], list[float], list[str], list[bool]]:
    """texts, labels, weights, origin ("plv"/"gsr"/"syn"/"neg"), was-YIELD flags."""
    texts: list[str] = []
    labels: list[str] = []
    weights: list[float] = []
    origin: list[str] = []
    was_yield: list[bool] = []

    def add(text: str, label: str, weight: float, where: str, yielded: bool = False) -> None:
        texts.append(text)
        labels.append(label)
        weights.append(weight)
        origin.append(where)
        was_yield.append(yielded)

    for record in read_jsonl(gold / "zsp_plv_train.jsonl"):
        for event in record["events"]:
            if event["plover"]:
                add(record["text"], event["plover"], 1.0, "plv")
            elif set(event["plover_candidates"]) == {"CONCEDE", "RETREAT"}:
                add(record["text"], yield_label(record["text"]), 1.0, "plv", True)
    for record in read_jsonl(gold / "plover_gsr.jsonl"):
        for event in record["events"]:
            if event["plover"]:
                add(record["text"], event["plover"], 1.0, "gsr")
    for record in read_jsonl(gold / "ngec_synthetic.jsonl"):
        first = FIRST_SENTENCE.split(record["text"].strip(), maxsplit=1)[0]
        add(f"{record['title']}. {first}", record["events"][0]["plover"], synthetic_weight, "syn")
    for line in negatives_path().read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            add(line.strip(), NONE_LABEL, 1.0, "neg")
    return texts, labels, weights, origin, was_yield


def parse_features(texts: list[str]) -> list[str]:
    """Each text's parse features, from the model the pipeline loads by default (so training
    sees the same parses as inference)."""
    from eventwire.config import Config
    from eventwire.nlp import load_model

    nlp = load_model(Config())
    logger.info("parsing %d training texts with %s", len(texts), nlp.meta.get("name"))
    return [syntax_features(doc) for doc in nlp.pipe(texts, batch_size=128)]


def cross_validate(rows: tuple, syntax: list[str] | None, folds: int, c: float,
                   syntax_weight: float, oof: Path | None = None) -> dict:
    """Stratified CV over PLV-train (+ negatives) rows; GSR and synthetic rows always train."""
    from sklearn.model_selection import StratifiedKFold

    texts, labels, weights, origin, was_yield = rows
    texts_a = np.asarray(texts, dtype=object)
    syntax_a = np.asarray(syntax, dtype=object) if syntax is not None else None
    labels_a = np.asarray(labels)
    held = np.array([i for i, o in enumerate(origin) if o in ("plv", "neg")])
    always = np.array([i for i, o in enumerate(origin) if o not in ("plv", "neg")])
    gold_names = np.array(["YIELD" if was_yield[i] else labels[i] for i in held])
    predicted = np.empty(len(held), dtype=object)
    out_of_fold: dict[int, dict[str, float]] = {}
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=0).split(held, gold_names):
        index = np.concatenate([held[train], always])
        model = fit_model(list(texts_a[index]),
                          None if syntax_a is None else list(syntax_a[index]),
                          list(labels_a[index]), [weights[i] for i in index], c, syntax_weight)
        proba = model.predict_proba(list(texts_a[held[test]]),
                                    None if syntax_a is None else list(syntax_a[held[test]]))
        predicted[test] = np.asarray(model.classes_)[proba.argmax(axis=1)]
        for row, i in zip(proba, held[test]):
            out_of_fold[int(i)] = dict(zip(model.classes_, row.round(4).tolist()))
    scored_pred = [("YIELD" if g == "YIELD" and p in ("CONCEDE", "RETREAT") else p)
                   for g, p in zip(gold_names, predicted)]
    is_plv = [origin[i] == "plv" for i in held]
    plv = classification_scores([g for g, k in zip(gold_names, is_plv) if k],
                                [p for p, k in zip(scored_pred, is_plv) if k])
    neg = [p for p, k in zip(scored_pred, is_plv) if not k]
    if oof is not None:  # out-of-fold probabilities, for tuning the fusion thresholds
        with oof.open("w", encoding="utf-8") as handle:
            for i, proba in sorted(out_of_fold.items()):
                handle.write(json.dumps({"text": texts[i], "label": labels[i], "origin": origin[i],
                                         "was_yield": was_yield[i], "proba": proba}) + "\n")
    return {"plv_train_cv_macro_f1": plv["macro_f1"], "plv_train_cv_accuracy": plv["accuracy"],
            "negatives_cv_none_rate": round(neg.count(NONE_LABEL) / len(neg), 4),
            "per_class": {k: v["f1"] for k, v in plv["per_class"].items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", default=None, help="gold directory (default ../shared/gold)")
    parser.add_argument("--out", default=str(shipped_artefact()), help="artefact path")
    parser.add_argument("--cv", type=int, default=0, help="cross-validate with N folds instead")
    parser.add_argument("--oof", type=Path, default=None,
                        help="with --cv: write out-of-fold probabilities (JSONL) here")
    parser.add_argument("--c", type=float, default=10.0, help="inverse regularisation")
    parser.add_argument("--synthetic-weight", type=float, default=0.1)
    parser.add_argument("--syntax-weight", type=float, default=SYNTAX_WEIGHT,
                        help="weight of the parse-feature block (0: text only, no parse)")
    parser.add_argument("--version", default="typer-2026.11-4", help="version stamp")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = training_rows(find_gold_dir(args.gold), args.synthetic_weight)
    logger.info("training rows: %s", dict(Counter(rows[3])))
    syntax = parse_features(rows[0]) if args.syntax_weight > 0 else None
    if args.cv:
        json.dump(cross_validate(rows, syntax, args.cv, args.c, args.syntax_weight, args.oof),
                  sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    import sklearn

    model = fit_model(rows[0], syntax, rows[1], rows[2], args.c, args.syntax_weight)
    typer = EventTyper(model=model, version=args.version, sklearn_version=sklearn.__version__,
                       classes=tuple(model.classes_))
    path = typer.save(args.out)
    logger.info("wrote %s (%.1f MB)", path, path.stat().st_size / 1e6)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
