"""A small synthetic store for the API and dashboard tests: stories whose text really contains
each event's evidence sentence at the stored offsets, so highlighting can be checked.

All text is written here by hand (nothing from gold data). Two outlets report the same Aleppo
attack, which the store's dedup merges into one event with two sources.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from factories import ACTORS, make_event, make_place

from eventwire.model import Document, DocumentResult, Event, Evidence, Quote, Trigger, stable_id


@dataclass(frozen=True)
class Sentence:
    text: str
    event_type: str | None = None  # None: a sentence with no event
    actor: str | None = None
    recipient: str | None = None
    town: str | None = None
    day: str | None = None
    trigger: str | None = None
    quote: tuple[str, str] | None = None  # (speaker, quoted text inside the sentence)


STORIES: dict[str, tuple[str, list[Sentence]]] = {
    "wire-aleppo-1": ("2016-05-11", [
        Sentence("Fighting resumed in northern Syria this week.", None),
        Sentence("Rebels attacked an army base near Aleppo on Tuesday.", "ASSAULT", "REB",
                 "ARMY", "Aleppo", "2016-05-10", "attacked"),
        Sentence('"We will respond with force," said an army spokesman in Aleppo.', "THREATEN",
                 "ARMY", "REB", "Aleppo", "2016-05-11", "respond",
                 quote=("an army spokesman", "We will respond with force,")),
    ]),
    "wire-aleppo-2": ("2016-05-11", [
        Sentence("Insurgents stormed a military post outside Aleppo on Tuesday.", "ASSAULT",
                 "REB", "ARMY", "Aleppo", "2016-05-10", "stormed"),
    ]),
    "wire-homs": ("2016-05-20", [
        Sentence("The army arrested dozens of protesters in Homs on Friday.", "COERCE", "ARMY",
                 None, "Homs", "2016-05-20", "arrested"),
        Sentence("Hundreds of people marched through Homs to demand their release.", "PROTEST",
                 None, "ARMY", "Homs", "2016-05-20", "marched"),
    ]),
    "wire-baghdad": ("2016-06-02", [
        Sentence("The Iraqi government met police commanders in Baghdad on Thursday.",
                 "CONSULT", "GOV", "POL", "Baghdad", "2016-06-02", "met"),
        Sentence("Police accused Nusra of planning attacks in Mosul.", "ACCUSE", "POL",
                 "NUSRA", "Mosul", "2016-06-01", "accused"),
    ]),
    "wire-azaz": ("2016-06-15", [
        Sentence("Nusra fighters shelled Azaz overnight.", "ASSAULT", "NUSRA", "REB", "Azaz",
                 "2016-06-14", "shelled"),
    ]),
}


def story_result(doc_id: str, published: str, sentences: list[Sentence]) -> DocumentResult:
    text = ""
    events: list[Event] = []
    quotes: list[Quote] = []
    for n, s in enumerate(sentences):
        start = len(text) + (1 if text else 0)
        text = f"{text} {s.text}" if text else s.text
        if s.event_type is None:
            continue
        t_start = start + s.text.index(s.trigger or s.text.split()[0])
        trigger = Trigger(s.trigger or "", s.trigger or "", t_start, t_start + len(s.trigger or ""))
        event = make_event(
            doc_id, n, event_type=s.event_type,
            actor=ACTORS[s.actor] if s.actor else None,
            recipient=ACTORS[s.recipient] if s.recipient else None,
            town=s.town, day=s.day, sentence=s.text, confidence=0.5 + 0.05 * n,
        ).with_changes(
            evidence=Evidence(doc_id, s.text, start, start + len(s.text)), trigger=trigger,
            location=make_place(s.town) if s.town else None)
        if s.quote:
            speaker, said = s.quote
            q_start = start + s.text.index(said)
            quote = Quote(stable_id("q", doc_id, q_start), doc_id, speaker, "spokesman", said,
                          q_start, q_start + len(said), (event.id,))
            quotes.append(quote)
            event = event.with_changes(quotes=(quote.id,))
        events.append(event)
    doc = Document(id=doc_id, text=text, title=f"Report {doc_id}",
                   url=f"https://example.org/{doc_id}", published=date.fromisoformat(published),
                   outlet="Example Wire")
    return DocumentResult(document=doc, events=tuple(events), quotes=tuple(quotes))


def story_results() -> list[DocumentResult]:
    return [story_result(doc_id, pub, sents) for doc_id, (pub, sents) in STORIES.items()]


def build_store(path: Path) -> Path:
    """Write the stories into a new store at ``path`` and close it."""
    from eventwire.store import open_store

    with open_store(str(path)) as store:
        store.write(story_results())
    return path


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Run ``app`` under uvicorn on a free loopback port in a thread; yields the base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
        sock.close()
