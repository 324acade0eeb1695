"""Cases where the recipient rules of eventwire.coding.targets must NOT fire (found by running
them over unlabelled news): a joint fight alongside someone, real forces joined, a condemned
claim, an author named by a modifier, an unclear one who faces questioning."""

from __future__ import annotations


def pairs(events, event_type=None):
    return [((e.actor.text if e.actor else "").lower(),
             (e.recipient.text if e.recipient else "").lower()) for e in events
            if event_type is None or e.event_type == event_type]


def test_fighting_alongside_someone_is_no_fight_between_the_subjects(code):
    found = pairs(code("US troops and British special forces have fought alongside the "
                       "Kurdish militia to oust the jihadists."), "ASSAULT")
    assert not any("us troops" in a and "british" in r for a, r in found), found


def test_joining_named_forces_is_no_idiom(parse):
    """ "join forces with X" is an idiom; "join Syrian forces" joins real forces."""
    from spans import token

    from eventwire.coding.syntax import direct_objects
    from eventwire.coding.target_rules import idiom_parts

    doc = parse("The rebels will join forces with the army.")
    verb = token(doc, "join")
    assert [t.text for t in idiom_parts(direct_objects(verb), verb, "join force")] == ["forces"]
    doc = parse("The rebels will join Syrian forces.")
    verb = token(doc, "join")
    assert idiom_parts(direct_objects(verb), verb, "join force") == []


def test_condemned_claim_is_not_read_as_an_inquiry(code):
    found = pairs(code("The minister condemned the UN claim that 10,000 fighters remained in "
                       "the city."), "ACCUSE")
    assert found and not any("fighters" in r for _, r in found), found


def test_condemned_act_with_a_named_author_keeps_the_author(code):
    found = pairs(code("The president denounced US cooperation with Kurdish groups."),
                  "ACCUSE")
    assert found and any(r.startswith("us") and "cooperation" not in r for _, r in found), found


def test_charged_party_needs_a_clear_facer(parse):
    from spans import token

    from eventwire.coding.fallbacks import charged_party

    doc = parse("The government maintains that citizens have the right to return home to "
                "face questioning.")
    assert charged_party(token(doc, "face"), False) == []


def test_condemned_agreement_is_no_condemned_attack(parse, pipeline):
    """Only harm (attacks, arrests) is condemned as an act; an agreement is aimed at its party."""
    from spans import token

    from eventwire.coding import CodingResources
    from eventwire.coding.participants import Participant
    from eventwire.coding.target_rules import condemned_act
    from eventwire.model import Actor

    lexicon = CodingResources.load(pipeline.config).lexicon

    def inner(doc, word):
        return [Participant(Actor(text=word), token(doc, word), target=True)]

    doc = parse("He denounced an agreement signed last year with the bloc.")
    assert condemned_act(token(doc, "denounced"), inner(doc, "bloc"), lexicon) == []
    doc = parse("He denounced the bombing of a market.")
    assert [t.text for t in condemned_act(token(doc, "denounced"), inner(doc, "market"),
                                          lexicon)] == ["bombing"]
