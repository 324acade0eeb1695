"""Combine the rule-based coder with the trained sentence typer.

The rules know *who* did *what* from the parse; the typer has seen thousands of labelled
sentences and knows which type a sentence reads as. Each corrects the other's typical mistakes.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.model import Document, Event

if TYPE_CHECKING:
    from spacy.tokens import Span

#: Typer probability above which a sentence without rule events still yields an event.
FALLBACK_THRESHOLD = 0.6

logger = logging.getLogger(__name__)


def load_typer_if_available(path: str | None) -> Any | None:
    """The shipped (or configured) typer, or None when no artefact is installed."""
    from eventwire.coding.typer import EventTyper

    if path is not None and not Path(path).exists():
        raise FileNotFoundError(f"typer model {path} does not exist")
    try:
        return EventTyper.load(path)
    except FileNotFoundError as exc:
        logger.warning("no trained typer available (%s); coding with rules only", exc)
        return None


def apply_typer(typer: Any, per_sentence: list[tuple[int, list[Event]]]) -> list[tuple[int, list[Event]]]:
    """Re-score (and where the typer is sure, re-type or drop) each sentence's events."""
    sentences = [events[0].evidence.sentence for _, events in per_sentence]
    probabilities = typer.predict_proba(sentences)
    fused: list[tuple[int, list[Event]]] = []
    for (index, events), proba in zip(per_sentence, probabilities):
        kept = [e for e in (fuse_event(e, proba, len(events)) for e in events) if e is not None]
        if kept:
            fused.append((index, kept))
    return fused


def typer_only_events(typer: Any, sentences: list[Span], document: Document,
                      resources: Any, memory: Any, on_date: str | None,
                      threshold: float = FALLBACK_THRESHOLD) -> list[tuple[int, list[Event]]]:
    """Events for sentences the rules found nothing in but the typer reads as one event.

    The lexicon cannot list every way news says "X rejected Y"; when the typer is confident,
    the main clause's subject and object become actor and recipient (rule ``typer:TYPE``).
    """
    from eventwire.coding.build import build_events
    from eventwire.coding.detect import clause_candidate

    chosen = [(i, s) for i, s in enumerate(sentences) if s is not None and _has_actor_clause(s)]
    if not chosen:
        return []
    probabilities = typer.predict_proba([s.text for _, s in chosen])
    found: list[tuple[int, list[Event]]] = []
    for (index, sentence), proba in zip(chosen, probabilities):
        best = max((t for t in proba if t != "NONE"), key=lambda t: proba[t], default=None)
        if best is None or proba[best] < threshold or proba.get("NONE", 0.0) >= proba[best]:
            continue
        candidate = clause_candidate(sentence, best, proba[best], resources.lexicon)
        if candidate is None:
            continue
        events = build_events([candidate], sentence, document, resources.actors,
                              resources.lexicon, memory, on_date)
        if events:
            found.append((index, events))
    return found


def _has_actor_clause(sentence: Span) -> bool:
    """Cheap pre-filter: a finite verb with a nominal subject."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX")
               for t in sentence)


def fuse_event(event: Event, proba: dict[str, float], events_in_sentence: int) -> Event | None:
    """One event's type and confidence after hearing the typer's opinion of its sentence."""
    p_rule = proba.get(event.event_type, 0.0)
    p_none = proba.get("NONE", 0.0)
    best_type = max((t for t in proba if t != "NONE"), key=lambda t: proba[t], default=None)
    conf = event.confidence
    if p_none >= 0.85 and conf < 0.6:
        return None
    if best_type is not None and best_type != event.event_type and events_in_sentence == 1 \
            and proba[best_type] >= 0.75 and p_rule < 0.1 and conf < 0.7:
        return event.with_changes(event_type=best_type, mode=None, cameo=None, acled=None,
                                  confidence=round(min(0.95, proba[best_type] * 0.8), 3),
                                  rule=f"{event.rule}+typer")
    adjusted = conf + 0.2 * (p_rule - 0.3) - 0.1 * p_none
    return event.with_changes(confidence=round(min(0.99, max(0.02, adjusted)), 3))
