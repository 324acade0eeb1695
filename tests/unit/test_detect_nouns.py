"""Event nouns and fixed phrases the detector used to miss, on synthetic sentences.

Found on development gold only (PLV train, PLOVER GSR): nouns whose sides sit in a "between"
phrase on the verb that reports them, deaths caused by violence, hyphenated nouns split by the
tokenizer, verdicts, and human shields (rules in :mod:`eventwire.coding.nominal` and
:mod:`eventwire.coding.detect`).
"""

from __future__ import annotations

import pytest


def roles_of(candidates, trigger: str):
    hits = [c for c in candidates if c.trigger.text == trigger]
    assert hits, [(c.trigger.text, c.event_type) for c in candidates]
    cand = hits[0]
    return cand.event_type, [t.text for t in cand.actors], [t.text for t in cand.recipients]


@pytest.mark.parametrize("text, trigger, event_type, actor, recipient", [
    ("Clashes broke out between soldiers and farmers near the dam.", "Clashes", "ASSAULT",
     "soldiers", "farmers"),
    ("Fighting erupted between the militia and the army on Sunday.", "Fighting", "ASSAULT",
     "militia", "army"),
    ("Talks between Norway and Chile resumed in Oslo.", "Talks", "CONSULT", "Norway", "Chile"),
])
def test_between_phrase_names_both_sides_of_a_noun_event(found, text, trigger, event_type,
                                                         actor, recipient):
    assert roles_of(found(text), trigger) == (event_type, [actor], [recipient])


def test_between_phrase_on_an_unrelated_verb_is_not_read(found):
    # "between" on a verb the noun is the object of is no report of the noun happening
    assert not [c for c in found("The farmers discussed clashes between the two villages.")
                if c.trigger.text == "clashes" and c.actors]


@pytest.mark.parametrize("text, victim", [
    ("The blogger died in jail after torture.", "blogger"),
    ("A student died as a result of torture in a police cell.", "student"),
])
def test_whoever_died_of_violence_suffered_it(found, text, victim):
    assert roles_of(found(text), "torture") == ("ASSAULT", [], [victim])


@pytest.mark.parametrize("text", [
    "The old farmer died of a heart attack.",
    "The governor suffered a heart attack in his office.",
])
def test_a_heart_attack_is_no_violence(found, text):
    assert not [c for c in found(text) if c.trigger.text == "attack"]


def test_hyphenated_ceasefire_is_read_as_one_noun(found):
    kind, actors, recipients = roles_of(
        found("The junta announced a cease-fire with the guerrillas."), "fire")
    assert (kind, actors, recipients) == ("CONCEDE", ["junta"], ["guerrillas"])
    kind, actors, _ = roles_of(found("The guerrillas violated the cease-fire twice."), "fire")
    assert (kind, actors) == ("ASSAULT", ["guerrillas"])


def test_a_verdict_of_guilt_accuses_the_defendant(found):
    kind, actors, recipients = roles_of(
        found("A court in Lima found the former governor guilty of bribery."), "found")
    assert (kind, actors, recipients) == ("ACCUSE", ["court"], ["governor"])


@pytest.mark.parametrize("verb", ["held", "used"])
def test_people_used_as_human_shields_are_assaulted(found, verb):
    kind, actors, recipients = roles_of(
        found(f"The gang {verb} villagers as human shields."), verb)
    assert (kind, actors, recipients) == ("ASSAULT", ["gang"], ["villagers"])


@pytest.mark.parametrize("text, trigger, event_type, actor, recipient", [
    ("Icelandic peacekeepers arrived in Goma on Friday.", "arrived", "AID", "peacekeepers",
     "Goma"),
    ("The first group of Fijian peacekeeping troops landed at the Bunia airport.", "landed",
     "AID", "troops", "airport"),
    ("The prosecutor opened an investigation against the mayor over fraud.", "investigation",
     "ACCUSE", "prosecutor", "mayor"),
    ("The senator is heading an inquiry into the deaths of the miners.", "inquiry", "ACCUSE",
     "senator", "deaths"),
    ("Ghana is sending a battalion to Mali.", "battalion", "MOBILIZE", "Ghana", "Mali"),
    ("The bank gave account information to the Dutch government.", "information", "COOPERATE",
     "bank", "government"),
])
def test_arrivals_light_verbs_and_objects(found, text, trigger, event_type, actor, recipient):
    assert roles_of(found(text), trigger) == (event_type, [actor], [recipient])


def test_an_ordinary_arrival_is_no_event(found):
    assert not found("The Chilean president arrived in Lima on Monday.")


def test_an_act_done_on_a_mission_is_aimed_at_where_the_team_was_sent(found):
    _, actors, recipients = roles_of(
        found("Peru has sent five experts to Bolivia to investigate the attacks."), "investigate")
    assert (actors, recipients) == (["Peru"], ["Bolivia"])
    _, _, recipients = roles_of(
        found("Peru has sent troops to Bolivia to fight the Shining Path."), "fight")
    assert recipients == ["Path"]  # a named party the act is aimed at stays


@pytest.mark.parametrize("text, actor", [
    ("Norway remains the largest donor of food aid in Yemen.", "Norway"),
    ("The Dutch government is one of the largest bilateral donors.", "government"),
])
def test_a_donor_is_said_of_the_copula_subject(found, text, actor):
    hits = [c for c in found(text) if c.trigger.lemma_ == "donor"]
    assert hits and hits[0].event_type == "AID"
    assert [t.text for t in hits[0].actors] == [actor]


def test_a_donor_named_nowhere_is_no_event(found):
    assert not [c for c in found("Donors met in Geneva.") if c.trigger.lemma_ == "donor"]


@pytest.mark.parametrize("text, trigger, event_type, actor, recipient", [
    ("The Shining Path claimed responsibility for the attack on the barracks.", "attack",
     "ASSAULT", "Path", "barracks"),
    ("Militia fighters were engaged in ethnic cleansing against the Roma minority.",
     "cleansing", "ASSAULT", "fighters", "minority"),
    ("Two guards took part in the torture of the prisoners.", "torture", "ASSAULT", "guards",
     "prisoners"),
    ("Chilean and Peruvian negotiators return to Lima this week for talks on fishing.",
     "return", "CONSULT", "negotiators", "Lima"),
    ("Estonia has tried to hack into the servers of the Latvian army.", "hack", "COERCE",
     "Estonia", "servers"),
    ("The alliance tightened the naval blockade of Montenegro.", "blockade", "ASSAULT",
     "alliance", "Montenegro"),
    ("The agency reduced food supplies to the refugee camp.", "supplies", "SANCTION", "agency",
     "camp"),
    ("President Lula gave a warm welcome to the Bolivian leader.", "welcome", "CONSULT", "Lula",
     "leader"),
])
def test_more_triggers_and_their_doers(found, text, trigger, event_type, actor, recipient):
    assert roles_of(found(text), trigger) == (event_type, [actor], [recipient])


def test_responsibility_for_a_thing_is_no_act(found):
    assert not found("The ministry is responsible for the budget.")


@pytest.mark.parametrize("text, trigger, event_type, actor, recipient", [
    ("The Peruvian navy launched ten days of war games with Chile.", "games", "COOPERATE",
     "navy", "Chile"),
    ("The court opened a hearing into the legality of the decree.", "hearing", "ACCUSE",
     "court", "legality"),
    ("Chile and Peru reached a consensus after long talks.", "consensus", "AGREE", "Chile",
     "Peru"),
    ("Hackers defaced the website of the Latvian parliament.", "defaced", "COERCE", "Hackers",
     "website"),
    ("Canada will prohibit all aid to the junta.", "aid", "SANCTION", "Canada", "junta"),
])
def test_duration_heads_hearings_consensus_and_prohibitions(found, text, trigger, event_type,
                                                            actor, recipient):
    assert roles_of(found(text), trigger)[1:] == ([actor], [recipient])
    assert roles_of(found(text), trigger)[0] in (event_type, "THREATEN")


def test_a_reiterated_obligation_is_a_demand(found):
    kind, actors, recipients = roles_of(
        found("The minister reiterated that Bolivia must hand over the suspects."), "hand")
    assert (kind, actors, recipients) == ("REQUEST", ["minister"], ["Bolivia"])


@pytest.mark.parametrize("text, accuser, accused", [
    ("After the blast, the Chilean government said Mapuche militants were responsible.",
     "government", "militants"),
    ("Police said the Islamist group was responsible for the bombing.", "Police", "group"),
])
def test_a_reported_responsibility_is_an_accusation(found, text, accuser, accused):
    hits = [c for c in found(text) if c.rule == "blame:responsible"]
    assert hits and hits[0].event_type == "ACCUSE"
    assert ([t.text for t in hits[0].actors], [t.text for t in hits[0].recipients]) == (
        [accuser], [accused])


def test_responsibility_for_a_budget_is_no_blame(found):
    assert not [c for c in found("The ministry said the governor was responsible for the budget.")
                if c.rule == "blame:responsible"]


def test_a_military_operation_against_a_party_is_an_assault(found):
    assert roles_of(found("The army launched a military operation against the rebels."),
                    "operation") == ("ASSAULT", ["army"], ["rebels"])
