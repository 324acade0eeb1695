"""Choose the rule/typer fusion thresholds on out-of-fold typer probabilities (development only).

The shipped typer was trained on PLV train, so its probabilities on those sentences are
over-confident; tuning the fusion on them would trust the typer too much. Instead:

    python scripts/train_typer.py --gold ../shared/gold --cv 5 --oof /tmp/oof.jsonl
    python scripts/tune_fusion.py --gold ../shared/gold --oof /tmp/oof.jsonl

codes PLV train and the hand-written negatives with the rules, lets a stand-in typer answer
each sentence with its out-of-fold probabilities, and walks each threshold of
``eventwire.coding.typer`` over a grid (coordinate ascent, two rounds), scoring with
``eventwire.eval.score_pairs``. The objective is PLV-train macro F1, with a setting refused if
it codes events on more of the negatives than the current thresholds do; a change is taken
when it gains at least ``--min-gain`` macro F1, or codes fewer negatives at no loss. ``--hold``
keeps a threshold fixed (the rule-confidence guard is held: the unit tests in
tests/unit/test_coding.py pin codebook cases the typer must not re-type). It prints every
setting tried and the best; copying the values into ``typer.py`` is a deliberate, reviewed step.
``--extra FILE`` adds a labelled set the typer never saw (our own check sentences): it is coded
with the shipped typer, reported for every setting, and with ``--objective extra|mean`` is
what the search maximises (a setting may not give its no-event items more events either).
Refuses held-out files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HELD_OUT = ("zsp_plv_test", "case2021_task2")
GRID: dict[str, tuple[float, ...]] = {
    "OVERRIDE_PROBABILITY": (0.45, 0.5, 0.55, 0.6, 0.7, 0.8),
    "OVERRIDE_RULE_CEILING": (0.05, 0.1, 0.15, 0.2, 0.3),
    "OVERRIDE_RULE_CONFIDENCE": (0.5, 0.6, 0.7, 0.8, 1.01),
    "DROP_NONE_PROBABILITY": (0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01),
    "FALLBACK_PROBABILITY": (0.3, 0.35, 0.4, 0.5, 0.6, 1.01),
}


class OutOfFoldTyper:
    """Answers every sentence of the item being coded with that item's out-of-fold
    probabilities (PLV items are one sentence; a split item shares its probabilities)."""

    def __init__(self) -> None:
        self.current: dict[str, float] = {}

    def predict_spans(self, spans: list[object]) -> list[dict[str, float]]:
        return [dict(self.current) for _ in spans]


class ProbabilityCache:
    """The shipped typer's answers on a set it never saw, computed once per sentence."""

    def __init__(self, typer: Any) -> None:
        self.typer = typer
        self.seen: dict[str, dict[str, float]] = {}

    def predict_spans(self, spans: list[Any]) -> list[dict[str, float]]:
        todo = [s for s in spans if s.text not in self.seen]
        if todo:
            for span, proba in zip(todo, self.typer.predict_spans(todo), strict=True):
                self.seen[span.text] = proba
        return [dict(self.seen[s.text]) for s in spans]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default="../shared/gold")
    parser.add_argument("--oof", required=True, help="JSONL from train_typer.py --cv N --oof")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--hold", action="append", default=[], choices=sorted(GRID),
                        help="keep this threshold at its current value (repeatable)")
    parser.add_argument("--extra", default=None,
                        help="a held-out gold JSONL the typer never saw (e.g. our own "
                             "tests/fixtures/plover_check.jsonl): scored with the shipped typer "
                             "and reported for every setting")
    parser.add_argument("--typer", default=None,
                        help="typer artefact that answers the --extra set (default: shipped)")
    parser.add_argument("--objective", choices=("train", "extra", "mean"), default="train",
                        help="macro F1 to maximise: PLV train (out-of-fold typer), the --extra "
                             "set, or their mean")
    parser.add_argument("--min-gain", type=float, default=0.003,
                        help="macro-F1 gain a change must bring to be taken (3 of ~1,000 "
                             "sentences: smaller gains are noise)")
    args = parser.parse_args(argv)
    gold_dir = Path(args.gold)
    train = gold_dir / "zsp_plv_train.jsonl"
    if any(name in train.name for name in HELD_OUT):
        parser.error("held-out file")

    import eventwire.coding.typer as typer_module
    from eventwire.coding import CodingResources, code_document
    from eventwire.config import Config
    from eventwire.eval.gold import as_prediction, load_gold
    from eventwire.model import Document
    from eventwire.pipeline import Pipeline

    oof = [json.loads(line) for line in Path(args.oof).read_text("utf-8").splitlines() if line]
    proba_by_text: dict[str, dict[str, float]] = {}
    for row in oof:  # a text labelled twice has one probability vector
        proba_by_text.setdefault(row["text"], row["proba"])
    negatives = sorted({row["text"] for row in oof if row["origin"] == "neg"})
    _, gold_items = load_gold(path=train)
    items = [i for i in gold_items if i.text in proba_by_text]
    print(f"{len(items)} of {len(gold_items)} PLV-train items have out-of-fold probabilities; "
          f"{len(negatives)} negatives", file=sys.stderr)

    config = Config(workers=1, use_typer=False)
    pipeline = Pipeline(config)
    stand_in = OutOfFoldTyper()
    base = CodingResources.load(config)
    resources = CodingResources(lexicon=base.lexicon, actors=base.actors, typer=stand_in)
    texts = [i.text for i in items] + negatives
    docs = list(pipeline.nlp.pipe(texts, batch_size=64))

    from eventwire.eval.scoring import score_pairs

    extra_items: list[Any] = []
    extra_docs: list[Any] = []
    extra_resources = None
    if args.extra:
        if any(name in args.extra for name in HELD_OUT):
            parser.error("held-out file")
        from eventwire.coding.typer import EventTyper

        _, extra_items = load_gold(path=Path(args.extra))
        extra_docs = list(pipeline.nlp.pipe([i.text for i in extra_items], batch_size=64))
        extra_resources = CodingResources(lexicon=base.lexicon, actors=base.actors,
                                          typer=ProbabilityCache(EventTyper.load(args.typer)))

    def extra_scores() -> tuple[float, float]:
        """Macro F1 on the labelled --extra items, share of its no-event items given events."""
        coded = [code_document(doc, Document(id=f"x{n}", text=item.text), extra_resources,
                               config) for n, (item, doc) in enumerate(zip(extra_items,
                                                                           extra_docs))]
        labelled = [(i, c) for i, c in zip(extra_items, coded) if i.events]
        empty = [c for i, c in zip(extra_items, coded) if not i.events]
        scores = score_pairs([i for i, _ in labelled],
                             [[as_prediction(e) for e in c] for _, c in labelled])
        return scores["macro_f1"], sum(bool(c) for c in empty) / max(1, len(empty))

    def evaluate() -> tuple[float, float, float, float, float, float]:
        coded = []
        for n, (text, doc) in enumerate(zip(texts, docs)):
            stand_in.current = proba_by_text[text]
            coded.append(code_document(doc, Document(id=f"t{n}", text=text), resources, config))
        scores = score_pairs(items, [[as_prediction(e) for e in events]
                                     for events in coded[:len(items)]])
        neg_rate = sum(bool(e) for e in coded[len(items):]) / max(1, len(negatives))
        extra = extra_scores() if extra_items else (0.0, 0.0)
        return (scores["macro_f1"], scores["accuracy"], scores["recipient_match"] or 0.0,
                neg_rate, *extra)

    def objective(scores: tuple[float, ...]) -> float:
        if args.objective == "extra":
            return scores[4]
        if args.objective == "mean":
            return (scores[0] + scores[4]) / 2
        return scores[0]

    current = {name: getattr(typer_module, name) for name in GRID}
    start = evaluate()
    print(f"current {current}: macro F1 {start[0]:.4f} acc {start[1]:.4f} recipient "
          f"{start[2]:.4f} negatives with events {start[3]:.3f}" + _extra(start))
    best, best_scores = dict(current), start
    seen: dict[tuple[Any, ...], tuple[float, ...]] = {tuple(best.values()): start}
    for _ in range(args.rounds):
        for name, values in GRID.items():
            if name in args.hold:
                continue
            for value in values:
                trial = {**best, name: value}
                key = tuple(trial.values())
                if key not in seen:
                    for k, v in trial.items():
                        setattr(typer_module, k, v)
                    seen[key] = evaluate()
                    print(f"  {name}={value}: macro F1 {seen[key][0]:.4f} acc "
                          f"{seen[key][1]:.4f} negatives {seen[key][3]:.3f}" + _extra(seen[key]),
                          file=sys.stderr)
                scores = seen[key]
                gain = objective(scores) - objective(best_scores)
                better = gain > args.min_gain or (
                    gain >= -1e-9 and scores[3] < best_scores[3] - 1e-9)
                extra_ok = not extra_items or scores[5] <= start[5] + 1e-9
                if scores[3] <= start[3] + 1e-9 and extra_ok and better:
                    best, best_scores = trial, scores
    for k, v in current.items():
        setattr(typer_module, k, v)
    print(f"best {best}: macro F1 {best_scores[0]:.4f} acc {best_scores[1]:.4f} recipient "
          f"{best_scores[2]:.4f} negatives with events {best_scores[3]:.3f}" + _extra(best_scores))
    return 0


def _extra(scores: tuple[float, ...]) -> str:
    return f" | extra macro F1 {scores[4]:.4f} no-event items with events {scores[5]:.3f}" \
        if scores[4] or scores[5] else ""


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    sys.exit(main())
