"""Event types the rule coder used to get wrong, on sentences we wrote (PLOVER manual cases).

Deployments that are aid (peacekeepers, troops sent to help), offers (AGREE), ambassadors
summoned (ACCUSE), closed borders (COERCE), prosecution and trials (ACCUSE), pledged support
(SUPPORT), rescues by evacuation (AID): rules in :mod:`eventwire.coding.retype`,
:mod:`eventwire.coding.detect` and ``data/triggers.yaml``.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, trigger, event_type", [
    # troops sent to help a party are military aid; offered, they are a promise (AGREE)
    ("Canada has offered to send troops to help the Malian army.", "troops", "AGREE"),
    ("Norway sent soldiers to Lebanon to serve as peacekeepers.", "soldiers", "AID"),
    ("Brazil offered its troops to the Haitian government to help it restore order.", "troops",
     "AGREE"),
    ("Dozens of Indian peacekeepers began deploying on Monday.", "deploying", "AID"),
    ("The Netherlands deployed election observers in Kenya.", "observers", "AID"),
    # an offer is an AGREE ("agree to, offer, promise")
    ("The rebels offered concessions to the government.", "concessions", "AGREE"),
    # summoning an ambassador presents a grievance
    ("The foreign ministry summoned the Danish ambassador.", "summoned", "ACCUSE"),
    # closing borders restricts movement
    ("Kenya closed its border with Somalia on Friday.", "border", "COERCE"),
    # prosecution, trials, investigations
    ("The prosecutor is seeking a life sentence for the former minister.", "sentence", "ACCUSE"),
    ("A Spanish journalist was put under investigation in Morocco.", "put", "ACCUSE"),
    ("The supreme court ordered the retrial of the opposition leader.", "retrial", "ACCUSE"),
    # pledged or promised support is support expressed now
    ("Poland pledged its full support for the Libyan government.", "support", "SUPPORT"),
    ("The envoy promised Japan's support for the reform plan.", "support", "SUPPORT"),
    # people evacuated out of danger are rescued; an aid package is aid
    ("Army helicopters evacuated wounded civilians from the besieged town.", "civilians", "AID"),
    ("Japan's aid package to Sri Lanka included medicine.", "package", "AID"),
])
def test_type(types_of, text, trigger, event_type):
    found = types_of(text)
    assert found.get(trigger) == event_type, found


def test_a_troop_deployment_without_a_helping_purpose_stays_mobilize(types_of):
    assert types_of("Russia sent troops to the border.")["troops"] == "MOBILIZE"


def test_a_decree_signed_is_no_accord(types_of):
    assert "SUPPORT" not in types_of("The president signed a decree on Monday.").values()


def test_an_embassy_evacuated_stays_a_withdrawal(types_of):
    assert types_of("Italy evacuated its embassy in Tripoli.")["evacuated"] == "RETREAT"


def test_goods_handed_over_by_their_worth_are_aid(types_of):
    found = types_of("The United States handed over $4 million worth of medical equipment to "
                     "the health ministry.")
    assert "AID" in found.values(), found


@pytest.mark.parametrize("text, trigger", [
    ("Ghana said it will withdraw its troops from Mali unless the junta holds elections.",
     "troops"),
    ("The union said it will go on strike unless the company raises wages.", "go"),
])
def test_an_act_announced_unless_a_demand_is_met_is_a_threat(types_of, text, trigger):
    assert types_of(text).get(trigger) == "THREATEN", types_of(text)


def test_an_act_announced_on_a_plain_condition_stays_a_promise(types_of):
    assert types_of("The rebels will release the hostages if the ransom is paid.").get(
        "release") == "AGREE"


@pytest.mark.parametrize("text, trigger", [
    ("The senator will lead a delegation on a visit to Moscow next week.", "visit"),
    ("Chile is ready to contribute more to peacekeeping operations in Haiti.", "operations"),
])
def test_future_cooperation_named_by_a_noun_is_an_agreement(types_of, text, trigger):
    assert types_of(text).get(trigger) == "AGREE", types_of(text)


@pytest.mark.parametrize("text, trigger", [
    ("The union will hold a protest outside the ministry on Friday.", "protest"),
    ("The government will extend the curfew in the capital.", "curfew"),
])
def test_a_hostile_act_still_to_come_is_a_threat(types_of, text, trigger):
    assert types_of(text).get(trigger) == "THREATEN", types_of(text)


def test_an_investigation_still_to_come_stays_an_accusation(types_of):
    assert types_of("The ministry will investigate the university.").get(
        "investigate") == "ACCUSE"


def test_people_evacuated_by_a_state_are_rescued_by_it(found):
    cands = found("The refugees evacuated from Libya by Italy arrived in Sicily.")
    aid = [c for c in cands if c.event_type == "AID"]
    assert aid and [t.text for t in aid[0].actors] == ["Italy"]


def test_a_commitment_reinforced_is_no_deployment(types_of):
    assert "MOBILIZE" not in types_of(
        "Germany has reinforced its commitment to refugees in Jordan.").values()
    assert types_of("Russia reinforced its positions near the border.").get(
        "reinforced") == "MOBILIZE"


def test_a_curfew_imposed_earlier_is_no_new_event(types_of):
    assert "COERCE" not in types_of(
        "The president shortened the curfew imposed in the capital.").values()


@pytest.mark.parametrize("text, absent, present", [
    ("The rebels violated the Ceasefire Agreement in Darfur.", "AGREE", "ASSAULT"),
    ("Both sides violated the agreements on the border zone.", "AGREE", None),
    ("Opposition lawmakers left a meeting with the president.", "CONSULT", "REJECT"),
])
def test_agreements_broken_and_meetings_left(types_of, text, absent, present):
    found = set(types_of(text).values())
    assert absent not in found and (present is None or present in found), found


@pytest.mark.parametrize("text, trigger, event_type", [
    ("Russia held military drills near the border.", "drills", "MOBILIZE"),
    ("India and Japan conducted joint military exercises.", "exercises", "COOPERATE"),
    ("The navy held exercises with the US fleet.", "exercises", "COOPERATE"),
    ("North Korea test-fired a ballistic missile.", "fired", "MOBILIZE"),
    ("Hundreds of demonstrators gathered outside the embassy.", "gathered", "PROTEST"),
    ("Doctors walked off the job in Nairobi.", "walked", "PROTEST"),
    ("China expressed strong dissatisfaction with the decision.", "dissatisfaction", "ACCUSE"),
    ("The ministry expressed concern over the arrests.", "concern", "ACCUSE"),
    ("Pakistan expressed solidarity with the people of Gaza.", "solidarity", "SUPPORT"),
    ("The minister expressed regret for the shooting.", "regret", "CONCEDE"),
    ("China shipped medical supplies to Italy.", "supplies", "AID"),
    ("Russia expelled the BBC correspondent.", "correspondent", "COERCE"),
    ("Russia expelled two Polish diplomats.", "expelled", "SANCTION"),
    ("The creditors forgave Zambia's debt.", "debt", "AID"),
])
def test_lexicon_cases(types_of, text, trigger, event_type):
    assert types_of(text).get(trigger) == event_type, types_of(text)


def test_drills_in_the_background_are_no_event(types_of):
    assert not types_of("The minister apologised during the alliance's exercises in Norway.").get(
        "exercises")


@pytest.mark.parametrize("text, trigger, event_type", [
    ("Israel called up 300,000 reservists.", "called", "MOBILIZE"),
    ("China scrambled fighter jets near Taiwan.", "scrambled", "MOBILIZE"),
    ("The army sent tanks to the border.", "tanks", "MOBILIZE"),
    ("Poland sent tanks to Ukraine.", "tanks", "AID"),
    ("Rioters torched police stations in the city.", "torched", "PROTEST"),
    ("The regime blocked access to social media.", "blocked", "COERCE"),
    ("Farmers blocked the highway to the capital.", "blocked", "PROTEST"),
    ("The government revoked the licence of the broadcaster.", "licence", "COERCE"),
    ("Security forces searched the homes of activists.", "searched", "COERCE"),
    ("Police freed 30 trafficking victims in a raid.", "victims", "AID"),
    ("Workers staged a walkout at the car plant.", "walkout", "PROTEST"),
    ("Iran said it would close the Strait of Hormuz.", "Strait", "THREATEN"),
    ("The government returned the seized land to the farmers.", "returned", "RETREAT"),
    ("Modi spoke by phone with Zelensky on Monday.", "spoke", "CONSULT"),
])
def test_battery_cases(types_of, text, trigger, event_type):
    assert types_of(text).get(trigger) == event_type, types_of(text)


def test_speaking_to_reporters_is_no_consultation(types_of):
    assert "CONSULT" not in types_of("The minister spoke to reporters on Monday.").values()


@pytest.mark.parametrize("text, trigger, event_type", [
    ("Soldiers deployed to help the border patrol clashed with rebels.", "deployed", "MOBILIZE"),
    ("Government troops are on high alert in the capital.", "are", "MOBILIZE"),
    ("Brazil offered its troops to the Haitian government to help it restore order.", "troops",
     "AGREE"),
])
def test_deployments_helping_an_activity_and_alerts(types_of, text, trigger, event_type):
    assert types_of(text).get(trigger) == event_type, types_of(text)


def test_a_participle_describing_the_subject_is_no_event(types_of):
    found = types_of("The Saudi-led coalition fighting the rebels has declared a ceasefire.")
    assert "ASSAULT" not in found.values() and "CONCEDE" in found.values(), found


def test_a_participle_describing_an_object_stays(types_of):
    found = types_of("Police dispersed demonstrators protesting the election results.")
    assert {"COERCE", "PROTEST"} <= set(found.values()), found


def test_civilians_violence_during_a_protest_is_a_riot(found):
    cands = found("Youths resorted to throwing stones during demonstrations in Gaza.")
    riot = [c for c in cands if c.trigger.text == "throwing"]
    assert riot and riot[0].event_type == "PROTEST" and riot[0].mode == "riot"
    assert [t.text for t in riot[0].actors] == ["Youths"]


def test_police_violence_during_a_protest_stays_an_assault(types_of):
    assert types_of("Police shot three protesters during a demonstration.").get(
        "shot") == "ASSAULT"


@pytest.mark.parametrize("text, trigger, event_type", [
    ("Opposition supporters clashed with police in the capital.", "clashed", "PROTEST"),
    ("Rebels clashed with police near the border.", "clashed", "ASSAULT"),
    ("The union staged a strike at the port.", "strike", "PROTEST"),
    ("Employees stopped work, staging a sit-in strike.", "strike", "PROTEST"),
    ("The air force launched a strike on the base.", "strike", "ASSAULT"),
])
def test_riots_and_labour_strikes(types_of, text, trigger, event_type):
    assert types_of(text).get(trigger) == event_type, types_of(text)


@pytest.mark.parametrize("text, trigger, event_type", [
    ("Senators introduced a bill that would sanction Turkish officials.", "sanction",
     "THREATEN"),
    ("Senators introduced a bill that would provide aid to Ukraine.", "aid", "AGREE"),
    ("The United States will move a missile battery into the Gulf.", "battery", "THREATEN"),
    ("Russia moved troops to the border.", "troops", "MOBILIZE"),
    ("Russia ended its military operation in the region.", "operation", "RETREAT"),
])
def test_proposals_moves_and_endings(types_of, text, trigger, event_type):
    assert types_of(text).get(trigger) == event_type, types_of(text)


def test_an_act_in_a_present_until_clause_is_a_condition(types_of):
    found = types_of("The sanctions will stay until Turkey ends its operations in Syria.")
    assert "RETREAT" not in found.values() and "ASSAULT" not in found.values(), found


def test_the_sponsor_of_a_bill_is_its_actor(found):
    cands = found("Senators introduced a bill that would sanction Turkish officials.")
    threat = [c for c in cands if c.event_type == "THREATEN"]
    assert threat and [t.text for t in threat[0].actors] == ["Senators"]
