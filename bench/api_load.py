"""Bounded loopback load test of the HTTP API (issue 7/9).

Builds (once, cached at --db) a synthetic store of --events events through the store's normal
write path, starts ``eventwire serve`` on 127.0.0.1 in a subprocess, then sends --requests
requests of mixed query kinds with at most --concurrency in flight (httpx, asyncio), and prints
p50/p95/max latency per kind, the error count and throughput. Loopback only; nothing leaves the
machine.

    .venv/bin/python bench/api_load.py                       # 1M events, 200 concurrent
    .venv/bin/python bench/api_load.py --events 20000 --requests 400   # quick run

Exit status 1 when any request failed (non-2xx or transport error).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import IO

import httpx

from eventwire.model import (
    PLOVER_TYPES,
    Actor,
    Document,
    DocumentResult,
    Event,
    Evidence,
    Place,
    Trigger,
    stable_id,
)

ACTORS = [
    Actor("rebels", "Free Syrian Army", "FSA", "SYR", "rebels"),
    Actor("the army", "Syrian Arab Army", "SYRMIL", "SYR", "military"),
    Actor("police", "Iraqi Police", "IRQCOP", "IRQ", "police"),
    Actor("the government", "Government of Iraq", "IRQGOV", "IRQ", "government"),
    Actor("Nusra", "Nusra Front", "NUSRA", "SYR", "rebels"),
    Actor("protesters", "Protesters (Egypt)", "EGYOPP", "EGY", "civilians"),
    Actor("the ministry", "Government of Egypt", "EGYGOV", "EGY", "government"),
    Actor("militants", "Al-Shabaab", "SHABAAB", "SOM", "rebels"),
]
TOWNS = [
    ("Aleppo", "SYR", 36.20, 37.13), ("Homs", "SYR", 34.73, 36.72), ("Mosul", "IRQ", 36.34, 43.12),
    ("Baghdad", "IRQ", 33.34, 44.40), ("Cairo", "EGY", 30.04, 31.24), ("Alexandria", "EGY", 31.20, 29.92),
    ("Mogadishu", "SOM", 2.04, 45.34), ("Kismayo", "SOM", -0.36, 42.55),
]
WORDS = ("attacked", "arrested", "met", "accused", "protested", "deployed", "shelled", "urged")


def synthetic_results(n_events: int, per_doc: int = 10, seed: int = 11) -> Iterator[DocumentResult]:
    """Deterministic varied events: 8 actors, 8 towns with jitter, 16 types, 3 years of days."""
    rng = random.Random(seed)
    start = date(2014, 1, 1)
    for d in range(n_events // per_doc):
        doc_id = f"bench{d:07d}"
        sentences, events, pos = [], [], 0
        for i in range(per_doc):
            actor, recipient = rng.sample(ACTORS, 2)
            town, country, lat, lon = rng.choice(TOWNS)
            word = rng.choice(WORDS)
            sentence = f"{actor.text.capitalize()} {word} {recipient.text} near {town}."
            day = (start + timedelta(days=rng.randrange(1095))).isoformat()
            etype = rng.choice(PLOVER_TYPES)
            trig = pos + len(actor.text) + 1
            events.append(Event(
                id=stable_id("ev", doc_id, i), event_type=etype, mode=None, context=(),
                cameo=None, acled=None, actor=actor, recipient=recipient,
                location=Place(town, town, country, None, lat + rng.uniform(-0.3, 0.3),
                               lon + rng.uniform(-0.3, 0.3), None, "city"),
                date=day, date_precision="day", date_text=None,
                evidence=Evidence(doc_id, sentence, pos, pos + len(sentence)),
                sources=(doc_id,), confidence=round(rng.random(), 3),
                trigger=Trigger(word, word, trig, trig + len(word)), rule="bench"))
            sentences.append(sentence)
            pos += len(sentence) + 1
        yield DocumentResult(
            document=Document(doc_id, " ".join(sentences), title=f"Bench {d}",
                              published=start + timedelta(days=d % 1095), outlet="Bench Wire"),
            events=tuple(events))


def build_store(path: Path, n_events: int) -> None:
    from eventwire.store import open_store

    t0 = time.perf_counter()
    with open_store(str(path)) as store:
        # Dedup is skipped: synthetic reports are all distinct stories, and dedup cost is the
        # store bench's business, not the API's.
        store.write(synthetic_results(n_events), batch_size=5_000, dedup=False)
        total = store.count_events()
    print(f"built {path} with {total:,} events in {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)


def request_mix(rng: random.Random, event_ids: list[str]) -> tuple[str, str, dict]:
    """One request: (kind, path, params). Paged event queries dominate, as on the dashboard."""
    kind = rng.choices(
        ["events_page", "events_filtered", "events_near", "events_text", "event_detail",
         "stats", "actors"], weights=[35, 20, 10, 10, 15, 5, 5])[0]
    if kind == "events_page":
        return kind, "/api/events", {"limit": 50, "offset": rng.randrange(0, 5000, 50)}
    if kind == "events_filtered":
        year = rng.choice(["2014", "2015", "2016"])
        return kind, "/api/events", {
            "type": rng.choice(PLOVER_TYPES), "country": rng.choice(TOWNS)[1],
            "since": f"{year}-03", "until": f"{year}-09", "limit": 50}
    if kind == "events_near":
        _, _, lat, lon = rng.choice(TOWNS)
        return kind, "/api/events", {"near": f"{lat},{lon},20", "limit": 50}
    if kind == "events_text":
        return kind, "/api/events", {"q": rng.choice(WORDS) + " the", "limit": 50}
    if kind == "event_detail":
        return kind, f"/api/events/{rng.choice(event_ids)}", {}
    if kind == "stats":
        return kind, "/api/stats", {"country": rng.choice(TOWNS)[1]}
    return kind, "/api/actors", {"limit": 20}


async def run_load(base: str, n_requests: int, concurrency: int, seed: int) -> dict:
    rng = random.Random(seed)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        page = (await client.get("/api/events", params={"limit": 200})).json()
        event_ids = [e["id"] for e in page["events"]]
        plan = [request_mix(rng, event_ids) for _ in range(n_requests)]
        gate = asyncio.Semaphore(concurrency)
        timings: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []

        async def one(kind: str, path: str, params: dict) -> None:
            async with gate:
                t0 = time.perf_counter()
                try:
                    response = await client.get(path, params=params)
                    ok = response.status_code == 200
                    detail = f"{kind} {response.status_code} {response.text[:120]}"
                except httpx.HTTPError as exc:
                    ok, detail = False, f"{kind} {type(exc).__name__}: {exc}"
                timings[kind].append((time.perf_counter() - t0) * 1000)
                if not ok:
                    errors.append(detail)

        t0 = time.perf_counter()
        await asyncio.gather(*(one(*item) for item in plan))
        wall = time.perf_counter() - t0
    return {"timings": timings, "errors": errors, "wall": wall}


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 \
        else values[0]


def report(title: str, result: dict) -> None:
    timings, errors = result["timings"], result["errors"]
    print(f"\n{title}")
    print(f"{'kind':<18}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    every = [v for values in timings.values() for v in values]
    for kind in sorted(timings):
        values = timings[kind]
        print(f"{kind:<18}{len(values):>6}{percentile(values, 50):>10.1f}"
              f"{percentile(values, 95):>10.1f}{max(values):>10.1f}")
    print(f"{'all':<18}{len(every):>6}{percentile(every, 50):>10.1f}"
          f"{percentile(every, 95):>10.1f}{max(every):>10.1f}")
    print(f"errors: {len(errors)}; wall {result['wall']:.1f} s; "
          f"{len(every) / result['wall']:.0f} req/s")
    for line in errors[:10]:
        print("  ", line)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_and_load(db: Path, args: argparse.Namespace, log: IO[bytes]) -> tuple[dict, dict]:
    """Start ``eventwire serve`` on a free loopback port, run both phases, stop it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port),
         "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise SystemExit(f"server did not start: {log.read().decode()[-2000:]}")
            time.sleep(0.2)
        # Service time first (one request at a time), then the concurrent burst.
        alone = asyncio.run(run_load(base, args.sequential, 1, args.seed + 1))
        burst = asyncio.run(run_load(base, args.requests, args.concurrency, args.seed))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return alone, burst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None,
                        help="store to use/create (default: /tmp/eventwire-bench-<N>.duckdb)")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--sequential", type=int, default=100,
                        help="requests sent one at a time first, for the service time")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    db = args.db or Path(f"/tmp/eventwire-bench-{args.events}.duckdb")
    if not db.exists():
        build_store(db, args.events)
    with tempfile.TemporaryFile() as log:
        alone, burst = serve_and_load(db, args, log)
    print(f"store: {db} ({args.events:,} events); loopback, {os.cpu_count()} CPUs")
    report(f"one at a time ({args.sequential} requests)", alone)
    report(f"{args.concurrency} concurrent ({args.requests} requests)", burst)
    errors = alone["errors"] + burst["errors"]
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
