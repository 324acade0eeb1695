"""Dask scaling from 1 to 2 workers, and the same event set as the single-process run (issue 8).

Codes the same corpus (the Guardian Syria stories in ``../shared/gold``, or synthetic 600-word
stories when absent) three ways in one run:

1. in this process with ``Pipeline.code_documents`` (the reference event set);
2. on a LocalCluster of 1 worker process;
3. on a LocalCluster of 2 worker processes.

Cluster start-up and model loading (the worker plugin) are timed apart from coding, so the
speed-up 2 vs 1 measures the coding itself (goal ≥ 1.8×). CPU seconds of the worker processes
are sampled too: on a shared machine a speed-up below 2 with equal CPU seconds means the cores
were busy with something else, not that the work did not split.

    .venv/bin/python bench/dask_scaling.py                 # first 80 stories
    .venv/bin/python bench/dask_scaling.py --limit 249 --partition-size 4
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import psutil
from distributed import Client, LocalCluster

from eventwire.config import Config
from eventwire.distributed import PipelinePlugin, run_on_dask
from eventwire.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import load_corpus  # sibling bench script: same corpus rules


def _tree_cpu(root: psutil.Process) -> dict[int, float]:
    """CPU seconds so far of every process below ``root`` (the nannies' worker processes)."""
    seconds: dict[int, float] = {}
    for proc in root.children(recursive=True):
        try:
            times = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        seconds[proc.pid] = times.user + times.system
    return seconds


def _event_set(results) -> set[tuple[str, str]]:
    return {(r.document.id, e.id) for r in results if r.document is not None for e in r.events}


def on_cluster(docs, config: Config, workers: int, partition_size: int):
    """(start-up seconds, coding seconds, worker CPU seconds, event set) on ``workers``."""
    me = psutil.Process()
    started = time.monotonic()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        with Client(cluster) as client:
            plugin = PipelinePlugin(config)
            client.register_plugin(plugin, name=plugin.name)  # every worker loads the model
        startup = time.monotonic() - started
        before = _tree_cpu(me)
        driver = time.process_time()
        started = time.monotonic()
        results = list(run_on_dask(iter(docs), replace(config, workers=workers),
                                   cluster.scheduler_address, partition_size=partition_size))
        coding = time.monotonic() - started
        driver = time.process_time() - driver
        after = _tree_cpu(me)
    per_process = sorted((after[pid] - before.get(pid, 0.0) for pid in after), reverse=True)
    busy = [round(cpu, 1) for cpu in per_process if cpu > 0.5]
    return startup, coding, busy, driver, _event_set(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=80, help="first N documents")
    parser.add_argument("--partition-size", type=int, default=4)
    parser.add_argument("--synthetic", action="store_true", help="ignore the gold corpus")
    args = parser.parse_args()

    config = Config(workers=1)
    docs, name = load_corpus(args.limit, args.synthetic)
    words = sum(len(d.text.split()) for d in docs)
    load = os.getloadavg()
    print(f"corpus: {name}: {len(docs)} documents, {words} words; partition size "
          f"{args.partition_size}; cores={os.cpu_count()}; load average {load[0]:.1f} "
          f"{load[1]:.1f} {load[2]:.1f}")

    pipeline = Pipeline(config).warm_up()
    started = time.monotonic()
    reference = _event_set(pipeline.code_documents(iter(docs)))
    single = time.monotonic() - started
    print(f"single process: {single:6.1f} s coding, {words / single:6.0f} words/s, "
          f"{len(reference)} events")

    timings, bound = {}, {}
    for workers in (1, 2):
        startup, coding, busy, driver, events = on_cluster(docs, config, workers,
                                                           args.partition_size)
        timings[workers] = coding
        # on idle cores the wall time is at least the CPU time of the busiest worker
        bound[workers] = max(busy[0] if busy else coding, driver)
        print(f"dask {workers} worker(s): start-up {startup:5.1f} s, coding {coding:6.1f} s, "
              f"{words / coding:6.0f} words/s; CPU s of busy worker processes {busy}, "
              f"driver {driver:.1f}; {len(events)} events, "
              f"same event set as single process: {events == reference}"
              + ("" if events == reference else
                 f" ({len(events ^ reference)} differ, e.g. {sorted(events ^ reference)[:2]})"))
    load = os.getloadavg()
    print(f"speed-up 2 vs 1 workers: {timings[1] / timings[2]:.2f}x wall clock, "
          f"{bound[1] / bound[2]:.2f}x CPU-bound estimate (busiest process) (goal >= 1.8); "
          f"load average now {load[0]:.1f}")


if __name__ == "__main__":
    main()
