"""Round trips: records → store → records are lossless (hypothesis), ids are stable."""

from __future__ import annotations

from factories import make_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.model import (
    PLOVER_TYPES,
    Acled,
    Actor,
    Affiliation,
    DocumentResult,
    Event,
    Evidence,
    Place,
    Quote,
    Trigger,
)
from eventwire.store import open_store

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
maybe_text = st.none() | text
small_int = st.integers(min_value=0, max_value=10**9)
coord = st.floats(min_value=-90, max_value=90, allow_nan=False)

actors = st.builds(
    Actor, text=text, name=maybe_text, id=maybe_text, country=maybe_text, sector=maybe_text,
    affiliations=st.lists(st.builds(Affiliation, relation=text, target=text, since=maybe_text,
                                    until=maybe_text), max_size=2).map(tuple))
places = st.builds(
    Place, text=text, name=maybe_text, country=maybe_text, admin1=maybe_text,
    lat=st.none() | coord, lon=st.none() | coord, geonameid=st.none() | small_int,
    precision=st.sampled_from([None, "country", "admin1", "city", "point"]),
    inherited=st.booleans())
dates = st.none() | st.dates().map(lambda d: d.isoformat()) | st.sampled_from(
    ["2016", "2016-05", "not a date"])


@st.composite
def events(draw: st.DrawFn, document_id: str = "doc") -> Event:
    start = draw(small_int)
    return Event(
        id=draw(text.map(lambda t: "ev_" + t)), event_type=draw(st.sampled_from(PLOVER_TYPES)),
        mode=draw(maybe_text), context=tuple(draw(st.lists(text, max_size=3))),
        cameo=draw(maybe_text),
        acled=draw(st.none() | st.builds(Acled, event_type=text, sub_event_type=maybe_text)),
        actor=draw(st.none() | actors), recipient=draw(st.none() | actors),
        location=draw(st.none() | places), date=draw(dates),
        date_precision=draw(st.sampled_from([None, "day", "month", "year"])),
        date_text=draw(maybe_text),
        evidence=Evidence(document_id, draw(text), start, start + draw(small_int)),
        sources=tuple(draw(st.lists(text, max_size=3))) or (document_id,),
        confidence=draw(st.floats(min_value=0, max_value=1)),
        quotes=tuple(draw(st.lists(text, max_size=2))),
        trigger=draw(st.none() | st.builds(Trigger, text=text, lemma=text, start=small_int,
                                           end=small_int)),
        modality=draw(st.sampled_from(["asserted", "intended", "hypothetical"])),
        rule=draw(text), date_inherited=draw(st.booleans()))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events(), min_size=1, max_size=5, unique_by=lambda e: e.id), text)
def test_write_then_read_preserves_event_records(evs, quote_text):
    quote = Quote(id="q1", document_id="doc", speaker=None, role=None, text=quote_text,
                  start=0, end=len(quote_text), event_ids=tuple(e.id for e in evs))
    with open_store(":memory:") as store:
        store.write([DocumentResult(document=make_document("doc"), events=tuple(evs),
                                    quotes=(quote,))], dedup=False)
        back = {e.id: e for e in store.iter_events(canonical=False)}
        assert back == {e.id: e for e in evs}
        for e in evs:
            assert Event.from_dict(store.event(e.id)) == e
        assert store.quotes()["text"].to_pylist() == [quote_text]
