"""Fusion of rule events with the typer, with a stand-in typer whose opinion we set."""

from __future__ import annotations

import pytest

from eventwire.coding import CodingResources, code_document
from eventwire.coding.fusion import ARMED_ACTOR_SECTORS
from eventwire.coding.typer import LABELS, NONE_LABEL
from eventwire.model import Document


class SureTyper:
    """Says every sentence is ``label`` with probability ``p`` (rest spread evenly)."""

    def __init__(self, label: str, p: float = 0.95) -> None:
        rest = (1 - p) / (len(LABELS) - 1)
        self.proba = {name: (p if name == label else rest) for name in LABELS}

    def predict_spans(self, spans):
        return [dict(self.proba) for _ in spans]


@pytest.fixture(scope="module")
def coder(pipeline):
    def _code(text: str, typer) -> list:
        base = pipeline.resources
        resources = CodingResources(lexicon=base.lexicon, actors=base.actors, typer=typer)
        return code_document(pipeline.nlp(text), Document(id="t", text=text), resources,
                             pipeline.config)
    return _code


@pytest.mark.parametrize(("sentence", "rule_type"), [
    ("The ELN declared a ceasefire on Friday.", "CONCEDE"),  # light verb + noun
    ("Saudi Arabia lifted its blockade of Yemen.", "RETREAT"),
])
def test_multi_word_triggers_are_not_retyped(coder, sentence, rule_type):
    assert [e.event_type for e in coder(sentence, None)] == [rule_type]
    other = "ACCUSE" if rule_type != "ACCUSE" else "REJECT"
    assert [e.event_type for e in coder(sentence, SureTyper(other))] == [rule_type]


def test_a_single_verb_trigger_is_retyped_by_a_sure_typer(coder):
    sentence = "The rebels hit back at the government on Monday."
    rules = coder(sentence, None)
    assert len(rules) == 1 and rules[0].event_type != "ACCUSE"
    fused = coder(sentence, SureTyper("ACCUSE"))
    assert [e.event_type for e in fused] == ["ACCUSE"]
    assert fused[0].rule.endswith("+typer")


def test_a_sure_none_drops_a_rule_event_unless_political_actors_act(coder):
    sport = "The Lakers fought back against the Celtics on Sunday."
    assert [e.event_type for e in coder(sport, None)] == ["ASSAULT"]  # the rules are fooled
    assert coder(sport, SureTyper("NONE")) == []
    war = "Soldiers fought the rebels near Homs."
    [rule] = coder(war, None)
    [kept] = coder(war, SureTyper("NONE"))
    assert kept.event_type == "ASSAULT" and kept.confidence < rule.confidence


def test_a_sure_none_does_not_drop_an_event_with_a_specific_means(coder):
    sentence = "Unidentified men hurled a grenade at a crowded market in Kabul."
    [rule] = coder(sentence, None)
    assert rule.acled is not None and rule.acled.sub_event_type == "Grenade"
    [kept] = coder(sentence, SureTyper("NONE"))
    assert kept.event_type == rule.event_type and kept.confidence < rule.confidence
    vague = "Unidentified men attacked a crowded market in Kabul."
    assert coder(vague, None) and coder(vague, SureTyper("NONE")) == []


def test_a_sure_none_does_not_drop_a_group_change(coder):
    sentence = "A faction of the rebel group broke away and formed a new armed group in Idlib."
    rules = coder(sentence, None)
    assert {e.acled.sub_event_type for e in rules if e.acled} == {"Change to group/activity"}
    assert all(e.actor is None or e.actor.sector is None for e in rules)  # not spared by sector
    kept = coder(sentence, SureTyper("NONE"))
    assert sorted(e.event_type for e in kept) == sorted(e.event_type for e in rules)


def test_a_sure_none_spares_armed_violence_against_anyone_but_not_other_armed_acts(coder):
    attack = "Bandits attacked travellers on the highway near Kaduna."
    [rule] = coder(attack, None)
    assert rule.event_type == "ASSAULT" and rule.actor.sector == "armed group"
    assert [e.event_type for e in coder(attack, SureTyper("NONE"))] == ["ASSAULT"]
    rescue = "The navy rescued the crew of the burning cargo ship."
    [help_] = coder(rescue, None)
    assert help_.event_type != "ASSAULT" and help_.actor.sector == "military"
    assert coder(rescue, SureTyper("NONE")) == []


@pytest.mark.parametrize("sentence", [
    "A fire at a textile factory killed 14 workers.",
    "A bear attacked two hikers in the national park.",
    "Firefighters battled the blaze at the warehouse for six hours.",
    "The storm killed at least nine people.",
])
def test_harm_by_nature_animals_or_against_a_fire_is_no_event(coder, sentence):
    assert coder(sentence, None) == []


def test_weapon_fire_is_still_an_attack(coder):
    assert [e.event_type for e in coder("Rocket fire killed three civilians in Aleppo.",
                                        None)] == ["ASSAULT"]


def test_the_typer_alone_codes_a_plain_sentence_but_not_a_quoted_one(coder):
    plain = "The brigades of the Front have come back to the northern hills this spring."
    quoted = ("\u201cThe brigades of the Front have come back to the northern hills this "
              "spring,\u201d a commander said.")
    assert coder(plain, None) == [] and coder(quoted, None) == []  # no rule fires on either
    assert [e.rule for e in coder(plain, SureTyper("MOBILIZE"))] == ["typer:MOBILIZE"]
    assert coder(quoted, SureTyper("MOBILIZE")) == []  # the speaker's claim, not an event


def test_violence_against_state_forces_is_spared_from_the_veto(coder):
    sentence = "Gang members shot dead two police officers at a checkpoint."
    rules = coder(sentence, None)
    assert [e.event_type for e in rules] == ["ASSAULT"]
    assert rules[0].actor.sector not in ARMED_ACTOR_SECTORS  # a gang is no armed party
    assert [e.event_type for e in coder(sentence, SureTyper(NONE_LABEL))] == ["ASSAULT"]


def test_a_retyped_event_meets_the_crime_filter_its_rule_event_passed(coder):
    # re-typed as a gang's coercion, the shooting would be ordinary crime: no event at all
    sentence = "Gang members shot dead two police officers at a checkpoint."
    assert coder(sentence, SureTyper("COERCE")) == []
