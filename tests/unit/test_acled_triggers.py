"""ACLED constructions the trigger lexicon must detect (eventwire issue #5).

Synthetic sentences written from the ACLED codebook definitions; no gold text. Each positive case
was missed before the triggers.yaml / nominal / lexicon additions; the negative cases keep the
new entries from firing on look-alike everyday wording.
"""

from __future__ import annotations

import pytest

from eventwire.coding.detect import detect


def _sub_types(events) -> set[str | None]:
    return {e.acled.sub_event_type if e.acled else None for e in events}


@pytest.mark.parametrize(("text", "event_type", "sub_type"), [
    # irregular past tense the lemmatizer leaves as is ("retook" -> "retook")
    ("Government forces retook control of the town of Kafr Nabl on Monday.", "ASSAULT",
     "Government regains territory"),
    ("The Somali army retook the town of Afgoye from the militants.", "ASSAULT",
     "Government regains territory"),
    # barrels dropped on a place (chlorine makes it a chemical weapon)
    ("Government helicopters dropped barrels containing chlorine on the village of Talmenes.",
     "ASSAULT", "Chemical weapon"),
    ("An air-dropped canister burst over the town of Kafr Zita, doctors said.", "ASSAULT", None),
    # abductions and forced disappearances
    ("Security agents took an activist from his home in Bulawayo on Friday.", "ASSAULT",
     "Abduction/forced disappearance"),
    ("The blogger was picked up by plain-clothes men in Alexandria on Sunday.", "ASSAULT",
     "Abduction/forced disappearance"),
    # areas closed to civilians (ACLED 'Other')
    ("Soldiers barred civilians from entering the city of Marawi.", "COERCE", "Other"),
    # changes to armed groups
    ("Al-Shabaab named a new leader after the death of its commander.", "MOBILIZE",
     "Change to group/activity"),
    ("Former rebels formed a new armed group in North Kivu.", "MOBILIZE",
     "Change to group/activity"),
    ("The movement declared a new armed wing in Darfur.", "MOBILIZE",
     "Change to group/activity"),
    ("Hundreds of militia fighters joined the national army in Juba.", "MOBILIZE",
     "Change to group/activity"),
    # bases
    ("The rebels established a command centre in the town of Bambari.", "MOBILIZE",
     "Headquarters or base established"),
])
def test_acled_construction_is_coded(code, text, event_type, sub_type):
    events = code(text)
    assert event_type in {e.event_type for e in events}, events
    if sub_type is not None:
        assert sub_type in _sub_types(events), events


def test_breaking_away_is_a_rule_candidate(pipeline):
    """'broke away from' is detected by the rules (the typer may still veto it in fusion)."""
    doc = pipeline.nlp("A faction broke away from the Free Syrian Army on Thursday.")
    found = [c for sent in doc.sents for c in detect(sent, pipeline.resources.lexicon)]
    assert [(c.trigger.lower_, c.event_type) for c in found] == [("broke", "RETREAT")]


@pytest.mark.parametrize("text", [
    "The team picked up the trophy in Madrid on Sunday.",
    "The ministers formed a working group on trade.",
    "Prosecutors dropped the charges against the mayor on Monday.",
    "The bubble burst over the summer, investors said.",
    "She took a book from her home to the library.",
])
def test_look_alikes_are_not_violence(code, text):
    assert not {e.event_type for e in code(text)} & {"ASSAULT", "MOBILIZE"}
