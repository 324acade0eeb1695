"""Recipients one phrase away from the trigger (eventwire.coding.targets), on synthetic sentences.

Each case names the grammatical pattern: the accused inside a probed claim, the holder of a
permission, the addressee of a letter a threat is made in, the holder something was seized
from, the other side of a dispute a plan settles, an idiom's own object, and what a lawsuit's
participle clause accuses.
"""

from __future__ import annotations

import pytest
from spans import recipients


@pytest.mark.parametrize(("sentence", "accused", "not_it"), [
    # "an investigation into claims that X did": X, not the place of the deed
    (("Police launched an investigation into claims that three officers beat prisoners in "
     "Kenya."), "officers", "kenya"),
    # "into whether X was ...": the clause's subject
    ("Prosecutors opened an inquiry into whether Judge Maria Lopez was illegally monitored.",
     "maria lopez", ""),
    # "an allegation by Y that X had ...": the accused X, not the accuser Y
    (("The panel completed its probe into an allegation by the opposition that the army had "
     "burned the village."), "army", "opposition"),
])
def test_accused_inside_an_investigated_claim(code, sentence, accused, not_it):
    found = recipients(code(sentence), "ACCUSE")
    assert any(accused in r for r in found), found
    assert not_it == "" or not any(r == not_it for r in found), found


@pytest.mark.parametrize(("sentence", "holder"), [
    ("The general had given the Navy permission to use the airport.", "navy"),
    ("The government gave approval for the Red Cross to deliver aid to refugees.", "red cross"),
])
def test_holder_of_a_permission_is_the_recipient(code, sentence, holder):
    events = [e for e in code(sentence) if e.trigger and e.trigger.text.lower() in (
        "permission", "approval")]
    assert events and all(holder in r for r in recipients(events)), recipients(events)


def test_addressee_of_the_letter_a_threat_is_made_in(code):
    found = recipients(code("The prime minister sent a letter to the head of the IMF "
                            "threatening to cut funding over the debt."), "THREATEN")
    assert found and "imf" in found[0] and "debt" not in found[0]


def test_participle_object_beats_the_addressee(code):
    """ "sent a letter to the UN accusing Israel": the accused is the object, not the UN."""
    found = recipients(code("The minister sent a letter to the United Nations accusing Chad "
                            "of arming the rebels."), "ACCUSE")
    assert found and "chad" in found[0]


def test_holder_something_was_seized_from(code):
    found = recipients(code("The rebels said they will return vehicles they have seized from "
                            "the army."))
    assert any("army" in r for r in found) and not any("vehicles" in r for r in found), found


def test_other_side_of_a_dispute_a_plan_settles(code):
    found = recipients(code("The government accepted a plan for ending its border dispute "
                            "with the Kingdom of Tonga."), "AGREE")
    assert found and "tonga" in found[0]


def test_idiom_object_is_no_recipient(code):
    found = recipients(code("The senator will join forces with the Green Party."))
    assert any("green party" in r for r in found) and "forces" not in found, found


def test_object_of_a_lawsuit_participle(code):
    found = recipients(code("The opposition party filed a lawsuit accusing the Sinaloa cartel "
                            "of ordering the attack."), "ACCUSE")
    assert found and "sinaloa cartel" in found[0]


@pytest.mark.parametrize(("sentence", "target", "toll"), [
    ("Rebel fighters burned a market in northern Mali, killing 12 traders.", "mali", "traders"),
    (("The militia carried out attacks on police posts near the border, killing dozens of "
     "people."), "police posts", "people"),
])
def test_main_clause_target_beats_the_participle_toll(code, sentence, target, toll):
    """ "torched a village, killing 11 civilians": one assault aimed at the village."""
    found = recipients(code(sentence), "ASSAULT")
    assert found and target in found[0] and toll not in found[0], found


def test_dispute_side_is_read_through_a_relation_noun_only(parse):
    """The rule itself, on parses: a name inside a dispute's "with" phrase, nothing else."""
    from spans import token

    from eventwire.coding.target_rules import dispute_side

    doc = parse("At a meeting the miners accepted a plan for settling a wage dispute with the "
                "Rio Tinto company.")
    assert [t.text for t in dispute_side([token(doc, "plan")], lambda t: False)] == ["company"]
    doc = parse("The miners accepted a plan drawn up with the help of experts.")
    assert dispute_side([token(doc, "plan")], lambda t: False) == []


def test_condemned_act_without_author_is_the_recipient(code):
    """ "condemned the attack on a market": the attack is accused, not the market it hit."""
    found = recipients(code("The council condemned the bombing of a market in the city of "
                            "Herat, which killed 12."), "ACCUSE")
    assert found and found[0].startswith("bombing of a market") and "killed" not in found[0]


def test_condemned_act_with_author_is_aimed_at_the_author(code):
    found = recipients(code("The minister condemned Serbia's suppression of the protests."),
                       "ACCUSE")
    assert found and "serbia" in found[0], found


def test_an_end_is_put_to_an_act(code):
    found = recipients(code("The protesters demanded an end to police brutality."), "REQUEST")
    assert found and "police" in found[0], found


@pytest.mark.parametrize(("sentence", "author", "not_it"), [
    # a modifier names who asked, whatever the request is about
    (("The council rejected the Hezbollah demand for the dismissal of Finance Minister Ali "
     "Khalil."), "hezbollah", "khalil"),
    # a plural people noun without an apostrophe ("hostage-takers demands")
    ("The government said it would not meet the kidnappers demands to free prisoners in Mali.",
     "kidnappers", "mali"),
])
def test_author_of_an_answered_request_is_the_recipient(code, sentence, author, not_it):
    found = recipients(code(sentence), "REJECT")
    assert found and author in found[0] and not_it not in found[0], found
