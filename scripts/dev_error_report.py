"""Error analysis of the rule-based coder on a DEVELOPMENT gold file (never on held-out test sets).

Usage: ``python scripts/dev_error_report.py GOLD.jsonl [--limit N] [--errors N] [--class TYPE]
[--seed S] [--no-cache] [--actors | --recipients]``

For every gold event with a PLOVER label it picks the coder's event that best matches the gold
(actor, recipient) pair (token overlap), falling back to the most confident event, and prints:
per-class recall of that event's type, the NONE rate (no event at all in the sentence), the
share of gold actors/recipients whose text our chosen event matches (the eval's own rule,
``eventwire.eval.scoring.argument_match``: containment or token F1 >= 0.5; "by text or name" also accepts the actor's resolved name, which is how a pronoun actor
such as "it" is checked against its antecedent), and a sample of errors with the rules that
fired (``--actors``/``--recipients`` sample role mismatches instead). Rules only: the typer is
switched off, so the numbers measure the lexicon and the parse-based roles. Parses are cached in /tmp (DocBin) so that re-running
after a lexicon or rule change costs only the coding, not the parse.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from eventwire.eval.scoring import argument_match, token_f1

HELD_OUT = ("zsp_plv_test", "case2021_task2")
def _f1(gold: str | None, predicted: str) -> float:
    return token_f1(gold, predicted) if gold and predicted else 0.0


def actor_text(actor) -> str:
    return actor.text if actor is not None else ""


def load_docs(nlp, items: list[dict], cache: bool):
    """Parsed docs for every item, from a DocBin cache keyed by model and texts."""
    from spacy.tokens import DocBin

    from eventwire.nlp import model_name

    digest = hashlib.sha1((model_name(nlp) + "\n".join(i["text"] for i in items)).encode())
    path = Path("/tmp") / f"eventwire-dev-{digest.hexdigest()[:16]}.spacy"
    if cache and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((i["text"] for i in items), batch_size=64))
    if cache:
        DocBin(store_user_data=True, docs=docs).to_disk(path)
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", type=int, default=30, help="errors to print")
    parser.add_argument("--class", dest="cls", default=None, help="only errors of this gold type")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--actors", action="store_true", help="print actor mismatches instead")
    parser.add_argument("--recipients", action="store_true",
                        help="print recipient mismatches instead")
    args = parser.parse_args(argv)
    if any(name in Path(args.gold).name for name in HELD_OUT):
        parser.error(f"{args.gold} is a held-out test set: not for error analysis")

    from eventwire.coding import CodingResources, code_document
    from eventwire.config import Config
    from eventwire.model import Document
    from eventwire.pipeline import Pipeline

    lines = Path(args.gold).read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()][:args.limit]
    config = Config(workers=1, use_typer=False)
    pipeline = Pipeline(config)
    resources = CodingResources.load(config)
    docs = load_docs(pipeline.nlp, items, cache=not args.no_cache)
    started = time.monotonic()
    results = []
    for item, doc in zip(items, docs):
        document = Document(id=item["id"], text=item["text"])
        results.append(code_document(doc, document, resources, config))
    elapsed = time.monotonic() - started

    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # n, chosen ok, any ok
    confusion: Counter = Counter()
    totals = Counter()
    errors, actor_errors, recipient_errors = [], [], []
    n_events = sum(len(r) for r in results)
    for item, events in zip(items, results):
        for gold in item.get("events") or []:
            cands = gold.get("plover_candidates") or []
            if not cands:
                continue
            totals["n"] += 1
            label = gold.get("plover") or "/".join(cands)
            best, best_score = None, -1.0
            for event in events:
                score = _f1(gold.get("actor"), actor_text(event.actor)) + _f1(
                    gold.get("recipient"), actor_text(event.recipient))
                key = (score, event.confidence)
                if best is None or key > (best_score, best.confidence):
                    best, best_score = event, score
            pred = best.event_type if best is not None else "NONE"
            ok = pred in cands
            any_ok = any(e.event_type in cands for e in events)
            per[label][0] += 1
            per[label][1] += ok
            per[label][2] += any_ok
            totals["ok"] += ok
            totals["any"] += any_ok
            totals["none"] += pred == "NONE"
            confusion[(label, pred)] += not ok
            if gold.get("actor"):
                totals["actors"] += 1
                a_ok = best is not None and argument_match(gold["actor"], actor_text(best.actor))
                totals["actor_ok"] += a_ok
                totals["actor_named_ok"] += a_ok or (best is not None and best.actor is not None
                                                     and argument_match(gold["actor"],
                                                                        best.actor.name))
                if not a_ok and best is not None:
                    actor_errors.append((gold["actor"], actor_text(best.actor), item["text"]))
            if gold.get("recipient"):
                totals["recipients"] += 1
                r_ok = best is not None and argument_match(
                    gold["recipient"], actor_text(best.recipient))
                totals["recipient_ok"] += r_ok
                if not r_ok and best is not None:
                    recipient_errors.append((gold["recipient"], actor_text(best.recipient),
                                             best.rule, item["text"]))
            if not ok and (args.cls is None or args.cls in cands):
                rules = [(e.event_type, e.rule) for e in events]
                errors.append((label, pred, gold.get("actor"), gold.get("recipient"),
                               rules, item["text"]))

    n = max(1, totals["n"])
    print(f"file {args.gold}: {len(items)} sentences, {totals['n']} labelled events, "
          f"{n_events} coded events, coding {elapsed:.1f}s")
    print(f"type accuracy (pair-chosen event) {totals['ok'] / n:.3f}   "
          f"type in any event {totals['any'] / n:.3f}   NONE rate {totals['none'] / n:.3f}")
    print(f"actor match {totals['actor_ok'] / max(1, totals['actors']):.3f} "
          f"({totals['actors']}), by text or name "
          f"{totals['actor_named_ok'] / max(1, totals['actors']):.3f}   recipient match "
          f"{totals['recipient_ok'] / max(1, totals['recipients']):.3f} ({totals['recipients']})")
    print(f"{'class':20} {'n':>5} {'recall':>7} {'any':>7}")
    for label, (count, ok, any_ok) in sorted(per.items()):
        print(f"{label:20} {count:5d} {ok / count:7.2f} {any_ok / count:7.2f}")
    print("top confusions (gold, predicted):", confusion.most_common(15))
    rng = random.Random(args.seed)
    sample = actor_errors if args.actors else recipient_errors if args.recipients else errors
    for row in rng.sample(sample, min(args.errors, len(sample))):
        print("-", *row[:-1], "|", row[-1][:220])
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    sys.exit(main())
