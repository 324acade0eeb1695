"""Gold sets: what they are, where they live, and how their records read (shared/gold/README.md)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError

NONE_LABEL = "NONE"


class GoldError(EventwireError):
    code = ErrorCode.GOLD_MALFORMED


# -- records ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Prediction:
    """The parts of a predicted event the scorer reads."""

    event_type: str
    confidence: float = 1.0
    actor: str | None = None
    recipient: str | None = None
    acled: str | None = None  # ACLED sub-type name
    # the dictionary id a pronoun argument ("it", "them") was resolved to: a pronoun's text
    # cannot be compared with a gold span, the actor it stands for can (see scoring.SameActor)
    actor_id: str | None = None
    recipient_id: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    label: str  # PLOVER type, or the raw legacy label (YIELD) when it has several candidates
    candidates: tuple[str, ...]
    actor: str | None = None
    recipient: str | None = None


@dataclass(frozen=True)
class GoldItem:
    id: str
    text: str
    events: tuple[GoldEvent, ...] | None
    acled_subtype: str | None = None
    group: str | None = None  # CASE label group / PETRARCH category
    expected_codes: tuple[str, ...] = ()  # PETRARCH petr_code values


Predictor = Callable[[Sequence[str]], list[list[Any]]]


@dataclass(frozen=True)
class GoldSet:
    """A named gold set: which file, which items, how to score it."""

    name: str
    filename: str
    kind: str  # "pairs" | "case" | "petrarch"
    description: str
    keep: Callable[[dict[str, Any]], bool] = field(default=lambda record: True)


GOLD_SETS: dict[str, GoldSet] = {s.name: s for s in (
    GoldSet("plv-test-unseen", "zsp_plv_test.jsonl", "pairs",
            "PLV test, 733 sentences not in the PLOVER GSR (headline)",
            lambda r: r.get("meta", {}).get("near_dup_plover_gsr") is None),
    GoldSet("plv-test", "zsp_plv_test.jsonl", "pairs", "PLV test, all 1,032 sentences"),
    GoldSet("plover-gsr", "plover_gsr.jsonl", "pairs",
            "PLOVER gold-standard records (TRAINING data of the typer: not held out)"),
    GoldSet("case2021", "case2021_task2.jsonl", "case",
            "CASE 2021 task 2: 829 ACLED-labelled snippets + 190 unseen-label snippets"),
    GoldSet("petrarch", "petrarch2_unittest.jsonl", "petrarch",
            "PETRARCH2 unit tests (fictional actors; detection only)"),
)}


# -- loading ------------------------------------------------------------------------------

def find_gold_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The gold directory: explicit path, ``$EVENTWIRE_GOLD``, or ``../shared/gold`` beside the
    repository (or the working directory)."""
    candidates: list[Path] = []
    if explicit is not None:
        candidates.append(Path(explicit))
    elif os.environ.get("EVENTWIRE_GOLD"):
        candidates.append(Path(os.environ["EVENTWIRE_GOLD"]))
    else:
        repo_root = Path(__file__).resolve().parents[3]
        candidates += [repo_root / ".." / "shared" / "gold", Path.cwd() / ".." / "shared" / "gold",
                       Path.cwd() / "shared" / "gold"]
    for path in candidates:
        if path.is_dir():
            return path.resolve()
    raise EventwireError(
        f"gold directory not found (looked in {', '.join(str(p) for p in candidates)}); "
        "pass --gold DIR or set EVENTWIRE_GOLD", code=ErrorCode.GOLD_NOT_FOUND)


def read_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    if not path.is_file():
        raise EventwireError(f"gold file {path} not found", code=ErrorCode.GOLD_NOT_FOUND)
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldError(f"{path}:{number}: not JSON ({exc})") from exc


def gold_item(record: Mapping[str, Any]) -> GoldItem:
    """One normalised gold record (see shared/gold/README.md) as a :class:`GoldItem`."""
    try:
        events = record.get("events")
        parsed: tuple[GoldEvent, ...] | None = None
        codes: list[str] = []
        if events is not None:
            items = []
            for e in events:
                candidates = tuple(e.get("plover_candidates") or ([e["plover"]] if e.get("plover")
                                                                  else ()))
                label = e.get("plover") or e.get("plover_raw") or "|".join(candidates)
                items.append(GoldEvent(label, candidates, e.get("actor"), e.get("recipient")))
                code = (e.get("meta") or {}).get("petr_code")
                if code:
                    codes.append(str(code))
            parsed = tuple(items)
        meta = record.get("meta") or {}
        return GoldItem(id=str(record["id"]), text=record["text"], events=parsed,
                        acled_subtype=record.get("acled_subtype"),
                        group=meta.get("label_group") or meta.get("category"),
                        expected_codes=tuple(codes))
    except (KeyError, TypeError, AttributeError) as exc:
        raise GoldError(f"gold record {record.get('id', '?')!r} malformed: {exc!r}") from exc


def load_gold(name: str | None = None, path: str | os.PathLike[str] | None = None,
              limit: int | None = None) -> tuple[GoldSet, list[GoldItem]]:
    """Items of a named set (from the gold dir ``path``) or of a JSONL file ``path``."""
    if name is not None and name not in GOLD_SETS:
        raise GoldError(f"unknown gold set {name!r}; known: {', '.join(GOLD_SETS)}",
                        code=ErrorCode.GOLD_NOT_FOUND)
    if name is None:
        if path is None or not Path(path).is_file():
            raise GoldError("give --set NAME or --gold FILE.jsonl", code=ErrorCode.GOLD_NOT_FOUND)
        records = list(read_jsonl(Path(path)))
        kind = "case" if records and "acled_subtype" in records[0] else "pairs"
        spec = GoldSet(Path(path).stem, str(path), kind, f"custom gold file {path}")
    else:
        spec = GOLD_SETS[name]
        gold_path = Path(path) if path is not None and Path(path).is_file() else \
            find_gold_dir(path) / spec.filename
        records = [r for r in read_jsonl(gold_path) if spec.keep(r)]
    items = [gold_item(r) for r in records]
    if spec.kind == "pairs":
        items = [i for i in items if i.events is not None]
    return spec, items[:limit] if limit else items


# -- predictions --------------------------------------------------------------------------

#: Actor texts that say nothing on their own; a resolved antecedent stands in for them.
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us"})


def _is_pronoun(word: str) -> bool:
    return word.lower() in PRONOUNS and not (len(word) > 1 and word.isupper())


def _getter(value: Any) -> Callable[..., Any]:
    """``get(key, default=None)`` that reads an Event/Actor record and a contract dict alike."""
    return value.get if isinstance(value, Mapping) else (
        lambda k, d=None: getattr(value, k, d))


def _pronoun_id(value: Any) -> str | None:
    """The actor id behind a resolved pronoun argument, None for anything else."""
    if value is None or isinstance(value, str):
        return None
    get = _getter(value)
    return get("id") if _is_pronoun((get("text") or "").strip()) else None


def _text_of(value: Any) -> str | None:
    """The argument text scored against gold: the text as written, except that a pronoun
    ("Hungary says it will …") is scored by the name the coder resolved it to, as a reader
    (or the GDELT audit) would judge the actor; the record itself keeps "it". An all-capitals
    word is an abbreviation, not a pronoun: "US" is the country, scored as written."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    get = _getter(value)
    text, name = get("text"), get("name")
    word = (text or "").strip()
    if name and _is_pronoun(word):
        return name
    return text


def as_prediction(event: Any) -> Prediction:
    """Read an Event record, a contract dict or a Prediction into a :class:`Prediction`."""
    if isinstance(event, Prediction):
        return event
    get = _getter(event)
    acled = get("acled")
    sub = acled.get("sub_event_type") if isinstance(acled, Mapping) else \
        getattr(acled, "sub_event_type", None)
    return Prediction(event_type=get("event_type"), confidence=float(get("confidence", 1.0)),
                      actor=_text_of(get("actor")), recipient=_text_of(get("recipient")),
                      acled=sub, actor_id=_pronoun_id(get("actor")),
                      recipient_id=_pronoun_id(get("recipient")))
