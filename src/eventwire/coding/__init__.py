"""Event detection and typing: a parsed document in, PLOVER/CAMEO/ACLED-typed events out.

Entry point: :func:`code_document`. The rule-based detector finds triggers and reads roles off
the parse; the trained typer (when shipped) checks and corrects the type per sentence.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventwire.coding.build import ActorResolver, MentionMemory, build_events, remember_entities
from eventwire.coding.detect import detect
from eventwire.coding.lexicon import Lexicon
from eventwire.coding.topic import off_topic_domain
from eventwire.config import Config
from eventwire.errors import ErrorCode, ProcessingError
from eventwire.model import Document, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["CodingResources", "code_document"]


@dataclass(frozen=True)
class CodingResources:
    """Everything the coder reads, loaded once per process and shared by all documents."""

    lexicon: Lexicon
    actors: ActorResolver
    typer: Any | None = None  # eventwire.coding.typer.EventTyper when available

    @classmethod
    def load(cls, config: Config) -> CodingResources:
        from eventwire.resolve.actors import ActorDictionary

        typer = None
        if config.use_typer:
            from eventwire.coding.fusion import load_typer_if_available

            typer = load_typer_if_available(config.typer_model)
        return cls(
            lexicon=Lexicon.load(),
            actors=ActorDictionary.load(config.dictionaries),
            typer=typer,
        )


def code_document(doc: Doc, document: Document, resources: CodingResources,
                  config: Config) -> list[Event]:
    """Every event the document reports, before places, dates and quotes are resolved."""
    if off_topic_domain(doc) is not None:
        return []
    on_date = document.published.isoformat() if document.published else None
    memory = MentionMemory()
    sentences = list(doc.sents)
    entities = list(doc.ents)  # once per document (see remember_entities)
    per_sentence: list[tuple[int, list[Event]]] = []
    uncoded: list[Span | None] = []
    deadline = time.monotonic() + config.document_time_budget_s
    for index, sentence in enumerate(sentences):
        if time.monotonic() > deadline:
            raise ProcessingError(
                f"coding stopped at sentence {index + 1} of {len(sentences)}: over the "
                f"{config.document_time_budget_s}s budget per document (raise "
                "document_time_budget_s or split the document)",
                code=ErrorCode.TIME_BUDGET_EXCEEDED)
        if sentence.end_char - sentence.start_char > config.max_sentence_chars:
            uncoded.append(None)
            continue
        candidates = detect(sentence, resources.lexicon)
        found = build_events(candidates, sentence, document, resources.actors,
                             resources.lexicon, memory, on_date) if candidates else []
        remember_entities(sentences, resources.actors, memory, on_date, index, entities)
        uncoded.append(None if found else sentence)
        if found:
            per_sentence.append((index, found))
    if resources.typer is not None:
        from eventwire.coding.fusion import apply_typer, typer_only_events

        per_sentence = (apply_typer(resources.typer, per_sentence, sentences, resources.lexicon,
                                    document.text) if per_sentence else [])
        per_sentence += typer_only_events(resources.typer, uncoded, document, resources,
                                          memory, on_date)
        per_sentence.sort(key=lambda item: item[0])
    return [e for _, found in per_sentence for e in found
            if e.confidence >= config.min_confidence]
