"""Metrics: argument matching, per-class scores, and the per-set scorers behind ``evaluate``."""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from eventwire.eval.gold import (
    NONE_LABEL,
    GoldEvent,
    GoldItem,
    Prediction,
    Predictor,
    as_prediction,
    load_gold,
)
from eventwire.model import PLOVER_TYPES

#: Our ACLED sub-type names (ACLED's spelling, see eventwire.coding.acled) -> CASE 2021 codes.
ACLED_TO_CASE: dict[str, str] = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
}

#: Fixed before looking at results: the PLOVER types that count as a coarse match for each CASE
#: label. Remote violence, battles and violence against civilians are all ASSAULT; a seizure of
#: weapons or an arrest is COERCE; territory changes are ASSAULT when fought for, RETREAT when
#: handed over. Unseen labels have no PLOVER type (we should emit nothing), except DIPLO.
CASE_TO_PLOVER: dict[str, tuple[str, ...]] = {
    "ARMED_CLASH": ("ASSAULT",),
    "GOV_REGAINS_TERIT": ("ASSAULT", "COERCE"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("ASSAULT", "COERCE"),
    "CHEM_WEAP": ("ASSAULT",),
    "AIR_STRIKE": ("ASSAULT",),
    "SUIC_BOMB": ("ASSAULT",),
    "ART_MISS_ATTACK": ("ASSAULT",),
    "REM_EXPLOS": ("ASSAULT",),
    "GRENADE": ("ASSAULT",),
    "SEX_VIOL": ("ASSAULT",),
    "ATTACK": ("ASSAULT",),
    "ABDUCT_DISSAP": ("ASSAULT", "COERCE"),
    "PEACE_PROTEST": ("PROTEST",),
    "PROTEST_WITH_INTER": ("PROTEST", "COERCE"),
    "FORCE_AGAINST_PROTEST": ("COERCE", "ASSAULT"),
    "VIOL_DEMONSTR": ("PROTEST",),
    "MOB_VIOL": ("PROTEST", "ASSAULT"),
    "AGREEMENT": ("AGREE",),
    "ARREST": ("COERCE",),
    "CHANGE_TO_GROUP_ACT": ("MOBILIZE", "RETREAT", "COOPERATE", "CONCEDE"),
    "DISR_WEAP": ("COERCE",),
    "HQ_ESTABLISHED": ("MOBILIZE",),
    "PROPERTY_DISTRUCT": ("COERCE", "ASSAULT"),
    "NON_VIOL_TERRIT_TRANSFER": ("RETREAT", "CONCEDE"),
    "OTHER": PLOVER_TYPES,
    "DIPLO": ("CONSULT", "AGREE", "SUPPORT", "COOPERATE", "REQUEST"),
}

#: CASE labels outside ACLED for which a political event coder should stay silent.
NON_POLITICAL_CASE = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME"})


# -- argument matching --------------------------------------------------------------------

_ARTICLE = re.compile(r"^(the|a|an)\s+")
_PUNCT = re.compile(r"[^\w\s]")


def normalise(text: str) -> str:
    text = _PUNCT.sub(" ", text.lower().replace("’", "'").replace("'s", ""))
    return _ARTICLE.sub("", " ".join(text.split()))


def token_f1(a: str, b: str) -> float:
    ta, tb = normalise(a).split(), normalise(b).split()
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    precision, recall = common / len(ta), common / len(tb)
    return 2 * precision * recall / (precision + recall)


def argument_match(gold: str | None, predicted: str | None) -> bool:
    """Containment either way (after normalising) or token F1 >= 0.5.

    Compound gold actors ("Hungarian; Romanian") match when any part matches.
    """
    if not gold or not predicted:
        return False
    p = normalise(predicted)
    for part in gold.split(";"):
        g = normalise(part)
        if g and p and (g in p or p in g or token_f1(g, p) >= 0.5):
            return True
    return False


#: ``same_actor(gold_text, actor_id)``: does the gold span name the actor with this dictionary
#: id? Lets a resolved pronoun ("The Israeli military says *it* has opened an inquiry") be
#: judged by whom it stands for, as a reader (or the GDELT audit, which checks actor codes)
#: would, when its canonical name ("Military of Israel") shares too few words with the span.
SameActor = Callable[[str, str], bool]


def argument_hit(gold: str | None, predicted: str | None, predicted_id: str | None = None,
                 same_actor: SameActor | None = None) -> bool:
    """:func:`argument_match`, or, for a resolved pronoun, the gold span naming its actor."""
    if argument_match(gold, predicted):
        return True
    return bool(gold and predicted_id and same_actor is not None and
                any(part.strip() and same_actor(part.strip(), predicted_id)
                    for part in gold.split(";")))


def _pair_score(gold: GoldEvent, pred: Prediction, same_actor: SameActor | None = None) -> float:
    score = 0.0
    for g, p, pid in ((gold.actor, pred.actor, pred.actor_id),
                      (gold.recipient, pred.recipient, pred.recipient_id)):
        if g and p:
            score += 1.0 if argument_hit(g, p, pid, same_actor) else token_f1(g, p) * 0.5
    return score


def choose_prediction(gold: GoldEvent, predictions: Sequence[Prediction],
                      same_actor: SameActor | None = None) -> Prediction | None:
    """The predicted event for a gold pair: best argument overlap, ties by confidence."""
    if not predictions:
        return None
    return max(predictions, key=lambda p: (_pair_score(gold, p, same_actor), p.confidence))


# -- metrics ------------------------------------------------------------------------------

def classification_scores(gold: Sequence[str], predicted: Sequence[str],
                          ignore: Iterable[str] = (NONE_LABEL,)) -> dict[str, Any]:
    """Per-class precision/recall/F1 and macro/weighted F1 over the gold classes.

    Classes only ever predicted (never in gold) count against the true class's recall but are
    not averaged in, as in scikit-learn's ``labels=`` convention.
    """
    skip = set(ignore)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    support = Counter(gold)
    per_class: dict[str, dict[str, float]] = {}
    for label in sorted(set(gold) | set(predicted)):
        prec = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        rec = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[label] = {"precision": round(prec, 4), "recall": round(rec, 4),
                            "f1": round(f1, 4), "support": support[label],
                            "predicted": tp[label] + fp[label]}
    scored = [lab for lab in per_class if support[lab] and lab not in skip]
    total = sum(support[lab] for lab in scored)
    macro = sum(per_class[lab]["f1"] for lab in scored) / len(scored) if scored else 0.0
    weighted = sum(per_class[lab]["f1"] * support[lab] for lab in scored) / total if total else 0.0
    correct = sum(tp.values())
    return {"n": len(gold), "accuracy": round(correct / len(gold), 4) if gold else 0.0,
            "macro_f1": round(macro, 4), "weighted_f1": round(weighted, 4),
            "per_class": per_class}


def confusion(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, int]]:
    matrix: dict[str, dict[str, int]] = defaultdict(dict)
    for g, p in zip(gold, predicted, strict=True):
        matrix[g][p] = matrix[g].get(p, 0) + 1
    return {g: dict(sorted(row.items())) for g, row in sorted(matrix.items())}


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


# -- scoring ------------------------------------------------------------------------------

def _predict_all(items: Sequence[GoldItem], predict: Predictor) -> list[list[Prediction]]:
    raw = predict([item.text for item in items])
    if len(raw) != len(items):
        raise ValueError(f"predict returned {len(raw)} results for {len(items)} sentences")
    return [[as_prediction(e) for e in events] for events in raw]


def score_pairs(items: Sequence[GoldItem], predictions: Sequence[Sequence[Prediction]],
                worst: int = 15, same_actor: SameActor | None = None) -> dict[str, Any]:
    """Type, actor and recipient scores for sets labelled per (sentence, actor, recipient).

    Without ``same_actor`` a pronoun argument is judged by its resolved name's words only.
    """
    gold_labels: list[str] = []
    pred_labels: list[str] = []
    errors: list[dict[str, Any]] = []
    actor_hits = actor_total = recipient_hits = recipient_total = 0
    missing: Counter[str] = Counter()  # gold argument present, chosen event has none
    # a typer alone predicts no arguments: report their match as "not applicable", not 0
    has_arguments = any(p.actor or p.recipient for preds in predictions for p in preds)
    negatives = [bool(preds) for item, preds in zip(items, predictions, strict=True)
                 if item.events is not None and not item.events]
    for item, preds in zip(items, predictions, strict=True):
        for gold in item.events or ():
            chosen = choose_prediction(gold, preds, same_actor)
            raw = chosen.event_type if chosen else NONE_LABEL
            label = gold.label if raw in gold.candidates else raw
            gold_labels.append(gold.label)
            pred_labels.append(label)
            if gold.actor:
                actor_total += 1
                actor_hits += bool(chosen and argument_hit(gold.actor, chosen.actor,
                                                           chosen.actor_id, same_actor))
                missing["actor"] += not (chosen and chosen.actor)
            if gold.recipient:
                recipient_total += 1
                recipient_hits += bool(chosen and argument_hit(
                    gold.recipient, chosen.recipient, chosen.recipient_id, same_actor))
                missing["recipient"] += not (chosen and chosen.recipient)
            if label != gold.label:
                errors.append({"id": item.id, "sentence": item.text, "gold": gold.label,
                               "predicted": raw,
                               "confidence": round(chosen.confidence, 3) if chosen else 0.0})
    scores = classification_scores(gold_labels, pred_labels)
    errors.sort(key=lambda e: -e["confidence"])
    return {**scores,
            "actor_match": _rate(actor_hits, actor_total) if has_arguments else None,
            "recipient_match": _rate(recipient_hits, recipient_total) if has_arguments else None,
            "actor_missing_rate": _rate(missing["actor"], actor_total) if has_arguments else None,
            "recipient_missing_rate":
                _rate(missing["recipient"], recipient_total) if has_arguments else None,
            "no_event_rate": _rate(pred_labels.count(NONE_LABEL), len(pred_labels)),
            # sentences annotated as holding no event ("events": []) that still got one
            "negatives_with_events": _rate(sum(negatives), len(negatives)),
            "negatives": len(negatives),
            "confusion": confusion(gold_labels, pred_labels),
            "worst_errors": errors[:worst]}


def score_case(items: Sequence[GoldItem], predictions: Sequence[Sequence[Prediction]],
               worst: int = 15) -> dict[str, Any]:
    """ACLED sub-type scores on the 25 ACLED classes, coarse PLOVER agreement, and how often
    we emit events on the unseen (non-ACLED) snippets.

    A coder without ACLED output (the typer alone) gets only the coarse score; its confusion
    matrix and errors then show the PLOVER type of its most confident event instead.
    """
    has_acled = any(p.acled for preds in predictions for p in preds)
    gold_labels: list[str] = []
    pred_labels: list[str] = []
    coarse_hits = 0
    errors: list[dict[str, Any]] = []
    emitted: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # any event, ACLED-typed, n
    for item, preds in zip(items, predictions, strict=True):
        label = item.acled_subtype or NONE_LABEL
        if item.group != "acled":
            emitted[label][0] += bool(preds)
            emitted[label][1] += any(p.acled for p in preds)
            emitted[label][2] += 1
            continue
        pool = [p for p in preds if p.acled] if has_acled else list(preds)
        top = max(pool, key=lambda p: p.confidence) if pool else None
        if top is None:
            predicted = NONE_LABEL
        elif has_acled:
            predicted = ACLED_TO_CASE.get(top.acled or "", top.acled or NONE_LABEL)
        else:
            predicted = top.event_type
        coarse = any(p.event_type in CASE_TO_PLOVER.get(label, ()) for p in preds)
        gold_labels.append(label)
        pred_labels.append(predicted)
        coarse_hits += coarse
        if (predicted != label) if has_acled else not coarse:
            errors.append({"id": item.id, "sentence": item.text, "gold": label,
                           "predicted": predicted,
                           "types": sorted({p.event_type for p in preds}),
                           "confidence": round(top.confidence, 3) if top else 0.0})
    scores = classification_scores(gold_labels, pred_labels) if gold_labels and has_acled else {}
    errors.sort(key=lambda e: -e["confidence"])
    silent = [k for k in emitted if k in NON_POLITICAL_CASE]
    fp_total = sum(emitted[k][2] for k in silent)
    return {**scores,
            "plover_coarse_match": _rate(coarse_hits, len(gold_labels)),
            # headline: any event at all; the second counts only events with an ACLED type
            # (a PLOVER arrest or accusation in a crime story is kept on purpose, unACLED)
            "non_political_event_rate": _rate(sum(emitted[k][0] for k in silent), fp_total),
            "non_political_acled_event_rate": _rate(sum(emitted[k][1] for k in silent),
                                                    fp_total) if has_acled else None,
            "unseen_event_rate": {k: _rate(v[0], v[2]) for k, v in sorted(emitted.items())},
            "confusion": confusion(gold_labels, pred_labels) if gold_labels else {},
            "worst_errors": errors[:worst]}


def score_petrarch(items: Sequence[GoldItem],
                   predictions: Sequence[Sequence[Prediction]]) -> dict[str, Any]:
    """Detection only: the codes are from a WEIS-derived validation dictionary and the actors
    are fictional, so type and actor accuracy would not mean anything here."""
    coded = [(bool(i.events), bool(p)) for i, p in zip(items, predictions, strict=True)]
    expected = [found for has, found in coded if has]
    silent = [found for has, found in coded if not has]
    return {"n": len(items),
            "detection_rate": _rate(sum(expected), len(expected)),
            "false_positive_rate": _rate(sum(silent), len(silent)),
            "note": "fictional actors, WEIS-like codes: only event detection is scored"}


def evaluate(predict: Predictor, name: str | None = None,
             gold: str | os.PathLike[str] | None = None, limit: int | None = None,
             worst: int = 15, same_actor: SameActor | None = None) -> dict[str, Any]:
    """Run ``predict`` over a gold set and score it; the result is JSON-ready."""
    spec, items = load_gold(name, gold, limit)
    predictions = _predict_all(items, predict)
    if spec.kind == "case":
        scores = score_case(items, predictions, worst)
    elif spec.kind == "petrarch":
        scores = score_petrarch(items, predictions)
    else:
        scores = score_pairs(items, predictions, worst, same_actor)
    return {"set": spec.name, "description": spec.description, "kind": spec.kind,
            "items": len(items), **scores}
