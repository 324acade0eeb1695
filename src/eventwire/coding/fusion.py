"""Combine the rule-based coder with the trained sentence typer.

The rules know *who* did *what* from the parse; the typer has seen thousands of labelled
sentences and knows which type a sentence reads as. Each corrects the other's typical mistakes.
The decision rule itself is :func:`eventwire.coding.typer.fuse`; this module applies it to the
events of a document.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.coding.acled import NON_STATE_ARMED, acled_for_event
from eventwire.coding.nonpolitical import STATE_FORCES, is_non_political
from eventwire.model import Document, Event

if TYPE_CHECKING:
    from spacy.tokens import Span

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


def apply_typer(typer: Any, per_sentence: list[tuple[int, list[Event]]],
                sentences: list[Span], lexicon: Any, story: str
                ) -> list[tuple[int, list[Event]]]:
    """Re-score (and where the typer is sure, re-type or drop) each sentence's events.

    In sentences with negation, denial or modality markers the typer only re-scores: it cannot
    see that "denied that the army had agreed" is not an agreement. ``story`` is the document's
    text, the context the crime/disaster filter reads for a re-typed event.
    """
    probabilities = typer.predict_spans([sentences[index] for index, _ in per_sentence])
    fused: list[tuple[int, list[Event]]] = []
    for (index, events), proba in zip(per_sentence, probabilities):
        open_sentence = len(events) == 1 and _open_to_typer(sentences[index], lexicon)
        kept = []
        for event in events:
            new = fuse_event(event, proba, open_sentence and not _specific_trigger(event))
            # a re-typed event meets the crime/disaster filter its rule event already passed
            # ("gunmen killed three men in what police called a turf war")
            if new is not None and (new.event_type == event.event_type
                                    or not is_non_political(new, story)):
                kept.append(new)
        if kept:
            fused.append((index, kept))
    return fused


def fuse_event(event: Event, proba: dict[str, float], may_retype: bool) -> Event | None:
    """One event's type and confidence after hearing the typer's opinion of its sentence.

    A sentence-level typer cannot tell which of several events in one sentence it means, so the
    caller lets it re-type only sentences holding a single event. Intended acts keep the
    rule's lower confidence: the typer does not know they have not happened yet.
    """
    from eventwire.coding.typer import fuse

    new_type, conf = fuse(event.event_type, event.confidence, proba)
    if new_type is None:
        if _spared_from_veto(event):
            # "Soldiers fought the rebels near Homs": the parse says who fought whom; a
            # bag-of-words typer unsure about a short sentence must not veto it. Nor an event
            # whose sentence names a specific means (grenade, IED, looting, arrests): that cue
            # is codebook evidence (ACLED dev sets: 0.848 -> 0.903 and 0.723 -> 0.835 weighted
            # F1; PLV train and the negatives unchanged)
            return event.with_changes(confidence=round(event.confidence * 0.5, 3))
        return None
    if event.modality != "asserted":
        conf = min(conf, event.confidence)
    if new_type != event.event_type:
        if not may_retype:
            return event.with_changes(confidence=min(event.confidence, conf))
        retyped = event.with_changes(event_type=new_type, mode=None, cameo=None,
                                     confidence=conf, rule=f"{event.rule}+typer")
        return retyped.with_changes(acled=acled_for_event(retyped))
    return event.with_changes(confidence=conf)


def typer_only_events(typer: Any, sentences: list[Span | None], document: Document,
                      resources: Any, memory: Any, on_date: str | None,
                      ) -> list[tuple[int, list[Event]]]:
    """Events for sentences the rules found nothing in but the typer reads as one event.

    The lexicon cannot list every way news says "X rejected Y"; when the typer is confident,
    the main clause's subject and object become actor and recipient (rule ``typer:TYPE``).
    """
    from eventwire.coding.build import build_events
    from eventwire.coding.detect import clause_candidate
    from eventwire.coding.typer import fuse

    chosen = [(i, s) for i, s in enumerate(sentences)
              if s is not None and not _direct_speech(s) and _open_to_typer(s, resources.lexicon)]
    if not chosen:
        return []
    probabilities = typer.predict_spans([s for _, s in chosen])
    found: list[tuple[int, list[Event]]] = []
    for (index, sentence), proba in zip(chosen, probabilities):
        best, conf = fuse(None, 0.0, proba)
        if best is None:
            continue
        candidate = clause_candidate(sentence, best, conf, resources.lexicon)
        if candidate is None:
            continue
        events = build_events([candidate], sentence, document, resources.actors,
                              resources.lexicon, memory, on_date)
        if events:
            found.append((index, events))
    return found


#: Sectors whose acts are political by definition (``Actor.sector``, from the dictionaries or
#: the sector guess for unlisted groups such as "soldiers" or "rebels").
POLITICAL_SECTORS = frozenset({"government", "military", "police", "rebels", "insurgents",
                               "militia", "party", "igo", "judiciary", "security",
                               "armed group", "terrorist", "paramilitary"})
#: ACLED sub-types read from a specific cue in the sentence (coding/acled.py), which the
#: typer's NONE opinion does not overrule.
SPECIFIC_ACLED = frozenset({"Chemical weapon", "Air/drone strike", "Suicide bomb",
                            "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                            "Grenade", "Sexual violence", "Abduction/forced disappearance",
                            "Mob violence", "Disrupted weapons use",
                            "Headquarters or base established", "Arrests",
                            "Looting/property destruction", "Violent demonstration",
                            "Change to group/activity", "Government regains territory",
                            "Non-state actor overtakes territory",
                            "Excessive force against protesters"})


#: Armed actors whose violence is political whoever it hits ("bandits attacked travellers");
#: police are not among them ("police shot a robber" is crime news), nor their other acts
#: ("the navy rescued the crew").
ARMED_ACTOR_SECTORS = NON_STATE_ARMED | {"military"}
#: The state's armed forces as victims; not "government", which a capital's name can stand for
#: ("Real Madrid" reads as Madrid, i.e. the Spanish government, to the actor dictionaries).
ARMED_STATE_FORCES = STATE_FORCES - {"government"}


def _spared_from_veto(event: Event) -> bool:
    """Events the typer's NONE opinion does not drop: political actors on both sides, an armed
    actor's assault on anyone, anyone's assault on state forces, or a sentence naming a
    specific means (an ACLED sub-type cue)."""
    actor, recipient = event.actor, event.recipient
    if _political_actor(actor) and (recipient is None or _political_actor(recipient)):
        return True
    if event.event_type == "ASSAULT" and actor is not None and \
            (actor.sector or "").lower() in ARMED_ACTOR_SECTORS:
        return True
    if event.event_type == "ASSAULT" and recipient is not None and \
            (recipient.sector or "").lower() in ARMED_STATE_FORCES:
        return True  # "gang members shot dead two police officers": violence against the state
    return event.acled is not None and event.acled.sub_event_type in SPECIFIC_ACLED


def _political_actor(actor: Any) -> bool:
    """A state, armed, party or international actor (by sector), not just any subject."""
    return actor is not None and (actor.sector or "").lower() in POLITICAL_SECTORS


def _specific_trigger(event: Event) -> bool:
    """A multi-word trigger ("declared a ceasefire", "lifted the blockade", "called for") is
    codebook-specific evidence the typer must not overrule; a single verb ("hit", "said") is
    ambiguous enough that a confident typer may re-type it."""
    rule = event.rule or ""
    lemma = event.trigger.lemma if event.trigger else ""
    return rule.startswith("light:") or " " in lemma.strip()


#: Marks that open a quoted sentence.
OPENING_QUOTES = ('"', "\u201c", "\u2018", "'", "\u00ab")


def _direct_speech(sentence: Span) -> bool:
    """A sentence that opens inside a quotation ("“Jaish al-Fatah has returned, ...” said X"):
    what the speaker says happened is their claim, coded (if at all) by the rules from the
    reporting clause, not by the typer reading the quote's words."""
    return sentence.text.lstrip().startswith(OPENING_QUOTES)


def _open_to_typer(sentence: Span, lexicon: Any) -> bool:
    """Sentences the typer may code alone: a clause with a subject, and no sign of negation,
    denial, condition or modality.

    The rules drop "did not attack", "denied that…", "could attack" on purpose; a bag-of-words
    typer cannot see those markers, so it must not bring such sentences back.
    """
    if sentence.text.rstrip().endswith("?"):
        return False
    mod = lexicon.modality
    has_subject = False
    for token in sentence:
        lower, lemma = token.lower_, token.lemma_.lower()
        if token.dep_ == "neg" or lower in ("never", "no", "nor", "neither"):
            return False
        if token.dep_ == "aux" and (lower in mod.hypothetical_aux or lower in mod.future_aux):
            return False
        if token.dep_ == "mark" and lower in mod.conditional_marks:
            return False
        if token.pos_ == "VERB" and lemma in (mod.denial_verbs | mod.failure_verbs):
            return False
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
            has_subject = True
    return has_subject
