"""ACLED sub-types from PLOVER type, mode and sentence cues (eventwire.coding.acled).

Synthetic sentences written from the ACLED codebook definitions; no gold text.
"""

from __future__ import annotations

import pytest

from eventwire.coding.acled import acled_for_event, acled_type
from eventwire.model import Actor, Event, Evidence, Trigger


def sub(event_type: str, sentence: str, *, mode: str | None = None, lemma: str = "",
        actor: str | None = None, recipient: str | None = None, actor_text: str = "",
        recipient_text: str = "") -> str | None:
    found = acled_type(event_type, mode, lemma, sentence, actor, recipient, recipient_text,
                       actor_text=actor_text)
    return found.sub_event_type if found else None


@pytest.mark.parametrize(("sentence", "mode", "lemma", "expected"), [
    ("Government helicopters dropped barrels of chlorine gas on the town.", None, "drop",
     "Chemical weapon"),
    ("A suicide bomber blew himself up at a checkpoint, killing four soldiers.", None, "kill",
     "Suicide bomb"),
    ("Warplanes struck a militia convoy near the border.", None, "strike", "Air/drone strike"),
    ("A drone hit a car carrying two commanders.", None, "hit", "Air/drone strike"),
    ("Assailants threw a grenade at a police post, wounding two officers.", None, "throw",
     "Grenade"),
    ("Militants fired mortar rounds at the presidential palace.", "firearms", "fire",
     "Shelling/artillery/missile attack"),
    ("Insurgents fired rocket-propelled grenades into the city.", "firearms", "fire",
     "Shelling/artillery/missile attack"),
    ("A roadside bomb exploded under an army truck, killing two soldiers.", None, "kill",
     "Remote explosive/landmine/IED"),
    ("Militiamen raped three women near the camp.", "sexual", "rape", "Sexual violence"),
    ("Gunmen kidnapped 30 students from a boarding school.", "abduct", "kidnap",
     "Abduction/forced disappearance"),
])
def test_weapon_and_harm_decide_the_violence_sub_type(sentence, mode, lemma, expected):
    assert sub("ASSAULT", sentence, mode=mode, lemma=lemma, actor="rebels") == expected


def test_victims_separate_attacks_on_civilians_from_armed_clashes():
    assert sub("ASSAULT", "Gunmen stormed the village and killed 20 villagers.",
               actor="armed group", recipient="civilians", recipient_text="20 villagers",
               lemma="kill") == "Attack"
    assert sub("ASSAULT", "Soldiers exchanged fire with separatist fighters overnight.",
               actor="military", recipient="rebels", recipient_text="separatist fighters",
               lemma="exchange fire") == "Armed clash"


def test_unnamed_victims_are_read_from_the_sentence():
    # a local politician is a civilian for ACLED; a checkpoint's soldiers are armed
    assert sub("ASSAULT", "Unknown gunmen shot dead a local councillor in Tamaulipas.",
               lemma="shoot", actor="armed group") == "Attack"
    assert sub("ASSAULT", "Militants attacked an army checkpoint, killing four soldiers and a "
               "civilian.", lemma="attack", actor="rebels") == "Armed clash"


def test_territory_regained_by_the_state_and_taken_by_armed_groups():
    assert sub("ASSAULT", "Government troops recaptured Palma from the insurgents.",
               actor="military", lemma="recapture") == "Government regains territory"
    assert sub("ASSAULT", "Taliban fighters seized control of the district centre.",
               actor="rebels", lemma="seize") == "Non-state actor overtakes territory"
    # a non-state group retaking a town is still a non-state takeover
    assert sub("ASSAULT", "The rebels retook the town after a week.", actor="rebels",
               lemma="retake") == "Non-state actor overtakes territory"


def test_territory_handed_over_without_a_fight_is_non_violent():
    sentence = "Government forces withdrew from the town, leaving it to the jihadists without a fight."
    assert sub("RETREAT", sentence, mode="withdraw", actor="military",
               lemma="withdraw") == "Non-violent transfer of territory"
    assert sub("CONCEDE", "The SDF handed over the city of Manbij to the army.",
               lemma="hand over", actor="rebels") == "Non-violent transfer of territory"


@pytest.mark.parametrize(("event_type", "sentence", "actor_text", "recipient_text", "expected"), [
    ("PROTEST", "Hundreds of teachers protested outside the ministry to demand higher pay.",
     "teachers", "", "Peaceful protest"),
    ("PROTEST", "Police fired tear gas to disperse a peaceful rally by teachers.", "teachers", "",
     "Protest with intervention"),
    ("ASSAULT", "Soldiers opened fire on protesters, killing five demonstrators.", "Soldiers",
     "protesters", "Excessive force against protesters"),
    ("ASSAULT", "Protesters set fire to a police station and looted shops.", "Protesters", "",
     "Violent demonstration"),
    ("PROTEST", "Riot police removed protesters who had blocked the road to the airport.",
     "protesters", "", "Protest with intervention"),
    ("PROTEST", ("Opposition supporters held a peaceful demonstration calling for the release of "
     "detained activists."), "Opposition supporters", "", "Peaceful protest"),
])
def test_protests_by_what_happened_to_them(event_type, sentence, actor_text, recipient_text,
                                           expected):
    recipient = "protesters" if recipient_text else None
    assert sub(event_type, sentence, actor_text=actor_text, recipient=recipient,
               recipient_text=recipient_text, mode="demo" if event_type == "PROTEST" else None,
               ) == expected


@pytest.mark.parametrize("sentence", [
    "Hundreds of students protested in Dhaka against the killing of a classmate by police.",
    "Residents marched to denounce the arrest of their chief by soldiers.",
    "Protesters burned an effigy of the president outside parliament.",
])
def test_what_a_protest_is_about_is_not_what_happened_at_it(sentence):
    assert sub("PROTEST", sentence, mode="demo", lemma="protest",
               actor_text=sentence.split()[0]) == "Peaceful protest"


def test_unorganised_crowds_commit_mob_violence():
    assert sub("ASSAULT", "A mob lynched a man accused of theft.", lemma="lynch",
               actor_text="A mob") == "Mob violence"
    assert sub("ASSAULT", "Villagers beat to death two men suspected of witchcraft.",
               lemma="beat", actor_text="Villagers", recipient="civilians",
               recipient_text="two men") == "Mob violence"


def test_weapons_seized_defused_or_intercepted_are_disrupted_weapons_use():
    assert sub("COERCE", "Police defused a bomb planted near a church.", mode="seize",
               lemma="defuse", actor="police") == "Disrupted weapons use"
    assert sub("COERCE", "Troops recovered 15 rifles and rocket launchers from a hideout.",
               lemma="recover", actor="military") == "Disrupted weapons use"
    assert sub("ASSAULT", "Air defences shot down two rockets fired from Gaza.",
               lemma="shoot down", actor="military") == "Disrupted weapons use"
    # an air strike on a weapons depot is still an air strike
    assert sub("ASSAULT", "Coalition warplanes struck a weapons depot overnight.",
               lemma="strike", actor="military") == "Air/drone strike"


def test_arrests_are_by_states_and_seizures_of_people_by_armed_groups_are_abductions():
    assert sub("COERCE", "Police arrested the opposition leader at his home.", mode="arrest",
               lemma="arrest", actor="police") == "Arrests"
    assert sub("COERCE", "Boko Haram fighters seized eight women from a village.",
               mode="arrest", lemma="seize", actor="rebels") == "Abduction/forced disappearance"


def test_strategic_developments():
    assert sub("MOBILIZE", "Al Shabaab militants set up a new base in the village.",
               actor="rebels", lemma="set up") == "Headquarters or base established"
    assert sub("RETREAT", "More than 300 fighters surrendered to the army with their weapons.",
               mode="disarm", actor="rebels", lemma="surrender") == "Change to group/activity"
    assert sub("SUPPORT", "The government and the rebels signed a ceasefire agreement.",
               lemma="sign", actor="government") == "Agreement"
    assert sub("AGREE", "Rival militias agreed to a truce brokered by the UN.",
               lemma="agree", actor="militia") == "Agreement"
    assert sub("ASSAULT", "Militants set fire to a primary school overnight; no one was hurt.",
               mode="destroy", lemma="set fire", actor="rebels") == "Looting/property destruction"
    assert sub("COERCE", "The government imposed a curfew after days of unrest.",
               lemma="impose", actor="government") == "Other"


def test_what_is_said_has_no_acled_type():
    # (an accusation of a specific violent act is coded as that act: see the test below)
    assert sub("ACCUSE", "Activists accused the army of corruption.", lemma="accuse") is None
    assert sub("SUPPORT", "The minister praised the police.", lemma="praise") is None
    assert sub("SANCTION", "The EU imposed sanctions on five officials.", lemma="impose") is None


def test_acled_for_event_reads_a_finished_record():
    sentence = "Assailants threw a grenade into a crowded bar, wounding six people."
    event = Event(
        id="e1", event_type="ASSAULT", mode=None, context=(), cameo=None, acled=None,
        actor=Actor("Assailants", sector="armed group"), recipient=None, location=None,
        date=None, date_precision=None, date_text=None,
        evidence=Evidence("d", sentence, 0, len(sentence)), sources=("d",), confidence=0.7,
        trigger=Trigger("threw", "throw", 11, 16))
    found = acled_for_event(event)
    assert found is not None and found.sub_event_type == "Grenade"
    assert found.event_type == "Explosions/Remote violence"


def test_people_seized_or_carried_off_are_abducted_whatever_the_verb_type():
    # the rules may read "seized" as an assault; the people taken make it an abduction
    assert sub("ASSAULT", "Gunmen seized twelve schoolgirls from a dormitory in Kessel.",
               lemma="seize", actor="armed group") == "Abduction/forced disappearance"
    assert sub("ASSAULT", "Rebels seized the town of Kessel, killing five civilians.",
               lemma="seize", actor="rebels") == "Non-state actor overtakes territory"
    assert sub("COERCE", "Soldiers seized weapons from the villagers in Kessel.",
               lemma="seize", actor="military") == "Disrupted weapons use"


def test_an_accusation_of_a_specific_violent_act_is_coded_as_that_act():
    assert sub("ACCUSE", "Activists accused the army of using chemical weapons in an assault "
               "on Kessel.", lemma="accuse") == "Chemical weapon"
    assert sub("ACCUSE", "Soldiers were accused of sexually assaulting girls at a camp near "
               "Kessel.", lemma="accuse") == "Sexual violence"
    # an accusation of no specific act stays what it is: words, which ACLED does not code
    assert sub("ACCUSE", "The minister accused the opposition of lying about the economy.",
               lemma="accuse") is None
    assert sub("ACCUSE", "Rebels accused the army of using excessive force.",
               lemma="accuse") is None


def test_an_armed_group_changing_itself_is_a_group_change_whatever_the_verb_type():
    assert sub("SANCTION", "The armed group changed its name to Kessel Front after cutting "
               "ties with its former allies.", actor="armed group") == "Change to group/activity"
    assert sub("SANCTION", "The government cut ties with Kessel and closed the border.",
               actor="government") is None


def test_suspects_held_after_a_crime_or_attack_are_no_acled_arrest():
    assert sub("COERCE", "Police later arrested two suspects in connection with the blast.",
               mode="arrest", lemma="arrest", actor="police") is None
    # significant people and members of armed groups are (ACLED codebook)
    assert sub("COERCE", "Police arrested three suspects linked to the Islamic State.",
               mode="arrest", lemma="arrest", actor="police") == "Arrests"
    assert sub("COERCE", "Police arrested 20 suspected Boko Haram militants in Kessel.",
               mode="arrest", lemma="arrest", actor="police") == "Arrests"
    assert sub("COERCE", "Police arrested the opposition leader at his home.",
               mode="arrest", lemma="arrest", actor="police") == "Arrests"


def test_a_retyped_arrest_in_a_drug_story_gets_no_acled_type():
    sentence = "Federal police arrested the leader of a drug cartel in Kessel."
    event = Event(id="e", event_type="COERCE", mode=None, context=(), cameo=None, acled=None,
                  actor=Actor("Federal police", sector="police"),
                  recipient=Actor("the leader of a drug cartel"), location=None, date=None,
                  date_precision=None, date_text=None,
                  evidence=Evidence("d", sentence, 0, len(sentence)), sources=("d",),
                  confidence=0.8, trigger=Trigger("arrested", "arrest", 15, 23))
    assert acled_for_event(event) is None
    political = event.with_changes(
        evidence=Evidence("d", "Federal police arrested the opposition leader in Kessel.", 0, 55))
    assert acled_for_event(political) is not None


def test_crowd_control_without_casualties_is_an_intervention_not_a_battle():
    assert sub("ASSAULT", "Police fired tear gas and arrested dozens of them.",
               actor="police") == "Protest with intervention"
    assert sub("ASSAULT", "Riot police used water cannon on the crowd in Kessel.",
               actor="police") == "Protest with intervention"
    assert sub("ASSAULT", "Assailants threw a stun grenade into a bar in Kessel.") == "Grenade"
