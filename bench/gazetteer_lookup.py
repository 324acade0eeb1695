"""How much the gazetteer costs next to parsing (issue 4: lookups must not dominate).

Prints the first build of the index (fresh temp cache dir; wall and CPU time, since the shared
development box is often loaded), the time to open a built index,
uncached and cached ``candidates()`` lookups per second, and the time ``locate_events`` takes on
synthetic wire sentences as a ratio of the time spaCy takes to parse the same sentences.

    .venv/bin/python bench/gazetteer_lookup.py                  # 400 sentences
    .venv/bin/python bench/gazetteer_lookup.py --sentences 2000
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from eventwire.config import Config
from eventwire.model import Document, Event, Evidence, Trigger, stable_id
from eventwire.resolve.gazetteer import Gazetteer
from eventwire.resolve.places import locate_events

PLACES = [
    "Aleppo", "Idlib", "Dayr az Zawr", "Raqqa", "Tripoli", "Benghazi", "Mosul", "Tal Afar",
    "Kiev", "Homs", "Hama", "Damascus", "Baghdad", "Kirkuk", "Sanaa", "Aden", "Kabul",
    "Mogadishu", "Beirut", "Sirte", "Misrata", "Kandahar", "Donetsk", "Gaza",
]
TEMPLATES = [
    "Rebels shelled army posts near {a} on Monday, residents in {b} said.",
    "Police arrested dozens of protesters in southern {a}, a spokesman told reporters.",
    "Fighters from rebel-held {a} province attacked a convoy on the road to {b}.",
    "The government accused militants of bombing a market in {a}.",
    "Troops were deployed to {a} after clashes with gunmen, officials in {b} said.",
    "Hundreds marched through {a} to demand the release of detainees.",
]
NAMES = PLACES + ["Ḩalab", "Ar Raqqah", "Deir ez-Zor", "Al Mawsil", "Kyiv", "Syria", "Libya",
                  "Idlib province", "Tall 'Afar", "Nowhere Town", "Springfield", "Georgia"]


def sentences(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(TEMPLATES).format(a=rng.choice(PLACES), b=rng.choice(PLACES))
            for _ in range(n)]


def one_event(doc, document: Document) -> list[Event]:
    """One event on the sentence's root verb, as the coder would produce it."""
    sent = next(doc.sents)
    root = sent.root
    return [Event(
        id=stable_id("ev", document.id), event_type="ASSAULT", mode=None, context=(),
        cameo=None, acled=None, actor=None, recipient=None, location=None, date=None,
        date_precision=None, date_text=None,
        evidence=Evidence(document.id, sent.text, sent.start_char, sent.end_char),
        sources=(document.id,), confidence=0.8,
        trigger=Trigger(root.text, root.lemma_, root.idx, root.idx + len(root.text)),
    )]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=400)
    parser.add_argument("--lookups", type=int, default=20_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as cache:
        config = Config(cache_dir=cache)
        t0, c0 = time.perf_counter(), time.process_time()
        Gazetteer.open(config)
        build_s, build_cpu = time.perf_counter() - t0, time.process_time() - c0
        size_mb = sum(p.stat().st_size for p in Path(cache).iterdir()) / 1e6

        t0 = time.perf_counter()
        for _ in range(20):
            gazetteer = Gazetteer.open(config)
            gazetteer.candidates("Aleppo")
        open_s = (time.perf_counter() - t0) / 20

        names = [NAMES[i % len(NAMES)] for i in range(args.lookups)]
        t0 = time.perf_counter()
        for i in range(0, len(names), len(NAMES)):
            fresh = Gazetteer(gazetteer.path)  # no per-instance cache: every name hits SQLite
            for name in names[i:i + len(NAMES)]:
                fresh.candidates(name)
        uncached = len(names) / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        for name in names:
            gazetteer.candidates(name)
        cached = len(names) / (time.perf_counter() - t0)

        from eventwire.nlp import load_model

        nlp = load_model(config)
        texts = sentences(args.sentences)
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=64))
        parse_s = time.perf_counter() - t0
        documents = [Document(f"s{i}", text) for i, text in enumerate(texts)]
        events = [one_event(doc, document) for doc, document in zip(docs, documents)]
        gazetteer = Gazetteer.open(config)
        t0 = time.perf_counter()
        located = [locate_events(doc, document, evs, gazetteer)
                   for doc, document, evs in zip(docs, documents, events)]
        locate_s = time.perf_counter() - t0
        placed = sum(1 for evs in located for e in evs if e.location is not None)

    print(f"first build          {build_s:8.2f} s   ({build_cpu:.2f} s CPU; "
          f"index {size_mb:.1f} MB)")
    print(f"open built index     {open_s * 1000:8.2f} ms")
    print(f"lookups, uncached    {uncached:8.0f} /s")
    print(f"lookups, cached      {cached:8.0f} /s")
    print(f"spaCy parse          {parse_s:8.2f} s   ({args.sentences} sentences, "
          f"{nlp.meta.get('name')})")
    print(f"locate_events        {locate_s:8.2f} s   ({placed}/{len(located)} events placed)")
    print(f"locate / parse ratio {locate_s / parse_s:8.3f}")


if __name__ == "__main__":
    main()
