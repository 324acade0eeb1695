"""Actor dictionaries and the actor resolver: aliases, compositions, unknowns, YAML, time."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import DictionaryError, ErrorCode
from eventwire.model import Affiliation
from eventwire.resolve.actors import ActorDictionary, affiliation_valid


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- known actors -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "actor_id"), [
    # aliases, possessives, diacritics, the Arabic article in its spellings
    ("Nusra", "NUSRA"), ("Nusra's", "NUSRA"), ("Nusra’s resurgence", "NUSRA"),
    ("al-Nusra Front", "NUSRA"), ("Jabhat al-Nusra", "NUSRA"), ("Jabhat an-Nusra", "NUSRA"),
    ("the Nusra Front", "NUSRA"), ("Nusra commanders and other rebels", "NUSRA"),
    ("Abu Shaimaa, a Nusra Front commander", "NUSRA"),
    ("the Jaish al-Fatah, or the army of conquest", "JAF"), ("Army of Conquest", "JAF"),
    ("Jaish al-Fatah’s return", "JAF"),
    ("Hayat Tahrir al-Sham", "HTS"), ("Hay’at Tahrir al-Sham", "HTS"), ("HTS", "HTS"),
    ("Ahrar ash-Sham", "AHRAR"), ("the Free Syrian Army", "FSA"), ("Syrian National Army", "SNA"),
    ("the US-backed Syrian Democratic Forces", "SDF"), ("the YPG", "YPG"),
    ("Islamic State", "ISIS"), ("ISIL", "ISIS"), ("Daesh", "ISIS"), ("IS fighters", "ISIS"),
    ("Hezbollah", "HEZBOLLAH"), ("Kataib Hezbollah", "KATAIB_HEZBOLLAH"),
    ("Hashd al-Shaabi", "PMF"), ("Iraqi Kurdish Peshmerga", "PESHMERGA"),
    ("Houthi rebels", "HOUTHIS"), ("Ansar Allah", "HOUTHIS"), ("AQAP", "AQAP"),
    ("JNIM", "JNIM"), ("Boko Haram", "BOKO_HARAM"), ("al-Shabab", "AL_SHABAAB"),
    ("the Taliban", "TALIBAN"), ("Pakistani Taliban", "TTP"), ("ISIS-K", "ISKP"),
    ("Hamas", "HAMAS"), ("Hamas’ Qassam Brigades", "QASSAM"), ("the IDF", "ISR-MIL"),
    ("FARC dissidents", "FARC_EMC"), ("the ELN", "ELN"), ("Gulf Clan", "CLAN_DEL_GOLFO"),
    ("Wagner mercenaries", "WAGNER"), ("Iranian Revolutionary Guards", "IRGC"),
    ("Saudi-led coalition", "COALITION_YEMEN"),
    # IGOs and NGOs
    ("the U.N.", "UN"), ("UN Security Council", "UNSC"), ("the EU", "EU"), ("Nato", "NATO"),
    ("the African Union", "AU"), ("OPCW", "OPCW"), ("the Red Cross", "ICRC"),
    ("Médecins Sans Frontières", "MSF"), ("the Syrian Observatory for Human Rights", "SOHR"),
    ("White Helmets", "WHITE_HELMETS"),
    # countries: names, common aliases, demonyms
    ("the US", "USA"), ("U.S.", "USA"), ("America", "USA"), ("United States", "USA"),
    ("Britain", "GBR"), ("UK", "GBR"), ("Russia", "RUS"), ("Syria", "SYR"), ("Türkiye", "TUR"),
    ("Turkey", "TUR"), ("Russian", "RUS"), ("Iranian", "IRN"), ("Syrians", "SYR"),
    ("American", "USA"), ("British", "GBR"), ("Israeli", "ISR"), ("Palestinian", "PSE"),
    ("Côte d'Ivoire", "CIV"), ("Ivory Coast", "CIV"),
    # capitals and seats as government metonyms
    ("Moscow", "RUS-GOV"), ("Washington", "USA-GOV"), ("Tehran", "IRN-GOV"),
    ("Damascus", "SYR-GOV"), ("Ankara", "TUR-GOV"), ("Kyiv", "UKR-GOV"), ("Kiev", "UKR-GOV"),
    ("the Kremlin", "RUS-GOV"),
    # leaders: the person, or their state when a sector head follows
    ("President Bashar al-Assad", "ASSAD"), ("Assad's government", "SYR-GOV"),
    ("Assad’s government and foes", "SYR-GOV"), ("the Assad regime", "SYR-GOV"),
    ("Putin's army", "RUS-MIL"), ("Baghdadi's fighters", "BAGHDADI"),
])
def test_known_actor(actors: ActorDictionary, text: str, actor_id: str) -> None:
    actor = actors.match(text)
    assert actor is not None, text
    assert actor.id == actor_id
    assert actor.text == text


@pytest.mark.parametrize(("text", "actor_id", "name", "sector"), [
    ("Iraqi police", "IRQ-POL", "Police of Iraq", "police"),
    ("Turkish troops", "TUR-MIL", "Military of Turkey", "military"),
    ("the Syrian army", "SYR-MIL", "Military of Syria", "military"),
    ("Syrian government forces", "SYR-MIL", "Military of Syria", "military"),
    ("Russian air force", "RUS-MIL", "Military of Russia", "military"),
    ("Russian warplanes", "RUS-MIL", "Military of Russia", "military"),
    ("Israeli military", "ISR-MIL", "Military of Israel", "military"),
    ("Government of Syria", "SYR-GOV", "Government of Syria", "government"),
    ("the US government", "USA-GOV", "Government of the United States", "government"),
    ("pro-government Iranian militias", "IRN-MLA", "Iranian militias", "militia"),
    ("Syrian rebels", "SYR-REB", "Syrian rebels", "rebels"),
    ("Iranian intelligence", "IRN-INT", "Intelligence services of Iran", "intelligence"),
    ("Palestinian police", "PSE-POL", "Police of Palestine", "police"),
    ("Kyiv's forces", "UKR-MIL", "Military of Ukraine", "military"),
])
def test_country_plus_sector_composes(actors: ActorDictionary, text: str, actor_id: str,
                                      name: str, sector: str) -> None:
    actor = actors.match(text)
    assert actor is not None
    assert (actor.id, actor.name, actor.sector) == (actor_id, name, sector)
    assert actor.country == actor_id[:3]


def test_short_acronyms_are_case_sensitive(actors: ActorDictionary) -> None:
    assert actors.match("US") is not None
    assert actors.match("they told us") is None
    assert actors.match("it is") is None
    assert actors.match("un") is None


def test_first_conjunct_wins_then_named_beats_country(actors: ActorDictionary) -> None:
    assert actors.match("Russian and Iranian backers").id == "RUS"
    assert actors.match("the Syrian army and Hezbollah").id == "SYR-MIL"
    assert actors.match("Hezbollah and the Syrian army").id == "HEZBOLLAH"
    assert actors.match("Al Qaeda’s Syrian branch").id == "AQ"


def test_modifiers_become_affiliations_not_identity(actors: ActorDictionary) -> None:
    sdf = actors.match("US-backed SDF")
    assert sdf.id == "SDF"
    assert [(a.relation, a.target) for a in sdf.affiliations].count(("backed_by", "USA")) == 1
    assert actors.match("Iranian-backed militias") is None
    militias = actors.resolve("Iranian-backed militias")
    assert militias.id is None and militias.sector == "militia"
    assert militias.affiliations == (Affiliation("backed_by", "IRN"),)
    linked = actors.resolve("al-Qaeda-linked militants")
    assert (linked.sector, linked.affiliations) == ("rebels", (Affiliation("linked_to", "AQ"),))


@pytest.mark.parametrize(("text", "label", "sector"), [
    ("Western-backed rebel groups", None, "rebels"),
    ("nationalist rival insurgents", None, "rebels"),
    ("One senior insurgent source", None, "rebels"),
    ("militants", None, "rebels"),
    ("the army", None, "military"),
    ("government forces", None, "military"),
    ("pro-government forces", None, "military"),
    ("soldiers", None, "military"),
    ("riot police", None, "police"),
    ("the interior ministry", None, "government"),
    ("anti-government protesters", None, "protesters"),
    ("hundreds of demonstrators", None, "protesters"),
    ("journalists", None, "media"),
    ("a construction company", None, "business"),
    ("a senior cleric", None, "religious"),
    ("opposition activists", None, "opposition"),
    ("gunmen", None, "armed group"),
    ("civilians", None, "civilians"),
    ("Abu Shaimaa", "PERSON", None),
    ("Acme Holdings", "ORG", None),
])
def test_unknown_actor_keeps_text_and_guesses_sector(actors: ActorDictionary, text: str,
                                                    label: str | None,
                                                    sector: str | None) -> None:
    actor = actors.resolve(text, ent_label=label)
    assert (actor.text, actor.name, actor.id, actor.sector) == (text, None, None, sector)


def test_person_label_blocks_bare_country_match(actors: ActorDictionary) -> None:
    assert actors.resolve("Chad").id == "TCD"
    assert actors.resolve("Chad", ent_label="PERSON").id is None
    assert actors.resolve("George Washington", ent_label="PERSON").id is None
    # a capital glued to another capitalised word is part of another name, label or not
    assert actors.resolve("George Washington").id is None
    assert actors.resolve("Bashar al-Assad", ent_label="PERSON").id == "ASSAD"


@pytest.mark.parametrize("name", ["Real Madrid", "Paris Saint-Germain", "Damascus Airport",
                                  "the Paris Agreement", "Washington Post"])
def test_a_capital_inside_another_name_is_no_government(actors: ActorDictionary,
                                                        name: str) -> None:
    assert actors.match(name) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Kabul", "AFG-GOV"), ("The Kabul government", "AFG-GOV"),
    ("Washington officials", "USA-GOV"), ("Tehran and Washington", "IRN-GOV")])
def test_a_capital_alone_or_with_a_sector_word_is_its_government(
        actors: ActorDictionary, text: str, expected: str) -> None:
    assert actors.match(text).id == expected


def test_get_named_composed_and_unknown(actors: ActorDictionary) -> None:
    assert actors.get("NUSRA").name == "Nusra Front"
    assert actors.get("NUSRA").text == "Nusra Front"
    assert actors.get("IRQ-POL").name == "Police of Iraq"
    assert actors.get("ISR-MIL").name == "Military of Israel"
    assert actors.get("NOPE") is None
    assert actors.get("SYR-XYZ") is None


def test_phrases_cover_aliases_demonyms_and_capitals(actors: ActorDictionary) -> None:
    listed = list(actors.phrases())
    pairs = set(listed)
    assert len(listed) == len(pairs)
    assert ("Jabhat al-Nusra", "NUSRA") in pairs
    assert ("Iranian", "IRN") in pairs
    assert ("Moscow", "RUS-GOV") in pairs


# -- shipped data quality -----------------------------------------------------------------------

def test_every_shipped_alias_resolves_to_its_own_entry(actors: ActorDictionary) -> None:
    wrong = []
    for entry in actors.entries.values():
        names = {entry.name, *entry.aliases}
        for form, want in [*((a, entry.id) for a in names),
                           *((a, entry.id) for a in entry.demonyms),
                           *((c, f"{entry.id}-GOV") for c in entry.capitals if c not in names)]:
            got = actors.match(form)
            if got is None or got.id != want:
                wrong.append((form, want, got and got.id))
    assert wrong == []
    assert actors.collisions == []


def test_every_iso_country_and_domain_sector_is_present(actors: ActorDictionary) -> None:
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in actors.entries]
    assert missing == []
    domain = {"government", "military", "police", "rebels", "militia", "party", "civilians",
              "media", "igo", "ngo", "business", "religious"}
    assert domain <= set(actors.sectors)


# -- time ---------------------------------------------------------------------------------------

def relations(actor) -> set[tuple[str, str]]:
    return {(a.relation, a.target) for a in actor.affiliations}


def test_affiliations_as_of_event_date(actors: ActorDictionary) -> None:
    mid_2015 = actors.match("Nusra", on_date="2015-06")
    assert mid_2015.id == "NUSRA"
    assert {("member_of", "JAF"), ("branch_of", "AQ")} <= relations(mid_2015)
    early_2015 = actors.match("Nusra", on_date="2015-01-10")
    assert ("member_of", "JAF") not in relations(early_2015)
    assert actors.match("Ahrar al-Sham", on_date="2018-01-01").affiliations == ()


def test_rename_chain_follows_event_date(actors: ActorDictionary) -> None:
    assert actors.match("Nusra", on_date="2016-07-27").id == "NUSRA"
    jfs = actors.match("Nusra", on_date="2016-07-28")
    assert (jfs.id, jfs.name, jfs.text) == ("JFS", "Jabhat Fateh al-Sham", "Nusra")
    hts = actors.match("al-Nusra Front", on_date="2018-03-01")
    assert hts.id == "HTS" and hts.name == "Hayat Tahrir al-Sham"
    assert ("member_of", "JAF") not in relations(hts)
    assert actors.match("HTS", on_date="2015-06-01").id == "NUSRA"
    assert actors.match("Ansar Dine", on_date="2018").id == "JNIM"
    assert actors.match("AMISOM", on_date="2023-01-01").id == "ATMIS"


def test_without_date_all_affiliations_keep_their_dates(actors: ActorDictionary) -> None:
    nusra = actors.match("Nusra")
    assert nusra.id == "NUSRA"
    jaf = [a for a in nusra.affiliations if a.target == "JAF"]
    assert jaf == [Affiliation("member_of", "JAF", "2015-03-24", "2016-07-28")]
    assert ("renamed_to", "JFS") in relations(nusra)


@pytest.mark.parametrize(("since", "until", "on", "valid"), [
    ("2015-03-24", "2016-07-28", "2015-03-24", True),   # since is inclusive
    ("2015-03-24", "2016-07-28", "2016-07-28", False),  # until is exclusive
    ("2015", "2016", "2016-12-31", True),               # a partial until runs to its end
    ("2015", "2016", "2017-01-01", False),
    ("2015-03", "2015-12", "2015-12-31", True),
    ("2015-03", None, "2030", True),
    (None, "2014", "1990-05-01", True),
    ("2015-03", None, "2015-02-28", False),
])
def test_affiliation_validity_window(since: str | None, until: str | None, on: str,
                                     valid: bool) -> None:
    assert affiliation_valid(Affiliation("member_of", "X", since, until), on) is valid


# -- user dictionaries --------------------------------------------------------------------------

def test_user_yaml_overrides_and_extends(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", """
actors:
  - id: NUSRA
    name: Jabhat al-Nusra (JN)
    aliases: [JN fighters]
  - id: LIWA_TEST
    name: Liwa al-Test
    kind: group
    country: SYR
    sector: rebels
    aliases: [Liwa Test, Test Brigade]
    affiliations:
      - {relation: member_of, target: JAF, since: 2015-05, until: 2016}
sectors:
  militia:
    keywords: [irregulars]
""")
    second = write(tmp_path, "b.yaml", """
actors:
  - id: LIWA_TEST
    name: Test Brigade
    drop_aliases: [Liwa Test]
""")
    custom = ActorDictionary.load([first, str(second)])
    nusra = custom.match("JN fighters")
    assert (nusra.id, nusra.name) == ("NUSRA", "Jabhat al-Nusra (JN)")
    assert custom.match("Jabhat al-Nusra").id == "NUSRA"  # shipped aliases kept
    test = custom.match("the Test Brigade", on_date="2015-08-01")
    assert (test.id, test.name, test.sector) == ("LIWA_TEST", "Test Brigade", "rebels")
    assert relations(test) == {("member_of", "JAF")}
    assert custom.match("Liwa Test") is None
    assert custom.resolve("local irregulars").sector == "militia"
    assert ActorDictionary.load().match("JN fighters") is None  # shipped dictionary untouched


@pytest.mark.parametrize(("text", "reason"), [
    ("actors: [\n  - id: X\n", "invalid YAML"),
    ("actors:\n  - {id: X, name: X, colour: red}\n", "unknown keys"),
    ("actors:\n  - {name: No id}\n", "needs an 'id'"),
    ("actors:\n  - {id: NEW_ONE}\n", "needs a 'name'"),
    ("actors:\n  - {id: X, name: X, sector: wizards}\n", "sector 'wizards'"),
    ("actors:\n  - {id: X, name: X, country: ZZZ}\n", "country 'ZZZ'"),
    ("actors:\n  - {id: X, name: X, kind: spaceship}\n", "kind 'spaceship'"),
    ("actors:\n  - {id: X, name: X, aliases: Nusra}\n", "'aliases' must be a list"),
    ("actors:\n  - {id: X, name: X, affiliations: [{relation: loves, target: AQ}]}\n",
     "relation 'loves'"),
    ("actors:\n  - {id: X, name: X, affiliations: [{relation: member_of, target: NOBODY}]}\n",
     "target 'NOBODY'"),
    (("actors:\n  - {id: X, name: X, affiliations: [{relation: member_of, target: AQ, "
     "since: 'June 2015'}]}\n"), "not YYYY"),
    (("actors:\n  - {id: X, name: X, affiliations: [{relation: member_of, target: AQ, "
     "since: 2016, until: 2015}]}\n"), "not before"),
    ("- just a list\n", "top level"),
])
def test_malformed_yaml_names_file_and_reason(tmp_path: Path, text: str, reason: str) -> None:
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(DictionaryError) as info:
        ActorDictionary.load([path])
    assert str(path) in str(info.value)
    assert reason in str(info.value)
    assert info.value.code is ErrorCode.DICTIONARY_INVALID


def test_missing_user_file_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read"):
        ActorDictionary.load([tmp_path / "nope.yaml"])


# -- volume -------------------------------------------------------------------------------------

def test_ten_thousand_lookups_stay_correct(actors: ActorDictionary) -> None:
    cases = [("Nusra", "NUSRA"), ("the Syrian army", "SYR-MIL"), ("Moscow", "RUS-GOV"),
             ("Iraqi police", "IRQ-POL"), ("Hezbollah fighters", "HEZBOLLAH")]
    results = [actors.match(f"{text} {n}", on_date="2015-06-01") for n in range(2000)
               for text, _ in cases]
    assert len(results) == 10_000
    assert [a.id for a in results] == [want for _ in range(2000) for _, want in cases]


# -- gold: actor texts with country codes in the PLOVER gold-standard records ---------------------

GOLD = Path(__file__).parents[2] / ".." / "shared" / "gold" / "plover_gsr.jsonl"


def gold_mentions(wanted) -> list[tuple[str, str]]:
    """(actor text, code) pairs from plover_gsr where compound actors split cleanly."""
    import json

    if not GOLD.exists():
        pytest.skip(f"gold data not found at {GOLD} (clone shared/ beside the repo)")
    pairs = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        for event in json.loads(line).get("events") or []:
            for side in ("actor", "recipient"):
                texts = (event.get(side) or "").split("; ")
                codes = (event.get(f"{side}_code") or "").split("; ")
                if texts[0] and codes[0] and len(texts) == len(codes):
                    pairs += [(t, c) for t, c in zip(texts, codes) if wanted(c)]
    return pairs


@pytest.mark.gold
def test_gold_country_codes(actors: ActorDictionary) -> None:
    """Floor on the share of country-coded gold actor texts whose country we resolve right.
    Misses are mostly people we do not list, places ("Darfur") and misspellings."""
    iso3 = {c.alpha_3 for c in pycountry.countries}
    pairs = gold_mentions(lambda code: code in iso3)
    right = sum(1 for text, code in pairs
                if (actor := actors.match(text)) is not None and actor.country == code)
    assert len(pairs) > 500
    assert right / len(pairs) >= 0.82


@pytest.mark.gold
def test_gold_international_organisations(actors: ActorDictionary) -> None:
    pairs = gold_mentions(lambda code: code == "IGO")
    right = sum(1 for text, _ in pairs if (actor := actors.match(text)) is not None
                and actor.country is None and actor.sector in ("igo", "ngo", "judiciary"))
    assert len(pairs) > 40
    assert right / len(pairs) >= 0.8


# -- CLI ------------------------------------------------------------------------------------------

def test_cli_resolve_and_check(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from eventwire.cli import main

    runner = CliRunner()
    out = runner.invoke(main, ["dictionary", "resolve", "Nusra's", "Iraqi police",
                               "--date", "2018-01-01"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert [(r["text"], r["id"]) for r in rows] == [("Nusra's", "HTS"), ("Iraqi police", "IRQ-POL")]

    good = write(tmp_path, "good.yaml", "actors:\n  - {id: NUSRA, aliases: [JN]}\n")
    bad = write(tmp_path, "bad.yaml", "actors:\n  - {id: X, name: X, sector: wizards}\n")
    assert runner.invoke(main, ["dictionary", "check", str(good)]).exit_code == 0
    failed = runner.invoke(main, ["dictionary", "check", str(bad)])
    assert failed.exit_code == 1
    assert "sector 'wizards'" in failed.output
    extended = runner.invoke(main, ["dictionary", "resolve", "-d", str(good), "JN"])
    assert json.loads(extended.output)["id"] == "NUSRA"


# -- properties -----------------------------------------------------------------------------------

_SETTINGS = settings(max_examples=150, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])


@_SETTINGS
@given(st.text(max_size=80))
def test_any_text_resolves_without_error(actors: ActorDictionary, text: str) -> None:
    actor = actors.resolve(text, on_date="2016-01-01")
    assert actor.text == text
    assert actor.sector is None or actor.sector in actors.sectors


@_SETTINGS
@given(data=st.data())
def test_alias_variants_keep_their_actor(actors: ActorDictionary, data: st.DataObject) -> None:
    entry = data.draw(st.sampled_from(sorted(
        (e for e in actors.entries.values() if e.kind not in ("country", "person")),
        key=lambda e: e.id)))
    alias = data.draw(st.sampled_from(sorted({entry.name, *entry.aliases})))
    if alias.replace(".", "").isupper() and len(alias.replace(".", "")) <= 3:
        variants = [f"the {alias}", f"{alias}'s", f"{alias}’s forces"]  # case is meaningful
    else:
        variants = [f"the {alias}", f"{alias}'s", f"{alias}’s forces", alias.upper(),
                    alias.lower()]
    for variant in variants:
        found = actors.match(variant)
        assert found is not None and found.id == entry.id, (variant, found)


def test_yaml_examples_in_the_docs_load_cleanly(tmp_path: Path) -> None:
    import re

    doc = Path(__file__).parents[2] / "docs" / "actors.md"
    blocks = re.findall(r"```yaml\n(.*?)```", doc.read_text(encoding="utf-8"), re.DOTALL)
    assert len(blocks) >= 2
    paths = [write(tmp_path, f"doc{n}.yaml", block) for n, block in enumerate(blocks)]
    loaded = ActorDictionary.load(paths)
    assert loaded.collisions == []
    assert loaded.match("X Brigade").id == "LIWA_X"


def test_dictionary_pickles_for_worker_processes(actors: ActorDictionary) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(actors))
    assert copy.match("Nusra", on_date="2018-01-01").id == "HTS"
    assert copy.match("Iraqi police") == actors.match("Iraqi police")


@pytest.mark.parametrize("text", ["a drug gang", "cartel members", "human traffickers",
                                  "the Sinaloa cartel"])
def test_organised_crime_has_a_sector_of_its_own(actors: ActorDictionary, text: str) -> None:
    assert actors.resolve(text).sector == "criminals"


def test_a_gang_fought_by_police_is_the_recipient_not_the_place(code) -> None:
    events = code("Police clashed with members of a drug gang in Rio de Janeiro.")
    clash = [e for e in events if e.event_type == "ASSAULT"]
    assert clash and clash[0].recipient is not None
    assert clash[0].recipient.sector == "criminals"
