"""Recipients of mobilizations, seizures of counted people and boycotts, on synthetic sentences.

Rules of :mod:`eventwire.coding.targets` (``mobilized_target``, ``up_to_object``,
``relation_side``) and the tagger-slip guard (a lower-case word tagged PERSON names nobody).
"""

from __future__ import annotations

import pytest
from spans import recipients


@pytest.mark.parametrize(("sentence", "target", "not_it"), [
    # the adversary named in the purpose, not the forces moved
    (("The Turkish military has mobilized troops for a possible order to move against Syria's "
     "air defences."), "syria", "troops"),
    # where the forces are sent, not where they stand
    ("The Pentagon placed an Army brigade in Germany on alert to fly into Lebanon if needed.",
     "lebanon", "germany"),
])
def test_mobilization_is_aimed_at_its_adversary_or_destination(code, sentence, target, not_it):
    found = recipients(code(sentence), "MOBILIZE")
    assert found and target in found[0] and not_it not in found[0], found


def test_lower_case_word_tagged_as_person_is_no_recipient(code):
    """ "to comb the bush": a tagger slip (and no dictionary Bush); the destination is meant."""
    found = recipients(code("The 3rd Brigade had mobilised its men to the area to comb the "
                            "bush."), "MOBILIZE")
    assert found and "area" in found[0], found


def test_counted_object_read_as_up_to_phrase(code):
    found = recipients(code("Afghan rebels have kidnapped up to 16 Russian civilian advisers "
                            "from a town bazaar."))
    assert found and "advisers" in found[0] and "bazaar" not in found[0], found


def test_partner_of_a_boycotted_tie(code):
    found = recipients(code("Palestinian leaders said they would boycott all official contact "
                            "with the United States."), "THREATEN")
    assert found and "united states" in found[0], found


def test_up_to_rule_needs_a_counted_noun(parse):
    from spans import token

    from eventwire.coding.target_rules import up_to_object

    doc = parse("The rebels gave up to the police after a siege.")
    assert up_to_object(token(doc, "gave")) == []
    doc = parse("Gunmen abducted up to 30 students from the school.")
    # parsed right ("up to" as a quantifier, "students" the object): nothing to repair
    assert up_to_object(token(doc, "abducted")) == []


def test_people_deported_receive_it_not_the_destination(code):
    """ "deported 50 migrants to Eritrea": the deported are the target (PLOVER COERCE)."""
    found = recipients(code("The authorities deported 50 migrants to Eritrea."))
    assert found and "migrants" in found[0], found


def test_sides_named_together_fight_each_other(code):
    events = [e for e in code("Sudan's army and the RSF clashed in Khartoum.")
              if e.event_type == "ASSAULT"]
    pairs = {((e.actor.text if e.actor else "").lower(),
              (e.recipient.text if e.recipient else "").lower()) for e in events}
    assert any("army" in a and "rsf" in r for a, r in pairs), pairs
    assert not any("khartoum" in r for _, r in pairs), pairs


def test_protest_outside_an_embassy_is_aimed_at_it(code):
    found = recipients(code("Protesters rallied outside the US embassy in Baghdad."), "PROTEST")
    assert found and "embassy" in found[0], found


def test_people_a_harm_verb_acts_on_beat_the_place(code):
    found = recipients(code("The militants abducted 40 schoolgirls from a village in Borno."))
    assert found and "schoolgirls" in found[0], found


@pytest.mark.parametrize(("sentence", "target"), [
    ("The EU rolled back tariffs on American whiskey.", "american whiskey"),
    ("The minister threatened to impose import restrictions against Italian goods.",
     "italian goods"),
    # the goods a sum of trade stands for, and their owner
    ("Washington reduced tariffs on $80 billion of Brazil's exports.", "brazil"),
])
def test_what_a_measure_is_laid_on(code, sentence, target):
    found = recipients(code(sentence))
    assert any(target in r for r in found) and not any(
        r in ("tariffs", "import restrictions") for r in found), found


@pytest.mark.parametrize(("sentence", "shown"), [
    ("The agency sent food to help people in Chad, Niger and Mali.",
     "people in chad, niger and mali"),
    ("France agreed to accept more than 900 people now living in Italian migrant camps.",
     "people now living in italian migrant camps"),
])
def test_unnamed_people_are_shown_with_their_place(code, sentence, shown):
    found = recipients(code(sentence))
    assert any(r.endswith(shown) for r in found), found


def test_people_are_not_extended_by_a_phrase_that_is_no_place(code):
    found = recipients(code("Suicide bombers killed 48 people in two separate attacks in "
                            "Kabul on Tuesday."), "ASSAULT")
    assert found and "attacks" not in found[0], found
