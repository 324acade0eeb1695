"""eventwire throughput next to the spaCy parse alone (issue 8), in one process run.

(a) the spaCy parse alone: load the model + ``nlp.pipe`` over the corpus with the same model,
    ``batch_size`` and ``n_process=--workers``;
(b) the full eventwire pipeline (``eventwire.runner.run_documents``: a process pool where each
    worker codes whole chunks when ``--workers`` > 1), start-up included;
(c) optionally (``--pipe-baseline``) the old path: ``nlp.pipe(n_process)`` parses in parallel but
    coding runs in the parent.

Prints words/s, documents/s, 600-word stories/s, peak RSS and PSS per worker process, and the
ratio b/a (goal ≥ 0.80 on 2 cores; ≥ 14 stories/s; ≤ 1.5 GB per worker). With ``--rounds`` > 1
the variants alternate (a, b, a, b…) so machine noise hits both, and the median ratio is shown.

Corpus: the 249 Guardian Syria stories in ``../shared/gold`` (relative to the repo root), or a
synthetic corpus of 600-word stories when that file is absent (``--synthetic`` forces it).

    .venv/bin/python bench/throughput.py                       # 2 workers, whole corpus
    .venv/bin/python bench/throughput.py --workers 1 --limit 60
    .venv/bin/python bench/throughput.py --rounds 3 --pipe-baseline --start-method spawn
    .venv/bin/python bench/throughput.py --stages --longest --limit 15   # cost per stage
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import psutil

from eventwire.config import Config
from eventwire.model import Document

ROOT = Path(__file__).resolve().parents[1]
GUARDIAN = ROOT / ".." / "shared" / "gold" / "ngec_guardian_syria.jsonl"
STORY_WORDS = 600
SYNTHETIC_SENTENCES = (
    "Government forces shelled rebel positions near Idlib on Monday, killing six fighters.",
    "The foreign minister accused Russia of violating the ceasefire in northern Syria.",
    "Police arrested twelve protesters in Baghdad after demonstrators blocked a bridge.",
    "The United Nations sent food aid to refugees in Lebanon, officials said on Tuesday.",
    "\"We will not accept this,\" the president told reporters in Damascus.",
    "Talks between the two sides are expected to resume in Geneva next week.",
    "Residents said the market had been closed for days because of the fighting.",
)


def load_corpus(limit: int | None, synthetic: bool) -> tuple[list[Document], str]:
    if GUARDIAN.exists() and not synthetic:
        docs = []
        with GUARDIAN.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                published = record.get("date")
                docs.append(Document(id=record["id"], text=record["text"],
                                     published=date.fromisoformat(published) if published
                                     else None))
        name = "ngec_guardian_syria (gold)"
    else:
        docs = [synthetic_story(i) for i in range(limit or 200)]
        name = "synthetic 600-word stories"
    return docs[:limit] if limit else docs, name


def synthetic_story(index: int) -> Document:
    words, sentences = 0, []
    while words < STORY_WORDS:
        sentence = SYNTHETIC_SENTENCES[(index + len(sentences)) % len(SYNTHETIC_SENTENCES)]
        sentences.append(sentence)
        words += len(sentence.split())
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    return Document(id=f"synthetic-{index}", text="\n\n".join(paragraphs),
                    published=date(2024, 1, 1 + index % 28))


class MemoryWatch:
    """Samples RSS and PSS of this process and its children (the workers) every 0.1 s.

    PSS splits pages shared copy-on-write between the processes that map them, so it is the
    honest per-worker cost under ``fork``; RSS counts shared pages in every process."""

    def __init__(self) -> None:
        self.peak_rss: dict[int, int] = {}
        self.peak_pss: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.1):
            for proc in me.children(recursive=True):
                try:
                    info = proc.memory_full_info()
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                self.peak_rss[proc.pid] = max(self.peak_rss.get(proc.pid, 0), info.rss)
                self.peak_pss[proc.pid] = max(self.peak_pss.get(proc.pid, 0),
                                              getattr(info, "pss", info.rss))

    def __enter__(self) -> MemoryWatch:  # noqa: PYI034 (Self needs Python 3.11 typing)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    name: str
    seconds: float
    documents: int
    words: int
    events: int
    event_ids: frozenset[str]
    worker_rss_mb: float
    worker_pss_mb: float
    cpu_seconds: float

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds

    @property
    def words_per_cpu_s(self) -> float:
        return self.words / self.cpu_seconds

    def line(self) -> str:
        return (f"{self.name:<34} {self.seconds:7.1f} s  {self.words_per_s:7.0f} words/s  "
                f"({self.words_per_cpu_s:5.0f} words/CPU-s)  "
                f"{self.documents / self.seconds:6.2f} docs/s  "
                f"{self.words_per_s / STORY_WORDS:6.2f} 600-word stories/s  "
                f"worker peak RSS {self.worker_rss_mb:6.0f} MB, PSS {self.worker_pss_mb:6.0f} MB"
                f"  events {self.events}")


@contextmanager
def measured() -> Iterator[dict[str, float]]:
    out: dict[str, float] = {}
    with MemoryWatch() as watch:
        cpu = _cpu_seconds()
        started = time.monotonic()
        yield out
        out["seconds"] = time.monotonic() - started
        out["cpu"] = _cpu_seconds() - cpu
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    rss = max(watch.peak_rss.values(), default=own)
    pss = max(watch.peak_pss.values(), default=own)
    out["rss_mb"], out["pss_mb"] = rss / 2**20, pss / 2**20


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished (joined) children: the worker pools are
    joined before a run ends, so their time is counted. On a shared machine CPU time is a
    steadier yardstick than the wall clock."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def parse_alone(docs: list[Document], config: Config) -> Run:
    from eventwire.nlp import load_model

    with measured() as m:
        nlp = load_model(config)  # start-up included, as in (b)
        count = sum(1 for _ in nlp.pipe((d.text for d in docs), batch_size=config.batch_size,
                                        n_process=config.workers))
    assert count == len(docs)
    return Run("(a) spaCy parse alone", m["seconds"], len(docs), _words(docs), 0, frozenset(),
               m["rss_mb"], m["pss_mb"], m["cpu"])


def eventwire_full(docs: list[Document], config: Config, start_method: str | None) -> Run:
    from eventwire.parallel import code_parallel
    from eventwire.runner import run_documents

    with measured() as m:
        if config.workers > 1 and start_method:
            results = code_parallel(iter(docs), config, start_method=start_method)
        else:
            results = run_documents(iter(docs), config)
        ids: set[str] = set()
        documents = 0
        for result in results:
            documents += 1
            ids.update(e.id for e in result.events)
    label = f"(b) eventwire pipeline{f' [{start_method}]' if start_method else ''}"
    return Run(label, m["seconds"], documents, _words(docs), len(ids), frozenset(ids),
               m["rss_mb"], m["pss_mb"], m["cpu"])


def pipe_baseline(docs: list[Document], config: Config) -> Run:
    """The path before the pool: only the parse is parallel (nlp.pipe n_process)."""
    from eventwire.pipeline import Pipeline

    with measured() as m:
        ids = frozenset(e.id for r in Pipeline(config).code_documents(iter(docs))
                        for e in r.events)
    return Run("(c) nlp.pipe(n_process) + coding", m["seconds"], len(docs), _words(docs),
               len(ids), ids,
               m["rss_mb"], m["pss_mb"], m["cpu"])


def stage_costs(docs: list[Document], config: Config) -> None:
    """CPU time of each stage after the parse, in one process, as a share of the parse: the
    coding and resolve steps must stay small next to it (issue 8: ≤ ~20 %)."""
    from eventwire.coding import code_document
    from eventwire.pipeline import Pipeline
    from eventwire.resolve.dates import date_events
    from eventwire.resolve.places import locate_events
    from eventwire.resolve.quotes import extract_quotes

    pipeline = Pipeline(replace(config, workers=1)).warm_up()
    started = time.process_time()
    parsed = list(pipeline.nlp.pipe((d.text for d in docs), batch_size=config.batch_size))
    parse = time.process_time() - started
    costs = dict.fromkeys(("code", "places", "dates", "quotes"), 0.0)
    for doc, document in zip(parsed, docs):
        clock = time.process_time()
        events = code_document(doc, document, pipeline.resources, pipeline.config)
        costs["code"] += (now := time.process_time()) - clock
        events = locate_events(doc, document, events, pipeline.gazetteer)
        costs["places"] += (clock := time.process_time()) - now
        events = date_events(doc, document, events, pipeline.date_resolver)
        costs["dates"] += (now := time.process_time()) - clock
        extract_quotes(doc, document, events, pipeline.resources.actors)
        costs["quotes"] += time.process_time() - now
    shares = ", ".join(f"{k} {v:.2f} s ({v / parse:.1%})" for k, v in costs.items())
    print(f"stages (CPU, one process): parse {parse:.2f} s; {shares}; "
          f"all after the parse: {sum(costs.values()) / parse:.1%} of the parse")


def _words(docs: list[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=Config().batch_size)
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--synthetic", action="store_true", help="ignore the gold corpus")
    parser.add_argument("--start-method", choices=("fork", "spawn"), default=None,
                        help="process start method of the pool (default: fork on Linux)")
    parser.add_argument("--stages", action="store_true",
                        help="only time each stage after the parse, in one process")
    parser.add_argument("--longest", action="store_true",
                        help="take the longest documents first (with --limit)")
    parser.add_argument("--pipe-baseline", action="store_true",
                        help="also time (c) nlp.pipe(n_process) with coding in the parent")
    args = parser.parse_args()

    from eventwire.resolve.gazetteer import Gazetteer

    config = replace(Config(), workers=args.workers, batch_size=args.batch_size)
    docs, name = load_corpus(None if args.longest else args.limit, args.synthetic)
    if args.longest:
        docs = sorted(docs, key=lambda d: -len(d.text))[:args.limit]
    Gazetteer.open(config).close()  # build the index once, outside the timings
    load = os.getloadavg()
    print(f"corpus: {name}: {len(docs)} documents, {_words(docs)} words "
          f"({_words(docs) / len(docs):.0f} per document); workers={args.workers} "
          f"batch_size={args.batch_size}; cores={os.cpu_count()}; "
          f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    if args.stages:
        stage_costs(docs, config)
        return
    variants: list[Callable[[], Run]] = [
        lambda: parse_alone(docs, config),
        lambda: eventwire_full(docs, config, args.start_method),
    ]
    if args.pipe_baseline:
        variants.append(lambda: pipe_baseline(docs, config))
    ratios, cpu_ratios, best = [], [], 0.0
    for round_ in range(1, args.rounds + 1):
        runs = [variant() for variant in variants]
        for run in runs:
            print(f"round {round_}  {run.line()}")
        ratios.append(runs[1].words_per_s / runs[0].words_per_s)
        cpu_ratios.append(runs[1].words_per_cpu_s / runs[0].words_per_cpu_s)
        best = max(best, runs[1].words_per_cpu_s)
        print(f"round {round_}  ratio b/a = {ratios[-1]:.2f} wall clock, "
              f"{cpu_ratios[-1]:.2f} CPU time"
              + (f"; c/a = {runs[2].words_per_s / runs[0].words_per_s:.2f} wall clock; "
                 f"same event ids in b and c: {runs[1].event_ids == runs[2].event_ids} "
                 f"({len(runs[1].event_ids ^ runs[2].event_ids)} differ)"
                 if args.pipe_baseline else ""))
    load = os.getloadavg()
    print(f"median ratio b/a over {args.rounds} round(s): {statistics.median(ratios):.2f} wall "
          f"clock, {statistics.median(cpu_ratios):.2f} CPU time (goal >= 0.80); "
          f"load average now {load[0]:.1f}")
    print(f"CPU-bound estimate for (b) on {args.workers} idle core(s): "
          f"{best * args.workers / STORY_WORDS:.1f} 600-word stories/s (goal >= 14 on 2)")


if __name__ == "__main__":
    main()
