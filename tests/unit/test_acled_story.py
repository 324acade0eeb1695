"""ACLED coding of whole short stories: attacks told without a doer, weapons and victims named
in a neighbouring sentence, and police work in ordinary crime stories (PLOVER event, no ACLED
type). Synthetic text written for these tests; no gold text."""

from __future__ import annotations

import pytest

from eventwire.coding.acled_story import acled_in_story, war_means
from eventwire.coding.nonpolitical import ordinary_crime
from eventwire.model import Actor, Event, Evidence


@pytest.fixture(scope="module")
def rules_code():
    """The rule coder alone: the typer's veto is the fusion tests' business."""
    from eventwire.config import Config
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(Config(workers=1, use_typer=False)).warm_up()
    return lambda text: pipeline.code_text(text, document_id="t")


def subtypes(events) -> set[str]:
    return {e.acled.sub_event_type for e in events if e.acled is not None}


def story(event_type: str, sentence: str, neighbours: str, recipient: str = ""):
    found = acled_in_story(event_type, None, "attack", sentence, neighbours, None, None,
                           recipient)
    return found.sub_event_type if found else None


# --- attacks told without a doer -------------------------------------------------------------

def test_war_means_are_weapons_and_fights_not_any_noise():
    assert war_means("A suicide truck bomb exploded at the gate.")
    assert war_means("Rockets struck a residential area.")
    assert war_means("Clashes between the two militias continued.")
    assert not war_means("Two people were found dead in their flat.")


@pytest.mark.parametrize(("text", "expected"), [
    ("A suicide car bomb exploded outside a police academy in Harbin on Monday.",
     "Suicide bomb"),
    ("Katyusha rockets struck near the army headquarters in Pinewood late on Sunday.",
     "Shelling/artillery/missile attack"),
    (("A hand grenade exploded in the yard of a church in Eastport after being thrown over "
      "the wall."), "Grenade"),
])
def test_an_attack_with_no_named_doer_is_coded(rules_code, text, expected):
    events = rules_code(text)
    assert expected in subtypes(events), [(e.event_type, e.actor, e.acled) for e in events]
    # the doer stays unknown: no resolved actor is invented
    assert all(e.actor is None or e.actor.sector is None for e in events)


def test_a_place_is_not_the_victim_of_an_agentless_blast(rules_code):
    events = rules_code("A roadside bomb exploded near the market in Lahore on Thursday.")
    assert "Remote explosive/landmine/IED" in subtypes(events)
    assert all(e.recipient is None or "Lahore" not in e.recipient.text for e in events)


@pytest.mark.parametrize("text", [
    "A gas cylinder exploded in a restaurant kitchen in Lahore, killing two cooks.",
    "A boiler explosion at a textile factory in Eastport killed six workers.",
])
def test_an_accidental_explosion_stays_no_event(rules_code, text):
    assert rules_code(text) == []


def test_a_protest_broken_up_by_no_named_force_is_an_intervention(rules_code):
    events = rules_code("Water cannon was used to break up a protest by retired teachers in "
                        "Kessel on Monday.")
    assert "Protest with intervention" in subtypes(events), [
        (e.event_type, e.acled, e.rule) for e in events]


def test_people_driven_out_by_a_fight_are_that_fight_for_acled(rules_code):
    events = rules_code("Clashes erupted between the Kessel Liberation Army and government "
                        "troops in Dorval township, forcing villagers to flee.")
    assert "Armed clash" in subtypes(events), [(e.event_type, e.actor, e.acled) for e in events]
    assert "Other" not in subtypes(events)


# --- cues from neighbouring sentences --------------------------------------------------------

def test_a_neighbour_names_the_weapon_of_an_unspecific_attack():
    assert story("ASSAULT", "Government forces targeted rebel positions near Kessel.",
                 "Witnesses said warplanes carried out six raids.") == "Air/drone strike"
    assert story("ASSAULT", "Government forces targeted rebel positions near Kessel.",
                 "") == "Armed clash"


def test_the_events_own_sentence_wins_over_its_neighbours():
    assert story("ASSAULT", "Assailants threw a grenade at a police post in Kessel.",
                 "Warplanes bombed the hills the day before.") == "Grenade"
    # a protest is not the shelling told beside it
    assert story("PROTEST", "Hundreds of students marched peacefully through Kessel.",
                 "Artillery shells hit the outskirts later that day.") == "Peaceful protest"


def test_a_neighbour_reports_the_intervention_at_a_protest():
    assert story("PROTEST", "Hundreds of teachers protested outside the ministry in Kessel.",
                 "Police used tear gas to disperse them.") == "Protest with intervention"


def test_arrests_of_unnamed_people_beside_a_protest_are_its_intervention():
    found = acled_in_story("COERCE", "arrest", "arrest", "Police arrested dozens of them.",
                           "Hundreds of supporters gathered outside the electoral commission.",
                           "police", None, "")
    assert found is not None and found.sub_event_type == "Protest with intervention"
    found = acled_in_story("COERCE", "arrest", "arrest",
                           "Police arrested the opposition leader at his home.",
                           "Hundreds of his supporters protested in the capital.", "police",
                           None, "")
    assert found is not None and found.sub_event_type == "Arrests"


def test_territory_and_arrests_in_a_neighbour_are_acts_of_their_own():
    assert story("ASSAULT", "Rebels attacked an army post near Kessel on Monday.",
                 "Police later arrested two suspects.") == "Armed clash"


def test_a_multi_sentence_story_is_typed_by_its_weapon(rules_code):
    events = rules_code("Militants targeted an army convoy near Afgoye on Monday. The vehicles "
                        "were hit by a roadside bomb, officials said.")
    assert "Remote explosive/landmine/IED" in subtypes(events)
    assert "Armed clash" not in subtypes(events)


def test_a_paragraph_break_ends_the_story(rules_code):
    events = rules_code("Militants targeted an army convoy near Afgoye on Monday.\n\n"
                        "In other news, warplanes were seen over the capital.")
    assert "Air/drone strike" not in subtypes(events)


# --- ordinary crime: PLOVER event, no ACLED type ---------------------------------------------

def event(sentence: str, event_type: str, actor: Actor | None,
          recipient: Actor | None = None) -> Event:
    return Event(id="e", event_type=event_type, mode=None, context=(), cameo=None, acled=None,
                 actor=actor, recipient=recipient, location=None, date=None,
                 date_precision=None, date_text=None,
                 evidence=Evidence("d", sentence, 0, len(sentence)), sources=("d",),
                 confidence=0.8, rule="verb:arrest")


def test_police_work_on_crime_is_no_acled_event():
    assert ordinary_crime(event("Federal police arrested the leader of a drug cartel.",
                                "COERCE", Actor("Federal police", sector="police"),
                                Actor("the leader of a drug cartel")))
    # state forces intercepting drugs do police work too
    assert ordinary_crime(event("The navy intercepted a boat carrying cocaine.", "COERCE",
                                Actor("The navy", sector="military"), Actor("a boat")))


def test_violence_by_or_against_state_forces_keeps_its_acled_type():
    assert not ordinary_crime(event("Gang members killed two police officers.", "ASSAULT",
                                    Actor("Gang members"),
                                    Actor("two police officers", sector="police")))
    assert not ordinary_crime(event("Soldiers clashed with cartel gunmen near Apatzingan.",
                                    "ASSAULT", Actor("Soldiers", sector="military"),
                                    Actor("cartel gunmen")))
    assert not ordinary_crime(event("Militants kidnapped three engineers for ransom.",
                                    "COERCE", Actor("Militants", sector="insurgents"),
                                    Actor("three engineers")))


def test_an_arrest_without_crime_cues_is_untouched():
    assert not ordinary_crime(event("Police arrested an opposition leader in Kessel.",
                                    "COERCE", Actor("Police", sector="police"),
                                    Actor("an opposition leader")))


def test_a_named_police_arrest_in_a_drug_story_keeps_plover_but_not_acled(rules_code):
    events = rules_code("Delhi Police arrested a sharpshooter of a drug gang in northern Delhi "
                        "on Thursday.")
    coerce = [e for e in events if e.event_type == "COERCE"]
    assert coerce, [(e.event_type, e.actor, e.rule) for e in events]
    assert all(e.acled is None for e in coerce)
