"""Cross-story dedup: pure clustering/merging rules, then the store step (reversible)."""

from __future__ import annotations

import random

import pytest
from factories import (
    dedup_clusters,
    make_document,
    make_event,
    make_place,
    make_result,
    synthetic_dedup_set,
)

from eventwire.dedup import (
    DedupParams,
    canonical_id,
    cluster_events,
    compatible,
    date_interval,
    haversine_km,
    merge_cluster,
    pairwise_scores,
)
from eventwire.model import DocumentResult
from eventwire.store import open_store


def _scores(reports, params=None):
    clusters = cluster_events([r.event for r in reports], params or DedupParams())
    truth = {r.event.id: r.truth for r in reports}
    return pairwise_scores([[e.id for e in c] for c in clusters], truth), clusters


def test_the_same_attack_told_three_ways_merges_and_near_misses_stay_apart():
    reports = dedup_clusters()
    (precision, recall), clusters = _scores(reports)
    print(f"hand-made clusters: precision={precision:.3f} recall={recall:.3f}")
    by_truth = {r.event.id: r.truth for r in reports}
    labels = sorted(tuple(sorted(by_truth[e.id] for e in c)) for c in clusters)
    assert ("aleppo-attack",) * 3 in labels
    assert ("mosul-arrest",) * 2 in labels
    for miss in ("azaz-attack", "aleppo-attack-next-week", "aleppo-arrests", "nusra-attack",
                 "baghdad-attack", "undated-report"):
        assert (miss,) in labels
    assert precision == 1.0 and recall == 1.0


def test_precision_and_recall_on_a_noisy_synthetic_set():
    for seed in (11, 12):
        (precision, recall), _ = _scores(synthetic_dedup_set(150, seed))
        print(f"synthetic seed={seed}: precision={precision:.3f} recall={recall:.3f}")
        assert precision >= 0.93 and recall >= 0.93


def test_merging_nothing_gives_perfect_precision_but_poor_recall():
    """The scorer itself can fail: singletons must score low recall on a set with clusters."""
    reports = synthetic_dedup_set(60, 3)
    truth = {r.event.id: r.truth for r in reports}
    precision, recall = pairwise_scores([[r.event.id] for r in reports], truth)
    assert precision == 1.0 and recall == 0.0


def test_clusters_do_not_depend_on_input_order():
    events = [r.event for r in synthetic_dedup_set(60, 5)]
    first = cluster_events(events)
    shuffled = events[:]
    random.Random(1).shuffle(shuffled)
    assert cluster_events(shuffled) == first


def test_compatibility_rules():
    a = make_event("A", town="Aleppo")
    assert compatible(a, make_event("B", town="Anadan"))  # ~13 km
    assert not compatible(a, make_event("B", town="Azaz"))  # ~43 km
    assert compatible(a, make_event("B", town="Azaz"), DedupParams(radius_km=50))
    assert not compatible(a, make_event("A", n=1))  # same document: not cross-story
    assert not compatible(a, make_event("B", event_type="COERCE"))
    assert not compatible(a, make_event("B", actor="NUSRA"))
    assert compatible(a, make_event("B", actor=None))  # unknown actor is compatible
    assert compatible(a, make_event("B", town=None))
    assert not compatible(a, make_event("B", day="2016-05-13"))
    assert compatible(a, make_event("B", day="2016-05-20", precision="month"))
    assert not compatible(a, make_event("B", day=None))
    assert not compatible(a, make_event("B", modality="hypothetical"))
    country_only = make_event("B", town=None).with_changes(location=make_place(
        "Homs", precision="country"))
    assert compatible(a, country_only)


def test_date_interval_follows_precision():
    assert date_interval(make_event(day="2016-02-10", precision="month"), DedupParams(
        day_tolerance=0)) == (make_date(2016, 2, 1), make_date(2016, 2, 29))
    assert date_interval(make_event(day=None)) is None


def make_date(y, m, d):
    from datetime import date

    return date(y, m, d)


def test_haversine_is_sane():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)
    assert haversine_km(36.2, 37.1, 36.2, 37.1) == 0


def test_merge_takes_most_precise_place_and_date_and_keeps_every_source():
    coarse = make_event("A", day="2016-05-10", precision="month", confidence=0.9).with_changes(
        location=make_place("Aleppo", precision="admin1"))
    precise = make_event("B", town="Anadan", day="2016-05-11", confidence=0.5)
    third = make_event("C", recipient=None, town=None, precision="year", confidence=0.7)
    merged = merge_cluster([coarse, precise, third])
    assert merged.id == canonical_id([third.id, precise.id, coarse.id])
    assert merged.location == precise.location
    assert (merged.date, merged.date_precision) == ("2016-05-11", "day")
    assert merged.sources == ("A", "B", "C")
    assert merged.evidence == coarse.evidence  # highest-confidence report speaks for it
    assert merged.recipient is not None and merged.recipient.id == "SYRMIL"
    assert merged.confidence == 0.9
    assert merge_cluster([precise, third, coarse]) == merged


def _reports_as_results(reports):
    return [DocumentResult(document=make_document(r.event.evidence.document_id),
                           events=(r.event,)) for r in reports]


def test_store_keeps_reports_and_lists_every_source_of_a_merged_event():
    reports = dedup_clusters()
    with open_store(":memory:") as store:
        summary = store.write(_reports_as_results(reports))
        assert summary.merged_events == 2
        per_story = store.events(canonical=False, limit=100)
        assert per_story.num_rows == len(reports)
        canonical = store.events(limit=100)
        assert canonical.num_rows == len(reports) - 3  # 3 → 1 and 2 → 1
        merged_ids = [i for i, k in zip(canonical["id"].to_pylist(),
                                        canonical["kind"].to_pylist()) if k == "merged"]
        attack = [store.event(i) for i in merged_ids if store.event(i)["sources"][0] == "outletA-1"]
        assert len(attack) == 1
        detail = attack[0]
        assert detail["sources"] == ["outletA-1", "outletB-7", "outletC-3"]
        assert len(detail["evidence_list"]) == 3 and len(detail["members"]) == 3
        assert [d["id"] for d in detail["documents"]] == detail["sources"]
        member = store.event(detail["members"][0])
        assert member["kind"] == "story" and member["canonical_id"] == detail["id"]


def test_dedup_is_deterministic_and_reversible_when_a_story_changes():
    reports = dedup_clusters()
    with open_store(":memory:") as first, open_store(":memory:") as second:
        first.write(_reports_as_results(reports))
        second.write(list(reversed(_reports_as_results(reports))), batch_size=3)
        ids = sorted(first.events(limit=100)["id"].to_pylist())
        assert ids == sorted(second.events(limit=100)["id"].to_pylist())
        # outletB-7 is re-coded with a different date: its report leaves the cluster.
        changed = reports[1].event.with_changes(date="2016-05-25")
        first.write([DocumentResult(document=make_document("outletB-7", text="revised"),
                                    events=(changed,))])
        detail = [first.event(i) for i in first.events(type="ASSAULT", limit=100)["id"]
                  .to_pylist() if first.event(i)["kind"] == "merged"]
        assert [d["sources"] for d in detail] == [["outletA-1", "outletC-3"]]
        assert first.count_events(canonical=False) == len(reports)


def test_full_dedup_recomputes_with_new_parameters():
    with open_store(":memory:") as store:
        store.write([make_result("a", 1, town="Aleppo"), make_result("b", 1, town="Azaz")])
        assert store.count_events() == 2
        assert store.dedup(params=DedupParams(radius_km=60), full=True) == 1
        assert store.count_events() == 1


def _canonical_map(store) -> list[tuple[str, str]]:
    """Each event's canonical id; the stored ``canonical`` flag must agree with it."""
    with store._cursor() as cur:
        rows = cur.execute("SELECT id, canonical_id, canonical FROM events").fetchall()
    assert [r for r in rows if r[2] is not (r[0] == r[1])] == []
    return sorted((i, c) for i, c, _ in rows)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_incremental_dedup_equals_a_full_recompute(seed):
    """Stories arriving in random chunks (some later revised) end where one full run ends."""
    rng = random.Random(seed)
    odd = ({"date_precision": "year"}, {"date_inherited": True},
           {"date_precision": "month"})  # full ISO date, month precision
    reports = [r if rng.random() > 0.15 else type(r)(r.event.with_changes(
        **rng.choice(odd)), r.truth) for r in synthetic_dedup_set(70, seed)]
    results = _reports_as_results(reports)
    rng.shuffle(results)
    revised = []
    for result in rng.sample(results, 8):  # re-coded later: date moved or report dropped
        event = result.events[0]
        events = () if rng.random() < 0.3 else (event.with_changes(date="2016-01-15"),)
        revised.append(DocumentResult(document=make_document(
            result.document.id, text="revised"), events=events))
    final = {r.document.id: r for r in results} | {r.document.id: r for r in revised}
    with open_store(":memory:") as incremental, open_store(":memory:") as once:
        position = 0
        while position < len(results):
            step = rng.randint(1, 25)
            incremental.write(results[position:position + step], batch_size=7)
            position += step
        incremental.write(revised)
        once.write(list(final.values()))
        assert _canonical_map(incremental) == _canonical_map(once)
        assert incremental.stats()["merged_events"] > 5
        full = _canonical_map(incremental)
        incremental.dedup(full=True)
        assert _canonical_map(incremental) == full
