"""Combine the rule-based coder with the trained sentence typer.

The rules know *who* did *what* from the parse; the typer has seen thousands of labelled
sentences and knows which type a sentence reads as. Each corrects the other's typical mistakes.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from eventwire.model import Event

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
