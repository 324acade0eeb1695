"""The things ``evaluate`` can score: the typer alone, the pipeline, rules fused with the typer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from eventwire.eval.gold import NONE_LABEL, Prediction, Predictor, as_prediction

Parser = Callable[[Sequence[str]], list[Any]]


def spacy_parser(config: Any = None) -> Parser:
    """Parse gold texts with the model the pipeline loads (the typer reads parse features)."""
    from eventwire.config import Config
    from eventwire.nlp import load_model

    nlp = load_model(config or Config())
    return lambda texts: list(nlp.pipe(texts, batch_size=64))


def typer_predictor(typer: Any, parse: Parser | None = None) -> Predictor:
    """Score the trained typer alone: one event of its top type per sentence, none for NONE."""
    parse = parse or spacy_parser()

    def predict(sentences: Sequence[str]) -> list[list[Prediction]]:
        out: list[list[Prediction]] = []
        for proba in typer.predict_spans(parse(sentences)):
            best = max(proba, key=lambda t: proba[t])
            out.append([] if best == NONE_LABEL else [Prediction(best, proba[best])])
        return out
    return predict


def pipeline_predictor(config: Any = None) -> Predictor:
    """Score the full pipeline, one document per gold text, batched through nlp.pipe."""
    from eventwire.pipeline import Pipeline

    return _predict_with(Pipeline(config) if config is not None else Pipeline())


def _predict_with(pipeline: Any) -> Predictor:
    def predict(sentences: Sequence[str]) -> list[list[Any]]:
        found: dict[str, list[Any]] = {}
        docs = [{"id": f"gold-{i}", "text": s} for i, s in enumerate(sentences)]
        for result in pipeline.code_documents(docs):
            if result.document is not None:
                found[result.document.id] = list(result.events)
        return [found.get(f"gold-{i}", []) for i in range(len(sentences))]
    return predict


def fused_predictor(typer: Any, config: Any = None) -> Predictor:
    """Rules-only pipeline events combined with the typer by :func:`eventwire.coding.typer.fuse`.

    Scores the recommended fusion without changing the pipeline (whose own fusion may differ).
    """
    from dataclasses import replace as _replace

    from eventwire.coding.typer import fuse
    from eventwire.config import Config
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(_replace(config or Config(), use_typer=False))
    rules = _predict_with(pipeline)

    def parse(texts: Sequence[str]) -> list[Any]:  # the rules pipeline's model, not a second one
        return list(pipeline.nlp.pipe(texts, batch_size=64))

    def predict(sentences: Sequence[str]) -> list[list[Prediction]]:
        out: list[list[Prediction]] = []
        for events, proba in zip(rules(sentences), typer.predict_spans(parse(sentences)),
                                 strict=True):
            found = [as_prediction(e) for e in events]
            fused: list[Prediction] = []
            for event in found:
                kind, conf = fuse(event.event_type, event.confidence, proba)
                if kind is not None:
                    fused.append(_replace(event, event_type=kind, confidence=conf,
                                          acled=event.acled if kind == event.event_type else None))
            if not found:
                kind, conf = fuse(None, 0.0, proba)
                if kind is not None:
                    fused.append(Prediction(kind, conf))
            out.append(fused)
        return out
    return predict


def dictionary_identity(config: Any = None) -> Callable[[str, str], bool]:
    """``same_actor`` for :func:`eventwire.eval.evaluate`: the gold span resolves, in the actor
    dictionaries the coder uses, to the actor id a pronoun was resolved to."""
    from eventwire.config import Config
    from eventwire.resolve.actors import ActorDictionary

    actors = ActorDictionary.load((config or Config()).dictionaries)

    def same_actor(gold_text: str, actor_id: str) -> bool:
        found = actors.match(gold_text)
        return found is not None and found.id == actor_id
    return same_actor
