"""Score event coders against gold sets: shared by ``eventwire eval`` and the accuracy floors.

The scorer never imports the pipeline: it takes a ``predict(sentences) -> list[list[event]]``
callable, so the same code scores the full pipeline, the trained typer alone, or a stub in
tests. Events may be :class:`~eventwire.model.Event` records, dicts in the output contract's
shape, or :class:`Prediction`.

Scoring rules (also in docs/accuracy.md):

* Pair-labelled sets (PLV, PLOVER GSR, any JSONL with ``events``): for each gold event, the
  predicted event whose actor/recipient best match the gold pair is chosen, else the most
  confident one; no prediction = ``NONE``. A prediction counts as the gold label when it is one
  of the gold ``plover_candidates`` (legacy YIELD accepts CONCEDE or RETREAT).
* Argument match: normalised texts (lower case, no punctuation, no leading article) match when
  one contains the other or their token F1 is at least 0.5. A resolved pronoun ("it", "they")
  is compared through its resolved name, and, when scoring a coder with actor dictionaries
  (``same_actor=dictionary_identity()``), also matches when the gold span names the same
  dictionary actor it was resolved to.
* CASE 2021: one label per snippet; the prediction is the ACLED sub-type of the most confident
  event that has one (``NONE`` when no event has one), mapped to CASE codes by
  :data:`ACLED_TO_CASE`. Coarse PLOVER agreement uses :data:`CASE_TO_PLOVER`.
"""

from __future__ import annotations

from eventwire.errors import EventwireError
from eventwire.eval.gold import (
    GOLD_SETS,
    NONE_LABEL,
    GoldError,
    GoldEvent,
    GoldItem,
    GoldSet,
    Prediction,
    Predictor,
    as_prediction,
    find_gold_dir,
    gold_item,
    load_gold,
    read_jsonl,
)
from eventwire.eval.predictors import (
    dictionary_identity,
    fused_predictor,
    pipeline_predictor,
    typer_predictor,
)
from eventwire.eval.scoring import (
    ACLED_TO_CASE,
    CASE_TO_PLOVER,
    NON_POLITICAL_CASE,
    SameActor,
    argument_hit,
    argument_match,
    choose_prediction,
    classification_scores,
    confusion,
    evaluate,
    normalise,
    score_case,
    score_pairs,
    score_petrarch,
    token_f1,
)

__all__ = [
    "ACLED_TO_CASE", "CASE_TO_PLOVER", "GOLD_SETS", "NONE_LABEL", "NON_POLITICAL_CASE",
    "EventwireError", "GoldError", "GoldEvent", "GoldItem", "GoldSet", "Prediction", "Predictor",
    "SameActor", "argument_hit", "argument_match", "as_prediction", "choose_prediction", "classification_scores", "confusion",
    "dictionary_identity", "evaluate", "find_gold_dir", "fused_predictor", "gold_item", "load_gold", "normalise",
    "pipeline_predictor", "read_jsonl", "score_case", "score_pairs", "score_petrarch",
    "token_f1", "typer_predictor",
]
