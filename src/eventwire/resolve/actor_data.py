"""Actor dictionary data: entry records, text normalisation, and YAML loading/validation.

Kept apart from the matcher (``actors.py``) so each module stays small: this one turns files
into checked ``ActorEntry`` records and sector tables, or raises ``DictionaryError`` naming the
file and the reason. Schema: docs/actors.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import DictionaryError
from eventwire.model import Affiliation

KINDS = frozenset({"country", "state", "group", "alliance", "party", "igo", "ngo", "person",
                   "media", "business", "religious", "ethnic"})
RELATIONS = frozenset({"member_of", "branch_of", "part_of", "allied_with", "backed_by",
                       "split_from", "renamed_to", "renamed_from", "merged_into", "leader_of",
                       "led_by", "linked_to", "supports", "opposes", "successor_of"})
#: Relations that replace one actor by another from a date on (Nusra Front → JFS → HTS).
SUCCESSION = frozenset({"renamed_to", "merged_into"})
ENTRY_KEYS = frozenset({"id", "name", "kind", "country", "sector", "aliases", "demonyms",
                        "capitals", "affiliations", "drop_aliases", "notes"})
LIST_KEYS = ("aliases", "demonyms", "capitals")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# Text normalisation. Hand-written because the forms are news-specific: curly apostrophes,
# possessives, dotted acronyms and the Arabic article in its assimilated spellings
# ("al-Nusra", "an-Nusra", "ash-Sham") must all land on one key.
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?!\w)", re.IGNORECASE)
_ARTICLE = re.compile(r"\b(?:al|el|ad|ar|as|ash|an|at|az|adh|ath|ud|ul)-(?=\w)", re.IGNORECASE)
_TOKEN = re.compile(r"\w+|[,;:()/&]")
_DROPPED = frozenset({"al", "el", "the"})
@dataclass(frozen=True)
class ActorEntry:
    """One dictionary entry after merging every file that mentions its id."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    affiliations: tuple[Affiliation, ...]
    origin: str


@dataclass(frozen=True)
class Sector:
    name: str
    code: str
    template: str


def normalise(text: str) -> str:
    """Diacritics, possessives, apostrophes, acronym dots and Arabic articles removed."""
    text = text.translate(APOSTROPHES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    return _ARTICLE.sub(" ", _POSSESSIVE.sub("", text)).replace("'", "")


def token_spans(normalised: str) -> list[tuple[str, int, int]]:
    """(token, start, end) over a ``normalise``d string, articles and "the" left out."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(normalised)
            if m.group(0).casefold() not in _DROPPED]


def tokens(text: str) -> tuple[list[str], list[str]]:
    """Normalised tokens of ``text``: (case kept, casefolded)."""
    orig = [t for t, _, _ in token_spans(normalise(text))]
    return orig, [t.casefold() for t in orig]


def alias_key(parts: Iterable[str]) -> str:
    """Dictionary key of a token sequence."""
    return " ".join(parts)


def as_date(value: Any, *, end: bool = False) -> str:
    """Pad a partial ISO date: since "2015" → 2015-01-01; until "2016" → 2017-01-01 (exclusive)."""
    text = value.isoformat() if isinstance(value, date) else str(value)
    parts = text[:10].split("-")
    year, month = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1
    if len(parts) == 3 or not end:
        return f"{year:04d}-{month:02d}-{int(parts[2]) if len(parts) == 3 else 1:02d}"
    if len(parts) == 1:
        return f"{year + 1:04d}-01-01"
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}-01"


def affiliation_window(aff: Affiliation) -> tuple[str, str]:
    """Padded ``[since, until)`` of an affiliation; open ends become sentinels that sort outside
    every real date."""
    return (as_date(aff.since) if aff.since else "0000-00-00",
            as_date(aff.until, end=True) if aff.until else "9999-99-99")


def affiliation_valid(aff: Affiliation, on_date: str) -> bool:
    """True when ``since <= on_date < until`` (open ends always match)."""
    since, until = affiliation_window(aff)
    return since <= as_date(on_date) < until


def shipped_paths() -> list[Path]:
    """The dictionaries that ship with the package, in load order (alphabetical)."""
    folder = resources.files("eventwire") / "data" / "actors"
    return sorted((Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml")),
                  key=lambda p: p.name)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # C loader: ~10x faster on countries
_SECTOR_KEYS = frozenset({"code", "name", "keywords", "weak"})


def _read(path: Path) -> Mapping[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read actor dictionary: {exc}") from exc
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{path}: invalid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, Mapping) or set(data) - {"actors", "sectors"}:
        raise DictionaryError(f"{path}: top level must be a mapping with 'actors' and/or "
                              "'sectors'")
    return data


def _strings(value: Any, where: str, field: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DictionaryError(f"{where}: '{field}' must be a list of non-empty strings")
    return value


def _date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    if not DATE_PATTERN.match(text):
        raise DictionaryError(f"{where}: date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _affiliations(value: Any, where: str) -> list[Affiliation]:
    if not isinstance(value, list):
        raise DictionaryError(f"{where}: 'affiliations' must be a list")
    out = []
    for n, item in enumerate(value):
        at = f"{where} affiliation {n + 1}"
        if not isinstance(item, Mapping) or not {"relation", "target"} <= set(item):
            raise DictionaryError(f"{at}: needs 'relation' and 'target'")
        if set(item) - {"relation", "target", "since", "until"}:
            raise DictionaryError(f"{at}: unknown keys {sorted(set(item) - {'relation', 'target', 'since', 'until'})}")
        if item["relation"] not in RELATIONS:
            raise DictionaryError(f"{at}: relation {item['relation']!r} not one of "
                                  f"{sorted(RELATIONS)}")
        since, until = _date(item.get("since"), at), _date(item.get("until"), at)
        if since and until and as_date(since) >= as_date(until, end=True):
            raise DictionaryError(f"{at}: since {since} is not before until {until}")
        out.append(Affiliation(str(item["relation"]), str(item["target"]), since, until))
    return out


def _merge_entry(old: dict[str, Any] | None, raw: Any, where: str) -> dict[str, Any]:
    """Validate one raw entry and fold it into the earlier entry with the same id, if any."""
    if not isinstance(raw, Mapping):
        raise DictionaryError(f"{where}: each actor must be a mapping")
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise DictionaryError(f"{where}: unknown keys {sorted(unknown)}")
    merged = dict(old) if old else {"aliases": [], "demonyms": [], "capitals": [],
                                    "affiliations": [], "kind": "group", "country": None,
                                    "sector": None}
    if old is None and not isinstance(raw.get("name"), str):
        raise DictionaryError(f"{where}: new actor {raw.get('id')!r} needs a 'name'")
    for field in ("name", "kind", "country", "sector"):
        if field in raw:
            if raw[field] is not None and not isinstance(raw[field], str):
                raise DictionaryError(f"{where}: '{field}' must be a string")
            merged[field] = raw[field]
    if merged["kind"] not in KINDS:
        raise DictionaryError(f"{where}: kind {merged['kind']!r} not one of {sorted(KINDS)}")
    for field in LIST_KEYS:
        if field in raw:
            merged[field] = merged[field] + _strings(raw[field], where, field)
    if "drop_aliases" in raw:
        drop = {alias_key(tokens(a)[1]) for a in _strings(raw["drop_aliases"], where, "drop_aliases")}
        for field in LIST_KEYS:
            merged[field] = [a for a in merged[field] if alias_key(tokens(a)[1]) not in drop]
    if "affiliations" in raw:
        merged["affiliations"] = merged["affiliations"] + _affiliations(raw["affiliations"], where)
    return merged


def _merge_sectors(sectors: dict[str, dict[str, Any]], raw: Any, where: str) -> None:
    if not isinstance(raw, Mapping):
        raise DictionaryError(f"{where}: 'sectors' must be a mapping of sector name → table")
    for name, table in raw.items():
        at = f"{where} sector {name!r}"
        if not isinstance(table, Mapping) or set(table) - _SECTOR_KEYS:
            raise DictionaryError(f"{at}: must be a mapping with keys {sorted(_SECTOR_KEYS)}")
        merged = sectors.setdefault(str(name), {"keywords": [], "weak": []})
        for field in ("code", "name"):
            if field in table:
                if not isinstance(table[field], str):
                    raise DictionaryError(f"{at}: '{field}' must be a string")
                merged[field] = table[field]
        for field in ("keywords", "weak"):
            if field in table:
                merged[field] = merged[field] + _strings(table[field], at, field)
        if "code" not in merged:
            raise DictionaryError(f"{at}: new sector needs a 'code'")


def merge_files(paths: Iterable[Path]) -> tuple[dict[str, ActorEntry], dict[str, Sector],
                                                dict[str, tuple[str, bool]]]:
    """Read every file in order; later files override scalars and extend lists by id."""
    raw_entries: dict[str, dict[str, Any]] = {}
    origins: dict[str, str] = {}
    raw_sectors: dict[str, dict[str, Any]] = {}
    for path in paths:
        data = _read(path)
        if "sectors" in data:
            _merge_sectors(raw_sectors, data["sectors"], str(path))
        actors = data.get("actors") or []
        if not isinstance(actors, list):
            raise DictionaryError(f"{path}: 'actors' must be a list")
        for n, raw in enumerate(actors):
            ident = raw.get("id") if isinstance(raw, Mapping) else None
            where = f"{path}: actor {n + 1} ({ident!r})"
            if not isinstance(ident, str) or not ID_PATTERN.match(ident):
                raise DictionaryError(f"{where}: needs an 'id' of letters, digits, '-', '_', '.'")
            raw_entries[ident] = _merge_entry(raw_entries.get(ident), raw, where)
            origins[ident] = str(path)
    sectors = {name: Sector(name, t["code"], t.get("name") or f"{{demonym}} {name}")
               for name, t in raw_sectors.items()}
    keywords: dict[str, tuple[str, bool]] = {}
    for name, table in raw_sectors.items():
        for weak, field in ((True, "weak"), (False, "keywords")):
            for word in table[field]:
                keywords[alias_key(tokens(word)[1])] = (name, weak)
    countries = {i for i, e in raw_entries.items() if e["kind"] == "country"}
    codes = {s.code for s in sectors.values()}
    entries = {}
    for ident, e in raw_entries.items():
        where = f"{origins[ident]}: actor {ident!r}"
        if e["sector"] is not None and e["sector"] not in sectors:
            raise DictionaryError(f"{where}: sector {e['sector']!r} not one of {sorted(sectors)}")
        if e["country"] is not None and e["country"] not in countries:
            raise DictionaryError(f"{where}: country {e['country']!r} is not a known ISO3 id")
        for aff in e["affiliations"]:
            base, _, code = aff.target.partition("-")
            if aff.target not in raw_entries and not (base in countries and code in codes):
                raise DictionaryError(f"{where}: affiliation target {aff.target!r} is unknown")
        entries[ident] = ActorEntry(
            id=ident, name=e["name"], kind=e["kind"], country=e["country"], sector=e["sector"],
            aliases=tuple(dict.fromkeys(e["aliases"])), demonyms=tuple(dict.fromkeys(e["demonyms"])),
            capitals=tuple(dict.fromkeys(e["capitals"])),
            affiliations=tuple(dict.fromkeys(e["affiliations"])),
            origin=origins[ident])
    return entries, sectors, keywords
