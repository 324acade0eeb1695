"""The trigger lexicon: which words signal which PLOVER event, loaded from YAML.

The words live in ``data/triggers.yaml`` (users can pass extra files that extend or override it);
this module only validates them and answers lookups quickly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import DictionaryError
from eventwire.model import PLOVER_TYPES

DEFAULT_TRIGGER_FILE = "triggers.yaml"


@dataclass(frozen=True)
class TriggerSpec:
    """What one trigger word means when it is the predicate of a political clause."""

    key: str
    event_type: str
    cameo: str | None
    mode: str | None
    confidence: float
    context: tuple[str, ...] = ()
    recipient_preps: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()  # if set, the direct object lemma must be one of these
    object_required: bool = False
    is_noun: bool = False


@dataclass(frozen=True)
class Modality:
    intention_verbs: frozenset[str]
    threat_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    denial_verbs: frozenset[str]
    failure_verbs: frozenset[str]
    conditional_marks: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    verbs: Mapping[str, TriggerSpec]
    nouns: Mapping[str, TriggerSpec]
    light_verbs: frozenset[str]
    object_overrides: Mapping[str, Mapping[str, str | None]]
    modality: Modality
    speech_verbs: frozenset[str]
    surface_words: frozenset[str] = field(default=frozenset())

    @classmethod
    def load(cls, extra_paths: Iterable[str | Path] = ()) -> Lexicon:
        """Load the shipped lexicon, then each extra YAML file on top of it (same sections)."""
        shipped = resources.files("eventwire.data").joinpath(DEFAULT_TRIGGER_FILE)
        data = _read_yaml(shipped.read_text(encoding="utf-8"), DEFAULT_TRIGGER_FILE)
        for path in extra_paths:
            extra = _read_yaml(Path(path).read_text(encoding="utf-8"), str(path))
            for section in ("verbs", "nouns", "object_overrides"):
                data.setdefault(section, {}).update(extra.get(section) or {})
            for section in ("light_verbs", "speech_verbs"):
                data[section] = list(data.get(section) or []) + list(extra.get(section) or [])
        return cls._from_data(data)

    @classmethod
    def _from_data(cls, data: Mapping[str, Any]) -> Lexicon:
        verbs = {k: _spec(k, v, is_noun=False) for k, v in (data.get("verbs") or {}).items()}
        nouns = {k: _spec(k, v, is_noun=True) for k, v in (data.get("nouns") or {}).items()}
        mod = data.get("modality") or {}
        modality = Modality(**{name: frozenset(mod.get(name) or ()) for name in (
            "intention_verbs", "threat_verbs", "hypothetical_aux", "future_aux",
            "denial_verbs", "failure_verbs", "conditional_marks")})
        surface = {w for key in list(verbs) + list(nouns) for w in key.split()}
        return cls(
            verbs=verbs, nouns=nouns,
            light_verbs=frozenset(data.get("light_verbs") or ()),
            object_overrides={k: dict(v) for k, v in (data.get("object_overrides") or {}).items()},
            modality=modality,
            speech_verbs=frozenset(data.get("speech_verbs") or ()),
            surface_words=frozenset(surface),
        )

    def verb(self, lemma: str, particle: str | None = None) -> TriggerSpec | None:
        """Phrasal verb first ("pull out"), then the bare verb."""
        if particle:
            spec = self.verbs.get(f"{lemma} {particle}")
            if spec is not None:
                return spec
        return self.verbs.get(lemma)

    def noun(self, lemma: str, modifier: str | None = None) -> TriggerSpec | None:
        """Two-word nouns first ("air strike", "peace talk"), then the bare noun."""
        if modifier:
            spec = self.nouns.get(f"{modifier} {lemma}")
            if spec is not None:
                return spec
        return self.nouns.get(lemma)

    def override(self, verb_lemma: str, object_lemma: str) -> tuple[bool, str | None]:
        """(found, type) for verbs whose object decides the event; type None = not an event."""
        table = self.object_overrides.get(verb_lemma)
        if table is None:
            return False, None
        # "cease-fire" and "ceasefire"; "armed militia" falls back to "militia"
        for lemma in (object_lemma, object_lemma.replace("-", ""), object_lemma.split()[-1]):
            if lemma in table:
                return True, table[lemma]
        return False, None


def _read_yaml(text: str, name: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DictionaryError(f"trigger lexicon {name} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DictionaryError(f"trigger lexicon {name} must be a mapping of sections")
    return data


def _spec(key: str, raw: Mapping[str, Any], *, is_noun: bool) -> TriggerSpec:
    if not isinstance(raw, Mapping) or raw.get("type") not in PLOVER_TYPES:
        raise DictionaryError(f"trigger {key!r}: needs a 'type' among the 16 PLOVER types")
    conf = float(raw.get("conf", 0.5))
    if not 0.0 <= conf <= 1.0:
        raise DictionaryError(f"trigger {key!r}: conf {conf} outside 0..1")
    return TriggerSpec(
        key=key, event_type=raw["type"], cameo=raw.get("cameo"), mode=raw.get("mode"),
        confidence=conf, context=tuple(raw.get("context") or ()),
        recipient_preps=tuple(raw.get("preps") or ()),
        objects=frozenset(raw.get("object") or ()),
        object_required=bool(raw.get("object_required", False)), is_noun=is_noun,
    )
