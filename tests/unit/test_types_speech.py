"""Verbal acts the rule coder used to miss or mistype, on sentences we wrote.

Name-calling and criticism are PLOVER ACCUSE 'disapprove' ("criticize, defame, denigrate");
an "attack" made in words is criticism, not violence; troops named as a party to another
clause are no deployment of their own. Rules in :mod:`eventwire.coding.speech_acts` and
:mod:`eventwire.coding.nominal`.
"""

from __future__ import annotations

import pytest


def _roles(candidates, event_type: str):
    hits = [c for c in candidates if c.event_type == event_type]
    assert hits, [(c.rule, c.event_type) for c in candidates]
    return [t.text for t in hits[0].actors], [t.text for t in hits[0].recipients]


@pytest.mark.parametrize("text, actor, recipient", [
    ("The senator called the governor a liar.", "senator", "governor"),
    ("The minister called the verdict unacceptable.", "minister", "verdict"),
    ("The regime branded the protesters terrorists.", "regime", "protesters"),
    ("The opposition described the election as a sham.", "opposition", "election"),
    ("Critics say the president has used the crisis to silence the press.", "Critics",
     "president"),
])
def test_name_calling_and_criticism_are_accusations(found, text, actor, recipient):
    assert _roles(found(text), "ACCUSE") == ([actor], [recipient])


def test_a_friendly_name_is_no_accusation(found):
    assert not [c for c in found("The president called the prime minister a good friend.")
                if c.event_type == "ACCUSE"]


def test_an_attack_made_in_words_is_criticism(found):
    cands = found("The former minister launched an attack on the central bank, calling its "
                  "chiefs incompetent.")
    assert "ASSAULT" not in {c.event_type for c in cands}
    assert _roles(cands, "ACCUSE")[1] == ["bank"]


def test_an_attack_with_killing_stays_an_assault(found):
    cands = found("Rebels attacked the convoy, killing five soldiers.")
    assert {c.event_type for c in cands} == {"ASSAULT"}


@pytest.mark.parametrize("text", [
    "Iraqi troops launched an assault on the rebel stronghold.",
    "American troops began leaving the base on Monday.",
])
def test_troops_in_a_clause_are_no_deployment_of_their_own(found, text):
    assert not [c for c in found(text) if c.rule == "noun:troop"]


@pytest.mark.parametrize("text, event_type", [
    ("French troops have begun leaving Mali.", "RETREAT"),
    ("Rebel fighters vacated the town on Sunday.", "RETREAT"),
])
def test_armed_parties_leaving_a_place_withdraw(found, text, event_type):
    assert event_type in {c.event_type for c in found(text)}


def test_a_minister_leaving_a_city_is_no_event(found):
    assert not found("The minister left Paris on Monday.")


def test_a_call_made_to_discuss_is_a_consultation_with_the_one_called(found):
    cands = found("The secretary of state called the Russian foreign minister to discuss Syria.")
    assert _roles(cands, "CONSULT") == (["secretary"], ["minister"])


def test_calling_parties_to_act_is_no_act_of_the_caller(found):
    assert "RETREAT" not in {c.event_type for c in found(
        "The envoy called the parties to respect the truce.")}


@pytest.mark.parametrize("text", [
    "Yemen let free three activists on Monday.",
    "The court set free the jailed bloggers.",
])
def test_captives_let_free_are_released(found, text):
    assert "RETREAT" in {c.event_type for c in found(text)}


@pytest.mark.parametrize("text, recipient", [
    ("The senator called for sanctions against Venezuela.", "Venezuela"),
    ("Activists are calling for an investigation into the police.", "police"),
])
def test_calling_for_punishment_of_a_party_condemns_it(found, text, recipient):
    assert _roles(found(text), "ACCUSE")[1] == [recipient]


@pytest.mark.parametrize("text", [
    "Activists called for the release of the journalists.",
    "The minister urged Canada to impose sanctions on Iran.",
])
def test_other_calls_stay_requests(found, text):
    assert "REQUEST" in {c.event_type for c in found(text)}


@pytest.mark.parametrize("text", [
    "Serbia lodged an official protest with Albania.",
    "The ministry protested that the ship had entered its waters.",
    "China made a formal protest to Japan.",
])
def test_diplomatic_protests_are_accusations(found, text):
    types = {c.event_type for c in found(text)}
    assert "ACCUSE" in types and "PROTEST" not in types, types


def test_a_street_protest_stays_a_protest(found):
    assert {c.event_type for c in found("Thousands protested against the new law.")} == {
        "PROTEST"}


def test_an_act_said_to_be_out_of_the_question_is_rejected(found):
    cands = found("Officials said that lifting the sanctions on Cuba is out of the question.")
    assert _roles(cands, "REJECT") == (["Officials"], ["Cuba"])
    assert "CONCEDE" not in {c.event_type for c in cands}


def test_talks_ruled_out_are_no_talks(found):
    cands = found("The minister ruled out talks with the rebels.")
    assert {c.event_type for c in cands} == {"REJECT"}


@pytest.mark.parametrize("text, absent", [
    ("The movement rejected an invitation to attend a meeting of the factions.", "CONSULT"),
    ("Israel is opposed to French mediation.", "CONSULT"),
])
def test_what_is_refused_or_opposed_is_no_event(found, text, absent):
    assert absent not in {c.event_type for c in found(text)}


def test_an_act_only_permitted_is_not_done(found):
    types = {c.event_type for c in found(
        "The court granted the security service permission to detain the publisher.")}
    assert "COERCE" not in types and "CONCEDE" in types, types
