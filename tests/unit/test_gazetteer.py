"""The offline gazetteer: transliteration variants, admin1 and country entries, the cached index.

Every test reads an index built from scratch in a temporary cache dir (once per session).
"""

from __future__ import annotations

import json
import pickle
import shutil
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.config import Config
from eventwire.errors import ConfigError
from eventwire.resolve import gazetteer as gz
from eventwire.resolve import gazetteer_build
from eventwire.resolve.gazetteer import Gazetteer, fold, loose_key


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    # A cache dir fresh for this test session, shared by the test modules: built once per run.
    cache = tmp_path_factory.getbasetemp() / "eventwire-cache"
    return Gazetteer.open(Config(cache_dir=str(cache)))


def _city(gazetteer: Gazetteer, name: str) -> gz.GazetteerEntry:
    cities = [e for e in gazetteer.candidates(name) if e.kind == "city"]
    assert cities, f"no city called {name!r}"
    return cities[0]


# Each pair names one city two ways, as news and GeoNames spell it.
TRANSLITERATIONS = [
    ("Raqqa", "Ar Raqqah", "SYR"),
    ("Tal Afar", "Tall 'Afar", "IRQ"),
    ("Deir ez-Zor", "Dayr az Zawr", "SYR"),
    ("Idlib", "Idleb", "SYR"),
    ("Kyiv", "Kiev", "UKR"),
    ("Mosul", "Al Mawsil", "IRQ"),
]


@pytest.mark.parametrize(("one", "other", "country"), TRANSLITERATIONS)
def test_transliteration_variants_resolve_to_the_same_city(gazetteer, one, other, country):
    first, second = _city(gazetteer, one), _city(gazetteer, other)
    assert first.geonameid == second.geonameid
    assert first.country == country


@pytest.mark.parametrize("variant", ["Ar-Raqqa", "al-Raqqah", "Dair az-Zour", "Tel Afar",
                                     "Tall Afar", "Deir al-Zor", "Al Mosul"])
def test_spellings_geonames_lacks_reach_the_city_through_the_loose_key(gazetteer, variant):
    canonical = {"raqa": "Ar Raqqah", "deir zor": "Deir ez-Zor", "tal afar": "Tall 'Afar",
                 "mosul": "Mosul"}
    expected = canonical[loose_key(variant)]
    assert _city(gazetteer, variant).geonameid == _city(gazetteer, expected).geonameid


@pytest.mark.parametrize(("one", "other"), [
    ("Deir ez-Zor", "Dayr az Zawr"), ("Ar Raqqah", "Raqqa"), ("Tall 'Afar", "Tal Afar"),
    ("Tall ‘Afar", "Tel Afar"), ("Ar-Raqqah", "al Raqqa"),
])
def test_loose_key_folds_articles_and_variant_words(one, other):
    assert loose_key(one) == loose_key(other)


def test_loose_key_keeps_distinct_places_apart():
    assert loose_key("Homs") != loose_key("Hama")
    assert loose_key("Tripoli") != loose_key("Tarabulus")


def test_fold_strips_diacritics_apostrophes_and_punctuation():
    assert fold("Ḩalab") == "halab"
    assert fold("Tall ‘Afar") == "tall afar"
    assert fold("Deir ez-Zor") == "deir ez zor"
    assert fold("Москва") == ""  # non-Latin script is not indexed


def test_aleppo_city_has_its_coordinates_and_admin1(gazetteer):
    aleppo = _city(gazetteer, "Aleppo")
    assert aleppo.country == "SYR" and aleppo.admin1 == "Aleppo"
    assert aleppo.lat == pytest.approx(36.20, abs=0.05)
    assert aleppo.lon == pytest.approx(37.16, abs=0.05)
    assert aleppo.geonameid == 170063


def test_governorate_takes_its_seat_coordinates_and_iso_code(gazetteer):
    province = gazetteer.candidates("Idlib province")
    assert province[0].kind == "admin1"
    assert province[0].admin1_code == "SY-ID"
    city = _city(gazetteer, "Idlib")
    assert (province[0].lat, province[0].lon) == (city.lat, city.lon)


@pytest.mark.parametrize(("iso_name", "english"), [
    ("Ḩalab", "Aleppo"), ("Dayr az Zawr", "Deir ez-Zor"), ("Ar Raqqah", "Ar-Raqqah"),
])
def test_pycountry_subdivision_names_reach_the_governorate(gazetteer, iso_name, english):
    admin1 = [e for e in gazetteer.candidates(iso_name) if e.kind == "admin1"]
    assert admin1 and admin1[0].name == english and admin1[0].country == "SYR"


@pytest.mark.parametrize("query", ["SY", "SYR", "Syria", "Syrian Arab Republic", "syria"])
def test_country_by_code_or_name(gazetteer, query):
    syria = gazetteer.country(query)
    assert syria is not None and syria.country == "SYR" and syria.kind == "country"
    assert 32.0 < syria.lat < 37.5 and 35.5 < syria.lon < 42.5  # centroid inside Syria


def test_curated_country_names_and_unknown_codes(gazetteer):
    assert gazetteer.country("Britain").country == "GBR"
    assert gazetteer.country("U.S.").country == "USA"
    assert gazetteer.country("XQ") is None


def test_tripoli_has_namesakes_in_libya_and_lebanon(gazetteer):
    countries = {e.country for e in gazetteer.candidates("Tripoli") if e.kind == "city"}
    assert {"LBY", "LBN"} <= countries


def test_demonyms_name_countries(gazetteer):
    assert gazetteer.demonym("Libyan") == "LBY"
    assert gazetteer.demonym("Lebanese") == "LBN"
    assert gazetteer.demonym("Aleppo") is None


def test_prominence_gates_text_matches(gazetteer):
    assert gazetteer.is_prominent("Aleppo")
    assert gazetteer.is_prominent("Syria")
    assert not gazetteer.is_prominent("Tall 'Afar")  # population unknown: NER must find it


def test_airport_codes_and_machine_romanisations_are_not_names(gazetteer):
    assert not any(e.name == "Aleppo" for e in gazetteer.candidates("ALP"))
    assert not any(e.name == "Mosul" for e in gazetteer.candidates("mwsl"))


def test_gazetteer_pickles_for_worker_processes(gazetteer):
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.candidates("Aleppo")[0].country == "SYR"


@pytest.fixture
def builds(gazetteer, monkeypatch) -> list[str]:
    """Stamps of the index builds requested; each "build" copies the session's index (fast)."""
    built: list[str] = []

    def fake_build(path, *, stamp=None, extra_path=None):
        built.append(stamp)
        shutil.copy(gazetteer.path, path)
        return path

    monkeypatch.setattr(gazetteer_build, "build_index", fake_build)
    return built


def test_open_reuses_a_current_index_and_rebuilds_a_stale_one(gazetteer, tmp_path, builds):
    target = tmp_path / gazetteer.path.name
    shutil.copy(gazetteer.path, target)
    Gazetteer.open(Config(cache_dir=str(tmp_path)))
    assert builds == []  # current stamp: no rebuild
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE meta SET value = 'old' WHERE key = 'stamp'")
    Gazetteer.open(Config(cache_dir=str(tmp_path)))
    assert builds == [gz.index_stamp()]


def test_admin1_of_a_city(gazetteer):
    division = gazetteer.admin1_of(_city(gazetteer, "Idleb"))
    assert division is not None and division.kind == "admin1" and division.name == "Idlib"
    assert gazetteer.admin1_of(gazetteer.country("SY")) is None


@given(st.text(max_size=40))
def test_keys_are_plain_ascii_words(name):
    for key in (fold(name), loose_key(name)):
        assert key == key.strip() and "  " not in key
        assert all(ch.isascii() and (ch.isalnum() or ch == " ") for ch in key)
        assert key == key.lower()


@given(st.text(alphabet=st.characters(codec="latin-1"), max_size=30))
def test_fold_is_idempotent(name):
    assert fold(fold(name)) == fold(name)


def test_cli_lookup_prints_candidates_as_json(gazetteer):
    from click.testing import CliRunner

    from eventwire.cli import main

    result = CliRunner().invoke(main, ["gazetteer", "lookup", "--cache-dir",
                                       str(gazetteer.path.parent), "Al Mawsil", "--limit", "1"])
    assert result.exit_code == 0, result.output
    line = json.loads(result.output)
    assert line["name"] == "Al Mawsil"
    assert [(c["name"], c["country"]) for c in line["candidates"]] == [("Mosul", "IRQ")]


def test_corrupt_index_file_is_rebuilt(gazetteer, tmp_path, builds):
    cache = tmp_path / "a dir with spaces #1"
    cache.mkdir()
    (cache / gazetteer.path.name).write_bytes(b"not a database")
    reopened = Gazetteer.open(Config(cache_dir=str(cache)))
    assert builds and reopened.candidates("Aleppo")


def test_unwritable_cache_dir_is_a_config_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(ConfigError, match="EVENTWIRE_CACHE_DIR"):
        Gazetteer.open(Config(cache_dir=str(blocker / "cache")))
