"""The record one trigger yields before actor resolution: shared by the detectors.

Split from :mod:`eventwire.coding.detect` so that the detectors of speech acts
(:mod:`eventwire.coding.speech_acts`) can build candidates without importing the detector.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.coding.lexicon import TriggerSpec


@dataclass(frozen=True)
class Candidate:
    """One event signalled in a sentence, before actor resolution and scoring."""

    trigger: Token
    trigger_end: int  # token index after the last trigger token (phrasal verbs, compounds)
    spec: TriggerSpec
    event_type: str
    mode: str | None
    cameo: str | None
    actors: tuple[Token, ...]
    recipients: tuple[Token, ...]
    modality: str
    rule: str
    nominal: bool = False
