"""Store benchmark: ingest N synthetic event rows, then time typical queries.

    .venv/bin/python bench/store_bench.py                 # 1M events, 10 per document
    .venv/bin/python bench/store_bench.py --events 100000 --repeat 20

Prints ingest seconds (with the time spent only generating records, and a baseline: the same
rows inserted as ready-made Arrow tables into a bare DuckDB table), p50/p95 milliseconds per
query, and each query's ratio to a baseline ``SELECT count(*) FROM events`` in the same process.
Dedup is timed separately on a smaller sample (``--dedup-events``). No asserts: numbers only.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import duckdb

from eventwire.model import (
    PLOVER_TYPES,
    Acled,
    Actor,
    Document,
    DocumentResult,
    Event,
    Evidence,
    Place,
    Trigger,
)
from eventwire.store import open_store
from eventwire.store.rows import events_table

COUNTRIES = ("SYR", "IRQ", "YEM", "LBY", "AFG", "NGA", "MLI", "SOM", "UKR", "COL")
SECTORS = ("government", "military", "police", "rebels", "civilians", "party")


def _pools(rng: random.Random) -> tuple[list[Actor], list[Place]]:
    actors = [Actor(f"actor {i}", f"Actor {i}", f"A{i:03d}", rng.choice(COUNTRIES),
                    rng.choice(SECTORS)) for i in range(60)]
    places = [Place(f"Town {i}", f"Town {i}", country, f"Region {i % 7}",
                    round(rng.uniform(-10, 45), 4), round(rng.uniform(-10, 70), 4), 1000 + i,
                    "city")
              for i, country in enumerate(rng.choice(COUNTRIES) for _ in range(400))]
    return actors, places


def synthetic(n_events: int, per_doc: int, seed: int = 1,
              shuffled: bool = False) -> Iterator[DocumentResult]:
    """Varied events over two years, ten countries, 400 towns and 60 actors.

    Like a news feed, documents arrive in publication order and report events of the last
    few days; ``shuffled`` dates events anywhere in the two years (a worst-case back-fill).
    """
    rng = random.Random(seed)
    actors, places = _pools(rng)
    acled = Acled("Battles", "Armed clash")
    start = date(2015, 1, 1)
    days = [(start + timedelta(days=d)).isoformat() for d in range(730)]
    sentence = "Forces attacked positions near the town on Tuesday, officials said."
    n_docs = max(1, -(-n_events // per_doc))
    for d in range(0, n_events, per_doc):
        doc_id = f"bench{d // per_doc:07d}"
        published = (d // per_doc) * 730 // n_docs
        events = []
        for i in range(min(per_doc, n_events - d)):
            off = i * 80
            kind = PLOVER_TYPES[rng.randrange(16)]
            events.append(Event(
                id=f"ev_{doc_id}_{i}", event_type=kind, mode=None, context=("military",),
                cameo="190" if kind == "ASSAULT" else None,
                acled=acled if kind == "ASSAULT" else None,
                actor=actors[rng.randrange(60)],
                recipient=actors[rng.randrange(60)] if rng.random() < 0.7 else None,
                location=places[rng.randrange(400)] if rng.random() < 0.85 else None,
                date=days[rng.randrange(730) if shuffled else max(0, published - rng.randrange(4))],
                date_precision="day", date_text="Tuesday",
                evidence=Evidence(doc_id, sentence, off, off + len(sentence)),
                sources=(doc_id,), confidence=0.5 + rng.random() / 2,
                trigger=Trigger("attacked", "attack", off + 7, off + 15), rule="bench"))
        yield DocumentResult(document=Document(doc_id, f"Bench story {doc_id}.",
                                               outlet="Bench Wire"), events=tuple(events))


def _timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """p50 and p95 wall ms, and p50 CPU ms (all threads; steadier on a shared machine)."""
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)], \
        statistics.median(cpu)


def bench_ingest(db: Path, n_events: int, per_doc: int, batch: int, shuffled: bool) -> None:
    sample = min(n_events, 100_000)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in synthetic(sample, per_doc, shuffled=shuffled):
        pass
    gen_s = (time.perf_counter() - t0) * n_events / sample
    gen_cpu = (time.process_time() - c0) * n_events / sample
    with open_store(db) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        summary = store.write(synthetic(n_events, per_doc, shuffled=shuffled), batch_size=batch,
                              dedup=False)
        ingest_s, ingest_cpu = time.perf_counter() - t0, time.process_time() - c0
        optimize_s = None
        if shuffled:  # out-of-order load: re-sort so date pruning works (see docs/store.md)
            t0 = time.perf_counter()
            store.optimize()
            optimize_s = time.perf_counter() - t0
    print(f"ingest: {summary.events_added:,} events in {summary.documents_added:,} documents "
          f"(batches of {batch} documents): {ingest_s:.1f} s wall, {ingest_cpu:.1f} s CPU "
          f"({summary.events_added / ingest_s:,.0f} events/s); of which generating the records "
          f"~{gen_s:.1f} s wall / {gen_cpu:.1f} s CPU")
    if optimize_s is not None:
        print(f"optimize (re-sort by date + checkpoint): {optimize_s:.1f} s")
    # Baseline: the same rows as ready-made Arrow tables into a bare DuckDB table.
    events = [e for r in synthetic(min(n_events, 200_000), per_doc) for e in r.events]
    arrow = events_table(events)
    conn = duckdb.connect()
    conn.execute("CREATE TABLE e AS SELECT * FROM arrow LIMIT 0")
    t0 = time.perf_counter()
    conn.execute("INSERT INTO e SELECT * FROM arrow")
    raw_s = (time.perf_counter() - t0) * n_events / arrow.num_rows
    conn.close()
    print(f"baseline raw in-memory Arrow insert (scaled to {n_events:,} rows): {raw_s:.2f} s; "
          f"ingest/raw = {ingest_s / raw_s:.0f}x")


def bench_queries(db: Path, repeat: int) -> None:
    rng = random.Random(3)
    with open_store(db, read_only=True) as store:
        conn = store._conn.cursor()
        base50, base95, _ = _timed(lambda: conn.execute("SELECT count(*) FROM events").fetchall(),
                                repeat)

        def page() -> object:
            since = date(2015, 1, 1) + timedelta(days=rng.randrange(600))
            return store.events(type=rng.choice(PLOVER_TYPES), country=rng.choice(COUNTRIES),
                                since=since, until=since + timedelta(days=90), limit=100)

        queries: dict[str, Callable[[], object]] = {
            "page type+country+90 days": page,
            "page actor": lambda: store.events(actor=f"A{rng.randrange(60):03d}", limit=100),
            "page actor by name": lambda: store.events(actor=f"actor {rng.randrange(60)}",
                                                       limit=100),
            "page near 50 km": lambda: store.events(
                near=(rng.uniform(-10, 45), rng.uniform(-10, 70), 50), limit=100),
            "page text q": lambda: store.events(q="officials", limit=100,
                                                offset=rng.randrange(1000)),
            "page deep offset": lambda: store.events(limit=100, offset=rng.randrange(500_000)),
            "count type+country": lambda: store.count_events(type=rng.choice(PLOVER_TYPES),
                                                             country=rng.choice(COUNTRIES)),
            "event(id)": lambda: store.event(f"ev_bench{rng.randrange(1000):07d}_0"),
            "stats": store.stats,
        }
        print(f"baseline SELECT count(*): p50 {base50:.1f} ms, p95 {base95:.1f} ms")
        print(f"{'query':28} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8} {'p50/baseline':>13}")
        for name, fn in queries.items():
            p50, p95, cpu = _timed(fn, repeat)
            print(f"{name:28} {p50:8.1f} {p95:8.1f} {cpu:8.1f} {p50 / max(base50, 1e-3):12.0f}x")


def bench_dedup(n_events: int) -> None:
    """Full dedup of ``n_events``, then an ingest of 100 new stories about the latest days
    (what a daily update looks like): dedup re-sweeps only from the earliest changed date."""
    results = list(synthetic(n_events, 10, seed=9))
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "d.duckdb") as store:
        store.write(results, batch_size=2000, dedup=False)
        t0, c0 = time.perf_counter(), time.process_time()
        merged = store.dedup(full=True)
        print(f"dedup: {n_events:,} events → {merged:,} merged events in "
              f"{time.perf_counter() - t0:.1f} s wall, {time.process_time() - c0:.1f} s CPU")
        update = [DocumentResult(
            document=Document("new-" + r.document.id, "new " + r.document.text),
            events=tuple(e.with_changes(id="new-" + e.id) for e in r.events))
            for r in results[-100:]]
        t0, c0 = time.perf_counter(), time.process_time()
        summary = store.write(update)
        print(f"update: 100 new stories ({summary.events_added:,} events) written and "
              f"deduped into the {n_events:,}-event store in {time.perf_counter() - t0:.1f} s "
              f"wall, {time.process_time() - c0:.1f} s CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--per-doc", type=int, default=10)
    parser.add_argument("--batch", type=int, default=2000, help="documents per transaction")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--dedup-events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="keep the store here")
    parser.add_argument("--shuffled", action="store_true",
                        help="dates scattered over two years instead of following the feed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if db.exists():
            db.unlink()
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        bench_ingest(db, args.events, args.per_doc, args.batch, args.shuffled)
        bench_queries(db, args.repeat)
    if args.dedup_events:
        bench_dedup(args.dedup_events)


if __name__ == "__main__":
    main()
