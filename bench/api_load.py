"""Bounded loopback load test of the HTTP API (issue 7/9).

Builds (once, cached at --db) a synthetic store of --events events with the store bench's
generator (``bench/store_bench.py``) through the store's normal write path, starts ``eventwire serve`` on 127.0.0.1 in a subprocess, then sends --requests
requests of mixed query kinds with at most --concurrency in flight (httpx, asyncio), and prints
p50/p95/max latency per kind, the error count and throughput. Loopback only; nothing leaves the
machine.

Phases: one request at a time (service time); a *cold* burst whose requests are mostly
distinct (filters drawn from 1,000 stored events, so few repeat); then the same plan again in
a new order, *warm*, as when many analysts open the same views (the server's response cache
answers repeats; see docs/api.md). ``paged`` in the tables is all ``/api/events`` kinds
together, the issue's goal metric.

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
from pathlib import Path
from typing import IO

import aiohttp
import httpx
from store_bench import synthetic  # bench/ is on sys.path when this script runs


def build_store(path: Path, n_events: int) -> None:
    from eventwire.store import open_store

    t0 = time.perf_counter()
    with open_store(str(path)) as store:
        # The store bench's feed (same data as its numbers); dedup is skipped as it does.
        store.write(synthetic(n_events, 10), batch_size=5_000, dedup=False)
        store.optimize()
        total = store.count_events()
    print(f"built {path} with {total:,} events in {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)


def request_mix(rng: random.Random, sample: list[dict]) -> tuple[str, str, dict]:
    """One request: (kind, path, params), with values drawn from a sample of stored events.
    Paged event queries dominate, as on the dashboard."""
    event = rng.choice(sample)
    kind = rng.choices(
        ["events_page", "events_filtered", "events_near", "events_text", "event_detail",
         "stats", "actors"], weights=[35, 20, 10, 10, 15, 5, 5])[0]
    if kind == "events_page":
        return kind, "/api/events", {"limit": 50, "offset": rng.randrange(0, 5000, 50)}
    if kind == "events_filtered":
        month = event["date"][:7] if event.get("date") else "2015-06"
        return kind, "/api/events", {
            "type": event["event_type"], "actor": event["actor"]["id"], "since": month,
            "until": month, "limit": 50}
    if kind == "events_near":
        loc = next(e["location"] for e in rng.sample(sample, len(sample)) if e["location"])
        return kind, "/api/events", {"near": f"{loc['lat']},{loc['lon']},50", "limit": 50}
    if kind == "events_text":
        return kind, "/api/events", {"q": rng.choice(["positions near", "ceasefire"]),
                                     "limit": 50}
    if kind == "event_detail":
        return kind, f"/api/events/{event['id']}", {}
    if kind == "stats":
        return kind, "/api/stats", {"country": (event["location"] or {}).get("country") or "SYR"}
    return kind, "/api/actors", {"limit": 20}


async def run_load(base: str, n_requests: int, concurrency: int, seed: int,
                   replay: bool = False) -> dict:
    """Send the plan drawn with ``seed``; ``replay`` sends the same requests shuffled."""
    rng = random.Random(seed)
    # aiohttp, not httpx: on 2 shared cores the client's own cost per request is part of
    # what is measured, and httpx spends several times more CPU per request than aiohttp.
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(base, connector=connector, timeout=timeout) as client:
        async with client.get("/api/events", params={
                "limit": 1000, "offset": rng.randrange(0, 10_000)}) as response:
            sample = (await response.json())["events"]
        plan = [request_mix(rng, sample) for _ in range(n_requests)]
        gate = asyncio.Semaphore(concurrency)
        if replay:
            rng.shuffle(plan)
        timings: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        cache_hits = 0

        async def one(kind: str, path: str, params: dict) -> None:
            nonlocal cache_hits
            async with gate:
                t0 = time.perf_counter()
                try:
                    async with client.get(path, params=params) as response:
                        body = await response.read()
                    ok = response.status == 200
                    detail = f"{kind} {response.status} {body[:120]!r}"
                    cache_hits += response.headers.get("x-eventwire-cache") == "hit"
                except (TimeoutError, aiohttp.ClientError) as exc:
                    ok, detail = False, f"{kind} {type(exc).__name__}: {exc}"
                timings[kind].append((time.perf_counter() - t0) * 1000)
                if not ok:
                    errors.append(detail)

        t0 = time.perf_counter()
        await asyncio.gather(*(one(*item) for item in plan))
        wall = time.perf_counter() - t0
    return {"timings": timings, "errors": errors, "wall": wall, "cache_hits": cache_hits}


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
    paged = [v for kind, values in timings.items() if kind.startswith("events_")
             for v in values]
    for name, values in (("paged", paged), ("all", every)):
        print(f"{name:<18}{len(values):>6}{percentile(values, 50):>10.1f}"
              f"{percentile(values, 95):>10.1f}{max(values):>10.1f}")
    print(f"errors: {len(errors)}; wall {result['wall']:.1f} s; "
          f"{len(every) / result['wall']:.0f} req/s; answered from the response cache: "
          f"{result['cache_hits']}")
    for line in errors[:10]:
        print("  ", line)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_and_load(db: Path, args: argparse.Namespace, log: IO[bytes]) -> list[tuple[str, dict]]:
    """Start ``eventwire serve`` on a free loopback port, run the phases, stop it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port),
         "--log-level", "warning", "--workers", str(args.workers),
         "--cache-mb", str(args.cache_mb)], stdout=subprocess.DEVNULL, stderr=log)
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
        # Service time first (one request at a time), then the concurrent bursts.
        phases = [(f"one at a time ({args.sequential} requests)",
                   asyncio.run(run_load(base, args.sequential, 1, args.seed + 1)))]
        title = f"{args.concurrency} concurrent ({args.requests} requests)"
        phases.append((f"{title}, cold",
                       asyncio.run(run_load(base, args.requests, args.concurrency, args.seed))))
        phases.append((f"{title}, warm (same requests again)", asyncio.run(run_load(
            base, args.requests, args.concurrency, args.seed, replay=True))))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return phases


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
    parser.add_argument("--workers", type=int, default=1,
                        help="server processes (eventwire serve --workers); each has its own cache")
    parser.add_argument("--cache-mb", type=int, default=256,
                        help="server response cache (0 = off, to time the store alone)")
    args = parser.parse_args()

    db = args.db or Path(f"/tmp/eventwire-bench-{args.events}.duckdb")
    if not db.exists():
        build_store(db, args.events)
    with tempfile.TemporaryFile() as log:
        phases = serve_and_load(db, args, log)
    print(f"store: {db} ({args.events:,} events); loopback, {os.cpu_count()} CPUs; "
          f"{args.workers} server worker(s), response cache {args.cache_mb} MB")
    for title, result in phases:
        report(title, result)
    return 1 if any(result["errors"] for _, result in phases) else 0


if __name__ == "__main__":
    sys.exit(main())
