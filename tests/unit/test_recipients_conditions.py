"""Recipients told in a clause beside the trigger (eventwire.coding.targets), on synthetic
sentences: the one who must meet a threat's condition, the object of a preposition misread as
a gerund's subject, the place a withdrawal concerns, and whom sent forces are to act on."""

from __future__ import annotations

import pytest
from spans import recipients


def test_threat_is_aimed_at_who_must_meet_its_condition(code):
    found = recipients(code("The Turkish official threatened that if Greece did not withdraw "
                            "its ships, the navy would block the strait."), "THREATEN")
    assert found and "greece" in found[0] and "navy" not in found[0], found


def test_named_object_of_a_threat_stays(code):
    """ "threatened to cut ties with Russia unless the Kremlin ...": Russia is named outright."""
    found = recipients(code("The parliament threatened to break relations with Russia unless "
                            "the Kremlin closed its base."), "THREATEN")
    assert found and "russia" in found[0], found


def test_object_read_as_a_gerund_subject(parse):
    """The parse this repairs, built by hand: "an attack on [the government] calling it ..."
    with "government" the subject of "calling" and "on" left without an object."""
    from spacy.tokens import Doc

    from eventwire.coding.target_rules import gerund_subject

    vocab = parse("x").vocab
    words = ["an", "attack", "on", "the", "government", "calling", "it", "corrupt"]
    doc = Doc(vocab, words=words, heads=[1, 1, 1, 4, 5, 2, 5, 5],
              deps=["det", "ROOT", "prep", "det", "nsubj", "pcomp", "dobj", "oprd"],
              pos=["DET", "NOUN", "ADP", "DET", "NOUN", "VERB", "PRON", "ADJ"],
              tags=["DT", "NN", "IN", "DT", "NN", "VBG", "PRP", "JJ"],
              lemmas=["an", "attack", "on", "the", "government", "call", "it", "corrupt"])
    assert [t.text for t in gerund_subject(doc[1], ("on",))] == ["government"]
    assert gerund_subject(doc[1], ("against",)) == []


def test_place_of_a_withdrawal_told_in_a_condition(code):
    found = recipients(code("Syria is willing to withdraw its troops if it can keep a civil "
                            "administration in Beirut."))
    assert found and "beirut" in found[0], found


def test_whom_sent_peacekeepers_are_to_relieve(code):
    found = recipients(code("The AU peacekeepers are being deployed to relieve the Kenyan "
                            "military personnel."))
    assert found and "kenyan" in found[0], found


def test_gerund_rule_needs_the_clause_own_subject(parse):
    from spans import token

    from eventwire.coding.target_rules import gerund_subject

    doc = parse("Beirut rejected a United Nations appeal for deploying army troops.")
    assert gerund_subject(token(doc, "appeal"), ("for",)) == []


@pytest.mark.parametrize(("sentence", "charged"), [
    ("The former minister faces charges of corruption.", "former minister"),
    # "the extradition of X to face charges": X is charged, the judge approves
    ("A judge approved the extradition of the former governor to face charges of fraud.",
     "former governor"),
])
def test_who_faces_charges_is_the_recipient(code, sentence, charged):
    found = [e for e in code(sentence) if e.event_type == "ACCUSE"]
    assert found and found[0].recipient and charged in found[0].recipient.text.lower()
    assert found[0].actor is None or charged not in found[0].actor.text.lower()


def test_connective_phrase_is_no_target(code):
    """ "in case of fighting in Thailand": "case" names nothing; a name inside it may."""
    found = recipients(code("Cambodian troops remained on alert in case of more fighting "
                            "erupts in Thailand border."), "MOBILIZE")
    assert found and found[0] != "case" and "thailand" in found[0], found


def test_complaint_accuses_the_author_of_the_act(code):
    """ "complained to the UN over Israeli air raids": Israel is accused, the UN is told."""
    found = recipients(code("Syria complained to the United Nations on Monday over two "
                            "Turkish air raids near the border."), "ACCUSE")
    assert found and "turkish" in found[0], found


def test_summoned_envoy_stays_the_recipient_of_a_complaint(code):
    found = recipients(code("Pakistan summoned France's ambassador to complain about a "
                            "systematic campaign in the European nation."), "ACCUSE")
    assert found and "ambassador" in found[0], found


def test_object_of_a_preposition_read_as_a_clause_subject(parse):
    """ "granted asylum to [five officers] holed up in an embassy", built by hand: the parser
    leaves "to" without an object and makes "officers" the subject of "holed"."""
    from spacy.tokens import Doc

    from eventwire.coding.target_rules import gerund_subject

    vocab = parse("x").vocab
    words = ["granted", "asylum", "to", "five", "officers", "holed", "up"]
    doc = Doc(vocab, words=words, heads=[0, 0, 0, 4, 5, 0, 5],
              deps=["ROOT", "dobj", "prep", "nummod", "nsubj", "advcl", "prt"],
              pos=["VERB", "NOUN", "ADP", "NUM", "NOUN", "VERB", "ADP"],
              tags=["VBD", "NN", "IN", "CD", "NNS", "VBD", "RP"],
              lemmas=["grant", "asylum", "to", "five", "officer", "hole", "up"])
    assert [t.text for t in gerund_subject(doc[0], ("to",))] == ["officers"]


def test_toll_after_fire_is_aimed_at_the_fire_target(code):
    """ "launched rocket fire against rebel camps, killing or wounding 50": the camps."""
    found = recipients(code("Government forces launched artillery and rocket fire against "
                            "rebel camps near the border today, killing or wounding 50."),
                       "ASSAULT")
    assert found and "rebel camps" in found[0], found


def test_rioting_at_a_place_is_no_volley(parse):
    from spans import token

    from eventwire.coding.target_rules import volley_target

    doc = parse("Prisoners rioted at the jail, setting fire to their mattresses.")
    assert volley_target(token(doc, "setting")) == []
